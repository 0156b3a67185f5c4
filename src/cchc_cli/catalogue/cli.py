"""The command line's own words (issue 14): what Typer and Click print around the help and the
usage errors, in Vietnamese and English. Keys start with `usage.`."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "usage.usage": ("Cách dùng: ", "Usage: "),
    "usage.options_metavar": ("[TUỲ CHỌN]", "[OPTIONS]"),
    "usage.command_metavar": ("LỆNH [THAM SỐ]...", "COMMAND [ARGS]..."),
    "usage.panel_arguments": ("Tham số", "Arguments"),
    "usage.panel_options": ("Tuỳ chọn", "Options"),
    "usage.panel_commands": ("Lệnh", "Commands"),
    "usage.panel_error": ("Lỗi", "Error"),
    "usage.default": ("[mặc định: {}]", "[default: {}]"),
    "usage.envvar": ("[biến môi trường: {}]", "[env var: {}]"),
    "usage.required": ("[bắt buộc]", "[required]"),
    "usage.aborted": ("Đã huỷ.", "Aborted."),
    "usage.try_help": (
        "Xem [blue]'{command_path} {help_option}'[/] để biết cách dùng.",
        "Try [blue]'{command_path} {help_option}'[/] for help.",
    ),
    "usage.help_option": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
    "metavar.inputs": ("TỆP", "FILES"),
    "metavar.file": ("TỆP", "FILE"),
    "metavar.profile": ("CẤU_HÌNH", "PROFILE"),
    "metavar.target": ("MÃ_CHỈ_TIÊU", "TARGET_ID"),
    "metavar.dataset": ("LOẠI_DỮ_LIỆU", "DATASET"),
    "usage.type_text": ("<chữ>", "<text>"),
    "usage.type_texts": ("<chữ>…", "<text>…"),
    "usage.type_file": ("<tệp>", "<file>"),
    "usage.type_path": ("<đường dẫn>", "<path>"),
    "usage.type_number": ("<số>", "<number>"),
    "usage.invalid_for": ("Giá trị không hợp lệ cho {hint}: ", "Invalid value for {hint}: "),
    "usage.invalid": ("Giá trị không hợp lệ: ", "Invalid value: "),
    "usage.no_option": ("Không có tuỳ chọn {name}.{hint}", "No such option: {name}.{hint}"),
    "usage.did_you_mean": (" Có phải ý bạn là {hint}?", " Did you mean {hint}?"),
    "usage.missing_argument": ("Thiếu tham số {name}.", "Missing argument {name}."),
    "usage.missing_option": ("Thiếu tuỳ chọn {name}.", "Missing option {name}."),
    "usage.needs_value": ("Tuỳ chọn {name} cần một giá trị.", "Option {name} needs a value."),
    "usage.extra_argument": ("Thừa tham số: {name}.", "Unexpected extra argument: {name}."),
    "usage.no_command": ("Không có lệnh '{name}'.{hint}", "No such command '{name}'.{hint}"),
    "usage.not_a_choice": (
        "'{value}' không phải một trong {choices}.",
        "'{value}' is not one of {choices}.",
    ),
    "usage.not_a_number": ("'{value}' không phải một số.", "'{value}' is not a number."),
    "usage.not_a_number_here": ("cần một số.", "a number is expected."),
    "usage.at_most": ("cần một số không lớn hơn {value}.", "must be at most {value}."),
    "usage.at_least": ("cần một số không nhỏ hơn {value}.", "must be at least {value}."),
    "usage.out_of_range": ("{value} nằm ngoài khoảng {choices}.", "{value} is outside {choices}."),
    "usage.no_such_path": ("'{value}' không tồn tại.", "'{value}' does not exist."),
    "usage.is_a_folder": (
        "'{value}' là thư mục, cần một tệp.",
        "'{value}' is a folder, not a file.",
    ),
    "usage.is_a_file": (
        "'{value}' là một tệp, cần một thư mục.",
        "'{value}' is a file, not a folder.",
    ),
}

# Help of the commands and their options, one language at a time (`cli/language.py` chooses).
_EXAMPLE = ("[bold]Ví dụ:[/bold] ", "[bold]Example:[/bold] ")


def _command(vi: str, en: str, example: str) -> tuple[str, str]:
    return f"{vi}\n\n{_EXAMPLE[0]}{example}", f"{en}\n\n{_EXAMPLE[1]}{example}"


HELP: dict[str, tuple[str, str]] = {
    "help.app": (
        "Đọc dữ liệu xuất từ Hệ thống thông tin một cửa điện tử và đánh giá chỉ tiêu cải cách "
        "hành chính.",
        "Reads the exports of the one-stop-shop system and checks administrative-reform targets.",
    ),
    "help.version": ("In phiên bản rồi thoát.", "Print the version and exit."),
    "help.debug": (
        "Hiện chi tiết kỹ thuật (traceback) khi có lỗi nội bộ, để gửi nhóm phát triển.",
        "Show the traceback of an internal error, to send to the developers.",
    ),
    "help.lang": ("Ngôn ngữ hiển thị: vi hoặc en.", "Language of the output: vi or en."),
    "help.format_table_json": ("table (mặc định) hoặc json.", "table (default) or json."),
    "help.columns": (
        "Tệp YAML bổ sung tên cột, nhãn giá trị, áp lên mọi cấu hình phần mềm (xem README).",
        "A YAML file of extra header names and value labels, over every vendor profile (see the "
        "README).",
    ),
    "help.profile": (
        "Đọc theo cấu hình phần mềm này (tên trong 'cchc profile list' hoặc tệp .yaml) thay vì "
        "tự nhận dạng.",
        "Read with this vendor profile (a name from 'cchc profile list' or a .yaml file) instead "
        "of recognising it.",
    ),
    "help.dataset": (
        "Buộc loại dữ liệu (vd. dossiers) thay vì tự nhận dạng.",
        "Force the dataset (e.g. dossiers) instead of recognising it.",
    ),
    "help.inputs": (
        "Tệp, thư mục hoặc mẫu tên (*.xlsx).",
        "Files, folders or name patterns (*.xlsx).",
    ),
    "help.period": (
        "Kỳ: 2025-03, 2025-Q1, 2025 hoặc 2025-01..2025-06 (mặc định: tháng trọn vẹn gần nhất).",
        "Period: 2025-03, 2025-Q1, 2025 or 2025-01..2025-06 (default: the last complete month).",
    ),
    "help.as_of": (
        "Ngày đánh giá, dd/mm/yyyy (mặc định: cuối kỳ, hoặc ngày cuối của dữ liệu).",
        "The day to judge at, dd/mm/yyyy (default: the period's end, or the data's last day).",
    ),
    "help.targets": (
        "Tệp chỉ tiêu (mặc định ./configs/targets.yaml).",
        "Targets file (default ./configs/targets.yaml).",
    ),
    "help.require_coverage": (
        "Thoát mã 3 nếu dữ liệu hồ sơ thiếu tháng nào của kỳ (cho tác vụ định kỳ).",
        "Exit 3 when the dossier data misses a month of the period (for scheduled jobs).",
    ),
    "help.max_invalid": (
        "Tỷ lệ dòng bị loại tối đa cho phép, từ 0 đến 1.",
        "The largest share of rejected rows allowed, from 0 to 1.",
    ),
    "help.no_cache": (
        "Đọc lại mọi tệp, không dùng bộ nhớ đệm.",
        "Read every file again, without the cache.",
    ),
    "help.quiet": (
        "Không hiện tiến độ và ghi chú khi chạy tốt (vẫn báo cảnh báo, lỗi).",
        "No progress or notes on success (warnings and errors are still shown).",
    ),
    "help.by": (
        "Tính theo nhóm: agency_name (đơn vị), admin_level (cấp), field_name (lĩnh vực), …",
        "Group by: agency_name (unit), admin_level (level), field_name (field), …",
    ),
    "help.compute_format": (
        "table, json, csv, markdown hoặc xlsx (bảng kết quả để mở bằng Excel; cần -o). Mặc "
        "định: theo đuôi tệp -o (.json, .csv, .md, .xlsx), không thì table.",
        "table, json, csv, markdown or xlsx (the result table to open in Excel; needs -o). "
        "Default: from the -o file's ending (.json, .csv, .md, .xlsx), else table.",
    ),
    "help.compute_output": (
        "Ghi kết quả ra tệp (ghi an toàn, không bao giờ ghi đè tệp đầu vào).",
        "Write the result to a file (written safely, never over an input).",
    ),
    "help.fail_on": (
        "Thoát mã 1 nếu có chỉ tiêu không đạt (missed), hoặc cảnh báo trở xuống (warning).",
        "Exit 1 when a target is missed (missed), or warned or worse (warning).",
    ),
    "help.ids": (
        "Hiện cả mã chỉ tiêu (cột đầu bảng), để dùng với 'cchc targets show MÃ'.",
        "Show the target ids too (the table's first column), for 'cchc targets show ID'.",
    ),
    "help.inspect_ids": (
        "Hiện cả mã trường chuẩn bên tên cột, để viết tệp --columns hoặc cấu hình phần mềm.",
        "Show the canonical field ids beside the column names, for a --columns file or a profile.",
    ),
    "help.fail_on_miss": ("Như --fail-on missed.", "The same as --fail-on missed."),
    "help.inspect_file": (
        "Tệp cần xem (.xlsx, .xls, HTML .xls, .csv).",
        "The file to inspect (.xlsx, .xls, HTML .xls, .csv).",
    ),
    "help.inspect_rows": ("Số dòng dữ liệu đầu hiển thị.", "How many first data rows to show."),
    "help.validate_inputs": (
        "Tệp, thư mục hoặc mẫu tên (*.xlsx) cần kiểm tra.",
        "Files, folders or name patterns (*.xlsx) to validate.",
    ),
    "help.max_issues": (
        "Số vấn đề hiện trong bảng (0 = tất cả).",
        "How many issues the table shows (0 = all).",
    ),
    "help.report_output": (
        "Tệp báo cáo sẽ tạo: .xlsx (bảng tính), .docx (báo cáo Word để ký) hoặc .pdf.",
        "The report file to write: .xlsx (workbook), .docx (a Word báo cáo to sign) or .pdf.",
    ),
    "help.report_format": (
        "xlsx: bảng tính cho văn phòng; docx: báo cáo theo thể thức Nghị định 30/2020/NĐ-CP "
        "để lãnh đạo ký; pdf: báo cáo đó dạng PDF (cần LibreOffice). Mặc định theo đuôi tệp -o.",
        "xlsx: the office's workbook; docx: the báo cáo in the layout of Decree 30/2020 for the "
        "leader to sign; pdf: that báo cáo as PDF (needs LibreOffice). Default: the -o suffix.",
    ),
    "help.title": ("Tiêu đề báo cáo.", "The report's title."),
    "help.unit_name": (
        "Tên cơ quan ban hành báo cáo (góc trên bên trái; mặc định lấy ở mục organisation của "
        "tệp chỉ tiêu). Số liệu vẫn là của mọi tệp đầu vào: báo cáo riêng một đơn vị thì chỉ "
        "đưa vào dữ liệu của đơn vị đó.",
        "The issuing body's name (top left; by default the targets file's organisation block). "
        "The figures are still those of every input: for one unit's report, give only that "
        "unit's data.",
    ),
    "help.motto": (
        "Quốc hiệu, tiêu ngữ ở đầu trang.",
        "The national name and motto at the top of the page.",
    ),
    "help.include_personal_data": (
        "Đưa họ tên, địa chỉ, điện thoại, số định danh vào danh sách hồ sơ.",
        "Put names, addresses, phone and ID numbers into the dossier list.",
    ),
    "help.template_dataset": ("Loại dữ liệu: {datasets}", "Dataset: {datasets}"),
    "help.template_output": ("Tệp .xlsx sẽ tạo.", "The .xlsx file to write."),
    "help.targets_app": (
        "Xem và kiểm tra tệp chỉ tiêu.",
        "List, show and check the targets file.",
    ),
    "help.uncovered": (
        "Liệt kê các câu của mục II.3 chưa có chỉ tiêu nào đo, và vì sao.",
        "List the sentences of section II.3 that no target measures, and why.",
    ),
    "help.target_id": ("Mã chỉ tiêu, vd. ho_so_dung_han.", "A target id, e.g. ho_so_dung_han."),
    "help.targets_file": ("Tệp chỉ tiêu cần kiểm tra.", "The targets file to check."),
    "help.profile_app": (
        "Cấu hình phần mềm một cửa: xem, và soạn cấu hình cho phần mềm mới.",
        "Vendor profiles of one-stop-shop systems: show them, draft one for a new system.",
    ),
    "help.profile_name": (
        "Tên cấu hình (cchc profile list) hoặc tệp .yaml.",
        "A profile name (cchc profile list) or a .yaml file.",
    ),
    "help.profile_format": ("table (mặc định), json hoặc yaml.", "table (default), json or yaml."),
    "help.profile_file": (
        "Tệp xuất từ phần mềm chưa có cấu hình.",
        "An export of a system cchc has no profile for.",
    ),
    "help.profile_output": ("Tệp cấu hình sẽ tạo (.yaml).", "The profile file to write (.yaml)."),
    # commands
    "help.cmd.inspect": _command(
        "Xem cách cchc đọc một tệp: định dạng, trang tính, dòng tiêu đề, cột nào ứng với trường "
        "nào, cột không dùng, đếm dòng và vài dòng đầu đã chuẩn hoá (che dữ liệu cá nhân).",
        "Inspect one file: its format, sheets, header rows, which column is which field, unused "
        "columns, row accounting and the first rows normalised (personal data masked).",
        'cchc inspect "sample_data/2025-02 danh sach ho so - thi xa Duc Pho.xlsx"',
    ),
    "help.cmd.validate": _command(
        "Kiểm tra tệp dữ liệu: đếm dòng hợp lệ, bị loại, bỏ qua và liệt kê mọi vấn đề. Mã thoát "
        "0 khi mọi tệp đọc được và không dòng nào bị loại, ngược lại 3.",
        "Validate inputs: row accounting per file and sheet, and every issue found. Exit 0 when "
        "every input is readable and no row is rejected, else 3.",
        "cchc validate sample_data/ --format json",
    ),
    "help.cmd.compute": _command(
        "Tính mọi chỉ tiêu cho một kỳ, chung và theo nhóm: tử số, mẫu số, kết quả, mục tiêu, "
        "đánh giá. Mã thoát 0 khi chạy tốt; 1 khi có chỉ tiêu không đạt (hoặc cảnh báo, với "
        "--fail-on warning) và có --fail-on; 2 khi lệnh gõ sai; 3 khi dữ liệu hoặc tệp kết quả "
        "lỗi; 4 khi cấu hình lỗi; 5 khi lỗi nội bộ; 130, 143 khi bị dừng (Ctrl-C, SIGTERM).",
        "Compute every configured target for a period, overall and per group: numerator, "
        "denominator, result, target, status. Exit 0 on success; 1 when a target is missed (or "
        "warned, with --fail-on warning) and --fail-on is given; 2 on a usage mistake; 3 on "
        "input data or output errors; 4 on configuration errors; 5 on an internal error; 130 or "
        "143 when stopped (Ctrl-C, SIGTERM).",
        "cchc compute sample_data/ --period 2025-03 --by agency_name",
    ),
    "help.cmd.report": _command(
        "Lập báo cáo Excel gửi lãnh đạo: mọi chỉ tiêu với đánh giá, theo đơn vị, theo lĩnh vực, "
        "từng tháng có biểu đồ, biểu 06a, chất lượng dữ liệu và nguồn. Ghi an toàn.",
        "Write the Excel report for the leadership: every target with its status, by unit and "
        "by field, month by month with charts, form 06a, data quality and provenance. Written "
        "safely.",
        "cchc report sample_data/ --period 2025-03 -o bao-cao.docx",
    ),
    "help.cmd.template": _command(
        "Tạo tệp Excel mẫu để nhập một loại dữ liệu theo dõi thủ công: tiêu đề tiếng Việt, một "
        "dòng ví dụ, danh sách chọn cho mọi cột có danh mục, ghi chú ở từng tiêu đề.",
        "Write a ready-to-fill workbook for a hand-kept register: Vietnamese headers, one example "
        "row, dropdown lists for every listed or yes/no column, a note on each header.",
        "cchc template staff -o danh-sach-can-bo.xlsx",
    ),
    "help.cmd.targets_list": _command(
        "Liệt kê các chỉ tiêu đã cấu hình: mã, tên, mục tiêu (* = địa phương tự chọn), loại dữ "
        "liệu, nguồn; với --uncovered, các câu của chương trình chưa có chỉ tiêu đo, và vì sao.",
        "List the configured targets: id, name, threshold (* = a goal chosen locally), dataset, "
        "source; with --uncovered, the programme's sentences that no target measures, and why.",
        "cchc targets list --format json",
    ),
    "help.cmd.targets_show": _command(
        "Xem một chỉ tiêu với công thức và điều kiện tính.",
        "Show one target with its formula and filters.",
        "cchc targets show ho_so_dung_han",
    ),
    "help.cmd.targets_check": _command(
        "Kiểm tra một tệp chỉ tiêu mà không cần dữ liệu; khi có lỗi, thoát mã 4 và nêu chỉ tiêu, "
        "khoá sai.",
        "Check a targets file without data; exit 4 naming the target and key on a mistake.",
        "cchc targets check configs/targets.yaml",
    ),
    "help.cmd.profile_list": _command(
        "Liệt kê các cấu hình phần mềm có sẵn; mỗi trang tính được đọc theo cấu hình hợp tên cột "
        "nhất.",
        "List the shipped vendor profiles; each sheet is read with the one its headers fit best.",
        "cchc profile list",
    ),
    "help.cmd.profile_show": _command(
        "Xem một cấu hình phần mềm như cchc áp dụng (cả phần kế thừa): tên cột của từng trường, "
        "cột bỏ qua, nhãn, mã số, dạng ngày; --format yaml in chính tệp, với nguồn từng quy tắc.",
        "Show one vendor profile as cchc applies it (with what it inherits); --format yaml "
        "prints the file itself, with the source of every rule.",
        "cchc profile show igate",
    ),
    "help.cmd.profile_init": _command(
        "Soạn sẵn cấu hình cho một phần mềm mới từ tệp xuất của nó: mọi tiêu đề, nhãn chưa hiểu, "
        "kèm các trường gần nhất làm ghi chú. Sửa tệp (thay từng ~) rồi chạy với --profile TỆP.",
        "Draft a vendor profile from one of its exports: every header and label cchc could not "
        "place, with the closest fields as comments. Edit the file (replace each ~), then run "
        "with --profile FILE.",
        'cchc profile init "sample_data/2025-03 phuong Nguyen Nghiem.csv" -o phan-mem.yaml',
    ),
}
