"""Files that reproduce real vendors' dossier-list layouts: the header texts, header structure,
rows around the table, value labels and date forms come from each system's public export code
(cited in the matching profile under src/cchc_cli/profiles/data/); the people are invented.

Each layout says what reading it must give: the profile detected, each field's header, the
headers deliberately left out, the row accounting and the values of the valid rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from conftest import write_xlsx


@dataclass
class Layout:
    """One vendor layout and what cchc must make of it."""

    name: str
    profile: str
    suffix: str
    rows: list[list[Any]] = field(default_factory=list)
    merges: tuple[str, ...] = ()
    html: str = ""
    # field -> header text as cchc reports it (group / leaf)
    mapping: dict[str, str] = field(default_factory=dict)
    ignored: tuple[str, ...] = ()
    header_rows: tuple[int, ...] = ()
    # rows read, valid, rejected, skipped
    accounting: tuple[int, int, int, int] = (0, 0, 0, 0)
    values: dict[str, list[Any]] = field(default_factory=dict)
    issues: tuple[str, ...] = ()
    # For a layout cchc cannot use as a dossier list: the required columns it lacks.
    missing: tuple[str, ...] = ()

    def write(self, folder: Path) -> Path:
        """The file as the vendor's system writes it."""
        path = folder / f"{self.name}{self.suffix}"
        if self.suffix == ".xlsx":
            return write_xlsx(path, self.rows, self.merges)
        if self.suffix == ".xls" and not self.html:
            import xlwt

            book = xlwt.Workbook(encoding="utf-8")
            sheet = book.add_sheet("report")
            for r, row in enumerate(self.rows):
                for c, value in enumerate(row):
                    if value is not None:
                        sheet.write(r, c, value)
            book.save(str(path))
            return path
        path.write_bytes(self.html.encode("utf-8"))
        return path


def d(text: str) -> datetime:
    """A day-first date/time as cchc reads it."""
    for form in ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, form)
        except ValueError:
            continue
    raise ValueError(text)


# The national sync record flattened into a sheet (field names as headers, 14-digit dates).
DVCQG_HEADER = [
    "MaHoSo",
    "MaTTHC",
    "TenTTHC",
    "MaLinhVuc",
    "TenLinhVuc",
    "KenhThucHien",
    "ChuHoSo",
    "LoaiDoiTuong",
    "MaDoiTuong",
    "SoDienThoai",
    "TrichYeuHoSo",
    "NgayTiepNhan",
    "NgayHenTra",
    "TrangThaiHoSo",
    "NgayTra",
    "HinhThuc",
    "NgayKetThucXuLy",
    "DonViXuLy",
    "GhiChu",
    "NoiNopHoSo",
    "HoSoCoThanhPhanSoHoa",
    "TaiKhoanDuocXacThucVoiVNeID",
    "DuocThanhToanTrucTuyen",
    "NgayTuChoi",
    "NgayNopHoSo",
]
DVCQG = Layout(
    name="dvcqg-dong-bo",
    profile="dvcqg",
    suffix=".xlsx",
    rows=[
        DVCQG_HEADER,
        [
            "000.00.38.H56-240311-0012",
            "1.001612.000.00.00.H56",
            "Cấp bản sao trích lục hộ tịch",
            "G09-TP08",
            "Hộ tịch",
            "2",
            "Lê Thị Hoa",
            "1",
            "a1b2c3d4-0000",
            "0912345678",
            "Cấp bản sao trích lục khai sinh",
            "20240311083012",
            "20240312170000",
            "10",
            "20240312091500",
            "0",
            "20240311160000",
            "UBND xã Quảng Phú",
            "",
            "2",
            "1",
            "0",
            "1",
            "",
            "20240311083012",
        ],
        [
            "000.00.38.H56-240315-0047",
            "1.004227.000.00.00.H56",
            "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh",
            "G09-KH01",
            "Thành lập và hoạt động của hộ kinh doanh",
            "1",
            "Trần Văn Bình",
            "2",
            "",
            "0987654321",
            "Thay đổi địa chỉ kinh doanh",
            "20240315141005",
            "20240320170000",
            "4",
            "",
            "1",
            "",
            "UBND huyện Quảng Xương",
            "Hẹn trả qua BCCI",
            "2",
            "1",
            "0",
            "0",
            "",
            "20240315141005",
        ],
        [
            "000.00.38.H56-240318-0101",
            "1.001193.000.00.00.H56",
            "Đăng ký khai sinh",
            "G09-TP08",
            "Hộ tịch",
            "3",
            "Phạm Thị Lan",
            "1",
            "",
            "0905000111",
            "Khai sinh cho con",
            "20240318090000",
            "20240319170000",
            "9",
            "",
            "0",
            "20240319100000",
            "UBND xã Quảng Phú",
            "",
            "2",
            "0",
            "0",
            "2",
            "",
            "20240318090000",
        ],
    ],
    mapping={
        "dossier_code": "MaHoSo",
        "procedure_code": "MaTTHC",
        "procedure_name": "TenTTHC",
        "field_name": "TenLinhVuc",
        "channel": "KenhThucHien",
        "applicant_name": "ChuHoSo",
        "applicant_phone": "SoDienThoai",
        "received_at": "NgayTiepNhan",
        "due_at": "NgayHenTra",
        "status": "TrangThaiHoSo",
        "returned_at": "NgayTra",
        "completed_at": "NgayKetThucXuLy",
        "agency_name": "DonViXuLy",
        "note": "GhiChu",
        "has_digitized_inputs": "HoSoCoThanhPhanSoHoa",
        "paid_online": "DuocThanhToanTrucTuyen",
        "rejected_at": "NgayTuChoi",
        "submitted_at": "NgayNopHoSo",
    },
    ignored=(
        "MaLinhVuc",
        "LoaiDoiTuong",
        "MaDoiTuong",
        "TrichYeuHoSo",
        "HinhThuc",
        "NoiNopHoSo",
        "TaiKhoanDuocXacThucVoiVNeID",
    ),
    header_rows=(1,),
    accounting=(3, 3, 0, 0),
    values={
        "status": ["RETURNED", "PROCESSING", "COMPLETED"],
        "channel": ["ONLINE", "DIRECT", "POSTAL"],
        "received_at": [
            datetime(2024, 3, 11, 8, 30, 12),
            datetime(2024, 3, 15, 14, 10, 5),
            datetime(2024, 3, 18, 9, 0),
        ],
        "due_at": [datetime(2024, 3, 12, 17), datetime(2024, 3, 20, 17), datetime(2024, 3, 19, 17)],
        "paid_online": [True, False, True],
        "paid_online_via": ["NATIONAL_PORTAL", "NOT_PAID", "PROVINCIAL_GATEWAY"],
        "agency_name": ["UBND xã Quảng Phú", "UBND huyện Quảng Xương", "UBND xã Quảng Phú"],
    },
)

