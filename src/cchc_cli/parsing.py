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
import pyarrow as pa
import pyarrow.compute as pc

from cchc_cli.text import match_key

# Date forms, day first (D3). Explicit [0-9] and spaces: these patterns also run in RE2 (Arrow),
# whose \d and \s are ASCII-only while Python's are Unicode. Named groups serve both engines.
_TIME = r"(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2})(?:\.[0-9]+)?)?"
_DMY = r"(?P<day>[0-9]{1,2})[/.-](?P<month>[0-9]{1,2})[/.-](?P<year>[0-9]{4})"
# Date and time may also be split over two lines of one cell (Alt+Enter, <br> in HTML).
_GAP = r"[ \t\r\n]+"
DATE_PATTERNS: dict[str, str] = {
    # yyyy-mm-dd[ HH:MM[:SS]] (also what the xlsx reader renders for real date cells)
    "iso": (
        r"^(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})"
        rf"(?:(?:{_GAP}|T){_TIME})?$"
    ),
    # dd/mm/yyyy[ HH:MM[:SS]], separators / - .
    "dmy": rf"^{_DMY}(?:{_GAP}{_TIME})?$",
    # HH:MM[:SS] dd/mm/yyyy
    "hm_dmy": rf"^{_TIME}{_GAP}{_DMY}$",
    # yyyyMMdd[HHmm[ss]]: the national sync record (DVCQG) writes yyyyMMddHHmmss.
    "compact": (
        r"^(?P<year>[0-9]{4})(?P<month>[0-9]{2})(?P<day>[0-9]{2})"
        r"(?:(?P<hour>[0-9]{2})(?P<minute>[0-9]{2})(?P<second>[0-9]{2})?)?$"
    ),
    # HH:MM, dd/mm/yyyy (Tân Dân's FORMAT_TIME, see profiles/data/tandan.yaml).
    "hm_comma_dmy": rf"^{_TIME},[ \t]*{_DMY}$",
    # dd/mm/yyyy, then a note on the next line of the cell (PMNM Một cửa writes "Lý do không
    # XL: …" under the return date; see profiles/data/pmnm.yaml).
    "dmy_note": rf"^{_DMY}[ \t]*[\r\n][\s\S]*$",
}
# Every named date form a profile may list (D3, D12); "excel_serial" is a number of days.
DATE_FORMS: tuple[str, ...] = (*DATE_PATTERNS, "excel_serial")
# The forms of D3 that every source may use; a profile adds others.
STANDARD_DATE_FORMS: tuple[str, ...] = ("iso", "dmy", "hm_dmy", "compact", "excel_serial")
# A bare number in a label column (a code), "5" or "5.0" as spreadsheets write it.
NUMBER_CODE = re.compile(r"^([0-9]+)(?:\.0+)?$")
_UNITS = ("year", "month", "day", "hour", "minute", "second")
_COMPILED = {name: re.compile(p) for name, p in DATE_PATTERNS.items()}
_SERIAL_PATTERN = r"^[0-9]+(?:\.[0-9]+)?$"
_SERIAL = re.compile(_SERIAL_PATTERN)
# What the xlsx reader renders a real date cell as; a cell that keeps milliseconds (a system's
# timestamp) has them after the seconds, and like the "iso" form they are dropped.
# A time past 23:59:59 (a "second 60") is left to the "iso" form, which calls it impossible.
_FAST_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2} (?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?$"
)
_TRIM = " \t\r\n\x0b\x0c\xa0"
EXCEL_EPOCH = datetime(1899, 12, 30)
MIN_YEAR, MAX_YEAR = 1900, 2100
# Excel serial numbers are accepted from 2000-01-01 (36526) to 2099-12-31 (73050): a bare
# number below that in a date column is a year ("2025") or a count, never a dossier date.
MIN_SERIAL = 36526.0
MAX_SERIAL = 73050.0
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
    return text.strip(_TRIM)


