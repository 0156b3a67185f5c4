"""report/presentation.py: every target of the sample reads the same in every view — the
console table, Markdown and the leadership workbook (its cells as a spreadsheet displays them
with their number formats) — value and threshold, rounding and sign alike (issue #11)."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from openpyxl import load_workbook

from cchc_cli.cli import app
from cchc_cli.report.presentation import Shown, present, present_level_goal
from cchc_cli.targets.config import load_targets
from cchc_cli.targets.spec import ValueForm
from conftest import SAMPLE_DATA, TARGETS, summary_rows


def _excel_display(value: object, number_format: str) -> str:
    """What a spreadsheet shows for a cell: the few formats the report writes."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if number_format == "General":
        number = float(value)
        return str(int(number)) if number.is_integer() else f"{number:g}"
    if "%" not in number_format:  # '"≤ "0': a comparison before a whole number
        return number_format.split('"')[1] + str(int(value))
    sections = number_format.split(";")
    section = sections[0]
    if value < 0 and len(sections) > 1:
        section = sections[1]
    elif value == 0 and len(sections) > 2:
        section = sections[2]
    prefix = section[: section.index("0")].replace('"', "")
    digits = len(section.split(".")[1].rstrip("%")) if "." in section else 0
    magnitude = abs(Decimal(repr(float(value)))) if len(sections) > 1 else Decimal(repr(value))
    shown = magnitude.scaleb(2).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)
    return f"{prefix}{shown:.{digits}f}%"


def _plain(text: str) -> str:
    """A view's text with the decimal mark and minus sign of the workbook, without the mark
    of a goal chosen locally (the workbook says that in its note column)."""
    return text.removesuffix(" *").replace("−", "-").replace(",", ".").strip()


def _markdown_rows(runner) -> dict[str, tuple[str, str]]:
    text = runner.invoke(app, ["compute", str(SAMPLE_DATA), "--format", "markdown", "--ids"]).stdout
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 7 and re.fullmatch(r"[a-z][a-z0-9_]*", cells[0]):
            rows[cells[0]] = (cells[4], cells[5])
    return rows


def _console_rows(runner) -> dict[str, tuple[str, str]]:
    text = runner.invoke(app, ["compute", str(SAMPLE_DATA), "--ids"], terminal_width=240).stdout
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.split("│")[1:-1]]
        if len(cells) == 7 and re.fullmatch(r"[a-z][a-z0-9_]*", cells[0]):
            rows[cells[0]] = (cells[4], cells[5])
    return rows


@pytest.fixture(scope="module")
def workbook_rows(tmp_path_factory) -> dict[str, tuple[str, str]]:
    from typer.testing import CliRunner

    path = tmp_path_factory.mktemp("presentation") / "bao-cao.xlsx"
    result = CliRunner().invoke(app, ["report", str(SAMPLE_DATA), "-o", str(path)])
    assert result.exit_code == 0, result.output
    workbook = load_workbook(path)
    sheet = workbook["Tổng hợp"]
    rows = {}
    for target_id, row in summary_rows(workbook).items():
        value, goal = sheet.cell(row, 5), sheet.cell(row, 6)
        rows[target_id] = (
            _excel_display(value.value, value.number_format),
            _excel_display(goal.value, goal.number_format),
        )
    return rows


def test_every_target_reads_the_same_in_every_view_issue11(runner, workbook_rows) -> None:
    console = _console_rows(runner)
    markdown = _markdown_rows(runner)
    ids = [t.id for t in load_targets(TARGETS).targets]
    assert set(console) == set(markdown) == set(workbook_rows) == set(ids)
    forms = set()
    for target_id in ids:
        value, goal = console[target_id]
        assert markdown[target_id] == (value, goal), target_id
        shown_value, shown_goal = workbook_rows[target_id]
        assert _plain(value) == shown_value, target_id
        # the goal with its comparison: text on the console, a number formatted so in Excel
        assert _plain(goal) == _plain(shown_goal), target_id
        spec = next(t for t in load_targets(TARGETS).targets if t.id == target_id).spec
        forms.add(type(spec).__name__)
    kinds = forms
    assert {"RatioSpec", "TrendSpec", "CountChangeSpec", "ValueSpec"} <= kinds


