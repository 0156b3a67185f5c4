"""ingest/join.py: the sheets' tables of a dataset one under the other, categories kept, each
dossier once (D5), without holding the year twice over."""

from __future__ import annotations

import gc
import weakref

import numpy as np
import pandas as pd

from cchc_cli.ingest.join import concat_tables, join_tables


def _sheet(order: int, rows: list[tuple[str, str | None]], level: list[str] | None) -> pd.DataFrame:
    """A validated sheet of file `order`: (dossier code, completed date) per row, with an
    admin_level column only when `level` is given."""
    table = pd.DataFrame(
        {
            "dossier_code": pd.array([code for code, _ in rows], dtype="string[pyarrow]"),
            "completed_at": pd.to_datetime([done for _, done in rows]).astype("datetime64[s]"),
        }
    )
    if level is not None:
        table["admin_level"] = pd.Categorical(level)
    table["source_order"] = np.int32(order)
    table["source_sheet_order"] = np.int16(0)
    table["source_row"] = np.arange(2, len(rows) + 2)
    table["source_path"] = pd.Categorical([f"f{order}.xlsx"] * len(rows))
    table["source_sheet"] = pd.Categorical(["Sheet1"] * len(rows))
    return table


def _columns(level: bool) -> frozenset[str]:
    return frozenset({"dossier_code", "completed_at", *(["admin_level"] if level else [])})


def test_tables_with_other_categories_are_joined_as_categories_issue12() -> None:
    january = pd.DataFrame(
        {"unit": pd.Categorical(["A", "B", None]), "n": [1, 2, 3]},
    )
    february = pd.DataFrame({"unit": pd.Categorical(["C", "A"]), "n": [4, 5]})
    march = pd.DataFrame({"n": [6]})  # a file without the column at all
    joined = concat_tables([january, february, march])
    assert isinstance(joined["unit"].dtype, pd.CategoricalDtype)
    shown = joined["unit"].astype(object).where(joined["unit"].notna(), None).tolist()
    assert shown == ["A", "B", None, "C", "A", None]
    assert joined["n"].tolist() == [1, 2, 3, 4, 5, 6]
    # pandas alone would have dropped the categories (a string per row again)
    assert not isinstance(pd.concat([january, february])["unit"].dtype, pd.CategoricalDtype)


def test_losing_rows_are_left_out_file_by_file_and_the_files_tables_let_go_issue12() -> None:
    january = _sheet(0, [("A", None), ("B", None), ("C", "2025-01-20")], ["x", "x", "x"])
    february = _sheet(1, [("D", None), ("A", "2025-02-03"), ("B", None)], ["y", "y", "y"])
    alive = [weakref.ref(january), weakref.ref(february)]
    parts = [january, february]
    del january, february
    table, issues = join_tables(parts, "dossier_code", "dossiers")
    gc.collect()
    # A: the ended February copy wins; B: a tie on everything, the later file wins
    assert table["dossier_code"].tolist() == ["C", "D", "A", "B"]
    assert table["source_order"].tolist() == [0, 1, 1, 1]
    assert table.index.equals(pd.RangeIndex(4))
    assert [(i.path, i.row, i.params["other_row"]) for i in issues] == [
        ("f0.xlsx", 2, 3),
        ("f0.xlsx", 3, 4),
    ]
    assert parts == [] and all(ref() is None for ref in alive)


