"""targets/coverage.py and its use (D6, issue #11): the months the inputs hold, the day the data
runs to, and what happens to a period the data does not hold — never a plausible number."""

from __future__ import annotations

import json
from datetime import date

from cchc_cli.cli import app
from cchc_cli.ingest import load_inputs
from cchc_cli.run import RunOptions, UnusableInputs, prepare
from cchc_cli.targets.coverage import coverage_of, default_as_of, dossier_months, snapshot_date
from cchc_cli.targets.periods import parse_period
from conftest import SAMPLE_DATA, write_xlsx
from golden_rows import FEB, HEADER, MAR


def _exports(tmp_path) -> list[str]:
    return [
        str(write_xlsx(tmp_path / "2025-02.xlsx", [HEADER, *FEB])),
        str(write_xlsx(tmp_path / "2025-03.xlsx", [HEADER, *MAR])),
    ]


def test_held_months_and_the_snapshot_date_issue11(tmp_path) -> None:
    dossiers = load_inputs(_exports(tmp_path)).tables["dossiers"]
    assert dossier_months(dossiers) == {"2025-02", "2025-03"}
    # A10, submitted on 28/03, is the last event (D6: received, supplement, end dates)
    assert snapshot_date(dossiers) == date(2025, 3, 28)


def test_dossiers_carried_over_do_not_make_their_month_held_issue11(tmp_path) -> None:
    # the February export lists A01-A04 and, carried over, J1 received in January
    carried = ["J1", *FEB[3][1:]]
    carried[6], carried[8] = "20/01/2025", "10/02/2025"  # received in January, ended in February
    path = write_xlsx(tmp_path / "feb.xlsx", [HEADER, *FEB, carried])
    dossiers = load_inputs([str(path)]).tables["dossiers"]
    assert dossier_months(dossiers) == {"2025-02"}
    (january,) = coverage_of({"dossiers": dossiers}, parse_period("2025-01"))
    assert (january.held, january.missing) == ((), ("2025-01",))


def test_as_of_is_never_after_the_data_issue11() -> None:
    march = parse_period("2025-03")
    assert default_as_of(march, date(2025, 3, 28)) == date(2025, 3, 28)
    assert default_as_of(march, date(2025, 4, 2)) == date(2025, 3, 31)  # data goes on
    # a period after the data: its end (its months are not held: its targets say no data)
    assert default_as_of(parse_period("2025-Q2"), date(2025, 3, 28)) == date(2025, 6, 30)
    assert default_as_of(march, None) == date(2025, 3, 31)


def test_a_period_past_the_data_is_not_judged_and_says_so_issue11(runner) -> None:
    base = ["compute", str(SAMPLE_DATA), "--period", "2025-Q2", "--format", "json"]
    result = runner.invoke(app, base)
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    (dossiers,) = [c for c in document["coverage"] if c["dataset"] == "dossiers"]
    assert dossiers == {
        "dataset": "dossiers",
        "held": [],
        "missing": ["2025-04", "2025-05", "2025-06"],
    }
    on_time = next(t for t in document["targets"] if t["id"] == "ho_so_dung_han")
    assert (on_time["value"], on_time["status"]) == (None, "no_data")
    assert "2025-04, 2025-05, 2025-06" in on_time["message"]
    assert "thiếu 2025-04, 2025-05, 2025-06" in result.stderr  # coverage.missing_months
    assert document["issues_summary"]["warnings"] >= 1
    # scheduled jobs can make it an input error
    strict = runner.invoke(app, [*base, "--require-coverage"])
    assert strict.exit_code == 3
    assert "--require-coverage" in strict.stderr


def test_a_month_the_data_ends_in_is_judged_at_its_last_event_issue11(runner, tmp_path) -> None:
    exports = _exports(tmp_path)
    result = runner.invoke(app, ["compute", *exports, "--period", "2025-03"])
    assert result.exit_code == 0
    assert "Số liệu tính đến ngày 28/03/2025" in result.stderr
    given = runner.invoke(
        app, ["compute", *exports, "--period", "2025-03", "--as-of", "31/03/2025"]
    )
    assert "Số liệu tính đến ngày" not in given.stderr  # the officer's own date is kept
    # a note on a run that went well: not printed with --quiet (issue 14); the JSON has as_of
    quiet = runner.invoke(app, ["compute", *exports, "--period", "2025-03", "-q"])
    assert quiet.exit_code == 0 and "Số liệu tính đến ngày" not in quiet.stderr


