"""Excel workbooks (.xlsx/.xlsm, legacy .xls, .ods) through fastexcel (Rust calamine + Arrow)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import fastexcel
import pandas as pd
import pyarrow as pa

from cchc_cli.catalogue import Count, phrase
from cchc_cli.errors import Terminated
from cchc_cli.readers.grid import FileFormat, RawSheet, UnreadableFile
from cchc_cli.readers.limits import Limits, check_zip, check_zip_members, over_limit


def _zip_kind(source: bytes | Path, limits: Limits) -> FileFormat:
    try:
        with io.BytesIO(source) if isinstance(source, bytes) else source.open("rb") as handle:
            check_zip_members(handle, limits)  # before zipfile loads the whole directory
            handle.seek(0)
            with zipfile.ZipFile(handle) as archive:
                names = set(archive.namelist())
                check_zip(archive, limits)  # before the Rust reader inflates anything
    except zipfile.BadZipFile as exc:
        raise UnreadableFile(phrase("reader.corrupt_zip", detail=str(exc))) from exc
    if "content.xml" in names and "mimetype" in names:
        return FileFormat.ODS
    if not any(n.startswith("xl/") for n in names):
        raise UnreadableFile(phrase("reader.zip_not_workbook"))
    return FileFormat.XLSX


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


# What stops the run rather than fails a file: never caught as a reader's failure.
_STOPS = (KeyboardInterrupt, SystemExit, Terminated)


def _first_line(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:200]


def _crashed(exc: BaseException, sheet: str | None = None) -> UnreadableFile:
    """The Rust reader's failure as a reason (prefixed with the sheet it was reading). A panic
    inside it arrives as pyo3's PanicException, a BaseException that `except Exception` lets
    through to a traceback."""
    detail = _first_line(exc)
    if not isinstance(exc, Exception):
        return UnreadableFile(phrase("reader.crashed", detail=detail))
    return UnreadableFile(f"{sheet}: {detail}" if sheet else detail)


def read_workbook(
    source: bytes | Path, fmt: FileFormat, limits: Limits | None = None
) -> tuple[FileFormat, list[RawSheet]]:
    """Every sheet as text cells, row numbers exactly as Excel shows them; `source` is the
    file's bytes or its path (then the Rust reader opens the file itself). A zip container is
    checked against `limits` before it is parsed."""
    limits = limits or Limits.from_environment()
    if fmt is FileFormat.XLSX:
        fmt = _zip_kind(source, limits)
    try:
        reader = fastexcel.read_excel(_for_reader(source))
        names = list(reader.sheet_names)
    except _STOPS:
        raise
    except BaseException as exc:  # the Rust reader's own exception types, and its panics
        raise _crashed(exc) from exc
    sheets: list[RawSheet] = []
    for index, name in enumerate(names):
        try:
            # skip_rows=0 (not None) keeps leading empty rows, so grid row i is Excel row i+1.
            # Everything is read as text: codes keep their leading zeros and date columns that
            # mix real dates with typed text are parsed by our own day-first parser.
            table = reader.load_sheet_eager(index, header_row=None, skip_rows=0, dtypes="string")
        except _STOPS:
            raise
        except BaseException as exc:  # panics too (see _crashed)
            message = _first_line(exc).lower()
            if isinstance(exc, Exception) and ("no rows" in message or "empty" in message):
                sheets.append(RawSheet(name=name, cells=pd.DataFrame()))
                continue
            raise _crashed(exc, name) from exc
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
