"""Views of one file read for `cchc inspect`: how an officer debugs a new vendor's layout."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

import pandas as pd
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from cchc_cli.catalogue import label
from cchc_cli.ingest.load import FileReadout, SheetOutcome
from cchc_cli.ingest.validate import SOURCE_COLUMNS
from cchc_cli.issues import shown_value
from cchc_cli.readers.headers import HeaderColumn, HeaderMatch, ProfileFit
from cchc_cli.report.names import code_name, field_name, format_name
from cchc_cli.report.numbers import count, whole
from cchc_cli.report.validation import issues_table, sorted_issues
from cchc_cli.schema.fields import FieldSpec, Kind


def _cell(value: Any) -> Any:
    if value is None or pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def preview_rows(outcome: SheetOutcome, rows: int) -> list[dict[str, Any]]:
    """The first valid rows with canonical names; personal fields, and text that looks
    personal, masked."""
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
            # text that looks personal in another column (shifted cells) is masked too
            row[name] = shown_value(value, name in personal) if isinstance(value, str) else value
        preview.append(row)
    return preview


def details_of(outcome: SheetOutcome) -> dict[str, str]:
    """What the reader and the validation noted about a sheet (CSV encoding, numbers read as
    national codes, …)."""
    details = dict(outcome.sheet.details)
    if outcome.result is not None:
        details.update(outcome.result.account.details)
    return details


def _fit_json(fit: ProfileFit | None) -> dict[str, Any] | None:
    if fit is None:
        return None
    return {"name": fit.profile.name, "score": fit.score, "values_read": fit.values_read}


def profile_json(outcome: SheetOutcome, lang: str = "vi") -> dict[str, Any] | None:
    """The profile a sheet was read with, its score and the runner-up (D12)."""
    choice = outcome.choice
    chosen = choice.chosen
    if chosen is None:
        return None
    return {
        **(_fit_json(chosen) or {}),
        "title": chosen.profile.title_in(lang),
        "forced": choice.forced,
        "runner_up": _fit_json(choice.runner_up),
        "tied": choice.tied,
    }


def _column_json(column: HeaderColumn, header: HeaderMatch) -> dict[str, Any]:
    data: dict[str, Any] = {
        "position": column.index + 1,
        "header": column.text,
        "field": column.field,
    }
    if column.field is not None:
        data["used"] = header.mapping.get(column.field) == column.index
        data["priority"] = column.priority
    if column.ignored:
        data["ignored"] = True
        data["why"] = column.why
        data["why_en"] = column.why_en
    return data


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
                "profile": profile_json(outcome, lang),
                "header_rows": header.header_rows if header else [],
                "columns": [
                    _column_json(c, header) for c in (header.columns if header else []) if c.text
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
                "details": details_of(outcome),
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


def _sheet_panel(outcome: SheetOutcome, lang: str, rows: int, ids: bool) -> Panel:
    header = outcome.header or (outcome.candidates[0] if outcome.candidates else None)
    parts: list[Any] = []
    if outcome.header is not None:
        dataset = outcome.header.dataset
        status = Text(f"{label('recognised_as', lang)}: {dataset.title(lang)}", "green")
    else:
        status = Text(label("not_recognised", lang), "red")
        if header is not None:
            missing = ", ".join(
                " / ".join(field_name(header.dataset.name, f, lang, ids) for f in group.split("/"))
                for group in header.missing_required
            )
            status += (
                f" — {header.dataset.title(lang)}: {label('missing_required', lang)}: {missing}"
            )
    if header is not None:
        status += f"  {label('header_rows', lang)}: {', '.join(map(str, header.header_rows))}"
    for key, value in details_of(outcome).items():
        status += f"  {label(key, lang)}: {value}"
    parts.append(status)
    profile_line = _profile_text(outcome, lang)
    if profile_line is not None:
        parts.append(profile_line)
    if header is not None:
        columns = Table(show_edge=False)
        columns.add_column(label("position", lang), justify="right")
        columns.add_column(label("header_text", lang), overflow="fold")
        columns.add_column(label("canonical", lang))
        for c in header.columns:
            if not c.text:
                continue
            columns.add_row(str(c.index + 1), c.text, _field_text(c, header, lang, ids))
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
            dataset = outcome.header.dataset if outcome.header is not None else None
            for name in [k for k in preview[0] if k != "row"]:
                spec = dataset.fields.get(name) if dataset is not None else None
                shown = field_name(dataset.name if dataset else None, name, lang, ids)
                table.add_row(shown, *[_preview_text(spec, r[name], lang) for r in preview])
            parts.append(table)
    return Panel(
        Group(*parts), title=f"{label('sheet', lang)}: {outcome.sheet.name}", title_align="left"
    )


def _preview_text(spec: FieldSpec | None, value: Any, lang: str) -> str:
    """A normalised value as the officer reads it: a date as a date, a code by its label, a
    yes/no as a word; the canonical forms are in `--format json`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return label("yes" if value else "no", lang)
    if isinstance(value, int | float):
        return count(value, lang)
    if spec is None or not isinstance(value, str):
        return str(value)
    if spec.kind is Kind.DATETIME:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
        shown = moment.strftime("%d/%m/%Y" if lang == "vi" else "%Y-%m-%d")
        return shown if moment.time() == time() else f"{shown} {moment:%H:%M}"
    if spec.vocabulary:
        return code_name(spec.vocabulary, value, lang)
    return value


def _field_text(column: HeaderColumn, header: HeaderMatch, lang: str, ids: bool) -> Text:
    if column.ignored:
        why = (column.why_en if lang == "en" and column.why_en else column.why) or "—"
        return Text(label("ignored", lang, why=why), "dim")
    if column.field is None:
        return Text(label("unmapped", lang), "dim")
    winner = header.mapping.get(column.field)
    name = field_name(header.dataset.name, column.field, lang, ids)
    if winner == column.index:
        return Text(name, "cyan")
    winning_text = next((c.text for c in header.columns if c.index == winner), "")
    return Text(label("secondary", lang, field=name, winner=winning_text), "yellow")


def _fit_values(fit: ProfileFit, lang: str) -> str:
    return "" if fit.values_read is None else label("profile_values", lang, n=fit.values_read)


def _profile_text(outcome: SheetOutcome, lang: str) -> Text | None:
    choice = outcome.choice
    chosen = choice.chosen
    if chosen is None:
        return None
    text = Text(
        label(
            "profile_line",
            lang,
            name=chosen.profile.name,
            title=chosen.profile.title_in(lang),
            score=chosen.score,
            values=_fit_values(chosen, lang),
            forced=label("profile_forced", lang) if choice.forced else "",
        ),
        "green",
    )
    runner_up = choice.runner_up
    if runner_up is not None:
        text += "\n" + label(
            "runner_up",
            lang,
            name=runner_up.profile.name,
            title=runner_up.profile.title_in(lang),
            score=runner_up.score,
            values=_fit_values(runner_up, lang),
        )
    return text


def render_inspection(
    console: Console, readout: FileReadout, lang: str, rows: int, ids: bool = False
) -> None:
    """The `cchc inspect` console view; field ids shown only with `ids`."""
    console.print(Text(readout.path, "bold"))
    if readout.format:
        console.print(f"{label('detected_format', lang)}: {format_name(readout.format, lang)}")
    for outcome in readout.sheets:
        console.print(_sheet_panel(outcome, lang, rows, ids))
    issues = sorted_issues(readout.issues)
    if issues:
        console.print(issues_table(issues, lang, 50))