@pytest.mark.parametrize(
    ("form", "number", "digits", "vi", "en", "excel"),
    [
        (ValueForm.RATE, 0.9625, 1, "96,3%", "96.3%", "0.0%"),  # half up, as a spreadsheet
        (ValueForm.RATE, 0.9498, 2, "94,98%", "94.98%", "0.00%"),
        (ValueForm.CHANGE, -0.3205, 1, "−32,1%", "−32.1%", "+0.0%;-0.0%;0.0%"),
        (ValueForm.CHANGE, 0.25, 1, "+25,0%", "+25.0%", "+0.0%;-0.0%;0.0%"),
        (ValueForm.NUMBER, 4.0, 1, "4", "4", "General"),
        (ValueForm.NUMBER, 1234.0, 1, "1.234", "1,234", "General"),
        (ValueForm.RATE, None, 1, "—", "—", "0.0%"),
    ],
)
def test_a_figure_is_written_alike_in_text_and_in_a_cell(form, number, digits, vi, en, excel):
    shown = Shown(number, form, digits)
    assert (shown.text("vi"), shown.text("en"), shown.number_format) == (vi, en, excel)
    if number is not None and form is not ValueForm.NUMBER:
        assert _excel_display(number, excel) == _plain(en)


def test_a_rate_just_short_of_its_goal_gets_the_digits_to_say_so() -> None:
    (on_time,) = [t for t in load_targets(TARGETS).targets if t.id == "ho_so_dung_han"]
    assert present(on_time.spec, 0.9498, 0.95).text("vi") == "94,98%"
    assert present(on_time.spec, 0.94999, 0.95).text("en") == "94.999%"
    assert present(on_time.spec, 0.95, 0.95).text("en") == "95.0%"
    assert present(on_time.spec, 0.9625, 0.95).text("en") == "96.3%"


def test_a_level_goal_and_its_value_never_read_alike_issue11() -> None:
    (trend,) = [t for t in load_targets(TARGETS).targets if t.id == "ket_noi_chia_se_du_lieu"]
    # a goal of last year + 20 points can have any digits: 53,335 % against a value of 53,33 %
    sign, goal = present_level_goal(0.53335, 0.5333)
    value = present(trend.spec, 0.5333, 0.53335)
    assert (sign, goal.text("vi"), value.text("vi")) == ("≥", "53,34%", "53,33%")
    assert goal.format_with(sign) == '"≥ "0.00%'
    assert present_level_goal(0.6513)[1].text("vi") == "65,1%"
    assert Shown(0.0, ValueForm.CHANGE).text("vi") == "0,0%"  # no sign on no change


def test_csv_carries_the_shown_figures_and_markdown_the_notes_issue11(runner) -> None:
    import csv
    import io

    base = ["compute", str(SAMPLE_DATA), "--period", "2025-03"]
    markdown = _markdown_rows(runner)
    rows = csv.DictReader(io.StringIO(runner.invoke(app, [*base, "--format", "csv"]).stdout))
    overall = {r["id"]: r for r in rows if not r["group_by"]}
    for target_id, (value, goal) in markdown.items():
        row = overall[target_id]
        # a leading "+" is kept from becoming a formula in a spreadsheet (safe_cell)
        assert row["shown_value"].removeprefix("'") == value, target_id
        local = " *" if row["local"] else ""
        assert row["shown_target"].removeprefix("'") + local == goal, target_id
    assert overall["tinh_gian_bien_che"]["shown_value"] == "−32,1%"
    assert overall["tinh_gian_bien_che"]["local_reason"]
    quarter = runner.invoke(
        app, ["compute", str(SAMPLE_DATA), "--period", "2025-Q2", "--format", "markdown"]
    ).stdout
    said = "Dữ liệu không có đủ kỳ: thiếu 2025-04, 2025-05, 2025-06"
    assert f"Tỷ lệ hồ sơ giải quyết đúng hạn: {said}" in quarter  # named, ids with --ids


def test_a_difference_is_the_difference_of_the_printed_figures_issue15() -> None:
    from decimal import Decimal

    from cchc_cli.report.presentation import Shown, points_between
    from cchc_cli.targets.spec import ValueForm

    # 93,74% and 89,53% print as 93,7% and 89,5%: a reader checks 4,2 points, not 4,21
    difference, digits = points_between(
        Shown(0.9374, ValueForm.RATE, 1), Shown(0.8953, ValueForm.RATE, 1)
    )
    assert (difference, digits) == (Decimal("4.2"), 1)
    # a value written with two digits next to its goal: the gap has two as well
    difference, digits = points_between(
        Shown(0.95, ValueForm.RATE, 1), Shown(0.9495, ValueForm.RATE, 2)
    )
    assert (difference, digits) == (Decimal("0.05"), 2)
