"""issues.py: the Issue record, and what a message may show of a cell (personal data masked)."""

from __future__ import annotations

import pytest

from cchc_cli.issues import looks_personal, shown_value


@pytest.mark.parametrize(
    "value",
    [
        "Nguyễn Văn An",
        "NGUYỄN THỊ HOA",
        "Trần Thị Mỹ Lệ",
        "0905 123 456",
        "+84905123456",
        "079201001234",  # citizen card (CCCD)
        "212345678",  # identity card (CMND)
        "an.nguyen@gmail.com",
        "12 Lê Lợi, phường Nghĩa Chánh, TP Quảng Ngãi",
        # written the way people type them into the wrong column
        "nguyễn văn an",
        "Ông Nguyễn Văn An",
        "Nguyễn Văn An - 0912345678",
        "gọi 0912345678",
        "CCCD 051203001234",
        "Đàm Thị Hoa",
        "Thôn Phú Thọ, xã Nghĩa Hà",
        "Nguyễn Văn An (chủ hồ sơ)",
        "051.203.001.234",
        # and the forms a second look found (issue 13 review)
        "NGUYEN VAN AN",
        "Tran Thi Bich",
        "Nguyễn-Văn-An",
        "NguyễnVănAn",
        "Nguyễn\u200bVăn An",
        "ông An",
        "0912-345-678",
        "(+84) 912-345-678",
        "０９１２３４５６７８",
        "an(at)gmail.com",
    ],
)
def test_text_that_looks_personal_is_masked_issue13(value) -> None:
    assert looks_personal(value)
    shown = shown_value(value)
    assert shown == value[0] + "***"


@pytest.mark.parametrize(
    "value",
    [
        "Đã trả kết quả",
        "Hồ sơ mới",  # "Hồ" is a family name, but the words are not a name's
        "Đúng hạn",
        "03/03/2025",
        "H48.25-0001",
        "UBND xã Tịnh Khê",
        "Trực tuyến",
        "75000",
        "Hồ sơ bổ sung",
        "Chờ ý kiến lãnh đạo",
        "000.00.24.H48-250301-0001",  # a national dossier code
        "20250305143000",  # a date-time of the national sync record
        "1.000.000",
    ],
)
def test_statuses_dates_codes_and_units_are_shown_as_written_issue13(value) -> None:
    assert not looks_personal(value)
    assert shown_value(value) == value


def test_a_personal_column_is_masked_whatever_its_text_issue13() -> None:
    assert shown_value("abc", personal=True) == "a***"
    assert shown_value("", personal=True) == ""
    assert shown_value(None) is None


def test_a_long_cell_is_judged_at_once_and_shown_cut_issue13() -> None:
    import time

    started = time.monotonic()
    for text in ("x" * 900_000, "a@" * 300_000, "Nguyễn " * 100_000):
        looks_personal(text)
    assert time.monotonic() - started < 1  # it took minutes (a regex on a run of text)
    shown = shown_value("Chờ xử lý " + "rất lâu " * 4000)
    assert shown is not None and len(shown) == 201 and shown.endswith("…")


def test_a_long_number_is_masked_where_numbers_are_listed_issue13() -> None:
    from cchc_cli.issues import shown_number

    assert shown_number("51203001234") == "5***"  # an ID whose leading zero a cell dropped
    assert shown_number("12") == "12"  # a vocabulary's code
