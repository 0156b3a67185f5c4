"""Row accounting (D4): which rows below the header are data, and why the others are skipped."""

from __future__ import annotations

import re
from enum import StrEnum

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from cchc_cli import parsing
from cchc_cli.profiles import FooterWords
from cchc_cli.readers.headers import HeaderMatch, header_in_row
from cchc_cli.schema.fields import Kind
from cchc_cli.text import match_key


class SkipReason(StrEnum):
    """Why a row that was read is not data."""

    BLANK = "blank"
    COLUMN_NUMBERS = "column_numbers"
    TOTAL = "total"
    FOOTER = "footer"
    SECTION = "section"
    REPEATED_HEADER = "repeated_header"
    EXAMPLE = "example"


# The mark `cchc template` puts on its example row (report/template.py, EXAMPLE_MARK).
EXAMPLE_MARK = "Ví dụ:"


def is_example_text(text: str) -> bool:
    """Whether a cell carries the example mark ("Ví dụ: …", in any Unicode form or case)."""
    return match_key(text).startswith("vi du:")


def _example_rows(body: pd.DataFrame, header: HeaderMatch) -> np.ndarray:
    """Rows of a hand-kept register still holding the template's example (a text cell that
    starts with the mark): never counted, whatever else the row says."""
    found = np.zeros(len(body), dtype=bool)
    if not header.dataset.hand_kept:
        return found
    for name, column in header.mapping.items():
        spec = header.dataset.fields.get(name)
        if spec is None or spec.kind is not Kind.TEXT:
            continue
        texts = body[column]
        maybe = texts.str.lstrip().str[:1].str.lower().isin(["v"]).fillna(False).to_numpy(bool)
        if maybe.any():
            marked = [is_example_text(str(t)) for t in texts[maybe]]
            found[np.flatnonzero(maybe)] |= np.array(marked, dtype=bool)
    return found


# "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "Q. TRƯỞNG PHÒNG" …
_SIGNING_PREFIX = re.compile(r"^(?:(?:kt|tm|tl|q|ktl)\.\s*)+")
# "Đức Phổ, ngày 05 tháng 03 năm 2025" or the blank form "ngày … tháng … năm …"
_PLACE_DATE = re.compile(
    r"ngay\s+(?:[0-9]{1,2}|[.…]+)\s+thang\s+(?:[0-9]{1,2}|[.…]+)\s+nam\s+(?:[0-9]{4}|[.…]+)"
)
_COUNT = re.compile(r"^[0-9][0-9.,]*$")
_SECTION_LABEL = re.compile(r"^(?:[ivxlc]+|[a-z])[.)]?$")
_SECTION_TITLE = re.compile(r"^(?:[IVXLC]+|[A-Z])[.)]\s+\S")
_COLUMN_TOKEN = re.compile(
    r"^\(?(?:(?P<number>[0-9]+)|(?P<letter>[A-Z]))\)?(?:\s*=\s*[0-9+\s()]+)?$"
)


def _is_total(key: str, footer: FooterWords) -> bool:
    # One-word total words ("Cộng") match a whole cell; longer ones its beginning too
    # ("Tổng số hồ sơ").
    if key in footer.totals:
        return True
    return any(" " in word and key.startswith(word) for word in footer.totals)


def _is_signature(key: str, footer: FooterWords) -> bool:
    bare = _SIGNING_PREFIX.sub("", key)
    return bare.startswith(footer.signatures) or bool(_PLACE_DATE.search(key))


def _is_marker(text: str, footer: FooterWords) -> bool:
    key = match_key(text)
    return _is_total(key, footer) or _is_signature(key, footer)


def _is_column_numbers(texts: list[str]) -> bool:
    """`1 2 3 …`, `(1) (2) …` or `A B 1 2 …` as official forms number their columns."""
    letters: list[str] = []
    numbers: list[int] = []
    for text in texts:
        match = _COLUMN_TOKEN.match(text)
        if not match:
            return False
        if match.group("letter"):
            if numbers:
                return False
            letters.append(match.group("letter"))
        else:
            numbers.append(int(match.group("number")))
    consecutive_letters = (
        [ord(c) for c in letters] == list(range(ord(letters[0]), ord(letters[0]) + len(letters)))
        if letters
        else True
    )
    consecutive_numbers = (
        numbers == list(range(numbers[0], numbers[0] + len(numbers))) if (numbers) else True
    )
    return len(texts) >= 3 and consecutive_letters and consecutive_numbers


