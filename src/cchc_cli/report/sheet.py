"""A small worksheet writer for the report: cells, styles, merges, sizes, print setup and line
charts, buffered in plain Python and written in one pass by xlsxwriter (issue #12: openpyxl
took 94 s to write a province's yearly report; xlsxwriter writes the same cells several times
faster). Text is always written as text: a value from the data never becomes a formula."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

import pandas as pd
import xlsxwriter
from xlsxwriter.utility import xl_cell_to_rowcol, xl_col_to_name

from cchc_cli.readers.inputs import OUTPUT_MARK

# Characters a worksheet cannot hold (control characters from old exports).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# The most characters an Excel cell holds; a longer text is cut and ends with this mark (a
# writer would otherwise cut it silently, or leave a file Excel repairs on opening).
EXCEL_CELL_CHARS = 32_767
CUT_MARK = " […]"


def _cut(value: str) -> str:
    return value[: EXCEL_CELL_CHARS - len(CUT_MARK)] + CUT_MARK


@dataclass(frozen=True)
class Font:
    bold: bool = False
    italic: bool = False
    size: float | None = None
    color: str | None = None
    underline: bool = False


@dataclass(frozen=True)
class Fill:
    color: str


@dataclass(frozen=True)
class Alignment:
    horizontal: str | None = None
    vertical: str | None = None
    wrap_text: bool = False


@dataclass(frozen=True)
class Border:
    """A thin border all round, in `color`."""

    color: str = "A6A6A6"


def column_letter(column: int) -> str:
    """1 -> A (columns are 1-based here, as officers count them)."""
    return xl_col_to_name(column - 1)


@dataclass
class _Dimension:
    width: float | None = None
    height: float | None = None


@dataclass(slots=True)
class Cell:
    """A buffered cell: what is written, and how it looks."""

    value: Any
    font: Font | None = None
    fill: Fill | None = None
    alignment: Alignment | None = None
    border: Border | None = None
    number_format: str | None = None


@dataclass
class LineChart:
    """A line chart over rows of this sheet: the values of each series are a row."""

    title: str
    y_title: str
    categories_row: int
    first_column: int
    last_column: int
    # (row, name, colour, dashed)
    series: list[tuple[int, str, str, bool]] = field(default_factory=list)
    anchor: str = "A1"
    y_format: str = "0%"
    y_min: float | None = 0
    y_max: float | None = 1


class Sheet:
    """One worksheet being built; rows and columns are 1-based."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.cells: dict[tuple[int, int], Cell] = {}
        # Long columns of data (a year's late dossiers): (first row, column, values, look),
        # written straight through without a Cell per value.
        self.blocks: list[tuple[int, int, list[Any], Cell]] = []
        self.merges: list[tuple[int, int, int, int]] = []
        self.column_dimensions: dict[str, _Dimension] = _Dimensions()
        self.row_dimensions: dict[int, _Dimension] = _Dimensions()
        self.freeze: tuple[int, int] | None = None
        self.filter: tuple[int, int, int, int] | None = None
        self.landscape = False
        self.fit_to_width = False
        self.title_rows: tuple[int, int] | None = None
        self.side_margins: float | None = None
        self.charts: list[LineChart] = []
        # rows a printed page starts at (a row of charts never cut by a page's end)
        self.page_breaks: list[int] = []
        # Texts longer than a cell holds, cut (EXCEL_CELL_CHARS): said to the officer.
        self.cut_cells = 0

    def put(self, row: int, column: int, value: Any, **style: Any) -> Cell:
        """Write a cell (replacing what was there)."""
        if isinstance(value, str):
            if not value.isprintable():  # rare: a line break, or a control character
                value = _ILLEGAL.sub(" ", value)
            if len(value) > EXCEL_CELL_CHARS:
                value = _cut(value)
                self.cut_cells += 1
            value = value or None  # an empty text is a blank cell
        elif isinstance(value, pd.Timestamp):
            value = value.to_pydatetime()
        cell = Cell(value, **style)
        self.cells[(row, column)] = cell
        return cell

    def put_column(self, first_row: int, column: int, values: list[Any], **style: Any) -> None:
        """Write `values` down a column from `first_row`, every one with the same look (a
        `number_format` applies to the cells that hold a value). Values are cleaned as `put`
        cleans them, when the book is written, after the single cells: a block's rows hold no
        other cell."""
        self.blocks.append((first_row, column, values, Cell(None, **style)))

    def merge(self, first_row: int, first_column: int, last_row: int, last_column: int) -> None:
        self.merges.append((first_row, first_column, last_row, last_column))

    def merge_cells(self, reference: str) -> None:
        """Merge "A2:M2"."""
        start, end = reference.split(":")
        r1, c1 = xl_cell_to_rowcol(start)
        r2, c2 = xl_cell_to_rowcol(end)
        self.merge(r1 + 1, c1 + 1, r2 + 1, c2 + 1)