def parse_date(text: str | None, forms: tuple[str, ...] = STANDARD_DATE_FORMS) -> datetime | None:
    """A day-first date/time, or None for blank; raises ParseProblem when it is not a date.

    `forms` are the named date forms the source writes (DATE_FORMS).
    """
    if text is None:
        return None
    text = _strip(text)
    if not text:
        return None
    for name, pattern in _COMPILED.items():
        if name not in forms:
            continue
        match = pattern.match(text)
        if match:
            groups = match.groupdict()
            parts = [int(groups.get(unit) or 0) for unit in _UNITS]
            try:
                value = datetime(*parts)  # type: ignore[arg-type]
            except ValueError:
                raise ParseProblem(DATE_IMPOSSIBLE) from None
            if not MIN_YEAR <= value.year <= MAX_YEAR:
                raise ParseProblem(DATE_IMPOSSIBLE)
            return value
    if "excel_serial" in forms and _SERIAL.match(text):
        serial = float(text)
        if MIN_SERIAL <= serial <= MAX_SERIAL:
            return _serial_to_datetime(serial)
    raise ParseProblem(DATE_UNPARSEABLE)


def _serial_to_datetime(serial: float) -> datetime:
    # Excel stores times as fractions of a day; round to the second as Excel displays them.
    seconds = round(serial * 86400)
    return EXCEL_EPOCH + timedelta(seconds=seconds)


def arrow_strings(values: pd.Series) -> pa.ChunkedArray:
    """The column as an Arrow large_string array (zero-copy for Arrow-backed strings)."""
    array = pa.array(values.array, type=pa.large_string(), from_pandas=True)
    return array if isinstance(array, pa.ChunkedArray) else pa.chunked_array([array])


def parse_dates(
    values: pd.Series, forms: tuple[str, ...] = STANDARD_DATE_FORMS
) -> tuple[pd.Series, pd.Series]:
    """Vectorised parse_date: (datetime64[s] series, series of problem codes or None)."""
    count = len(values)
    text = pc.utf8_trim(arrow_strings(values), characters=_TRIM)
    result = np.full(count, np.datetime64("NaT"), dtype="datetime64[s]")
    problems = np.full(count, None, dtype=object)
    todo = pc.fill_null(pc.greater(pc.utf8_length(text), 0), False).to_numpy(zero_copy_only=False)
    if todo.any() and "iso" in forms:
        # Fast path on the filled cells only: the form the xlsx reader renders real date cells in.
        positions = np.flatnonzero(todo)
        subset = text.take(pa.array(positions))
        fast_shape = pc.fill_null(pc.match_substring_regex(subset, _FAST_PATTERN), False)
        seconds_only = pc.utf8_slice_codeunits(subset, 0, 19)
        fast = (
            pc.strptime(
                pc.if_else(fast_shape, seconds_only, pa.scalar(None, subset.type)),
                format="%Y-%m-%d %H:%M:%S",
                unit="s",
                error_is_null=True,
            )
            .to_numpy(zero_copy_only=False)
            .astype("datetime64[s]")
        )
        years = fast.astype("datetime64[Y]").astype(np.int64) + 1970
        fast_ok = ~np.isnat(fast) & (years >= MIN_YEAR) & (years <= MAX_YEAR)
        # Arrow's strptime rolls an impossible day over (30 February -> 2 March): such a cell
        # must be judged by the "iso" form below, which calls it impossible (D3). A rolled day
        # lands on the 1st to the 3rd: only those are checked against the day written.
        parsed_day = (fast.astype("datetime64[D]") - fast.astype("datetime64[M]")).astype(
            np.int64
        ) + 1
        suspect = np.flatnonzero(fast_ok & (parsed_day <= 3))
        if suspect.size:
            written = pc.utf8_slice_codeunits(subset.take(pa.array(suspect)), 8, 10)
            written_day = pc.cast(written, pa.int64()).to_numpy(zero_copy_only=False)
            fast_ok[suspect[written_day != parsed_day[suspect]]] = False
        result[positions[fast_ok]] = fast[fast_ok]
        todo[positions[fast_ok]] = False
    for name, pattern in DATE_PATTERNS.items():
        if not todo.any():
            break
        if name not in forms:
            continue
        positions = np.flatnonzero(todo)
        subset = text.take(pa.array(positions))
        groups = pc.extract_regex(subset, pattern)
        matched = pc.is_valid(groups).to_numpy(zero_copy_only=False)
        if not matched.any():
            continue
        parts = {unit: _int_field(groups, unit) for unit in _UNITS}
        parsed = _assemble(parts)
        hit = positions[matched]
        good = ~np.isnat(parsed[matched])
        result[hit[good]] = parsed[matched][good]
        problems[hit[~good]] = DATE_IMPOSSIBLE
        todo[hit] = False
    if todo.any() and "excel_serial" in forms:
        positions = np.flatnonzero(todo)
        subset = text.take(pa.array(positions))
        serial_like = pc.fill_null(pc.match_substring_regex(subset, _SERIAL_PATTERN), False)
        serials = pc.cast(
            pc.if_else(serial_like, subset, pa.scalar(None, subset.type)), pa.float64()
        ).to_numpy(zero_copy_only=False)
        in_range = (serials >= MIN_SERIAL) & (serials <= MAX_SERIAL)  # NaN compares False
        seconds = np.round(serials[in_range] * 86400).astype("int64")
        result[positions[in_range]] = np.datetime64(EXCEL_EPOCH, "s") + seconds.astype(
            "timedelta64[s]"
        )
        todo[positions[in_range]] = False
    problems[todo] = DATE_UNPARSEABLE
    return (
        pd.Series(result, index=values.index, dtype="datetime64[s]"),
        pd.Series(problems, index=values.index, dtype=object),
    )


