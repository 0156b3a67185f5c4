# ruff: noqa: E501  (hand-check tables are kept one record per line)
"""schema/registers.py and the register targets of configs/targets.yaml (issue #4), golden:
hand-computed on small workbooks; plus `cchc template` round trips (report/template.py)."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from openpyxl import load_workbook

from cchc_cli.cli import app
from cchc_cli.ingest import load_inputs
from cchc_cli.schema import DATASETS
from cchc_cli.targets.config import load_targets
from cchc_cli.targets.engine import compute
from cchc_cli.targets.periods import parse_period
from conftest import ROOT, TARGETS, write_xlsx

X = "x"
D = datetime


# fmt: off
REGISTERS = {
    "procedures.xlsx": [
        ["Mã TTHC", "Tên thủ tục hành chính", "Mức độ DVC", "Đủ điều kiện cung cấp trực tuyến", "Tích hợp Cổng DVC", "Có phí, lệ phí", "Thanh toán trực tuyến", "TTHC nội bộ", "Công khai"],
        ["P1", "Cấp giấy phép xây dựng", "Toàn trình", X, X, X, X, None, X],
        ["P2", "Đăng ký biến động đất đai", "Một phần", X, X, X, None, None, X],
        ["P3", "Cung cấp thông tin quy hoạch", "Mức độ 2", X, None, None, None, None, X],
        ["P4", "Thẩm định đề án nội bộ", None, None, None, None, None, X, X],
        ["P5", "Xét khen thưởng", None, None, None, None, None, X, None],
    ],
    "ratings.xlsx": [
        ["Ngày đánh giá", "Mã hồ sơ", "Khối", "Lĩnh vực", "Mức độ hài lòng", "Hài lòng (Có/Không)"],
        [D(2025, 3, 3), "D1", None, "Đất đai", "Rất hài lòng", None],
        [D(2025, 3, 4), "D2", None, "Hộ tịch", "Không hài lòng", None],
        [D(2025, 3, 5), "D3", None, "Xây dựng", "Hài lòng", None],
        [D(2025, 2, 20), "D4", None, "Hộ tịch", "Không hài lòng", None],  # February: out
        [D(2025, 3, 10), None, "Hành chính", None, None, "Có"],
        [D(2025, 3, 11), None, "Hành chính", None, None, "Không"],
        [D(2025, 3, 12), None, "Y tế", None, None, "Có"],
        [D(2025, 3, 13), None, "Giáo dục", None, "Hài lòng", None],
        [D(2025, 3, 14), None, "Y tế", None, None, "Không"],
    ],
    "payments.xlsx": [
        ["Mã giao dịch", "Mã TTHC", "Số tiền", "Hình thức thanh toán", "Trạng thái thanh toán", "Ngày thanh toán"],
        ["T1", "P1", 50000, "Trực tuyến", "Đã thanh toán", D(2025, 3, 3)],
        ["T2", "P1", 20000, "Tiền mặt", "Đã thanh toán", D(2025, 3, 4)],
        ["T3", "P1", 20000, "Trực tuyến", "Chờ thanh toán", D(2025, 3, 5)],
        ["T4", "P2", 10000, "Trực tuyến", "Đã thanh toán", D(2025, 3, 6)],  # P2: no online payment offered
    ],
    "documents.xlsx": [
        ["Ngày văn bản", "Số, ký hiệu", "Văn bản điện tử", "Ký số", "Văn bản mật"],
        [D(2025, 3, 3), "1/UBND", X, X, None],
        [D(2025, 3, 4), "2/UBND", X, None, None],
        [D(2025, 3, 5), "3/UBND", None, None, X],  # secret: not counted
        [D(2025, 2, 5), "4/UBND", X, X, None],  # February: out
    ],
    "work_files.xlsx": [
        ["Mã hồ sơ công việc", "Đơn vị", "Ngày mở hồ sơ", "Xử lý trên môi trường mạng"],
        ["W1", "Phòng Tư pháp", D(2025, 3, 3), X],
        ["W2", "Phòng Tư pháp", D(2025, 3, 4), None],
        ["W3", "UBND xã Phổ Nhơn", D(2025, 3, 5), X],
        ["W4", "Phòng Tư pháp", D(2025, 7, 3), X],  # after the 2-tier change
    ],
    "inspections.xlsx": [
        ["Ngày kiểm tra", "Số quyết định kiểm tra", "Thực hiện qua môi trường số"],
        [D(2025, 3, 3), "1/QĐ", X], [D(2025, 3, 4), "2/QĐ", None], [D(2025, 3, 5), "3/QĐ", X],
    ],
    "staff.xlsx": [
        ["Mã cán bộ", "Đã bồi dưỡng kỹ năng số cơ bản", "Đã bồi dưỡng phân tích dữ liệu, công nghệ số"],
        ["CB1", X, X], ["CB2", X, None], ["CB3", X, None], ["CB4", None, None],
    ],
    "legal.xlsx": [
        ["Ngày ban hành", "Số, ký hiệu văn bản", "Ban hành đúng quy định", "Đúng tiến độ"],
        [D(2025, 3, 3), "01/2025/QĐ-UBND", X, X], [D(2025, 3, 20), "02/2025/QĐ-UBND", X, None],
    ],
    "public_units.xlsx": [
        ["Tên đơn vị sự nghiệp", "Năm", "Mức tự chủ", "Biên chế hưởng lương từ NSNN"],
        ["U1", 2021, "Nhóm 4", 10], ["U2", 2021, "Nhóm 3", 10], ["U3", 2021, "Nhóm 4", 10],
        ["U1", 2024, "Nhóm 4", 9], ["U2", 2024, "Nhóm 3", 9], ["U3", 2024, "Nhóm 4", 9],
        ["U1", 2025, "Nhóm 3", 8], ["U2", 2025, "Nhóm 3", 8],
    ],
    "values.xlsx": [
        ["Mã chỉ tiêu", "Kỳ báo cáo", "Giá trị", "Ngày hoàn thành"],
        ["par_index_rank", "2025", 3, None],
        ["par_index_rank", "2024", 8, None],
        ["ddci_rank", "2025", 9, None],
        ["de_an_vi_tri_viec_lam", "2022", 1, D(2023, 1, 10)],  # done, but after the deadline
    ],
}
# fmt: on

EXPECTED_MARCH = {
    "tthc_thanh_toan_truc_tuyen": (1, 2, "missed"),  # P1 / P1 P2
    "tthc_truc_tuyen_muc_3_4": (2, 3, "missed"),  # P1 P2 / P1 P2 P3
    "tthc_tich_hop_cong": (2, 2, "met"),  # P1 P2 / provided online at level 3-4: P1 P2 (#11)
    "tthc_noi_bo_cong_khai": (1, 2, "missed"),  # P4 / P4 P5
    "hai_long_tthc": (2, 3, "missed"),  # D1 D3 / D1-D3 (D4 in February)
    "hai_long_dat_dai_xay_dung_dau_tu": (2, 2, "met"),  # D1 (Đất đai) D3 (Xây dựng)
    "hai_long_phuc_vu_hanh_chinh": (1, 2, "missed"),
    "hai_long_y_te_giao_duc": (2, 3, "missed"),  # Y tế Có, Giáo dục Hài lòng / 3
    "giao_dich_thanh_toan_truc_tuyen": (
        1,
        2,
        "met",
    ),  # T1 / paid of P1, which offers online payment: T1 T2 (#11)
    "van_ban_dien_tu_ky_so": (1, 2, "missed"),  # 1 / 1 2 (3 secret, 4 February)
    "ho_so_cong_viec_cap_huyen": (1, 2, "missed"),  # level from the units in targets.yaml
    "ho_so_cong_viec_cap_xa": (1, 1, "met"),
    "kiem_tra_so": (2, 3, "met"),
    "ky_nang_so_co_ban": (3, 4, "missed"),
    "ky_nang_phan_tich_du_lieu": (1, 4, "missed"),
    "qppl_dung_quy_dinh": (1, 2, "missed"),
    "dvsnc_giam_so_luong": (2, 3, "met"),  # 2025: 2 units, 2024: 3
    "bien_che_su_nghiep_giam": (16, 27, "met"),
    "dvsnc_tu_chu_tang": (2, 1, "met"),  # groups 1-3: 2025 U1 U2, 2024 U2
    "tinh_gian_bien_che": (16, 30, "met"),  # against 2021: 53 % <= 90 %
    "par_index_rank": (3, None, "met"),
    "ddci_rank": (9, None, "missed"),
    "de_an_vi_tri_viec_lam": (1, None, "missed"),  # done 10/01/2023, deadline 31/12/2022
}


@pytest.fixture
def registers(tmp_path):
    return [str(write_xlsx(tmp_path / name, rows)) for name, rows in REGISTERS.items()]


def _results(paths, period="2025-03"):
    loaded = load_inputs(paths)
    config = load_targets(ROOT / "configs" / "targets.yaml")
    result = compute(loaded.tables, config, parse_period(period), [])
    return loaded, {t.target.id: t for t in result.targets}


def test_every_register_is_recognised(registers) -> None:
    loaded, _ = _results(registers)
    assert [a.dataset for a in loaded.accounts] == [
        "procedures",
        "ratings",
        "payments",
        "documents",
        "work_files",
        "inspections",
        "staff",
        "legal_documents",
        "public_units",
        "values",
    ]
    assert loaded.issues == []


def test_register_targets_hand_computed(registers) -> None:
    _, got = _results(registers)
    for target_id, expected in EXPECTED_MARCH.items():
        result = got[target_id]
        assert (result.numerator, result.denominator, result.status.value) == expected, target_id
    assert got["de_an_vi_tri_viec_lam"].note.code == "result.after_deadline"
    assert got["giao_dich_thanh_toan_truc_tuyen"].source is None  # payments, its own dataset


def test_rank_and_count_targets_for_the_previous_year(registers) -> None:
    _, got = _results(registers, "2024")
    assert (got["par_index_rank"].numerator, got["par_index_rank"].status.value) == (8, "missed")
    # 2024 against 2023: no 2023 rows -> no comparison
    assert got["dvsnc_giam_so_luong"].status.value == "no_data"
    assert got["dvsnc_giam_so_luong"].note.code == "result.no_previous_year"


def test_levels_follow_the_units_validity_dates(registers) -> None:
    _, got = _results(registers, "2025-07")
    # the district offices end on 30/06/2025: in July there is no district level at all
    assert got["ho_so_cong_viec_cap_huyen"].denominator == 0
    assert got["ho_so_cong_viec_cap_huyen"].status.value == "no_data"


def test_payments_from_dossiers_when_there_is_no_payment_register(tmp_path) -> None:
    # "trong số đó" (issue #11): the dossiers with a fee of the procedures that the catalogue
    # says can be paid online; 1.002 cannot, so H3 is not in the denominator
    dossiers = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            [
                "Mã hồ sơ",
                "Mã thủ tục",
                "Tên thủ tục",
                "Ngày tiếp nhận",
                "Phí",
                "Thanh toán trực tuyến",
            ],
            ["H1", "1.001", "A", "03/03/2025", 50000, X],
            ["H2", "1.001", "A", "04/03/2025", 50000, None],
            ["H3", "1.002", "B", "05/03/2025", 20000, None],
        ],
    )
    catalogue = write_xlsx(
        tmp_path / "tthc.xlsx",
        [
            ["Mã TTHC", "Tên thủ tục hành chính", "Có phí, lệ phí", "Thanh toán trực tuyến"],
            ["1.001", "A", X, X],
            ["1.002", "B", X, None],
        ],
    )
    _, got = _results([str(dossiers), str(catalogue)])
    payment = got["giao_dich_thanh_toan_truc_tuyen"]
    assert (payment.numerator, payment.denominator, payment.source) == (1, 2, "dossiers")
    # without the catalogue the programme's denominator cannot be told: no data, and why
    _, got = _results([str(dossiers)])
    payment = got["giao_dich_thanh_toan_truc_tuyen"]
    assert (payment.status.value, payment.note.code) == ("no_data", "result.no_dataset")
    assert payment.note.params["dataset"] == "procedures"


@pytest.mark.parametrize("dataset", [d.name for d in DATASETS.values() if d.hand_kept])
def test_template_is_valid_as_generated(runner, tmp_path, dataset) -> None:
    path = tmp_path / f"{dataset}.xlsx"
    assert runner.invoke(app, ["template", dataset, "-o", str(path)]).exit_code == 0
    sheet = load_workbook(path).active
    assert sheet.freeze_panes == "A2"
    assert all(sheet.cell(1, c).comment for c in range(1, sheet.max_column + 1))
    labels = {spec.kind.value for spec in DATASETS[dataset].fields.values()}
    if labels & {"label", "boolean"}:
        assert sheet.data_validations.dataValidation  # dropdown lists
    result = runner.invoke(app, ["validate", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    # the example row is marked: left as it is, it is skipped with a word, never counted (#11)
    assert [(i["code"], i["row"]) for i in document["issues"]] == [("row.template_example", 2)]
    assert [(i["dataset"], i["rows_valid"], i["rows_skipped"]) for i in document["inputs"]] == [
        (dataset, 0, 1)
    ]
    # written over with real figures, the same row is valid
    workbook = load_workbook(path)
    sheet = workbook.active
    for column in range(1, sheet.max_column + 1):
        cell = sheet.cell(2, column)
        if isinstance(cell.value, str) and cell.value.startswith("Ví dụ: "):
            cell.value = cell.value.removeprefix("Ví dụ: ")
    workbook.save(path)
    document = json.loads(runner.invoke(app, ["validate", str(path), "--format", "json"]).stdout)
    assert document["issues"] == []
    assert [(i["dataset"], i["rows_valid"]) for i in document["inputs"]] == [(dataset, 1)]


def test_template_round_trip_staff(runner, tmp_path) -> None:
    path = tmp_path / "can-bo.xlsx"
    runner.invoke(app, ["template", "staff", "-o", str(path)])
    workbook = load_workbook(path)
    sheet = workbook.active
    headers = [sheet.cell(1, c).value for c in range(1, sheet.max_column + 1)]
    column = {h: i + 1 for i, h in enumerate(headers)}
    sheet.delete_rows(2)  # the example row
    for number in range(1, 11):
        sheet.cell(number + 1, column["Mã cán bộ"], f"CB{number:03d}")
        sheet.cell(number + 1, column["Đã bồi dưỡng kỹ năng số cơ bản"], "Có")
        sheet.cell(
            number + 1,
            column["Đã bồi dưỡng phân tích dữ liệu, công nghệ số"],
            "Có" if number <= 6 else "Không",
        )
    workbook.save(path)
    checked = runner.invoke(app, ["validate", str(path), "--format", "json"])
    assert checked.exit_code == 0 and json.loads(checked.stdout)["issues"] == []
    result = runner.invoke(app, ["compute", str(path), "--period", "2025-03", "--format", "json"])
    targets = {t["id"]: t for t in json.loads(result.stdout)["targets"]}
    assert (targets["ky_nang_so_co_ban"]["numerator"], targets["ky_nang_so_co_ban"]["status"]) == (
        10,
        "met",
    )
    assert targets["ky_nang_phan_tich_du_lieu"]["value"] == 0.6


def test_template_refuses_a_dataset_that_is_not_kept_by_hand(runner, tmp_path) -> None:
    result = runner.invoke(app, ["template", "dossier", "-o", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 2
    assert "staff" in result.output


def test_targets_list_has_every_programme_id_with_its_threshold(runner) -> None:
    listed = json.loads(runner.invoke(app, ["targets", "list", "--format", "json"]).stdout)
    by_id = {t["id"]: t for t in listed["targets"]}
    assert len(by_id) == 28
    assert by_id["ky_nang_so_co_ban"]["threshold"] == {"op": ">=", "value": 1.0}
    assert by_id["kiem_tra_so"]["threshold"] == {"op": ">=", "value": 0.5}
    assert by_id["ho_so_cong_viec_cap_huyen"]["threshold"] == {"op": ">=", "value": 0.9}
    assert by_id["ho_so_cong_viec_cap_xa"]["threshold"] == {"op": ">=", "value": 0.8}
    assert by_id["hai_long_phuc_vu_hanh_chinh"]["threshold"] == {"op": ">=", "value": 0.95}
    assert by_id["par_index_rank"]["threshold"] == {"op": "<=", "value": 5.0}
    assert by_id["dvsnc_tu_chu_tang"]["threshold"] == {"op": ">", "value": 1.0}
    assert by_id["bien_che_su_nghiep_giam"]["threshold"] == {"op": "<", "value": 1.0}


def test_secret_documents_are_left_out_by_their_level_issue11(tmp_path) -> None:
    # Luật Bảo vệ bí mật nhà nước 2018: Mật, Tối mật, Tuyệt mật; "Thường" or blank is ordinary
    rows = [
        ["Ngày văn bản", "Số, ký hiệu", "Văn bản điện tử", "Ký số", "Độ mật"],
        ["03/03/2025", "1/UBND", X, X, "Thường"],
        ["04/03/2025", "2/UBND", X, None, None],
        ["05/03/2025", "3/UBND", None, None, "Mật"],
        ["06/03/2025", "4/UBND", None, None, "Tối mật"],
        ["07/03/2025", "5/UBND", None, None, "Tuyệt mật"],
        ["08/03/2025", "6/UBND", None, None, X],
    ]
    path = write_xlsx(tmp_path / "van-ban.xlsx", rows)
    loaded = load_inputs([str(path)])
    assert loaded.issues == []
    table = loaded.tables["documents"]
    assert table["secret"].tolist() == [False, False, True, True, True, True]
    assert table["secrecy"].tolist() == [
        "NOT_SECRET",
        "NOT_SECRET",
        "CONFIDENTIAL",
        "SECRET",
        "TOP_SECRET",
        "SECRET_UNSTATED",
    ]
    result = compute(loaded.tables, load_targets(TARGETS), parse_period("2025-03"), [])
    (signed,) = [t for t in result.targets if t.target.id == "van_ban_dien_tu_ky_so"]
    assert (signed.numerator, signed.denominator) == (1, 2)


def test_the_documents_template_offers_the_secrecy_levels_issue11(runner, tmp_path) -> None:
    path = tmp_path / "van-ban.xlsx"
    assert runner.invoke(app, ["template", "documents", "-o", str(path)]).exit_code == 0
    sheet = load_workbook(path).active
    headers = {sheet.cell(1, c).value: c for c in range(1, sheet.max_column + 1)}
    column = headers["Độ mật"]
    letter = sheet.cell(1, column).column_letter
    (validation,) = [v for v in sheet.data_validations.dataValidation if letter in str(v.sqref)]
    assert validation.formula1 == '"Thường,Mật,Tối mật,Tuyệt mật"'
    assert "Chọn Có hoặc Không" not in sheet.cell(1, column).comment.text
    assert "Mức độ mật" not in headers  # derived from Độ mật, not asked for
