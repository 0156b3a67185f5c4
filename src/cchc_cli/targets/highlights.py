"""What a leader reads first (issue 15): how many targets are met, which are not and by how
much, the change since the previous period of the same length, and the units ranked on the
dossier targets. Numbers only; report/wording.py says them in words."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from cchc_cli.targets.coverage import coverage_of
from cchc_cli.targets.engine import Engine
from cchc_cli.targets.periods import Period, previous_period
from cchc_cli.targets.results import ComputeResult, GroupResult, TargetResult, TargetStatus

# The order statuses are counted and said in: what went well, then what needs acting on.
STATUS_ORDER = (TargetStatus.MET, TargetStatus.WARNING, TargetStatus.MISSED, TargetStatus.NO_DATA)


def is_rate(result: TargetResult) -> bool:
    """A target whose value is a share (its gap and change are in percentage points)."""
    return result.target.spec.kind in ("ratio", "trend")


@dataclass(frozen=True)
class Shortfall:
    """A target not met: how far from its goal (points below for a rate; None where the gap
    is not a difference of two rates, as a count compared with last year)."""

    result: TargetResult
    gap: float | None


@dataclass(frozen=True)
class Change:
    """A target's value against the previous period's (a rate's change in points)."""

    result: TargetResult
    previous: TargetResult
    delta: float


@dataclass(frozen=True)
class UnitRank:
    """One unit on the key dossier targets: how many it meets, and its value on each."""

    unit: str
    met: int
    judged: int
    values: dict[str, float | None]
    statuses: dict[str, TargetStatus]
    dossiers: float | None


@dataclass
class Highlights:
    """The first page of the report, as numbers."""

    counts: dict[TargetStatus, int]
    shortfalls: list[Shortfall]
    previous: Period | None
    changes: list[Change]
    # the previous period, or this one, lacks months of dossiers: the dossier targets are not
    # compared
    previous_incomplete: list[str] = field(default_factory=list)
    current_incomplete: list[str] = field(default_factory=list)
    key_targets: list[TargetResult] = field(default_factory=list)
    ranking: list[UnitRank] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _gap(result: TargetResult) -> float | None:
    threshold = result.threshold
    if result.value is None or threshold is None or not is_rate(result):
        return None
    return abs(threshold.value - result.value)


def _shortfalls(summary: ComputeResult) -> list[Shortfall]:
    found = [
        Shortfall(result, _gap(result))
        for result in summary.targets
        if result.status in (TargetStatus.MISSED, TargetStatus.WARNING)
    ]
    # missed before warning, the widest gap first; the configuration's order otherwise
    rank = {TargetStatus.MISSED: 0, TargetStatus.WARNING: 1}
    return sorted(found, key=lambda s: (rank[s.result.status], -(s.gap or 0.0)))


def _changes(summary: ComputeResult, before: ComputeResult) -> list[Change]:
    previous = {result.target.id: result for result in before.targets}
    changes = []
    for result in summary.targets:
        earlier = previous.get(result.target.id)
        if earlier is None or result.value is None or earlier.value is None:
            continue
        if earlier.source != result.source:
            continue  # one period from its own register, the other from a fallback: not alike
        changes.append(Change(result, earlier, result.value - earlier.value))
    return changes


# The most key targets a unit is ranked on: the columns a page has room for beside a unit.
MAX_KEY_TARGETS = 4


def key_dossier_targets(summary: ComputeResult) -> list[TargetResult]:
    """The dossier rates a unit is ranked on: the first `ratio` targets over dossiers with a
    goal to reach ("≥"), in the targets file's order, at most MAX_KEY_TARGETS."""
    return [
        result
        for result in summary.targets
        if result.target.spec.kind == "ratio"
        and result.target.spec.dataset == "dossiers"
        and result.threshold is not None
        and result.threshold.op in (">=", ">")
    ][:MAX_KEY_TARGETS]


def _unit(group: GroupResult) -> str:
    return str(next(iter(group.by.values()), "") or "")


def rank_units(by_agency: ComputeResult, keys: list[TargetResult]) -> list[UnitRank]:
    """Units ranked on the key targets: most met first, then the higher value on the first
    key target (on-time handling in the shipped file), then by name."""
    ids = [key.target.id for key in keys]
    results = {result.target.id: result for result in by_agency.targets}
    values: dict[str, dict[str, float | None]] = {}
    statuses: dict[str, dict[str, TargetStatus]] = {}
    dossiers: dict[str, float | None] = {}
    for target_id in ids:
        result = results.get(target_id)
        for group in result.groups if result is not None else []:
            unit = _unit(group)
            values.setdefault(unit, {})[target_id] = group.value
            statuses.setdefault(unit, {})[target_id] = group.status
            if target_id == ids[0]:
                dossiers[unit] = group.denominator  # the dossiers the first rate counts
    ranked = [
        UnitRank(
            unit,
            met=sum(s is TargetStatus.MET for s in statuses[unit].values()),
            judged=sum(s is not TargetStatus.NO_DATA for s in statuses[unit].values()),
            values=values[unit],
            statuses=statuses[unit],
            dossiers=dossiers.get(unit),
        )
        for unit in values
    ]
    first = ids[0] if ids else ""
    return sorted(ranked, key=lambda r: (-r.met, -(r.values.get(first) or -1.0), r.unit))


def highlights(
    tables: dict[str, pd.DataFrame],
    engine: Engine,
    summary: ComputeResult,
    by_agency: ComputeResult,
    period: Period,
) -> Highlights:
    """The first page's numbers for `period`; the previous period computed with the same
    engine, judged at its own end, and compared only when the inputs hold all its months of
    dossiers."""
    counts = {status: 0 for status in STATUS_ORDER}
    for result in summary.targets:
        counts[result.status] += 1
    before = previous_period(period)
    now = {c.dataset: c for c in coverage_of(tables, period)}
    then = {c.dataset: c for c in coverage_of(tables, before)}
    # compared only where both periods hold every month of the target's data: a register
    # without dates (a list of procedures, of staff) is the same file in both periods, and a
    # period without its months of dossiers says "no data", not "no change"
    comparable = {
        name
        for name, covered in now.items()
        if not covered.missing and name in then and not then[name].missing
    }
    previous_incomplete = list(then["dossiers"].missing) if "dossiers" in then else []
    current_incomplete = list(now["dossiers"].missing) if "dossiers" in now else []
    changes = []
    if comparable:  # the dossiers among them only when both periods hold all their months
        changes = [
            change
            for change in _changes(summary, engine.compute(before, []))
            if (change.result.source or change.result.target.spec.dataset) in comparable
        ]
    keys = key_dossier_targets(summary)
    return Highlights(
        counts=counts,
        shortfalls=_shortfalls(summary),
        previous=before,
        changes=changes,
        previous_incomplete=previous_incomplete,
        current_incomplete=current_incomplete,
        key_targets=keys,
        ranking=rank_units(by_agency, keys),
    )