def test_the_library_run_reports_coverage_issue11(tmp_path) -> None:
    run = prepare(_exports(tmp_path), RunOptions(period="2025-Q1"))
    (dossiers, *_) = run.coverage
    assert (dossiers.dataset, dossiers.missing) == ("dossiers", ("2025-01",))
    assert [i.code for i in run.loaded.issues if i.code.startswith("coverage.")] == [
        "coverage.missing_months"
    ]
    assert run.period.as_of == date(2025, 3, 28) and run.as_of_from_data
    try:
        prepare(_exports(tmp_path), RunOptions(period="2025-Q1", require_coverage=True))
    except UnusableInputs as error:
        assert error.code == "coverage.required"
    else:
        raise AssertionError("an uncovered period must stop a run that requires coverage")


def test_the_workbook_names_the_missing_months_issue11(runner, tmp_path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "q1.xlsx"
    result = runner.invoke(
        app, ["report", *_exports(tmp_path), "--period", "2025-Q1", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out)["Tổng hợp"]
    lines = [sheet.cell(r, 1).value for r in range(1, 15)]
    assert "Dữ liệu có: 2025-02, 2025-03; thiếu: 2025-01." in lines


def _dossier_csv(path, rows) -> str:
    head = "Mã hồ sơ;Tên thủ tục;Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả;Trạng thái\n"
    path.write_text(head + "".join(";".join(r) + "\n" for r in rows), "utf-8")
    return str(path)


def _day(day: int, month: int) -> str:
    return f"{day:02d}/{month:02d}/2025"


def test_one_early_row_makes_no_month_held_issue11(tmp_path) -> None:
    # a February list, and one dossier received and completed in January, returned in February
    rows = [
        [f"F{i}", "A", _day(i + 2, 2), _day(i + 4, 2), _day(i + 3, 2), "Đã trả kết quả"]
        for i in range(8)
    ]
    rows.append(["J1", "A", _day(20, 1), _day(30, 1), _day(31, 1), "Đã trả kết quả"])
    dossiers = load_inputs([_dossier_csv(tmp_path / "feb.csv", rows)]).tables["dossiers"]
    assert dossier_months(dossiers) == {"2025-02"}


def test_a_slow_offices_month_is_held_by_its_own_export_issue11(tmp_path) -> None:
    # every February dossier ended in March: the February export (taken later) holds February
    rows = [
        [f"F{i}", "A", _day(i + 2, 2), _day(10, 3), _day(12, 3), "Đã trả kết quả"] for i in range(8)
    ]
    dossiers = load_inputs([_dossier_csv(tmp_path / "feb.csv", rows)]).tables["dossiers"]
    assert dossier_months(dossiers) == {"2025-02"}


def test_a_reception_book_without_end_dates_holds_its_months_and_warns_issue11(tmp_path) -> None:
    path = tmp_path / "so-tiep-nhan.csv"
    lines = ["Mã hồ sơ;Tên thủ tục;Ngày tiếp nhận"]
    lines += [f"R{m}{d};A;{_day(d, m)}" for m in (1, 2, 3) for d in range(2, 20)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    run = prepare([str(path)], RunOptions(period="2025-Q1"))
    assert run.coverage[0].missing == ()
    assert "coverage.no_ended" in [i.code for i in run.loaded.issues]


def test_a_stray_register_row_makes_no_month_held_issue11(tmp_path) -> None:
    from cchc_cli.targets.coverage import register_months

    rows = [["Mã giao dịch", "Số tiền", "Hình thức thanh toán", "Ngày thanh toán"]]
    rows += [[f"T{d}", 1000, "Trực tuyến", _day(d, 3)] for d in range(2, 22)]
    rows.append(["T0", 1000, "Trực tuyến", _day(28, 2)])
    payments = load_inputs([str(write_xlsx(tmp_path / "gd.xlsx", rows))]).tables["payments"]
    assert register_months(payments, "paid_at") == {"2025-03"}


def test_the_default_period_is_a_month_the_data_holds_issue11(tmp_path) -> None:
    # a February export that stops on 21/02: February is not complete, January is not held
    rows = [
        [f"F{i}", "A", _day(i + 2, 2), _day(i + 4, 2), _day(i + 3, 2), "Đã trả kết quả"]
        for i in range(18)
    ]
    run = prepare([_dossier_csv(tmp_path / "feb.csv", rows)], RunOptions())
    assert (run.period.label, run.period_note) == ("2025-02", "default_period_partial")
    assert run.coverage[0].missing == ()


def test_an_as_of_after_the_data_is_said_issue11(runner, tmp_path) -> None:
    exports = _exports(tmp_path)
    result = runner.invoke(
        app, ["compute", *exports, "--period", "2025-03", "--as-of", "30/06/2025", "-q"]
    )
    assert "dữ liệu hồ sơ chỉ đến ngày 28/03/2025" in result.stderr
