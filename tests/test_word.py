"""report/word.py and `cchc report --format docx|pdf`: the báo cáo in the layout of Nghị định
30/2020/NĐ-CP (issue 15), read back with python-docx and, where LibreOffice is installed (CI
installs it), converted to PDF and read with pypdf."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess

import pytest
from docx import Document

from cchc_cli.catalogue import ISSUES
from cchc_cli.cli import app
from conftest import LIBERATION, SAMPLE_DATA, serif_width_pt

OFFICE = shutil.which("soffice")


@pytest.fixture(scope="module")
def bao_cao(tmp_path_factory):
    from typer.testing import CliRunner

    folder = tmp_path_factory.mktemp("bao-cao")
    out = folder / "bao-cao.docx"
    done = CliRunner().invoke(app, ["report", str(SAMPLE_DATA), "-o", str(out), "-q"])
    assert done.exit_code == 0, done.output
    return out


def _texts(document) -> list[str]:
    found = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found.extend(p.text for p in cell.paragraphs)
    return found


def test_the_bao_cao_has_the_official_blocks_issue15(bao_cao) -> None:
    document = Document(str(bao_cao))
    header, *_, footer = document.tables
    left, right = (cell.text for cell in header.rows[0].cells)
    assert "ỦY BAN NHÂN DÂN\nTHỊ XÃ ĐỨC PHỔ" in left and "Số: …/BC-UBND" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc" in right
    assert re.search(r"Đức Phổ, ngày \d\d tháng (0[12]|[3-9]|1[0-2]) năm \d{4}", right)
    texts = [p.text for p in document.paragraphs]
    assert "BÁO CÁO" in texts
    assert "Kết quả thực hiện các chỉ tiêu cải cách hành chính tháng 3/2025" in texts
    recipients, signer = (cell.text for cell in footer.rows[0].cells)
    assert recipients.startswith("Nơi nhận:") and recipients.endswith("- Lưu: VT.")
    assert "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" in signer
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert round(section.left_margin.mm) in range(30, 36)
    assert round(section.right_margin.mm) in range(15, 21)
    assert section.different_first_page_header_footer  # no number on page 1


def test_every_run_is_times_new_roman_issue15(bao_cao) -> None:
    document = Document(str(bao_cao))
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    runs = [run for paragraph in paragraphs for run in paragraph.runs if run.text.strip()]
    assert runs and {run.font.name for run in runs} == {"Times New Roman"}
    body = [p for p in document.paragraphs if p.paragraph_format.first_line_indent]
    assert body and all(run.font.size.pt == 14 for p in body for run in p.runs)


def test_the_table_holds_the_numbers_of_compute_json_issue15(runner, bao_cao) -> None:
    computed = runner.invoke(app, ["compute", str(SAMPLE_DATA), "--format", "json"])
    targets = json.loads(computed.stdout)["targets"]
    as_csv = runner.invoke(app, ["compute", str(SAMPLE_DATA), "--format", "csv"]).stdout
    shown = {
        row["id"]: row["shown_value"]
        for row in csv.DictReader(io.StringIO(as_csv))
        if not row["group_by"]  # the target's own row, not a level's
    }
    document = Document(str(bao_cao))
    table = document.tables[1]
    rows = [[cell.text for cell in row.cells] for row in table.rows[1:]]
    assert len(rows) == len(targets)
    for row, target in zip(rows, targets, strict=True):
        assert row[1].removesuffix(" (*)") == target["name"]
        if target["denominator"] is not None:
            numerator, denominator = (int(x.replace(".", "")) for x in row[2].split("/"))
            assert (numerator, denominator) == (target["numerator"], target["denominator"])
        # the CSV guards a leading "+" against spreadsheets reading it as a formula
        assert row[3] == shown[target["id"]].removeprefix("'")


def test_no_internal_code_in_any_paragraph_or_cell_issue15(bao_cao) -> None:
    from cchc_cli.targets.config import load_targets

    ids = {t.id for t in load_targets().targets} | set(ISSUES)
    english = {"met", "missed", "warning", "no_data", "dossiers", "late", "open_overdue"}
    for text in _texts(Document(str(bao_cao))):
        words = set(re.findall(r"[A-Za-z_.]+", text))
        assert not words & (ids | english), text


def test_a_format_and_a_file_name_that_disagree_are_refused_before_reading_issue15(
    runner, tmp_path
) -> None:
    done = runner.invoke(
        app, ["report", "khong-co-thu-muc", "--format", "docx", "-o", str(tmp_path / "a.xlsx")]
    )
    assert done.exit_code == 2 and "output.format_suffix" in done.output


def test_pdf_without_libreoffice_says_so_before_reading_issue15(
    runner, tmp_path, monkeypatch
) -> None:
    import cchc_cli.cli.report_cmd as report_cmd

    monkeypatch.setattr(report_cmd.shutil, "which", lambda name: None)
    out = tmp_path / "bao-cao.pdf"
    done = runner.invoke(app, ["report", "khong-co-thu-muc", "-o", str(out)])
    assert done.exit_code == 2 and "LibreOffice" in done.output and not out.exists()


@pytest.mark.skipif(OFFICE is None, reason="LibreOffice is not installed here")
def test_the_pdf_prints_on_a4_in_times_new_roman_issue15(runner, tmp_path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "bao-cao.pdf"
    done = runner.invoke(app, ["report", str(SAMPLE_DATA), "-o", str(out), "-q"])
    assert done.exit_code == 0, done.output
    pdf = PdfReader(io.BytesIO(out.read_bytes()))
    assert 2 <= len(pdf.pages) <= 6
    for page in pdf.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert round(width / 72 * 25.4) == 210 and round(height / 72 * 25.4) == 297
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in pdf.pages
        for font in page["/Resources"]["/Font"].values()
    }
    # Times New Roman, or the face with its metrics that Linux substitutes for it
    assert fonts and all(f.startswith(("TimesNewRoman", "LiberationSerif")) for f in fonts), fonts
    first = pdf.pages[0].extract_text().splitlines()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first  # the motto on one line
    assert "BÁO CÁO" in first
    assert "Nơi nhận:" in pdf.pages[-1].extract_text()


@pytest.mark.skipif(OFFICE is None, reason="LibreOffice is not installed here")
def test_the_docx_opens_in_libreoffice_issue15(bao_cao, tmp_path) -> None:
    done = subprocess.run(
        [OFFICE, "--headless", "--convert-to", "odt", "--outdir", str(tmp_path), str(bao_cao)],
        capture_output=True,
        timeout=180,
    )
    assert done.returncode == 0 and (tmp_path / "bao-cao.odt").stat().st_size > 0


# The order the WordprocessingML schema gives the children of these elements (ECMA-376
# Part 1, §17.3.1.26, §17.4.60, §17.4.82), as far as cchc writes them: Word refuses a file
# whose elements are out of this order (LibreOffice does not).
_ORDER = {
    "pPr": ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "widowControl", "numPr",
            "pBdr", "shd", "tabs", "spacing", "ind", "jc", "outlineLvl", "rPr", "sectPr"],
    "tblPr": ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblW", "jc", "tblCellSpacing",
              "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"],
    "trPr": ["cnfStyle", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit",
             "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden"],
}  # fmt: skip


def test_the_document_keeps_the_schemas_element_order_issue15(bao_cao) -> None:
    import zipfile

    from lxml import etree

    xml = zipfile.ZipFile(bao_cao).read("word/document.xml")
    namespace = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    checked = 0
    for parent, order in _ORDER.items():
        for element in etree.fromstring(xml).iter(namespace + parent):
            names = [child.tag.removeprefix(namespace) for child in element]
            known = [name for name in names if name in order]
            assert known == sorted(known, key=order.index), (parent, names)
            assert len(known) == len(set(known)), (parent, names)  # none twice
            checked += 1
    assert checked > 100


@pytest.mark.skipif(not LIBERATION.exists(), reason="Liberation Serif 2 is not installed here")
def test_no_word_is_wider_than_its_cell_issue15(bao_cao) -> None:
    """Each word of every table cell fits its cell's width (measured with Liberation Serif,
    Times New Roman's widths): no number or word broken inside itself."""

    cut = []
    for table in Document(str(bao_cao)).tables[1:-1]:  # the tables between header and footer
        for row in table.rows:
            for cell in row.cells:
                room = cell.width.pt - 2 * 2.83  # 1 mm of padding each side
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        for word in run.text.split():
                            needed = serif_width_pt(word, run.font.size.pt, bool(run.font.bold))
                            if needed > room:
                                cut.append((word, round(needed), round(room)))
    assert cut == []