def _int_field(groups: pa.ChunkedArray | pa.Array, name: str) -> np.ndarray:
    # RE2 gives "" for an optional group that did not take part (no time of day), and a form
    # without a time has no such group at all: zero.
    struct_type = groups.type
    if all(struct_type.field(i).name != name for i in range(struct_type.num_fields)):
        return np.zeros(len(groups), dtype=np.int64)
    field = pc.struct_field(groups, name)
    field = pc.if_else(pc.equal(field, ""), "0", field)
    return pc.cast(pc.fill_null(field, "0"), pa.int64()).to_numpy(zero_copy_only=False)


def _assemble(parts: dict[str, np.ndarray]) -> np.ndarray:
    """datetime64[s] from components; impossible calendar dates become NaT."""
    year, month, day = parts["year"], parts["month"], parts["day"]
    hour, minute, second = parts["hour"], parts["minute"], parts["second"]
    valid = (
        (year >= MIN_YEAR)
        & (year <= MAX_YEAR)
        & (month >= 1)
        & (month <= 12)
        & (day >= 1)
        & (hour <= 23)
        & (minute <= 59)
        & (second <= 59)
    )
    months = (np.where(valid, year, 2000) - 1970) * 12 + np.where(valid, month, 1) - 1
    first = months.astype("datetime64[M]")
    days_in_month = ((first + 1).astype("datetime64[D]") - first.astype("datetime64[D]")).astype(
        np.int64
    )
    valid &= day <= days_in_month
    stamp = first.astype("datetime64[D]").astype("datetime64[s]") + (
        (np.where(valid, day, 1) - 1) * 86400 + hour * 3600 + minute * 60 + second
    ).astype("timedelta64[s]")
    return np.where(valid, stamp, np.datetime64("NaT", "s"))


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
# a unit after the number: VND for fees, "%" for a rate typed as the portal shows it ("87,5%")
_CURRENCY = re.compile(r"(?i)\s*(vnđ|vnd|đồng|đ|%)\s*$")
_VN_GROUPED = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?$")
_EN_GROUPED = re.compile(r"^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$")
_PLAIN = re.compile(r"^[0-9]+(?:[.,][0-9]+)?$")


def parse_amount(text: str | None) -> float | None:
    """A non-negative VND amount: `1.500.000`, `1,500,000`, `150000 đ` all read; a rate typed
    with its percent sign (`87,5%`) reads 87.5; None if blank."""
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
    match = re.fullmatch(r"([0-9]{1,15})(?:\.0+)?", stripped)
    if not match:  # more than 15 digits is a typing slip, and would not fit a column anyway
        raise ParseProblem(INTEGER_INVALID)
    return int(match.group(1))


def parse_text(text: str | None) -> str | None:
    """Trimmed text with inner whitespace runs kept; None if blank."""
    if text is None:
        return None
    stripped = _strip(text)
    return stripped or None