# VNPT iGate "danh sách hồ sơ" as officers re-import it (header on the first row).
IGATE_LIST = Layout(
    name="igate-danh-sach-ho-so",
    profile="igate",
    suffix=".xlsx",
    rows=[
        [
            "STT",
            "Số hồ sơ",
            "Tên thủ tục hành chính",
            "Tên lĩnh vực",
            "Phòng ban",
            "Ngày tiếp nhận",
            "Ngày hẹn trả",
            "Ngày kết thúc xử lý",
            "Cơ quan/đơn vị",
            "Chủ hồ sơ",
            "Số điện thoại",
            "Cán bộ xử lý hiện tại",
            "Trạng thái hồ sơ",
        ],
        [
            1,
            "H29.259-240702-3754",
            "Chứng thực bản sao từ bản chính",
            "Chứng thực",
            "Văn phòng HĐND&UBND",
            "02/07/2024 12:13:58",
            "03/07/2024 13:00:00",
            "02/07/2024 15:07:26",
            "UBND huyện Bình Sơn",
            "NGUYỄN VĂN AN",
            "0912000111",
            "Lê Thị Bình",
            "Đã trả kết quả",
        ],
        [
            2,
            "H29.259-240703-1332",
            "Đính chính Giấy chứng nhận đã cấp lần đầu có sai sót",
            "Đất đai",
            "Phòng Kinh tế, hạ tầng và đô thị",
            "03/07/2024 09:27:29",
            "05/09/2024 17:01:22",
            None,
            "UBND huyện Bình Sơn",
            "Trần Thị Cúc",
            None,
            "Phạm Văn Dũng",
            "Đang xử lý",
        ],
        [
            3,
            "H29.259-240704-0007",
            "Đăng ký khai sinh",
            "Hộ tịch",
            "Văn phòng HĐND&UBND",
            "04/07/2024 08:00:00",
            "05/07/2024 17:00:00",
            "05/07/2024 10:00:00",
            "UBND huyện Bình Sơn",
            "Võ Văn Em",
            None,
            "Lê Thị Bình",
            "Đã có kết quả",
        ],
        [
            4,
            "H29.259-240705-0011",
            "Đăng ký kết hôn",
            "Hộ tịch",
            "Văn phòng HĐND&UBND",
            "05/07/2024 08:00:00",
            "08/07/2024 17:00:00",
            None,
            "UBND huyện Bình Sơn",
            "Hồ Thị Gấm",
            None,
            "Lê Thị Bình",
            "Chờ bổ sung",
        ],
    ],
    mapping={
        "dossier_code": "Số hồ sơ",
        "procedure_name": "Tên thủ tục hành chính",
        "field_name": "Tên lĩnh vực",
        "received_at": "Ngày tiếp nhận",
        "due_at": "Ngày hẹn trả",
        "completed_at": "Ngày kết thúc xử lý",
        "agency_name": "Cơ quan/đơn vị",
        "applicant_name": "Chủ hồ sơ",
        "applicant_phone": "Số điện thoại",
        "status": "Trạng thái hồ sơ",
    },
    ignored=("STT", "Phòng ban", "Cán bộ xử lý hiện tại"),
    header_rows=(1,),
    accounting=(4, 4, 0, 0),
    values={
        "status": ["RETURNED", "PROCESSING", "COMPLETED", "SUPPLEMENT_REQUESTED"],
        "due_at": [
            d("03/07/2024 13:00:00"),
            d("05/09/2024 17:01:22"),
            d("05/07/2024 17:00:00"),
            d("08/07/2024 17:00:00"),
        ],
    },
)

# The iGate "tra cứu hồ sơ" view with the current step: "Hạn xử lý" (the step's deadline)
# stands before "Ngày hẹn trả" (the dossier's).
IGATE_LOOKUP = Layout(
    name="igate-tra-cuu-ho-so",
    profile="igate",
    suffix=".xlsx",
    rows=[
        ["DANH SÁCH HỒ SƠ", None, None, None, None, None, None, None, None, None, None],
        ["Từ ngày 01/03/2025 đến ngày 31/03/2025"],
        [],
        [
            "STT",
            "Số hồ sơ",
            "Tên thủ tục hành chính",
            "Tên lĩnh vực",
            "Ngày tiếp nhận",
            "Hạn xử lý",
            "Bước xử lý hiện tại",
            "Cán bộ xử lý hiện tại",
            "Ngày hẹn trả",
            "Ngày kết thúc xử lý",
            "Trạng thái",
        ],
        [
            1,
            "000.00.53.H48-250303-0099",
            "Đăng ký khai sinh",
            "Hộ tịch",
            "03/03/2025 08:10:00",
            "03/03/2025 11:00:00",
            "Thẩm định hồ sơ",
            "Nguyễn Thị Hạnh",
            "05/03/2025 17:00:00",
            None,
            "Đang xử lý",
        ],
        [
            2,
            "000.00.53.H48-250304-0100",
            "Cấp bản sao trích lục hộ tịch",
            "Hộ tịch",
            "04/03/2025 09:00:00",
            "04/03/2025 16:00:00",
            "Trả kết quả",
            "Trần Văn Long",
            "06/03/2025 17:00:00",
            "05/03/2025 10:00:00",
            "Đã xử lý",
        ],
    ],
    mapping={
        "dossier_code": "Số hồ sơ",
        "procedure_name": "Tên thủ tục hành chính",
        "field_name": "Tên lĩnh vực",
        "received_at": "Ngày tiếp nhận",
        "due_at": "Ngày hẹn trả",
        "completed_at": "Ngày kết thúc xử lý",
        "status": "Trạng thái",
    },
    ignored=("STT", "Hạn xử lý", "Bước xử lý hiện tại", "Cán bộ xử lý hiện tại"),
    header_rows=(4,),
    accounting=(2, 2, 0, 0),
    values={
        "due_at": [d("05/03/2025 17:00:00"), d("06/03/2025 17:00:00")],
        "status": ["PROCESSING", "COMPLETED"],
    },
)

