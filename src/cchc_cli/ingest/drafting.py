"""A ready-to-edit profile for a system cchc does not know yet (`cchc profile init`): every
header it could not place and every label it could not read, each with the closest canonical
candidates, so that an officer adapts cchc to a new vendor without code."""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from cchc_cli.catalogue import label
from cchc_cli.ingest.rows import classify_rows, nonempty_mask
from cchc_cli.parsing import NUMBER_CODE
from cchc_cli.profiles import get_profile, shipped_names
from cchc_cli.profiles.resolved import Profile
from cchc_cli.readers.grid import RawSheet
from cchc_cli.readers.headers import HEADER_WINDOW, HeaderColumn, HeaderMatch
from cchc_cli.schema import DATASETS
from cchc_cli.schema.fields import Kind
from cchc_cli.text import match_key

MAX_LABELS = 200  # distinct unknown labels listed per column


@dataclass
class Suggestion:
    """What an unplaced header or label could be: canonical names with the known text that is
    closest to it."""

    text: str
    where: str
    candidates: list[tuple[str, str]] = field(default_factory=list)
    count: int = 0


@dataclass
class Draft:
    """Everything `profile init` found in one sheet."""

    path: str
    sheet: str
    dataset: str
    extends: str
    header_rows: list[int]
    headers: list[Suggestion] = field(default_factory=list)
    labels: dict[str, list[Suggestion]] = field(default_factory=dict)
    # vocabulary -> every bare number of its column, with the code it is read as now (if any)
    numbers: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    # (column letter, header, field) of the columns already read, to check at a glance
    mapped: list[tuple[str, str, str]] = field(default_factory=list)


def _known_headers(dataset: str) -> dict[str, tuple[str, str]]:
    """match key -> (field, header as written) over every shipped profile."""
    known: dict[str, tuple[str, str]] = {}
    for name in shipped_names():
        index = get_profile(name).index(dataset)
        for field_name, headers in index.headers.items():
            for text, _ in headers:
                known.setdefault(match_key(text), (field_name, text))
    return known


def _known_labels(vocabulary: str) -> dict[str, tuple[str, str]]:
    """match key -> (code, label as written) over every shipped profile."""
    known: dict[str, tuple[str, str]] = {}
    for name in shipped_names():
        for code, labels in get_profile(name).vocabularies[vocabulary].labels.items():
            for text in labels:
                known.setdefault(match_key(text), (code, text))
    return known


