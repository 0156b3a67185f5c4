"""ingest/load.py: the same numbers whichever way the inputs are read (issue #6): one file or
split files, serial or parallel reads; progress reported per file, silent in a batch. No timings
here: benchmarks/ measures speed."""

from __future__ import annotations

import json

import pytest

from cchc_cli.cli import app
from cchc_cli.ingest import load_inputs
from conftest import SAMPLE_DATA, quarter_by_agency, write_xlsx
from golden_rows import FEB, HEADER, MAR


def test_one_file_or_split_files_give_the_same_numbers(runner, tmp_path) -> None:
    split = [
        str(write_xlsx(tmp_path / "2025-02.xlsx", [HEADER, *FEB])),
        str(write_xlsx(tmp_path / "2025-03.xlsx", [HEADER, *MAR])),
    ]
    whole = str(write_xlsx(tmp_path / "q1.xlsx", [HEADER, *FEB, *MAR]))
    a = quarter_by_agency(runner, *split, "--no-cache")
    b = quarter_by_agency(runner, whole, "--no-cache")
    assert a["targets"] == b["targets"]
    assert a["issues_summary"] == b["issues_summary"]


def test_serial_and_parallel_reads_are_the_same(tmp_path) -> None:
    serial = load_inputs([str(SAMPLE_DATA)], workers=1)
    parallel = load_inputs([str(SAMPLE_DATA)], workers=4)
    for name, table in serial.tables.items():
        assert table.equals(parallel.tables[name]), name
    assert [a.path for a in serial.accounts] == [a.path for a in parallel.accounts]
    assert serial.issues == parallel.issues


def test_progress_is_reported_per_file_and_silent_in_batch(runner, tmp_path) -> None:
    calls = []
    load_inputs([str(SAMPLE_DATA)], progress=lambda path, done, total: calls.append((done, total)))
    assert calls[-1] == (14, 14) and len(calls) == 14
    # not a terminal (a scheduled job, a pipe): nothing but the JSON on stdout, no bar on stderr
    result = runner.invoke(app, ["compute", str(SAMPLE_DATA), "--format", "json"])
    json.loads(result.stdout)
    assert "Đọc tệp" not in result.stderr


def test_a_load_is_usable_within_the_rejected_share_and_valid_without_any(tmp_path) -> None:
    header = ["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận"]
    rows = [[f"H{i}", "Khai sinh", "03/03/2025"] for i in range(4)]
    path = write_xlsx(tmp_path / "a.xlsx", [header, *rows, ["H9", "Khai sinh", "31/02/2025"]])
    loaded = load_inputs([str(path)])
    assert loaded.rejected_rate == pytest.approx(0.2)
    assert loaded.usable(0.2) and not loaded.usable(0.19)
    assert not loaded.valid  # `validate` wants no rejected row at all
    nothing = load_inputs([str(tmp_path / "missing.xlsx")])
    assert not nothing.usable(1.0) and not nothing.valid
