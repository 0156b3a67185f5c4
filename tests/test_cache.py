"""ingest/cache.py: the cache of parsed files (issue #6) gives the same numbers as reading
afresh, trusts no damaged or stale entry, follows a file to its new name, never hides an error
of a file named on its own, and keeps what an issue says as words to be rendered."""

from __future__ import annotations

import errno
import json
import os
import shutil
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

import cchc_cli
from cchc_cli.catalogue import did_you_mean, phrase
from cchc_cli.cli import app
from cchc_cli.ingest import LoadOptions, load_inputs
from cchc_cli.ingest.cache import MAX_RUNS, CachedFile, ReadCache, source_files
from cchc_cli.issues import make_issue
from cchc_cli.profiles import profile_set
from conftest import SAMPLE_DATA, quarter_by_agency, write_xlsx
from golden_rows import HEADER, MAR


def file_entries(folder: Path) -> list[Path]:
    """The cache's per-file entries (run entries live in `runs/`, the files' hashes in
    hashes.json)."""
    if not folder.exists():
        return []
    return [p for p in folder.iterdir() if p.name not in ("runs", "hashes.json")]


def run_entries(folder: Path) -> list[Path]:
    runs = folder / "runs"
    return [p for p in runs.iterdir() if not p.name.startswith(".")] if runs.exists() else []


def test_a_phrase_in_an_issue_survives_the_cache_in_either_language(tmp_path) -> None:
    reason = phrase("reason.unknown_field", hint=did_you_mean("due_att", ["due_at"]))
    issue = make_issue("file.unreadable", path="a.xlsx", params={"reason": reason, "n": 3})
    cache = ReadCache(tmp_path / "cache")
    cache.put("entry", CachedFile("xlsx", [issue], []))
    stored = cache.get("entry")
    assert stored is not None
    assert stored.file_format == "xlsx"
    (again,) = stored.issues
    assert again == issue
    assert again.message("en") == issue.message("en")
    assert "no such field. Did you mean 'due_at'?" in again.message("en")
    assert "không có trường này. Có phải 'due_at'?" in again.message("vi")


def test_the_cache_key_covers_the_whole_package_issue10() -> None:
    # the cache lives in a subpackage: its key must still change with any of cchc's code
    package = Path(cchc_cli.__file__).resolve().parent
    names = {path.relative_to(package).as_posix() for path in source_files()}
    assert "targets/engine.py" in names
    assert "schema/vocabularies.py" in names
    assert "profiles/data/base.yaml" in names
    assert "ingest/cache.py" in names


