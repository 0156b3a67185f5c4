"""Turn the command line's files, folders and globs into an ordered list of input files."""

from __future__ import annotations

import glob
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from cchc_cli.issues import Issue, make_issue
from cchc_cli.readers.zip_end import declared_members, zip_members_limit

# The custom property cchc writes into its own workbooks (report/sheet.py).
OUTPUT_MARK = "cchc-output"
# The columns of `compute --format csv` (report/results.py): a CSV result carries no property,
# so its header line is its mark; no export names its columns in these English ids.
RESULT_CSV_COLUMNS = (
    "id",
    "name",
    "group_by",
    "group",
    "numerator",
    "denominator",
    "value",
    "target_op",
    "target_value",
    "status",
    "message",
    "local",
    "local_reason",
    # the figures as every other view writes them (a count change as a change, rounded)
    "shown_value",
    "shown_target",
)
# The most parts a workbook of cchc's own has (a report with its charts has about 40).
_OWN_PARTS = 500
SUPPORTED_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".txt", ".htm", ".html"}


def display_path(path: Path | str) -> str:
    """A path as text that can always be printed and written to JSON.

    A file name that is not valid UTF-8 (copied from an old Windows machine, say) reaches Python
    with surrogate escapes; those are shown as \\xNN instead of breaking the output.
    """
    text = str(path)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@dataclass(frozen=True, slots=True)
class InputFile:
    """One file to read; `order` is its position for the D5 "later file wins" rule.

    `explicit` is False for files found inside a folder or by a glob: such a file that turns
    out not to be a data list is passed over with a warning instead of failing the run.
    """

    path: Path
    order: int
    explicit: bool = True

    @property
    def label(self) -> str:
        return display_path(self.path)


def _is_candidate(path: Path) -> bool:
    # Excel keeps "~$name.xlsx" lock files beside open workbooks; they are not data.
    name = path.name
    return (
        path.suffix.lower() in SUPPORTED_SUFFIXES
        and not name.startswith(("~$", "."))
        and _kind(path) == "file"
    )


def written_by_cchc(path: Path) -> bool:
    """Whether a file is one cchc wrote: a workbook (a report, a result book) whose custom
    properties carry OUTPUT_MARK (only the zip's directory and that small part are read), or a
    CSV result whose first line is RESULT_CSV_COLUMNS."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return _is_result_csv(path)
    if suffix not in (".xlsx", ".xlsm"):
        return False
    try:
        with path.open("rb") as handle:
            # a workbook cchc wrote has a few dozen parts: a zip declaring more is not one,
            # and its directory is not loaded here (a hostile zip of a million parts took
            # 1 GB to list; the reader refuses it from this same end record)
            count = declared_members(handle)
            most = min(_OWN_PARTS, zip_members_limit())
            if count is None or count > most:
                return False
            handle.seek(0)
            with zipfile.ZipFile(handle) as archive:
                info = archive.getinfo("docProps/custom.xml")
                if info.file_size > 65_536:
                    return False
                return f'name="{OUTPUT_MARK}"'.encode() in archive.read(info)
    except (KeyError, OSError, zipfile.BadZipFile, RuntimeError, ValueError, EOFError):
        return False


def _is_result_csv(path: Path) -> bool:
    header = ",".join(RESULT_CSV_COLUMNS).encode()
    try:
        with path.open("rb") as stream:
            start = stream.read(len(header) + 8)
    except OSError:
        return False
    start = start.removeprefix(b"\xef\xbb\xbf")
    return start.startswith(header) and start[len(header) : len(header) + 1] in (b"\r", b"\n")


def _not_a_file_here(path: Path) -> bool:
    """A name in a folder that looks like a table file but is no regular file (a pipe, a
    device, a socket, a link to nothing or to itself)."""
    name = path.name
    if path.suffix.lower() not in SUPPORTED_SUFFIXES or name.startswith(("~$", ".")):
        return False
    return _kind(path) is None


def _kind(path: Path) -> str | None:
    """ "file" (a regular file), "dir", or None: nothing there, something else (a pipe, a
    device), or a name the system cannot look up (too long, a link loop)."""
    try:
        if path.is_file():
            return "file"
        if path.is_dir():
            return "dir"
    except OSError:
        return None
    return None


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False


def name_order(path: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The order of the files of a folder or glob (D5's "file given later" tie-break), the same
    on every system: folder by folder, by each name's NFC, case-folded text, then its raw text.
    Sorting raw names put "b.xlsx" before "A.xlsx" on Linux (and NFD names from a Mac apart)
    while Windows lists them the other way (issue 14)."""
    parts = tuple(display_path(part) for part in path.parts)
    return tuple(unicodedata.normalize("NFC", part).casefold() for part in parts), parts


def expand_inputs(arguments: list[str]) -> tuple[list[InputFile], list[Issue]]:
    """Files as given; folders (recursively) and globs in name order (`name_order`, D5).
    Duplicates once."""
    paths: list[tuple[Path, bool]] = []
    issues: list[Issue] = []
    for argument in arguments:
        path = Path(argument)
        shown = display_path(argument)
        kind = _kind(path)
        if kind == "file":
            paths.append((path, True))
        elif kind == "dir":
            listed = list(path.rglob("*"))
            found = sorted((p for p in listed if _is_candidate(p)), key=name_order)
            for odd in sorted((p for p in listed if _not_a_file_here(p)), key=name_order):
                # a pipe, a device, a socket or a broken link named like a table: said
                shown_odd = display_path(odd)
                issues.append(
                    make_issue(
                        "input.skipped_not_a_file", path=shown_odd, params={"path": shown_odd}
                    )
                )
            if not found:
                issues.append(make_issue("input.no_files", path=shown, params={"path": shown}))
            paths.extend((p, False) for p in found)
        elif any(ch in argument for ch in "*?["):
            # Windows shells do not expand globs, so we do.
            found = [Path(p) for p in glob.glob(argument, recursive=True)]
            found = sorted((p for p in found if _is_candidate(p)), key=name_order)
            if not found:
                issues.append(make_issue("input.no_files", path=shown, params={"path": shown}))
            paths.extend((p, False) for p in found)
        elif _exists(path):  # a pipe, a device, a socket: nothing cchc can read a table from
            issues.append(make_issue("input.not_a_file", path=shown, params={"path": shown}))
        else:
            issues.append(make_issue("input.not_found", path=shown, params={"path": shown}))
    seen: set[Path] = set()
    files: list[InputFile] = []
    for path, explicit in paths:
        if written_by_cchc(path):
            # a report or result saved among the exports: passed over, with a note, even when
            # named (an unquoted `*.xlsx` in bash or cron names every file of the folder); it
            # is never a list to count, and a report's late-dossier sheet would be read as one
            shown = display_path(path)
            issues.append(make_issue("input.own_output", path=shown, params={"path": shown}))
            continue
        try:
            key = path.resolve()
        except (OSError, RuntimeError):  # a link loop on the way
            key = path.absolute()
        if key in seen:
            continue
        seen.add(key)
        files.append(InputFile(path=path, order=len(files), explicit=explicit))
    return files, issues
