"""Cell value parsers (DECISIONS D3): one scalar reference per kind and its vectorised twin.

The scalar parsers back the Pydantic models; the vectorised ones process whole columns. Both use
the same patterns, and a property test holds them equal on arbitrary text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
import pandas as pd

from cchc_cli.text import match_key

# Date forms, day first (D3). Explicit [0-9] and spaces: these patterns also run in RE2 (Arrow),
# whose \d and \s are ASCII-only while Python's are Unicode.
_TIME = r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?"
DATE_PATTERNS: dict[str, str] = {
    # yyyy-mm-dd[ HH:MM[:SS]] (also what the xlsx reader renders for real date cells)
    "iso": rf"^([0-9]{{4}})-([0-9]{{1,2}})-([0-9]{{1,2}})(?:[ T]+{_TIME})?$",
    # dd/mm/yyyy[ HH:MM[:SS]], separators / - .
    "dmy": rf"^([0-9]{{1,2}})[/.-]([0-9]{{1,2}})[/.-]([0-9]{{4}})(?: +{_TIME})?$",
    # HH:MM[:SS] dd/mm/yyyy
    "hm_dmy": rf"^{_TIME} +([0-9]{{1,2}})[/.-]([0-9]{{1,2}})[/.-]([0-9]{{4}})$",
}
# Group order per pattern: (year, month, day, hour, minute, second) as group indices.
_GROUP_ORDER: dict[str, tuple[int, int, int, int, int, int]] = {
    "iso": (0, 1, 2, 3, 4, 5),
    "dmy": (2, 1, 0, 3, 4, 5),
    "hm_dmy": (5, 4, 3, 0, 1, 2),
}
_COMPILED = {name: re.compile(p) for name, p in DATE_PATTERNS.items()}
_SERIAL = re.compile(r"^[0-9]+(?:\.[0-9]+)?$")
EXCEL_EPOCH = datetime(1899, 12, 30)
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_SERIAL = 73050.0  # 2099-12-31
DATE_UNPARSEABLE = "value.date_unparseable"
DATE_IMPOSSIBLE = "value.date_impossible"


@dataclass(frozen=True, slots=True)
class ParseProblem(ValueError):
    """Why a cell could not be parsed: an issue code from the catalogue."""

    code: str

    def __str__(self) -> str:
        return self.code


def _strip(text: str) -> str:
    # Python's str.strip and Arrow's utf8_trim_whitespace disagree on a few control characters;
    # trimming exactly this set keeps the scalar and vectorised parsers identical.
    return text.strip(" \t\r\n\x0b\x0c\xa0")


def parse_date(text: str | None) -> datetime | None:
    """A day-first date/time, or None for blank; raises ParseProblem when it is not a date."""
    if text is None:
        return None
    text = _strip(text)
    if not text:
        return None
    for name, pattern in _COMPILED.items():
        match = pattern.match(text)
        if match:
            groups = match.groups()
            order = _GROUP_ORDER[name]
            parts = [int(groups[i]) if groups[i] is not None else 0 for i in order]
            try:
                value = datetime(*parts)  # type: ignore[arg-type]
            except ValueError:
                raise ParseProblem(DATE_IMPOSSIBLE) from None
            if not MIN_YEAR <= value.year <= MAX_YEAR:
                raise ParseProblem(DATE_IMPOSSIBLE)
            return value
    if _SERIAL.match(text):
        serial = float(text)
        if 1 <= serial <= MAX_SERIAL:
            return _serial_to_datetime(serial)
    raise ParseProblem(DATE_UNPARSEABLE)


def _serial_to_datetime(serial: float) -> datetime:
    # Excel stores times as fractions of a day; round to the second as Excel displays them.
    seconds = round(serial * 86400)
    return EXCEL_EPOCH + timedelta(seconds=seconds)


def parse_dates(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Vectorised parse_date: (datetime64 series, series of problem codes or None)."""
    text = values.astype("string[pyarrow]").str.strip(" \t\r\n\x0b\x0c\xa0")
    present = text.notna() & (text != "")
    result = pd.Series(pd.NaT, index=values.index, dtype="datetime64[s]")
    problems = pd.Series(None, index=values.index, dtype="object")
    todo = present.to_numpy(dtype=bool, na_value=False).copy()
    if not todo.any():
        return result, problems
    # Fast path: the form the xlsx reader renders real date cells in.
    candidates = text[todo]
    fast = pd.to_datetime(candidates, format="%Y-%m-%d %H:%M:%S", errors="coerce")
    fast_ok = fast.notna() & candidates.str.fullmatch(
        r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}"
    ).fillna(False)
    fast_ok &= (fast.dt.year >= MIN_YEAR) & (fast.dt.year <= MAX_YEAR)
    ok_index = fast_ok[fast_ok].index
    result.loc[ok_index] = fast.loc[ok_index].astype("datetime64[s]")
    todo[values.index.get_indexer(ok_index)] = False
    for name, pattern in DATE_PATTERNS.items():
        if not todo.any():
            break
        subset = text[todo]
        groups = subset.str.extract(pattern, expand=True)
        matched = groups.iloc[:, 0].notna()
        if not matched.any():
            continue
        groups = groups[matched]
        order = _GROUP_ORDER[name]
        parts = {
            unit: pd.to_numeric(groups.iloc[:, i], errors="coerce").fillna(0).astype("int64")
            for unit, i in zip(("year", "month", "day", "hour", "minute", "second"), order, strict=True)
        }
        parsed = _assemble(parts)
        good = parsed.notna()
        result.loc[parsed.index[good]] = parsed[good]
        problems.loc[parsed.index[~good]] = DATE_IMPOSSIBLE
        todo[values.index.get_indexer(groups.index)] = False
    if todo.any():
        subset = text[todo]
        serial_like = subset.str.fullmatch(r"[0-9]+(?:\.[0-9]+)?").fillna(False)
        serials = pd.to_numeric(subset[serial_like], errors="coerce")
        in_range = (serials >= 1) & (serials <= MAX_SERIAL)
        serials = serials[in_range]
        seconds = np.round(serials.to_numpy(dtype="float64") * 86400).astype("int64")
        result.loc[serials.index] = (
            np.datetime64(EXCEL_EPOCH, "s") + seconds.astype("timedelta64[s]")
        )
        todo[values.index.get_indexer(serials.index)] = False
        problems.loc[values.index[todo]] = DATE_UNPARSEABLE
    return result, problems.astype(object).where(problems.notna(), None)


