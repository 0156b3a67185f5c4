"""Seeded synthetic one-stop-shop exports of a town (Đức Phổ-like), in several vendor layouts.

Used for `sample_data/`, the tests' larger fixtures and the benchmarks. Everything is made up:
names, phone numbers and dossier codes are random.
"""

from __future__ import annotations

import calendar
import csv
import html
import io
import random
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path

TOWN = "THỊ XÃ ĐỨC PHỔ"

# (name, admin level, agency code prefix)
UNITS: list[tuple[str, str, str]] = [
    ("UBND phường Nguyễn Nghiêm", "Cấp xã", "000.31.32.H48"),
    ("UBND phường Phổ Hòa", "Cấp xã", "000.32.32.H48"),
    ("UBND phường Phổ Minh", "Cấp xã", "000.33.32.H48"),
    ("UBND phường Phổ Văn", "Cấp xã", "000.34.32.H48"),
    ("UBND phường Phổ Quang", "Cấp xã", "000.35.32.H48"),
    ("UBND phường Phổ Ninh", "Cấp xã", "000.36.32.H48"),
    ("UBND xã Phổ Phong", "Cấp xã", "000.37.32.H48"),
    ("UBND xã Phổ Nhơn", "Cấp xã", "000.38.32.H48"),
    ("UBND xã Phổ Thuận", "Cấp xã", "000.39.32.H48"),
    ("UBND xã Phổ Khánh", "Cấp xã", "000.40.32.H48"),
    ("Phòng Tài nguyên và Môi trường", "Cấp huyện", "000.10.32.H48"),
    ("Phòng Quản lý đô thị", "Cấp huyện", "000.11.32.H48"),
    ("Phòng Tư pháp", "Cấp huyện", "000.12.32.H48"),
    ("Phòng Tài chính - Kế hoạch", "Cấp huyện", "000.13.32.H48"),
    ("Phòng Lao động - Thương binh và Xã hội", "Cấp huyện", "000.14.32.H48"),
]


@dataclass(frozen=True)
class Procedure:
    code: str
    name: str
    field: str
    level: str  # "Cấp xã" or "Cấp huyện"
    days: int  # statutory working days
    fee: int
    service: str  # "Toàn trình" / "Một phần" / "Mức độ 2"
    inter_agency: bool = False


PROCEDURES: list[Procedure] = [
    Procedure(
        "2.000815",
        "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
        "Chứng thực",
        "Cấp xã",
        1,
        2000,
        "Một phần",
    ),
    Procedure(
        "2.000884",
        "Chứng thực chữ ký trong các giấy tờ, văn bản",
        "Chứng thực",
        "Cấp xã",
        1,
        10000,
        "Một phần",
    ),
    Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch", "Cấp xã", 1, 0, "Toàn trình"),
    Procedure("1.000894", "Đăng ký kết hôn", "Hộ tịch", "Cấp xã", 3, 0, "Một phần"),
    Procedure("1.000656", "Đăng ký khai tử", "Hộ tịch", "Cấp xã", 1, 0, "Toàn trình"),
    Procedure(
        "2.000635", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", "Cấp xã", 1, 8000, "Toàn trình"
    ),
    Procedure("1.001699", "Xác nhận thông tin hộ tịch", "Hộ tịch", "Cấp xã", 3, 15000, "Một phần"),
    Procedure(
        "1.003005",
        "Trợ cấp xã hội hàng tháng đối với đối tượng bảo trợ xã hội",
        "Bảo trợ xã hội",
        "Cấp xã",
        10,
        0,
        "Một phần",
        True,
    ),
    Procedure(
        "1.004227",
        "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
        "Đất đai",
        "Cấp huyện",
        10,
        50000,
        "Một phần",
        True,
    ),
    Procedure(
        "1.004203",
        "Cấp Giấy chứng nhận quyền sử dụng đất lần đầu",
        "Đất đai",
        "Cấp huyện",
        30,
        100000,
        "Một phần",
        True,
    ),
    Procedure(
        "1.010010",
        "Tách thửa hoặc hợp thửa đất",
        "Đất đai",
        "Cấp huyện",
        15,
        50000,
        "Một phần",
        True,
    ),
    Procedure(
        "1.009994",
        "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        "Xây dựng",
        "Cấp huyện",
        15,
        75000,
        "Toàn trình",
    ),
    Procedure(
        "1.009996",
        "Cấp giấy phép sửa chữa, cải tạo công trình",
        "Xây dựng",
        "Cấp huyện",
        15,
        75000,
        "Toàn trình",
    ),
    Procedure(
        "2.000575",
        "Đăng ký thành lập hộ kinh doanh",
        "Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)",
        "Cấp huyện",
        3,
        100000,
        "Toàn trình",
    ),
    Procedure(
        "1.001612",
        "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh",
        "Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)",
        "Cấp huyện",
        3,
        50000,
        "Toàn trình",
    ),
    Procedure(
        "1.009645",
        "Quyết định chủ trương đầu tư dự án",
        "Đầu tư tại Việt Nam",
        "Cấp huyện",
        20,
        0,
        "Một phần",
    ),
    Procedure(
        "2.001157",
        "Cấp bản sao có chứng thực từ sổ gốc",
        "Chứng thực",
        "Cấp huyện",
        1,
        3000,
        "Một phần",
    ),
    Procedure(
        "1.001776",
        "Chuyển trường đối với học sinh trung học cơ sở",
        "Giáo dục và Đào tạo",
        "Cấp huyện",
        3,
        0,
        "Toàn trình",
    ),
    Procedure(
        "1.002252",
        "Giải quyết chế độ trợ cấp một lần đối với người có công",
        "Người có công",
        "Cấp huyện",
        12,
        0,
        "Một phần",
        True,
    ),
]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Đức", "Thanh", "Quốc", "Thu"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hà",
    "Hải",
    "Hoa",
    "Hùng",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Phúc",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Vy",
]
VILLAGES = [
    "Tổ dân phố 1",
    "Tổ dân phố 3",
    "Thôn An Thạch",
    "Thôn Vĩnh Xuân",
    "Khu phố 2",
    "Thôn Hiệp An",
    "Thôn Trung Tân",
]

