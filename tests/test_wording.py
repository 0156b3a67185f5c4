"""report/wording.py: the báo cáo's sentences (issue 15): dates as Nghị định 30/2020/NĐ-CP
writes them, periods in words, and a text whose numbers are the results'."""

from __future__ import annotations

import re
from datetime import date

import pytest

from cchc_cli.catalogue import ISSUES
from cchc_cli.ingest import load_inputs
from cchc_cli.report.wording import date_words, paragraphs, period_words, place_date
from cchc_cli.targets.config import load_targets
from cchc_cli.targets.periods import parse_period
from cchc_cli.targets.report_content import gather
from conftest import ROOT, SAMPLE_DATA


@pytest.mark.parametrize(
    ("day", "vi"),
    [
        (date(2025, 2, 5), "Đức Phổ, ngày 05 tháng 02 năm 2025"),
        (date(2025, 1, 31), "Đức Phổ, ngày 31 tháng 01 năm 2025"),
        (date(2025, 4, 9), "Đức Phổ, ngày 09 tháng 4 năm 2025"),
        (date(2025, 12, 10), "Đức Phổ, ngày 10 tháng 12 năm 2025"),
    ],
)
def test_dates_have_a_zero_before_days_below_10_and_months_1_and_2_issue15(day, vi) -> None:
    assert place_date("Đức Phổ", day, "vi") == vi
    assert date_words(day, "vi")["year"] == "2025"
    assert place_date("", day, "vi").startswith("Ngày ")


@pytest.mark.parametrize(
    ("label", "vi"),
    [
        ("2025-03", "tháng 3/2025"),
        ("2025-Q1", "quý I/2025"),
        ("2025", "năm 2025"),
        ("2025-01..2025-06", "từ tháng 01/2025 đến tháng 06/2025"),
    ],
)
def test_periods_in_words_issue15(label, vi) -> None:
    assert period_words(parse_period(label), "vi") == vi


@pytest.fixture(scope="module")
def content():
    loaded = load_inputs([str(SAMPLE_DATA)])
    return gather(
        loaded, load_targets(ROOT / "configs" / "targets.yaml"), parse_period("2025-03"), ""
    )


def test_the_text_says_the_results_numbers_and_no_internal_code_issue15(content) -> None:
    text = "\n".join(paragraphs(content, "vi"))
    counts = content.highlights.counts
    assert f"Trong {content.highlights.total} chỉ tiêu theo dõi" in text
    assert f"{sum(c for s, c in counts.items() if s.value == 'met')} chỉ tiêu đạt" in text
    # each gap as the difference of the value and the goal, in points with a decimal comma
    for shortfall in content.highlights.shortfalls[:5]:
        if shortfall.gap is not None:
            shown = f"{shortfall.gap * 100:.1f}".replace(".", ",")
            assert f"còn thiếu {shown} điểm phần trăm" in text, shortfall.result.target.id
    assert "tháng 2/2025" in text  # the period compared with
    ids = {t.id for t in content.config.targets} | set(ISSUES)
    words = set(re.findall(r"[A-Za-z_.]+", text))
    assert not words & ids
    assert not words & {"met", "missed", "warning", "no_data", "dossiers", "late", "baseline"}
    english = "\n".join(paragraphs(content, "en"))
    assert "percentage points" in english and "điểm phần trăm" not in english


def test_each_change_said_is_the_difference_of_the_figures_beside_it_issue15(content) -> None:
    text = "\n".join(paragraphs(content, "vi"))
    said = re.findall(
        r"(tăng|giảm) (\d+,\d+) điểm phần trăm \(từ (\d+,\d+)% (?:lên|xuống) (\d+,\d+)%\)", text
    )
    assert said
    for way, delta, before, after in said:
        number = lambda t: float(t.replace(",", "."))  # noqa: E731
        assert round(abs(number(after) - number(before)), 2) == number(delta), (before, after)
        assert (way == "tăng") == (number(after) > number(before))


def test_a_target_judged_per_level_says_where_it_is_not_met_issue15(content) -> None:
    text = "\n".join(paragraphs(content, "vi"))
    # the trend target's goal in words, and the level that misses its own goal
    assert "(mục tiêu mỗi năm tăng 20 điểm phần trăm), chưa đạt ở cấp xã 53,3% so với mức" in text
    assert "điểm %/năm" not in text
