"""HTML tables saved as ".xls" by one-stop systems (domain.md §1.1): rowspan/colspan kept."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cchc_cli.catalogue import Count, phrase
from cchc_cli.readers.grid import MergedRange, OverLimit, RawSheet, UnreadableFile, text_frame
from cchc_cli.readers.limits import Limits, over_limit

if TYPE_CHECKING:
    from lxml import etree

_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6"}


def decode_html(content: bytes) -> str:
    """Text of an HTML export: BOM first, then UTF-8, then the declared charset, then cp1258."""
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8", errors="replace")
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16", errors="replace")
    declared = _CHARSET.search(content[:4096])
    # A UTF-16 declaration on a file without a UTF-16 byte-order mark is wrong (browsers ignore
    # it too): the bytes we are reading it from are ASCII-compatible.
    candidates = [
        name
        for name in ([declared.group(1).decode("ascii")] if declared else [])
        if not name.lower().startswith("utf-16")
    ]
    # UTF-8 first, whatever the page declares: Vietnamese in a one-byte code page almost never
    # forms valid UTF-8, while exports that declare "iso-8859-1" over UTF-8 bytes exist (and
    # every byte decodes in a one-byte code page: the declaration would win with mojibake).
    for encoding in ["utf-8", *candidates, "cp1258"]:
        try:
            return content.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return content.decode("utf-8", errors="replace")


def _cell_text(cell: etree._Element) -> str:
    for br in cell.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return cell.text_content().replace("\xa0", " ").strip()


def _span(cell: etree._Element, name: str) -> int:
    try:
        return max(1, min(int(cell.get(name, "1")), 1000))
    except ValueError:
        return 1


def read_html(content: bytes, stem: str, limits: Limits | None = None) -> list[RawSheet]:
    """All top-level tables stacked as one sheet, the way Excel opens such a file."""
    # lxml is loaded for HTML exports only: a run over workbooks or a cached run does not pay
    # for it (7 ms, issue 12)
    import lxml.html
    from lxml import etree

    limits = limits or Limits.from_environment()
    # An XHTML export starts with an XML declaration, which the HTML parser refuses in text.
    text = _XML_DECLARATION.sub("", decode_html(content), count=1)
    try:
        document = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise UnreadableFile(phrase("reader.broken_html", detail=str(exc))) from exc
    # Scripts and styles are page code, not cell text (an export's script inside a cell
    # would otherwise become a procedure name).
    for code in list(document.iter("script", "style")):
        code.drop_tree()
    rows: list[list[str | None]] = []
    merges: list[MergedRange] = []
    body = document.find("body")
    root = body if body is not None else document
    for element in root.iter():
        if element.tag == "table" and not _inside_cell(element):
            _append_table(element, rows, merges, limits.columns, _cell_budget(len(content)))
        elif element.tag in _BLOCKS and not _inside_table(element):
            line = _cell_text(element)
            if line:
                rows.append([line])
    if not rows:
        raise UnreadableFile(phrase("reader.no_html_table"))
    return [RawSheet(name=stem[:31], cells=text_frame(rows), merges=merges)]


def _inside_table(element: etree._Element) -> bool:
    return any(a.tag == "table" for a in element.iterancestors())


def _inside_cell(element: etree._Element) -> bool:
    # A table inside a cell is that cell's text; one placed straight inside another table (a
    # page's hidden list copied into the export's wrapper table, as Tân Dân's "Xuất Excel"
    # does) is read as Excel reads it: as rows of its own.
    return any(a.tag in ("td", "th") for a in element.iterancestors())


# Cells a page may spread to, for its size: real exports hold a few bytes of markup per cell
# (`<td>x</td>`); `<td colspan="998"></td><td>x</td>` makes 1,000 cells of 42 bytes, and a
# 4 MB page of such rows took 3.4 GB.
_CELLS_PER_BYTE = 2
_CELLS_FLOOR = 1_000_000


def _cell_budget(size: int) -> int:
    return max(_CELLS_FLOOR, _CELLS_PER_BYTE * size)


def _append_table(
    table: etree._Element,
    rows: list[list[str | None]],
    merges: list[MergedRange],
    max_columns: int,
    max_cells: int = _CELLS_FLOOR,
) -> None:
    """The table's rows placed as a browser places them: each cell at the first column its row
    has free, spans occupying the columns and rows they cover.

    Which columns are taken is kept per column as the last row taken ("busy until"), so a
    cell costs its colspan, not colspan x rowspan (colspan=1000 rowspan=1000 on every cell took
    gigabytes); a rowspan stops at the table's last row; a row wider than `max_columns`, or
    a grid past `max_cells` (rows x widest row, as the sheet will hold it), is refused
    (file.over_limit).
    """
    first = len(rows)
    table_rows = [tr for tr in table.iter("tr") if _owner_table(tr) is table]
    busy_until: dict[int, int] = {}
    width = max((len(row) for row in rows), default=0)
    for r, tr in enumerate(table_rows):
        row_index = first + r
        while len(rows) <= row_index:
            rows.append([])
        col = 0
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            while busy_until.get(col, -1) >= r:
                col += 1
            colspan = _span(cell, "colspan")
            # a rowspan past the last <tr> holds no data: counting phantom rows would only
            # confuse the accounting
            rowspan = min(_span(cell, "rowspan"), len(table_rows) - r)
            if col + colspan > max_columns:
                raise over_limit("columns", Count(max_columns, prefix="> "), Count(max_columns))
            text = _cell_text(cell)
            current = rows[row_index]
            while len(current) <= col:
                current.append(None)
            current[col] = text or None
            for dc in range(colspan):
                busy_until[col + dc] = max(busy_until.get(col + dc, -1), r + rowspan - 1)
            if colspan > 1 or rowspan > 1:
                merges.append(
                    MergedRange(row_index + 1, col, row_index + rowspan, col + colspan - 1)
                )
            col += colspan
        width = max(width, len(rows[row_index]))
        if width * len(rows) > max_cells:
            raise OverLimit(
                phrase("reader.html_cells", cells=Count(width * len(rows)), limit=Count(max_cells))
            )


def _owner_table(tr: etree._Element) -> etree._Element | None:
    for ancestor in tr.iterancestors():
        if ancestor.tag == "table":
            return ancestor
    return None
