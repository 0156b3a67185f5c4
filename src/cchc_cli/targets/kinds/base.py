"""The contract of a target kind: its spec class (the keys of targets.yaml) and its compute
function. Each kind is one module of this package, listed once in its registry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import get_args

import numpy as np

from cchc_cli.targets.framing import Frame, Framing
from cchc_cli.targets.periods import Period
from cchc_cli.targets.results import TargetResult
from cchc_cli.targets.spec import CountingSpec, Target, TargetBase

Compute = Callable[[Target, Framing, Period, list[str]], TargetResult]


@dataclass(frozen=True)
class TargetKind:
    """A kind of target: how it is written (spec) and how it is computed."""

    spec: type[TargetBase]
    compute: Compute

    @property
    def name(self) -> str:
        """The `kind:` value naming it in targets.yaml."""
        return str(get_args(self.spec.model_fields["kind"].annotation)[0])


def own_frame(target: Target, framing: Framing, period: Period) -> Frame:
    """The target's dataset in `period` (the engine has checked that the inputs hold it)."""
    frame = framing.frame(target.spec.dataset, period)
    assert frame is not None
    return frame


def fraction_masks(target: Target, frame: Frame) -> tuple[np.ndarray, np.ndarray]:
    """(numerator rows, denominator rows): the denominator within the target's scope, the
    numerator within the denominator."""
    spec = target.spec
    assert isinstance(spec, CountingSpec)
    assert target.denominator is not None and target.numerator is not None
    denominator = frame.scope(spec.population, spec.period_field) & frame.matches(
        target.denominator
    )
    numerator = denominator & frame.matches(target.numerator)
    return numerator, denominator
