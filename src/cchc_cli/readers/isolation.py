"""Workbooks read in a separate process, watched for memory (issue 13).

What the limits of `readers/limits.py` cannot see before parsing (a sheet part whose declared
sizes lie, a missing dimension, a legacy .xls whose sector chains loop) can make the Rust reader
abort the process or grow without bound. So the reader runs in a process of its own
(`readers/reader_worker.py`): its death becomes an issue on that file and the run goes on, and it
is stopped as soon as its memory passes the file's budget.

Processes are kept between files (starting one takes 0.1 s) and replaced after a file that left
them large. The sheets come back as Arrow IPC streams through a pipe: no temporary file, and no
copy beyond the one the run keeps. Measured on a 1M-row export (2 cores): 15.0-16.3 s against
14.6-15.4 s in the run's own process; the run's peak fell from 2.24 GB to 0.50 GB while reading
(the reader's 2.28 GB is freed when the file is done).
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import struct
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from cchc_cli.readers.reader_worker import read_sheets

# How often the reader's memory is looked at: at the speed memory can be filled (2-4 GB/s), a
# reader passes its budget by at most a few hundred MB before it is stopped.
_POLL_SECONDS = 0.05
# A reader left larger than this by its last file is not kept for the next one.
_KEEP_BELOW = 512 * 1024 * 1024
# How much a reader's stderr is kept, per file: its first words are the reason it died (Rust's
# "memory allocation of 549755813888 bytes failed").
_STDERR_KEPT = 2000


class ReaderDied(Exception):
    """The reader process ended without answering; `detail` says how (its first words, or its
    exit code)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class ReaderOverBudget(Exception):
    """The reader was stopped: its memory passed `budget` bytes."""

    def __init__(self, used: int, budget: int) -> None:
        super().__init__(used, budget)
        self.used = used
        self.budget = budget


@dataclass(frozen=True)
class SheetFrame:
    """One answer of the reader: a sheet's table, an empty sheet, or the reader's failure
    (`message`, `panic`), as `reader_worker.read_sheets` yields them."""

    kind: str
    sheet: str | None = None
    table: pa.Table | pa.RecordBatch | None = None
    message: str = ""
    panic: bool = False


def _frame(header: dict[str, Any], table: pa.Table | pa.RecordBatch | None) -> SheetFrame:
    return SheetFrame(
        kind=str(header.get("kind")),
        sheet=header.get("sheet"),
        table=table,
        message=str(header.get("message", "")),
        panic=bool(header.get("panic", False)),
    )


