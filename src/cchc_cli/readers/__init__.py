"""File readers: sniff the real format, then return every sheet as a grid of text cells."""

from __future__ import annotations

from cchc_cli.readers.dispatch import read_file, sniff
from cchc_cli.readers.grid import FileFormat, MergedRange, RawSheet, UnreadableFile
from cchc_cli.readers.inputs import InputFile, expand_inputs

__all__ = [
    "FileFormat",
    "InputFile",
    "MergedRange",
    "RawSheet",
    "UnreadableFile",
    "expand_inputs",
    "read_file",
    "sniff",
]