# OpenCPS statisticmgt-dossierlist.xlsx: banner, title, header, (1)..(7), one group row, data,
# the receiving officer's signature.
OPENCPS_STATISTIC = Layout(
    name="opencps-bao-cao-tiep-nhan",
    profile="opencps",
    suffix=".xlsx",
    rows=[
        [
            "UBND TỈNH HẬU GIANG\nSỞ TƯ PHÁP",
            None,
            None,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "-------------------------------------------\nHậu Giang, ngày 05 tháng 04 năm 2021",
        ],
        ["BÁO CÁO HỒ SƠ TIẾP NHẬN TRỰC TUYẾN  CỦA ĐƠN VỊ\nTừ ngày 01/03/2021 đến ngày 31/03/2021"],
        [
            "STT",
            "Mã hồ sơ",
            "Nội dung",
            "Chủ hồ sơ",
            "Ngày tiếp nhận",
            "Ngày hẹn trả",
            "Trạng thái",
        ],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
        ["Hộ tịch (3)"],
        [
            "1",
            "STP.210302.00121",
            "Cấp bản sao trích lục hộ tịch",
            "Trần Thị Mai",
            "02/03/2021",
            "04/03/2021",
            "Đã trả kết quả",
        ],
        [
            "2",
            "STP.210315.00187",
            "Đăng ký khai sinh",
            "Lê Văn Hùng",
            "15/03/2021",
            "17/03/2021",
            "Đang xử lý",
        ],
        [
            "3",
            "STP.210320.00201",
            "Đăng ký kết hôn",
            "Đỗ Văn Tâm",
            "20/03/2021",
            "23/03/2021",
            "Hoàn thành",
        ],
        [],
        [None, None, None, "NGƯỜI TIẾP NHẬN HỒ SƠ\n(Ký và ghi rõ họ tên)"],
    ],
    merges=("A1:C1", "D1:G1", "A2:G2", "A5:G5"),
    mapping={
        "dossier_code": "Mã hồ sơ",
        "procedure_name": "Nội dung",
        "applicant_name": "Chủ hồ sơ",
        "received_at": "Ngày tiếp nhận",
        "due_at": "Ngày hẹn trả",
        "status": "Trạng thái",
    },
    ignored=("STT",),
    header_rows=(3,),
    # rows 4-10: column numbers, group row, 3 dossiers, blank, signature
    accounting=(7, 3, 0, 4),
    values={
        "status": ["RETURNED", "PROCESSING", "RETURNED"],
        "received_at": [d("02/03/2021"), d("15/03/2021"), d("20/03/2021")],
    },
)

# OpenCPS "Báo cáo động" written by POI HSSF: "Hạn xử lý" is a countdown, "Chờ xử lý" a
# submission not yet accepted, the Trực tuyến column true/false.
OPENCPS_DYNAMIC = Layout(
    name="opencps-bao-cao-dong",
    profile="opencps",
    suffix=".xls",
    rows=[
        [
            "SỞ TƯ PHÁP\n--------------------------------",
            None,
            None,
            None,
            None,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        ],
        ["DANH SÁCH HỒ SƠ TIẾP NHẬN\nĐơn vị: Sở Tư pháp\nTừ ngày 1/3/2021 đến ngày 31/3/2021"],
        [
            "STT",
            "Mã hồ sơ",
            "Nội dung",
            "Chủ hồ sơ",
            "Ngày tiếp nhận",
            "Ngày hẹn trả",
            "Trạng thái",
            "Trực tuyến",
            "Hạn xử lý",
        ],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"],
        ["Sở Tư pháp ( 3 ) "],
        [
            "1",
            "STP.210302.00121",
            "Cấp bản sao trích lục hộ tịch",
            "TRẦN THỊ MAI",
            "02/03/2021 08:41:17",
            "04/03/2021 08:41:00",
            "Đã trả kết quả",
            "true",
            "Sớm hạn",
        ],
        [
            "2",
            "STP.210315.00187",
            "Đăng ký khai sinh",
            "LÊ VĂN HÙNG",
            "15/03/2021 14:05:52",
            "17/03/2021 14:05:00",
            "Đang xử lý",
            "false",
            "Còn 1.25 ngày",
        ],
        [
            "3",
            "STP.210330.00240",
            "Đăng ký kết hôn",
            "ĐỖ THỊ NGA",
            "30/03/2021 16:00:00",
            None,
            "Chờ xử lý",
            "true",
            None,
        ],
        [None, "NGƯỜI TIẾP NHẬN HỒ SƠ"],
        [None, "(Ký và ghi rõ họ tên)"],
    ],
    mapping={
        "dossier_code": "Mã hồ sơ",
        "procedure_name": "Nội dung",
        "applicant_name": "Chủ hồ sơ",
        "received_at": "Ngày tiếp nhận",
        "due_at": "Ngày hẹn trả",
        "status": "Trạng thái",
        "channel": "Trực tuyến",
    },
    ignored=("STT", "Hạn xử lý"),
    header_rows=(3,),
    accounting=(7, 3, 0, 4),
    values={
        "status": ["RETURNED", "PROCESSING", "NEW"],
        "channel": ["ONLINE", "DIRECT", "ONLINE"],
        "due_at": [d("04/03/2021 08:41:00"), d("17/03/2021 14:05:00"), None],
    },
)


