"""Everything the Excel report shows, computed once from the engine; report/excel.py only
renders it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from cchc_cli.ingest import LoadResult
from cchc_cli.targets.config import TargetConfig
from cchc_cli.targets.coverage import snapshot_date
from cchc_cli.targets.engine import Engine
from cchc_cli.targets.form06a import Form06a, form_06a
from cchc_cli.targets.highlights import Highlights, highlights
from cchc_cli.targets.history import History, data_months, monthly
from cchc_cli.targets.periods import Period
from cchc_cli.targets.results import ComputeResult
from cchc_cli.targets.timeliness import Timeliness, classify

LATE = (Timeliness.LATE.value, Timeliness.OPEN_OVERDUE.value)


@dataclass
class ReportContent:
    """The report's numbers: one object, rendered by report/excel.py."""

    loaded: LoadResult
    config: TargetConfig
    period: Period
    summary: ComputeResult
    by_agency: ComputeResult
    by_field: ComputeResult
    history: History
    form: Form06a | None
    late_dossiers: pd.DataFrame
    generated_at: datetime
    highlights: Highlights


def gather(loaded: LoadResult, config: TargetConfig, period: Period, blank: str) -> ReportContent:
    """Compute every view of the report for `period`."""
    engine = Engine(loaded.tables, config)
    dossiers = loaded.tables.get("dossiers")
    form = None
    late = pd.DataFrame()
    if dossiers is not None:
        # each dossier with its unit's level (the units of the targets file fill it in); the
        # engine's own table, so that the form, the late list and the targets share the
        # dossiers' facts (targets/per_table.py) instead of working them out again
        frame = engine.framing.frame("dossiers", period)
        levelled = frame.table if frame is not None else dossiers
        form = form_06a(levelled, period, blank)
        if "received_at" in levelled:
            view = classify(levelled, period)
            mask = view.handled_in & view.timeliness.isin(LATE).to_numpy(bool)
            late = levelled[mask].copy()
            late["timeliness"] = view.timeliness[mask].astype(str)
    summary = engine.compute(period, [])
    by_agency = engine.compute(period, ["agency_name"])
    return ReportContent(
        loaded=loaded,
        config=config,
        period=period,
        summary=summary,
        by_agency=by_agency,
        by_field=engine.compute(period, ["field_name"]),
        # the whole span of the inputs, as the leadership reads the trend (issue #5)
        history=monthly(
            engine, data_months(loaded.tables), snapshot_date(loaded.tables.get("dossiers"))
        ),
        form=form,
        late_dossiers=late,
        generated_at=datetime.now(),
        highlights=highlights(loaded.tables, engine, summary, by_agency, period),
    )
