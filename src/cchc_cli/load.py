"""Read every input into canonical tables: sniff, find headers, validate, resolve duplicates."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from cchc_cli.duplicates import resolve_duplicates
from cchc_cli.issues import Issue, Severity, make_issue
from cchc_cli.readers import InputFile, expand_inputs, read_file
from cchc_cli.readers.delimited import UnknownEncoding
from cchc_cli.readers.grid import RawSheet, UnreadableFile
from cchc_cli.readers.headers import HEADER_WINDOW, HeaderMatch, find_header
from cchc_cli.readers.inputs import display_path
from cchc_cli.schema import DATASETS, get_dataset
from cchc_cli.schema.aliases import ColumnsConfig
from cchc_cli.schema.fields import Dataset
from cchc_cli.schema.vocabularies import VOCABULARIES, Vocabulary
from cchc_cli.validate import SheetAccount, SheetResult, SheetSource, validate_sheet


@dataclass
class LoadResult:
    """Everything read: canonical tables per dataset, accounting per sheet, every issue."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    accounts: list[SheetAccount] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    duplicates: int = 0
    # Files that could not be used at all (missing, unreadable, nothing recognised).
    failed_inputs: list[str] = field(default_factory=list)

    @property
    def rows_read(self) -> int:
        return sum(a.rows_read for a in self.accounts)

    @property
    def rows_rejected(self) -> int:
        return sum(a.rows_rejected for a in self.accounts)

    def count(self, severity: Severity) -> int:
        """How many issues of a severity."""
        return sum(1 for i in self.issues if i.severity is severity)


@dataclass(frozen=True)
class LoadOptions:
    """What shapes a load: extra aliases and labels, a forced dataset."""

    columns: ColumnsConfig = field(default_factory=ColumnsConfig)
    dataset: str | None = None


def vocabularies_for(columns: ColumnsConfig) -> dict[str, Vocabulary]:
    """Every vocabulary with the user's extra labels."""
    return {name: columns.vocabulary(name) for name in VOCABULARIES}


def choose_header(
    sheet: RawSheet, datasets: list[Dataset], columns: ColumnsConfig
) -> tuple[HeaderMatch | None, list[HeaderMatch]]:
    """The recognised header and all candidates, best first.

    The header is None when no dataset has all its required columns, or when two datasets fit
    equally well (the caller reports the ambiguity)."""
    candidates = [
        m for d in datasets if (m := find_header(sheet, columns.index_for(d))) is not None
    ]
    candidates.sort(key=lambda m: (not m.missing_required, m.score), reverse=True)
    recognised = [m for m in candidates if not m.missing_required]
    if len(recognised) > 1 and recognised[0].score == recognised[1].score:
        return None, candidates
    return (recognised[0] if recognised else None), candidates


def load_inputs(arguments: list[str], options: LoadOptions | None = None) -> LoadResult:
    """Read all files, folders and globs in `arguments` (library entry point of `validate`)."""
    options = options or LoadOptions()
    files, issues = expand_inputs(arguments)
    result = LoadResult(issues=list(issues))
    result.failed_inputs.extend(i.path or "" for i in issues)
    datasets = [get_dataset(options.dataset)] if options.dataset else list(DATASETS.values())
    vocabularies = vocabularies_for(options.columns)
    frames: dict[str, list[pd.DataFrame]] = {}
    for input_file in files:
        readout = read_input(input_file, datasets, options, vocabularies)
        result.issues.extend(readout.issues)
        if readout.failed:
            result.failed_inputs.append(readout.path)
        for outcome in readout.sheets:
            if outcome.result is not None and outcome.header is not None:
                result.accounts.append(outcome.result.account)
                frames.setdefault(outcome.header.dataset.name, []).append(outcome.result.table)
    for name, parts in frames.items():
        table = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
        dataset = DATASETS[name]
        if dataset.key:
            key_headers = {
                (a.path, a.sheet): a.header.text_of(dataset.key)
                for a in result.accounts
                if a.header is not None and a.dataset == name
            }
            sheet_columns = {
                (a.path, a.sheet): frozenset(a.header.mapping)
                for a in result.accounts
                if a.header is not None and a.dataset == name
            }
            table, duplicate_issues = resolve_duplicates(
                table, dataset.key, key_headers, sheet_columns
            )
            result.issues.extend(duplicate_issues)
            result.duplicates += len(duplicate_issues)
        result.tables[name] = table
    return result


