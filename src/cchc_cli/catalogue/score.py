"""The words of the 766 scorecard (`cchc score766`, issue 16): its table, its lists of dossiers,
the comparison with the portal, and its help."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "score.title": (
        "{name} — kỳ {period}, {level}",
        "{name} — period {period}, {level}",
    ),
    "score.col_code": ("Mã", "Code"),
    "score.col_rank": ("Hạng", "Rank"),
    "score.col_share": ("Tỷ lệ điểm", "Share"),
    "score.group_unassigned": (
        "{points} điểm chưa rõ thuộc chỉ số nào",
        "{points} points belong to no known indicator",
    ),
    "score.units_title": (
        "Xếp hạng đơn vị (theo tỷ lệ điểm đạt trên điểm các chỉ số tính được của đơn vị)",
        "Units ranked (on the share of the points of the indicators computed for each)",
    ),
    "score.col_name": ("Chỉ số", "Indicator"),
    "score.col_counts": ("Đạt/Tổng", "Met/Total"),
    "score.col_ratio": ("Tỷ lệ", "Rate"),
    "score.col_points": ("Điểm/Tối đa", "Points/Max"),
    "score.col_reach": ("Có thể thêm", "Within reach"),
    "score.col_note": ("Ghi chú", "Note"),
    "score.col_reason": ("Lý do", "Reason"),
    "score.col_dossier": ("Mã hồ sơ", "Dossier code"),
    "score.col_unit": ("Đơn vị", "Unit"),
    "score.col_received": ("Tiếp nhận", "Received"),
    "score.col_due": ("Hẹn trả", "Due"),
    "score.col_ended": ("Kết thúc", "Ended"),
    "score.col_where": ("Ở đâu", "Where"),
    "score.col_ours": ("cchc tính", "cchc"),
    "score.col_portal": ("Cổng DVCQG", "Portal"),
    "score.col_difference": ("Chênh lệch", "Difference"),
    "score.where": ("{path}, trang '{sheet}', dòng {row}", "{path}, sheet '{sheet}', row {row}"),
    "score.more_rows": (
        "… còn {n} hồ sơ nữa: xem đủ với --lost --format json.",
        "… {n} more dossiers: see them all with --lost --format json.",
    ),
    "score.no_values_short": ("Chưa có số liệu (xem dưới bảng)", "No data (see below the table)"),
    "score.no_values_how": (
        'Chỉ số "chưa có số liệu" không có trong tệp xuất: ghi vào sổ \'Số liệu báo cáo thủ '
        "công' (cchc template values) mỗi chỉ số một dòng: Mã chỉ tiêu (vd. 1.4), Kỳ báo cáo "
        "(vd. 2025-03), Tử số và Mẫu số, hoặc Giá trị (tỷ lệ %), rồi chạy lại cùng các tệp.",
        'Indicators with "no data" are in no export: write them in the \'Manually reported '
        "values' register (cchc template values), one row each: indicator id (e.g. 1.4), "
        "period (e.g. 2025-03), numerator and denominator, or the value (rate in %), then run "
        "again with the same files.",
    ),
    "score.group_no_data": (
        "{points} điểm chưa có dữ liệu",
        "{points} points without data",
    ),
    "score.from_values": (
        "Số liệu nhập tay ({path}, dòng {row})",
        "Reported by hand ({path}, row {row})",
    ),
    "score.total": (
        "Tổng: {points} điểm trên {scored} điểm của các chỉ số tính được; có thể thêm {reach} "
        "điểm.",
        "Total: {points} points of the {scored} points of the indicators computed; {reach} "
        "points within reach.",
    ),
    "score.total_no_data": (
        "{points} điểm chưa có dữ liệu (không tính là 0).",
        "{points} points have no data (not counted as 0).",
    ),
    "score.total_not_scored": (
        "{points} điểm không chấm ở {level}.",
        "{points} points are not scored at {level}.",
    ),
    "score.total_word": ("Tổng", "Total"),
    "score.total_none": (
        "Tổng: chưa tính được điểm chỉ số nào từ dữ liệu đã đưa vào.",
        "Total: no indicator could be scored from the data given.",
    ),
    "score.none_listed": ("{title}: không có.", "{title}: none."),
    "score.fix_first": ("Nên làm trước:", "Fix first:"),
    "score.fix_line": (
        "{code} {name}: có thể thêm {reach} điểm.",
        "{code} {name}: {reach} points within reach.",
    ),
    "score.per_row": (
        "Mỗi hồ sơ đạt thêm được {points} điểm.",
        "Each more dossier that meets it is worth {points} points.",
    ),
    "score.rows_line": (
        "{lost} hồ sơ làm mất điểm; {risk} hồ sơ đang trong hạn sẽ quá hạn trong {days} ngày nếu "
        "chưa giải quyết xong. Xem danh sách: --lost.",
        "{lost} dossiers cost points; {risk} open dossiers will turn late within {days} days "
        "unless finished. See them: --lost.",
    ),
    "score.lost_title": ("Hồ sơ làm mất điểm", "Dossiers that cost points"),
    "score.at_risk_title": (
        "Hồ sơ sắp quá hạn (hạn trả trong {days} ngày tới)",
        "Dossiers about to turn late (due within {days} days)",
    ),
    "score.reason_late": ("Trễ hạn", "Late"),
    "score.reason_open_overdue": ("Đang xử lý, quá hạn", "Open, overdue"),
    "score.reason_unsatisfied": ("Bị đánh giá không hài lòng", "Rated unsatisfied"),
    "score.reason_at_risk": ("Sắp đến hạn", "Due soon"),
    "score.reason_overdue_at_period_end": (
        "Quá hạn vào cuối kỳ nếu chưa xong",
        "Overdue at the period's end unless finished",
    ),
    "score.reason_supplements": (
        "Yêu cầu bổ sung quá 1 lần (tính trễ hạn)",
        "More than one supplement request (counted late)",
    ),
    "score.compare_title": (
        "So sánh với điểm trên Cổng DVCQG (điểm Cổng giữ nguyên)",
        "Compared with the portal's points (the portal's are kept as they are)",
    ),
    # reasons of a difference with the portal
    "compare.match": ("Khớp (chênh lệch ≤ 0,015 điểm)", "Matches (within 0.015 points)"),
    "compare.unknown": (
        "'{value}' không phải chỉ số, nhóm hay 'Tổng' của bộ chỉ số đang dùng",
        "'{value}' is not an indicator, group or 'Total' of the scorecard in use",
    ),
    "compare.not_scored": (
        "cchc không chấm chỉ số này ở {level}",
        "cchc does not score this indicator at {level}",
    ),
    "compare.ours_no_data": ("cchc không tính được: {why}", "cchc cannot compute it: {why}"),
    "compare.unit_not_found": (
        "không thấy đơn vị này trong kết quả (dùng --by agency_name)",
        "this unit is not in the results (use --by agency_name)",
    ),
    "compare.unit_no_data": (
        "đơn vị này không có số liệu của chỉ số trong các tệp đã đưa vào (hoặc tên khác với tên "
        "trên Cổng)",
        "this unit has no data for it in the files given (or is named otherwise on the portal)",
    ),
    "compare.values_differ": (
        "số liệu nhập tay khác số liệu Cổng dùng",
        "the numbers reported by hand differ from the portal's",
    ),
    "compare.reading": (
        "cách hiểu khác của quy tắc ({readings}; đổi bằng --reading)",
        "another reading of the rule ({readings}; change with --reading)",
    ),
    "compare.unsynced": (
        "có thể Cổng chưa nhận đủ hồ sơ (hồ sơ chưa đồng bộ, xem chỉ số 1.4) hoặc tệp xuất có "
        "hồ sơ ngoài phạm vi Cổng chấm",
        "the portal may lack dossiers (not synced, see indicator 1.4), or the export holds "
        "dossiers outside the portal's scope",
    ),
    "compare.export_scope": (
        "tệp xuất có thể thiếu hồ sơ, thiếu cột hoặc thiếu tháng của kỳ",
        "the export may lack dossiers, columns or months of the period",
    ),
    "compare.approximation": (
        "cchc tính gần đúng chỉ số này (xem ghi chú của chỉ số)",
        "cchc approximates this indicator (see its note)",
    ),
    "compare.group_units": (
        "điểm nhóm theo đơn vị: so sánh từng chỉ số",
        "a group's points per unit: compare indicator by indicator",
    ),
    "compare.group_missing": (
        "cchc chưa có dữ liệu các chỉ số {codes}",
        "cchc has no data for indicators {codes}",
    ),
    "compare.group_compare_indicators": (
        "xem chênh lệch từng chỉ số",
        "see the difference indicator by indicator",
    ),
    "compare.total_missing": (
        "{points} điểm cchc không tính được hoặc không chấm",
        "{points} points cchc cannot compute or does not score",
    ),
    "portal.row_needs": ("thiếu giá trị cột '{column}'", "no value in column '{column}'"),
    "portal.not_a_number": ("'{value}' không phải số điểm", "'{value}' is not a number of points"),
    # help
    "help.cmd.score766": (
        "Tính điểm Bộ chỉ số 766 (Quyết định 766/QĐ-TTg) từ dữ liệu của đơn vị: tử số, mẫu số, "
        "tỷ lệ, điểm, điểm có thể thêm theo chỉ số, nhóm, đơn vị; hồ sơ làm mất điểm và hồ sơ "
        "sắp quá hạn; so sánh với điểm trên Cổng DVCQG. Điểm Cổng là điểm chính thức.\n\n"
        "[bold]Ví dụ:[/bold] cchc score766 sample_data/ --period 2025-03 --lost",
        "Score the 766 index (Quyết định 766/QĐ-TTg) from the unit's own data: numerator, "
        "denominator, rate, points and points within reach per indicator, group and unit; the "
        "dossiers that cost points and those about to; compared with the portal's points. The "
        "portal's score is the official one.\n\n"
        "[bold]Example:[/bold] cchc score766 sample_data/ --period 2025-03 --lost",
    ),
    "help.score_version": (
        "Phiên bản bộ chỉ số: 766-DVCQG (mặc định, cách Cổng đang chấm) hoặc 766-2022.",
        "Scorecard version: 766-DVCQG (default, as the portal scores today) or 766-2022.",
    ),
    "help.score_file": (
        "Tệp bộ chỉ số (mặc định configs/score766.yaml).",
        "The scorecard file (default configs/score766.yaml).",
    ),
    "help.score_reading": (
        "Chọn cách hiểu một điểm chưa rõ, dạng TÊN=LỰA_CHỌN (lặp lại được), ví dụ "
        "withdrawn=excluded. Xem README, mục Chỉ số 766.",
        "Choose a reading of an unsure point, NAME=CHOICE (repeatable), e.g. withdrawn=excluded. "
        "See the README, section 766 scorecard.",
    ),
    "help.score_level": (
        "Cấp của đơn vị: province, district, commune (mặc định: organisation.level của tệp chỉ "
        "tiêu).",
        "The unit's level: province, district, commune (default: organisation.level of the "
        "targets file).",
    ),
    "help.score_lost": (
        "Liệt kê hồ sơ làm mất điểm (2.1, 5.4) và hồ sơ sắp quá hạn, có tệp, trang, dòng.",
        "List the dossiers that cost points (2.1, 5.4) and those about to, with file, sheet, row.",
    ),
    "help.score_at_risk_days": (
        "Số ngày tới để báo hồ sơ sắp quá hạn (mặc định 3).",
        "Days ahead for dossiers about to turn late (default 3).",
    ),
    "help.score_compare": (
        "Tệp CSV điểm chép từ Cổng DVCQG (cột Chỉ số hoặc Nhóm, Điểm, có thể thêm Đơn vị).",
        "A CSV of the points copied from the portal (columns Chỉ số or Nhóm, Điểm, optionally "
        "Đơn vị).",
    ),
    "help.score_format": (
        "table, json hoặc csv. Mặc định: theo đuôi tệp -o (.json, .csv), không thì table.",
        "table, json or csv. Default: from the -o file's ending (.json, .csv), else table.",
    ),
    "help.score_output": ("Ghi kết quả vào tệp này.", "Write the result to this file."),
}
