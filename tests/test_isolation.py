"""readers/isolation.py: workbooks read in a reader process, watched for memory (issue 13)."""

from __future__ import annotations

import sys
import threading
import time

import pytest

from cchc_cli.readers import isolation
from cchc_cli.readers.isolation import ReaderDied, ReaderOverBudget, read_isolated
from conftest import write_xlsx

BIG = 1 << 40  # a budget no file reaches


def test_sheets_come_back_from_the_reader_process_as_tables_issue13(tmp_path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [["Mã hồ sơ"], ["007"]], extra_sheets={"Hai": [["b"]]})
    frames = read_isolated(str(path), BIG)
    assert [(f.kind, f.sheet) for f in frames] == [
        ("table", "Sheet1"),
        ("table", "Hai"),
        ("done", None),
    ]
    assert frames[0].table.column(0).to_pylist() == ["Mã hồ sơ", "007"]
    # the same from the file's bytes (a name the Rust reader cannot open)
    from_bytes = read_isolated(path.read_bytes(), BIG)
    assert [f.table for f in from_bytes if f.table] == [f.table for f in frames if f.table]


def test_a_reader_process_is_kept_for_the_next_file_issue13(tmp_path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [["a"]])
    read_isolated(str(path), BIG)
    first = set(isolation._idle)
    read_isolated(str(path), BIG)
    assert first and first == set(isolation._idle)  # no new process for the second file


def test_a_reader_past_its_memory_budget_is_stopped_issue13(tmp_path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [["a"]] * 200)
    started = time.monotonic()
    with pytest.raises(ReaderOverBudget) as stopped:
        read_isolated(str(path), 1024 * 1024)  # 1 MB: an interpreter alone takes more
    assert stopped.value.used > stopped.value.budget == 1024 * 1024
    assert time.monotonic() - started < 10
    # the next file gets a healthy reader
    assert [f.kind for f in read_isolated(str(path), BIG)] == ["table", "done"]


def test_the_file_reader_memory_limit_is_a_file_over_limit_issue13(tmp_path, monkeypatch) -> None:
    from cchc_cli.ingest import load_inputs

    path = write_xlsx(tmp_path / "a.xlsx", [["Mã hồ sơ"], ["H1"]])
    monkeypatch.setenv("CCHC_MAX_READER_MB", "1")
    loaded = load_inputs([str(path)])
    assert [i.code for i in loaded.issues] == ["file.over_limit"]
    said = loaded.issues[0].message("en")
    assert "CCHC_MAX_READER_MB" in said and "over the 1 MB" in said


def test_stopping_the_readers_ends_a_file_under_way_issue13() -> None:
    # a reader kept busy for as long as needed: it waits for bytes that never come
    reader = isolation._Reader()
    with isolation._lock:
        isolation._busy.add(reader)
    assert reader.process.stdin is not None
    reader.process.stdin.write(b'{"size": 100}\n' + b"PK" * 5)
    reader.process.stdin.flush()
    outcome: list[object] = []

    def wait_for_answer() -> None:
        try:
            outcome.append(reader._header())
        except ReaderDied as exc:
            outcome.append(exc)

    waiting = threading.Thread(target=wait_for_answer)
    waiting.start()
    time.sleep(0.2)
    assert waiting.is_alive()  # still waiting for the reader
    isolation.stop_readers()
    waiting.join(timeout=10)
    assert not waiting.is_alive()
    assert isinstance(outcome[0], ReaderDied)
    assert reader.process.poll() is not None
    with isolation._lock:
        isolation._busy.discard(reader)


def test_a_stopped_run_stops_its_readers_issue13(monkeypatch, tmp_path) -> None:
    from cchc_cli import __main__

    path = write_xlsx(tmp_path / "a.xlsx", [["a"]])
    read_isolated(str(path), BIG)
    idle = list(isolation._idle)
    exits: list[int] = []
    monkeypatch.setattr(__main__.os, "_exit", exits.append)
    __main__._exit_now(143)
    assert exits == [143]
    assert idle and all(r.process.wait(timeout=5) is not None for r in idle)
    assert not isolation._idle


@pytest.mark.skipif(sys.platform == "win32", reason="the POSIX parent check")
def test_a_reader_ends_when_its_run_is_killed_outright_issue13() -> None:
    import contextlib
    import subprocess

    import psutil

    # A run starts a reader and keeps it busy: waiting for bytes a process holding the pipe
    # open never sends, so no end of input tells the reader anything. Then the run dies.
    program = "\n".join(
        [
            "import os, subprocess",
            "from cchc_cli.readers import isolation",
            "reader = isolation._Reader()",
            "reader.process.stdin.write(b'{\"size\": 100}\\n')",
            "reader.process.stdin.flush()",
            "fd = reader.process.stdin.fileno()",
            "quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)",
            "holder = subprocess.Popen(['sleep', '30'], pass_fds=(fd,), **quiet)",
            "print(reader.process.pid, holder.pid, flush=True)",
            "os._exit(9)",
        ]
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    pid, holder = (int(n) for n in done.stdout.split())
    deadline = time.monotonic() + 10
    gone = False
    while not gone and time.monotonic() < deadline:
        try:
            gone = psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
        except psutil.Error:
            gone = True
        time.sleep(0.1)
    with contextlib.suppress(psutil.Error):
        psutil.Process(holder).kill()
    with contextlib.suppress(psutil.Error):
        psutil.Process(pid).kill()
    assert gone, "the orphaned reader went on"
