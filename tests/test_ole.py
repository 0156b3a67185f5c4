"""readers/ole.py: the sector chains of a legacy .xls checked before the Rust reader follows
them (issue 13)."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from cchc_cli.readers import UnreadableFile, read_file
from cchc_cli.readers.grid import OverLimit
from cchc_cli.readers.limits import Limits
from cchc_cli.readers.ole import check_ole

xlwt = pytest.importorskip("xlwt")


def _xls(path: Path, rows: int) -> Path:
    book = xlwt.Workbook()
    sheet = book.add_sheet("DS")
    sheet.write(0, 0, "Mã hồ sơ")
    for row in range(1, rows + 1):
        sheet.write(row, 0, f"H{row:05d}")
        sheet.write(row, 1, "03/03/2025")
    book.save(str(path))
    return path


class _Fat:
    """Edits the FAT of a compound file in place (MS-CFB 2.2, 2.3)."""

    def __init__(self, data: bytearray) -> None:
        self.data = data
        self.size = 1 << struct.unpack_from("<H", data, 30)[0]
        count = struct.unpack_from("<I", data, 44)[0]
        self.locations = struct.unpack_from("<109I", data, 76)[:count]
        self.directory = struct.unpack_from("<I", data, 48)[0]

    def _offset(self, index: int) -> int:
        per = self.size // 4
        return (self.locations[index // per] + 1) * self.size + (index % per) * 4

    def __getitem__(self, index: int) -> int:
        return struct.unpack_from("<I", self.data, self._offset(index))[0]

    def __setitem__(self, index: int, value: int) -> None:
        struct.pack_into("<I", self.data, self._offset(index), value)

    def workbook_start(self) -> int:
        entry = (self.directory + 1) * self.size + 128  # the entry after the root
        assert self.data[entry : entry + 16].decode("utf-16-le").startswith("Workbook")
        return struct.unpack_from("<I", self.data, entry + 116)[0]


def _edited(tmp_path: Path, edit) -> Path:
    path = _xls(tmp_path / "source.xls", 3000)  # the sheet stream past the mini-stream cutoff
    data = bytearray(path.read_bytes())
    edit(_Fat(data))
    crafted = tmp_path / "crafted.xls"
    crafted.write_bytes(bytes(data))
    return crafted


def _check(path: Path, limits: Limits | None = None) -> None:
    with path.open("rb") as handle:
        check_ole(handle, path.stat().st_size, limits or Limits())


@pytest.mark.parametrize("rows", [2, 3000])  # the sheet in the mini-stream, and in the file's
def test_sound_legacy_workbooks_pass_and_read_issue13(tmp_path, rows) -> None:
    path = _xls(tmp_path / "dung.xls", rows)
    _check(path)
    _, sheets = read_file(path, "dung")
    assert sheets[0].cells.shape[0] == rows + 1


def _loop_directory(fat: _Fat) -> None:
    fat[fat.directory] = fat.directory


def _loop_workbook(fat: _Fat) -> None:
    start = fat.workbook_start()
    second = fat[start]
    fat[fat[second]] = start  # the third sector points back to the first


def _leave_file(fat: _Fat) -> None:
    fat[fat.workbook_start()] = 0x00FFFFF0  # a sector far past the end of the file


def _cross_chains(fat: _Fat) -> None:
    fat[fat.directory] = fat.workbook_start()  # the directory runs into the sheet's stream


@pytest.mark.parametrize("edit", [_loop_directory, _loop_workbook, _leave_file, _cross_chains])
def test_a_legacy_workbook_with_broken_sector_chains_is_refused_before_reading_issue13(
    tmp_path, edit
) -> None:
    # a looping chain made the Rust reader grow to 24 GB
    crafted = _edited(tmp_path, edit)
    before = crafted.read_bytes()
    with pytest.raises(UnreadableFile) as refused:
        read_file(crafted, "crafted")
    assert refused.value.reason.key == "reader.ole_broken"
    assert "is broken at sector" in refused.value.reason.render("en")
    assert crafted.read_bytes() == before


def test_a_legacy_workbook_with_too_many_directory_entries_is_over_the_limit_issue13(
    tmp_path,
) -> None:
    path = _xls(tmp_path / "dung.xls", 2)
    with pytest.raises(OverLimit) as refused:
        _check(path, Limits(zip_members=2))  # xlwt writes one directory sector: 4 entries
    assert refused.value.reason.key == "limit.zip_members"


def test_a_looping_legacy_workbook_reaches_the_officer_as_one_line_issue13(
    runner, tmp_path
) -> None:
    from cchc_cli.cli import app

    crafted = _edited(tmp_path, _loop_directory)
    done = runner.invoke(app, ["validate", str(crafted), "--no-cache", "--lang", "en"])
    assert done.exit_code == 3
    assert "file.unreadable" in done.output and "legacy .xls" in done.output
    assert "Traceback" not in done.output


def test_a_version_3_size_with_garbage_in_its_upper_half_is_read_issue13(tmp_path) -> None:
    # [MS-CFB] 2.6.3: version 3 readers ignore the upper 32 bits; old writers left garbage
    def garbage(fat: _Fat) -> None:
        entry = (fat.directory + 1) * fat.size + 128  # the Workbook stream's entry
        struct.pack_into("<I", fat.data, entry + 124, 0xDEADBEEF)

    crafted = _edited(tmp_path, garbage)
    _check(crafted)
    _, sheets = read_file(crafted, "cu")
    assert sheets[0].cells.shape[0] == 3001
