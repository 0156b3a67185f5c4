"""Rows of one sheet -> the canonical typed table plus issues, with exact row accounting (D3/D4)."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from cchc_cli import parsing
from cchc_cli.catalogue import Phrase
from cchc_cli.ingest.rows import SkipReason, classify_rows, nonempty_mask
from cchc_cli.issues import Issue, Severity, make_issue, shown_number, shown_value
from cchc_cli.profiles import BASE, Profile
from cchc_cli.readers.grid import RawSheet
from cchc_cli.readers.headers import HeaderMatch
from cchc_cli.schema.fields import Dataset, FieldSpec, Kind

SOURCE_COLUMNS = ("source_order", "source_sheet_order", "source_path", "source_sheet", "source_row")


@dataclass
class SheetAccount:
    """Row accounting of one sheet (D4): read = valid + rejected + skipped."""

    path: str
    sha256: str
    format: str
    dataset: str
    sheet: str
    header_rows: list[int]
    # The vendor profile the sheet was read with (D12).
    profile: str = "base"
    rows_read: int = 0
    rows_valid: int = 0
    rows_rejected: int = 0
    rows_skipped: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    # canonical field -> the header text as written in the file
    columns: dict[str, str] = field(default_factory=dict)
    details: dict[str, str] = field(default_factory=dict)
    # The full header match of a sheet read now (None when the result came from the cache).
    header: HeaderMatch | None = None

    def to_dict(self, for_compute: bool = False) -> dict[str, Any]:
        """The D11 JSON form: `validate` shows header rows, `compute` the file's SHA-256."""
        data: dict[str, Any] = {"path": self.path}
        if for_compute:
            data["sha256"] = self.sha256
        data.update(
            format=self.format, dataset=self.dataset, sheet=self.sheet, profile=self.profile
        )
        if not for_compute:
            data["header_rows"] = self.header_rows
        data.update(
            rows_read=self.rows_read,
            rows_valid=self.rows_valid,
            rows_rejected=self.rows_rejected,
            rows_skipped=self.rows_skipped,
        )
        return data


@dataclass
class SheetResult:
    """The typed valid rows of a sheet, its accounting and every issue found in it."""

    table: pd.DataFrame
    account: SheetAccount
    issues: list[Issue]


@dataclass(frozen=True)
class SheetSource:
    """Where a sheet came from, for provenance columns and issue locations."""

    path: str
    sha256: str
    format: str
    order: int
    sheet_order: int = 0


def _field_words(dataset: Dataset, name: str) -> str:
    """A field as exports name it in a message ("Ngày hẹn trả"), not its id (issue 14)."""
    spec = dataset.fields.get(name)
    return (spec.label_vi if spec is not None else "") or name


def _clean_text(array: pa.Array | pa.ChunkedArray, normalize: bool) -> pa.Array:
    array = pc.utf8_trim(array, characters=" \t\r\n\x0b\x0c\xa0")
    return pc.utf8_normalize(array, form="NFC") if normalize else array


def parse_text_column(series: pd.Series, as_categories: bool = False) -> pd.Series:
    """Trimmed NFC text, blank -> <NA> (vectorised twin of parsing.parse_text); as categories
    for fields whose few values repeat over many rows."""
    array = parsing.arrow_strings(series)
    if pc.all(pc.string_is_ascii(array)).as_py() is not False:
        array = _clean_text(array, normalize=False)  # ASCII is already in NFC
    else:
        # Units, procedures and fields repeat: normalise each distinct value once.
        encoded = pc.dictionary_encode(array.combine_chunks())
        array = pc.take(_clean_text(encoded.dictionary, normalize=True), encoded.indices)
    array = pc.if_else(pc.equal(array, ""), pa.scalar(None, array.type), array)
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    array = array.cast(pa.large_string())
    if as_categories:
        encoded = pc.dictionary_encode(array)
        codes = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False)
        categories = pd.Index(encoded.dictionary.to_pylist(), dtype=object)
        return pd.Series(
            pd.Categorical.from_codes(codes, categories=categories), index=series.index
        )
    return pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array([array])), index=series.index)


