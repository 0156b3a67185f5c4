# ruff: noqa: E501  (hand-check tables: the docstring and the data rows are wider than code)
"""Hand-checked rows shared by the tests (not a test module): the golden dossier exports, the
short dossier rows of the timing and sharing tests, and a public units register. Every expected
number in a test is counted by hand from these rows; change a row and recount.

The golden dossiers (two monthly exports of 2025 and one of 2024):

code  file  agency       level     field       channel  received  due     end     status     fee     paid reuse share inter elec rating
A01   Feb   UBND xã X    commune   Hộ tịch     online   03/02     05/02   04/02   returned   0        -    x     x     -     -   Hài lòng
A02   Feb   Phòng TNMT   district  Đất đai     direct   10/02     20/02   25/02   returned   50000    -    -     -     x     x   Không hài lòng
A03   Feb   UBND xã X    commune   Chứng thực  online   26/02     04/03   (open)  processing 10000    x    x     -     -     -
A04   Feb   Phòng TNMT   district  Đất đai     online   27/02     14/03   (open)  processing 100000   x    x     x     x     -
A03   Mar   (same dossier, now ended 05/03, returned, rating Rất hài lòng) -> wins (D5)
A05   Mar   UBND xã Y    commune   Hộ tịch     online   03/03     04/03   04/03   returned   0        -    x     x     -     -   Rất hài lòng
A06   Mar   Phòng QLĐT   district  Xây dựng    direct   05/03     20/03   12/03   returned   75000    -    x     -     x     x   Hài lòng
A07   Mar   UBND xã Y    commune   Chứng thực  postal   10/03     11/03   (open)  processing 2000     -    -     -     -     -
A08   Mar   Phòng TNMT   district  Đất đai     online   20/03     10/04   (open)  processing 50000    x    x     x     x     x
A09   Mar   UBND xã X    commune   Hộ tịch     direct   25/03     26/03   (open)  withdrawn  0        -    -     -     -     -
A10   Mar   UBND xã X    commune   Hộ tịch     online   28/03     31/03   (open)  NEW (never received: counts nowhere)
2024: one commune and one district dossier a month; data shared 3/12 (commune), 4/12 (district).
"""

from __future__ import annotations

HEADER = [
    "Mã hồ sơ",
    "Tên thủ tục",
    "Lĩnh vực",
    "Đơn vị",
    "Cấp",
    "Kênh thực hiện",
    "Ngày tiếp nhận",
    "Ngày hẹn trả",
    "Ngày kết thúc xử lý",
    "Trạng thái",
    "Phí",
    "Thanh toán trực tuyến",
    "Tái sử dụng dữ liệu",
    "Kết nối chia sẻ dữ liệu",
    "Liên thông",
    "Luân chuyển điện tử",
    "Đánh giá",
]
X = "x"
# fmt: off
FEB = [
    ['A01', 'Khai sinh', 'Hộ tịch', 'UBND xã X', 'Cấp xã', 'Trực tuyến', '03/02/2025', '05/02/2025', '04/02/2025', 'Đã trả kết quả', 0, None, X, X, None, None, 'Hài lòng'],
    ['A02', 'Đăng ký biến động', 'Đất đai', 'Phòng TNMT', 'Cấp huyện', 'Trực tiếp', '10/02/2025', '20/02/2025', '25/02/2025', 'Đã trả kết quả', 50000, None, None, None, X, X, 'Không hài lòng'],
    ['A03', 'Chứng thực bản sao', 'Chứng thực', 'UBND xã X', 'Cấp xã', 'Trực tuyến', '26/02/2025', '04/03/2025', None, 'Đang xử lý', 10000, X, X, None, None, None, None],
    ['A04', 'Cấp GCN lần đầu', 'Đất đai', 'Phòng TNMT', 'Cấp huyện', 'Trực tuyến', '27/02/2025', '14/03/2025', None, 'Đang xử lý', 100000, X, X, X, X, None, None],
]
MAR = [
    ['A03', 'Chứng thực bản sao', 'Chứng thực', 'UBND xã X', 'Cấp xã', 'Trực tuyến', '26/02/2025', '04/03/2025', '05/03/2025', 'Đã trả kết quả', 10000, X, X, None, None, None, 'Rất hài lòng'],
    ['A05', 'Khai sinh', 'Hộ tịch', 'UBND xã Y', 'Cấp xã', 'Trực tuyến', '03/03/2025', '04/03/2025', '04/03/2025', 'Đã trả kết quả', 0, None, X, X, None, None, 'Rất hài lòng'],
    ['A06', 'Giấy phép xây dựng', 'Xây dựng', 'Phòng QLĐT', 'Cấp huyện', 'Trực tiếp', '05/03/2025', '20/03/2025', '12/03/2025', 'Đã trả kết quả', 75000, None, X, None, X, X, 'Hài lòng'],
    ['A07', 'Chứng thực chữ ký', 'Chứng thực', 'UBND xã Y', 'Cấp xã', 'Dịch vụ bưu chính', '10/03/2025', '11/03/2025', None, 'Đang xử lý', 2000, None, None, None, None, None, None],
    ['A08', 'Tách thửa', 'Đất đai', 'Phòng TNMT', 'Cấp huyện', 'Trực tuyến', '20/03/2025', '10/04/2025', None, 'Đang xử lý', 50000, X, X, X, X, X, None],
    ['A09', 'Khai sinh', 'Hộ tịch', 'UBND xã X', 'Cấp xã', 'Trực tiếp', '25/03/2025', '26/03/2025', None, 'Đã rút hồ sơ', 0, None, None, None, None, None, None],
    ['A10', 'Khai sinh', 'Hộ tịch', 'UBND xã X', 'Cấp xã', 'Trực tuyến', '28/03/2025', '31/03/2025', None, 'Mới đăng ký', 0, None, X, X, None, None, None],
]
# fmt: on


