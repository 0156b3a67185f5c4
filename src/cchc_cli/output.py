"""Writing result files: atomically (temp file + rename), never over an input."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from cchc_cli.errors import UsageError


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


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the complete new one.

    A path that cannot be written (a folder that is a file, no permission, a full disk) is a
    usage error naming the path; nothing is left behind.
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
        # gets (or keep the mode of the file it replaces).
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        os.chmod(temporary, mode)
        os.replace(temporary, path)
        temporary = None
    except OSError as exc:
        raise UsageError("output.unwritable", path=str(path), reason=exc.strerror or exc) from exc
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
