"""The 766 scorecard (issue 16): counts -> points by the spec's formulas (../shared/766.md §2-3),
a small hand-checked dossier list -> on-time classes -> points under both versions, and each
unsure reading under both of its choices."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_cli.errors import ConfigError, UsageError
from cchc_cli.run import RunOptions, prepare
from cchc_cli.targets.kinds.score766 import ScoreSpec
from cchc_cli.targets.per_table import tables_unchanged
from cchc_cli.targets.periods import parse_period
from cchc_cli.targets.scorecard import (
    ScoreResult,
    compute_scorecard,
    load_scorecard,
    parse_readings,
)
from conftest import write_xlsx

ROOT = Path(__file__).resolve().parents[1]
SCORECARDS = ROOT / "configs" / "score766.yaml"


def _spec(**keys: object) -> ScoreSpec:
    base = {
        "kind": "score766",
        "id": "x",
        "name": "x",
        "source": "x",
        "formula": "x",
        "dataset": "values",
        "code": "9.9",
        "group": "G1",
        "values_only": True,
    }
    return ScoreSpec.model_validate({**base, **keys})


@pytest.mark.parametrize(
    ("keys", "ratio", "denominator", "points"),
    [
        # 2.1: 20 × on time / (on time + overdue), no threshold [V]
        ({"max_points": 20}, 404 / 426, 426, 20 * 404 / 426),
        # G1 rows: linear
        ({"max_points": 6}, 0.5, 10, 3.0),
        # 4.3: min(2, 2 × ratio / 80 %)
        ({"max_points": 2, "rule": "threshold", "full_at": 0.8}, 0.6, 10, 1.5),
        ({"max_points": 2, "rule": "threshold", "full_at": 0.8}, 0.95, 10, 2.0),
        # 5.4: min(6, 6 × ratio / 90 %), 0 with no dossier
        ({"max_points": 6, "rule": "threshold", "full_at": 0.9}, 0.81, 100, 5.4),
        ({"max_points": 6, "rule": "threshold", "full_at": 0.9, "if_empty": "zero"}, None, 0, 0.0),
        # 5.2, 5.3: 6 when there is no petition
        ({"max_points": 6, "if_empty": "full"}, None, 0, 6.0),
        ({"max_points": 6, "if_empty": "full"}, 0.75, 4, 4.5),
        # 3.5 uncapped (the M0 fit): 2.5 × C may pass 2
        ({"max_points": 2, "rule": "threshold", "full_at": 0.8, "capped": False}, 0.9, 10, 2.25),
        ({"max_points": 2, "rule": "threshold", "full_at": 0.8}, 0.9, 10, 2.0),
        # no_data on an empty denominator: no points, never 0
        ({"max_points": 4, "if_empty": "no_data"}, None, 0, None),
    ],
)
def test_points_follow_the_spec_formulas(keys, ratio, denominator, points) -> None:
    got = _spec(**keys).points(ratio, denominator)
    if points is None:
        assert got is None
    else:
        assert got == pytest.approx(points, abs=1e-9)


def test_payment_group_is_six_a_plus_capped_b_and_c_issue_16() -> None:
    # G4 = 6 × A + min(2, 2.5 × B) + min(2, 2.5 × C) (766.md §3 G4), with A 0.4, B 0.5, C 0.9
    card = load_scorecard(SCORECARDS, "766-DVCQG")
    specs = {i.spec.code: i.spec for i in card.indicators}
    total = (
        specs["3.6"].points(0.4, 10) + specs["3.5b"].points(0.5, 10) + specs["3.5"].points(0.9, 10)
    )
    assert total == pytest.approx(6 * 0.4 + min(2, 2.5 * 0.5) + min(2, 2.5 * 0.9))
    uncapped = load_scorecard(SCORECARDS, "766-DVCQG", {"payment_c_cap": "uncapped"})
    spec = next(i.spec for i in uncapped.indicators if i.spec.code == "3.5")
    assert spec.points(0.9, 10) == pytest.approx(2.25)


def test_both_versions_have_their_groups_and_points() -> None:
    today = load_scorecard(SCORECARDS, "766-DVCQG")
    assert [(g.id, g.max) for g in today.groups] == [
        ("G1", 18),
        ("G2", 20),
        ("G3", 12),
        ("G4", 10),
        ("G5", 18),
        ("G6", 22),
    ]
    for group in today.groups:  # every point of today's version belongs to an indicator
        members = [i for i in today.indicators if i.spec.group == group.id]
        assert sum(i.spec.max_points for i in members) == group.max
    decision = load_scorecard(SCORECARDS, "766-2022")
    assert sorted(g.max for g in decision.groups) == [18, 18, 20, 22, 22]
    assert sum(g.max for g in decision.groups) == 100


# A dossier list checked by hand (period 2025-03; the data's last event is 16/03):
#   A early · B on time · C late, rated unsatisfied · D open, due 31/03 · E open, due 20/03
#   F withdrawn, no end date · G waiting for a supplement asked 16/03, after its due 14/03
#   H completed 10/03 15:00, due 10/03 08:00
DOSSIERS = (
    "\n".join(
        [
            "Mã hồ sơ;Tên thủ tục;Đơn vị;Ngày tiếp nhận;Ngày hẹn trả;Ngày kết thúc xử lý;"
            "Trạng thái;Ngày yêu cầu bổ sung;Số lần bổ sung;Kênh thực hiện;Phí, lệ phí;"
            "Thanh toán trực tuyến;Tái sử dụng dữ liệu;Đánh giá",
            "A;Khai sinh;UBND xã A;03/03/2025;10/03/2025;09/03/2025;Đã trả kết quả;;;Trực tuyến;"
            "10000;Có;Có;Không hài lòng",
            "B;Khai sinh;UBND xã A;03/03/2025;10/03/2025;10/03/2025;Đã trả kết quả;;;Trực tuyến;"
            "10000;Có;Có;Hài lòng",
            "C;Khai sinh;UBND xã B;03/03/2025;10/03/2025;12/03/2025;Đã trả kết quả;;;Trực tuyến;"
            "10000;Không;Có;Không hài lòng",
            "D;Khai tử;UBND xã B;05/03/2025;31/03/2025;;Đang xử lý;;;Trực tiếp;10000;Không;Có;",
            "E;Khai tử;UBND xã B;05/03/2025;20/03/2025;;Đang xử lý;;;Trực tiếp;;Không;Có;",
            "F;Khai tử;UBND xã A;06/03/2025;15/03/2025;;Công dân yêu cầu rút hồ sơ;;;Trực tiếp;;"
            "Không;Có;",
            "G;Kết hôn;UBND xã A;07/03/2025;14/03/2025;;Chờ bổ sung hồ sơ;16/03/2025;1;Trực tiếp;;"
            "Không;Có;",
            "H;Kết hôn;UBND xã B;08/03/2025;10/03/2025 08:00;10/03/2025 15:00;Đã trả kết quả;;;"
            "Trực tiếp;;Không;Không;",
        ]
    )
    + "\n"
)


@pytest.fixture(scope="module")
def dossier_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("score766")
    (folder / "ho-so-2025-03.csv").write_text(DOSSIERS, encoding="utf-8-sig")
    return prepare([str(folder)], RunOptions(period="2025-03", cache=None))


def _score(run, version: str = "766-DVCQG", by=None, **readings: str) -> ScoreResult:
    card = load_scorecard(SCORECARDS, version, readings)
    with tables_unchanged():
        return compute_scorecard(
            run.loaded.tables, card, run.period, by or [], "province", run.config.units
        )


def _indicator(result: ScoreResult, code: str):
    return next(s for s in result.indicators if s.indicator.spec.code == code)


def test_the_hand_checked_list_gives_the_hand_computed_points_issue_16(dossier_run) -> None:
    assert dossier_run.loaded.rows_rejected == 0
    result = _score(dossier_run)
    on_time = _indicator(result, "2.1")
    # A, B, D, F, H on time (D judged at the period's end, F withdrawn = ended), C, E, G not
    assert (on_time.numerator, on_time.denominator) == (5, 8)
    assert on_time.points == pytest.approx(12.5)
    satisfied = _indicator(result, "5.4")
    # overdue {C, E, G} and unsatisfied {A, C}: union {A, C, E, G} -> 4/8 -> 6 × 0.5 / 0.9
    assert satisfied.deductions == [3, 2]
    assert (satisfied.numerator, satisfied.denominator) == (4, 8)
    assert satisfied.points == pytest.approx(6 * 0.5 / 0.9)
    paid = _indicator(result, "3.6")  # fee on A-D, paid online A, B
    assert (paid.numerator, paid.denominator, paid.points) == (2, 4, pytest.approx(3.0))
    reused = _indicator(result, "4.3")  # 7 of 8 re-used: 87.5 % >= 80 %: full
    assert (reused.numerator, reused.denominator, reused.points) == (7, 8, 2.0)
    # the lists: C late, G open and overdue, E overdue at the period's end only (due 20/03,
    # the data's last day 16/03), A and C rated unsatisfied (5.4)
    lost = {(r.indicator, r.dossier_code, r.reason) for r in result.lost}
    assert {r for r in lost if r[0] == "2.1"} == {
        ("2.1", "C", "late"),
        ("2.1", "E", "overdue_at_period_end"),
        ("2.1", "G", "open_overdue"),
    }
    assert result.lost_dossiers == 4  # A, C, E, G: each once across 2.1 and 5.4
    assert ("5.4", "A", "unsatisfied") in lost and ("5.4", "C", "late") in lost
    row_c = next(r for r in result.lost if r.dossier_code == "C")
    assert (row_c.path, row_c.row) == ("ho-so-2025-03.csv", 4)


def test_the_2022_version_scores_the_online_share_issue_16(dossier_run) -> None:
    result = _score(dossier_run, "766-2022")
    online = _indicator(result, "3.3")  # A, B, C online of 8: 37.5 %, full at 50 %
    assert (online.numerator, online.denominator) == (3, 8)
    assert online.points == pytest.approx(6 * 0.375 / 0.5)
    assert _indicator(result, "2.1").points == pytest.approx(12.5)
    digitisation = next(g for g in result.groups if g.group.id == "G3")
    # 22 points in the decision, 20 assigned to known indicators: 2 without data
    assert digitisation.no_data_max >= 2


@pytest.mark.parametrize(
    ("reading", "choice", "numerator", "denominator"),
    [
        ("withdrawn", "ended", 5, 8),
        ("withdrawn", "excluded", 4, 7),  # F out of the rate
        ("supplement_after_due", "overdue", 5, 8),
        ("supplement_after_due", "in_time", 6, 8),  # G in time
        ("compare", "date", 5, 8),
        ("compare", "timestamp", 4, 8),  # H done at 15:00, due at 08:00 the same day: late
        ("open_at", "period_end", 5, 8),
        ("open_at", "as_of", 6, 8),  # E judged on 16/03, its due 20/03: in time
    ],
)
def test_each_on_time_reading_under_both_choices_issue_16(
    dossier_run, reading, choice, numerator, denominator
) -> None:
    on_time = _indicator(_score(dossier_run, **{reading: choice}), "2.1")
    assert (on_time.numerator, on_time.denominator) == (numerator, denominator)
    assert on_time.points == pytest.approx(20 * numerator / denominator)


def test_satisfaction_deductions_union_or_sum_issue_16(dossier_run) -> None:
    union = _indicator(_score(dossier_run, satisfaction_deduction="union"), "5.4")
    summed = _indicator(_score(dossier_run, satisfaction_deduction="sum"), "5.4")
    assert union.ratio == pytest.approx(0.5)
    assert summed.ratio == pytest.approx(1 - 3 / 8 - 2 / 8)  # C is taken twice
    assert summed.points == pytest.approx(6 * 0.375 / 0.9)


def test_digitisation_4_2_linear_or_threshold_issue_16() -> None:
    linear = load_scorecard(SCORECARDS, "766-DVCQG", {"digitised_4_2": "linear"})
    threshold = load_scorecard(SCORECARDS, "766-DVCQG", {"digitised_4_2": "threshold"})
    pick = lambda card: next(i.spec for i in card.indicators if i.spec.code == "4.2")  # noqa: E731
    assert pick(linear).points(0.6, 10) == pytest.approx(2.4)
    assert pick(threshold).points(0.6, 10) == pytest.approx(3.0)


def test_payment_b_denominator_reading_changes_the_filter_issue_16() -> None:
    first = load_scorecard(SCORECARDS, "766-DVCQG")
    other = load_scorecard(
        SCORECARDS, "766-DVCQG", {"payment_b_denominator": "fee_procedures_with_dossiers"}
    )
    pick = lambda card: next(i for i in card.indicators if i.spec.code == "3.5b")  # noqa: E731
    assert pick(first).target.denominator != pick(other).target.denominator
    assert pick(other).readings == {"payment_b_denominator": "fee_procedures_with_dossiers"}


def test_province_only_rows_for_a_lower_level_issue_16(dossier_run) -> None:
    card = load_scorecard(SCORECARDS)
    with tables_unchanged():
        commune = compute_scorecard(
            dossier_run.loaded.tables, card, dossier_run.period, [], "commune"
        )
    row = _indicator(commune, "3.0")
    assert (row.status, row.points) == ("not_scored", None)
    assert commune.not_scored_max == 12 + 2 + 2
    full = load_scorecard(SCORECARDS, readings={"province_only_rows": "full"})
    with tables_unchanged():
        granted = compute_scorecard(
            dossier_run.loaded.tables, full, dossier_run.period, [], "commune"
        )
    assert _indicator(granted, "4.5a").points == 2.0
    assert granted.points == pytest.approx(commune.points + 16)


VALUES = """Mã chỉ tiêu;Kỳ báo cáo;Tử số;Mẫu số;Giá trị;Đơn vị
1.4;2025-03;90;100;;
5.2;2025-03;0;0;;
1.1;2025-03;;;50;
1.3;2025-02;10;10;;
"""


def test_values_rows_score_what_no_export_holds_issue_16(tmp_path) -> None:
    (tmp_path / "ho-so.csv").write_text(DOSSIERS, encoding="utf-8-sig")
    (tmp_path / "so-lieu.csv").write_text(VALUES, encoding="utf-8-sig")
    run = prepare([str(tmp_path)], RunOptions(period="2025-03", cache=None))
    result = _score(run)
    synced = _indicator(result, "1.4")
    assert (synced.source, synced.numerator, synced.denominator) == ("values", 90, 100)
    assert synced.points == pytest.approx(6 * 0.9)
    assert synced.values_row == ("so-lieu.csv", 2)
    assert _indicator(result, "5.2").points == 6.0  # no petition: 6 points [V]
    assert _indicator(result, "1.1").points == pytest.approx(3.0)  # 50 % given as the rate
    # another month's row does not count; no row: no points and a note, never 0
    missing = _indicator(result, "1.3")
    assert (missing.status, missing.points) == ("no_data", None)
    assert missing.note is not None and missing.note.code == "score.no_values"
    assert _indicator(result, "3.0").status == "no_data"  # G3: no formula known


def test_per_unit_points_and_ranking_issue_16(dossier_run) -> None:
    result = _score(dossier_run, by=["agency_name"])
    on_time = _indicator(result, "2.1")
    units = {u.by["agency_name"]: (u.numerator, u.denominator) for u in on_time.units}
    # xã A: A, B, F on time, G overdue; xã B: D, H on time, C, E not
    assert units == {"UBND xã A": (3, 4), "UBND xã B": (2, 4)}
    ranked = [u.by["agency_name"] for u in result.units]
    assert ranked[0] == "UBND xã A" and result.units[0].rank == 1


def test_unknown_version_or_reading_is_a_usage_error_issue_16() -> None:
    with pytest.raises(UsageError) as version:
        load_scorecard(SCORECARDS, "766-2021")
    assert version.value.code == "score.unknown_version"
    with pytest.raises(UsageError) as reading:
        load_scorecard(SCORECARDS, readings={"withdrawn": "on_time"})
    assert reading.value.code == "score.unknown_choice"
    with pytest.raises(UsageError):
        parse_readings(["withdrawn"])


def test_a_wrong_scorecard_file_is_a_configuration_error_issue_16(tmp_path) -> None:
    text = SCORECARDS.read_text(encoding="utf-8").replace("max_points: 20", "max_points: 30", 1)
    broken = tmp_path / "score766.yaml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_scorecard(broken)
    assert error.value.code == "config.score_invalid"


def test_packaged_scorecard_file_is_the_same_file_issue_16() -> None:
    packaged = ROOT / "src" / "cchc_cli" / "data" / "score766.yaml"
    assert packaged.read_bytes() == SCORECARDS.read_bytes()


# A workbook with a title row, as exports come (period 2025-04), and the procedure catalogue:
#   P1 ended with e-result and digitised inputs, population data · P2 ended with e-result only
#   P3 ended with neither · P4 open (not ended), e-result flag set, digitised
# catalogue: T1, T2, T3 have fees; dossiers with a fee for T1, T2; paid online for T1 only
EXPORT_HEADER = [
    "Mã hồ sơ",
    "Mã TTHC",
    "Tên thủ tục",
    "Ngày tiếp nhận",
    "Ngày hẹn trả",
    "Ngày có kết quả",
    "Kết quả điện tử",
    "Số hóa thành phần",
    "Kết nối chia sẻ dữ liệu",
    "Phí, lệ phí",
    "Thanh toán trực tuyến",
]
EXPORT_ROWS = [
    ["P1", "T1", "Cấp phép", "01/04/2025", "10/04/2025", "05/04/2025", "x", "x", "x", 5000, "Có"],
    ["P2", "T2", "Đăng ký", "02/04/2025", "10/04/2025", "06/04/2025", "x", "", "", 5000, ""],
    ["P3", "T2", "Đăng ký", "02/04/2025", "10/04/2025", "07/04/2025", "", "", "", "", ""],
    ["P4", "T4", "Xác nhận", "03/04/2025", "30/04/2025", "", "x", "x", "", "", ""],
]
CATALOGUE = [
    ["Mã TTHC", "Tên TTHC", "Có phí, lệ phí"],
    ["T1", "Cấp phép", "Có"],
    ["T2", "Đăng ký", "Có"],
    ["T3", "Chứng thực", "Có"],
    ["T4", "Xác nhận", "Không"],
]


@pytest.fixture(scope="module")
def workbook_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("score766_xlsx")
    title = ["DANH SÁCH HỒ SƠ THÁNG 4/2025"]
    write_xlsx(folder / "ho-so-2025-04.xlsx", [title, [], EXPORT_HEADER, *EXPORT_ROWS])
    write_xlsx(folder / "danh-muc-tthc.xlsx", CATALOGUE)
    return prepare([str(folder)], RunOptions(period="2025-04", cache=None))


@pytest.mark.parametrize("version", ["766-DVCQG", "766-2022"])
def test_digitisation_payment_and_population_from_a_workbook_issue_16(
    workbook_run, version
) -> None:
    assert workbook_run.loaded.rows_rejected == 0
    result = _score(workbook_run, version)
    e_result = _indicator(result, "4.1")  # P1, P2 of the three ended
    assert (e_result.numerator, e_result.denominator) == (1 + 1, 3)
    assert e_result.points == pytest.approx(6 * 2 / 3)
    digitised = _indicator(result, "4.2")  # P1 only has both
    assert (digitised.numerator, digitised.denominator) == (1, 3)
    assert digitised.points == pytest.approx(4 / 3)
    population = _indicator(result, "4.5b")  # P1 of four received
    assert population.points == pytest.approx(2 * 1 / 4)
    paid = _indicator(result, "3.6")  # P1 of P1, P2 with a fee
    assert paid.points == pytest.approx(6 * 1 / 2)
    with_dossiers = _indicator(result, "3.5")  # T1, T2 of T1-T3: 66.7 %, full at 80 %
    assert (with_dossiers.numerator, with_dossiers.denominator) == (2, 3)
    assert with_dossiers.points == pytest.approx(2 * (2 / 3) / 0.8)
    paying = _indicator(result, "3.5b")  # T1 of T1-T3
    assert (paying.numerator, paying.denominator) == (1, 3)
    assert paying.points == pytest.approx(2 * (1 / 3) / 0.8)


def test_payment_b_denominator_under_both_choices_issue_16(workbook_run) -> None:
    fee = _indicator(_score(workbook_run, payment_b_denominator="fee_procedures"), "3.5b")
    used = _indicator(
        _score(workbook_run, payment_b_denominator="fee_procedures_with_dossiers"), "3.5b"
    )
    assert (fee.numerator, fee.denominator) == (1, 3)
    assert (used.numerator, used.denominator) == (1, 2)  # T3 had no dossier with a fee
    assert used.points == pytest.approx(min(2, 2 * 0.5 / 0.8))


def test_payment_c_cap_under_both_choices_issue_16(workbook_run) -> None:
    capped = _indicator(_score(workbook_run, payment_c_cap="capped"), "3.5")
    uncapped = _indicator(_score(workbook_run, payment_c_cap="uncapped"), "3.5")
    # 66.7 % is below 80 %: both give 2 × 0.667 / 0.8 on these data
    assert capped.points == pytest.approx(uncapped.points)
    # above 80 % the cap bites: 2 against 2.5 × 0.9
    assert capped.indicator.spec.points(0.9, 10) == 2.0
    assert uncapped.indicator.spec.points(0.9, 10) == pytest.approx(2.25)


def test_counts_do_not_depend_on_the_rows_listed_issue_16(dossier_run) -> None:
    card = load_scorecard(SCORECARDS)
    with tables_unchanged():
        tables, period = dossier_run.loaded.tables, dossier_run.period
        every = compute_scorecard(tables, card, period, row_limit=None)
        first = compute_scorecard(tables, card, period, row_limit=1)
        none = compute_scorecard(tables, card, period, row_limit=0)
    assert every.lost_counts == first.lost_counts == none.lost_counts == {"2.1": 3, "5.4": 4}
    assert every.lost_reasons == none.lost_reasons
    assert every.lost_reasons["5.4"] == {
        "late": 1,
        "open_overdue": 1,
        "overdue_at_period_end": 1,
        "unsatisfied": 1,
    }
    assert len(every.lost) == 7 and len(first.lost) == 2 and not none.lost
    assert first.lost[0] == every.lost[0]  # the first in file and row order
    assert every.at_risk_count == none.at_risk_count and not none.at_risk


def test_catalogue_rows_have_no_points_for_a_month_no_export_holds_issue_16(workbook_run) -> None:
    # the catalogue alone must not score 3.5 and 3.5b for a month without dossiers
    card = load_scorecard(SCORECARDS)
    period = parse_period("2023-01")
    with tables_unchanged():
        result = compute_scorecard(workbook_run.loaded.tables, card, period)
    for code in ("3.5", "3.5b", "3.6", "2.1"):
        row = _indicator(result, code)
        assert (row.status, row.points) == ("no_data", None), code
    assert result.points == 0 and result.scored_max == 0
    g4 = next(g for g in result.groups if g.group.id == "G4")
    assert g4.points is None  # nothing scored: no points, not 0


def test_a_withdrawal_is_no_result_for_4_1_and_4_2_issue_16(tmp_path) -> None:
    done = ["P1", "T1", "Cấp phép", "01/04/2025", "10/04/2025", "05/04/2025", "x", "x"]
    gone = ["W1", "T1", "Cấp phép", "02/04/2025", "10/04/2025", "", "", ""]
    rows = [
        [*EXPORT_HEADER, "Trạng thái"],
        [*done, "", "", "", "Đã trả kết quả"],
        [*gone, "", "", "", "Công dân yêu cầu rút hồ sơ"],
    ]
    write_xlsx(tmp_path / "ho-so.xlsx", rows)
    run = prepare([str(tmp_path)], RunOptions(period="2025-04", cache=None))
    for choice in ("ended", "excluded"):
        result = _score(run, withdrawn=choice)
        e_result = _indicator(result, "4.1")
        assert (e_result.numerator, e_result.denominator, e_result.points) == (1, 1, 6.0)
        assert _indicator(result, "4.2").points == 4.0
    # on time: the withdrawal ends W1 (ended) or takes it out of the rate (excluded)
    assert _indicator(_score(run, withdrawn="ended"), "2.1").denominator == 2
    assert _indicator(_score(run, withdrawn="excluded"), "2.1").denominator == 1


def test_by_timestamp_a_due_date_without_a_time_lasts_its_whole_day_issue_16(tmp_path) -> None:
    rows = [
        ["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày kết thúc xử lý"],
        ["X", "Khai sinh", "03/03/2025", "10/03/2025", "10/03/2025 15:00"],  # done on its day
        ["Y", "Khai sinh", "03/03/2025", "31/03/2025", ""],  # open, due the period's last day
        ["Z", "Khai sinh", "03/03/2025", "10/03/2025 08:00", "10/03/2025 15:00"],  # hours late
    ]
    write_xlsx(tmp_path / "ho-so.xlsx", rows)
    run = prepare([str(tmp_path)], RunOptions(period="2025-03", cache=None))
    on_time = _indicator(_score(run, compare="timestamp"), "2.1")
    assert (on_time.numerator, on_time.denominator) == (2, 3)  # X and Y in time, Z late
    by_date = _indicator(_score(run, compare="date"), "2.1")
    assert (by_date.numerator, by_date.denominator) == (3, 3)


def test_an_empty_denominator_gives_no_points_unless_the_spec_says_issue_16(tmp_path) -> None:
    # every dossier without a due date: 2.1 has nothing to judge (no points, never 0); 5.4
    # gives 0 and 3.6 (no fee) 0, as the portal does [V]
    rows = [["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận", "Đánh giá", "Phí, lệ phí",
             "Thanh toán trực tuyến", "Ngày hẹn trả"],
            ["A", "Khai sinh", "03/03/2025", "Hài lòng", "", "", ""]]  # fmt: skip
    write_xlsx(tmp_path / "ho-so.xlsx", rows)
    run = prepare([str(tmp_path)], RunOptions(period="2025-03", cache=None))
    result = _score(run)
    assert (_indicator(result, "2.1").status, _indicator(result, "2.1").points) == ("no_data", None)
    assert _indicator(result, "5.4").points == 0.0
    assert _indicator(result, "3.6").points == 0.0


def test_a_sum_of_deductions_stops_at_zero_issue_16() -> None:
    from cchc_cli.targets.kinds.score766 import counted

    spec = _spec(max_points=6, combine="sum")
    assert counted(spec, 0, 2, [2, 1]) == 0.0  # not -1
    assert counted(_spec(max_points=6), 0, 2, [2, 1]) == 0  # union: the rows kept


def test_values_rows_as_officers_write_them_issue_16(tmp_path) -> None:
    (tmp_path / "ho-so.csv").write_text(DOSSIERS, encoding="utf-8-sig")
    (tmp_path / "so-lieu.csv").write_text(
        "Mã chỉ tiêu;Kỳ báo cáo;Tử số;Mẫu số;Giá trị\n"
        "1.4;03/2025;9;10;\n"  # a month as written by hand
        "1.1;Tháng 3/2025;;;87,5%\n"  # a rate with its percent sign
        "1.2;2025;;;50\n"  # the year's row, no row for the month
        "1.3;T3/2025;4;;\n",  # a numerator without its denominator
        encoding="utf-8-sig",
    )
    run = prepare([str(tmp_path)], RunOptions(period="2025-03", cache=None))
    assert run.loaded.rows_rejected == 0
    result = _score(run)
    assert _indicator(result, "1.4").points == pytest.approx(6 * 0.9)
    assert _indicator(result, "1.1").points == pytest.approx(6 * 0.875)
    yearly = _indicator(result, "1.2")
    assert yearly.points == pytest.approx(2.0)
    assert yearly.note is not None and yearly.note.code == "score.values_whole_year"
    half = _indicator(result, "1.3")
    assert (half.status, half.points) == ("no_data", None)
    assert half.note is not None and half.note.code == "score.values_incomplete"


def test_explain_is_for_indicators_judged_on_time_issue_16(tmp_path) -> None:
    text = SCORECARDS.read_text(encoding="utf-8")
    text = text.replace(
        "        numerator: {paid_online: true}\n",
        "        numerator: {paid_online: true}\n        explain: true\n",
        1,
    )
    broken = tmp_path / "score766.yaml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_scorecard(broken)
    assert error.value.params["location"].endswith(".explain")


def test_at_risk_leaves_out_dossiers_waiting_for_the_citizen_and_those_listed_issue_16(
    tmp_path,
) -> None:
    rows = [
        ["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận", "Ngày hẹn trả", "Trạng thái",
         "Ngày yêu cầu bổ sung", "Ngày kết thúc xử lý"],
        ["S", "Khai sinh", "02/03/2025", "18/03/2025", "Đang xử lý", "", ""],  # due soon
        ["W", "Khai sinh", "02/03/2025", "17/03/2025", "Chờ bổ sung hồ sơ", "05/03/2025", ""],
        ["L", "Khai sinh", "02/03/2025", "05/03/2025", "Đã trả kết quả", "", "15/03/2025"],
    ]  # fmt: skip
    write_xlsx(tmp_path / "ho-so.xlsx", rows)
    run = prepare([str(tmp_path)], RunOptions(period="2025-03", cache=None))
    assert run.period.as_of.isoformat() == "2025-03-15"  # the data's last day
    result = _score(run, open_at="as_of")
    assert [r.dossier_code for r in result.at_risk] == ["S"] and result.at_risk_count == 1
    judged_at_end = _score(run)  # S is overdue at the period's end: listed once, as such
    reasons = {r.dossier_code: r.reason for r in judged_at_end.lost if r.indicator == "2.1"}
    assert reasons == {"S": "overdue_at_period_end", "L": "late"}
    assert judged_at_end.at_risk_count == 0


def test_a_version_is_named_in_any_case_issue_16() -> None:
    assert load_scorecard(SCORECARDS, "766-dvcqg").id == "766-DVCQG"
