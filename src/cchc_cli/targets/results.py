"""Results and judging: what a computed target is, and how a value is judged against its
threshold. Renderers draw from these objects only."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from cchc_cli.issues import render_message
from cchc_cli.targets.periods import Period
from cchc_cli.targets.spec import Target, Threshold

# Rates are compared with a tolerance so that 19/20 meets ">= 0.95" whatever the float rounding.
EPSILON = 1e-9


class TargetStatus(StrEnum):
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
    status: TargetStatus
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
    status: TargetStatus
    note: Note | None = None
    groups: list[GroupResult] = field(default_factory=list)
    levels: list[GroupResult] = field(default_factory=list)
    # The dataset the numbers came from when it is not the target's own (a `fallback`).
    source: str | None = None

    @classmethod
    def no_data(cls, target: Target, note: Note) -> TargetResult:
        """A target the inputs cannot answer, and why."""
        return cls(target, None, None, None, target.threshold, TargetStatus.NO_DATA, note)


@dataclass
class ComputeResult:
    """All targets for a period; the one object every renderer draws from."""

    period: Period
    by: list[str]
    targets: list[TargetResult]
    # The targets file the figures were computed with: its path as given and its SHA-256 (a
    # nightly job's working directory decides which file a relative path names).
    targets_file: tuple[str, str] | None = None


def judge(value: float | None, threshold: Threshold | None, band: float | None) -> TargetStatus:
    """met / warning (within `band` of the threshold) / missed; no_data without a value."""
    if value is None or threshold is None:
        return TargetStatus.NO_DATA
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
        return TargetStatus.MET
    if band is not None and gap <= band + EPSILON:
        return TargetStatus.WARNING
    return TargetStatus.MISSED


def worst(statuses: list[TargetStatus]) -> TargetStatus:
    """The status of a target judged in parts (missed before no data before warning)."""
    for status in (
        TargetStatus.MISSED,
        TargetStatus.NO_DATA,
        TargetStatus.WARNING,
        TargetStatus.MET,
    ):
        if status in statuses:
            return status
    return TargetStatus.NO_DATA


def rate(numerator: float, denominator: float) -> float | None:
    """numerator / denominator, None when there is nothing to divide by."""
    return numerator / denominator if denominator else None