def _parse_unique(
    series: pd.Series, parse: Callable[[str | None], Any]
) -> tuple[np.ndarray, list[Any], list[str | None], list[str | None]]:
    """A scalar parser applied once per distinct value.

    Returns the code of each cell into the distinct values (the last slot, -1, is for missing
    cells), the parsed distinct values, their problem codes and the distinct values.
    """
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    parsed: list[Any] = []
    problems: list[str | None] = []
    values = _distinct(uniques)
    for value in values:
        try:
            parsed.append(parse(value))
            problems.append(None)
        except parsing.ParseProblem as problem:
            parsed.append(None)
            problems.append(problem.code)
    return codes, parsed, problems, values


def _distinct(uniques: Any) -> list[str | None]:
    """The distinct values of a column and, last, None for its missing cells (code -1)."""
    return [*list(uniques), None]


def _problem_series(codes: np.ndarray, problems: list[str | None], index: pd.Index) -> pd.Series:
    if not any(problems):
        return pd.Series(None, index=index, dtype=object)
    return pd.Series(np.array(problems, dtype=object)[codes], index=index, dtype=object)


def _categorical(
    codes: np.ndarray, parsed: list[Any], categories: list[str], index: pd.Index
) -> pd.Series:
    positions = np.array(
        [categories.index(value) if value is not None else -1 for value in parsed],
        dtype=np.int64,
    )
    return pd.Series(
        pd.Categorical.from_codes(positions[codes], categories=categories), index=index
    )


def _yes_no_code(vocabulary: Any) -> Callable[[str | None], str | None]:
    """A cell of a yes/no column whose vocabulary also says how (D3 paid online): the code, a
    plain yes/no word read as the vocabulary's yes/no code."""

    def resolve(text: str | None) -> str | None:
        code = vocabulary.resolve(text)
        if code == vocabulary.unknown:
            return vocabulary.from_boolean(parsing.parse_boolean(text))
        return code

    return resolve


class ParsedColumn(NamedTuple):
    """One column read: typed values, the problem code per cell (None where fine), the codes of
    its detail field (paid online -> where), and the bare numbers read as codes, if any."""

    values: pd.Series
    problems: pd.Series
    detail: pd.Series | None = None
    numbers: tuple[str, ...] = ()


def parse_column(spec: FieldSpec, raw: pd.Series, profile: Profile) -> ParsedColumn:
    """Typed values of one column as the profile reads them (D3)."""
    index = raw.index
    if spec.kind is Kind.TEXT:
        text = parse_text_column(raw, as_categories=spec.repeats)
        return ParsedColumn(text, pd.Series(None, index=index, dtype=object))
    if spec.kind is Kind.DATETIME:
        return ParsedColumn(*parsing.parse_dates(raw, profile.date_forms))
    if spec.kind is Kind.LABEL:
        vocabulary = profile.vocabularies[spec.vocabulary or spec.name]
        categories = [c.value for c in vocabulary.codes]
        codes, parsed, problems, values = _parse_unique(raw, vocabulary.resolve)
        problems = [
            "value.label_unknown" if value == vocabulary.unknown else None for value in parsed
        ]
        numbers = [v for v in values if v is not None and parsing.NUMBER_CODE.match(v.strip())]
        if any(
            parsing.NUMBER_CODE.match(v.strip()).group(1) not in vocabulary.numbers for v in numbers
        ):
            # Numbers outside the profile's list: the column is numbered by another list, and
            # none of its numbers can be trusted (D3: a vendor's own codes are never read as
            # the national ones).
            for position, value in enumerate(values):
                if value in numbers:
                    parsed[position] = vocabulary.unknown
                    problems[position] = "value.numbers_foreign"
            numbers = []
        typed = _categorical(codes, parsed, categories, index)
        return ParsedColumn(typed, _problem_series(codes, problems, index), None, tuple(numbers))
    if spec.kind is Kind.BOOLEAN and spec.vocabulary:
        vocabulary = profile.vocabularies[spec.vocabulary]
        categories = [c.value for c in vocabulary.codes]
        codes, parsed, problems, _ = _parse_unique(raw, _yes_no_code(vocabulary))
        missing = np.array([value is None for value in parsed], dtype=bool)[codes]
        values = np.array([vocabulary.is_true(value) for value in parsed], dtype=bool)[codes]
        detail = _categorical(codes, parsed, categories, index)
        return ParsedColumn(
            pd.Series(pd.arrays.BooleanArray(values, missing), index=index),
            _problem_series(codes, problems, index),
            detail,
        )
    parser = {
        Kind.BOOLEAN: parsing.parse_boolean,
        Kind.COUNT: parsing.parse_count,
        Kind.AMOUNT: parsing.parse_amount,
    }[spec.kind]
    codes, parsed, problems, _ = _parse_unique(raw, parser)
    # Blank means false in an existing yes/no column (D3); an unknown word stays empty.
    missing = np.array([value is None for value in parsed], dtype=bool)[codes]
    if spec.kind is Kind.BOOLEAN:
        values = np.array([bool(value) for value in parsed], dtype=bool)[codes]
        array: Any = pd.arrays.BooleanArray(values, missing)
    elif spec.kind is Kind.COUNT:
        values = np.array([value or 0 for value in parsed], dtype=np.int64)[codes]
        array = pd.arrays.IntegerArray(values, missing)
    else:
        values = np.array([value or 0.0 for value in parsed], dtype=np.float64)[codes]
        array = pd.arrays.FloatingArray(values, missing)
    return ParsedColumn(pd.Series(array, index=index), _problem_series(codes, problems, index))


