"""The words of the báo cáo (issue 15): the official blocks of Nghị định 30/2020/NĐ-CP and the
sentences written from the results. Plain Vietnamese, the way an office writes a report."""

from __future__ import annotations

WORDING: dict[str, tuple[str, str]] = {
    "doc.motto_1": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "doc.motto_2": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "doc.number": ("Số: {number}", "No.: {number}"),
    # Phụ lục I: "ngày 05 tháng 01 năm 2025" (day below 10, month 1 and 2 with a zero)
    "doc.place_date": (
        "{place}, ngày {day} tháng {month} năm {year}",
        "{place}, {day}/{month}/{year}",
    ),
    "doc.date_only": (
        "ngày {day} tháng {month} năm {year}",
        "{day}/{month}/{year}",
    ),
    "doc.kind": ("BÁO CÁO", "REPORT"),
    "doc.subject": (
        "Kết quả thực hiện các chỉ tiêu cải cách hành chính {period}",
        "Results on the administrative reform targets, {period}",
    ),
    "doc.period_month": ("tháng {month}/{year}", "{month}/{year}"),
    # văn bản hành chính write a quarter in Roman numerals ("quý I/2025")
    "doc.period_quarter": ("quý {quarter}/{year}", "Q{quarter} {year}"),
    "doc.period_year": ("năm {year}", "year {year}"),
    "doc.period_range": ("từ tháng {start} đến tháng {end}", "from {start} to {end}"),
    "doc.recipients": ("Nơi nhận:", "Recipients:"),
    "doc.archive": ("Lưu: VT", "Archive: office"),
    "doc.unit_placeholder": ("TÊN CƠ QUAN, ĐƠN VỊ", "ISSUING BODY"),
    "doc.table_title": (
        "Kết quả từng chỉ tiêu kỳ {period}",
        "Each target, {period}",
    ),
    "doc.col_no": ("TT", "No."),
    "doc.col_target": ("Chỉ tiêu", "Target"),
    "doc.col_counts": ("Số liệu", "Counts"),
    "doc.col_value": ("Kết quả", "Result"),
    "doc.col_goal": ("Mục tiêu", "Goal"),
    "doc.col_status": ("Đánh giá", "Status"),
    "doc.col_change": ("So với kỳ trước", "Against the previous period"),
    "doc.counts": ("{numerator}/{denominator}", "{numerator}/{denominator}"),
    "doc.ranking_title": (
        "Xếp hạng đơn vị trên các chỉ tiêu hồ sơ",
        "Units ranked on the dossier targets",
    ),
    "doc.col_unit": ("Đơn vị", "Unit"),
    "doc.col_met": ("Chỉ tiêu đạt / có dữ liệu", "Targets met / with data"),
    # the on-time rate's denominator: dossiers of the period, done or still being handled
    "doc.col_dossiers": ("Hồ sơ tính tỷ lệ đúng hạn", "Dossiers handled"),
    "doc.ranking_rule": (
        "Xếp theo số chỉ tiêu đạt, rồi theo {first}; đơn vị có ít hồ sơ thì tỷ lệ dễ dao động.",
        "Ranked on the targets met, then on {first}; a unit with few dossiers swings easily.",
    ),
    # the sentences of the text, one paragraph each
    "doc.overview": (
        "Báo cáo này tổng hợp kết quả {period} (từ ngày {start} đến ngày {end}, số liệu tính "
        "đến ngày {as_of}). Trong {total} chỉ tiêu theo dõi có {counts}.",
        "Reporting period {period} ({start} to {end}, figures as of {as_of}). Of {total} "
        "targets followed: {counts}.",
    ),
    "doc.count_met": ("{n} chỉ tiêu đạt", "{n} met"),
    "doc.count_warning": ("{n} chỉ tiêu gần đạt", "{n} close to the goal"),
    "doc.count_missed": ("{n} chỉ tiêu không đạt", "{n} missed"),
    "doc.count_no_data": ("{n} chỉ tiêu chưa có dữ liệu để tính", "{n} without data"),
    "doc.missed_lead": ("Các chỉ tiêu không đạt: {items}.", "Targets missed: {items}."),
    "doc.warning_lead": (
        "Các chỉ tiêu gần đạt (thiếu không quá biên cảnh báo): {items}.",
        "Targets close to the goal (within the warning band): {items}.",
    ),
    "doc.item_gap": (
        "{name} đạt {value}, còn thiếu {gap} điểm phần trăm so với mục tiêu {goal}",
        "{name} at {value}, {gap} percentage points short of the goal of {goal}",
    ),
    "doc.item_gap_over": (
        "{name} ở mức {value}, vượt {gap} điểm phần trăm so với mức tối đa {goal}",
        "{name} at {value}, {gap} percentage points over the limit of {goal}",
    ),
    "doc.more_targets": ("và {n} chỉ tiêu khác (xem bảng)", "and {n} more (see the table)"),
    "doc.more_units": ("và {n} đơn vị khác", "and {n} more units"),
    "doc.item": ("{name} ở mức {value} (mục tiêu {goal})", "{name} at {value} (goal {goal})"),
    "doc.trend_goal": (
        "mỗi năm tăng {step} điểm phần trăm",
        "{step} percentage points more each year",
    ),
    "doc.levels_missed": (
        ", chưa đạt ở {levels}",
        ", not met at {levels}",
    ),
    "doc.level_item": ("{level} {value} so với mức {goal}", "{level} {value} against {goal}"),
    "doc.all_met": (
        "Tất cả chỉ tiêu có dữ liệu đều đạt mục tiêu.",
        "Every target with data meets its goal.",
    ),
    "doc.change_lead": (
        "So với kỳ trước ({period}): {items}.",
        "Against the previous period ({period}): {items}.",
    ),
    "doc.change_up": (
        "{name} tăng {delta} điểm phần trăm (từ {before} lên {after})",
        "{name} up {delta} percentage points ({before} to {after})",
    ),
    "doc.change_down": (
        "{name} giảm {delta} điểm phần trăm (từ {before} xuống {after})",
        "{name} down {delta} percentage points ({before} to {after})",
    ),
    "doc.change_none": (
        "So với kỳ trước ({period}), các tỷ lệ thay đổi không quá 0,5 điểm phần trăm.",
        "Against the previous period ({period}), no rate moved by more than 0.5 points.",
    ),
    "doc.change_missing": (
        "Chưa so sánh được với kỳ trước ({period}): dữ liệu hồ sơ của kỳ đó thiếu tháng {months}.",
        "Not compared with the previous period ({period}): its dossier data lacks {months}.",
    ),
    "doc.change_none_before": (
        "Các chỉ tiêu tính từ hồ sơ chưa so sánh được với kỳ trước ({period}): không có dữ "
        "liệu hồ sơ của kỳ đó.",
        "The dossier targets are not compared with the previous period ({period}): there is no "
        "dossier data for it.",
    ),
    "doc.change_lead_others": (
        "Các chỉ tiêu khác so với kỳ trước: {items}.",
        "The other targets against the previous period: {items}.",
    ),
    "doc.change_missing_now": (
        "Các chỉ tiêu tính từ hồ sơ chưa so sánh được với kỳ trước ({period}): dữ liệu hồ sơ "
        "của kỳ này thiếu tháng {months}.",
        "The dossier targets are not compared with the previous period ({period}): this "
        "period's dossier data lacks {months}.",
    ),
    "doc.units_lag": (
        "Về {target}, các đơn vị chưa đạt mục tiêu {goal}: {items}.",
        "On {target}, the units below the goal {goal}: {items}.",
    ),
    "doc.units_all_met": (
        "Về {target}, tất cả các đơn vị đều đạt mục tiêu {goal}.",
        "On {target}, every unit meets the goal {goal}.",
    ),
    "doc.unit_item": ("{unit} ({value}, {n} hồ sơ)", "{unit} ({value}, {n} dossiers)"),
    "doc.data": (
        "Số liệu được tổng hợp từ {files} tệp dữ liệu xuất từ hệ thống (mọi kỳ trong các tệp): "
        "{valid} dòng hợp lệ, {rejected} dòng bị loại do lỗi dữ liệu{duplicates}.",
        "The figures come from {files} files exported from the systems (every period they "
        "hold): {valid} valid rows, {rejected} rows rejected for data errors{duplicates}.",
    ),
    "doc.duplicates": (
        ", {n} dòng trùng mã hồ sơ không tính lại",
        ", {n} rows repeating a dossier code not counted twice",
    ),
    "doc.coverage_gap": (
        "Dữ liệu hồ sơ của kỳ thiếu tháng {months}, nên các chỉ tiêu tính từ hồ sơ chưa tính "
        "được (ghi Không có dữ liệu).",
        "The period's dossier data lacks {months}, so the dossier targets are not computed "
        "(shown as No data).",
    ),
    "doc.table_lead": (
        "Kết quả từng chỉ tiêu như bảng dưới đây.",
        "Each target is in the table below.",
    ),
    # the 766 scorecard's section (issue 16), one sentence built from its parts
    "doc.score_title": ("Chỉ số 766 (tự tính)", "The 766 index (computed here)"),
    "doc.score_none": (
        "Chỉ số 766 tự tính {period} (phiên bản {version}): dữ liệu đã đưa vào chưa đủ để tính "
        "điểm chỉ số nào.",
        "The 766 index computed {period} (version {version}): the data given lets no indicator "
        "be scored.",
    ),
    "doc.score_total": (
        "Điểm Chỉ số 766 tự tính từ dữ liệu của đơn vị {period} (phiên bản {version}): "
        "{points}/{scored} điểm của các chỉ số tính được{rest}",
        "The 766 index computed from the unit's own data, {period} (version {version}): "
        "{points}/{scored} points of the indicators computed{rest}",
    ),
    "doc.score_rest": (" (thang điểm {max}; {parts})", " (out of {max}; {parts})"),
    "doc.score_no_data": (
        "{points} điểm chưa có dữ liệu để tính",
        "{points} points without data",
    ),
    "doc.score_not_scored": (
        "{points} điểm không chấm ở {level}",
        "{points} points not scored at {level}",
    ),
    "doc.score_lost": (
        "; các chỉ số mất nhiều điểm nhất: {items}",
        "; the indicators losing the most points: {items}",
    ),
    "doc.score_lost_item": (
        "{code} “{name}” (mất {points} điểm)",
        "{code} “{name}” ({points} points lost)",
    ),
    "doc.score_late": (
        "; {n} hồ sơ trễ hạn làm mất điểm chỉ số {code}",
        "; late dossiers cost points on indicator {code}: {n}",
    ),
    "doc.score_unsatisfied": (
        "; {n} hồ sơ bị đánh giá không hài lòng làm mất điểm chỉ số {code}",
        "; dossiers rated unsatisfied cost points on indicator {code}: {n}",
    ),
    "doc.score_at_risk": (
        "; {n} hồ sơ sắp quá hạn trong {days} ngày (hạn trả đến ngày {until})",
        "; open dossiers that turn late within {days} days (due by {until}): {n}",
    ),
    "doc.score_none_at_risk": (
        "; không có hồ sơ nào sắp quá hạn trong {days} ngày",
        "; no open dossier turns late within {days} days",
    ),
    "doc.score_col_group": ("Nhóm chỉ số", "Group"),
    "doc.score_col_points": ("Điểm", "Points"),
    "doc.score_col_scored": ("Tối đa của chỉ số tính được", "Maximum of those computed"),
    "doc.score_col_no_data": ("Chưa có dữ liệu", "Without data"),
    "doc.score_col_not_scored": ("Không chấm ở cấp này", "Not scored at this level"),
    "doc.score_col_total": ("Cộng", "Total"),
    "doc.score_note": (
        "Điểm do đơn vị tự tính từ tệp xuất để theo dõi, không thay thế điểm do Cổng Dịch vụ "
        "công quốc gia công bố; chi tiết từng chỉ số ở trang tính Chỉ số 766 của tệp Excel.",
        "Points the unit computes from its own exports to follow them; the national portal's "
        "published points are the official ones. Each indicator: the 766 index sheet of the "
        "Excel report.",
    ),
    "doc.local_note": (
        "(*) Mục tiêu do địa phương chọn, Chương trình không nêu mức cụ thể.",
        "(*) A goal chosen locally; the programme states no figure.",
    ),
}