@dataclass
class SheetOutcome:
    """What happened to one sheet: its header (if recognised), the candidates, the result."""

    sheet: RawSheet
    header: HeaderMatch | None
    candidates: list[HeaderMatch]
    result: SheetResult | None = None


@dataclass
class FileReadout:
    """One input file read and validated sheet by sheet."""

    path: str
    sha256: str = ""
    format: str | None = None
    sheets: list[SheetOutcome] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    failed: bool = False


def read_input(
    input_file: InputFile,
    datasets: list[Dataset],
    options: LoadOptions,
    vocabularies: dict[str, Vocabulary],
) -> FileReadout:
    """Sniff, read and validate every sheet of one file; problems become issues, never raise."""
    path = input_file.label
    readout = FileReadout(path=path)
    try:
        content = input_file.path.read_bytes()
    except OSError as exc:
        readout.issues.append(
            make_issue("file.unreadable", path=path, params={"reason": exc.strerror or exc})
        )
        readout.failed = True
        return readout
    readout.sha256 = hashlib.sha256(content).hexdigest()
    try:
        fmt, sheets = read_file(content, Path(path).stem)
    except UnknownEncoding:
        readout.issues.append(make_issue("file.encoding", path=path))
        readout.failed = True
        return readout
    except UnreadableFile as exc:
        readout.issues.append(make_issue("file.unreadable", path=path, params={"reason": exc}))
        readout.failed = True
        return readout
    readout.format = str(fmt)
    unrecognised: list[Issue] = []
    for sheet_order, sheet in enumerate(sheets):
        # A sheet with nothing in its first rows has no header to find (and checking the
        # whole grid of a million-row sheet would cost more than the check is worth).
        if sheet.cells.empty or not sheet.cells.head(HEADER_WINDOW).notna().to_numpy().any():
            continue
        header, candidates = choose_header(sheet, datasets, options.columns)
        outcome = SheetOutcome(sheet, header, candidates)
        readout.sheets.append(outcome)
        if header is None:
            unrecognised.append(
                _unrecognised(path, sheet, candidates, forced=bool(options.dataset))
            )
            continue
        source = SheetSource(
            path=path,
            sha256=readout.sha256,
            format=str(fmt),
            order=input_file.order,
            sheet_order=sheet_order,
        )
        outcome.result = validate_sheet(sheet, header, source, vocabularies)
        readout.issues.extend(outcome.result.issues)
    if not any(o.result for o in readout.sheets) and not input_file.explicit:
        # Found in a folder or by a glob (a README, an instructions workbook): pass it over.
        readout.issues.append(make_issue("file.not_data", path=path))
    elif not any(o.result for o in readout.sheets):
        # Nothing usable in the file: the sheet messages (best candidate, missing columns) are
        # the reason, so they become errors; a file with no sheet at all gets its own message.
        unrecognised = [replace(i, severity=Severity.ERROR) for i in unrecognised]
        if not unrecognised:
            unrecognised.append(make_issue("file.no_dataset", path=path))
        readout.failed = True
    readout.issues.extend(unrecognised)
    return readout


def _unrecognised(path: str, sheet: RawSheet, candidates: list[HeaderMatch], forced: bool) -> Issue:
    fitting = [m for m in candidates if not m.missing_required]
    if len(fitting) > 1:
        return make_issue(
            "sheet.ambiguous_dataset",
            path=path,
            sheet=sheet.name,
            row=fitting[0].last_row,
            params={"datasets": ", ".join(m.dataset.name for m in fitting)},
        )
    best = candidates[0] if candidates else None
    dataset = best.dataset if best else next(iter(DATASETS.values()))
    missing = best.missing_required if best else dataset.missing_required(set())
    return make_issue(
        "sheet.no_dataset",
        severity=Severity.ERROR if forced else None,
        path=path,
        sheet=sheet.name,
        row=best.last_row if best else None,
        params={
            "dataset": dataset.name,
            "header_row": best.last_row if best else "?",
            "missing": ", ".join(missing),
        },
    )


def inspect_input(argument: str, options: LoadOptions | None = None) -> FileReadout:
    """Read one file for `cchc inspect`: every sheet, recognised or not, with its details."""
    options = options or LoadOptions()
    files, issues = expand_inputs([argument])
    if issues or not files:
        readout = FileReadout(path=display_path(argument), issues=list(issues), failed=True)
        return readout
    datasets = [get_dataset(options.dataset)] if options.dataset else list(DATASETS.values())
    return read_input(files[0], datasets, options, vocabularies_for(options.columns))
