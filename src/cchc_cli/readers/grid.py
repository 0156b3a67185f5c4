"""The common shape of every sheet read: a text grid keyed by the row number the officer sees.
Every reader returns these types; the dispatch between readers is `readers/dispatch.py`."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import pandas as pd

from cchc_cli.catalogue import Phrase


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


class OverLimit(UnreadableFile):
    """The file is past one of the limits of `readers/limits.py` (`file.over_limit`)."""


def text_frame(rows: list[list[str | None]], first_row: int = 1) -> pd.DataFrame:
    """A grid DataFrame of Arrow strings from Python rows (ragged rows are padded)."""
    width = max((len(r) for r in rows), default=0)
    padded = [r + [None] * (width - len(r)) for r in rows]
    frame = pd.DataFrame(padded, columns=range(width), dtype="string[pyarrow]")
    frame.index = pd.RangeIndex(first_row, first_row + len(rows))
    return frame
