"""targets/engine.py and what it hands work to: judging (results.py), framing and coverage
(framing.py), the kinds (kinds/). In-memory canonical tables, so each test says exactly which
rows a number comes from; the last tests read small workbooks with the shipped targets file."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml

from cchc_cli.ingest import load_inputs
from cchc_cli.targets.config import TargetConfig, load_targets
from cchc_cli.targets.engine import Engine, compute
from cchc_cli.targets.filters import Condition
from cchc_cli.targets.framing import Framing, with_unit_levels
from cchc_cli.targets.kinds import KINDS
from cchc_cli.targets.periods import parse_period
from cchc_cli.targets.results import TargetStatus, judge, worst
from cchc_cli.targets.spec import Target, Threshold, Unit, ValueForm
from conftest import SAMPLE_DATA, TARGETS, targets_by_id, write_xlsx
from golden_rows import TIMING_HEADER, UNITS, timing_row

MET, MISSED, WARNING, NO_DATA = (
    TargetStatus.MET,
    TargetStatus.MISSED,
    TargetStatus.WARNING,
    TargetStatus.NO_DATA,
)


def _config(tmp_path: Path, *targets: dict[str, Any], **top: Any) -> TargetConfig:
    path = tmp_path / "targets.yaml"
    document = {"version": 1, **top, "targets": list(targets)}
    path.write_text(yaml.safe_dump(document, allow_unicode=True), "utf-8")
    return load_targets(path)


def _staff(*rows: tuple[str, str, bool | None]) -> pd.DataFrame:
    """The staff register: (key, agency, basic digital skills trained)."""
    return pd.DataFrame(
        {
            "staff_key": pd.array([r[0] for r in rows], dtype="string"),
            "agency_name": pd.array([r[1] for r in rows], dtype="string"),
            "basic_digital_trained": pd.array([r[2] for r in rows], dtype="boolean"),
        }
    )


def _units(*rows: tuple[str, int, int]) -> pd.DataFrame:
    """The public units register: (name, year, payroll)."""
    return pd.DataFrame(
        {
            "unit_name": pd.array([r[0] for r in rows], dtype="string"),
            "year": pd.array([r[1] for r in rows], dtype="Int64"),
            "budget_payroll": pd.array([r[2] for r in rows], dtype="Int64"),
        }
    )


TRAINED = {
    "id": "trained",
    "name": "Trained",
    "source": "s",
    "formula": "f",
    "dataset": "staff",
    "kind": "ratio",
    "numerator": {"basic_digital_trained": True},
    "denominator": {"staff_key": {"present": True}},
    "threshold": {"op": ">=", "value": 0.75},
    "warning_band": 0.1,
}


# -- judging ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "op", "limit", "band", "status"),
    [
        (19 / 20, ">=", 0.95, None, MET),  # float rounding does not miss a reached threshold
        (0.9499, ">=", 0.95, None, MISSED),
        (0.90, ">=", 0.95, 0.05, WARNING),  # within the band below
        (0.89, ">=", 0.95, 0.05, MISSED),
        (0.95, ">", 0.95, None, MISSED),
        (4, "<=", 5, None, MET),
        (6, "<=", 5, 1, WARNING),
        (5, "<", 5, None, MISSED),
        (1.0, "==", 1.0, None, MET),
        (None, ">=", 0.5, None, NO_DATA),
    ],
)
def test_judge(value, op, limit, band, status) -> None:
    assert judge(value, Threshold(op=op, value=limit), band) is status


def test_a_target_judged_in_parts_stands_as_its_worst_part() -> None:
    assert worst([MET, WARNING]) is WARNING
    assert worst([MET, NO_DATA, WARNING]) is NO_DATA
    assert worst([NO_DATA, MISSED]) is MISSED
    assert worst([]) is NO_DATA


# -- dispatch ---------------------------------------------------------------------------------


def test_every_kind_is_registered_with_its_spec_and_compute() -> None:
    assert set(KINDS) == {"ratio", "trend", "count_change", "value", "score766"}
    for name, kind in KINDS.items():
        assert kind.name == name
        assert callable(kind.compute)


def test_a_ratio_counts_numerator_within_denominator_and_groups(tmp_path) -> None:
    config = _config(tmp_path, TRAINED)
    staff = _staff(("a", "X", True), ("b", "X", False), ("c", "Y", True), ("d", "Y", None))
    result = compute({"staff": staff}, config, parse_period("2025"), ["agency_name"])
    (trained,) = result.targets
    assert (trained.numerator, trained.denominator, trained.value) == (2, 4, 0.5)
    assert trained.status is MISSED
    groups = {g.by["agency_name"]: (g.numerator, g.denominator, g.status) for g in trained.groups}
    assert groups == {"X": (1, 2, MISSED), "Y": (1, 2, MISSED)}


def test_a_missing_dataset_or_column_is_no_data_with_the_reason(tmp_path) -> None:
    config = _config(tmp_path, TRAINED)
    period = parse_period("2025")
    (absent,) = compute({}, config, period, []).targets
    assert (absent.status, absent.note.code) == (NO_DATA, "result.no_dataset")
    staff = _staff(("a", "X", True)).drop(columns="basic_digital_trained")
    (lacking,) = compute({"staff": staff}, config, period, []).targets
    assert (lacking.status, lacking.note.code) == (NO_DATA, "result.missing_columns")
    assert lacking.note.params["columns"] == "basic_digital_trained"


def test_a_fallback_source_answers_only_when_the_own_dataset_cannot(tmp_path) -> None:
    target = {
        **TRAINED,
        "dataset": "procedures",
        "numerator": {"online_payment": True},
        "denominator": {"has_fee": True},
        "fallback": [
            {
                "dataset": "staff",
                "numerator": {"basic_digital_trained": True},
                "denominator": {"staff_key": {"present": True}},
            }
        ],
    }
    config = _config(tmp_path, target)
    period = parse_period("2025")
    staff = _staff(("a", "X", True), ("b", "X", True))
    (fell_back,) = compute({"staff": staff}, config, period, []).targets
    assert (fell_back.source, fell_back.value, fell_back.status) == ("staff", 1.0, MET)
    assert fell_back.target.id == "trained"
    procedures = pd.DataFrame(
        {
            "procedure_code": pd.array(["P1", "P2"], dtype="string"),
            "has_fee": pd.array([True, True], dtype="boolean"),
            "online_payment": pd.array([True, False], dtype="boolean"),
        }
    )
    tables = {"staff": staff, "procedures": procedures}
    (own,) = compute(tables, config, period, []).targets
    assert (own.source, own.value) == (None, 0.5)


# -- count_change ---------------------------------------------------------------------------

PAYROLL = {
    "id": "payroll",
    "name": "Payroll",
    "source": "s",
    "formula": "f",
    "dataset": "public_units",
    "kind": "count_change",
    "period_field": "year",
    "direction": "decrease",
    "measure": {"sum": "budget_payroll"},
}


def test_a_count_change_compares_with_the_year_before_and_reads_as_a_change(tmp_path) -> None:
    config = _config(tmp_path, PAYROLL)
    units = _units(("U1", 2024, 10), ("U2", 2024, 10), ("U1", 2025, 9), ("U2", 2025, 8))
    (payroll,) = compute({"public_units": units}, config, parse_period("2025"), []).targets
    assert (payroll.numerator, payroll.denominator) == (17, 20)
    assert payroll.value == pytest.approx(0.85)
    assert payroll.status is MET
    spec = payroll.target.spec
    assert spec.value_form is ValueForm.CHANGE
    assert spec.value_form.shown(payroll.value) == pytest.approx(-0.15)
    assert spec.rule() == ("decrease", {})


def test_a_count_change_without_this_years_rows_is_no_data_not_met(tmp_path) -> None:
    config = _config(tmp_path, PAYROLL)
    units = _units(("U1", 2024, 10))
    (payroll,) = compute({"public_units": units}, config, parse_period("2025"), []).targets
    assert (payroll.status, payroll.note.code) == (NO_DATA, "result.period_not_covered")


def test_a_count_change_against_a_fixed_base_year_with_a_threshold(tmp_path) -> None:
    target = {**PAYROLL, "compare_to": 2021, "threshold": {"op": "<=", "value": 0.9}}
    config = _config(tmp_path, target)
    units = _units(("U1", 2021, 20), ("U1", 2024, 19), ("U1", 2025, 19))
    (payroll,) = compute({"public_units": units}, config, parse_period("2025"), []).targets
    assert (payroll.numerator, payroll.denominator) == (19, 20)
    assert payroll.status is MISSED  # 0.95 is not at most 0.9
    assert payroll.target.spec.rule() is None  # judged by its threshold, shown as a change


# -- value ----------------------------------------------------------------------------------


def test_a_value_is_the_reported_one_for_the_period_else_its_year(tmp_path) -> None:
    target = {
        "id": "rank",
        "name": "Rank",
        "source": "s",
        "formula": "f",
        "dataset": "values",
        "kind": "value",
        "threshold": {"op": "<=", "value": 5},
        "reported": [{"period": "2024", "value": 7}, {"period": "2025", "value": 4}],
    }
    config = _config(tmp_path, target)
    (march,) = compute({}, config, parse_period("2025-03"), []).targets
    assert (march.value, march.status) == (4, MET)
    (earlier,) = compute({}, config, parse_period("2023"), []).targets
    assert (earlier.status, earlier.note.code) == (NO_DATA, "result.no_reported_value")


# -- framing and coverage -----------------------------------------------------------------


def test_a_yearly_register_covers_a_year_it_has_rows_for() -> None:
    framing = Framing({"public_units": _units(("U1", 2024, 10))})
    assert framing.covers("public_units", "year", parse_period("2024"))
    assert not framing.covers("public_units", "year", parse_period("2025"))
    assert framing.covers("staff", None, parse_period("2024"))  # a snapshot: always held


def test_a_period_over_two_years_places_yearly_rows_in_its_end_year() -> None:
    framing = Framing({"public_units": _units(("U1", 2024, 10), ("U1", 2025, 9))})
    frame = framing.frame("public_units", parse_period("2025-Q1"))
    assert frame is not None
    assert frame.in_period("year").tolist() == [False, True]


def test_units_give_each_row_the_level_its_unit_had_that_day() -> None:
    units = [
        Unit(name="Phòng Tư pháp", level="district", valid_to=date(2025, 6, 30)),
        Unit(name="Phòng Tư pháp", level="commune", valid_from=date(2025, 7, 1)),
    ]
    table = pd.DataFrame(
        {
            "agency_name": pd.array(["phòng tư pháp", "Phòng Tư pháp", "Khác"], dtype="string"),
            "received_at": pd.to_datetime(["2025-06-30", "2025-07-01", "2025-07-01"]),
        }
    )
    levelled = with_unit_levels(table, units, "received_at", date(2025, 12, 31))
    levels = levelled["admin_level"]
    assert levels.iloc[:2].tolist() == ["district", "commune"]
    assert pd.isna(levels.iloc[2])  # a unit the configuration does not list keeps no level
    assert "admin_level" not in table  # the loaded table is left as it was


def test_an_undated_row_takes_each_period_s_level_and_masks_follow_it_issue12() -> None:
    # Frames of a table whose rows all carry their date share one levelled table (and the
    # masks of filters on it); a row without a date takes the level in force at each period's
    # end, so its frames, and their masks, must differ.
    units = [
        Unit(name="Phòng Tư pháp", level="district", valid_to=date(2025, 6, 30)),
        Unit(name="Phòng Tư pháp", level="commune", valid_from=date(2025, 7, 1)),
    ]
    dated = pd.DataFrame(
        {
            "agency_name": pd.array(["Phòng Tư pháp", "Phòng Tư pháp"], dtype="string"),
            "received_at": pd.to_datetime(["2025-03-02", "2025-09-01"]),
        }
    )
    undated = dated.assign(received_at=pd.to_datetime(["2025-03-02", None]))
    district = Condition("admin_level", "eq", "district")
    for table, september_row in ((dated, False), (undated, True)):
        framing = Framing({"dossiers": table}, units)
        march = framing.frame("dossiers", parse_period("2025-03"))
        september = framing.frame("dossiers", parse_period("2025-09"))
        assert march is not None and september is not None
        assert (march.table is september.table) is not september_row
        assert march.matches(district).tolist() == [True, september_row]
        assert september.matches(district).tolist() == [True, False]


def test_an_engine_keeps_one_frame_per_dataset_and_period(tmp_path) -> None:
    engine = Engine({"staff": _staff(("a", "X", True))}, _config(tmp_path, TRAINED))
    period = parse_period("2025")
    assert engine.framing.frame("staff", period) is engine.framing.frame("staff", period)
    assert engine.framing.frame("staff", parse_period("2024")) is not engine.framing.frame(
        "staff", period
    )


# -- workbooks read with the shipped targets file --------------------------------------------


def _shipped_targets_with(tmp_path, extra: str) -> TargetConfig:
    """The shipped targets file with `extra` targets appended."""
    path = tmp_path / "t.yaml"
    path.write_text(TARGETS.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return load_targets(path)


def test_a_carried_over_dossier_is_not_last_years_rate_issue3(tmp_path) -> None:
    rows = [TIMING_HEADER, timing_row("OLD", "30/12/2024", "15/01/2025", shared="x")]
    rows += [
        timing_row(f"N{i}", "03/03/2025", "10/03/2025", shared="x" if i < 6 else None)
        for i in range(10)
    ]
    got = targets_by_id([write_xlsx(tmp_path / "t.xlsx", rows)], "2025-03")
    level = got["ket_noi_chia_se_du_lieu"].levels[0]
    assert level.note.code == "result.trend_from_baseline"
    assert level.target_value == pytest.approx(0.55)  # configured 2024 baseline 35 % + 20
    assert level.status.value == "met"  # 6/10


COUNT_AND_VALUE = """
  - id: giam_ho_so_tre_han
    name: "Số hồ sơ trễ hạn giảm so với cùng kỳ"
    source: "test"
    dataset: dossiers
    kind: count_change
    population: handled
    filter: {timeliness: [late, open_overdue]}
    direction: decrease
    formula: "Hồ sơ trễ hạn kỳ này / cùng kỳ năm trước"
  - id: xep_hang_thu
    name: "Xếp hạng (thử)"
    source: "test"
    dataset: dossiers
    kind: value
    threshold: {op: "<=", value: 5}
    reported:
      - {period: 2024, value: 7}
      - {period: "2025-3", value: 4}
    formula: "Thứ hạng"
