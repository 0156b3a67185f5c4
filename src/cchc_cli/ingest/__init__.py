"""The load stage: input files to validated canonical tables, every row accounted for.

`load.py` runs it (reading, header detection, validation per sheet, in parallel, through the
cache); `rows.py` tells data rows from titles, footers and blanks; `validate.py` turns cells
into typed columns with issues; `join.py` joins the sheets' tables of a dataset, leaving out
the losing copies of keys seen twice, which `duplicates.py` picks (D5);
`cache.py` keeps validated files between runs; `drafting.py` drafts a vendor profile from a
sheet nothing reads yet.
"""

from __future__ import annotations

from cchc_cli.ingest.load import (
    FileReadout,
    LoadOptions,
    LoadResult,
    inspect_input,
    load_files,
    load_inputs,
    read_input,
)

__all__ = [
    "FileReadout",
    "LoadOptions",
    "LoadResult",
    "inspect_input",
    "load_files",
    "load_inputs",
    "read_input",
]
