"""Why an input file cannot be read, or an option value cannot be used; and the few interface
words of the commands that read files.

A `reader.` reason fills the {reason} of `file.unreadable`; {detail} is the text of the library
that failed (zip, lxml), not ours to translate. An `option.` reason is the message of a usage
error; {hint} is a "did you mean" or nothing.
"""

from __future__ import annotations

REASONS: dict[str, tuple[str, str]] = {
    # reading an input file
    "reader.not_a_table_file": ("không phải Excel, HTML hay CSV", "not Excel, HTML or CSV"),
    "reader.corrupt_zip": ("tệp nén hỏng: {detail}", "corrupt zip file: {detail}"),
    "reader.zip_not_workbook": (
        "tệp zip không phải bảng tính Excel",
        "the zip file is not an Excel workbook",
    ),
    "reader.broken_html": ("HTML hỏng: {detail}", "broken HTML: {detail}"),
    "reader.no_html_table": (
        "không có bảng nào trong tệp HTML",
        "no table in the HTML file",
    ),
    # option values
    "option.date_expected": (
        "'{value}': cần một ngày dd/mm/yyyy",
        "'{value}': expected a date dd/mm/yyyy",
    ),
    "option.by_not_groupable": (
        "'{name}': không nhóm theo trường ngày hoặc số.{hint}",
        "'{name}': cannot group by a date or number field.{hint}",
    ),
    "option.by_unknown_field": (
        "'{name}': không phải trường chuẩn.{hint}",
        "'{name}': not a canonical field.{hint}",
    ),
    "option.dataset_choice": (
        "'{name}': chọn một trong {choices}.{hint}",
        "'{name}': choose one of {choices}.{hint}",
    ),
    # interface words
    "reading_files": ("Đọc tệp", "Reading files"),
    "profile_numbers": ("số {numbers}", "number {numbers}"),
}
