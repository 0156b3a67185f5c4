"""The Issue record: one problem found in the inputs, its code in the word catalogue."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cchc_cli.catalogue import ISSUES, Phrase, Severity, label
from cchc_cli.text import fold_diacritics

__all__ = [
    "ISSUES",
    "Issue",
    "Severity",
    "looks_personal",
    "make_issue",
    "mask_personal",
    "render_message",
    "shown_number",
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
def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FAMILY_NAMES = _word_set(
    """nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đoàn lâm
    trương lương mai trịnh hà cao tạ châu tô tôn thái quách lưu la kiều triệu khúc đàm tăng
    vương mạc từ thân khổng nông lò hứa diệp giáp kim lục phùng quan doãn ninh phí bạch cù hầu
    lã lại ngụy nghiêm phó sầm tiêu tống trình âu văn"""
)
# Middle names that mark a full name even in lower case ("nguyễn văn an", "trần thị hoa").
_MIDDLE_NAMES = _word_set("văn thị hữu đức công quang minh ngọc xuân thanh")
# The same without diacritics: names typed without them ("NGUYEN VAN AN", "Tran Thi Bich").
_FOLDED_FAMILY_NAMES = frozenset(fold_diacritics(name) for name in _FAMILY_NAMES)
_FOLDED_MIDDLE_NAMES = frozenset(fold_diacritics(name) for name in _MIDDLE_NAMES)
# Words put before a name ("Ông Nguyễn Văn An", "bà Trần Thị Hoa").
_TITLES = _word_set("ông bà anh chị cô chú bác em cụ")
# A run of digits with the separators people type in numbers ("0912-345-678", "(+84) 912
# 345 678", "051.203.001.234"); a date's slashes are not among them.
_NUMBER_RUN = re.compile(r"(?<!\w)\+?\(?\+?\d[\d\s.\-()]{6,24}\d(?!\w)")
_EMAIL = re.compile(r"[^@]+@[^@.]+(?:\.[^@.]+)+")
_EMAIL_SPELLED = re.compile(r"\w\s*[(\[]\s*(?:at|a còng)\s*[)\]]\s*\w", re.IGNORECASE)
_ADDRESS_WORDS = re.compile(
    r"(?<!\w)(?:số nhà|thôn|xóm|ấp|bản|tổ dân phố|khu phố|khu vực|đường|phố|phường|xã|"
    r"thị trấn|thị xã|quận|huyện|tỉnh|thành phố|tp\.?)(?!\w)",
    re.IGNORECASE,
)
# Characters that hide a word boundary or change a digit's form: zero-width, full-width.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# What a message shows of a cell at most: the start says what the value is.
SHOWN_CHARACTERS = 200


def _unjoined(text: str) -> str:
    """ "NguyễnVănAn" as "Nguyễn Văn An": a capital after a small letter starts a word."""
    out, before = [], " "
    for letter in text:
        if before.islower() and letter.isupper():
            out.append(" ")
        out.append(letter)
        before = letter
    return "".join(out)


def _personal_number(digits: str) -> bool:
    """An ID number (9 or 12 digits: CMND, CCCD) or a phone number (0 and 9-10 digits, or 84
    and 9-10)."""
    if len(digits) in (9, 12):
        return True
    if digits.startswith("0") and len(digits) in (10, 11):
        return True
    return digits.startswith("84") and len(digits) in (11, 12)


def _looks_like_a_name(words: list[str]) -> bool:
    """A Vietnamese full name among `words`: a family name (with or without its diacritics)
    followed by one to four given names, all capitalised, or with a middle name such as Văn or
    Thị in any case."""
    folded = [fold_diacritics(w.casefold().strip(".,;:()")) for w in words]
    for at, word in enumerate(folded):
        if word not in _FOLDED_FAMILY_NAMES:
            continue
        given = []
        for raw in words[at + 1 : at + 5]:
            clean = raw.strip(".,;:()")
            if not clean.replace("-", "").isalpha():
                break
            given.append(clean)
        if not given:
            continue
        head = words[at].strip(".,;:()")
        if head[:1].isupper() and all(g[:1].isupper() for g in given):
            return True
        if fold_diacritics(given[0].casefold()) in _FOLDED_MIDDLE_NAMES and len(given) >= 2:
            return True
    return False


def looks_personal(value: str) -> bool:
    """Whether a cell's text looks like it holds a person's name, phone, ID number, e-mail or
    address (anywhere in it): then it is masked in messages even when it sits in a column that
    holds no personal data (a row whose cells shifted put the applicant's name in the status
    column). Linear in the text's length: one long cell must not stall a run."""
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", value[: SHOWN_CHARACTERS * 4]))
    text = text.strip()
    for run in _NUMBER_RUN.finditer(text):
        if _personal_number(re.sub(r"\D", "", run.group())):
            return True
    for token in text.split():
        if "@" in token and _EMAIL.fullmatch(token):
            return True
    if _EMAIL_SPELLED.search(text) and "." in text:
        return True
    places = _ADDRESS_WORDS.findall(text)
    if len(places) >= 2 or (places and any(ch.isdigit() for ch in text)):
        return True
    words = _unjoined(text).replace("-", " ").replace("_", " ").split()
    if words and words[0].casefold() in _TITLES:
        if len(words) >= 2 and words[1][:1].isupper():
            return True  # "ông An", "Bà Hoa"
        words = words[1:]
    return _looks_like_a_name(words)


def shown_number(text: str) -> str:
    """A number from a cell as a message may show it: masked when it is long enough to be an
    ID or a phone number (a vocabulary's codes have one or two digits)."""
    return mask_personal(text) or text if sum(ch.isdigit() for ch in text) >= 7 else text


def shown_value(value: str | None, personal: bool = False) -> str | None:
    """A cell's text as a message may show it: masked when its column is personal or the text
    looks personal (`looks_personal`), and cut to its first SHOWN_CHARACTERS characters."""
    if value is None or value == "":
        return value
    if personal or looks_personal(str(value)):
        return mask_personal(value)
    text = str(value)
    return text if len(text) <= SHOWN_CHARACTERS else text[:SHOWN_CHARACTERS] + "…"
