"""Ready-to-fill workbooks for the registers officers keep by hand (`cchc template`)."""

from __future__ import annotations

import io
from datetime import datetime

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from cchc_cli.ingest.rows import EXAMPLE_MARK
from cchc_cli.profiles import base_profile
from cchc_cli.schema.fields import Dataset, FieldSpec, Kind

YES, NO = "Có", "Không"
ROWS_WITH_LISTS = 5000  # dropdowns reach this far down the sheet
_KIND_NOTE = {
    Kind.DATETIME: "Ngày dạng dd/mm/yyyy (có thể kèm giờ HH:MM).",
    Kind.BOOLEAN: "Chọn Có hoặc Không (để trống là Không).",
    Kind.COUNT: "Số nguyên không âm.",
    Kind.AMOUNT: "Số, ví dụ 150000.",
    Kind.TEXT: "Chữ.",
}


def choices(spec: FieldSpec) -> list[str]:
    """The words a dropdown offers for a field (first label of each code, or Có/Không)."""
    if spec.kind is Kind.BOOLEAN and not spec.vocabulary:
        return [YES, NO]
    if spec.vocabulary:
        # a label, or a yes/no that also says how (Độ mật: Thường, Mật, Tối mật, Tuyệt mật)
        vocabulary = base_profile().vocabularies[spec.vocabulary]
        # The first label of each code after the code itself (labels start with the code).
        words = [
            next((w for w in vocabulary.labels.get(code, []) if w != code), None)
            for code in vocabulary.kind.code_values
        ]
        # a code no one writes (secret, level not stated: a plain "x") is not offered
        return [w for w in words if w is not None]
    return []


def example_value(spec: FieldSpec) -> object:
    """The value of the example row: the field's own example, else a plausible one."""
    if spec.kind is Kind.DATETIME:
        text = spec.example or "05/03/2025"
        return datetime.strptime(text, "%d/%m/%Y")
    if spec.example:
        if spec.kind in (Kind.COUNT, Kind.AMOUNT):
            return int(spec.example)
        return spec.example
    if spec.kind in (Kind.BOOLEAN, Kind.LABEL):
        return choices(spec)[0]
    if spec.kind is Kind.COUNT:
        return 1
    if spec.kind is Kind.AMOUNT:
        return 100000
    return "Ví dụ"


def note_for(dataset: Dataset, spec: FieldSpec) -> str:
    """The comment on a header cell: what the field means and how to fill it."""
    parts = []
    if spec.name in dataset.required:
        parts.append("BẮT BUỘC.")
    if spec.note_vi:
        parts.append(spec.note_vi.rstrip(".") + ".")
    if spec.kind is Kind.LABEL or spec.vocabulary:
        parts.append("Chọn trong danh sách: " + ", ".join(choices(spec)) + ".")
    else:
        parts.append(_KIND_NOTE[spec.kind])
    parts.append(f"(trường chuẩn: {spec.name})")
    return " ".join(parts)


def template_workbook(dataset: Dataset) -> bytes:
    """An .xlsx with the dataset's Vietnamese headers, one example row, dropdowns, notes."""
    wb = Workbook()
    ws = wb.active
    ws.title = dataset.title_vi[:31]
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F4E78")
    specs = [s for s in dataset.fields.values() if not s.derived]
    # The example row carries a mark in its first text cell: left as it is, cchc skips the row
    # (an info issue says so); overwritten with real data, the mark is gone.
    marked = next((s.name for s in specs if s.kind is Kind.TEXT), None)
    for column, spec in enumerate(specs, start=1):
        cell = ws.cell(row=1, column=column, value=spec.label_vi)
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        comment = Comment(note_for(dataset, spec), "cchc")
        comment.width, comment.height = 320, 140
        cell.comment = comment
        value = example_value(spec)
        if spec.name == marked:
            value = f"{EXAMPLE_MARK} {value}"
        example = ws.cell(row=2, column=column, value=value)
        example.font = Font(italic=True, color="808080")
        if spec.kind is Kind.DATETIME:
            example.number_format = "dd/mm/yyyy"
        letter = get_column_letter(column)
        ws.column_dimensions[letter].width = max(12, min(40, len(spec.label_vi) + 4))
        options = choices(spec)
        if options:
            validation = DataValidation(
                type="list",
                formula1='"' + ",".join(options) + '"',
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="Giá trị không hợp lệ",
                error="Chọn một giá trị trong danh sách.",
            )
            ws.add_data_validation(validation)
            validation.add(f"{letter}2:{letter}{ROWS_WITH_LISTS}")
    ws.row_dimensions[1].height = 42
    ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
