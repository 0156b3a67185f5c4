"""ratio: numerator rows over denominator rows in the period, against a fixed threshold."""

from __future__ import annotations

from typing import Literal

from cchc_cli.targets.framing import Framing
from cchc_cli.targets.kinds.base import TargetKind, fraction_masks, own_frame
from cchc_cli.targets.periods import Period
from cchc_cli.targets.results import GroupResult, Note, TargetResult, judge, rate
from cchc_cli.targets.spec import FractionSpec, Target, Threshold


class RatioSpec(FractionSpec):
    """A rate with a threshold (e.g. ≥ 95 % of dossiers on time)."""

    kind: Literal["ratio"]
    threshold: Threshold

    def judged_by(self) -> Threshold | None:
        return self.threshold


def compute(target: Target, framing: Framing, period: Period, by: list[str]) -> TargetResult:
    """The rate overall and per `by` group."""
    frame = own_frame(target, framing, period)
    numerator, denominator = fraction_masks(target, frame)
    num, den = int(numerator.sum()), int(denominator.sum())
    value = rate(num, den)
    band = target.spec.warning_band
    threshold = target.threshold
    result = TargetResult(
        target,
        num,
        den,
        value,
        threshold,
        judge(value, threshold, band),
        None if den else Note("result.empty_denominator", {}),
    )
    for keys, n, d in frame.grouped(by, numerator, denominator) if by else ():
        group_rate = rate(n, d)
        result.groups.append(
            GroupResult(keys, n, d, group_rate, judge(group_rate, threshold, band))
        )
    return result


KIND = TargetKind(RatioSpec, compute)
