"""readers/hashes.py: a file's cache key, possibly hashed in the background while the libraries
load (issue #12), is always the hash of the bytes the file holds when it is taken."""

from __future__ import annotations

import hashlib
import os

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
