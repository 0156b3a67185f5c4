"""The parts a zip declares, read from its end record alone: light enough for readers/inputs.py,
which runs before the data libraries load (issue 12), and safe on a hostile zip whose directory
would take a gigabyte to load (issue 13)."""

from __future__ import annotations

import os
from typing import BinaryIO

# The most parts a workbook may have (CCHC_MAX_ZIP_MEMBERS, readers/limits.py).
ZIP_MEMBERS = 10_000

_END = b"PK\x05\x06"  # end of central directory record
_END64_LOCATOR = b"PK\x06\x07"


def declared_members(handle: BinaryIO) -> int | None:
    """The number of parts a zip's end record declares, read from the last 64 KB before
    Python's zipfile loads the whole directory (1.5 million empty parts took 1 GB and 7.6 s to
    be counted); None when there is no end record to read."""
    handle.seek(0, os.SEEK_END)
    size = handle.tell()
    start = max(0, size - 65_557)  # the record (22 bytes) and the longest comment
    handle.seek(start)
    tail = handle.read()
    at = tail.rfind(_END)
    if at < 0 or at + 22 > len(tail):
        return None
    count = int.from_bytes(tail[at + 10 : at + 12], "little")
    locator = at - 20
    if count == 0xFFFF and locator >= 0 and tail[locator : locator + 4] == _END64_LOCATOR:
        handle.seek(int.from_bytes(tail[locator + 8 : locator + 16], "little"))
        record = handle.read(56)
        if record[:4] == b"PK\x06\x06" and len(record) == 56:
            count = int.from_bytes(record[32:40], "little")
    return count


def zip_members_limit() -> int:
    """CCHC_MAX_ZIP_MEMBERS when it is a positive whole number, else ZIP_MEMBERS (the rule of
    `Limits.from_environment`)."""
    text = os.environ.get("CCHC_MAX_ZIP_MEMBERS", "").strip()
    return int(text) if text.isdigit() and int(text) > 0 else ZIP_MEMBERS
