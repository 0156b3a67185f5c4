"""ingest/rows.py: the row accounting (D4). Footers (totals, signatures, place and date),
section titles, repeated headers and column-number rows are skipped and counted by reason,
never read as dossiers; every row read is valid, rejected or skipped. Details met in real
vendors' files."""

from __future__ import annotations

from cchc_cli.ingest import LoadOptions, load_inputs
from cchc_cli.profiles import profile_set
from conftest import issue_tuples, row_accounting, write_xlsx
from golden_rows import NUMBERED_HEADER

NO_STT = ["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận", "Trạng thái", "Ghi chú"]


def _accounting(result) -> tuple[int, int, int, int]:
    account = result.accounts[0]
    return account.rows_read, account.rows_valid, account.rows_rejected, account.rows_skipped


def test_issue_9_total_line_with_its_count_under_the_codes_is_skipped(tmp_path) -> None:
    rows = [
        ["STT", "Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận", "Ngày hẹn trả", "Trạng thái"],
        [1, "HS-001", "Đăng ký khai sinh", "03/03/2025", "05/03/2025", "Đang xử lý"],
        ["Tổng cộng", 1],
    ]
    result = load_inputs([str(write_xlsx(tmp_path / "tong.xlsx", rows))])
    assert _accounting(result) == (2, 1, 0, 1)
    assert result.issues == []


def test_issue_9_second_header_that_moves_the_key_column_remaps_the_rows(tmp_path) -> None:
    header = ["STT", "Số HS", "Loại hồ sơ", "Đơn vị cá nhân", "Ngày TN", "Ngày hẹn trả"]
    moved = ["STT", "Phường", "Số HS", "Loại hồ sơ", "Đơn vị cá nhân", "Ngày TN", "Ngày hẹn trả"]
    rows = [
        header,
        [1, "1523", "Cấp GPXD", "Lê Văn Cường", "2/3/2025", "17/3/2025"],
        ["HỒ SƠ PHÒNG CẤP"],
        moved,
        [1, "Hưng Bình", "2001", "Cấp GCN", "Ngô Thị Hà", "4/3/2025", "30/3/2025"],
    ]
    path = write_xlsx(tmp_path / "hai-phan.xlsx", rows)
    result = load_inputs([str(path)], LoadOptions(profiles=profile_set("pmnm")))
    assert _accounting(result) == (4, 2, 0, 2)
    table = result.tables["dossiers"]
    assert list(table["dossier_code"]) == ["1523", "2001"]
    assert [str(d.date()) for d in table["received_at"]] == ["2025-03-02", "2025-03-04"]
    assert issue_tuples(result.issues) == []


def test_signature_labels_in_the_key_column_are_a_footer_issue2(tmp_path) -> None:
    rows = [
        NO_STT,
        ["H1", "Khai sinh", "03/03/2025", "9", None],
        [],
        ["NGƯỜI LẬP BIỂU", None, "KẾ TOÁN", None, "THỦ TRƯỞNG ĐƠN VỊ"],
        ["(Ký, ghi rõ họ tên)", None, "(Ký, ghi rõ họ tên)", None, "(Ký tên, đóng dấu)"],
        ["Trần Văn A", None, "Lê C", None, "Nguyễn Văn B"],
    ]
    result = load_inputs([str(write_xlsx(tmp_path / "sig.xlsx", rows))])
    assert row_accounting(result) == [(5, 1, 0, 4, {"blank": 1, "footer": 3})]
    assert result.issues == []


def test_a_total_in_the_key_column_with_numbers_is_a_footer_issue2(tmp_path) -> None:
    rows = [
        NO_STT,
        ["H1", "Khai sinh", "03/03/2025", "9", None],
        ["Tổng cộng", "1 hồ sơ", "1", "1", None],
    ]
    result = load_inputs([str(write_xlsx(tmp_path / "total.xlsx", rows))])
    assert row_accounting(result) == [(2, 1, 0, 1, {"footer": 1})]


def test_the_words_ngay_thang_nam_in_data_do_not_start_a_footer_issue2(tmp_path) -> None:
    rows = [
        NUMBERED_HEADER,
        [1, "H1", "Khai sinh", "03/03/2025", "9"],
        [2, None, "Cải chính ngày, tháng, năm sinh", "04/03/2025", "9"],
        [3, "H3", "Khai sinh", "05/03/2025", "9"],
        [4, "H4", "Khai sinh", "06/03/2025", "9"],
    ]
    result = load_inputs([str(write_xlsx(tmp_path / "words.xlsx", rows))])
    assert row_accounting(result) == [(4, 3, 1, 0, {})]
    assert issue_tuples(result.issues) == [("row.missing_required", "error", 3, "Mã hồ sơ", None)]