def _html_xls(body: str, sheet: str = "Danh sách hồ sơ") -> str:
    """An HTML table saved as .xls, as the vendors' "Xuất Excel" writes it."""
    return (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel" '
        'xmlns="http://www.w3.org/TR/REC-html40"><head><!--[if gte mso 9]><xml><x:ExcelWorkbook>'
        f"<x:ExcelWorksheets><x:ExcelWorksheet><x:Name>{sheet}</x:Name>"
        "</x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]--></head>"
        f"<body><table>{body}</table></body></html>"
    )


def _tr(*cells: str, strong: bool = False) -> str:
    wrap = "<td><strong>{}</strong></td>" if strong else "<td>{}</td>"
    return "<tr>" + "".join(wrap.format(c) for c in cells) + "</tr>"


TANDAN_HEADER = [
    "STT",
    "Đơn vị tiếp nhận",
    "Tên thủ tục hành chính",
    "Mã hồ sơ",
    "Trạng thái",
    "Địa chỉ",
    "Người nộp",
    "Chủ hồ sơ",
    "Ngày nộp hồ sơ",
    "Ngày nhận",
    "Ngày hẹn trả",
    "Ngày kết thúc xử lý",
]
# Tân Dân "Danh sách hồ sơ": two empty rows, one header row of <td><strong>, national labels;
# "Người nộp" is the proxy who handed the dossier in.
TANDAN_LIST = Layout(
    name="tandan-danh-sach-ho-so",
    profile="tandan",
    suffix=".xls",
    html=_html_xls(
        '<tr><td colspan="9"><br /></td></tr><tr><td colspan="8"><strong></strong></td></tr>'
        + _tr(*TANDAN_HEADER, strong=True)
        + _tr(
            "1",
            "UBND xã Quảng Tâm",
            "Đăng ký khai sinh",
            "000.32.30.H56-240312-0005",
            "Đã trả kết quả",
            "Thôn 2, xã Quảng Tâm",
            "Lê Thị Hoa",
            "Lê Văn Nam",
            "12/03/2024 08:15:20",
            "12/03/2024 08:30:02",
            "13/03/2024 17:00:00",
            "12/03/2024 15:45:10",
        )
        + _tr(
            "2",
            "Sở Tư pháp tỉnh Thanh Hóa",
            "Cấp Phiếu lý lịch tư pháp",
            "000.00.15.H56-240311-0102",
            "Yêu cầu bổ sung giấy tờ",
            "45 Lê Lai",
            "Trịnh Văn Đức",
            "Trịnh Văn Đức",
            "11/03/2024 21:04:11",
            "12/03/2024 07:45:00",
            "21/03/2024 17:00:00",
            "",
        )
    ),
    mapping={
        "agency_name": "Đơn vị tiếp nhận",
        "procedure_name": "Tên thủ tục hành chính",
        "dossier_code": "Mã hồ sơ",
        "status": "Trạng thái",
        "applicant_address": "Địa chỉ",
        "applicant_name": "Chủ hồ sơ",
        "submitted_at": "Ngày nộp hồ sơ",
        "received_at": "Ngày nhận",
        "due_at": "Ngày hẹn trả",
        "completed_at": "Ngày kết thúc xử lý",
    },
    ignored=("STT", "Người nộp"),
    header_rows=(3,),
    accounting=(2, 2, 0, 0),
    values={
        "status": ["RETURNED", "SUPPLEMENT_REQUESTED"],
        "applicant_name": ["Lê Văn Nam", "Trịnh Văn Đức"],
        "received_at": [d("12/03/2024 08:30:02"), d("12/03/2024 07:45:00")],
    },
)

# Tân Dân "Sổ theo dõi hồ sơ": banner table, two-row header, "HH:mm, DD/MM/YYYY" received times.
TANDAN_BOOK = Layout(
    name="tandan-so-theo-doi",
    profile="tandan",
    suffix=".xls",
    html=_html_xls(
        '<tr><td colspan="5"><strong>UBND XÃ QUẢNG TÂM</strong></td><td colspan="8">'
        "<strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br/><u>Độc lập - Tự do - Hạnh phúc</u>"
        "</strong></td></tr>"
        '<tr><td colspan="13"><strong>SỔ THEO DÕI TÌNH HÌNH TIẾP NHẬN HỒ SƠ TTHC<br/>'
        "<i>(Từ ngày 01/04/2024 đến ngày 30/04/2024 )</i></strong></td></tr>"
        "<tr><p></p></tr>"
        '<tr><td rowspan="2"><strong>STT</strong></td><td rowspan="2"><strong>Mã hồ sơ</strong>'
        '</td><td rowspan="2"><strong>Nội dung hồ sơ</strong></td><td rowspan="2"><strong>Số '
        'lượng </strong><strong>(bộ)</strong></td><td rowspan="2"><strong>Họ tên chủ hồ sơ'
        '</strong></td><td rowspan="2"><strong>Địa chỉ chủ hồ sơ</strong></td>'
        '<td rowspan="2"><strong>Số điện thoại</strong></td><td colspan="2"><strong>Ngày, '
        'tháng, năm</strong></td><td colspan="3"><strong>Trả kết quả</strong></td>'
        '<td rowspan="2"><strong>Ghi chú</strong></td></tr>'
        "<tr><td><strong>Nhận hồ sơ</strong></td><td><strong>Hẹn trả kết quả</strong></td>"
        "<td><strong>Ngày nhận kết quả</strong></td><td><strong>Bên giao<br/><i>(Ký tên)</i>"
        "</strong></td><td><strong>Bên nhận<br/><i>(Ký tên)</i></strong></td></tr>"
        + _tr(
            "1",
            "000.31.29.H56-240405-0003",
            "Chứng thực bản sao từ bản chính",
            "1",
            "Phạm Thị Mai",
            "Xã Thiệu Giao",
            "0912345678",
            "09:12, 05/04/2024",
            "05/04/2024",
            "05/04/2024",
            "",
            "",
            "",
        )
        + _tr(
            "2",
            "000.31.29.H56-240408-0011",
            "Đăng ký khai sinh cho con",
            "1",
            "Nguyễn Văn Tú",
            "Xã Thiệu Giao",
            "0987000111",
            "14:30, 08/04/2024",
            "09/04/2024",
            "",
            "",
            "",
            "",
        )
    ),
    # The book has no procedure column ("Nội dung hồ sơ" is the dossier's summary): refused,
    # naming what it lacks (D2).
    missing=("procedure_code/procedure_name",),
)