def _filled(column: pd.Series) -> np.ndarray:
    array = pa.array(column.array, type=pa.large_string(), from_pandas=True)
    # Not empty and not all white space (Arrow's Unicode white space, as utf8_trim_whitespace
    # trims it), without making trimmed copies of a million cells.
    filled = pc.and_(pc.greater(pc.utf8_length(array), 0), pc.invert(pc.utf8_is_space(array)))
    return pc.fill_null(filled, False).to_numpy(zero_copy_only=False)


def nonempty_mask(body: pd.DataFrame) -> pd.DataFrame:
    """True where a cell holds something other than whitespace."""
    return pd.DataFrame({c: _filled(body[c]) for c in body.columns}, index=body.index)


def _header_texts(header: HeaderMatch) -> dict[int, set[str]]:
    return {
        c.index: {match_key(level) for level in c.text.split(" / ")}
        for c in header.columns
        if c.text
    }


def _looks_like_date(text: object, forms: tuple[str, ...]) -> bool:
    if not isinstance(text, str):
        return False
    try:
        return parsing.parse_date(text, forms) is not None
    except parsing.ParseProblem:
        return False


def classify_rows(
    body: pd.DataFrame, filled: pd.DataFrame, header: HeaderMatch
) -> tuple[pd.Series, list[int], list[tuple[int, HeaderMatch]]]:
    """Skip reason per row (None for data), the data-looking rows found after a footer, and the
    header rows inside the table that lay the columns out anew (position, header), from which
    on the rows are read with that header.

    `body` holds the rows from just below the header block to the last non-empty row, and
    `filled` is its nonempty_mask.
    """
    reasons = pd.Series(None, index=body.index, dtype="object")
    if body.empty:
        return reasons, [], []
    footer = header.profile.footer
    date_forms = header.profile.date_forms
    count = filled.sum(axis=1).to_numpy()
    reasons[count == 0] = SkipReason.BLANK
    reasons[_example_rows(body, header)] = SkipReason.EXAMPLE
    first_column = body.columns[0]
    key_column = header.mapping.get(header.dataset.key) if header.dataset.key else None
    date_column = header.mapping.get("received_at")
    key_filled = (
        filled[key_column].to_numpy() if key_column is not None else np.ones(len(body), bool)
    )

    # The column-number row sits directly below the header (blank rows aside).
    for position in np.flatnonzero(count > 0)[:2]:
        texts = [t.strip() for t in body.iloc[position].dropna() if t.strip()]
        if _is_column_numbers(texts):
            reasons.iloc[position] = SkipReason.COLUMN_NUMBERS

    # Rows that may be something other than data: no key, nearly empty, or a key cell that is
    # a total/signature word or the key's own header text (a header repeated after a page break).
    suspicious = (count > 0) & ((~key_filled) | (count <= 2))
    # A row lacking a required value would be rejected: first see whether it is a total line
    # with its sums under the number columns ("Tổng cộng | | 23 | 19" in a register, D4).
    for name in header.dataset.required:
        column = header.mapping.get(name)
        if column is not None:
            suspicious |= (count > 0) & ~filled[column].to_numpy()
    if key_column is not None:
        # Dossier codes carry digits; only keys without any can be words. Checking just those
        # keeps this cheap on a million rows.
        key_texts = body[key_column]
        wordy = (~key_texts.str.contains(r"[0-9]", regex=True)).fillna(False).to_numpy(bool)
        if wordy.any():
            codes, uniques = pd.factorize(key_texts[wordy])
            key_header = {match_key(t) for t in header.text_of(header.dataset.key).split(" / ")}
            # A header text of this profile in the key column: a header row inside the table.
            known = header.profile.index(header.dataset.name).rules
            odd = np.array(
                [
                    _is_marker(u, footer)
                    or match_key(u) in key_header
                    or "~" + match_key(u) in known
                    for u in uniques
                ]
                + [False],
                dtype=bool,
            )
            suspicious[np.flatnonzero(wordy)] |= odd[codes]
    if key_column is None:
        # A register without a key (a catalogue, a book of documents) is small: any cell that
        # is a total or signature word makes the row a candidate ("Cộng" under the date).
        for column in body.columns:
            texts = body[column]
            wordy = filled[column].to_numpy() & (
                ~texts.str.contains(r"[0-9]", regex=True).fillna(True).to_numpy(bool)
            )
            if wordy.any():
                codes, uniques = pd.factorize(texts[wordy])
                odd = np.array([_is_marker(u, footer) for u in uniques] + [False], dtype=bool)
                suspicious[np.flatnonzero(wordy)] |= odd[codes]
    texts_of = _header_texts(header)

    marker_positions: list[int] = []
    reheaders: list[tuple[int, HeaderMatch]] = []
    current = header
    width = body.shape[1]
    for position in np.flatnonzero(suspicious):
        if not pd.isna(reasons.iloc[position]):
            continue
        row = body.iloc[position]
        cells = [(c, t.strip()) for c, t in row.items() if isinstance(t, str) and t.strip()]
        if len(cells) >= 2 and all(match_key(t) in texts_of.get(c, ()) for c, t in cells):
            reasons.iloc[position] = SkipReason.REPEATED_HEADER
            continue
        wordy_cells = sum(1 for _, t in cells if not any(ch.isdigit() for ch in t))
        if key_filled[position] and wordy_cells >= 3:
            # A header with another layout (a second section of the report adds a column):
            # the rows below it are read with it.
            texts = {int(c): " ".join(t.split()) for c, t in cells}
            again = header_in_row(
                texts, int(body.index[position]), header.profile, header.dataset, width
            )
            if again is not None and not again.missing_required:
                reasons.iloc[position] = SkipReason.REPEATED_HEADER
                if again.mapping != current.mapping:
                    reheaders.append((position, again))
                    current = again
                continue
        key_cell = (
            row[key_column].strip() if key_column is not None and key_filled[position] else ""
        )
        key_is_marker = not key_cell or _is_marker(key_cell, footer)
        if not key_is_marker and _COUNT.match(key_cell):
            # "Tổng cộng | 4": the count of a total line standing under the dossier codes (D4).
            key_is_marker = any(_is_total(match_key(t), footer) for _, t in cells)
        has_date = date_column is not None and _looks_like_date(row[date_column], date_forms)
        if key_is_marker and not has_date and any(_is_marker(t, footer) for _, t in cells):
            marker_positions.append(position)
            continue
        # Section titles: "II | UBND PHƯỜNG …" (a numbering label in the first column and one
        # text) or a lone text cell; never a lone number, never a one-word key (a bad code).
        numbered = (
            len(cells) == 2
            and cells[0][0] == first_column
            and bool(_SECTION_LABEL.match(match_key(cells[0][1])))
        )
        if not numbered and len(cells) != 1:
            continue
        title_column, title = cells[-1]
        if title.replace(".", "").replace(",", "").replace(" ", "").isdigit():
            continue
        one_word_key = title_column == key_column and len(title.split()) < 2
        if numbered or not one_word_key or _SECTION_TITLE.match(title):
            reasons.iloc[position] = SkipReason.SECTION

    is_data = key_filled & reasons.isna().to_numpy()
    first_data = int(np.argmax(is_data)) if is_data.any() else len(body)
    footer_start = next((p for p in marker_positions if p > first_data), None)
    for position in marker_positions:
        if footer_start is None or position < footer_start:
            reasons.iloc[position] = SkipReason.TOTAL
    after_footer: list[int] = []
    if footer_start is not None:
        tail = slice(footer_start, len(body))
        # Rows that look like data below the footer: said, never silently dropped (a register
        # in sections with a "Cộng" line each). Signers' names sit under the key column too: a
        # real key has digits, a keyless row has every required value, and the row has more
        # than a name in it.
        required = np.ones(len(body), dtype=bool)
        for name in header.dataset.required:
            column = header.mapping.get(name)
            if column is not None:
                required &= filled[column].to_numpy()
        markers = np.zeros(len(body), dtype=bool)
        markers[marker_positions] = True
        key_text = body[key_column].iloc[tail] if key_column is not None else None
        candidates = (is_data & (count >= 3) & required & ~markers)[tail]
        for p in np.flatnonzero(candidates):
            if key_text is None or any(ch.isdigit() for ch in key_text.iloc[p]):
                after_footer.append(int(body.index[footer_start + p]))
        reasons.iloc[tail] = SkipReason.FOOTER
        reheaders = [(p, h) for p, h in reheaders if p < footer_start]
    return reasons, after_footer, reheaders
