"""Regression tests for the findings of the first code review of the readers and the row
accounting (named after the finding they pin down)."""

from __future__ import annotations

import json
import os

import pytest

from cchc_cli.cli import app
from cchc_cli.ingest import load_inputs
from conftest import issue_tuples, write_xlsx

HEADER = ["STT", "Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận", "Trạng thái"]
NO_STT = ["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận", "Trạng thái", "Ghi chú"]


def accounting(result):
    return [
        (a.rows_read, a.rows_valid, a.rows_rejected, a.rows_skipped, a.skipped)
        for a in result.accounts
    ]


def test_finding_1_non_utf8_file_names_do_not_crash(runner, tmp_path) -> None:
    folder = os.fsencode(tmp_path) + b"/b\xe1o c\xe1o"
    try:
        os.mkdir(folder)
    except OSError:  # a file system that refuses such names cannot have the problem
        pytest.skip("file system does not accept non-UTF-8 names")
    write_xlsx(
        os.fsdecode(folder + b"/h\xf4 s\xf4.xlsx"),
        [HEADER, [1, "H1", "Khai sinh", "03/03/2025", "9"]],
    )
    result = runner.invoke(app, ["validate", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    path = json.loads(result.stdout)["inputs"][0]["path"]
    assert "\\xe1" in path and "\\xf4" in path


def test_finding_2_brackets_in_data_and_paths_are_text(runner, tmp_path) -> None:
    rows = [HEADER, [1, "H[bold]1", "Khai sinh", "[/b]", "9"]]
    path = write_xlsx(tmp_path / "m[1].xlsx", rows)
    for command in (["validate", str(path)], ["inspect", str(path)]):
        result = runner.invoke(app, command)
        assert result.exit_code in (0, 3), result.output
        assert "[/b]" in result.stdout
    columns = tmp_path / "x[red]y.yaml"
    columns.write_text("dossiers:\n  due_att: []\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path), "--columns", str(columns)])
    assert result.exit_code == 4
    assert "x[red]y.yaml" in result.stderr


def test_finding_3_columns_values_as_a_list_is_a_config_error(runner, tmp_path) -> None:
    columns = tmp_path / "v.yaml"
    columns.write_text("values:\n  status: [x]\n", encoding="utf-8")
    path = write_xlsx(tmp_path / "a.xlsx", [HEADER, [1, "H1", "Khai sinh", "03/03/2025", "9"]])
    result = runner.invoke(app, ["validate", str(path), "--columns", str(columns)])
    assert result.exit_code == 4
    assert "values.status" in result.stderr


def test_finding_4_signature_labels_in_the_key_column(tmp_path) -> None:
    rows = [
        NO_STT,
        ["H1", "Khai sinh", "03/03/2025", "9", None],
        [],
        ["NGƯỜI LẬP BIỂU", None, "KẾ TOÁN", None, "THỦ TRƯỞNG ĐƠN VỊ"],
        ["(Ký, ghi rõ họ tên)", None, "(Ký, ghi rõ họ tên)", None, "(Ký tên, đóng dấu)"],
        ["Trần Văn A", None, "Lê C", None, "Nguyễn Văn B"],
    ]
    result = load_inputs([str(write_xlsx(tmp_path / "sig.xlsx", rows))])
    assert accounting(result) == [(5, 1, 0, 4, {"blank": 1, "footer": 3})]
    assert result.issues == []


def test_finding_5_total_in_the_key_column_with_numbers(tmp_path) -> None:
    rows = [
        NO_STT,
        ["H1", "Khai sinh", "03/03/2025", "9", None],
        ["Tổng cộng", "1 hồ sơ", "1", "1", None],
    ]
    result = load_inputs([str(write_xlsx(tmp_path / "total.xlsx", rows))])
    assert accounting(result) == [(2, 1, 0, 1, {"footer": 1})]


def test_finding_6_words_ngay_thang_nam_in_data_do_not_start_a_footer(tmp_path) -> None:
    rows = [
        HEADER,
        [1, "H1", "Khai sinh", "03/03/2025", "9"],
        [2, None, "Cải chính ngày, tháng, năm sinh", "04/03/2025", "9"],
        [3, "H3", "Khai sinh", "05/03/2025", "9"],
        [4, "H4", "Khai sinh", "06/03/2025", "9"],
    ]
    result = load_inputs([str(write_xlsx(tmp_path / "words.xlsx", rows))])
    assert accounting(result) == [(4, 3, 1, 0, {})]
    assert issue_tuples(result.issues) == [("row.missing_required", "error", 3, "Mã hồ sơ", None)]


def test_finding_7_a_code_with_a_tick_is_a_row_not_a_section(tmp_path) -> None:
    rows = [
        [*HEADER, "Liên thông"],
        [1, "H1", "Khai sinh", "03/03/2025", "9", None],
        [None, "H2", None, None, None, "x"],
    ]
    result = load_inputs([str(write_xlsx(tmp_path / "tick.xlsx", rows))])
    assert accounting(result) == [(2, 1, 1, 0, {})]


def test_finding_8_repeated_headers_one_and_two_rows(tmp_path) -> None:
    single = [
        ["Mã hồ sơ (*)", "Tên thủ tục", "Ngày tiếp nhận"],
        ["H1", "A", "03/03/2025"],
        ["Mã hồ sơ (*)", "Tên thủ tục", "Ngày tiếp nhận"],
        ["H2", "B", "04/03/2025"],
    ]
    result = load_inputs([str(write_xlsx(tmp_path / "r1.xlsx", single))])
    assert accounting(result) == [(3, 2, 0, 1, {"repeated_header": 1})]
    top = ["Mã hồ sơ", "Tên thủ tục", "Ngày, tháng, năm", None]
    leaf = [None, None, "Nhận hồ sơ", "Hẹn trả kết quả"]
    double = [
        top,
        leaf,
        ["H1", "A", "03/03/2025", "05/03/2025"],
        top,
        leaf,
        ["H2", "B", "04/03/2025", "06/03/2025"],
    ]
    result = load_inputs([str(write_xlsx(tmp_path / "r2.xlsx", double))])
    assert accounting(result) == [(4, 2, 0, 2, {"repeated_header": 2})]


def test_finding_9_letter_column_numbers(tmp_path) -> None:
    rows = [HEADER, ["A", "B", 1, 2, 3], [1, "H1", "Khai sinh", "03/03/2025", "9"]]
    result = load_inputs([str(write_xlsx(tmp_path / "letters.xlsx", rows))])
    assert accounting(result) == [(2, 1, 0, 1, {"column_numbers": 1})]


def test_finding_13_unnumbered_section_title_in_the_key_column(tmp_path) -> None:
    rows = [NO_STT, ["UBND PHƯỜNG NGHĨA LỘ"], ["H1", "Khai sinh", "03/03/2025", "9", None], ["ABC"]]
    result = load_inputs([str(write_xlsx(tmp_path / "sections.xlsx", rows))])
    # a lone one-word key ("ABC") is a broken row, not a title
    assert accounting(result) == [(3, 1, 1, 1, {"section": 1})]


def test_finding_14_later_sheet_wins_a_tie_inside_one_file(tmp_path) -> None:
    first = [["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận"]] + [
        [f"K{i}", "A", "03/03/2025"] for i in range(1, 12)
    ]
    second = [["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận"], ["K11", "B", "03/03/2025"]]
    path = write_xlsx(tmp_path / "two.xlsx", first, sheet="S1", extra_sheets={"S2": second})
    result = load_inputs([str(path)])
    table = result.tables["dossiers"].set_index("dossier_code")
    assert table.loc["K11", "source_sheet"] == "S2"
    assert table.loc["K11", "procedure_name"] == "B"


def test_finding_15_stray_text_file_in_a_folder_is_passed_over(runner, tmp_path) -> None:
    write_xlsx(tmp_path / "a.xlsx", [HEADER, [1, "H1", "Khai sinh", "03/03/2025", "9"]])
    (tmp_path / "readme.txt").write_text("Ghi chú: dữ liệu tháng 3\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    codes = [(i["code"], i["severity"]) for i in json.loads(result.stdout)["issues"]]
    assert ("file.not_data", "warning") in codes
    named = runner.invoke(app, ["validate", str(tmp_path / "readme.txt")])
    assert named.exit_code == 3


def test_html_rowspan_past_the_table_adds_no_rows(tmp_path) -> None:
    html = (
        "<table><tr><th>Mã hồ sơ</th><th>Tên thủ tục</th><th>Ngày nhận</th></tr>"
        "<tr><td>H1</td><td>A</td><td rowspan='1000'>03/03/2025</td></tr></table>"
        "<p>Người lập biểu</p>"
    )
    path = tmp_path / "span.xls"
    path.write_text(html, encoding="utf-8")
    result = load_inputs([str(path)])
    assert accounting(result) == [(2, 1, 0, 1, {"footer": 1})]