# Tân Dân "phi địa giới" book (?type=thu-tuc): the procedure in "Thủ tục", "HH:mm, DD/MM/YYYY"
# received times, and "Ngày nhận kết quả" under "Ngày, tháng, năm", the completion date.
TANDAN_ELSEWHERE = Layout(
    name="tandan-phi-dia-gioi",
    profile="tandan",
    suffix=".xls",
    html=_html_xls(
        '<tr><td colspan="4"><strong>UBND XÃ THIỆU GIAO</strong></td><td colspan="6">'
        "<strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br/><u>Độc lập - Tự do - Hạnh phúc</u>"
        "</strong></td></tr>"
        '<tr><td colspan="10"><strong>SỔ THEO DÕI TÌNH HÌNH TIẾP NHẬN HỒ SƠ TTHC<br/>'
        "<i>(Từ ngày 01/04/2024 đến ngày 30/04/2024 )</i></strong></td></tr>"
        "<tr><p></p></tr>"
        '<tr><td rowspan="2"><strong>STT</strong></td><td rowspan="2"><strong>Mã hồ sơ</strong>'
        '</td><td rowspan="2"><strong>Thủ tục</strong></td><td rowspan="2"><strong>Nội dung hồ '
        'sơ</strong></td><td rowspan="2"><strong>Họ tên chủ hồ sơ</strong></td>'
        '<td rowspan="2"><strong>Địa chỉ chủ hồ sơ</strong></td><td rowspan="2"><strong>Số điện '
        'thoại</strong></td><td colspan="3"><strong>Ngày, tháng, năm</strong></td></tr>'
        "<tr><td><strong>Nhận hồ sơ</strong></td><td><strong>Hẹn trả kết quả</strong></td>"
        "<td><strong>Ngày nhận kết quả</strong></td></tr>"
        + _tr(
            "1",
            "000.31.29.H56-240405-0003",
            "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
            "Chứng thực 03 bản sao",
            "Phạm Thị Mai",
            "Xã Thiệu Giao",
            "0912345678",
            "09:12, 05/04/2024",
            "05/04/2024",
            "05/04/2024",
        )
        + _tr(
            "2",
            "000.31.29.H56-240408-0011",
            "Đăng ký khai sinh",
            "Khai sinh cho con",
            "Nguyễn Văn Tú",
            "Xã Thiệu Giao",
            "0987000111",
            "14:30, 08/04/2024",
            "09/04/2024",
            "",
        )
    ),
    mapping={
        "dossier_code": "Mã hồ sơ",
        "procedure_name": "Thủ tục",
        "applicant_name": "Họ tên chủ hồ sơ",
        "applicant_address": "Địa chỉ chủ hồ sơ",
        "applicant_phone": "Số điện thoại",
        "received_at": "Ngày, tháng, năm / Nhận hồ sơ",
        "due_at": "Ngày, tháng, năm / Hẹn trả kết quả",
        "completed_at": "Ngày, tháng, năm / Ngày nhận kết quả",
    },
    ignored=("STT", "Nội dung hồ sơ"),
    header_rows=(4, 5),
    accounting=(2, 2, 0, 0),
    values={
        "procedure_name": ["Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Đăng ký khai sinh"],
        "received_at": [datetime(2024, 4, 5, 9, 12), datetime(2024, 4, 8, 14, 30)],
        "completed_at": [datetime(2024, 4, 5), None],
    },
)

# iNet iOnegate "Danh sách hồ sơ bàn giao" (receiver's print list).
INET_PRINT = Layout(
    name="inet-danh-sach-ban-giao",
    profile="inet",
    suffix=".xls",
    html=_html_xls(
        '<tr><td colspan="5"><h3>Danh sách hồ sơ bàn giao</h3></td></tr>'
        '<tr><td colspan="5">Từ ngày: <b>01/03/2017</b> - Đến ngày: <b>31/03/2017</b></td></tr>'
        "<tr><th>Mã giao dịch</th><th>Tên hồ sơ</th><th>Người nộp hồ sơ</th>"
        "<th>Ngày tiếp nhận</th><th>Trạng thái</th></tr>"
        + _tr(
            "000.12.34.H19-170301-0005",
            "Cấp giấy chứng nhận đăng ký hộ kinh doanh",
            "Nguyễn Văn An",
            "01/03/2017",
            "Đã có kết quả",
        )
        + _tr(
            "000.12.34.H19-170302-0011",
            "Đăng ký khai sinh",
            "Trần Thị Bình",
            "02/03/2017",
            "Đang xử lý",
        )
        + _tr(
            "000.12.34.H19-170303-0019",
            "Đăng ký kết hôn",
            "Lê Văn Cường",
            "03/03/2017",
            "Đã trả cho công dân",
        )
        + _tr(
            "000.12.34.H19-170306-0023",
            "Chứng thực chữ ký",
            "Phạm Thị Dung",
            "06/03/2017",
            "Đã hoàn thành",
        )
    ),
    mapping={
        "dossier_code": "Mã giao dịch",
        "procedure_name": "Tên hồ sơ",
        "applicant_name": "Người nộp hồ sơ",
        "received_at": "Ngày tiếp nhận",
        "status": "Trạng thái",
    },
    header_rows=(3,),
    accounting=(4, 4, 0, 0),
    values={"status": ["COMPLETED", "PROCESSING", "RETURNED", "COMPLETED"]},
)

