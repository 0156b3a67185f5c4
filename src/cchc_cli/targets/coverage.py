"""Coverage (D6): which months the inputs hold, dataset by dataset, and the day the dossier data
runs to (its snapshot date). A target is judged only on a period its data covers, and never
after the data's own last day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from cchc_cli.rules import end_dates
from cchc_cli.schema import DATASETS
from cchc_cli.targets.periods import Period, month_labels
from cchc_cli.targets.timeliness import received_dates

# The dates at which something happens to a dossier (D6: the snapshot is the latest of them).
EVENT_FIELDS = (
    "received_at",
    "supplement_requested_at",
    "supplement_received_at",
    "completed_at",
    "returned_at",
    "rejected_at",
)


def snapshot_date(dossiers: pd.DataFrame | None) -> date | None:
    """The latest event date in the dossier rows: the day the exports run to."""
    if dossiers is None:
        return None
    latest: np.datetime64 | None = None
    for name in EVENT_FIELDS:
        if name in dossiers:
            values = dossiers[name].to_numpy(dtype="datetime64[s]")
            values = values[~np.isnat(values)]
            if values.size and (latest is None or values.max() > latest):
                latest = values.max()
    if latest is None:
        return None
    return pd.Timestamp(latest).date()


def dossier_months(dossiers: pd.DataFrame | None) -> set[str]:
    """The months the dossier exports hold.

    An export of a month lists the dossiers handled in it: those received in it (many ended in
    it too) and those carried over from earlier months. A month counts as held when a dossier
    was received and ended in it; the month of the snapshot date counts when dossiers were
    received in it (its dossiers may all still be open). A dossier carried over from January in
    the February export does not make January held.
    """
    received = received_dates(dossiers)
    if received.empty or dossiers is None:
        return set()
    ends = end_dates(dossiers).reindex(received.index)
    received_month = received.to_numpy(dtype="datetime64[s]").astype("datetime64[M]")
    end_month = ends.to_numpy(dtype="datetime64[s]").astype("datetime64[M]")
    same = ~np.isnat(end_month) & (received_month == end_month)
    months = month_labels(received[same])
    last = snapshot_date(dossiers)
    if last is not None:
        label = f"{last.year:04d}-{last.month:02d}"
        if label in month_labels(received):
            months.add(label)
    return months


@dataclass(frozen=True)
class Coverage:
    """What the inputs hold of a period for one dataset."""

    dataset: str
    held: tuple[str, ...]  # months (or years, for yearly registers) of the period held
    missing: tuple[str, ...]  # those not held

    def to_dict(self) -> dict[str, Any]:
        """The `coverage` entry of the D11 JSON."""
        return {"dataset": self.dataset, "held": list(self.held), "missing": list(self.missing)}


def dated_months(table: pd.DataFrame, field: str) -> set[str] | None:
    """The months a register's date field falls in; None when the field is a year."""
    values = table[field].dropna()
    if pd.api.types.is_datetime64_any_dtype(values):
        return month_labels(values)
    return None


def coverage_of(tables: dict[str, pd.DataFrame], period: Period) -> list[Coverage]:
    """The months of `period` each dated dataset among the inputs holds (registers without a
    date are snapshots: always held)."""
    found = []
    months = period.months()
    for name, table in tables.items():
        if name == "dossiers":
            held = dossier_months(table)
        else:
            field = DATASETS[name].date_field
            if field is None or field not in table:
                continue
            held = dated_months(table, field)
            if held is None:  # a yearly register: the period's end year
                years = set(pd.to_numeric(table[field], errors="coerce").dropna().astype(int))
                year = str(period.end.year)
                has = period.end.year in years
                found.append(Coverage(name, (year,) if has else (), () if has else (year,)))
                continue
        found.append(
            Coverage(
                name,
                tuple(m for m in months if m in held),
                tuple(m for m in months if m not in held),
            )
        )
    return sorted(found, key=lambda c: (c.dataset != "dossiers", c.dataset))


def default_as_of(period: Period, snapshot: date | None) -> date:
    """The day a period is judged at when none is given: its last day, or the data's snapshot
    date when the data stops earlier within the period (D6)."""
    if snapshot is not None and period.start <= snapshot < period.end:
        return snapshot
    return period.end
