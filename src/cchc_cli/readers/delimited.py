"""CSV exports: UTF-8 (with or without BOM), UTF-16 with BOM, cp1258; `,` `;` or tab."""

from __future__ import annotations

import csv
import io

from cchc_cli.readers.grid import RawSheet, UnreadableFile, text_frame

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
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        wide = [c for c in counts if c > 1]
        if not wide:
            continue
        widest = max(wide)
        score = (sum(1 for c in counts if c == widest), widest)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_delimited(content: bytes, stem: str) -> list[RawSheet]:
    """The whole file as one sheet named after the file, as Excel names it."""
    try:
        text, encoding = decode_csv(content)
    except UnicodeDecodeError as exc:
        raise UnknownEncoding("encoding") from exc
    sample = [line for line in text.splitlines()[:60] if line.strip()]
    delimiter = sniff_delimiter(sample)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str | None]] = [[cell or None for cell in row] for row in reader]
    return [
        RawSheet(
            name=stem[:31],
            cells=text_frame(rows),
            details={"encoding": encoding, "delimiter": {"\t": "tab"}.get(delimiter, delimiter)},
        )
    ]
