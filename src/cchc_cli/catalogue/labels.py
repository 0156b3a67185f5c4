"""User-interface words: console tables, report headings, statuses, hints."""

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
        "{errors} lỗi, {warnings} cảnh báo, {duplicates} dòng trùng mã.",
        "Total: {read} rows read, {valid} valid, {rejected} rejected, {skipped} skipped; "
        "{errors} errors, {warnings} warnings, {duplicates} duplicate keys.",
    ),
    "error": ("lỗi", "error"),
    "warning": ("cảnh báo", "warning"),
    "info": ("thông tin", "info"),
    "detected_format": ("Định dạng phát hiện", "Detected format"),
    "encoding": ("Bảng mã", "Encoding"),
    "delimiter": ("Dấu phân cách", "Delimiter"),
    "national_numbers": (
        "Mã số đọc theo danh mục mã quốc gia",
        "Numbers read as the national codes",
    ),
    "recognised_as": ("Nhận dạng", "Recognised as"),
    "not_recognised": ("Không nhận ra", "Not recognised"),
    "header_text": ("Tiêu đề cột (như trong tệp)", "Header (as written)"),
    "canonical": ("Trường chuẩn", "Canonical field"),
    "position": ("Vị trí", "Position"),
    "unmapped": ("(không dùng)", "(unused)"),
    "ignored": ("(bỏ qua có chủ ý: {why})", "(deliberately left out: {why})"),
    "secondary": ("{field} (phụ, thua cột '{winner}')", "{field} (secondary, lost to '{winner}')"),
    "profile": ("Cấu hình phần mềm", "Vendor profile"),
    "profiles_title": ("Các cấu hình phần mềm có sẵn", "Shipped vendor profiles"),
    "profile_name": ("Tên", "Name"),
    "profile_title": ("Phần mềm", "System"),
    "profile_extends": ("Kế thừa", "Extends"),
    "profile_headers": ("Tên cột của từng trường", "Headers of each field"),
    "profile_values_title": ("Nhãn và mã số", "Labels and numbers"),
    "profile_vocabulary": ("Danh mục", "Vocabulary"),
    "profile_labels": ("Nhãn", "Labels"),
    "profile_prefixes": (
        "bỏ tiền tố trước khi so: {words}",
        "prefixes removed before matching: {words}",
    ),
    "profile_dates": ("Dạng ngày", "Date forms"),
    "one_file": (
        "'{path}' là thư mục; đưa một tệp xuất của phần mềm.",
        "'{path}' is a folder; give one export of the system.",
    ),
    "profile_written": (
        "Đã ghi {path}: {count} cột/nhãn cần quyết định (dòng có ~). Sửa tệp, rồi chạy với "
        "--profile {path}.",
        "Written {path}: {count} headers/labels to decide (lines with ~). Edit the file, then run "
        "with --profile {path}.",
    ),
    "profile_line": (
        "Cấu hình phần mềm: {title} (--profile {name}; nhận ra {score} cột{values}){forced}",
        "Vendor profile: {title} (--profile {name}; {score} columns recognised{values}){forced}",
    ),
    "profile_values": ("; đọc được {n} giá trị mẫu", "; {n} sampled values read"),
    "profile_forced": (" — chỉ định bằng --profile", " — forced with --profile"),
    "runner_up": (
        "Xếp sau: {title} (--profile {name}; nhận ra {score} cột{values})",
        "Runner-up: {title} (--profile {name}; {score} columns recognised{values})",
    ),
    "skipped_by_reason": ("Dòng bỏ qua theo lý do", "Skipped rows by reason"),
    "preview": ("Các dòng đầu sau khi chuẩn hóa", "First rows, normalised"),
    "field": ("Trường", "Field"),
    "file_sheet": ("Tệp (trang tính)", "File (sheet)"),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
    "blank": ("dòng trống", "blank"),
    "column_numbers": ("dòng đánh số cột", "column numbers"),
    "total": ("dòng tổng cộng", "total line"),
    "footer": ("chân trang/chữ ký", "footer/signature"),
    "section": ("tiêu đề nhóm", "section title"),
    "repeated_header": ("tiêu đề lặp lại", "repeated header"),
    "missing_required": ("Thiếu cột bắt buộc", "Missing required columns"),
    "result_sheet": ("Kết quả", "Results"),
    "compute_title": ("Kết quả thực hiện chỉ tiêu kỳ {period}", "Target results for {period}"),
    "as_of": ("tính đến ngày", "as of"),
    "col_id": ("Mã", "ID"),
    "col_name": ("Chỉ tiêu", "Target"),
    "col_num": ("Tử số", "Numerator"),
    "col_den": ("Mẫu số", "Denominator"),
    "col_value": ("Kết quả", "Result"),
    "col_target": ("Mục tiêu", "Target value"),
    "col_status": ("Đánh giá", "Status"),
    "status_met": ("Đạt", "Met"),
    "status_missed": ("Không đạt", "Missed"),
    "status_warning": ("Cảnh báo", "Warning"),
    "status_no_data": ("Không có dữ liệu", "No data"),
    "trend_rule": ("+{step} điểm %/năm", "+{step} pp/year"),
    "decrease": ("giảm so với cùng kỳ", "lower than last year"),
    "increase": ("tăng so với cùng kỳ", "higher than last year"),
    "blank_group": ("(không rõ)", "(blank)"),
    "level_province": ("Cấp tỉnh", "Province level"),
    "level_district": ("Cấp huyện", "District level"),
    "level_commune": ("Cấp xã", "Commune level"),
    "accounting_line": (
        "Đầu vào: {files} tệp, {read} dòng đọc, {valid} hợp lệ, {rejected} bị loại, {skipped} bỏ "
        "qua; {duplicates} dòng trùng mã hồ sơ không tính lại.",
        "Inputs: {files} file(s), {read} rows read, {valid} valid, {rejected} rejected, {skipped} "
        "skipped; {duplicates} duplicate dossier rows not counted twice.",
    ),
    "read_with": (
        "Đọc theo cấu hình phần mềm: {profiles}.",
        "Read with vendor profiles: {profiles}.",
    ),
    "read_with_item": ("{name} ({n} trang tính)", "{name} ({n} sheets)"),
    "default_period": (
        "Kỳ báo cáo: {period} (tháng trọn vẹn gần nhất trong dữ liệu; chọn kỳ khác bằng --period).",
        "Period: {period} (last complete month in the data; choose another with --period).",
    ),
    "default_period_partial": (
        "Kỳ báo cáo: {period} — CHƯA TRỌN THÁNG: dữ liệu không có tháng trọn vẹn nào; chọn kỳ "
        "bằng --period.",
        "Period: {period} — NOT A COMPLETE MONTH: the data holds no complete month; choose one "
        "with --period.",
    ),
    "written": ("Đã ghi {path}", "Wrote {path}"),
    "where": ("Vị trí", "Where"),
    "where_row": ("dòng {row}", "row {row}"),
    "where_column": ("cột '{column}'", "column '{column}'"),
    "where_value": ("giá trị '{value}'", "value '{value}'"),
    "phase_computing": ("Đang tính chỉ tiêu…", "Computing the targets…"),
    "phase_gathering": ("Đang tổng hợp số liệu cho báo cáo…", "Gathering the report's figures…"),
    "phase_writing_file": ("Đang ghi tệp kết quả…", "Writing the result file…"),
    "phase_writing_report": ("Đang ghi báo cáo Excel…", "Writing the Excel report…"),
    "no_cache_folder": (
        "Không có thư mục nhà (HOME) để lưu bộ nhớ đệm: chạy không dùng bộ nhớ đệm. Đặt "
        "CCHC_CACHE_DIR để chạy nhanh hơn ở các lần sau.",
        "No home folder (HOME) to keep the cache in: running without it. Set CCHC_CACHE_DIR "
        "for faster later runs.",
    ),
    "cells_cut": (
        "{count} ô chữ dài hơn 32.767 ký tự (mức một ô Excel chứa được) đã bị cắt bớt, cuối ô "
        'ghi " […]"; xem bản đầy đủ trong tệp dữ liệu.',
        "{count} text cells longer than 32,767 characters (what an Excel cell holds) were cut, "
        'ending with " […]"; the full text is in the data file.',
    ),
    "cache_limit_invalid": (
        "CCHC_CACHE_MAX_MB='{value}' không phải số MB nguyên dương (ví dụ 500): dùng mặc định "
        "{default} MB.",
        "CCHC_CACHE_MAX_MB='{value}' is not a positive whole number of MB (e.g. 500): the "
        "default {default} MB applies.",
    ),
    "cache_unwritable": (
        "Không ghi được bộ nhớ đệm vào {folder} ({reason}): lần chạy này vẫn đủ kết quả, chỉ các "
        "lần sau không nhanh hơn. Kiểm tra quyền ghi và chỗ trống trên đĩa, hoặc đặt "
        "CCHC_CACHE_DIR sang thư mục khác.",
        "Could not write the cache in {folder} ({reason}): this run's results are complete, "
        "later runs are just not faster. Check write permission and free disk space, or set "
        "CCHC_CACHE_DIR to another folder.",
    ),
    "interrupted": (
        "Đã dừng theo yêu cầu; không tệp kết quả nào bị ghi dở.",
        "Stopped on request; no output file was left half-written.",
    ),
    # the tail of a value message: whether the row was rejected or the value emptied
    "consequence_required": (
        " Đây là cột bắt buộc; dòng bị loại.",
        " This column is required; row rejected.",
    ),
    "consequence_optional": (" Để trống giá trị này.", " Value left empty."),
    # the Excel report (`cchc report`): sheet names, headings, notes
    "report.sheet_summary": ("Tổng hợp", "Summary"),
    "report.sheet_method": ("Cách tính", "Method"),
    "report.sheet_by_agency": ("Theo đơn vị", "By unit"),
    "report.counts_line": (
        "Đạt {met}/{total} chỉ tiêu; {warning} gần đạt; {missed} không đạt",
        "Met {met}/{total} targets; {warning} close; {missed} missed",
    ),
    "report.missed_item": (
        "Không đạt: {name} — {value} (mục tiêu {goal})",
        "Missed: {name} — {value} (goal {goal})",
    ),
    "report.warning_item": (
        "Gần đạt: {name} — {value} (mục tiêu {goal})",
        "Close: {name} — {value} (goal {goal})",
    ),
    "report.gap_points": ("; thiếu {gap} điểm %", "; {gap} points short"),
    "report.changes_line": (
        "So với kỳ trước ({period}), điểm %: {items}",
        "Against the previous period ({period}), points: {items}",
    ),
    "report.method_pointer": (
        "Công thức, nguồn và lý do từng mục tiêu: trang tính Cách tính.",
        "Each target's formula, source and reason: the Method sheet.",
    ),
    "report.sheet_by_field": ("Theo lĩnh vực", "By field"),
    "report.sheet_trends": ("Xu hướng", "Trends"),
    "report.sheet_form": ("Biểu 06a", "Form 06a"),
    "report.sheet_late": ("Hồ sơ trễ hạn", "Late dossiers"),
    "report.sheet_quality": ("Chất lượng dữ liệu", "Data quality"),
    "report.sheet_about": ("Thông tin", "About"),
    "report.title": (
        "BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH",
        "ADMINISTRATIVE REFORM TARGETS REPORT",
    ),
    "report.period_line": (
        "Kỳ báo cáo: {period} (từ {start} đến {end}); số liệu tính đến ngày {as_of}; "
        "lập ngày {made}.",
        "Period: {period} ({start} to {end}); figures as of {as_of}; made {made}.",
    ),
    "report.source": ("Nguồn", "Source"),
    "report.formula": ("Công thức", "Formula"),
    "report.note": ("Ghi chú", "Note"),
    "report.group": ("Nhóm", "Group"),
    "report.agency": ("Đơn vị", "Unit"),
    "report.field": ("Lĩnh vực", "Field"),
    "report.dataset": ("Dữ liệu", "Dataset"),
    "report.threshold_row": ("Mục tiêu", "Target"),
    "report.trend_note": (
        "Giá trị từng tháng (tính đến ngày cuối tháng; tháng cuối của dữ liệu tính đến ngày cuối "
        "cùng có dữ liệu). Biểu đồ: kết quả và đường mục tiêu.",
        "Monthly values (each month judged at its last day; the data's last month at its last "
        "day with data). Charts: result and target line.",
    ),
    "report.late_note": (
        "Hồ sơ giải quyết trong kỳ bị trễ hạn hoặc đang quá hạn (trả sau ngày hẹn, hoặc chưa "
        "trả mà đã quá ngày hẹn); cột Tệp, Trang tính, Dòng chỉ nơi mỗi hồ sơ nằm trong tệp gốc.",
        "Dossiers handled in the period that are late or overdue (returned after the due date, "
        "or not returned and past it); File, Sheet "
        "and Row say where each one is in the source file.",
    ),
    "format_xlsx": ("Excel (.xlsx)", "Excel (.xlsx)"),
    "format_xls": ("Excel 97-2003 (.xls)", "Excel 97-2003 (.xls)"),
    "format_ods": ("OpenDocument (.ods)", "OpenDocument (.ods)"),
    "format_html_xls": ("Trang HTML lưu thành .xls", "HTML page saved as .xls"),
    "format_csv": ("CSV", "CSV"),
    "report.timeliness": ("Tình trạng hạn", "Timeliness"),
    "report.code": ("Mã lỗi", "Code"),
    "report.inputs": ("Đầu vào", "Inputs"),
    "report.issues": ("Vấn đề phát hiện", "Issues"),
    "report.key": ("Mục", "Item"),
    "report.about_period": ("Kỳ báo cáo", "Period"),
    "report.about_start": ("Từ ngày", "Start"),
    "report.about_end": ("Đến ngày", "End"),
    "report.about_as_of": ("Tính đến ngày", "As of"),
    "report.about_generated": ("Lập lúc", "Generated"),
    "report.about_targets_file": ("Tệp chỉ tiêu", "Targets file"),
    "report.about_targets_sha": ("SHA-256 tệp chỉ tiêu", "Targets file SHA-256"),
    # the 766 scorecard's sheet (issue 16)
    "report.sheet_score766": ("Chỉ số 766", "766 index"),
    "report.score_title": (
        "CHỈ SỐ 766 TỰ TÍNH {period}: {name}",
        "THE 766 INDEX COMPUTED HERE, {period}: {name}",
    ),
    "report.score_about": (
        "Chấm theo {level}; số liệu tính đến ngày {as_of}. Điểm do đơn vị tự tính từ tệp xuất "
        "để theo dõi, không thay thế điểm do Cổng Dịch vụ công quốc gia công bố.",
        "Scored at {level}; figures as of {as_of}. Points the unit computes from its own "
        "exports to follow them; the national portal's published points are the official ones.",
    ),
    "report.score_total": (
        "Tổng điểm tính được: {points}/{scored} điểm",
        "Points computed: {points}/{scored}",
    ),
    "report.score_col_group": ("Nhóm", "Group"),
    "report.score_col_code": ("Mã", "Code"),
    "report.score_col_name": ("Chỉ số", "Indicator"),
    "report.score_col_ratio": ("Tỷ lệ", "Rate"),
    "report.score_col_points": ("Điểm", "Points"),
    "report.score_col_max": ("Tối đa", "Maximum"),
    "report.score_col_reach": ("Có thể thêm", "Within reach"),
    "report.score_col_dossier": ("Mã hồ sơ", "Dossier code"),
    "report.score_col_procedure": ("Thủ tục", "Procedure"),
    "report.score_col_received": ("Ngày tiếp nhận", "Received"),
    "report.score_col_due": ("Hẹn trả", "Due"),
    "report.score_col_ended": ("Kết thúc", "Ended"),
    "report.score_col_reason": ("Lý do", "Reason"),
    "report.score_total_row": ("Tổng cộng", "Total"),
    "report.score_province_only": (
        "Chỉ số chỉ chấm ở cấp tỉnh; không chấm ở {level}.",
        "Scored at province level only; not scored at {level}.",
    ),
    "report.score_lost_title": ("Hồ sơ làm mất điểm", "Dossiers that cost points"),
    "report.score_lost_note": (
        "Hồ sơ của kỳ làm giảm điểm các chỉ số chưa đạt điểm tối đa ({n} hồ sơ).",
        "The period's dossiers that lower the indicators below their maximum ({n} dossiers).",
    ),
    "report.score_at_risk_title": (
        "Hồ sơ sắp quá hạn (trong {days} ngày, hạn trả đến ngày {until})",
        "Dossiers about to turn late (within {days} days, due by {until})",
    ),
    "report.score_at_risk_note": (
        "Hồ sơ đang giải quyết còn trong hạn, sẽ làm mất điểm nếu không trả kết quả đúng hẹn "
        "({n} hồ sơ).",
        "Open dossiers still in time that will cost points unless returned by their due date "
        "({n} dossiers).",
    ),
    "report.score_first_rows": (
        "Chỉ liệt kê {shown} hồ sơ đầu tiên; danh sách đầy đủ: cchc score766 --lost.",
        "Only the first {shown} are listed; the whole list: cchc score766 --lost.",
    ),
    "report.score_none": ("Không có hồ sơ nào.", "None."),
    "target_definition": (
        "Định nghĩa trong tệp chỉ tiêu (các khoá của tệp, xem README, mục Targets file):",
        "Its definition in the targets file (the file's keys; see the README, Targets file):",
    ),
    "targets_list_narrow": (
        "Nguồn và công thức của một chỉ tiêu: cchc targets show MÃ (hoặc mở cửa sổ rộng hơn).",
        "A target's source and formula: cchc targets show ID (or widen the window).",
    ),
    "targets_valid": ("Tệp chỉ tiêu hợp lệ: {n} chỉ tiêu.", "Targets file is valid: {n} targets."),
    # what a profile leaves unread (profile.unread)
    "unread_columns": ("các cột {headers}", "the columns {headers} are"),
    "unread_labels": ("các nhãn ({labels})", "the labels ({labels}) are"),
    "unread_both": (
        "các cột {headers} và các nhãn ({labels})",
        "the columns {headers} and the labels ({labels}) are",
    ),
    # how a dossier stands against its due date (D7)
    "timeliness_early": ("Trước hạn", "Early"),
    "timeliness_on_time": ("Đúng hạn", "On time"),
    "timeliness_late": ("Quá hạn", "Late"),
    "timeliness_open_in_time": ("Đang giải quyết trong hạn", "Open, in time"),
    "timeliness_open_overdue": ("Đang giải quyết quá hạn", "Open, overdue"),
    "timeliness_not_applicable": ("Không xét hạn", "Not applicable"),
    "status_legend": (
        "Đánh giá: Đạt = đạt mục tiêu; Cảnh báo = chưa đạt nhưng thiếu không quá biên cảnh báo "
        "của chỉ tiêu (thường 5 điểm %, do địa phương chọn trong tệp chỉ tiêu); Không đạt = chưa "
        "đạt; Không có dữ liệu = đầu vào không đủ để tính (xem ghi chú).",
        "Status: Met = target reached; Warning = not reached, but short by no more than the "
        "target's warning band (usually 5 points, chosen locally in the targets file); Missed = "
        "not reached; No data = the inputs cannot answer it (see the note).",
    ),
    "local_choice": ("mục tiêu do địa phương chọn", "goal chosen locally"),
    "uncovered_title": (
        "Các câu của mục II.3 chưa có chỉ tiêu đo",
        "Sentences of section II.3 that no target measures",
    ),
    "uncovered_item": ("Mục", "Item"),
    "uncovered_text": ("Nội dung", "Text"),
    "uncovered_reason": ("Lý do", "Why"),
    "as_of_from_data": (
        "Số liệu tính đến ngày {as_of}: ngày cuối cùng có sự kiện trong dữ liệu hồ sơ, trước "
        "ngày cuối kỳ (chọn ngày khác bằng --as-of).",
        "Figures as of {as_of}: the last day with an event in the dossier data, before the "
        "period's end (choose another with --as-of).",
    ),
    "coverage_line": (
        "Dữ liệu có: {held}; thiếu: {missing}.",
        "The data holds: {held}; missing: {missing}.",
    ),
    "as_of_after_data": (
        "Chú ý: dữ liệu hồ sơ chỉ đến ngày {data_ends}; hồ sơ đang giải quyết được xét đến ngày "
        "{as_of} (--as-of) như thể không có gì xảy ra sau đó.",
        "Note: the dossier data runs only to {data_ends}; open dossiers are judged at {as_of} "
        "(--as-of) as if nothing happened after it.",
    ),
    "workers_ignored": (
        "Chú ý: CCHC_WORKERS='{value}' không phải số nguyên dương; đọc mỗi lõi một tệp (tối đa 4).",
        "Note: CCHC_WORKERS='{value}' is not a positive whole number; reading one file per core "
        "(at most 4).",
    ),
    "computed_from": (
        "Tính từ dữ liệu '{dataset}' (sổ riêng của chỉ tiêu không có số liệu kỳ này).",
        "Computed from the '{dataset}' data (the target's own register has nothing for it).",
    ),
}
