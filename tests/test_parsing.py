"""parsing.py: the value parsers (day-first dates and Excel serial numbers, yes/no, amounts,
counts), one form per row; the vectorised date parser equals the scalar one; vendor date forms
are read only where a profile lists them."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_cli import parsing
from cchc_cli.parsing import ParseProblem

DATE_CASES = [
    ("05/03/2025", datetime(2025, 3, 5)),
    ("5/3/2025", datetime(2025, 3, 5)),
    ("05-03-2025", datetime(2025, 3, 5)),
    ("05.03.2025", datetime(2025, 3, 5)),
    ("05/03/2025 08:30", datetime(2025, 3, 5, 8, 30)),
    ("05/03/2025 08:30:15", datetime(2025, 3, 5, 8, 30, 15)),
    ("08:30 05/03/2025", datetime(2025, 3, 5, 8, 30)),
    ("2025-03-05", datetime(2025, 3, 5)),
    ("2025-03-05 08:30", datetime(2025, 3, 5, 8, 30)),
    ("2025-03-05 08:30:15", datetime(2025, 3, 5, 8, 30, 15)),
    ("2025-03-05T08:30:15", datetime(2025, 3, 5, 8, 30, 15)),
    # what the xlsx reader renders for a real date cell
    ("2025-03-05 00:00:00", datetime(2025, 3, 5)),
    # Excel serial numbers (1900 date system), with a time fraction
    ("45721", datetime(2025, 3, 5)),
    ("45721.5", datetime(2025, 3, 5, 12)),
    ("  05/03/2025  ", datetime(2025, 3, 5)),
    ("29/02/2024", datetime(2024, 2, 29)),
    # date and time on two lines of one cell (issue #2)
    ("01/03/2025\n08:30", datetime(2025, 3, 1, 8, 30)),
    ("08:30\r\n01/03/2025", datetime(2025, 3, 1, 8, 30)),
]


@pytest.mark.parametrize(("text", "expected"), DATE_CASES)
def test_parse_date_day_first_forms(text: str, expected: datetime) -> None:
    assert parsing.parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("31/02/2025", "value.date_impossible"),
        ("29/02/2025", "value.date_impossible"),
        ("32/03/2025", "value.date_impossible"),
        ("05/13/2025", "value.date_impossible"),
        ("2025-02-30", "value.date_impossible"),
        ("05/03/2025 25:00", "value.date_impossible"),
        ("05/03/0225", "value.date_impossible"),
        ("hôm qua", "value.date_unparseable"),
        ("05/03", "value.date_unparseable"),
        ("0", "value.date_unparseable"),
        ("99999", "value.date_unparseable"),
        # a bare year or a small number is not an Excel date (issue #2)
        ("2025", "value.date_unparseable"),
        ("15", "value.date_unparseable"),
        ("1", "value.date_unparseable"),
    ],
)
def test_parse_date_problems(text: str, code: str) -> None:
    with pytest.raises(ParseProblem) as caught:
        parsing.parse_date(text)
    assert caught.value.code == code


@pytest.mark.parametrize("blank", [None, "", "   "])
def test_blank_date_is_none(blank: str | None) -> None:
    assert parsing.parse_date(blank) is None


def test_vectorised_dates_match_the_table() -> None:
    texts = [t for t, _ in DATE_CASES] + ["31/02/2025", "hôm qua", None, ""]
    values, problems = parsing.parse_dates(pd.Series(texts, dtype="string[pyarrow]"))
    expected = [pd.Timestamp(d) for _, d in DATE_CASES]
    assert list(values[: len(DATE_CASES)]) == expected
    assert list(problems[len(DATE_CASES) :]) == [
        "value.date_impossible",
        "value.date_unparseable",
        None,
        None,
    ]
    assert values[len(DATE_CASES) :].isna().all()


def test_a_date_cell_s_milliseconds_are_dropped_and_impossible_days_stay_impossible_issue12() -> (
    None
):
    texts = [
        "2025-01-30 13:25:14.771",  # a system's timestamp, as the xlsx reader renders it
        "2025-02-30 13:25:14",  # typed text: the reader's fast path once made it 2 March
        "2025-04-31 23:59:59.5",
        "2024-02-29 10:00:00",
        "2025-03-01 00:00:00",
        "2025-03-10 23:59:60",  # no second 60 (it was 11 March)
    ]
    values, problems = parsing.parse_dates(pd.Series(texts, dtype="string[pyarrow]"))
    impossible = "value.date_impossible"
    assert list(problems) == [None, impossible, impossible, None, None, impossible]
    assert values[0] == pd.Timestamp("2025-01-30 13:25:14")
    assert values[3] == pd.Timestamp("2024-02-29 10:00:00")
    assert values[4] == pd.Timestamp("2025-03-01 00:00:00")


def _scalar(
    text: str | None, forms: tuple[str, ...] = parsing.STANDARD_DATE_FORMS
) -> tuple[object, object]:
    try:
        value = parsing.parse_date(text, forms)
    except ParseProblem as problem:
        return None, problem.code
    return (pd.Timestamp(value) if value else None), None


date_like = st.one_of(
    st.text(max_size=25),
    st.from_regex(r"\A[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4}( [0-9]{1,2}:[0-9]{2})?\Z"),
    st.from_regex(r"\A[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}( [0-9]{2}:[0-9]{2}:[0-9]{2})?\Z"),
    st.from_regex(r"\A[0-9]{1,6}(\.[0-9]{1,4})?\Z"),
    # The form the xlsx reader renders real date cells in, at the month's end (issue #12).
    st.from_regex(
        r"\A20[0-9]{2}-(0[1-9]|1[0-2])-(2[89]|3[01]) [0-2][0-9]:[0-6][0-9]:[0-6][0-9]"
        r"(\.[0-9]{1,3})?\Z"
    ),
    # The vendors' forms (profiles): yyyyMMdd[HHmm[ss]], "HH:mm, dd/mm/yyyy", a date + a note.
    st.from_regex(r"\A[0-9]{8}([0-9]{4}([0-9]{2})?)?\Z"),
    st.from_regex(r"\A[0-9]{1,2}:[0-9]{2}, ?[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}\Z"),
    st.from_regex(r"\A[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}\n[^\n]{0,10}\Z"),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.none(), date_like), min_size=1, max_size=12),
    st.sampled_from([parsing.STANDARD_DATE_FORMS, parsing.DATE_FORMS]),
)
def test_vectorised_dates_equal_scalar_parser(
    texts: list[str | None], forms: tuple[str, ...]
) -> None:
    values, problems = parsing.parse_dates(pd.Series(texts, dtype="string[pyarrow]"), forms)
    for i, text in enumerate(texts):
        expected_value, expected_problem = _scalar(text, forms)
        got_value = None if pd.isna(values.iloc[i]) else values.iloc[i]
        got_problem = None if pd.isna(problems.iloc[i]) else problems.iloc[i]
        assert (got_value, got_problem) == (expected_value, expected_problem), text


@given(st.text())
def test_scalar_parsers_never_raise_anything_but_a_problem(text: str) -> None:
    for parser in (
        parsing.parse_date,
        parsing.parse_boolean,
        parsing.parse_amount,
        parsing.parse_count,
        parsing.parse_text,
    ):
        try:
            parser(text)
        except ParseProblem as problem:
            assert problem.code.startswith("value.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x", True),
        ("X", True),
        ("✓", True),
        ("1", True),
        ("1.0", True),
        ("Có", True),
        ("co", True),
        ("Đúng", True),
        ("TRUE", True),
        ("Yes", True),
        ("Đã thanh toán", True),
        ("Đã", True),
        ("", False),
        (None, False),
        ("0", False),
        ("Không", False),
        ("Sai", False),
        ("FALSE", False),
        ("No", False),
        ("Chưa thanh toán", False),
    ],
)
def test_parse_boolean(text: str | None, expected: bool) -> None:
    assert parsing.parse_boolean(text) is expected


@pytest.mark.parametrize("text", ["?", "2", "có lẽ", "đang"])
def test_unknown_boolean_is_a_problem(text: str) -> None:
    with pytest.raises(ParseProblem, match=r"value\.boolean_unknown"):
        parsing.parse_boolean(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("150000", 150000.0),
        ("150000.0", 150000.0),
        ("150.000", 150000.0),
        ("1.500.000", 1500000.0),
        ("1,500,000", 1500000.0),
        ("50.000 đ", 50000.0),
        ("50000 VNĐ", 50000.0),
        ("2,5", 2.5),
        ("", None),
        (None, None),
    ],
)
def test_parse_amount(text: str | None, expected: float | None) -> None:
    assert parsing.parse_amount(text) == expected


@pytest.mark.parametrize("text", ["năm mươi nghìn", "-5", "1.2.3"])
def test_bad_amount(text: str) -> None:
    with pytest.raises(ParseProblem, match=r"value\.number_invalid"):
        parsing.parse_amount(text)


@pytest.mark.parametrize(("text", "expected"), [("2", 2), ("2.0", 2), ("0", 0), ("", None)])
def test_parse_count(text: str, expected: int | None) -> None:
    assert parsing.parse_count(text) == expected


@pytest.mark.parametrize("text", ["1.5", "-1", "hai"])
def test_bad_count(text: str) -> None:
    with pytest.raises(ParseProblem, match=r"value\.integer_invalid"):
        parsing.parse_count(text)


@pytest.mark.parametrize(
    ("text", "form", "expected"),
    [
        ("09:12, 05/04/2024", "hm_comma_dmy", datetime(2024, 4, 5, 9, 12)),
        ("12/4/2013\nLý do không XL: chờ chủ hồ sơ", "dmy_note", datetime(2013, 4, 12)),
    ],
)
def test_issue_9_vendor_date_forms_only_where_a_profile_lists_them(
    text: str, form: str, expected: datetime
) -> None:
    assert parsing.parse_date(text, (*parsing.STANDARD_DATE_FORMS, form)) == expected
    with pytest.raises(ParseProblem):
        parsing.parse_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20240311083012", datetime(2024, 3, 11, 8, 30, 12)),
        ("20240311", datetime(2024, 3, 11)),
        ("202403110830", datetime(2024, 3, 11, 8, 30)),
    ],
)
def test_issue_9_national_sync_dates_are_read_everywhere(text: str, expected: datetime) -> None:
    # D3: dates also as yyyyMMddHHmmss and yyyyMMdd.
    assert parsing.parse_date(text) == expected


def test_issue_9_impossible_compact_date_is_an_error() -> None:
    with pytest.raises(ParseProblem) as caught:
        parsing.parse_date("20250231083000")
    assert caught.value.code == "value.date_impossible"
