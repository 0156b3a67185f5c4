"""readers/limits.py: files past the stated limits are refused before any parser inflates them
(issue #13) — with the file named, the limit and how to raise it, exit 3 and no traceback —
while real exports pass untouched."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import PatternFill

from cchc_cli.cli import app
from cchc_cli.ingest import load_inputs
from cchc_cli.readers.grid import OverLimit
from cchc_cli.readers.limits import Limits, check_size, check_zip
from conftest import SAMPLE_DATA, write_xlsx
from golden_rows import HEADER, MAR

MIB = 1024 * 1024


def _rezip(source: Path, target: Path, replace: dict[str, bytes]) -> Path:
    """A copy of a workbook with some of its parts replaced (or added)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            new.writestr(item, replace.pop(item.filename, old.read(item.filename)))
        for name, data in replace.items():
            new.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return target


def _bomb(tmp_path: Path) -> Path:
    # 48 MiB of one repeated row inflate from ~50 KB: ~1000:1, where real exports keep ~9:1
    real = write_xlsx(tmp_path / "real.xlsx", [HEADER, *MAR])
    sheet = b"<worksheet><sheetData>" + b'<row><c t="s"><v>0</v></c></row>' * (48 * MIB // 34)
    sheet += b"</sheetData></worksheet>"
    return _rezip(real, tmp_path / "t3.xlsx", {"xl/worksheets/sheet1.xml": sheet})


def test_a_zip_bomb_is_refused_before_it_is_inflated_issue13(runner, tmp_path) -> None:
    bomb = _bomb(tmp_path)
    before = bomb.read_bytes()
    done = runner.invoke(app, ["validate", str(bomb), "--no-cache"])
    assert done.exit_code == 3
    assert "file.over_limit" in done.output
    assert "t3.xlsx" in done.output
    assert "100:1" in done.output and "CCHC_MAX_ZIP_RATIO" in done.output
    assert "Traceback" not in done.output
    assert bomb.read_bytes() == before  # the input is never touched


def test_the_limits_can_be_raised_for_a_real_file_past_them_issue13(tmp_path, monkeypatch) -> None:
    bomb = _bomb(tmp_path)
    monkeypatch.setenv("CCHC_MAX_ZIP_RATIO", "5000")
    loaded = load_inputs([str(bomb)])
    assert "file.over_limit" not in [i.code for i in loaded.issues]


def test_a_sheet_typed_in_its_last_cell_is_refused_by_its_dimension_issue13(tmp_path) -> None:
    book = Workbook()
    book.active["A1"] = "Mã hồ sơ"
    book.active["XFD1048576"] = "x"  # one character in the very last cell
    book.save(tmp_path / "t3.xlsx")
    loaded = load_inputs([str(tmp_path / "t3.xlsx")])
    (issue,) = [i for i in loaded.issues if i.code == "file.over_limit"]
    assert "A1:XFD1048576" in issue.message("en")
    assert "CCHC_MAX_CELLS_MILLION" in issue.message("en")
    assert loaded.failed_inputs == [str(tmp_path / "t3.xlsx")]


def test_a_banner_row_formatted_out_to_column_xfd_is_read_issue13(tmp_path) -> None:
    path = write_xlsx(tmp_path / "t3.xlsx", [HEADER, *MAR])
    book = load_workbook(path)
    for column in (40, 1000, 16384):  # styled, empty: the dimension says A1:XFD…
        book.active.cell(row=1, column=column).fill = PatternFill("solid", fgColor="FFFF00")
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        assert b"XFD" in archive.read("xl/worksheets/sheet1.xml")[:2000]
    loaded = load_inputs([str(path)])
    assert "file.over_limit" not in [i.code for i in loaded.issues]
    assert len(loaded.tables["dossiers"]) == len(MAR)


def test_a_shared_strings_count_that_lies_is_refused_issue13(tmp_path) -> None:
    real = write_xlsx(tmp_path / "real.xlsx", [HEADER, *MAR])
    lying = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'count="4000000000" uniqueCount="4000000000"><si><t>x</t></si></sst>'
    )
    path = _rezip(real, tmp_path / "t3.xlsx", {"xl/sharedStrings.xml": lying})
    loaded = load_inputs([str(path)])
    assert [i.code for i in loaded.issues] == ["file.over_limit"]
    assert "4,000,000" in loaded.issues[0].message("en")


