"""HTML tables saved as ".xls" by one-stop systems (domain.md §1.1): rowspan/colspan kept."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from cchc_cli.catalogue import phrase
from cchc_cli.readers.grid import MergedRange, RawSheet, UnreadableFile, text_frame

_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6"}


def decode_html(content: bytes) -> str:
    """Text of an HTML export: BOM first, then the declared charset, then UTF-8, then cp1258."""
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
    for encoding in [*candidates, "utf-8", "cp1258"]:
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


def read_html(content: bytes, stem: str) -> list[RawSheet]:
    """All top-level tables stacked as one sheet, the way Excel opens such a file."""
    text = decode_html(content)
    try:
        document = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise UnreadableFile(phrase("reader.broken_html", detail=str(exc))) from exc
    rows: list[list[str | None]] = []
    merges: list[MergedRange] = []
    body = document.find("body")
    root = body if body is not None else document
    for element in root.iter():
        if element.tag == "table" and not _inside_cell(element):
            _append_table(element, rows, merges)
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


def _append_table(
    table: etree._Element, rows: list[list[str | None]], merges: list[MergedRange]
) -> None:
    first = len(rows)
    occupied: dict[tuple[int, int], bool] = {}
    table_rows = [tr for tr in table.iter("tr") if _owner_table(tr) is table]
    for r, tr in enumerate(table_rows):
        row_index = first + r
        while len(rows) <= row_index:
            rows.append([])
        col = 0
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            while occupied.get((r, col)):
                col += 1
            colspan, rowspan = _span(cell, "colspan"), _span(cell, "rowspan")
            text = _cell_text(cell)
            current = rows[row_index]
            while len(current) <= col:
                current.append(None)
            current[col] = text or None
            for dr in range(rowspan):
                for dc in range(colspan):
                    occupied[(r + dr, col + dc)] = True
            if colspan > 1 or rowspan > 1:
                merges.append(
                    MergedRange(row_index + 1, col, row_index + rowspan, col + colspan - 1)
                )
            col += colspan
    # A rowspan reaching past the last <tr> is cut at the table's end: it holds no data, and
    # counting hundreds of phantom rows would only confuse the accounting.
    for merge_index, merge in enumerate(merges):
        if merge.last_row > first + len(table_rows):
            merges[merge_index] = MergedRange(
                merge.first_row, merge.first_col, first + len(table_rows), merge.last_col
            )


def _owner_table(tr: etree._Element) -> etree._Element | None:
    for ancestor in tr.iterancestors():
        if ancestor.tag == "table":
            return ancestor
    return None
