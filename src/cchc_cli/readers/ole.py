"""The container of legacy .xls workbooks (OLE2 / Compound File Binary), checked before the
Rust reader follows it (issue 13).

A .xls file is a small file system: a table (the FAT) says which sector follows which, and the
directory, the streams and the mini-stream are chains through it. The Rust reader follows a
chain until its end mark: a chain that loops (a 5.6 KB crafted file) made it grow to 24 GB. Here
every chain the reader will follow is walked once, with each sector allowed in one chain only,
so the check takes one pass over the table (a 100 MB .xls: 200,000 sectors, ~0.1 s).

Layout: [MS-CFB] "Compound File Binary File Format", sections 2.2 (header), 2.3 (FAT), 2.5
(DIFAT), 2.6 (directory entries).
"""

from __future__ import annotations

import sys
from array import array
from typing import BinaryIO

from cchc_cli.catalogue import Count, phrase
from cchc_cli.readers.grid import UnreadableFile
from cchc_cli.readers.limits import Limits, over_limit

_END_OF_CHAIN = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_HEADER_DIFAT = 109  # sector numbers of the first FAT sectors, in the header itself
_ENTRY = 128  # bytes per directory entry
_STREAM, _ROOT = 2, 5  # directory entry kinds


class _Broken(Exception):
    def __init__(self, sector: int) -> None:
        super().__init__(sector)
        self.sector = sector


def _words(data: bytes) -> array[int]:
    words = array("I")
    words.frombytes(data[: len(data) // 4 * 4])
    if sys.byteorder == "big":  # the format is little-endian
        words.byteswap()
    return words


class _Container:
    def __init__(self, handle: BinaryIO, size: int) -> None:
        self.handle = handle
        self.header = header = self._at(0, 512)
        shift = int.from_bytes(header[30:32], "little")
        if len(header) < 512 or shift not in (9, 12):
            raise _Broken(0)
        self.sector_size = 1 << shift
        # sectors the file really holds (the header takes the first sector's room)
        self.sectors = max(0, (size - self.sector_size + self.sector_size - 1) // self.sector_size)
        self.taken: set[int] = set()
        self.fat = self._fat(header)

    def _at(self, offset: int, length: int) -> bytes:
        self.handle.seek(offset)
        return self.handle.read(length)

    def sector(self, number: int) -> bytes:
        if number >= self.sectors:
            raise _Broken(number)
        return self._at((number + 1) * self.sector_size, self.sector_size)

    def _fat(self, header: bytes) -> array[int]:
        declared = _word(header, 44)
        if declared > self.sectors:
            raise _Broken(declared)
        locations = list(_words(header[76:512]))
        per_sector = self.sector_size // 4 - 1
        difat, seen = _word(header, 68), set()
        while difat not in (_END_OF_CHAIN, _FREE) and len(locations) < declared + per_sector:
            if difat in seen:
                raise _Broken(difat)
            seen.add(difat)
            words = _words(self.sector(difat))
            locations.extend(words[:per_sector])
            difat = words[per_sector]
        fat = array("I")
        for number in locations[:declared]:
            fat.extend(_words(self.sector(number)))
        return fat

    def chain(self, start: int, table: array[int], limit: int) -> list[int]:
        """The sectors of the chain from `start` through `table`. A loop, a sector out of
        range or one already in another chain is broken: every sector is walked once."""
        sectors, current = [], start
        while current != _END_OF_CHAIN:
            if current >= len(table) or current >= limit or current in self.taken:
                raise _Broken(current)
            self.taken.add(current)
            sectors.append(current)
            current = table[current]
        return sectors

    def file_chain(self, start: int) -> list[int]:
        return self.chain(start, self.fat, self.sectors)

    def read(self, sectors: list[int]) -> bytes:
        return b"".join(self.sector(number) for number in sectors)


def _word(data: bytes, at: int) -> int:
    return int.from_bytes(data[at : at + 4], "little")


def check_ole(handle: BinaryIO, size: int, limits: Limits) -> None:
    """Refuse a legacy .xls whose sector chains loop, cross or leave the file, or whose
    directory holds more entries than the limit allows, before the Rust reader follows them."""
    try:
        container = _Container(handle, size)
        header = container.header
        directory_sectors = container.file_chain(_word(header, 48))
        entries = len(directory_sectors) * container.sector_size // _ENTRY
        if entries > limits.zip_members:
            raise over_limit("zip_members", Count(entries), Count(limits.zip_members))
        directory = container.read(directory_sectors)
        mini_fat_start = _word(header, 60)
        mini_fat = None
        if mini_fat_start not in (_END_OF_CHAIN, _FREE):
            mini_fat = _words(container.read(container.file_chain(mini_fat_start)))
        cutoff = _word(header, 56)
        mini_sectors = 0
        small: list[int] = []
        for at in range(0, entries * _ENTRY, _ENTRY):
            entry = directory[at : at + _ENTRY]
            kind, start = entry[66], _word(entry, 116)
            length = int.from_bytes(entry[120:128], "little")
            if container.sector_size == 512:
                # [MS-CFB] 2.6.3: in version 3 files the size's upper 32 bits are to be
                # ignored (old writers left garbage there)
                length &= 0xFFFFFFFF
            if start in (_END_OF_CHAIN, _FREE):
                continue
            if kind == _ROOT:  # the mini-stream, cut in 64-byte mini sectors
                mini_sectors = len(container.file_chain(start)) * container.sector_size // 64
            elif kind == _STREAM and length >= cutoff:
                container.file_chain(start)
            elif kind == _STREAM and length:
                small.append(start)
        if small and mini_fat is not None:
            container.taken = set()  # mini sectors are numbered apart from the file's sectors
            for start in small:
                container.chain(start, mini_fat, mini_sectors)
    except _Broken as broken:
        raise UnreadableFile(phrase("reader.ole_broken", sector=Count(broken.sector))) from None
