"""run.py, the run layer: what compute and report do before computing, without Typer."""

from __future__ import annotations

import json

import pytest

from cchc_cli.cli import app
from cchc_cli.errors import ExitCode, UsageError
from cchc_cli.run import RunOptions, UnusableInputs, prepare
from conftest import SAMPLE_DATA, write_xlsx

GOOD = [["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận"], ["H001", "Khai sinh", "03/03/2025"]]
BAD = [["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận"], ["H001", "Khai sinh", "31/02/2025"]]


def test_prepare_reads_once_and_chooses_the_period() -> None:
    run = prepare([str(SAMPLE_DATA)], RunOptions())
    assert run.period.label == "2025-03" and run.period_note == "default_period"
    assert len({a.path for a in run.loaded.accounts}) == 14


def test_prepare_takes_the_period_given() -> None:
    run = prepare([str(SAMPLE_DATA)], RunOptions(period="2025-Q1"))
    assert run.period.label == "2025-Q1" and run.period_note is None


def test_too_many_rejected_rows_is_a_typed_error_with_what_was_read(tmp_path) -> None:
    path = write_xlsx(tmp_path / "bad.xlsx", BAD)
    with pytest.raises(UnusableInputs) as caught:
        prepare([str(path)], RunOptions(period="2025-03"))
    assert caught.value.code == "run.too_many_rejected"
    assert caught.value.loaded.rows_rejected == 1
    assert caught.value.exit_code is ExitCode.INPUT_DATA


def test_rejected_share_above_the_tolerance_is_refused(tmp_path) -> None:
    rows = GOOD + [[f"H00{i}", "Khai sinh", "03/03/2025"] for i in range(2, 5)] + [BAD[1]]
    path = write_xlsx(tmp_path / "mixed.xlsx", rows)
    with pytest.raises(UnusableInputs) as caught:
        prepare([str(path)], RunOptions(period="2025-03", max_invalid=0.1))
    assert caught.value.code == "run.too_many_rejected"
    assert caught.value.message("vi").startswith("Tỷ lệ dòng bị loại 20,00% vượt ngưỡng")
    assert "20.00% exceed --max-invalid 10.00%" in caught.value.message("en")
    assert prepare([str(path)], RunOptions(period="2025-03", max_invalid=0.5)).loaded


def test_unreadable_input_is_a_typed_error(tmp_path) -> None:
    with pytest.raises(UnusableInputs) as caught:
        prepare([str(tmp_path / "nope.xlsx")], RunOptions(period="2025-03"))
    assert caught.value.code == "run.inputs_failed"
    assert caught.value.loaded.failed_inputs


def test_output_that_is_an_input_is_refused_before_reading(tmp_path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", GOOD)
    with pytest.raises(UsageError) as caught:
        prepare([str(tmp_path)], RunOptions(period="2025-03", output=path))
    assert caught.value.code == "output.is_input"


def test_compute_refuses_to_write_over_an_input_with_exit_2(runner, tmp_path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", GOOD)
    result = runner.invoke(app, ["compute", str(path), "-f", "csv", "-o", str(path)])
    assert result.exit_code == 2
    assert "output.is_input" in result.stderr
    assert path.read_bytes()[:2] == b"PK"


def test_compute_json_equals_the_library_result(runner) -> None:
    from cchc_cli.report.results import compute_json
    from cchc_cli.targets.engine import compute

    cli = runner.invoke(app, ["compute", str(SAMPLE_DATA), "-p", "2025-03", "-f", "json"])
    run = prepare([str(SAMPLE_DATA)], RunOptions(period="2025-03"))
    library = compute_json(compute(run.loaded.tables, run.config, run.period, []), run.loaded, "vi")
    assert json.loads(cli.stdout)["targets"] == json.loads(json.dumps(library))["targets"]


PERSONAL = {"applicant_name", "applicant_phone", "applicant_address"}
WITH_APPLICANTS = [
    ["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận", "Chủ hồ sơ", "Số điện thoại", "Địa chỉ"],
    ["H001", "Khai sinh", "03/03/2025", "Nguyễn Văn An", "0905123456", "Phổ Ninh"],
    ["H002", "Khai tử", "04/03/2025", "Trần Thị Bình", "0905654321", "Phổ Thạnh"],
    ["H003", "Kết hôn", "05/03/2025", "Lê Văn Cường", "0905111222", "Phổ Ninh"],
]
# a unit that counts its dossiers by the applicant's commune, written in the address
BY_ADDRESS = """version: 1
targets:
  - id: pho_ninh
    name: "Hồ sơ của người dân Phổ Ninh"
    source: "thử"
    local: true
    local_reason: "thử"
    dataset: dossiers
    kind: ratio
    population: received
    numerator: {applicant_address: "Phổ Ninh"}
    denominator: {dossier_code: {present: true}}
    threshold: {op: ">=", value: 0.5}
    formula: "Hồ sơ có địa chỉ Phổ Ninh / hồ sơ tiếp nhận"
"""


def test_a_run_reads_only_the_personal_fields_its_targets_read_issue_12(tmp_path) -> None:
    from cchc_cli.targets.engine import compute

    path = write_xlsx(tmp_path / "a.xlsx", WITH_APPLICANTS)
    run = prepare([str(path)], RunOptions(period="2025-03"))
    table = run.loaded.tables["dossiers"]
    assert not PERSONAL & set(table.columns)
    assert table["dossier_code"].tolist() == ["H001", "H002", "H003"]

    targets = tmp_path / "targets.yaml"
    targets.write_text(BY_ADDRESS, encoding="utf-8")
    run = prepare([str(path)], RunOptions(targets=targets, period="2025-03"))
    assert PERSONAL & set(run.loaded.tables["dossiers"].columns) == {"applicant_address"}
    result = compute(run.loaded.tables, run.config, run.period, []).targets[0]
    assert (result.numerator, result.denominator) == (2, 3)

    everything = prepare([str(path)], RunOptions(period="2025-03", personal_data=True))
    assert set(everything.loaded.tables["dossiers"].columns) >= PERSONAL


def test_the_scorecard_s_fields_are_read_too_issue_12(tmp_path) -> None:
    from dataclasses import replace

    from cchc_cli.run import personal_kept
    from cchc_cli.targets.config import load_targets
    from cchc_cli.targets.scorecard import Indicator, load_scorecard

    targets = tmp_path / "targets.yaml"
    targets.write_text(BY_ADDRESS, encoding="utf-8")
    by_address = load_targets(targets).targets[0]
    shipped = load_targets(None)
    card = load_scorecard(groups=shipped.groups)
    assert personal_kept(shipped, RunOptions(scorecard=card)) == frozenset()
    card = replace(card, indicators=[*card.indicators, Indicator(by_address)])
    assert personal_kept(shipped, RunOptions(scorecard=card)) == {"applicant_address"}
    assert personal_kept(shipped, RunOptions(scorecard=card, personal_data=True)) is None
