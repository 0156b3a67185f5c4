"""The common shape of every sheet read (a text grid keyed by the row number the officer sees)
and the dispatch from sniffed format to reader."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import pandas as pd

from cchc_cli.catalogue import Phrase, phrase


class FileFormat(StrEnum):
    """Real content format, decided by sniffing bytes, never by the extension."""

    XLSX = "xlsx"
    XLS = "xls"
    ODS = "ods"
    HTML_XLS = "html-xls"
    CSV = "csv"


@dataclass(frozen=True, slots=True)
class MergedRange:
    """A merged cell block: rows as the officer sees them, columns 0-based in the grid."""

    first_row: int
    first_col: int
    last_row: int
    last_col: int


@dataclass
class RawSheet:
    """One sheet (or HTML table stack, or CSV file) as text cells.

    `cells` has one string column per sheet column (0..n-1) and is indexed by the 1-based row
    number the officer sees in a spreadsheet program. Missing cells are <NA>.
    """

    name: str
    cells: pd.DataFrame
    merges: list[MergedRange] | None = None
    # Extra facts for `cchc inspect`, e.g. the CSV encoding and delimiter.
    details: dict[str, str] = field(default_factory=dict)


class UnreadableFile(Exception):
    """The content could not be parsed in its sniffed format; `reason` says why: a catalogue
    `Phrase`, or the text of the library that failed (not ours to translate)."""

    def __init__(self, reason: Phrase | str) -> None:
        super().__init__(reason)

    @property
    def reason(self) -> Phrase | str:
        """Why, to put into words in the officer's language (`file.unreadable`'s {reason})."""
        return self.args[0]


def text_frame(rows: list[list[str | None]], first_row: int = 1) -> pd.DataFrame:
    """A grid DataFrame of Arrow strings from Python rows (ragged rows are padded)."""
    width = max((len(r) for r in rows), default=0)
    padded = [r + [None] * (width - len(r)) for r in rows]
    frame = pd.DataFrame(padded, columns=range(width), dtype="string[pyarrow]")
    frame.index = pd.RangeIndex(first_row, first_row + len(rows))
    return frame


def sniff(head: bytes) -> FileFormat | None:
    """Decide the format from the first bytes; None when the content is binary garbage."""
    if head.startswith(b"PK\x03\x04"):
        return FileFormat.XLSX
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return FileFormat.XLS
    sample = head[:8192]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        lowered = sample.decode("utf-16", errors="ignore").lower()
    else:
        lowered = sample.decode("utf-8", errors="ignore").lower()
    if any(tag in lowered for tag in ("<table", "<html", "<!doctype html", "<?xml")):
        return FileFormat.HTML_XLS
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    return FileFormat.CSV


def read_file(content: bytes, stem: str) -> tuple[FileFormat, list[RawSheet]]:
    """Sniff `content` and read every sheet; raises UnreadableFile with a reason."""
    fmt = sniff(content[:8192])
    if fmt is None:
        raise UnreadableFile(phrase("reader.not_a_table_file"))
    if fmt in (FileFormat.XLSX, FileFormat.XLS):
        from cchc_cli.readers.workbook import read_workbook

        fmt, sheets = read_workbook(content, fmt)
        return fmt, sheets
    if fmt is FileFormat.HTML_XLS:
        from cchc_cli.readers.html import read_html

        return fmt, read_html(content, stem)
    from cchc_cli.readers.delimited import read_delimited

    return fmt, read_delimited(content, stem)
