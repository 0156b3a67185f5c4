"""The Excel report for the leadership (`cchc report`): one workbook, seven sheets, native
charts, print-ready, and no cell from the data ever turned into a formula."""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import chain, repeat
from pathlib import Path
from typing import Any

from cchc_cli import __version__
from cchc_cli.catalogue import WORDS, Percent, label
from cchc_cli.report import numbers
from cchc_cli.report.names import dataset_name, format_name, profile_title
from cchc_cli.report.presentation import present, present_level_goal, present_threshold
from cchc_cli.report.results import group_label, rule_text, shown_target, shown_value, sub_rows
from cchc_cli.report.sheet import (
    BOOK_FONT,
    Alignment,
    Border,
    Fill,
    Font,
    LineChart,
    Sheet,
    column_letter,
    write_book,
)
from cchc_cli.report.validation import sorted_issues
from cchc_cli.schema import DATASETS
from cchc_cli.targets.coverage import coverage_of
from cchc_cli.targets.form06a import COLUMNS as FORM_COLUMNS
from cchc_cli.targets.report_content import ReportContent
from cchc_cli.targets.results import TargetResult, TargetStatus
from cchc_cli.targets.scorecard import IndicatorScore, LostRow, ScoreResult
from cchc_cli.targets.spec import TargetBase, ValueForm

HEADER_FILL = Fill("1F4E78")
HEADER_FONT = Font(bold=True, color="FFFFFF")
BOLD = Font(bold=True)
BOX = Border("A6A6A6")
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
MIDDLE = Alignment(vertical="center")
STATUS_FILL = {
    TargetStatus.MET: ("C6EFCE", "006100"),
    TargetStatus.MISSED: ("FFC7CE", "9C0006"),
    TargetStatus.WARNING: ("FFEB9C", "9C5700"),
    TargetStatus.NO_DATA: ("D9D9D9", "595959"),
}
PERCENT = "0.0%"
# The national motto and the form's official title are Vietnamese in every language.
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
KEY_DATASET = "dossiers"

SHEETS = (
    "summary",
    "method",
    "score766",
    "by_agency",
    "by_field",
    "trends",
    "form",
    "late",
    "quality",
    "about",
)
FORM_HEADER = (
    "Biểu số II.06a/VPCP/KSTT",
    "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC",
)


@dataclass(frozen=True)
class ReportOptions:
    """What the officer chose for this report."""

    lang: str = "vi"
    title: str | None = None
    unit_name: str | None = None
    motto: bool = True
    include_personal_data: bool = False


def _w(key: str, lang: str, **params: Any) -> str:
    """A report word: its own `report.` entry, else the interface word of the same name."""
    own = f"report.{key}"
    return label(own if own in WORDS else key, lang, **params)


def put(ws: Sheet, row: int, column: int, value: Any, **style: Any) -> Any:
    """Write a cell, vertically centred unless said. Text is always text: a value from the data
    that starts with "=" is never a formula (report/sheet.py writes strings as strings)."""
    style.setdefault("alignment", MIDDLE)
    return ws.put(row, column, value, **style)


def _header(ws: Sheet, row: int, titles: list[str], widths: list[int]) -> None:
    for column, (title, width) in enumerate(zip(titles, widths, strict=True), start=1):
        put(
            ws, row, column, title, font=HEADER_FONT, fill=HEADER_FILL, alignment=CENTER, border=BOX
        )
        ws.column_dimensions[column_letter(column)].width = width
    ws.row_dimensions[row].height = 32


def _fit_rows(
    ws: Sheet, first_row: int, last_row: int, font_size: float = BOOK_FONT["font_size"]
) -> None:
    """Row heights for wrapped text: spreadsheet programs do not grow rows written by a
    library, so estimate the lines each cell needs from its column width (one pass)."""
    scale = 11 / font_size
    # a cell merged across columns of its row wraps in their widths together
    spans = {(r1, c1): c2 for r1, c1, r2, c2 in ws.merges if r1 == r2 and c2 > c1}
    per_line: dict[tuple[int, int], int] = {}
    lines: dict[int, int] = {}
    cells = ((row, column, cell.value) for (row, column), cell in ws.cells.items())
    blocks = (
        zip(range(first, first + len(values)), repeat(column), values)
        for first, column, values, _ in ws.blocks
    )
    for row, column, value in chain(cells, *blocks):
        if row < first_row or row > last_row or not isinstance(value, str) or not value:
            continue
        last = spans.get((row, column), column)
        if (column, last) not in per_line:
            width = sum(
                ws.column_dimensions[column_letter(c)].width or 10 for c in range(column, last + 1)
            )
            per_line[(column, last)] = max(1, int(width * 1.15 * scale))
        room = per_line[(column, last)]
        needed = sum(_wrapped_lines(part, room) for part in value.split("\n"))
        if needed > lines.get(row, 1):
            lines[row] = needed
    for row, count in lines.items():
        ws.row_dimensions[row].height = round(15 * count / scale, 1)


def _wrapped_lines(text: str, room: int) -> int:
    """The lines a text takes wrapped at words in `room` characters, as a spreadsheet wraps
    it: a word that does not fit the rest of a line starts the next, a word longer than a line
    is cut into lines of its own ("2025-03 DanhSachHoSo_20250401_0" is three lines in 18)."""
    lines, used = 1, 0
    for word in text.split():
        length = len(word)
        if used and used + 1 + length > room:
            lines, used = lines + 1, 0
        while length > room:
            lines, length = lines + 1, length - room
        used = used + 1 + length if used else length
    return lines


def _print_setup(ws: Sheet, header_row: int, last_column: int, last_row: int) -> None:
    _fit_rows(ws, header_row + 1, last_row)
    ws.freeze = (header_row + 1, 1)
    ws.filter = (header_row, 1, max(last_row, header_row), last_column)
    ws.landscape = True
    ws.fit_to_width = True
    ws.title_rows = (header_row, header_row)
    ws.side_margins = 0.4


def _status_cell(ws: Sheet, row: int, column: int, status: TargetStatus, lang: str) -> None:
    fill, colour = STATUS_FILL[status]
    put(
        ws,
        row,
        column,
        label(f"status_{status.value}", lang),
        fill=Fill(fill),
        font=Font(bold=True, color=colour),
        alignment=CENTER,
        border=BOX,
    )


def _value_cell(
    spec: TargetBase, value: float | None, goal: float | None = None
) -> tuple[float | None, str]:
    """(number written, its number format): the value as every view shows it."""
    shown = present(spec, value, goal)
    return shown.number, shown.number_format


def _target_cells(
    result: TargetResult,
    lang: str,
    level_target: float | None = None,
    level: bool = False,
    level_value: float | None = None,
) -> tuple[Any, str]:
    """(number or text shown in the target column, its number format)."""
    spec = result.target.spec
    if level_target is not None:
        sign, goal = present_level_goal(level_target, level_value)
        return goal.number, goal.format_with(sign)
    rule = rule_text(spec, lang)
    if rule is not None:
        return ("—" if level else rule), "@"
    threshold = result.target.threshold
    if threshold is None:
        return None, "General"
    sign, shown = present_threshold(spec, threshold)
    return shown.number, shown.format_with(sign)