class _Dimensions(dict):  # type: ignore[type-arg]
    """column_dimensions["A"].width / row_dimensions[3].height, created on first use."""

    def __missing__(self, key: Any) -> _Dimension:
        value = _Dimension()
        self[key] = value
        return value


class _Formats:
    """xlsxwriter formats, one per distinct look (xlsxwriter wants them created once)."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.book = book
        self.cache: dict[tuple[Any, ...], Any] = {}
        self.fast: dict[tuple[Any, ...], Any] = {}

    def get(self, cell: Cell, date_default: bool) -> Any:
        number_format = cell.number_format
        if number_format is None and date_default:
            number_format = "dd/mm/yyyy"
        # The style objects are shared constants, or kept alive by the buffered cells until
        # the book is written: their identities are a cheap key (hashing them is not).
        fast = (id(cell.font), id(cell.fill), id(cell.alignment), id(cell.border), number_format)
        found = self.fast.get(fast)
        if found is not None or fast in self.fast:
            return found
        key = (cell.font, cell.fill, cell.alignment, cell.border, number_format)
        if key in self.cache:
            self.fast[fast] = self.cache[key]
            return self.cache[key]
        spec: dict[str, Any] = {}
        if cell.font is not None:
            font = cell.font
            if font.bold:
                spec["bold"] = True
            if font.italic:
                spec["italic"] = True
            if font.size:
                spec["font_size"] = font.size
            if font.color:
                spec["font_color"] = "#" + font.color
            if font.underline:
                spec["underline"] = 1
        if cell.fill is not None:
            spec["pattern"] = 1
            spec["bg_color"] = "#" + cell.fill.color
        if cell.alignment is not None:
            align = cell.alignment
            if align.horizontal:
                spec["align"] = align.horizontal
            if align.vertical:
                spec["valign"] = {"center": "vcenter"}.get(align.vertical, align.vertical)
            if align.wrap_text:
                spec["text_wrap"] = True
        if cell.border is not None:
            spec["border"] = 1
            spec["border_color"] = "#" + cell.border.color
        if number_format is not None and number_format != "General":
            spec["num_format"] = number_format
        made = self.book.add_format(spec) if spec else None
        self.cache[key] = made
        self.fast[fast] = made
        return made


def _write_value(ws: Any, r: int, c: int, value: Any, style: Any, date_style: Any) -> None:
    """A value that is not blank, by its type (text is always text, never a formula)."""
    if isinstance(value, bool):
        ws.write_boolean(r, c, value, style)
    elif isinstance(value, int | float):
        ws.write_number(r, c, value, style)
    elif isinstance(value, datetime | date):
        if isinstance(value, pd.Timestamp):
            value = value.to_pydatetime()
        elif not isinstance(value, datetime):
            value = datetime(value.year, value.month, value.day)
        ws.write_datetime(r, c, value, date_style)
    else:
        ws.write_string(r, c, str(value), style)


def _write_cell(ws: Any, row: int, column: int, cell: Cell, formats: _Formats) -> None:
    value = cell.value
    style = formats.get(cell, isinstance(value, datetime | date))
    if value is None:
        if style is not None:
            ws.write_blank(row - 1, column - 1, None, style)
    else:
        _write_value(ws, row - 1, column - 1, value, style, style)


def _write_block(
    ws: Any, first_row: int, column: int, values: list[Any], look: Cell, formats: _Formats
) -> int:
    """Write a block's values; how many texts were cut to fit a cell."""
    style = formats.get(look, False)
    # a blank cell takes the look without its number format, as `put` gives a None value
    blank = formats.get(replace(look, number_format=None), False) if look.number_format else style
    dated = formats.get(look, True)
    c = column - 1
    cut = 0
    for r, value in enumerate(values, start=first_row - 1):
        if value is None or value is pd.NA or value is pd.NaT:
            if blank is not None:
                ws.write_blank(r, c, None, blank)
            continue
        if isinstance(value, str):
            if not value.isprintable():
                value = _ILLEGAL.sub(" ", value)
            if not value:  # an empty text is a blank cell
                if style is not None:
                    ws.write_blank(r, c, None, style)
                continue
            if len(value) > EXCEL_CELL_CHARS:
                value = _cut(value)
                cut += 1
        _write_value(ws, r, c, value, style, dated)
    return cut


