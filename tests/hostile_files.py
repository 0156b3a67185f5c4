"""Hostile and broken inputs (issue 13), each with what cchc must answer (not a test module).

Every case is built by a function, so that the large ones (a zip bomb, a 2 MB CSV cell) are made
when the test runs; the small ones are also kept under tests/data/hostile/ for people and other
tools to try (`python scripts/make_hostile_corpus.py` writes them again).
"""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from conftest import write_xlsx
from golden_rows import HEADER, MAR

CORPUS = Path(__file__).resolve().parent / "data" / "hostile"


@dataclass(frozen=True)
class Case:
    """A hostile file, the command it is given to, and what cchc must answer."""

    name: str
    build: Callable[[Path], Path]
    code: str  # the issue code said
    exit_code: int
    said: str  # words of the English message
    command: str = "validate"  # or "targets": the file is a targets configuration
    small: bool = True  # kept in the corpus folder
    slow: bool = False


def _export(path: Path) -> Path:
    return write_xlsx(path, [HEADER, *MAR])


def _rewrite(path: Path, change: Callable[[dict[str, bytes]], None], level: int = 8) -> Path:
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    change(parts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


_SHEET = "xl/worksheets/sheet1.xml"


def _lone_far_cell(path: Path, row: int, ref: str) -> Path:
    """The export without its dimension and with one character in cell `ref` of `row`."""

    def change(parts: dict[str, bytes]) -> None:
        sheet = re.sub(rb"<dimension[^>]*/>", b"", parts[_SHEET])
        cell = f'<row r="{row}"><c r="{ref}" t="inlineStr"><is><t>x</t></is></c></row>'
        parts[_SHEET] = sheet.replace(b"</sheetData>", cell.encode() + b"</sheetData>")

    return _rewrite(_export(path), change)


def corner_cell(folder: Path) -> Path:
    """No dimension, one character in the last cell (XFD1048576): the Rust reader reserves 17
    billion cells and aborts its process."""
    return _lone_far_cell(folder / "corner-cell.xlsx", 1048576, "XFD1048576")


def declared_corner(folder: Path) -> Path:
    """A dimension declaring the whole grid (17 billion cells)."""

    def change(parts: dict[str, bytes]) -> None:
        parts[_SHEET] = re.sub(
            rb"<dimension[^>]*/>", b'<dimension ref="A1:XFD1048576"/>', parts[_SHEET]
        )

    return _rewrite(_export(folder / "declared-corner.xlsx"), change)


def wide_range(folder: Path) -> Path:
    """No dimension, a cell at Z1000000: a 26-million-cell grid from a 7 KB file; the reader's
    memory passes the file's budget and it is stopped."""
    return _lone_far_cell(folder / "wide-range.xlsx", 1000000, "Z1000000")


def strings_count_lies(folder: Path) -> Path:
    path = folder / "strings-count-lies.xlsx"
    strings = (
        b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main" count="4000000000" uniqueCount="4000000000"><si><t>x</t></si>'
        b"</sst>"
    )
    return _rewrite(_export(path), lambda parts: parts.__setitem__("xl/sharedStrings.xml", strings))


def zip_bomb(folder: Path) -> Path:
    """A sheet part inflating 1,000:1 (real exports: about 9:1)."""
    path = _export(folder / "zip-bomb.xlsx")

    def change(parts: dict[str, bytes]) -> None:
        parts[_SHEET] = parts[_SHEET].replace(b"</worksheet>", b" " * (200 << 20) + b"</worksheet>")

    return _rewrite(path, change, level=9)


def many_parts(folder: Path) -> Path:
    path = folder / "many-parts.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", b"")
        for number in range(10_001):
            archive.writestr(f"xl/x{number}", b"")
    return path


def truncated(folder: Path) -> Path:
    whole = _export(folder / "whole.xlsx")
    path = folder / "truncated.xlsx"
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    whole.unlink()
    return path


def garbage(folder: Path) -> Path:
    path = folder / "garbage.xlsx"
    path.write_bytes(bytes(range(256)) * 16)
    return path


def empty(folder: Path) -> Path:
    path = folder / "empty.xlsx"
    path.write_bytes(b"")
    return path


def _ole_sound(folder: Path, name: str) -> Path:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("DS")
    for row, values in enumerate([HEADER, *MAR]):
        for column, value in enumerate(values):
            if value is not None:
                sheet.write(row, column, value)
    for row in range(len(MAR) + 1, 3000):  # the sheet past the mini-stream
        sheet.write(row, 0, f"H{row:05d}")
    path = folder / name
    book.save(str(path))
    return path


