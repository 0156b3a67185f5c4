"""Value vocabularies (DECISIONS D3): the canonical codes, and the lookup that turns a cell into
one. The words that mean each code (labels, a vendor's numbers) are data: vendor profiles."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from cchc_cli.parsing import NUMBER_CODE
from cchc_cli.text import add_layer, match_key, normalize_label


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
    # Tạm dừng: processing paused; the dossier is still open (D3, D7 rule 5).
    PAUSED = "PAUSED"
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


class OnlinePayment(StrEnum):
    """Whether and where a dossier's fee was paid online (DuocThanhToanTrucTuyen, D3)."""

    NOT_PAID = "NOT_PAID"
    # Paid online, the platform not stated (a yes/no column).
    PAID = "PAID"
    NATIONAL_PORTAL = "NATIONAL_PORTAL"
    PROVINCIAL_GATEWAY = "PROVINCIAL_GATEWAY"
    UNKNOWN = "UNKNOWN"


class Secrecy(StrEnum):
    """How secret a document is: the three levels of the Law on protection of State secrets
    (Luật Bảo vệ bí mật nhà nước 2018, art. 8: Tuyệt mật, Tối mật, Mật), or not secret."""

    NOT_SECRET = "NOT_SECRET"
    # Secret, the level not stated (a yes/no column: "x", "Có").
    SECRET_UNSTATED = "SECRET_UNSTATED"
    CONFIDENTIAL = "CONFIDENTIAL"  # Mật
    SECRET = "SECRET"  # Tối mật
    TOP_SECRET = "TOP_SECRET"  # Tuyệt mật
    UNKNOWN = "UNKNOWN"


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


@dataclass(frozen=True)
class VocabularyKind:
    """A closed list of canonical codes: what a vocabulary can mean, whoever writes its labels."""

    name: str
    name_vi: str
    codes: type[StrEnum]
    # What a blank cell means (None: nothing).
    blank: str | None = None
    # For a yes/no column that also says how (paid online: on which platform): the codes that
    # mean "yes", and the codes of a plain yes and no ("x", "Có" / blank, "Không"). Empty for an
    # ordinary label column.
    true_codes: frozenset[str] = frozenset()
    yes: str | None = None
    no: str | None = None

    @property
    def code_values(self) -> list[str]:
        """Every code but UNKNOWN."""
        return [c.value for c in self.codes if c.value != "UNKNOWN"]


VOCABULARY_KINDS: dict[str, VocabularyKind] = {
    kind.name: kind
    for kind in (
        VocabularyKind("status", "trạng thái hồ sơ", Status),
        # 766 rule: a dossier with no channel counts as direct.
        VocabularyKind("channel", "kênh thực hiện", Channel, blank=Channel.DIRECT),
        VocabularyKind("service_level", "mức độ dịch vụ công", ServiceLevel),
        VocabularyKind("rating", "mức độ hài lòng", Rating),
        VocabularyKind("admin_level", "cấp", AdminLevel),
        VocabularyKind(
            "paid_online",
            "thanh toán trực tuyến",
            OnlinePayment,
            blank=OnlinePayment.NOT_PAID,
            true_codes=frozenset(
                {
                    OnlinePayment.PAID,
                    OnlinePayment.NATIONAL_PORTAL,
                    OnlinePayment.PROVINCIAL_GATEWAY,
                }
            ),
            yes=OnlinePayment.PAID,
            no=OnlinePayment.NOT_PAID,
        ),
        VocabularyKind(
            "secrecy",
            "độ mật",
            Secrecy,
            blank=Secrecy.NOT_SECRET,
            true_codes=frozenset(
                {
                    Secrecy.SECRET_UNSTATED,
                    Secrecy.CONFIDENTIAL,
                    Secrecy.SECRET,
                    Secrecy.TOP_SECRET,
                }
            ),
            yes=Secrecy.SECRET_UNSTATED,
            no=Secrecy.NOT_SECRET,
        ),
        VocabularyKind("sector", "lĩnh vực khảo sát", Sector),
        VocabularyKind("payment_method", "hình thức thanh toán", PaymentMethod),
        VocabularyKind("payment_status", "trạng thái thanh toán", PaymentStatus),
        VocabularyKind("direction", "văn bản đi/đến", Direction),
        VocabularyKind("autonomy", "mức tự chủ tài chính", Autonomy),
    )
}