def _write_chart(book: Any, ws: Any, sheet: Sheet, chart: LineChart) -> None:
    made = book.add_chart({"type": "line"})
    # a small title: a long target's name in three lines squeezed the plot
    made.set_title({"name": chart.title, "name_font": {"size": 10, "bold": True}})
    for row, name, colour, dashed in chart.series:
        line: dict[str, Any] = {"color": "#" + colour}
        if dashed:
            line["dash_type"] = "dash"
        made.add_series(
            {
                "name": name,
                "categories": [
                    sheet.title,
                    chart.categories_row - 1,
                    chart.first_column - 1,
                    chart.categories_row - 1,
                    chart.last_column - 1,
                ],
                "values": [
                    sheet.title,
                    row - 1,
                    chart.first_column - 1,
                    row - 1,
                    chart.last_column - 1,
                ],
                "line": line,
                "smooth": False,
            }
        )
    axis: dict[str, Any] = {"name": chart.y_title, "num_format": chart.y_format}
    if chart.y_min is not None:
        axis["min"] = chart.y_min
    if chart.y_max is not None:
        axis["max"] = chart.y_max
    made.set_y_axis(axis)
    made.set_x_axis({"num_format": "@"})
    made.set_legend({"position": "bottom"})
    # 15 x 8 cm, as the openpyxl charts were (report/excel.py places them by this width)
    made.set_size({"width": 567, "height": 302})
    ws.insert_chart(chart.anchor, made)


# Vietnamese administrative documents are set in Times New Roman (Nghị định 30/2020/NĐ-CP,
# Phụ lục I); a workbook printed for a leader too (issue 15).
BOOK_FONT = {"font_name": "Times New Roman", "font_size": 12}


def write_book(sheets: list[Sheet]) -> bytes:
    """The sheets as .xlsx bytes."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            # never guess: text stays text, whatever it looks like
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "default_format_properties": BOOK_FONT,
        },
    )
    # The mark that tells cchc a workbook is its own output (readers/inputs.py): a report saved
    # into the exports folder is passed over next month, not read as a dossier list.
    book.set_properties({"author": "cchc", "comments": OUTPUT_MARK})
    book.set_custom_property(OUTPUT_MARK, "1")
    formats = _Formats(book)
    for sheet in sheets:
        ws = book.add_worksheet(sheet.title)
        for letter, dimension in sheet.column_dimensions.items():
            if dimension.width is not None:
                index = xl_cell_to_rowcol(f"{letter}1")[1]
                ws.set_column(index, index, dimension.width)
        for row, dimension in sheet.row_dimensions.items():
            if dimension.height is not None:
                ws.set_row(row - 1, dimension.height)
        merged_heads: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        covered: set[tuple[int, int]] = set()
        for merge in sheet.merges:
            r1, c1, r2, c2 = merge
            merged_heads[(r1, c1)] = merge
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    if (r, c) != (r1, c1):
                        covered.add((r, c))
        for (row, column), cell in sorted(sheet.cells.items()):
            if (row, column) in covered:
                continue
            if (row, column) in merged_heads:
                r1, c1, r2, c2 = merged_heads[(row, column)]
                style = formats.get(cell, isinstance(cell.value, datetime | date))
                value = cell.value
                ws.merge_range(r1 - 1, c1 - 1, r2 - 1, c2 - 1, "", style)
                if value is not None:
                    _write_cell(ws, row, column, cell, formats)
                continue
            _write_cell(ws, row, column, cell, formats)
        for first_row, column, values, look in sheet.blocks:
            sheet.cut_cells += _write_block(ws, first_row, column, values, look, formats)
        for merge in sheet.merges:
            if (merge[0], merge[1]) not in sheet.cells:
                ws.merge_range(merge[0] - 1, merge[1] - 1, merge[2] - 1, merge[3] - 1, "")
        if sheet.freeze is not None:
            ws.freeze_panes(sheet.freeze[0] - 1, sheet.freeze[1] - 1)
        if sheet.filter is not None:
            r1, c1, r2, c2 = sheet.filter
            ws.autofilter(r1 - 1, c1 - 1, r2 - 1, c2 - 1)
        if sheet.landscape:
            ws.set_landscape()
        ws.set_paper(9)  # A4
        if sheet.fit_to_width:
            ws.fit_to_pages(1, 0)
        if sheet.title_rows is not None:
            ws.repeat_rows(sheet.title_rows[0] - 1, sheet.title_rows[1] - 1)
        if sheet.side_margins is not None:
            ws.set_margins(left=sheet.side_margins, right=sheet.side_margins)
        if sheet.page_breaks:
            ws.set_h_pagebreaks([row - 1 for row in sheet.page_breaks])
        for chart in sheet.charts:
            _write_chart(book, ws, sheet, chart)
    book.close()
    return buffer.getvalue()
