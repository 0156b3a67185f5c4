"""User-interface words in Vietnamese (default) and English."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "file": ("Tệp", "File"),
    "sheet": ("Trang tính", "Sheet"),
    "format": ("Định dạng", "Format"),
    "dataset": ("Loại dữ liệu", "Dataset"),
    "header_rows": ("Dòng tiêu đề", "Header rows"),
    "rows_read": ("Đọc", "Read"),
    "rows_valid": ("Hợp lệ", "Valid"),
    "rows_rejected": ("Bị loại", "Rejected"),
    "rows_skipped": ("Bỏ qua", "Skipped"),
    "severity": ("Mức", "Severity"),
    "code": ("Mã", "Code"),
    "row": ("Dòng", "Row"),
    "column": ("Cột", "Column"),
    "value": ("Giá trị", "Value"),
    "message": ("Nội dung", "Message"),
    "inputs_title": ("Kết quả đọc dữ liệu", "Input accounting"),
    "issues_title": ("Các vấn đề phát hiện", "Issues found"),
    "no_issues": ("Không có vấn đề nào.", "No issues."),
    "more_issues": (
        "… còn {n} vấn đề nữa; dùng --max-issues 0 hoặc --format json để xem tất cả.",
        "… {n} more issues; use --max-issues 0 or --format json to see them all.",
    ),
    "summary": (
        "Tổng: {read} dòng đọc, {valid} hợp lệ, {rejected} bị loại, {skipped} bỏ qua; "
        "{errors} lỗi, {warnings} cảnh báo, {duplicates} hồ sơ trùng.",
        "Total: {read} rows read, {valid} valid, {rejected} rejected, {skipped} skipped; "
        "{errors} errors, {warnings} warnings, {duplicates} duplicate dossiers.",
    ),
    "error": ("lỗi", "error"),
    "warning": ("cảnh báo", "warning"),
    "info": ("thông tin", "info"),
    "detected_format": ("Định dạng phát hiện", "Detected format"),
    "encoding": ("Bảng mã", "Encoding"),
    "delimiter": ("Dấu phân cách", "Delimiter"),
    "recognised_as": ("Nhận dạng", "Recognised as"),
    "not_recognised": ("Không nhận ra", "Not recognised"),
    "header_text": ("Tiêu đề cột (như trong tệp)", "Header (as written)"),
    "canonical": ("Trường chuẩn", "Canonical field"),
    "position": ("Vị trí", "Position"),
    "unmapped": ("(không dùng)", "(unused)"),
    "skipped_by_reason": ("Dòng bỏ qua theo lý do", "Skipped rows by reason"),
    "preview": ("Các dòng đầu sau khi chuẩn hóa", "First rows, normalised"),
    "field": ("Trường", "Field"),
    "blank": ("dòng trống", "blank"),
    "column_numbers": ("dòng đánh số cột", "column numbers"),
    "total": ("dòng tổng cộng", "total line"),
    "footer": ("chân trang/chữ ký", "footer/signature"),
    "section": ("tiêu đề nhóm", "section title"),
    "repeated_header": ("tiêu đề lặp lại", "repeated header"),
    "missing_required": ("Thiếu cột bắt buộc", "Missing required columns"),
}


def label(key: str, lang: str, **params: object) -> str:
    """The word for `key` in `lang`, with {params} filled in."""
    vi, en = LABELS[key]
    text = en if lang == "en" else vi
    return text.format(**params) if params else text