def test_same_numbers_with_and_without_cache(runner, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CCHC_CACHE_DIR", str(tmp_path / "cache"))
    plain = quarter_by_agency(runner, str(SAMPLE_DATA), "--no-cache")
    assert not (tmp_path / "cache").exists()  # --no-cache neither reads nor writes
    first = quarter_by_agency(runner, str(SAMPLE_DATA))
    assert len(file_entries(tmp_path / "cache")) == 14  # one per input file
    assert len(run_entries(tmp_path / "cache")) == 1  # and the run's joined tables
    second = quarter_by_agency(runner, str(SAMPLE_DATA))
    for entry in run_entries(tmp_path / "cache"):
        shutil.rmtree(entry)
    from_files = quarter_by_agency(runner, str(SAMPLE_DATA))  # per-file entries only
    assert plain == first == second == from_files
    validate_plain = runner.invoke(
        app, ["validate", str(SAMPLE_DATA), "--format", "json", "--no-cache"]
    ).stdout
    validate_cached = runner.invoke(app, ["validate", str(SAMPLE_DATA), "--format", "json"]).stdout
    assert json.loads(validate_plain) == json.loads(validate_cached)


def test_damaged_or_stale_cache_entries_are_not_trusted(tmp_path) -> None:
    cache = ReadCache(tmp_path / "cache")
    path = write_xlsx(tmp_path / "a.xlsx", [HEADER, *MAR])
    fresh = load_inputs([str(path)], cache=cache)
    (entry,) = file_entries(tmp_path / "cache")
    (entry / "part-0.parquet").write_bytes(b"not parquet")
    shutil.rmtree(tmp_path / "cache" / "runs")
    again = load_inputs([str(path)], cache=cache)
    assert again.tables["dossiers"].equals(fresh.tables["dossiers"])
    (entry / "meta.json").write_text("{broken", encoding="utf-8")
    shutil.rmtree(tmp_path / "cache" / "runs")
    assert load_inputs([str(path)], cache=cache).tables["dossiers"].equals(fresh.tables["dossiers"])
    # other header names (a --columns file) are another entry, never the old one
    columns = tmp_path / "cot.yaml"
    columns.write_text("dossiers:\n  due_at: ['Ngày hẹn trả']\n", encoding="utf-8")
    options = LoadOptions(profiles=profile_set(columns=columns))
    load_inputs([str(path)], options, cache=cache)
    assert len(file_entries(tmp_path / "cache")) == 2


def test_same_file_under_another_name_takes_its_new_place(tmp_path) -> None:
    cache = ReadCache(tmp_path / "cache")
    first = write_xlsx(tmp_path / "thang-3.xlsx", [HEADER, *MAR])
    load_inputs([str(first)], cache=cache)
    copy = tmp_path / "copy.xlsx"
    copy.write_bytes(first.read_bytes())
    result = load_inputs([str(copy)], cache=cache)
    assert set(result.tables["dossiers"]["source_path"]) == {str(copy)}
    assert result.accounts[0].path == str(copy)


def test_a_cached_folder_read_does_not_hide_a_named_files_error_issue6(tmp_path) -> None:
    folder = tmp_path / "dir"
    folder.mkdir()
    write_xlsx(folder / "readme.xlsx", [["Hướng dẫn"], ["Điền dữ liệu vào tệp khác"]])
    write_xlsx(
        folder / "kt.xlsx",
        [["Ngày kiểm tra", "Thực hiện qua môi trường số"], [datetime(2025, 3, 3), "x"]],
    )
    cache = ReadCache(tmp_path / "cache")
    assert load_inputs([str(folder)], cache=cache).failed_inputs == []
    named = load_inputs([str(folder / "readme.xlsx")], cache=cache)
    assert named.failed_inputs == [str(folder / "readme.xlsx")]


def test_a_file_rewritten_while_read_is_not_cached_under_the_old_hash_issue12(
    tmp_path, monkeypatch
) -> None:
    import cchc_cli.ingest.load as load

    path = write_xlsx(tmp_path / "t3.xlsx", [HEADER, *MAR[:2]])
    first_bytes = path.read_bytes()
    original = load.read_file

    def rewritten_meanwhile(source, stem):
        # the one-stop system finishes writing its export after cchc hashed it
        write_xlsx(path, [HEADER, *MAR])
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
        return original(source, stem)

    cache = ReadCache(tmp_path / "cache")
    monkeypatch.setattr(load, "read_file", rewritten_meanwhile)
    changed = load_inputs([str(path)], cache=cache)
    assert "file.changed_while_read" in [i.code for i in changed.issues]
    assert len(changed.tables["dossiers"]) == len(MAR)  # the figures of what was parsed
    assert not file_entries(tmp_path / "cache")
    assert not run_entries(tmp_path / "cache")
    monkeypatch.setattr(load, "read_file", original)
    # the first version again: read as itself, never served the later version's table
    path.write_bytes(first_bytes)
    again = load_inputs([str(path)], cache=cache)
    assert len(again.tables["dossiers"]) == 2
    assert "file.changed_while_read" not in [i.code for i in again.issues]


def assert_same_table(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    """Equal values and dtypes; categories compared as values (a Parquet entry gives them back
    as `str`, a fresh read as `object`)."""

    def plain(table: pd.DataFrame) -> pd.DataFrame:
        table = table.copy()
        for name, dtype in table.dtypes.items():
            if isinstance(dtype, pd.CategoricalDtype):
                table[name] = table[name].cat.set_categories(list(dtype.categories))
        return table

    pd.testing.assert_frame_equal(plain(got), plain(expected))


def _without_headers(accounts: list) -> list:
    return [replace(a, header=None) for a in accounts]


def test_a_run_entry_gives_the_tables_of_a_fresh_read_issue12(tmp_path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    # March twice: the second export's rows are duplicates that D5 resolves
    write_xlsx(folder / "t3.xlsx", [HEADER, *MAR])
    write_xlsx(folder / "t3-lai.xlsx", [HEADER, *MAR[:3]])
    cache = ReadCache(tmp_path / "cache")
    fresh = load_inputs([str(folder)])
    first = load_inputs([str(folder)], cache=cache)
    assert len(run_entries(tmp_path / "cache")) == 1
    second = load_inputs([str(folder)], cache=cache)
    for got in (first, second):
        assert_same_table(got.tables["dossiers"], fresh.tables["dossiers"])
        assert _without_headers(got.accounts) == _without_headers(fresh.accounts)
        assert got.issues == fresh.issues
        assert got.duplicates == fresh.duplicates == 3
        assert got.failed_inputs == fresh.failed_inputs == []


def test_a_damaged_run_entry_is_not_trusted_issue12(tmp_path) -> None:
    path = write_xlsx(tmp_path / "t3.xlsx", [HEADER, *MAR])
    cache = ReadCache(tmp_path / "cache")
    fresh = load_inputs([str(path)], cache=cache)
    (entry,) = run_entries(tmp_path / "cache")
    (entry / "dossiers.arrow").write_bytes(b"not arrow")
    again = load_inputs([str(path)], cache=cache)
    assert_same_table(again.tables["dossiers"], fresh.tables["dossiers"])
    # bytes damaged inside the data (same size, valid structure): the checksum tells
    stored = bytearray((entry / "dossiers.arrow").read_bytes())
    middle = len(stored) // 2
    stored[middle : middle + 64] = bytes(64)
    (entry / "dossiers.arrow").write_bytes(bytes(stored))
    assert cache.get_run(entry.name) is None
    again = load_inputs([str(path)], cache=cache)
    assert_same_table(again.tables["dossiers"], fresh.tables["dossiers"])
    meta = json.loads((entry / "meta.json").read_text(encoding="utf-8"))
    meta["tables"]["dossiers"] += 1  # a truncated table
    (entry / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert len(load_inputs([str(path)], cache=cache).tables["dossiers"]) == len(MAR)


def test_run_entries_follow_the_names_and_order_of_the_inputs_issue12(tmp_path) -> None:
    march = write_xlsx(tmp_path / "t3.xlsx", [HEADER, *MAR])
    again = write_xlsx(tmp_path / "t3-lai.xlsx", [HEADER, *MAR[:3]])
    cache = ReadCache(tmp_path / "cache")
    forward = load_inputs([str(march), str(again)], cache=cache)
    backward = load_inputs([str(again), str(march)], cache=cache)
    assert len(run_entries(tmp_path / "cache")) == 2
    # D5: on a tie the later file wins, so the order decides which rows are kept
    assert forward.issues != backward.issues
    fresh_backward = load_inputs([str(again), str(march)])
    assert_same_table(backward.tables["dossiers"], fresh_backward.tables["dossiers"])
    renamed = tmp_path / "thang-3.xlsx"
    renamed.write_bytes(march.read_bytes())
    moved = load_inputs([str(renamed), str(again)], cache=cache)
    assert set(moved.tables["dossiers"]["source_path"]) == {str(renamed), str(again)}


def test_only_the_most_recent_run_entries_are_kept_issue12(tmp_path) -> None:
    cache = ReadCache(tmp_path / "cache")
    paths = [write_xlsx(tmp_path / f"t3-{n}.xlsx", [HEADER, *MAR[: n + 1]]) for n in range(5)]
    for path in paths:
        load_inputs([str(path)], cache=cache)
    assert len(run_entries(tmp_path / "cache")) == MAX_RUNS
    assert len(file_entries(tmp_path / "cache")) == 5  # file entries are all kept
    # the oldest went first: the newest is still served
    newest = load_inputs([str(paths[-1])], cache=cache)
    assert len(newest.tables["dossiers"]) == len(MAR[:5])


def test_no_run_entry_when_a_file_is_not_cacheable_issue12(tmp_path) -> None:
    folder = tmp_path / "dir"
    folder.mkdir()
    write_xlsx(folder / "readme.xlsx", [["Hướng dẫn"], ["Điền dữ liệu vào tệp khác"]])
    write_xlsx(folder / "t3.xlsx", [HEADER, *MAR])
    cache = ReadCache(tmp_path / "cache")
    load_inputs([str(folder)], cache=cache)
    # a file without data is not cached: whether it is an error depends on how it is named
    assert run_entries(tmp_path / "cache") == []


def test_a_table_from_a_run_entry_can_be_written_into_issue12(tmp_path) -> None:
    path = write_xlsx(tmp_path / "t3.xlsx", [HEADER, *MAR])
    cache = ReadCache(tmp_path / "cache")
    load_inputs([str(path)], cache=cache)
    table = load_inputs([str(path)], cache=cache).tables["dossiers"]  # memory-mapped entry
    status = table["status"].dropna().iloc[0]
    table.loc[[0, 1], "status"] = status  # a library user's edit
    assert table["status"].iloc[1] == status


def test_writes_killed_midway_are_cleaned_up_later_issue12(tmp_path) -> None:
    cache = ReadCache(tmp_path / "cache")
    runs = tmp_path / "cache" / "runs"
    runs.mkdir(parents=True)
    abandoned = runs / ".tmp-k1lled_x"  # as tempfile.mkdtemp names them
    abandoned.mkdir()
    (abandoned / "dossiers.arrow").write_bytes(b"half a year")
    os.utime(abandoned, (0, 0))  # long ago
    in_progress = runs / ".tmp-wr1ting_"  # another run's write, just started
    in_progress.mkdir()
    not_ours = runs / ".tmp-mine"  # a folder of the officer's, old but not named by tempfile
    not_ours.mkdir()
    os.utime(not_ours, (0, 0))
    load_inputs([str(write_xlsx(tmp_path / "t3.xlsx", [HEADER, *MAR]))], cache=cache)
    assert not abandoned.exists()
    assert in_progress.exists()
    assert not_ours.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="HOME decides the folder on POSIX only")
def test_without_a_home_the_run_goes_on_without_cache_and_writes_nothing_issue13(
    runner, tmp_path, monkeypatch
) -> None:
    from cchc_cli.cache_folder import default_cache_dir

    monkeypatch.delenv("CCHC_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", "")  # a service account: the cache went to ./.cache or /.cache
    monkeypatch.chdir(tmp_path)
    assert default_cache_dir() is None
    done = runner.invoke(app, ["compute", str(SAMPLE_DATA), "--period", "2025-03"])
    assert done.exit_code == 0, done.output
    assert "CCHC_CACHE_DIR" in done.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written where the job happened to run
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "cchc"


def _compute_json(runner, *extra: str) -> dict:
    done = runner.invoke(
        app, ["compute", str(SAMPLE_DATA), "--period", "2025-Q1", "--format", "json", *extra]
    )
    assert done.exit_code in (0, 1), done.output
    result = json.loads(done.stdout)
    return {"targets": result["targets"], "issues": result["issues_summary"]}


def test_a_cache_folder_that_cannot_be_written_costs_one_warning_issue13(
    runner, tmp_path, monkeypatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("CCHC_CACHE_DIR", str(blocker / "cache"))  # under a file: never a folder
    done = runner.invoke(
        app, ["compute", str(SAMPLE_DATA), "--period", "2025-Q1", "--format", "json"]
    )
    assert done.exit_code in (0, 1), done.output
    assert done.stderr.count("CCHC_CACHE_DIR") == 1  # one warning for the whole run
    assert "Không ghi được bộ nhớ đệm" in done.stderr
    assert blocker.read_text(encoding="utf-8") == "x"
    fresh = _compute_json(runner, "--no-cache")
    got = json.loads(done.stdout)
    assert {"targets": got["targets"], "issues": got["issues_summary"]} == fresh


def test_a_full_disk_while_the_cache_is_written_costs_one_warning_issue13(
    runner, tmp_path, monkeypatch
) -> None:
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setenv("CCHC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(pd.DataFrame, "to_parquet", full)
    done = runner.invoke(
        app,
        ["compute", str(SAMPLE_DATA), "--period", "2025-Q1", "--format", "json", "--lang", "en"],
    )
    assert done.exit_code in (0, 1), done.output
    assert done.stderr.count("Could not write the cache") == 1
    assert "no space left on the disk" in done.stderr  # the system's reason, in words
    assert not list((tmp_path / "cache").glob(".tmp-*"))  # nothing half-written left


def test_runs_sharing_one_cache_at_once_give_the_fresh_figures_issue13(runner, tmp_path) -> None:
    import subprocess

    env = dict(os.environ, CCHC_CACHE_DIR=str(tmp_path / "cache"))
    command = [sys.executable, "-m", "cchc_cli", "compute", str(SAMPLE_DATA), "--period"]
    command += ["2025-Q1", "--format", "json"]
    for _ in range(2):  # the first pair writes the entries at once, the second reads them
        runs = [
            subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
            for _ in range(3)
        ]
        outputs = [run.communicate(timeout=120) for run in runs]
        fresh = _compute_json(runner, "--no-cache")
        for run, (stdout, stderr) in zip(runs, outputs, strict=True):
            assert run.returncode in (0, 1), stderr.decode()
            assert "Không ghi được bộ nhớ đệm" not in stderr.decode()  # nothing to check
            got = json.loads(stdout)
            assert {"targets": got["targets"], "issues": got["issues_summary"]} == fresh
    assert not list((tmp_path / "cache").rglob(".tmp-*"))


def test_an_entry_another_run_put_first_is_not_a_failure_to_write_issue12(
    runner, tmp_path, monkeypatch
) -> None:
    import cchc_cli.ingest.cache as cache_module

    real_replace = os.replace

    def raced(source, target):
        # another run over the same files moves the same entry into place first
        if Path(source).name.startswith(".tmp-") and not Path(target).exists():
            shutil.copytree(source, target)
            raise OSError(errno.ENOTEMPTY, "Directory not empty")
        return real_replace(source, target)

    monkeypatch.setenv("CCHC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache_module.os, "replace", raced)
    first = runner.invoke(app, ["compute", str(SAMPLE_DATA), "--format", "json", "--lang", "en"])
    assert first.exit_code in (0, 1), first.output
    assert "Could not write the cache" not in first.stderr
    assert file_entries(tmp_path / "cache") and run_entries(tmp_path / "cache")
    assert not list((tmp_path / "cache").rglob(".tmp-*"))  # ours went
    monkeypatch.setattr(cache_module.os, "replace", real_replace)
    again = runner.invoke(app, ["compute", str(SAMPLE_DATA), "--format", "json", "--lang", "en"])
    assert json.loads(again.stdout)["targets"] == json.loads(first.stdout)["targets"]


def _cache_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def test_the_cache_keeps_within_its_size_least_recently_used_out_issue14(
    tmp_path, monkeypatch
) -> None:
    from cchc_cli.ingest import cache as cache_module

    folder = tmp_path / "cache"
    cache = ReadCache(folder)
    first = write_xlsx(tmp_path / "thang-1.xlsx", [HEADER, *MAR])
    load_inputs([str(first)], cache=cache)  # one file entry and one run entry
    one_file = _cache_size(folder)
    monkeypatch.setattr(cache_module, "max_cache_bytes", lambda: int(one_file * 2.5))
    others = []
    for month in (2, 3, 4):
        other = write_xlsx(tmp_path / f"thang-{month}.xlsx", [HEADER, *MAR[: month + 1]])
        others.append(other)
        load_inputs([str(other)], cache=cache)
    assert _cache_size(folder) <= one_file * 2.5 + one_file  # the limit, and the entry just made
    kept = file_entries(folder) + run_entries(folder)
    assert len(kept) < 8  # older entries went
    # the most recent file is served from the cache; an evicted one is read again, the same
    for path in (others[-1], first):
        cached = load_inputs([str(path)], cache=cache).tables["dossiers"]
        assert_same_table(cached, load_inputs([str(path)]).tables["dossiers"])


def test_the_cache_size_comes_from_the_environment_issue14(monkeypatch) -> None:
    from cchc_cli.ingest.cache import DEFAULT_MAX_MB, max_cache_bytes

    monkeypatch.setenv("CCHC_CACHE_MAX_MB", "300")
    assert max_cache_bytes() == 300 * 1024 * 1024
    monkeypatch.setenv("CCHC_CACHE_MAX_MB", "hai")
    assert max_cache_bytes() == DEFAULT_MAX_MB * 1024 * 1024


@pytest.mark.parametrize("value", ["500MB", "0", "-5", "hai"])
def test_a_cache_size_that_is_not_a_number_of_mb_is_said_once_issue14(
    runner, tmp_path, monkeypatch, value
) -> None:
    from cchc_cli.cli import app

    monkeypatch.setenv("CCHC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("CCHC_CACHE_MAX_MB", value)
    done = runner.invoke(app, ["compute", str(SAMPLE_DATA), "-q"])
    assert done.stderr.count(f"CCHC_CACHE_MAX_MB='{value}'") == 1
    monkeypatch.setenv("CCHC_CACHE_MAX_MB", "500")
    assert "CCHC_CACHE_MAX_MB" not in runner.invoke(app, ["compute", str(SAMPLE_DATA), "-q"]).stderr


def test_trimming_the_cache_never_touches_the_users_own_folders_issue13(
    tmp_path, monkeypatch
) -> None:
    from cchc_cli.ingest import cache as cache_module

    folder = tmp_path / "thu-muc-cua-toi"  # CCHC_CACHE_DIR set to a folder the officer uses
    mine = folder / "Bao cao 2024"
    mine.mkdir(parents=True)
    (mine / "bao-cao.xlsx").write_bytes(b"x" * 10_000)
    monkeypatch.setattr(cache_module, "max_cache_bytes", lambda: 1)  # everything must go
    cache = ReadCache(folder)
    load_inputs([str(write_xlsx(tmp_path / "t3.xlsx", [HEADER, *MAR]))], cache=cache)
    assert (mine / "bao-cao.xlsx").read_bytes() == b"x" * 10_000


def test_a_lowered_cache_limit_applies_on_a_cached_run_too_issue14(tmp_path, monkeypatch) -> None:
    from cchc_cli.ingest import cache as cache_module

    folder = tmp_path / "cache"
    cache = ReadCache(folder)
    files = [write_xlsx(tmp_path / f"t{n}.xlsx", [HEADER, *MAR[: n + 2]]) for n in range(3)]
    for path in files:
        load_inputs([str(path)], cache=cache)
    before = len(file_entries(folder)) + len(run_entries(folder))
    monkeypatch.setattr(cache_module, "max_cache_bytes", lambda: 1)
    load_inputs([str(files[-1])], cache=cache)  # found in the cache: nothing new is written
    after = file_entries(folder) + run_entries(folder)
    assert len(after) < before


def test_a_cached_run_keeps_the_dossiers_facts_and_does_not_work_them_out_again_issue12(
    tmp_path, monkeypatch
) -> None:
    from cchc_cli.run import RunOptions, prepare
    from cchc_cli.targets import coverage
    from cchc_cli.targets.per_table import tables_unchanged

    folder = tmp_path / "exports"
    folder.mkdir()
    write_xlsx(folder / "t3.xlsx", [HEADER, *MAR])
    cache = ReadCache(tmp_path / "cache")
    options = RunOptions(period="2025-03", cache=cache)
    with tables_unchanged():
        first = prepare([str(folder)], options)
    (entry,) = run_entries(tmp_path / "cache")
    kept = json.loads((entry / "facts.json").read_text(encoding="utf-8"))["facts"]["dossiers"]
    assert kept["months"] == ["2025-03"] and kept["has_ended"] is True

    # the second run takes them as kept: working them out again would fail here
    def worked_out(*args: object) -> None:
        raise AssertionError("facts worked out again")

    monkeypatch.setattr(coverage, "_by_file", worked_out)
    monkeypatch.setattr(coverage, "end_dates", worked_out)
    with tables_unchanged():
        second = prepare([str(folder)], options)
        assert coverage.dossier_months(second.loaded.tables["dossiers"]) == {"2025-03"}
    assert (second.period, second.coverage) == (first.period, first.coverage)
    assert kept["snapshot"] == coverage.snapshot_date(first.loaded.tables["dossiers"]).isoformat()


def test_damaged_facts_are_worked_out_again_issue12(tmp_path) -> None:
    from cchc_cli.run import RunOptions, prepare

    path = write_xlsx(tmp_path / "t3.xlsx", [HEADER, *MAR])
    cache = ReadCache(tmp_path / "cache")
    options = RunOptions(period="2025-03", cache=cache)
    first = prepare([str(path)], options)
    (entry,) = run_entries(tmp_path / "cache")
    wrong_shape = {"format": _run_format(), "facts": {"dossiers": {"months": 3}}}
    for damage in ('{"format": 0, "facts": {}}', "{not json", json.dumps(wrong_shape)):
        (entry / "facts.json").write_text(damage, encoding="utf-8")
        again = prepare([str(path)], options)
        assert (again.period, again.coverage) == (first.period, first.coverage)


def _run_format() -> object:
    from cchc_cli.ingest.cache import RUN_FORMAT

    return RUN_FORMAT


def test_a_run_entry_keeps_the_personal_fields_it_was_read_with_issue12(tmp_path) -> None:
    named = [[*row, f"Người {n}", f"09051234{n:02d}"] for n, row in enumerate(MAR)]
    path = write_xlsx(tmp_path / "t3.xlsx", [[*HEADER, "Chủ hồ sơ", "Số điện thoại"], *named])
    cache = ReadCache(tmp_path / "cache")
    personal = {"applicant_name", "applicant_phone"}
    fresh = load_inputs([str(path)]).tables["dossiers"]
    none, phone = LoadOptions(personal=frozenset()), LoadOptions(personal={"applicant_phone"})
    for _ in range(2):  # read, then from the run entry
        without = load_inputs([str(path)], none, cache=cache).tables["dossiers"]
        assert not personal & set(without.columns)
        assert_same_table(without, fresh.drop(columns=sorted(personal)))
    assert len(run_entries(tmp_path / "cache")) == 1
    # the file's entry holds them all: another run keeping more takes them from it
    assert len(file_entries(tmp_path / "cache")) == 1
    for options in (phone, LoadOptions()):
        table = load_inputs([str(path)], options, cache=cache).tables["dossiers"]
        assert len(file_entries(tmp_path / "cache")) == 1
        kept = personal & set(table.columns)
        assert kept == (options.personal if options.personal is not None else personal)
        assert_same_table(table, fresh[table.columns])
    assert len(run_entries(tmp_path / "cache")) == 3
