"""Views of a LoadResult: the D11 `validate` JSON and the console tables."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from cchc_cli.catalogue import label
from cchc_cli.ingest import LoadResult
from cchc_cli.issues import Issue, Severity
from cchc_cli.report.names import dataset_name, format_name, profile_title
from cchc_cli.report.numbers import whole

_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "dim"}


def sorted_issues(issues: list[Issue]) -> list[Issue]:
    """Issues in reading order: file, sheet, row; file-level ones first."""
    return sorted(
        issues, key=lambda i: (i.path or "", i.sheet or "", i.row if i.row is not None else -1)
    )


def validation_json(result: LoadResult, lang: str) -> dict[str, Any]:
    """The D11 `cchc validate --format json` document."""
    return {
        "inputs": [account.to_dict() for account in result.accounts],
        "issues": [issue.to_dict(lang) for issue in sorted_issues(result.issues)],
        "duplicates": result.duplicates,
    }


# From this width every detail of a sheet has its own column; below it the file and its sheet
# share a cell, the format, profile and header rows go (inspect and JSON show them), and the
# table fits 80 columns (issue 14).
_WIDE = 160


def accounting_table(result: LoadResult, lang: str, width: int = _WIDE) -> Table:
    """Per-sheet row accounting, laid out for a window `width` columns wide."""
    wide = width >= _WIDE
    table = Table(title=label("inputs_title", lang), title_justify="left")
    keys = ("file", "sheet", "format", "dataset", "profile", "header_rows") if wide else ()
    for key in keys:
        table.add_column(label(key, lang), overflow="fold")
    if not wide:
        table.add_column(label("file_sheet", lang), overflow="fold", ratio=3)
        table.add_column(label("dataset", lang), overflow="fold", ratio=2)
    for key in ("rows_read", "rows_valid", "rows_rejected", "rows_skipped"):
        table.add_column(label(key, lang), justify="right")
    sheets_of = Counter(account.path for account in result.accounts)
    for account in result.accounts:
        counts = (
            whole(account.rows_read, lang),
            whole(account.rows_valid, lang),
            Text(whole(account.rows_rejected, lang), "red") if account.rows_rejected else "0",
            whole(account.rows_skipped, lang),
        )
        name = Path(account.path).name
        if wide:
            table.add_row(
                name,
                account.sheet,
                format_name(account.format, lang),
                dataset_name(account.dataset, lang),
                profile_title(account.profile, lang),
                ", ".join(map(str, account.header_rows)),
                *counts,
            )
            continue
        where = Text(name)
        if sheets_of[account.path] > 1:  # a workbook read in several sheets: which one
            where.append(f"\n{label('sheet', lang)}: {account.sheet}", style="dim")
        table.add_row(where, dataset_name(account.dataset, lang), *counts)
    return table


def _where(issue: Issue, lang: str) -> str:
    """File, sheet, row, column and value of an issue in one cell: a narrow window keeps room
    for the message."""
    parts = [Path(issue.path).name if issue.path else "", issue.sheet or ""]
    if issue.row is not None:
        parts.append(label("where_row", lang, row=issue.row))
    if issue.column:
        parts.append(label("where_column", lang, column=issue.column))
    if issue.value:
        parts.append(label("where_value", lang, value=issue.value))
    return " · ".join(p for p in parts if p)


_CODE_WIDTH = 20


def _code_text(code: str) -> str:
    # a long code breaks after its dot ("value." / "date_impossible"), not inside a word
    return code if len(code) <= _CODE_WIDTH else code.replace(".", ".\n", 1)


def issues_table(issues: list[Issue], lang: str, limit: int) -> Table:
    """Issues, at most `limit` of them (0 = all). The message takes the room the other columns
    leave (they are capped): the table fits the window, even 80 columns or a log, and wraps; it
    never cuts what to do."""
    table = Table(title=label("issues_title", lang), title_justify="left")
    table.add_column(label("severity", lang), overflow="fold", max_width=9)
    table.add_column(label("code", lang), overflow="fold", max_width=_CODE_WIDTH)
    table.add_column(label("where", lang), overflow="fold", max_width=30, ratio=1)
    table.add_column(label("message", lang), overflow="fold", ratio=2)
    shown = issues if limit <= 0 else issues[:limit]
    for issue in shown:
        table.add_row(
            Text(label(str(issue.severity), lang), _SEVERITY_STYLE[issue.severity]),
            _code_text(issue.code),
            _where(issue, lang),
            issue.message(lang),
        )
    return table


def render_validation(console: Console, result: LoadResult, lang: str, limit: int) -> None:
    """The `cchc validate` console view."""
    if result.accounts:
        console.print(accounting_table(result, lang, console.width))
    # People read errors first; JSON keeps plain reading order.
    rank = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    issues = sorted(sorted_issues(result.issues), key=lambda i: rank[i.severity])
    if issues:
        console.print(issues_table(issues, lang, limit))
        if 0 < limit < len(issues):
            console.print(label("more_issues", lang, n=len(issues) - limit))
    else:
        console.print(label("no_issues", lang))
    console.print(
        label(
            "summary",
            lang,
            read=whole(result.rows_read, lang),
            valid=whole(sum(a.rows_valid for a in result.accounts), lang),
            rejected=whole(result.rows_rejected, lang),
            skipped=whole(sum(a.rows_skipped for a in result.accounts), lang),
            errors=result.count(Severity.ERROR),
            warnings=result.count(Severity.WARNING),
            duplicates=result.duplicates,
        )
    )