@dataclass
class Vocabulary:
    """One vocabulary as a profile reads it: labels and numbers -> canonical codes.

    Layers are added in order (base, vendor, user); a later layer's meaning of a label wins.
    """

    kind: VocabularyKind
    numbers: dict[str, str] = field(default_factory=dict)
    # The profile whose list of numbers is in force.
    numbers_from: str = ""
    strip_prefixes: tuple[str, ...] = ()
    # Each label as written, by its diacritic-free key (the last layer's meaning wins).
    written: dict[str, tuple[str, str]] = field(default_factory=dict)
    _lookup: dict[str, str] = field(default_factory=dict, repr=False)
    _prefix_keys: tuple[str, ...] = field(default=(), repr=False)

    @property
    def labels(self) -> dict[str, list[str]]:
        """The labels of each code, as written."""
        found: dict[str, list[str]] = {}
        for text, code in self.written.values():
            found.setdefault(code, []).append(text)
        return found

    @property
    def name(self) -> str:
        return self.kind.name

    @property
    def name_vi(self) -> str:
        return self.kind.name_vi

    @property
    def codes(self) -> type[StrEnum]:
        return self.kind.codes

    @property
    def unknown(self) -> str:
        return "UNKNOWN"

    def add_labels(self, labels: Mapping[str, Iterable[str]]) -> None:
        """Add a layer of labels: exact normalised form, then the form without diacritics.
        A label this layer gives wins over the same label in an earlier layer."""
        layer: dict[str, str] = {}
        for code, names in labels.items():
            for name in names:
                self.written[match_key(name)] = (name, code)
                layer.setdefault(normalize_label(name), code)
                layer.setdefault("~" + match_key(name), code)
        add_layer(self._lookup, layer)

    def set_numbers(self, numbers: Mapping[str, str], source: str) -> None:
        """The numbers a source writes for codes; replaces any earlier list (D3: bare numbers
        are read only as the profile says)."""
        self.numbers = dict(numbers)
        self.numbers_from = source

    def set_strip_prefixes(self, prefixes: Iterable[str]) -> None:
        """Words a vendor puts before its labels ("Đã", "Hồ sơ"), removed only on a second try."""
        self.strip_prefixes = tuple(prefixes)
        self._prefix_keys = tuple(
            sorted({match_key(p) + " " for p in prefixes}, key=len, reverse=True)
        )

    def _label(self, text: str) -> str | None:
        found = self._lookup.get(normalize_label(text))
        if found is None:
            found = self._lookup.get("~" + match_key(text))
        return found

    def resolve(self, text: str | None) -> str | None:
        """Canonical code for a cell; the blank default for a blank cell; UNKNOWN otherwise."""
        if text is None or not text.strip():
            return self.kind.blank
        stripped = text.strip()
        number = NUMBER_CODE.match(stripped)
        if number and number.group(1) in self.numbers:
            return self.numbers[number.group(1)]
        found = self._label(stripped)
        if found is None and self._prefix_keys:
            key = match_key(stripped)
            changed = True
            while found is None and changed:
                changed = False
                for prefix in self._prefix_keys:
                    if key.startswith(prefix):
                        key = key[len(prefix) :]
                        found = self._lookup.get("~" + key)
                        changed = True
                        break
        return found if found is not None else self.unknown

    def is_true(self, code: str | None) -> bool:
        """For a yes/no vocabulary: whether a code means yes."""
        return code in self.kind.true_codes

    def from_boolean(self, value: bool) -> str | None:
        """For a yes/no vocabulary: the code of a plain yes or no."""
        return self.kind.yes if value else self.kind.no
