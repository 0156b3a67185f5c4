"""The target engine: every configured target for a period, overall and per group. It checks
that the inputs can answer a target, hands it to its kind (`targets/kinds/`), and tries the
target's fallback sources when its own dataset has nothing."""

from __future__ import annotations

import os

import pandas as pd

from cchc_cli.targets.config import TargetConfig
from cchc_cli.targets.filters import fields_used, registers_used
from cchc_cli.targets.framing import Framing, missing_columns
from cchc_cli.targets.kinds import KINDS
from cchc_cli.targets.periods import Period
from cchc_cli.targets.results import ComputeResult, Note, TargetResult, TargetStatus
from cchc_cli.targets.spec import Target
from cchc_cli.targets.timeliness import PROGRAMME_RULE, OnTimeRule

# The dedicated register wins whenever it has data for the period; otherwise the fallback.
_FALLBACK_WHEN = (
    "result.no_dataset",
    "result.missing_columns",
    "result.empty_denominator",
    "result.period_not_covered",
)


class Engine:
    """Computes targets over loaded tables; frames are kept between targets and periods."""

    def __init__(
        self,
        tables: dict[str, pd.DataFrame],
        config: TargetConfig,
        rule_766: OnTimeRule = PROGRAMME_RULE,
    ) -> None:
        self.config = config
        self.framing = Framing(tables, config.units, config.groups, rule_766)

    def compute(self, period: Period, by: list[str]) -> ComputeResult:
        """Every target of the configuration for `period`."""
        results = [self.compute_target(t, period, by) for t in self.config.targets]
        source = (os.path.abspath(self.config.path), self.config.sha256)
        return ComputeResult(period=period, by=by, targets=results, targets_file=source)

    def compute_target(self, target: Target, period: Period, by: list[str]) -> TargetResult:
        """One target; when its dataset or columns are missing, its `fallback` sources are
        tried in order (the target's own dataset wins whenever it has the data)."""
        result = self._compute_one(target, period, by)
        for alternative in target.alternatives:
            if result.status is not TargetStatus.NO_DATA or result.note is None:
                break
            if result.note.code not in _FALLBACK_WHEN:
                break
            candidate = self._compute_one(alternative, period, by)
            candidate.target = target
            candidate.source = alternative.spec.dataset
            if candidate.note is None or candidate.note.code not in _FALLBACK_WHEN:
                return candidate
            if self._absent(result, target) and not self._absent(candidate, alternative):
                # the inputs hold this source but it lacks something: that says more than
                # "no <own register>" to an officer who exported only this source
                result = candidate
        return result

    def _absent(self, result: TargetResult, source: Target) -> bool:
        """Whether `result` failed because the source's own dataset is not among the inputs."""
        note = result.note
        return (
            note is not None
            and note.code == "result.no_dataset"
            and (note.params.get("dataset") == source.spec.dataset)
        )

    def _compute_one(self, target: Target, period: Period, by: list[str]) -> TargetResult:
        """One source of one target; data that cannot answer it gives no_data with a note."""
        spec = target.spec
        if spec.reads_rows:
            frame = self.framing.frame(spec.dataset, period)
            if frame is None:
                return TargetResult.no_data(
                    target, Note("result.no_dataset", {"dataset": spec.dataset})
                )
            needed = spec.columns()
            for node in target.filters.values():
                needed |= fields_used(node)
            missing = missing_columns(frame.table, needed)
            for node in target.filters.values():
                for name, register in registers_used(node):
                    other = self.framing.tables.get(register.dataset)
                    if other is None:
                        note = Note("result.no_dataset", {"dataset": register.dataset})
                        return TargetResult.no_data(target, note)
                    wanted = {name} | (fields_used(register.where) if register.where else set())
                    missing += [f"{register.dataset}.{c}" for c in missing_columns(other, wanted)]
            if missing:
                return TargetResult.no_data(
                    target, Note("result.missing_columns", {"columns": ", ".join(missing)})
                )
            period_field = getattr(spec, "period_field", None)
            uncovered = self.framing.missing(spec.dataset, period_field, period)
            if uncovered:
                # never a plausible number from a part of the period (D6)
                note = Note("result.period_not_covered", {"months": ", ".join(uncovered)})
                return TargetResult.no_data(target, note)
        return KINDS[spec.kind].compute(target, self.framing, period, by)


def compute(
    tables: dict[str, pd.DataFrame], config: TargetConfig, period: Period, by: list[str]
) -> ComputeResult:
    """Library entry point: every target of `config` for `period`, grouped by `by`."""
    return Engine(tables, config).compute(period, by)