def _year_row(month: int, level: str, shared: bool) -> list[object]:
    day = f"{6:02d}/{month:02d}/2024"
    return [
        f"Y{month:02d}{level[-1]}",
        "Khai sinh",
        "Hộ tịch",
        "UBND xã X" if level == "Cấp xã" else "Phòng TNMT",
        level,
        "Trực tiếp",
        day,
        f"{8:02d}/{month:02d}/2024",
        f"{7:02d}/{month:02d}/2024",
        "Đã trả kết quả",
        0,
        None,
        None,
        X if shared else None,
        None,
        None,
        None,
    ]


# 2024, one dossier a month per level, so that the inputs cover the year (D9): communes share
# data in 3 of 12 (25 %), district offices in 4 of 12 (1/3).
YEAR_2024 = [_year_row(m, "Cấp xã", m in (1, 5, 9)) for m in range(1, 13)] + [
    _year_row(m, "Cấp huyện", m in (2, 4, 6, 8)) for m in range(1, 13)
]

# The header of a numbered list (STT first), as most one-stop exports start.
NUMBERED_HEADER = ["STT", "Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận", "Trạng thái"]

# Short dossier rows for the timing and data-sharing tests: the dates that decide timeliness
# (D7, supplement asked and supplied included), the level and the data-sharing mark.
TIMING_HEADER = [
    "Mã hồ sơ",
    "Tên thủ tục",
    "Cấp",
    "Kết nối chia sẻ dữ liệu",
    "Ngày tiếp nhận",
    "Ngày hẹn trả",
    "Ngày kết thúc xử lý",
    "Ngày yêu cầu bổ sung",
    "Ngày công dân bổ sung",
    "Trạng thái",
]


def timing_row(
    code,
    received,
    due=None,
    end=None,
    asked=None,
    supplied=None,
    status="Đang xử lý",
    level="Cấp huyện",
    shared=None,
) -> list[object]:
    """One row under TIMING_HEADER: a birth registration, open at district level by default."""
    return [code, "Khai sinh", level, shared, received, due, end, asked, supplied, status]


# A public units register (đơn vị sự nghiệp): payroll 20 in 2021, 18 in 2024; only U1 in 2025.
UNITS = [
    ["Tên đơn vị sự nghiệp", "Năm", "Mức tự chủ", "Biên chế hưởng lương từ NSNN"],
    ["U1", 2021, "Nhóm 4", 10],
    ["U2", 2021, "Nhóm 4", 10],
    ["U1", 2024, "Nhóm 4", 9],
    ["U2", 2024, "Nhóm 3", 9],
    ["U1", 2025, "Nhóm 3", 8],
]
