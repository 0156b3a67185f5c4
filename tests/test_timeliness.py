"""targets/timeliness.py: D7 (the 766 on-time rule) and D6 membership, one row per branch;
then the supplement time of dossiers read from a workbook."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from cchc_cli.targets.periods import Period
from cchc_cli.targets.timeliness import classify
from conftest import targets_by_id, write_xlsx
from golden_rows import TIMING_HEADER, timing_row

MARCH = Period("2025-03", date(2025, 3, 1), date(2025, 3, 31), date(2025, 3, 31))

COLUMNS = [
    "received_at",
    "due_at",
    "original_due_at",
    "completed_at",
    "returned_at",
    "rejected_at",
    "supplement_requested_at",
    "supplement_received_at",
    "supplement_count",
    "status",
]


def frame(rows: list[dict]) -> pd.DataFrame:
    data = {c: [r.get(c) for r in rows] for c in COLUMNS}
    table = pd.DataFrame(data)
    for c in COLUMNS:
        if c.endswith("_at"):
            table[c] = pd.to_datetime(table[c]).astype("datetime64[s]")
    table["supplement_count"] = pd.array(table["supplement_count"], dtype="Int64")
    table["status"] = pd.Categorical(table["status"])
    return table


# (case, row, expected timeliness) — all received in March, judged at 31/03 unless said.
CASES = [
    ("early", {"due_at": "2025-03-10 17:00", "completed_at": "2025-03-07 09:00"}, "early"),
    (
        "on time, same day later hour",
        {"due_at": "2025-03-10 08:00", "completed_at": "2025-03-10 16:30"},
        "on_time",
    ),
    ("late", {"due_at": "2025-03-10", "completed_at": "2025-03-11"}, "late"),
    ("returned only", {"due_at": "2025-03-10", "returned_at": "2025-03-09"}, "early"),
    (
        "completed wins over returned",
        {"due_at": "2025-03-10", "completed_at": "2025-03-10", "returned_at": "2025-03-12"},
        "on_time",
    ),
    (
        "stopped: rejected date ends it",
        {"due_at": "2025-03-10", "rejected_at": "2025-03-12", "status": "STOPPED"},
        "late",
    ),
    (
        "rejected date ignored unless stopped",
        {"due_at": "2025-04-10", "rejected_at": "2025-03-12", "status": "PROCESSING"},
        "open_in_time",
    ),
    (
        "withdrawn",
        {"due_at": "2025-03-10", "completed_at": "2025-03-20", "status": "WITHDRAWN"},
        "not_applicable",
    ),
    ("no due date", {"completed_at": "2025-03-20"}, "not_applicable"),
    (
        "two supplements, ended",
        {"due_at": "2025-03-20", "completed_at": "2025-03-05", "supplement_count": 2},
        "late",
    ),
    ("two supplements, open", {"due_at": "2025-04-20", "supplement_count": 2}, "open_overdue"),
    (
        "supplement time subtracted",
        {
            "due_at": "2025-03-10",
            "completed_at": "2025-03-14 10:00",
            "supplement_requested_at": "2025-03-05 09:00",
            "supplement_received_at": "2025-03-09 09:00",
            "supplement_count": 1,
        },
        "on_time",
    ),
    (
        "supplement time subtracted, still late",
        {
            "due_at": "2025-03-10",
            "completed_at": "2025-03-16 10:00",
            "supplement_requested_at": "2025-03-05 09:00",
            "supplement_received_at": "2025-03-09 09:00",
            "supplement_count": 1,
        },
        "late",
    ),
    (
        "original due date preferred",
        {"original_due_at": "2025-03-10", "due_at": "2025-03-20", "completed_at": "2025-03-15"},
        "late",
    ),
    ("open in time", {"due_at": "2025-04-02"}, "open_in_time"),
    ("open, due on as_of", {"due_at": "2025-03-31 17:00"}, "open_in_time"),
    ("open overdue", {"due_at": "2025-03-28"}, "open_overdue"),
    (
        "waiting for supplement asked in time",
        {
            "due_at": "2025-03-20",
            "status": "SUPPLEMENT_REQUESTED",
            "supplement_requested_at": "2025-03-18",
        },
        "open_in_time",
    ),
    (
        "waiting for supplement asked late",
        {
            "due_at": "2025-03-20",
            "status": "SUPPLEMENT_REQUESTED",
            "supplement_requested_at": "2025-03-22",
        },
        "open_overdue",
    ),
    (
        "ended after as_of is open at as_of",
        {"due_at": "2025-04-03", "completed_at": "2025-04-02"},
        "open_in_time",
    ),
    # Issue #9: a paused dossier (tạm dừng) is open, judged by rule 5.
    ("paused, in time", {"due_at": "2025-04-02", "status": "PAUSED"}, "open_in_time"),
    ("paused, overdue", {"due_at": "2025-03-28", "status": "PAUSED"}, "open_overdue"),
]


@pytest.mark.parametrize(("case", "row", "expected"), CASES, ids=[c[0] for c in CASES])
def test_timeliness_branches(case: str, row: dict, expected: str) -> None:
    view = classify(frame([{"received_at": "2025-03-03 08:00", **row}]), MARCH)
    assert view.handled_in[0]
    assert view.timeliness.iloc[0] == expected, case


def test_judged_at_as_of() -> None:
    table = frame([{"received_at": "2025-03-03", "due_at": "2025-03-14"}])
    early = classify(table, MARCH.with_as_of(date(2025, 3, 10)))
    late = classify(table, MARCH.with_as_of(date(2025, 3, 20)))
    assert early.timeliness.iloc[0] == "open_in_time"
    assert late.timeliness.iloc[0] == "open_overdue"


def test_membership_received_ended_handled_carried_over() -> None:
    table = frame(
        [
            {"received_at": "2025-03-05", "completed_at": "2025-03-06"},  # received & ended
            {"received_at": "2025-02-20", "completed_at": "2025-03-04"},  # carried, ended in P
            {"received_at": "2025-02-20"},  # carried, still open
            {"received_at": "2025-02-20", "completed_at": "2025-02-27"},  # ended before P
            {"received_at": "2025-02-20", "completed_at": "2025-03-01"},  # ended on P's start
            {"received_at": "2025-04-01"},  # after P
            {"received_at": "2025-03-05", "status": "NEW"},  # never received
            {"received_at": "2025-03-05", "status": "NOT_ACCEPTED"},  # never received
            {"received_at": "2025-03-05", "completed_at": "2025-04-03"},  # ends after P
        ]
    )
    view = classify(table, MARCH)
    assert list(view.received_in) == [True, False, False, False, False, False, False, False, True]
    assert list(view.carried_over) == [False, True, True, False, True, False, False, False, False]
    assert list(view.handled_in) == [True, True, True, False, True, False, False, False, True]
    assert list(view.ended_in) == [True, True, False, False, True, False, False, False, False]


def test_supplement_time_is_counted_in_calendar_days_issue3(tmp_path) -> None:
    rows = [
        TIMING_HEADER,
        # 1 calendar day of supplement: effective end 09/03 > due 08/03 -> late
        timing_row(
            "S1",
            "01/03/2025",
            "08/03/2025",
            "10/03/2025 12:00",
            "01/03/2025 01:00",
            "02/03/2025 23:00",
            "Đã trả kết quả",
        ),
        # 2 calendar days (only 26 hours): effective end 08/03 = due -> on time
        timing_row(
            "S2",
            "01/03/2025",
            "08/03/2025",
            "10/03/2025 08:00",
            "01/03/2025 23:00",
            "03/03/2025 01:00",
            "Đã trả kết quả",
        ),
    ]
    got = targets_by_id([write_xlsx(tmp_path / "s.xlsx", rows)], "2025-03")
    assert (got["ho_so_dung_han"].numerator, got["ho_so_dung_han"].denominator) == (1, 2)
