"""Where cchc keeps its cache: CCHC_CACHE_DIR, else the platform's user cache folder. Light on
purpose (the standard library only): a command asks before the data libraries load, to find
the hashes it knows (readers/hashes.py)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def default_cache_dir() -> Path | None:
    """CCHC_CACHE_DIR, else the platform's user cache folder; None when there is no home to
    put it in (HOME unset or empty for a service account, a uid without a passwd entry): a
    cache is never written relative to the working directory or at the file system's root."""
    if os.environ.get("CCHC_CACHE_DIR"):
        return Path(os.environ["CCHC_CACHE_DIR"])
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or _home()
        return Path(base) / "cchc" / "Cache" if base else None
    home = _home()
    if sys.platform == "darwin":
        return Path(home) / "Library" / "Caches" / "cchc" if home else None
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg) / "cchc"
    return Path(home) / ".cache" / "cchc" if home else None


def _home() -> str | None:
    """The user's home folder as an absolute path, or None: HOME set but empty (Python would
    answer "/"), a home that is the root itself (daemon accounts), none at all."""
    if sys.platform != "win32" and "HOME" in os.environ:
        home = os.environ["HOME"]
    else:
        try:
            home = str(Path.home())
        except (RuntimeError, KeyError, OSError):  # no HOME and no passwd entry
            return None
    if not home or not os.path.isabs(home) or Path(home) == Path(Path(home).anchor):
        return None
    return home
