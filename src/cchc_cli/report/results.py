"""Views of a ComputeResult: the D11 JSON, CSV, Markdown and the Rich console table."""

from __future__ import annotations

import csv
import io
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from cchc_cli import __version__
from cchc_cli.catalogue import WORDS, label
from cchc_cli.ingest import LoadResult
from cchc_cli.issues import Severity
from cchc_cli.readers.inputs import RESULT_CSV_COLUMNS
from cchc_cli.report.names import dataset_name, profile_title
from cchc_cli.report.numbers import count
from cchc_cli.report.presentation import present, present_level_goal, present_threshold
from cchc_cli.targets.coverage import coverage_of
from cchc_cli.targets.results import (
    ComputeResult,
    GroupResult,
    TargetResult,
    TargetStatus,
)
from cchc_cli.targets.spec import Target, TargetBase, Threshold

# After a goal the locality chose (D13); explained by local_notes().
LOCAL_MARK = " *"
STATUS_STYLE = {
    TargetStatus.MET: "bold green",
    TargetStatus.MISSED: "bold red",
    TargetStatus.WARNING: "bold yellow",
    TargetStatus.NO_DATA: "dim",
}


# -- formatting ---------------------------------------------------------------------------------


def _number(value: float, lang: str) -> str:
    """A parameter of a rule (20.0 -> "20"), with the language's decimal mark."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "vi" else text


def shown_value(
    result: TargetResult, value: float | None, lang: str, goal: float | None = None
) -> str:
    """The result as officers read it, in its kind's form (report/presentation.py); `goal`
    is what a group or level is judged against, else the target's threshold."""
    if goal is None and result.threshold is not None:
        goal = result.threshold.value
    return present(result.target.spec, value, goal).text(lang)


def rule_text(spec: TargetBase, lang: str) -> str | None:
    """The goal in words when it is a rule (a trend step, "lower than last year")."""
    rule = spec.rule()
    if rule is None:
        return None
    key, params = rule
    shown = {k: _number(v, lang) if isinstance(v, float) else v for k, v in params.items()}
    return label(key, lang, **shown)


def threshold_text(spec: TargetBase, threshold: Threshold, lang: str) -> str:
    """ "≥ 95,0%", "≤ −10,0%" (a change), "≤ 10": the threshold in the value's own form."""
    sign, shown = present_threshold(spec, threshold)
    return f"{sign} {shown.text(lang)}"


def shown_target(
    target: Target,
    lang: str,
    level_target: float | None = None,
    level: bool = False,
    level_value: float | None = None,
) -> str:
    """The goal as officers read it; on a level row, that level's own goal (written with the
    digits of the row's value)."""
    if level_target is not None:
        sign, shown = present_level_goal(level_target, level_value)
        return f"{sign} {shown.text(lang)}"
    rule = rule_text(target.spec, lang)
    if rule is not None:
        return "—" if level else rule
    threshold = target.threshold
    return "—" if threshold is None else threshold_text(target.spec, threshold, lang)


def status_label(status: TargetStatus, lang: str) -> str:
    """Đạt / Không đạt / Cảnh báo / Không có dữ liệu."""
    return label(f"status_{status.value}", lang)


