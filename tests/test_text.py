"""text.py: how header and label texts are compared (normalize_label, match_key,
fold_diacritics): case, diacritics, Unicode forms, spacing and stray characters."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_cli.text import fold_diacritics, match_key, normalize_label


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ngày hẹn trả", "ngày hẹn trả"),
        ("  NGÀY HẸN TRẢ:  ", "ngày hẹn trả"),
        ("Ngày\nhẹn   trả (*)", "ngày hẹn trả"),
        ("(Mã hồ sơ)", "mã hồ sơ"),
        ("Đơn vị/ cá nhân giải quyết", "đơn vị/cá nhân giải quyết"),
        (unicodedata.normalize("NFD", "Ngày tiếp nhận"), "ngày tiếp nhận"),
        ("Phí, lệ phí.", "phí, lệ phí"),
        ("\ufeffMã\u200b hồ sơ", "mã hồ sơ"),
    ],
)
def test_normalize_label(raw: str, expected: str) -> None:
    assert normalize_label(raw) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ngay hen tra", "Ngày hẹn trả"),
        ("ĐƠN VỊ", "don vi"),
        (unicodedata.normalize("NFD", "Lĩnh vực"), "Linh vuc"),
        ("Số hồ sơ", "so ho so"),
    ],
)
def test_match_key_ignores_diacritics_case_and_form(a: str, b: str) -> None:
    assert match_key(a) == match_key(b)


def test_fold_keeps_base_letters() -> None:
    assert fold_diacritics("Đức Phổ") == "Duc Pho"


@given(st.text())
def test_normalize_label_is_idempotent(text: str) -> None:
    once = normalize_label(text)
    assert normalize_label(once) == once


@given(st.text())
def test_match_key_is_idempotent(text: str) -> None:
    once = match_key(text)
    assert match_key(once) == once


def test_match_key_of_punctuation_under_a_combining_mark() -> None:
    # found by hypothesis: folding "0.̀" exposed a trailing "." the first pass had kept
    assert match_key("0.\u0300") == match_key(match_key("0.\u0300")) == "0"


def _golden_texts() -> list[str]:
    from golden_rows import FEB, HEADER, MAR

    return [*HEADER, *(str(v) for row in [*FEB, *MAR] for v in row if v is not None)]


def test_unicode_exports_are_not_taken_for_a_legacy_encoding_issue13() -> None:
    from cchc_cli.text import legacy_encoding

    assert legacy_encoding(_golden_texts()) is None
    # symbols real text uses, and a few odd letters among many accented cells
    assert legacy_encoding([*_golden_texts(), "10×20 m²", "«Hộ tịch»", "Muñoz"]) is None


def test_text_typed_in_tcvn3_or_vni_is_recognised_issue13() -> None:
    from cchc_cli.text import legacy_encoding
    from legacy_fonts import to_tcvn3, to_vni

    tcvn3 = legacy_encoding([to_tcvn3(t) for t in _golden_texts()])
    vni = legacy_encoding([to_vni(t) for t in _golden_texts()])
    assert tcvn3 is not None and tcvn3[0] == "TCVN3"
    assert vni is not None and vni[0] == "VNI"
