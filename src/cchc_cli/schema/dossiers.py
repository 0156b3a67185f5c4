"""The `dossiers` dataset (DECISIONS D2): one row per hồ sơ, as the Pydantic schema."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict

from cchc_cli.schema.fields import Column, Dataset, Kind
from cchc_cli.schema.validators import (
    AmountCell,
    BooleanCell,
    CountCell,
    DateCell,
    TextCell,
    vocabulary_validator,
)
from cchc_cli.schema.vocabularies import AdminLevel, Channel, Rating, ServiceLevel, Status

T, D, B = Kind.TEXT, Kind.DATETIME, Kind.BOOLEAN


class DossierRecord(BaseModel):
    """One dossier with canonical field names and parsed values."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    dossier_code: Annotated[
        TextCell,
        Column(
            T,
            ("Mã hồ sơ", "Số hồ sơ", "Mã HS", "Số biên nhận", "MaHoSo"),
            label_vi="Mã hồ sơ",
            label_en="Dossier code",
        ),
    ]
    procedure_code: Annotated[
        TextCell, Column(T, ("Mã thủ tục", "Mã TTHC", "MaTTHC"), label_vi="Mã thủ tục")
    ] = None
    procedure_name: Annotated[
        TextCell,
        Column(
            T,
            ("Tên thủ tục hành chính", "Tên thủ tục", "Thủ tục", "Tên TTHC", "TenTTHC"),
            label_vi="Tên thủ tục",
        ),
    ] = None
    field_name: Annotated[
        TextCell, Column(T, ("Lĩnh vực", "Tên lĩnh vực", "LinhVuc"), label_vi="Lĩnh vực")
    ] = None
    agency_name: Annotated[
        TextCell,
        Column(
            T,
            (
                "Đơn vị tiếp nhận",
                "Đơn vị",
                "Đơn vị xử lý",
                "Cơ quan thực hiện",
                "Cơ quan giải quyết",
                "Đơn vị giải quyết",
                "Đơn vị/cá nhân giải quyết",
                "Tên đơn vị",
            ),
            label_vi="Đơn vị",
        ),
    ] = None
    agency_code: Annotated[
        TextCell, Column(T, ("Mã đơn vị", "Mã định danh", "MaDinhDanh"), label_vi="Mã đơn vị")
    ] = None
    admin_level: Annotated[
        AdminLevel | None,
        vocabulary_validator("admin_level"),
        Column(
            Kind.LABEL, ("Cấp", "Cấp thực hiện", "Cấp giải quyết"), "admin_level", label_vi="Cấp"
        ),
    ] = None
    channel: Annotated[
        Channel | None,
        vocabulary_validator("channel"),
        Column(
            Kind.LABEL,
            ("Kênh thực hiện", "Hình thức nộp", "Kênh nộp", "Loại tiếp nhận", "KenhThucHien"),
            "channel",
            label_vi="Kênh thực hiện",
        ),
    ] = Channel.DIRECT
    service_level: Annotated[
        ServiceLevel | None,
        vocabulary_validator("service_level"),
        Column(
            Kind.LABEL,
            ("Mức độ", "Mức độ DVC", "Mức độ dịch vụ công", "MucDo"),
            "service_level",
            label_vi="Mức độ DVC",
        ),
    ] = None
    submitted_at: Annotated[
        DateCell, Column(D, ("Ngày nộp", "Ngày nộp hồ sơ", "NgayNopHoSo"), label_vi="Ngày nộp")
    ] = None
    received_at: Annotated[
        DateCell,
        Column(
            D,
            ("Ngày tiếp nhận", "Ngày nhận", "Ngày nhận hồ sơ", "Nhận hồ sơ", "NgayTiepNhan"),
            label_vi="Ngày tiếp nhận",
        ),
    ]
    due_at: Annotated[
        DateCell,
        Column(
            D,
            (
                "Ngày hẹn trả",
                "Hẹn trả kết quả",
                "Ngày hẹn trả kết quả",
                "Hạn xử lý",
                "Hạn giải quyết",
                "NgayHenTra",
            ),
            label_vi="Ngày hẹn trả",
        ),
    ] = None
    original_due_at: Annotated[
        DateCell,
        Column(D, ("Ngày hẹn trả ban đầu", "Ngày hẹn trả trước"), label_vi="Ngày hẹn trả ban đầu"),
    ] = None
    completed_at: Annotated[
        DateCell,
        Column(
            D,
            ("Ngày kết thúc xử lý", "Ngày có kết quả", "Ngày hoàn thành", "NgayKetThucXuLy"),
            label_vi="Ngày kết thúc xử lý",
        ),
    ] = None
    returned_at: Annotated[
        DateCell, Column(D, ("Ngày trả kết quả", "Ngày trả", "NgayTra"), label_vi="Ngày trả")
    ] = None
    supplement_requested_at: Annotated[
        DateCell,
        Column(D, ("Ngày yêu cầu bổ sung", "NgayYeuCauBoSung"), label_vi="Ngày yêu cầu bổ sung"),
    ] = None
    supplement_received_at: Annotated[
        DateCell,
        Column(
            D,
            (
                "Ngày công dân bổ sung",
                "Ngày hoàn thành bổ sung",
                "Ngày bổ sung",
                "NgayCongDanBoSung",
            ),
            label_vi="Ngày công dân bổ sung",
        ),
    ] = None
    supplement_count: Annotated[
        CountCell, Column(Kind.COUNT, ("Số lần bổ sung",), label_vi="Số lần bổ sung")
    ] = None
    rejected_at: Annotated[
        DateCell,
        Column(D, ("Ngày từ chối", "Ngày dừng xử lý", "NgayTuChoi"), label_vi="Ngày từ chối"),
    ] = None
    status: Annotated[
        Status | None,
        vocabulary_validator("status"),
        Column(
            Kind.LABEL,
            ("Trạng thái", "Trạng thái hồ sơ", "Tình trạng", "TrangThaiHoSo"),
            "status",
            label_vi="Trạng thái",
        ),
    ] = None
    fee_amount: Annotated[
        AmountCell,
        Column(
            Kind.AMOUNT,
            ("Phí, lệ phí", "Lệ phí", "Phí", "Số tiền", "Tổng tiền"),
            label_vi="Phí, lệ phí",
        ),
    ] = None
    paid_online: Annotated[
        BooleanCell,
        Column(
            B,
            ("Thanh toán trực tuyến", "Đã thanh toán trực tuyến", "DuocThanhToanTrucTuyen"),
            label_vi="Thanh toán trực tuyến",
        ),
    ] = False
    reused_data: Annotated[
        BooleanCell,
        Column(
            B,
            ("Tái sử dụng dữ liệu", "Không phải cung cấp lại", "DuocTaiSuDung"),
            label_vi="Tái sử dụng dữ liệu",
        ),
    ] = False
    data_shared: Annotated[
        BooleanCell,
        Column(
            B,
            ("Kết nối chia sẻ dữ liệu", "Sử dụng dữ liệu kết nối", "Khai thác dữ liệu dùng chung"),
            label_vi="Kết nối chia sẻ dữ liệu",
        ),
    ] = False
    inter_agency: Annotated[
        BooleanCell, Column(B, ("Liên thông", "Hồ sơ liên thông"), label_vi="Liên thông")
    ] = False
    inter_agency_electronic: Annotated[
        BooleanCell,
        Column(
            B,
            ("Luân chuyển điện tử", "Liên thông điện tử", "Chuyển liên thông điện tử"),
            label_vi="Luân chuyển điện tử",
        ),
    ] = False
    has_digitized_inputs: Annotated[
        BooleanCell,
        Column(
            B,
            ("Số hóa thành phần", "Có thành phần số hóa", "HoSoCoThanhPhanSoHoa"),
            label_vi="Số hóa thành phần",
        ),
    ] = False
    has_e_result: Annotated[
        BooleanCell,
        Column(
            B,
            ("Kết quả điện tử", "Có kết quả điện tử", "DinhKemKetQua"),
            label_vi="Kết quả điện tử",
        ),
    ] = False
    rating: Annotated[
        Rating | None,
        vocabulary_validator("rating"),
        Column(
            Kind.LABEL,
            ("Đánh giá", "Mức độ hài lòng", "Kết quả đánh giá"),
            "rating",
            label_vi="Đánh giá",
        ),
    ] = None
    applicant_name: Annotated[
        TextCell,
        Column(
            T,
            ("Chủ hồ sơ", "Người nộp", "Tên người nộp", "Họ tên"),
            personal=True,
            label_vi="Chủ hồ sơ",
        ),
    ] = None
    applicant_address: Annotated[
        TextCell, Column(T, ("Địa chỉ",), personal=True, label_vi="Địa chỉ")
    ] = None
    applicant_phone: Annotated[
        TextCell,
        Column(T, ("Số điện thoại", "Điện thoại"), personal=True, label_vi="Số điện thoại"),
    ] = None
    applicant_id_number: Annotated[
        TextCell,
        Column(T, ("Số CCCD", "Số định danh cá nhân", "CMND"), personal=True, label_vi="Số CCCD"),
    ] = None
    note: Annotated[TextCell, Column(T, ("Ghi chú", "Lý do trễ hạn"), label_vi="Ghi chú")] = None


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
