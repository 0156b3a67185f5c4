"""Find the header row or merged header block of a sheet and map its columns (D1)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from cchc_cli.readers.grid import MergedRange, RawSheet
from cchc_cli.schema.aliases import AliasIndex
from cchc_cli.schema.fields import Dataset

HEADER_WINDOW = 40  # rows searched from the top (banner, motto, title and period lines)
MAX_HEADER_ROWS = 3


@dataclass(frozen=True, slots=True)
class HeaderColumn:
    """One column of the header block: grid index, text as the officer wrote it, field."""

    index: int
    text: str
    field: str | None


@dataclass
class HeaderMatch:
    """The header block found for one dataset and how its columns map."""

    dataset: Dataset
    first_row: int
    last_row: int
    columns: list[HeaderColumn]
    mapping: dict[str, int] = field(default_factory=dict)
    # (column text, field, text of the column that won) for fields named twice
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def header_rows(self) -> list[int]:
        return list(range(self.first_row, self.last_row + 1))

    @property
    def missing_required(self) -> list[str]:
        return self.dataset.missing_required(set(self.mapping))

    @property
    def score(self) -> int:
        return len(self.mapping)

    @property
    def unmapped(self) -> list[HeaderColumn]:
        return [c for c in self.columns if c.field is None and c.text]

    def text_of(self, field_name: str) -> str:
        """The header text as written for a mapped field."""
        index = self.mapping[field_name]
        return next(c.text for c in self.columns if c.index == index)


def _clean(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    return " ".join(str(value).split())


def _probe(sheet: RawSheet) -> tuple[list[int], list[list[str]]]:
    head = sheet.cells.head(HEADER_WINDOW)
    rows = [[_clean(v) for v in row] for row in head.itertuples(index=False, name=None)]
    return list(head.index), rows


def _block_levels(
    rows: list[list[str]],
    row_numbers: list[int],
    start: int,
    end: int,
    merges: list[MergedRange] | None,
) -> list[list[str]]:
    """Per column, the header texts of block rows start..end (grid positions), merges spread."""
    width = len(rows[0]) if rows else 0
    block = [list(rows[i]) for i in range(start, end + 1)]
    first_number, last_number = row_numbers[start], row_numbers[end]
    if merges is not None:
        for merge in merges:
            if merge.last_row < first_number or merge.first_row > last_number:
                continue
            origin_row = merge.first_row - first_number
            text = block[origin_row][merge.first_col] if 0 <= origin_row < len(block) else ""
            if not text and merge.first_row < first_number:
                # A rowspan that starts above the block (e.g. a title): not a header level.
                continue
            for r in range(
                max(merge.first_row, first_number), min(merge.last_row, last_number) + 1
            ):
                for c in range(merge.first_col, min(merge.last_col, width - 1) + 1):
                    block[r - first_number][c] = text
    else:
        # No merge information (xlsx through the fast reader): a group heading stands in its
        # first column only; spread it right over columns that have text below it.
        for level in range(len(block) - 1):
            below = [any(block[k][c] for k in range(level + 1, len(block))) for c in range(width)]
            carried = ""
            for c in range(width):
                if block[level][c]:
                    carried = block[level][c] if below[c] else ""
                elif below[c] and carried:
                    block[level][c] = carried
                else:
                    carried = ""
    return [[block[r][c] for r in range(len(block))] for c in range(width)]


def _columns_for(levels: list[list[str]], index: AliasIndex) -> list[HeaderColumn]:
    columns = []
    for c, texts in enumerate(levels):
        distinct: list[str] = []
        for text in texts:
            if text and (not distinct or distinct[-1] != text):
                distinct.append(text)
        if not distinct:
            columns.append(HeaderColumn(c, "", None))
            continue
        leaf = distinct[-1]
        joined = " ".join(distinct)
        field_name = index.lookup(leaf) or (index.lookup(joined) if len(distinct) > 1 else None)
        columns.append(HeaderColumn(c, " / ".join(distinct), field_name))
    return columns


def _match(
    dataset: Dataset, columns: list[HeaderColumn], first_row: int, last_row: int
) -> HeaderMatch:
    found = HeaderMatch(dataset, first_row, last_row, columns)
    winners: dict[str, str] = {}
    for column in columns:
        if column.field is None:
            continue
        if column.field in found.mapping:
            found.duplicates.append((column.text, column.field, winners[column.field]))
            continue
        found.mapping[column.field] = column.index
        winners[column.field] = column.text
    return found


def find_header(sheet: RawSheet, index: AliasIndex) -> HeaderMatch | None:
    """The best header block for one dataset within the first rows, or None if nothing matches."""
    row_numbers, rows = _probe(sheet)
    best: HeaderMatch | None = None
    best_key: tuple[int, int, int] | None = None
    for end in range(len(rows)):
        if not any(rows[end]):
            continue
        for height in range(1, MAX_HEADER_ROWS + 1):
            start = end - height + 1
            if start < 0:
                break
            levels = _block_levels(rows, row_numbers, start, end, sheet.merges)
            columns = _columns_for(levels, index)
            match = _match(index.dataset, columns, row_numbers[start], row_numbers[end])
            if match.score == 0:
                continue
            # More fields first; then the shorter block; then the one nearer the top.
            key = (match.score, -height, -end)
            if best_key is None or key > best_key:
                best, best_key = match, key
    return best
