"""Reporting periods (D6): a month, a quarter, a year or a month range, and `as_of`."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from cchc_cli.errors import UsageError


class PeriodError(UsageError):
    """A --period or --as-of value that is not understood (a usage problem: exit 2)."""


_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_RANGE = re.compile(r"^(\d{4})-(\d{1,2})\.\.(\d{4})-(\d{1,2})$")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class Period:
    """A closed range of calendar days with its label and the day results are judged at."""

    label: str
    start: date
    end: date
    as_of: date

    def with_as_of(self, as_of: date | None) -> Period:
        """The same period judged at another day (not before the period starts)."""
        if as_of is not None and as_of < self.start:
            raise PeriodError(
                "period.as_of_before_start", value=as_of.isoformat(), period=self.label
            )
        return Period(self.label, self.start, self.end, as_of or self.end)

    def shifted_years(self, years: int) -> Period:
        """The same period `years` earlier or later (the comparison period of count targets)."""
        start = _shift(self.start, years)
        end = _shift(self.end, years)
        label = re.sub(r"\d{4}", lambda m: str(int(m.group(0)) + years), self.label)
        return Period(label, start, end, _shift(self.as_of, years))

    def months(self) -> list[str]:
        """The months the period spans, as `YYYY-MM`."""
        months = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months

    def to_dict(self) -> dict[str, str]:
        """The D11 JSON form."""
        return {
            "label": self.label,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "as_of": self.as_of.isoformat(),
        }


def _shift(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def parse_period(text: str, as_of: date | None = None) -> Period:
    """`2025-03`, `2025-Q1`, `2025` or `2025-01..2025-06`; raises PeriodError otherwise."""
    value = text.strip()
    try:
        if match := _MONTH.match(value):
            year, month = int(match.group(1)), int(match.group(2))
            start, end = date(year, month, 1), _month_end(year, month)
            label = f"{year:04d}-{month:02d}"
        elif match := _QUARTER.match(value):
            year, quarter = int(match.group(1)), int(match.group(2))
            start = date(year, 3 * quarter - 2, 1)
            end = _month_end(year, 3 * quarter)
            label = f"{year:04d}-Q{quarter}"
        elif match := _YEAR.match(value):
            year = int(match.group(1))
            start, end, label = date(year, 1, 1), date(year, 12, 31), f"{year:04d}"
        elif match := _RANGE.match(value):
            y1, m1, y2, m2 = (int(g) for g in match.groups())
            start, end = date(y1, m1, 1), _month_end(y2, m2)
            label = f"{y1:04d}-{m1:02d}..{y2:04d}-{m2:02d}"
            if end < start:
                raise PeriodError("period.invalid", value=text)
        else:
            raise PeriodError("period.invalid", value=text)
    except ValueError:
        raise PeriodError("period.invalid", value=text) from None
    return Period(label, start, end, end).with_as_of(as_of)


def previous_period(period: Period) -> Period:
    """The period of the same length just before `period` (2025-03 → 2025-02, 2025-Q1 →
    2024-Q4, 2025 → 2024, 2025-01..2025-06 → 2024-07..2024-12), judged at its end: the change
    a leader reads on the report's first page (issue 15)."""
    months = len(period.months())
    first = period.start.year * 12 + period.start.month - 1 - months
    last = first + months - 1
    y1, m1 = divmod(first, 12)
    y2, m2 = divmod(last, 12)
    if months == 1:
        return parse_period(f"{y1:04d}-{m1 + 1:02d}")
    if _QUARTER.match(period.label):
        return parse_period(f"{y1:04d}-Q{m1 // 3 + 1}")
    if _YEAR.match(period.label):
        return parse_period(f"{y1:04d}")
    return parse_period(f"{y1:04d}-{m1 + 1:02d}..{y2:04d}-{m2 + 1:02d}")


def last_complete_month(last_day: date) -> Period:
    """The last month fully covered when the data runs up to `last_day`.

    A month counts as complete when no working day (Monday-Friday) of it comes after
    `last_day`: an export taken on Saturday 29 March still completes March.
    """
    end = _month_end(last_day.year, last_day.month)
    day = last_day + timedelta(days=1)
    while day <= end:
        if day.weekday() < 5:
            first = date(last_day.year, last_day.month, 1) - timedelta(days=1)
            return parse_period(f"{first.year:04d}-{first.month:02d}")
        day += timedelta(days=1)
    return parse_period(f"{last_day.year:04d}-{last_day.month:02d}")


def month_labels(values: pd.Series) -> set[str]:
    """The `YYYY-MM` months that dates fall in (vectorised: a million dates in milliseconds)."""
    days = values.dropna().to_numpy(dtype="datetime64[s]")
    months = np.unique(days.astype("datetime64[M]"))
    return set(np.datetime_as_string(months, unit="M").tolist())