def closest(text: str, known: dict[str, tuple[str, str]], n: int = 3) -> list[tuple[str, str]]:
    """Up to `n` distinct canonical names whose known texts are closest to `text`."""
    keys = difflib.get_close_matches(match_key(text), list(known), n=12, cutoff=0.45)
    # Words in common count too: "Ngày nhận kết quả" is near "Ngày trả kết quả".
    words = set(match_key(text).split())
    shared = sorted(
        (k for k in known if words and len(words & set(k.split())) >= max(1, len(words) // 2)),
        key=lambda k: -len(words & set(k.split())),
    )
    found: list[tuple[str, str]] = []
    for key in [*keys, *shared]:
        name, written = known[key]
        if all(name != f for f, _ in found):
            found.append((name, written))
        if len(found) == n:
            break
    return found


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def data_rows(cells: pd.DataFrame, header: HeaderMatch) -> pd.DataFrame:
    """The rows below the header that are data (D4): no column numbers, totals or footer."""
    body = cells.loc[header.last_row + 1 :]
    filled = nonempty_mask(body)
    reasons, _, _ = classify_rows(body, filled, header)
    return body.loc[reasons.isna().to_numpy() & filled.any(axis=1).to_numpy()]


def draft_sheet(path: str, sheet_name: str, cells: pd.DataFrame, header: HeaderMatch) -> Draft:
    """What is left to decide in one sheet read with `header` (its profile and dataset)."""
    profile: Profile = header.profile
    dataset = header.dataset
    draft = Draft(
        path=path,
        sheet=sheet_name,
        dataset=dataset.name,
        extends=profile.name,
        header_rows=header.header_rows,
        missing=header.missing_required,
    )
    known = _known_headers(dataset.name)
    # The label columns: those mapped, and those whose closest field is a label one (so that
    # one run drafts both the header and its values).
    label_columns: list[tuple[str, int, str]] = [
        (field_name, index, header.text_of(field_name))
        for field_name, index in header.mapping.items()
    ]
    for column in header.columns:
        if not column.text or column.field is not None or column.ignored:
            continue
        leaf = column.text.split(" / ")[-1]
        candidates = closest(leaf, known)
        draft.headers.append(
            Suggestion(text=leaf, where=_column_letter(column.index), candidates=candidates)
        )
        if candidates and dataset.fields[candidates[0][0]].kind is Kind.LABEL:
            label_columns.append((candidates[0][0], column.index, leaf))
    for field_name, index in header.mapping.items():
        draft.mapped.append((_column_letter(index), header.text_of(field_name), field_name))
    body = data_rows(cells, header)
    for field_name, column_index, column_text in label_columns:
        spec = dataset.fields[field_name]
        if spec.kind is not Kind.LABEL or spec.personal:
            continue
        vocabulary = profile.vocabularies[spec.vocabulary or field_name]
        values = body[column_index].dropna().astype(str).str.strip()
        counts = values[values != ""].value_counts()
        known_labels = _known_labels(vocabulary.name)
        numbers = [str(v) for v in counts.index if NUMBER_CODE.match(str(v))]
        if any(NUMBER_CODE.match(n).group(1) not in vocabulary.numbers for n in numbers):
            # The list of numbers replaces the profile's own: every number must be in it.
            codes = {NUMBER_CODE.match(n).group(1) for n in numbers}  # type: ignore[union-attr]
            draft.numbers[vocabulary.name] = sorted(
                ((code, vocabulary.numbers.get(code)) for code in codes),
                key=lambda item: int(item[0]),
            )
        for value, count in counts.items():
            if len(draft.labels.get(vocabulary.name, [])) >= MAX_LABELS:
                break
            if NUMBER_CODE.match(str(value)):
                continue
            if vocabulary.resolve(str(value)) != vocabulary.unknown:
                continue
            draft.labels.setdefault(vocabulary.name, []).append(
                Suggestion(
                    text=str(value),
                    where=column_text,
                    candidates=closest(str(value), known_labels),
                    count=int(count),
                )
            )
    return draft


def profile_name(stem: str) -> str:
    """A profile name from a file name: lower-case ASCII letters, digits and dashes, never a
    shipped profile's name."""
    folded = unicodedata.normalize("NFD", stem.replace("đ", "d").replace("Đ", "D"))
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    name = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:30] or "phan-mem"
    return f"{name}-rieng" if name in shipped_names() else name


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _candidates(suggestion: Suggestion, lang: str) -> str:
    if not suggestion.candidates:
        return label("profile_draft.nothing_close", lang)
    joined = ", ".join(f"{name} ({_quote(text)})" for name, text in suggestion.candidates)
    return label("profile_draft.closest", lang, candidates=joined)


def render_draft(drafts: list[Draft], name: str, output: str, today: date, lang: str = "vi") -> str:
    """The YAML text of a profile to edit: every undecided entry is `~`, with its candidates in
    a comment above it. Loading it as is changes nothing."""
    first = drafts[0]

    def words(key: str, **params: object) -> str:
        return label(f"profile_draft.{key}", lang, **params)

    column = label("column", lang)
    lines = [
        "# " + words("made", today=f"{today:%d/%m/%Y}", path=_quote(first.path)),
        "# " + words("how"),
        "# " + words("check", path=_quote(first.path), output=_quote(output)),
        f"profile: {name}",
        f"title: {_quote(words('title'))}",
        f"extends: {first.extends}",
        "sources:",
        f"  - {_quote(words('sample', path=first.path))}",
        "datasets:",
    ]
    by_dataset: dict[str, list[Draft]] = {}
    for draft in drafts:
        by_dataset.setdefault(draft.dataset, []).append(draft)
    for dataset, items in by_dataset.items():
        lines.append(f"  {dataset}:")
        entries: list[str] = []
        seen: set[str] = set()
        for draft in items:
            if draft.missing:
                fields = ", ".join(draft.missing)
                entries.append(
                    "      # " + words("missing", sheet=_quote(draft.sheet), fields=fields)
                )
            if draft.mapped:
                _, text, field_name = draft.mapped[0]
                entries.append("      # " + words("mapped", text=text, field=field_name))
                entries += [
                    f"      #   {column} {letter} {_quote(text)} → {field_name}"
                    for letter, text, field_name in draft.mapped
                ]
            for header in draft.headers:
                if match_key(header.text) in seen:
                    continue
                seen.add(match_key(header.text))
                entries.append(f"      # {column} {header.where}: {_candidates(header, lang)}")
                entries.append(f"      {_quote(header.text)}: ~")
        lines.append("    read_as:" if seen or entries else "    read_as: {}")
        lines += entries
    vocabularies = sorted({v for d in drafts for v in (*d.labels, *d.numbers)})
    lines.append("values:" if vocabularies else "values: {}")
    for vocabulary in vocabularies:
        if vocabulary == "status":
            lines.append("  # " + words("codes"))
        lines.append(f"  {vocabulary}:")
        entries = []
        seen = set()
        for draft in drafts:
            for found in draft.labels.get(vocabulary, []):
                if match_key(found.text) in seen:
                    continue
                seen.add(match_key(found.text))
                entries.append(
                    f"      # {found.count} {words('rows')} ({found.where}): "
                    f"{_candidates(found, lang)}"
                )
                entries.append(f"      {_quote(found.text)}: ~")
        lines.append("    read_as:" if seen else "    read_as: {}")
        lines += entries
        numbers = sorted(
            {item for d in drafts for item in d.numbers.get(vocabulary, [])},
            key=lambda item: int(item[0]),
        )
        if numbers:
            lines.append("    # " + words("numbers"))
            lines.append("    numbers:")
            for number, code in numbers:
                now = f"  # {words('now')} {code}" if code else ""
                lines.append(f"      {_quote(number)}: ~{now}")
    return "\n".join(lines) + "\n"


def guess_header(sheet: RawSheet, profile: Profile) -> HeaderMatch | None:
    """For a sheet no profile recognises at all: its first row of three or more words (not
    numbers, not dates), read as a dossier-list header with nothing mapped yet."""
    head = sheet.cells.head(HEADER_WINDOW)
    for row_number, row in head.iterrows():
        texts = {
            c: " ".join(str(v).split()) for c, v in row.items() if isinstance(v, str) and v.strip()
        }
        wordy = [t for t in texts.values() if not re.fullmatch(r"[0-9/.:\- ]+", t)]
        if len(wordy) >= 3:
            columns = [
                HeaderColumn(int(c), texts.get(c, ""), None) for c in range(sheet.cells.shape[1])
            ]
            return HeaderMatch(
                DATASETS["dossiers"], int(row_number), int(row_number), columns, profile
            )
    return None
