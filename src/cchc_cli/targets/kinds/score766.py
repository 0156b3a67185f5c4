"""score766: one indicator of the 766 scorecard (issue 16, ../shared/766.md): a ratio of rows
in the period turned into points by a rule, instead of judged against a threshold.

- `linear`: points = max × ratio; `threshold`: points = max × ratio / full_at, at most max
  (766.md §2: the 80 % and 90 % rules), uncapped when `capped: false`.
- `if_empty`: what a zero denominator gives: `zero` points, `full` points (5.2, 5.3: no
  petition), or `no_data`.
- `deductions`: the rows the numerator loses (5.4: overdue, complained about). With `combine:
  union` the numerator is the denominator minus the rows of any deduction; with `sum` it is the
  denominator minus the sum of each deduction's rows (a row in two is taken twice).

Dossier indicators are judged with the scorecard's on-time rule (`timeliness_766`) and their
populations come from it too (a withdrawn dossier is an end state under the 766 reading).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Literal

import numpy as np
from pydantic import Field

from cchc_cli.catalogue import phrase
from cchc_cli.targets.filters import FilterField
from cchc_cli.targets.framing import Frame, Framing
from cchc_cli.targets.kinds.base import TargetKind, own_frame
from cchc_cli.targets.periods import Period
from cchc_cli.targets.results import GroupResult, Note, TargetResult, TargetStatus, rate
from cchc_cli.targets.spec import CountingSpec, Problem, Target, Threshold

EPSILON = 1e-9


class ScoreSpec(CountingSpec):
    """An indicator worth `max_points`, its points from the ratio by `rule`."""

    filter_keys: ClassVar[tuple[str, ...]] = ("numerator", "denominator")
    filter_list_keys: ClassVar[tuple[str, ...]] = ("deductions",)

    kind: Literal["score766"]
    # the indicator's number in the 766 description ("2.1", "5.4") and its group ("G2")
    code: str
    group: str
    max_points: float = Field(gt=0, le=100)
    # `rule:` in the file (the name `rule` is taken by every target's goal wording)
    scoring: Literal["linear", "threshold"] = Field("linear", alias="rule")
    full_at: float | None = Field(None, gt=0, le=1)
    capped: bool = True
    # no points unless a source says what the portal gives (766.md §2: "0 hoặc N/A")
    if_empty: Literal["zero", "full", "no_data"] = "no_data"
    # rows marked "Tỉnh" in the national table: not scored for a district or commune unit
    scope: Literal["all", "province"] = "all"
    numerator: dict[str, object] | None = None
    denominator: dict[str, object] | None = None
    deductions: list[dict[str, object]] = Field(default_factory=list)
    combine: Literal["union", "sum"] = "union"
    # list the rows that cost points (`cchc score766 --lost`)
    explain: bool = False
    # computed from `values` rows only (no export holds its data)
    values_only: bool = False
    # false: no formula is known (766.md G3): never scored, the portal's points are compared
    formula_known: bool = True

    def judged_by(self) -> Threshold | None:
        return Threshold(op=">=", value=self.full_at or 1.0)

    def points(self, ratio: float | None, denominator: float | None) -> float | None:
        """The points a ratio earns (766.md §2); None when the rule gives none."""
        if not denominator:
            return {"zero": 0.0, "full": self.max_points, "no_data": None}[self.if_empty]
        assert ratio is not None
        ratio = max(0.0, ratio)
        if self.scoring == "linear":
            return min(self.max_points, self.max_points * ratio)
        assert self.full_at is not None
        earned = self.max_points * ratio / self.full_at
        return min(self.max_points, earned) if self.capped else earned

    def check(self, fields: dict[str, FilterField]) -> Iterator[Problem]:
        if self.values_only or not self.formula_known:
            return
        yield from super().check(fields)
        if self.scoring == "threshold" and self.full_at is None:
            yield "full_at", phrase("score.threshold_needs_full_at")
        if self.denominator is None:
            yield "denominator", phrase("targets.key_required")
        if self.numerator is None and not self.deductions:
            yield "numerator", phrase("score.numerator_or_deductions")


def deduction_filters(target: Target) -> list[str]:
    """The keys of the target's deductions among its filters, in order."""
    return sorted(
        (key for key in target.filters if key.startswith("deductions[")),
        key=lambda key: int(key[len("deductions[") : -1]),
    )