STATUS_LABEL = {
    "RECEIVED": "Đã tiếp nhận",
    "PROCESSING": "Đang xử lý",
    "SUPPLEMENT_REQUESTED": "Chờ bổ sung hồ sơ",
    "AWAITING_PAYMENT": "Chờ thực hiện NVTC",
    "WITHDRAWN": "Đã rút hồ sơ",
    "STOPPED": "Dừng xử lý",
    "COMPLETED": "Có kết quả",
    "RETURNED": "Đã trả kết quả",
}
STATUS_NUMBER = {
    "RECEIVED": "2",
    "PROCESSING": "4",
    "SUPPLEMENT_REQUESTED": "5",
    "AWAITING_PAYMENT": "6",
    "WITHDRAWN": "7",
    "STOPPED": "8",
    "COMPLETED": "9",
    "RETURNED": "10",
}
RATINGS = ["Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng"]


@dataclass
class Dossier:
    """A synthetic dossier with everything any layout may show."""

    code: str
    procedure: Procedure
    unit: tuple[str, str, str]
    channel: str
    submitted_at: datetime
    received_at: datetime
    due_at: datetime
    original_due_at: datetime | None
    completed_at: datetime | None
    returned_at: datetime | None
    supplement_requested_at: datetime | None
    supplement_received_at: datetime | None
    supplement_count: int
    rejected_at: datetime | None
    status: str
    fee: int
    paid_online: bool
    reused_data: bool
    data_shared: bool
    inter_agency: bool
    inter_agency_electronic: bool
    rating: str | None
    applicant: str
    address: str
    phone: str
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def as_of(self, moment: datetime) -> Dossier:
        """The record as an export made at `moment` shows it (later events not yet happened)."""
        state = replace(self)
        if state.completed_at and state.completed_at > moment:
            state.completed_at = None
            state.returned_at = None
            state.rating = None
            state.status = "PROCESSING"
            asked = self.supplement_requested_at and self.supplement_requested_at <= moment
            answered = self.supplement_received_at and self.supplement_received_at <= moment
            if asked and not answered:
                state.status = "SUPPLEMENT_REQUESTED"
        elif state.returned_at and state.returned_at > moment:
            state.returned_at = None
            state.status = "COMPLETED"
        if state.rejected_at and state.rejected_at > moment:
            state.rejected_at = None
            state.status = "PROCESSING"
        if state.supplement_received_at and state.supplement_received_at > moment:
            state.supplement_received_at = None
        if state.supplement_requested_at and state.supplement_requested_at > moment:
            state.supplement_requested_at = None
            state.supplement_count = 0
        return state


