"""The Issue record: one problem found in the inputs, its code in the word catalogue."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cchc_cli.catalogue import ISSUES, Phrase, Severity, label

__all__ = [
    "ISSUES",
    "Issue",
    "Severity",
    "looks_personal",
    "make_issue",
    "mask_personal",
    "render_message",
    "shown_value",
]


def render_message(code: str, lang: str, params: Mapping[str, Any]) -> str:
    """The catalogue's words for `code` in `lang` ("vi" or "en"), parameters filled in."""
    values = dict(params)
    if "required" in params and "consequence" not in params:
        tail = "consequence_required" if params["required"] else "consequence_optional"
        values["consequence"] = Phrase(tail)
    return label(code, lang, **values)


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in the inputs, located as the officer sees it."""

    code: str
    severity: Severity
    path: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "vi") -> str:
        """The message in the requested language."""
        return render_message(
            self.code, lang, {"value": self.value, "column": self.column, **self.params}
        )

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        """The D11 JSON form."""
        return {
            "code": self.code,
            "severity": str(self.severity),
            "path": self.path,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "message": self.message(lang),
        }


def make_issue(code: str, severity: Severity | None = None, **kwargs: Any) -> Issue:
    """Build an Issue with the catalogue's default severity unless one is given."""
    return Issue(code=code, severity=severity or ISSUES[code].severity, **kwargs)


def mask_personal(value: str | None) -> str | None:
    """Hide personal data in messages: keep the first character only."""
    if value is None or value == "":
        return value
    return value[0] + "***"


# The family names of about nine Vietnamese in ten (Wikipedia, "Vietnamese name": Nguyễn 38 %,
# Trần 11 %, Lê 9.5 %, Phạm 7.1 %, Hoàng/Huỳnh 5.1 %, Phan 4.5 %, Vũ/Võ 3.9 %, Đặng 2.1 %,
# Bùi 2 %, Đỗ 1.4 %, Hồ 1.3 %, Ngô 1.3 %, Dương 1 %, Lý 0.5 %) and the next most frequent.
_FAMILY_NAMES = frozenset(
    {
        "nguyễn",
        "trần",
        "lê",
        "phạm",
        "hoàng",
        "huỳnh",
        "phan",
        "vũ",
        "võ",
        "đặng",
        "bùi",
        "đỗ",
        "hồ",
        "ngô",
        "dương",
        "lý",
        "đinh",
        "đoàn",
        "lâm",
        "trương",
        "lương",
        "mai",
        "trịnh",
        "hà",
        "cao",
        "tạ",
        "châu",
        "tô",
        "tôn",
        "thái",
        "quách",
        "lưu",
        "la",
        "kiều",
        "triệu",
        "khúc",
    }
)
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
_PHONE = re.compile(r"(?:\+?84|0)\d{9,10}")
_ID_NUMBER = re.compile(r"\d{9}|\d{12}")  # identity card (CMND) and citizen card (CCCD)
_ADDRESS_WORDS = re.compile(
    r"\b(?:số nhà|thôn|xóm|ấp|tổ dân phố|khu phố|đường|phường|xã|quận|huyện|tỉnh|tp\.?)\s",
    re.IGNORECASE,
)


def looks_personal(value: str) -> bool:
    """Whether a cell's text looks like a person's name, phone, ID number, e-mail or address:
    then it is masked in messages even when it sits in a column that holds no personal data (a
    row whose cells shifted put the applicant's name in the status column)."""
    text = unicodedata.normalize("NFC", value).strip()
    compact = re.sub(r"[\s.\-()]", "", text)
    if _EMAIL.search(text) or _PHONE.fullmatch(compact) or _ID_NUMBER.fullmatch(compact):
        return True
    if any(ch.isdigit() for ch in text) and "," in text and _ADDRESS_WORDS.search(text + " "):
        return True
    words = text.split()
    return (
        2 <= len(words) <= 5
        and words[0].casefold() in _FAMILY_NAMES
        and all(w[0].isupper() and w.replace("-", "").isalpha() for w in words)
    )


def shown_value(value: str | None, personal: bool = False) -> str | None:
    """A cell's text as a message may show it: masked when its column is personal or the text
    looks personal (`looks_personal`)."""
    if value is None or value == "":
        return value
    return mask_personal(value) if personal or looks_personal(str(value)) else value