"""


def test_count_change_and_value_kinds(tmp_path) -> None:
    config = _shipped_targets_with(tmp_path, COUNT_AND_VALUE)
    march_2024 = [
        timing_row(f"L{i}", "03/03/2024", "05/03/2024", end="10/03/2024", status="Đã trả kết quả")
        for i in range(3)
    ]
    months_2024 = [
        timing_row(
            f"P{m}",
            f"02/{m:02d}/2024",
            f"04/{m:02d}/2024",
            end=f"03/{m:02d}/2024",
            status="Đã trả kết quả",
        )
        for m in range(1, 13)
    ]
    march_2025 = [
        timing_row("K1", "03/03/2025", "05/03/2025", end="10/03/2025", status="Đã trả kết quả"),
        timing_row("K2", "03/03/2025", "25/03/2025"),
    ]
    path = write_xlsx(tmp_path / "a.xlsx", [TIMING_HEADER, *march_2024, *months_2024, *march_2025])
    got = targets_by_id([path], "2025-03", config)
    change = got["giam_ho_so_tre_han"]
    # March 2025: K1 late, K2 overdue on 31/03 (due 25/03) -> 2; March 2024: 3 late -> fewer
    assert (change.numerator, change.denominator, change.status.value) == (2, 3, "met")
    assert got["xep_hang_thu"].numerator == 4 and got["xep_hang_thu"].status.value == "met"
    year = targets_by_id([path], "2024", config)
    assert year["xep_hang_thu"].numerator == 7 and year["xep_hang_thu"].status.value == "missed"
    # without last year's March in the inputs there is no comparison
    only_2025 = write_xlsx(tmp_path / "b.xlsx", [TIMING_HEADER, *march_2025])
    alone = targets_by_id([only_2025], "2025-03", config)["giam_ho_so_tre_han"]
    assert alone.status.value == "no_data" and alone.note.code == "result.no_previous_year"


def test_register_targets_without_rows_for_the_year_are_no_data_not_met_issue4(tmp_path) -> None:
    got = targets_by_id([write_xlsx(tmp_path / "u.xlsx", UNITS)], "2026")
    for target_id in ("dvsnc_giam_so_luong", "bien_che_su_nghiep_giam", "tinh_gian_bien_che"):
        assert got[target_id].status.value == "no_data", target_id
        assert got[target_id].note.code == "result.period_not_covered"


def test_a_period_over_two_years_takes_a_yearly_register_at_its_end_year_issue4(tmp_path) -> None:
    got = targets_by_id([write_xlsx(tmp_path / "u.xlsx", UNITS)], "2024-07..2025-06")
    result = got["tinh_gian_bien_che"]
    assert (result.numerator, result.denominator, result.status.value) == (8, 20, "met")


def test_levels_follow_each_rows_date_issue4(tmp_path) -> None:
    rows = [
        ["Mã hồ sơ công việc", "Đơn vị", "Ngày mở hồ sơ", "Xử lý trên môi trường mạng"],
        ["W1", "Phòng Tư pháp", datetime(2025, 3, 3), "x"],
        ["W2", "Phòng Tư pháp", datetime(2025, 8, 3), "x"],
    ]  # after the two-tier change
    path = write_xlsx(tmp_path / "w.xlsx", rows)
    march = targets_by_id([path], "2025-03")["ho_so_cong_viec_cap_huyen"]
    assert (march.numerator, march.denominator) == (1, 1)
    august = targets_by_id([path], "2025-08")["ho_so_cong_viec_cap_huyen"]
    assert august.denominator == 0  # no district level any more


def test_a_count_change_leaves_the_shared_population_alone_issue4(tmp_path) -> None:
    extra = """
  - id: truc_tuyen_tang
    name: "Hồ sơ trực tuyến tăng"
    source: "test"
    dataset: dossiers
    kind: count_change
    population: received
    filter: {channel: ONLINE}
    direction: increase
    formula: "test"