def add_working_days(start: datetime, days: int) -> datetime:
    """`days` working days after `start` (Saturdays and Sundays skipped), due at 17:00."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current.replace(hour=17, minute=0, second=0)


def _working_moment(rng: random.Random, day: date) -> datetime:
    minute = rng.randint(7 * 60 + 30, 16 * 60 + 45)
    return datetime(day.year, day.month, day.day, minute // 60, minute % 60, rng.randint(0, 59))


def simulate(
    seed: int,
    months: list[str],
    per_month: int,
    data_shared: tuple[float, float] = (0.62, 0.48),
) -> list[Dossier]:
    """Dossiers received in the given months (`YYYY-MM`), about `per_month` each.

    `data_shared` is the share of dossiers using shared data at (commune, district) level.
    """
    rng = random.Random(seed)
    dossiers: list[Dossier] = []
    serial = 0
    for month in months:
        year, mon = map(int, month.split("-"))
        days = [date(year, mon, d) for d in range(1, calendar.monthrange(year, mon)[1] + 1)]
        working = [d for d in days if d.weekday() < 5]
        for _ in range(per_month):
            serial += 1
            procedure = rng.choice(PROCEDURES)
            units = [u for u in UNITS if u[1] == procedure.level]
            unit = rng.choice(units)
            received = _working_moment(rng, rng.choice(working))
            online_share = 0.75 if procedure.service == "Toàn trình" else 0.45
            roll = rng.random()
            channel = (
                "Trực tuyến"
                if roll < online_share
                else ("Dịch vụ bưu chính" if roll < online_share + 0.04 else "Trực tiếp")
            )
            submitted = (
                received - timedelta(minutes=rng.randint(0, 600))
                if channel == "Trực tuyến"
                else received
            )
            due = add_working_days(received, procedure.days)
            dossier = Dossier(
                code=f"{unit[2]}-{received:%y%m%d}-{serial:04d}",
                procedure=procedure,
                unit=unit,
                channel=channel,
                submitted_at=submitted,
                received_at=received,
                due_at=due,
                original_due_at=None,
                completed_at=None,
                returned_at=None,
                supplement_requested_at=None,
                supplement_received_at=None,
                supplement_count=0,
                rejected_at=None,
                status="PROCESSING",
                fee=procedure.fee,
                paid_online=False,
                reused_data=rng.random() < 0.83,
                data_shared=False,
                inter_agency=procedure.inter_agency,
                inter_agency_electronic=False,
                rating=None,
                applicant=f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
                address=f"{rng.choice(VILLAGES)}, {unit[0].split(' ', 2)[-1]}",
                phone="0" + "".join(str(rng.randint(0, 9)) for _ in range(9)),
            )
            level_share = data_shared[0] if unit[1] == "Cấp xã" else data_shared[1]
            dossier.data_shared = rng.random() < level_share
            dossier.inter_agency_electronic = dossier.inter_agency and rng.random() < 0.85
            if dossier.fee and channel == "Trực tuyến":
                dossier.paid_online = rng.random() < 0.7
            fate = rng.random()
            span = (due - received).total_seconds()
            if fate < 0.02:
                dossier.status = "WITHDRAWN"
                dossier.completed_at = None
            elif fate < 0.04:
                dossier.status = "STOPPED"
                dossier.rejected_at = received + timedelta(seconds=span * rng.random())
            else:
                if rng.random() < 0.08:
                    dossier.supplement_requested_at = received + timedelta(
                        seconds=span * rng.uniform(0.1, 0.5)
                    )
                    dossier.supplement_received_at = dossier.supplement_requested_at + timedelta(
                        days=rng.randint(1, 6), hours=rng.randint(0, 5)
                    )
                    dossier.supplement_count = 1 if rng.random() < 0.85 else 2
                    dossier.original_due_at = due
                    dossier.due_at = add_working_days(
                        dossier.supplement_received_at, procedure.days
                    )
                lateness = rng.random()
                if lateness < 0.55:
                    finish = received + timedelta(seconds=span * rng.uniform(0.2, 0.9))
                elif lateness < 0.96:
                    finish = due.replace(hour=rng.randint(8, 16))
                else:
                    finish = add_working_days(due, rng.randint(1, 4)).replace(hour=10)
                if dossier.supplement_received_at and dossier.supplement_requested_at:
                    finish += dossier.supplement_received_at - dossier.supplement_requested_at
                dossier.completed_at = finish
                dossier.returned_at = finish + timedelta(hours=rng.randint(1, 30))
                dossier.status = "RETURNED"
                if rng.random() < 0.7:
                    dossier.rating = rng.choices(RATINGS, weights=[50, 43, 5, 2])[0]
                if dossier.completed_at > due:
                    dossier.note = "Trễ hạn do phải xác minh thực địa"
            dossiers.append(dossier)
    return dossiers


def month_end(month: str) -> datetime:
    """23:59:59 on the last day of `YYYY-MM`."""
    year, mon = map(int, month.split("-"))
    return datetime(year, mon, calendar.monthrange(year, mon)[1], 23, 59, 59)


def month_start(month: str) -> datetime:
    year, mon = map(int, month.split("-"))
    return datetime(year, mon, 1)


def handled_in(dossiers: list[Dossier], month: str) -> Iterator[Dossier]:
    """Dossiers received in the month or carried over into it, as exported at its end."""
    start, end = month_start(month), month_end(month)
    for d in dossiers:
        if d.received_at > end:
            continue
        ended = d.completed_at or d.returned_at or d.rejected_at
        if d.received_at >= start or ended is None or ended >= start:
            if d.received_at < start and d.status == "WITHDRAWN":
                continue
            yield d.as_of(end)


# ---------------------------------------------------------------------------------------------
# Vendor A: .xlsx with banner, title, period line, a 2-row merged header, a column-number row,
# unit section titles, a total line and a signature block.

VENDOR_A_COLUMNS: list[tuple[str | None, str]] = [
    (None, "STT"),
    (None, "Mã hồ sơ"),
    ("Thủ tục hành chính", "Mã TTHC"),
    ("Thủ tục hành chính", "Tên thủ tục"),
    (None, "Lĩnh vực"),
    (None, "Đơn vị tiếp nhận"),
    (None, "Cấp thực hiện"),
    (None, "Kênh thực hiện"),
    (None, "Mức độ DVC"),
    ("Ngày, tháng, năm", "Ngày nộp"),
    ("Ngày, tháng, năm", "Ngày tiếp nhận"),
    ("Ngày, tháng, năm", "Ngày hẹn trả"),
    ("Ngày, tháng, năm", "Ngày hẹn trả ban đầu"),
    ("Ngày, tháng, năm", "Ngày kết thúc xử lý"),
    ("Ngày, tháng, năm", "Ngày trả kết quả"),
    ("Bổ sung hồ sơ", "Ngày yêu cầu bổ sung"),
    ("Bổ sung hồ sơ", "Ngày công dân bổ sung"),
    ("Bổ sung hồ sơ", "Số lần bổ sung"),
    (None, "Ngày từ chối"),
    (None, "Trạng thái"),
    (None, "Phí, lệ phí"),
    (None, "Thanh toán trực tuyến"),
    (None, "Tái sử dụng dữ liệu"),
    (None, "Kết nối chia sẻ dữ liệu"),
    (None, "Liên thông"),
    (None, "Luân chuyển điện tử"),
    (None, "Đánh giá"),
    (None, "Chủ hồ sơ"),
    (None, "Số điện thoại"),
    (None, "Ghi chú"),
]


def _date_cell(rng: random.Random, value: datetime | None, text_share: float) -> object:
    """Mixed date forms in one column, as officers' re-saved files have them."""
    if value is None:
        return None
    roll = rng.random()
    if roll < text_share:
        return value.strftime("%d/%m/%Y %H:%M") if value.hour else value.strftime("%d/%m/%Y")
    if roll < text_share * 1.3:
        serial = (value - datetime(1899, 12, 30)).total_seconds() / 86400
        return round(serial, 6)
    return value


