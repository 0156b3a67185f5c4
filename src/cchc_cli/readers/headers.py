"""Find the header row or merged header block of a sheet, map its columns (D1) and choose the
vendor profile whose headers fit best (D12)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from cchc_cli import parsing
from cchc_cli.profiles.resolved import HeaderRule, Profile, header_keys
from cchc_cli.readers.grid import MergedRange, RawSheet
from cchc_cli.schema.fields import Dataset, Kind

HEADER_WINDOW = 40  # rows searched from the top (banner, motto, title and period lines)
MAX_HEADER_ROWS = 3


@dataclass(frozen=True, slots=True)
class HeaderColumn:
    """One column of the header block: grid index, text as the officer wrote it, field.

    `ignored` is True for a header the profile knows and deliberately leaves out (a step
    deadline, a countdown), with the profile's reason in `why`.
    """

    index: int
    text: str
    field: str | None
    priority: int = 1
    ignored: bool = False
    why: str = ""
    why_en: str = ""
    # The keys the column was looked up by (its leaf, then group + leaf).
    keys: tuple[str, ...] = ()


@dataclass
class HeaderMatch:
    """The header block found for one dataset under one profile, and how its columns map."""

    dataset: Dataset
    first_row: int
    last_row: int
    columns: list[HeaderColumn]
    profile: Profile
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
    def recognised(self) -> int:
        """Columns whose header the profile knows: read as a field, or deliberately left out."""
        return sum(1 for c in self.columns if c.field is not None or c.ignored)

    @property
    def unmapped(self) -> list[HeaderColumn]:
        return [c for c in self.columns if c.field is None and not c.ignored and c.text]

    def has_headers(self, signature: frozenset[str]) -> bool:
        """Whether every header of a profile's `detect` set stands in this header."""
        keys = {key for column in self.columns for key in column.keys}
        return signature <= keys

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


@dataclass(frozen=True, slots=True)
class BlockColumn:
    """A column of a candidate header block: its text and the keys it is looked up by (the leaf
    text first, then the group + leaf text)."""

    index: int
    text: str
    keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Block:
    """A candidate header block: 1 to 3 rows ending at `end` (a position in the probed rows).

    `columns` holds only the columns whose text some profile knows; `texts` every column's.
    """

    first_row: int
    last_row: int
    height: int
    end: int
    columns: tuple[BlockColumn, ...]
    texts: dict[int, str]


def header_blocks(sheet: RawSheet, known: frozenset[str] | set[str]) -> list[Block]:
    """Every candidate header block in the first rows that has a header some profile knows
    (`known`: every lookup key of every profile), its texts normalised once: the same blocks
    serve every profile and dataset."""
    row_numbers, rows = _probe(sheet)
    blocks: list[Block] = []
    for end in range(len(rows)):
        if not any(rows[end]):
            continue
        for height in range(1, MAX_HEADER_ROWS + 1):
            start = end - height + 1
            if start < 0:
                break
            levels = _block_levels(rows, row_numbers, start, end, sheet.merges)
            columns = []
            texts: dict[int, str] = {}
            for c, cells in enumerate(levels):
                distinct: list[str] = []
                for text in cells:
                    if text and (not distinct or distinct[-1] != text):
                        distinct.append(text)
                if not distinct:
                    continue
                texts[c] = " / ".join(distinct)
                keys = header_keys(distinct[-1])
                if len(distinct) > 1:
                    # Group and leaf as one phrase: "Ngày" + "Tiếp nhận", or "Trả kết quả" +
                    # "Ngày nhận kết quả" where the leaf alone is ambiguous (a profile writes
                    # that one "Trả kết quả / Ngày nhận kết quả").
                    keys += header_keys(" ".join(distinct))
                if any(k in known for k in keys):
                    columns.append(BlockColumn(c, texts[c], keys))
            if columns:
                blocks.append(
                    Block(row_numbers[start], row_numbers[end], height, end, tuple(columns), texts)
                )
    return blocks


def _resolve_columns(
    block: Block, profile: Profile, dataset: Dataset, width: int
) -> list[HeaderColumn] | None:
    """The block's columns as `profile` reads them for `dataset`; None when none maps."""
    index = profile.index(dataset.name)
    found: dict[int, tuple[BlockColumn, HeaderRule]] = {}
    for column in block.columns:
        rule = index.lookup(column.keys)
        if rule is not None:
            found[column.index] = (column, rule)
    if not any(rule.field for _, rule in found.values()):
        return None
    texts = block.texts
    columns = []
    for c in range(width):
        if c in found:
            column, rule = found[c]
            columns.append(
                HeaderColumn(
                    c,
                    column.text,
                    rule.field,
                    rule.priority,
                    rule.ignored,
                    rule.why,
                    rule.why_en,
                    column.keys,
                )
            )
        else:
            text = texts.get(c, "")
            columns.append(HeaderColumn(c, text, None, keys=header_keys(text) if text else ()))
    return columns


