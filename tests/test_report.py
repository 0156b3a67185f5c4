"""report/excel.py with targets/form06a.py and cli/report_cmd.py (`cchc report`): numbers equal
compute, form 06a golden values, no formulas and no control characters from the data, personal
data only on request, and the workbook opens in LibreOffice."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
import zipfile

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from cchc_cli.cli import app
from cchc_cli.ingest import load_inputs
from cchc_cli.targets.config import load_targets
from cchc_cli.targets.form06a import form_06a
from cchc_cli.targets.periods import parse_period
from cchc_cli.targets.spec import ValueForm
from conftest import LIBERATION, ROOT, SAMPLE_DATA, serif_width_pt, summary_rows, write_xlsx
from golden_rows import FEB, HEADER, MAR, YEAR_2024


@pytest.fixture
def golden(tmp_path):
    return [
        str(write_xlsx(tmp_path / "2024.xlsx", [HEADER, *YEAR_2024])),
        str(write_xlsx(tmp_path / "2025-02.xlsx", [HEADER, *FEB])),
        str(write_xlsx(tmp_path / "2025-03.xlsx", [HEADER, *MAR])),
    ]


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory):
    from typer.testing import CliRunner

    out = tmp_path_factory.mktemp("report") / "bao-cao.xlsx"
    result = CliRunner().invoke(
        app, ["report", str(SAMPLE_DATA), "-o", str(out), "--unit-name", "UBND thị xã Đức Phổ"]
    )
    assert result.exit_code == 0, result.output
    return out


def test_summary_numbers_equal_compute_json(runner, sample_report) -> None:
    computed = json.loads(
        runner.invoke(app, ["compute", str(SAMPLE_DATA), "--format", "json"]).stdout
    )
    expected = {t["id"]: t for t in computed["targets"]}
    workbook = load_workbook(sample_report)
    sheet = workbook["Tổng hợp"]
    seen = {
        target_id: (
            sheet.cell(row, 3).value,
            sheet.cell(row, 4).value,
            sheet.cell(row, 5).value,
            sheet.cell(row, 7).value,
        )
        for target_id, row in summary_rows(workbook).items()
    }
    assert set(seen) == set(expected)
    words = {
        "met": "Đạt",
        "missed": "Không đạt",
        "warning": "Cảnh báo",
        "no_data": "Không có dữ liệu",
    }
    # the workbook shows each value in its kind's form (a count change as a change)
    forms = {
        t.id: t.spec.value_form for t in load_targets(ROOT / "configs" / "targets.yaml").targets
    }
    for target_id, (num, den, value, status) in seen.items():
        target = expected[target_id]
        assert (num, den, status) == (
            target["numerator"],
            target["denominator"],
            words[target["status"]],
        ), target_id
        assert (
            value == pytest.approx(forms[target_id].shown(target["value"]))
            if target["value"] is not None
            else value is None
        )


def test_count_change_reads_as_a_change_in_console_and_workbook_issue10(
    runner, sample_report
) -> None:
    computed = json.loads(
        runner.invoke(app, ["compute", str(SAMPLE_DATA), "--format", "json"]).stdout
    )
    changes = {
        t.id
        for t in load_targets(ROOT / "configs" / "targets.yaml").targets
        if t.spec.value_form is ValueForm.CHANGE
    }
    measured = [t for t in computed["targets"] if t["id"] in changes and t["value"] is not None]
    assert measured, "the sample data must give a count-change target a value"
    console = runner.invoke(app, ["compute", str(SAMPLE_DATA), "--format", "table"]).stdout
    workbook = load_workbook(sample_report)
    sheet = workbook["Tổng hợp"]
    rows = summary_rows(workbook)
    for target in measured:
        change = target["value"] - 1
        sign = "+" if change >= 0 else "−"
        assert f"{sign}{abs(change) * 100:.1f}%".replace(".", ",") in console
        cell = sheet.cell(rows[target["id"]], 5)
        assert cell.value == pytest.approx(change)
        assert cell.number_format.startswith("+0.0%;-0.0%")


def test_every_sheet_is_there_and_print_ready(sample_report) -> None:
    workbook = load_workbook(sample_report)
    assert workbook.sheetnames == [
        "Tổng hợp",
        "Cách tính",
        "Chỉ số 766",
        "Theo đơn vị",
        "Theo lĩnh vực",
        "Xu hướng",
        "Biểu 06a",
        "Hồ sơ trễ hạn",
        "Chất lượng dữ liệu",
        "Thông tin",
    ]
    summary = workbook["Tổng hợp"]
    assert workbook["Cách tính"].freeze_panes and workbook["Cách tính"].auto_filter.ref
    assert summary.page_setup.orientation == "landscape"
    assert summary.sheet_properties.pageSetUpPr.fitToPage
    assert summary.print_title_rows
    assert summary["A1"].value == "UBND THỊ XÃ ĐỨC PHỔ"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in [c.value for c in summary[1]]
    percent_cells = [c for row in summary.iter_rows() for c in row if c.number_format == "0.0%"]
    assert percent_cells
    trends = workbook["Xu hướng"]
    assert len(trends._charts) >= 4  # native line charts, not pictures
    assert trends.cell(2, 3).value == "2024-01"
    about = [c.value for row in workbook["Thông tin"].iter_rows() for c in row]
    assert any(isinstance(v, str) and len(v) == 64 for v in about)  # SHA-256 of the inputs


def test_form_06a_golden(golden) -> None:
    loaded = load_inputs(golden)
    form = form_06a(loaded.tables["dossiers"], parse_period("2025-03"), "(không rõ)")
    rows = {r.label: list(r.counts.values()) for r in form.rows if r.kind == "field"}
    # received, online, direct/postal, carried over, resolved, early, on time, late,
    # in progress, in time, overdue
    assert rows == {
        "Chứng thực": [2, 0, 1, 1, 1, 0, 0, 1, 1, 0, 1],  # A03 late (carried), A07 overdue
        "Hộ tịch": [2, 1, 1, 0, 2, 0, 2, 0, 0, 0, 0],  # A05 on time, A09 withdrawn
        "Xây dựng": [1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0],  # A06 early
        "Đất đai": [2, 1, 0, 1, 0, 0, 0, 0, 2, 1, 1],  # A08 in time, A04 overdue (carried)
    }
    assert list(form.total.counts.values()) == [7, 2, 3, 2, 4, 1, 2, 1, 3, 1, 2]
    assert all(form.checks().values())
    # each level's subtotal heads its fields, and the levels add up to the total (issue 15)
    levels = [r for r in form.rows if r.kind == "level"]
    assert levels and form.rows[0].kind == "level"
    assert [sum(r.counts[c] for r in levels) for c in form.total.counts] == list(
        form.total.counts.values()
    )


def test_form_06a_sheet_and_its_sums(sample_report) -> None:
    sheet = load_workbook(sample_report)["Biểu 06a"]
    numbers_row = next(r for r in range(1, 15) if sheet.cell(r, 1).value == "(1)")
    fields, levels = [], []
    row = numbers_row + 1
    while sheet.cell(row, 2).value not in (None, "Tổng cộng"):
        counts = [sheet.cell(row, c).value for c in range(3, 14)]
        # a field's line is numbered; a level's subtotal is not (issue 15)
        (fields if isinstance(sheet.cell(row, 1).value, int) else levels).append(counts)
        row += 1
    total = [sheet.cell(row, c).value for c in range(3, 14)]
    assert sheet.cell(row, 2).value == "Tổng cộng"
    assert total == [sum(r[i] for r in fields) for i in range(11)]
    assert levels and total == [sum(r[i] for r in levels) for i in range(11)]
    for line in [*fields, *levels, total]:
        assert line[0] == line[1] + line[2] + line[3]
        assert line[4] == line[5] + line[6] + line[7]
        assert line[8] == line[9] + line[10]
    texts = [c.value for r in sheet.iter_rows() for c in r if isinstance(c.value, str)]
    # the form's own header and signature blocks
    blocks = [
        "Biểu số II.06a/VPCP/KSTT",
        "Đơn vị tính: Số hồ sơ TTHC",
        "NGƯỜI LẬP BIỂU",
        "THỦ TRƯỞNG ĐƠN VỊ",
        "Đơn vị nhận báo cáo: Văn phòng UBND tỉnh Quảng Ngãi",
    ]
    for words in blocks:
        assert words in texts, words
    assert "Cấp huyện" in texts and "Cấp xã" in texts
    assert not [t for t in texts if "quy tắc" in t or "D7" in t]


def test_hostile_text_never_becomes_a_formula(runner, tmp_path) -> None:
    source = tmp_path / "ds.csv"
    source.write_text(
        "Mã hồ sơ;Tên thủ tục;Lĩnh vực;Đơn vị;Kênh thực hiện;Ngày tiếp nhận;Ngày hẹn trả\n"
        '=1+1;"=HYPERLINK(""http://x"",""bấm"")";=cmd|\' /C calc\'!A0;@SUM(A1);Trực tuyến;'
        "03/03/2025;01/03/2025\n"
        "-2+3;+Khai sinh;-Hộ tịch;+UBND;Trực tiếp;04/03/2025;05/03/2025\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.xlsx"
    result = runner.invoke(app, ["report", str(source), "-o", str(out), "--period", "2025-03"])
    assert result.exit_code == 0, result.output
    workbook = load_workbook(out)
    formulas = [
        (ws.title, c.coordinate)
        for ws in workbook
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f"
    ]
    assert formulas == []
    with zipfile.ZipFile(out) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any(b"<f>" in archive.read(n) or b"<f " in archive.read(n) for n in sheets)
    texts = {c.value for ws in workbook for row in ws.iter_rows() for c in row}
    assert '=HYPERLINK("http://x","bấm")' in texts and "=1+1" in texts


def test_personal_data_only_on_request(runner, tmp_path) -> None:
    rows = [
        ["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận", "Ngày hẹn trả", "Chủ hồ sơ", "Số điện thoại"],
        ["H1", "Khai sinh", "03/03/2025", "05/03/2025", "Nguyễn Văn An", "0905123456"],
    ]
    path = write_xlsx(tmp_path / "p.xlsx", rows)
    plain, personal = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    # judged at 31/03 (the data alone runs to 03/03, when H1 was not late yet)
    month = ["--period", "2025-03", "--as-of", "31/03/2025"]
    runner.invoke(app, ["report", str(path), "-o", str(plain), *month])
    runner.invoke(
        app, ["report", str(path), "-o", str(personal), *month, "--include-personal-data"]
    )

    def everything(file):
        return {str(c.value) for ws in load_workbook(file) for row in ws.iter_rows() for c in row}

    assert "Nguyễn Văn An" not in everything(plain) and "0905123456" not in everything(plain)
    assert "Nguyễn Văn An" in everything(personal)
    late = load_workbook(plain)["Hồ sơ trễ hạn"]
    assert [late.cell(3, c).value for c in (1, late.max_column)] == ["H1", 2]  # file row 2


def test_output_replaces_only_when_complete(runner, tmp_path, monkeypatch) -> None:
    out = tmp_path / "r.xlsx"
    out.write_bytes(b"old report")
    import cchc_cli.report.excel as excel

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(excel, "render_workbook", broken)
    result = runner.invoke(app, ["report", str(SAMPLE_DATA), "-o", str(out)])
    assert result.exit_code == 5
    assert out.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.xlsx"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed here")
def test_opens_in_libreoffice_and_converts_to_pdf(sample_report, tmp_path) -> None:
    done = subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(sample_report),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    pdf = tmp_path / "bao-cao.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 20_000
    from pypdf import PdfReader

    first = PdfReader(str(pdf)).pages[0]
    sizes: dict[str, float] = {}
    faces: set[tuple[str, str]] = set()

    def seen(text, cm, tm, font, size) -> None:
        if text.strip():
            sizes.setdefault(text.strip()[:12], size * tm[0] * cm[0])
            face = str(font["/BaseFont"]).split("+")[-1] if font else ""
            faces.add((face, text))

    first.extract_text(visitor_text=seen)
    # the summary page prints at 80 % or more: its 14 pt line at least 11.2 pt on paper
    counts = next(size for text, size in sizes.items() if text.startswith("Đạt "))
    assert counts >= 14 * 0.8, sizes
    # every word in Times New Roman (or the face Linux gives it); only a symbol the face
    # lacks (▲, ▼) may come from another
    worded = {face for face, text in faces if re.search(r"[^\W\d_]", text)}
    assert all(f.startswith(("TimesNewRoman", "LiberationSerif")) for f in worded), faces


def test_the_summary_sheet_is_laid_out_as_a_bao_cao_issue15(runner, sample_report) -> None:
    workbook = load_workbook(sample_report)
    sheet = workbook["Tổng hợp"]
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    # the official blocks: issuing body and number, motto, place and date, signature
    assert texts[:2] == ["UBND THỊ XÃ ĐỨC PHỔ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert "Số: …/BC-UBND" in texts and "Độc lập - Tự do - Hạnh phúc" in texts
    assert any(re.fullmatch(r"Đức Phổ, ngày \d\d tháng \d+ năm \d{4}", t) for t in texts)
    assert "Nơi nhận:" in texts and "TM. ỦY BAN NHÂN DÂN" in texts and "- Lưu: VT." in texts
    # what a leader reads first, with the counts of compute
    computed = json.loads(
        runner.invoke(app, ["compute", str(SAMPLE_DATA), "--format", "json"]).stdout
    )
    statuses = [t["status"] for t in computed["targets"]]
    met, warning, missed = (statuses.count(s) for s in ("met", "warning", "missed"))
    assert f"Đạt {met}/{len(statuses)} chỉ tiêu; {warning} gần đạt; {missed} không đạt" in texts
    names = [t["name"] for t in computed["targets"] if t["status"] == "missed"]
    assert all(any(t.startswith(f"Không đạt: {name} — ") for t in texts) for name in names)
    assert any(t.startswith("So với kỳ trước (tháng 2/2025)") for t in texts)
    # a target judged per level says where it misses, as the báo cáo's text does
    assert any("chưa đạt ở cấp xã 53,3% so với mức" in t for t in texts)
    assert "Xếp hạng đơn vị trên các chỉ tiêu hồ sơ" in texts and "Phòng Tư pháp" in texts
    # Times New Roman in every cell; no target id on the page (they are on "Cách tính")
    fonts = {c.font.name for row in sheet.iter_rows() for c in row if c.value is not None}
    assert fonts == {"Times New Roman"}
    ids = {t["id"] for t in computed["targets"]}
    assert not ids & set(texts)
    assert ids <= {c.value for c in workbook["Cách tính"]["A"]}


def test_control_characters_in_data_do_not_break_the_report_issue5(runner, tmp_path) -> None:
    source = tmp_path / "hs.csv"
    source.write_bytes(
        "Mã hồ sơ,Tên thủ tục,Lĩnh vực,Đơn vị,Ngày tiếp nhận,Ngày hẹn trả\n"
        "HS1,Cấp phép\x0bxây dựng,Đất\x1fđai,UBND\x02 xã,03/03/2025,04/03/2025\n".encode()
    )
    out = tmp_path / "r.xlsx"
    result = runner.invoke(
        app, ["report", str(source), "-o", str(out), "--period", "2025-03", "--title", "a\x01b"]
    )
    assert result.exit_code == 0, result.output


def test_the_workbook_says_timeliness_in_words_and_stores_clean_thresholds_issue10(
    sample_report,
) -> None:
    workbook = load_workbook(sample_report)
    late = workbook["Hồ sơ trễ hạn"]
    header = [late.cell(2, c).value for c in range(1, late.max_column + 1)]
    column = header.index("Tình trạng hạn") + 1
    shown = {late.cell(r, column).value for r in range(3, late.max_row + 1)}
    assert shown and shown <= {"Quá hạn", "Đang giải quyết quá hạn"}
    summary = workbook["Tổng hợp"]
    rows = summary_rows(workbook)
    # "at most 90 % of the base year" is shown as the change it allows: exactly −10 %
    assert summary.cell(rows["tinh_gian_bien_che"], 6).value == -0.1


def test_a_trend_note_writes_its_rate_with_the_languages_decimal_mark_issue10(runner) -> None:
    for lang, mark in (("vi", ","), ("en", ".")):
        result = runner.invoke(
            app, ["compute", str(SAMPLE_DATA), "--format", "json", "--lang", lang]
        )
        (trend,) = [t for t in json.loads(result.stdout)["targets"] if "levels" in t]
        notes = [level["message"] for level in trend["levels"] if level["message"]]
        assert notes
        assert all(re.search(rf"\d{re.escape(mark)}\d%", note) for note in notes), notes


def test_form_06a_says_its_on_time_rate_and_why_it_differs_issue11(sample_report) -> None:
    sheet = load_workbook(sample_report)["Biểu 06a"]
    rows = {sheet.cell(r, 2).value: r for r in range(1, sheet.max_row + 1)}
    total = rows["Tổng cộng"]
    resolved, early, on_time = (sheet.cell(total, c).value for c in (7, 8, 9))
    notes = [sheet.cell(r, 1).value for r in range(total, sheet.max_row + 1)]
    (line,) = [t for t in notes if isinstance(t, str) and t.startswith("Tỷ lệ đúng hạn theo biểu")]
    rate = f"{(early + on_time) / resolved * 100:.1f}".replace(".", ",")
    assert f"= {rate}%" in line
    assert "không tính hồ sơ không xét hạn" in line


def test_the_workbook_keeps_its_look_cell_for_cell_issue12(runner, tmp_path) -> None:
    """The sample's report against its stored snapshot (values, number formats, fonts, fills,
    alignment, borders, merges, widths, heights, panes, print setup, charts): the writer moved
    from openpyxl to xlsxwriter without changing what officers see. A deliberate change of the
    report (or of the sample or the targets' words) updates the snapshot:

        cchc report sample_data -o r.xlsx --unit-name "UBND thị xã Đức Phổ"
        python tests/workbook_snapshot.py r.xlsx | gzip -9 > tests/data/report_snapshot.json.gz
    """
    import gzip

    from workbook_snapshot import snapshot

    out = tmp_path / "r.xlsx"
    result = runner.invoke(
        app, ["report", str(SAMPLE_DATA), "-o", str(out), "--unit-name", "UBND thị xã Đức Phổ"]
    )
    assert result.exit_code == 0, result.output
    expected = json.loads(
        gzip.decompress((ROOT / "tests" / "data" / "report_snapshot.json.gz").read_bytes())
    )
    got = json.loads(json.dumps(snapshot(out)))
    assert got["sheets"] == expected["sheets"]
    for sheet in expected["sheets"]:
        mine, theirs = got["content"][sheet], expected["content"][sheet]
        for key in theirs:
            if key != "cells":
                assert mine[key] == theirs[key], (sheet, key)
        different = [c for c in theirs["cells"] if mine["cells"].get(c) != theirs["cells"][c]]
        extra = sorted(set(mine["cells"]) - set(theirs["cells"]))
        assert not different and not extra, (sheet, different[:5], extra[:5])


def test_a_report_without_dossiers_has_an_empty_late_sheet_not_a_crash_issue12(
    runner, tmp_path
) -> None:
    out = tmp_path / "r.xlsx"
    survey = SAMPLE_DATA / "2025-03 danh gia su hai long.xlsx"
    result = runner.invoke(app, ["report", str(survey), "--period", "2025-03", "-o", str(out)])
    assert result.exit_code == 0, result.output
    late = load_workbook(out)["Hồ sơ trễ hạn"]
    assert late.max_row == 2  # the note and the column titles, no dossier
    assert late["A2"].value == "Mã hồ sơ"


def test_a_text_longer_than_a_cell_holds_is_cut_with_a_warning_issue13(runner, tmp_path) -> None:
    import csv

    from openpyxl import load_workbook

    rows = [list(HEADER)] + [list(r) for r in MAR]
    name = HEADER.index("Tên thủ tục")
    for row in rows[1:]:
        row[name] = "Thủ tục" + " rất dài" * 6000  # 48,007 characters (a CSV has no cap)
    source = tmp_path / "dai.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    out = tmp_path / "r.xlsx"
    done = runner.invoke(
        app, ["report", str(source), "--period", "2025-03", "-o", str(out), "--lang", "en"]
    )
    assert done.exit_code in (0, 1), done.output
    assert "were cut" in done.stderr
    book = load_workbook(out)  # opens: nothing written broken
    texts = [
        v
        for ws in book.worksheets
        for row in ws.iter_rows(values_only=True)
        for v in row
        if isinstance(v, str) and v.startswith("Thủ tục rất dài")
    ]
    assert texts and all(len(v) == 32_767 and v.endswith(" […]") for v in texts)


def test_no_chart_crosses_a_page_and_each_axis_fits_its_data_issue15(sample_report) -> None:
    from cchc_cli.report.excel import CHART_ROWS

    trends = load_workbook(sample_report)["Xu hướng"]
    breaks = sorted(b.id for b in trends.row_breaks.brk)  # the row a page ends after
    assert trends._charts and breaks
    rows = {name.value: r for r in range(1, trends.max_row + 1) if (name := trends.cell(r, 2))}
    for chart in trends._charts:
        top = chart.anchor._from.row  # 0-based: the page starts at this row
        assert top in breaks  # a page begins with its row of charts
        # and no page ends inside the chart (15 x 8 cm: fewer rows than CHART_ROWS)
        assert not [b for b in breaks if top < b < top + CHART_ROWS - 1]
        low, high = chart.y_axis.scaling.min, chart.y_axis.scaling.max
        assert 0 <= low < high <= 1 and (low > 0 or high < 1)  # fitted, not 0–100 %
    # two charts of a row side by side, the second where the first ends
    by_row: dict[int, list] = {}
    for chart in trends._charts:
        by_row.setdefault(chart.anchor._from.row, []).append(chart.anchor)
    for anchors in by_row.values():
        anchors.sort(key=lambda a: a._from.col)
        for left, right in itertools.pairwise(anchors):
            assert left.to.col < right._from.col, (left.to.col, right._from.col)
    # the on-time chart's band holds every month's value and the goal
    on_time = rows["Tỷ lệ hồ sơ giải quyết đúng hạn"]
    values = [c.value for c in trends[on_time][2:] if isinstance(c.value, float)]
    band = [*values, 0.95]
    chart = trends._charts[0]
    assert chart.y_axis.scaling.min <= min(band) and max(band) <= chart.y_axis.scaling.max


def test_no_internal_code_in_any_sheet_issue15(sample_report) -> None:
    """Every cell a leader may print is in words: no target id, dataset or field id, status
    or timeliness code. Two columns keep ids on purpose: the targets' ids on "Cách tính" (what
    the targets file and `cchc targets show` name) and the issue codes on "Chất lượng dữ liệu"
    (the stable codes of the README)."""
    from cchc_cli.schema import DATASETS
    from cchc_cli.targets.config import load_targets
    from cchc_cli.targets.scorecard import load_scorecard

    workbook = load_workbook(sample_report)
    ids = {t.id for t in load_targets().targets}
    ids |= {i.spec.id for i in load_scorecard().indicators}  # the 766 sheet says codes, "2.1"
    codes = ids | set(DATASETS) | {f for d in DATASETS.values() for f in d.fields if "_" in f}
    codes |= {"met", "missed", "no_data", "late", "open_overdue", "on_time", "open_in_time"}
    codes |= {"unsatisfied", "at_risk", "scored", "not_scored", "province", "district"}
    kept = {("Cách tính", 1)}
    quality = workbook["Chất lượng dữ liệu"]
    for row in quality.iter_rows():
        for cell in row:
            if cell.value in ("Mã lỗi", "Code"):
                kept.add(("Chất lượng dữ liệu", cell.column))
    found = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str) or (sheet.title, cell.column) in kept:
                    continue
                words = set(re.findall(r"[A-Za-z_]+", cell.value))
                if words & codes:
                    found.append((sheet.title, cell.coordinate, sorted(words & codes)))
    assert found == []


def _display(value, number_format: str) -> str:
    """A number as a spreadsheet shows it under its format (near enough for widths)."""
    if isinstance(value, str):
        return value
    section = number_format.split(";")[0]
    prefix = "".join(re.findall(r'"([^"]*)"', section))
    if "%" in section:
        digits = len(section.split(".")[1].split("%")[0]) if "." in section else 0
        sign = "+" if section.lstrip('"≥≤<> ').startswith("+") and value > 0 else ""
        return f"{prefix}{sign}{value * 100:.{digits}f}%"
    if "#,##0" in section:
        return f"{prefix}{value:,.0f}"
    decimals = re.fullmatch(r"0\.(0+)", section)  # 766 points: "0.00"
    if decimals:
        return f"{prefix}{value:.{len(decimals.group(1))}f}"
    return f"{prefix}{value}"


@pytest.fixture(scope="module")
def english_report(tmp_path_factory):
    from typer.testing import CliRunner

    out = tmp_path_factory.mktemp("report-en") / "report.xlsx"
    done = CliRunner().invoke(app, ["report", str(SAMPLE_DATA), "-o", str(out), "--lang", "en"])
    assert done.exit_code == 0, done.output
    return out


@pytest.mark.skipif(not LIBERATION.exists(), reason="Liberation Serif 2 is not installed here")
@pytest.mark.parametrize("report", ["sample_report", "english_report"])
def test_no_value_is_wider_than_its_column_issue15(request, report) -> None:
    """Measured with the metrics of Liberation Serif (Times New Roman's widths): a number, or
    a text in a table's bordered cell, fits its column (or merged columns); a wrapped text's
    longest word fits, so no word is broken inside itself."""

    workbook = load_workbook(request.getfixturevalue(report))
    cut = []
    # the summary, method, 766, per unit, per field sheets and form 06a, in either language
    for index in (0, 1, 2, 3, 4, 6):
        sheet = workbook.worksheets[index]
        title = sheet.title
        merged = {}
        for area in sheet.merged_cells.ranges:
            columns = range(area.min_col, area.max_col + 1)
            merged[(area.min_row, area.min_col)] = columns
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None or not hasattr(cell, "column_letter"):
                    continue
                columns = merged.get((cell.row, cell.column), [cell.column])
                # a column's width is in characters of the book's font (Times New Roman 12:
                # a digit is 6 pt wide); 3 pt of padding
                room = (
                    sum(
                        (sheet.column_dimensions[get_column_letter(c)].width or 8.43) * 6
                        for c in columns
                    )
                    - 3
                )
                text = _display(cell.value, cell.number_format)
                size = cell.font.sz or 12
                if cell.alignment.wrap_text:
                    longest = max(text.split(), key=lambda w: serif_width_pt(w, size, cell.font.b))
                    needed = serif_width_pt(longest, size, bool(cell.font.b))
                elif isinstance(cell.value, str) and cell.border.left.style is None:
                    continue  # a free text beside empty cells runs over them, uncut
                else:
                    needed = serif_width_pt(text, size, bool(cell.font.b))
                if needed > room:
                    cut.append((title, cell.coordinate, text[:40], round(needed), round(room)))
    assert cut == []


def test_form_06a_of_an_incomplete_period_says_so_issue15(runner, tmp_path) -> None:
    out = tmp_path / "q1.xlsx"
    done = runner.invoke(app, ["report", str(SAMPLE_DATA), "--period", "2025-Q1", "-o", str(out)])
    assert done.exit_code == 0, done.output
    sheet = load_workbook(out)["Biểu 06a"]
    texts = [c.value for r in sheet.iter_rows(max_row=8) for c in r if isinstance(c.value, str)]
    # the sample has no dossiers of January: the form never passes for the whole quarter
    assert any(t.startswith("CHƯA ĐỦ KỲ: dữ liệu hồ sơ thiếu tháng 1/2025") for t in texts)


@pytest.mark.parametrize(
    ("text", "room", "lines"),
    [
        ("2025-03 DanhSachHoSo_20250401_0", 18, 3),  # a long word starts a line of its own
        ("Hộ tịch", 18, 1),
        ("a b c d e f", 3, 3),
        ("x" * 40, 18, 3),  # a word longer than the column is cut into lines
        ("", 10, 1),
    ],
)
def test_a_row_is_as_tall_as_its_words_wrap_issue15(text, room, lines) -> None:
    from cchc_cli.report.excel import _wrapped_lines

    assert _wrapped_lines(text, room) == lines
