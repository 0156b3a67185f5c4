"""Limits an input file must keep before any parser sees it (issue 13): a file a colleague or
a broken system hands over must not freeze an office laptop or kill a nightly job.

What a zip container (.xlsx, .ods) declares is read from its central directory, which the
format sniffing opens anyway; a sheet's dimension and the shared-strings count from the first
bytes of their parts. Real exports stay far inside every default (a 1M-row export: one 145 MB
file, a 1.4 GB sheet part at 9:1, 30 columns); each limit can be raised with its environment
variable, for the rare real file past it.
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

from cchc_cli.catalogue import Count, phrase
from cchc_cli.readers.grid import OverLimit, UnreadableFile
from cchc_cli.readers.zip_end import ZIP_MEMBERS, declared_members

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The limits in force; `from_environment` reads the CCHC_MAX_* overrides."""

    file_mb: int = 2048  # CCHC_MAX_FILE_MB: any input file, before it is read
    unzipped_mb: int = 8192  # CCHC_MAX_UNZIPPED_MB: a workbook's parts once inflated, in all
    zip_ratio: int = 100  # CCHC_MAX_ZIP_RATIO: inflated/compressed, for a part over 16 MiB
    zip_members: int = ZIP_MEMBERS  # CCHC_MAX_ZIP_MEMBERS: parts in a workbook
    columns: int = 1_000  # CCHC_MAX_COLUMNS: columns a sheet holds (CSV, HTML, grid read)
    cells_million: int = 200  # CCHC_MAX_CELLS_MILLION: rows x columns a sheet declares
    csv_field_kb: int = 1024  # CCHC_MAX_CSV_FIELD_KB: one CSV cell (Python's csv stops at 128)
    # CCHC_MAX_READER_MB: memory of the process reading a workbook; 0 = derived from the file
    # (`workbook.reader_budget`: 256 MB + 3x its inflated parts, or 8x a legacy .xls)
    reader_mb: int = 0

    @classmethod
    def from_environment(cls) -> Limits:
        """The defaults, each replaced by its CCHC_MAX_* variable when that is a positive
        whole number (anything else is ignored)."""
        values = {}
        for name in cls.__dataclass_fields__:
            text = os.environ.get(f"CCHC_MAX_{name.upper()}", "").strip()
            if text.isdigit() and int(text) > 0:
                values[name] = int(text)
        return cls(**values)


# A part smaller than this is not judged by its ratio: small XML parts compress very well.
_RATIO_FLOOR = 16 * MIB
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
_UNIQUE = re.compile(rb'<(?:\w+:)?sst\b[^>]*\buniqueCount="(\d+)"')
# The smallest shared string, `<si><t/></si>`: a count above size / 13 cannot be true.
_SMALLEST_STRING = 13


def over_limit(name: str, value: Count | str, limit: Count | str) -> OverLimit:
    """The refusal of a file past a limit: what was found, the limit and its variable."""
    return OverLimit(
        phrase(f"limit.{name}", value=value, limit=limit, variable=f"CCHC_MAX_{name.upper()}")
    )


def check_size(size: int, limits: Limits) -> None:
    """Refuse a file larger than the file limit before reading a byte of it."""
    if size > limits.file_mb * MIB:
        raise over_limit("file_mb", Count(round(size / MIB), " MB"), Count(limits.file_mb, " MB"))


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + (letter - ord("A") + 1)
    return number


def check_zip_members(handle: BinaryIO, limits: Limits) -> None:
    """Refuse a zip declaring more parts than the limit, before its directory is loaded."""
    count = declared_members(handle)
    if count is not None and count > limits.zip_members:
        raise over_limit("zip_members", Count(count), Count(limits.zip_members))


def check_zip(archive: zipfile.ZipFile, limits: Limits) -> int:
    """Refuse a zip container whose declared contents exceed the limits: too many parts, too
    much once inflated, a part inflating far more than real exports do (a zip bomb), a sheet
    declaring more columns or cells than allowed, a shared-strings count its part cannot hold
    (a count that lies makes the Rust reader reserve memory for it and abort). Returns the
    bytes the parts declare once inflated."""
    members = archive.infolist()
    if len(members) > limits.zip_members:
        raise over_limit("zip_members", Count(len(members)), Count(limits.zip_members))
    total = sum(m.file_size for m in members)
    if total > limits.unzipped_mb * MIB:
        raise over_limit(
            "unzipped_mb", Count(round(total / MIB), " MB"), Count(limits.unzipped_mb, " MB")
        )
    for member in members:
        if member.file_size >= _RATIO_FLOOR:
            ratio = member.file_size / max(member.compress_size, 1)
            if ratio > limits.zip_ratio:
                found, limit = Count(round(ratio), ":1"), Count(limits.zip_ratio, ":1")
                raise over_limit("zip_ratio", found, limit)
    for member in members:
        name = member.filename.lower()
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            _check_dimension(_head(archive, member), limits)
        elif name == "xl/sharedstrings.xml":
            _check_strings(_head(archive, member), member.file_size)
    return total


def _head(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    # The dimension and the count sit in the first element of their parts.
    try:
        with archive.open(member) as part:
            return part.read(4096)
    except Exception as exc:  # BadZipFile, zlib.error, EOFError: a damaged part
        raise UnreadableFile(phrase("reader.corrupt_zip", detail=str(exc))) from exc


def _check_dimension(head: bytes, limits: Limits) -> None:
    found = _DIMENSION.search(head)
    if found is None:
        return
    # the reader's grid starts at A1 whatever the range's first cell
    first_col, first_row = _column_number(found.group(1)), int(found.group(2))
    columns = max(first_col, _column_number(found.group(3)) if found.group(3) else 0)
    rows = max(first_row, int(found.group(4)) if found.group(4) else 0)
    shown = found.group(0).split(b'"')[1].decode("ascii")
    # Not the columns alone: a banner row formatted out to column XFD declares 16,384 columns
    # and costs the reader nothing (it keeps no empty cell); the columns read are checked on
    # the grid (workbook.py). The cells: one character in XFD1048576 aborted the reader.
    cells = columns * rows
    if cells > limits.cells_million * 1_000_000:
        raise over_limit(
            "cells_million", Count(cells, f" ({shown})"), Count(limits.cells_million * 1_000_000)
        )


def _check_strings(head: bytes, size: int) -> None:
    found = _UNIQUE.search(head)
    if found is not None and int(found.group(1)) > size // _SMALLEST_STRING + 1:
        raise OverLimit(
            phrase("reader.strings_count_lies", count=Count(int(found.group(1))), size=Count(size))
        )
