"""File readers: sniff the real format, then return every sheet as a grid of text cells.

The names below are imported when first asked for: `cchc_cli.readers.inputs` and
`cchc_cli.readers.hashes` must load without pandas, so that a command can find and hash its
inputs while the data libraries load (issue 12).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cchc_cli.readers.dispatch import read_file, sniff
    from cchc_cli.readers.grid import FileFormat, MergedRange, RawSheet, UnreadableFile
    from cchc_cli.readers.inputs import InputFile, expand_inputs

_HOME = {
    "read_file": "dispatch",
    "sniff": "dispatch",
    "FileFormat": "grid",
    "MergedRange": "grid",
    "RawSheet": "grid",
    "UnreadableFile": "grid",
    "InputFile": "inputs",
    "expand_inputs": "inputs",
}

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


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(importlib.import_module(f"cchc_cli.readers.{_HOME[name]}"), name)
    raise AttributeError(f"module 'cchc_cli.readers' has no attribute {name!r}")
