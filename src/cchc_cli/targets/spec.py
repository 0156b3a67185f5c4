"""What every target of targets.yaml shares: the common keys, the small nested models, and how
a kind presents its value and threshold. Each kind's own spec lives in `targets/kinds/`."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from cchc_cli.catalogue import Phrase, did_you_mean, phrase
from cchc_cli.schema.fields import Kind
from cchc_cli.targets.filters import Filter, FilterField, fields_used, registers_used
from cchc_cli.targets.periods import PeriodError, parse_period

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
Population = Literal["received", "ended", "handled", "all"]
Operator = Literal[">=", ">", "<=", "<", "=="]

# Fields a population needs; alternatives joined with "/".
POPULATION_NEEDS: dict[str, tuple[str, ...]] = {
    "received": ("received_at",),
    "ended": ("completed_at/returned_at/rejected_at",),
    "handled": ("received_at",),
    "all": (),
}


class Strict(BaseModel):
    """A targets.yaml model: unknown keys are mistakes, values never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Threshold(Strict):
    """`value op threshold` must hold for the target to be met."""

    op: Operator
    value: float


class Reported(Strict):
    """A manually reported value for a period (e.g. a rank)."""

    period: str
    value: float
    note: str | None = None

    @field_validator("period", mode="before")
    @classmethod
    def _canonical_period(cls, value: Any) -> str:
        # "2025", 2025, "2025-3" and "2025q1" all name a period; keep its canonical label so
        # that it matches the period being computed.
        try:
            return parse_period(str(value)).label
        except PeriodError:
            # the error type is a catalogue key: the file check words it in the officer's language
            raise PydanticCustomError("targets.not_a_period", "not a period") from None


class GroupSpec(Strict):
    """A named group of values of a text field (e.g. land, construction and investment)."""

    name: str
    field: str
    contains: list[str] = Field(min_length=1)


class Source(Strict):
    """Another dataset a target may be computed from when its own has no data (`fallback`)."""

    dataset: str
    population: Population | None = None
    period_field: str | None = None
    numerator: dict[str, Any] | None = None
    denominator: dict[str, Any] | None = None


class Measure(Strict):
    """What a count_change target compares: rows (default) or the sum of a number field."""

    sum: str


class Unit(Strict):
    """An organisation unit and its administrative level, valid between two dates."""

    name: str
    level: Literal["province", "district", "commune"]
    valid_from: date | None = None
    valid_to: date | None = None
    aliases: list[str] = []


class ValueForm(StrEnum):
    """How a target's value is read by officers."""

    RATE = "rate"  # a fraction, shown as a percentage
    CHANGE = "change"  # now / before, shown as a signed change: 0.679 -> −32.1 %
    NUMBER = "number"  # a plain number (a rank, a score)

    def shown(self, value: float) -> float:
        """The number officers read for `value` (a change is the ratio minus one)."""
        return value - 1 if self is ValueForm.CHANGE else value


# A problem found while checking a spec: (key path below the target, reason).
Problem = tuple[str, Phrase]


class TargetBase(Strict):
    """The keys every target has. Subclasses (one per kind) add theirs and their checks."""

    value_form: ClassVar[ValueForm] = ValueForm.NUMBER
    # The keys of this kind that hold a filter (parsed when the file is loaded).
    filter_keys: ClassVar[tuple[str, ...]] = ()
    # The keys holding a list of filters (parsed as "key[0]", "key[1]", …).
    filter_list_keys: ClassVar[tuple[str, ...]] = ()
    # Whether the kind counts rows of its dataset (its columns are checked before computing).
    reads_rows: ClassVar[bool] = True
    # Whether the kind judges each level (of a field) against a goal of its own.
    per_level: ClassVar[bool] = False

    id: str
    name: str
    source: str
    dataset: str
    kind: str
    formula: str
    note: str | None = None
    warning_band: float | None = Field(None, ge=0, le=1)
    # D13: a number the programme does not state (a threshold, a base year, a group size) is
    # the locality's own choice: said so, with why, in every view.
    local: bool = False
    local_reason: str | None = None

    @field_validator("id")
    @classmethod
    def _snake_case(cls, value: str) -> str:
        if not _ID.match(value):
            raise PydanticCustomError("targets.snake_case_id", "not snake_case")
        return value

    @model_validator(mode="after")
    def _local_says_why(self) -> TargetBase:
        if self.local and not (self.local_reason or "").strip():
            raise PydanticCustomError("targets.local_needs_reason", "local needs local_reason")
        return self

    def judged_by(self) -> Threshold | None:
        """The threshold the value is judged against, when the kind has a single one."""
        return None

    def rule(self) -> tuple[str, dict[str, Any]] | None:
        """A label (and its parameters) naming the goal when it is a rule, not a number."""
        return None

    def threshold_document(self) -> dict[str, Any]:
        """The `target` object of the D11 JSON."""
        threshold = self.judged_by()
        if threshold is None:
            return {"op": None, "value": None}
        return {"op": threshold.op, "value": threshold.value}

    def columns(self) -> set[str]:
        """The columns the kind needs besides those its filters name."""
        return set()

    def check(self, fields: dict[str, FilterField]) -> Iterator[Problem]:
        """Problems a model cannot see alone (fields of the dataset, kind-specific rules)."""
        return iter(())


