"""The portal's 766 points beside cchc's (issue 16, point 4): read as officers copy them, never
replaced, each difference with its likely reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_cli.errors import InputError
from cchc_cli.run import RunOptions, prepare
from cchc_cli.targets.per_table import tables_unchanged
from cchc_cli.targets.portal import compare, read_portal
from cchc_cli.targets.scorecard import compute_scorecard, load_scorecard
from conftest import encode_cp1258
from test_scorecard import DOSSIERS, SCORECARDS


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    folder = tmp_path_factory.mktemp("portal")
    (folder / "ho-so.csv").write_text(DOSSIERS, encoding="utf-8-sig")
    run = prepare([str(folder)], RunOptions(period="2025-03", cache=None))
    with tables_unchanged():
        return compute_scorecard(
            run.loaded.tables, load_scorecard(SCORECARDS), run.period, ["agency_name"], "district"
        )


def test_portal_file_in_the_officers_words_issue_16(tmp_path) -> None:
    # semicolons and decimal commas as Excel saves a Vietnamese CSV, a blank row, a bad row
    source = tmp_path / "cong.csv"
    source.write_text(
        "Chỉ số;Đơn vị;Điểm\n2.1;;12,50\n\nNhóm G4;;5\n3.6;;abc\nTổng điểm;;40,25\n",
        encoding="utf-8-sig",
    )
    scores, issues = read_portal(source)
    assert [(s.what, s.points, s.row) for s in scores] == [
        ("2.1", 12.5, 2),
        ("Nhóm G4", 5.0, 4),
        ("Tổng điểm", 40.25, 6),
    ]
    assert [i.code for i in issues] == ["portal.bad_row"]


def test_portal_file_in_windows_1258_and_commas_issue_16(tmp_path) -> None:
    source = tmp_path / "cong.csv"
    source.write_bytes(encode_cp1258('Chỉ số,Điểm\n5.4,"3,33"\n'))
    scores, _ = read_portal(source)
    assert [(s.what, s.points) for s in scores] == [("5.4", 3.33)]


def test_a_file_without_the_columns_says_what_it_needs_issue_16(tmp_path) -> None:
    source = tmp_path / "cong.csv"
    source.write_text("Tên;Số\nx;1\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_portal(source)
    assert error.value.code == "portal.no_columns"
    assert "'Tên', 'Số'" in error.value.message("vi")


def test_side_by_side_with_reasons_issue_16(result, tmp_path) -> None:
    source = tmp_path / "cong.csv"
    source.write_text(
        "Chỉ số;Đơn vị;Điểm\n2.1;;12.5\n2.1;UBND xã A;20\n5.4;;6\n1.4;;5,2\nG3;;8\n"
        "G2;;12,49\n9.9;;1\nTổng;;50\n",
        encoding="utf-8",
    )
    scores, _ = read_portal(source)
    lines = compare(result, scores)
    by_code = [(line.code, line.unit) for line in lines]
    assert by_code[:3] == [("2.1", None), ("2.1", "UBND xã A"), ("5.4", None)]
    first, unit, satisfied, synced, online, group, unknown, total = lines
    assert first.difference == pytest.approx(0) and first.reasons[0][0] == "compare.match"
    assert unit.ours == pytest.approx(15.0)  # xã A: 3 of 4 on time
    assert unit.difference == pytest.approx(-5.0)
    assert [key for key, _ in unit.reasons][:1] == ["compare.reading"]
    assert satisfied.portal == 6 and satisfied.ours == pytest.approx(6 * 0.5 / 0.9)
    assert "compare.export_scope" in [key for key, _ in satisfied.reasons]
    assert synced.ours is None and synced.reasons[0][0] == "compare.ours_no_data"
    # G3 is not scored at district level: no points, not 0, and said so
    assert online.kind == "group" and online.ours is None
    assert online.reasons == [("compare.not_scored", online.reasons[0][1])]
    assert group.kind == "group" and group.difference == pytest.approx(0.01)
    assert unknown.kind == "unknown" and unknown.ours is None
    assert total.kind == "total" and total.ours == pytest.approx(result.points)
    # the portal's numbers are kept as given
    assert [line.portal for line in lines] == [12.5, 20, 6, 5.2, 8, 12.49, 1, 50]


def test_portal_example_file_is_read(tmp_path) -> None:
    example = Path(__file__).resolve().parents[1] / "configs" / "portal766.example.csv"
    scores, issues = read_portal(example)
    assert scores and not issues


def test_a_row_names_its_indicator_or_group_whichever_it_fills_issue_16(tmp_path) -> None:
    source = tmp_path / "cong.csv"
    source.write_text("Nhóm;Chỉ số;Điểm\nG2;;18,5\n;2.1;18,5\n;3.6;abc\n;5.4;\n", encoding="utf-8")
    scores, issues = read_portal(source)
    assert [(s.what, s.points) for s in scores] == [("G2", 18.5), ("2.1", 18.5)]
    said = [i.message("vi") for i in issues]
    assert "'abc' không phải số điểm" in said[0] and "thiếu giá trị cột 'Điểm'" in said[1]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"Ch\xe1\xbb\x89 s\xe1\xbb\x91;\xc4\x90i\xe1\xbb\x83m\n", "portal.no_rows"),
        (b"PK\x03\x04 a workbook", "portal.not_csv"),
    ],
)
def test_a_file_with_no_points_or_a_workbook_is_refused_issue_16(tmp_path, content, code) -> None:
    source = tmp_path / "cong.csv"
    source.write_bytes(content)
    with pytest.raises(InputError) as error:
        read_portal(source)
    assert error.value.code == code
