"""Biểu 06a (Thông tư 01/2020/TT-VPCP): "Tình hình, kết quả giải quyết TTHC", by level and
field ("Lĩnh vực, công việc giải quyết theo cấp": each level's subtotal, its fields under it).

Thirteen numbered columns (domain.md §1.3): received = online + direct/postal + carried over;
resolved = early + on time + late; in progress = in time + overdue. The split follows the on-time
rule D7 at `as_of`. As the form's own notes say, withdrawn dossiers count as resolved on time
and open dossiers without a due date as in progress within time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cchc_cli.targets.periods import Period
from cchc_cli.targets.timeliness import Timeliness, classify

COLUMNS = (
    "received",
    "online",
    "direct_postal",
    "carried_over",
    "resolved",
    "early",
    "on_time",
    "late",
    "in_progress",
    "in_time",
    "overdue",
)


# The levels in the form's order, as the form names them (it is Vietnamese in every language).
LEVELS = {"province": "Cấp tỉnh", "district": "Cấp huyện", "commune": "Cấp xã"}
UNKNOWN_LEVEL = "Cấp không rõ (đơn vị chưa có trong mục units của tệp chỉ tiêu)"


@dataclass
class Form06aRow:
    """One line of the form and its eleven counts (columns 3-13): a field (lĩnh vực), a
    level's subtotal (`level`: "Cấp huyện"), or the total."""

    label: str
    counts: dict[str, int]
    kind: str = "field"  # "field", "level" or "total"


@dataclass
class Form06a:
    """The form for a period: rows by field, the totals row, and its internal checks."""

    period: Period
    rows: list[Form06aRow] = field(default_factory=list)
    total: Form06aRow | None = None

    def checks(self) -> dict[str, bool]:
        """The identities the form must satisfy, on every row and the total."""
        lines = [*self.rows, *([self.total] if self.total else [])]
        return {
            "3 = 4 + 5 + 6": all(
                r.counts["received"]
                == r.counts["online"] + r.counts["direct_postal"] + r.counts["carried_over"]
                for r in lines
            ),
            "7 = 8 + 9 + 10": all(
                r.counts["resolved"] == r.counts["early"] + r.counts["on_time"] + r.counts["late"]
                for r in lines
            ),
            "11 = 12 + 13": all(
                r.counts["in_progress"] == r.counts["in_time"] + r.counts["overdue"] for r in lines
            ),
            "3 = 7 + 11": all(
                r.counts["received"] == r.counts["resolved"] + r.counts["in_progress"]
                for r in lines
            ),
        }


def form_06a(table: pd.DataFrame, period: Period, blank_label: str) -> Form06a:
    """Count the dossiers handled in `period` for each field of the form."""
    view = classify(table, period)
    handled = view.handled_in
    timeliness = view.timeliness.astype(object).to_numpy()
    withdrawn = (
        table["status"].isin(["WITHDRAWN"]).to_numpy(bool)
        if "status" in table
        else np.zeros(len(table), bool)
    )
    resolved = ~view.is_open | withdrawn
    online = (
        (table["channel"] == "ONLINE").fillna(False).to_numpy(bool)
        if "channel" in table
        else np.zeros(len(table), bool)
    )
    masks = {
        "received": handled,
        "online": view.received_in & online,
        "direct_postal": view.received_in & ~online,
        "carried_over": view.carried_over & ~view.received_in,
        "resolved": handled & resolved,
        "early": handled & resolved & (timeliness == Timeliness.EARLY.value),
        "late": handled & resolved & (timeliness == Timeliness.LATE.value),
        "in_progress": handled & ~resolved,
        "overdue": handled & ~resolved & (timeliness == Timeliness.OPEN_OVERDUE.value),
    }
    masks["on_time"] = masks["resolved"] & ~masks["early"] & ~masks["late"]
    masks["in_time"] = masks["in_progress"] & ~masks["overdue"]
    fields = (
        table["field_name"].astype(object).where(table["field_name"].notna(), blank_label)
        if "field_name" in table
        else pd.Series(blank_label, index=table.index, dtype=object)
    )
    frame = pd.DataFrame({name: mask.astype(np.int64) for name, mask in masks.items()})
    frame["field"] = fields.to_numpy()
    levels = table["admin_level"].astype(object) if "admin_level" in table else None
    frame["level"] = (
        levels.map(
            lambda v: LEVELS.get(v, UNKNOWN_LEVEL) if isinstance(v, str) else UNKNOWN_LEVEL
        ).to_numpy()
        if levels is not None and levels.isin(list(LEVELS)).any()
        else ""
    )
    frame = frame[handled]
    form = Form06a(period)
    order = {name: index for index, name in enumerate([*LEVELS.values(), UNKNOWN_LEVEL])}
    for level in sorted(frame["level"].unique(), key=lambda name: order.get(name, -1)):
        part = frame[frame["level"] == level]
        if level:  # the level's subtotal, then its fields
            sums = part[list(COLUMNS)].sum()
            form.rows.append(Form06aRow(level, {c: int(sums[c]) for c in COLUMNS}, "level"))
        for label, sums in part.groupby("field", sort=True)[list(COLUMNS)].sum().iterrows():
            form.rows.append(Form06aRow(str(label), {c: int(sums[c]) for c in COLUMNS}))
    fields_only = [r for r in form.rows if r.kind == "field"]
    total = {c: sum(r.counts[c] for r in fields_only) for c in COLUMNS}
    form.total = Form06aRow("Tổng cộng", total, "total")
    return form
