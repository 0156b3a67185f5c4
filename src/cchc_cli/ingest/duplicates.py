"""Duplicated keys across rows and files (D5): one record per dossier, the most advanced wins."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from cchc_cli.issues import Issue, make_issue
from cchc_cli.rules import end_dates


def _day_or_earliest(values: pd.Series) -> np.ndarray:
    # D5 compares calendar dates: two records ending the same day tie, and the later file wins.
    days = values.to_numpy(dtype="datetime64[s]").astype("datetime64[D]")
    return np.where(np.isnat(days), np.datetime64("0001-01-01", "D"), days)


def repeated_keys(keys: pd.Series) -> np.ndarray:
    """Which rows share their key with another row (a missing key is nobody's duplicate).

    Each key is numbered in one hash pass and the numbers counted: a key counted more than
    once repeats. Arrow strings (dossier codes) are numbered by Arrow (`dictionary_encode`;
    the files' chunks share one dictionary, so a code numbered in January keeps its number in
    March): 0.45 s for 3M codes, whether or not any repeats.
    """
    try:
        array = pa.array(keys.array, from_pandas=True)
    except (pa.ArrowException, TypeError, ValueError):
        array = None
    if array is not None and (
        pa.types.is_string(array.type) or pa.types.is_large_string(array.type)
    ):
        encoded = pc.dictionary_encode(array)
        chunks = encoded.chunks if isinstance(encoded, pa.ChunkedArray) else [encoded]
        if not chunks:
            return np.zeros(len(keys), dtype=bool)
        size = max(len(chunk.dictionary) for chunk in chunks)
        codes = np.concatenate(
            [pc.fill_null(chunk.indices, -1).to_numpy().astype(np.int64) for chunk in chunks]
        )
    else:
        codes = pd.factorize(keys)[0].astype(np.int64)
        size = int(codes.max()) + 1 if codes.size else 0
    present = codes >= 0
    counts = np.bincount(codes[present], minlength=size)
    return present & (counts[np.where(present, codes, 0)] > 1) if size else present


def _location(path: str, sheet: str) -> str:
    name = Path(path).name
    # HTML and CSV "sheets" are named after the file; do not say it twice.
    return name if Path(name).stem.startswith(sheet) else f"{name} › {sheet}"


@dataclass
class Resolution:
    """What D5 decides over the tables of one dataset, counted through them one under the
    other: the rows that lose, one warning per losing row, and the values a winner takes from
    another record of its dossier for columns its own sheet lacks."""

    losers: np.ndarray  # positions, ascending
    issues: list[Issue]
    # column -> (the winners' positions, the values they take)
    fills: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)

    def dropped_from(self, parts: list[pd.DataFrame]) -> list[np.ndarray]:
        """The losing rows of each table, by position within it."""
        offsets = _offsets(parts)
        table_of = np.searchsorted(offsets, self.losers, side="right") - 1
        return [self.losers[table_of == n] - offsets[n] for n in range(len(parts))]


def _offsets(parts: list[pd.DataFrame]) -> np.ndarray:
    return np.cumsum([0, *(len(p) for p in parts)])


def _rows_at(parts: list[pd.DataFrame], positions: np.ndarray, columns: list[str]) -> pd.DataFrame:
    """The rows at `positions` (counted through the tables one under the other), in that order,
    indexed by those positions; a column a table lacks is missing there."""
    offsets = _offsets(parts)
    table_of = np.searchsorted(offsets, positions, side="right") - 1
    pieces = []
    for n in np.unique(table_of):
        part = parts[n]
        wanted = positions[table_of == n]
        piece = part.iloc[wanted - offsets[n]][[c for c in columns if c in part]]
        pieces.append(piece.set_axis(wanted))
    taken = pd.concat(pieces) if len(pieces) > 1 else pieces[0]
    return taken.reindex(positions)


def _keys(parts: list[pd.DataFrame], key: str) -> pd.Series | None:
    """Every table's keys one under the other (a table without the column: missing keys), or
    None when no table has the column."""
    having = [p[key] for p in parts if key in p]
    if not having:
        return None
    missing = having[0].iloc[:0]
    # Arrow strings: the files' chunks side by side, nothing copied
    return pd.concat(
        [p[key] if key in p else missing.reindex(range(len(p))) for p in parts],
        ignore_index=True,
    )


# What the D5 order reads of a repeated row, and where the warning says it is.
_DECIDING = ["status", "rejected_at", "returned_at", "completed_at", "received_at"]
_SOURCE = ["source_order", "source_sheet_order", "source_row", "source_path", "source_sheet"]


def resolve(
    parts: list[pd.DataFrame],
    key: str,
    dataset: str = "dossiers",
    key_headers: dict[tuple[str, str], str] | None = None,
    sheet_columns: dict[tuple[str, str], frozenset[str]] | None = None,
) -> Resolution:
    """One row per key by the D5 order over the tables read one under the other, without
    joining them: only the rows whose key repeats are looked at, so a year's table is never
    copied to drop a few of its rows (a 3M-row year peaked 0.3 GB higher).

    The winner's values always win. Only a column that the winner's own sheet does not have at
    all (a ward's CSV without "Cấp", say) is completed from the most advanced other record of
    the same dossier whose sheet has it; `sheet_columns` tells which sheet has which columns.
    """
    no_duplicates = Resolution(np.empty(0, dtype=np.int64), [])
    keys = _keys(parts, key)
    if keys is None:
        return no_duplicates
    # A missing key (a blank transaction id) is not a duplicate of another missing key.
    repeated = np.flatnonzero(repeated_keys(keys))
    if not repeated.size:
        return no_duplicates
    # dossiers keep their code (scripts count it); every other register says which it is
    code = "duplicate.dossier" if dataset == "dossiers" else "duplicate.record"
    rows = _rows_at(parts, repeated, [key, *_DECIDING, *_SOURCE])
    end = end_dates(rows)
    received = rows["received_at"] if "received_at" in rows else pd.Series(pd.NaT, rows.index)
    # Ascending sort so that the winner is the last row of each key: ended beats open, then the
    # later end date, the later received date, the later file (and sheet), the later row.
    order = pd.DataFrame(
        {
            "key": rows[key].to_numpy(),
            "ended": end.notna().to_numpy(),
            "end": _day_or_earliest(end),
            "received": _day_or_earliest(received),
            "order": rows["source_order"].to_numpy(),
            "sheet_order": rows["source_sheet_order"].to_numpy(),
            "row": rows["source_row"].to_numpy(),
        },
        index=rows.index,
    )
    order = order.sort_values(
        ["key", "ended", "end", "received", "order", "sheet_order", "row"], kind="stable"
    )
    winners = order.drop_duplicates("key", keep="last")
    losers = np.sort(order.index.difference(winners.index).to_numpy())
    winner_of = dict(zip(winners["key"].to_numpy(), winners.index, strict=True))
    paths = rows["source_path"].astype(object).to_numpy()
    sheets = rows["source_sheet"].astype(object).to_numpy()
    row_numbers = rows["source_row"].to_numpy()
    values = rows[key].to_numpy()
    nth = {position: n for n, position in enumerate(rows.index)}  # position -> row of `rows`
    issues: list[Issue] = []
    for loser in losers:
        lost, won = nth[loser], nth[winner_of[values[nth[loser]]]]
        issues.append(
            make_issue(
                code,
                path=paths[lost],
                sheet=sheets[lost],
                row=int(row_numbers[lost]),
                column=(key_headers or {}).get((paths[lost], sheets[lost])),
                value=values[lost],
                params={
                    "other": _location(paths[won], sheets[won]),
                    "other_row": int(row_numbers[won]),
                    "dataset": dataset,
                },
            )
        )
    fills = {}
    if sheet_columns:
        sheet_of = {position: (paths[n], sheets[n]) for position, n in nth.items()}
        fills = _absent_columns(parts, order, winners, sheet_of, sheet_columns)
    return Resolution(losers, issues, fills)


def _absent_columns(
    parts: list[pd.DataFrame],
    order: pd.DataFrame,
    winners: pd.DataFrame,
    sheet_of: dict[int, tuple[str, str]],
    sheet_columns: dict[tuple[str, str], frozenset[str]],
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """For each column some repeated rows' sheets lack: the winners whose sheet lacks it, and
    the value of their dossier's most advanced record whose sheet has it."""
    sheets = [sheet_of[position] for position in order.index]
    columns = dict.fromkeys(c for p in parts for c in p.columns if not c.startswith("source_"))
    is_winner = order.index.isin(winners.index)
    fills: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for column in columns:
        has = np.array([column in sheet_columns.get(s, frozenset()) for s in sheets])
        if has.all() or not has.any():
            continue
        donors = order[has].drop_duplicates("key", keep="last")
        donor_of = pd.Series(donors.index, index=donors["key"].to_numpy())
        lacking = order[is_winner & ~has]
        lacking = lacking[lacking["key"].isin(donor_of.index)]
        if lacking.empty:
            continue
        sources = donor_of[lacking["key"].to_numpy()].to_numpy()
        taken = _rows_at(parts, sources, [column])[column].to_numpy()
        fills[column] = (lacking.index.to_numpy(), taken)
    return fills
