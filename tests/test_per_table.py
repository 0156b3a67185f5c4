"""targets/per_table.py: facts computed once per loaded table inside a run, never served for
another table, never outside a run (issue #12: the report asks for every target month by month;
a script may change its tables between calls)."""

from __future__ import annotations

import pandas as pd

from cchc_cli.targets.per_table import per_table, tables_unchanged


def _counted() -> tuple[list[int], object]:
    calls: list[int] = []

    @per_table
    def total(table: pd.DataFrame) -> int:
        calls.append(len(table))
        return int(table["a"].sum())

    return calls, total


def test_a_fact_is_computed_once_per_table_inside_a_run_issue12() -> None:
    calls, total = _counted()
    first = pd.DataFrame({"a": [1, 2, 3]})
    with tables_unchanged():
        assert total(first) == 6 and total(first) == 6  # type: ignore[operator]
        assert calls == [3]
        # an equal table is another table: computed for itself
        assert total(first.copy()) == 6 and calls == [3, 3]  # type: ignore[operator]
        # rows added to the same object: not the same table any more
        first.loc[3] = [4]
        assert total(first) == 10 and calls == [3, 3, 4]  # type: ignore[operator]


def test_outside_a_run_a_changed_table_is_never_served_an_old_fact_issue12() -> None:
    calls, total = _counted()
    table = pd.DataFrame({"a": [1, 2]})
    assert total(table) == 3  # type: ignore[operator]
    table.loc[0, "a"] = 10  # a script's fix, in place, same length
    assert total(table) == 12  # type: ignore[operator]
    assert calls == [2, 2]
    with tables_unchanged():
        assert total(table) == 12  # type: ignore[operator]
    # the run's facts end with it
    table.loc[1, "a"] = 0
    with tables_unchanged():
        assert total(table) == 10  # type: ignore[operator]
