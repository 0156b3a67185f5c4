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
    # limits an input file must keep (readers/limits.py); {variable} raises the limit
    "limit.file_mb": (
        "tệp {value}, quá giới hạn {limit} (đặt {variable} để nâng)",
        "the file is {value}, over the limit of {limit} (set {variable} to raise it)",
    ),
    "limit.unzipped_mb": (
        "khi giải nén tệp chiếm {value}, quá giới hạn {limit} (đặt {variable} để nâng)",
        "unpacked, the file takes {value}, over the limit of {limit} (set {variable} to raise it)",
    ),
    "limit.zip_ratio": (
        "một phần của tệp nở ra {value} khi giải nén, quá giới hạn {limit} của tệp thật "
        "(có thể là tệp độc hại; đặt {variable} để nâng)",
        "a part of the file inflates {value}, over the limit of {limit} real files keep "
        "(possibly a hostile file; set {variable} to raise it)",
    ),
    "limit.zip_members": (
        "tệp có {value} phần, quá giới hạn {limit} (đặt {variable} để nâng)",
        "the file has {value} parts, over the limit of {limit} (set {variable} to raise it)",
    ),
    "limit.columns": (
        "bảng có {value} cột, quá giới hạn {limit}; xóa các cột thừa ở bên phải hoặc kiểm tra "
        "dấu phân cách (đặt {variable} để nâng)",
        "the table has {value} columns, over the limit of {limit}; delete the extra columns on "
        "the right or check the delimiter (set {variable} to raise it)",
    ),
    "limit.cells_million": (
        "trang tính khai báo {value} ô, quá giới hạn {limit}; xóa các dòng, cột trống thừa "
        "(đặt {variable} để nâng)",
        "a sheet declares {value} cells, over the limit of {limit}; delete the empty rows and "
        "columns (set {variable} to raise it)",
    ),
    "limit.reader_mb": (
        "bộ đọc tệp đã dùng {value} bộ nhớ, quá mức {limit} mà một tệp cỡ này cần, nên đã bị "
        "dừng (tệp hỏng hoặc độc hại; đặt {variable} để nâng)",
        "the file reader used {value} of memory, over the {limit} a file of this size needs, "
        "and was stopped (a damaged or hostile file; set {variable} to raise the limit)",
    ),
    "reader.ole_broken": (
        "cấu trúc bên trong của tệp .xls cũ bị hỏng ở sector {sector} (một chuỗi sector lặp vòng, "
        "chồng lên chuỗi khác hoặc ra ngoài tệp): tệp hỏng hoặc độc hại",
        "the inner structure of the legacy .xls file is broken at sector {sector} (a sector chain "
        "loops, overlaps another or leaves the file): a damaged or hostile file",
    ),
    "reader.html_cells": (
        "các ô gộp (colspan, rowspan) của trang HTML trải ra {cells} ô, quá mức {limit} ô mà một "
        "tệp cỡ này chứa được: tệp hỏng hoặc độc hại",
        "the page's merged cells (colspan, rowspan) spread to {cells} cells, past the {limit} a "
        "file of this size can hold: a damaged or hostile file",
    ),
    "reader.strings_count_lies": (
        "tệp khai báo {count} chuỗi văn bản mà phần chứa chúng chỉ có {size} byte: tệp hỏng "
        "hoặc độc hại",
        "the file declares {count} text strings in a part of only {size} bytes: a damaged or "
        "hostile file",
    ),
    "reader.csv_field_too_long": (
        "ô CSV bắt đầu ở dòng {line} dài quá {limit}, thường do một dấu ngoặc kép mở ở dòng đó "
        "mà không đóng: sửa dòng đó (nếu ô thật sự dài như vậy, đặt {variable} để nâng giới hạn)",
        "the CSV cell starting on line {line} is longer than {limit}, usually a double quote "
        "opened on that line and never closed: fix that line (if the cell really is that long, "
        "set {variable} to raise the limit)",
    ),
    "reader.csv_unclosed_quote": (
        "dấu ngoặc kép mở ở dòng {line} không được đóng, nên các dòng sau bị đọc gộp vào một "
        "ô; sửa dấu ngoặc kép ở dòng đó (hoặc mở tệp bằng Excel và lưu lại)",
        "a double quote opened on line {line} is never closed, so the lines after it were read "
        "into one cell; fix the quote on that line (or open the file in Excel and save it again)",
    ),
    "reader.died": (
        "bộ đọc tệp dừng bất thường khi đọc tệp này: {detail}; tệp hỏng hoặc độc hại",
        "the file reader stopped abnormally on this file: {detail}; a damaged or hostile file",
    ),
    "reader.crashed": (
        "thư viện đọc tệp gặp lỗi nội bộ: {detail}",
        "the file reader failed inside: {detail}",
    ),
    # option values
    "option.date_expected": (
        "'{value}': cần một ngày có thật, viết dd/mm/yyyy (ví dụ 31/03/2025).",
        "'{value}': expected a real date written dd/mm/yyyy (e.g. 31/03/2025).",
    ),
    "option.xlsx_needs_output": (
        "--format xlsx ghi một bảng tính: cho tên tệp .xlsx bằng -o, ví dụ -o ket-qua.xlsx",
        "--format xlsx writes a workbook: name its .xlsx file with -o, e.g. -o ket-qua.xlsx",
    ),
    "option.by_not_groupable": (
        "'{name}': không nhóm theo trường ngày hoặc số.{hint}",
        "'{name}': cannot group by a date or number field.{hint}",
    ),
    "option.by_personal": (
        "'{name}' là dữ liệu cá nhân: bảng kết quả không nhóm theo trường này (họ tên, số điện "
        "thoại, địa chỉ, số CCCD không hiện trong kết quả). Hay dùng: agency_name (đơn vị), "
        "field_name (lĩnh vực), admin_level (cấp). Danh sách hồ sơ trễ hạn kèm thông tin người "
        "nộp: cchc report … --include-personal-data.",
        "'{name}' is personal data: results are not grouped by it (names, phones, addresses and "
        "ID numbers are not shown in results). Common: agency_name, field_name, admin_level. The "
        "late dossiers with their applicants: cchc report … --include-personal-data.",
    ),
    "option.by_unknown_field": (
        "'{name}': không phải trường chuẩn.{hint} Hay dùng: agency_name (đơn vị), field_name "
        "(lĩnh vực), admin_level (cấp); mọi trường: cchc inspect TỆP --ids.",
        "'{name}': not a canonical field.{hint} Often used: agency_name (unit), field_name "
        "(field), admin_level (level); every field: cchc inspect FILE --ids.",
    ),
    "option.dataset_choice": (
        "'{name}': chọn một trong {choices}.{hint}",
        "'{name}': choose one of {choices}.{hint}",
    ),
    # the operating system's reasons, in the officer's language (its own words are English on
    # Linux and a server's locale elsewhere)
    "oserror.EACCES": ("không có quyền truy cập", "permission denied"),
    "oserror.EPERM": ("không được phép", "operation not permitted"),
    "oserror.ENOENT": ("không có tệp hay thư mục này", "no such file or folder"),
    "oserror.ENOSPC": ("hết chỗ trống trên đĩa", "no space left on the disk"),
    "oserror.EROFS": ("ổ đĩa chỉ cho đọc", "read-only file system"),
    "oserror.ENOTDIR": (
        "một phần của đường dẫn là tệp, không phải thư mục",
        "a part of the path is a file, not a folder",
    ),
    "oserror.EISDIR": ("đây là thư mục", "it is a folder"),
    "output.read_only_file": (
        "tệp đang đặt chỉ đọc: bỏ dấu Read-only trong Properties của tệp, hoặc chọn tên khác",
        "the file is read-only: clear Read-only in the file's Properties, or choose another name",
    ),
    # a file stands where a folder should be made (CCHC_CACHE_DIR naming a file)
    "oserror.EEXIST": (
        "đã có một tệp trùng tên ở chỗ cần tạo thư mục",
        "a file of that name stands where a folder is needed",
    ),
    "oserror.ENAMETOOLONG": ("tên tệp quá dài", "the file name is too long"),
    "oserror.EBUSY": ("tệp đang được dùng", "the file is in use"),
    "oserror.EIO": ("lỗi đọc ghi đĩa", "a disk input/output error"),
    "oserror.EDQUOT": ("hết hạn mức dung lượng", "the disk quota is used up"),
    # outputs
    "output.lock_file_hint": (
        " Nếu tệp đã đóng mà vẫn báo, xoá tệp khoá '{lock}' nằm cạnh nó (Excel để lại khi bị "
        "tắt đột ngột).",
        " If it is closed and this is still said, delete the lock file '{lock}' beside it "
        "(left by Excel when it was stopped abruptly).",
    ),
    # interface words
    "reading_files": ("Đọc tệp", "Reading files"),
    "profile_numbers": ("số {numbers}", "number {numbers}"),
}
