"""The target engine: every configured target for a period, overall and per group, vectorised
over the canonical tables. Returns result objects; renderers turn them into tables and files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cchc_cli import parsing
from cchc_cli.issues import render_message
from cchc_cli.schema import DATASETS
from cchc_cli.schema.vocabularies import AdminLevel
from cchc_cli.targets.config import Target, TargetConfig, TargetSpec, Threshold, Unit
from cchc_cli.targets.filters import evaluate, fields_used
from cchc_cli.targets.periods import Period, PeriodError, month_labels, parse_period
from cchc_cli.targets.timeliness import DossierView, classify, received_dates
from cchc_cli.text import match_key

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
    # The dataset the numbers came from when it is not the target's own (a `fallback`).
    source: str | None = None


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
# The dedicated register wins whenever it has data for the period; otherwise the fallback.
_FALLBACK_WHEN = ("result.no_dataset", "result.missing_columns", "result.empty_denominator")


def _missing(table: pd.DataFrame, names: Iterable[str]) -> list[str]:
    missing = []
    for name in names:
        needs = _DERIVED_NEEDS.get(name, (name,))
        for need in needs:
            if not any(option in table for option in need.split("/")):
                missing.append(need)
    return sorted(set(missing))


def _with_unit_levels(
    table: pd.DataFrame, units: list[Unit], date_field: str | None, fallback: date
) -> pd.DataFrame:
    """admin_level completed from the units configuration, each row with the level its unit had
    on the row's own date (`date_field`; the period's end for undated registers).

    The two-tier local government (no district level from 1 July 2025) is a matter of the
    units' validity dates, not of code.
    """
    if not units or "agency_name" not in table:
        return table
    if "admin_level" in table and table["admin_level"].notna().all():
        return table  # every row has its level already
    days = np.full(len(table), np.datetime64(fallback, "D"))
    if date_field and date_field in table:
        own = table[date_field].to_numpy(dtype="datetime64[s]").astype("datetime64[D]")
        days = np.where(np.isnat(own), days, own)
    codes, uniques = pd.factorize(table["agency_name"])
    keys = [match_key(str(u)) for u in uniques]
    levels = np.full(len(table), None, dtype=object)
    for unit in units:
        names = {match_key(name) for name in (unit.name, *unit.aliases)}
        positions = [i for i, key in enumerate(keys) if key in names]
        if not positions:
            continue
        rows = np.isin(codes, positions)
        if unit.valid_from is not None:
            rows &= days >= np.datetime64(unit.valid_from, "D")
        if unit.valid_to is not None:
            rows &= days <= np.datetime64(unit.valid_to, "D")
        levels[rows] = unit.level
    derived = pd.Series(levels, index=table.index)
    table = table.copy()
    if "admin_level" in table:
        derived = table["admin_level"].astype(object).where(table["admin_level"].notna(), derived)
    categories = [c.value for c in AdminLevel]
    table["admin_level"] = pd.Categorical(derived, categories=categories)
    return table


class _Frame:
    """A dataset table for one period: column access (derived ones included) and scopes."""

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

    def scope(self, spec: TargetSpec) -> np.ndarray:
        """The rows a target looks at in this period: a D6 population for dossiers, rows whose
        `period_field` falls in the period for other datasets, else every row (a snapshot)."""
        if spec.population not in (None, "all"):
            return self.view.population(spec.population)
        if spec.period_field:
            return self.in_period(spec.period_field)
        return np.ones(len(self.table), dtype=bool)

    def in_period(self, name: str) -> np.ndarray:
        values = self.table[name]
        period = self.period
        if pd.api.types.is_datetime64_any_dtype(values):
            days = values.to_numpy(dtype="datetime64[s]").astype("datetime64[D]")
            last = min(period.end, period.as_of)
            return (days >= np.datetime64(period.start, "D")) & (days <= np.datetime64(last, "D"))
        # Yearly registers are snapshots: a period spanning two years takes its end year.
        years = pd.to_numeric(values, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        return years == period.end.year


class Engine:
    """Computes targets over loaded tables; caches period views between targets."""

    def __init__(self, tables: dict[str, pd.DataFrame], config: TargetConfig) -> None:
        self.tables = tables
        self.config = config
        self._frames: dict[tuple[str, Period], _Frame] = {}
        self._extent: dict[tuple[str, str | None], tuple[set[str] | None, set[int]]] = {}

    def frame(self, dataset: str, period: Period) -> _Frame | None:
        if dataset not in self.tables:
            return None
        key = (dataset, period)
        if key not in self._frames:
            table = _with_unit_levels(
                self.tables[dataset], self.config.units, DATASETS[dataset].date_field, period.end
            )
            self._frames[key] = _Frame(table, period)
        return self._frames[key]

    def covers(self, spec: TargetSpec, period: Period) -> bool:
        """Whether the inputs hold `period` for this target's dataset.

        Dossiers (and dated registers): rows in every month of the period, so that one
        carried-over dossier from last December does not make last year's rate (D9). Yearly
        registers: at least one row of that year.
        """
        key = (spec.dataset, spec.period_field)
        if key not in self._extent:
            self._extent[key] = self._data_extent(spec)
        months, years = self._extent[key]
        if months is not None:
            return all(month in months for month in period.months())
        return period.end.year in years

    def _data_extent(self, spec: TargetSpec) -> tuple[set[str] | None, set[int]]:
        """(months, None) for dated data, (None, years) for yearly registers."""
        table = self.tables.get(spec.dataset)
        if spec.dataset == "dossiers":
            return month_labels(received_dates(table)), set()
        if table is None or not spec.period_field or spec.period_field not in table:
            return set(), set()
        values = table[spec.period_field].dropna()
        if pd.api.types.is_datetime64_any_dtype(values):
            return month_labels(values), set()
        return None, set(pd.to_numeric(values, errors="coerce").dropna().astype(int))

    def compute(self, period: Period, by: list[str]) -> ComputeResult:
        """Every target of the configuration for `period`."""
        results = [self.compute_target(t, period, by) for t in self.config.targets]
        return ComputeResult(period=period, by=by, config=self.config, targets=results)

    def compute_target(self, target: Target, period: Period, by: list[str]) -> TargetResult:
        """One target; when its dataset or columns are missing, its `fallback` sources are
        tried in order (the target's own dataset wins whenever it has the data)."""
        result = self._compute_one(target, period, by)
        for alternative in target.alternatives:
            if result.status is not Status.NO_DATA or result.note is None:
                break
            if result.note.code not in _FALLBACK_WHEN:
                break
            candidate = self._compute_one(alternative, period, by)
            if candidate.note is None or candidate.note.code not in _FALLBACK_WHEN:
                candidate.target = target
                candidate.source = alternative.spec.dataset
                return candidate
        return result

    def _compute_one(self, target: Target, period: Period, by: list[str]) -> TargetResult:
        """One source of one target; problems with the data become no_data with a note."""
        spec = target.spec
        if spec.kind == "value":
            return self._value(target, period)
        frame = self.frame(spec.dataset, period)
        if frame is None:
            return self._no_data(target, Note("result.no_dataset", {"dataset": spec.dataset}))
        needed = set(_POPULATION_NEEDS[spec.population or "all"])
        for node in (target.numerator, target.denominator, target.filter):
            if node is not None:
                needed |= fields_used(node)
        for name in (
            spec.period_field,
            spec.measure.sum if spec.measure else None,
            spec.trend.per if spec.trend else None,
        ):
            if name:
                needed.add(name)
        missing = _missing(frame.table, needed)
        if missing:
            return self._no_data(
                target, Note("result.missing_columns", {"columns": ", ".join(missing)})
            )
        if spec.kind == "count_change":
            return self._count_change(target, period)
        if spec.kind == "trend":
            return self._trend(target, frame, period, by)
        return self._ratio(target, frame, by)

    # -- kinds --------------------------------------------------------------------------------

    def _masks(self, target: Target, frame: _Frame) -> tuple[np.ndarray, np.ndarray]:
        scope = frame.scope(target.spec)
        groups = self.config.groups
        assert target.denominator is not None and target.numerator is not None
        denominator = scope & evaluate(target.denominator, frame.column, groups)
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
        if not self.covers(target.spec, previous_period):
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
            result.note = (
                Note("result.trend_unknown_level", {"count": den})
                if den
                else Note("result.empty_denominator", {})
            )
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
        spec = target.spec
        earlier = (
            parse_period(str(spec.compare_to)) if spec.compare_to else period.shifted_years(-1)
        )
        amounts = []
        for when in (period, earlier):
            frame = self.frame(spec.dataset, when)
            assert frame is not None
            mask = frame.scope(spec).copy()  # the scope is shared with other targets
            if target.filter is not None:
                mask &= evaluate(target.filter, frame.column, self.config.groups)
            if spec.measure is not None:
                values = pd.to_numeric(frame.column(spec.measure.sum), errors="coerce")
                amounts.append(float(values[mask].sum()))
            else:
                amounts.append(int(mask.sum()))
        now, before = amounts
        if not self.covers(spec, period):
            # nothing for this period is no reduction at all: never "met" without data (D8)
            return self._no_data(target, Note("result.no_current_data", {"period": period.label}))
        if not self.covers(spec, earlier):
            before = 0  # the inputs do not hold the comparison period: no comparison
        value = _rate(now, before)
        return TargetResult(
            target,
            now,
            before,
            value,
            target.threshold,
            judge(value, target.threshold, spec.warning_band),
            None if before else Note("result.no_previous_year", {"period": earlier.label}),
        )

    def _value(self, target: Target, period: Period) -> TargetResult:
        spec = target.spec
        # period label -> (value, achieved on, how many rows gave it, where the last one is)
        reported: dict[str, tuple[float, date | None, int, tuple[str, int] | None]] = {
            r.period: (r.value, None, 1, None) for r in spec.reported
        }
        table = self.tables.get("values")
        if spec.indicator and table is not None:
            rows = table[table["indicator_id"].astype(str) == spec.indicator]
            for record in rows.itertuples(index=False):
                label = _period_label(str(record.period))
                if label is None:
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
            note = Note("result.no_reported_value", {"period": period.label})
            return TargetResult(target, None, None, None, target.threshold, Status.NO_DATA, note)
        value, achieved_at, count, where = found
        status = judge(value, target.threshold, spec.warning_band)
        note = None
        if count > 1 and where is not None:
            note = Note(
                "result.value_repeated", {"count": count, "path": where[0], "row": where[1]}
            )
        late = achieved_at is None or (spec.deadline is not None and achieved_at > spec.deadline)
        if spec.deadline is not None and status is Status.MET and late:
            status = Status.MISSED
            note = Note("result.after_deadline", {"deadline": spec.deadline.isoformat()})
        return TargetResult(target, value, None, value, target.threshold, status, note)

    def _no_data(self, target: Target, note: Note) -> TargetResult:
        return TargetResult(target, None, None, None, target.threshold, Status.NO_DATA, note)


def _period_label(text: str) -> str | None:
    """A reported value's period: "2025", "2025-Q1", "2025-03", or a date typed in the cell
    (Excel turns "03/2025" into 01/03/2025): its month."""
    try:
        return parse_period(text).label
    except PeriodError:
        pass
    try:
        day = parsing.parse_date(text)
    except parsing.ParseProblem:
        return None
    return f"{day:%Y-%m}" if day else None


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
