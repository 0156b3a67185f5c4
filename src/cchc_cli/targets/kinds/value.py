"""value: a number reported for the period (a rank, a score), from the `values` register or
from targets.yaml itself, against a threshold and, optionally, a deadline."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import ClassVar, Literal

import pandas as pd
from pydantic import Field

from cchc_cli import parsing
from cchc_cli.catalogue import phrase
from cchc_cli.targets.filters import FilterField
from cchc_cli.targets.framing import Framing
from cchc_cli.targets.kinds.base import TargetKind
from cchc_cli.targets.periods import Period, PeriodError, parse_period
from cchc_cli.targets.results import Note, TargetResult, TargetStatus, judge
from cchc_cli.targets.spec import Problem, Reported, Target, TargetBase, Threshold
from cchc_cli.text import match_key


class ValueSpec(TargetBase):
    """A reported number with a threshold."""

    reads_rows: ClassVar[bool] = False

    kind: Literal["value"]
    threshold: Threshold
    reported: list[Reported] = Field(default_factory=list)
    # read from the `values` dataset (by indicator id) instead of `reported`
    indicator: str | None = None
    # the latest reported value counts whatever the period (a one-off achievement)
    any_period: bool = False
    deadline: date | None = None

    def judged_by(self) -> Threshold | None:
        return self.threshold

    def check(self, fields: dict[str, FilterField]) -> Iterator[Problem]:
        if not self.reported and self.indicator is None:
            yield "", phrase("targets.value_needs_source")
        if self.indicator is not None and "indicator_id" not in fields:
            yield "dataset", phrase("targets.indicator_needs_values", dataset=self.dataset)


# Periods as officers write them in a register: "04/2025", "4/2025", "Tháng 4/2025", "T4/2025",
# "Quý 1/2025", "Quý I/2025", "Năm 2025" (matched on the diacritic-free key).
_MONTH = re.compile(r"^(?:thang|t)?\s*(\d{1,2})\s*[/.-]\s*(\d{4})$")
_QUARTER = re.compile(r"^(?:quy|q)\s*(\d|i{1,3}|iv)\s*[/.-]\s*(\d{4})$")
_YEAR = re.compile(r"^nam\s*(\d{4})$")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def period_label(text: str) -> str | None:
    """A reported value's period: "2025", "2025-Q1", "2025-03", the forms officers write
    ("04/2025", "Tháng 4/2025", "T4/2025", "Quý I/2025", "Năm 2025"), or a date typed in the
    cell (Excel turns "03/2025" into 01/03/2025): its month."""
    try:
        return parse_period(text).label
    except PeriodError:
        pass
    key = match_key(text)
    month = _MONTH.match(key)
    if month and 1 <= int(month.group(1)) <= 12:
        return f"{int(month.group(2)):04d}-{int(month.group(1)):02d}"
    quarter = _QUARTER.match(key)
    if quarter:
        number = _ROMAN.get(quarter.group(1)) or int(quarter.group(1))
        if 1 <= number <= 4:
            return f"{int(quarter.group(2)):04d}-Q{number}"
    year = _YEAR.match(key)
    if year:
        return year.group(1)
    try:
        day = parsing.parse_date(text)
    except parsing.ParseProblem:
        return None
    return f"{day:%Y-%m}" if day else None


def compute(target: Target, framing: Framing, period: Period, by: list[str]) -> TargetResult:
    """The value reported for the period (or its year); the last row wins when repeated."""
    spec = target.spec
    assert isinstance(spec, ValueSpec)
    # period label -> (value, achieved on, how many rows gave it, where the last one is)
    reported: dict[str, tuple[float, date | None, int, tuple[str, int] | None]] = {
        r.period: (r.value, None, 1, None) for r in spec.reported
    }
    table = framing.tables.get(spec.dataset)
    if spec.indicator and table is not None:
        rows = table[table["indicator_id"].astype(str) == spec.indicator]
        for record in rows.itertuples(index=False):
            label = period_label(str(record.period))
            if label is None or pd.isna(record.value):  # a row of counts only (score766)
                continue
            achieved = getattr(record, "achieved_at", None)
            day = None if achieved is None or pd.isna(achieved) else achieved.date()
            seen = reported.get(label, (0.0, None, 0, None))[2]
            where = (Path(str(record.source_path)).name, int(record.source_row))
            reported[label] = (float(record.value), day, seen + 1, where)
    if spec.any_period and reported:
        found = reported[sorted(reported)[-1]]
    else:
        found = reported.get(period.label, reported.get(str(period.end.year)))
    if found is None:
        return TargetResult.no_data(
            target, Note("result.no_reported_value", {"period": period.label})
        )
    value, achieved_at, count, where = found
    status = judge(value, target.threshold, spec.warning_band)
    note = None
    if count > 1 and where is not None:
        note = Note("result.value_repeated", {"count": count, "path": where[0], "row": where[1]})
    late = achieved_at is None or (spec.deadline is not None and achieved_at > spec.deadline)
    if spec.deadline is not None and status is TargetStatus.MET and late:
        status = TargetStatus.MISSED
        note = Note("result.after_deadline", {"deadline": spec.deadline.isoformat()})
    return TargetResult(target, value, None, value, target.threshold, status, note)


KIND = TargetKind(ValueSpec, compute)
