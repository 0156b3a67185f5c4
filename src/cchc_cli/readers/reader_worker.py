"""The process that runs the Rust reader (fastexcel/calamine) on behalf of a cchc run (issue 13).

Some workbooks make the Rust reader abort the whole process, which no `except` can catch: a
sheet whose dimension lies or is missing, with one character in its last cell (XFD1048576),
makes calamine reserve room for 17 billion cells. Run here, such a death is the death of this
process only: the run reports the file as unreadable and goes on (`readers/isolation.py`).

Run as `python -P -m cchc_cli.readers.reader_worker`. It imports nothing of cchc's data stack
(no pandas): it starts in 0.1 s. It reads requests from stdin, one JSON line each:
`{"path": "..."}`, or `{"size": n}` followed by the file's n bytes. For each request it writes to
stdout a series of frames, each a 4-byte little-endian length and a JSON header; a header of kind
"table" is followed by the sheet as an Arrow IPC stream. The last frame of a request is of kind
"done" (every sheet sent) or "error" (the reader failed; `panic` says whether by a panic).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import struct
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any, BinaryIO

# What ends this process rather than fails a file.
_STOPS = (KeyboardInterrupt, SystemExit)


def _first_line(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:200]


def _failure(exc: BaseException, sheet: str | None = None) -> dict[str, Any]:
    # A panic inside the Rust reader arrives as pyo3's PanicException, a BaseException.
    return {
        "kind": "error",
        "sheet": sheet,
        "message": _first_line(exc),
        "panic": not isinstance(exc, Exception),
    }


def read_sheets(source: bytes | str) -> Iterator[tuple[dict[str, Any], Any]]:
    """(header, Arrow table or None) for every sheet of a workbook, as text cells; ends with a
    "done" or an "error" header. One sheet is held at a time."""
    import fastexcel

    try:
        reader = fastexcel.read_excel(source)
        names = list(reader.sheet_names)
    except _STOPS:
        raise
    except BaseException as exc:  # the Rust reader's own exception types, and its panics
        yield _failure(exc), None
        return
    for index, name in enumerate(names):
        try:
            # skip_rows=0 (not None) keeps leading empty rows, so grid row i is Excel row i+1.
            # Everything is read as text: codes keep their leading zeros and date columns that
            # mix real dates with typed text are parsed by cchc's own day-first parser.
            table = reader.load_sheet_eager(index, header_row=None, skip_rows=0, dtypes="string")
        except _STOPS:
            raise
        except BaseException as exc:
            message = _first_line(exc).lower()
            # only the reader's own words for a sheet without rows: any other failure fails
            # the file loudly rather than losing a sheet in silence ("empty" may be in a name)
            if isinstance(exc, Exception) and message.startswith(("no rows", "sheet is empty")):
                yield {"kind": "empty", "sheet": name}, None
                continue
            yield _failure(exc, name), None
            return
        yield {"kind": "table", "sheet": name}, table
        del table
    yield {"kind": "done"}, None


def _send(out: BinaryIO, header: dict[str, Any], table: Any) -> None:
    import pyarrow as pa

    data = json.dumps(header, ensure_ascii=False).encode("utf-8")
    out.write(struct.pack("<I", len(data)) + data)
    if table is not None:
        with pa.ipc.new_stream(out, table.schema) as writer:
            writer.write(table)
    out.flush()


def _read_exact(stream: BinaryIO, size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise EOFError
    return data


def _give_back() -> None:
    """Return the freed memory of the last file to the system: the C allocator keeps it
    otherwise, and a kept reader would hold a month's parse (~0.4 GB) while it waits."""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()
    if sys.platform.startswith("linux"):
        import ctypes

        # another C library (musl) has nothing to trim
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def _parent_alive(parent: int) -> bool:
    if sys.platform == "win32":
        import psutil

        return bool(psutil.pid_exists(parent))
    return os.getppid() == parent  # an orphan is adopted by another process


def _end_with_parent() -> None:
    """End this process when the run that started it is gone (killed outright, its reader
    would parse on, its memory watched by nobody)."""
    text = os.environ.get("CCHC_READER_PARENT", "")
    if not text.isdigit():
        return
    parent = int(text)

    def watch() -> None:
        while _parent_alive(parent):
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="cchc-reader-parent", daemon=True).start()


def main() -> None:
    """Serve requests until stdin closes (the run ended, or died)."""
    # Ctrl-C reaches every process of the console: the run decides, and stops this one.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end_with_parent()
    requests, out = sys.stdin.buffer, sys.stdout.buffer
    try:
        while line := requests.readline():
            request = json.loads(line)
            if "path" in request:
                source: bytes | str = request["path"]
            else:
                source = _read_exact(requests, request["size"])
            for header, table in read_sheets(source):
                _send(out, header, table)
            _give_back()
    except (BrokenPipeError, EOFError, OSError):
        pass  # the run is gone: nobody to answer


if __name__ == "__main__":
    main()
