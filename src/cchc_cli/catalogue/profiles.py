"""Why a vendor profile file (`--profile`, `cchc profile`) is refused, and the words of a drafted
profile (`cchc profile init`).

Each `profile_file.` reason fills the {reason} of `config.profile_invalid` /
`config.profile_unreadable` (and of the `config.columns_` ones for a --columns file); {hint} is a
"did you mean" or nothing. The `profile.` keys are issue codes (`issues`), hence another prefix.
"""

from __future__ import annotations

REASONS: dict[str, tuple[str, str]] = {
    # reading the file
    "profile_file.too_large": ("tệp quá lớn ({size} byte)", "file too large ({size} bytes)"),
    "profile_file.not_utf8": (
        "không phải UTF-8: mở bằng Notepad, chọn Lưu thành với mã hóa UTF-8",
        "not UTF-8: open it in Notepad and save it with the UTF-8 encoding",
    ),
    # its shape, as Pydantic checks it (by Pydantic's error type)
    "profile_file.missing": ("thiếu khóa này", "this key is missing"),
    "profile_file.extra_forbidden": (
        "khóa không có trong cấu hình (viết sai tên?)",
        "not a key of a profile (misspelt?)",
    ),
    "profile_file.string_pattern_mismatch": (
        "tên chỉ gồm chữ thường không dấu, số, '-' hoặc '_'",
        "a name has only lower-case letters without accents, digits, '-' or '_'",
    ),
    "profile_file.detect_headers": (
        "mỗi mục cần ít nhất một tên cột",
        "each entry needs at least one header name",
    ),
    # the names it uses
    "profile_file.not_a_field": (
        "'{value}' không phải trường hay 'ignore'.{hint}",
        "'{value}' is neither a field nor 'ignore'.{hint}",
    ),
    "profile_file.unknown_vocabulary": (
        "không có danh mục này.{hint}",
        "no such vocabulary.{hint}",
    ),
    "profile_file.code_expected": (
        "mã phải là một trong {codes}.{hint}",
        "the code must be one of {codes}.{hint}",
    ),
    "profile_file.unknown_date_form": (
        "không biết dạng ngày '{form}'; các dạng có: {forms}",
        "unknown date form '{form}'; known: {forms}",
    ),
    # its place among the shipped profiles
    "profile_file.name_must_be": ("tên phải là '{name}'", "the name must be '{name}'"),
    "profile_file.extends_loop": ("vòng lặp extends", "'extends' goes round in a loop"),
    "profile_file.shipped_name": (
        "'{name}' là tên một cấu hình có sẵn; đặt tên khác",
        "'{name}' is the name of a shipped profile; choose another",
    ),
    # a drafted profile (`cchc profile init`): comments in the YAML it writes
    "profile_draft.made": (
        "Cấu hình phần mềm soạn bởi 'cchc profile init' ngày {today} từ tệp {path}.",
        "Vendor profile drafted by 'cchc profile init' on {today} from {path}.",
    ),
    "profile_draft.how": (
        "Với mỗi dòng có ~ : thay ~ bằng tên trường (hoặc ignore để bỏ qua cột) hay mã đúng,\n"
        "# chọn trong chú thích ngay trên; để ~ nếu chưa biết (dòng đó không có tác dụng).",
        "For each line with ~ : replace ~ with the field name (or ignore to leave the column\n"
        "# out) or the code, from the comment above it; a ~ line has no effect.",
    ),
    "profile_draft.check": (
        "Rồi kiểm tra: cchc inspect {path} --profile {output}",
        "Then check: cchc inspect {path} --profile {output}",
    ),
    "profile_draft.title": ("Phần mềm một cửa (đặt tên)", "One-stop system (name it)"),
    "profile_draft.sample": ("Tệp mẫu: {path}", "Sample file: {path}"),
    "profile_draft.missing": (
        "Trang tính {sheet}: chưa có cột cho trường bắt buộc {fields}",
        "Sheet {sheet}: no column yet for the required {fields}",
    ),
    "profile_draft.mapped": (
        'Đã đọc (sửa ở đây nếu sai, vd. "{text}": {field}):',
        'Read already (correct here if wrong, e.g. "{text}": {field}):',
    ),
    "profile_draft.rows": ("dòng", "rows"),
    "profile_draft.numbers": (
        "Mã số của cột: ghi nghĩa của TẤT CẢ các số (danh sách này thay danh sách mã của cấu "
        "hình gốc; còn một số để ~ thì cả cột không đọc số nào).",
        "The column's numbers: give the meaning of EVERY one (this list replaces the inherited "
        "one; while one is left ~, no number of the column is read).",
    ),
    "profile_draft.now": ("theo danh mục gốc:", "in the inherited list:"),
    "profile_draft.codes": (
        "Mã trạng thái: NEW mới nộp, chưa tiếp nhận · RECEIVED đã tiếp nhận · NOT_ACCEPTED "
        "không tiếp nhận · PROCESSING đang xử lý · SUPPLEMENT_REQUESTED chờ bổ sung · "
        "AWAITING_PAYMENT chờ thực hiện nghĩa vụ tài chính · PAUSED tạm dừng · WITHDRAWN rút hồ "
        "sơ · STOPPED dừng xử lý, trả lại · COMPLETED có kết quả, CHƯA trả · RETURNED ĐÃ trả "
        "kết quả.",
        "Status codes: NEW submitted, not received · RECEIVED received · NOT_ACCEPTED refused at "
        "reception · PROCESSING in progress · SUPPLEMENT_REQUESTED waiting for documents · "
        "AWAITING_PAYMENT waiting for fees · PAUSED paused · WITHDRAWN withdrawn · STOPPED "
        "stopped, sent back · COMPLETED result ready, NOT handed over · RETURNED result handed "
        "over.",
    ),
    "profile_draft.nothing_close": ("không có trường nào gần", "nothing close"),
    "profile_draft.closest": ("gần nhất: {candidates}", "closest: {candidates}"),
}
