"""Framing and coverage: a dataset's table for one period (derived columns, the rows a target
looks at, grouping) and whether the inputs hold a period at all. Every kind receives this
service; none of them reads the loaded tables directly."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from cchc_cli.schema import DATASETS
from cchc_cli.schema.vocabularies import AdminLevel
from cchc_cli.targets.coverage import dossier_months, register_months
from cchc_cli.targets.filters import (
    FieldGroup,
    Filter,
    InRegister,
    Lookup,
    evaluate,
    fields_used,
)
from cchc_cli.targets.periods import Period, parse_period
from cchc_cli.targets.spec import Unit
from cchc_cli.targets.timeliness import PROGRAMME_RULE, DossierView, OnTimeRule, classify
from cchc_cli.text import match_key

# The period a register read whole is framed by (its rows are not placed in time).
_WHOLE = parse_period("2000")

# Fields a derived value needs; alternatives joined with "/".
_DERIVED_NEEDS = {
    "timeliness": ("due_at/original_due_at",),
    "timeliness_766": ("due_at/original_due_at",),
}
# Derived fields whose values depend on the period (their masks are never shared).
PERIOD_FIELDS = frozenset(("timeliness", "timeliness_766"))


class MissingColumns(Exception):
    """A column a target needs is not in the table."""

    def __init__(self, names: Iterable[str]) -> None:
        super().__init__(", ".join(sorted(names)))
        self.names = sorted(names)


def missing_columns(table: pd.DataFrame, names: Iterable[str]) -> list[str]:
    """The columns (or alternatives, "a/b") among `names` that `table` lacks."""
    missing = []
    for name in names:
        for need in _DERIVED_NEEDS.get(name, (name,)):
            if not any(option in table for option in need.split("/")):
                missing.append(need)
    return sorted(set(missing))


def with_unit_levels(
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
    table = table.copy(deep=False)  # a new column only: the data is shared (copy on write)
    if "admin_level" in table:
        derived = table["admin_level"].astype(object).where(table["admin_level"].notna(), derived)
    categories = [c.value for c in AdminLevel]
    table["admin_level"] = pd.Categorical(derived, categories=categories)
    return table


class Frame:
    """A dataset table for one period: column access (derived ones included) and scopes."""

    def __init__(
        self,
        table: pd.DataFrame,
        period: Period,
        groups: dict[str, FieldGroup],
        lookup: Lookup | None = None,
        masks: dict[tuple[int, int], np.ndarray | np.bool_] | None = None,
        rule_766: OnTimeRule = PROGRAMME_RULE,
    ) -> None:
        self.table = table
        self.period = period
        self.groups = groups
        self.lookup = lookup
        # Masks of filters that read no period-dependent field, by (table, filter) identity.
        self.masks = masks
        # The on-time rule of `timeliness_766` (the 766 scorecard's readings, issue 16).
        self.rule_766 = rule_766
        self._views: dict[OnTimeRule, DossierView] = {}
        # What a kind worked out for this frame and may be asked again (the scorecard's masks
        # of an indicator: its points, its deductions and its lists read the same rows)
        self.memo: dict[Any, Any] = {}

    @property
    def view(self) -> DossierView:
        """The dossiers' D6 populations and D7 timeliness in this period (computed once)."""
        return self.view_for(PROGRAMME_RULE)

    def view_for(self, rule: OnTimeRule) -> DossierView:
        """Populations and timeliness under an on-time rule (computed once per rule)."""
        if rule not in self._views:
            self._views[rule] = classify(self.table, self.period, rule)
        return self._views[rule]

    def column(self, name: str) -> pd.Series:
        """A column by field name; `timeliness` is derived (D7), `timeliness_766` too (the
        same rule with the scorecard's readings)."""
        if name == "timeliness":
            return self.view.timeliness
        if name == "timeliness_766":
            return self.view_for(self.rule_766).timeliness
        if name not in self.table:
            raise MissingColumns([name])
        return self.table[name]

    def matches(self, node: Filter) -> np.ndarray:
        """The rows a filter keeps (read-only: a mask that does not depend on the period is
        shared by every period's frame of the same table)."""
        if self.masks is None or PERIOD_FIELDS & fields_used(node):
            return evaluate(node, self.column, self.groups, self.lookup)
        key = (id(self.table), id(node))
        found = self.masks.get(key)
        if found is None:
            found = evaluate(node, self.column, self.groups, self.lookup)
            if isinstance(found, np.ndarray):  # an empty "all" is the scalar True
                found.flags.writeable = False
            self.masks[key] = found
        return found

    def scope(self, population: str | None, period_field: str | None) -> np.ndarray:
        """The rows a target looks at in this period: a D6 population for dossiers, rows whose
        `period_field` falls in the period for other datasets, else every row (a snapshot).

        The array may be shared between targets: copy it before changing it in place."""
        if population not in (None, "all"):
            return self.view.population(population)
        if period_field:
            return self.in_period(period_field)
        return np.ones(len(self.table), dtype=bool)

    def in_period(self, name: str) -> np.ndarray:
        """Rows whose date (or year) field falls in the period."""
        values = self.table[name]
        period = self.period
        if pd.api.types.is_datetime64_any_dtype(values):
            days = values.to_numpy(dtype="datetime64[s]").astype("datetime64[D]")
            last = min(period.end, period.as_of)
            return (days >= np.datetime64(period.start, "D")) & (days <= np.datetime64(last, "D"))
        # Yearly registers are snapshots: a period spanning two years takes its end year.
        years = pd.to_numeric(values, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        return years == period.end.year

    def grouped(
        self, by: list[str], numerator: np.ndarray, denominator: np.ndarray
    ) -> list[tuple[dict[str, Any], int, int]]:
        """(group keys, numerator, denominator) for each group with rows in the denominator,
        ordered by the keys (a blank key last). Keys are factorised on the denominator's rows
        only and counted with bincount: grouping a million text values as Python objects took
        seconds (issue #12)."""
        if not denominator.any():
            return []
        codes: list[np.ndarray] = []
        uniques: list[Any] = []
        for name in by:
            try:
                values = self.column(name)
            except MissingColumns:
                values = pd.Series(None, index=self.table.index, dtype=object)
            found, distinct = pd.factorize(values[denominator], use_na_sentinel=True)
            codes.append(found + 1)  # 0: blank
            uniques.append(distinct)
        sizes = [len(u) + 1 for u in uniques]
        combined = np.ravel_multi_index(codes, sizes)
        keys, inverse = np.unique(combined, return_inverse=True)
        n = np.bincount(inverse, weights=numerator[denominator].astype(np.float64))
        d = np.bincount(inverse)
        rows = []
        for position, key in enumerate(keys):
            parts = np.unravel_index(key, sizes)
            by_values = {
                name: (None if int(part) == 0 else _plain(uniques[index][int(part) - 1]))
                for index, (name, part) in enumerate(zip(by, parts, strict=True))
            }
            rows.append((by_values, int(n[position]), int(d[position])))
        rows.sort(key=lambda row: tuple((v is None, v) for v in row[0].values()))
        return rows


def _plain(value: Any) -> Any:
    """A numpy scalar as the Python value it stands for."""
    return value.item() if isinstance(value, np.generic) else value


class Framing:
    """The loaded tables framed by period, with coverage; frames are kept between targets."""

    def __init__(
        self,
        tables: dict[str, pd.DataFrame],
        units: list[Unit] | None = None,
        groups: dict[str, FieldGroup] | None = None,
        rule_766: OnTimeRule = PROGRAMME_RULE,
    ) -> None:
        self.tables = tables
        self.units = units or []
        self.groups = groups or {}
        self.rule_766 = rule_766
        self._frames: dict[tuple[str, Period], Frame] = {}
        self._levelled_tables: dict[tuple[str, date | None], pd.DataFrame] = {}
        # The frames keep their tables alive, so the identities in these keys stay unique.
        self._masks: dict[tuple[int, int], np.ndarray | np.bool_] = {}
        self._extent: dict[tuple[str, str | None], tuple[set[str] | None, set[int]]] = {}

    def frame(self, dataset: str, period: Period) -> Frame | None:
        """`dataset` in `period`, or None when the inputs hold no such dataset."""
        if dataset not in self.tables:
            return None
        key = (dataset, period)
        if key not in self._frames:
            self._frames[key] = Frame(
                self._levelled(dataset, period),
                period,
                self.groups,
                self.values_in,
                self._masks,
                self.rule_766,
            )
        return self._frames[key]

    def _levelled(self, dataset: str, period: Period) -> pd.DataFrame:
        """The table with its units' levels; the same object for every period when each row
        is placed by its own date (then a month by month history shares masks and facts)."""
        table = self.tables[dataset]
        field = DATASETS[dataset].date_field
        undated = field is None or field not in table or bool(table[field].isna().any())
        key = (dataset, period.end if undated else None)
        if key not in self._levelled_tables:
            self._levelled_tables[key] = with_unit_levels(table, self.units, field, period.end)
        return self._levelled_tables[key]

    def values_in(self, name: str, register: InRegister) -> pd.Series:
        """The values of field `name` in the rows of another register that its `where` keeps
        (the register read whole: a catalogue is a snapshot)."""
        table = self.tables.get(register.dataset)
        if table is None or name not in table:
            return pd.Series([], dtype=object)
        if register.where is None:
            return table[name].dropna()
        whole = Frame(table, _WHOLE, self.groups, self.values_in)
        return table[name][whole.matches(register.where)].dropna()

    def covers(self, dataset: str, period_field: str | None, period: Period) -> bool:
        """Whether the inputs hold `period` for a dataset."""
        return not self.missing(dataset, period_field, period)

    def missing(self, dataset: str, period_field: str | None, period: Period) -> list[str]:
        """The months (or the year) of `period` the inputs do not hold for a dataset.

        Dossiers: months their exports hold (targets/coverage.py: a carried-over dossier from
        last December does not make December held, D6, D9). Dated registers: months with rows.
        Yearly registers: the period's end year. A register without a date is a snapshot.
        """
        if dataset != "dossiers" and not period_field:
            return []
        key = (dataset, period_field)
        if key not in self._extent:
            self._extent[key] = self._data_extent(dataset, period_field)
        months, years = self._extent[key]
        if months is not None:
            return [month for month in period.months() if month not in months]
        return [] if period.end.year in years else [str(period.end.year)]

    def _data_extent(
        self, dataset: str, period_field: str | None
    ) -> tuple[set[str] | None, set[int]]:
        """(months, None) for dated data, (None, years) for yearly registers."""
        table = self.tables.get(dataset)
        if dataset == "dossiers":
            return dossier_months(table), set()
        if table is None or not period_field or period_field not in table:
            return set(), set()
        months = register_months(table, period_field)
        if months is not None:
            return months, set()
        values = table[period_field].dropna()
        return None, set(pd.to_numeric(values, errors="coerce").dropna().astype(int))