def ole_loop(folder: Path) -> Path:
    """A legacy .xls whose directory chain points back at itself (the Rust reader grew to
    24 GB following it)."""
    path = _ole_sound(folder, "ole-loop.xls")
    data = bytearray(path.read_bytes())
    size = 1 << struct.unpack_from("<H", data, 30)[0]
    fat_sectors = struct.unpack_from("<109I", data, 76)
    directory = struct.unpack_from("<I", data, 48)[0]
    per = size // 4
    offset = (fat_sectors[directory // per] + 1) * size + (directory % per) * 4
    struct.pack_into("<I", data, offset, directory)
    path.write_bytes(bytes(data))
    return path


def html_spans(folder: Path) -> Path:
    path = folder / "html-spans.xls"
    cells = "".join(f'<td colspan="60000" rowspan="60000">{h}</td>' for h in HEADER[:4])
    path.write_text(f"<html><body><table><tr>{cells}</tr></table></body></html>", "utf-8")
    return path


def html_spread(folder: Path) -> Path:
    """Rows of `<td colspan="998"></td><td>x</td>`: 42 bytes make 1,000 cells (a 4 MB page
    took 3.4 GB)."""
    path = folder / "html-spread.xls"
    rows = '<tr><td colspan="998"></td><td>x</td></tr>' * 20_000
    path.write_text(f"<html><body><table><tr><td>Mã hồ sơ</td></tr>{rows}</table></body></html>")
    return path


def csv_long_cell(folder: Path) -> Path:
    path = folder / "long-cell.csv"
    lines = [";".join(HEADER[:3]), f'A01;"{"x" * (2 << 20)}";Hộ tịch']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def csv_open_quote(folder: Path) -> Path:
    path = folder / "open-quote.csv"
    rows = [";".join(HEADER[:3])] + [f"A{n:02d};01/03/2025;Hộ tịch" for n in range(30)]
    rows[5] = 'A05;"01/03/2025;Hộ tịch'
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def tcvn3(folder: Path) -> Path:
    from legacy_fonts import to_tcvn3

    rows = [[to_tcvn3(v) if isinstance(v, str) else v for v in row] for row in [HEADER, *MAR]]
    return write_xlsx(folder / "tcvn3.xlsx", rows)


def tcvn3_data(folder: Path) -> Path:
    """Unicode headers over data typed in TCVN3: every row would read as valid."""
    from legacy_fonts import to_tcvn3

    rows = [[to_tcvn3(v) if isinstance(v, str) else v for v in row] for row in MAR]
    return write_xlsx(folder / "tcvn3-data.xlsx", [HEADER, *rows])


def yaml_repeated_key(folder: Path) -> Path:
    path = folder / "repeated-key.yaml"
    path.write_text(
        "targets:\n  - id: a\n    threshold: 0.50\n    threshold: 0.01\n", encoding="utf-8"
    )
    return path


def yaml_alias_bomb(folder: Path) -> Path:
    path = folder / "alias-bomb.yaml"
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 9):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([previous] * 10)}]")
    lines.append("targets: *a8")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


CASES = [
    Case("corner-cell", corner_cell, "file.unreadable", 3, "stopped abnormally"),
    Case("declared-corner", declared_corner, "file.over_limit", 3, "declares"),
    Case("wide-range", wide_range, "file.over_limit", 3, "CCHC_MAX_READER_MB"),
    Case("strings-count-lies", strings_count_lies, "file.over_limit", 3, "text strings"),
    Case("zip-bomb", zip_bomb, "file.over_limit", 3, "CCHC_MAX_ZIP_RATIO", small=False, slow=True),
    Case("many-parts", many_parts, "file.over_limit", 3, "CCHC_MAX_ZIP_MEMBERS", small=False),
    Case("truncated", truncated, "file.unreadable", 3, "corrupt zip"),
    Case("garbage", garbage, "file.unreadable", 3, "not Excel, HTML or CSV"),
    Case("empty", empty, "file.no_dataset", 3, "no sheet with data"),
    Case("ole-loop", ole_loop, "file.unreadable", 3, "legacy .xls"),
    Case("html-spans", html_spans, "file.over_limit", 3, "CCHC_MAX_COLUMNS"),
    Case("html-spread", html_spread, "file.over_limit", 3, "merged cells", small=False),
    Case("long-cell", csv_long_cell, "file.over_limit", 3, "CCHC_MAX_CSV_FIELD_KB", small=False),
    Case("open-quote", csv_open_quote, "file.unreadable", 3, "never closed"),
    Case("tcvn3", tcvn3, "sheet.legacy_encoding", 3, "legacy TCVN3 encoding"),
    Case("tcvn3-data", tcvn3_data, "sheet.legacy_encoding", 3, "legacy TCVN3 encoding"),
    Case("repeated-key", yaml_repeated_key, "config", 4, "written twice", command="targets"),
    Case("alias-bomb", yaml_alias_bomb, "config", 4, "aliases", command="targets"),
]
