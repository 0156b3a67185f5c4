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

    Arrow strings (dossier codes): one hash pass (`dictionary_encode`, the files' chunks
    sharing one dictionary) and a count per code. A year of twelve files has duplicates, and
    asking first whether any key repeats (`unique`), then numbering the keys (`factorize`),
    hashed 3M codes twice and held two hash tables: 0.3 GB more at the peak.
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
    """What D5 decides over the tables of one dataset (read one under the other): the rows each
    table loses, one warning per lost row, and the values a winner takes from another record
    of its dossier for columns its own sheet lacks."""

    drops: list[np.ndarray]  # per table, the positions of its rows that lose
    issues: list[Issue]
    # the losing rows' positions in the tables read one under the other, ascending
    losers: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    # column -> (the winners' positions in the tables read one under the other, their values)
    fills: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)


def _offsets(parts: list[pd.DataFrame]) -> np.ndarray:
    return np.cumsum([0, *(len(p) for p in parts)])


def _take(parts: list[pd.DataFrame], positions: np.ndarray, columns: list[str]) -> pd.DataFrame:
    """The rows at `positions` (counted through the tables one under the other), in that order,
    indexed by those positions; a column a table lacks is missing there."""
    offsets = _offsets(parts)
    owner = np.searchsorted(offsets, positions, side="right") - 1
    pieces = []
    for index in np.unique(owner):
        part = parts[index]
        mine = positions[owner == index]
        piece = part.iloc[mine - offsets[index]][[c for c in columns if c in part]]
        pieces.append(piece.set_axis(mine))
    taken = pd.concat(pieces) if len(pieces) > 1 else pieces[0]
    return taken.reindex(positions)


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
    none = Resolution([np.empty(0, dtype=np.int64) for _ in parts], [])
    if not parts:
        return none
    # Arrow strings: the files' chunks side by side, nothing copied
    keys = pd.concat([p[key] for p in parts], ignore_index=True)
    # A missing key (a blank transaction id) is not a duplicate of another missing key.
    repeated = np.flatnonzero(repeated_keys(keys))
    if not repeated.size:
        return none
    # dossiers keep their code (scripts count it); every other register says which it is
    code = "duplicate.dossier" if dataset == "dossiers" else "duplicate.record"
    looked = [key, "status", "rejected_at", "returned_at", "completed_at", "received_at"]
    looked += ["source_order", "source_sheet_order", "source_row", "source_path", "source_sheet"]
    rows = _take(parts, repeated, looked)
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
    losers = order.index.difference(winners.index)
    winner_of = dict(zip(winners["key"].to_numpy(), winners.index, strict=True))
    paths = rows["source_path"].astype(object).to_numpy()
    sheets = rows["source_sheet"].astype(object).to_numpy()
    where = {position: n for n, position in enumerate(rows.index)}
    issues: list[Issue] = []
    for loser in losers:
        mine = where[loser]
        value = rows[key].iat[mine]
        theirs = where[winner_of[value]]
        issues.append(
            make_issue(
                code,
                path=paths[mine],
                sheet=sheets[mine],
                row=int(rows["source_row"].iat[mine]),
                column=(key_headers or {}).get((paths[mine], sheets[mine])),
                value=value,
                params={
                    "other": _location(paths[theirs], sheets[theirs]),
                    "other_row": int(rows["source_row"].iat[theirs]),
                    "dataset": dataset,
                },
            )
        )
    offsets = _offsets(parts)
    owner = np.searchsorted(offsets, losers.to_numpy(), side="right") - 1
    drops = [losers.to_numpy()[owner == i] - offsets[i] for i in range(len(parts))]
    sheet_of = list(zip(paths, sheets, strict=True))
    fills = (
        _absent_columns(parts, order, winners, sheet_of, where, sheet_columns)
        if sheet_columns
        else {}
    )
    return Resolution(drops, issues, losers.to_numpy(), fills)


def _absent_columns(
    parts: list[pd.DataFrame],
    order: pd.DataFrame,
    winners: pd.DataFrame,
    sheet_of: list[tuple[str, str]],
    where: dict[int, int],
    sheet_columns: dict[tuple[str, str], frozenset[str]],
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    sheets = [sheet_of[where[position]] for position in order.index]
    columns = dict.fromkeys(c for p in parts for c in p.columns if not c.startswith("source_"))
    is_winner = order.index.isin(winners.index)
    fills: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for column in columns:
        has = np.array([column in sheet_columns.get(s, frozenset()) for s in sheets])
        if has.all() or not has.any():
            continue
        donors = order[has].drop_duplicates("key", keep="last")
        donor_of = pd.Series(donors.index, index=donors["key"].to_numpy())
        needy = order[is_winner & ~has]
        needy = needy[needy["key"].isin(donor_of.index)]
        if needy.empty:
            continue
        sources = donor_of[needy["key"].to_numpy()].to_numpy()
        values = _take(parts, sources, [column])[column].to_numpy()
        fills[column] = (needy.index.to_numpy(), values)
    return fills
