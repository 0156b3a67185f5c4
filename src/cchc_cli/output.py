"""Writing result files: atomically (temp file + rename), never over an input."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO

from cchc_cli.catalogue import os_reason, phrase
from cchc_cli.errors import OutputError, UsageError

# Windows' answers when another program holds a file: a sharing or a lock violation, and
# "access denied" from a rename over a file open in Excel.
_HELD = {32, 33}
_HELD_ON_RENAME = {5, 32, 33}


def check_output(path: Path) -> None:
    """Refuse an output path that names something other than a regular file: the atomic
    rename would replace a device or a pipe with a file (as root, `-o /dev/null` would have
    replaced the system's /dev/null)."""
    try:
        status = path.resolve().stat()
    except RuntimeError as exc:  # a symbolic link loop on the way (Python 3.11's resolve)
        raise UsageError("output.not_a_file", path=str(path)) from exc
    except OSError:
        return  # nothing there yet (or unreachable: the write says why)
    if not stat.S_ISREG(status.st_mode):
        raise UsageError("output.not_a_file", path=str(path))


def _lock_files(path: Path) -> list[Path]:
    """The files an office program keeps beside a document it has open: Excel's owner file
    (`~$` before the name, or over its first two letters for a long name) and LibreOffice's
    `.~lock.NAME#`."""
    names = {f"~${path.name}", f"~${path.name[2:]}", f".~lock.{path.name}#"}
    return [path.parent / name for name in sorted(names) if (path.parent / name).is_file()]


def _held(path: Path, lock: Path | None = None) -> OutputError:
    hint = phrase("output.lock_file_hint", lock=lock.name) if lock is not None else ""
    return OutputError("output.open_elsewhere", path=str(path), hint=hint)


def check_writable(path: Path) -> None:
    """Before anything is read: the output can be written, and no program has it open (Excel
    keeps a workbook it shows locked: the run would fail only at its end, after minutes of
    reading). Checks `check_output`, the office programs' lock files beside it, that the file
    opens for appending (Windows refuses that while Excel has it), and that its folder takes a
    new file. Nothing is changed and nothing is left."""
    check_output(path)
    path = path.resolve()
    locks = _lock_files(path)
    if locks:
        raise _held(path, locks[0])
    try:
        if path.exists():
            with path.open("ab") as handle:
                if _locked_by_another(handle):
                    raise _held(path)
        # the nearest folder that exists takes the new file (the missing ones are made only
        # when the result is written: a run that fails leaves no empty folder behind)
        folder = path.parent
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent
        if not folder.is_dir():  # a file where a folder should be
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
        handle, probe = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        if getattr(exc, "winerror", None) in _HELD:
            raise _held(path) from exc
        reason = os_reason(exc)
        if isinstance(exc, PermissionError) and _read_only(path):
            reason = phrase("output.read_only_file")  # what to change, in the officer's words
        raise OutputError("output.unwritable", path=str(path), reason=reason) from exc


def _read_only(path: Path) -> bool:
    """An existing file marked read-only (Windows' Read-only box, or no write permission)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not mode & stat.S_IWRITE or not os.access(path, os.W_OK)


def _locked_by_another(handle: BinaryIO) -> bool:
    """Whether another process holds a lock on an open file. On Linux and macOS a program
    editing a file (LibreOffice, a script writing a report) locks it with fcntl or flock:
    taking the same lock for a moment, without waiting, says whether one is held. Windows
    refuses the opening itself (winerror 32/33, above)."""
    try:
        import fcntl
    except ImportError:  # Windows
        return False
    for lock in (fcntl.lockf, fcntl.flock):
        try:
            lock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        except OSError:  # a file system without such locks (some network shares): unknown
            continue
        lock(handle, fcntl.LOCK_UN)
    return False


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the complete new one.

    A path that cannot be written (a folder that is a file, no permission, a full disk, a file
    Excel holds open) is an OutputError naming the path (exit 3); nothing is left behind.
    """
    check_output(path)
    path = path.resolve()
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp creates the file readable by its owner only; give it the mode any new file
        # gets (or keep the mode of the file it replaces, never its read-only flag: on Windows
        # the next run could not replace the report).
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        os.chmod(temporary, mode | stat.S_IWUSR)
        os.replace(temporary, path)
        temporary = None
    except OSError as exc:
        if getattr(exc, "winerror", None) in _HELD_ON_RENAME and path.exists():
            raise _held(path) from exc
        raise OutputError("output.unwritable", path=str(path), reason=os_reason(exc)) from exc
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def is_same_file(candidate: Path, others: list[Path]) -> bool:
    """Whether `candidate` is one of `others` (by resolved path)."""
    target = candidate.resolve()
    return any(target == other.resolve() for other in others)
