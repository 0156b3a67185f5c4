"""ingest/cache.py: the cache of parsed files (issue #6) gives the same numbers as reading
afresh, trusts no damaged or stale entry, follows a file to its new name, never hides an error
of a file named on its own, and keeps what an issue says as words to be rendered."""

from __future__ import annotations

from pathlib import Path

import cchc_cli
from cchc_cli.catalogue import did_you_mean, phrase
from cchc_cli.ingest.cache import CachedFile, ReadCache, source_files
from cchc_cli.issues import make_issue


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
