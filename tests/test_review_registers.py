"""Regression tests for the review of the registers, the report and the cache (issues #4-#6)."""

from __future__ import annotations

import json
from datetime import datetime

from cchc_cli.cli import app
from cchc_cli.ingest import load_inputs
from cchc_cli.ingest.cache import ReadCache
from cchc_cli.targets.config import load_targets
from cchc_cli.targets.engine import compute
from cchc_cli.targets.periods import parse_period
from conftest import ROOT, SAMPLE_DATA, write_xlsx

TARGETS = ROOT / "configs" / "targets.yaml"
UNITS = [
    ["Tên đơn vị sự nghiệp", "Năm", "Mức tự chủ", "Biên chế hưởng lương từ NSNN"],
    ["U1", 2021, "Nhóm 4", 10],
    ["U2", 2021, "Nhóm 4", 10],
    ["U1", 2024, "Nhóm 4", 9],
    ["U2", 2024, "Nhóm 3", 9],
    ["U1", 2025, "Nhóm 3", 8],
]


def _targets(paths, period):
    loaded = load_inputs([str(p) for p in paths])
    result = compute(loaded.tables, load_targets(TARGETS), parse_period(period), [])
    return {t.target.id: t for t in result.targets}


def test_review_1_no_rows_for_the_year_is_no_data_not_met(tmp_path) -> None:
    got = _targets([write_xlsx(tmp_path / "u.xlsx", UNITS)], "2026")
    for target_id in ("dvsnc_giam_so_luong", "bien_che_su_nghiep_giam", "tinh_gian_bien_che"):
        assert got[target_id].status.value == "no_data", target_id
        assert got[target_id].note.code == "result.no_current_data"


def test_review_2_a_year_field_over_two_years_takes_the_end_year(tmp_path) -> None:
    got = _targets([write_xlsx(tmp_path / "u.xlsx", UNITS)], "2024-07..2025-06")
    result = got["tinh_gian_bien_che"]
    assert (result.numerator, result.denominator, result.status.value) == (8, 20, "met")


def test_review_3_levels_follow_each_rows_date(tmp_path) -> None:
    rows = [
        ["Mã hồ sơ công việc", "Đơn vị", "Ngày mở hồ sơ", "Xử lý trên môi trường mạng"],
        ["W1", "Phòng Tư pháp", datetime(2025, 3, 3), "x"],
        ["W2", "Phòng Tư pháp", datetime(2025, 8, 3), "x"],
    ]  # after the two-tier change
    got = _targets([write_xlsx(tmp_path / "w.xlsx", rows)], "2025")
    district = got["ho_so_cong_viec_cap_huyen"]
    assert (district.numerator, district.denominator) == (1, 1)


def test_review_4_count_change_leaves_the_population_alone(tmp_path) -> None:
    extra = """
  - id: truc_tuyen_tang
    name: "Hồ sơ trực tuyến tăng"
    source: "test"
    dataset: dossiers
    kind: count_change
    population: received
    filter: {channel: ONLINE}
    direction: increase
    formula: "test"
"""
    text = TARGETS.read_text(encoding="utf-8")
    first = text.replace("targets:\n", "targets:\n" + extra.lstrip("\n") + "\n", 1)
    path = tmp_path / "t.yaml"
    path.write_text(first, encoding="utf-8")
    loaded = load_inputs([str(SAMPLE_DATA)])
    result = compute(loaded.tables, load_targets(path), parse_period("2025-03"), [])
    online = next(t for t in result.targets if t.target.id == "ho_so_truc_tuyen")
    assert (online.numerator, online.denominator) == (197, 321)


def test_review_5_10_blank_keys_are_not_duplicates(runner, tmp_path) -> None:
    source = tmp_path / "gd.csv"
    source.write_text(
        "Mã giao dịch;Số tiền;Hình thức thanh toán;Trạng thái thanh toán;Ngày thanh toán\n"
        ";10000;Trực tuyến;Đã thanh toán;03/03/2025\n;10000;Tiền mặt;Đã thanh toán;04/03/2025\n"
        ";10000;Trực tuyến;Đã thanh toán;05/03/2025\n"
        "GD4;10000;Trực tuyến;Đã thanh toán;06/03/2025\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(source), "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["duplicates"] == 0
    got = _targets([source], "2025-03")
    payments = got["giao_dich_thanh_toan_truc_tuyen"]
    assert (payments.numerator, payments.denominator) == (3, 4)


def test_review_6_dossier_columns_when_the_register_has_nothing_for_the_period() -> None:
    got = _targets([SAMPLE_DATA], "2025-02")  # the ratings and payments registers are March's
    assert got["hai_long_tthc"].source == "dossiers"
    assert got["hai_long_tthc"].status.value != "no_data"
    assert got["giao_dich_thanh_toan_truc_tuyen"].source == "dossiers"


def test_review_7_reported_values_typed_as_dates_and_repeated(tmp_path) -> None:
    rows = [
        ["Mã chỉ tiêu", "Kỳ báo cáo", "Giá trị", "Đơn vị"],
        ["par_index_rank", datetime(2025, 3, 1), 3, "Thị xã"],
        ["ddci_rank", "2025", 3, "Thị xã"],
        ["ddci_rank", "2025", 11, "Huyện khác"],
    ]
    got = _targets([write_xlsx(tmp_path / "v.xlsx", rows)], "2025-03")
    assert got["par_index_rank"].numerator == 3
    assert got["ddci_rank"].note.code == "result.value_repeated"


def test_review_8_control_characters_in_data_do_not_break_the_report(runner, tmp_path) -> None:
    source = tmp_path / "hs.csv"
    source.write_bytes(
        "Mã hồ sơ,Tên thủ tục,Lĩnh vực,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả\n"
        "HS1,Cấp phép\x0bxây dựng,Đất\x1fđai,UBND\x02 xã,03/03/2025,04/03/2025\n".encode()
    )
    out = tmp_path / "r.xlsx"
    result = runner.invoke(
        app, ["report", str(source), "-o", str(out), "--period", "2025-03", "--title", "a\x01b"]
    )
    assert result.exit_code == 0, result.output


def test_review_9_huge_numbers_are_a_warning(runner, tmp_path) -> None:
    rows = [UNITS[0], ["U1", 2025, "Nhóm 3", 10**20]]
    result = runner.invoke(
        app, ["validate", str(write_xlsx(tmp_path / "u.xlsx", rows)), "--format", "json"]
    )
    assert result.exit_code == 0
    assert [i["code"] for i in json.loads(result.stdout)["issues"]] == ["value.integer_invalid"]


def test_review_11_unwritable_output_is_a_usage_error(runner, tmp_path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["template", "staff", "-o", str(blocker / "x.xlsx")])
    assert result.exit_code == 2
    assert "output.unwritable" in result.stderr


def test_review_12_a_cached_folder_read_does_not_hide_a_named_file_error(tmp_path) -> None:
    folder = tmp_path / "dir"
    folder.mkdir()
    write_xlsx(folder / "readme.xlsx", [["Hướng dẫn"], ["Điền dữ liệu vào tệp khác"]])
    write_xlsx(
        folder / "kt.xlsx",
        [["Ngày kiểm tra", "Thực hiện qua môi trường số"], [datetime(2025, 3, 3), "x"]],
    )
    cache = ReadCache(tmp_path / "cache")
    assert load_inputs([str(folder)], cache=cache).failed_inputs == []
    named = load_inputs([str(folder / "readme.xlsx")], cache=cache)
    assert named.failed_inputs == [str(folder / "readme.xlsx")]
