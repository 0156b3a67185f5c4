"""Row accounting (D4) details met in real vendors' files (issue #9)."""

from __future__ import annotations

from cchc_cli.ingest import LoadOptions, load_inputs
from cchc_cli.profiles import profile_set
from conftest import issue_tuples, write_xlsx


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