# The summary prints on one A4 landscape width at about 100 % (issue 15): eight columns, the
# formula, source and notes on the sheet after it.
SUMMARY_WIDTHS = [6, 58, 10, 10, 11, 17, 14, 14]
SUMMARY_FONT = 13  # Nghị định 30/2020: 13–14 pt body; the tables at 12 in these columns
TABLE_FONT = 12


def _official_header(ws: Sheet, content: ReportContent, options: ReportOptions) -> int:
    """The blocks of Nghị định 30/2020/NĐ-CP, Phụ lục I: the issuing body and its number on
    the left, the national motto and the place-and-date line on the right. The last row used."""
    from cchc_cli.report.wording import place_date

    lang = options.lang
    organisation = content.config.organisation
    names = [options.unit_name] if options.unit_name else organisation.name_lines
    left: list[tuple[str, Font]] = []
    if organisation.parent:
        left.append((organisation.parent.upper(), Font(size=SUMMARY_FONT)))
    left += [(name.upper(), Font(bold=True, size=SUMMARY_FONT)) for name in names]
    if names or organisation.parent:
        number = label("doc.number", lang, number=organisation.number)
        left.append((number, Font(size=SUMMARY_FONT)))
    right: list[tuple[str, Font]] = []
    if options.motto:
        right = [
            (label("doc.motto_1", lang), Font(bold=True, size=SUMMARY_FONT - 1)),
            (label("doc.motto_2", lang), Font(bold=True, underline=True, size=SUMMARY_FONT)),
        ]
        day = content.generated_at.date()
        right.append((place_date(organisation.place, day, lang), Font(italic=True, size=13)))
    for row, (text, font) in enumerate(left, start=1):
        put(ws, row, 1, text, font=font, alignment=CENTER)
        ws.merge(row, 1, row, 2)
    for row, (text, font) in enumerate(right, start=1):
        put(ws, row, 4, text, font=font, alignment=CENTER)
        ws.merge(row, 4, row, len(SUMMARY_WIDTHS))
    return max(len(left), len(right))


