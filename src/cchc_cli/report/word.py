"""The báo cáo as a Word document (issue 15): the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I
and Mẫu 1.4 of Phụ lục III (docs/nd30-layout.md gives each rule with its source), a text
written from the results, the table of targets, the units ranked, then the signature and
"Nơi nhận". An officer edits the text and signs; nothing in it is a field or a macro."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Emu, Length, Mm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from cchc_cli.catalogue import label
from cchc_cli.report.numbers import count
from cchc_cli.report.results import shown_target, shown_value, status_label
from cchc_cli.report.wording import (
    change_mark,
    in_sentence,
    paragraphs,
    period_words,
    place_date,
    score_paragraph,
    score_points,
)
from cchc_cli.targets.config import Organisation
from cchc_cli.targets.highlights import is_rate
from cchc_cli.targets.report_content import ReportContent
from cchc_cli.targets.scorecard import ScoreResult

# Phụ lục I: Times New Roman, body 14 pt (13–14), the motto 12 and the slogan 13 (its footnote
# lets them move together with the date: 12/13/13 or 13/14/14), "Nơi nhận" 12 and its list
# 11; A4 with margins inside 20–25 / 20–25 / 30–35 / 15–20 mm.
FONT = "Times New Roman"
BODY = Pt(14)
TABLE = Pt(12)
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
# the text width (210 − 30 − 15 mm) split as the decree's sample splits its header (67.5 : 100)
TEXT_WIDTH = Mm(165)
HEADER_WIDTHS = (Mm(62), Mm(103))
FOOTER_WIDTHS = (Mm(66), Mm(99))
# What follows each element in its parent, as the WordprocessingML schema orders them
# (ECMA-376 Part 1: §17.3.1.26 pPr, §17.4.60 tblPr, §17.4.82 trPr): Word refuses a document
# whose elements are out of order, where LibreOffice is lenient.
_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_AFTER_PPR_RPR = ("w:sectPr", "w:pPrChange")
_AFTER_TBLBORDERS = (
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
)
_AFTER_TBLCELLMAR = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
_AFTER_CANTSPLIT = (
    "w:trHeight",
    "w:tblHeader",
    "w:tblCellSpacing",
    "w:jc",
    "w:hidden",
    "w:ins",
    "w:del",
    "w:trPrChange",
)
_AFTER_TBLHEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")


@dataclass(frozen=True)
class WordOptions:
    lang: str = "vi"
    title: str | None = None
    unit_name: str | None = None
    day: date | None = None


def _font(
    run_or_style: Any,
    size: Length | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
) -> None:
    font = run_or_style.font
    font.name = FONT
    # Word takes the font of Vietnamese letters from the east-Asian and complex-script slots
    # too: without them a letter with two marks can fall back to another face
    fonts = run_or_style.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    if size is not None:
        font.size = size
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic


def _line(
    paragraph: Paragraph,
    text: str,
    size: Length = BODY,
    bold: bool = False,
    italic: bool = False,
) -> Paragraph:
    _font(paragraph.add_run(text), size, bold, italic)
    return paragraph


def _centred(cell_or_doc: Any, text: str = "", **style: Any) -> Paragraph:
    paragraph = cell_or_doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _tight(paragraph)
    if text:
        _line(paragraph, text, **style)
    return paragraph


def _tight(paragraph: Paragraph) -> None:
    paragraph.paragraph_format.space_before = Pt(0)
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.0


def _rule(paragraph: Paragraph, width: Length, within: Length) -> None:
    """A short line under a block (Phụ lục I: under the issuing body, 1/3–1/2 of its name;
    under the slogan, as long as it): the paragraph's bottom border, narrowed by indents."""
    side = Emu(max((within - width) // 2, 0))
    paragraph.paragraph_format.left_indent = side
    paragraph.paragraph_format.right_indent = side
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().insert_element_before(borders, *_AFTER_PBDR)
    _font_size_of_empty(paragraph, Pt(4))


def _font_size_of_empty(paragraph: Paragraph, size: Length) -> None:
    # the rule's own line is kept low: a paragraph mark of 4 pt
    mark = paragraph._p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), str(int(size.pt * 2)))
    rpr.append(sz)
    mark.insert_element_before(rpr, *_AFTER_PPR_RPR)


