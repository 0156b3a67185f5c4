"""The 766 scorecard in `cchc report` (issue 16, point 5): the workbook's "Chỉ số 766" sheet
and the báo cáo's paragraph say the library's points (targets/scorecard.py), and the sentence
builder of report/wording.py in both languages."""

from __future__ import annotations

import dataclasses
import re

import pytest
from docx import Document
from openpyxl import load_workbook

from cchc_cli.cli import app
from cchc_cli.report.score766 import reason_text
from cchc_cli.report.wording import (
    LATE_REASONS,
    costly_rows,
    indicators_losing,
    score_paragraph,
    score_points,
)
from cchc_cli.run import RunOptions, prepare
from cchc_cli.targets.per_table import tables_unchanged
from cchc_cli.targets.scorecard import LostRow, ScoreResult, compute_scorecard, load_scorecard
from conftest import SAMPLE_DATA

SHEET = "Chỉ số 766"


@pytest.fixture(scope="module")
def score() -> ScoreResult:
    """The sample's scorecard as `cchc report` computes it (its default period, the unit's
    level, units and groups of the targets file)."""
    run = prepare([str(SAMPLE_DATA)], RunOptions())
    config = run.config
    with tables_unchanged():
        return compute_scorecard(
            run.loaded.tables,
            load_scorecard(),
            run.period,
            [],
            config.organisation.level,
            config.units,
            config.groups,
        )


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, object]:
    from typer.testing import CliRunner

    folder = tmp_path_factory.mktemp("score-report")
    made = {}
    for name in ("bao-cao.xlsx", "bao-cao.docx"):
        out = folder / name
        done = CliRunner().invoke(app, ["report", str(SAMPLE_DATA), "-o", str(out), "-q"])
        assert done.exit_code == 0, done.output
        made[name.rsplit(".", 1)[1]] = out
    return made


def _rows(sheet) -> list[list[object]]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_the_sample_scores_something_and_loses_something_issue16(score) -> None:
    # what the other tests rely on: points, indicators below their maximum, costly rows
    assert score.period.label == "2025-03" and score.level == "district"
    assert score.points > 0 and indicators_losing(score) and costly_rows(score)
    assert score.no_data_max > 0 and score.not_scored_max > 0


def test_the_766_sheet_holds_the_librarys_points_issue16(reports, score) -> None:
    workbook = load_workbook(reports["xlsx"])
    names = workbook.sheetnames
    assert names.index(SHEET) == names.index("Cách tính") + 1
    sheet = workbook[SHEET]
    rows = _rows(sheet)
    texts = [v for row in rows for v in row if isinstance(v, str)]
    assert score.scorecard.name in texts[0] and "THÁNG 3/2025" in texts[0]
    total_line = next(t for t in texts if t.startswith("Tổng điểm tính được:"))
    points = score_points(score.points, "vi")
    scored = f"{score.scored_max:g}"
    assert total_line.startswith(f"Tổng điểm tính được: {points}/{scored} điểm; ")
    assert f"{score.no_data_max:g} điểm chưa có dữ liệu để tính" in total_line
    assert f"{score.not_scored_max:g} điểm không chấm ở cấp huyện" in total_line
    header = next(i for i, row in enumerate(rows) if row[:3] == ["Nhóm", "Mã", "Chỉ số"])
    assert rows[header][:10] == ["Nhóm", "Mã", "Chỉ số", "Tử số", "Mẫu số", "Tỷ lệ", "Điểm",
                                 "Tối đa", "Có thể thêm", "Ghi chú"]  # fmt: skip
    table = rows[header + 1 : header + 2 + len(score.groups) + len(score.indicators)]
    # the total row, its points the library's rounded as shown
    total = table[-1]
    assert total[0] == "Tổng cộng"
    assert round(total[6], 2) == round(score.points, 2)
    assert total[7] == score.max_points
    # each group's subtotal in bold above its indicators, each indicator's figures
    codes = {s.indicator.spec.code: s for s in score.indicators}
    groups = {g.group.name: g for g in score.groups}
    seen_group = None
    checked = 0
    for offset, row in enumerate(table[:-1], start=header + 2):
        if row[0] is not None:
            seen_group = groups[row[0]]
            assert sheet.cell(offset, 1).font.b
            # a group with nothing scored has no points: "—", not 0
            points = seen_group.points
            assert row[6] == (pytest.approx(points) if points is not None else "—")
            assert row[7] == seen_group.group.max
            continue
        found = codes[row[1]]
        spec = found.indicator.spec
        assert spec.group == seen_group.group.id  # under its own group
        assert row[2] == spec.name
        assert (row[3], row[4]) == (found.numerator, found.denominator)
        assert row[5] == (pytest.approx(found.ratio) if found.ratio is not None else None)
        assert row[6] == (pytest.approx(found.points) if found.points is not None else "—")
        assert row[7] == spec.max_points
        if found.points is not None:
            assert sheet.cell(offset, 7).number_format == "0.00"
            assert sheet.cell(offset, 6).number_format == "0.0%"
        else:
            assert row[9]  # why there are no points
        checked += 1
    assert checked == len(score.indicators)