# PMNM Một cửa "BÁO CÁO HỒ SƠ MỘT CỬA …": Excel-2003 web page with banner, "Ðộc lập" written
# with U+00D0, a section label, abbreviated headers, d/m/yyyy dates, a two-person sign-off.
PMNM_REPORT = Layout(
    name="pmnm-baocaoHSMC",
    profile="pmnm",
    suffix=".xls",
    html=_html_xls(
        '<tr><td colspan="3">SỞ BAN NGÀNH NGHỆ AN</td><td></td><td></td>'
        '<td colspan="5">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</td></tr>'
        '<tr><td colspan="3"></td><td></td><td></td>'
        '<td colspan="5">\u00d0ộc lập - Tự do - Hạnh phúc</td></tr>'
        '<tr><td colspan="5"></td><td colspan="5">Nghệ An, ngày 15 tháng 04 năm 2013</td></tr>'
        '<tr><td colspan="10">BÁO CÁO HỒ SƠ MỘT CỬA ĐANG XỬ LÝ</td></tr>'
        '<tr><td colspan="10">TỪ NGÀY 1/4 ĐẾN NGÀY 15/4 NĂM 2013</td></tr>'
        '<tr><td colspan="10"><b>HỒ SƠ UBND CẤP</b></td></tr>'
        + _tr(
            "STT",
            "Số HS",
            "Loại hồ sơ",
            "Đơn vị cá nhân",
            "Địa chỉ",
            "Phường",
            "Ngày TN",
            "Ngày hẹn trả",
            "Phòng CM trả",
            "Ngày trả thực tế",
        )
        + _tr(
            "1",
            "1523",
            "Cấp giấy phép xây dựng nhà ở riêng lẻ",
            "Lê Văn Cường",
            "12 Lê Lợi",
            "Hưng Bình",
            "2/4/2013",
            "17/4/2013",
            "",
            "",
        )
        + _tr(
            "2",
            "1531",
            "Đăng ký kinh doanh hộ cá thể",
            "Phạm Thị Dung",
            "5 Nguyễn Du",
            "Lê Mao",
            "3/4/2013",
            "10/4/2013",
            "9/4/2013",
            "12/4/2013<br>Lý do không XL: chờ chủ hồ sơ",
        )
        + "<tr><td></td></tr>"
        + '<tr><td colspan="3"><b>Người nhận hồ sơ</b></td><td></td><td></td><td></td><td></td>'
        '<td colspan="3"><b>Người bàn giao hồ sơ</b></td></tr>'
        + "<tr><td></td></tr><tr><td></td></tr><tr><td></td></tr>"
        + '<tr><td colspan="7"></td><td colspan="3">Nguyễn Văn Cán Bộ</td></tr>',
        sheet="Sheet1",
    ),
    mapping={
        "dossier_code": "Số HS",
        "procedure_name": "Loại hồ sơ",
        "applicant_name": "Đơn vị cá nhân",
        "applicant_address": "Địa chỉ",
        "received_at": "Ngày TN",
        "due_at": "Ngày hẹn trả",
        "completed_at": "Phòng CM trả",
        "returned_at": "Ngày trả thực tế",
    },
    ignored=("STT", "Phường"),
    header_rows=(7,),
    # 2 dossiers, a blank row, the sign-off, 3 blank rows and the signer's name
    accounting=(8, 2, 0, 6),
    values={
        "received_at": [d("02/04/2013"), d("03/04/2013")],
        "completed_at": [None, d("09/04/2013")],
        "returned_at": [None, d("12/04/2013")],
    },
)

# The same report with its second section ("HỒ SƠ PHÒNG CẤP"): a second header that inserts
# "Ngày chuyển UB" before "Phòng CM trả"; the rows below it are read with their own header.
PMNM_TWO_SECTIONS = Layout(
    name="pmnm-hai-phan",
    profile="pmnm",
    suffix=".xls",
    html=_html_xls(
        '<tr><td colspan="10">BÁO CÁO HỒ SƠ MỘT CỬA ĐÃ THỤ LÝ</td></tr>'
        '<tr><td colspan="10"><b>HỒ SƠ UBND CẤP</b></td></tr>'
        + _tr(
            "STT",
            "Số HS",
            "Loại hồ sơ",
            "Đơn vị cá nhân",
            "Địa chỉ",
            "Phường",
            "Ngày TN",
            "Ngày hẹn trả",
            "Phòng CM trả",
            "Ngày trả thực tế",
        )
        + _tr(
            "1",
            "2001",
            "Cấp phép xây dựng",
            "Lê Văn A",
            "1 Lê Lợi",
            "Hưng Bình",
            "1/4/2013",
            "10/4/2013",
            "9/4/2013",
            "11/4/2013",
        )
        + '<tr><td colspan="11"><b>HỒ SƠ PHÒNG CẤP</b></td></tr>'
        + _tr(
            "STT",
            "Số HS",
            "Loại hồ sơ",
            "Đơn vị cá nhân",
            "Địa chỉ",
            "Phường",
            "Ngày TN",
            "Ngày hẹn trả",
            "Ngày chuyển UB",
            "Phòng CM trả",
            "Ngày trả thực tế",
        )
        + _tr(
            "1",
            "3001",
            "Đăng ký kinh doanh",
            "Trần Thị B",
            "2 Lê Lợi",
            "Lê Mao",
            "2/4/2013",
            "12/4/2013",
            "5/4/2013",
            "8/4/2013",
            "9/4/2013",
        )
        + _tr(
            "2",
            "3002",
            "Đăng ký kinh doanh",
            "Ngô Văn C",
            "3 Lê Lợi",
            "Lê Mao",
            "3/4/2013",
            "13/4/2013",
            "6/4/2013",
            "14/4/2013",
            "15/4/2013",
        ),
        sheet="Sheet1",
    ),
    mapping={
        "dossier_code": "Số HS",
        "procedure_name": "Loại hồ sơ",
        "applicant_name": "Đơn vị cá nhân",
        "applicant_address": "Địa chỉ",
        "received_at": "Ngày TN",
        "due_at": "Ngày hẹn trả",
        "completed_at": "Phòng CM trả",
        "returned_at": "Ngày trả thực tế",
    },
    ignored=("STT", "Phường"),
    header_rows=(3,),
    # 1 dossier, the section label, the second header, 2 dossiers
    accounting=(5, 3, 0, 2),
    values={
        "dossier_code": ["2001", "3001", "3002"],
        "completed_at": [d("09/04/2013"), d("08/04/2013"), d("14/04/2013")],
        "returned_at": [d("11/04/2013"), d("09/04/2013"), d("15/04/2013")],
    },
)