def safe_cell(value: Any) -> Any:
    """Text from the data never becomes a formula in a spreadsheet (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def sub_rows(result: TargetResult) -> list[GroupResult]:
    """Rows shown under a target: its groups (which carry the level of a trend target), or the
    levels of a trend target when no grouping was asked for."""
    return result.groups or result.levels


def group_label(by: dict[str, Any], lang: str) -> str:
    parts = []
    for name, value in by.items():
        if value is None:
            parts.append(label("blank_group", lang))
        elif name == "admin_level" and f"level_{value}" in WORDS:
            parts.append(label(f"level_{value}", lang))
        else:
            parts.append(str(value))
    return " · ".join(parts)


# -- JSON (D11) ---------------------------------------------------------------------------------


def _group_json(group: GroupResult, lang: str, with_target: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "by": group.by,
        "numerator": group.numerator,
        "denominator": group.denominator,
        "value": group.value,
        "status": group.status.value,
    }
    if with_target:
        data["target"] = {"op": ">=", "value": group.target_value}
        data["message"] = group.note.render(lang) if group.note else None
    return data


def target_json(result: TargetResult, lang: str, grouped: bool) -> dict[str, Any]:
    """One entry of `targets` in the D11 document."""
    spec = result.target.spec
    data: dict[str, Any] = {
        "id": spec.id,
        "name": spec.name,
        "source": spec.source,
        # the dataset the numbers came from (a fallback source when the target's own is absent)
        "dataset": result.source or spec.dataset,
        "numerator": result.numerator,
        "denominator": result.denominator,
        "value": result.value,
        "target": spec.threshold_document(),
        "status": result.status.value,
        "message": result.note.render(lang) if result.note else None,
        # D13: the goal is the locality's own choice, not the programme's words
        "local": spec.local,
        "local_reason": spec.local_reason,
        # how the target approximates the programme's sentence, when it does
        "note": spec.note,
    }
    if spec.per_level:
        data["levels"] = [_group_json(g, lang, True) for g in result.levels]
    if grouped:
        data["groups"] = [_group_json(g, lang, spec.per_level) for g in result.groups]
    return data


def compute_json(result: ComputeResult, loaded: LoadResult, lang: str) -> dict[str, Any]:
    """The D11 `cchc compute --format json` document."""
    return {
        "cchc_version": __version__,
        "period": result.period.to_dict(),
        "targets_file": (
            {"path": result.targets_file[0], "sha256": result.targets_file[1]}
            if result.targets_file
            else None
        ),
        "inputs": [a.to_dict(for_compute=True) for a in loaded.accounts],
        "targets": [target_json(t, lang, bool(result.by)) for t in result.targets],
        # D6: what the inputs hold of the period, dataset by dataset
        "coverage": [c.to_dict() for c in coverage_of(loaded.tables, result.period)],
        "issues_summary": {
            "errors": loaded.count(Severity.ERROR),
            "warnings": loaded.count(Severity.WARNING),
            "duplicates": loaded.duplicates,
        },
    }


def failure_json(
    code: str, message: str, exit_code: int, loaded: LoadResult | None, lang: str
) -> dict[str, Any]:
    """What `--format json` prints when a run fails, in one shape whatever failed (a targets
    file, an unreadable input, an output open in Excel): the error, and what was read."""
    return {
        "cchc_version": __version__,
        "error": {"code": code, "message": message, "exit_code": exit_code},
        "inputs": [a.to_dict(for_compute=True) for a in loaded.accounts] if loaded else [],
        # the files that could not be used at all: they have no sheet to account for
        "failed_inputs": list(dict.fromkeys(loaded.failed_inputs)) if loaded else [],
        "issues": [i.to_dict(lang) for i in loaded.issues] if loaded else [],
    }


# -- CSV and Markdown -------------------------------------------------------------------------

# its header line is also how a result saved among the exports is known (readers/inputs.py)
CSV_COLUMNS = RESULT_CSV_COLUMNS


def _flat_rows(result: ComputeResult, lang: str) -> list[dict[str, Any]]:
    rows = []
    for target_result in result.targets:
        threshold = target_result.target.spec.threshold_document()
        spec = target_result.target.spec
        base = {
            "id": spec.id,
            "name": spec.name,
            "local": "true" if spec.local else "",
            "local_reason": spec.local_reason or "",
        }
        rows.append(
            {
                **base,
                "group_by": "",
                "group": "",
                "numerator": target_result.numerator,
                "denominator": target_result.denominator,
                "value": target_result.value,
                "target_op": threshold["op"],
                "target_value": threshold["value"],
                "status": target_result.status.value,
                "message": target_result.note.render(lang) if target_result.note else "",
                "shown_value": shown_value(target_result, target_result.value, lang),
                "shown_target": shown_target(target_result.target, lang),
            }
        )
        for group in sub_rows(target_result):
            rows.append(
                {
                    **base,
                    "group_by": "|".join(group.by),
                    "group": "|".join("" if v is None else str(v) for v in group.by.values()),
                    "numerator": group.numerator,
                    "denominator": group.denominator,
                    "value": group.value,
                    "target_op": threshold["op"],
                    "target_value": group.target_value
                    if group.target_value is not None
                    else threshold["value"],
                    "status": group.status.value,
                    "message": group.note.render(lang) if group.note else "",
                    "shown_value": shown_value(
                        target_result, group.value, lang, group.target_value
                    ),
                    "shown_target": shown_target(
                        target_result.target, lang, group.target_value, True, group.value
                    ),
                }
            )
    return rows


def compute_csv(result: ComputeResult, lang: str) -> str:
    """One row per target, then one per level/group; unrounded rates."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in _flat_rows(result, lang):
        writer.writerow({k: safe_cell("" if v is None else v) for k, v in row.items()})
    return out.getvalue()


