"""The filter language of targets.yaml: parsed into a small typed tree, evaluated as vectorised
masks. Nothing in a filter is ever executed as code."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from cchc_cli.catalogue import Phrase, did_you_mean, phrase
from cchc_cli.schema.fields import Kind
from cchc_cli.text import match_key

COMPARISONS = ("gt", "gte", "lt", "lte")
OPERATORS = ("eq", "ne", "in", "not_in", *COMPARISONS, "present", "in_group", "in_register")
LOGICAL = ("all", "any", "not")
# Fields results can be grouped by (--by, trend.per): not dates or amounts.
GROUPABLE_KINDS = (Kind.LABEL, Kind.TEXT, Kind.BOOLEAN)


@dataclass(frozen=True)
class FilterField:
    """What a filter may say about a field: its kind and, for labels, the allowed codes."""

    name: str
    kind: Kind
    codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class FieldGroup:
    """A named set of values of a text field, matched by normalised "contains" (D8)."""

    name: str
    field: str
    contains: tuple[str, ...]

    def matches(self, value: str) -> bool:
        """Whether a value belongs to the group."""
        key = match_key(value)
        return any(match_key(term) in key for term in self.contains)


@dataclass(frozen=True)
class Condition:
    field: str
    op: str
    value: Any


@dataclass(frozen=True)
class AllOf:
    items: tuple[Filter, ...]


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Filter, ...]


@dataclass(frozen=True)
class Not:
    item: Filter


Filter = Condition | AllOf | AnyOf | Not


@dataclass(frozen=True)
class InRegister:
    """The value of `in_register`: the row's value must be among the values of the same field
    in the rows of another register that `where` keeps (e.g. the payments of procedures that
    the catalogue says can be paid online). The other register is read whole (a snapshot)."""

    dataset: str
    where: Filter | None = None


@dataclass(frozen=True)
class FilterScope:
    """What a filter may name: the fields of its dataset, the groups of the targets file and,
    for `in_register`, the fields of every other register."""

    fields: Mapping[str, FilterField]
    groups: Mapping[str, FieldGroup]
    registers: Mapping[str, Mapping[str, FilterField]] = field(default_factory=dict)


# The values of a field in another register that a filter keeps (given by the framing).
Lookup = Callable[[str, InRegister], pd.Series]


class FilterProblem(ValueError):
    """A mistake in a filter: where (key path below the filter) and why."""

    def __init__(self, location: str, reason: Phrase) -> None:
        super().__init__(str(reason))
        self.location = location
        self.reason = reason


def parse_filter(raw: Any, scope: FilterScope, where: str) -> Filter:
    """Check and build a filter from its YAML form; FilterProblem names the exact key."""
    fields = scope.fields
    if not isinstance(raw, dict) or not raw:
        raise FilterProblem(where, phrase("filter.mapping_expected"))
    items: list[Filter] = []
    for key, value in raw.items():
        path = f"{where}.{key}"
        if key in ("all", "any"):
            if not isinstance(value, list) or not value:
                raise FilterProblem(path, phrase("filter.list_expected"))
            parts = tuple(parse_filter(v, scope, f"{path}[{i}]") for i, v in enumerate(value))
            items.append(AllOf(parts) if key == "all" else AnyOf(parts))
        elif key == "not":
            items.append(Not(parse_filter(value, scope, path)))
        elif key in fields:
            items.extend(_conditions(fields[key], value, scope, path))
        else:
            raise FilterProblem(
                path,
                phrase("reason.unknown_field", hint=did_you_mean(key, [*fields, *LOGICAL])),
            )
    return items[0] if len(items) == 1 else AllOf(tuple(items))


def _conditions(field: FilterField, raw: Any, scope: FilterScope, where: str) -> list[Condition]:
    if isinstance(raw, list):
        raw = {"in": raw}
    elif not isinstance(raw, dict):
        raw = {"eq": raw}
    if not raw:
        raise FilterProblem(where, phrase("filter.no_condition"))
    conditions = []
    for op, value in raw.items():
        path = f"{where}.{op}"
        if op not in OPERATORS:
            raise FilterProblem(
                path, phrase("filter.unknown_operator", hint=did_you_mean(op, OPERATORS))
            )
        conditions.append(Condition(field.name, op, _checked_value(field, op, value, scope, path)))
    return conditions


def _in_register(field: FilterField, value: Any, scope: FilterScope, where: str) -> InRegister:
    if not isinstance(value, dict) or "dataset" not in value:
        raise FilterProblem(where, phrase("filter.register_expected"))
    extra = [k for k in value if k not in ("dataset", "where")]
    if extra:
        raise FilterProblem(
            f"{where}.{extra[0]}",
            phrase("targets.unknown_key", hint=did_you_mean(extra[0], ["dataset", "where"])),
        )
    name = value["dataset"]
    other = scope.registers.get(name)
    if other is None:
        raise FilterProblem(
            f"{where}.dataset",
            phrase("reason.unknown_dataset", hint=did_you_mean(name, scope.registers)),
        )
    if field.name not in other:
        raise FilterProblem(
            f"{where}.dataset",
            phrase("filter.register_lacks_field", dataset=name, field=field.name),
        )
    if "where" not in value:
        return InRegister(name)
    inner = FilterScope(other, scope.groups, scope.registers)
    return InRegister(name, parse_filter(value["where"], inner, f"{where}.where"))


def _checked_value(field: FilterField, op: str, value: Any, scope: FilterScope, where: str) -> Any:
    groups = scope.groups
    if op == "in_register":
        return _in_register(field, value, scope, where)
    if op == "present":
        if not isinstance(value, bool):
            raise FilterProblem(where, phrase("filter.true_false"))
        return value
    if op == "in_group":
        if field.kind is not Kind.TEXT:
            raise FilterProblem(where, phrase("filter.in_group_text_only"))
        if not isinstance(value, str) or value not in groups:
            raise FilterProblem(
                where, phrase("filter.unknown_group", known=", ".join(groups) or "-")
            )
        if groups[value].field != field.name:
            raise FilterProblem(
                where, phrase("filter.group_of_other_field", field=groups[value].field)
            )
        return value
    if op in COMPARISONS:
        if field.kind not in (Kind.AMOUNT, Kind.COUNT):
            raise FilterProblem(where, phrase("filter.numbers_only"))
        return _number(value, where)
    if op in ("in", "not_in"):
        if not isinstance(value, list) or not value:
            raise FilterProblem(where, phrase("filter.values_expected"))
        return tuple(_scalar(field, v, f"{where}[{i}]") for i, v in enumerate(value))
    return _scalar(field, value, where)


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FilterProblem(where, phrase("reason.number_expected"))
    return float(value)


def _scalar(field: FilterField, value: Any, where: str) -> Any:
    if field.kind is Kind.LABEL:
        if value not in field.codes:
            raise FilterProblem(
                where,
                phrase(
                    "filter.not_a_code",
                    value=value,
                    field=field.name,
                    codes=", ".join(field.codes),
                    hint=did_you_mean(value, field.codes),
                ),
            )
        return value
    if field.kind is Kind.BOOLEAN:
        if not isinstance(value, bool):
            raise FilterProblem(where, phrase("filter.true_false"))
        return value
    if field.kind in (Kind.AMOUNT, Kind.COUNT):
        return _number(value, where)
    if field.kind is Kind.DATETIME:
        raise FilterProblem(where, phrase("filter.dates_present_only"))
    if not isinstance(value, str):
        raise FilterProblem(where, phrase("filter.text_expected"))
    return value


def fields_used(node: Filter) -> set[str]:
    """Every field of its own dataset a filter reads."""
    if isinstance(node, Condition):
        return {node.field}
    if isinstance(node, Not):
        return fields_used(node.item)
    return set().union(*(fields_used(i) for i in node.items))


def registers_used(node: Filter) -> list[tuple[str, InRegister]]:
    """(field, lookup) of every `in_register` condition of a filter."""
    if isinstance(node, Condition):
        return [(node.field, node.value)] if node.op == "in_register" else []
    if isinstance(node, Not):
        return registers_used(node.item)
    return [pair for item in node.items for pair in registers_used(item)]


def _is_in(values: pd.Series, wanted: list[Any] | pd.Series) -> np.ndarray:
    """Which rows hold one of `wanted` (missing values: False). Categories and yes/no columns
    are matched on their codes and bits: `Series.isin` hashes every row (3M rows: 30 ms a
    condition against 1 ms)."""
    dtype = values.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        member = np.append(dtype.categories.isin(wanted), False)  # code -1: missing
        return member[values.cat.codes.to_numpy()]
    if isinstance(dtype, pd.BooleanDtype) and {type(w) for w in wanted} <= {bool, np.bool_}:
        truth = {bool(w) for w in wanted}
        bits = values.to_numpy(dtype=bool, na_value=False)
        if truth == {True, False}:
            return values.notna().to_numpy(dtype=bool)
        if truth == {True}:
            return bits
        if not truth:
            return np.zeros(len(values), dtype=bool)
        return ~bits & values.notna().to_numpy(dtype=bool)
    return values.isin(wanted).fillna(False).to_numpy(dtype=bool)


def evaluate(
    node: Filter,
    column: Callable[[str], pd.Series],
    groups: Mapping[str, FieldGroup],
    lookup: Lookup | None = None,
) -> np.ndarray:
    """The boolean mask of rows the filter keeps; `column(name)` gives a field's values and
    `lookup` the values an `in_register` condition allows."""
    if isinstance(node, AllOf):
        masks = [evaluate(i, column, groups, lookup) for i in node.items]
        return np.logical_and.reduce(masks)
    if isinstance(node, AnyOf):
        masks = [evaluate(i, column, groups, lookup) for i in node.items]
        return np.logical_or.reduce(masks)
    if isinstance(node, Not):
        return ~evaluate(node.item, column, groups, lookup)
    values = column(node.field)
    present = values.notna().to_numpy(dtype=bool)
    op, target = node.op, node.value
    if op == "present":
        return present if target else ~present
    if op == "in_register":
        assert lookup is not None, "in_register needs the framing's lookup"
        allowed = lookup(node.field, target)
        return _is_in(values, allowed) & present
    if op == "in_group":
        group = groups[target]
        codes, uniques = pd.factorize(values)
        member = np.array([group.matches(str(u)) for u in uniques] + [False], dtype=bool)
        return member[codes]
    if op in ("eq", "ne", "in", "not_in"):
        wanted = list(target) if op in ("in", "not_in") else [target]
        hit = _is_in(values, wanted) & present
        return hit if op in ("eq", "in") else (~hit & present)
    numbers = pd.to_numeric(values, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    compare = {"gt": np.greater, "gte": np.greater_equal, "lt": np.less, "lte": np.less_equal}
    with np.errstate(invalid="ignore"):
        return compare[op](numbers, target) & ~np.isnan(numbers)
