"""Row accounting (D4): which rows below the header are data, and why the others are skipped."""

from __future__ import annotations

import re
from enum import StrEnum

import numpy as np
import pandas as pd

from cchc_cli.readers.headers import HeaderMatch
from cchc_cli.text import match_key


class SkipReason(StrEnum):
    """Why a row that was read is not data."""

    BLANK = "blank"
    COLUMN_NUMBERS = "column_numbers"
    TOTAL = "total"
    FOOTER = "footer"
    SECTION = "section"
    REPEATED_HEADER = "repeated_header"


_SIGNATURE_MARKERS = tuple(
    match_key(m)
    for m in (
        "Người lập biểu",
        "Người lập",
        "Thủ trưởng đơn vị",
        "Thủ trưởng cơ quan",
        "Ký, ghi rõ họ tên",
        "Ký tên",
        "Ký và ghi rõ họ tên",
        "Người làm báo cáo",
        "Cán bộ báo cáo",
        "Lãnh đạo đơn vị",
        "Bên giao",
        "Bên nhận",
    )
)
_PLACE_DATE = re.compile(r"ngay\s*\S*\s*thang\s*\S*\s*nam\s*\S*")
_SECTION_LABEL = re.compile(r"^(?:[ivxlc]+|[a-z])[.)]?$")
_SECTION_TITLE = re.compile(r"^(?:[IVXLC]+|[A-Z])[.)]\s+\S")
_COLUMN_NUMBER = re.compile(r"^\(?([0-9]+)\)?(?:\s*=\s*[0-9+\s()]+)?$")


def _is_total(key: str) -> bool:
    return key == "cong" or key.startswith(("tong cong", "tong so")) or key == "tong"


def _is_signature(key: str) -> bool:
    return any(marker in key for marker in _SIGNATURE_MARKERS) or bool(_PLACE_DATE.search(key))


def _is_column_numbers(texts: list[str]) -> bool:
    numbers = []
    for text in texts:
        match = _COLUMN_NUMBER.match(text)
        if not match:
            return False
        numbers.append(int(match.group(1)))
    return len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def nonempty_mask(body: pd.DataFrame) -> pd.DataFrame:
    """True where a cell holds something other than whitespace."""
    return pd.DataFrame(
        {c: body[c].str.strip().str.len().fillna(0).to_numpy() > 0 for c in body.columns},
        index=body.index,
    )


def classify_rows(
    body: pd.DataFrame, filled: pd.DataFrame, header: HeaderMatch
) -> tuple[pd.Series, list[int]]:
    """Skip reason per row (None for data), and the data-looking rows found after a footer.

    `body` holds the rows from just below the header block to the last non-empty row, and
    `filled` is its nonempty_mask.
    """
    reasons = pd.Series(None, index=body.index, dtype="object")
    if body.empty:
        return reasons, []
    count = filled.sum(axis=1).to_numpy()
    reasons[count == 0] = SkipReason.BLANK

    key_column = header.mapping[header.dataset.key] if header.dataset.key else None
    key_filled = (
        filled[key_column].to_numpy() if key_column is not None else np.ones(len(body), bool)
    )

    # The column-number row sits directly below the header (blank rows aside).
    for position in np.flatnonzero(count > 0)[:2]:
        texts = [t.strip() for t in body.iloc[position].dropna() if t.strip()]
        if _is_column_numbers(texts):
            reasons.iloc[position] = SkipReason.COLUMN_NUMBERS

    # A page break may repeat the header inside the data.
    if key_column is not None:
        key_header = match_key(header.text_of(header.dataset.key).split(" / ")[-1])
        key_text = body[key_column]
        looks_like = key_text.str.strip().str.len() == len(key_header)
        for position in np.flatnonzero(looks_like.fillna(False).to_numpy()):
            if match_key(key_text.iloc[position]) == key_header:
                reasons.iloc[position] = SkipReason.REPEATED_HEADER

    # Only rows without a key (or nearly empty ones) can be totals, signatures or sections.
    candidates = np.flatnonzero((count > 0) & ((~key_filled) | (count <= 2)))
    marker_positions: list[int] = []
    for position in candidates:
        if not pd.isna(reasons.iloc[position]):
            continue
        row = body.iloc[position]
        cells = [(c, t.strip()) for c, t in row.items() if isinstance(t, str) and t.strip()]
        keys = [match_key(t) for _, t in cells]
        key_cell = (
            row[key_column].strip() if key_column is not None and key_filled[position] else ""
        )
        key_is_marker = (
            not key_cell or _is_total(match_key(key_cell)) or _is_signature(match_key(key_cell))
        )
        if key_is_marker and any(_is_total(k) or _is_signature(k) for k in keys):
            marker_positions.append(position)
            continue
        labels = [t for _, t in cells if not _SECTION_LABEL.match(match_key(t))]
        numbered = len(cells) == 2 and len(labels) == 1  # "II" + "UBND PHƯỜNG …"
        if (
            len(labels) == 1
            and not labels[0].replace(".", "").isdigit()
            and (not key_filled[position] or numbered or _SECTION_TITLE.match(labels[0]))
        ):
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
        # Signers' names sit under the key column too; a real dossier code has digits and the
        # row has more than a name in it.
        key_text = body[key_column].iloc[tail] if key_column is not None else None
        for p in np.flatnonzero(is_data[tail] & (count[tail] >= 3)):
            if key_text is not None and any(ch.isdigit() for ch in key_text.iloc[p]):
                after_footer.append(int(body.index[footer_start + p]))
        reasons.iloc[tail] = SkipReason.FOOTER
    return reasons, after_footer
