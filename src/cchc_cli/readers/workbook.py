"""Excel workbooks (.xlsx/.xlsm, legacy .xls, .ods) through fastexcel (Rust calamine + Arrow),
run in a reader process (`readers/isolation.py`)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
import pyarrow as pa

from cchc_cli.catalogue import Count, phrase
from cchc_cli.readers.grid import FileFormat, RawSheet, UnreadableFile
from cchc_cli.readers.isolation import ReaderDied, ReaderOverBudget, SheetFrame, read_isolated
from cchc_cli.readers.limits import MIB, Limits, check_zip, check_zip_members, over_limit
from cchc_cli.readers.ole import check_ole


def _zip_kind(source: bytes | Path, limits: Limits) -> tuple[FileFormat, int]:
    """The workbook kind of a zip container and the bytes its parts declare once inflated."""
    try:
        with io.BytesIO(source) if isinstance(source, bytes) else source.open("rb") as handle:
            check_zip_members(handle, limits)  # before zipfile loads the whole directory
            handle.seek(0)
            with zipfile.ZipFile(handle) as archive:
                names = set(archive.namelist())
                inflated = check_zip(archive, limits)  # before the Rust reader inflates anything
    except zipfile.BadZipFile as exc:
        raise UnreadableFile(phrase("reader.corrupt_zip", detail=str(exc))) from exc
    if "content.xml" in names and "mimetype" in names:
        return FileFormat.ODS, inflated
    if not any(n.startswith("xl/") for n in names):
        raise UnreadableFile(phrase("reader.zip_not_workbook"))
    return FileFormat.XLSX, inflated


def _for_reader(source: bytes | Path) -> bytes | str:
    # The Rust reader takes only valid Unicode paths: a name that is not (bytes a Linux file
    # system kept as they were) is read into memory instead.
    if isinstance(source, bytes):
        return source
    text = str(source)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return source.read_bytes()
    return text


# The memory a reader process may take for a file (readers/isolation.py), from what the file
# is. Measured: a 1M-row export (a 1,422 MB sheet part) peaked at 2.28 GB, 100k rows (140 MB)
# at 0.28 GB, an idle reader at 0.06 GB; legacy .xls holds about what it shows, uncompressed.
# The budget is twice that: a real file never meets it, a bomb is stopped early.
_BASE_BUDGET = 256 * MIB
_PER_INFLATED_BYTE = 3
_PER_XLS_BYTE = 8


def reader_budget(fmt: FileFormat, size: int, inflated: int, limits: Limits) -> int:
    """Bytes of memory the reader may use on this file: CCHC_MAX_READER_MB when set, else
    derived from its inflated parts (zip containers) or its size (legacy .xls), at most three
    quarters of the machine's memory."""
    if limits.reader_mb:
        return limits.reader_mb * MIB
    if fmt is FileFormat.XLS:
        budget = _BASE_BUDGET + _PER_XLS_BYTE * size
    else:
        budget = _BASE_BUDGET + _PER_INFLATED_BYTE * inflated
    # never past three quarters of the machine's memory: a laptop must stay usable
    return min(budget, max(_BASE_BUDGET, _physical_memory() * 3 // 4))


def _physical_memory() -> int:
    import psutil

    try:
        return int(psutil.virtual_memory().total)
    except (OSError, RuntimeError):
        return 1 << 62  # unknown: no cap from it


def _crashed(frame: SheetFrame) -> UnreadableFile:
    """The Rust reader's failure as a reason (prefixed with the sheet it was reading). A panic
    inside it is said to be one: it arrives as pyo3's PanicException, not as an error."""
    if frame.panic:
        return UnreadableFile(phrase("reader.crashed", detail=frame.message))
    return UnreadableFile(f"{frame.sheet}: {frame.message}" if frame.sheet else frame.message)


def read_workbook(
    source: bytes | Path, fmt: FileFormat, limits: Limits | None = None
) -> tuple[FileFormat, list[RawSheet]]:
    """Every sheet as text cells, row numbers exactly as Excel shows them; `source` is the
    file's bytes or its path (then the reader opens the file itself). A zip container is
    checked against `limits` before it is parsed; the parse runs in a reader process stopped
    past the file's memory budget, whose death fails this file only."""
    limits = limits or Limits.from_environment()
    inflated = 0
    size = len(source) if isinstance(source, bytes) else source.stat().st_size
    if fmt is FileFormat.XLSX:
        fmt, inflated = _zip_kind(source, limits)
    elif fmt is FileFormat.XLS:
        with io.BytesIO(source) if isinstance(source, bytes) else source.open("rb") as handle:
            check_ole(handle, size, limits)  # before the Rust reader follows its chains
    budget = reader_budget(fmt, size, inflated, limits)
    try:
        frames = read_isolated(_for_reader(source), budget)
    except ReaderOverBudget as exc:
        used, allowed = Count(exc.used // MIB, " MB"), Count(exc.budget // MIB, " MB")
        raise over_limit("reader_mb", used, allowed) from exc
    except ReaderDied as exc:
        raise UnreadableFile(phrase("reader.died", detail=exc.detail)) from exc
    sheets: list[RawSheet] = []
    for frame in frames:
        if frame.kind == "error":
            raise _crashed(frame)
        if frame.kind == "empty":
            sheets.append(RawSheet(name=frame.sheet or "", cells=pd.DataFrame()))
        elif frame.kind == "table" and frame.table is not None:
            name, table = frame.sheet or "", frame.table
            if table.num_columns > limits.columns:  # real content, not a declared range
                wide = Count(table.num_columns, f" ({name})")
                raise over_limit("columns", wide, Count(limits.columns))
            sheets.append(RawSheet(name=name, cells=_to_frame(table)))
    return fmt, sheets


def _to_frame(table: pa.Table | pa.RecordBatch) -> pd.DataFrame:
    columns = {
        i: pd.Series(pd.arrays.ArrowStringArray(_as_string(table.column(i))))
        for i in range(table.num_columns)
    }
    frame = pd.DataFrame(columns)
    frame.index = pd.RangeIndex(1, table.num_rows + 1)
    return frame


def _as_string(column: pa.Array | pa.ChunkedArray) -> pa.ChunkedArray:
    if isinstance(column, pa.Array):
        column = pa.chunked_array([column])
    if column.type != pa.large_string():
        column = column.cast(pa.large_string())
    return column
