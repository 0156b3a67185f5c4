"""Numbers as officers read them: Vietnamese marks (1.234; 95,8%) or English ones."""

from __future__ import annotations


def whole(value: int, lang: str) -> str:
    """A whole number with thousands separators: 1.234 in Vietnamese, 1,234 in English."""
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "vi" else text


def count(value: float | None, lang: str) -> str:
    """Whole numbers with thousands separators (1.234 in vi, 1,234 in en)."""
    if value is None:
        return "—"
    if float(value).is_integer():
        return whole(int(value), lang)
    return f"{value:g}".replace(".", ",") if lang == "vi" else f"{value:g}"
