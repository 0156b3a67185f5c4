"""The fast paths give the same numbers as the plain ones (issue #6): cache or not, one file or
split files, serial or parallel. No timings here: benchmarks/ measures speed."""

from __future__ import annotations

import json

from cchc_cli.cli import app
from cchc_cli.ingest import LoadOptions, load_inputs
from cchc_cli.ingest.cache import ReadCache
from cchc_cli.profiles import profile_set
from conftest import SAMPLE_DATA, write_xlsx
from test_compute_golden import FEB, HEADER, MAR


def _compute(runner, *args):
    result = runner.invoke(
        app, ["compute", *args, "--period", "2025-Q1", "--format", "json", "--by", "agency_name"]
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    for entry in document["inputs"]:
        entry.pop("path")
    return document


def test_same_numbers_with_and_without_cache(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CCHC_CACHE_DIR", str(tmp_path / "cache"))
    plain = _compute(runner, str(SAMPLE_DATA), "--no-cache")
    assert not (tmp_path / "cache").exists()  # --no-cache neither reads nor writes
    first = _compute(runner, str(SAMPLE_DATA))
    entries = list((tmp_path / "cache").iterdir())
    assert len(entries) == 14  # one per input file
    second = _compute(runner, str(SAMPLE_DATA))
    assert plain == first == second
    validate_plain = runner.invoke(
        app, ["validate", str(SAMPLE_DATA), "--format", "json", "--no-cache"]
    ).stdout
    validate_cached = runner.invoke(app, ["validate", str(SAMPLE_DATA), "--format", "json"]).stdout
    assert json.loads(validate_plain) == json.loads(validate_cached)


def test_damaged_or_stale_cache_entries_are_not_trusted(tmp_path) -> None:
    cache = ReadCache(tmp_path / "cache")
    path = write_xlsx(tmp_path / "a.xlsx", [HEADER, *MAR])
    fresh = load_inputs([str(path)], cache=cache)
    (entry,) = list((tmp_path / "cache").iterdir())
    (entry / "part-0.parquet").write_bytes(b"not parquet")
    again = load_inputs([str(path)], cache=cache)
    assert again.tables["dossiers"].equals(fresh.tables["dossiers"])
    (entry / "meta.json").write_text("{broken", encoding="utf-8")
    assert load_inputs([str(path)], cache=cache).tables["dossiers"].equals(fresh.tables["dossiers"])
    # other header names (a --columns file) are another entry, never the old one
    columns = tmp_path / "cot.yaml"
    columns.write_text("dossiers:\n  due_at: ['Ngày hẹn trả']\n", encoding="utf-8")
    options = LoadOptions(profiles=profile_set(columns=columns))
    load_inputs([str(path)], options, cache=cache)
    assert len(list((tmp_path / "cache").iterdir())) == 2


def test_same_file_under_another_name_takes_its_new_place(tmp_path) -> None:
    cache = ReadCache(tmp_path / "cache")
    first = write_xlsx(tmp_path / "thang-3.xlsx", [HEADER, *MAR])
    load_inputs([str(first)], cache=cache)
    copy = tmp_path / "copy.xlsx"
    copy.write_bytes(first.read_bytes())
    result = load_inputs([str(copy)], cache=cache)
    assert set(result.tables["dossiers"]["source_path"]) == {str(copy)}
    assert result.accounts[0].path == str(copy)


def test_one_file_or_split_files_give_the_same_numbers(runner, tmp_path) -> None:
    split = [
        str(write_xlsx(tmp_path / "2025-02.xlsx", [HEADER, *FEB])),
        str(write_xlsx(tmp_path / "2025-03.xlsx", [HEADER, *MAR])),
    ]
    whole = str(write_xlsx(tmp_path / "q1.xlsx", [HEADER, *FEB, *MAR]))
    a = _compute(runner, *split, "--no-cache")
    b = _compute(runner, whole, "--no-cache")
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
