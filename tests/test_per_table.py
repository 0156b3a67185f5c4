"""targets/per_table.py: facts computed once per loaded table, never served for another table
(issue #12: the report asks for every target month by month)."""

from __future__ import annotations

import gc

import pandas as pd

from cchc_cli.targets.per_table import per_table


def test_a_fact_is_computed_once_per_table_and_again_for_another_issue12() -> None:
    calls: list[int] = []

    @per_table
    def rows(table: pd.DataFrame) -> int:
        calls.append(len(table))
        return len(table)

    first = pd.DataFrame({"a": [1, 2, 3]})
    assert rows(first) == 3 and rows(first) == 3
    assert calls == [3]
    # an equal table is another table: computed for itself
    twin = first.copy()
    assert rows(twin) == 3 and calls == [3, 3]
    # rows added to the same object: not the same table any more
    first.loc[3] = [4]
    assert rows(first) == 4 and calls == [3, 3, 4]


def test_a_dead_table_s_fact_is_forgotten_issue12() -> None:
    @per_table
    def total(table: pd.DataFrame) -> int:
        return int(table["a"].sum())

    table = pd.DataFrame({"a": [1, 2]})
    assert total(table) == 3
    known = total.__closure__  # type: ignore[attr-defined]
    store = next(c.cell_contents for c in known if isinstance(c.cell_contents, dict))
    assert len(store) == 1
    del table
    gc.collect()
    # an object created later at the same address is not served the old value
    assert store == {}
    assert total(pd.DataFrame({"a": [5]})) == 5
