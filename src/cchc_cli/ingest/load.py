"""Read every input into canonical tables: sniff, find headers, validate, resolve duplicates."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cchc_cli.catalogue import os_reason
from cchc_cli.ingest.cache import CachedFile, CachedRun, ReadCache, SheetPart
from cchc_cli.ingest.join import join_tables
from cchc_cli.ingest.memory import give_back
from cchc_cli.ingest.validate import (
    SheetAccount,
    SheetResult,
    SheetSource,
    constant_category,
    validate_sheet,
)
from cchc_cli.issues import Issue, Severity, make_issue, mask_personal
from cchc_cli.profiles import ProfileSet, shipped_set
from cchc_cli.readers import InputFile, expand_inputs, read_file
from cchc_cli.readers.delimited import UnknownEncoding
from cchc_cli.readers.grid import OverLimit, RawSheet, UnreadableFile
from cchc_cli.readers.hashes import FileKey, file_key, file_sha256, keep_hashes
from cchc_cli.readers.hashes import stamp as stamp_of
from cchc_cli.readers.headers import HEADER_WINDOW, HeaderChoice, HeaderMatch, choose_header
from cchc_cli.readers.inputs import display_path
from cchc_cli.schema import DATASETS, get_dataset
from cchc_cli.schema.fields import Dataset
from cchc_cli.text import first_legacy_text, legacy_encoding


@dataclass
class LoadResult:
    """Everything read: canonical tables per dataset, accounting per sheet, every issue."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    accounts: list[SheetAccount] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    duplicates: int = 0
    # Files that could not be used at all (missing, unreadable, nothing recognised).
    failed_inputs: list[str] = field(default_factory=list)
    # The cache's run entry holding these tables, and the facts kept with it (ReadCache).
    run_key: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def rows_read(self) -> int:
        return sum(a.rows_read for a in self.accounts)

    @property
    def rows_rejected(self) -> int:
        return sum(a.rows_rejected for a in self.accounts)

    @property
    def rejected_rate(self) -> float:
        """The share of rows read that were rejected."""
        return self.rows_rejected / self.rows_read if self.rows_read else 0.0

    @property
    def valid(self) -> bool:
        """Every input read, something recognised, no row rejected (`validate` exits 0)."""
        return not self.failed_inputs and bool(self.accounts) and not self.rows_rejected

    def usable(self, max_invalid: float) -> bool:
        """Targets can be computed: every input read, something recognised, and at most
        `max_invalid` of the rows read rejected (`compute` and `report`)."""
        read = not self.failed_inputs and bool(self.accounts)
        return read and self.rejected_rate <= max_invalid + 1e-12

    def count(self, severity: Severity) -> int:
        """How many issues of a severity."""
        return sum(1 for i in self.issues if i.severity is severity)


@dataclass(frozen=True)
class LoadOptions:
    """What shapes a load: the vendor profiles to read with (all shipped ones, detected per
    sheet, or the one forced, with the user's --columns laid over), a forced dataset."""

    profiles: ProfileSet = field(default_factory=shipped_set)
    dataset: str | None = None
    # The personal fields (names, ID numbers, phones, addresses) the tables keep: None keeps
    # them all; a run keeps only those its targets read or its report shows (`run.prepare`).
    # A 250k-row month holds 11 MB of them, and nothing else needs them (issue 12). The file
    # cache stores them all: what is kept is chosen after it.
    personal: frozenset[str] | None = None


@dataclass
class FileLoad:
    """What loading one file gives the run: its issues and its validated sheets."""

    path: str
    failed: bool
    issues: list[Issue]
    parts: list[SheetPart]
    # Whether its load is in the file cache (or could be): a run entry is kept only when
    # every file's is.
    cacheable: bool = False


# Progress callback: (what is happening, files done, files in all).
Progress = Callable[[str, int, int], None]


def _options_digest(options: LoadOptions) -> str:
    described = {"profiles": options.profiles.digest, "dataset": options.dataset}
    return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()


def _relocate(found: CachedFile, input_file: InputFile, options: LoadOptions) -> FileLoad:
    """A cached load put in this run's place: the file's name and order on the command line,
    the personal fields the run does not keep left out."""
    path = input_file.label
    issues = [replace(i, path=path) for i in found.issues]
    parts = []
    for dataset, account, table in found.parts:
        account.path = path
        table["source_path"] = constant_category(path, len(table))
        table["source_order"] = np.int32(input_file.order)
        parts.append((dataset, account, table))
    return FileLoad(path, False, issues, _kept(parts, options), cacheable=True)


