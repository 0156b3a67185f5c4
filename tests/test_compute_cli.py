"""cli/compute_cmd.py and cli/targets_cmd.py (`cchc compute`, `cchc targets`) with their views
(report/results.py): formats, files, exit codes, the period chosen and the JSON shape."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from cchc_cli.cli import app
from conftest import ROOT, SAMPLE_DATA, TARGETS, write_xlsx
from golden_rows import TIMING_HEADER, timing_row

HEADER = ["Mã hồ sơ", "Tên thủ tục", "Đơn vị", "Kênh thực hiện", "Ngày tiếp nhận"]


def _export(tmp_path, rows, name="ds.xlsx"):
    return str(write_xlsx(tmp_path / name, [HEADER, *rows]))


def test_sample_data_every_dossier_target_is_judged(runner) -> None:
    result = runner.invoke(app, ["compute", str(SAMPLE_DATA), "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    statuses = {t["id"]: t["status"] for t in document["targets"]}
    # every target of the programme (issue #4), ids as scripts use them
    assert set(statuses) == {
        "par_index_rank",
        "ddci_rank",
        "qppl_dung_quy_dinh",
        "dvsnc_giam_so_luong",
        "bien_che_su_nghiep_giam",
        "dvsnc_tu_chu_tang",
        "tinh_gian_bien_che",
        "ky_nang_so_co_ban",
        "ky_nang_phan_tich_du_lieu",
        "de_an_vi_tri_viec_lam",
        "ket_noi_chia_se_du_lieu",
        "luan_chuyen_dien_tu",
        "tthc_thanh_toan_truc_tuyen",
        "giao_dich_thanh_toan_truc_tuyen",
        "tthc_truc_tuyen_muc_3_4",
        "tthc_tich_hop_cong",
        "ho_so_truc_tuyen",
        "hai_long_tthc",
        "hai_long_dat_dai_xay_dung_dau_tu",
        "hai_long_phuc_vu_hanh_chinh",
        "hai_long_y_te_giao_duc",
        "khong_cung_cap_lai",
        "van_ban_dien_tu_ky_so",
        "tthc_noi_bo_cong_khai",
        "kiem_tra_so",
        "ho_so_cong_viec_cap_huyen",
        "ho_so_cong_viec_cap_xa",
        "ho_so_dung_han",
    }
    assert "no_data" not in statuses.values()
    assert document["period"]["label"] == "2025-03"  # the last complete month
    assert "2025-03" in result.stderr
    trend = next(t for t in document["targets"] if t["id"] == "ket_noi_chia_se_du_lieu")
    assert {lvl["message"].split(":")[0] for lvl in trend["levels"]} == {
        "Mức năm 2024 lấy từ dữ liệu đầu vào"
    }


def test_table_in_vietnamese_with_accounting_footer(runner) -> None:
    result = runner.invoke(app, ["compute", str(SAMPLE_DATA), "--ids"])
    assert result.exit_code == 0
    for word in (
        "Mã",
        "Chỉ tiêu",
        "Tử số",
        "Mẫu số",
        "Kết quả",
        "Mục tiêu",
        "Đánh giá",
        "Đầu vào:",
        "ho_so_dung_han",
    ):
        assert word in result.stdout
    assert any(s in result.stdout for s in ("Đạt", "Không đạt", "Cảnh báo"))
    english = runner.invoke(app, ["compute", str(SAMPLE_DATA), "--lang", "en"])
    assert "Numerator" in english.stdout and "Inputs:" in english.stdout


def test_fail_on_miss_exits_1(runner, tmp_path) -> None:
    path = _export(tmp_path, [["H1", "Khai sinh", "UBND xã X", "Trực tiếp", "03/03/2025"]])
    ok = runner.invoke(app, ["compute", path, "--period", "2025-03"])
    assert ok.exit_code == 0
    missed = runner.invoke(app, ["compute", path, "--period", "2025-03", "--fail-on-miss"])
    assert missed.exit_code == 1


def test_rejected_rows_above_tolerance_exit_3_after_the_accounting(runner, tmp_path) -> None:
    rows = [
        ["H1", "Khai sinh", "X", "Trực tiếp", "03/03/2025"],
        ["H2", "Khai sinh", "X", "Trực tiếp", "31/02/2025"],
    ]
    path = _export(tmp_path, rows)
    result = runner.invoke(app, ["compute", path, "--period", "2025-03"])
    assert result.exit_code == 3
    assert "50,00%" in result.stderr and "Bị loại" in result.stderr
    tolerant = runner.invoke(app, ["compute", path, "--period", "2025-03", "--max-invalid", "0.5"])
    assert tolerant.exit_code == 0


def test_unreadable_input_exits_3(runner, tmp_path) -> None:
    result = runner.invoke(app, ["compute", str(tmp_path / "none.xlsx"), "--format", "json"])
    assert result.exit_code == 3
    assert json.loads(result.stdout)["issues"][0]["code"] == "input.not_found"


def test_bad_targets_file_exits_4_before_reading_data(runner, tmp_path) -> None:
    bad = tmp_path / "t.yaml"
    bad.write_text(
        TARGETS.read_text(encoding="utf-8").replace("channel: ONLINE", "channel: ONLNE"),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["compute", str(tmp_path / "none.xlsx"), "--targets", str(bad)])
    assert result.exit_code == 4
    assert "ho_so_truc_tuyen" in result.stderr and "ONLINE" in result.stderr


@pytest.mark.parametrize(
    ("old", "new", "fragments"),
    [
        (
            "population: received\n    numerator: {channel: ONLINE}",
            "populaton: received\n    numerator: {channel: ONLINE}",
            ["population"],
        ),
        ("numerator: {reused_data: true}", "numerator: {reused_dta: true}", ["reused_data"]),
        (
            "dataset: dossiers\n    kind: ratio\n    population: received\n    numerator: {channel",
            "dataset: dosiers\n    kind: ratio\n    population: received\n    numerator: {channel",
            ["dataset", "dossiers"],
        ),
        (
            "timeliness: [early, on_time, open_in_time]",
            "timeliness: [early, ontime]",
            ["ho_so_dung_han", "on_time"],
        ),
        ("          fee_amount: {gt: 0}", "          fee_amount: {gtt: 0}", ["gt"]),
        (
            "      field_name: {in_group: dat_dai_xay_dung_dau_tu}",
            "      field_name: {in_group: dat_dai}",
            ["dat_dai_xay_dung_dau_tu"],
        ),
        ("kind: trend", "kind: trnd", ["kind"]),
    ],
)
def test_targets_check_names_target_and_key_with_suggestion(runner, tmp_path, old, new, fragments):
    text = TARGETS.read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "t.yaml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = runner.invoke(app, ["targets", "check", str(bad)])
    assert result.exit_code == 4, result.output
    for fragment in fragments:
        assert fragment in result.stderr
    assert "Traceback" not in result.output


def test_targets_file_is_never_executed(runner, tmp_path) -> None:
    bad = tmp_path / "t.yaml"
    bad.write_text("!!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8")
    result = runner.invoke(app, ["targets", "check", str(bad)])
    assert result.exit_code == 4 and "pwned" not in result.stdout


def test_targets_check_list_show(runner) -> None:
    check = runner.invoke(app, ["targets", "check", str(TARGETS)])
    assert check.exit_code == 0 and "28" in check.stdout
    listed = runner.invoke(app, ["targets", "list", "--format", "json"])
    targets = json.loads(listed.stdout)["targets"]
    thresholds = {t["id"]: t["threshold"] for t in targets}
    assert thresholds["ho_so_truc_tuyen"] == {"op": ">=", "value": 0.5}
    assert thresholds["ho_so_dung_han"] == {"op": ">=", "value": 0.95}
    assert thresholds["giao_dich_thanh_toan_truc_tuyen"] == {"op": ">=", "value": 0.3}
    assert thresholds["hai_long_dat_dai_xay_dung_dau_tu"] == {"op": ">=", "value": 0.85}
    trend = next(t for t in targets if t["id"] == "ket_noi_chia_se_du_lieu")
    assert trend["trend"]["step"] == 0.2 and trend["trend"]["cap"] == 1.0
    table = runner.invoke(app, ["targets", "list"])
    assert table.exit_code == 0 and "khong_cung_cap_lai" in table.stdout
    shown = runner.invoke(app, ["targets", "show", "hai_long_tthc"])
    assert shown.exit_code == 0 and "VERY_SATISFIED" in shown.stdout and "Công thức" in shown.stdout
    unknown = runner.invoke(app, ["targets", "show", "hai_long"])
    assert unknown.exit_code == 4 and "hai_long_tthc" in unknown.stderr


def test_packaged_targets_file_is_the_same_file() -> None:
    packaged = ROOT / "src" / "cchc_cli" / "data" / "targets.yaml"
    assert packaged.read_bytes() == TARGETS.read_bytes()


def test_default_targets_file_falls_back_to_the_package(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # no ./configs/targets.yaml here
    listed = runner.invoke(app, ["targets", "list", "--format", "json"])
    assert listed.exit_code == 0
    assert json.loads(listed.stdout)["path"].endswith("cchc_cli/data/targets.yaml")


def test_csv_markdown_and_output_file(runner, tmp_path) -> None:
    source = tmp_path / "ds.csv"
    source.write_text(
        "Mã hồ sơ;Tên thủ tục;Đơn vị;Kênh thực hiện;Ngày tiếp nhận\n"
        'H1;Khai sinh;"=HYPERLINK(""http://x"")";Trực tuyến;03/03/2025\n'
        "H2;Khai sinh;+Phòng;Trực tiếp;04/03/2025\n",
        encoding="utf-8",
    )
    path = str(source)
    out = tmp_path / "kq.csv"
    result = runner.invoke(
        app,
        [
            "compute",
            path,
            "--period",
            "2025-03",
            "--by",
            "agency_name",
            "--format",
            "csv",
            "--output",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    text = out.read_bytes().decode("utf-8-sig")
    records = list(csv.DictReader(io.StringIO(text)))
    online = [r for r in records if r["id"] == "ho_so_truc_tuyen"]
    assert online[0]["numerator"] == "1" and online[0]["denominator"] == "2"
    groups = {r["group"] for r in online[1:]}
    # values from the data never become formulas
    assert groups == {'\'=HYPERLINK("http://x")', "'+Phòng"}
    assert not list(tmp_path.glob(".kq.csv.*"))  # no temporary file left behind
    markdown = runner.invoke(app, ["compute", path, "--period", "2025-03", "--format", "markdown"])
    # named, not by id, unless asked (issue 14)
    assert "| Tỷ lệ hồ sơ tiếp nhận trực tuyến |" in markdown.stdout and "50,0%" in markdown.stdout
    assert "ho_so_truc_tuyen" not in markdown.stdout.split("\n\n")[1]
    with_ids = ["compute", path, "--period", "2025-03", "--format", "markdown", "--ids"]
    assert "| ho_so_truc_tuyen |" in runner.invoke(app, with_ids).stdout


def test_output_never_overwrites_an_input(runner, tmp_path) -> None:
    path = _export(tmp_path, [["H1", "Khai sinh", "X", "Trực tiếp", "03/03/2025"]])
    before = (tmp_path / "ds.xlsx").read_bytes()
    result = runner.invoke(app, ["compute", path, "--output", path, "--format", "json"])
    assert result.exit_code == 2
    assert (tmp_path / "ds.xlsx").read_bytes() == before


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--period", "2025-13"], "2025-13"),
        (["--by", "agency"], "agency_name"),
        (["--as-of", "hôm qua"], "hôm qua"),
        # issue 12: a run does not hold them, and the groups would print every applicant's name
        (["--by", "applicant_name"], "dữ liệu cá nhân"),
        (["--by", "applicant_address"], "dữ liệu cá nhân"),
    ],
)
def test_bad_options_are_usage_errors(runner, tmp_path, args, fragment) -> None:
    path = _export(tmp_path, [["H1", "Khai sinh", "X", "Trực tiếp", "03/03/2025"]])
    result = runner.invoke(app, ["compute", path, *args])
    assert result.exit_code == 2, result.output
    assert fragment in result.output


def test_rounding_never_shows_the_threshold_beside_a_miss(runner, tmp_path) -> None:
    rows = [
        [f"H{i}", "Khai sinh", "X", "Trực tuyến" if i < 1999 else "Trực tiếp", "03/03/2025"]
        for i in range(4000)
    ]
    path = _export(tmp_path, rows)
    config = tmp_path / "t.yaml"
    config.write_text(
        TARGETS.read_text(encoding="utf-8").replace(
            'threshold: {op: ">=", value: 0.50}',
            'threshold: {op: ">=", value: 0.50}\n    # test',
            1,
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["compute", path, "--period", "2025-03", "--targets", str(config)])
    # 1999/4000 = 49.975 %: shown with more decimals, not as 50,0 %
    assert "49,98%" in result.stdout


def test_default_period_with_only_a_partial_month_is_that_month_issue3(runner, tmp_path) -> None:
    rows = [
        TIMING_HEADER,
        timing_row("M1", "03/03/2025", "05/03/2025"),
        timing_row("M2", "28/03/2025", "31/03/2025"),
        timing_row("NA", "01/04/2025", "03/04/2025", status="Không được tiếp nhận"),
    ]
    path = write_xlsx(tmp_path / "m.xlsx", rows)
    result = runner.invoke(app, ["compute", str(path), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["period"]["label"] == "2025-03"
    assert "CHƯA TRỌN THÁNG" in result.stderr


def test_dates_cannot_group_results_issue3(runner, tmp_path) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx", [TIMING_HEADER, timing_row("A", "03/03/2025", "05/03/2025")]
    )
    result = runner.invoke(app, ["compute", str(path), "--by", "received_at", "--format", "json"])
    assert result.exit_code == 2
    bad = tmp_path / "t.yaml"
    bad.write_text(
        TARGETS.read_text(encoding="utf-8").replace("per: admin_level", "per: received_at"),
        encoding="utf-8",
    )
    assert runner.invoke(app, ["targets", "check", str(bad)]).exit_code == 4


def test_an_empty_export_without_a_period_is_an_input_error_issue3(runner, tmp_path) -> None:
    path = write_xlsx(tmp_path / "empty.xlsx", [TIMING_HEADER])
    result = runner.invoke(app, ["compute", str(path)])
    assert result.exit_code == 3
    assert "period.no_data" in result.stderr


def test_a_target_has_the_same_shape_whole_by_level_and_by_group_issue3(runner, tmp_path) -> None:
    rows = (
        [TIMING_HEADER]
        + [
            timing_row(
                f"N{m:02d}{lv}",
                f"05/{m:02d}/2024",
                f"07/{m:02d}/2024",
                end=f"06/{m:02d}/2024",  # ended in its month: 2024 is held (D6)
                status="Đã trả kết quả",
                level=lv,
                shared="x",
            )
            for m in range(1, 13)
            for lv in ("Cấp xã", "Cấp huyện")
        ]
        + [timing_row("A", "03/03/2025", "05/03/2025", level="Cấp xã")]
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


def _only(tmp_path, target_id: str):
    """The shipped targets file cut down to one target."""
    import yaml

    document = yaml.safe_load(TARGETS.read_text("utf-8"))
    document["targets"] = [t for t in document["targets"] if t["id"] == target_id]
    path = tmp_path / "one.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), "utf-8")
    return path


def test_fail_on_missed_or_warning_issue11(runner, tmp_path) -> None:
    # on the sample, on-time handling is 94.7 % against 95 %: within its 5-point band
    one = str(_only(tmp_path, "ho_so_dung_han"))
    base = ["compute", str(SAMPLE_DATA), "--targets", one, "--period", "2025-03", "-q"]
    document = json.loads(runner.invoke(app, [*base, "--format", "json"]).stdout)
    assert [t["status"] for t in document["targets"]] == ["warning"]
    assert runner.invoke(app, [*base, "--fail-on", "missed"]).exit_code == 0
    assert runner.invoke(app, [*base, "--fail-on", "warning"]).exit_code == 1
    assert runner.invoke(app, base).exit_code == 0
    assert runner.invoke(app, [*base, "--fail-on", "never"]).exit_code == 2


def test_every_view_says_what_the_statuses_mean_issue11(runner) -> None:
    for lang, words in (("vi", "Cảnh báo = chưa đạt"), ("en", "Warning = not reached")):
        table = runner.invoke(app, ["compute", str(SAMPLE_DATA), "--lang", lang]).stdout
        markdown = runner.invoke(
            app, ["compute", str(SAMPLE_DATA), "--lang", lang, "--format", "markdown"]
        ).stdout
        assert words in " ".join(table.split())
        assert words in markdown


def test_a_goal_chosen_locally_is_marked_in_every_view_issue11(runner, tmp_path) -> None:
    base = ["compute", str(SAMPLE_DATA), "--period", "2025-03"]
    document = json.loads(runner.invoke(app, [*base, "--format", "json"]).stdout)
    local = {t["id"]: t["local_reason"] for t in document["targets"] if t["local"]}
    assert {"ho_so_dung_han", "par_index_rank", "tinh_gian_bien_che"} <= set(local)
    assert "luan_chuyen_dien_tu" not in local  # 80 % is the programme's own figure
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, [*base, "--format", "csv"]).stdout)))
    assert {r["id"] for r in rows if r["local"] == "true"} == set(local)
    markdown = runner.invoke(app, [*base, "--format", "markdown", "--ids"]).stdout
    (line,) = [row for row in markdown.splitlines() if row.startswith("| ho_so_dung_han ")]
    assert "≥ 95,0% *" in line
    assert f"* ho_so_dung_han: mục tiêu do địa phương chọn — {local['ho_so_dung_han']}" in markdown
    english = runner.invoke(app, [*base, "--lang", "en"], terminal_width=200).stdout
    assert "Tỷ lệ hồ sơ giải quyết đúng hạn: goal chosen locally" in english  # as in the table
    with_ids = runner.invoke(app, [*base, "--lang", "en", "--ids"], terminal_width=200).stdout
    assert "ho_so_dung_han: goal chosen locally" in with_ids


def test_the_programme_sentences_without_a_target_are_listed_issue11(runner) -> None:
    result = runner.invoke(app, ["targets", "list", "--uncovered", "--format", "json"])
    assert result.exit_code == 0
    items = json.loads(result.stdout)["uncovered"]
    assert {i["item"] for i in items} == {"(2)", "(3)", "(4)"}
    assert all(i["text"] and i["reason"] for i in items)
    table = runner.invoke(app, ["targets", "list", "--uncovered", "--lang", "en"]).stdout
    assert "that no target measures" in table


def test_the_json_names_the_targets_file_it_was_computed_with_issue14(runner, tmp_path) -> None:
    import hashlib

    from conftest import TARGETS

    own = tmp_path / "chi-tieu.yaml"
    own.write_bytes(TARGETS.read_bytes() + b"\n# a copy\n")
    done = runner.invoke(
        app, ["compute", str(SAMPLE_DATA), "--targets", str(own), "--format", "json", "-q"]
    )
    assert done.exit_code in (0, 1), done.output
    named = json.loads(done.stdout)["targets_file"]
    assert named == {
        "path": str(own.resolve()),
        "sha256": hashlib.sha256(own.read_bytes()).hexdigest(),
    }


def _failure(runner, *arguments: str) -> tuple[int, dict]:
    done = runner.invoke(app, ["compute", *arguments, "--format", "json", "--no-cache"])
    return done.exit_code, json.loads(done.stdout)


def test_a_failed_json_run_prints_one_shape_whatever_failed_issue14(
    runner, tmp_path, monkeypatch
) -> None:
    garbage = tmp_path / "rac.xlsx"
    garbage.write_bytes(b"\x00\x01" * 100)
    repeated = tmp_path / "chi-tieu.yaml"
    repeated.write_text("targets:\n  - id: a\n    threshold: 1\n    threshold: 2\n", "utf-8")
    out = tmp_path / "kq.json"
    (tmp_path / "~$kq.json").write_bytes(b"")  # open in another program
    notes = tmp_path / "ghi-chu"
    notes.mkdir()
    (notes / "ghi-chu.csv").write_text("x\n", "utf-8")
    failures = {
        "run.inputs_failed": _failure(runner, str(garbage)),
        "run.nothing_recognised": _failure(runner, str(notes)),
        "config.targets_unreadable": _failure(runner, str(SAMPLE_DATA), "--targets", str(repeated)),
        "output.open_elsewhere": _failure(runner, str(SAMPLE_DATA), "-o", str(out)),
    }
    import cchc_cli.targets.engine

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(cchc_cli.targets.engine.Engine, "compute", broken)
    failures["internal.error"] = _failure(runner, str(SAMPLE_DATA))
    for code, (exit_code, document) in failures.items():
        assert set(document) == {"cchc_version", "error", "inputs", "failed_inputs", "issues"}
        assert document["error"]["code"] == code
        assert document["error"]["exit_code"] == exit_code != 0
        # a message that reads the same in a log as on a console: nothing "above"
        assert document["error"]["message"] and "ở trên" not in document["error"]["message"]
    # what was read is said with the failure of the inputs, the failed files named
    failed = failures["run.inputs_failed"][1]
    assert failed["issues"][0]["code"] == "file.unreadable"
    assert failed["failed_inputs"] == [str(garbage)] and "'rac.xlsx'" in failed["error"]["message"]
    passed_over = failures["run.nothing_recognised"][1]
    assert passed_over["failed_inputs"] == []
    assert passed_over["issues"][0]["code"] == "file.not_data"


def test_the_result_table_as_a_workbook_holds_numbers_in_their_formats_issue14(
    runner, tmp_path
) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "ket-qua.xlsx"
    base = ["compute", str(SAMPLE_DATA), "--period", "2025-03", "--by", "agency_name", "-q"]
    done = runner.invoke(app, [*base, "--format", "xlsx", "-o", str(out)])
    assert done.exit_code == 0, done.output
    document = json.loads(runner.invoke(app, [*base, "--format", "json"]).stdout)
    plain = load_workbook(out).active
    assert plain["A3"].value == "Chỉ tiêu" and plain["E4"].value == "≥ 95,0% *"  # no ids
    done = runner.invoke(app, [*base, "--format", "xlsx", "-o", str(out), "--ids"])
    sheet = load_workbook(out).active
    assert [c.value for c in sheet[3]] == [
        "Mã",
        "Chỉ tiêu",
        "Tử số",
        "Mẫu số",
        "Kết quả",
        "Mục tiêu",
        "Đánh giá",
    ]
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=4) if r[0].value}
    for target in document["targets"]:
        row = rows[target["id"]]
        assert (row[2].value, row[3].value) == (target["numerator"], target["denominator"])
        if target["value"] is not None and target["id"] == "ho_so_dung_han":
            assert row[4].value == pytest.approx(target["value"])
            assert row[4].number_format == "0.0%"  # 94,7% in a Vietnamese Excel
            assert row[6].value == "Cảnh báo"
    # one row per agency under its target, counts as numbers
    groups = document["targets"][0]["groups"]
    first = next(r for r in sheet.iter_rows(min_row=5) if r[1].value and "└" in r[1].value)
    assert first[2].value == groups[0]["numerator"] and isinstance(first[2].value, int)


def test_a_workbook_result_needs_an_output_file_said_before_reading_issue14(runner) -> None:
    done = runner.invoke(app, ["compute", "khong-co-thu-muc-nay", "--format", "xlsx"])
    assert done.exit_code == 2
    assert "-o ket-qua.xlsx" in done.output


def test_the_result_table_fits_80_columns_and_shows_ids_when_asked_issue14(runner) -> None:
    import os

    narrow = dict(os.environ, COLUMNS="80")
    plain = runner.invoke(app, ["compute", str(SAMPLE_DATA), "--by", "agency_name"], env=narrow)
    assert plain.exit_code == 0, plain.output
    lines = plain.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert (
        "ho_so_dung_han" not in plain.stdout and "Tỷ lệ hồ sơ giải quyết đúng hạn" in plain.stdout
    )
    with_ids = runner.invoke(app, ["compute", str(SAMPLE_DATA), "--ids"], env=narrow)
    assert "ho_so_dung_han" in with_ids.stdout  # whole, even at 80 columns
    wide = runner.invoke(app, ["compute", str(SAMPLE_DATA), "--ids"])
    assert "ho_so_dung_han" in wide.stdout


def test_the_targets_list_fits_80_columns_without_cutting_an_id_issue14(runner) -> None:
    import os

    listed = json.loads(runner.invoke(app, ["targets", "list", "--format", "json"]).stdout)
    narrow = runner.invoke(app, ["targets", "list"], env=dict(os.environ, COLUMNS="80"))
    assert narrow.exit_code == 0
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 80
    # every id whole (the handle of `targets show`), the source left to `targets show`
    for target in listed["targets"]:
        assert target["id"] in narrow.stdout
    assert "cchc targets show MÃ" in narrow.stdout and "┃ Nguồn" not in narrow.stdout
    wide = runner.invoke(app, ["targets", "list"], env=dict(os.environ, COLUMNS="160"))
    assert "┃ Nguồn" in wide.stdout and "Loại dữ liệu" in wide.stdout


def test_a_workbook_result_must_be_named_xlsx_issue14(runner, tmp_path) -> None:
    out = tmp_path / "kq.csv"
    done = runner.invoke(app, ["compute", str(SAMPLE_DATA), "--format", "xlsx", "-o", str(out)])
    assert done.exit_code == 2 and not out.exists()


@pytest.mark.parametrize(
    ("option", "said"),
    [
        (["--by", "don_vi"], "agency_name (đơn vị)"),
        (["--as-of", "31/02/2025"], "--as-of"),
        (["--max-invalid", "5"], "--max-invalid"),
    ],
)
def test_a_usage_error_prints_the_failure_document_with_json_issue14(option, said) -> None:
    import os
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "cchc_cli", "compute", str(SAMPLE_DATA), "-f", "json", *option],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, CCHC_LANG=""),
    )
    assert done.returncode == 2
    document = json.loads(done.stdout)
    assert document["error"]["code"] == "cli.usage" and document["error"]["exit_code"] == 2
    assert said in document["error"]["message"] and "Invalid value" not in done.stdout
    assert said in done.stderr.replace("\n", " ").replace("│", "")


def test_result_notes_name_lists_and_columns_not_their_ids_issue14(runner) -> None:
    from cchc_cli.schema import DATASETS

    ward = SAMPLE_DATA / "2025-03 phuong Nguyen Nghiem.csv"
    shown = runner.invoke(app, ["compute", str(ward), "--period", "2025-03"], terminal_width=200)
    assert "Không có dữ liệu 'Đánh giá, khảo sát sự hài lòng'" in shown.stdout
    assert "Dữ liệu thiếu cột: 'Liên thông', 'Luân chuyển điện tử'" in shown.stdout
    assert "Tính từ dữ liệu 'Danh sách hồ sơ'" in shown.stdout
    words = set(re.findall(r"[a-z_]+", shown.stdout))
    assert not words & (set(DATASETS) | {"inter_agency", "inter_agency_electronic"})


def test_the_output_s_ending_chooses_the_format_when_none_is_given_issue12(
    runner, tmp_path
) -> None:
    from openpyxl import load_workbook

    month = [str(SAMPLE_DATA), "--period", "2025-03", "-q"]
    written = {}
    for name in ("kq.json", "kq.csv", "kq.md", "kq.xlsx", "kq.txt"):
        done = runner.invoke(app, ["compute", *month, "-o", str(tmp_path / name)])
        assert done.exit_code in (0, 1), done.output
        written[name] = (tmp_path / name).read_bytes()
    document = json.loads(written["kq.json"])
    assert document["period"]["label"] == "2025-03"
    assert written["kq.csv"].startswith(b"\xef\xbb\xbf")  # Excel's UTF-8 CSV
    assert len(written["kq.csv"].decode("utf-8-sig").splitlines()) > len(document["targets"])
    assert b"|---|" in written["kq.md"]
    assert load_workbook(tmp_path / "kq.xlsx").sheetnames
    assert "Tỷ lệ hồ sơ giải quyết đúng hạn" in written["kq.txt"].decode("utf-8")
    assert not written["kq.txt"].lstrip().startswith(b"{")
    # a format given wins over the ending
    done = runner.invoke(app, ["compute", *month, "-f", "csv", "-o", str(tmp_path / "x.json")])
    assert (tmp_path / "x.json").read_bytes().startswith(b"\xef\xbb\xbf")
    # the old Excel format is not written: refused before reading, with the advice
    done = runner.invoke(app, ["compute", *month, "-o", str(tmp_path / "kq.xls")])
    assert done.exit_code == 2 and "ket-qua.xlsx" in done.output
    assert not (tmp_path / "kq.xls").exists()
