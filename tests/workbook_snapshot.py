"""A workbook's look as data (not a test module): every cell's value, number format, font,
fill, alignment and border, each sheet's merges, widths, row heights, panes and print setup.
`tests/test_report.py` compares the report against a stored snapshot, so a change of writer
(openpyxl to xlsxwriter, issue #12) keeps the workbook officers know.

    python tests/workbook_snapshot.py REPORT.xlsx > tests/data/report_snapshot.json
"""

from __future__ import annotations

import json
import re
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

# Cells that change with every run or machine (when the report was made, the version, file
# paths and digests on the provenance sheet): their look is kept, their value is not.
VOLATILE_PREFIXES = ("Kỳ báo cáo:", "Period:")
VOLATILE_LABELS = {"Lập lúc", "Generated", "cchc"}
VOLATILE_SHEETS = {"Thông tin", "About"}
# The place-and-date line of the day the report is made ("Đức Phổ, ngày 29 tháng 11 năm
# 2026", "Đức Phổ, 29/11/2026"): that cell's value changes every day, its row's others do not.
VOLATILE_DATE = re.compile(r"ngày \d{2} tháng \d{1,2} năm \d{4}|, \d{2}/\d{2}/\d{4}$")


def _colour(value: Any) -> str | None:
    if value is None or not isinstance(value, str):
        return None
    return value[-6:].upper()


def _value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 9)
    return value


def _widths(ws: Any) -> dict[str, int]:
    """Column widths by letter (a stored range of equal columns expanded), in characters."""
    from openpyxl.utils import get_column_letter

    widths = {}
    for dimension in ws.column_dimensions.values():
        if not dimension.width or not dimension.customWidth:
            continue
        for index in range(dimension.min, dimension.max + 1):
            widths[get_column_letter(index)] = int(dimension.width)
    return dict(sorted(widths.items()))


def snapshot(path: Path) -> dict[str, Any]:
    """The workbook at `path` as plain data."""
    book = load_workbook(path)
    sheets: dict[str, Any] = {}
    for ws in book.worksheets:
        cells = {}
        volatile_rows = set()
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and (
                    cell.value.startswith(VOLATILE_PREFIXES) or cell.value in VOLATILE_LABELS
                ):
                    volatile_rows.add(cell.row)
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None and not cell.has_style:
                    continue
                font, fill, align = cell.font, cell.fill, cell.alignment
                fill_colour = (
                    _colour(fill.fgColor.rgb) if fill is not None and fill.fill_type else None
                )
                volatile = (
                    cell.row in volatile_rows
                    or (ws.title in VOLATILE_SHEETS and cell.row > 1)
                    or (isinstance(cell.value, str) and bool(VOLATILE_DATE.search(cell.value)))
                )
                cells[cell.coordinate] = {
                    "value": None if volatile else _value(cell.value),
                    "format": cell.number_format,
                    "bold": bool(font.b),
                    "italic": bool(font.i),
                    "size": float(font.sz) if font.sz else 11.0,  # 11: the default
                    "colour": _colour(font.color.rgb) if font.color is not None else None,
                    "fill": fill_colour,
                    "wrap": bool(align.wrap_text),
                    "horizontal": align.horizontal,
                    "border": bool(cell.border.left.style),
                }
        sheets[ws.title] = {
            "cells": cells,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "widths": _widths(ws),
            # heights and widths in whole points/characters: writers round them differently
            "heights": {
                str(k): round(v.height) for k, v in sorted(ws.row_dimensions.items()) if v.height
            },
            "freeze": ws.freeze_panes,
            "filter": ws.auto_filter.ref,
            "landscape": ws.page_setup.orientation == "landscape",
            "title_rows": ws.print_title_rows,
            "charts": len(ws._charts),
        }
    return {"sheets": list(sheets), "content": sheets}


if __name__ == "__main__":
    json.dump(snapshot(Path(sys.argv[1])), sys.stdout, ensure_ascii=False, indent=1)