def _md(text: str) -> str:
    # Text from the data is text in the rendered page too: no live HTML (`<img onerror=…>`)
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
        .replace("\n", " ")
    )


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(_md(cell) for cell in cells) + " |"


def compute_markdown(
    result: ComputeResult, loaded: LoadResult, lang: str, ids: bool = False
) -> str:
    """A table to paste into a report; the target ids only with `ids`."""
    keys = ["col_name", "col_num", "col_den", "col_value", "col_target", "col_status"]
    aligns = ["---", "---:", "---:", "---:", "---", "---"]
    if ids:
        keys, aligns = ["col_id", *keys], ["---", *aligns]
    headers = [label(k, lang) for k in keys]
    lines = [
        f"**{label('compute_title', lang, period=result.period.label)}** "
        f"({label('as_of', lang)} {result.period.as_of:%d/%m/%Y})",
        "",
        "| " + " | ".join(headers) + " |",
        "|" + "|".join(aligns) + "|",
    ]
    start = 0 if ids else 1  # the id is the first cell
    for target_result in result.targets:
        lines.append(_md_row(_cells(target_result, lang)[start:]))
        for group in sub_rows(target_result):
            lines.append(_md_row(_group_cells(target_result, group, lang)[start:]))
    lines += ["", *(_md(line) + "  " for line in result_notes(result, lang, ids))]
    lines += ["", *(_md(line) + "  " for line in local_notes(result, lang, ids))]
    lines += ["", _md(label("status_legend", lang)), "", _md(accounting_line(loaded, lang))]
    return "\n".join(lines) + "\n"


# -- console ----------------------------------------------------------------------------------


def _cells(target_result: TargetResult, lang: str) -> list[str]:
    local = LOCAL_MARK if target_result.target.spec.local else ""
    return [
        target_result.target.id,
        target_result.target.spec.name,
        count(target_result.numerator, lang),
        count(target_result.denominator, lang),
        shown_value(target_result, target_result.value, lang),
        shown_target(target_result.target, lang) + local,
        status_label(target_result.status, lang),
    ]


def _named(entry: TargetResult, ids: bool) -> str:
    return entry.target.id if ids else entry.target.spec.name


def result_notes(result: ComputeResult, lang: str, ids: bool = True) -> list[str]:
    """One line per target with something to say: why no data, where a figure came from; the
    target named by its id, or by its name where ids are not shown."""
    lines = []
    for entry in result.targets:
        parts = []
        if entry.source:
            parts.append(label("computed_from", lang, dataset=dataset_name(entry.source, lang)))
        if entry.note:
            parts.append(entry.note.render(lang))
        if parts:
            lines.append(f"{_named(entry, ids)}: {' '.join(parts)}")
    return lines


