"""targets/filters.py: a condition keeps the same rows whatever the column's dtype — categories
and yes/no columns take a fast path (issue #12) that must agree with matching the values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cchc_cli.targets.filters import Condition, Not, evaluate

LABELS = ["ONLINE", "DIRECT", None, "POST", "ONLINE", None, "DIRECT"]
FLAGS = [True, False, None, True, None, False, True]


def _as(values: list, dtype: str) -> pd.Series:
    if dtype == "category":
        # a category nobody uses, and one the filter asks for that the data does not hold
        series = pd.Series(values, dtype="category")
        return series.cat.add_categories(["UNUSED"])
    return pd.Series(values, dtype=dtype)


def _expected(values: list, op: str, wanted: list) -> list[bool]:
    hits = [v is not None and v in wanted for v in values]
    if op in ("eq", "in"):
        return hits
    return [v is not None and not h for v, h in zip(values, hits, strict=True)]


@pytest.mark.parametrize("dtype", ["category", "str", "object"])
@pytest.mark.parametrize(
    ("op", "wanted"),
    [
        ("eq", "ONLINE"),
        ("ne", "ONLINE"),
        ("in", ("ONLINE", "POST")),
        ("not_in", ("ONLINE", "POST")),
        ("in", ("UNUSED", "NOWHERE")),
    ],
)
def test_label_conditions_keep_the_same_rows_in_every_dtype_issue12(dtype, op, wanted) -> None:
    column = _as(LABELS, dtype)
    mask = evaluate(Condition("channel", op, wanted), lambda _: column, {})
    listed = list(wanted) if isinstance(wanted, tuple) else [wanted]
    assert mask.dtype == np.bool_
    assert mask.tolist() == _expected(LABELS, op, listed)


@pytest.mark.parametrize("dtype", ["boolean", "object"])
@pytest.mark.parametrize(
    ("op", "wanted"),
    [("eq", True), ("eq", False), ("ne", True), ("in", (True, False)), ("not_in", (True,))],
)
def test_yes_no_conditions_keep_the_same_rows_in_every_dtype_issue12(dtype, op, wanted) -> None:
    column = _as(FLAGS, dtype)
    mask = evaluate(Condition("paid_online", op, wanted), lambda _: column, {})
    listed = list(wanted) if isinstance(wanted, tuple) else [wanted]
    assert mask.tolist() == _expected(FLAGS, op, listed)


def test_a_missing_value_is_neither_in_nor_out_of_a_list_issue12() -> None:
    column = _as(LABELS, "category")
    inside = evaluate(Condition("channel", "in", ("ONLINE",)), lambda _: column, {})
    outside = evaluate(Not(Condition("channel", "in", ("ONLINE",))), lambda _: column, {})
    missing = column.isna().to_numpy()
    # `not in` keeps the missing rows only through `not`: D3's empty value is no label
    assert not (inside & missing).any()
    assert (outside & missing).tolist() == missing.tolist()