def test_a_code_with_a_tick_is_a_row_not_a_section_issue2(tmp_path) -> None:
    rows = [
        [*NUMBERED_HEADER, "Liên thông"],
        [1, "H1", "Khai sinh", "03/03/2025", "9", None],
        [None, "H2", None, None, None, "x"],
    ]
    result = load_inputs([str(write_xlsx(tmp_path / "tick.xlsx", rows))])
    assert row_accounting(result) == [(2, 1, 1, 0, {})]


def test_repeated_headers_of_one_and_of_two_rows_are_skipped_issue2(tmp_path) -> None:
    single = [
        ["Mã hồ sơ (*)", "Tên thủ tục", "Ngày tiếp nhận"],
        ["H1", "A", "03/03/2025"],
        ["Mã hồ sơ (*)", "Tên thủ tục", "Ngày tiếp nhận"],
        ["H2", "B", "04/03/2025"],
    ]
    result = load_inputs([str(write_xlsx(tmp_path / "r1.xlsx", single))])
    assert row_accounting(result) == [(3, 2, 0, 1, {"repeated_header": 1})]
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
    assert row_accounting(result) == [(4, 2, 0, 2, {"repeated_header": 2})]


def test_a_row_of_letter_column_numbers_is_skipped_issue2(tmp_path) -> None:
    rows = [NUMBERED_HEADER, ["A", "B", 1, 2, 3], [1, "H1", "Khai sinh", "03/03/2025", "9"]]
    result = load_inputs([str(write_xlsx(tmp_path / "letters.xlsx", rows))])
    assert row_accounting(result) == [(2, 1, 0, 1, {"column_numbers": 1})]


def test_an_unnumbered_section_title_in_the_key_column_is_skipped_issue2(tmp_path) -> None:
    rows = [NO_STT, ["UBND PHƯỜNG NGHĨA LỘ"], ["H1", "Khai sinh", "03/03/2025", "9", None], ["ABC"]]
    result = load_inputs([str(write_xlsx(tmp_path / "sections.xlsx", rows))])
    # a lone one-word key ("ABC") is a broken row, not a title
    assert row_accounting(result) == [(3, 1, 1, 1, {"section": 1})]


def test_a_register_total_row_carrying_its_sums_is_skipped_not_rejected_issue11(
    tmp_path,
) -> None:
    units = [
        ["STT", "Tên đơn vị sự nghiệp", "Năm", "Số người làm việc", "Biên chế hưởng lương từ NSNN"],
        [1, "U1", 2025, 12, 10],
        [2, "U2", 2025, 11, 9],
        [None, "Tổng cộng", None, 23, 19],
    ]
    documents = [
        ["STT", "Ngày văn bản", "Số ký hiệu", "Văn bản điện tử", "Ký số"],
        [1, "01/03/2025", "1/UBND", "x", "x"],
        [2, "02/03/2025", "2/UBND", "x", None],
        ["Tổng cộng", None, None, 2, 1],
    ]
    for name, rows in (("units", units), ("documents", documents)):
        result = load_inputs([str(write_xlsx(tmp_path / f"{name}.xlsx", rows))])
        # a total line starts the footer (D4)
        assert row_accounting(result) == [(3, 2, 0, 1, {"footer": 1})], name
        assert result.issues == [], name
    # a row that lacks a required value and is no total line is still rejected
    documents[3] = [3, None, "3/UBND", "x", None]
    result = load_inputs([str(write_xlsx(tmp_path / "bad.xlsx", documents))])
    assert row_accounting(result) == [(3, 2, 1, 0, {})]


def test_register_rows_below_a_subtotal_are_said_not_silently_dropped_issue11(tmp_path) -> None:
    # D4 as written: the footer starts at the first total line, also in a register laid out
    # in sections with a "Cộng" line each; the rows below it are skipped, each with a warning
    rows = [
        ["STT", "Ngày văn bản", "Số ký hiệu", "Văn bản điện tử", "Ký số"],
        ["I", "Văn bản đi", None, None, None],
        [1, "01/03/2025", "1/UBND", "x", "x"],
        [2, "02/03/2025", "2/UBND", "x", "x"],
        [None, "Cộng", None, 2, 2],
        ["II", "Văn bản đến", None, None, None],
        [3, "03/03/2025", "3/UBND", "x", None],
        [4, "04/03/2025", "4/UBND", "x", None],
        [None, "Cộng", None, 2, 0],
        [None, "Người lập biểu", None, None, None],
    ]
    result = load_inputs([str(write_xlsx(tmp_path / "van-ban.xlsx", rows))])
    assert [(i.code, i.row) for i in result.issues] == [
        ("row.after_footer", 7),
        ("row.after_footer", 8),
    ]
    assert "A row with data below a total" in result.issues[0].message("en")
