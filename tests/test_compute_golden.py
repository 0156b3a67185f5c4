"""targets/engine.py end to end on golden exports: every dossier target (D6-D9) for a month, a
quarter and a year, --by, as_of, baselines and the cap, hand-computed from the rows of
golden_rows.py (its docstring tabulates them)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from cchc_cli.cli import app
from cchc_cli.ingest import load_inputs
from cchc_cli.report.results import compute_json
from cchc_cli.targets.config import load_targets
from cchc_cli.targets.engine import compute
from cchc_cli.targets.periods import parse_period
from conftest import ROOT, write_xlsx
from golden_rows import FEB, HEADER, MAR, YEAR_2024


@pytest.fixture
def exports(tmp_path):
    return [
        str(write_xlsx(tmp_path / "2024.xlsx", [HEADER, *YEAR_2024])),
        str(write_xlsx(tmp_path / "2025-02.xlsx", [HEADER, *FEB])),
        str(write_xlsx(tmp_path / "2025-03.xlsx", [HEADER, *MAR])),
    ]


@pytest.fixture
def config():
    return load_targets(ROOT / "configs" / "targets.yaml")


def _targets_with(tmp_path, old: str, new: str):
    """The default targets file with one change."""
    text = (ROOT / "configs" / "targets.yaml").read_text(encoding="utf-8")
    assert old in text
    custom = tmp_path / "targets.yaml"
    custom.write_text(text.replace(old, new), encoding="utf-8")
    return load_targets(custom)


def results(paths, config, period: str, by: list[str] | None = None):
    loaded = load_inputs(paths)
    result = compute(loaded.tables, config, parse_period(period), by or [])
    return loaded, {t.target.id: t for t in result.targets}


def summary(target) -> tuple[object, object, str]:
    return (target.numerator, target.denominator, target.status.value)


def test_march(exports, config) -> None:
    loaded, got = results(exports, config, "2025-03")
    assert loaded.duplicates == 1  # A03 is in both monthly files, counted once
    assert summary(got["ho_so_dung_han"]) == (3, 6, "missed")  # A05 A06 A08 / -A09
    assert summary(got["ho_so_truc_tuyen"]) == (2, 5, "missed")  # A05 A08 / A05-A09
    assert summary(got["khong_cung_cap_lai"]) == (3, 5, "missed")
    assert summary(got["luan_chuyen_dien_tu"]) == (2, 3, "missed")  # A06 A08 / A04 A06 A08
    # without the procedure catalogue "trong số đó" cannot be told (#11; golden figures of the
    # corrected denominator: test_registers_golden.py)
    assert summary(got["giao_dich_thanh_toan_truc_tuyen"]) == (None, None, "no_data")
    assert summary(got["hai_long_tthc"]) == (3, 3, "met")  # ended: A03 A05 A06
    assert summary(got["hai_long_dat_dai_xay_dung_dau_tu"]) == (1, 1, "met")  # A06
    trend = got["ket_noi_chia_se_du_lieu"]
    assert summary(trend) == (2, 5, "missed")
    levels = {
        g.by["admin_level"]: (g.numerator, g.denominator, g.target_value, g.status.value)
        for g in trend.levels
    }
    # commune: 2024 = 3/12 -> target 45 %; district: 2024 = 4/12 -> 53.3 % (within 5 points)
    assert levels["commune"][:2] == (1, 3) and levels["commune"][2] == pytest.approx(0.45)
    assert levels["commune"][3] == "missed"
    assert levels["district"][:2] == (1, 2)
    assert levels["district"][2] == pytest.approx(1 / 3 + 0.2)
    assert levels["district"][3] == "warning"
    assert trend.levels[0].note.code == "result.trend_from_inputs"


def test_a_quarter_with_a_month_missing_is_not_judged_issue11(exports, config) -> None:
    # no January export (A01 is received on 03/02): the quarter is not judged, and says why
    _, got = results(exports, config, "2025-Q1")
    for target_id in ("ho_so_dung_han", "hai_long_tthc", "ket_noi_chia_se_du_lieu"):
        assert summary(got[target_id]) == (None, None, "no_data"), target_id
        assert got[target_id].note.params == {"months": "2025-01"}


def test_february_and_march(exports, config) -> None:
    # the two months the exports hold (hand-counted: the rows above)
    _, got = results(exports, config, "2025-02..2025-03")
    assert summary(got["ho_so_dung_han"]) == (4, 8, "missed")  # A01 A05 A06 A08
    assert summary(got["ho_so_truc_tuyen"]) == (5, 9, "met")
    assert summary(got["khong_cung_cap_lai"]) == (6, 9, "missed")
    assert summary(got["luan_chuyen_dien_tu"]) == (3, 4, "warning")  # 75 %: 5 points short
    assert summary(got["giao_dich_thanh_toan_truc_tuyen"]) == (None, None, "no_data")
    assert summary(got["hai_long_tthc"]) == (4, 5, "missed")
    assert summary(got["hai_long_dat_dai_xay_dung_dau_tu"]) == (1, 2, "missed")  # A02 A06
    trend = got["ket_noi_chia_se_du_lieu"]
    assert summary(trend) == (4, 9, "warning")
    assert [
        (g.by["admin_level"], g.numerator, g.denominator, g.status.value) for g in trend.levels
    ] == [("commune", 2, 5, "warning"), ("district", 2, 4, "warning")]


def test_a_year_the_data_does_not_hold_is_not_judged_issue11(exports, config) -> None:
    # the exports hold February and March 2025: the year is not judged from them (D6), where
    # it used to be judged at 31/12 with every open dossier overdue
    _, got = results(exports, config, "2025")
    for target_id in ("ho_so_dung_han", "ho_so_truc_tuyen"):
        assert summary(got[target_id]) == (None, None, "no_data")
        note = got[target_id].note
        assert note.code == "result.period_not_covered"
        assert note.params["months"].startswith("2025-01, 2025-04, 2025-05")


def test_as_of_changes_open_dossiers_only(exports, config) -> None:
    loaded = load_inputs(exports)
    early = compute(
        loaded.tables,
        config,
        parse_period("2025-03").with_as_of(parse_period("2025-03").start.replace(day=12)),
        [],
    )
    got = {t.target.id: t for t in early.targets}
    # on 12/03: A08 and A09 are not received yet; A04 (due 14/03) in time, A07 (due 11/03)
    # overdue, A03 late, A05 on time, A06 early (ended 12/03)
    assert summary(got["ho_so_dung_han"]) == (3, 5, "missed")


def test_by_agency(exports, config) -> None:
    _, got = results(exports, config, "2025-03", by=["agency_name"])
    online = {
        g.by["agency_name"]: (g.numerator, g.denominator) for g in got["ho_so_truc_tuyen"].groups
    }
    assert online == {
        "Phòng QLĐT": (0, 1),
        "Phòng TNMT": (1, 1),
        "UBND xã X": (0, 1),
        "UBND xã Y": (1, 2),
    }
    timely = {
        g.by["agency_name"]: (g.numerator, g.denominator, g.status.value)
        for g in got["ho_so_dung_han"].groups
    }
    assert timely == {
        "Phòng QLĐT": (1, 1, "met"),
        "Phòng TNMT": (1, 2, "missed"),
        "UBND xã X": (0, 1, "missed"),
        "UBND xã Y": (1, 2, "missed"),
    }
    # the group sums equal the whole
    groups = got["ho_so_dung_han"].groups
    assert sum(g.numerator for g in groups) == 3 and sum(g.denominator for g in groups) == 6


def test_by_two_fields(exports, config) -> None:
    # February and March (the months the exports hold; nothing ended in January either)
    _, got = results(exports, config, "2025-02..2025-03", by=["admin_level", "field_name"])
    satisfied = {
        (g.by["admin_level"], g.by["field_name"]): (g.numerator, g.denominator)
        for g in got["hai_long_tthc"].groups
    }
    assert satisfied == {
        ("commune", "Chứng thực"): (1, 1),
        ("commune", "Hộ tịch"): (2, 2),
        ("district", "Xây dựng"): (1, 1),
        ("district", "Đất đai"): (0, 1),
    }


def test_trend_from_configured_baseline(exports, tmp_path) -> None:
    config = _targets_with(
        tmp_path,
        "2024: {province: 0.40, district: 0.35, commune: 0.45}",
        "2024: {district: 0.20, commune: 0.30}",
    )
    _, got = results(exports[1:], config, "2025-03")  # without the 2024 export
    trend = got["ket_noi_chia_se_du_lieu"]
    levels = {
        g.by["admin_level"]: (g.target_value, g.status.value, g.note.code) for g in trend.levels
    }
    assert levels["commune"][0] == pytest.approx(0.50)
    assert levels["commune"][1:] == ("missed", "result.trend_from_baseline")  # 1/3
    assert levels["district"][0] == pytest.approx(0.40)
    assert levels["district"][1:] == ("met", "result.trend_from_baseline")  # 1/2
    assert trend.status.value == "missed"


def test_trend_without_previous_year_or_baseline_says_what_is_missing(exports, config) -> None:
    _, got = results(exports, config, "2024")
    trend = got["ket_noi_chia_se_du_lieu"]
    assert trend.status.value == "no_data"
    assert {g.note.code for g in trend.levels} == {"result.trend_no_baseline"}
    assert "2023" in trend.levels[0].note.render("vi")
    assert "Commune level" in trend.note.render("en")  # the level in words, not its code
    assert "Cấp xã" in trend.note.render("vi")


def test_cap_at_100_percent(exports, tmp_path) -> None:
    _, got = results(exports, _targets_with(tmp_path, "step: 0.20", "step: 0.90"), "2025-03")
    assert {g.target_value for g in got["ket_noi_chia_se_du_lieu"].levels} == {1.0}


def test_missing_column_is_no_data_naming_it(tmp_path, config) -> None:
    narrow = write_xlsx(
        tmp_path / "narrow.xlsx",
        [
            ["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận"],
            ["B1", "Khai sinh", "03/03/2025"],
        ],
    )
    _, got = results([str(narrow)], config, "2025-03")
    assert got["ho_so_truc_tuyen"].status.value == "no_data"
    # the column named as exports name it (issue 14), its id in English
    assert "'Kênh thực hiện'" in got["ho_so_truc_tuyen"].note.render("vi")
    assert "Ngày hẹn trả / Ngày hẹn trả ban đầu" in got["ho_so_dung_han"].note.render("vi")
    assert "channel" in got["ho_so_truc_tuyen"].note.render("en")


def test_zero_denominator_is_no_data_never_zero_percent(exports, config) -> None:
    # March 2024 is held, but no dossier of it went between agencies
    _, got = results(exports, config, "2024-03")
    assert got["luan_chuyen_dien_tu"].denominator == 0
    assert got["luan_chuyen_dien_tu"].value is None
    assert got["luan_chuyen_dien_tu"].status.value == "no_data"
    assert got["luan_chuyen_dien_tu"].note.code == "result.empty_denominator"


def test_cli_json_equals_the_library(runner, exports, config) -> None:
    result = runner.invoke(
        app, ["compute", *exports, "--period", "2025-03", "--by", "agency_name", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    loaded = load_inputs(exports)
    # the CLI judges at the data's last event date, 28/03 (A10 submitted), not 31/03 (D6)
    march = parse_period("2025-03", date(2025, 3, 28))
    library = compute_json(compute(loaded.tables, config, march, ["agency_name"]), loaded, "vi")
    assert json.loads(result.stdout) == library
    document = json.loads(result.stdout)
    assert set(document) == {
        "cchc_version",
        "period",
        "targets_file",
        "inputs",
        "targets",
        "coverage",
        "issues_summary",
    }
    assert document["period"] == {
        "label": "2025-03",
        "start": "2025-03-01",
        "end": "2025-03-31",
        "as_of": "2025-03-28",
    }
    assert document["coverage"][0] == {"dataset": "dossiers", "held": ["2025-03"], "missing": []}
    first = document["targets"][0]
    assert {
        "id",
        "name",
        "source",
        "dataset",
        "numerator",
        "denominator",
        "value",
        "target",
        "status",
        "message",
        "groups",
    } <= set(first)
    assert first["target"] == {"op": ">=", "value": 0.95}
    assert first["value"] == 0.5  # unrounded fraction
    assert set(document["inputs"][0]) == {
        "path",
        "sha256",
        "format",
        "dataset",
        "sheet",
        "profile",
        "rows_read",
        "rows_valid",
        "rows_rejected",
        "rows_skipped",
    }
    assert document["issues_summary"] == {"errors": 0, "warnings": 1, "duplicates": 1}
