"""Why a targets file is refused: its keys, kinds, fields and filters. Each reason fills the
{reason} of `config.targets_invalid`; {hint} is a "did you mean" or nothing."""

from __future__ import annotations

REASONS: dict[str, tuple[str, str]] = {
    "hint.did_you_mean": (" Có phải '{choice}'?", " Did you mean '{choice}'?"),
    # said of targets files and vendor profiles alike
    "reason.unknown_dataset": ("không có loại dữ liệu này.{hint}", "no such dataset.{hint}"),
    "reason.unknown_field": ("không có trường này.{hint}", "no such field.{hint}"),
    "reason.number_expected": ("cần một số", "expected a number"),
    # a YAML file that does not parse: where, then the parser's own (English) words
    "reason.yaml_duplicate_key": (
        "khóa '{key}' được viết hai lần, dòng {first} và dòng {second}: giữ một dòng rồi chạy lại",
        "the key '{key}' is written twice, on line {first} and line {second}: keep one and run "
        "again",
    ),
    "reason.yaml_too_deep": (
        "các mục lồng nhau quá {limit} cấp",
        "items nested more than {limit} levels deep",
    ),
    "reason.yaml_too_many_nodes": (
        "tệp mở rộng (qua các bí danh &/*) thành hơn {limit} mục",
        "the file expands (through &/* aliases) to more than {limit} items",
    ),
    "reason.not_a_regular_file": (
        "không phải một tệp thông thường (thư mục, thiết bị hay đường ống)",
        "not a regular file (a folder, a device or a pipe)",
    ),
    "reason.yaml_at": (
        "dòng {line}, cột {column}: {problem}",
        "line {line}, column {column}: {problem}",
    ),
    # PyYAML's words for the mistakes people make by hand, said in the officer's language
    "yaml.no_key": (
        "thiếu tên khoá, hoặc thụt lề không đều với các dòng trên",
        "a key is missing, or the indentation differs from the lines above",
    ),
    "yaml.colon_here": (
        "có dấu ':' ở chỗ không được (một giá trị có ':' cần đặt trong dấu nháy \"…\")",
        "a ':' where none may be (a value holding ':' goes in quotes \"…\")",
    ),
    "yaml.tab": (
        "có ký tự Tab: thụt lề bằng dấu cách",
        "a Tab character: indent with spaces",
    ),
    "yaml.no_colon": ("thiếu dấu ':' sau tên khoá", "a ':' is missing after a key"),
    "yaml.no_value": (
        "thiếu giá trị sau dấu ':' hoặc '-'",
        "a value is missing after ':' or '-'",
    ),
    "yaml.block_end": (
        "thụt lề không khớp với các dòng trên",
        "the indentation does not match the lines above",
    ),
    "yaml.unclosed": (
        "một dấu nháy hoặc ngoặc được mở mà không đóng",
        "a quote or bracket is opened and never closed",
    ),
    "yaml.list": (
        "danh sách [...] hoặc {...} thiếu dấu ',' hoặc dấu đóng",
        "a [...] or {...} list lacks a ',' or its closing bracket",
    ),
    "yaml.other": ("lỗi cú pháp YAML ({problem})", "a YAML syntax error ({problem})"),
    # a value of the wrong type or out of range (Pydantic's checks, said in our words)
    "reason.one_of": ("cần một trong: {expected}.{hint}", "expected one of: {expected}.{hint}"),
    "reason.at_most": ("cần một số không lớn hơn {limit}", "expected a number at most {limit}"),
    "reason.at_least": ("cần một số không nhỏ hơn {limit}", "expected a number at least {limit}"),
    "reason.above": ("cần một số lớn hơn {limit}", "expected a number above {limit}"),
    "reason.below": ("cần một số nhỏ hơn {limit}", "expected a number below {limit}"),
    "reason.whole_number_expected": ("cần một số nguyên", "expected a whole number"),
    "reason.true_false": ("cần true hoặc false", "expected true or false"),
    "reason.date_expected": ("cần một ngày dạng 2025-12-31", "expected a date like 2025-12-31"),
    "reason.text_expected": ("cần một chuỗi chữ", "expected text"),
    "reason.list_expected": ("cần một danh sách [ … ]", "expected a list [ … ]"),
    "reason.mapping_expected": ("cần một bảng khóa: giá trị", "expected a mapping of key: value"),
    "reason.not_empty": ("không được để trống", "must not be empty"),
    # the file and its keys
    "targets.not_a_mapping": (
        "cần một bảng có 'version' và 'targets'",
        "expected a mapping with 'version' and 'targets'",
    ),
    "targets.unknown_key": ("khóa không hợp lệ.{hint}", "unknown key.{hint}"),
    "targets.key_of_other_kind": (
        "khóa '{key}' không dùng cho chỉ tiêu loại '{kind}' (chỉ cho: {kinds})",
        "'{key}' is not a key of a '{kind}' target (only of: {kinds})",
    ),
    "targets.kind_needs": (
        "chỉ tiêu loại '{kind}' cần '{key}'",
        "a '{kind}' target needs '{key}'",
    ),
    "targets.key_required": ("thiếu khóa bắt buộc này", "this key is required"),
    "targets.kind_expected": (
        "cần 'kind' là một trong: {kinds}.{hint}",
        "'kind' must be one of: {kinds}.{hint}",
    ),
    "targets.invalid_value": ("giá trị không hợp lệ ({detail})", "invalid value ({detail})"),
    "targets.snake_case_id": (
        "id phải viết thường, nối bằng '_' (vd. ho_so_dung_han)",
        "an id is lower case joined by '_' (e.g. ho_so_dung_han)",
    ),
    "targets.not_a_period": (
        "kỳ không hợp lệ (vd. 2025, 2025-Q1, 2025-03)",
        "not a period (e.g. 2025, 2025-Q1, 2025-03)",
    ),
    "targets.duplicate_id": ("trùng mã chỉ tiêu", "duplicate target id"),
    "score.threshold_needs_full_at": (
        "quy tắc threshold cần full_at (tỷ lệ đạt trọn điểm, ví dụ 0.8)",
        "a threshold rule needs full_at (the rate earning full points, e.g. 0.8)",
    ),
    "score.numerator_or_deductions": (
        "cần numerator hoặc deductions",
        "numerator or deductions is needed",
    ),
    "score.reading_needed": (
        "bộ chỉ số phải khai báo cách hiểu này với các lựa chọn: {choices}",
        "the scorecard must declare this reading with the choices: {choices}",
    ),
    "score.reading_choice": (
        "lựa chọn không có trong choices ({choices})",
        "not one of the choices ({choices})",
    ),
    "score.reading_unknown_in_file": (
        "không phải cách hiểu đã khai báo ({choices})",
        "not a declared reading ({choices})",
    ),
    "score.unknown_group": (
        "không phải nhóm đã khai báo ({choices})",
        "not a declared group ({choices})",
    ),
    "score.explain_timeliness": (
        "explain chỉ dùng cho chỉ số xét đúng hạn (timeliness_766)",
        "explain is for indicators judged on time (timeliness_766) only",
    ),
    "score.group_overfull": (
        "tổng điểm các chỉ số vượt điểm tối đa của nhóm",
        "the indicators' points exceed the group's maximum",
    ),
    # what a kind needs of its dataset
    "targets.population_needed": (
        "chỉ tiêu về hồ sơ cần population: received, ended hoặc handled (D6)",
        "dossier targets need population: received, ended or handled (D6)",
    ),
    "targets.population_dossiers_only": (
        "population chỉ dùng cho hồ sơ; sổ khác dùng period_field",
        "population is for dossiers only; other registers use period_field",
    ),
    "targets.use_population": (
        "hồ sơ xếp vào kỳ theo population, không theo period_field",
        "dossiers are placed in the period by population, not period_field",
    ),
    "targets.needs_date_field": (
        "cần một trường ngày hoặc năm của '{dataset}': {choices}.{hint}",
        "needs a date or year field of '{dataset}': {choices}.{hint}",
    ),
    "targets.needs_number_field": (
        "cần một trường số của '{dataset}': {choices}.{hint}",
        "needs a number field of '{dataset}': {choices}.{hint}",
    ),
    "targets.rate_is_fraction": (
        "tỷ lệ viết dạng phân số từ 0 đến 1 (50 % = 0.5)",
        "a rate is a fraction from 0 to 1 (50 % = 0.5)",
    ),
    "targets.per_groupable": (
        "chỉ tính theo trường danh mục hoặc chữ",
        "only a label or text field",
    ),
    "targets.not_a_value_of": (
        "không phải giá trị của {field} ({codes}).{hint}",
        "not a value of {field} ({codes}).{hint}",
    ),
    "targets.indicator_needs_values": (
        "'{dataset}' không có cột mã chỉ tiêu (indicator_id): chỉ tiêu đọc theo 'indicator' "
        "cần dataset: values",
        "'{dataset}' has no indicator_id column: a target read by 'indicator' needs "
        "dataset: values",
    ),
    "targets.local_needs_reason": (
        "một lựa chọn của địa phương (local: true) cần local_reason: vì sao chọn con số này",
        "a local choice (local: true) needs local_reason: why this number",
    ),
    "targets.value_needs_source": (
        "chỉ tiêu 'value' cần 'indicator' hoặc 'reported'",
        "a 'value' target needs 'indicator' or 'reported'",
    ),
    # filters: numerator, denominator, filter
    "filter.mapping_expected": ("cần một bảng điều kiện", "expected a mapping of conditions"),
    "filter.list_expected": ("cần một danh sách điều kiện", "expected a list of conditions"),
    "filter.no_condition": ("thiếu điều kiện", "no condition"),
    "filter.unknown_operator": (
        "không có phép so sánh này.{hint}",
        "no such operator.{hint}",
    ),
    "filter.true_false": ("cần true hoặc false", "expected true or false"),
    "filter.in_group_text_only": (
        "in_group chỉ dùng cho trường chữ",
        "in_group is for text fields only",
    ),
    "filter.unknown_group": (
        "chưa khai báo nhóm này trong 'groups' (có: {known})",
        "no such group in 'groups' (known: {known})",
    ),
    "filter.group_of_other_field": (
        "nhóm này dành cho trường '{field}'",
        "this group is for the field '{field}'",
    ),
    "filter.numbers_only": (
        "chỉ so sánh lớn/nhỏ với trường số",
        "only number fields compare greater or less",
    ),
    "filter.values_expected": ("cần một danh sách giá trị", "expected a list of values"),
    "filter.not_a_code": (
        "'{value}' không thuộc danh mục {field} ({codes}).{hint}",
        "'{value}' is not a code of {field} ({codes}).{hint}",
    ),
    "filter.dates_present_only": (
        "trường ngày chỉ dùng 'present'",
        "date fields take 'present' only",
    ),
    "filter.text_expected": ("cần một chuỗi", "expected text"),
    "filter.register_expected": (
        "cần {dataset: SỔ, where: {ĐIỀU KIỆN}}: giá trị phải có trong trường cùng tên của sổ đó",
        "expected {dataset: REGISTER, where: {CONDITIONS}}: the value must be in the field of "
        "the same name in that register",
    ),
    "filter.register_lacks_field": (
        "sổ '{dataset}' không có trường '{field}' để đối chiếu",
        "the register '{dataset}' has no field '{field}' to look the value up in",
    ),
}