def _line(
    ws: Sheet,
    row: int,
    text: str,
    font: Font,
    height: float | None = None,
    centre: bool = False,
    widths: list[int] = SUMMARY_WIDTHS,
) -> int:
    """A line of text across the summary's width (or `widths`); the next free row."""
    horizontal = "center" if centre else None
    alignment = Alignment(horizontal=horizontal, vertical="top", wrap_text=True)
    put(ws, row, 1, text, font=font, alignment=alignment)
    ws.merge(row, 1, row, len(widths))
    per_line = int(sum(widths) * 1.05 * 11 / (font.size or 11))
    lines = sum(-(-len(part) // per_line) or 1 for part in text.split("\n"))
    ws.row_dimensions[row].height = height or 18 * lines
    return row + 1


def _first_page(ws: Sheet, row: int, content: ReportContent, lang: str) -> int:
    """What a leader reads in ten seconds: the counts, each target not met with its gap, the
    change since the previous period, and the units ranked. The next free row."""
    from cchc_cli.report.wording import (
        change_mark,
        changes,
        gap_points,
        levels_missed,
        notable_changes,
        period_words,
    )

    highlights = content.highlights
    counts = highlights.counts
    said = label(
        "report.counts_line",
        lang,
        met=counts[TargetStatus.MET],
        total=highlights.total,
        warning=counts[TargetStatus.WARNING],
        missed=counts[TargetStatus.MISSED],
    )
    if counts[TargetStatus.NO_DATA]:
        said += "; " + label("doc.count_no_data", lang, n=counts[TargetStatus.NO_DATA])
    row = _line(ws, row, said, Font(bold=True, size=SUMMARY_FONT + 1))
    for status, key in ((TargetStatus.MISSED, "missed"), (TargetStatus.WARNING, "warning")):
        items = [s for s in highlights.shortfalls if s.result.status is status]
        for shortfall in items:
            result = shortfall.result
            value = shown_value(result, result.value, lang)
            goal = shown_target(result.target, lang)
            text = label(f"report.{key}_item", lang, name=result.target.spec.name, value=value,
                         goal=goal)  # fmt: skip
            if shortfall.gap is not None:
                text += label("report.gap_points", lang, gap=gap_points(shortfall, lang))
            else:
                text += levels_missed(result, lang)
            colour = STATUS_FILL[status][1]
            row = _line(ws, row, text, Font(size=SUMMARY_FONT, color=colour))
    every = notable_changes(highlights)
    moved = every[:6]
    before = highlights.previous
    comparable = not (highlights.current_incomplete or highlights.previous_incomplete)
    if before is not None and moved and comparable:
        parts = [f"{c.result.target.spec.name} {change_mark(c, lang)}" for c in moved]
        if len(every) > len(moved):
            parts.append(label("doc.more_targets", lang, n=len(every) - len(moved)))
        period = period_words(before, lang)
        text: str | None = label("report.changes_line", lang, period=period, items="; ".join(parts))
    else:
        text = changes(highlights, lang)  # not compared, and why; or nothing moved
    if text:
        row = _line(ws, row, text, Font(size=SUMMARY_FONT))
    return _ranking(ws, row + 1, content, lang)


def _ranking(ws: Sheet, row: int, content: ReportContent, lang: str) -> int:
    """The units ranked on the key dossier targets (at most four, the columns of the page)."""
    highlights = content.highlights
    keys = highlights.key_targets  # at most four, the columns left beside a unit
    if not highlights.ranking or not keys:
        return row
    row = _line(ws, row, label("doc.ranking_title", lang), Font(bold=True, size=SUMMARY_FONT))
    titles = [label("doc.col_no", lang), label("doc.col_unit", lang),
              label("doc.col_dossiers", lang), label("doc.col_met", lang)]  # fmt: skip
    titles += [key.target.spec.name for key in keys]
    small = Font(bold=True, color="FFFFFF", size=10)
    for column, title in enumerate(titles, start=1):
        put(ws, row, column, title, font=small, fill=HEADER_FILL, alignment=CENTER, border=BOX)
    ws.row_dimensions[row].height = 66
    body = Font(size=TABLE_FONT)
    for number, unit in enumerate(highlights.ranking, 1):
        row += 1
        put(ws, row, 1, number, font=body, alignment=CENTER, border=BOX)
        put(ws, row, 2, unit.unit, font=body, alignment=WRAP, border=BOX)
        put(ws, row, 3, unit.dossiers, font=body, border=BOX, number_format="#,##0")
        met = f"{unit.met}/{unit.judged}"  # of the targets the unit has data for
        put(ws, row, 4, met, font=body, alignment=CENTER, border=BOX)
        for index, key in enumerate(keys):
            value = unit.values.get(key.target.id)
            status = unit.statuses.get(key.target.id, TargetStatus.NO_DATA)
            goal = key.threshold.value if key.threshold is not None else None
            shown, number_format = _value_cell(key.target.spec, value, goal)
            colour = STATUS_FILL[status][1]
            put(ws, row, 5 + index, shown, font=Font(size=TABLE_FONT, color=colour),
                border=BOX, number_format=number_format)  # fmt: skip
    first = keys[0].target.spec.name
    from cchc_cli.report.wording import in_sentence

    rule = label("doc.ranking_rule", lang, first=in_sentence(first))
    return _line(ws, row + 1, rule, Font(italic=True, size=11)) + 1


def _write_summary(ws: Sheet, content: ReportContent, options: ReportOptions) -> None:
    """The first sheet, laid out as a báo cáo's page (issue 15): the official header, the
    title and period, what a leader reads first, the table of targets, the signature."""
    from cchc_cli.report.wording import period_words

    lang = options.lang
    # the widths first: the rows' heights are fitted to them
    for column, width in enumerate(SUMMARY_WIDTHS, start=1):
        ws.column_dimensions[column_letter(column)].width = width
    row = _official_header(ws, content, options) + 2
    # "BÁO CÁO" and its subject below, as a báo cáo is titled (the subject said it twice)
    title = options.title or label("doc.kind", lang)
    row = _line(ws, row, title, Font(bold=True, size=14), 22, centre=True)
    subject = label("doc.subject", lang, period=period_words(content.period, lang))
    period = content.period
    period_line = _w(
        "period_line",
        lang,
        period=period_words(period, lang),
        start=f"{period.start:%d/%m/%Y}",
        end=f"{period.end:%d/%m/%Y}",
        as_of=f"{period.as_of:%d/%m/%Y}",
        made=f"{content.generated_at:%d/%m/%Y}",
    )
    for row_, text, font in ((row, subject, Font(bold=True, size=SUMMARY_FONT)),
                             (row + 1, period_line, Font(italic=True, size=11))):  # fmt: skip
        put(ws, row_, 1, text, font=font, alignment=CENTER)
        ws.merge(row_, 1, row_, len(SUMMARY_WIDTHS))
    row += 2
    for covered in coverage_of(content.loaded.tables, period):
        if covered.dataset == "dossiers" and covered.missing:
            # D6: the months without data, right under the period (their targets say no data)
            line = label(
                "coverage_line",
                lang,
                held=", ".join(covered.held) or "—",
                missing=", ".join(covered.missing),
            )
            row = _line(ws, row, line, Font(bold=True, color="9C0006", size=SUMMARY_FONT))
    row = _first_page(ws, row + 1, content, lang)
    row = _targets_table(ws, row + 1, content, lang)
    _signature(ws, row + 1, content, lang)
    ws.landscape = True
    ws.fit_to_width = True
    ws.side_margins = 0.5


def _targets_table(ws: Sheet, row: int, content: ReportContent, lang: str) -> int:
    """Every target with its counts, result, goal, status and change; the row after it."""
    from cchc_cli.report.wording import change_mark

    keys = ["doc.col_no", "col_name", "col_num", "col_den", "col_value", "col_target",
            "col_status", "doc.col_change"]  # fmt: skip
    header = row
    for column, key in enumerate(keys, start=1):
        put(ws, row, column, _w(key, lang), font=Font(bold=True, color="FFFFFF", size=11),
            fill=HEADER_FILL, alignment=CENTER, border=BOX)  # fmt: skip
    ws.row_dimensions[row].height = 32
    changes = {c.result.target.id: c for c in content.highlights.changes}
    body = Font(size=TABLE_FONT)
    first_row = row + 1
    for number, result in enumerate(content.summary.targets, 1):
        row += 1
        spec = result.target.spec
        put(ws, row, 1, number, font=body, alignment=CENTER, border=BOX)
        name = spec.name + (" (*)" if spec.local else "")
        put(ws, row, 2, name, font=Font(bold=True, size=TABLE_FONT), alignment=WRAP, border=BOX)
        put(ws, row, 3, result.numerator, font=body, border=BOX, number_format="#,##0")
        put(ws, row, 4, result.denominator, font=body, border=BOX, number_format="#,##0")
        goal = result.threshold.value if result.threshold else None
        value, number_format = _value_cell(spec, result.value, goal)
        put(ws, row, 5, value, font=body, border=BOX, number_format=number_format)
        target, number_format = _target_cells(result, lang)
        put(ws, row, 6, target, font=body, border=BOX, number_format=number_format,
            alignment=WRAP)  # fmt: skip
        _status_cell(ws, row, 7, result.status, lang)
        moved = change_mark(changes.get(spec.id), lang)
        put(ws, row, 8, moved, font=body, alignment=CENTER, border=BOX)
        for group in result.levels:
            row += 1
            put(ws, row, 1, None, border=BOX)
            put(ws, row, 2, "   └ " + group_label(group.by, lang), font=body, alignment=WRAP,
                border=BOX)  # fmt: skip
            put(ws, row, 3, group.numerator, font=body, border=BOX, number_format="#,##0")
            put(ws, row, 4, group.denominator, font=body, border=BOX, number_format="#,##0")
            value, number_format = _value_cell(spec, group.value, group.target_value)
            put(ws, row, 5, value, font=body, border=BOX, number_format=number_format)
            target, number_format = _target_cells(
                result, lang, group.target_value, True, group.value
            )
            put(ws, row, 6, target, font=body, border=BOX, number_format=number_format)
            _status_cell(ws, row, 7, group.status, lang)
            put(ws, row, 8, None, border=BOX)
    _fit_rows(ws, first_row, row, font_size=TABLE_FONT)
    ws.title_rows = (header, header)
    row += 1
    notes = [label("status_legend", lang)]
    if any(r.target.spec.local for r in content.summary.targets):
        notes.append(label("doc.local_note", lang) + " " + label("report.method_pointer", lang))
    for note in notes:
        row = _line(ws, row, note, Font(italic=True, size=11))
    return row


def _signature(ws: Sheet, row: int, content: ReportContent, lang: str) -> None:
    """ "Nơi nhận" on the left, the signer on the right (Phụ lục I)."""
    organisation = content.config.organisation
    put(ws, row, 1, label("doc.recipients", lang), font=Font(bold=True, italic=True, size=12))
    ws.merge(row, 1, row, 2)
    items = [*organisation.recipients, label("doc.archive", lang)]
    for index, item in enumerate(items, start=1):
        end = "." if index == len(items) else ";"
        put(ws, row + index, 1, f"- {item}{end}", font=Font(size=11))
        ws.merge(row + index, 1, row + index, 2)
    titles = organisation.signer.title or [""]
    for index, title in enumerate(titles):
        put(ws, row + index, 5, title.upper(), font=Font(bold=True, size=SUMMARY_FONT),
            alignment=CENTER)  # fmt: skip
        ws.merge(row + index, 5, row + index, len(SUMMARY_WIDTHS))
    if organisation.signer.name:
        at = row + len(titles) + 4  # room for the signature and the seal
        put(ws, at, 5, organisation.signer.name, font=Font(bold=True, size=SUMMARY_FONT),
            alignment=CENTER)  # fmt: skip
        ws.merge(at, 5, at, len(SUMMARY_WIDTHS))


def _write_method(ws: Sheet, content: ReportContent, lang: str) -> None:
    """How each target is computed, from where, and what the locality chose (the columns the
    summary page has no room for)."""
    keys = ["col_id", "col_name", "source", "formula", "note"]
    _header(ws, 1, [_w(k, lang) for k in keys], [34, 44, 46, 50, 50])
    row = 1
    for result in content.summary.targets:
        row += 1
        spec = result.target.spec
        note = result.note.render(lang) if result.note else ""
        if result.source:
            note = f"{_w('dataset', lang)}: {dataset_name(result.source, lang)}. {note}".strip()
        if spec.note:
            # D13: how the target approximates its sentence of the programme
            note = f"{spec.note} {note}".strip()
        if spec.local:
            # D13: a goal the programme does not state
            local = f"{label('local_choice', lang).capitalize()}: {spec.local_reason}"
            note = f"{local}. {note}".strip()
        for column, value in enumerate((spec.id, spec.name, spec.source, spec.formula, note), 1):
            put(ws, row, column, value, alignment=WRAP, border=BOX,
                font=BOLD if column == 1 else None)  # fmt: skip
    _print_setup(ws, 1, len(keys), row)


# The 766 sheet's columns, shared by its table of indicators (group, code, name, numerator,
# denominator, rate, points, maximum, within reach, note) and its lists of dossiers (code,
# indicator, procedure, received, due, ended, unit over G:I, reason, file, sheet, row).
SCORE_WIDTHS = [26, 8, 42, 11, 11, 11, 11, 11, 11, 44, 30, 24, 8]
SCORE_TABLE_COLUMNS = 10
# The dossiers each list of the 766 sheet shows; `cchc score766 --lost` gives them all.
SCORE_LIST_ROWS = 200
POINTS_FORMAT = "0.00"
GROUP_FILL = Fill("F2F2F2")


def _points_cell(ws: Sheet, row: int, column: int, value: float | None, **style: Any) -> None:
    """766 points with two decimals; "—" where none could be given (the note says why)."""
    if value is None:
        put(ws, row, column, "—", alignment=CENTER, border=BOX, **style)
    else:
        put(ws, row, column, value, number_format=POINTS_FORMAT, border=BOX, **style)


def _max_format(value: float) -> str:
    return "0" if float(value).is_integer() else POINTS_FORMAT


def _count_format(value: float | None) -> str:
    return "#,##0" if value is None or float(value).is_integer() else "#,##0.00"


def _score_note(score: IndicatorScore, result: ScoreResult, lang: str) -> str:
    """Where an indicator's numbers come from, or why it has no points, as `cchc score766`
    says it; a row not scored at the unit's level without the command's option in it."""
    from cchc_cli.report.score766 import indicator_note
    from cchc_cli.report.wording import level_words

    if score.status == "not_scored":
        return _w("score_province_only", lang, level=level_words(result.level, lang))
    return indicator_note(score, lang)


def _write_score_table(ws: Sheet, row: int, result: ScoreResult, lang: str) -> int:
    """The indicators under their groups' subtotals, then the total; the last row written."""
    from cchc_cli.report.wording import score_unscored

    keys = ["score_col_group", "score_col_code", "score_col_name", "col_num", "col_den",
            "score_col_ratio", "score_col_points", "score_col_max", "score_col_reach",
            "note"]  # fmt: skip
    _header(ws, row, [_w(k, lang) for k in keys], SCORE_WIDTHS[: len(keys)])
    first = row + 1
    bold_row = {"font": BOLD, "fill": GROUP_FILL}
    for group in result.groups:
        row += 1
        definition = group.group
        name = definition.name_en if lang == "en" and definition.name_en else definition.name
        put(ws, row, 1, name, alignment=WRAP, border=BOX, **bold_row)
        for column in range(2, 7):
            put(ws, row, column, None, border=BOX, **bold_row)
        _points_cell(ws, row, 7, group.points, **bold_row)
        put(ws, row, 8, definition.max, number_format=_max_format(definition.max), border=BOX,
            **bold_row)  # fmt: skip
        reach = group.within_reach if group.points is not None else None
        _points_cell(ws, row, 9, reach, **bold_row)
        unscored = score_unscored(group.no_data_max, group.not_scored_max, result.level, lang)
        put(ws, row, 10, "; ".join(unscored), alignment=WRAP, border=BOX, **bold_row)
        for score in result.indicators:
            spec = score.indicator.spec
            if spec.group != definition.id:
                continue
            row += 1
            put(ws, row, 1, None, border=BOX)
            put(ws, row, 2, spec.code, alignment=CENTER, border=BOX)
            put(ws, row, 3, spec.name, alignment=WRAP, border=BOX)
            for column, number in ((4, score.numerator), (5, score.denominator)):
                put(ws, row, column, number, number_format=_count_format(number), border=BOX)
            put(ws, row, 6, score.ratio, number_format=PERCENT, border=BOX)
            _points_cell(ws, row, 7, score.points)
            put(ws, row, 8, spec.max_points, number_format=_max_format(spec.max_points),
                border=BOX)  # fmt: skip
            put(ws, row, 9, score.within_reach, number_format=POINTS_FORMAT, border=BOX)
            put(ws, row, 10, _score_note(score, result, lang), alignment=WRAP, border=BOX)
    row += 1
    put(ws, row, 1, _w("score_total_row", lang), alignment=WRAP, border=BOX, **bold_row)
    for column in range(2, 7):
        put(ws, row, column, None, border=BOX, **bold_row)
    # nothing scored at all: no points, not 0
    _points_cell(ws, row, 7, result.points if result.scored_max else None, **bold_row)
    put(ws, row, 8, result.max_points, number_format=_max_format(result.max_points), border=BOX,
        **bold_row)  # fmt: skip
    _points_cell(ws, row, 9, result.within_reach, **bold_row)
    unscored = score_unscored(result.no_data_max, result.not_scored_max, result.level, lang)
    put(ws, row, 10, "; ".join(unscored), alignment=WRAP, border=BOX, **bold_row)
    _fit_rows(ws, first, row)
    return row


def _write_dossier_list(
    ws: Sheet, row: int, rows: list[tuple[LostRow, str, str]], lang: str, total: int
) -> int:
    """A list of dossiers (no applicant's data: LostRow holds none), each with its
    indicators and its reason in words, at most SCORE_LIST_ROWS of the `total` there are;
    the last row written."""
    titles = [_w(k, lang) for k in ("score_col_dossier", "score_col_name", "score_col_procedure",
              "score_col_received", "score_col_due", "score_col_ended", "agency")]  # fmt: skip
    titles += ["", "", _w("score_col_reason", lang), _w("file", lang), _w("sheet", lang),
               _w("row", lang)]  # fmt: skip
    header = row
    for column, title in enumerate(titles, start=1):
        put(ws, row, column, title or None, font=HEADER_FONT, fill=HEADER_FILL, alignment=CENTER,
            border=BOX)  # fmt: skip
    ws.merge(row, 7, row, 9)
    ws.row_dimensions[row].height = 32
    if not rows:
        put(ws, row + 1, 1, _w("score_none", lang), font=Font(italic=True))
        return row + 1
    for dossier, codes, reason in rows[:SCORE_LIST_ROWS]:
        row += 1
        # text from the data goes through put(): written as text, never as a formula
        values = [dossier.dossier_code, codes, dossier.procedure_name, dossier.received_at,
                  dossier.due_at, dossier.ended_at, dossier.agency_name, None, None, reason,
                  dossier.path, dossier.sheet, dossier.row]  # fmt: skip
        for column, value in enumerate(values, start=1):
            dated = column in (4, 5, 6)
            put(ws, row, column, value, border=BOX, alignment=CENTER if column == 2 else WRAP,
                number_format="dd/mm/yyyy" if dated else None)  # fmt: skip
        ws.merge(row, 7, row, 9)
    _fit_rows(ws, header + 1, row)
    shown = min(len(rows), SCORE_LIST_ROWS)
    if total > shown:
        row += 1
        put(ws, row, 1, _w("score_first_rows", lang, shown=shown), font=Font(italic=True))
    return row


def _write_score766(ws: Sheet, result: ScoreResult, lang: str) -> None:
    """The 766 scorecard computed from the unit's exports (issue 16): the total, each group
    and indicator with its points, then the dossiers that cost points and those about to."""
    from cchc_cli.report.score766 import reason_text
    from cchc_cli.report.wording import (
        at_risk_until,
        costly_rows,
        level_words,
        period_words,
        score_points,
        score_unscored,
    )

    for column, width in enumerate(SCORE_WIDTHS, start=1):
        ws.column_dimensions[column_letter(column)].width = width
    widths = SCORE_WIDTHS[:SCORE_TABLE_COLUMNS]
    title = _w("score_title", lang, period=period_words(result.period, lang).upper(),
               name=result.scorecard.name)  # fmt: skip
    row = _line(ws, 1, title, Font(bold=True, size=14), widths=widths)
    about = _w("score_about", lang, level=level_words(result.level, lang),
               as_of=f"{result.period.as_of:%d/%m/%Y}")  # fmt: skip
    row = _line(ws, row, about, Font(italic=True, size=11), widths=widths)
    total = _w("score_total", lang, points=score_points(result.points, lang),
               scored=numbers.count(result.scored_max, lang))  # fmt: skip
    unscored = score_unscored(result.no_data_max, result.not_scored_max, result.level, lang)
    total = "; ".join([total, *unscored])
    row = _line(ws, row, total, Font(bold=True, size=13), widths=widths)
    row = _write_score_table(ws, row + 1, result, lang)
    lost = costly_rows(result)
    reasons = {reason: reason_text(reason, lang) for reason in {r.reason for r in lost}}
    row = _line(ws, row + 2, _w("score_lost_title", lang), Font(bold=True, size=13),
                widths=widths)  # fmt: skip
    # counted over every dossier, whatever the rows listed (the scorecard lists the first ones)
    dossiers = result.lost_dossiers  # each once, whatever the indicators it costs points on
    row = _line(ws, row, _w("score_lost_note", lang, n=numbers.count(dossiers, lang)),
                Font(italic=True, size=11), widths=widths)  # fmt: skip
    listed = [(r, r.indicator, reasons[r.reason]) for r in lost]
    row = _write_dossier_list(ws, row, listed, lang, dossiers)
    until = f"{at_risk_until(result):%d/%m/%Y}"
    title = _w("score_at_risk_title", lang, days=result.at_risk_days, until=until)
    row = _line(ws, row + 2, title, Font(bold=True, size=13), widths=widths)
    soon = numbers.count(result.at_risk_count, lang)
    row = _line(ws, row, _w("score_at_risk_note", lang, n=soon), Font(italic=True, size=11),
                widths=widths)  # fmt: skip
    at_risk = reason_text("at_risk", lang)
    # each dossier once, with the indicators it would cost points on ("2.1, 5.4")
    listed = [(r, r.indicator, at_risk) for r in result.at_risk]
    _write_dossier_list(ws, row, listed, lang, result.at_risk_count)
    # no frozen or repeated header: the lists below the table have columns of their own
    ws.landscape = True
    ws.fit_to_width = True
    ws.side_margins = 0.4


def _write_groups(ws: Sheet, content: ReportContent, by: str, lang: str) -> None:
    result = content.by_agency if by == "agency_name" else content.by_field
    keys = [
        "col_name",
        "agency" if by == "agency_name" else "field",
        "col_num",
        "col_den",
        "col_value",
        "col_target",
        "col_status",
    ]
    _header(ws, 1, [_w(k, lang) for k in keys], [44, 36, 10, 10, 11, 14, 16])
    row = 1
    for target in result.targets:
        if target.target.spec.dataset != KEY_DATASET and target.source != KEY_DATASET:
            continue
        for group in sub_rows(target):
            if by not in group.by:
                continue
            row += 1
            put(ws, row, 1, target.target.spec.name, alignment=WRAP, border=BOX)
            put(
                ws,
                row,
                2,
                group.by.get(by) or label("blank_group", lang),
                alignment=WRAP,
                border=BOX,
            )
            put(ws, row, 3, group.numerator, border=BOX, number_format="#,##0")
            put(ws, row, 4, group.denominator, border=BOX, number_format="#,##0")
            judged_by = group.target_value
            if judged_by is None and target.threshold is not None:
                judged_by = target.threshold.value
            value, number_format = _value_cell(target.target.spec, group.value, judged_by)
            put(ws, row, 5, value, border=BOX, number_format=number_format)
            goal, number_format = _target_cells(target, lang, group.target_value, True, group.value)
            put(ws, row, 6, goal, border=BOX, number_format=number_format)
            _status_cell(ws, row, 7, group.status, lang)
    _print_setup(ws, 1, len(keys), row)


# The rows a chart (15 x 8 cm) and the gap under it take; its width in pixels.
CHART_ROWS = 18
CHART_PIXELS = 567


def column_after(ws: Sheet, pixels: int) -> str:
    """The first column that starts at least `pixels` from the sheet's left edge (a column
    of width w is int(7w + 5) pixels wide, as xlsxwriter and Excel count at the default
    font)."""
    left, column = 0, 1
    while left < pixels:
        width = ws.column_dimensions[column_letter(column)].width
        left += int(7 * (8.43 if width is None else width) + 5)
        column += 1
    return column_letter(column)


def axis_range(values: list[float], goal: float | None) -> tuple[float, float]:
    """The y-axis of a rate's chart: the band its values and goal lie in, in steps of 5
    points with a step of room around them, within 0–100 % (a fixed 0–100 % axis flattened a
    change of a few points into a line)."""
    seen = [*values, *([goal] if goal is not None else [])]
    if not seen:
        return 0.0, 1.0
    step = 0.05
    low = max(0.0, math.floor(min(seen) / step) * step - step)
    high = min(1.0, math.ceil(max(seen) / step) * step + step)
    if high - low < 2 * step:
        low = max(0.0, high - 2 * step)
    return round(low, 2), round(high, 2)


def _write_trends(ws: Sheet, content: ReportContent, lang: str) -> None:
    history = content.history
    months = [p.label for p in history.months]
    put(ws, 1, 1, _w("trend_note", lang), font=Font(italic=True))
    header = 2
    _header(
        ws,
        header,
        [label("doc.col_no", lang), _w("col_name", lang), *months],
        [6, 48, *[9] * len(months)],
    )
    row = header
    value_rows: dict[str, int] = {}
    for number, target in enumerate(content.summary.targets, 1):
        row += 1
        target_id = target.target.id
        value_rows[target_id] = row
        put(ws, row, 1, number, border=BOX, alignment=CENTER)
        put(ws, row, 2, target.target.spec.name, alignment=WRAP, border=BOX)
        for offset, result in enumerate(history.results.get(target_id, [])):
            goal = target.threshold.value if target.threshold else None
            value, number_format = _value_cell(target.target.spec, result.value, goal)
            put(ws, row, 3 + offset, value, border=BOX, number_format=number_format)
    _print_setup(ws, header, 2 + len(months), row)
    if not months:
        return
    # Threshold lines sit in rows of their own below the table (charts read cells).
    key_targets = [
        t
        for t in content.summary.targets
        if t.threshold is not None
        and t.target.spec.value_form is ValueForm.RATE
        and (t.source or t.target.spec.dataset) == KEY_DATASET
    ]
    # the second chart of a row starts where the first ends, whatever the columns' widths
    second = column_after(ws, CHART_PIXELS + 20)
    # the charts right after the table, each row of them on a page of its own; the goal lines
    # they draw in rows under the last of them (rows between would make a page of their own)
    anchor_row = row + 2
    helper = anchor_row + -(-len(key_targets) // 2) * CHART_ROWS + 1
    for index, target in enumerate(key_targets):
        threshold_row = helper + index
        # the goal's line of a chart, named by its target
        # the goal's line of a chart: its target's number in the table above, and "Mục tiêu"
        put(ws, threshold_row, 1, 1 + content.summary.targets.index(target), alignment=CENTER)
        put(ws, threshold_row, 2, _w("threshold_row", lang))
        goal = target.threshold.value if target.threshold else None
        for offset in range(len(months)):
            put(ws, threshold_row, 3 + offset, goal, number_format=PERCENT)
        # two charts a row, under columns A-B and from column E on; each row of charts
        # starts a printed page, so that no chart is cut by a page's end
        column = "A" if index % 2 == 0 else second
        top = anchor_row + (index // 2) * CHART_ROWS
        if index % 2 == 0:
            ws.page_breaks.append(top)
        values = [r.value for r in content.history.results.get(target.target.id, [])]
        low, high = axis_range([v for v in values if v is not None], goal)
        ws.charts.append(
            LineChart(
                title=target.target.spec.name,
                y_title=_w("col_value", lang),
                categories_row=header,
                first_column=3,
                last_column=2 + len(months),
                series=[
                    (value_rows[target.target.id], _w("col_value", lang), "1F4E78", False),
                    (threshold_row, _w("threshold_row", lang), "C00000", True),
                ],
                anchor=f"{column}{top}",
                y_min=low,
                y_max=high,
            )
        )


def _write_form(ws: Sheet, content: ReportContent, options: ReportOptions) -> None:
    """Biểu II.06a/VPCP/KSTT as the form has it (Thông tư 01/2020/TT-VPCP; domain.md §1.3):
    its header block (the form's number, the Thông tư, the reporting and receiving units, the
    period and the unit of measure on lines of their own), rows by level with each level's
    subtotal and its fields under it, the total, the column notes, and the signatures."""
    from cchc_cli.report.wording import month_list, place_date

    # The government's form is sent upward as it is: its wording, and the lines we add under
    # it, are Vietnamese whatever the report's language.
    form = content.form
    organisation = content.config.organisation
    last = 13
    small_italic = Font(italic=True, size=11)
    put(ws, 1, 1, FORM_HEADER[0], font=Font(bold=True, size=11))
    ws.merge(1, 1, 1, 3)
    put(ws, 2, 1, "Ban hành theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020", font=small_italic)
    ws.merge(2, 1, 2, 4)
    unit = options.unit_name or " ".join(organisation.name_lines) or "…"
    right = Alignment(horizontal="left", vertical="top", wrap_text=True)
    put(ws, 1, 9, f"Đơn vị báo cáo: {unit}", font=Font(size=11), alignment=right)
    ws.merge(1, 9, 1, last)
    receiver = f"Đơn vị nhận báo cáo: {organisation.report_to or '…'}"
    put(ws, 2, 9, receiver, font=Font(size=11), alignment=right)
    ws.merge(2, 9, 2, last)
    put(ws, 4, 1, FORM_HEADER[1], font=Font(bold=True, size=13), alignment=CENTER)
    ws.merge(4, 1, 4, last)
    period_text = (
        f"Kỳ báo cáo: (Từ ngày {content.period.start:%d/%m/%Y} "
        f"đến ngày {content.period.end:%d/%m/%Y})"
    )
    put(ws, 5, 1, period_text, font=Font(italic=True), alignment=CENTER)
    ws.merge(5, 1, 5, last)
    for covered in coverage_of(content.loaded.tables, content.period):
        if covered.dataset == "dossiers" and covered.missing:
            # never the counts of some months presented as the whole period's (D6)
            months = month_list(list(covered.missing), "vi")
            warning = (
                f"CHƯA ĐỦ KỲ: dữ liệu hồ sơ thiếu tháng {months}. Biểu chỉ tính các tháng có "
                "dữ liệu; bổ sung dữ liệu các tháng thiếu trước khi gửi."
            )
            put(ws, 6, 1, warning, font=Font(bold=True, color="9C0006"),
                alignment=Alignment(wrap_text=True, vertical="top"))  # fmt: skip
            ws.merge(6, 1, 6, 8)
            ws.row_dimensions[6].height = 30
    put(ws, 6, 10, "Đơn vị tính: Số hồ sơ TTHC", font=small_italic)
    ws.merge(6, 10, 6, last)
    top, middle, leaf = 7, 8, 9
    groups = [
        (3, 6, "Số hồ sơ nhận giải quyết"),
        (7, 10, "Số hồ sơ đã giải quyết"),
        (11, 13, "Số lượng hồ sơ đang giải quyết"),
    ]
    head = {"font": Font(bold=True, size=11), "fill": Fill("DDEBF7"), "alignment": CENTER,
            "border": BOX}  # fmt: skip
    for column, text in ((1, "STT"), (2, "Lĩnh vực, công việc giải quyết theo cấp")):
        put(ws, top, column, text, **head)
        ws.merge(top, column, leaf, column)
    for first, end, text in groups:
        put(ws, top, first, text, **head)
        ws.merge(top, first, top, end)
        put(ws, middle, first, "Tổng số", **head)
        ws.merge(middle, first, leaf, first)
    put(ws, middle, 4, "Trong đó", **head)
    ws.merge(middle, 4, middle, 5)
    for column, text in {4: "Trực tuyến", 5: "Trực tiếp, dịch vụ bưu chính"}.items():
        put(ws, leaf, column, text, **head)
    singles = {6: "Từ kỳ trước", 8: "Trước hạn", 9: "Đúng hạn", 10: "Quá hạn",
               12: "Trong hạn", 13: "Quá hạn"}  # fmt: skip
    for column, text in singles.items():
        put(ws, middle, column, text, **head)
        ws.merge(middle, column, leaf, column)
    ws.row_dimensions[top].height = 32
    ws.row_dimensions[middle].height = 22
    ws.row_dimensions[leaf].height = 48
    numbers = leaf + 1
    for column in range(1, last + 1):
        put(ws, numbers, column, f"({column})", alignment=CENTER, border=BOX, font=small_italic)
    widths = [6, 40, 10, 10, 13, 10, 10, 10, 10, 10, 11, 10, 10]
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[column_letter(column)].width = width
    row = numbers
    if form is not None:
        number = 0
        for line in form.rows:
            row += 1
            if line.kind == "level":  # a level's subtotal, its fields below it
                style = {"font": Font(bold=True), "fill": Fill("F2F2F2"), "border": BOX}
                put(ws, row, 1, None, **style)
                put(ws, row, 2, line.label, alignment=WRAP, **style)
            else:
                number += 1
                style = {"border": BOX}
                put(ws, row, 1, number, alignment=CENTER, **style)
                put(ws, row, 2, line.label, alignment=WRAP, **style)
            for offset, key in enumerate(FORM_COLUMNS):
                put(ws, row, 3 + offset, line.counts[key], number_format="#,##0", **style)
        if form.total is not None:
            row += 1
            put(ws, row, 1, None, border=BOX)
            put(ws, row, 2, form.total.label, font=BOLD, border=BOX, alignment=CENTER)
            for offset, key in enumerate(FORM_COLUMNS):
                put(ws, row, 3 + offset, form.total.counts[key], font=BOLD, border=BOX,
                    number_format="#,##0")  # fmt: skip
        _fit_rows(ws, numbers + 1, row)
        row += 2
        checks = "; ".join(
            f"{name}: {'đúng' if ok else 'SAI'}" for name, ok in form.checks().items()
        )
        notes = [
            "Ghi chú: cột (9) gồm cả hồ sơ rút; cột (12) gồm cả hồ sơ chờ bổ sung và hồ sơ "
            "đang giải quyết không có ngày hẹn trả, như chú thích của biểu. Trước hạn, đúng "
            "hạn, quá hạn so theo ngày với ngày hẹn trả, tính đến ngày "
            f"{content.period.as_of:%d/%m/%Y}.",
            f"Kiểm tra các cột: {checks}.",
        ]
        if form.total is not None and form.total.counts["resolved"]:
            counts = form.total.counts
            rate = Percent((counts["early"] + counts["on_time"]) / counts["resolved"])
            notes.append(
                f"Tỷ lệ đúng hạn theo biểu: ((8) + (9)) / (7) = {rate.render('vi')}. Chỉ tiêu "
                "đúng hạn ở trang Tổng hợp có thể khác: chỉ tiêu tính cả hồ sơ đang giải quyết "
                "(còn trong hạn là đúng hạn, đã quá hạn là trễ) và không tính hồ sơ không xét "
                "hạn; biểu chỉ tính hồ sơ đã giải quyết xong."
            )
        for note in notes:
            put(ws, row, 1, note, font=small_italic, alignment=Alignment(wrap_text=True,
                vertical="top"))  # fmt: skip
            ws.merge(row, 1, row, last)
            ws.row_dimensions[row].height = 30
            row += 1
        # the form's signatures: who drew it up, and the head of the unit
        row += 1
        day = place_date(organisation.place, content.generated_at.date(), "vi")
        put(ws, row, 9, day, font=Font(italic=True), alignment=CENTER)
        ws.merge(row, 9, row, last)
        for column, end, title in ((1, 4, "NGƯỜI LẬP BIỂU"), (9, last, "THỦ TRƯỞNG ĐƠN VỊ")):
            put(ws, row + 1, column, title, font=BOLD, alignment=CENTER)
            ws.merge(row + 1, column, row + 1, end)
        for column, end, said in ((1, 4, "(Ký, ghi rõ họ tên)"),
                                  (9, last, "(Ký, đóng dấu, ghi rõ họ tên)")):  # fmt: skip
            put(ws, row + 2, column, said, font=small_italic, alignment=CENTER)
            ws.merge(row + 2, column, row + 2, end)
        row += 2
    ws.freeze = (numbers + 1, 3)
    ws.landscape = True
    ws.fit_to_width = True
    ws.title_rows = (top, numbers)
    ws.side_margins = 0.4


def _write_late(ws: Sheet, content: ReportContent, options: ReportOptions) -> None:
    lang = options.lang
    put(ws, 1, 1, _w("late_note", lang), font=Font(italic=True))
    fields = [
        "dossier_code",
        "procedure_name",
        "agency_name",
        "field_name",
        "received_at",
        "due_at",
        "completed_at",
        "timeliness",
    ]
    personal = sorted(DATASETS["dossiers"].personal_fields) if options.include_personal_data else []
    table = content.late_dossiers
    wanted = [*fields, *personal]
    # no dossier export at all: the sheet still says what it would list
    present = [f for f in wanted if f in table.columns] if len(table.columns) else wanted
    titles = [
        DATASETS["dossiers"].fields[f].label(lang)
        if f in DATASETS["dossiers"].fields
        else _w("timeliness", lang)
        for f in present
    ]
    titles += [_w("file", lang), _w("sheet", lang), _w("row", lang)]
    widths = [22] * len(present) + [36, 18, 8]
    _header(ws, 2, titles, widths)
    # column by column: a province's year has tens of thousands of late dossiers
    words = {t: label(f"timeliness_{t}", lang) for t in ("late", "open_overdue")}
    names: dict[str, str] = {}
    first = 3
    if table.empty:  # no dossier export among the inputs, or none late: the header alone
        _print_setup(ws, 2, len(titles), 2)
        return
    for column, name in enumerate(present, start=1):
        values = table[name].astype(object).where(table[name].notna(), None).tolist()
        if name == "timeliness":
            for offset, value in enumerate(values):
                if value is not None:
                    values[offset] = words.get(value) or label(f"timeliness_{value}", lang)
        date_format = "dd/mm/yyyy" if name.endswith("_at") else None
        # wrapped: the rows are heightened for long procedure names (_fit_rows)
        ws.put_column(first, column, values, alignment=WRAP, border=BOX, number_format=date_format)
    paths = table["source_path"].astype(object).tolist()
    for path in set(paths):
        names[path] = Path(str(path)).name
    source = len(present)
    ws.put_column(first, source + 1, [names[p] for p in paths], alignment=WRAP, border=BOX)
    sheets = table["source_sheet"].astype(object).tolist()
    ws.put_column(first, source + 2, sheets, alignment=WRAP, border=BOX)
    numbers = table["source_row"].astype("int64").tolist()
    ws.put_column(first, source + 3, numbers, alignment=MIDDLE, border=BOX)
    row = first + len(table) - 1
    _print_setup(ws, 2, len(titles), row)


def _write_quality(ws: Sheet, content: ReportContent, options: ReportOptions) -> None:
    lang = options.lang
    loaded = content.loaded
    put(ws, 1, 1, _w("inputs", lang), font=Font(bold=True, size=12))
    keys = [
        "file",
        "sheet",
        "format",
        "dataset",
        "profile",
        "header_rows",
        "rows_read",
        "rows_valid",
        "rows_rejected",
        "rows_skipped",
    ]
    titles = [_w(k, lang) for k in keys]
    _header(ws, 2, titles, [40, 22, 10, 16, 14, 12, 10, 10, 10, 10])
    row = 2
    for account in loaded.accounts:
        row += 1
        values = [
            Path(account.path).name,
            account.sheet,
            format_name(account.format, lang),
            dataset_name(account.dataset, lang),
            profile_title(account.profile, lang),
            ", ".join(map(str, account.header_rows)),
            account.rows_read,
            account.rows_valid,
            account.rows_rejected,
            account.rows_skipped,
        ]
        for column, value in enumerate(values, start=1):
            put(ws, row, column, value, border=BOX)
    row += 2
    put(ws, row, 1, _w("issues", lang), font=Font(bold=True, size=12))
    row += 1
    issue_header = row
    _header(
        ws,
        row,
        [
            _w(k, lang)
            for k in ("severity", "code", "file", "sheet", "row", "column", "value", "message")
        ],
        [40, 22, 10, 16, 12, 10, 10, 10],
    )
    for column, width in enumerate([10, 22, 36, 20, 8, 24, 24, 70], start=1):
        ws.column_dimensions[column_letter(column)].width = max(
            ws.column_dimensions[column_letter(column)].width or 0, width
        )
    for issue in sorted_issues(loaded.issues):
        row += 1
        values = [
            label(str(issue.severity), lang),
            issue.code,
            Path(issue.path).name if issue.path else "",
            issue.sheet,
            issue.row,
            issue.column,
            issue.value,
            issue.message(lang),
        ]
        for column, value in enumerate(values, start=1):
            put(ws, row, column, value, border=BOX, alignment=WRAP)
    _print_setup(ws, issue_header, 8, row)


def _write_about(ws: Sheet, content: ReportContent, options: ReportOptions) -> None:
    lang = options.lang
    period = content.period
    rows = [
        ("cchc", __version__),
        (_w("about_period", lang), period.label),
        (_w("about_start", lang), f"{period.start:%d/%m/%Y}"),
        (_w("about_end", lang), f"{period.end:%d/%m/%Y}"),
        (_w("about_as_of", lang), f"{period.as_of:%d/%m/%Y}"),
        (_w("about_generated", lang), f"{content.generated_at:%d/%m/%Y %H:%M:%S}"),
        (_w("about_targets_file", lang), content.config.path),
        (_w("about_targets_sha", lang), content.config.sha256),
    ]
    _header(ws, 1, [_w("key", lang), _w("value", lang)], [30, 80])
    row = 1
    for key, value in rows:
        row += 1
        put(ws, row, 1, key, font=BOLD, border=BOX)
        put(ws, row, 2, value, border=BOX)
    row += 2
    titles = [
        _w("file", lang),
        "SHA-256",
        _w("format", lang),
        _w("dataset", lang),
        _w("sheet", lang),
        _w("profile", lang),
        *(label(k, lang) for k in ("rows_read", "rows_valid", "rows_rejected", "rows_skipped")),
    ]
    for column, title in enumerate(titles, start=1):
        put(ws, row, column, title, font=HEADER_FONT, fill=HEADER_FILL, border=BOX)
    for account in content.loaded.accounts:
        row += 1
        values = [
            account.path,
            account.sha256,
            format_name(account.format, lang),
            dataset_name(account.dataset, lang),
            account.sheet,
            profile_title(account.profile, lang),
            account.rows_read,
            account.rows_valid,
            account.rows_rejected,
            account.rows_skipped,
        ]
        for column, value in enumerate(values, start=1):
            put(ws, row, column, value, border=BOX)
    for column, width in enumerate([30, 66, 10, 16, 20, 14, 8, 8, 8, 8], start=1):
        ws.column_dimensions[column_letter(column)].width = max(
            ws.column_dimensions[column_letter(column)].width or 0, width
        )
    ws.landscape = True
    ws.fit_to_width = True


@dataclass(frozen=True)
class RenderedWorkbook:
    """The report's .xlsx bytes, and how many texts from the data were longer than a cell holds
    (cut, ending with " […]": the officer is told)."""

    data: bytes
    cut_cells: int


def render_workbook(
    content: ReportContent, options: ReportOptions, score: ScoreResult | None = None
) -> RenderedWorkbook:
    """The report as .xlsx bytes; with the 766 scorecard's sheet when `score` is given."""
    lang = options.lang
    keys = [key for key in SHEETS if key != "score766" or score is not None]
    sheets = {key: Sheet(_w(f"sheet_{key}", lang)) for key in keys}
    _write_summary(sheets["summary"], content, options)
    _write_method(sheets["method"], content, lang)
    if score is not None:
        _write_score766(sheets["score766"], score, lang)
    _write_groups(sheets["by_agency"], content, "agency_name", lang)
    _write_groups(sheets["by_field"], content, "field_name", lang)
    _write_trends(sheets["trends"], content, lang)
    _write_form(sheets["form"], content, options)
    _write_late(sheets["late"], content, options)
    _write_quality(sheets["quality"], content, options)
    _write_about(sheets["about"], content, options)
    data = write_book(list(sheets.values()))
    return RenderedWorkbook(data, sum(sheet.cut_cells for sheet in sheets.values()))