def _match(
    dataset: Dataset, profile: Profile, columns: list[HeaderColumn], first_row: int, last_row: int
) -> HeaderMatch:
    """Map fields to columns: a primary header wins over a secondary one wherever it stands;
    between equals, the first column wins and the others are reported."""
    found = HeaderMatch(dataset, first_row, last_row, columns, profile)
    ranked = sorted(
        (c for c in columns if c.field is not None), key=lambda c: (c.priority, c.index)
    )
    winners: dict[str, str] = {}
    for column in ranked:
        assert column.field is not None
        if column.field in found.mapping:
            found.duplicates.append((column.text, column.field, winners[column.field]))
            continue
        found.mapping[column.field] = column.index
        winners[column.field] = column.text
    found.mapping = dict(sorted(found.mapping.items(), key=lambda item: item[1]))
    found.duplicates.sort(key=lambda d: next(c.index for c in columns if c.text == d[0]))
    return found


def header_in_row(
    cells: dict[int, str], row_number: int, profile: Profile, dataset: Dataset, width: int
) -> HeaderMatch | None:
    """One row read as a one-row header of `dataset` under `profile` (a second header block
    inside a sheet), or None when no column names a field."""
    columns = tuple(BlockColumn(c, text, header_keys(text)) for c, text in cells.items())
    block = Block(row_number, row_number, 1, 0, columns, dict(cells))
    resolved = _resolve_columns(block, profile, dataset, width)
    if resolved is None:
        return None
    return _match(dataset, profile, resolved, row_number, row_number)


def find_header(
    blocks: Sequence[Block], profile: Profile, dataset: Dataset, width: int
) -> HeaderMatch | None:
    """The best header block for one dataset under one profile, or None if nothing matches."""
    best: HeaderMatch | None = None
    best_key: tuple[int, int, int] | None = None
    for block in blocks:
        columns = _resolve_columns(block, profile, dataset, width)
        if columns is None:
            continue
        match = _match(dataset, profile, columns, block.first_row, block.last_row)
        # More fields first; then the shorter block; then the one nearer the top.
        key = (match.score, -block.height, -block.end)
        if best_key is None or key > best_key:
            best, best_key = match, key
    return best


# Data rows sampled below the header to see how well a profile reads a sheet's values.
VALUE_SAMPLE_ROWS = 500
DISTINCT_VALUES = 100
# How many more sampled values a values-only profile must read than the generic one.
VALUES_MARGIN = 2


@dataclass
class ProfileFit:
    """How one profile reads a sheet: its recognised header (if any), whether the sheet has the
    headers that identify the profile's system and, when profiles tie, how many of the sampled
    values it reads."""

    profile: Profile
    header: HeaderMatch | None
    candidates: list[HeaderMatch]
    identified: bool = False
    values_read: int | None = None

    @property
    def score(self) -> int:
        """Columns recognised (read as a field, or deliberately left out)."""
        return self.header.recognised if self.header is not None else 0


@dataclass
class HeaderChoice:
    """The header a sheet is read with, the profile chosen, and what else was considered."""

    header: HeaderMatch | None
    candidates: list[HeaderMatch]
    fits: list[ProfileFit]
    # Vendors' profiles that fit exactly as well as the one chosen (the choice was not clear).
    tied: list[str] = field(default_factory=list)
    forced: bool = False
    # No profile identified the sheet: it was read with the only profiles that could.
    unconfirmed: bool = False

    @property
    def profile(self) -> Profile | None:
        return self.header.profile if self.header is not None else None

    @property
    def chosen(self) -> ProfileFit | None:
        if self.header is None:
            return None
        return next((f for f in self.fits if f.header is self.header), None)

    @property
    def runner_up(self) -> ProfileFit | None:
        """The best of the other profiles that could read the sheet."""
        chosen = self.profile
        others = [f for f in self.fits if f.header is not None and f.profile is not chosen]
        return max(others, key=lambda f: (f.identified, f.score, f.values_read or 0), default=None)


def _fit(profile: Profile, blocks: list[Block], datasets: list[Dataset], width: int) -> ProfileFit:
    candidates = [m for d in datasets if (m := find_header(blocks, profile, d, width)) is not None]
    candidates.sort(key=lambda m: (not m.missing_required, m.score), reverse=True)
    recognised = [m for m in candidates if not m.missing_required]
    if len(recognised) > 1 and recognised[0].score == recognised[1].score:
        return ProfileFit(profile, None, candidates)
    header = recognised[0] if recognised else None
    identified = header is not None and any(header.has_headers(s) for s in profile.signatures)
    return ProfileFit(profile, header, candidates, identified)


