"""targets/highlights.py: the numbers of the report's first page (issue 15), checked against
`compute --format json` for the same periods."""

from __future__ import annotations

import json
import shutil

import pytest

from cchc_cli.cli import app
from cchc_cli.ingest import load_inputs
from cchc_cli.targets.config import load_targets
from cchc_cli.targets.engine import Engine
from cchc_cli.targets.highlights import highlights, key_dossier_targets, rank_units
from cchc_cli.targets.periods import parse_period
from cchc_cli.targets.results import ComputeResult, GroupResult, TargetResult, TargetStatus
from conftest import ROOT, SAMPLE_DATA

TARGETS = ROOT / "configs" / "targets.yaml"


def _json(runner, *arguments: str) -> dict:
    done = runner.invoke(app, ["compute", *arguments, "--format", "json"])
    assert done.exit_code in (0, 1), done.output
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def sample():
    loaded = load_inputs([str(SAMPLE_DATA)])
    config = load_targets(TARGETS)
    engine = Engine(loaded.tables, config)
    period = parse_period("2025-03")
    summary = engine.compute(period, [])
    by_agency = engine.compute(period, ["agency_name"])
    return highlights(loaded.tables, engine, summary, by_agency, period)


def test_counts_shortfalls_and_changes_agree_with_compute_json_issue15(runner, sample) -> None:
    march = {t["id"]: t for t in _json(runner, str(SAMPLE_DATA), "--period", "2025-03")["targets"]}
    february = _json(runner, str(SAMPLE_DATA), "--period", "2025-02")["targets"]
    february = {t["id"]: t for t in february}
    statuses = [t["status"] for t in march.values()]
    assert {s.value: n for s, n in sample.counts.items()} == {
        status: statuses.count(status) for status in ("met", "warning", "missed", "no_data")
    }
    assert sample.total == len(march)
    # every target not met is said, missed ones first, each rate's gap to its goal
    said = [s.result.target.id for s in sample.shortfalls]
    assert sorted(said) == sorted(
        i for i, t in march.items() if t["status"] in ("missed", "warning")
    )
    ranks = [0 if march[i]["status"] == "missed" else 1 for i in said]
    assert ranks == sorted(ranks)
    for shortfall in sample.shortfalls:
        shown = march[shortfall.result.target.id]
        if shortfall.gap is not None:
            assert shortfall.gap == pytest.approx(abs(shown["target"]["value"] - shown["value"]))
    # the change since February is March's value less February's, as compute reports them
    assert sample.previous is not None and sample.previous.label == "2025-02"
    assert sample.changes
    for change in sample.changes:
        target_id = change.result.target.id
        expected = march[target_id]["value"] - february[target_id]["value"]
        assert change.delta == pytest.approx(expected)


def test_the_previous_period_is_not_compared_when_its_months_are_missing_issue15(
    tmp_path,
) -> None:
    shutil.copy(SAMPLE_DATA / "2025-03 phuong Nguyen Nghiem.csv", tmp_path / "thang-3.csv")
    loaded = load_inputs([str(tmp_path)])
    engine = Engine(loaded.tables, load_targets(TARGETS))
    period = parse_period("2025-03")
    found = highlights(
        loaded.tables,
        engine,
        engine.compute(period, []),
        engine.compute(period, ["agency_name"]),
        period,
    )
    assert found.previous_incomplete == ["2025-02"] and found.changes == []


def _result(target, value, groups) -> TargetResult:
    return TargetResult(
        target,
        None,
        None,
        value,
        target.threshold,
        TargetStatus.MET,
        groups=[
            GroupResult({"agency_name": unit}, n, d, n / d, status) for unit, n, d, status in groups
        ],
    )


def test_units_rank_on_targets_met_then_the_first_rate_issue15() -> None:
    config = load_targets(TARGETS)
    on_time, online = config.get("ho_so_dung_han"), config.get("ho_so_truc_tuyen")
    met, missed = TargetStatus.MET, TargetStatus.MISSED
    by_agency = ComputeResult(
        parse_period("2025-03"),
        ["agency_name"],
        [
            _result(on_time, 0.9, [("A", 9, 10, missed), ("B", 19, 20, met), ("C", 20, 20, met)]),
            _result(online, 0.6, [("A", 6, 10, met), ("B", 5, 20, missed), ("C", 10, 20, met)]),
        ],
    )
    keys = key_dossier_targets(by_agency)
    assert [k.target.id for k in keys] == ["ho_so_dung_han", "ho_so_truc_tuyen"]
    ranked = rank_units(by_agency, keys)
    # C meets both; B and A one each, B ahead on the on-time rate (95 % against 90 %)
    assert [(r.unit, r.met, r.judged) for r in ranked] == [("C", 2, 2), ("B", 1, 2), ("A", 1, 2)]
    assert ranked[1].values == {"ho_so_dung_han": 0.95, "ho_so_truc_tuyen": 0.25}
    assert ranked[1].dossiers == 20


def test_only_data_with_its_months_in_both_periods_is_compared_issue15() -> None:
    loaded = load_inputs([str(SAMPLE_DATA)])
    engine = Engine(loaded.tables, load_targets(TARGETS))

    def found(label: str):
        period = parse_period(label)
        summary = engine.compute(period, [])
        return highlights(
            loaded.tables, engine, summary, engine.compute(period, ["agency_name"]), period
        )

    march = found("2025-03")
    compared = {c.result.target.spec.dataset for c in march.changes}
    # registers without dates (procedures, staff) are the same file in both periods
    assert compared and not compared & {"procedures", "staff", "public_units"}
    # a quarter without its January compares nothing, and says why
    quarter = found("2025-Q1")
    assert quarter.current_incomplete == ["2025-01"] and quarter.changes == []


def test_a_change_compares_two_periods_from_the_same_source_issue15() -> None:
    from cchc_cli.targets.highlights import _changes

    config = load_targets(TARGETS)
    target = config.get("giao_dich_thanh_toan_truc_tuyen")
    period = parse_period("2025-03")

    def result(value: float, source: str | None) -> TargetResult:
        return TargetResult(target, 1, 1, value, target.threshold, TargetStatus.MET, source=source)

    now = ComputeResult(period, [], [result(0.379, "dossiers")])
    # February from the payments ledger, March from the dossiers' fallback: not alike
    assert _changes(now, ComputeResult(period, [], [result(0.393, None)])) == []
    same = _changes(now, ComputeResult(period, [], [result(0.393, "dossiers")]))
    assert [round(c.delta, 3) for c in same] == [-0.014]


def test_other_registers_are_compared_when_the_dossiers_cannot_be_issue15() -> None:
    loaded = load_inputs([str(SAMPLE_DATA)])
    engine = Engine(loaded.tables, load_targets(TARGETS))
    period = parse_period("2025-02")  # the sample has no dossiers of January
    summary = engine.compute(period, [])
    found = highlights(
        loaded.tables, engine, summary, engine.compute(period, ["agency_name"]), period
    )
    datasets = {c.result.target.spec.dataset for c in found.changes}
    assert found.previous_incomplete == ["2025-01"]
    assert datasets and "dossiers" not in datasets
