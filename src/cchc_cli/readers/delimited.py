"""CSV exports: UTF-8 (with or without BOM), UTF-16 with BOM, cp1258; `,` `;` or tab."""

from __future__ import annotations

import csv
import io
from collections import Counter

from cchc_cli.catalogue import Count, phrase
from cchc_cli.readers.grid import OverLimit, RawSheet, UnreadableFile, text_frame
from cchc_cli.readers.limits import Limits, over_limit

DELIMITERS = (",", ";", "\t")


class UnknownEncoding(UnreadableFile):
    """None of the encodings officers' tools write decodes the file."""


def decode_csv(content: bytes) -> tuple[str, str]:
    """(text, encoding name)."""
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16"), "utf-16"
    for encoding in ("utf-8", "cp1258"):
        try:
            return content.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise UnknownEncoding("encoding")


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the most sample lines into the same, largest number of fields."""
    best, best_score = ",", (-1, -1)
    for delimiter in DELIMITERS:
        try:
            counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:  # a field past the limit with this delimiter: not the one
            continue
        wide = [c for c in counts if c > 1]
        if not wide:
            continue
        widest = max(wide)
        score = (sum(1 for c in counts if c == widest), widest)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_delimited(content: bytes, stem: str, limits: Limits | None = None) -> list[RawSheet]:
    """The whole file as one sheet named after the file, as Excel names it.

    Refused (UnreadableFile) rather than read wrong: a cell past the field limit, more columns
    than the column limit, and a quote opened and never closed, which makes the csv module read
    every following line into one cell (5 rows of 30 read, and nothing said).
    """
    limits = limits or Limits.from_environment()
    try:
        text, encoding = decode_csv(content)
    except UnicodeDecodeError as exc:
        raise UnknownEncoding("encoding") from exc
    # The csv module's field limit is process-wide: every reader sets the same value.
    csv.field_size_limit(limits.csv_field_kb * 1024)
    sample = [line for line in text.splitlines()[:60] if line.strip()]
    delimiter = sniff_delimiter(sample)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str | None]] = []
    ended = 0  # the physical line the last complete row ended on
    try:
        for row in reader:
            rows.append([cell or None for cell in row])
            ended = reader.line_num
            if len(row) > limits.columns:
                raise over_limit("columns", Count(len(row)), Count(limits.columns))
    except csv.Error as exc:
        if "field limit" not in str(exc):
            raise UnreadableFile(str(exc).splitlines()[0][:200]) from exc
        # most often a quote never closed: the cell runs on until the limit
        raise OverLimit(
            phrase(
                "reader.csv_field_too_long",
                line=ended + 1,
                limit=Count(limits.csv_field_kb, " KB"),
                variable="CCHC_MAX_CSV_FIELD_KB",
            )
        ) from exc
    _check_quotes(rows, delimiter, text)
    return [
        RawSheet(
            name=stem[:31],
            cells=text_frame(rows),
            details={"encoding": encoding, "delimiter": {"\t": "tab"}.get(delimiter, delimiter)},
        )
    ]


# A cell with this many further lines that each look like a row of the table is rows swallowed
# by a quote, not a note: a real note rarely has even one such line.
_SWALLOWED_ROWS = 3


def _check_quotes(rows: list[list[str | None]], delimiter: str, text: str) -> None:
    """A quote opened and never closed makes the csv module read the lines after it into one
    cell. Refused, naming the line of its row, when the file ends inside that cell (the text
    does not end with the closing quote), or when the cell holds several further lines that are
    rows of the table (as many delimiters as a row has). A quoted note over several lines,
    delimiters in it or not, is kept."""
    widths = Counter(len(row) for row in rows if len(row) > 1)
    usual = widths.most_common(1)[0][0] if widths else 1
    needed = max(2, usual - 1)
    line = 1
    for index, row in enumerate(rows):
        for cell in row:
            if not cell or "\n" not in cell:
                continue
            further = cell.splitlines()[1:]
            swallowed = sum(1 for part in further if part.count(delimiter) >= needed)
            at_end = index == len(rows) - 1 and not text.rstrip().endswith('"')
            if swallowed >= _SWALLOWED_ROWS or at_end:
                raise UnreadableFile(phrase("reader.csv_unclosed_quote", line=line))
        line += 1 + sum(cell.count("\n") for cell in row if cell)
