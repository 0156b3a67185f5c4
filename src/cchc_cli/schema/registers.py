"""The datasets beyond dossiers (issue #4): catalogue, ratings, payments, documents, work files,
inspections, staff, legal documents, public service units and manually reported values.

Each is a Pydantic model built from a compact field table, so that a new register is data,
not code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, create_model

from cchc_cli.schema.fields import Column, Dataset, Kind
from cchc_cli.schema.validators import (
    AmountCell,
    BooleanCell,
    CountCell,
    DateCell,
    TextCell,
    flag_validator,
    vocabulary_validator,
)
from cchc_cli.schema.vocabularies import VOCABULARY_KINDS

T, D, B, N, A, L = Kind.TEXT, Kind.DATETIME, Kind.BOOLEAN, Kind.COUNT, Kind.AMOUNT, Kind.LABEL
_CELLS = {T: TextCell, D: DateCell, B: BooleanCell, N: CountCell, A: AmountCell}


@dataclass(frozen=True)
class F:
    """One row of a field table: name, kind, the header `cchc template` writes (the headers that
    name the field in files are in the profiles)."""

    name: str
    kind: Kind
    label: str
    vocabulary: str | None = None
    example: str = ""
    note: str = ""
    personal: bool = False
    # A yes/no field whose vocabulary also says how: the label field that keeps how.
    detail: str | None = None
    # Filled from another column (the detail of a yes/no field), never read from a header.
    derived: bool = False


def build_model(name: str, fields: list[F], required: tuple[str, ...]) -> type[BaseModel]:
    """A frozen Pydantic model whose fields carry the Column metadata the readers use."""
    definitions: dict[str, Any] = {}
    for f in fields:
        column = Column(
            f.kind,
            f.vocabulary,
            f.personal,
            label_vi=f.label,
            example=f.example,
            note_vi=f.note,
            detail=f.detail,
            derived=f.derived,
        )
        if f.kind is B and f.vocabulary is not None:
            annotated: Any = Annotated[bool, flag_validator(f.vocabulary), column]
        elif f.kind is L:
            assert f.vocabulary is not None
            codes = VOCABULARY_KINDS[f.vocabulary].codes
            annotated = Annotated[codes | None, vocabulary_validator(f.vocabulary), column]
        else:
            annotated = Annotated[_CELLS[f.kind], column]
        default: Any = ... if f.name in required else (False if f.kind is B else None)
        definitions[f.name] = (annotated, default)
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    return create_model(name, __config__=model_config, **definitions)


def register(
    name: str,
    title_vi: str,
    title_en: str,
    fields: list[F],
    required: tuple[str, ...],
    required_any: tuple[tuple[str, ...], ...] = (),
    key: str | None = None,
    hand_kept: bool = False,
    date_field: str | None = None,
) -> Dataset:
    """A dataset from its field table."""
    model = build_model(
        "".join(part.title() for part in name.split("_")) + "Record", fields, required
    )
    return Dataset(
        name, title_vi, title_en, model, required, required_any, key, hand_kept, date_field
    )


YES = "Có/Không (x, 1, Có, Đã… hoặc để trống)"

PROCEDURES = register(
    "procedures",
    "Danh mục thủ tục hành chính",
    "Procedure catalogue",
    [
        F("procedure_code", T, "Mã TTHC"),
        F("procedure_name", T, "Tên TTHC"),
        F("field_name", T, "Lĩnh vực"),
        F("admin_level", L, "Cấp thực hiện", "admin_level"),
        F("agency_name", T, "Cơ quan thực hiện"),
        F(
            "service_level",
            L,
            "Mức độ DVC",
            "service_level",
        ),
        F(
            "eligible_online",
            B,
            "Đủ điều kiện cung cấp trực tuyến",
        ),
        F(
            "integrated_portal",
            B,
            "Tích hợp Cổng DVC",
        ),
        F("has_fee", B, "Có phí, lệ phí"),
        F(
            "online_payment",
            B,
            "Thanh toán trực tuyến",
        ),
        F("internal", B, "TTHC nội bộ"),
        F("published", B, "Công khai"),
    ],
    required=("procedure_code", "procedure_name"),
    # one procedure per code: a catalogue that lists one twice counts it once (D5)
    key="procedure_code",
    required_any=(
        (
            "eligible_online",
            "integrated_portal",
            "has_fee",
            "online_payment",
            "internal",
            "published",
        ),
    ),
)

RATINGS = register(
    "ratings",
    "Đánh giá, khảo sát sự hài lòng",
    "Satisfaction ratings and surveys",
    [
        F(
            "rated_at",
            D,
            "Ngày đánh giá",
            example="05/03/2025",
        ),
        F(
            "dossier_code",
            T,
            "Mã hồ sơ",
            note="Để trống với phiếu khảo sát không gắn với hồ sơ",
        ),
        F("sector", L, "Lĩnh vực khảo sát", "sector", example="Hành chính"),
        F("agency_name", T, "Đơn vị được đánh giá"),
        F("field_name", T, "Lĩnh vực"),
        F(
            "rating",
            L,
            "Mức độ hài lòng",
            "rating",
            example="Hài lòng",
        ),
        F("satisfied", B, "Hài lòng (Có/Không)", note=YES),
        F("rating_channel", T, "Kênh đánh giá"),
        F("comment", T, "Ý kiến"),
    ],
    required=("rated_at",),
    required_any=(("rating", "satisfied"),),
    hand_kept=True,
    date_field="rated_at",
)

PAYMENTS = register(
    "payments",
    "Giao dịch thanh toán",
    "Payment transactions",
    [
        F("transaction_id", T, "Mã giao dịch"),
        F("dossier_code", T, "Mã hồ sơ"),
        F("procedure_code", T, "Mã TTHC"),
        F("amount", A, "Số tiền"),
        F("method", L, "Hình thức thanh toán", "payment_method"),
        F("platform", T, "Nền tảng thanh toán"),
        F("payment_status", L, "Trạng thái thanh toán", "payment_status"),
        F("paid_at", D, "Ngày thanh toán"),
    ],
    required=("paid_at", "amount"),
    required_any=(("method", "platform"),),
    key="transaction_id",
    date_field="paid_at",
)

DOCUMENTS = register(
    "documents",
    "Văn bản đi, đến",
    "Official documents",
    [
        F("document_date", D, "Ngày văn bản", example="05/03/2025"),
        F("document_number", T, "Số, ký hiệu", example="125/UBND"),
        F("direction", L, "Văn bản đi/đến", "direction", example="Đi"),
        F("agency_name", T, "Đơn vị"),
        F("summary", T, "Trích yếu"),
        F("electronic", B, "Văn bản điện tử", note=YES),
        F("digitally_signed", B, "Ký số", note=YES),
        F(
            "secret",
            B,
            "Độ mật",
            "secrecy",
            example="Thường",
            note="Mật, Tối mật, Tuyệt mật (hoặc x) là văn bản mật, không tính vào chỉ tiêu; "
            "Thường hoặc để trống là văn bản thường",
            detail="secrecy",
        ),
        F("secrecy", L, "Mức độ mật", "secrecy", derived=True),
    ],
    required=("document_date",),
    required_any=(("electronic", "digitally_signed"),),
    hand_kept=True,
    date_field="document_date",
)

WORK_FILES = register(
    "work_files",
    "Hồ sơ công việc",
    "Work files",
    [
        F(
            "file_code",
            T,
            "Mã hồ sơ công việc",
            example="HSCV-001",
        ),
        F("title", T, "Tiêu đề hồ sơ"),
        F("agency_name", T, "Đơn vị"),
        F("admin_level", L, "Cấp", "admin_level", example="Cấp xã"),
        F("opened_at", D, "Ngày mở hồ sơ", example="03/03/2025"),
        F("closed_at", D, "Ngày đóng hồ sơ"),
        F(
            "processed_online",
            B,
            "Xử lý trên môi trường mạng",
            note=YES,
        ),
    ],
    required=("file_code", "opened_at"),
    required_any=(("processed_online",),),
    hand_kept=True,
    date_field="opened_at",
)

INSPECTIONS = register(
    "inspections",
    "Các cuộc kiểm tra",
    "Inspections",
    [
        F("inspected_at", D, "Ngày kiểm tra", example="12/03/2025"),
        F("inspection_code", T, "Số quyết định kiểm tra"),
        F("subject", T, "Nội dung kiểm tra"),
        F("agency_name", T, "Đơn vị thực hiện"),
        F(
            "digital",
            B,
            "Thực hiện qua môi trường số",
            note=YES,
        ),
    ],
    required=("inspected_at",),
    required_any=(("digital",),),
    hand_kept=True,
    date_field="inspected_at",
)

STAFF = register(
    "staff",
    "Danh sách cán bộ, công chức, viên chức",
    "Staff roster",
    [
        F(
            "staff_key",
            T,
            "Mã cán bộ",
            example="CB0001",
            note="Mã ẩn danh; không ghi số CCCD",
        ),
        F("full_name", T, "Họ và tên", personal=True),
        F("agency_name", T, "Đơn vị công tác"),
        F("admin_level", L, "Cấp", "admin_level"),
        F("position", T, "Chức vụ"),
        F(
            "basic_digital_trained",
            B,
            "Đã bồi dưỡng kỹ năng số cơ bản",
            note=YES,
        ),
        F(
            "data_skills_trained",
            B,
            "Đã bồi dưỡng phân tích dữ liệu, công nghệ số",
            note=YES,
        ),
    ],
    required=("staff_key",),
    required_any=(("basic_digital_trained", "data_skills_trained"),),
    key="staff_key",
    hand_kept=True,
)

LEGAL_DOCUMENTS = register(
    "legal_documents",
    "Văn bản quy phạm pháp luật ban hành",
    "Legal normative documents",
    [
        F("issued_at", D, "Ngày ban hành", example="10/03/2025"),
        F(
            "document_number",
            T,
            "Số, ký hiệu văn bản",
            example="05/2025/QĐ-UBND",
        ),
        F("title", T, "Trích yếu"),
        F("issuing_agency", T, "Cơ quan ban hành"),
        F("per_rules", B, "Ban hành đúng quy định", note=YES),
        F("on_schedule", B, "Đúng tiến độ", note=YES),
    ],
    required=("issued_at",),
    required_any=(("per_rules", "on_schedule"),),
    hand_kept=True,
    date_field="issued_at",
)

PUBLIC_UNITS = register(
    "public_units",
    "Đơn vị sự nghiệp công lập",
    "Public service units",
    [
        F(
            "unit_name",
            T,
            "Tên đơn vị sự nghiệp",
            example="Trung tâm Văn hóa - Thể thao",
        ),
        F("year", N, "Năm", example="2025"),
        F(
            "autonomy",
            L,
            "Mức tự chủ",
            "autonomy",
            example="Nhóm 3",
        ),
        F(
            "budget_payroll",
            N,
            "Biên chế hưởng lương từ NSNN",
            example="12",
        ),
    ],
    required=("unit_name", "year"),
    required_any=(("autonomy", "budget_payroll"),),
    hand_kept=True,
)

VALUES = register(
    "values",
    "Số liệu báo cáo thủ công",
    "Manually reported values",
    [
        F(
            "indicator_id",
            T,
            "Mã chỉ tiêu",
            example="par_index_rank",
            note="Mã chỉ tiêu như trong cchc targets list",
        ),
        F(
            "period",
            T,
            "Kỳ báo cáo",
            example="2025",
            note="Năm 2025, quý 2025-Q1 hoặc tháng 2025-03",
        ),
        F("value", A, "Giá trị", example="4"),
        # 766 indicators no export holds (issue 16): the counts the portal or a register gives
        F("numerator", A, "Tử số", note="Chỉ số 766: số đạt (để trống nếu ghi Giá trị)"),
        F("denominator", A, "Mẫu số", note="Chỉ số 766: tổng số được xét"),
        F("unit_name", T, "Đơn vị"),
        F("ranked_count", N, "Số đơn vị được xếp hạng"),
        F("achieved_at", D, "Ngày hoàn thành"),
        F("note", T, "Ghi chú"),
    ],
    required=("indicator_id", "period"),
    required_any=(("value", "numerator"),),
    hand_kept=True,
)

REGISTERS = (
    PROCEDURES,
    RATINGS,
    PAYMENTS,
    DOCUMENTS,
    WORK_FILES,
    INSPECTIONS,
    STAFF,
    LEGAL_DOCUMENTS,
    PUBLIC_UNITS,
    VALUES,
)
