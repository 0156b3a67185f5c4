"""Files' SHA-256 (the cache's keys), which a command may start computing in the background
while the data libraries load: at 1M rows, hashing the export is 0.1 s of a 1 s cached run and
importing pandas 0.3 s, and the hash needs no interpreter time (the reads and hashlib release
the GIL). Nothing here imports pandas."""

from __future__ import annotations

import hashlib
import os
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

# Large blocks: a background hash hands the GIL back to the main thread once per block.
_BLOCK = 8 * 1024 * 1024


@dataclass(frozen=True)
class FileKey:
    """A file's identity for the cache: its bytes' hash and its size and time when hashed."""

    sha256: str
    stamp: tuple[int, int] | None


def stamp(path: Path) -> tuple[int, int] | None:
    """The file's size and modification time, or None when it cannot be seen."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in blocks (never the whole file in memory)."""
    digest = hashlib.sha256()
    buffer = bytearray(_BLOCK)
    view = memoryview(buffer)
    with path.open("rb") as handle:
        while read := handle.readinto(buffer):
            digest.update(view[:read])
    return digest.hexdigest()


def _compute(path: Path) -> FileKey | None:
    before = stamp(path)  # before the hash: the key is of these bytes
    try:
        return FileKey(file_sha256(path), before)
    except OSError:
        return None


_started: dict[Path, Future[FileKey | None]] = {}
_lock = threading.Lock()


def start_hashing(paths: list[Path]) -> None:
    """Hash these files in background threads; `file_key` then takes the results. The
    threads are daemons: a run that stops early (a bad targets file) does not wait for them."""
    todo: list[tuple[Path, Future[FileKey | None]]] = []
    with _lock:
        for path in dict.fromkeys(paths):
            if path not in _started:
                _started[path] = Future()
                todo.append((path, _started[path]))

    def work() -> None:
        while True:
            with _lock:
                if not todo:
                    return
                path, future = todo.pop(0)
            try:
                future.set_result(_compute(path))
            except BaseException as exc:  # never leave a future unanswered: file_key waits
                future.set_exception(exc)

    for _ in range(max(0, min(len(todo), os.cpu_count() or 1, 4))):
        threading.Thread(target=work, name="cchc-hash", daemon=True).start()


def forget_hashing() -> None:
    """Drop what was started and not taken (a command ends)."""
    with _lock:
        _started.clear()


def file_key(path: Path) -> FileKey | None:
    """The file's hash with the size and time it had when hashed; a hash started in the
    background is used only if the file has not changed since (else it is hashed again)."""
    with _lock:
        started = _started.pop(path, None)
    if started is not None:
        try:
            found = started.result()
        except Exception:  # the background hash failed: hash here, where errors surface
            found = None
        if found is not None and found.stamp is not None and found.stamp == stamp(path):
            return found
    return _compute(path)