def _kept(parts: list[SheetPart], options: LoadOptions) -> list[SheetPart]:
    """The sheets without the personal fields the run does not keep (`LoadOptions.personal`)."""
    if options.personal is None:
        return parts
    kept = []
    for dataset, account, table in parts:
        unwanted = DATASETS[dataset].personal_fields - options.personal
        kept.append((dataset, account, table.drop(columns=[c for c in table if c in unwanted])))
    return kept


def _entry_key(
    cache: ReadCache, input_file: InputFile, known: FileKey, options: LoadOptions
) -> str:
    # The stem names the "sheet" of a CSV or HTML file: part of what was read.
    return cache.key(known.sha256, _options_digest(options) + input_file.path.stem)


def load_file(
    input_file: InputFile,
    datasets: list[Dataset],
    options: LoadOptions,
    cache: ReadCache | None = None,
    known: FileKey | None = None,
) -> FileLoad:
    """One file for a run: from the cache when its bytes were read before, else read now.

    The cache key is the hash of the file's bytes (`known`, when the caller hashed it); the
    parser then reads the file itself.
    """
    key = digest = stamp = None  # without a hash, read_input takes the stamp itself
    if cache is not None:
        if known is None:
            known = file_key(input_file.path, cache.folder)
            keep_hashes(cache.folder)
        if known is not None:
            digest, stamp = known.sha256, known.stamp
            key = _entry_key(cache, input_file, known, options)
            found = cache.get(key)
            if found is not None:
                return _relocate(found, input_file, options)
    readout = read_input(input_file, datasets, options, digest, stamp)
    give_back()
    parts = [
        (o.header.dataset.name, o.result.account, o.result.table)
        for o in readout.sheets
        if o.result is not None and o.header is not None
    ]
    # Only files with data are kept: whether a file without any is an error or a warning
    # depends on how it was named on the command line, not on its bytes.
    cacheable = key is not None and bool(parts) and not readout.failed and not readout.changed
    if cache is not None and key is not None and cacheable:
        cache.put(key, CachedFile(readout.format, readout.issues, parts))
    return FileLoad(readout.path, readout.failed, readout.issues, _kept(parts, options), cacheable)