def _no_borders(table: Table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.insert_element_before(borders, *_AFTER_TBLBORDERS)


def _fixed(table: Table, widths: Sequence[Length], padding: Length | None = None) -> None:
    """Column widths that hold in Word and in LibreOffice: the grid's, each cell's, and a
    fixed layout (LibreOffice reads the grid, Word the cells)."""
    table.autofit = False  # python-docx writes <w:tblLayout w:type="fixed"/>
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    properties = table._tbl.tblPr
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(int(width.twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    if padding is not None:
        margins = OxmlElement("w:tblCellMar")
        for side in ("left", "right"):
            element = OxmlElement(f"w:{side}")
            element.set(qn("w:w"), str(int(padding.twips)))
            element.set(qn("w:type"), "dxa")
            margins.append(element)
        properties.insert_element_before(margins, *_AFTER_TBLCELLMAR)


def _first_cell_paragraph(cell: _Cell) -> Paragraph:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _tight(paragraph)
    return paragraph


def _header(document: DocxDocument, organisation: Organisation, options: WordOptions) -> None:
    lang = options.lang
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    _fixed(table, HEADER_WIDTHS, padding=Mm(0.5))
    left, right = table.rows[0].cells
    names = [options.unit_name] if options.unit_name else organisation.name_lines
    names = [name.upper() for name in names] or [label("doc.unit_placeholder", lang)]
    first = _first_cell_paragraph(left)
    if organisation.parent:
        _line(first, organisation.parent.upper(), Pt(13))
        first = _centred(left)
    _line(first, names[0], Pt(13), bold=True)
    for name in names[1:]:
        _centred(left, name, size=Pt(13), bold=True)
    _rule(_centred(left), Mm(22), HEADER_WIDTHS[0])
    _centred(left, label("doc.number", lang, number=organisation.number), size=Pt(13))
    motto = _first_cell_paragraph(right)
    # Phụ lục I's footnote: the motto, slogan and date move together, 12/13/13 or 13/14/14;
    # 12/13/13 keeps the motto on one line in the decree's 100 mm column
    _line(motto, label("doc.motto_1", lang), Pt(12), bold=True)
    _centred(right, label("doc.motto_2", lang), size=Pt(13), bold=True)
    _rule(_centred(right), Mm(55), HEADER_WIDTHS[1])
    day = options.day or date.today()
    _centred(right, place_date(organisation.place, day, lang), size=Pt(13), italic=True)


def _title(document: DocxDocument, content: ReportContent, options: WordOptions) -> None:
    lang = options.lang
    _centred(document)  # a blank line after the header
    _centred(document, label("doc.kind", lang), size=Pt(14), bold=True)
    subject = options.title or label("doc.subject", lang, period=period_words(content.period, lang))
    _centred(document, subject, size=Pt(14), bold=True)
    _rule(_centred(document), Mm(50), TEXT_WIDTH)  # 1/3 to 1/2 of the subject's line
    _centred(document)


def _body(document: DocxDocument, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    form = paragraph.paragraph_format
    form.first_line_indent = Cm(1.27)
    form.space_before = Pt(0)
    form.space_after = Pt(6)
    form.line_spacing = 1.15
    _line(paragraph, text)


def _cell(
    cell: _Cell, text: str, bold: bool = False, centre: bool = False, size: Length = TABLE
) -> None:
    paragraph = cell.paragraphs[0]
    _tight(paragraph)
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _line(paragraph, text, size, bold=bold)


def _repeat_header(row: _Row) -> None:
    properties = row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    properties.insert_element_before(repeat, *_AFTER_TBLHEADER)


def _whole(row: _Row) -> None:
    """A row never split across two pages (a target's line read whole)."""
    properties = row._tr.get_or_add_trPr()
    whole = OxmlElement("w:cantSplit")
    whole.set(qn("w:val"), "true")
    properties.insert_element_before(whole, *_AFTER_CANTSPLIT)


def _targets_table(document: DocxDocument, content: ReportContent, lang: str) -> None:
    heading = _centred(document)
    heading.paragraph_format.keep_with_next = True  # never a title alone at a page's foot
    _line(heading, label("doc.table_title", lang, period=period_words(content.period, lang)),
          Pt(13), bold=True)  # fmt: skip
    changes = {c.result.target.id: c for c in content.highlights.changes if is_rate(c.result)}
    keys = ("doc.col_no", "doc.col_target", "doc.col_counts", "doc.col_value", "doc.col_goal",
            "doc.col_status", "doc.col_change")  # fmt: skip
    widths = (Mm(10), Mm(56), Mm(20), Mm(19), Mm(22), Mm(20), Mm(18))
    table = document.add_table(rows=1, cols=len(keys))
    table.style = "Table Grid"
    for cell, key in zip(table.rows[0].cells, keys, strict=True):
        _cell(cell, label(key, lang), bold=True, centre=True)
    _whole(table.rows[0])
    _repeat_header(table.rows[0])
    for number, result in enumerate(content.summary.targets, 1):
        row = table.add_row()
        _whole(row)
        cells = row.cells
        spec = result.target.spec
        local = " (*)" if spec.local else ""
        counts = (
            label(
                "doc.counts",
                lang,
                numerator=count(result.numerator, lang),
                denominator=count(result.denominator, lang),
            )
            if result.denominator is not None
            else "—"
        )
        moved = change_mark(changes.get(spec.id), lang)
        _cell(cells[0], str(number), centre=True)
        _cell(cells[1], spec.name + local)
        _cell(cells[2], counts, centre=True)
        _cell(cells[3], shown_value(result, result.value, lang), centre=True)
        _cell(cells[4], shown_target(result.target, lang), centre=True)
        _cell(cells[5], status_label(result.status, lang), centre=True)
        _cell(cells[6], moved, centre=True)
    _fixed(table, widths, padding=Mm(1))
    if any(result.target.spec.local for result in content.summary.targets):
        note = document.add_paragraph()
        _tight(note)
        _line(note, label("doc.local_note", lang), Pt(11), italic=True)


def _ranking(document: DocxDocument, content: ReportContent, lang: str) -> None:
    highlights = content.highlights
    if not highlights.ranking or not highlights.key_targets:
        return
    _centred(document)
    title = _centred(document)
    title.paragraph_format.keep_with_next = True
    _line(title, label("doc.ranking_title", lang), Pt(13), bold=True)
    keys = highlights.key_targets  # at most four: the columns a portrait page has room for
    table = document.add_table(rows=1, cols=4 + len(keys))
    table.style = "Table Grid"
    titles = [label("doc.col_no", lang), label("doc.col_unit", lang),
              label("doc.col_dossiers", lang), label("doc.col_met", lang)]  # fmt: skip
    titles += [key.target.spec.name for key in keys]
    for cell, title in zip(table.rows[0].cells, titles, strict=True):
        _cell(cell, title, bold=True, centre=True, size=Pt(11))
    _whole(table.rows[0])
    _repeat_header(table.rows[0])
    for number, unit in enumerate(highlights.ranking, 1):
        row = table.add_row()
        _whole(row)
        cells = row.cells
        _cell(cells[0], str(number), centre=True)
        _cell(cells[1], unit.unit)
        _cell(cells[2], count(unit.dossiers, lang), centre=True)
        _cell(cells[3], f"{unit.met}/{unit.judged}", centre=True)  # of those with data
        for index, key in enumerate(keys):
            value = unit.values.get(key.target.id)
            shown = "—" if value is None else shown_value(key, value, lang)
            _cell(cells[4 + index], shown, centre=True)
    each = Mm((165 - 10 - 50 - 16 - 16) / len(keys))
    _fixed(table, [Mm(10), Mm(50), Mm(16), Mm(16)] + [each] * len(keys), padding=Mm(1))
    note = document.add_paragraph()
    _tight(note)
    first = in_sentence(keys[0].target.spec.name)
    _line(note, label("doc.ranking_rule", lang, first=first), Pt(11), italic=True)


def _score766(document: DocxDocument, result: ScoreResult, lang: str) -> None:
    """The 766 scorecard computed from the unit's exports (issue 16): its sentence, each
    group's points, and whose points are the official ones."""
    _centred(document)
    title = _centred(document)
    title.paragraph_format.keep_with_next = True
    _line(title, label("doc.score_title", lang), Pt(13), bold=True)
    _body(document, score_paragraph(result, lang))
    keys = ("doc.score_col_group", "doc.score_col_points", "doc.score_col_scored",
            "doc.score_col_no_data", "doc.score_col_not_scored")  # fmt: skip
    table = document.add_table(rows=1, cols=len(keys))
    table.style = "Table Grid"
    for cell, key in zip(table.rows[0].cells, keys, strict=True):
        _cell(cell, label(key, lang), bold=True, centre=True, size=Pt(11))
    _whole(table.rows[0])
    _repeat_header(table.rows[0])
    lines = [
        (
            group.group.name_en if lang == "en" and group.group.name_en else group.group.name,
            group,
            False,
        )
        for group in result.groups
    ]
    lines.append((label("doc.score_col_total", lang), result, True))
    for name, line, bold in lines:
        row = table.add_row()
        _whole(row)
        cells = row.cells
        _cell(cells[0], name, bold=bold)
        figures = (
            # nothing scored (a group, or the whole card): no points, not 0
            "—" if line.points is None or not line.scored_max else score_points(line.points, lang),
            count(line.scored_max, lang),
            count(line.no_data_max, lang),
            count(line.not_scored_max, lang),
        )
        for cell, figure in zip(cells[1:], figures, strict=True):
            _cell(cell, figure, bold=bold, centre=True)
    _fixed(table, (Mm(61), Mm(22), Mm(30), Mm(26), Mm(26)), padding=Mm(1))
    note = document.add_paragraph()
    _tight(note)
    _line(note, label("doc.score_note", lang), Pt(11), italic=True)


def _signature(document: DocxDocument, organisation: Organisation, lang: str) -> None:
    _centred(document)
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    _fixed(table, FOOTER_WIDTHS)
    left, right = table.rows[0].cells
    heading = left.paragraphs[0]
    _tight(heading)
    _line(heading, label("doc.recipients", lang), Pt(12), bold=True, italic=True)
    items = [*organisation.recipients, label("doc.archive", lang)]
    for index, item in enumerate(items):
        paragraph = left.add_paragraph()
        _tight(paragraph)
        end = "." if index == len(items) - 1 else ";"
        _line(paragraph, f"- {item}{end}", Pt(11))
    titles = organisation.signer.title or [""]
    first = _first_cell_paragraph(right)
    _line(first, titles[0].upper(), Pt(14), bold=True)
    for title in titles[1:]:
        _centred(right, title.upper(), size=Pt(14), bold=True)
    for _ in range(4):  # room for the signature and the seal
        _centred(right)
    if organisation.signer.name:
        _centred(right, organisation.signer.name, size=Pt(14), bold=True)


def _page_numbers(section: Section) -> None:
    """Phụ lục I: page numbers centred in the top margin, 13–14 pt, none on the first page."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    _font(run, Pt(13))
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def render_docx(
    content: ReportContent, options: WordOptions, score: ScoreResult | None = None
) -> bytes:
    """The báo cáo as .docx bytes; with the 766 scorecard's section when `score` is given."""
    lang = options.lang
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = MARGINS["top"]
    section.bottom_margin = MARGINS["bottom"]
    section.left_margin = MARGINS["left"]
    section.right_margin = MARGINS["right"]
    section.header_distance = Mm(10)
    _font(document.styles["Normal"], BODY)
    _page_numbers(section)
    organisation = content.config.organisation
    _header(document, organisation, options)
    _title(document, content, options)
    for text in paragraphs(content, lang):
        _body(document, text)
    _targets_table(document, content, lang)
    _ranking(document, content, lang)
    if score is not None:
        _score766(document, score, lang)
    # Phụ lục I: the body ends with "./." after its last words
    last = document.paragraphs[-1]
    _line(last, "/." if last.text.endswith(".") else "./.", Pt(11))
    _signature(document, organisation, lang)
    properties = document.core_properties
    properties.author = "cchc"
    # the mark that tells cchc this file is its own output, as the workbooks carry it
    properties.comments = "cchc-output"
    properties.title = label("doc.subject", lang, period=period_words(content.period, lang))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