def test_a_winner_gains_absent_columns_at_its_place_after_the_rows_left_out_issue12() -> None:
    # the town's file has the level; the wards' files, later and with the ended copies, do not
    town = _sheet(0, [("A", None), ("B", None), ("K", None)], ["commune", "district", "commune"])
    ward1 = _sheet(1, [("E", "2025-03-01"), ("B", "2025-03-02")], None)
    ward2 = _sheet(2, [("A", "2025-03-05"), ("F", None)], None)
    before = [town.copy(), ward1.copy(), ward2.copy()]
    sheets = {("f0.xlsx", "Sheet1"): _columns(True)}
    sheets |= {(f"f{n}.xlsx", "Sheet1"): _columns(False) for n in (1, 2)}
    given = [town, ward1, ward2]
    table, issues = join_tables(list(given), "dossier_code", "dossiers", None, sheets)
    assert len(issues) == 2
    got = dict(zip(table["dossier_code"], table["admin_level"].astype(object), strict=True))
    assert {code: got[code] for code in ("K", "B", "A")} == {
        "K": "commune",
        "B": "district",
        "A": "commune",
    }
    assert pd.isna(got["E"]) and pd.isna(got["F"])  # no other record: nothing to take
    assert table["dossier_code"].tolist() == ["K", "E", "B", "A", "F"]
    for table_given, as_given in zip(given, before, strict=True):
        pd.testing.assert_frame_equal(table_given, as_given)  # a cached table is never changed


def test_a_register_without_a_key_is_only_joined_issue12() -> None:
    first = pd.DataFrame({"n": [1, 1]})
    table, issues = join_tables([first, pd.DataFrame({"n": [1]})], None, "values")
    assert table["n"].tolist() == [1, 1, 1] and issues == []


def test_tables_without_the_key_column_have_no_duplicates_there_issue12() -> None:
    # a payments register whose transaction id column only some sheets have
    with_ids = pd.DataFrame({"transaction_id": pd.array(["G1", "G1"], dtype="string[pyarrow]")})
    without = pd.DataFrame({"amount": [1.0, 2.0]})
    for table in (with_ids, without):
        table["source_order"] = np.int32(0)
        table["source_sheet_order"] = np.int16(0)
        table["source_row"] = np.arange(2, 4)
        table["source_path"] = pd.Categorical(["p.xlsx"] * 2)
        table["source_sheet"] = pd.Categorical(["S"] * 2)
    table, issues = join_tables([with_ids.copy(), without.copy()], "transaction_id", "payments")
    assert len(table) == 3 and len(issues) == 1
    table, issues = join_tables([without.copy(), without.copy()], "transaction_id", "payments")
    assert len(table) == 4 and issues == []


def _random_sheets(seed: int) -> tuple[list[pd.DataFrame], dict]:
    """Three to five files of up to 40 rows whose dossier codes repeat within and across
    files, some with the admin_level column and some without, one possibly empty."""
    rng = np.random.default_rng(seed)
    parts, sheets = [], {}
    for order in range(int(rng.integers(3, 6))):
        n = int(rng.integers(0 if order == 1 else 1, 40))
        codes = [f"H{c}" if c < 30 else None for c in rng.integers(0, 33, n)]
        done = [f"2025-0{d}-1{d}" if d else None for d in rng.integers(0, 4, n)]
        with_level = bool(rng.integers(0, 2))
        levels = list(rng.choice(["commune", "district", "province"], n)) if with_level else None
        parts.append(_sheet(order, list(zip(codes, done, strict=True)), levels))
        sheets[(f"f{order}.xlsx", "Sheet1")] = _columns(with_level)
    return parts, sheets


def test_joining_file_by_file_gives_what_joining_all_at_once_gives_issue12() -> None:
    for seed in range(40):
        parts, sheets = _random_sheets(seed)
        whole = concat_tables([p.copy() for p in parts])
        at_once, at_once_issues = join_tables([whole], "dossier_code", "dossiers", None, sheets)
        by_file, by_file_issues = join_tables(parts, "dossier_code", "dossiers", None, sheets)
        pd.testing.assert_frame_equal(by_file, at_once)
        assert [(i.path, i.row, i.params) for i in by_file_issues] == [
            (i.path, i.row, i.params) for i in at_once_issues
        ]
        codes = by_file["dossier_code"].dropna()
        assert codes.is_unique  # one row per dossier
        blank = int(sum(p["dossier_code"].isna().sum() for p in _random_sheets(seed)[0]))
        assert int(by_file["dossier_code"].isna().sum()) == blank  # blank codes all kept