class _Reader:
    """One reader process and the threads that drain its stderr and watch its memory."""

    def __init__(self) -> None:
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console window flashing on Windows
        # Rust's backtrace (RUST_BACKTRACE set by a developer) would bury the reason.
        # The reader ends itself when this process is gone (killed outright: nothing else
        # would stop a parse that goes on growing), checking for it by its id.
        environment = {**os.environ, "RUST_BACKTRACE": "0", "CCHC_READER_PARENT": str(os.getpid())}
        self.process = subprocess.Popen(
            [sys.executable, "-P", "-m", "cchc_cli.readers.reader_worker"],
            env=environment,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            creationflags=flags,
        )
        self.stderr = b""
        self.over: tuple[int, int] | None = None
        self._drainer = threading.Thread(target=self._drain, name="cchc-reader-stderr", daemon=True)
        self._drainer.start()

    def _drain(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            if len(self.stderr) < _STDERR_KEPT:
                self.stderr += line

    def rss(self) -> int | None:
        import psutil

        try:
            memory = psutil.Process(self.process.pid).memory_info()
        except (psutil.Error, OSError):
            return None
        # On Windows the working set (rss) shrinks when pages go to the page file; what the
        # process has committed (private) does not.
        return int(max(memory.rss, getattr(memory, "private", 0)))

    def _stopped_over(self, budget: int) -> bool:
        used = self.rss()
        if used is None or used <= budget:
            return False
        self.over = (used, budget)
        self.kill()
        return True

    def _watch(self, budget: int, done: threading.Event) -> None:
        while not done.wait(_POLL_SECONDS) and not self._stopped_over(budget):
            pass

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.process.kill()

    def read(self, source: bytes | str, budget: int) -> Iterator[SheetFrame]:
        assert self.process.stdin is not None and self.process.stdout is not None
        done = threading.Event()
        watcher = threading.Thread(
            target=self._watch, args=(budget, done), name="cchc-reader-watch", daemon=True
        )
        self.stderr = b""  # what a panic caught in the last file printed is not this file's
        self.over = None
        watcher.start()
        try:
            if self._stopped_over(budget):  # already past it (a budget below an idle reader)
                raise self._died()
            try:
                if isinstance(source, bytes):
                    request = json.dumps({"size": len(source)}).encode() + b"\n"
                    self.process.stdin.write(request + source)
                else:
                    self.process.stdin.write(json.dumps({"path": source}).encode() + b"\n")
                self.process.stdin.flush()
            except OSError:
                raise self._died() from None
            while True:
                header = self._header()
                kind = header.get("kind")
                table = None
                if kind == "table":
                    try:
                        table = pa.ipc.open_stream(self.process.stdout).read_all()
                    except (pa.ArrowInvalid, OSError):
                        raise self._died() from None
                yield _frame(header, table)
                if kind in ("done", "error"):
                    return
        finally:
            done.set()
            watcher.join()  # no kill after this: the caller judges the reader as it stands

    def _header(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        size = self.process.stdout.read(4)
        if len(size) < 4:
            raise self._died()
        data = self.process.stdout.read(struct.unpack("<I", size)[0])
        try:
            return dict(json.loads(data))
        except ValueError:
            raise self._died() from None

    def _died(self) -> ReaderDied | ReaderOverBudget:
        try:
            code = self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.kill()
            code = self.process.wait()
        if self.over is not None:
            return ReaderOverBudget(*self.over)
        self._drainer.join(timeout=2)  # its last words, before they are read
        words = self.stderr.decode("utf-8", "replace").strip().splitlines()
        return ReaderDied(words[0][:200] if words else f"exit code {code}")

    def close(self) -> None:
        for stream in (self.process.stdin, self.process.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
        try:
            self.process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            self.kill()


_idle: list[_Reader] = []
_busy: set[_Reader] = set()
_lock = threading.Lock()


def read_isolated(source: bytes | str, budget: int) -> list[SheetFrame]:
    """Every sheet of a workbook (a path the Rust reader can open, or the file's bytes), read in
    a reader process stopped past `budget` bytes of memory. Raises ReaderDied when the process
    dies, ReaderOverBudget when it was stopped for its memory."""
    with _lock:
        reader = _idle.pop() if _idle else None
    if reader is not None and reader.process.poll() is not None:
        reader.close()  # died while idle: its pipes closed, a new one started
        reader = None
    if reader is None:
        try:
            reader = _Reader()
        except OSError:
            # No interpreter to start (an embedded Python): read here, unprotected, rather
            # than not at all.
            return [_frame(header, table) for header, table in read_sheets(source)]
    with _lock:
        _busy.add(reader)
    kept = False
    try:
        frames = list(reader.read(source, budget))
        used = reader.rss()
        kept = used is not None and used < _KEEP_BELOW and reader.process.poll() is None
        return frames
    finally:
        with _lock:
            _busy.discard(reader)
            if kept:
                _idle.append(reader)
        if not kept:
            reader.kill()
            reader.close()


def stop_readers() -> None:
    """Stop every reader process at once (the run was stopped, or ends)."""
    with _lock:
        readers = [*_idle, *_busy]
        _idle.clear()
    for reader in readers:
        reader.kill()


def _close_idle() -> None:
    # at exit: idle readers are stopped, not waited for (a stop arriving now must not be
    # caught inside a wait)
    with _lock:
        readers = list(_idle)
        _idle.clear()
    for reader in readers:
        reader.kill()


atexit.register(_close_idle)
