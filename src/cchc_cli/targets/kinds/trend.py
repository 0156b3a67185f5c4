"""trend (D9): each administrative level must beat its own previous year's rate by a step,
up to a cap: target(Y, L) = min(cap, rate(Y-1, L) + step)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, ClassVar, Literal

import numpy as np
import pandas as pd
from pydantic import Field

from cchc_cli.catalogue import WORDS, Joined, Percent, Phrase, did_you_mean, phrase
from cchc_cli.targets.filters import GROUPABLE_KINDS, FilterField
from cchc_cli.targets.framing import Framing
from cchc_cli.targets.kinds.base import TargetKind, fraction_masks, own_frame
from cchc_cli.targets.periods import Period, parse_period
from cchc_cli.targets.results import (
    GroupResult,
    Note,
    TargetResult,
    TargetStatus,
    judge,
    rate,
    worst,
)
from cchc_cli.targets.spec import FractionSpec, Problem, Strict, Target, Threshold


class TrendRule(Strict):
    """The step, the cap and the field whose values are judged separately."""

    step: float = Field(0.20, gt=0, le=1)
    cap: float = Field(1.0, gt=0, le=1)
    per: str = "admin_level"
    # year -> level -> rate, used when the inputs do not cover the previous year
    baselines: dict[int, dict[str, Annotated[float, Field(ge=0, le=1)]]] = Field(
        default_factory=dict
    )


class TrendSpec(FractionSpec):
    """A rate judged per level against last year's rate of that level."""

    per_level: ClassVar[bool] = True

    kind: Literal["trend"]
    trend: TrendRule

    def rule(self) -> tuple[str, dict[str, Any]] | None:
        return "trend_rule", {"step": self.trend.step * 100}

    def threshold_document(self) -> dict[str, Any]:
        return {
            "op": ">=",
            "value": None,
            "rule": "trend",
            "step": self.trend.step,
            "cap": self.trend.cap,
            "per": self.trend.per,
        }

    def columns(self) -> set[str]:
        return super().columns() | {self.trend.per}

    def check(self, fields: dict[str, FilterField]) -> Iterator[Problem]:
        yield from super().check(fields)
        trend = self.trend
        per = fields.get(trend.per)
        if per is None:
            yield "trend.per", phrase("reason.unknown_field", hint=did_you_mean(trend.per, fields))
            return
        if per.kind not in GROUPABLE_KINDS:
            yield "trend.per", phrase("targets.per_groupable")
        for year, levels in trend.baselines.items():
            for level in levels:
                if per.codes and level not in per.codes:
                    yield (
                        f"trend.baselines.{year}.{level}",
                        phrase(
                            "targets.not_a_value_of",
                            field=trend.per,
                            codes=", ".join(per.codes),
                            hint=did_you_mean(level, per.codes),
                        ),
                    )


def _judged(value: float | None, goal: float | None, band: float | None) -> TargetStatus:
    if goal is None:
        return TargetStatus.NO_DATA
    return judge(value, Threshold(op=">=", value=goal), band)


def compute(target: Target, framing: Framing, period: Period, by: list[str]) -> TargetResult:
    """Each level with dossiers in the period against its own goal; the target stands as its
    worst level."""
    spec = target.spec
    assert isinstance(spec, TrendSpec)
    trend = spec.trend
    band = spec.warning_band
    frame = own_frame(target, framing, period)
    year = period.end.year
    previous_period = parse_period(str(year - 1))
    previous = own_frame(target, framing, previous_period)
    numerator, denominator = fraction_masks(target, frame)
    prev_num, prev_den = fraction_masks(target, previous)
    if not framing.covers(spec.dataset, spec.period_field, previous_period):
        prev_den = np.zeros_like(prev_den)  # not a whole year: the baseline decides
    level_column = frame.column(trend.per)
    prev_levels = previous.column(trend.per)
    baselines = trend.baselines.get(year - 1, {})
    num, den = int(numerator.sum()), int(denominator.sum())
    result = TargetResult(target, num, den, rate(num, den), None, TargetStatus.NO_DATA)
    goals: dict[Any, tuple[float | None, Note]] = {}
    # Levels judged: those with dossiers in the period (a baseline alone judges nothing).
    levels = sorted(
        {v for v in pd.unique(level_column[denominator]) if pd.notna(v) and v != "UNKNOWN"}
    )
    for level in levels:
        here = (prev_levels == level).fillna(False).to_numpy(dtype=bool)
        p_den = int((prev_den & here).sum())
        if p_den:
            prev_rate = int((prev_num & here).sum()) / p_den
            source = Note(
                "result.trend_from_inputs", {"year": year - 1, "rate": Percent(prev_rate)}
            )
        elif level in baselines:
            prev_rate = baselines[level]
            source = Note(
                "result.trend_from_baseline", {"year": year - 1, "rate": Percent(prev_rate)}
            )
        else:
            goals[level] = (
                None,
                Note("result.trend_no_baseline", {"year": year - 1, "level": level}),
            )
            continue
        goals[level] = (min(trend.cap, prev_rate + trend.step), source)
    statuses: list[TargetStatus] = []
    for level in levels:
        here = (level_column == level).fillna(False).to_numpy(dtype=bool)
        n, d = int((numerator & here).sum()), int((denominator & here).sum())
        level_rate = rate(n, d)
        goal, note = goals[level]
        status = _judged(level_rate, goal, band)
        if d == 0 and goal is not None:
            note = Note("result.empty_denominator", {})
        result.levels.append(GroupResult({trend.per: level}, n, d, level_rate, status, goal, note))
        statuses.append(status)
    unknown = int((denominator & ~level_column.isin(levels).fillna(False).to_numpy(bool)).sum())
    result.status = worst(statuses)
    if not levels:
        result.note = (
            Note("result.trend_unknown_level", {"count": den})
            if den
            else Note("result.empty_denominator", {})
        )
    elif TargetStatus.NO_DATA in statuses or result.status is TargetStatus.NO_DATA:
        lacking = [g.by[trend.per] for g in result.levels if g.status is TargetStatus.NO_DATA]
        names = tuple(
            Phrase(f"level_{level}") if f"level_{level}" in WORDS else str(level)
            for level in lacking
        )
        result.note = Note("result.trend_levels_without_data", {"levels": Joined(names)})
    elif unknown:
        result.note = Note("result.trend_unknown_level", {"count": unknown})
    if by:
        keys_with_level = list(dict.fromkeys([*by, trend.per]))
        for keys, n, d in frame.grouped(keys_with_level, numerator, denominator):
            goal, note = goals.get(
                keys[trend.per], (None, Note("result.trend_unknown_level", {"count": d}))
            )
            group_rate = rate(n, d)
            result.groups.append(
                GroupResult(
                    keys,
                    n,
                    d,
                    group_rate,
                    _judged(group_rate, goal, band),
                    goal,
                    None if goal is not None else note,
                )
            )
    return result


KIND = TargetKind(TrendSpec, compute)
