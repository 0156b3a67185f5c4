"""The sheets' tables of one dataset joined into the run's table, one row per key (D5)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from cchc_cli.ingest.duplicates import resolve
from cchc_cli.issues import Issue


def concat_tables(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """The sheets' tables one under the other, categorical columns kept categorical.

    pandas turns categoricals whose categories differ (every file names itself in
    `source_path`) into Python objects when concatenating; the categories are unified first,
    so a year of monthly files keeps one small code per row instead of a string.
    """
    if len(parts) == 1:
        return parts[0]
    # insertion-ordered sets: a procedure column may hold thousands of names
    columns: dict[str, dict[str, None]] = {}
    for part in parts:
        for name, dtype in part.dtypes.items():
            if isinstance(dtype, pd.CategoricalDtype) and not dtype.ordered:
                columns.setdefault(str(name), {}).update(dict.fromkeys(dtype.categories))
    unified = {name: list(known) for name, known in columns.items()}
    aligned = []
    for part in parts:
        part = part.copy(deep=False)
        for name, categories in unified.items():
            if name in part and isinstance(part[name].dtype, pd.CategoricalDtype):
                part[name] = part[name].cat.set_categories(categories)
            elif name not in part:
                empty = np.full(len(part), -1, dtype=np.int32)
                part[name] = pd.Categorical.from_codes(empty, categories=categories)
        aligned.append(part)
    return pd.concat(aligned, ignore_index=True)


def join_tables(
    parts: list[pd.DataFrame],
    key: str | None,
    dataset: str,
    key_headers: dict[tuple[str, str], str] | None = None,
    sheet_columns: dict[tuple[str, str], frozenset[str]] | None = None,
) -> tuple[pd.DataFrame, list[Issue]]:
    """The tables one under the other, each key's losing rows left out (D5), with a warning per
    row left out. Takes the tables out of `parts` as it goes: each is filtered and the
    unfiltered one let go before the next, so the year is held once, then once more while the
    filtered tables are joined, never with a copy of the joined table on top."""
    if not key:
        table = concat_tables(parts)
        parts.clear()
        return table, []
    resolution = resolve(parts, key, dataset, key_headers, sheet_columns)
    given = {id(part) for part in parts}  # never written into: a cached table, the caller's
    for n, dropped in enumerate(resolution.dropped_from(parts)):
        if dropped.size:
            keep = np.ones(len(parts[n]), dtype=bool)
            keep[dropped] = False
            filtered = parts[n][keep]
            filtered.index = pd.RangeIndex(len(filtered))  # a new frame: renumbered in place
            parts[n] = filtered
    table = concat_tables(parts)
    parts.clear()
    if resolution.fills and id(table) in given:
        table = table.copy()
    for column, (winners, values) in resolution.fills.items():
        # positions counted before the losing rows were left out: each winner moves up by
        # the number of losing rows above it
        moved = winners - np.searchsorted(resolution.losers, winners)
        table.loc[moved, column] = values
    return table, resolution.issues
