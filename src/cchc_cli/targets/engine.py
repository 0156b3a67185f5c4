"""The target engine: every configured target for a period, overall and per group, vectorised
over the canonical tables. Returns result objects; renderers turn them into tables and files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import numpy as np
import pandas as pd

from cchc_cli.issues import render_message
from cchc_cli.targets.config import Target, TargetConfig, Threshold
from cchc_cli.targets.filters import evaluate, fields_used
from cchc_cli.targets.periods import Period, parse_period
from cchc_cli.targets.timeliness import NEVER_RECEIVED, DossierView, classify

# Rates are compared with a tolerance so that 19/20 meets ">= 0.95" whatever the float rounding.
EPSILON = 1e-9


class Status(StrEnum):
    """How a target stands."""

    MET = "met"
    MISSED = "missed"
    WARNING = "warning"
    NO_DATA = "no_data"


@dataclass(frozen=True)
class Note:
    """A catalogued message attached to a result (why no_data, where a baseline came from)."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        """The message in `lang`."""
        return render_message(self.code, lang, self.params)


@dataclass
class GroupResult:
    """A target within one group (`--by` values, or an admin level of a trend target)."""

    by: dict[str, Any]
    numerator: float | None
    denominator: float | None
    value: float | None
    status: Status
    target_value: float | None = None
    note: Note | None = None


@dataclass
class TargetResult:
    """One target computed for the period."""

    target: Target
    numerator: float | None
    denominator: float | None
    value: float | None
    threshold: Threshold | None
    status: Status
    note: Note | None = None
    groups: list[GroupResult] = field(default_factory=list)
    levels: list[GroupResult] = field(default_factory=list)


@dataclass
class ComputeResult:
    """All targets for a period; the one object every renderer draws from."""

    period: Period
    by: list[str]
    config: TargetConfig
    targets: list[TargetResult]


def judge(value: float | None, threshold: Threshold | None, band: float | None) -> Status:
    """met / warning (within `band` of the threshold) / missed; no_data without a value."""
    if value is None or threshold is None:
        return Status.NO_DATA
    limit = threshold.value
    op = threshold.op
    if op == ">=":
        met, gap = value >= limit - EPSILON, limit - value
    elif op == ">":
        met, gap = value > limit + EPSILON, limit - value
    elif op == "<=":
        met, gap = value <= limit + EPSILON, value - limit
    elif op == "<":
        met, gap = value < limit - EPSILON, value - limit
    else:
        met, gap = abs(value - limit) <= EPSILON, abs(value - limit)
    if met:
        return Status.MET
    if band is not None and gap <= band + EPSILON:
        return Status.WARNING
    return Status.MISSED


def _rate(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


class _MissingColumns(Exception):
    def __init__(self, names: Iterable[str]) -> None:
        super().__init__(", ".join(sorted(names)))
        self.names = sorted(names)


# Fields a derived value or a population needs; alternatives joined with "/".
_DERIVED_NEEDS = {"timeliness": ("due_at/original_due_at",)}
_POPULATION_NEEDS = {
    "received": ("received_at",),
    "ended": ("completed_at/returned_at/rejected_at",),
    "handled": ("received_at",),
    "all": (),
}


def _missing(table: pd.DataFrame, names: Iterable[str]) -> list[str]:
    missing = []
    for name in names:
        needs = _DERIVED_NEEDS.get(name, (name,))
        for need in needs:
            if not any(option in table for option in need.split("/")):
                missing.append(need)
    return sorted(set(missing))


class _Frame:
    """A dataset table for one period: column access (derived ones included) and populations."""

    def __init__(self, table: pd.DataFrame, period: Period) -> None:
        self.table = table
        self.period = period
        self._view: DossierView | None = None

    @property
    def view(self) -> DossierView:
        if self._view is None:
            self._view = classify(self.table, self.period)
        return self._view

    def column(self, name: str) -> pd.Series:
        if name == "timeliness":
            return self.view.timeliness
        if name not in self.table:
            raise _MissingColumns([name])
        return self.table[name]

    def population(self, name: str | None) -> np.ndarray:
        if name in (None, "all"):
            return np.ones(len(self.table), dtype=bool)
        return self.view.population(name)


class Engine:
    """Computes targets over loaded tables; caches period views between targets."""

    def __init__(self, tables: dict[str, pd.DataFrame], config: TargetConfig) -> None:
        self.tables = tables
        self.config = config
        self._frames: dict[tuple[str, Period], _Frame] = {}
        self._months: dict[str, set[str]] = {}

    def covers(self, dataset: str, period: Period) -> bool:
        """Whether the inputs hold `period`: dossiers received in every one of its months.

        One carried-over dossier from last December does not make last year's rate (D9).
        """
        if dataset not in self._months:
            table = self.tables.get(dataset)
            months: set[str] = set()
            if table is not None and "received_at" in table:
                counted = (
                    ~table["status"].isin(NEVER_RECEIVED).to_numpy(bool)
                    if ("status" in table)
                    else np.ones(len(table), bool)
                )
                received = table.loc[counted, "received_at"].dropna()
                months = set(received.dt.strftime("%Y-%m").unique())
            self._months[dataset] = months
        return all(month in self._months[dataset] for month in period.months())

    def frame(self, dataset: str, period: Period) -> _Frame | None:
        if dataset not in self.tables:
            return None
        key = (dataset, period)
        if key not in self._frames:
            self._frames[key] = _Frame(self.tables[dataset], period)
        return self._frames[key]

    def compute(self, period: Period, by: list[str]) -> ComputeResult:
        """Every target of the configuration for `period`."""
        results = [self.compute_target(t, period, by) for t in self.config.targets]
        return ComputeResult(period=period, by=by, config=self.config, targets=results)

    def compute_target(self, target: Target, period: Period, by: list[str]) -> TargetResult:
        """One target; problems with the data become no_data with a note, never exceptions."""
        kind = target.spec.kind
        if kind == "value":
            return self._value(target, period)
        frame = self.frame(target.spec.dataset, period)
        if frame is None:
            return self._no_data(
                target, Note("result.no_dataset", {"dataset": target.spec.dataset})
            )
        needed = set(_POPULATION_NEEDS[target.spec.population or "all"])
        for node in (target.numerator, target.denominator, target.filter):
            if node is not None:
                needed |= fields_used(node)
        if target.spec.trend is not None:
            needed.add(target.spec.trend.per)
        missing = _missing(frame.table, needed)
        if missing:
            return self._no_data(
                target, Note("result.missing_columns", {"columns": ", ".join(missing)})
            )
        if kind == "count_change":
            return self._count_change(target, period)
        if kind == "trend":
            return self._trend(target, frame, period, by)
        return self._ratio(target, frame, by)

    # -- kinds --------------------------------------------------------------------------------

    def _masks(self, target: Target, frame: _Frame) -> tuple[np.ndarray, np.ndarray]:
        population = frame.population(target.spec.population)
        groups = self.config.groups
        assert target.denominator is not None and target.numerator is not None
        denominator = population & evaluate(target.denominator, frame.column, groups)
        numerator = denominator & evaluate(target.numerator, frame.column, groups)
        return numerator, denominator

    def _ratio(self, target: Target, frame: _Frame, by: list[str]) -> TargetResult:
        numerator, denominator = self._masks(target, frame)
        num, den = int(numerator.sum()), int(denominator.sum())
        value = _rate(num, den)
        band = target.spec.warning_band
        result = TargetResult(
            target,
            num,
            den,
            value,
            target.threshold,
            judge(value, target.threshold, band),
            None if den else Note("result.empty_denominator", {}),
        )
        if by:
            for keys, n, d in _grouped(frame, by, numerator, denominator):
                rate = _rate(n, d)
                result.groups.append(
                    GroupResult(keys, n, d, rate, judge(rate, target.threshold, band))
                )
        return result

    def _trend(self, target: Target, frame: _Frame, period: Period, by: list[str]) -> TargetResult:
        trend = target.spec.trend
        assert trend is not None
        year = period.end.year
        previous_period = parse_period(str(year - 1))
        previous = self.frame(target.spec.dataset, previous_period)
        assert previous is not None
        numerator, denominator = self._masks(target, frame)
        prev_num, prev_den = self._masks(target, previous)
        if not self.covers(target.spec.dataset, previous_period):
            prev_den = np.zeros_like(prev_den)  # not a whole year: the baseline decides
        level_column = frame.column(trend.per)
        prev_levels = previous.column(trend.per)
        baselines = trend.baselines.get(year - 1, {})
        num, den = int(numerator.sum()), int(denominator.sum())
        # The threshold differs per level; the overall row has none of its own.
        result = TargetResult(target, num, den, _rate(num, den), None, Status.NO_DATA)
        targets: dict[Any, tuple[float | None, Note]] = {}
        # Levels judged: those with dossiers in the period (a baseline alone judges nothing).
        levels = sorted(
            {v for v in pd.unique(level_column[denominator]) if pd.notna(v) and v != "UNKNOWN"}
        )
        for level in levels:
            here = (prev_levels == level).fillna(False).to_numpy(dtype=bool)
            p_den = int((prev_den & here).sum())
            if p_den:
                prev_rate = int((prev_num & here).sum()) / p_den
                source = Note("result.trend_from_inputs", {"year": year - 1, "rate": prev_rate})
            elif level in baselines:
                prev_rate = baselines[level]
                source = Note("result.trend_from_baseline", {"year": year - 1, "rate": prev_rate})
            else:
                targets[level] = (
                    None,
                    Note("result.trend_no_baseline", {"year": year - 1, "level": level}),
                )
                continue
            targets[level] = (min(trend.cap, prev_rate + trend.step), source)
        statuses: list[Status] = []
        for level in levels:
            here = (level_column == level).fillna(False).to_numpy(dtype=bool)
            n, d = int((numerator & here).sum()), int((denominator & here).sum())
            rate = _rate(n, d)
            goal, note = targets[level]
            status = (
                judge(rate, Threshold(op=">=", value=goal), target.spec.warning_band)
                if (goal is not None)
                else Status.NO_DATA
            )
            if d == 0 and goal is not None:
                note = Note("result.empty_denominator", {})
            result.levels.append(GroupResult({trend.per: level}, n, d, rate, status, goal, note))
            statuses.append(status)
        unknown = int((denominator & ~level_column.isin(levels).fillna(False).to_numpy(bool)).sum())
        result.status = _worst(statuses)
        if not levels:
            result.note = Note("result.empty_denominator", {})
        elif result.status is Status.NO_DATA or any(s is Status.NO_DATA for s in statuses):
            lacking = [str(g.by[trend.per]) for g in result.levels if g.status is Status.NO_DATA]
            result.note = Note("result.trend_levels_without_data", {"levels": ", ".join(lacking)})
        elif unknown:
            result.note = Note("result.trend_unknown_level", {"count": unknown})
        if by:
            keys_with_level = list(dict.fromkeys([*by, trend.per]))
            for keys, n, d in _grouped(frame, keys_with_level, numerator, denominator):
                goal, note = targets.get(
                    keys[trend.per], (None, Note("result.trend_unknown_level", {"count": d}))
                )
                rate = _rate(n, d)
                status = (
                    judge(rate, Threshold(op=">=", value=goal), target.spec.warning_band)
                    if (goal is not None)
                    else Status.NO_DATA
                )
                result.groups.append(
                    GroupResult(keys, n, d, rate, status, goal, None if goal is not None else note)
                )
        return result

    def _count_change(self, target: Target, period: Period) -> TargetResult:
        counts = []
        for when in (period, period.shifted_years(-1)):
            frame = self.frame(target.spec.dataset, when)
            assert frame is not None and target.filter is not None
            mask = frame.population(target.spec.population) & evaluate(
                target.filter, frame.column, self.config.groups
            )
            counts.append(int(mask.sum()))
        now, before = counts
        earlier = period.shifted_years(-1)
        if not self.covers(target.spec.dataset, earlier):
            before = 0  # the inputs do not hold last year's period: no comparison
        value = _rate(now, before)
        return TargetResult(
            target,
            now,
            before,
            value,
            target.threshold,
            judge(value, target.threshold, target.spec.warning_band),
            None
            if before
            else Note("result.no_previous_year", {"period": period.shifted_years(-1).label}),
        )

    def _value(self, target: Target, period: Period) -> TargetResult:
        reported = {r.period: r.value for r in target.spec.reported}
        value = reported.get(period.label, reported.get(str(period.end.year)))
        status = judge(value, target.threshold, target.spec.warning_band)
        note = (
            None
            if value is not None
            else Note("result.no_reported_value", {"period": period.label})
        )
        return TargetResult(target, value, None, value, target.threshold, status, note)

    def _no_data(self, target: Target, note: Note) -> TargetResult:
        return TargetResult(target, None, None, None, target.threshold, Status.NO_DATA, note)


def _worst(statuses: list[Status]) -> Status:
    for status in (Status.MISSED, Status.NO_DATA, Status.WARNING, Status.MET):
        if status in statuses:
            return status
    return Status.NO_DATA


def _grouped(
    frame: _Frame, by: list[str], numerator: np.ndarray, denominator: np.ndarray
) -> list[tuple[dict[str, Any], int, int]]:
    """(group keys, numerator, denominator) for each group that has rows in the denominator."""
    columns = {}
    for name in by:
        try:
            values = frame.column(name)
        except _MissingColumns:
            values = pd.Series(None, index=frame.table.index, dtype=object)
        columns[name] = values.astype(object).where(values.notna(), None)
    data = pd.DataFrame(columns)
    data["_n"] = numerator
    data["_d"] = denominator
    data = data[denominator]
    if data.empty:
        return []
    sums = data.groupby(by, dropna=False, sort=True)[["_n", "_d"]].sum()
    rows = []
    for keys, row in sums.iterrows():
        values = keys if isinstance(keys, tuple) else (keys,)
        by_values = {name: (None if pd.isna(v) else v) for name, v in zip(by, values, strict=True)}
        rows.append((by_values, int(row["_n"]), int(row["_d"])))
    return rows


def compute(
    tables: dict[str, pd.DataFrame], config: TargetConfig, period: Period, by: list[str]
) -> ComputeResult:
    """Library entry point: every target of `config` for `period`, grouped by `by`."""
    return Engine(tables, config).compute(period, by)
