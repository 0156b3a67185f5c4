"""output.py: results are written atomically, and only ever to a regular file (issue #13): a
device, a pipe or a link to one is refused before anything is read, and left as it was."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from cchc_cli.cli import app
from cchc_cli.errors import OutputError, UsageError
from cchc_cli.output import check_output, check_writable, write_atomic
from conftest import SAMPLE_DATA

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


def test_a_new_or_regular_output_file_is_written_whole(tmp_path) -> None:
    target = tmp_path / "sub" / "kq.json"
    check_output(target)  # nothing there yet
    write_atomic(target, b"first")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["kq.json"]  # no temp file left


@needs_fifo
def test_a_pipe_or_a_link_to_one_is_never_replaced_issue13(tmp_path) -> None:
    fifo = tmp_path / "kq.json"
    os.mkfifo(fifo)
    link = tmp_path / "link.json"
    link.symlink_to(fifo)
    for path in (fifo, link):
        with pytest.raises(UsageError) as refused:
            write_atomic(path, b"data")
        assert refused.value.code == "output.not_a_file"
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kq.json", "link.json"]


@needs_fifo
def test_compute_refuses_a_pipe_as_output_before_reading_issue13(runner, tmp_path) -> None:
    fifo = tmp_path / "kq.csv"
    os.mkfifo(fifo)
    done = runner.invoke(
        app, ["compute", str(SAMPLE_DATA), "--format", "csv", "-o", str(fifo), "--no-cache"]
    )
    assert done.exit_code == 2
    assert "output.not_a_file" in done.output
    assert "Traceback" not in done.output
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_an_output_through_a_link_loop_is_a_usage_error_issue13(tmp_path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    for path in (loop, loop / "kq.csv"):
        with pytest.raises(UsageError) as refused:
            write_atomic(path, b"data")
        assert refused.value.code in ("output.not_a_file", "output.unwritable")


def test_two_runs_writing_one_output_at_once_leave_one_whole_file_issue13(tmp_path) -> None:
    import subprocess
    import sys
    import zipfile

    out = tmp_path / "bao-cao.xlsx"
    command = [sys.executable, "-m", "cchc_cli", "report", str(SAMPLE_DATA), "-o", str(out)]
    command += ["--period", "2025-Q1"]
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)
    ]
    for run in runs:
        _, stderr = run.communicate(timeout=180)
        assert run.returncode in (0, 1), stderr.decode()
    with zipfile.ZipFile(out) as book:  # one complete workbook, whichever run wrote it last
        assert book.testzip() is None
        assert "xl/workbook.xml" in book.namelist()
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.xlsx"]  # no temporary file left


@pytest.mark.parametrize("lock", ["~$bao-cao.xlsx", "~$o-cao.xlsx", ".~lock.bao-cao.xlsx#"])
def test_a_report_open_in_excel_is_said_before_anything_is_read_issue14(
    runner, tmp_path, monkeypatch, lock
) -> None:
    import cchc_cli.run

    out = tmp_path / "bao-cao.xlsx"
    out.write_bytes(b"old report")
    (tmp_path / lock).write_bytes(b"")  # what Excel or LibreOffice keeps beside an open file

    def never(*args, **kwargs):
        raise AssertionError("inputs read before the output was checked")

    monkeypatch.setattr(cchc_cli.run, "load_files", never)
    done = runner.invoke(app, ["report", str(SAMPLE_DATA), "-o", str(out), "--lang", "en"])
    assert done.exit_code == 3
    assert "output.open_elsewhere" in done.stderr and "close it and run again" in done.stderr
    assert lock in done.stderr  # the lock file to delete when Excel left it behind
    assert out.read_bytes() == b"old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["bao-cao.xlsx", lock])


def test_a_file_windows_holds_open_is_said_to_be_open_issue14(tmp_path, monkeypatch) -> None:
    from pathlib import Path

    from cchc_cli.errors import OutputError
    from cchc_cli.output import check_writable

    out = tmp_path / "kq.xlsx"
    out.write_bytes(b"old")
    real_open = Path.open

    def sharing_violation(self, mode="r", *args, **kwargs):
        if self == out.resolve() and "a" in mode:
            error = PermissionError(13, "The process cannot access the file")
            error.winerror = 32  # ERROR_SHARING_VIOLATION: Excel has it open
            raise error
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", sharing_violation)
    with pytest.raises(OutputError) as held:
        check_writable(out)
    assert held.value.code == "output.open_elsewhere"
    assert held.value.exit_code == 3


def test_a_read_only_old_report_does_not_make_the_new_one_read_only_issue14(tmp_path) -> None:
    out = tmp_path / "kq.json"
    out.write_bytes(b"old")
    out.chmod(0o444)
    write_atomic(out, b"new")
    assert out.read_bytes() == b"new"
    assert out.stat().st_mode & stat.S_IWUSR  # the next run can replace it (Windows too)


def test_checking_an_output_makes_no_folder_issue14(tmp_path) -> None:
    from cchc_cli.output import check_writable

    target = tmp_path / "moi" / "thang-3" / "kq.xlsx"
    check_writable(target)  # the folders do not exist yet: fine, and still not made
    assert not (tmp_path / "moi").exists()
    write_atomic(target, b"data")  # made when the result is written
    assert target.read_bytes() == b"data"


def test_a_read_only_report_is_said_to_be_read_only_issue14(tmp_path, monkeypatch) -> None:
    import pathlib

    report = tmp_path / "bao-cao.xlsx"
    report.write_bytes(b"old")
    report.chmod(0o444)
    real_open = pathlib.Path.open

    def refused(self, mode="r", *args, **kwargs):  # as Windows refuses a read-only file
        if self == report.resolve() and "a" in mode:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", refused)
    with pytest.raises(OutputError) as caught:
        check_writable(report)
    assert caught.value.code == "output.unwritable"
    assert "Read-only" in caught.value.message("vi") and "chỉ đọc" in caught.value.message("vi")
    assert report.read_bytes() == b"old"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks; Windows: winerror 32 above")
@pytest.mark.parametrize("kind", ["lockf", "flock"])
def test_a_report_another_process_holds_open_for_writing_is_said_issue14(
    runner, tmp_path, kind
) -> None:
    out = tmp_path / "bao-cao.xlsx"
    out.write_bytes(b"old report")
    holder = (
        "import fcntl, sys, time\n"
        f"handle = open({str(out)!r}, 'r+b')\n"
        f"fcntl.{kind}(handle, fcntl.LOCK_EX)\n"
        "print('held', flush=True)\n"
        "time.sleep(60)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", holder], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "held"
        done = runner.invoke(app, ["report", str(SAMPLE_DATA), "-o", str(out)])
        assert done.exit_code == 3 and "output.open_elsewhere" in done.stderr
        assert out.read_bytes() == b"old report"
        assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.xlsx"]  # no temporary file
    finally:
        process.kill()
        process.wait()
    # once the other program has let it go, the report is written
    done = runner.invoke(app, ["report", str(SAMPLE_DATA), "-o", str(out), "-q"])
    assert done.exit_code == 0 and out.read_bytes() != b"old report"