def test_too_many_parts_and_too_much_unpacked_are_refused_issue13(tmp_path) -> None:
    real = write_xlsx(tmp_path / "real.xlsx", [HEADER, *MAR])
    with zipfile.ZipFile(real) as archive:
        with pytest.raises(OverLimit, match="CCHC_MAX_ZIP_MEMBERS"):
            check_zip(archive, Limits(zip_members=3))
        with pytest.raises(OverLimit, match="CCHC_MAX_UNZIPPED_MB"):
            check_zip(archive, Limits(unzipped_mb=0))
        check_zip(archive, Limits())  # the defaults let it through


def test_a_file_over_the_size_limit_is_refused_before_it_is_read_issue13(
    tmp_path, monkeypatch
) -> None:
    with pytest.raises(OverLimit):
        check_size(3 * MIB, Limits(file_mb=2))
    check_size(2 * MIB, Limits(file_mb=2))
    path = tmp_path / "t3.csv"
    path.write_bytes(b"Ma ho so;Ngay nhan\n" + b"x;01/03/2025\n" * (MIB // 10))
    monkeypatch.setenv("CCHC_MAX_FILE_MB", "1")
    loaded = load_inputs([str(path)])
    assert [i.code for i in loaded.issues] == ["file.over_limit"]
    assert "CCHC_MAX_FILE_MB" in loaded.issues[0].message("vi")


def test_limits_come_from_the_environment_and_bad_values_are_ignored_issue13(
    monkeypatch,
) -> None:
    monkeypatch.setenv("CCHC_MAX_COLUMNS", "2000")
    monkeypatch.setenv("CCHC_MAX_ZIP_RATIO", "abc")
    monkeypatch.setenv("CCHC_MAX_FILE_MB", "0")
    limits = Limits.from_environment()
    assert limits.columns == 2000
    assert limits.zip_ratio == Limits().zip_ratio
    assert limits.file_mb == Limits().file_mb


def test_every_sample_workbook_keeps_every_limit_issue13() -> None:
    for path in sorted(SAMPLE_DATA.glob("*.xlsx")):
        with zipfile.ZipFile(path) as archive:
            check_zip(archive, Limits())


def test_too_many_parts_are_refused_before_the_directory_is_loaded_issue13(
    tmp_path, monkeypatch
) -> None:
    real = write_xlsx(tmp_path / "real.xlsx", [HEADER, *MAR])
    extra = {f"junk/{n}.bin": b"" for n in range(50)}
    path = _rezip(real, tmp_path / "t3.xlsx", extra)
    loaded_zip = []
    original = zipfile.ZipFile

    def counted(*args, **kwargs):
        loaded_zip.append(args)
        return original(*args, **kwargs)

    monkeypatch.setenv("CCHC_MAX_ZIP_MEMBERS", "20")
    monkeypatch.setattr("cchc_cli.readers.workbook.zipfile.ZipFile", counted)
    loaded = load_inputs([str(path)])
    assert [i.code for i in loaded.issues] == ["file.over_limit"]
    assert "59" in loaded.issues[0].message("en")  # the count the end record declares
    assert loaded_zip == []  # refused from the end record alone


def test_numbers_in_refusals_are_grouped_as_each_language_writes_them_issue13(
    tmp_path, monkeypatch
) -> None:
    bomb = _bomb(tmp_path)
    monkeypatch.setenv("CCHC_MAX_ZIP_RATIO", "99")
    monkeypatch.setenv("CCHC_MAX_FILE_MB", "1024")
    (issue,) = load_inputs([str(bomb)]).issues
    assert "99:1" in issue.message("vi")
    book = Workbook()
    book.active["A1"] = "Mã hồ sơ"
    book.active["XFD1048576"] = "x"
    book.save(tmp_path / "xfd.xlsx")
    (issue,) = load_inputs([str(tmp_path / "xfd.xlsx")]).issues
    assert "200.000.000" in issue.message("vi")  # Vietnamese groups thousands with dots
    assert "200,000,000" in issue.message("en")