# e-PAR "Sổ tiếp nhận và trả kết quả" (PHPExcel Excel5): the book title in one merged cell.
EPAR_BOOK = Layout(
    name="epar-so-tiep-nhan",
    profile="epar",
    suffix=".xls",
    rows=[
        ["Sổ tiếp nhận và trả kết quả lĩnh vực tư pháp\nTừ ngày: 01-03-2015\nĐến ngày:31-03-2015"],
        [
            "TT",
            "Họ tên, địa chỉ người nộp hồ sơ",
            "Nội dung công việc cần giải quyết",
            "Người có trách nhiệm giải quyết",
            "Ngày nhận hồ sơ",
            "Ngày hẹn trả hồ sơ",
            "Ngày ký hồ sơ",
            "Người ký hồ sơ",
            "Ngày trả thực tế",
            "Ngày tổ chức, công dân ký nhận lại hồ sơ",
        ],
        [
            "1",
            "Hoàng Văn Em",
            "Chứng thực bản sao từ bản chính",
            "UBND Xã",
            "02-03-2015",
            "02-03-2015",
            "02-03-2015",
            "phochutich_a",
            "02-03-2015",
            None,
        ],
        [
            "2",
            "Lò Thị Phương",
            "Đăng ký khai sinh",
            "UBND Xã",
            "03-03-2015",
            "05-03-2015",
            "06-03-2015",
            "chutich_b",
            "06-03-2015",
            None,
        ],
    ],
    mapping={
        "applicant_name": "Họ tên, địa chỉ người nộp hồ sơ",
        "procedure_name": "Nội dung công việc cần giải quyết",
        "received_at": "Ngày nhận hồ sơ",
        "due_at": "Ngày hẹn trả hồ sơ",
        "completed_at": "Ngày ký hồ sơ",
        "returned_at": "Ngày trả thực tế",
    },
    ignored=(
        "TT",
        "Người có trách nhiệm giải quyết",
        "Người ký hồ sơ",
        "Ngày tổ chức, công dân ký nhận lại hồ sơ",
    ),
    header_rows=(2,),
    # The book has no dossier code (D2 requires one): refused, naming the column it lacks.
    missing=("dossier_code",),
)

