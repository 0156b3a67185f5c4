"""Regression tests for the review of the target engine (D5-D11), one per finding, plus the
count_change and value kinds."""

from __future__ import annotations

import json
from datetime import date

import pytest

from cchc_cli.cli import app
from cchc_cli.ingest import load_inputs
from cchc_cli.targets.config import load_targets
from cchc_cli.targets.engine import compute
from cchc_cli.targets.periods import parse_period
from conftest import ROOT, write_xlsx

TARGETS = ROOT / "configs" / "targets.yaml"
HEADER = [
    "Mã hồ sơ",
    "Tên thủ tục",
    "Cấp",
    "Kết nối chia sẻ dữ liệu",
    "Ngày tiếp nhận",
    "Ngày hẹn trả",
    "Ngày kết thúc xử lý",
    "Ngày yêu cầu bổ sung",
    "Ngày công dân bổ sung",
    "Trạng thái",
]


def _row(
    code,
    received,
    due=None,
    end=None,
    asked=None,
    supplied=None,
    status="Đang xử lý",
    level="Cấp huyện",
    shared=None,
):
    return [code, "Khai sinh", level, shared, received, due, end, asked, supplied, status]


def _targets(tmp_path, extra: str) -> object:
    path = tmp_path / "t.yaml"
    path.write_text(TARGETS.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return load_targets(path)


def _compute(paths, config, period, as_of=None):
    loaded = load_inputs([str(p) for p in paths])
    result = compute(loaded.tables, config, parse_period(period, as_of), [])
    return {t.target.id: t for t in result.targets}


def test_review_1_supplement_time_is_counted_in_calendar_days(tmp_path) -> None:
    rows = [
        HEADER,
        # 1 calendar day of supplement: effective end 09/03 > due 08/03 -> late
        _row(
            "S1",
            "01/03/2025",
            "08/03/2025",
            "10/03/2025 12:00",
            "01/03/2025 01:00",
            "02/03/2025 23:00",
            "Đã trả kết quả",
        ),
        # 2 calendar days (only 26 hours): effective end 08/03 = due -> on time
        _row(
            "S2",
            "01/03/2025",
            "08/03/2025",
            "10/03/2025 08:00",
            "01/03/2025 23:00",
            "03/03/2025 01:00",
            "Đã trả kết quả",
        ),
    ]
    got = _compute([write_xlsx(tmp_path / "s.xlsx", rows)], load_targets(TARGETS), "2025-03")
    assert (got["ho_so_dung_han"].numerator, got["ho_so_dung_han"].denominator) == (1, 2)


def test_review_2_a_carried_over_dossier_is_not_last_years_rate(tmp_path) -> None:
    rows = [HEADER, _row("OLD", "30/12/2024", "15/01/2025", shared="x")]
    rows += [
        _row(f"N{i}", "03/03/2025", "10/03/2025", shared="x" if i < 6 else None) for i in range(10)
    ]
    got = _compute([write_xlsx(tmp_path / "t.xlsx", rows)], load_targets(TARGETS), "2025-03")
    level = got["ket_noi_chia_se_du_lieu"].levels[0]
    assert level.note.code == "result.trend_from_baseline"
    assert level.target_value == pytest.approx(0.55)  # configured 2024 baseline 35 % + 20
    assert level.status.value == "met"  # 6/10


def test_review_3_dossier_targets_need_a_population(runner, tmp_path) -> None:
    bad = tmp_path / "t.yaml"
    bad.write_text(
        TARGETS.read_text(encoding="utf-8").replace(
            "    population: received\n    numerator: {channel: ONLINE}",
            "    numerator: {channel: ONLINE}",
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["targets", "check", str(bad)])
    assert result.exit_code == 4 and "population" in result.stderr


def test_review_4_as_of_inside_the_period(tmp_path, runner) -> None:
    rows = [
        HEADER,
        _row("C", "31/03/2025", "02/04/2025"),  # received after as_of: not yet counted
        # supplement asked after as_of: on 15/03 it is simply open and in time
        _row("G", "10/03/2025", "20/03/2025", asked="21/03/2025", status="Chờ bổ sung hồ sơ"),
    ]
    path = write_xlsx(tmp_path / "a.xlsx", rows)
    got = _compute([path], load_targets(TARGETS), "2025-03", as_of=date(2025, 3, 15))
    assert (got["ho_so_dung_han"].numerator, got["ho_so_dung_han"].denominator) == (1, 1)
    before = runner.invoke(
        app, ["compute", str(path), "--period", "2025-03", "--as-of", "01/01/2025"]
    )
    assert before.exit_code == 2 and "2025-03" in before.output


def test_review_5_default_period_with_only_a_partial_month(runner, tmp_path) -> None:
    rows = [
        HEADER,
        _row("M1", "03/03/2025", "05/03/2025"),
        _row("M2", "28/03/2025", "31/03/2025"),
        _row("NA", "01/04/2025", "03/04/2025", status="Không được tiếp nhận"),
    ]
    path = write_xlsx(tmp_path / "m.xlsx", rows)
    result = runner.invoke(app, ["compute", str(path), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["period"]["label"] == "2025-03"
    assert "CHƯA TRỌN THÁNG" in result.stderr


def test_review_6_duplicates_tie_on_the_same_end_day(tmp_path) -> None:
    header = ["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận", "Ngày kết thúc xử lý", "Đánh giá"]
    first = write_xlsx(
        tmp_path / "a.xlsx",
        [header, ["D1", "Khai sinh", "03/03/2025", "09/03/2025 17:00", "Không hài lòng"]],
    )
    later = write_xlsx(
        tmp_path / "b.xlsx",
        [header, ["D1", "Khai sinh", "03/03/2025", "09/03/2025 08:00", "Rất hài lòng"]],
    )
    table = load_inputs([str(first), str(later)]).tables["dossiers"]
    assert list(table["rating"]) == ["VERY_SATISFIED"]


def test_review_7_dates_cannot_group(runner, tmp_path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [HEADER, _row("A", "03/03/2025", "05/03/2025")])
    result = runner.invoke(app, ["compute", str(path), "--by", "received_at", "--format", "json"])
    assert result.exit_code == 2
    bad = tmp_path / "t.yaml"
    bad.write_text(
        TARGETS.read_text(encoding="utf-8").replace("per: admin_level", "per: received_at"),
        encoding="utf-8",
    )
    assert runner.invoke(app, ["targets", "check", str(bad)]).exit_code == 4


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        (
            "field_name: {in_group: dat_dai_xay_dung_dau_tu}\n    threshold",
            "field_name: {in_group: [dat_dai_xay_dung_dau_tu]}\n    threshold",
            "in_group",
        ),
        (
            "2024: {province: 0.40, district: 0.35, commune: 0.45}",
            "2024: {province: 0.40, distrct: 0.35, commune: 0.45}",
            "district",
        ),
        (
            "2024: {province: 0.40, district: 0.35, commune: 0.45}",
            "2024: {province: 40, district: 0.35, commune: 0.45}",
            "baselines",
        ),
        ('threshold: {op: ">=", value: 0.50}', 'threshold: {op: ">=", value: 50}', "0.5"),
        ('threshold: {op: ">=", value: 0.50}', 'threshold: {op: ">=", value: .nan}', "value"),
        ("      baselines:", "      baseline:", "baselines"),
        ('threshold: {op: ">=", value: 0.50}', 'threshold: {op: ">=", valeu: 0.50}', "valeu"),
    ],
)
def test_review_8_10_11_targets_file_mistakes(runner, tmp_path, old, new, fragment) -> None:
    text = TARGETS.read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "t.yaml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = runner.invoke(app, ["targets", "check", str(bad)])
    assert result.exit_code == 4, result.output
    assert fragment in result.stderr


def test_review_9_empty_export_without_period_is_an_input_error(runner, tmp_path) -> None:
    path = write_xlsx(tmp_path / "empty.xlsx", [HEADER])
    result = runner.invoke(app, ["compute", str(path)])
    assert result.exit_code == 3
    assert "period.no_data" in result.stderr


def test_review_12_group_targets_have_the_same_shape(runner, tmp_path) -> None:
    rows = (
        [HEADER]
        + [
            _row(f"N{m:02d}{lv}", f"05/{m:02d}/2024", f"07/{m:02d}/2024", level=lv, shared="x")
            for m in range(1, 13)
            for lv in ("Cấp xã", "Cấp huyện")
        ]
        + [_row("A", "03/03/2025", "05/03/2025", level="Cấp xã")]
    )
    path = write_xlsx(tmp_path / "a.xlsx", rows)
    result = runner.invoke(
        app,
        ["compute", str(path), "--period", "2025-03", "--format", "json", "--by", "admin_level"],
    )
    trend = next(
        t for t in json.loads(result.stdout)["targets"] if t["id"] == "ket_noi_chia_se_du_lieu"
    )
    assert trend["target"]["op"] == ">=" and trend["target"]["value"] is None
    assert trend["levels"][0]["target"] == {"op": ">=", "value": 1.0}  # capped at 100 %
    assert trend["groups"][0]["target"] == {"op": ">=", "value": 1.0}


COUNT_AND_VALUE = """
  - id: giam_ho_so_tre_han
    name: "Số hồ sơ trễ hạn giảm so với cùng kỳ"
    source: "test"
    dataset: dossiers
    kind: count_change
    population: handled
    filter: {timeliness: [late, open_overdue]}
    direction: decrease
    formula: "Hồ sơ trễ hạn kỳ này / cùng kỳ năm trước"
  - id: xep_hang_thu
    name: "Xếp hạng (thử)"
    source: "test"
    dataset: dossiers
    kind: value
    threshold: {op: "<=", value: 5}
    reported:
      - {period: 2024, value: 7}
      - {period: "2025-3", value: 4}
    formula: "Thứ hạng"
"""


def test_count_change_and_value_kinds(tmp_path) -> None:
    config = _targets(tmp_path, COUNT_AND_VALUE)
    march_2024 = [
        _row(f"L{i}", "03/03/2024", "05/03/2024", end="10/03/2024", status="Đã trả kết quả")
        for i in range(3)
    ]
    months_2024 = [
        _row(
            f"P{m}",
            f"02/{m:02d}/2024",
            f"04/{m:02d}/2024",
            end=f"03/{m:02d}/2024",
            status="Đã trả kết quả",
        )
        for m in range(1, 13)
    ]
    march_2025 = [
        _row("K1", "03/03/2025", "05/03/2025", end="10/03/2025", status="Đã trả kết quả"),
        _row("K2", "03/03/2025", "25/03/2025"),
    ]
    path = write_xlsx(tmp_path / "a.xlsx", [HEADER, *march_2024, *months_2024, *march_2025])
    got = _compute([path], config, "2025-03")
    change = got["giam_ho_so_tre_han"]
    # March 2025: K1 late, K2 overdue on 31/03 (due 25/03) -> 2; March 2024: 3 late -> fewer
    assert (change.numerator, change.denominator, change.status.value) == (2, 3, "met")
    assert got["xep_hang_thu"].numerator == 4 and got["xep_hang_thu"].status.value == "met"
    year = _compute([path], config, "2024")
    assert year["xep_hang_thu"].numerator == 7 and year["xep_hang_thu"].status.value == "missed"
    # without last year's March in the inputs there is no comparison
    only_2025 = write_xlsx(tmp_path / "b.xlsx", [HEADER, *march_2025])
    alone = _compute([only_2025], config, "2025-03")["giam_ho_so_tre_han"]
    assert alone.status.value == "no_data" and alone.note.code == "result.no_previous_year"
