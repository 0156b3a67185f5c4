"""targets/periods.py: the periods an officer names (D6), the last complete month chosen by
default, and an as_of inside the period."""

from __future__ import annotations

from datetime import date

import pytest

from cchc_cli.cli import app
from cchc_cli.targets.periods import last_complete_month, parse_period, previous_period
from conftest import targets_by_id, write_xlsx
from golden_rows import TIMING_HEADER, timing_row


@pytest.mark.parametrize(
    ("text", "label", "start", "end"),
    [
        ("2025-03", "2025-03", date(2025, 3, 1), date(2025, 3, 31)),
        ("2024-2", "2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2025-Q1", "2025-Q1", date(2025, 1, 1), date(2025, 3, 31)),
        ("2025q4", "2025-Q4", date(2025, 10, 1), date(2025, 12, 31)),
        ("2025", "2025", date(2025, 1, 1), date(2025, 12, 31)),
        ("2025-01..2025-06", "2025-01..2025-06", date(2025, 1, 1), date(2025, 6, 30)),
    ],
)
def test_parse_period(text: str, label: str, start: date, end: date) -> None:
    period = parse_period(text)
    assert (period.label, period.start, period.end, period.as_of) == (label, start, end, end)


@pytest.mark.parametrize("text", ["2025-13", "2025-Q5", "March", "2025-06..2025-01", ""])
def test_bad_period(text: str) -> None:
    from cchc_cli.targets.periods import PeriodError

    with pytest.raises(PeriodError):
        parse_period(text)


@pytest.mark.parametrize(
    ("last_day", "expected"),
    [
        (date(2025, 3, 31), "2025-03"),  # Monday, last day
        (date(2025, 3, 28), "2025-02"),  # Friday, but Monday 31 is a working day
        (date(2025, 5, 30), "2025-05"),  # Friday; 31 May is a Saturday
        (date(2025, 4, 15), "2025-03"),
    ],
)
def test_last_complete_month(last_day: date, expected: str) -> None:
    assert last_complete_month(last_day).label == expected


def test_as_of_inside_the_period_limits_what_is_counted_issue3(tmp_path, runner) -> None:
    rows = [
        TIMING_HEADER,
        timing_row("C", "31/03/2025", "02/04/2025"),  # received after as_of: not yet counted
        # supplement asked after as_of: on 15/03 it is simply open and in time
        timing_row("G", "10/03/2025", "20/03/2025", asked="21/03/2025", status="Chờ bổ sung hồ sơ"),
    ]
    path = write_xlsx(tmp_path / "a.xlsx", rows)
    got = targets_by_id([path], "2025-03", as_of=date(2025, 3, 15))
    assert (got["ho_so_dung_han"].numerator, got["ho_so_dung_han"].denominator) == (1, 1)
    before = runner.invoke(
        app, ["compute", str(path), "--period", "2025-03", "--as-of", "01/01/2025"]
    )
    assert before.exit_code == 2 and "2025-03" in before.output


@pytest.mark.parametrize(
    ("text", "previous"),
    [
        ("2025-03", "2025-02"),
        ("2025-01", "2024-12"),
        ("2025-Q1", "2024-Q4"),
        ("2025-Q3", "2025-Q2"),
        ("2025", "2024"),
        ("2025-01..2025-06", "2024-07..2024-12"),
        ("2025-02..2025-04", "2024-11..2025-01"),
    ],
)
def test_the_previous_period_has_the_same_length_issue15(text: str, previous: str) -> None:
    before = previous_period(parse_period(text))
    assert before.label == previous
    assert len(before.months()) == len(parse_period(text).months())
    assert before.end < parse_period(text).start and before.as_of == before.end
