"""`cchc compute --format xlsx`: the result table as a small workbook (issue 14).

What officers open instead of a CSV: the console table's rows, with counts as numbers, results
as numbers in their kind's format (a rate as "95,8%" in a Vietnamese Excel, a change with its
sign), the goal as written in the other views, and the notes under the table. CSV stays the
machine format.
"""

from __future__ import annotations

from cchc_cli.catalogue import label
from cchc_cli.ingest import LoadResult
from cchc_cli.report.presentation import present
from cchc_cli.report.results import (
    LOCAL_MARK,
    accounting_line,
    group_label,
    local_notes,
    result_notes,
    shown_target,
    status_label,
    sub_rows,
)
from cchc_cli.report.sheet import Alignment, Border, Fill, Font, Sheet, write_book
from cchc_cli.targets.results import ComputeResult, GroupResult, TargetResult

_HEADER_FILL = Fill("DDEBF7")
_BOX = Border("A6A6A6")
_WRAP = Alignment(wrap_text=True, vertical="top")


def _row(
    sheet: Sheet,
    row: int,
    cells: tuple[str, ...],
    entry: TargetResult,
    figures: TargetResult | GroupResult,
    goal: tuple[str, float | None],
    lang: str,
) -> None:
    """One row: the name, with the id before it when asked (`cells`), counts, the result in
    its kind's form, the goal as written (`goal`: its text, and the value the result is judged
    against), the status."""
    style = {"font": Font(bold=figures is entry), "border": _BOX, "alignment": _WRAP}
    for column, text in enumerate(cells, start=1):
        sheet.put(row, column, text, **style)
    first = len(cells) + 1
    sheet.put(row, first, figures.numerator, number_format="#,##0", **style)
    sheet.put(row, first + 1, figures.denominator, number_format="#,##0", **style)
    shown = present(entry.target.spec, figures.value, goal[1])
    number_format = shown.number_format if shown.number is not None else None
    sheet.put(row, first + 2, shown.number, number_format=number_format, **style)
    sheet.put(row, first + 3, goal[0], **style)
    sheet.put(row, first + 4, status_label(figures.status, lang), **style)


def result_workbook(
    result: ComputeResult, loaded: LoadResult, lang: str, ids: bool = False
) -> bytes:
    """The result table of `cchc compute` as .xlsx bytes; the target ids only with `ids`."""
    sheet = Sheet(label("result_sheet", lang))
    title = (
        f"{label('compute_title', lang, period=result.period.label)} "
        f"({label('as_of', lang)} {result.period.as_of:%d/%m/%Y})"
    )
    sheet.put(1, 1, title, font=Font(bold=True, size=13))
    keys = ["col_name", "col_num", "col_den", "col_value", "col_target", "col_status"]
    widths = [60, 10, 10, 12, 22, 16]
    if ids:
        keys, widths = ["col_id", *keys], [30, *widths]
    for column, key in enumerate(keys, start=1):
        heading = {"font": Font(bold=True), "fill": _HEADER_FILL, "alignment": _WRAP}
        sheet.put(3, column, label(key, lang), border=_BOX, **heading)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[chr(ord("A") + column - 1)].width = width
    row = 4
    for entry in result.targets:
        threshold = entry.threshold.value if entry.threshold is not None else None
        names = (entry.target.id, entry.target.spec.name) if ids else (entry.target.spec.name,)
        # a goal the locality chose carries its mark, as in the notes below the table
        goal_text = shown_target(entry.target, lang) + (
            LOCAL_MARK if entry.target.spec.local else ""
        )
        _row(sheet, row, names, entry, entry, (goal_text, threshold), lang)
        row += 1
        for group in sub_rows(entry):
            goal = group.target_value if group.target_value is not None else threshold
            goal_text = shown_target(entry.target, lang, group.target_value, True, group.value)
            label_text = f"  └ {group_label(group.by, lang)}"
            names = ("", label_text) if ids else (label_text,)
            _row(sheet, row, names, entry, group, (goal_text, goal), lang)
            row += 1
    row += 1
    for line in [accounting_line(loaded, lang), *result_notes(result, lang, ids=False)]:
        sheet.put(row, 1, line, font=Font(italic=True))
        row += 1
    for line in [*local_notes(result, lang, ids=False), label("status_legend", lang)]:
        sheet.put(row, 1, line, font=Font(italic=True))
        row += 1
    sheet.freeze = (4, 3 if ids else 2)
    sheet.landscape = True
    sheet.fit_to_width = True
    return write_book([sheet])
