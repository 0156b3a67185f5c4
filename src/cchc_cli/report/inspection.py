"""Views of one file read for `cchc inspect`: how an officer debugs a new vendor's layout."""

from __future__ import annotations

from typing import Any

import pandas as pd
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from cchc_cli.issues import mask_personal
from cchc_cli.load import FileReadout, SheetOutcome
from cchc_cli.report.labels import label, whole
from cchc_cli.report.validation import issues_table, sorted_issues
from cchc_cli.validate import SOURCE_COLUMNS


def _cell(value: Any) -> Any:
    if value is None or pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def preview_rows(outcome: SheetOutcome, rows: int) -> list[dict[str, Any]]:
    """The first valid rows with canonical names; personal fields masked."""
    if outcome.result is None or outcome.header is None:
        return []
    personal = outcome.header.dataset.personal_fields
    table = outcome.result.table.head(rows)
    preview = []
    for record in table.to_dict("records"):
        row: dict[str, Any] = {"row": int(record["source_row"])}
        for name, value in record.items():
            if name in SOURCE_COLUMNS:
                continue
            value = _cell(value)
            row[name] = mask_personal(value) if name in personal and value else value
        preview.append(row)
    return preview


def inspection_json(readout: FileReadout, lang: str, rows: int) -> dict[str, Any]:
    """Everything `inspect` shows, for scripts."""
    sheets = []
    for outcome in readout.sheets:
        header = outcome.header or (outcome.candidates[0] if outcome.candidates else None)
        account = outcome.result.account if outcome.result else None
        sheets.append(
            {
                "name": outcome.sheet.name,
                "recognised": outcome.header is not None,
                "dataset": header.dataset.name if header else None,
                "header_rows": header.header_rows if header else [],
                "columns": [
                    {"position": c.index + 1, "header": c.text, "field": c.field}
                    for c in (header.columns if header else [])
                    if c.text
                ],
                "missing_required": header.missing_required if header else [],
                "accounting": None
                if account is None
                else {
                    "rows_read": account.rows_read,
                    "rows_valid": account.rows_valid,
                    "rows_rejected": account.rows_rejected,
                    "rows_skipped": account.rows_skipped,
                    "skipped_by_reason": account.skipped,
                },
                "details": outcome.sheet.details,
                "preview": preview_rows(outcome, rows),
            }
        )
    return {
        "path": readout.path,
        "format": readout.format,
        "sha256": readout.sha256 or None,
        "sheets": sheets,
        "issues": [i.to_dict(lang) for i in sorted_issues(readout.issues)],
    }


def _sheet_panel(outcome: SheetOutcome, lang: str, rows: int) -> Panel:
    header = outcome.header or (outcome.candidates[0] if outcome.candidates else None)
    parts: list[Any] = []
    if outcome.header is not None:
        status = Text(f"{label('recognised_as', lang)}: {outcome.header.dataset.name}", "green")
    else:
        status = Text(label("not_recognised", lang), "red")
        if header is not None:
            status += (
                f" — {header.dataset.name}: {label('missing_required', lang)}: "
                f"{', '.join(header.missing_required)}"
            )
    if header is not None:
        status += f"  {label('header_rows', lang)}: {', '.join(map(str, header.header_rows))}"
    for key, value in outcome.sheet.details.items():
        status += f"  {label(key, lang)}: {value}"
    parts.append(status)
    if header is not None:
        columns = Table(show_edge=False)
        columns.add_column(label("position", lang), justify="right")
        columns.add_column(label("header_text", lang), overflow="fold")
        columns.add_column(label("canonical", lang))
        winners = set(header.mapping.values())
        for c in header.columns:
            if not c.text:
                continue
            used = c.field is not None and c.index in winners
            field = (
                Text(c.field, "cyan") if used and c.field else Text(label("unmapped", lang), "dim")
            )
            columns.add_row(str(c.index + 1), c.text, field)
        parts.append(columns)
    if outcome.result is not None:
        a = outcome.result.account
        reasons = ", ".join(f"{label(k, lang)}: {v}" for k, v in sorted(a.skipped.items()))
        counts = "  ".join(
            f"{label(key, lang)}: {whole(getattr(a, key), lang)}"
            for key in ("rows_read", "rows_valid", "rows_rejected", "rows_skipped")
        )
        parts.append(counts + (f" ({reasons})" if reasons else ""))
        preview = preview_rows(outcome, rows)
        if preview:
            table = Table(title=label("preview", lang), title_justify="left", show_edge=False)
            table.add_column(label("field", lang))
            for record in preview:
                table.add_column(f"{label('row', lang)} {record['row']}", overflow="fold")
            for name in [k for k in preview[0] if k != "row"]:
                table.add_row(name, *["" if r[name] is None else str(r[name]) for r in preview])
            parts.append(table)
    return Panel(
        Group(*parts), title=f"{label('sheet', lang)}: {outcome.sheet.name}", title_align="left"
    )


def render_inspection(console: Console, readout: FileReadout, lang: str, rows: int) -> None:
    """The `cchc inspect` console view."""
    console.print(Text(readout.path, "bold"))
    if readout.format:
        console.print(f"{label('detected_format', lang)}: {readout.format}")
    for outcome in readout.sheets:
        console.print(_sheet_panel(outcome, lang, rows))
    issues = sorted_issues(readout.issues)
    if issues:
        console.print(issues_table(issues, lang, 50))
