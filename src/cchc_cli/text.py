"""Text normalisation shared by header matching and vocabulary matching (DECISIONS D1)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TypeVar

T = TypeVar("T")

_SPACES = re.compile(r"\s+")
# Zero-width characters and stray byte-order marks that web exports leave inside header cells.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_SPACE_AROUND_SLASH = re.compile(r"\s*/\s*")
_EDGE_PUNCTUATION = ":*.() \t"


@lru_cache(maxsize=65536)
def normalize_label(text: str) -> str:
    """NFC, casefold, one space between words, surrounding `: * . ( )` stripped (D1).

    Idempotent: normalize_label(normalize_label(x)) == normalize_label(x).
    """
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text)).casefold()
    # casefold can produce characters whose NFC form differs (e.g. combining marks), so
    # normalise again before collapsing whitespace.
    text = unicodedata.normalize("NFC", text)
    text = _SPACES.sub(" ", text)
    # "Đơn vị/ cá nhân" and "Đơn vị/cá nhân" are the same header in different exports.
    text = _SPACE_AROUND_SLASH.sub("/", text)
    previous = None
    while previous != text:
        previous = text
        text = text.strip(_EDGE_PUNCTUATION)
    return text


def fold_diacritics(text: str) -> str:
    """Remove Vietnamese diacritics; `đ` folds to `d` (D1)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def match_key(text: str) -> str:
    """The key two labels are compared by when diacritics do not matter."""
    # Folding can expose edge punctuation that a combining mark hid ("0.̀"): normalise again.
    return normalize_label(fold_diacritics(normalize_label(text)))


def add_layer(lookup: dict[str, T], layer: dict[str, T]) -> None:
    """Lay a later source's keys (exact "x" and diacritic-free "~x") over `lookup`: its meaning
    of the same words wins, however an earlier source spelled them ("Chờ xử lý" over "Cho xu
    ly")."""
    folded = {key for key in layer if key.startswith("~")}
    for key in [k for k in lookup if not k.startswith("~")]:
        if "~" + match_key(key) in folded and key not in layer:
            del lookup[key]
    lookup.update(layer)


# Legacy Vietnamese font encodings (issue 13). Before Unicode, Vietnamese was typed in 8-bit
# fonts: TCVN3 (ABC, the .VnTime fonts) puts each accented letter on one code point of the
# Latin-1 range ("Hộ tịch" is stored as "Hé tÞch"), VNI puts a base letter and a mark ("Hoä
# tòch"). Read as Unicode, such text shows letters Vietnamese never uses. The sets are the
# characters of both tables (as converters write them: duydev/vietnamese-conversion,
# src/charsets.ts) that are not Vietnamese letters; "«" and "»" are left out, quotes real
# text uses.
_TCVN3_ONLY = frozenset("¡¢£¤¥¦§¨©ª¬\xad®µ¶·¸¹¼½¾ÇÐ×Þßç÷þ")
_LEGACY_SHARED = frozenset("ÆËÎÏÑÖØÜäåæëîïñöøûü")
_VNI_ONLY = frozenset("ÄÅÛ")
_LEGACY = _TCVN3_ONLY | _LEGACY_SHARED | _VNI_ONLY
# A sheet is judged legacy when this share of its cells with accented text shows such letters.
_LEGACY_SHARE = 0.3
_LEGACY_MINIMUM = 3


def legacy_encoding(texts: list[str]) -> tuple[str, str] | None:
    """("TCVN3" or "VNI", an example cell) when these cells read as text typed in a legacy
    Vietnamese font encoding; None when they read as Unicode (or hold no accented text)."""
    accented = suspect = tcvn3 = 0
    example = ""
    for text in texts:
        if text.isascii():
            continue
        accented += 1
        found = _LEGACY.intersection(text)
        if found:
            suspect += 1
            tcvn3 += bool(found & _TCVN3_ONLY)
            if not example or len(text) < len(example):
                example = text
    if suspect < _LEGACY_MINIMUM or suspect < _LEGACY_SHARE * accented:
        return None
    return ("TCVN3" if tcvn3 * 2 >= suspect else "VNI"), example[:60]


def first_legacy_text(texts: list[str]) -> str | None:
    """The first of `texts` that shows letters of a legacy font encoding, or None."""
    return next((text for text in texts if _LEGACY.intersection(text)), None)
