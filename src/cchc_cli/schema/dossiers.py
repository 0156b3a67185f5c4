"""The `dossiers` dataset (DECISIONS D2): one row per hồ sơ, as the Pydantic schema."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, model_validator

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
from cchc_cli.schema.vocabularies import (
    AdminLevel,
    Channel,
    OnlinePayment,
    Rating,
    ServiceLevel,
    Status,
)

T, D, B = Kind.TEXT, Kind.DATETIME, Kind.BOOLEAN


class DossierRecord(BaseModel):
    """One dossier with canonical field names and parsed values."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    @model_validator(mode="before")
    @classmethod
    def _paid_online_detail(cls, data: Any) -> Any:
        # The platform is read from the same cell as "paid online" (D3).
        if isinstance(data, dict) and "paid_online" in data and "paid_online_via" not in data:
            return {**data, "paid_online_via": data["paid_online"]}
        return data

    dossier_code: Annotated[
        TextCell,
        Column(
            T,
            label_vi="Mã hồ sơ",
            label_en="Dossier code",
        ),
    ]
    procedure_code: Annotated[TextCell, Column(T, label_vi="Mã thủ tục", repeats=True)] = None
    procedure_name: Annotated[
        TextCell,
        Column(
            T,
            label_vi="Tên thủ tục",
            repeats=True,
        ),
    ] = None
    field_name: Annotated[TextCell, Column(T, label_vi="Lĩnh vực", repeats=True)] = None
    agency_name: Annotated[
        TextCell,
        Column(
            T,
            label_vi="Đơn vị",
            repeats=True,
        ),
    ] = None
    agency_code: Annotated[TextCell, Column(T, label_vi="Mã đơn vị", repeats=True)] = None
    admin_level: Annotated[
        AdminLevel | None,
        vocabulary_validator("admin_level"),
        Column(Kind.LABEL, "admin_level", label_vi="Cấp"),
    ] = None
    channel: Annotated[
        Channel | None,
        vocabulary_validator("channel"),
        Column(
            Kind.LABEL,
            "channel",
            label_vi="Kênh thực hiện",
        ),
    ] = Channel.DIRECT
    service_level: Annotated[
        ServiceLevel | None,
        vocabulary_validator("service_level"),
        Column(
            Kind.LABEL,
            "service_level",
            label_vi="Mức độ DVC",
        ),
    ] = None
    submitted_at: Annotated[DateCell, Column(D, label_vi="Ngày nộp")] = None
    received_at: Annotated[
        DateCell,
        Column(
            D,
            label_vi="Ngày tiếp nhận",
        ),
    ]
    due_at: Annotated[
        DateCell,
        Column(
            D,
            label_vi="Ngày hẹn trả",
        ),
    ] = None
    original_due_at: Annotated[
        DateCell,
        Column(D, label_vi="Ngày hẹn trả ban đầu"),
    ] = None
    completed_at: Annotated[
        DateCell,
        Column(
            D,
            label_vi="Ngày kết thúc xử lý",
        ),
    ] = None
    returned_at: Annotated[DateCell, Column(D, label_vi="Ngày trả")] = None
    supplement_requested_at: Annotated[
        DateCell,
        Column(D, label_vi="Ngày yêu cầu bổ sung"),
    ] = None
    supplement_received_at: Annotated[
        DateCell,
        Column(
            D,
            label_vi="Ngày công dân bổ sung",
        ),
    ] = None
    supplement_count: Annotated[CountCell, Column(Kind.COUNT, label_vi="Số lần bổ sung")] = None
    rejected_at: Annotated[
        DateCell,
        Column(D, label_vi="Ngày từ chối"),
    ] = None
    status: Annotated[
        Status | None,
        vocabulary_validator("status"),
        Column(
            Kind.LABEL,
            "status",
            label_vi="Trạng thái",
        ),
    ] = None
    fee_amount: Annotated[
        AmountCell,
        Column(
            Kind.AMOUNT,
            label_vi="Phí, lệ phí",
        ),
    ] = None
    paid_online: Annotated[
        bool,
        flag_validator("paid_online"),
        Column(
            B,
            "paid_online",
            label_vi="Thanh toán trực tuyến",
            detail="paid_online_via",
        ),
    ] = False
    # D3: where it was paid, when the source says (the national portal or the province's own
    # gateway); filled from the paid-online column.
    paid_online_via: Annotated[
        OnlinePayment | None,
        vocabulary_validator("paid_online"),
        Column(
            Kind.LABEL,
            "paid_online",
            label_vi="Nơi thanh toán trực tuyến",
            label_en="Paid online through",
            derived=True,
        ),
    ] = None
    reused_data: Annotated[
        BooleanCell,
        Column(
            B,
            label_vi="Tái sử dụng dữ liệu",
        ),
    ] = False
    data_shared: Annotated[
        BooleanCell,
        Column(
            B,
            label_vi="Kết nối chia sẻ dữ liệu",
        ),
    ] = False
    inter_agency: Annotated[BooleanCell, Column(B, label_vi="Liên thông")] = False
    inter_agency_electronic: Annotated[
        BooleanCell,
        Column(
            B,
            label_vi="Luân chuyển điện tử",
        ),
    ] = False
    has_digitized_inputs: Annotated[
        BooleanCell,
        Column(
            B,
            label_vi="Số hóa thành phần",
        ),
    ] = False
    has_e_result: Annotated[
        BooleanCell,
        Column(
            B,
            label_vi="Kết quả điện tử",
        ),
    ] = False
    rating: Annotated[
        Rating | None,
        vocabulary_validator("rating"),
        Column(
            Kind.LABEL,
            "rating",
            label_vi="Đánh giá",
        ),
    ] = None
    applicant_name: Annotated[
        TextCell,
        Column(
            T,
            personal=True,
            label_vi="Chủ hồ sơ",
        ),
    ] = None
    applicant_address: Annotated[TextCell, Column(T, personal=True, label_vi="Địa chỉ")] = None
    applicant_phone: Annotated[
        TextCell,
        Column(T, personal=True, label_vi="Số điện thoại"),
    ] = None
    applicant_id_number: Annotated[
        TextCell,
        Column(T, personal=True, label_vi="Số CCCD"),
    ] = None
    note: Annotated[TextCell, Column(T, label_vi="Ghi chú")] = None


DOSSIERS = Dataset(
    name="dossiers",
    title_vi="Danh sách hồ sơ",
    title_en="Dossier list",
    model=DossierRecord,
    required=("dossier_code", "received_at"),
    required_any=(("procedure_code", "procedure_name"),),
    key="dossier_code",
    date_field="received_at",
)
