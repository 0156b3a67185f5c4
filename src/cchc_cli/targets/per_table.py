"""Facts computed once per loaded table during one run: the report asks for every target month
by month, and a province's year would otherwise recompute the same date arrays dozens of times.

Reuse is only safe while nobody changes a table in place, which cchc's commands never do; a
script that edits its tables between calls must not get stale facts. So facts are remembered only
inside `tables_unchanged()` (each command runs inside one); outside it, they are computed afresh.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import pandas as pd

T = TypeVar("T")

_Store = dict[tuple[int, int], tuple[weakref.ref[Any], int, Any]]
_SCOPE: ContextVar[_Store | None] = ContextVar("cchc_tables_unchanged", default=None)


@contextmanager
def tables_unchanged() -> Iterator[None]:
    """Within this block the loaded tables are not changed in place: facts computed from a
    table are kept (by the table's identity and length) until the block ends."""
    token = _SCOPE.set({})
    try:
        yield
    finally:
        _SCOPE.reset(token)


def remember(remembered: Callable[[pd.DataFrame], T], table: pd.DataFrame, value: T) -> None:
    """Give a `per_table` function its answer for `table` without computing it (a fact kept
    with the run's cached tables); nothing outside `tables_unchanged()`."""
    store = _SCOPE.get()
    if store is not None:
        compute = remembered.__wrapped__  # type: ignore[attr-defined]
        store[(id(compute), id(table))] = (weakref.ref(table), len(table), value)


def per_table(compute: Callable[[pd.DataFrame], T]) -> Callable[[pd.DataFrame], T]:
    """`compute(table)`, remembered inside `tables_unchanged()`. Callers must not change what
    is returned in place."""

    @functools.wraps(compute)
    def remembered(table: pd.DataFrame) -> T:
        store = _SCOPE.get()
        if store is None:
            return compute(table)
        key = (id(compute), id(table))
        found = store.get(key)
        # the reference check: a table that died and left its address to a new one
        if found is not None and found[0]() is table and found[1] == len(table):
            return found[2]  # type: ignore[no-any-return]
        value = compute(table)
        store[key] = (weakref.ref(table), len(table), value)
        return value

    return remembered
