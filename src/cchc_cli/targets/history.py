"""Every target month by month over the span of the inputs (the trend sheet of the report)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from cchc_cli.targets.coverage import default_as_of
from cchc_cli.targets.engine import Engine
from cchc_cli.targets.periods import Period, parse_period
from cchc_cli.targets.results import TargetResult
from cchc_cli.targets.timeliness import received_dates


@dataclass
class History:
    """Results per month (oldest first) for each target id."""

    months: list[Period]
    results: dict[str, list[TargetResult]]


def data_months(tables: dict[str, pd.DataFrame]) -> list[str]:
    """`YYYY-MM` from the first to the last month in which dossiers were received."""
    received = received_dates(tables.get("dossiers"))
    if received.empty:
        return []
    first, last = received.min(), received.max()
    return list(
        pd.period_range(first.to_period("M"), last.to_period("M"), freq="M").strftime("%Y-%m")
    )


def monthly(engine: Engine, months: list[str], snapshot: date | None = None) -> History:
    """Each target for each month, each judged at its last day (the data's last day for the
    month the data ends in, D6)."""
    periods = []
    for month in months:
        period = parse_period(month)
        periods.append(period.with_as_of(default_as_of(period, snapshot)))
    results: dict[str, list[TargetResult]] = {t.id: [] for t in engine.config.targets}
    for period in periods:
        for target in engine.config.targets:
            results[target.id].append(engine.compute_target(target, period, []))
    return History(periods, results)