def masks(target: Target, frame: Frame) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    """(numerator rows, denominator rows, each deduction's rows within the denominator),
    worked out once per frame (read-only: shared by the points, the deductions and the lists)."""
    key = ("score766.masks", id(target))
    if key not in frame.memo:
        frame.memo[key] = (target, _masks(target, frame))  # the target kept: its id stays its own
    return frame.memo[key][1]  # type: ignore[no-any-return]


def _masks(target: Target, frame: Frame) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    spec = target.spec
    assert isinstance(spec, ScoreSpec) and target.denominator is not None
    if spec.population not in (None, "all"):
        # the scorecard's own view (one classification for every indicator): a withdrawal ends
        # a dossier under the 766 reading, so it is not carried into later periods
        view = frame.view_for(frame.rule_766)
        scope = view.population(spec.population)
        if spec.population == "ended" and view.undated_withdrawal is not None:
            scope = scope & ~view.undated_withdrawal  # no result (4.1, 4.2 count results)
    else:
        scope = frame.scope(None, spec.period_field)
    denominator = scope & frame.matches(target.denominator)
    deducted = [denominator & frame.matches(target.filters[k]) for k in deduction_filters(target)]
    if target.numerator is not None:
        numerator = denominator & frame.matches(target.numerator)
    else:
        lost = np.logical_or.reduce(deducted) if deducted else np.zeros_like(denominator)
        numerator = denominator & ~lost
    return numerator, denominator, deducted


def counted(spec: ScoreSpec, numerator: float, denominator: float, deducted: list[float]) -> float:
    """The numerator the ratio uses: the rows kept, or under `combine: sum` the denominator
    less the sum of the deductions (766.md §3, 5.4: W's "100% − (tỷ lệ … + tỷ lệ …)")."""
    if spec.combine == "sum" and deducted:
        # a row taken twice may take the rate below 0: it stops at 0, as points do
        return max(0.0, denominator - sum(deducted))
    return numerator


def compute(target: Target, framing: Framing, period: Period, by: list[str]) -> TargetResult:
    """The ratio overall and per `by` group; the points are the scorecard's to give."""
    spec = target.spec
    assert isinstance(spec, ScoreSpec)
    frame = own_frame(target, framing, period)
    numerator, denominator, deducted = masks(target, frame)
    den = int(denominator.sum())
    num = counted(spec, int(numerator.sum()), den, [int(d.sum()) for d in deducted])
    value = rate(num, den)
    status = _status(spec, value, den)
    note = None if den else Note("result.empty_denominator", {})
    result = TargetResult(target, num, den, value, spec.judged_by(), status, note)
    if by:
        parts = [frame.grouped(by, d, denominator) for d in deducted]
        for index, (keys, n, d) in enumerate(frame.grouped(by, numerator, denominator)):
            lost = [part[index][1] for part in parts]
            n_used = counted(spec, n, d, lost)
            group_rate = rate(n_used, d)
            result.groups.append(
                GroupResult(keys, n_used, d, group_rate, _status(spec, group_rate, d))
            )
    return result


def _status(spec: ScoreSpec, value: float | None, denominator: int) -> TargetStatus:
    points = spec.points(value, denominator)
    if points is None:
        return TargetStatus.NO_DATA
    return TargetStatus.MET if points >= spec.max_points - EPSILON else TargetStatus.MISSED


KIND = TargetKind(ScoreSpec, compute)
