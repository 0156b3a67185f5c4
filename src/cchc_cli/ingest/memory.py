"""Memory given back between files: a year of monthly exports is read file after file, and each
parse briefly needs several times its result (the Rust reader holds every cell of a sheet).
Without this, the allocators keep what a parse freed and a 3M-row year peaks above 2 GB."""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
from functools import lru_cache

import pyarrow as pa


@lru_cache(maxsize=1)
def use_returning_pool() -> str:
    """Arrow's jemalloc pool where this build has it (Linux and macOS wheels): it returns freed
    memory to the system sooner than the default mimalloc pool (3M rows in 12 files, cold:
    peak 2.33 -> 2.14 GB before memory was also given back after each file). Windows wheels
    have no jemalloc: the default pool stays. A pool chosen with ARROW_DEFAULT_MEMORY_POOL (the
    usual way round an allocator's trouble on some machines) is left as chosen. The commands
    call this; a script using the library keeps Arrow's default unless it calls it."""
    if not os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        with contextlib.suppress(NotImplementedError, AttributeError, pa.ArrowException):
            pa.set_memory_pool(pa.jemalloc_memory_pool())
    return pa.default_memory_pool().backend_name


@lru_cache(maxsize=1)
def _malloc_trim() -> object | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None).malloc_trim  # the C library the interpreter runs on
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None


def give_back() -> None:
    """Return the memory freed by the last parse to the system (Arrow's pool, and glibc's heap
    on Linux, where numpy and pandas arrays live)."""
    pa.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)  # type: ignore[operator]
