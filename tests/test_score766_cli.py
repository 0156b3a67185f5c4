"""cli/score766_cmd.py (`cchc score766`) with its views (report/score766.py): the JSON equals
the library's result, the lists carry file, sheet and row, usage and configuration mistakes
exit with their codes, and nothing personal leaves the tool (issue 16)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from cchc_cli.cli import app
from cchc_cli.run import RunOptions, prepare
from cchc_cli.targets.per_table import tables_unchanged
from cchc_cli.targets.scorecard import compute_scorecard, load_scorecard
from conftest import SAMPLE_DATA
from test_scorecard import DOSSIERS


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("score766_cli")
    rows = DOSSIERS.splitlines()
    # a personal column that must not reach any output
    rows = [rows[0] + ";Chủ hồ sơ"] + [row + ";Nguyễn Văn Bí Mật" for row in rows[1:]]
    (path / "ho-so.csv").write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    return path


def _run(runner, *args: str):
    return runner.invoke(app, ["score766", *args, "--no-cache"])


def test_json_equals_the_library_result_issue_16(runner, folder) -> None:
    args = [str(folder), "--period", "2025-03", "--format", "json", "-q"]
    result = _run(runner, *args, "--lost")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    run = prepare([str(folder)], RunOptions(period="2025-03", cache=None))
    with tables_unchanged():
        expected = compute_scorecard(
            run.loaded.tables,
            load_scorecard(),
            run.period,
            [],
            run.config.organisation.level,
            run.config.units,
        )
    assert document["scorecard"]["version"] == "766-DVCQG"
    assert document["level"] == "district"  # organisation.level of configs/targets.yaml
    assert document["total"]["points"] == pytest.approx(expected.points)
    for shown, computed in zip(document["indicators"], expected.indicators, strict=True):
        assert shown["code"] == computed.indicator.spec.code
        assert shown["points"] == computed.points
        assert shown["numerator"] == computed.numerator
    codes = {(row["indicator"], row["dossier_code"]) for row in document["lost"]}
    assert ("2.1", "C") in codes and len(document["lost"]) == len(expected.lost)
    assert document["lost_counts"] == {"2.1": 3, "5.4": 4} == expected.lost_counts
    # without --lost: the counts, not the lists (a province's month lists tens of thousands)
    counted = json.loads(_run(runner, *args).stdout)
    assert counted["lost"] is None and counted["lost_counts"] == document["lost_counts"]
    row = next(r for r in document["lost"] if r["dossier_code"] == "C")
    assert (row["path"], row["sheet"], row["row"]) == ("ho-so.csv", "ho-so", 4)
    assert "Bí Mật" not in result.stdout


def test_table_names_what_to_fix_and_lists_with_lost_issue_16(runner, folder) -> None:
    result = _run(runner, str(folder), "--period", "2025-03", "--lost", "-q")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Tiến độ giải quyết" in text and "12,50/20,00" in text
    assert "Nên làm trước" in text and "Hồ sơ làm mất điểm" in text
    assert "ho-so.csv" in text and "Bí Mật" not in text
    ranked = _run(runner, str(folder), "--period", "2025-03", "--by", "agency_name", "-q")
    assert "Xếp hạng đơn vị" in ranked.stdout and "UBND xã A" in ranked.stdout
    english = _run(runner, str(folder), "--period", "2025-03", "--lang", "en", "-q")
    assert "Fix first" in english.stdout and "12.50/20.00" in english.stdout


def test_readings_and_version_options_issue_16(runner, folder) -> None:
    args = [str(folder), "--period", "2025-03", "--format", "json", "-q"]
    excluded = json.loads(_run(runner, *args, "--reading", "withdrawn=excluded").stdout)
    on_time = next(i for i in excluded["indicators"] if i["code"] == "2.1")
    assert (on_time["numerator"], on_time["denominator"]) == (4, 7)
    assert excluded["scorecard"]["readings"]["withdrawn"] == "excluded"
    decision = json.loads(_run(runner, *args, "--version", "766-2022").stdout)
    assert [g["max"] for g in decision["groups"]] == [18, 20, 22, 22, 18]


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--reading", "withdrawn"], 2),
        (["--reading", "withdrawn=maybe"], 2),
        (["--version", "766-2021"], 2),
        (["--at-risk-days", "100"], 2),
        (["--by", "don_vi"], 2),
    ],
)
def test_usage_mistakes_exit_2_before_reading_issue_16(runner, folder, args, code) -> None:
    result = _run(runner, str(folder), "--period", "2025-03", *args)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output


def test_a_broken_scorecard_file_exits_4_issue_16(runner, folder, tmp_path) -> None:
    broken = tmp_path / "score766.yaml"
    broken.write_text("version: 1\nscorecards: [\n", encoding="utf-8")
    result = _run(runner, str(folder), "--scorecard", str(broken))
    assert result.exit_code == 4
    assert "bộ chỉ số 766" in result.stderr


def test_csv_has_one_line_per_indicator_group_and_total_issue_16(runner, folder) -> None:
    result = _run(runner, str(folder), "--period", "2025-03", "--format", "csv", "-q")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    levels = [row["level"] for row in rows]
    assert levels.count("group") == 6 and levels[-1] == "total"
    on_time = next(row for row in rows if row["code"] == "2.1")
    assert float(on_time["points"]) == pytest.approx(12.5)


def test_compare_prints_both_and_the_difference_issue_16(runner, folder, tmp_path) -> None:
    portal = tmp_path / "cong.csv"
    portal.write_text("Chỉ số;Điểm\n2.1;13,5\nTổng;40\n", encoding="utf-8")
    args = [str(folder), "--period", "2025-03", "--compare", str(portal), "-q"]
    table = _run(runner, *args)
    assert table.exit_code == 0, table.output
    assert "Cổng DVCQG" in table.stdout and "-1,00" in table.stdout
    document = json.loads(_run(runner, *args, "--format", "json").stdout)
    first = document["compare"][0]
    assert (first["ours"], first["portal"], first["difference"]) == (12.5, 13.5, -1.0)
    missing = _run(runner, str(folder), "--compare", str(tmp_path / "none.csv"))
    assert missing.exit_code == 3 and "Không đọc được tệp điểm Cổng" in missing.stderr


def test_sample_data_scores_and_help_has_an_example_issue_16(runner) -> None:
    result = _run(runner, str(SAMPLE_DATA), "--period", "2025-03", "--format", "json", "-q")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["total"]["points"] > 0 and document["total"]["no_data_max"] > 0
    helped = runner.invoke(app, ["score766", "--help"])
    assert "cchc score766 sample_data/" in helped.stdout


def test_the_lists_keep_the_dossier_code_whole_at_80_columns_issue_16(runner) -> None:
    args = ["score766", str(SAMPLE_DATA), "--period", "2025-03", "-q", "--no-cache"]
    listed = json.loads(runner.invoke(app, [*args, "--lost", "--format", "json"]).stdout)
    codes = {row["dossier_code"] for row in listed["lost"]}
    result = runner.invoke(app, [*args, "--lost"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    shown = {cell.strip() for line in result.stdout.splitlines() for cell in line.split("│")}
    # every dossier of the first 50 listed is on one line, whole (never "000.13.…")
    first = sorted(codes & shown)
    assert len(first) >= 20 and not any("…" in cell and "000." in cell for cell in shown)
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_nothing_scored_is_said_not_zero_and_hypotheses_are_marked_issue_16(runner) -> None:
    args = ["score766", str(SAMPLE_DATA), "-q", "--no-cache"]
    empty = runner.invoke(app, [*args, "--period", "2023-01", "--format", "json"])
    assert json.loads(empty.stdout)["total"]["points"] is None
    table = runner.invoke(app, [*args, "--period", "2023-01"], env={"COLUMNS": "200"})
    assert "chưa tính được điểm chỉ số nào" in table.stdout
    decision = json.loads(
        runner.invoke(
            app, [*args, "--period", "2025-03", "--version", "766-2022", "-f", "json"]
        ).stdout
    )
    notes = {i["code"]: i["note"] or "" for i in decision["indicators"]}
    assert all("giả thuyết" in notes[code] for code in ("3.1", "3.2", "3.3"))


def test_a_unit_without_data_is_said_so_when_units_were_asked_for_issue_16(
    runner, folder, tmp_path
) -> None:
    portal = tmp_path / "cong.csv"
    portal.write_text("Chỉ số;Đơn vị;Điểm\n2.1;UBND xã Không Có;10\n", encoding="utf-8")
    args = [str(folder), "--period", "2025-03", "--compare", str(portal), "-f", "json", "-q"]
    alone = json.loads(_run(runner, *args).stdout)["compare"][0]
    assert alone["reasons"] == ["compare.unit_not_found"]  # "use --by agency_name"
    by_unit = json.loads(_run(runner, *args, "--by", "agency_name").stdout)["compare"][0]
    assert by_unit["reasons"] == ["compare.unit_no_data"] and by_unit["ours"] is None


def test_the_output_s_ending_chooses_the_format_when_none_is_given_issue12(
    runner, folder, tmp_path
) -> None:
    args = [str(folder), "--period", "2025-03", "-q"]
    for name in ("diem.json", "diem.csv", "diem.txt"):
        assert _run(runner, *args, "-o", str(tmp_path / name)).exit_code == 0
    assert json.loads((tmp_path / "diem.json").read_text(encoding="utf-8"))["scorecard"]
    written = (tmp_path / "diem.csv").read_text(encoding="utf-8-sig")
    assert "total" in [row["level"] for row in csv.DictReader(io.StringIO(written))]
    assert not (tmp_path / "diem.txt").read_text(encoding="utf-8").lstrip().startswith("{")
    _run(runner, *args, "-f", "json", "-o", str(tmp_path / "x.csv"))  # a format given wins
    assert json.loads((tmp_path / "x.csv").read_text(encoding="utf-8"))["scorecard"]
