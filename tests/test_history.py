"""targets/history.py: every target month by month (the report's trend sheet). One engine
answers all months; its shared masks and per-table facts must give each month what a fresh
computation of that month alone gives (issue #12)."""

from __future__ import annotations

import numpy as np
import pytest

from cchc_cli.ingest import load_inputs
from cchc_cli.targets.config import load_targets
from cchc_cli.targets.coverage import default_as_of, snapshot_date
from cchc_cli.targets.engine import Engine
from cchc_cli.targets.filters import fields_used
from cchc_cli.targets.history import data_months, monthly
from cchc_cli.targets.per_table import tables_unchanged
from cchc_cli.targets.periods import parse_period
from conftest import SAMPLE_DATA, TARGETS


def test_each_month_of_the_history_equals_that_month_computed_alone_issue12() -> None:
    loaded = load_inputs([str(SAMPLE_DATA)])
    config = load_targets(TARGETS)
    months = data_months(loaded.tables)
    assert len(months) >= 3
    snapshot = snapshot_date(loaded.tables["dossiers"])
    with tables_unchanged():  # as a command runs: facts and masks shared between months
        history = monthly(Engine(loaded.tables, config), months, snapshot)
    counted = 0
    for index, month in enumerate(months):
        period = parse_period(month)
        period = period.with_as_of(default_as_of(period, snapshot))
        # nothing shared with the history's engine: other table objects, no run scope
        copies = {name: table.copy(deep=False) for name, table in loaded.tables.items()}
        alone = Engine(copies, config)
        for target in config.targets:
            expected = alone.compute_target(target, period, [])
            got = history.results[target.id][index]
            assert (got.numerator, got.denominator, got.value, got.status) == (
                expected.numerator,
                expected.denominator,
                expected.value,
                expected.status,
            ), (target.id, month)
            counted += bool(expected.denominator)
    assert counted > 0


def test_a_shared_filter_mask_cannot_be_changed_in_place_issue12() -> None:
    loaded = load_inputs([str(SAMPLE_DATA)])
    config = load_targets(TARGETS)
    engine = Engine(loaded.tables, config)
    target = next(
        t
        for t in config.targets
        if t.numerator is not None and "timeliness" not in fields_used(t.numerator)
    )
    march = engine.framing.frame("dossiers", parse_period("2025-03"))
    assert march is not None
    mask = march.matches(target.numerator)
    assert isinstance(mask, np.ndarray)
    assert march.matches(target.numerator) is mask  # computed once
    with pytest.raises(ValueError):
        mask &= False  # a kind that changed it would change every month's figures
