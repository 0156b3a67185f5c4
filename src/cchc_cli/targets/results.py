"""Results and judging: what a computed target is, and how a value is judged against its
threshold. Renderers draw from these objects only."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from cchc_cli.catalogue import Words
from cchc_cli.issues import render_message
from cchc_cli.schema import DATASETS
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
        """The message in `lang`; a dataset or a column it names is said by its name
        ("Danh sách hồ sơ", "Liên thông"), not its id (issue 14)."""
        return render_message(self.code, lang, _named_params(self.params))


def _field_words(name: str) -> Words:
    if "/" in name:  # one of several columns ("due_at/original_due_at")
        words = [_field_words(part) for part in name.split("/")]
        return Words(" / ".join(w.vi for w in words), " / ".join(w.en for w in words))
    dataset, _, field_name = name.rpartition(".")
    sources = [DATASETS[dataset]] if dataset in DATASETS else list(DATASETS.values())
    for source in sources:
        spec = source.fields.get(field_name)
        if spec is not None and spec.label_vi:
            return Words(spec.label_vi, spec.label_en or field_name)
    return Words(name, name)


def _named_params(params: dict[str, Any]) -> dict[str, Any]:
    named = dict(params)
    dataset = params.get("dataset")
    if isinstance(dataset, str) and dataset in DATASETS:
        named["dataset"] = Words(DATASETS[dataset].title_vi, DATASETS[dataset].title_en)
    columns = params.get("columns")
    if isinstance(columns, str) and columns:
        words = [_field_words(c.strip()) for c in columns.split(",")]
        vi = ", ".join(f"'{w.vi}'" for w in words)
        named["columns"] = Words(vi, ", ".join(f"'{w.en}'" for w in words))
    return named


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
