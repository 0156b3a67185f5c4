"""count_change: rows (or the sum of a number field) in the period against the same period a
year before (or a fixed base year), which must decrease or increase."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar, Literal

import pandas as pd
from pydantic import Field

from cchc_cli.schema.fields import Kind
from cchc_cli.targets.filters import FilterField
from cchc_cli.targets.framing import Framing
from cchc_cli.targets.kinds.base import TargetKind, own_frame
from cchc_cli.targets.periods import Period, parse_period
from cchc_cli.targets.results import Note, TargetResult, judge, rate
from cchc_cli.targets.spec import (
    CountingSpec,
    Measure,
    Problem,
    Target,
    Threshold,
    ValueForm,
    field_problem,
)


class CountChangeSpec(CountingSpec):
    """A count that must go down (or up): now / before, shown as a change."""

    value_form: ClassVar[ValueForm] = ValueForm.CHANGE
    filter_keys: ClassVar[tuple[str, ...]] = ("filter",)

    kind: Literal["count_change"]
    direction: Literal["decrease", "increase"]
    filter: dict[str, Any] | None = None
    # a fixed ratio to reach (0.9: at least 10 % fewer); without it, any change in `direction`
    threshold: Threshold | None = None
    # the sum of a field instead of a row count, and a fixed base year
    measure: Measure | None = None
    compare_to: int | None = Field(None, ge=1990, le=2100)

    def judged_by(self) -> Threshold | None:
        if self.threshold is not None:
            return self.threshold
        return Threshold(op="<" if self.direction == "decrease" else ">", value=1.0)

    def rule(self) -> tuple[str, dict[str, Any]] | None:
        return None if self.threshold is not None else (self.direction, {})

    def columns(self) -> set[str]:
        needed = super().columns()
        if self.measure is not None:
            needed.add(self.measure.sum)
        return needed

    def check(self, fields: dict[str, FilterField]) -> Iterator[Problem]:
        yield from super().check(fields)
        if self.measure is not None:
            problem = field_problem(
                "measure", self.measure.sum, self.dataset, fields, (Kind.COUNT, Kind.AMOUNT)
            )
            if problem:
                yield problem


def compute(target: Target, framing: Framing, period: Period, by: list[str]) -> TargetResult:
    """The amount now over the amount in the comparison period (no groups)."""
    spec = target.spec
    assert isinstance(spec, CountChangeSpec)
    earlier = parse_period(str(spec.compare_to)) if spec.compare_to else period.shifted_years(-1)
    amounts: list[float] = []
    for when in (period, earlier):
        frame = own_frame(target, framing, when)
        mask = frame.scope(spec.population, spec.period_field).copy()
        if target.filter is not None:
            mask &= frame.matches(target.filter)
        if spec.measure is not None:
            values = pd.to_numeric(frame.column(spec.measure.sum), errors="coerce")
            amounts.append(float(values[mask].sum()))
        else:
            amounts.append(int(mask.sum()))
    # the engine has checked that the inputs hold the period itself: never "met" without data
    now, before = amounts
    if not framing.covers(spec.dataset, spec.period_field, earlier):
        before = 0  # the inputs do not hold the comparison period: no comparison
    value = rate(now, before)
    return TargetResult(
        target,
        now,
        before,
        value,
        target.threshold,
        judge(value, target.threshold, spec.warning_band),
        None if before else Note("result.no_previous_year", {"period": earlier.label}),
    )


KIND = TargetKind(CountChangeSpec, compute)
