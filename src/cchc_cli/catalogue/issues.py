"""Issue codes and their messages: the catalogue entries that carry a severity."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How bad an issue is: errors reject a row or an input, warnings keep it."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Message:
    """One catalogue entry: default severity and the text in both languages."""

    severity: Severity
    vi: str
    en: str


# Codes are a contract (README lists them); never rename one, add new ones.
ISSUES: dict[str, Message] = {
    # Inputs and files
    "input.not_found": Message(
        Severity.ERROR,
        "Không tìm thấy tệp hoặc thư mục '{path}'. Kiểm tra lại đường dẫn.",
        "File or folder '{path}' not found. Check the path.",
    ),
    "input.not_a_file": Message(
        Severity.ERROR,
        "'{path}' không phải tệp hay thư mục thông thường (đường ống, thiết bị): không đọc. "
        "Chỉ định tệp dữ liệu xuất từ hệ thống.",
        "'{path}' is not a regular file or folder (a pipe, a device): not read. Name the "
        "system's export file.",
    ),
    "input.skipped_not_a_file": Message(
        Severity.INFO,
        "'{path}' không phải tệp thông thường (đường ống, thiết bị hay liên kết hỏng): bỏ qua.",
        "'{path}' is not a regular file (a pipe, a device or a broken link): passed over.",
    ),
    "input.own_output": Message(
        Severity.INFO,
        "'{path}' là tệp cchc đã ghi (báo cáo, kết quả tính): không đọc như dữ liệu.",
        "'{path}' is a file cchc wrote (a report, a result): not read as data.",
    ),
    "input.no_files": Message(
        Severity.ERROR,
        "Không có tệp .xlsx/.xls/.csv nào trong '{path}'.",
        "No .xlsx/.xls/.csv file found in '{path}'.",
    ),
    "file.unreadable": Message(
        Severity.ERROR,
        "Không đọc được tệp ({reason}). Mở tệp bằng Excel, lưu lại dạng .xlsx rồi chạy lại.",
        "Cannot read the file ({reason}). Open it in Excel, save it as .xlsx and run again.",
    ),
    "file.over_limit": Message(
        Severity.ERROR,
        "Không đọc tệp: {reason}. Kiểm tra tệp có đúng là bản xuất từ hệ thống không; nếu đúng, "
        "xuất lại theo từng tháng hoặc nâng giới hạn rồi chạy lại.",
        "File not read: {reason}. Check that the file really is an export of the system; if "
        "it is, export it month by month or raise the limit and run again.",
    ),
    "file.encoding": Message(
        Severity.ERROR,
        "Không xác định được bảng mã của tệp CSV. Lưu lại tệp dạng CSV UTF-8 rồi chạy lại.",
        "Cannot tell the CSV file's encoding. Save it as CSV UTF-8 and run again.",
    ),
    "file.no_dataset": Message(
        Severity.ERROR,
        "Tệp không có trang tính nào chứa dữ liệu.",
        "The file has no sheet with data.",
    ),
    "file.changed_while_read": Message(
        Severity.WARNING,
        "Tệp thay đổi trong lúc đang đọc (có thể phần mềm đang ghi hoặc đồng bộ tệp): số liệu là "
        "của lần đọc này, mã SHA-256 có thể không khớp, và tệp không được lưu vào bộ nhớ đệm. "
        "Chạy lại khi tệp đã ghi xong.",
        "The file changed while it was being read (a program writing or syncing it): the "
        "figures are from this read, its SHA-256 may not match, and it was not cached. Run "
        "again once the file is fully written.",
    ),
    "file.not_data": Message(
        Severity.WARNING,
        "Tệp trong thư mục không phải danh sách dữ liệu (không nhận ra dòng tiêu đề); bỏ qua. "
        "Nếu đây là dữ liệu, chạy riêng tệp này với cchc inspect để xem lý do.",
        "A file in the folder is not a data list (no header recognised); passed over. If it is "
        "data, run cchc inspect on it to see why.",
    ),
    # Sheets and headers
    "sheet.no_dataset": Message(
        Severity.INFO,
        "Trang tính không nhận ra được: gần nhất là '{dataset}' (dòng tiêu đề {header_row}), "
        "thiếu cột bắt buộc: {missing}. Nếu tệp xuất từ phần mềm cchc chưa biết, chạy 'cchc "
        "profile init TỆP -o phan-mem.yaml' để soạn cấu hình cho phần mềm đó; hoặc kiểm tra dòng "
        "tiêu đề.",
        "Sheet not recognised: closest is '{dataset}' (header row {header_row}), missing "
        "required columns: {missing}. If a system cchc does not know exported the file, run "
        "'cchc profile init FILE -o vendor.yaml' to draft a profile for it; or check the header "
        "row.",
    ),
    "sheet.no_header": Message(
        Severity.INFO,
        "Trang tính không có dòng tiêu đề nào của một danh sách cchc đọc được (chẳng hạn "
        "'{dataset}' cần các cột {missing}). Kiểm tra đây có phải tệp xuất danh sách không; nếu "
        "đúng, chạy 'cchc profile init TỆP -o phan-mem.yaml' để soạn cấu hình cho phần mềm đó.",
        "The sheet has no header row of a list cchc reads (for instance '{dataset}' needs the "
        "columns {missing}). Check that this is an exported list; if it is, run 'cchc profile "
        "init FILE -o vendor.yaml' to draft a profile for its system.",
    ),
    "sheet.legacy_encoding": Message(
        Severity.ERROR,
        "Chữ trong trang tính được gõ bằng bảng mã cũ {encoding}, không phải Unicode (ví dụ "
        "'{example}'): tên thủ tục, trạng thái sẽ bị đọc sai. Chuyển mã bằng Unikey (Công cụ "
        "chuyển mã, nguồn {encoding}, đích Unicode) hoặc xuất lại từ hệ thống, rồi chạy lại.",
        "The sheet's text is typed in the legacy {encoding} encoding, not Unicode (e.g. "
        "'{example}'): procedure names and statuses would be misread. Convert it with Unikey's "
        "converter (source {encoding}, target Unicode) or export it again, and run again.",
    ),
    "sheet.profile_unclear": Message(
        Severity.ERROR,
        "Trang tính chỉ đọc được theo cấu hình của phần mềm khác ({profiles}), nhưng không có "
        "cột đặc trưng của phần mềm nào và các cấu hình này hiểu cột khác nhau. Chạy lại với "
        "--profile TÊN (xem cchc profile list), hoặc soạn cấu hình bằng cchc profile init.",
        "Only other systems' profiles ({profiles}) read this sheet, but it has none of their "
        "identifying columns and they read the columns differently. Run again with --profile "
        "NAME (see cchc profile list), or draft one with cchc profile init.",
    ),
    "sheet.ambiguous_dataset": Message(
        Severity.ERROR,
        "Trang tính khớp với nhiều loại dữ liệu ({datasets}). Chọn một bằng --dataset.",
        "Sheet matches several datasets ({datasets}). Choose one with --dataset.",
    ),
    "profile.ambiguous": Message(
        Severity.WARNING,
        "Tên cột khớp như nhau với nhiều cấu hình phần mềm ({profile}, {others}); đọc theo "
        "'{profile}'. Nếu biết tệp xuất từ phần mềm nào, chạy lại với --profile TÊN.",
        "The headers fit several vendor profiles equally well ({profile}, {others}); read as "
        "'{profile}'. If you know which system exported the file, run again with --profile NAME.",
    ),
    "profile.unconfirmed": Message(
        Severity.WARNING,
        "Chỉ cấu hình phần mềm '{profile}' đọc được trang tính này (cấu hình chung thì không), "
        "dù trang tính không có các cột đặc trưng của phần mềm đó; đã đọc theo '{profile}'. "
        "Xem bảng ánh xạ cột bằng cchc inspect; nếu sai, soạn cấu hình bằng cchc profile init.",
        "Only vendor profile '{profile}' can read this sheet (the generic one cannot), though "
        "the sheet lacks that system's identifying columns; read as '{profile}'. Check the "
        "column mapping with cchc inspect; if it is wrong, draft a profile with cchc profile "
        "init.",
    ),
    "profile.suggested": Message(
        Severity.WARNING,
        "Cấu hình '{profile}' ({title}) nhận ra {score} cột của trang tính, cấu hình đang dùng "
        "{chosen}, nhưng trang tính thiếu cột đặc trưng của phần mềm đó nên không tự chọn. Nếu "
        "tệp xuất từ phần mềm đó, chạy lại với --profile {profile}.",
        "Profile '{profile}' ({title}) recognises {score} of the sheet's columns, the one used "
        "{chosen}, but the sheet lacks that system's identifying columns, so it was not chosen. "
        "If the file comes from that system, run again with --profile {profile}.",
    ),
    "profile.unread": Message(
        Severity.WARNING,
        "Đọc theo cấu hình phần mềm '{profile}' nhưng còn chưa hiểu {what}. Chạy 'cchc "
        "profile init TỆP -o phan-mem.yaml', điền tên trường/mã cho từng dòng có ~ trong tệp đó, "
        "rồi chạy lại với --profile phan-mem.yaml.",
        "Read with vendor profile '{profile}', but {what} not understood. Run 'cchc profile "
        "init FILE -o vendor.yaml', fill in the field or code of each line with ~ in that file, "
        "then run again with --profile vendor.yaml.",
    ),
    "profile.no_header": Message(
        Severity.ERROR,
        "Không tìm thấy dòng tiêu đề nào trong tệp để soạn cấu hình phần mềm. Mở tệp kiểm tra "
        "xem có dòng tên cột không.",
        "No header row found in the file to draft a vendor profile from. Open the file and check "
        "that it has a row of column names.",
    ),
    "header.secondary_used": Message(
        Severity.WARNING,
        "Cột '{column}' được đọc là '{field}' vì trang tính không có cột chính của trường này; "
        "ở một số phần mềm cột này mang nghĩa khác (vd. 'Hạn xử lý' là hạn của bước xử lý hiện "
        "tại). Nếu sai, chỉ định --profile của phần mềm hoặc soạn cấu hình bằng cchc profile init.",
        "Column '{column}' is read as '{field}' because the sheet has no primary column for that "
        "field; in some systems it means something else (e.g. 'Hạn xử lý' is the deadline of the "
        "current step). If that is wrong, give --profile for the system or draft one with cchc "
        "profile init.",
    ),
    "header.duplicate_field": Message(
        Severity.WARNING,
        "Cột '{column}' cũng là '{field}' như cột '{first}'; dùng cột '{first}', bỏ qua cột này.",
        "Column '{column}' also maps to '{field}' like column '{first}'; using '{first}', "
        "ignoring this one.",
    ),
    # Rows and values
    "row.missing_required": Message(
        Severity.ERROR,
        "Thiếu giá trị bắt buộc ở cột '{column}'; dòng bị loại.",
        "Required value missing in column '{column}'; row rejected.",
    ),
    "row.missing_procedure": Message(
        Severity.ERROR,
        "Thiếu cả mã thủ tục và tên thủ tục; dòng bị loại.",
        "Both procedure code and procedure name are missing; row rejected.",
    ),
    "row.missing_one_of": Message(
        Severity.ERROR,
        "Thiếu giá trị ở tất cả các cột {column} (cần ít nhất một); dòng bị loại.",
        "No value in any of the columns {column} (at least one is needed); row rejected.",
    ),
    "row.template_example": Message(
        Severity.INFO,
        "Dòng ví dụ của mẫu cchc (ô bắt đầu bằng 'Ví dụ:'): không tính. Xóa dòng này hoặc ghi "
        "đè bằng số liệu thật.",
        "The example row of the cchc template (a cell starting with 'Ví dụ:'): not counted. "
        "Delete it or write real figures over it.",
    ),
    "row.after_footer": Message(
        Severity.WARNING,
        "Dòng có số liệu nằm sau dòng tổng cộng/chữ ký nên bị bỏ qua. Nếu đây là "
        "số liệu thật (bảng chia phần, mỗi phần có dòng cộng), xóa các dòng cộng ở giữa bảng "
        "rồi chạy lại.",
        "A row with data below a total/signature line is skipped. If it is real data "
        "(a table in sections, each with its total line), remove the total lines inside the "
        "table and run again.",
    ),
    "value.date_unparseable": Message(
        Severity.WARNING,
        "'{value}' không phải ngày hợp lệ (dạng ngày/tháng/năm, ví dụ 05/03/2025).{consequence}",
        "'{value}' is not a valid date (day/month/year, e.g. 05/03/2025).{consequence}",
    ),
    "value.date_impossible": Message(
        Severity.WARNING,
        "Ngày '{value}' không tồn tại trên lịch (hoặc năm ngoài khoảng 1900–2100).{consequence}",
        "Date '{value}' does not exist in the calendar (or its year is outside 1900–2100)."
        "{consequence}",
    ),
    "value.number_invalid": Message(
        Severity.WARNING,
        "'{value}' không phải số hợp lệ; để trống giá trị này.",
        "'{value}' is not a valid number; value left empty.",
    ),
    "value.integer_invalid": Message(
        Severity.WARNING,
        "'{value}' không phải số nguyên không âm; để trống giá trị này.",
        "'{value}' is not a non-negative whole number; value left empty.",
    ),
    "value.boolean_unknown": Message(
        Severity.WARNING,
        "'{value}' không phải Có/Không (x, 1, Có, Đã… hoặc trống, 0, Không, Chưa…); "
        "để trống giá trị này.",
        "'{value}' is not yes/no (x, 1, Có, Đã… or blank, 0, Không, Chưa…); value left empty.",
    ),
    "value.label_unknown": Message(
        Severity.WARNING,
        "'{value}' không có trong danh mục {vocabulary}; ghi nhận là «không rõ» (không đoán). "
        "Nếu đây là nhãn riêng của phần mềm, ghi nghĩa của nó trong cấu hình phần mềm (cchc "
        "profile init) hoặc tệp --columns.",
        "'{value}' is not in the {vocabulary} list; recorded as «unknown» (never guessed). If it "
        "is this vendor's own label, give its meaning in a vendor profile (cchc profile init) or "
        "a --columns file.",
    ),
    "value.numbers_foreign": Message(
        Severity.WARNING,
        "Cột có mã số không thuộc danh sách mã {vocabulary} của cấu hình phần mềm đang dùng, "
        "nên không mã số nào của cột được đọc ({rows} dòng ghi nhận là «không rõ»; các số: "
        "{value}); "
        "có thể đó là mã riêng của phần mềm. Đọc với --profile của phần mềm đó, hoặc ghi nghĩa "
        "các mã trong cấu hình phần mềm (cchc profile init).",
        "The column holds numbers outside the {vocabulary} code list of the profile in use, so "
        "none of its numbers is read ({rows} rows recorded as «unknown»; the numbers: {value}); "
        "they may be the system's own codes. Read with --profile of that system, or give the "
        "codes' meaning in a vendor profile (cchc profile init).",
    ),
    "duplicate.dossier": Message(
        Severity.WARNING,
        "Trùng mã với {other}, dòng {other_row}; giữ bản ghi đó (bản ghi đã kết thúc, mới hơn), "
        "không tính dòng này.",
        "Same code as {other}, row {other_row}; that record is kept (the ended, later one), "
        "this row is not counted.",
    ),
    "coverage.missing_months": Message(
        Severity.WARNING,
        "Dữ liệu hồ sơ không có đủ kỳ {period}: thiếu {months}. Các chỉ tiêu về hồ sơ của kỳ này "
        "không được tính; thêm tệp xuất của các tháng thiếu, hoặc chọn kỳ khác (--period).",
        "The dossier data does not hold all of {period}: {months} missing. The dossier targets "
        "of this period are not computed; add the exports of those months, or choose another "
        "period (--period).",
    ),
    "coverage.no_ended": Message(
        Severity.WARNING,
        "Dữ liệu hồ sơ không có hồ sơ nào đã kết thúc (không có ngày hoàn thành, trả kết quả hay "
        "từ chối): mọi hồ sơ được xét như đang giải quyết, nên tỷ lệ đúng hạn và các chỉ tiêu "
        "theo hồ sơ kết thúc không phản ánh kỳ. Xuất danh sách hồ sơ có đủ các cột ngày kết thúc.",
        "The dossier data holds no ended dossier (no completion, return or rejection date): every "
        "dossier is judged as open, so the on-time rate and the targets on ended dossiers do not "
        "reflect the period. Export the dossier list with its end-date columns.",
    ),
    "coverage.required": Message(
        Severity.ERROR,
        "Dữ liệu hồ sơ không có đủ kỳ {period} (thiếu {months}) và --require-coverage được "
        "chọn: dừng. Thêm tệp xuất của các tháng thiếu rồi chạy lại.",
        "The dossier data does not hold all of {period} ({months} missing) and "
        "--require-coverage is set: stopped. Add the exports of those months and run again.",
    ),
    "duplicate.record": Message(
        Severity.WARNING,
        "Trùng mã ({dataset}) với {other}, dòng {other_row}; giữ bản ghi đó, không tính dòng này.",
        "Same key ({dataset}) as {other}, row {other_row}; that record is kept, this row is not "
        "counted.",
    ),
    # Configuration
    # Retired (the --columns file became vendor profiles, issue 9); kept: codes are a contract.
    "config.columns_unreadable": Message(
        Severity.ERROR,
        "Không đọc được tệp cấu hình cột '{path}': {reason}",
        "Cannot read columns file '{path}': {reason}",
    ),
    "config.columns_invalid": Message(
        Severity.ERROR,
        "Tệp cấu hình cột '{path}' sai ở '{location}': {reason}",
        "Columns file '{path}' is wrong at '{location}': {reason}",
    ),
    "config.profile_unreadable": Message(
        Severity.ERROR,
        "Không đọc được tệp cấu hình phần mềm '{path}': {reason}",
        "Cannot read vendor profile file '{path}': {reason}",
    ),
    "config.profile_invalid": Message(
        Severity.ERROR,
        "Tệp cấu hình phần mềm '{path}' sai ở '{location}': {reason}",
        "Vendor profile file '{path}' is wrong at '{location}': {reason}",
    ),
    "config.unknown_profile": Message(
        Severity.ERROR,
        "Không có cấu hình phần mềm '{name}'. Các cấu hình có: {choices}; hoặc đưa đường dẫn tệp "
        ".yaml.{hint}",
        "No vendor profile '{name}'. Available: {choices}; or give the path of a .yaml file.{hint}",
    ),
    "config.unknown_dataset": Message(
        Severity.ERROR,
        "Không có loại dữ liệu '{name}'. Các loại có: {choices}.{hint}",
        "Unknown dataset '{name}'. Available: {choices}.{hint}",
    ),
    "output.unwritable": Message(
        Severity.ERROR,
        "Không ghi được tệp kết quả '{path}' ({reason}). Chọn thư mục khác hoặc kiểm tra "
        "quyền ghi.",
        "Cannot write the output file '{path}' ({reason}). Choose another folder or check the "
        "permissions.",
    ),
    "output.open_elsewhere": Message(
        Severity.ERROR,
        "Tệp '{path}' đang mở trong một chương trình khác (có thể là Excel): đóng tệp rồi chạy "
        "lại.{hint}",
        "The file '{path}' is open in another program (Excel, perhaps): close it and run "
        "again.{hint}",
    ),
    "output.not_a_file": Message(
        Severity.ERROR,
        "'{path}' không phải một tệp thông thường (thiết bị, đường ống hay thư mục): không ghi "
        "kết quả vào đó. Chọn một tên tệp.",
        "'{path}' is not a regular file (a device, a pipe or a folder): results are not written "
        "there. Choose a file name.",
    ),
    "cli.usage": Message(
        Severity.ERROR,
        "Lệnh chưa đúng: {detail} Xem cách dùng với --help.",
        "The command is not right: {detail} See --help for its use.",
    ),
    "output.no_office": Message(
        Severity.ERROR,
        "Xuất PDF cần LibreOffice (lệnh soffice) trên máy này. Cài LibreOffice, hoặc dùng "
        "--format docx rồi mở bằng Word và lưu thành PDF.",
        "PDF output needs LibreOffice (the soffice command) on this machine. Install "
        "LibreOffice, or use --format docx and save it as PDF from Word.",
    ),
    "output.pdf_failed": Message(
        Severity.ERROR,
        "LibreOffice không chuyển được báo cáo sang PDF ({reason}). Dùng --format docx rồi lưu "
        "thành PDF từ Word.",
        "LibreOffice could not convert the report to PDF ({reason}). Use --format docx and "
        "save it as PDF from Word.",
    ),
    "output.format_suffix": Message(
        Severity.ERROR,
        "Báo cáo --format {format} cần tên tệp đuôi .{format} (ví dụ -o bao-cao.{format}); "
        "'{path}' có đuôi khác.",
        "A --format {format} report needs a file name ending in .{format} (e.g. -o "
        "report.{format}); '{path}' ends otherwise.",
    ),
    "output.is_input": Message(
        Severity.ERROR,
        "Tệp kết quả '{path}' trùng với một tệp đầu vào; chọn tên khác.",
        "Output file '{path}' is also an input; choose another name.",
    ),
    "run.inputs_failed": Message(
        Severity.ERROR,
        "{n} tệp đầu vào không đọc được hoặc không có danh sách nào nhận ra được ({files}): "
        "không tính chỉ tiêu. Lý do của từng tệp nêu trong các vấn đề phát hiện; sửa hoặc bỏ "
        "tệp đó ra rồi chạy lại.",
        "{n} input file(s) could not be read or hold no recognised list ({files}): targets not "
        "computed. Each file's reason is among the issues found; fix the file or leave it out "
        "and run again.",
    ),
    "run.nothing_recognised": Message(
        Severity.ERROR,
        "Không tệp nào trong đầu vào là danh sách dữ liệu nhận ra được: không tính chỉ tiêu. "
        "Kiểm tra đã chọn đúng thư mục, hoặc chạy cchc inspect với một tệp để xem vì sao.",
        "No input file is a recognised data list: targets not computed. Check that the right "
        "folder was chosen, or run cchc inspect on one file to see why.",
    ),
    "run.too_many_rejected": Message(
        Severity.ERROR,
        "Tỷ lệ dòng bị loại {rate} vượt ngưỡng --max-invalid {limit}: không tính chỉ tiêu. Sửa "
        "các dòng lỗi (cchc validate) hoặc nâng ngưỡng.",
        "Rejected rows {rate} exceed --max-invalid {limit}: targets not computed. Fix the rows "
        "(cchc validate) or raise the tolerance.",
    ),
    "period.invalid": Message(
        Severity.ERROR,
        "Kỳ báo cáo '{value}' không hợp lệ. Dùng tháng 2025-03, quý 2025-Q1, năm 2025 hoặc "
        "khoảng tháng 2025-01..2025-06.",
        "Period '{value}' is not valid. Use a month 2025-03, a quarter 2025-Q1, a year 2025 or "
        "a month range 2025-01..2025-06.",
    ),
    "period.as_of_before_start": Message(
        Severity.ERROR,
        "Ngày đánh giá {value} trước ngày đầu kỳ {period}; chọn --as-of trong hoặc sau kỳ.",
        "As-of date {value} is before the start of {period}; choose --as-of within or after it.",
    ),
    "period.no_data": Message(
        Severity.ERROR,
        "Không xác định được kỳ báo cáo vì không có hồ sơ nào có ngày tiếp nhận; chỉ rõ --period.",
        "Cannot choose a period: no dossier has a received date; give --period.",
    ),
    "config.targets_unreadable": Message(
        Severity.ERROR,
        "Không đọc được tệp chỉ tiêu '{path}': {reason}",
        "Cannot read targets file '{path}': {reason}",
    ),
    "config.targets_invalid": Message(
        Severity.ERROR,
        "Tệp chỉ tiêu '{path}' sai ở chỉ tiêu '{target}', khóa '{location}': {reason}",
        "Targets file '{path}' is wrong in target '{target}' at '{location}': {reason}",
    ),
    "config.score_unreadable": Message(
        Severity.ERROR,
        "Không đọc được tệp bộ chỉ số 766 '{path}': {reason}",
        "Cannot read the 766 scorecard file '{path}': {reason}",
    ),
    "config.score_invalid": Message(
        Severity.ERROR,
        "Tệp bộ chỉ số 766 '{path}' sai ở '{item}', khóa '{location}': {reason}",
        "The 766 scorecard file '{path}' is wrong in '{item}' at '{location}': {reason}",
    ),
    "score.unknown_version": Message(
        Severity.ERROR,
        "Không có phiên bản '{value}' của bộ chỉ số 766; có: {choices}.{hint}",
        "No version '{value}' of the 766 scorecard; there are: {choices}.{hint}",
    ),
    "score.unknown_reading": Message(
        Severity.ERROR,
        "Không có cách hiểu '{value}' trong bộ chỉ số; có: {choices}.{hint}",
        "No reading '{value}' in the scorecard; there are: {choices}.{hint}",
    ),
    "score.unknown_choice": Message(
        Severity.ERROR,
        "Cách hiểu '{reading}' không có lựa chọn '{value}'; chọn một trong: {choices}.",
        "Reading '{reading}' has no choice '{value}'; choose one of: {choices}.",
    ),
    "score.reading_form": Message(
        Severity.ERROR,
        "--reading '{value}' phải có dạng TÊN=LỰA_CHỌN, ví dụ --reading withdrawn=excluded.",
        "--reading '{value}' must read NAME=CHOICE, e.g. --reading withdrawn=excluded.",
    ),
    "score.at_risk_days": Message(
        Severity.ERROR,
        "--at-risk-days phải từ 1 đến 60 ngày (đang là {value}).",
        "--at-risk-days must be 1 to 60 days (it is {value}).",
    ),
    "portal.unreadable": Message(
        Severity.ERROR,
        "Không đọc được tệp điểm Cổng '{path}': {reason}",
        "Cannot read the portal scores file '{path}': {reason}",
    ),
    "portal.no_columns": Message(
        Severity.ERROR,
        "Tệp điểm Cổng '{path}' không có cột chỉ số/nhóm và cột điểm (cần: 'Chỉ số' hoặc 'Nhóm', "
        "'Điểm'; có thể thêm 'Đơn vị'). Dòng tiêu đề đọc được: {header}.",
        "The portal scores file '{path}' has no indicator/group column and points column (needed: "
        "'Chỉ số' or 'Nhóm', 'Điểm'; 'Đơn vị' optional). Header read: {header}.",
    ),
    "portal.not_csv": Message(
        Severity.ERROR,
        "Tệp điểm Cổng '{path}' không phải tệp CSV (có thể là tệp Excel): trong Excel chọn "
        "Lưu thành > CSV UTF-8, rồi dùng tệp .csv đó.",
        "The portal scores file '{path}' is not a CSV file (an Excel workbook?): in Excel use "
        "Save As > CSV UTF-8 and give that .csv file.",
    ),
    "portal.no_rows": Message(
        Severity.ERROR,
        "Tệp điểm Cổng '{path}' không có dòng điểm nào dưới dòng tiêu đề.",
        "The portal scores file '{path}' has no row of points below its header.",
    ),
    "portal.bad_row": Message(
        Severity.WARNING,
        "Tệp điểm Cổng '{path}', dòng {row}: {reason}; dòng này bị bỏ qua.",
        "Portal scores file '{path}', row {row}: {reason}; the row is left out.",
    ),
    "target.unknown": Message(
        Severity.ERROR,
        "Không có chỉ tiêu '{name}'.{hint} Xem mã mọi chỉ tiêu: cchc targets list.",
        "No target '{name}'.{hint} Every target's id: cchc targets list.",
    ),
    "result.no_dataset": Message(
        Severity.INFO,
        "Không có dữ liệu '{dataset}' trong các tệp đầu vào.",
        "No '{dataset}' data among the inputs.",
    ),
    "result.missing_columns": Message(
        Severity.INFO,
        "Dữ liệu thiếu cột: {columns}.",
        "The data lacks column(s): {columns}.",
    ),
    "result.empty_denominator": Message(
        Severity.INFO,
        "Mẫu số bằng 0: không có bản ghi nào thuộc diện tính trong kỳ.",
        "Zero denominator: no record in scope for the period.",
    ),
    # Retired (issue 11: result.period_not_covered says it for every target); kept as a contract.
    "result.no_current_data": Message(
        Severity.INFO,
        "Không có số liệu của kỳ {period}.",
        "No data for the period {period}.",
    ),
    "result.value_repeated": Message(
        Severity.INFO,
        "Có {count} giá trị cho cùng chỉ tiêu và kỳ; dùng dòng cuối (tệp {path}, dòng {row}).",
        "{count} values for the same indicator and period; the last row is used ({path}, row "
        "{row}).",
    ),
    "result.no_previous_year": Message(
        Severity.INFO,
        "Không có số liệu kỳ so sánh {period} (cùng kỳ năm trước).",
        "No data for the comparison period {period} (same period last year).",
    ),
    "result.no_reported_value": Message(
        Severity.INFO,
        "Chưa có giá trị báo cáo cho kỳ {period}.",
        "No reported value for period {period}.",
    ),
    "score.province_only": Message(
        Severity.INFO,
        "Chỉ chấm ở cấp tỉnh; không chấm ở {level} (--reading province_only_rows).",
        "Scored at province level only; not at {level} (--reading province_only_rows).",
    ),
    "score.no_values": Message(
        Severity.INFO,
        "Chưa có số liệu: ghi vào sổ 'Số liệu báo cáo thủ công' (Mã chỉ tiêu {code}, Kỳ báo cáo, "
        "Tử số, Mẫu số).",
        "No data: write it in the 'Manually reported values' register (indicator id {code}, "
        "period, numerator, denominator).",
    ),
    "score.values_incomplete": Message(
        Severity.INFO,
        "Dòng số liệu nhập tay ({path}, dòng {row}) có Tử số mà thiếu Mẫu số (hoặc ngược "
        "lại): ghi đủ cả hai, hoặc ghi Giá trị (tỷ lệ %).",
        "The row reported by hand ({path}, row {row}) has a numerator without a denominator "
        "(or the reverse): write both, or the value (rate in %).",
    ),
    "score.values_whole_year": Message(
        Severity.INFO,
        "Số liệu nhập tay cả năm {year} (không có dòng cho riêng kỳ này).",
        "Reported by hand for the whole year {year} (no row for this period itself).",
    ),
    "score.province_only_full": Message(
        Severity.INFO,
        "Chỉ chấm ở cấp tỉnh; {level} được trọn điểm theo cách hiểu province_only_rows=full.",
        "Scored at province level only; {level} gets full points under the reading "
        "province_only_rows=full.",
    ),
    "score.formula_unknown": Message(
        Severity.INFO,
        "Công thức tính điểm của Cổng DVCQG chưa xác định được; so sánh với điểm trên Cổng "
        "(--compare).",
        "The portal's formula for these points is not identified; compare with the portal's "
        "points (--compare).",
    ),
    "result.after_deadline": Message(
        Severity.INFO,
        "Hoàn thành sau thời hạn {deadline} (hoặc không ghi ngày hoàn thành).",
        "Done after the deadline {deadline} (or no completion date given).",
    ),
    "result.period_not_covered": Message(
        Severity.INFO,
        "Dữ liệu không có đủ kỳ: thiếu {months}. Thêm dữ liệu (tệp xuất, sổ) của phần còn "
        "thiếu, hoặc chọn kỳ mà dữ liệu có đủ (--period).",
        "The data does not hold the whole period: {months} missing. Add the data (exports, "
        "registers) of what is missing, or choose a period the data holds (--period).",
    ),
    "result.trend_from_inputs": Message(
        Severity.INFO,
        "Mức năm {year} lấy từ dữ liệu đầu vào: {rate}.",
        "Year {year} level taken from the inputs: {rate}.",
    ),
    "result.trend_from_baseline": Message(
        Severity.INFO,
        "Mức năm {year} lấy từ mức gốc (baseline) ghi trong tệp chỉ tiêu: {rate}.",
        "Year {year} level taken from the baseline in the targets file: {rate}.",
    ),
    "result.trend_no_baseline": Message(
        Severity.INFO,
        "Thiếu số liệu năm {year} của cấp '{level}': thêm dữ liệu năm {year} hoặc khai báo "
        "trend.baselines.{year}.{level} trong tệp chỉ tiêu.",
        "No {year} figure for level '{level}': add {year} data or declare "
        "trend.baselines.{year}.{level} in the targets file.",
    ),
    "result.trend_levels_without_data": Message(
        Severity.INFO,
        "Không đánh giá được cấp: {levels} (thiếu số liệu năm trước hoặc mức gốc).",
        "Cannot judge level(s): {levels} (no previous-year figure or baseline).",
    ),
    "result.trend_unknown_level": Message(
        Severity.INFO,
        "{count} hồ sơ không rõ cấp, không tính theo cấp.",
        "{count} dossiers have no level and are not judged by level.",
    ),
    "internal.error": Message(
        Severity.ERROR,
        "Lỗi nội bộ của cchc ({reason}). Chạy lại với --debug và gửi kết quả cho nhóm phát triển.",
        "Internal cchc error ({reason}). Run again with --debug and send the output to the team.",
    ),
}
