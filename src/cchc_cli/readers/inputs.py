"""Turn the command line's files, folders and globs into an ordered list of input files."""

from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path

from cchc_cli.issues import Issue, make_issue

SUPPORTED_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".txt", ".htm", ".html"}


@dataclass(frozen=True, slots=True)
class InputFile:
    """One file to read; `order` is its position for the D5 "later file wins" rule."""

    path: Path
    order: int


def _is_candidate(path: Path) -> bool:
    # Excel keeps "~$name.xlsx" lock files beside open workbooks; they are not data.
    name = path.name
    return (
        path.is_file()
        and path.suffix.lower() in SUPPORTED_SUFFIXES
        and not name.startswith(("~$", "."))
    )


def expand_inputs(arguments: list[str]) -> tuple[list[InputFile], list[Issue]]:
    """Files as given; folders (recursively) and globs in name order (D5). Duplicates once."""
    paths: list[Path] = []
    issues: list[Issue] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_file():
            paths.append(path)
        elif path.is_dir():
            found = sorted(p for p in path.rglob("*") if _is_candidate(p))
            if not found:
                issues.append(make_issue("input.no_files", path=str(path), params={"path": path}))
            paths.extend(found)
        elif any(ch in argument for ch in "*?["):
            # Windows shells do not expand globs, so we do.
            found = sorted(Path(p) for p in glob.glob(argument, recursive=True))
            found = [p for p in found if _is_candidate(p)]
            if not found:
                issues.append(
                    make_issue("input.no_files", path=argument, params={"path": argument})
                )
            paths.extend(found)
        else:
            issues.append(make_issue("input.not_found", path=argument, params={"path": argument}))
    seen: set[Path] = set()
    files: list[InputFile] = []
    for path in paths:
        key = path.resolve()
        if key in seen:
            continue
        seen.add(key)
        files.append(InputFile(path=path, order=len(files)))
    return files, issues
