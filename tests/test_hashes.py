"""readers/hashes.py: a file's cache key, possibly hashed in the background while the libraries
load (issue #12), is always the hash of the bytes the file holds when it is taken."""

from __future__ import annotations

import hashlib
import json
import os
import time

from cchc_cli.readers import hashes


def test_the_hash_is_the_sha256_of_the_bytes_issue12(tmp_path) -> None:
    path = tmp_path / "t3.xlsx"
    data = os.urandom(3 * 1024 * 1024 + 17)  # blocks and a tail
    path.write_bytes(data)
    assert hashes.file_sha256(path) == hashlib.sha256(data).hexdigest()
    key = hashes.file_key(path)
    assert key is not None
    assert key.sha256 == hashlib.sha256(data).hexdigest()
    assert key.stamp == (len(data), path.stat().st_mtime_ns)


def test_a_background_hash_of_a_file_changed_since_is_not_used_issue12(tmp_path) -> None:
    path = tmp_path / "t3.xlsx"
    path.write_bytes(b"first export")
    hashes.start_hashing([path])
    try:
        # wait for the background hash of the first bytes, then the system rewrites the file
        started = hashes._started[path].result(timeout=10)
        assert started is not None
        assert started.sha256 == hashlib.sha256(b"first export").hexdigest()
        path.write_bytes(b"second export, longer")
        key = hashes.file_key(path)
        assert key is not None
        assert key.sha256 == hashlib.sha256(b"second export, longer").hexdigest()
    finally:
        hashes.forget_hashing()


def test_a_background_hash_is_taken_once_and_forgotten_at_the_end_issue12(tmp_path) -> None:
    path = tmp_path / "t3.xlsx"
    path.write_bytes(b"export")
    hashes.start_hashing([path, path])
    assert list(hashes._started) == [path]
    assert hashes.file_key(path) == hashes.file_key(path)
    assert path not in hashes._started  # taken
    hashes.start_hashing([path])
    hashes.forget_hashing()
    assert hashes._started == {}


def test_a_missing_file_has_no_key_issue12(tmp_path) -> None:
    missing = tmp_path / "missing.xlsx"
    hashes.start_hashing([missing])
    try:
        assert hashes.file_key(missing) is None
    finally:
        hashes.forget_hashing()


def test_a_background_hash_that_fails_does_not_hang_the_run_issue12(tmp_path, monkeypatch) -> None:
    path = tmp_path / "t3.xlsx"
    path.write_bytes(b"export")
    real = hashes.file_sha256
    calls = []

    def fails_once(target):
        calls.append(target)
        if len(calls) == 1:
            raise MemoryError("the background thread ran out")
        return real(target)

    monkeypatch.setattr(hashes, "file_sha256", fails_once)
    hashes.start_hashing([path])
    try:
        key = hashes.file_key(path)  # would wait forever on an unanswered future
    finally:
        hashes.forget_hashing()
    assert key is not None
    assert key.sha256 == hashlib.sha256(b"export").hexdigest()


def _settled(path, seconds_ago: int = 60) -> None:
    """The file as an export saved a minute ago (not in the middle of being written)."""
    then = time.time() - seconds_ago
    os.utime(path, (then, then))


def _january(folder):
    """January's export, saved a minute ago."""
    path = folder / "2025-01.xlsx"
    path.write_bytes(b"january export")
    _settled(path)
    return path


def _counting(monkeypatch) -> list[str]:
    hashed: list[str] = []
    real = hashes.file_sha256

    def counted(path):
        hashed.append(path.name)
        return real(path)

    monkeypatch.setattr(hashes, "file_sha256", counted)
    return hashed


def test_an_unchanged_file_is_hashed_once_across_runs_issue12(tmp_path, monkeypatch) -> None:
    cache, path = tmp_path / "cache", _january(tmp_path)
    hashed = _counting(monkeypatch)
    first = hashes.file_key(path, cache)
    hashes.keep_hashes(cache)
    monkeypatch.setattr(hashes, "_known", {})  # the next run: read back from the folder
    again = hashes.file_key(path, cache)
    hashes.start_hashing([path], cache)  # in the background, as a command does
    try:
        background = hashes.file_key(path, cache)
    finally:
        hashes.forget_hashing()
    assert hashed == ["2025-01.xlsx"]
    assert first == again == background
    assert first is not None and first.sha256 == hashlib.sha256(b"january export").hexdigest()
    assert (cache / "hashes.json").exists()


def test_a_changed_file_is_hashed_again_even_with_its_size_and_time_issue12(
    tmp_path, monkeypatch
) -> None:
    cache, path = tmp_path / "cache", _january(tmp_path)
    hashed = _counting(monkeypatch)
    hashes.file_key(path, cache)
    hashes.keep_hashes(cache)
    path.write_bytes(b"january EXPORT")  # the same size, a new time
    _settled(path, 30)
    key = hashes.file_key(path, cache)
    assert key is not None and key.sha256 == hashlib.sha256(b"january EXPORT").hexdigest()
    # a file put back in place of another (same name, size and time): another file id
    other = tmp_path / "other.xlsx"
    other.write_bytes(b"january export")
    os.utime(other, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns))
    os.replace(other, path)
    key = hashes.file_key(path, cache)
    assert key is not None and key.sha256 == hashlib.sha256(b"january export").hexdigest()
    assert hashed == ["2025-01.xlsx"] * 3


def test_a_file_saved_moments_ago_is_hashed_every_time_issue12(tmp_path, monkeypatch) -> None:
    # saved twice within the file system's time resolution, a file keeps one time for two
    # contents: its hash is kept only once it has settled
    cache = tmp_path / "cache"
    path = tmp_path / "2025-01.xlsx"
    path.write_bytes(b"being written")
    hashed = _counting(monkeypatch)
    hashes.file_key(path, cache)
    hashes.keep_hashes(cache)
    hashes.file_key(path, cache)
    assert hashed == ["2025-01.xlsx"] * 2


def test_damaged_kept_hashes_are_ignored_issue12(tmp_path, monkeypatch) -> None:
    cache, path = tmp_path / "cache", _january(tmp_path)
    cache.mkdir()
    status = path.stat()
    identity = [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino]
    wrong_digest = json.dumps({os.path.abspath(path): [identity, "abc"]})
    for damaged in ("{not json", "[1, 2]", wrong_digest):
        (cache / "hashes.json").write_text(damaged, encoding="utf-8")
        monkeypatch.setattr(hashes, "_known", {})
        key = hashes.file_key(path, cache)
        assert key is not None and key.sha256 == hashlib.sha256(b"january export").hexdigest()


def test_the_kept_hashes_are_written_by_the_caller_and_only_when_learnt_issue12(
    tmp_path, monkeypatch
) -> None:
    cache, path = tmp_path / "cache", _january(tmp_path)
    hashes.start_hashing([path], cache)
    try:
        hashes.file_key(path, cache)
    finally:
        hashes.forget_hashing()
    assert not (cache / "hashes.json").exists()  # no thread of its own writes it
    hashes.keep_hashes(cache)
    written = (cache / "hashes.json").stat().st_mtime_ns
    assert [p.name for p in cache.iterdir()] == ["hashes.json"]  # no temporary file left
    monkeypatch.setattr(hashes, "_known", {})
    hashes.file_key(tmp_path / "absent.xlsx", cache)
    hashes.keep_hashes(cache)  # nothing learnt: not written again
    assert (cache / "hashes.json").stat().st_mtime_ns == written
