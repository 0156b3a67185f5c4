"""ingest/cache.py: the cache of parsed files (issue #6) gives the same numbers as reading
afresh, trusts no damaged or stale entry, follows a file to its new name, never hides an error
of a file named on its own, and keeps what an issue says as words to be rendered."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import cchc_cli
from cchc_cli.catalogue import did_you_mean, phrase
from cchc_cli.cli import app
from cchc_cli.ingest import LoadOptions, load_inputs
from cchc_cli.ingest.cache import CachedFile, ReadCache, source_files
from cchc_cli.issues import make_issue
from cchc_cli.profiles import profile_set
from conftest import SAMPLE_DATA, quarter_by_agency, write_xlsx
from golden_rows import HEADER, MAR


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
    entries = list((tmp_path / "cache").iterdir())
    assert len(entries) == 14  # one per input file
    second = quarter_by_agency(runner, str(SAMPLE_DATA))
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
    assert not (tmp_path / "cache").exists() or not list((tmp_path / "cache").iterdir())
    monkeypatch.setattr(load, "read_file", original)
    # the first version again: read as itself, never served the later version's table
    path.write_bytes(first_bytes)
    again = load_inputs([str(path)], cache=cache)
    assert len(again.tables["dossiers"]) == 2
    assert "file.changed_while_read" not in [i.code for i in again.issues]
