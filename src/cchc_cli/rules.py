"""Domain rules shared by loading and computing: end of processing and due date (D7)."""

from __future__ import annotations

import pandas as pd


def end_dates(table: pd.DataFrame) -> pd.Series:
    """End of processing (D7): completed, else returned, else rejected when status is STOPPED."""
    end = pd.Series(pd.NaT, index=table.index, dtype="datetime64[s]")
    if "rejected_at" in table and "status" in table:
        stopped = (table["status"] == "STOPPED").fillna(False).to_numpy(dtype=bool)
        end = end.where(~stopped, table["rejected_at"])
    for name in ("returned_at", "completed_at"):
        if name in table:
            end = table[name].where(table[name].notna(), end)
    return end.astype("datetime64[s]")


def due_dates(table: pd.DataFrame) -> pd.Series:
    """Due date (D7): the original due date when present, else the current one."""
    due = pd.Series(pd.NaT, index=table.index, dtype="datetime64[s]")
    for name in ("due_at", "original_due_at"):
        if name in table:
            due = table[name].where(table[name].notna(), due)
    return due.astype("datetime64[s]")
