"""The registry of target kinds. A new kind is one module of this package and one line here."""

from __future__ import annotations

import functools
import operator
from typing import Annotated, Any

from pydantic import Field

from cchc_cli.targets.kinds import count_change, ratio, score766, trend, value
from cchc_cli.targets.kinds.base import TargetKind

KINDS: dict[str, TargetKind] = {
    kind.name: kind
    for kind in (ratio.KIND, trend.KIND, count_change.KIND, value.KIND, score766.KIND)
}

# One spec class per kind, told apart by `kind:` (a Pydantic discriminated union).
TargetSpec: Any = Annotated[
    functools.reduce(operator.or_, (kind.spec for kind in KINDS.values())),
    Field(discriminator="kind"),
]
