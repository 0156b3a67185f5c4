"""ingest/ end to end (load.py over the readers, header detection, rows.py, validate.py and
duplicates.py): one small hand-checked workbook per real-world quirk, exact accounting and
exact issues. Row numbers are the ones Excel shows."""

from __future__ import annotations

import unicodedata
from datetime import datetime

import pandas as pd

from cchc_cli.ingest import LoadOptions, load_inputs
from cchc_cli.profiles import profile_set
from cchc_cli.schema import DATASETS
from conftest import encode_cp1258, issue_tuples, write_xlsx
from golden_rows import NUMBERED_HEADER

BANNER = [
    ["UBND THỊ XÃ ĐỨC PHỔ", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["BỘ PHẬN MỘT CỬA", None, None, "Độc lập - Tự do - Hạnh phúc"],
    [],
    ["DANH SÁCH HỒ SƠ TIẾP NHẬN"],
    ["(Từ ngày 01/03/2025 đến ngày 31/03/2025)"],
]


def accounting(result) -> list[tuple[object, ...]]:
    return [
        (a.sheet, a.header_rows, a.rows_read, a.rows_valid, a.rows_rejected, a.rows_skipped)
        for a in result.accounts
    ]


def test_banner_title_and_period_lines_are_above_the_header(tmp_path) -> None:
    rows = [
        *BANNER,
        NUMBERED_HEADER,
        [1, "H001", "Đăng ký khai sinh", "03/03/2025", "Đã trả kết quả"],
        [2, "H002", "Đăng ký kết hôn", "04/03/2025 09:10", "Đang xử lý"],
    ]
    path = write_xlsx(tmp_path / "a.xlsx", rows, merges=["A1:C1", "D1:E1", "A4:E4", "A5:E5"])
    result = load_inputs([str(path)])
    assert accounting(result) == [("Sheet1", [6], 2, 2, 0, 0)]
    assert result.issues == []
    table = result.tables["dossiers"]
    assert list(table["dossier_code"]) == ["H001", "H002"]
    assert list(table["source_row"]) == [7, 8]
    assert list(table["status"]) == ["RETURNED", "PROCESSING"]
    assert list(table["received_at"]) == [
        pd.Timestamp("2025-03-03"),
        pd.Timestamp("2025-03-04 09:10"),
    ]


def test_two_row_merged_header_with_column_number_row(tmp_path) -> None:
    rows = [
        *BANNER,
        ["STT", "Mã hồ sơ", "Thủ tục hành chính", None, "Ngày, tháng, năm", None],
        [None, None, "Mã TTHC", "Tên thủ tục", "Nhận hồ sơ", "Hẹn trả kết quả"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        [1, "H001", "1.001193", "Đăng ký khai sinh", "03/03/2025", "04/03/2025"],
        [2, "H002", "1.000894", "Đăng ký kết hôn", "04/03/2025", "07/03/2025"],
    ]
    merges = ["A6:A7", "B6:B7", "C6:D6", "E6:F6"]
    path = write_xlsx(tmp_path / "merged.xlsx", rows, merges=merges)
    result = load_inputs([str(path)])
    assert accounting(result) == [("Sheet1", [6, 7], 3, 2, 0, 1)]
    assert result.accounts[0].skipped == {"column_numbers": 1}
    header = result.accounts[0].header
    assert header.mapping == {
        "dossier_code": 1,
        "procedure_code": 2,
        "procedure_name": 3,
        "received_at": 4,
        "due_at": 5,
    }
    assert header.text_of("due_at") == "Ngày, tháng, năm / Hẹn trả kết quả"
    assert result.issues == []


def test_nfd_headers_match(tmp_path) -> None:
    nfd = [unicodedata.normalize("NFD", h) for h in NUMBERED_HEADER]
    rows = [nfd, [1, "H001", "Đăng ký khai sinh", "03/03/2025", "Có kết quả"]]
    result = load_inputs([str(write_xlsx(tmp_path / "nfd.xlsx", rows))])
    assert accounting(result) == [("Sheet1", [1], 1, 1, 0, 0)]
    assert list(result.tables["dossiers"]["status"]) == ["COMPLETED"]


def test_headers_without_diacritics_match(tmp_path) -> None:
    rows = [
        ["STT", "Ma ho so", "Ten thu tuc", "NGAY TIEP NHAN", "Trang thai"],
        [1, "H001", "Đăng ký khai sinh", "03/03/2025", "9"],
    ]
    result = load_inputs([str(write_xlsx(tmp_path / "ascii.xlsx", rows))])
    assert accounting(result) == [("Sheet1", [1], 1, 1, 0, 0)]
    assert result.accounts[0].header.text_of("received_at") == "NGAY TIEP NHAN"
    assert list(result.tables["dossiers"]["status"]) == ["COMPLETED"]


def test_total_line_and_signature_block_are_skipped(tmp_path) -> None:
    rows = [
        *BANNER,
        NUMBERED_HEADER,  # header: row 6
        [1, "H001", "Đăng ký khai sinh", "03/03/2025", "Đã trả kết quả"],  # 7 valid
        ["I", "UBND PHƯỜNG PHỔ HÒA"],  # 8 section
        [2, "H002", "Đăng ký kết hôn", "04/03/2025", "Đang xử lý"],  # 9 valid
        [],  # 10 blank
        ["Tổng cộng", None, None, 2],  # 11 footer
        [None, None, None, "Đức Phổ, ngày 01 tháng 04 năm 2025"],  # 12 footer
        [None, "Người lập biểu", None, "Thủ trưởng đơn vị"],  # 13 footer
        [None, "(Ký, ghi rõ họ tên)", None, "(Ký tên, đóng dấu)"],  # 14 footer
        [],  # 15 footer
        [None, "Trần Thị Thu Hà", None, "Nguyễn Văn Lâm"],  # 16 footer
        [],
        [],  # trailing
    ]
    result = load_inputs([str(write_xlsx(tmp_path / "footer.xlsx", rows))])
    assert accounting(result) == [("Sheet1", [6], 10, 2, 0, 8)]
    assert result.accounts[0].skipped == {"blank": 1, "section": 1, "footer": 6}
    assert result.issues == []


def test_total_line_inside_the_data_hides_rows_but_says_so(tmp_path) -> None:
    rows = [
        NUMBERED_HEADER,
        [1, "H001", "Đăng ký khai sinh", "03/03/2025", "9"],
        ["Cộng", None, None, 1],
        [2, "H002", "Đăng ký kết hôn", "04/03/2025", "9"],
    ]
    result = load_inputs([str(write_xlsx(tmp_path / "subtotal.xlsx", rows))])
    assert accounting(result) == [("Sheet1", [1], 3, 1, 0, 2)]
    assert issue_tuples(result.issues) == [("row.after_footer", "warning", 4, None, None)]


def test_mixed_date_forms_in_one_column(tmp_path) -> None:
    rows = [
        NUMBERED_HEADER,
        [1, "H001", "Khai sinh", datetime(2025, 3, 3, 8, 30), "9"],  # real Excel date
        [2, "H002", "Khai sinh", "04/03/2025 14:05", "9"],  # typed text
        [3, "H003", "Khai sinh", 45721, "9"],  # serial number
        [4, "H004", "Khai sinh", 45721.75, "9"],  # serial with time
        [5, "H005", "Khai sinh", "2025-03-06", "9"],  # ISO text
    ]
    result = load_inputs([str(write_xlsx(tmp_path / "dates.xlsx", rows))])
    assert accounting(result) == [("Sheet1", [1], 5, 5, 0, 0)]
    assert list(result.tables["dossiers"]["received_at"]) == [
        pd.Timestamp("2025-03-03 08:30"),
        pd.Timestamp("2025-03-04 14:05"),
        pd.Timestamp("2025-03-05"),
        pd.Timestamp("2025-03-05 18:00"),
        pd.Timestamp("2025-03-06"),
    ]


def test_impossible_dates_reject_required_and_empty_optional(tmp_path) -> None:
    rows = [
        [*NUMBERED_HEADER, "Ngày hẹn trả"],
        [1, "H001", "Khai sinh", "31/02/2025", "9", "03/03/2025"],
        [2, "H002", "Khai sinh", "03/03/2025", "9", "30/02/2025"],
        [3, "H003", "Khai sinh", "mai", "9", None],
    ]
    result = load_inputs([str(write_xlsx(tmp_path / "bad.xlsx", rows))])
    assert accounting(result) == [("Sheet1", [1], 3, 1, 2, 0)]
    assert issue_tuples(result.issues) == [
        ("value.date_impossible", "error", 2, "Ngày tiếp nhận", "31/02/2025"),
        ("value.date_impossible", "warning", 3, "Ngày hẹn trả", "30/02/2025"),
        ("value.date_unparseable", "error", 4, "Ngày tiếp nhận", "mai"),
    ]
    table = result.tables["dossiers"]
    assert table["due_at"].isna().all()


def test_unknown_status_is_unknown_with_a_warning(tmp_path) -> None:
    rows = [
        NUMBERED_HEADER,
        [1, "H001", "Khai sinh", "03/03/2025", "Chờ ý kiến lãnh đạo"],
        [2, "H002", "Khai sinh", "03/03/2025", "4"],
    ]
    result = load_inputs([str(write_xlsx(tmp_path / "status.xlsx", rows))])
    assert accounting(result) == [("Sheet1", [1], 2, 2, 0, 0)]
    assert issue_tuples(result.issues) == [
        # One line for the sheet that names the unknown labels and says what to do (#9) …
        ("profile.unread", "warning", 1, None, None),
        # … and one per cell, located.
        ("value.label_unknown", "warning", 2, "Trạng thái", "Chờ ý kiến lãnh đạo"),
    ]
    assert "Chờ ý kiến lãnh đạo" in result.issues[0].message("vi")
    assert list(result.tables["dossiers"]["status"]) == ["UNKNOWN", "PROCESSING"]


def test_vendor_status_label_from_columns_file(tmp_path) -> None:
    columns = tmp_path / "cot.yaml"
    columns.write_text(
        "dossiers:\n  due_at: ['Hạn trả KQ']\nvalues:\n  status:\n"
        "    PROCESSING: ['Chờ ý kiến lãnh đạo']\n",
        encoding="utf-8",
    )
    rows = [
        [*NUMBERED_HEADER, "Hạn trả KQ"],
        [1, "H001", "Khai sinh", "03/03/2025", "Chờ ý kiến lãnh đạo", "05/03/2025"],
    ]
    options = LoadOptions(profiles=profile_set(columns=columns))
    result = load_inputs([str(write_xlsx(tmp_path / "vendor.xlsx", rows))], options)
    assert result.issues == []
    table = result.tables["dossiers"]
    assert list(table["status"]) == ["PROCESSING"]
    assert list(table["due_at"]) == [pd.Timestamp("2025-03-05")]


def test_duplicates_across_two_files_keep_the_most_advanced(tmp_path) -> None:
    header = ["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận", "Ngày kết thúc xử lý", "Trạng thái"]
    february = write_xlsx(
        tmp_path / "2025-02.xlsx",
        [
            header,
            ["H001", "Khai sinh", "25/02/2025", None, "Đang xử lý"],  # row 2: open
            ["H002", "Khai sinh", "26/02/2025", "27/02/2025", "Có kết quả"],  # row 3: ended
            ["H003", "Khai sinh", "27/02/2025", None, "Đang xử lý"],  # row 4
        ],
    )
    march = write_xlsx(
        tmp_path / "2025-03.xlsx",
        [
            header,
            ["H001", "Khai sinh", "25/02/2025", "03/03/2025", "Có kết quả"],  # row 2: wins
            ["H002", "Khai sinh", "26/02/2025", None, "Đang xử lý"],  # row 3: loses
            ["H003", "Khai sinh", "27/02/2025", None, "Đang xử lý"],  # row 4: later file
        ],
    )
    result = load_inputs([str(february), str(march)])
    assert accounting(result) == [("Sheet1", [1], 3, 3, 0, 0), ("Sheet1", [1], 3, 3, 0, 0)]
    assert result.duplicates == 3
    dropped = sorted(
        (i.path.split("/")[-1], i.row, i.value, i.params["other"], i.params["other_row"])
        for i in result.issues
    )
    assert dropped == [
        ("2025-02.xlsx", 2, "H001", "2025-03.xlsx › Sheet1", 2),
        ("2025-02.xlsx", 4, "H003", "2025-03.xlsx › Sheet1", 4),
        ("2025-03.xlsx", 3, "H002", "2025-02.xlsx › Sheet1", 3),
    ]
    assert all(i.code == "duplicate.dossier" and i.column == "Mã hồ sơ" for i in result.issues)
    table = result.tables["dossiers"].set_index("dossier_code")
    assert table.loc["H001", "status"] == "COMPLETED"
    assert table.loc["H002", "source_path"].endswith("2025-02.xlsx")
    assert table.loc["H003", "source_path"].endswith("2025-03.xlsx")


def test_html_xls_golden(tmp_path) -> None:
    html = (
        "<html><body><table>"
        "<tr><td colspan='4'>DANH SÁCH HỒ SƠ</td></tr>"
        "<tr><th rowspan='2'>STT</th><th rowspan='2'>Số hồ sơ</th>"
        "<th colspan='2'>Thông tin</th></tr>"
        "<tr><th>Tên TTHC</th><th>Ngày nhận</th></tr>"
        "<tr><td>1</td><td>000123</td><td>Khai sinh</td><td>03/03/2025 08:00</td></tr>"
        "<tr><td>2</td><td>000124</td><td>Kết hôn</td><td>31/03/2025</td></tr>"
        "<tr><td colspan='3'>Tổng số: 2 hồ sơ</td><td></td></tr>"
        "</table><p>Người lập biểu</p></body></html>"
    )
    path = tmp_path / "export.xls"
    path.write_bytes(b"\xef\xbb\xbf" + html.encode("utf-8"))
    result = load_inputs([str(path)])
    assert [
        (a.format, a.sheet, a.header_rows, a.rows_read, a.rows_valid, a.rows_skipped)
        for a in result.accounts
    ] == [("html-xls", "export", [2, 3], 4, 2, 2)]
    assert result.accounts[0].skipped == {"footer": 2}
    assert result.issues == []
    assert list(result.tables["dossiers"]["dossier_code"]) == ["000123", "000124"]


def test_csv_in_each_encoding_gives_the_same_rows(tmp_path) -> None:
    text = (
        "Báo cáo tháng 3\nMã hồ sơ;Tên thủ tục;Ngày tiếp nhận;Trạng thái\n"
        "0012;Đăng ký khai sinh;05/03/2025;Đã trả kết quả\n"
        "0013;Đăng ký kết hôn;06/03/2025;Chờ bổ sung hồ sơ\n"
    )
    encodings = {
        "utf8.csv": text.encode("utf-8"),
        "bom.csv": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "utf16.csv": text.encode("utf-16"),
        "cp1258.csv": encode_cp1258(text),
    }
    for name, content in encodings.items():
        (tmp_path / name).write_bytes(content)
        result = load_inputs([str(tmp_path / name)])
        assert accounting(result) == [(name[:-4], [2], 2, 2, 0, 0)], name
        table = result.tables["dossiers"]
        assert list(table["procedure_name"]) == ["Đăng ký khai sinh", "Đăng ký kết hôn"], name
        assert list(table["status"]) == ["RETURNED", "SUPPLEMENT_REQUESTED"], name
        assert result.issues == [], name


def test_unrecognised_sheet_names_best_candidate_and_missing_columns(tmp_path) -> None:
    rows = [["STT", "Mã hồ sơ", "Tên thủ tục", "Ngày hẹn trả"], [1, "H1", "Khai sinh", "03/03"]]
    result = load_inputs([str(write_xlsx(tmp_path / "wrong.xlsx", rows))])
    assert result.accounts == []
    assert result.failed_inputs == [str(tmp_path / "wrong.xlsx")]
    assert issue_tuples(result.issues) == [("sheet.no_dataset", "error", 1, None, None)]
    message = result.issues[0].message("vi")
    # the list and the header to add, as the export writes them (issue 14: no internal names)
    assert "'Danh sách hồ sơ'" in message and "'Ngày tiếp nhận'" in message


def test_other_sheets_do_not_fail_a_workbook_with_data(tmp_path) -> None:
    rows = [NUMBERED_HEADER, [1, "H001", "Khai sinh", "03/03/2025", "9"]]
    path = write_xlsx(
        tmp_path / "two.xlsx",
        rows,
        extra_sheets={"Hướng dẫn": [["Cách điền"], ["Ghi ngày dạng dd/mm/yyyy"]]},
    )
    result = load_inputs([str(path)])
    assert accounting(result) == [("Sheet1", [1], 1, 1, 0, 0)]
    assert result.failed_inputs == []
    assert issue_tuples(result.issues) == [("sheet.no_header", "info", None, None, None)]


def test_repeated_header_after_a_page_break_is_skipped(tmp_path) -> None:
    rows = [
        NUMBERED_HEADER,
        [1, "H001", "Khai sinh", "03/03/2025", "9"],
        NUMBERED_HEADER,
        [2, "H002", "Khai sinh", "04/03/2025", "9"],
    ]
    result = load_inputs([str(write_xlsx(tmp_path / "pages.xlsx", rows))])
    assert accounting(result) == [("Sheet1", [1], 3, 2, 0, 1)]
    assert result.accounts[0].skipped == {"repeated_header": 1}


def test_missing_values_reject_with_reasons(tmp_path) -> None:
    rows = [
        ["Mã hồ sơ", "Mã TTHC", "Tên thủ tục", "Ngày tiếp nhận"],
        [None, "1.001193", "Khai sinh", "03/03/2025"],
        ["H002", None, None, "03/03/2025"],
        ["H003", "1.001193", None, None],
        ["H004", "1.001193", None, "03/03/2025"],
    ]
    result = load_inputs([str(write_xlsx(tmp_path / "missing.xlsx", rows))])
    assert accounting(result) == [("Sheet1", [1], 4, 1, 3, 0)]
    assert issue_tuples(result.issues) == [
        ("row.missing_required", "error", 2, "Mã hồ sơ", None),
        ("row.missing_procedure", "error", 3, "Mã TTHC, Tên thủ tục", None),
        ("row.missing_required", "error", 4, "Ngày tiếp nhận", None),
    ]


def test_two_datasets_fitting_equally_is_ambiguous(tmp_path) -> None:
    from cchc_cli.profiles import base_profile
    from cchc_cli.readers import read_file
    from cchc_cli.readers.headers import choose_header
    from cchc_cli.schema.fields import Dataset

    dossiers = DATASETS["dossiers"]
    twin = Dataset(
        "twin",
        "Bản sao",
        "Twin",
        dossiers.model,
        dossiers.required,
        dossiers.required_any,
        dossiers.key,
    )
    path = write_xlsx(
        tmp_path / "a.xlsx", [NUMBERED_HEADER, [1, "H1", "Khai sinh", "03/03/2025", "9"]]
    )
    _, sheets = read_file(path.read_bytes(), "a")
    base = base_profile()
    # The twin is not in the profiles' indexes: read it with the dossiers' headers.
    base.indexes["twin"] = base.indexes["dossiers"]
    try:
        keys = frozenset(base.indexes["dossiers"].rules)
        choice = choose_header(sheets[0], [dossiers, twin], [base], keys)
        assert choice.header is None
        assert {c.dataset.name for c in choice.candidates} == {"dossiers", "twin"}
        only = choose_header(sheets[0], [dossiers], [base], keys).header
        assert only is not None and only.dataset.name == "dossiers"
    finally:
        del base.indexes["twin"]


def test_two_columns_for_one_field_keep_the_first_and_warn(tmp_path) -> None:
    rows = [
        [
            "Mã hồ sơ",
            "Tên thủ tục",
            "Ngày tiếp nhận",
            "Đơn vị tiếp nhận",
            "Đơn vị/ cá nhân giải quyết",
        ],
        ["H001", "Khai sinh", "03/03/2025", "UBND phường Phổ Hòa", "Nguyễn Văn An"],
    ]
    result = load_inputs([str(write_xlsx(tmp_path / "two.xlsx", rows))])
    assert accounting(result) == [("Sheet1", [1], 1, 1, 0, 0)]
    assert issue_tuples(result.issues) == [
        ("header.duplicate_field", "warning", 1, "Đơn vị/ cá nhân giải quyết", None)
    ]
    assert list(result.tables["dossiers"]["agency_name"]) == ["UBND phường Phổ Hòa"]


def test_forced_dataset_missing_required_columns_is_an_error(tmp_path) -> None:
    rows = [["Mã hồ sơ", "Tên thủ tục"], ["H001", "Khai sinh"]]
    path = write_xlsx(tmp_path / "short.xlsx", rows)
    result = load_inputs([str(path)], LoadOptions(dataset="dossiers"))
    assert result.accounts == [] and result.failed_inputs == [str(path)]
    assert issue_tuples(result.issues) == [("sheet.no_dataset", "error", 1, None, None)]
    assert "'Ngày tiếp nhận'" in result.issues[0].message("en")  # the header to add


def test_header_below_thirty_title_rows_is_found(tmp_path) -> None:
    titles = [[f"Dòng tiêu đề {i}"] for i in range(32)]
    rows = [*titles, NUMBERED_HEADER, [1, "H001", "Khai sinh", "03/03/2025", "9"]]
    result = load_inputs([str(write_xlsx(tmp_path / "deep.xlsx", rows))])
    assert accounting(result) == [("Sheet1", [33], 1, 1, 0, 0)]


def test_duplicate_winner_keeps_its_values_and_gains_only_absent_columns(tmp_path) -> None:
    town = write_xlsx(
        tmp_path / "1-town.xlsx",
        [
            ["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận", "Cấp", "Kênh thực hiện", "Trạng thái"],
            ["H001", "Khai sinh", "03/03/2025", "Cấp xã", "Trực tuyến", "Đang xử lý"],
        ],
    )
    ward = write_xlsx(
        tmp_path / "2-ward.xlsx",
        [
            ["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận", "Kênh thực hiện", "Ngày kết thúc xử lý"],
            ["H001", "Khai sinh", "03/03/2025", None, "05/03/2025"],
        ],
    )
    result = load_inputs([str(town), str(ward)])
    table = result.tables["dossiers"]
    assert len(table) == 1 and table.loc[0, "source_path"].endswith("2-ward.xlsx")
    # the ward sheet has no "Cấp" or status column: completed from the town's record
    assert table.loc[0, "admin_level"] == "commune"
    assert table.loc[0, "status"] == "PROCESSING"
    # its own blank channel (blank means direct, D3) is not overwritten
    assert table.loc[0, "channel"] == "DIRECT"
    assert table.loc[0, "completed_at"] == pd.Timestamp("2025-03-05")


def test_user_value_labels_win_over_built_ins_issue2(tmp_path) -> None:
    columns = tmp_path / "cot.yaml"
    columns.write_text(
        "values:\n  status:\n    PROCESSING: ['Trả lại']\n    RETURNED: ['Hoàn thành']\n",
        encoding="utf-8",
    )
    rows = [
        NUMBERED_HEADER,
        [1, "H1", "Khai sinh", "03/03/2025", "Trả lại"],
        [2, "H2", "Khai sinh", "03/03/2025", "Hoan thanh"],
        [3, "H3", "Khai sinh", "03/03/2025", "Dừng xử lý"],
    ]
    options = LoadOptions(profiles=profile_set(columns=columns))
    result = load_inputs([str(write_xlsx(tmp_path / "v.xlsx", rows))], options)
    assert list(result.tables["dossiers"]["status"]) == ["PROCESSING", "RETURNED", "STOPPED"]