class ValueSampler:
    """Distinct values of a sheet's columns just below a header, read once for every profile
    that is compared on them; dates parsed once per set of date forms."""

    def __init__(self, sheet: RawSheet) -> None:
        self.sheet = sheet
        self._values: dict[tuple[int, int], list[str]] = {}
        self._dates: dict[tuple[tuple[str, ...], str], bool] = {}

    def values(self, header: HeaderMatch, column: int) -> list[str]:
        """Up to DISTINCT_VALUES distinct filled values of a column below the header."""
        key = (header.last_row, column)
        if key not in self._values:
            start = header.last_row + 1
            cells = self.sheet.cells[column].loc[start : start + VALUE_SAMPLE_ROWS - 1]
            distinct = cells.dropna().unique()
            texts = (str(v).strip() for v in distinct)
            self._values[key] = [t for t in texts if t][:DISTINCT_VALUES]
        return self._values[key]

    def is_date(self, text: str, forms: tuple[str, ...]) -> bool:
        """Whether a cell is a date in one of `forms`."""
        key = (forms, text)
        if key not in self._dates:
            try:
                self._dates[key] = parsing.parse_date(text, forms) is not None
            except parsing.ParseProblem:
                self._dates[key] = False
        return self._dates[key]


def values_read(sampler: ValueSampler, header: HeaderMatch) -> int:
    """How many distinct values of the sheet's label and date columns (sampled below the
    header) the header's profile reads: labels it knows, dates in its forms."""
    profile = header.profile
    count = 0
    for field_name, column in header.mapping.items():
        spec = header.dataset.fields[field_name]
        if spec.kind is Kind.LABEL or (spec.kind is Kind.BOOLEAN and spec.vocabulary):
            vocabulary = profile.vocabularies[spec.vocabulary or field_name]
            count += sum(
                1
                for v in sampler.values(header, column)
                if vocabulary.resolve(v) not in (None, vocabulary.unknown)
            )
        elif spec.kind is Kind.DATETIME:
            forms = profile.date_forms
            count += sum(sampler.is_date(v, forms) for v in sampler.values(header, column))
    return count


def _best(fits: list[ProfileFit], sheet: RawSheet) -> list[ProfileFit]:
    """The fits that recognise most columns; between those, the ones that read most values."""
    top = max(f.score for f in fits)
    best = [f for f in fits if f.score == top]
    if len(best) > 1:
        sampler = ValueSampler(sheet)
        for fit in best:
            assert fit.header is not None
            fit.values_read = values_read(sampler, fit.header)
        most = max(f.values_read or 0 for f in best)
        best = [f for f in best if f.values_read == most]
    return best


def choose_header(
    sheet: RawSheet,
    datasets: list[Dataset],
    profiles: Sequence[Profile],
    known: frozenset[str] | set[str],
    forced: bool = False,
) -> HeaderChoice:
    """Read the sheet's headers with every profile and choose the one to read it with.

    `profiles` start with the generic base profile. A vendor's profile is a candidate only
    when the sheet has the headers that identify its system (its `detect` sets); between
    candidates, the one that recognises more columns (read as a field or deliberately left
    out), then the one that reads more of the sheet's labels and dates (sampled below the
    header). With no vendor identified, the base profile reads the sheet, unless a profile
    that only knows other values (a system's own status numbers) reads at least VALUES_MARGIN
    more of them. A sheet only one vendor's profile can read, without its identifying headers,
    is read with it and reported as unconfirmed; when several could, none is guessed (no
    header, `tied` names them). The header is also None when no dataset has all its required
    columns, or when two datasets fit equally well (the caller reports the ambiguity).
    """
    blocks = header_blocks(sheet, known)
    width = sheet.cells.shape[1]
    fits = [_fit(p, blocks, datasets, width) for p in profiles]
    usable = [f for f in fits if f.header is not None]
    if not usable:
        # Nothing readable: the candidates of the profile that came closest explain why.
        closest = max(
            fits,
            key=lambda f: max(
                ((not m.missing_required, m.score) for m in f.candidates), default=(False, 0)
            ),
        )
        return HeaderChoice(None, closest.candidates, fits, forced=forced)
    if forced:
        return HeaderChoice(usable[0].header, usable[0].candidates, fits, forced=True)
    identified = [f for f in usable if f.identified]
    if identified:
        best = _best(identified, sheet)
        tied = [f.profile.name for f in best[1:]]
        return HeaderChoice(best[0].header, best[0].candidates, fits, tied)
    base = fits[0]
    general = [f for f in usable if f.profile is base.profile or f.profile.values_only]
    if general:
        best = _best(general, sheet)
        chosen = best[0]
        # A profile of other values (it tied the generic one on the headers) wins only with
        # more than one value of its own.
        margin = (chosen.values_read or 0) - (base.values_read or 0)
        if chosen is not base and base in general and margin < VALUES_MARGIN:
            chosen = base
        return HeaderChoice(chosen.header, chosen.candidates, fits)
    # Only vendors' profiles read the sheet, none identified by its headers: used only when one
    # of them is clearly the only fit; between several, meanings would be guessed.
    best = _best(usable, sheet)
    if len(best) > 1:
        return HeaderChoice(
            None, best[0].candidates, fits, [f.profile.name for f in best], unconfirmed=True
        )
    return HeaderChoice(best[0].header, best[0].candidates, fits, unconfirmed=True)
