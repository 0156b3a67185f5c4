"""Value vocabularies (DECISIONS D3): Vietnamese labels and national codes -> canonical codes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from cchc_cli.text import match_key, normalize_label


class Status(StrEnum):
    """Dossier status (TrangThaiHoSo, national codes 1-10)."""

    NEW = "NEW"
    RECEIVED = "RECEIVED"
    NOT_ACCEPTED = "NOT_ACCEPTED"
    PROCESSING = "PROCESSING"
    SUPPLEMENT_REQUESTED = "SUPPLEMENT_REQUESTED"
    AWAITING_PAYMENT = "AWAITING_PAYMENT"
    WITHDRAWN = "WITHDRAWN"
    STOPPED = "STOPPED"
    COMPLETED = "COMPLETED"
    RETURNED = "RETURNED"
    UNKNOWN = "UNKNOWN"


class Channel(StrEnum):
    """Submission channel (KenhThucHien)."""

    DIRECT = "DIRECT"
    ONLINE = "ONLINE"
    POSTAL = "POSTAL"
    UNKNOWN = "UNKNOWN"


class ServiceLevel(StrEnum):
    """Online public service level (Nghị định 42/2022 with the old levels 1-4)."""

    INFO = "INFO"
    PARTIAL = "PARTIAL"
    FULL = "FULL"
    UNKNOWN = "UNKNOWN"


class Rating(StrEnum):
    """Citizen satisfaction rating."""

    VERY_SATISFIED = "VERY_SATISFIED"
    SATISFIED = "SATISFIED"
    NEUTRAL = "NEUTRAL"
    UNSATISFIED = "UNSATISFIED"
    UNKNOWN = "UNKNOWN"


class AdminLevel(StrEnum):
    """Administrative level of the unit that handles a dossier."""

    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"
    UNKNOWN = "UNKNOWN"


_NUMERIC_CODE = re.compile(r"^([0-9]+)(?:\.0+)?$")


@dataclass(frozen=True)
class Vocabulary:
    """A closed list of canonical codes with the labels that mean each of them."""

    name: str
    name_vi: str
    codes: type[StrEnum]
    labels: Mapping[str, tuple[str, ...]]
    numeric_codes: Mapping[str, str] = field(default_factory=dict)
    blank: str | None = None
    _lookup: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_lookup", {})
        self.extend(self.labels)

    def extend(self, labels: Mapping[str, Iterable[str]], override: bool = False) -> None:
        """Add labels: exact normalised form first, diacritic-free second. Built-in labels keep
        the first meaning on a clash; `override` (the user's labels) replaces it."""
        for code, names in labels.items():
            for name in [code, *names]:
                exact, folded = normalize_label(name), "~" + match_key(name)
                if override:
                    self._lookup[exact] = code
                    self._lookup[folded] = code
                else:
                    self._lookup.setdefault(exact, code)
                    self._lookup.setdefault(folded, code)

    def with_labels(self, labels: Mapping[str, Iterable[str]]) -> Vocabulary:
        """A copy that also knows `labels` (a vendor's own, from a --columns file); they win."""
        copy = Vocabulary(
            self.name, self.name_vi, self.codes, self.labels, self.numeric_codes, self.blank
        )
        copy.extend(labels, override=True)
        return copy

    @property
    def unknown(self) -> str:
        return "UNKNOWN"

    def resolve(self, text: str | None) -> str | None:
        """Canonical code for a cell; None for blank (or the blank default); UNKNOWN otherwise."""
        if text is None or not text.strip():
            return self.blank
        number = _NUMERIC_CODE.match(text.strip())
        if number and number.group(1) in self.numeric_codes:
            return self.numeric_codes[number.group(1)]
        label = normalize_label(text)
        found = self._lookup.get(label)
        if found is None:
            found = self._lookup.get("~" + match_key(text))
        return found if found is not None else self.unknown


STATUS = Vocabulary(
    "status",
    "trạng thái hồ sơ",
    Status,
    {
        Status.NEW: ("Mới đăng ký", "Chờ tiếp nhận", "Hồ sơ đăng ký mới trực tuyến"),
        Status.RECEIVED: (
            "Được tiếp nhận",
            "Đã tiếp nhận",
            "Mới tiếp nhận",
            "Hồ sơ mới tiếp nhận",
        ),
        Status.NOT_ACCEPTED: ("Không được tiếp nhận", "Từ chối tiếp nhận", "Không tiếp nhận"),
        Status.PROCESSING: (
            "Đang xử lý",
            "Chờ xử lý",
            "Chờ ký duyệt",
            "Chuyển phòng chuyên môn",
            "Chờ thực hiện liên thông",
        ),
        Status.SUPPLEMENT_REQUESTED: (
            "Yêu cầu bổ sung giấy tờ",
            "Chờ bổ sung hồ sơ",
            "Cần bổ sung",
        ),
        Status.AWAITING_PAYMENT: (
            "Yêu cầu thực hiện nghĩa vụ tài chính",
            "Chờ thực hiện NVTC",
            "Chờ thực hiện nghĩa vụ tài chính",
        ),
        Status.WITHDRAWN: ("Công dân yêu cầu rút hồ sơ", "Đã rút hồ sơ", "Xin rút"),
        Status.STOPPED: (
            "Dừng xử lý",
            "Trả lại",
            "Từ chối giải quyết",
            "Hồ sơ không xử lý được",
        ),
        Status.COMPLETED: ("Đã xử lý xong", "Có kết quả", "Chờ trả kết quả", "Hoàn thành"),
        Status.RETURNED: ("Đã trả kết quả",),
    },
    numeric_codes={
        "1": Status.NEW,
        "2": Status.RECEIVED,
        "3": Status.NOT_ACCEPTED,
        "4": Status.PROCESSING,
        "5": Status.SUPPLEMENT_REQUESTED,
        "6": Status.AWAITING_PAYMENT,
        "7": Status.WITHDRAWN,
        "8": Status.STOPPED,
        "9": Status.COMPLETED,
        "10": Status.RETURNED,
    },
)

CHANNEL = Vocabulary(
    "channel",
    "kênh thực hiện",
    Channel,
    {
        Channel.DIRECT: ("Trực tiếp",),
        Channel.ONLINE: ("Trực tuyến", "Qua mạng", "Nộp trực tuyến"),
        Channel.POSTAL: ("Qua bưu chính công ích", "BCCI", "Dịch vụ bưu chính", "Bưu chính"),
    },
    numeric_codes={"1": Channel.DIRECT, "2": Channel.ONLINE, "3": Channel.POSTAL},
    # 766 rule: a dossier with no channel counts as direct.
    blank=Channel.DIRECT,
)

SERVICE_LEVEL = Vocabulary(
    "service_level",
    "mức độ dịch vụ công",
    ServiceLevel,
    {
        ServiceLevel.FULL: ("Toàn trình", "Mức độ 4", "Mức 4", "DVC trực tuyến toàn trình"),
        ServiceLevel.PARTIAL: ("Một phần", "Mức độ 3", "Mức 3", "DVC trực tuyến một phần"),
        ServiceLevel.INFO: ("Mức độ 1", "Mức độ 2", "Mức 1", "Mức 2", "Cung cấp thông tin"),
    },
    numeric_codes={
        "4": ServiceLevel.FULL,
        "3": ServiceLevel.PARTIAL,
        "2": ServiceLevel.INFO,
        "1": ServiceLevel.INFO,
    },
)

RATING = Vocabulary(
    "rating",
    "mức độ hài lòng",
    Rating,
    {
        Rating.VERY_SATISFIED: ("Rất hài lòng",),
        Rating.SATISFIED: ("Hài lòng",),
        Rating.NEUTRAL: ("Bình thường",),
        Rating.UNSATISFIED: ("Không hài lòng",),
    },
)

ADMIN_LEVEL = Vocabulary(
    "admin_level",
    "cấp",
    AdminLevel,
    {
        AdminLevel.PROVINCE: ("Cấp tỉnh", "Tỉnh"),
        AdminLevel.DISTRICT: ("Cấp huyện", "Huyện"),
        AdminLevel.COMMUNE: ("Cấp xã", "Xã"),
    },
)


class Sector(StrEnum):
    """Sector a satisfaction survey is about."""

    ADMINISTRATION = "ADMINISTRATION"
    HEALTH = "HEALTH"
    EDUCATION = "EDUCATION"
    OTHER = "OTHER"
    UNKNOWN = "UNKNOWN"


class PaymentMethod(StrEnum):
    """How a fee was paid (domain.md §9.2)."""

    ONLINE = "ONLINE"
    CASH = "CASH"
    BANK_TRANSFER = "BANK_TRANSFER"
    UNKNOWN = "UNKNOWN"


class PaymentStatus(StrEnum):
    """State of a payment transaction."""

    PAID = "PAID"
    PENDING = "PENDING"
    CANCELLED = "CANCELLED"
    REFUNDED = "REFUNDED"
    UNKNOWN = "UNKNOWN"


class Direction(StrEnum):
    """An official document sent or received."""

    OUTGOING = "OUTGOING"
    INCOMING = "INCOMING"
    UNKNOWN = "UNKNOWN"


class Autonomy(StrEnum):
    """Financial autonomy group of a public service unit (Nghị định 60/2021/NĐ-CP)."""

    GROUP_1 = "GROUP_1"
    GROUP_2 = "GROUP_2"
    GROUP_3 = "GROUP_3"
    GROUP_4 = "GROUP_4"
    UNKNOWN = "UNKNOWN"


SECTOR = Vocabulary(
    "sector",
    "lĩnh vực khảo sát",
    Sector,
    {
        Sector.ADMINISTRATION: ("Hành chính", "Hành chính công", "Cơ quan hành chính nhà nước"),
        Sector.HEALTH: ("Y tế", "Dịch vụ y tế"),
        Sector.EDUCATION: ("Giáo dục", "Giáo dục công", "Dịch vụ giáo dục"),
        Sector.OTHER: ("Khác",),
    },
)

PAYMENT_METHOD = Vocabulary(
    "payment_method",
    "hình thức thanh toán",
    PaymentMethod,
    {
        PaymentMethod.ONLINE: ("Trực tuyến", "truc-tuyen", "Thanh toán trực tuyến", "Online"),
        PaymentMethod.CASH: ("Tiền mặt", "tien-mat"),
        PaymentMethod.BANK_TRANSFER: ("Chuyển khoản", "chuyen-khoan"),
    },
)

PAYMENT_STATUS = Vocabulary(
    "payment_status",
    "trạng thái thanh toán",
    PaymentStatus,
    {
        PaymentStatus.PAID: ("Đã thanh toán", "Thành công"),
        PaymentStatus.PENDING: ("Chờ thanh toán", "Chưa thanh toán"),
        PaymentStatus.CANCELLED: ("Hủy thanh toán", "Đã hủy"),
        PaymentStatus.REFUNDED: ("Đã hoàn phí", "Hoàn tiền"),
    },
)

DIRECTION = Vocabulary(
    "direction",
    "văn bản đi/đến",
    Direction,
    {
        Direction.OUTGOING: ("Đi", "Văn bản đi"),
        Direction.INCOMING: ("Đến", "Văn bản đến"),
    },
)

AUTONOMY = Vocabulary(
    "autonomy",
    "mức tự chủ tài chính",
    Autonomy,
    {
        Autonomy.GROUP_1: ("Nhóm 1", "Tự bảo đảm chi thường xuyên và chi đầu tư"),
        Autonomy.GROUP_2: ("Nhóm 2", "Tự bảo đảm chi thường xuyên"),
        Autonomy.GROUP_3: ("Nhóm 3", "Tự bảo đảm một phần chi thường xuyên"),
        Autonomy.GROUP_4: ("Nhóm 4", "Do ngân sách nhà nước bảo đảm chi thường xuyên"),
    },
    numeric_codes={
        "1": Autonomy.GROUP_1,
        "2": Autonomy.GROUP_2,
        "3": Autonomy.GROUP_3,
        "4": Autonomy.GROUP_4,
    },
)

VOCABULARIES: dict[str, Vocabulary] = {
    v.name: v
    for v in (
        STATUS,
        CHANNEL,
        SERVICE_LEVEL,
        RATING,
        ADMIN_LEVEL,
        SECTOR,
        PAYMENT_METHOD,
        PAYMENT_STATUS,
        DIRECTION,
        AUTONOMY,
    )
}