"""
    text = TARGETS.read_text(encoding="utf-8")
    first = text.replace("targets:\n", "targets:\n" + extra.lstrip("\n") + "\n", 1)
    path = tmp_path / "t.yaml"
    path.write_text(first, encoding="utf-8")
    loaded = load_inputs([str(SAMPLE_DATA)])
    result = compute(loaded.tables, load_targets(path), parse_period("2025-03"), [])
    online = next(t for t in result.targets if t.target.id == "ho_so_truc_tuyen")
    assert (online.numerator, online.denominator) == (197, 321)


def test_registers_with_nothing_for_the_period_fall_back_to_dossier_columns_issue4() -> None:
    got = targets_by_id([SAMPLE_DATA], "2025-02")  # the ratings and payments registers are March's
    assert got["hai_long_tthc"].source == "dossiers"
    assert got["hai_long_tthc"].status.value != "no_data"
    assert got["giao_dich_thanh_toan_truc_tuyen"].source == "dossiers"


def test_reported_values_typed_as_dates_and_repeated_issue4(tmp_path) -> None:
    rows = [
        ["Mã chỉ tiêu", "Kỳ báo cáo", "Giá trị", "Đơn vị"],
        ["par_index_rank", datetime(2025, 3, 1), 3, "Thị xã"],
        ["ddci_rank", "2025", 3, "Thị xã"],
        ["ddci_rank", "2025", 11, "Huyện khác"],
    ]
    got = targets_by_id([write_xlsx(tmp_path / "v.xlsx", rows)], "2025-03")
    assert got["par_index_rank"].numerator == 3
    assert got["ddci_rank"].note.code == "result.value_repeated"


def test_every_filter_a_target_holds_is_checked_for_its_columns_issue10(tmp_path) -> None:
    # a kind may name its filters as it likes: the engine checks the columns of all of them
    config = _config(tmp_path, TRAINED)
    (target,) = config.targets
    where = Condition("position", "eq", "Chuyên viên")
    widened = Target(target.spec, {**target.filters, "where": where})
    staff = _staff(("a", "X", True))
    result = Engine({"staff": staff}, config).compute_target(widened, parse_period("2025"), [])
    assert (result.status, result.note.code) == (NO_DATA, "result.missing_columns")
    assert result.note.params["columns"] == "position"


LOOKUP = {
    **TRAINED,
    "id": "paid_online",
    "dataset": "payments",
    "period_field": "paid_at",
    "numerator": {"method": "ONLINE"},
    "denominator": {
        "procedure_code": {
            "in_register": {"dataset": "procedures", "where": {"online_payment": True}}
        }
    },
    "threshold": {"op": ">=", "value": 0.3},
}


def test_in_register_keeps_the_rows_whose_value_the_other_register_lists_issue11(tmp_path):
    config = _config(tmp_path, LOOKUP)
    payments = pd.DataFrame(
        {
            "procedure_code": pd.array(["P1", "P1", "P2", None], dtype="string"),
            "method": pd.Categorical(["ONLINE", "CASH", "ONLINE", "ONLINE"]),
            "paid_at": pd.to_datetime(["2025-03-01"] * 4),
        }
    )
    procedures = pd.DataFrame(
        {
            "procedure_code": pd.array(["P1", "P2"], dtype="string"),
            "online_payment": pd.array([True, False], dtype="boolean"),
        }
    )
    period = parse_period("2025-03")
    tables = {"payments": payments, "procedures": procedures}
    (paid,) = compute(tables, config, period, []).targets
    assert (paid.numerator, paid.denominator) == (1, 2)  # P1's two payments; P2 offers none
    (alone,) = compute({"payments": payments}, config, period, []).targets
    assert (alone.status, alone.note.code) == (NO_DATA, "result.no_dataset")
    assert alone.note.params["dataset"] == "procedures"
    lacking = {"payments": payments, "procedures": procedures.drop(columns="online_payment")}
    (short,) = compute(lacking, config, period, []).targets
    assert short.note.params["columns"] == "procedures.online_payment"
