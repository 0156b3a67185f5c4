"""Files' SHA-256 (the cache's keys), which a command may start computing in the background
while the data libraries load: at 1M rows, hashing the export is 0.1 s of a 1 s cached run and
importing pandas 0.3 s, and the hash needs no interpreter time (the reads and hashlib release
the GIL). Nothing here imports pandas.

The hashes of files seen before are kept in the cache folder (`hashes.json`), by the file's
path, size, modification time and file id, as git keeps its index: a nightly job over a year
of monthly exports (432 MB for 3M rows: 0.3 s of hashing on two cores busy importing the
libraries, a tenth of a cached run) hashes only the files that changed."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


# A file saved twice within its file system's time resolution (2 s on FAT, which USB sticks
# use) keeps one modification time for two contents: a hash is kept only for a file that had
# not changed for longer than this when it was hashed.
_SETTLED_NS = 3_000_000_000
_KNOWN_NAME = "hashes.json"
_KNOWN_MAX = 2000  # files; the least recently hashed go first


class _KnownHashes:
    """The hashes kept in one cache folder, read once per run, written after new ones."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / _KNOWN_NAME
        self.lock = threading.Lock()
        self.entries: dict[str, list[Any]] | None = None
        self.changed = False

    def _loaded(self) -> dict[str, list[Any]]:
        if self.entries is None:
            try:
                found = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):  # none yet, unreadable, damaged: hashed again
                found = {}
            self.entries = found if isinstance(found, dict) else {}
        return self.entries

    def lookup(self, name: str, identity: list[int]) -> str | None:
        with self.lock:
            entries = self._loaded()
            found = entries.get(name)
            if not (isinstance(found, list) and len(found) == 2 and found[0] == identity):
                return None
            digest = found[1]
            if not (isinstance(digest, str) and len(digest) == 64):
                return None
            # to the end: the least recently used go first when there are too many
            entries[name] = entries.pop(name)
            self.changed = True
            return digest

    def record(self, name: str, identity: list[int], digest: str) -> None:
        with self.lock:
            entries = self._loaded()
            entries.pop(name, None)  # to the end: the most recently hashed
            entries[name] = [identity, digest]
            self.changed = True

    def save(self) -> None:
        """Written whole or not at all, by one thread at a time (another run may be writing
        its own: the last one written is kept); a cache folder that cannot be written only
        costs the hashing again."""
        with self.lock:
            if not self.changed:
                return
            self.changed = False
            entries = dict(list(self._loaded().items())[-_KNOWN_MAX:])
            with contextlib.suppress(OSError):
                self.path.parent.mkdir(parents=True, exist_ok=True)
                handle, temporary = tempfile.mkstemp(prefix=".hashes-", dir=self.path.parent)
                try:
                    with os.fdopen(handle, "w", encoding="utf-8") as out:
                        json.dump(entries, out)
                    os.replace(temporary, self.path)
                finally:
                    with contextlib.suppress(OSError):
                        os.unlink(temporary)


_known: dict[Path, _KnownHashes] = {}


def _known_in(folder: Path | None) -> _KnownHashes | None:
    if folder is None:
        return None
    with _lock:
        return _known.setdefault(folder, _KnownHashes(folder))


def _identity(status: os.stat_result) -> list[int]:
    # As git's index: a file rewritten in place changes its time (and, on POSIX, its change
    # time, which no program sets back); one deleted and made again changes its change time
    # even where its file id is reused (ext4) or is none (FAT, some network drives: 0).
    return [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino]


def _compute(path: Path, known: _KnownHashes | None = None) -> FileKey | None:
    try:
        status = path.stat()  # before the hash: the key is of these bytes
    except OSError:
        return None
    before = (status.st_size, status.st_mtime_ns)
    name = os.path.abspath(path)
    identity = _identity(status)
    if known is not None:
        digest = known.lookup(name, identity)
        if digest is not None:
            return FileKey(digest, before)
    hashed_at = time.time_ns()
    try:
        digest = file_sha256(path)
    except OSError:
        return None
    if known is not None and hashed_at - status.st_mtime_ns > _SETTLED_NS:
        with contextlib.suppress(OSError):
            if _identity(path.stat()) == identity:  # not changed while hashed
                known.record(name, identity, digest)
    return FileKey(digest, before)


_started: dict[Path, Future[FileKey | None]] = {}
_lock = threading.Lock()


def start_hashing(paths: list[Path], known_in: Path | None = None) -> None:
    """Hash these files in background threads; `file_key` then takes the results. The
    threads are daemons: a run that stops early (a bad targets file) does not wait for them.
    `known_in`: the cache folder whose kept hashes spare hashing unchanged files again."""
    known = _known_in(known_in)
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
                future.set_result(_compute(path, known))
            except BaseException as exc:  # never leave a future unanswered: file_key waits
                future.set_exception(exc)

    for _ in range(max(0, min(len(todo), os.cpu_count() or 1, 4))):
        threading.Thread(target=work, name="cchc-hash", daemon=True).start()


def forget_hashing() -> None:
    """Drop what was started and not taken (a command ends)."""
    with _lock:
        _started.clear()


def file_key(path: Path, known_in: Path | None = None) -> FileKey | None:
    """The file's hash with the size and time it had when hashed; a hash started in the
    background is used only if the file has not changed since (else it is hashed again, or
    taken from the hashes kept in the cache folder `known_in`)."""
    with _lock:
        started = _started.pop(path, None)
    if started is not None:
        try:
            found = started.result()
        except Exception:  # the background hash failed: hash here, where errors surface
            found = None
        if found is not None and found.stamp is not None and found.stamp == stamp(path):
            return found
    return _compute(path, _known_in(known_in))


def keep_hashes(known_in: Path | None) -> None:
    """Write the hashes learnt by `file_key` and `start_hashing` into the cache folder (the
    caller's thread: a background thread cut short at the end of a run would leave its
    temporary file behind)."""
    known = _known_in(known_in)
    if known is not None:
        known.save()
