"""readers/: format sniffing (dispatch.py) and the readers of each format officers really
have (workbook.py for xlsx and xls, html.py for HTML saved as .xls, delimited.py for CSV)."""

from __future__ import annotations

import os
import unicodedata

import pytest

from cchc_cli.ingest import load_inputs
from cchc_cli.readers import FileFormat, UnreadableFile, read_file, sniff
from conftest import SAMPLE_DATA, encode_cp1258, row_accounting, write_xlsx


def test_xlsx_rows_are_numbered_as_excel_shows_them(tmp_path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [[], [], ["Mã hồ sơ", "Ngày nhận"], ["007", "x"]])
    fmt, sheets = read_file(path.read_bytes(), "a")
    assert fmt is FileFormat.XLSX
    cells = sheets[0].cells
    assert cells.loc[3, 0] == "Mã hồ sơ"
    # codes typed as text keep their leading zeros
    assert cells.loc[4, 0] == "007"


def test_a_workbook_read_from_its_path_equals_its_bytes_issue12(tmp_path) -> None:
    # the Rust reader opens the file itself (no copy of a 150 MB export in memory)
    path = write_xlsx(
        tmp_path / "tệp tháng 3.xlsx", [["Mã hồ sơ", "Ngày nhận"], ["007", "03/03/2025"]]
    )
    from_path = read_file(path, "a")
    from_bytes = read_file(path.read_bytes(), "a")
    assert from_path[0] is from_bytes[0] is FileFormat.XLSX
    assert from_path[1][0].cells.equals(from_bytes[1][0].cells)
    assert from_path[1][0].cells.loc[2, 0] == "007"


def test_every_sheet_is_read(tmp_path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [["a"]], extra_sheets={"Hai": [["b"]]})
    _, sheets = read_file(path.read_bytes(), "a")
    assert [s.name for s in sheets] == ["Sheet1", "Hai"]


def test_xlsx_content_is_sniffed_not_the_extension(tmp_path) -> None:
    path = write_xlsx(tmp_path / "renamed.xls", [["Mã hồ sơ"]])
    assert sniff(path.read_bytes()[:8]) is FileFormat.XLSX


def test_legacy_binary_xls(tmp_path) -> None:
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    sheet = book.add_sheet("DS")
    sheet.write(1, 0, "Mã hồ sơ")
    sheet.write(2, 0, "000123")
    path = tmp_path / "old.xls"
    book.save(str(path))
    fmt, sheets = read_file(path.read_bytes(), "old")
    assert fmt is FileFormat.XLS
    assert sheets[0].cells.loc[2, 0] == "Mã hồ sơ"
    assert sheets[0].cells.loc[3, 0] == "000123"


HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
<table><tr><td colspan="2">UBND THỊ XÃ ĐỨC PHỔ</td><td colspan="2">CỘNG HÒA</td></tr></table>
<table border="1">
<tr><th rowspan="2">STT</th><th rowspan="2">Mã hồ sơ</th><th colspan="2">Thủ tục</th></tr>
<tr><th>Tên TTHC</th><th>Lĩnh vực</th></tr>
<tr><td>1</td><td style="mso-number-format:'\\@'">000123</td><td>Cấp<br>GCN</td>
<td>Đất&nbsp;đai</td></tr>
</table></body></html>"""


def test_html_saved_as_xls_keeps_spans_and_row_numbers() -> None:
    fmt, sheets = read_file(b"\xef\xbb\xbf" + HTML.encode("utf-8"), "ds")
    assert fmt is FileFormat.HTML_XLS
    cells = sheets[0].cells
    assert cells.loc[1, 0] == "UBND THỊ XÃ ĐỨC PHỔ"
    assert cells.loc[1, 2] == "CỘNG HÒA"
    assert list(cells.loc[2, 0:1]) == ["STT", "Mã hồ sơ"]
    assert cells.loc[2, 2] == "Thủ tục"
    assert list(cells.loc[3, 2:]) == ["Tên TTHC", "Lĩnh vực"]
    assert cells.loc[4, 1] == "000123"
    assert cells.loc[4, 2] == "Cấp\nGCN"
    assert cells.loc[4, 3] == "Đất đai"
    merges = {(m.first_row, m.first_col, m.last_row, m.last_col) for m in sheets[0].merges}
    assert (2, 0, 3, 0) in merges and (2, 2, 2, 3) in merges


CSV_TEXT = (
    "DANH SÁCH HỒ SƠ\n\nMã hồ sơ{d}Tên thủ tục{d}Ngày tiếp nhận\n"
    "0012{d}Đăng ký khai sinh{d}05/03/2025\n"
)


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ","), ("utf-8-sig", ";"), ("utf-16", "\t"), ("cp1258", ";"), ("utf-8", "\t")],
)
def test_csv_encodings_and_delimiters(encoding: str, delimiter: str) -> None:
    text = CSV_TEXT.format(d=delimiter)
    content = encode_cp1258(text) if encoding == "cp1258" else text.encode(encoding)
    fmt, sheets = read_file(content, "ds")
    assert fmt is FileFormat.CSV
    cells = sheets[0].cells
    # cp1258 carries tones as combining marks: the same text once normalised
    assert unicodedata.normalize("NFC", cells.loc[1, 0]) == "DANH SÁCH HỒ SƠ"
    assert unicodedata.normalize("NFC", cells.loc[3, 2]) == "Ngày tiếp nhận"
    assert cells.loc[4, 0] == "0012"
    assert sheets[0].details["encoding"] == encoding
    assert sheets[0].details["delimiter"] == {"\t": "tab"}.get(delimiter, delimiter)


def test_binary_garbage_is_unreadable() -> None:
    with pytest.raises(UnreadableFile):
        read_file(b"\x00\x01\x02\x03" * 100, "junk")


def test_corrupt_zip_is_unreadable() -> None:
    with pytest.raises(UnreadableFile):
        read_file(b"PK\x03\x04" + b"\x00" * 200, "broken")


def test_issue_9_table_placed_straight_inside_another_is_read() -> None:
    # Tân Dân's "Xuất Excel" copies the page's (hidden) list table into the export's wrapper
    # table without a row or cell around it; Excel shows its rows.
    html = (
        '<html><body><table style="font-family: Times"><table id="danhSachHoSoTable" '
        'style="display: none"><tr><td>Mã hồ sơ</td><td>Ngày nhận</td></tr>'
        "<tr><td>H1</td><td>03/03/2025</td></tr></table></table></body></html>"
    ).encode()
    fmt, sheets = read_file(html, "ds")
    assert fmt is FileFormat.HTML_XLS
    assert sheets[0].cells.loc[1, 0] == "Mã hồ sơ"
    assert sheets[0].cells.loc[2, 1] == "03/03/2025"


def test_issue_9_table_inside_a_cell_stays_that_cells_text() -> None:
    html = (
        "<html><body><table><tr><td>Mã hồ sơ</td><td><table><tr><td>a</td></tr></table></td>"
        "</tr></table></body></html>"
    ).encode()
    _, sheets = read_file(html, "ds")
    assert sheets[0].cells.shape == (1, 2)
    assert sheets[0].cells.loc[1, 1] == "a"


def test_html_rowspan_past_the_table_adds_no_rows(tmp_path) -> None:
    html = (
        "<table><tr><th>Mã hồ sơ</th><th>Tên thủ tục</th><th>Ngày nhận</th></tr>"
        "<tr><td>H1</td><td>A</td><td rowspan='1000'>03/03/2025</td></tr></table>"
        "<p>Người lập biểu</p>"
    )
    path = tmp_path / "span.xls"
    path.write_text(html, encoding="utf-8")
    result = load_inputs([str(path)])
    assert row_accounting(result) == [(2, 1, 0, 1, {"footer": 1})]


class PanicException(BaseException):
    """What pyo3 raises for a panic inside the Rust reader: not an `Exception`."""


@pytest.mark.parametrize("where", ["read_excel", "load_sheet"])
def test_a_panic_inside_the_rust_reader_is_an_unreadable_file_issue13(
    tmp_path, monkeypatch, where
) -> None:
    import fastexcel

    from cchc_cli.readers.isolation import _frame
    from cchc_cli.readers.reader_worker import read_sheets
    from cchc_cli.readers.workbook import _crashed

    path = write_xlsx(tmp_path / "crafted.xlsx", [["Mã hồ sơ"], ["H1"]])
    original = fastexcel.read_excel

    def panics(*args, **kwargs):
        if where == "read_excel":
            raise PanicException("index out of bounds: the len is 0 but the index is 7")
        reader = original(*args, **kwargs)

        class Panicking:
            sheet_names = reader.sheet_names

            def load_sheet_eager(self, *a, **k):
                raise PanicException("attempt to multiply with overflow")

        return Panicking()

    monkeypatch.setattr(fastexcel, "read_excel", panics)
    # what the reader process answers (run here, where fastexcel can be made to panic)
    frames = [_frame(header, table) for header, table in read_sheets(str(path))]
    assert [f.kind for f in frames] == ["error"]
    assert frames[0].panic
    said = _crashed(frames[0]).reason.render("vi")
    assert "lỗi nội bộ" in said
    assert ("overflow" if where == "load_sheet" else "index out of bounds") in said


def test_a_workbook_that_aborts_the_rust_reader_fails_alone_issue13(runner, tmp_path) -> None:
    # No dimension and one character in XFD1048576: calamine reserves 17 billion cells and
    # aborts its process (exit 134 of the whole run before). Read in a reader process, the
    # file is unreadable and the other file is still read.
    from cchc_cli.cli import app
    from hostile_files import corner_cell

    crafted = corner_cell(tmp_path)
    good = SAMPLE_DATA / "2025-03 phuong Nguyen Nghiem.csv"
    before = crafted.read_bytes()
    done = runner.invoke(app, ["validate", str(crafted), str(good), "--no-cache", "--lang", "en"])
    assert done.exit_code == 3, done.output
    assert "file.unreadable" in done.output
    assert "stopped abnormally" in done.output
    assert "Traceback" not in done.output
    assert "14 rows read" in done.output  # the good file's
    assert crafted.read_bytes() == before


def _csv_rows(count: int) -> list[str]:
    return [f"H{n:03d};{n:02d}/03/2025;Khai sinh" for n in range(1, count + 1)]


def test_a_csv_cell_longer_than_128_kib_is_read_issue13(tmp_path) -> None:
    note = "x" * 200_000  # Python's csv module stops at 131,072 characters
    text = "Mã hồ sơ;Ngày tiếp nhận;Ghi chú\n" + f"H1;01/03/2025;{note}\n"
    _, sheets = read_file(text.encode("utf-8"), "t3")
    assert sheets[0].cells.iloc[1, 2] == note


def test_a_csv_cell_past_the_field_limit_is_refused_by_name_issue13(tmp_path, monkeypatch) -> None:
    path = tmp_path / "t3.csv"
    path.write_text("Mã hồ sơ;Ghi chú\nH1;" + "x" * 3000 + "\n", encoding="utf-8")
    monkeypatch.setenv("CCHC_MAX_CSV_FIELD_KB", "2")
    loaded = load_inputs([str(path)])
    assert [i.code for i in loaded.issues] == ["file.over_limit"]
    assert "CCHC_MAX_CSV_FIELD_KB" in loaded.issues[0].message("en")


def test_an_unclosed_quote_in_a_csv_is_refused_not_read_as_one_cell_issue13(tmp_path) -> None:
    rows = _csv_rows(30)
    rows[4] = 'H005;05/03/2025;"Khai sinh'  # the quote never closes
    path = tmp_path / "t3.csv"
    path.write_text("Mã hồ sơ;Ngày tiếp nhận;Tên thủ tục\n" + "\n".join(rows) + "\n", "utf-8")
    loaded = load_inputs([str(path)])
    assert [i.code for i in loaded.issues] == ["file.unreadable"]
    assert "line 6" in loaded.issues[0].message("en")
    assert loaded.failed_inputs == [str(path)]


def test_a_quoted_note_over_several_lines_is_kept_issue13() -> None:
    text = (
        "Mã hồ sơ;Ngày tiếp nhận;Ghi chú\n"
        'H1;01/03/2025;"Bổ sung giấy tờ\nlần 2; đã nhận\nđủ"\n'
        "H2;02/03/2025;\n"
    )
    _, sheets = read_file(text.encode("utf-8"), "t3")
    assert sheets[0].cells.iloc[1, 2] == "Bổ sung giấy tờ\nlần 2; đã nhận\nđủ"
    assert len(sheets[0].cells) == 3


def test_huge_html_spans_are_read_in_bounded_time_and_memory_issue13(tmp_path) -> None:
    # every cell spanning 1000 x 1000 took gigabytes; now a span costs its columns only, a
    # rowspan stops at the table's last row, and a row pushed past the column limit is refused
    rows = "".join(f'<tr><td rowspan="1000">H{n}</td></tr>' for n in range(1, 301))
    content = f"<html><body><table>{rows}</table></body></html>".encode()
    _, sheets = read_file(content, "t3")
    assert len(sheets[0].cells) == 300
    assert sheets[0].cells.iloc[299, 299] == "H300"  # each row's cell pushed right by those above
    assert all(m.last_row <= 300 for m in sheets[0].merges or [])
    both = "".join(f'<tr><td colspan="1000" rowspan="1000">H{n}</td></tr>' for n in range(1, 301))
    path = tmp_path / "t3.xls"
    path.write_text(f"<html><body><table>{both}</table></body></html>", "utf-8")
    loaded = load_inputs([str(path)])
    assert [i.code for i in loaded.issues] == ["file.over_limit"]


def test_an_html_row_wider_than_the_column_limit_is_refused_issue13(tmp_path) -> None:
    cells = '<td colspan="1000">a</td><td colspan="1000">b</td>'
    path = tmp_path / "t3.xls"
    path.write_text(f"<html><body><table><tr>{cells}</tr></table></body></html>", "utf-8")
    loaded = load_inputs([str(path)])
    assert [i.code for i in loaded.issues] == ["file.over_limit"]
    assert "CCHC_MAX_COLUMNS" in loaded.issues[0].message("en")


def test_script_and_style_in_an_html_export_are_not_cell_text_issue13() -> None:
    content = (
        "<html><head><style>td{color:red}</style></head><body><table>"
        "<tr><td>Mã hồ sơ</td><td>Tên thủ tục</td></tr>"
        "<tr><td>H1</td><td>Khai sinh<script>document.location='http://x'</script></td></tr>"
        "</table><script>alert(1)</script></body></html>"
    ).encode()
    _, sheets = read_file(content, "t3")
    cells = sheets[0].cells
    assert cells.iloc[1, 1] == "Khai sinh"
    assert not cells.stack().str.contains("alert|document|color", regex=True).any()


def test_a_file_name_too_long_for_the_system_is_an_issue_not_a_crash_issue13(
    runner, tmp_path
) -> None:
    from cchc_cli.cli import app

    long_name = str(tmp_path / ("x" * 300 + ".xlsx"))
    done = runner.invoke(app, ["validate", long_name, "--no-cache"])
    assert done.exit_code == 3
    assert "input.not_found" in done.output
    assert "Traceback" not in done.output


def test_a_quoted_note_whose_lines_hold_commas_is_kept_in_a_narrow_register_issue13() -> None:
    # a register of 6 columns: one line of the note has as many commas as a row
    text = (
        "Ngày kiểm tra,Đơn vị,Nội dung,Kết quả,Ghi chú,Người ký\n"
        '03/03/2025,UBND xã X,"Kiểm tra tại các phường:\nPhổ Quang, Phổ Ninh, Phổ Hòa, '
        'Phổ Minh, Phổ Vinh, Phổ Văn",Đạt,,A\n'
        "04/03/2025,UBND xã Y,Kiểm tra,Đạt,,B\n"
    )
    _, sheets = read_file(text.encode("utf-8"), "kt")
    assert len(sheets[0].cells) == 3
    assert sheets[0].cells.iloc[1, 2].endswith("Phổ Vinh, Phổ Văn")


def test_rows_swallowed_up_to_a_later_stray_quote_are_refused_issue13(tmp_path) -> None:
    rows = _csv_rows(30)
    rows[4] = 'H005;05/03/2025;"Khai sinh'  # opened here...
    rows[9] = 'H010;10/03/2025;Khai sinh"'  # ...closed by a stray quote five rows later
    path = tmp_path / "t3.csv"
    path.write_text("Mã hồ sơ;Ngày tiếp nhận;Tên thủ tục\n" + "\n".join(rows) + "\n", "utf-8")
    loaded = load_inputs([str(path)])
    assert [i.code for i in loaded.issues] == ["file.unreadable"]
    assert "line 6" in loaded.issues[0].message("en")


def test_a_quote_never_closed_in_a_large_csv_names_its_line_issue13(tmp_path, monkeypatch) -> None:
    rows = _csv_rows(3000)
    rows[199] = 'H200;20/03/2025;"Khai sinh'
    path = tmp_path / "t3.csv"
    path.write_text("Mã hồ sơ;Ngày tiếp nhận;Tên thủ tục\n" + "\n".join(rows) + "\n", "utf-8")
    monkeypatch.setenv("CCHC_MAX_CSV_FIELD_KB", "16")  # the rest of the file is past it
    loaded = load_inputs([str(path)])
    assert [i.code for i in loaded.issues] == ["file.over_limit"]
    assert "line 201" in loaded.issues[0].message("en")
    assert "never closed" in loaded.issues[0].message("en")


def test_a_stop_signal_while_a_workbook_is_read_is_not_an_unreadable_file_issue13(
    tmp_path, monkeypatch
) -> None:
    from cchc_cli.errors import Terminated
    from cchc_cli.readers import isolation

    path = write_xlsx(tmp_path / "t3.xlsx", [["Mã hồ sơ"], ["H1"]])
    started = []

    def stopped(self, source, budget):
        started.append(self)
        raise Terminated  # SIGTERM arriving while the run waits for the reader
        yield  # a generator, as the real one

    monkeypatch.setattr(isolation._Reader, "read", stopped)
    with pytest.raises(Terminated):
        read_file(path, "t3")
    assert started[0].process.wait(timeout=5) is not None  # the reader was stopped too


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_named_as_input_is_said_to_be_no_file_not_missing_issue13(runner, tmp_path) -> None:
    from cchc_cli.cli import app

    fifo = tmp_path / "t3.xlsx"
    os.mkfifo(fifo)
    done = runner.invoke(app, ["validate", str(fifo), "--no-cache"])
    assert done.exit_code == 3
    assert "input.not_a_file" in done.output


XHTML = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"
 "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}"/></head>
<body><table border="1">
<tr><th>Mã hồ sơ</th><th>Tên thủ tục</th><th>Ngày tiếp nhận</th></tr>
<tr><td>H1</td><td>Khai sinh</td><td>03/03/2025</td></tr>
</table></body></html>
"""


def test_an_xhtml_export_is_read_like_html_issue13() -> None:
    fmt, sheets = read_file(XHTML.format(charset="utf-8").encode("utf-8"), "ds")
    assert fmt is FileFormat.HTML_XLS
    assert sheets[0].cells.loc[1].tolist() == ["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận"]


@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1252", "windows-1258"])
def test_a_page_declaring_a_one_byte_charset_over_utf8_bytes_reads_as_utf8_issue13(
    declared,
) -> None:
    # the declaration lies: read as declared, every byte decodes, into mojibake ("MÃ£ há»“")
    _, sheets = read_file(XHTML.format(charset=declared).encode("utf-8"), "ds")
    assert sheets[0].cells.loc[1, 0] == "Mã hồ sơ"


def test_a_page_in_windows_1258_still_reads_issue13() -> None:
    page = XHTML.format(charset="windows-1258").replace(
        '<?xml version="1.0" encoding="utf-8"?>', ""
    )
    _, sheets = read_file(encode_cp1258(page), "ds")
    # the code page spells tones as combining marks: the same text once composed
    assert unicodedata.normalize("NFC", sheets[0].cells.loc[1, 1]) == "Tên thủ tục"