def _assemble(parts: dict[str, pd.Series]) -> pd.Series:
    """Build datetimes from components; impossible calendar dates become NaT."""
    year, month, day = parts["year"], parts["month"], parts["day"]
    valid = (
        (year >= MIN_YEAR)
        & (year <= MAX_YEAR)
        & (month >= 1)
        & (month <= 12)
        & (day >= 1)
        & (parts["hour"] <= 23)
        & (parts["minute"] <= 59)
        & (parts["second"] <= 59)
    )
    # Day within the month: compare against the month's length.
    safe_month = month.where(valid, 1).clip(1, 12)
    safe_year = year.where(valid, 2000).clip(MIN_YEAR, MAX_YEAR)
    first = pd.to_datetime(
        {"year": safe_year, "month": safe_month, "day": 1}, errors="coerce"
    )
    days_in_month = first.dt.days_in_month
    valid &= day <= days_in_month
    stamp = (
        first.astype("datetime64[s]")
        + pd.to_timedelta(day.where(valid, 1) - 1, unit="D")
        + pd.to_timedelta(parts["hour"].where(valid, 0), unit="h")
        + pd.to_timedelta(parts["minute"].where(valid, 0), unit="m")
        + pd.to_timedelta(parts["second"].where(valid, 0), unit="s")
    )
    return stamp.where(valid).astype("datetime64[s]")


# Booleans (D3). Prefix words "Đã …" / "Chưa …" follow the fixed words.
_TRUE_WORDS = {match_key(w) for w in ("x", "✓", "✔", "1", "có", "đúng", "true", "yes")}
_FALSE_WORDS = {match_key(w) for w in ("0", "không", "sai", "false", "no")}
BOOLEAN_UNKNOWN = "value.boolean_unknown"


def parse_boolean(text: str | None) -> bool:
    """True/False for a yes-no cell; blank is False (D3). Raises ParseProblem otherwise."""
    if text is None:
        return False
    stripped = _strip(text)
    if not stripped:
        return False
    key = match_key(stripped)
    number = re.fullmatch(r"([01])(?:\.0+)?", stripped)
    if number:
        return number.group(1) == "1"
    if key in _TRUE_WORDS:
        return True
    if key in _FALSE_WORDS:
        return False
    if key == "da" or key.startswith("da "):
        return True
    if key == "chua" or key.startswith("chua "):
        return False
    raise ParseProblem(BOOLEAN_UNKNOWN)


NUMBER_INVALID = "value.number_invalid"
INTEGER_INVALID = "value.integer_invalid"
_CURRENCY = re.compile(r"(?i)\s*(vnđ|vnd|đồng|đ)\s*$")
_VN_GROUPED = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?$")
_EN_GROUPED = re.compile(r"^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$")
_PLAIN = re.compile(r"^[0-9]+(?:[.,][0-9]+)?$")


def parse_amount(text: str | None) -> float | None:
    """A non-negative amount in VND; `1.500.000`, `1,500,000`, `150000 đ` all read. None if blank."""
    if text is None:
        return None
    stripped = _CURRENCY.sub("", _strip(text)).replace(" ", "")
    if not stripped:
        return None
    # In VND amounts a dot followed by exactly three digits groups thousands (1.500 = 1500).
    if _VN_GROUPED.match(stripped):
        return float(stripped.replace(".", "").replace(",", "."))
    if _EN_GROUPED.match(stripped):
        return float(stripped.replace(",", ""))
    if _PLAIN.match(stripped):
        return float(stripped.replace(",", "."))
    raise ParseProblem(NUMBER_INVALID)


def parse_count(text: str | None) -> int | None:
    """A non-negative whole number (e.g. the number of supplement requests); None if blank."""
    if text is None:
        return None
    stripped = _strip(text)
    if not stripped:
        return None
    match = re.fullmatch(r"([0-9]+)(?:\.0+)?", stripped)
    if not match:
        raise ParseProblem(INTEGER_INVALID)
    return int(match.group(1))


def parse_text(text: str | None) -> str | None:
    """Trimmed text with inner whitespace runs kept; None if blank."""
    if text is None:
        return None
    stripped = _strip(text)
    return stripped or None