@dataclass(frozen=True)
class Target:
    """A checked target: its spec with its filters parsed (by key: every key of the kind's
    `filter_keys` that the file gives)."""

    spec: TargetBase
    filters: Mapping[str, Filter] = field(default_factory=dict)
    # The same target computed from the `fallback` sources, in order.
    alternatives: tuple[Target, ...] = ()

    @property
    def numerator(self) -> Filter | None:
        return self.filters.get("numerator")

    @property
    def denominator(self) -> Filter | None:
        return self.filters.get("denominator")

    @property
    def filter(self) -> Filter | None:
        return self.filters.get("filter")

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def threshold(self) -> Threshold | None:
        """The threshold the value is judged against (none for a per-level trend)."""
        return self.spec.judged_by()

    def fields(self) -> set[str]:
        """Every field the target reads: of its dataset, of the registers its filters look
        in, and of its fallback sources."""
        named = set(self.spec.columns())
        for node in self.filters.values():
            named |= fields_used(node)
            for name, register in registers_used(node):
                named.add(name)
                if register.where is not None:
                    named |= fields_used(register.where)
        for other in self.alternatives:
            named |= other.fields()
        return named


def field_problem(
    key: str, name: str, dataset: str, fields: dict[str, FilterField], allowed: tuple[Kind, ...]
) -> Problem | None:
    """`name` (at `key`) is not a field of one of the `allowed` kinds: the problem, or None."""
    known = fields.get(name)
    if known is not None and known.kind in allowed:
        return None
    choices = [n for n, f in fields.items() if f.kind in allowed]
    reason = (
        "targets.needs_date_field" if Kind.DATETIME in allowed else "targets.needs_number_field"
    )
    return key, phrase(
        reason, dataset=dataset, choices=", ".join(choices), hint=did_you_mean(name, choices)
    )


class CountingSpec(TargetBase):
    """A kind that counts rows of its dataset in the period."""

    # Required for dossiers (received, ended or handled in the period, D6).
    population: Population | None = None
    # Datasets other than dossiers: the date (or year) field that places a row in the period.
    period_field: str | None = None
    # Other datasets to compute the target from when its own has no data, in order.
    fallback: list[Source] = []

    def columns(self) -> set[str]:
        needed = set(POPULATION_NEEDS[self.population or "all"])
        if self.period_field:
            needed.add(self.period_field)
        return needed

    def check(self, fields: dict[str, FilterField]) -> Iterator[Problem]:
        dossiers = self.dataset == "dossiers"
        if dossiers and self.population in (None, "all"):
            yield "population", phrase("targets.population_needed")
        if not dossiers and self.population not in (None, "all"):
            yield "population", phrase("targets.population_dossiers_only")
        if self.period_field is not None:
            if dossiers:
                yield "period_field", phrase("targets.use_population")
            else:
                problem = field_problem(
                    "period_field",
                    self.period_field,
                    self.dataset,
                    fields,
                    (Kind.DATETIME, Kind.COUNT),
                )
                if problem:
                    yield problem


class FractionSpec(CountingSpec):
    """A kind whose value is numerator rows over denominator rows."""

    value_form: ClassVar[ValueForm] = ValueForm.RATE
    filter_keys: ClassVar[tuple[str, ...]] = ("numerator", "denominator")

    numerator: dict[str, Any]
    denominator: dict[str, Any]

    def check(self, fields: dict[str, FilterField]) -> Iterator[Problem]:
        yield from super().check(fields)
        threshold = self.judged_by()
        if threshold is not None and not 0 <= threshold.value <= 1:
            yield "threshold.value", phrase("targets.rate_is_fraction")