def validate_sheet(sheet: RawSheet, header: HeaderMatch, source: SheetSource) -> SheetResult:
    """Classify, parse and check every row below the header block of `sheet`, reading values
    as the header's vendor profile says."""
    dataset = header.dataset
    profile = header.profile
    account = SheetAccount(
        path=source.path,
        sha256=source.sha256,
        format=source.format,
        dataset=dataset.name,
        sheet=sheet.name,
        header_rows=header.header_rows,
        profile=profile.name,
        header=header,
        columns={name: header.text_of(name) for name in header.mapping},
        details=dict(sheet.details),
    )
    issues: list[Issue] = []
    for column_text, field_name, first in header.duplicates:
        issues.append(
            make_issue(
                "header.duplicate_field",
                path=source.path,
                sheet=sheet.name,
                row=header.last_row,
                column=column_text,
                params={"field": _field_words(dataset, field_name), "first": first},
            )
        )
    for field_name, index in header.mapping.items():
        column = next(c for c in header.columns if c.index == index)
        # Personal fields are in no figure: which of two name columns is read is no warning.
        if column.priority > 1 and not dataset.fields[field_name].personal:
            issues.append(
                make_issue(
                    "header.secondary_used",
                    path=source.path,
                    sheet=sheet.name,
                    row=header.last_row,
                    column=column.text,
                    params={"field": _field_words(dataset, field_name)},
                )
            )
    body = sheet.cells.loc[header.last_row + 1 :]
    # Counting ends at the last non-empty row (D4): trailing empty rows are not read.
    filled = nonempty_mask(body)
    filled_rows = filled.any(axis=1).to_numpy()
    last = int(np.flatnonzero(filled_rows)[-1]) + 1 if filled_rows.any() else 0
    body, filled = body.iloc[:last], filled.iloc[:last]
    account.rows_read = len(body)

    reasons, after_footer, reheaders = classify_rows(body, filled, header)
    for row in after_footer:
        issues.append(make_issue("row.after_footer", path=source.path, sheet=sheet.name, row=row))
    for row in reasons.index[(reasons == SkipReason.EXAMPLE).to_numpy(bool)]:
        issues.append(
            make_issue("row.template_example", path=source.path, sheet=sheet.name, row=int(row))
        )
    skipped = reasons.notna()
    account.rows_skipped = int(skipped.sum())
    account.skipped = {str(k): int(v) for k, v in reasons[skipped].value_counts().items()}

    # The rows below a header with another layout are read with that header.
    bounds = [0, *(position + 1 for position, _ in reheaders), len(body)]
    headers = [header, *(again for _, again in reheaders)]
    parts: list[_Rows] = []
    for part_header, start, stop in zip(headers, bounds, bounds[1:], strict=False):
        keep = ~skipped.to_numpy()[start:stop]
        data = _kept_rows(body.iloc[start:stop], keep, part_header)
        parts.append(_read_rows(data, part_header, source, sheet.name))
        for name in part_header.mapping:
            account.columns.setdefault(name, part_header.text_of(name))
    national = {c: n for part in parts for c, n in part.national_numbers.items()}
    if national:
        account.details["national_numbers"] = "; ".join(f"{c}: {n}" for c, n in national.items())
    for part in parts:
        issues.extend(part.issues)
    unknown_labels = {k: v for part in parts for k, v in part.unknown_labels.items()}
    unread = [c.text for c in header.unmapped]
    if unknown_labels or len(unread) >= max(3, len(header.columns) // 4):
        issues.insert(0, _unread_issue(source.path, sheet.name, header, unread, unknown_labels))
    account.rows_rejected = sum(part.rejected for part in parts)
    account.rows_valid = sum(part.valid for part in parts)
    tables = [part.table for part in parts]
    table = tables[0] if len(tables) == 1 else pd.concat(tables, ignore_index=True)
    table["source_order"] = np.int32(source.order)
    table["source_sheet_order"] = np.int16(source.sheet_order)
    table = table.reset_index(drop=True)
    table["source_path"] = constant_category(source.path, len(table))
    table["source_sheet"] = constant_category(sheet.name, len(table))
    return SheetResult(table=table, account=account, issues=issues)


def _kept_rows(rows: pd.DataFrame, keep: np.ndarray, header: HeaderMatch) -> pd.DataFrame:
    """The columns the header reads, on the rows kept. Rows skipped at the top and the bottom
    only (titles, totals, signatures: the usual export) leave a slice, which copies nothing;
    a million-row grid is filtered only when skipped rows stand between data rows."""
    read = rows[sorted(set(header.mapping.values()))]
    kept = np.flatnonzero(keep)
    if kept.size and kept[-1] - kept[0] + 1 == kept.size:
        return read.iloc[kept[0] : kept[-1] + 1]
    return read.loc[keep]


def constant_category(value: str, rows: int) -> pd.Categorical:
    """A column holding one text on every row, stored once: a province's million rows name
    their file and sheet without a million strings (grouping by file is then free)."""
    return pd.Categorical.from_codes(np.zeros(rows, dtype=np.int8), categories=[value])


def _unread_issue(
    path: str,
    sheet: str,
    header: HeaderMatch,
    unread: list[str],
    unknown_labels: dict[str, set[str]],
) -> Issue:
    """One warning naming the headers and labels the sheet's profile does not understand."""
    headers = "; ".join(f"'{t}'" for t in unread)
    labels = "; ".join(
        f"{column}: " + ", ".join(f"'{v}'" for v in sorted(values)[:10])
        for column, values in unknown_labels.items()
    )
    if headers and labels:
        what = Phrase("unread_both", {"headers": headers, "labels": labels})
    elif headers:
        what = Phrase("unread_columns", {"headers": headers})
    else:
        what = Phrase("unread_labels", {"labels": labels})
    return make_issue(
        "profile.unread",
        path=path,
        sheet=sheet,
        row=header.last_row,
        # the system's name as the officer knows it ("VNPT iGate"), not the profile's id
        params={"profile": header.profile.title or header.profile.name, "what": what},
    )


@dataclass
class _Rows:
    """The data rows read under one header: the valid rows typed, counts, issues."""

    table: pd.DataFrame
    valid: int
    rejected: int
    issues: list[Issue]
    unknown_labels: dict[str, set[str]]
    # column -> the bare numbers read as national codes
    national_numbers: dict[str, str]


def _read_rows(data: pd.DataFrame, header: HeaderMatch, source: SheetSource, sheet: str) -> _Rows:
    """Parse and check the data rows below one header (D3): typed values, rejected rows, and an
    issue for every value that could not be read."""
    dataset = header.dataset
    profile = header.profile
    vocabularies = profile.vocabularies
    issues: list[Issue] = []
    columns: dict[str, pd.Series] = {}
    rejected = np.zeros(len(data), dtype=bool)
    row_numbers = data.index.to_numpy()
    # Columns parse independently and Arrow's kernels release the GIL: use the cores.
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        parsed = list(
            pool.map(
                lambda item: parse_column(dataset.fields[item[0]], data[item[1]], profile),
                header.mapping.items(),
            )
        )
    unknown_labels: dict[str, set[str]] = {}
    national: dict[str, str] = {}
    for (field_name, column_index), (typed, problems, detail, numbers) in zip(
        header.mapping.items(), parsed, strict=True
    ):
        spec = dataset.fields[field_name]
        raw = data[column_index]
        columns[field_name] = typed
        if detail is not None and spec.detail:
            columns[spec.detail] = detail
        required = field_name in dataset.required
        bad = problems.notna().to_numpy()
        if required:
            rejected |= bad
        column_text = header.text_of(field_name)
        vocabulary = vocabularies[spec.vocabulary] if spec.vocabulary else None
        if numbers and vocabulary is not None and vocabulary.numbers_from == BASE:
            # D3 lets the generic layout write national codes; `inspect` says it read them so.
            national[column_text] = ", ".join(sorted(numbers, key=float))
        foreign = bad & (problems == "value.numbers_foreign").to_numpy()
        if foreign.any():
            # One line for the column: its numbers are one list, not one mistake per row.
            first = int(np.flatnonzero(foreign)[0])
            numbers = sorted({str(v).strip() for v in raw[foreign]}, key=float)
            issues.append(
                make_issue(
                    "value.numbers_foreign",
                    severity=Severity.ERROR if required else Severity.WARNING,
                    path=source.path,
                    sheet=sheet,
                    row=int(row_numbers[first]),
                    column=column_text,
                    value=", ".join(shown_number(n) for n in numbers[:20]),
                    params={
                        "vocabulary": vocabulary.name_vi if vocabulary else "",
                        "rows": int(foreign.sum()),
                    },
                )
            )
            bad = bad & ~foreign
        for position in np.flatnonzero(bad):
            value = raw.iloc[position]
            shown = shown_value(value, spec.personal)
            if problems.iloc[position] == "value.label_unknown" and shown == value:
                unknown_labels.setdefault(column_text, set()).add(str(value).strip())
            issues.append(
                make_issue(
                    problems.iloc[position],
                    severity=Severity.ERROR if required else Severity.WARNING,
                    path=source.path,
                    sheet=sheet,
                    row=int(row_numbers[position]),
                    column=column_text,
                    value=shown,
                    params={
                        "required": required,
                        "vocabulary": vocabularies[spec.vocabulary].name_vi
                        if spec.vocabulary
                        else "",
                    },
                )
            )
        if required:
            missing = typed.isna().to_numpy() & ~bad
            rejected |= missing
            for position in np.flatnonzero(missing):
                issues.append(
                    make_issue(
                        "row.missing_required",
                        path=source.path,
                        sheet=sheet,
                        row=int(row_numbers[position]),
                        column=column_text,
                    )
                )
    for group in dataset.required_any:
        present = [name for name in group if name in columns]
        if not present:
            continue
        none_filled = np.logical_and.reduce([columns[n].isna().to_numpy() for n in present])
        rejected |= none_filled
        column_text = ", ".join(header.text_of(n).split(" / ")[-1] for n in present)
        for position in np.flatnonzero(none_filled):
            issues.append(
                make_issue(
                    "row.missing_procedure"
                    if set(group) == {"procedure_code", "procedure_name"}
                    else "row.missing_one_of",
                    path=source.path,
                    sheet=sheet,
                    row=int(row_numbers[position]),
                    column=column_text,
                )
            )
    keep = ~rejected
    table = pd.DataFrame({name: series[keep] for name, series in columns.items()})
    table["source_row"] = row_numbers[keep].astype(np.int64)
    return _Rows(table, int(keep.sum()), int(rejected.sum()), issues, unknown_labels, national)