# Đà Nẵng (OEP CMON) "BÁO CÁO TÌNH HÌNH TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ" (POI HSSF): "Ngày hẹn
# trả" holds the return date; a total line and two signers below.
CMON_REPORT = Layout(
    name="cmon-bao-cao-chi-tiet",
    profile="cmon",
    suffix=".xls",
    rows=[
        ["QUẬN LIÊN CHIỂU", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        [None, None, None, "Độc lập - Tự do - Hạnh phúc"],
        ["Liên Chiểu, ngày 14 tháng 10 năm 2014"],
        ["BÁO CÁO TÌNH HÌNH TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ"],
        ["Từ ngày: 01/09/2014 đến ngày: 30/09/2014"],
        [],
        [],
        [
            "STT",
            "Lĩnh vực",
            "Tên hồ sơ",
            "Số hồ sơ",
            "Trạng thái",
            "Địa chỉ",
            "Điện thoại",
            "Người nộp hồ sơ",
            "Chủ hồ sơ",
            "Ngày nhận",
            "Ngày hẹn trả",
            "Tình trạng\n hồ sơ",
            "Ghi chú",
        ],
        [
            "1",
            "Hộ tịch",
            "Đăng ký khai sinh",
            "0914LC000123",
            "Đã trả kết quả",
            "45 Âu Cơ",
            "0905123456",
            "Võ Thị Hoa",
            None,
            "03/09/2014",
            "05/09/2014",
            "Sớm hẹn",
            None,
        ],
        [
            "2",
            "Xây dựng",
            "Cấp phép xây dựng nhà ở",
            "0914LC000200",
            "Hồ sơ chuyển phòng chuyên môn",
            "12 Nguyễn Lương Bằng",
            "0935111222",
            "Đặng Văn Hùng",
            None,
            "10/09/2014",
            None,
            None,
            None,
        ],
        ["Tổng số hồ sơ", None, None, None, None, None, None, None, None, None, None, None, "2"],
        [],
        [None, "NGƯỜI LẬP", None, None, None, None, None, "NGƯỜI BÁO CÁO"],
        [],
        [],
        [],
        [None, "Nguyễn Thị Thu"],
    ],
    mapping={
        "field_name": "Lĩnh vực",
        "procedure_name": "Tên hồ sơ",
        "dossier_code": "Số hồ sơ",
        "status": "Trạng thái",
        "applicant_address": "Địa chỉ",
        "applicant_phone": "Điện thoại",
        "applicant_name": "Người nộp hồ sơ",
        "received_at": "Ngày nhận",
        "returned_at": "Ngày hẹn trả",
        "note": "Ghi chú",
    },
    ignored=("STT", "Chủ hồ sơ", "Tình trạng hồ sơ"),
    header_rows=(8,),
    accounting=(9, 2, 0, 7),
    values={
        "status": ["RETURNED", "PROCESSING"],
        "returned_at": [d("05/09/2014"), None],
    },
)

# A list whose status column carries Đà Nẵng's own numbers (0-19), with generic headers: the
# headers tie, the values decide (0, 15 and 19 are no national code).
CMON_NUMBERS = Layout(
    name="danang-trang-thai-so",
    profile="danang",
    suffix=".xlsx",
    rows=[
        ["Số hồ sơ", "Tên thủ tục", "Ngày tiếp nhận", "Trạng thái"],
        ["DN-001", "Cấp giấy chứng nhận cơ sở đủ điều kiện ATTP", "03/09/2020", "19"],
        ["DN-002", "Cấp giấy chứng nhận cơ sở đủ điều kiện ATTP", "04/09/2020", "15"],
        ["DN-003", "Cấp giấy chứng nhận cơ sở đủ điều kiện ATTP", "05/09/2020", "5"],
        ["DN-004", "Cấp giấy chứng nhận cơ sở đủ điều kiện ATTP", "06/09/2020", "6"],
        ["DN-005", "Cấp giấy chứng nhận cơ sở đủ điều kiện ATTP", "07/09/2020", "9"],
        ["DN-006", "Cấp giấy chứng nhận cơ sở đủ điều kiện ATTP", "08/09/2020", "0"],
    ],
    mapping={
        "dossier_code": "Số hồ sơ",
        "procedure_name": "Tên thủ tục",
        "received_at": "Ngày tiếp nhận",
        "status": "Trạng thái",
    },
    header_rows=(1,),
    accounting=(6, 6, 0, 0),
    values={
        "status": ["RECEIVED", "PROCESSING", "RETURNED", "COMPLETED", "AWAITING_PAYMENT", "NEW"],
    },
)

# The generic layout with words some vendors use too ("Người nộp hồ sơ", "Ngày gia hạn", "Tình
# trạng hồ sơ") but none of the headers that identify a vendor: read the generic way, with the
# generic meanings ("Chờ xử lý" an accepted dossier waiting), the footer skipped.
GENERIC_WITH_VENDOR_WORDS = Layout(
    name="chung-co-tu-cua-phan-mem",
    profile="base",
    suffix=".xlsx",
    rows=[
        ["UBND THỊ XÃ ĐỨC PHỔ"],
        ["DANH SÁCH HỒ SƠ TIẾP NHẬN THÁNG 3/2025"],
        [],
        [
            "STT",
            "Mã hồ sơ",
            "Tên thủ tục",
            "Người nộp hồ sơ",
            "Ngày tiếp nhận",
            "Ngày hẹn trả",
            "Ngày gia hạn",
            "Ngày trả kết quả",
            "Tình trạng hồ sơ",
            "Kênh thực hiện",
        ],
        [
            1,
            "H55-250303-0001",
            "Đăng ký khai sinh",
            "Nguyễn Văn A",
            "03/03/2025 08:00",
            "05/03/2025 17:00",
            None,
            "04/03/2025 10:00",
            "Đã trả kết quả",
            "Trực tuyến",
        ],
        [
            2,
            "H55-250304-0002",
            "Đăng ký kết hôn",
            "Trần Thị B",
            "04/03/2025 08:00",
            "10/03/2025 17:00",
            None,
            None,
            "Chờ xử lý",
            "Dịch vụ bưu chính công ích",
        ],
        [
            3,
            "H55-250305-0003",
            "Chứng thực bản sao",
            "Lê Văn C",
            "05/03/2025 08:00",
            "05/03/2025 17:00",
            None,
            "06/03/2025 09:00",
            "Đã trả kết quả",
            "Trực tiếp",
        ],
        ["Tổng cộng: 3 hồ sơ"],
        [None, None, None, None, None, "Đức Phổ, ngày 31 tháng 03 năm 2025"],
        [None, None, None, None, None, "Người lập biểu"],
    ],
    mapping={
        "dossier_code": "Mã hồ sơ",
        "procedure_name": "Tên thủ tục",
        "applicant_name": "Người nộp hồ sơ",
        "received_at": "Ngày tiếp nhận",
        "due_at": "Ngày hẹn trả",
        "returned_at": "Ngày trả kết quả",
        "status": "Tình trạng hồ sơ",
        "channel": "Kênh thực hiện",
    },
    ignored=("STT",),
    header_rows=(4,),
    accounting=(6, 3, 0, 3),
    values={
        "status": ["RETURNED", "PROCESSING", "RETURNED"],
        "channel": ["ONLINE", "POSTAL", "DIRECT"],
        "due_at": [d("05/03/2025 17:00"), d("10/03/2025 17:00"), d("05/03/2025 17:00")],
    },
)

# "Hạn xử lý" as the only deadline column: the generic layout reads it as the due date (a
# secondary header) and says so.
GENERIC_ONLY_DEADLINE = Layout(
    name="chung-han-xu-ly",
    profile="base",
    suffix=".xlsx",
    rows=[
        ["Mã hồ sơ", "Tên thủ tục", "Lĩnh vực", "Ngày tiếp nhận", "Hạn xử lý", "Trạng thái"],
        ["HS-01", "Đăng ký khai sinh", "Hộ tịch", "03/03/2025", "05/03/2025", "Đang xử lý"],
    ],
    mapping={
        "dossier_code": "Mã hồ sơ",
        "procedure_name": "Tên thủ tục",
        "field_name": "Lĩnh vực",
        "received_at": "Ngày tiếp nhận",
        "due_at": "Hạn xử lý",
        "status": "Trạng thái",
    },
    header_rows=(1,),
    accounting=(1, 1, 0, 0),
    values={"due_at": [d("05/03/2025")]},
    issues=("header.secondary_used",),
)

LAYOUTS = [
    GENERIC_WITH_VENDOR_WORDS,
    GENERIC_ONLY_DEADLINE,
    DVCQG,
    IGATE_LIST,
    IGATE_LOOKUP,
    OPENCPS_STATISTIC,
    OPENCPS_DYNAMIC,
    TANDAN_LIST,
    TANDAN_BOOK,
    TANDAN_ELSEWHERE,
    INET_PRINT,
    PMNM_REPORT,
    PMNM_TWO_SECTIONS,
    EPAR_BOOK,
    CMON_REPORT,
    CMON_NUMBERS,
]