def local_notes(result: ComputeResult, lang: str, ids: bool = True) -> list[str]:
    """One line per goal the locality chose (D13), under the table that marks it with *."""
    return [
        f"* {_named(entry, ids)}: {label('local_choice', lang)} — {entry.target.spec.local_reason}"
        for entry in result.targets
        if entry.target.spec.local
    ]


def _group_cells(target_result: TargetResult, group: GroupResult, lang: str) -> list[str]:
    return [
        "",
        f"  └ {group_label(group.by, lang)}",
        count(group.numerator, lang),
        count(group.denominator, lang),
        shown_value(target_result, group.value, lang, group.target_value),
        shown_target(target_result.target, lang, group.target_value, True, group.value),
        status_label(group.status, lang),
    ]


def accounting_line(loaded: LoadResult, lang: str) -> str:
    """The input accounting in one sentence, and the vendor profiles sheets were read with when
    any is not the generic one."""
    files = len({a.path for a in loaded.accounts})
    profiles: dict[str, int] = {}
    for account in loaded.accounts:
        profiles[account.profile] = profiles.get(account.profile, 0) + 1
    read_with = ""
    if set(profiles) - {"base"}:
        read_with = " " + label(
            "read_with",
            lang,
            profiles=", ".join(
                label("read_with_item", lang, name=profile_title(name, lang), n=n)
                for name, n in sorted(profiles.items())
            ),
        )
    return (
        label(
            "accounting_line",
            lang,
            files=files,
            read=count(loaded.rows_read, lang),
            valid=count(sum(a.rows_valid for a in loaded.accounts), lang),
            rejected=count(loaded.rows_rejected, lang),
            skipped=count(sum(a.rows_skipped for a in loaded.accounts), lang),
            duplicates=count(loaded.duplicates, lang),
        )
        + read_with
    )


def render_results(
    console: Console, result: ComputeResult, loaded: LoadResult, lang: str, ids: bool = False
) -> None:
    """The `cchc compute` console table; target ids in a first column only when asked (`ids`):
    an officer reads the names, and without them the table fits 80 columns."""
    table = Table(
        title=f"{label('compute_title', lang, period=result.period.label)} "
        f"({label('as_of', lang)} {result.period.as_of:%d/%m/%Y})",
        title_justify="left",
        caption=accounting_line(loaded, lang),
        caption_justify="left",
    )
    # the id is what `targets show` takes: whole, never folded; in its own column where the
    # window has room, else on the line above the name
    id_column = ids and console.width >= 120
    if id_column:
        table.add_column(label("col_id", lang), no_wrap=True)
    table.add_column(label("col_name", lang), overflow="fold", ratio=3)
    for key in ("col_num", "col_den", "col_value"):
        table.add_column(label(key, lang), justify="right", no_wrap=True)
    # the goal wraps between its words ("giảm so với / cùng kỳ") to leave the name room
    narrow = console.width < 120
    table.add_column(label("col_target", lang), max_width=13 if narrow else None)
    table.add_column(label("col_status", lang), no_wrap=True)
    # the ratios share the window only in an expanded table; a narrow one needs them
    table.expand = narrow
    first = 0 if id_column else 1
    for target_result in result.targets:
        cells: list[Any] = _cells(target_result, lang)[first:]
        if ids and not id_column:
            cells[0] = Text.assemble((target_result.target.id, "bold"), "\n", cells[0])
        table.add_row(*cells[:-1], Text(cells[-1], style=STATUS_STYLE[target_result.status]))
        for group in sub_rows(target_result):
            cells = _group_cells(target_result, group, lang)[first:]
            table.add_row(
                *cells[:-1],
                Text(cells[-1], style=STATUS_STYLE[group.status]),
                style="dim" if group.status is TargetStatus.NO_DATA else None,
            )
    console.print(table)
    for line in result_notes(result, lang, ids):
        console.print(Text(line, "dim"))
    for line in local_notes(result, lang, ids):
        console.print(Text(line, "dim"))
    console.print(Text(label("status_legend", lang), "dim"))