def load_inputs(
    arguments: list[str],
    options: LoadOptions | None = None,
    cache: ReadCache | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> LoadResult:
    """Read all files, folders and globs in `arguments` (library entry point of `validate`)."""
    files, issues = expand_inputs(arguments)
    return load_files(files, issues, options, cache, progress, workers)


def _default_workers() -> int:
    """One file at a time per core, at most four: each file being read needs about its parse's
    memory (0.5 GB for a 250k-row month), and past four the Python parts of validation share
    one interpreter anyway."""
    return max(1, min(os.cpu_count() or 1, 4))


def workers_setting() -> int | None:
    """CCHC_WORKERS: how many files are read at once, when it is a positive whole number (else
    the default, `_default_workers`). Each file being read needs several times its size in
    memory; 1 keeps a small laptop's peak lowest."""
    text = os.environ.get("CCHC_WORKERS", "").strip()
    return int(text) if text.isdigit() and int(text) > 0 else None


def load_files(
    files: list[InputFile],
    issues: list[Issue],
    options: LoadOptions | None = None,
    cache: ReadCache | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> LoadResult:
    """Read expanded inputs (`expand_inputs`), its problems kept as the first issues.

    Files are read in parallel, one per core and at most four at a time (CCHC_WORKERS), in
    threads: the Rust reader and Arrow's kernels release the GIL, so twelve monthly files take
    the same time as in worker processes (3M rows on 2 cores: 30.6 s in threads, 30.3 s in
    processes) with one copy of the interpreter and no results pickled between processes
    (peak 2.0 GB in threads; 1.2 GB + 2 x 1.0 GB in processes). The result is the same as
    reading them one by one, in command-line order.
    """
    options = options or LoadOptions()
    result = LoadResult(issues=list(issues))
    # notes on passed-over names (a report cchc wrote, a pipe) do not fail the run
    result.failed_inputs.extend(i.path or "" for i in issues if i.severity is Severity.ERROR)
    datasets = [get_dataset(options.dataset)] if options.dataset else list(DATASETS.values())
    workers = max(1, min(len(files), workers or workers_setting() or _default_workers()))
    keys: list[FileKey | None] = [None] * len(files)
    run_key = None
    if cache is not None and files:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            keys = list(pool.map(lambda f: file_key(f.path, cache.folder), files))
        keep_hashes(cache.folder)
        if all(k is not None for k in keys):
            run_key = cache.run_key(
                [
                    (f.label, f.order, _entry_key(cache, f, k, options))
                    for f, k in zip(files, keys, strict=True)
                    if k is not None
                ],
                options.personal,
            )
            found = cache.get_run(run_key)
            if found is not None:
                if progress is not None:
                    progress(files[-1].label, len(files), len(files))
                result.run_key = run_key
                return _with_run(result, found)
    done = 0

    def one(index: int) -> FileLoad:
        return load_file(files[index], datasets, options, cache, keys[index])

    loads: list[FileLoad] = []
    pool = ThreadPoolExecutor(max_workers=workers)
    try:
        for load in pool.map(one, range(len(files))):
            loads.append(load)
            done += 1
            if progress is not None:
                progress(load.path, done, len(files))
    except BaseException:
        # Ctrl-C or SIGTERM: the files not yet started are not started (a parse under way in
        # the Rust reader cannot be stopped; it ends on its own)
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    joined = _join(loads)
    # The key does not say whether a file was named or found in a folder: a set with a file
    # whose outcome depends on that (no data: an error when named, a warning in a folder) is
    # never stored, nor one with a file that failed or changed while read.
    if cache is not None and run_key is not None and all(load.cacheable for load in loads):
        cache.put_run(run_key, joined)
        result.run_key = run_key
    result.failed_inputs.extend(load.path for load in loads if load.failed)
    return _with_run(result, joined)


def _with_run(result: LoadResult, run: CachedRun) -> LoadResult:
    """The input problems found before reading (in `result`), then what the files gave."""
    result.issues.extend(run.issues)
    result.accounts.extend(run.accounts)
    result.tables.update(run.tables)
    result.duplicates += run.duplicates
    result.facts = dict(run.facts)
    return result


def _join(loads: list[FileLoad]) -> CachedRun:
    """The files' sheets joined per dataset, duplicates resolved (D5)."""
    run = CachedRun({}, [], [], 0)
    frames: dict[str, list[pd.DataFrame]] = {}
    for load in loads:
        run.issues.extend(load.issues)
        for dataset_name, account, table in load.parts:
            run.accounts.append(account)
            frames.setdefault(dataset_name, []).append(table)
        load.parts = []  # held only by `frames` from here: joining lets each go in turn
    for name in list(frames):
        dataset = DATASETS[name]
        mine = [a for a in run.accounts if a.dataset == name]
        key_headers = {(a.path, a.sheet): a.columns.get(dataset.key, "") for a in mine}
        sheet_columns = {(a.path, a.sheet): frozenset(a.columns) for a in mine}
        # join_tables lets each file's table go once it is filtered (frames.pop: not kept)
        table, duplicate_issues = join_tables(
            frames.pop(name), dataset.key, name, key_headers, sheet_columns
        )
        run.issues.extend(duplicate_issues)
        run.duplicates += len(duplicate_issues)
        run.tables[name] = table
    return run


@dataclass
class SheetOutcome:
    """What happened to one sheet: its header (if recognised), the candidates, the profile
    chosen and the result."""

    sheet: RawSheet
    choice: HeaderChoice
    result: SheetResult | None = None

    @property
    def header(self) -> HeaderMatch | None:
        return self.choice.header

    @property
    def candidates(self) -> list[HeaderMatch]:
        return self.choice.candidates


@dataclass
class FileReadout:
    """One input file read and validated sheet by sheet."""

    path: str
    sha256: str = ""
    format: str | None = None
    sheets: list[SheetOutcome] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    failed: bool = False
    # The file's size or time changed between the start and the end of its reading.
    changed: bool = False


def read_input(
    input_file: InputFile,
    datasets: list[Dataset],
    options: LoadOptions,
    sha256: str | None = None,
    stamp: tuple[int, int] | None = None,
) -> FileReadout:
    """Sniff, read and validate every sheet of one file; problems become issues, never raise.
    `sha256` is the file's hash when already known, `stamp` its size and time when hashed."""
    path = input_file.label
    readout = FileReadout(path=path)
    before = stamp if stamp is not None else stamp_of(input_file.path)
    # Hashing 150 MB takes a tenth of a second: let it run beside the parser (both release
    # the GIL).
    with ThreadPoolExecutor(max_workers=1) as hasher:
        digest = hasher.submit(lambda: sha256 or file_sha256(input_file.path))
        try:
            fmt, sheets = read_file(input_file.path, Path(path).stem)
            readout.sha256 = digest.result()
        except OSError as exc:
            readout.issues.append(
                make_issue("file.unreadable", path=path, params={"reason": os_reason(exc)})
            )
            readout.failed = True
        except UnknownEncoding:
            readout.issues.append(make_issue("file.encoding", path=path))
            readout.failed = True
        except UnreadableFile as exc:
            code = "file.over_limit" if isinstance(exc, OverLimit) else "file.unreadable"
            readout.issues.append(make_issue(code, path=path, params={"reason": exc.reason}))
            readout.failed = True
    if readout.failed:
        return readout
    if before is None or stamp_of(input_file.path) != before:
        # The hash and the parse read the file separately: a file rewritten in between
        # (an export still being written, a sync client) must not be cached under a hash of
        # other bytes.
        readout.changed = True
        readout.issues.append(make_issue("file.changed_while_read", path=path))
    readout.format = str(fmt)
    unrecognised: list[Issue] = []
    encodings: list[Issue] = []
    for sheet_order, sheet in enumerate(sheets):
        # A sheet with nothing in its first rows has no header to find (and checking the
        # whole grid of a million-row sheet would cost more than the check is worth).
        if sheet.cells.empty or not sheet.cells.head(HEADER_WINDOW).notna().to_numpy().any():
            continue
        profiles = options.profiles
        choice = choose_header(
            sheet, datasets, profiles.profiles, profiles.known_keys, forced=profiles.forced
        )
        legacy = _legacy_encoding_issue(path, sheet, choice.header)
        if legacy is not None:
            encodings.append(legacy)
        outcome = SheetOutcome(sheet, choice)
        readout.sheets.append(outcome)
        header = choice.header
        if header is None:
            if choice.tied:
                unrecognised.append(
                    make_issue(
                        "sheet.profile_unclear",
                        path=path,
                        sheet=sheet.name,
                        row=choice.candidates[0].last_row if choice.candidates else None,
                        params={"profiles": ", ".join(choice.tied)},
                    )
                )
            else:
                unrecognised.append(
                    _unrecognised(path, sheet, choice.candidates, forced=bool(options.dataset))
                )
            continue
        source = SheetSource(
            path=path,
            sha256=readout.sha256,
            format=str(fmt),
            order=input_file.order,
            sheet_order=sheet_order,
        )
        outcome.result = validate_sheet(sheet, header, source)
        outcome.result.issues[:0] = detection_issues(path, sheet.name, choice)
        if legacy is not None:
            # its text is mojibake, still readable as names ("Lª Tý" is Lê Tý): no value of
            # it is shown, and the labels it "does not know" are the encoding's, said once
            outcome.result.issues = [
                replace(i, value=mask_personal(i.value))
                for i in outcome.result.issues
                if i.code != "profile.unread"
            ]
        readout.issues.extend(outcome.result.issues)
    if not any(o.result for o in readout.sheets) and not input_file.explicit:
        # Found in a folder or by a glob (a README, an instructions workbook): pass it over
        # (what its bytes look like when read as text does not matter then).
        readout.issues.append(make_issue("file.not_data", path=path))
        encodings.clear()
    elif not any(o.result for o in readout.sheets):
        # Nothing usable in the file: the sheet messages (best candidate, missing columns) are
        # the reason, so they become errors; a file with no sheet at all gets its own message.
        unrecognised = [replace(i, severity=Severity.ERROR) for i in unrecognised]
        if not unrecognised:
            unrecognised.append(make_issue("file.no_dataset", path=path))
        readout.failed = True
    if encodings:
        # never passed off as Vietnamese: the file's figures are not computed until it is
        # converted to Unicode
        readout.failed = True
    readout.issues[:0] = encodings  # first: it explains the rest
    readout.issues.extend(unrecognised)
    return readout


# Rows looked at for text typed in a legacy font encoding: such files are encoded throughout.
LEGACY_SAMPLE_ROWS = 2000


def _legacy_encoding_issue(path: str, sheet: RawSheet, header: HeaderMatch | None) -> Issue | None:
    """An error when the sheet's text reads as TCVN3 or VNI rather than Unicode (issue 13):
    procedure names and statuses would be taken as written, in mojibake. The example shown
    comes from above the data only: the header rows when a header was found, else the rows
    down to the first that fills three cells (a header in mojibake); data rows may hold
    names."""
    head = sheet.cells.head(HEADER_WINDOW + LEGACY_SAMPLE_ROWS)
    texts = [v for column in head.columns for v in head[column].dropna().tolist()]
    found = legacy_encoding(texts)
    if found is None:
        return None
    top = head.head(HEADER_WINDOW)
    filled = top.notna().sum(axis=1)
    if header is not None:
        last = header.last_row
    else:
        wide = filled[filled >= 3]
        last = int(wide.index[0]) if len(wide) else int(top.index[0])
    above = [str(v) for _, row in top.loc[:last].iterrows() for v in row.dropna().tolist()]
    example = first_legacy_text(above)
    return make_issue(
        "sheet.legacy_encoding",
        path=path,
        sheet=sheet.name,
        params={"encoding": found[0], "example": example[:60] if example else "…"},
    )


# How many more columns an unidentified vendor's profile must recognise to be suggested.
SUGGEST_MARGIN = 2


def detection_issues(path: str, sheet: str, choice: HeaderChoice) -> list[Issue]:
    """What the profile choice of a sheet needs to say: a profile used without the headers
    that identify its system, a tie between vendors' profiles."""
    header = choice.header
    if header is None:
        return []
    issues = []
    if choice.unconfirmed:
        issues.append(
            make_issue(
                "profile.unconfirmed",
                path=path,
                sheet=sheet,
                row=header.last_row,
                params={"profile": header.profile.name},
            )
        )
    chosen = choice.chosen
    better = [
        f
        for f in choice.fits
        if f.header is not None
        and not f.identified
        and chosen is not None
        and f.score >= chosen.score + SUGGEST_MARGIN
    ]
    if better and chosen is not None and not chosen.identified and not choice.forced:
        best = max(better, key=lambda f: f.score)
        issues.append(
            make_issue(
                "profile.suggested",
                path=path,
                sheet=sheet,
                row=header.last_row,
                params={
                    "profile": best.profile.name,
                    "title": best.profile.title,
                    "score": best.score,
                    "chosen": chosen.score,
                },
            )
        )
    if choice.tied:
        issues.append(
            make_issue(
                "profile.ambiguous",
                path=path,
                sheet=sheet,
                row=header.last_row,
                params={"profile": header.profile.name, "others": ", ".join(choice.tied)},
            )
        )
    return issues


def _unrecognised(path: str, sheet: RawSheet, candidates: list[HeaderMatch], forced: bool) -> Issue:
    fitting = [m for m in candidates if not m.missing_required]
    if len(fitting) > 1:
        return make_issue(
            "sheet.ambiguous_dataset",
            path=path,
            sheet=sheet.name,
            row=fitting[0].last_row,
            # named as the officer knows them, with the value --dataset takes
            params={
                "datasets": ", ".join(
                    f"'{m.dataset.title_vi}' (--dataset {m.dataset.name})" for m in fitting
                )
            },
        )
    best = candidates[0] if candidates else None
    dataset = best.dataset if best else next(iter(DATASETS.values()))
    missing = best.missing_required if best else dataset.missing_required(set())
    # what the officer reads in the export: the list's name, the headers to look for
    words = ", ".join(_header_words(dataset, name) for name in missing)
    if best is None:  # no row looks like a header of any list
        return make_issue(
            "sheet.no_header",
            severity=Severity.ERROR if forced else None,
            path=path,
            sheet=sheet.name,
            params={"dataset": dataset.title_vi, "missing": words},
        )
    return make_issue(
        "sheet.no_dataset",
        severity=Severity.ERROR if forced else None,
        path=path,
        sheet=sheet.name,
        row=best.last_row,
        params={"dataset": dataset.title_vi, "header_row": best.last_row, "missing": words},
    )


def _header_words(dataset: Dataset, missing: str) -> str:
    """A missing required field as the header an export writes ("Mã hồ sơ"); alternatives
    ("procedure_code/procedure_name") as "Mã thủ tục hoặc Tên thủ tục"."""
    names = [
        dataset.fields[n].label_vi or n if n in dataset.fields else n for n in missing.split("/")
    ]
    return f"'{names[0]}'" if len(names) == 1 else " / ".join(f"'{n}'" for n in names)


def inspect_input(argument: str, options: LoadOptions | None = None) -> FileReadout:
    """Read one file for `cchc inspect`: every sheet, recognised or not, with its details."""
    options = options or LoadOptions()
    files, issues = expand_inputs([argument])
    if issues or not files:
        readout = FileReadout(path=display_path(argument), issues=list(issues), failed=True)
        return readout
    datasets = [get_dataset(options.dataset)] if options.dataset else list(DATASETS.values())
    return read_input(files[0], datasets, options)