def test_the_766_sheet_lists_the_dossiers_that_cost_points_issue16(reports, score) -> None:
    rows = _rows(load_workbook(reports["xlsx"])[SHEET])
    headers = [i for i, row in enumerate(rows) if row[0] == "Mã hồ sơ"]
    assert len(headers) == 2  # dossiers that cost points, dossiers about to
    lost_header, risk_header = headers
    assert rows[lost_header][:6] == ["Mã hồ sơ", "Chỉ số", "Thủ tục", "Ngày tiếp nhận",
                                     "Hẹn trả", "Kết thúc"]  # fmt: skip
    assert rows[lost_header][9:] == ["Lý do", "Tệp", "Trang tính", "Dòng"]
    costly = costly_rows(score)[:200]
    listed = rows[lost_header + 1 : lost_header + 1 + len(costly)]
    assert [(r[0], r[1], r[12]) for r in listed] == [
        (c.dossier_code, c.indicator, c.row) for c in costly
    ]
    # each reason in the words of `cchc score766 --lost`
    assert [r[9] for r in listed] == [reason_text(c.reason, "vi") for c in costly]
    timeliness = ("late", "open_overdue", "overdue_at_period_end", "supplements")
    assert {r[9] for r in listed} <= {reason_text(reason, "vi") for reason in timeliness}
    assert listed[0][3].date() == costly[0].received_at
    # an indicator at its maximum lost no point: its rows are not listed
    full = {s.indicator.spec.code for s in score.indicators if s.within_reach == 0}
    assert not {r[1] for r in listed} & full
    title = rows[risk_header - 2][0]
    assert title.startswith(f"Hồ sơ sắp quá hạn (trong {score.at_risk_days} ngày")
    assert f"({score.at_risk_count} hồ sơ)" in rows[risk_header - 1][0]
    soon = score.at_risk[:200]
    risky = rows[risk_header + 1 : risk_header + 1 + len(soon)]
    assert [(r[0], r[1]) for r in risky] == [(row.dossier_code, row.indicator) for row in soon]
    assert {r[9] for r in risky} == {reason_text("at_risk", "vi")}


def test_the_bao_cao_says_the_766_total_issue16(reports, score) -> None:
    document = Document(str(reports["docx"]))
    texts = [p.text for p in document.paragraphs]
    assert "Chỉ số 766 (tự tính)" in texts
    said = score_paragraph(score, "vi")
    assert said in texts
    points = score_points(score.points, "vi")
    assert f": {points}/{score.scored_max:g} điểm của các chỉ số tính được" in said
    groups = document.tables[-2]  # the group table, just before the signature's
    cells = [[c.text for c in row.cells] for row in groups.rows]
    assert cells[-1][:2] == ["Cộng", points]
    assert [row[0] for row in cells[1:-1]] == [g.group.name for g in score.groups]
    # the body still ends with "./." (Phụ lục I), after the 766 section's note
    body = [t for t in texts if t.strip()]
    assert body[-1].endswith("./.") and "Cổng Dịch vụ công quốc gia" in body[-1]