def vendor_a_row(rng: random.Random, number: int, d: Dossier, text_share: float) -> list[object]:
    def yes(flag: bool) -> str | None:
        return "x" if flag else None

    return [
        number,
        d.code,
        d.procedure.code,
        d.procedure.name,
        d.procedure.field,
        d.unit[0],
        d.unit[1],
        d.channel,
        d.procedure.service,
        _date_cell(rng, d.submitted_at, text_share),
        _date_cell(rng, d.received_at, text_share),
        _date_cell(rng, d.due_at, text_share),
        _date_cell(rng, d.original_due_at, text_share),
        _date_cell(rng, d.completed_at, text_share),
        _date_cell(rng, d.returned_at, text_share),
        _date_cell(rng, d.supplement_requested_at, text_share),
        _date_cell(rng, d.supplement_received_at, text_share),
        d.supplement_count or None,
        _date_cell(rng, d.rejected_at, text_share),
        STATUS_LABEL[d.status],
        d.fee or None,
        yes(d.paid_online),
        yes(d.reused_data),
        yes(d.data_shared),
        yes(d.inter_agency),
        yes(d.inter_agency_electronic),
        d.rating,
        d.applicant,
        d.phone,
        d.note or None,
    ]


def write_vendor_a(
    dossiers: list[Dossier],
    path: Path,
    month: str,
    seed: int,
    bad_rows: list[list[object]] | None = None,
    first_month: str | None = None,
) -> None:
    """The .xlsx layout of vendor A, grouped by unit with section titles; the period line runs
    from `first_month` (default: `month`) to the end of `month`."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    rng = random.Random(seed)
    width = len(VENDOR_A_COLUMNS)
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách hồ sơ"
    start, end = month_start(first_month or month), month_end(month)
    ws.append([f"UBND {TOWN}"] + [None] * 17 + ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    ws.append(["BỘ PHẬN MỘT CỬA"] + [None] * 17 + ["Độc lập - Tự do - Hạnh phúc"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=6)
    ws.merge_cells(start_row=1, start_column=19, end_row=1, end_column=width)
    ws.merge_cells(start_row=2, start_column=19, end_row=2, end_column=width)
    ws.append([])
    ws.append(["DANH SÁCH HỒ SƠ TIẾP NHẬN VÀ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"])
    ws.merge_cells(start_row=4, start_column=1, end_row=4, end_column=width)
    ws.append([f"(Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y})"])
    ws.merge_cells(start_row=5, start_column=1, end_row=5, end_column=width)
    ws.append([])
    top = [group for group, _ in VENDOR_A_COLUMNS]
    leaves = [leaf for _, leaf in VENDOR_A_COLUMNS]
    ws.append([g if g else leaf for g, leaf in zip(top, leaves, strict=True)])
    ws.append([leaf if g else None for g, leaf in zip(top, leaves, strict=True)])
    header_top = 7
    col = 1
    while col <= width:
        group = top[col - 1]
        if group is None:
            ws.merge_cells(
                start_row=header_top, start_column=col, end_row=header_top + 1, end_column=col
            )
            col += 1
            continue
        span = 1
        while col + span <= width and top[col + span - 1] == group:
            span += 1
        for c in range(col + 1, col + span):
            ws.cell(header_top, c).value = None
        ws.merge_cells(
            start_row=header_top, start_column=col, end_row=header_top, end_column=col + span - 1
        )
        col += span
    ws.append([f"({i})" for i in range(1, width + 1)])
    for row in ws.iter_rows(min_row=header_top, max_row=header_top + 2):
        for cell in row:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    number = 0
    by_unit: dict[str, list[Dossier]] = {}
    for d in dossiers:
        by_unit.setdefault(d.unit[0], []).append(d)
    roman = [
        "I",
        "II",
        "III",
        "IV",
        "V",
        "VI",
        "VII",
        "VIII",
        "IX",
        "X",
        "XI",
        "XII",
        "XIII",
        "XIV",
        "XV",
        "XVI",
    ]
    for index, (unit, items) in enumerate(sorted(by_unit.items())):
        ws.append([roman[index], unit.upper()])
        ws.merge_cells(start_row=ws.max_row, start_column=2, end_row=ws.max_row, end_column=width)
        for d in sorted(items, key=lambda x: x.received_at):
            number += 1
            ws.append(vendor_a_row(rng, number, d, 0.12))
    for bad in bad_rows or []:
        number += 1
        ws.append([number, *bad])
    ws.append([])
    ws.append(["Tổng cộng", None, None, None, None, None, None, None, None, None, number])
    ws.append([])
    place = f"Đức Phổ, ngày {end.day + 0:02d} tháng {end.month:02d} năm {end.year}"
    ws.append([None] * 18 + [place])
    ws.append([None, "NGƯỜI LẬP BIỂU"] + [None] * 16 + ["THỦ TRƯỞNG ĐƠN VỊ"])
    ws.append([None, "(Ký, ghi rõ họ tên)"] + [None] * 16 + ["(Ký tên, đóng dấu)"])
    ws.append([])
    ws.append([None, "Trần Thị Thu Hà"] + [None] * 16 + ["Nguyễn Văn Lâm"])
    for column, cell_width in zip(
        "ABCDEFGHIJ", (6, 26, 10, 40, 18, 28, 10, 14, 12, 17), strict=True
    ):
        ws.column_dimensions[column].width = cell_width
    ws.freeze_panes = "C10"
    wb.save(path)


# ---------------------------------------------------------------------------------------------
# Vendor B: an HTML table saved as .xls (UTF-8 BOM, Office namespaces, rowspan/colspan headers,
# mso-number-format text cells), with national numeric status codes.

VENDOR_B_HEADER = [
    # (top text, colspan, rowspan, leaves)
    ("STT", 1, 2, []),
    ("Số hồ sơ", 1, 2, []),
    ("Thông tin thủ tục", 3, 1, ["Mã TTHC", "Tên TTHC", "Tên lĩnh vực"]),
    ("Cơ quan thực hiện", 1, 2, []),
    ("Cấp", 1, 2, []),
    ("Hình thức nộp", 1, 2, []),
    ("Mức độ", 1, 2, []),
    (
        "Thời gian",
        5,
        1,
        ["Ngày nhận", "Hạn xử lý", "Ngày hẹn trả trước", "Ngày có kết quả", "Ngày trả"],
    ),
    ("Bổ sung", 3, 1, ["Ngày yêu cầu bổ sung", "Ngày bổ sung", "Số lần bổ sung"]),
    ("Ngày dừng xử lý", 1, 2, []),
    ("Tình trạng", 1, 2, []),
    ("Lệ phí", 1, 2, []),
    ("Đã thanh toán trực tuyến", 1, 2, []),
    ("Không phải cung cấp lại", 1, 2, []),
    ("Sử dụng dữ liệu kết nối", 1, 2, []),
    ("Hồ sơ liên thông", 1, 2, []),
    ("Liên thông điện tử", 1, 2, []),
    ("Mức độ hài lòng", 1, 2, []),
    ("Người nộp", 1, 2, []),
    ("Địa chỉ", 1, 2, []),
]


def _html_date(value: datetime | None) -> str:
    return value.strftime("%d/%m/%Y %H:%M:%S") if value else ""


def vendor_b_cells(number: int, d: Dossier) -> list[str]:
    def yes(flag: bool) -> str:
        return "Có" if flag else "Không"

    level = "Xã" if d.unit[1] == "Cấp xã" else "Huyện"
    return [
        str(number),
        d.code,
        d.procedure.code,
        d.procedure.name,
        d.procedure.field,
        d.unit[0],
        level,
        {"Trực tuyến": "2", "Trực tiếp": "1", "Dịch vụ bưu chính": "3"}[d.channel],
        {"Toàn trình": "4", "Một phần": "3"}.get(d.procedure.service, "2"),
        _html_date(d.received_at),
        _html_date(d.due_at),
        _html_date(d.original_due_at),
        _html_date(d.completed_at),
        _html_date(d.returned_at),
        _html_date(d.supplement_requested_at),
        _html_date(d.supplement_received_at),
        str(d.supplement_count) if d.supplement_count else "",
        _html_date(d.rejected_at),
        STATUS_NUMBER[d.status],
        f"{d.fee:,}".replace(",", ".") if d.fee else "",
        yes(d.paid_online),
        yes(d.reused_data),
        yes(d.data_shared),
        yes(d.inter_agency),
        yes(d.inter_agency_electronic),
        d.rating or "",
        d.applicant,
        d.address,
    ]


def write_vendor_b(
    dossiers: list[Dossier], path: Path, month: str, bad_rows: list[list[str]] | None = None
) -> None:
    """The HTML-as-.xls layout of vendor B."""
    start, end = month_start(month), month_end(month)
    width = sum(span for _, span, _, _ in VENDOR_B_HEADER)
    out = io.StringIO()
    out.write(
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel" '
        'xmlns="http://www.w3.org/TR/REC-html40">\n<head><meta charset="utf-8">'
        '<style>.text{mso-number-format:"\\@";}</style></head>\n<body>\n'
    )
    out.write("<table>\n")
    out.write(
        f'<tr><td colspan="5"><b>UBND {TOWN}</b></td><td colspan="{width - 5}" '
        'align="center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>'
        "Độc lập - Tự do - Hạnh phúc</td></tr>\n"
    )
    out.write(
        f'<tr><td colspan="{width}" align="center"><b>DANH SÁCH HỒ SƠ THEO DÕI</b></td></tr>\n'
    )
    out.write(
        f'<tr><td colspan="{width}" align="center"><i>Từ ngày {start:%d/%m/%Y} đến ngày '
        f"{end:%d/%m/%Y}</i></td></tr>\n"
    )
    out.write('</table>\n<table border="1">\n<tr>')
    for text, colspan, rowspan, _ in VENDOR_B_HEADER:
        out.write(f'<th colspan="{colspan}" rowspan="{rowspan}">{html.escape(text)}</th>')
    out.write("</tr>\n<tr>")
    for _, _, _, leaves in VENDOR_B_HEADER:
        for leaf in leaves:
            out.write(f"<th>{html.escape(leaf)}</th>")
    out.write("</tr>\n")
    rows = [vendor_b_cells(i, d) for i, d in enumerate(dossiers, start=1)]
    rows += [[str(len(rows) + i), *bad] for i, bad in enumerate(bad_rows or [], start=1)]
    for cells in rows:
        out.write("<tr>")
        for index, cell in enumerate(cells):
            css = ' class="text"' if index in (1, 2) or cell.startswith("0") else ""
            out.write(f"<td{css}>{html.escape(cell)}</td>")
        out.write("</tr>\n")
    out.write(f'<tr><td colspan="9"><b>Tổng số: {len(rows)} hồ sơ</b></td></tr>\n</table>\n')
    out.write(
        f"<p>Đức Phổ, ngày {end.day:02d} tháng {end.month:02d} năm {end.year}</p>\n"
        "<p>Người lập biểu</p>\n</body></html>\n"
    )
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


# ---------------------------------------------------------------------------------------------
# Vendor C: a commune's CSV with headers written without diacritics, `;` delimiter, UTF-8 BOM.

VENDOR_C_HEADER = [
    "Ma ho so",
    "Ma thu tuc",
    "Ten thu tuc",
    "Linh vuc",
    "Don vi",
    "Kenh thuc hien",
    "Ngay tiep nhan",
    "Ngay hen tra",
    "Ngay ket thuc xu ly",
    "Ngay tra ket qua",
    "Trang thai",
    "Phi",
    "Thanh toan truc tuyen",
    "Tai su dung du lieu",
    "Ket noi chia se du lieu",
    "Danh gia",
]


def write_vendor_c(dossiers: list[Dossier], path: Path, month: str) -> None:
    """A unit-level CSV export (Excel's "CSV UTF-8", semicolon list separator)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([f"BÁO CÁO HỒ SƠ THÁNG {month[5:]}/{month[:4]}"])
    writer.writerow(VENDOR_C_HEADER)
    for d in dossiers:
        writer.writerow(
            [
                d.code,
                d.procedure.code,
                d.procedure.name,
                d.procedure.field,
                d.unit[0],
                d.channel,
                d.received_at.strftime("%d/%m/%Y %H:%M"),
                d.due_at.strftime("%d/%m/%Y %H:%M"),
                d.completed_at.strftime("%d/%m/%Y %H:%M") if d.completed_at else "",
                d.returned_at.strftime("%d/%m/%Y %H:%M") if d.returned_at else "",
                STATUS_LABEL[d.status],
                d.fee or "",
                "1" if d.paid_online else "0",
                "1" if d.reused_data else "0",
                "1" if d.data_shared else "0",
                d.rating or "",
            ]
        )
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


def write_vendor_a_large(dossiers: list[Dossier], path: Path, month: str, seed: int) -> None:
    """Vendor A's layout for benchmark-size files: streamed (openpyxl write-only), so no merged
    cells; cchc does not read xlsx merges anyway (it spreads group headings itself)."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    width = len(VENDOR_A_COLUMNS)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách hồ sơ")
    start, end = month_start(month), month_end(month)
    ws.append([f"UBND {TOWN}"] + [None] * 17 + ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    ws.append(["BỘ PHẬN MỘT CỬA"] + [None] * 17 + ["Độc lập - Tự do - Hạnh phúc"])
    ws.append([])
    ws.append(["DANH SÁCH HỒ SƠ TIẾP NHẬN VÀ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"])
    ws.append([f"(Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y})"])
    ws.append([])
    top = [group for group, _ in VENDOR_A_COLUMNS]
    leaves = [leaf for _, leaf in VENDOR_A_COLUMNS]
    first_of_group = [g is not None and (i == 0 or top[i - 1] != g) for i, g in enumerate(top)]
    ws.append(
        [
            leaf if g is None else (g if first else None)
            for g, leaf, first in zip(top, leaves, first_of_group, strict=True)
        ]
    )
    ws.append([leaf if g else None for g, leaf in zip(top, leaves, strict=True)])
    ws.append([f"({i})" for i in range(1, width + 1)])
    for number, d in enumerate(dossiers, start=1):
        ws.append(vendor_a_row(rng, number, d, 0.10))
    ws.append([])
    ws.append(["Tổng cộng", None, None, None, None, None, None, None, None, None, len(dossiers)])
    ws.append([None, "NGƯỜI LẬP BIỂU"] + [None] * 16 + ["THỦ TRƯỞNG ĐƠN VỊ"])
    wb.save(path)


# ---------------------------------------------------------------------------------------------
# Registers beyond dossiers (issue #4): simple "title row + header + rows" workbooks, as officers
# keep them or as the one-stop system exports its catalogue.


def write_table(path: Path, title: str, header: list[str], rows: list[list[object]]) -> None:
    """A one-sheet workbook: a title line, a blank line, the header, numbered rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append([title])
    ws["A1"].font = Font(bold=True)
    ws.append([])
    ws.append(["STT", *header])
    for number, row in enumerate(rows, start=1):
        ws.append([number, *row])
    wb.save(path)


def _x(flag: bool) -> str | None:
    return "x" if flag else None


def write_registers(out: Path, seed: int, march: list[Dossier]) -> dict[str, int]:
    """Every register the programme's other targets need, for Q1 2025 (and earlier years)."""
    rng = random.Random(seed)
    counts: dict[str, int] = {}
    start, end = month_start("2025-03"), month_end("2025-03")

    def day_in(first: datetime, last: datetime) -> datetime:
        span = (last - first).days
        return _working_moment(rng, (first + timedelta(days=rng.randint(0, span))).date())

    # Procedure catalogue: the dossier procedures plus internal ones.
    internal = [
        ("NB.001", "Thẩm định đề án vị trí việc làm", "Tổ chức, biên chế"),
        ("NB.002", "Phê duyệt kế hoạch cải cách hành chính", "Cải cách hành chính"),
        ("NB.003", "Xét khen thưởng thường xuyên", "Thi đua, khen thưởng"),
        ("NB.004", "Điều động công chức cấp xã", "Tổ chức, biên chế"),
    ]
    rows: list[list[object]] = []
    for p in PROCEDURES:
        eligible = p.service != "Mức độ 2"
        rows.append(
            [
                p.code,
                p.name,
                p.field,
                p.level,
                p.service,
                _x(eligible),
                _x(rng.random() < 0.9),
                _x(p.fee > 0),
                _x(p.fee > 0 and rng.random() < 0.85),
                None,
                "x",
            ]
        )
    for code, name, field_name in internal:
        rows.append(
            [
                code,
                name,
                field_name,
                "Cấp huyện",
                None,
                None,
                None,
                None,
                None,
                "x",
                _x(code != "NB.004"),
            ]
        )
    write_table(
        out / "Danh muc TTHC (xuat tu he thong mot cua).xlsx",
        "DANH MỤC THỦ TỤC HÀNH CHÍNH ÁP DỤNG TẠI THỊ XÃ ĐỨC PHỔ",
        [
            "Mã TTHC",
            "Tên thủ tục hành chính",
            "Lĩnh vực",
            "Cấp thực hiện",
            "Mức độ DVC",
            "Đủ điều kiện cung cấp trực tuyến",
            "Tích hợp Cổng DVC",
            "Có phí, lệ phí",
            "Thanh toán trực tuyến",
            "TTHC nội bộ",
            "Công khai",
        ],
        rows,
    )
    counts["procedures"] = len(rows)

    # Ratings: the system's per-dossier ratings for March, and paper/kiosk survey forms.
    rows = []
    for d in march:
        if d.rating and d.completed_at and start <= d.completed_at <= end:
            rows.append(
                [
                    d.completed_at + timedelta(hours=2),
                    d.code,
                    "Hành chính",
                    d.unit[0],
                    d.procedure.field,
                    d.rating,
                    None,
                    "Cổng DVC",
                ]
            )
    surveys = [("Hành chính", 60, 0.965), ("Y tế", 40, 0.9), ("Giáo dục", 40, 0.93)]
    for sector, count, share in surveys:
        for _ in range(count):
            rows.append(
                [
                    day_in(start, end),
                    None,
                    sector,
                    None,
                    None,
                    None,
                    "Có" if rng.random() < share else "Không",
                    "Phiếu khảo sát",
                ]
            )
    write_table(
        out / "2025-03 danh gia su hai long.xlsx",
        "KẾT QUẢ ĐÁNH GIÁ, KHẢO SÁT SỰ HÀI LÒNG THÁNG 03/2025",
        [
            "Ngày đánh giá",
            "Mã hồ sơ",
            "Khối",
            "Đơn vị",
            "Lĩnh vực",
            "Mức độ hài lòng",
            "Hài lòng (Có/Không)",
            "Kênh đánh giá",
        ],
        rows,
    )
    counts["ratings"] = len(rows)

    # Payments for the March dossiers that carry a fee.
    rows = []
    for number, d in enumerate((d for d in march if d.fee and d.received_at >= start), 1):
        online = d.paid_online
        status = "Đã thanh toán" if rng.random() < 0.95 else "Chờ thanh toán"
        rows.append(
            [
                f"GD{2503000 + number}",
                d.code,
                d.procedure.code,
                d.fee,
                "Trực tuyến" if online else rng.choice(["Tiền mặt", "Chuyển khoản"]),
                "Cổng DVC quốc gia" if online else "Tại Bộ phận Một cửa",
                status,
                d.received_at + timedelta(hours=1),
            ]
        )
    write_table(
        out / "2025-03 giao dich thanh toan.xlsx",
        "GIAO DỊCH THANH TOÁN PHÍ, LỆ PHÍ",
        [
            "Mã giao dịch",
            "Mã hồ sơ",
            "Mã TTHC",
            "Số tiền",
            "Hình thức thanh toán",
            "Nền tảng thanh toán",
            "Trạng thái thanh toán",
            "Ngày thanh toán",
        ],
        rows,
    )
    counts["payments"] = len(rows)

    # Official documents exchanged in Q1 2025.
    rows = []
    for number in range(1, 241):
        secret = rng.random() < 0.03
        electronic = not secret and rng.random() < 0.985
        rows.append(
            [
                day_in(month_start("2025-01"), end),
                f"{number}/UBND",
                rng.choice(["Đi", "Đến"]),
                rng.choice(UNITS)[0],
                "Về việc triển khai nhiệm vụ cải cách hành chính",
                _x(electronic),
                _x(electronic and rng.random() < 0.99),
                _x(secret),
            ]
        )
    write_table(
        out / "2025-Q1 so van ban di den.xlsx",
        "SỔ VĂN BẢN ĐI, ĐẾN QUÝ I/2025",
        [
            "Ngày văn bản",
            "Số, ký hiệu",
            "Văn bản đi/đến",
            "Đơn vị",
            "Trích yếu",
            "Văn bản điện tử",
            "Ký số",
            "Văn bản mật",
        ],
        rows,
    )
    counts["documents"] = len(rows)

    # Work files (no "Cấp" column: the level comes from the units in targets.yaml).
    rows = []
    for number in range(1, 301):
        unit = rng.choice(UNITS)
        share = 0.93 if unit[1] == "Cấp huyện" else 0.83
        rows.append(
            [
                f"HSCV-{number:04d}",
                "Hồ sơ xử lý văn bản đến",
                unit[0],
                day_in(month_start("2025-01"), end),
                _x(rng.random() < share),
            ]
        )
    write_table(
        out / "2025-Q1 ho so cong viec.xlsx",
        "DANH SÁCH HỒ SƠ CÔNG VIỆC QUÝ I/2025",
        [
            "Mã hồ sơ công việc",
            "Tiêu đề hồ sơ",
            "Đơn vị",
            "Ngày mở hồ sơ",
            "Xử lý trên môi trường mạng",
        ],
        rows,
    )
    counts["work_files"] = len(rows)

    # Inspections in Q1 2025.
    rows = []
    for number in range(1, 31):
        rows.append(
            [
                day_in(month_start("2025-01"), end),
                f"{number}/QĐ-KT",
                "Kiểm tra công tác cải cách hành chính",
                rng.choice(UNITS)[0],
                _x(rng.random() < 0.6),
            ]
        )
    write_table(
        out / "2025 cac cuoc kiem tra.xlsx",
        "CÁC CUỘC KIỂM TRA NĂM 2025",
        [
            "Ngày kiểm tra",
            "Số quyết định kiểm tra",
            "Nội dung kiểm tra",
            "Đơn vị thực hiện",
            "Thực hiện qua môi trường số",
        ],
        rows,
    )
    counts["inspections"] = len(rows)

    # Staff roster: pseudonymous keys, no names.
    rows = []
    for number in range(1, 161):
        unit = rng.choice(UNITS)
        rows.append(
            [
                f"CB{number:04d}",
                unit[0],
                rng.choice(["Công chức", "Viên chức"]),
                _x(rng.random() < 0.97),
                _x(rng.random() < 0.56),
            ]
        )
    write_table(
        out / "2025 danh sach can bo boi duong.xlsx",
        "DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC ĐƯỢC BỒI DƯỠNG KỸ NĂNG SỐ",
        [
            "Mã cán bộ",
            "Đơn vị công tác",
            "Vị trí việc làm",
            "Đã bồi dưỡng kỹ năng số cơ bản",
            "Đã bồi dưỡng phân tích dữ liệu, công nghệ số",
        ],
        rows,
    )
    counts["staff"] = len(rows)

    # Legal normative documents issued in Q1 2025.
    rows = []
    for number in range(1, 10):
        issued = day_in(month_start("2025-01"), end)
        rows.append(
            [
                issued,
                f"{number:02d}/2025/QĐ-UBND",
                "Quy định quản lý trên địa bàn",
                "UBND thị xã Đức Phổ",
                "x",
                _x(not (number == 3 and issued < start)),
            ]
        )
    write_table(
        out / "2025 van ban QPPL.xlsx",
        "VĂN BẢN QUY PHẠM PHÁP LUẬT BAN HÀNH NĂM 2025",
        [
            "Ngày ban hành",
            "Số, ký hiệu văn bản",
            "Trích yếu",
            "Cơ quan ban hành",
            "Ban hành đúng quy định",
            "Đúng tiến độ",
        ],
        rows,
    )
    counts["legal_documents"] = len(rows)

    # Public service units per year (2021 base year, 2024, 2025).
    units = [
        ("Trung tâm Văn hóa - Thể thao và Truyền thanh", "Nhóm 3"),
        ("Ban Quản lý dự án đầu tư xây dựng", "Nhóm 2"),
        ("Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên", "Nhóm 3"),
        ("Trung tâm Dịch vụ nông nghiệp", "Nhóm 4"),
        ("Ban Quản lý các chợ", "Nhóm 2"),
    ]
    units += [(f"Trường Tiểu học số {i}", "Nhóm 4") for i in range(1, 8)]
    rows = []
    for year, kept, payroll_scale in ((2021, 12, 1.0), (2024, 11, 0.92), (2025, 10, 0.86)):
        for index, (name, group) in enumerate(units[:kept]):
            if year == 2025 and index == 3:
                group = "Nhóm 3"  # one more unit takes on part of its running costs
            rows.append([name, year, group, round((14 + index) * payroll_scale)])
    write_table(
        out / "Don vi su nghiep cong lap 2021-2025.xlsx",
        "ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP VÀ BIÊN CHẾ HƯỞNG LƯƠNG NGÂN SÁCH",
        ["Tên đơn vị sự nghiệp", "Năm", "Mức tự chủ", "Biên chế hưởng lương từ NSNN"],
        rows,
    )
    counts["public_units"] = len(rows)

    # Manually reported values.
    rows = [
        ["par_index_rank", "2024", 6, "Thị xã Đức Phổ", 13, None, "Công bố tháng 4/2025"],
        ["par_index_rank", "2025", 4, "Thị xã Đức Phổ", 13, None, "Tạm tính"],
        ["ddci_rank", "2025", 7, "Thị xã Đức Phổ", 13, None, None],
        [
            "de_an_vi_tri_viec_lam",
            "2022",
            1,
            "Thị xã Đức Phổ",
            None,
            datetime(2022, 11, 15),
            "Tờ trình số 215/TTr-UBND",
        ],
    ]
    write_table(
        out / "So lieu bao cao thu cong.xlsx",
        "SỐ LIỆU BÁO CÁO (NHẬP TAY)",
        [
            "Mã chỉ tiêu",
            "Kỳ báo cáo",
            "Giá trị",
            "Đơn vị",
            "Số đơn vị được xếp hạng",
            "Ngày hoàn thành",
            "Ghi chú",
        ],
        rows,
    )
    counts["values"] = len(rows)
    return counts
