"""Facts computed once per loaded table: the report asks for every target month by month, and a
province's year would otherwise recompute the same date arrays and masks dozens of times."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TypeVar

import pandas as pd

T = TypeVar("T")


def per_table(compute: Callable[[pd.DataFrame], T]) -> Callable[[pd.DataFrame], T]:
    """`compute(table)` remembered for as long as `table` lives.

    Tables are keyed by identity (a DataFrame is not hashable) and checked by length; the
    loaded tables are not changed after loading, and a frame derived from one is a new object.
    Callers must not change what is returned in place.
    """
    known: dict[int, tuple[weakref.ref[pd.DataFrame], int, T]] = {}

    @functools.wraps(compute)
    def remembered(table: pd.DataFrame) -> T:
        key = id(table)
        found = known.get(key)
        if found is not None and found[0]() is table and found[1] == len(table):
            return found[2]
        value = compute(table)
        known[key] = (weakref.ref(table), len(table), value)
        weakref.finalize(table, known.pop, key, None)
        return value

    return remembered