def test_the_766_sentence_in_both_languages_issue16(score) -> None:
    vi, en = score_paragraph(score, "vi"), score_paragraph(score, "en")
    losing = indicators_losing(score)
    late = sum(r.reason in LATE_REASONS for r in costly_rows(score))
    # every reason a dossier is late for, supplements included (all listed here)
    assert late == sum(n for r, n in score.lost_reasons["2.1"].items() if r in LATE_REASONS)
    assert late == score.lost_counts["2.1"]
    first = losing[0]
    lost = first.max_points - first.points
    assert vi.startswith("Điểm Chỉ số 766 tự tính từ dữ liệu của đơn vị tháng 3/2025 (phiên bản ")
    assert f"{first.indicator.spec.code} “{first.indicator.spec.name}” (mất " in vi
    assert f"(mất {lost:.2f} điểm)".replace(".", ",") in vi
    assert f"{late} hồ sơ trễ hạn làm mất điểm chỉ số 2.1" in vi
    soon = score.at_risk_count
    assert f"{soon} hồ sơ sắp quá hạn trong {score.at_risk_days} ngày" in vi
    assert vi.endswith(").") and vi.count("Điểm Chỉ số 766") == 1
    assert en.startswith("The 766 index computed from the unit's own data, 3/2025")
    assert f"{score_points(score.points, 'en')}/{score.scored_max:g} points" in en
    assert f"({lost:.2f} points lost)" in en
    assert f"late dossiers cost points on indicator 2.1: {late}" in en
    # English carries no Vietnamese words of its own (names of the data aside)
    words = re.sub(r"“[^”]*”", "", en)
    assert "điểm" not in words and "hồ sơ" not in words


def test_the_766_sentence_of_a_hand_made_result_issue16(score) -> None:
    """Every indicator at its maximum, one dossier rated unsatisfied on 5.4, none about to
    turn late: no "losing most" part, no late dossier, and "none about to"."""
    full = [
        dataclasses.replace(s, points=s.max_points) if s.points is not None else s
        for s in score.indicators
    ]
    unsatisfied = LostRow("5.4", "unsatisfied", "H1", "Khai sinh", "UBND xã", None, None, None,
                          "a.xlsx", "Sheet1", 2)  # fmt: skip
    made = dataclasses.replace(
        score,
        indicators=full,
        lost=[unsatisfied],
        lost_counts={"5.4": 1},
        lost_reasons={"5.4": {"unsatisfied": 1}},
        at_risk=[],
        at_risk_count=0,
    )
    vi = score_paragraph(made, "vi")
    assert "mất nhiều điểm nhất" not in vi and "trễ hạn" not in vi
    # an indicator at its maximum lost nothing, whatever rows it counts against
    assert "không hài lòng" not in vi
    assert vi.endswith(f"; không có hồ sơ nào sắp quá hạn trong {score.at_risk_days} ngày.")
    en = score_paragraph(made, "en")
    assert en.endswith(f"; no open dossier turns late within {score.at_risk_days} days.")
    below = [
        dataclasses.replace(s, points=s.max_points - 1.5) if s.indicator.spec.code == "5.4" else s
        for s in full
    ]
    made = dataclasses.replace(made, indicators=below)
    vi = score_paragraph(made, "vi")
    assert "các chỉ số mất nhiều điểm nhất: 5.4 “" in vi and "(mất 1,50 điểm)" in vi
    assert "; 1 hồ sơ bị đánh giá không hài lòng làm mất điểm chỉ số 5.4;" in vi
    en = score_paragraph(made, "en")
    assert "(1.50 points lost)" in en and "rated unsatisfied cost points on indicator 5.4: 1" in en


def test_a_broken_scorecard_file_stops_the_report_as_a_targets_file_does_issue16(
    runner, tmp_path, monkeypatch
) -> None:
    source = tmp_path / "hs.csv"
    source.write_text(
        "Mã hồ sơ,Tên thủ tục,Ngày tiếp nhận,Ngày hẹn trả\nH1,Khai sinh,03/03/2025,05/03/2025\n",
        encoding="utf-8",
    )
    (tmp_path / "configs").mkdir()
    (tmp_path / "configs" / "score766.yaml").write_text("version: 1\nscorecards: [", "utf-8")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "r.xlsx"
    done = runner.invoke(app, ["report", str(source), "-o", str(out), "--period", "2025-03"])
    assert done.exit_code == 4, done.output  # ExitCode.CONFIGURATION
    assert "config.score_unreadable" in done.stderr and not out.exists()


def test_a_period_with_nothing_scored_is_said_not_zero_issue16(score) -> None:
    import dataclasses

    nothing = dataclasses.replace(
        score,
        indicators=[
            dataclasses.replace(s, points=None, status="no_data") for s in score.indicators
        ],
        groups=[dataclasses.replace(g, points=None, scored_max=0.0) for g in score.groups],
    )
    said = score_paragraph(nothing, "vi")
    assert "chưa đủ để tính điểm chỉ số nào" in said and "0,00" not in said
    assert "lets no indicator be scored" in score_paragraph(nothing, "en")
