"""ingest/load.py, property-based (issue 13): random exports (banners, header positions, a
merged group heading over the date columns, a numbering row, blank, total and signature rows,
every kind of value in the date, number and label columns) never make a load raise, keep
read = valid + rejected + skipped in every sheet, and give the same figures when their rows are
shuffled or split across two files."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_cli.ingest import load_inputs
from conftest import targets_by_id, write_xlsx
from golden_rows import FEB, HEADER, MAR

BANNERS = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "DANH SÁCH HỒ SƠ TIẾP NHẬN",
    "Từ ngày 01/02/2025 đến ngày 31/03/2025",
    "UBND TỈNH QUẢNG NGÃI",
    "",
]
FOOTERS = [["Tổng cộng", None, None, "12"], ["Người lập biểu"], ["Thủ trưởng đơn vị"], [None]]
DATES = [HEADER.index(h) for h in ("Ngày tiếp nhận", "Ngày hẹn trả", "Ngày kết thúc xử lý")]
FEE = HEADER.index("Phí")
STATUS = HEADER.index("Trạng thái")
SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _date_as(text: str | None, kind: str) -> object:
    if text is None or kind == "text":
        return text
    day = dt.datetime.strptime(text, "%d/%m/%Y")
    if kind == "datetime":
        return day
    if kind == "serial":  # what a date column holds when its format was lost
        return (day - dt.datetime(1899, 12, 30)).days
    if kind == "iso":
        return day.strftime("%Y-%m-%d")
    return {"blank": None, "garbage": "chưa rõ"}[kind]


@st.composite
def exports(draw) -> dict[str, object]:
    count = draw(st.integers(1, 14))
    rows = []
    for number in range(count):
        row = list(draw(st.sampled_from([*FEB, *MAR])))
        row[0] = f"P{number:03d}"  # unique codes: no duplicates to resolve (D5)
        for column in DATES:
            kind = draw(st.sampled_from(["text", "datetime", "serial", "iso", "blank", "garbage"]))
            row[column] = _date_as(row[column], kind)
        row[FEE] = draw(st.sampled_from([row[FEE], str(row[FEE]), "1.000.000", "miễn phí", None]))
        row[STATUS] = draw(st.sampled_from([row[STATUS], "???", None, row[STATUS]]))
        rows.append(row)
    return {
        "banner": draw(st.lists(st.sampled_from(BANNERS), max_size=5)),
        "numbered": draw(st.booleans()),
        "grouped": draw(st.booleans()),
        "rows": rows,
        "blanks": draw(st.lists(st.integers(0, count), max_size=3)),
        "footer": draw(st.lists(st.sampled_from(FOOTERS), max_size=3)),
        "seed": draw(st.integers(0, 2**16)),
    }


def _grid(export: dict[str, object], rows: list[list[object]]) -> list[list[object]]:
    grid: list[list[object]] = [[text] for text in export["banner"]]  # type: ignore[union-attr]
    if export["grouped"]:
        # a merged heading over the three date columns, the leaves below it (see _merges)
        group: list[object] = [None] * len(HEADER)
        group[DATES[0]] = "Thời gian giải quyết"
        grid.append(group)
    grid.append(list(HEADER))
    if export["numbered"]:
        grid.append([f"({n})" for n in range(1, len(HEADER) + 1)])
    body = [list(r) for r in rows]
    for at in sorted(export["blanks"], reverse=True):  # type: ignore[arg-type]
        body.insert(min(at, len(body)), [])
    return grid + body + [list(r) for r in export["footer"]]  # type: ignore[union-attr]


def _merges(export: dict[str, object]) -> list[str]:
    """The group heading's merged range, when the header has one."""
    if not export["grouped"]:
        return []
    row = len(export["banner"]) + 1  # type: ignore[arg-type]
    first, last = (chr(ord("A") + c) for c in (DATES[0], DATES[-1]))
    return [f"{first}{row}:{last}{row}"]


def _book(path, export: dict[str, object], rows: list[list[object]]):
    return write_xlsx(path, _grid(export, rows), merges=_merges(export))


def _figures(paths) -> dict[str, tuple[object, object]]:
    return {
        name: (result.numerator, result.denominator)
        for name, result in targets_by_id(paths, "2025-Q1").items()
    }


@SETTINGS
@given(export=exports())
def test_every_row_of_a_random_export_is_accounted_for_issue13(tmp_path_factory, export) -> None:
    folder = tmp_path_factory.mktemp("export")
    path = _book(folder / "ds.xlsx", export, export["rows"])  # type: ignore[arg-type]
    loaded = load_inputs([str(path)])
    assert loaded.accounts, [i.code for i in loaded.issues]
    for account in loaded.accounts:
        assert (
            account.rows_read == account.rows_valid + account.rows_rejected + account.rows_skipped
        )
    # every dossier row is a row read, and none of them is passed over as a title or footer
    data_rows = sum(a.rows_valid + a.rows_rejected for a in loaded.accounts)
    assert data_rows == len(export["rows"])  # type: ignore[arg-type]


@SETTINGS
@given(export=exports())
def test_shuffled_or_split_rows_give_the_same_figures_issue13(tmp_path_factory, export) -> None:
    folder = tmp_path_factory.mktemp("export")
    rows: list[list[object]] = export["rows"]  # type: ignore[assignment]
    whole = _book(folder / "ca-ky.xlsx", export, rows)
    shuffled_rows = list(rows)
    random.Random(export["seed"]).shuffle(shuffled_rows)
    shuffled = _book(folder / "xao-tron.xlsx", export, shuffled_rows)
    cut = len(rows) // 2
    first = _book(folder / "phan-1.xlsx", export, rows[:cut] or rows[:1])
    second = _book(folder / "phan-2.xlsx", export, rows[cut:] if cut else [])
    expected = _figures([whole])
    assert _figures([shuffled]) == expected
    if cut:
        assert _figures([first, second]) == expected


@pytest.mark.parametrize("kind", ["text", "datetime", "serial", "iso"])
def test_each_date_kind_reads_as_the_same_day_issue13(tmp_path, kind) -> None:
    # the property above relies on it: a date typed, stored or serial is the same day
    rows = [list(MAR[1])]
    for column in DATES:
        rows[0][column] = _date_as(rows[0][column], kind)
    loaded = load_inputs([str(write_xlsx(tmp_path / "d.xlsx", [HEADER, *rows]))])
    table = loaded.tables["dossiers"]
    assert str(table["received_at"].iloc[0])[:10] == "2025-03-03"
