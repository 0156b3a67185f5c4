"""ingest/duplicates.py: one row per dossier across files and sheets (D5) — which copy wins a
tie, and rows without a key are never duplicates."""

from __future__ import annotations

import json

import pandas as pd

from cchc_cli.cli import app
from cchc_cli.ingest import load_inputs
from cchc_cli.ingest.duplicates import repeated_keys
from conftest import targets_by_id, write_xlsx


def test_duplicates_ended_on_the_same_day_tie_and_the_later_file_wins_issue3(tmp_path) -> None:
    header = ["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận", "Ngày kết thúc xử lý", "Đánh giá"]
    first = write_xlsx(
        tmp_path / "a.xlsx",
        [header, ["D1", "Khai sinh", "03/03/2025", "09/03/2025 17:00", "Không hài lòng"]],
    )
    later = write_xlsx(
        tmp_path / "b.xlsx",
        [header, ["D1", "Khai sinh", "03/03/2025", "09/03/2025 08:00", "Rất hài lòng"]],
    )
    table = load_inputs([str(first), str(later)]).tables["dossiers"]
    assert list(table["rating"]) == ["VERY_SATISFIED"]


def test_the_later_sheet_wins_a_tie_inside_one_file_issue2(tmp_path) -> None:
    first = [["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận"]] + [
        [f"K{i}", "A", "03/03/2025"] for i in range(1, 12)
    ]
    second = [["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận"], ["K11", "B", "03/03/2025"]]
    path = write_xlsx(tmp_path / "two.xlsx", first, sheet="S1", extra_sheets={"S2": second})
    result = load_inputs([str(path)])
    table = result.tables["dossiers"].set_index("dossier_code")
    assert table.loc["K11", "source_sheet"] == "S2"
    assert table.loc["K11", "procedure_name"] == "B"


def test_blank_keys_are_not_duplicates_issue4(runner, tmp_path) -> None:
    source = tmp_path / "gd.csv"
    source.write_text(
        "Mã giao dịch;Số tiền;Hình thức thanh toán;Trạng thái thanh toán;Ngày thanh toán\n"
        ";10000;Trực tuyến;Đã thanh toán;03/03/2025\n;10000;Tiền mặt;Đã thanh toán;04/03/2025\n"
        ";10000;Trực tuyến;Đã thanh toán;05/03/2025\n"
        "GD4;10000;Trực tuyến;Đã thanh toán;06/03/2025\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(source), "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["duplicates"] == 0
    assert len(load_inputs([str(source)]).tables["payments"]) == 4


def test_a_procedure_listed_twice_counts_once_and_says_its_register_issue11(tmp_path) -> None:
    header = ["Mã TTHC", "Tên thủ tục hành chính", "Có phí, lệ phí", "Thanh toán trực tuyến"]
    rows = [header, ["P1", "Cấp phép", "x", "x"], ["P2", "Đăng ký", "x", None]]
    rows.append(["P1", "Cấp phép", "x", "x"])  # listed again further down the catalogue
    path = write_xlsx(tmp_path / "tthc.xlsx", rows)
    loaded = load_inputs([str(path)])
    assert loaded.tables["procedures"]["procedure_code"].tolist() == ["P2", "P1"]
    (issue,) = loaded.issues
    assert (issue.code, issue.row, issue.params["dataset"]) == ("duplicate.record", 2, "procedures")
    assert "(procedures)" in issue.message("en")
    figures = targets_by_id([path], "2025")["tthc_thanh_toan_truc_tuyen"]
    assert (figures.numerator, figures.denominator) == (1, 2)


def test_duplicate_staff_keys_are_records_not_dossiers_issue11(tmp_path) -> None:
    header = ["Mã cán bộ", "Họ và tên", "Đã bồi dưỡng kỹ năng số cơ bản"]
    rows = [header, ["C1", "A", "x"], ["C1", "A", "x"]]
    loaded = load_inputs([str(write_xlsx(tmp_path / "staff.xlsx", rows))])
    assert [(i.code, i.params["dataset"]) for i in loaded.issues] == [("duplicate.record", "staff")]


def test_repeated_keys_are_found_in_one_pass_blank_keys_never_repeat_issue12() -> None:
    keys = pd.Series(["H1", "H2", None, "H1", None, "H3", "H2"], dtype="string[pyarrow]")
    assert repeated_keys(keys).tolist() == [True, True, False, True, False, False, True]
    assert repeated_keys(pd.Series([None, None], dtype="string[pyarrow]")).tolist() == [
        False,
        False,
    ]
    assert repeated_keys(pd.Series([], dtype="string[pyarrow]")).tolist() == []
    # no repeat at all (most runs): told by Arrow's unique, blanks aside
    unique = pd.Series(["H1", None, "H2", None], dtype="string[pyarrow]")
    assert repeated_keys(unique).tolist() == [False, False, False, False]
    # keys held as Python objects or categories are found the same way
    assert repeated_keys(pd.Series(["A", "B", "A"], dtype=object)).tolist() == [True, False, True]
    assert repeated_keys(pd.Series(["A", "B", "A"], dtype="category")).tolist() == [
        True,
        False,
        True,
    ]
