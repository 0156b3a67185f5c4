"""readers/inputs.py: the command line's files, folders and globs as an ordered list of inputs."""

from __future__ import annotations

import os
import shutil
import sys
import unicodedata
from pathlib import Path

import pytest

from cchc_cli.readers.inputs import expand_inputs
from conftest import SAMPLE_DATA

CSV = SAMPLE_DATA / "2025-03 phuong Nguyen Nghiem.csv"


def test_a_folders_files_are_ordered_alike_on_every_system_issue14(tmp_path) -> None:
    # D5 breaks ties by the file given later: the order must not depend on the system
    names = ["b.csv", "A.csv", "Đà Nẵng.csv", "da nang.csv", "c.csv"]
    for name in names:
        shutil.copy(CSV, tmp_path / name)
    decomposed = unicodedata.normalize("NFD", "Ấp 2.csv")  # as a Mac writes names
    shutil.copy(CSV, tmp_path / decomposed)
    files, issues = expand_inputs([str(tmp_path)])
    assert not issues
    order = [unicodedata.normalize("NFC", f.path.name) for f in files]
    assert order == ["A.csv", "b.csv", "c.csv", "da nang.csv", "Đà Nẵng.csv", "Ấp 2.csv"]
    globbed, _ = expand_inputs([str(tmp_path / "*.csv")])
    assert [f.path for f in globbed] == [f.path for f in files]


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need rights on Windows")
def test_a_folder_with_a_link_loop_is_read_once_without_hanging_issue13(tmp_path) -> None:
    shutil.copy(CSV, tmp_path / "ho-so.csv")
    (tmp_path / "vong").mkdir()
    os.symlink("..", tmp_path / "vong" / "len")  # back up: a loop for any walker
    os.symlink("chinh-no", tmp_path / "chinh-no")  # a link to itself
    files, issues = expand_inputs([str(tmp_path), str(tmp_path / "**" / "*.csv")])
    assert [f.path.name for f in files] == ["ho-so.csv"]
    assert not issues


@pytest.mark.skipif(sys.platform == "win32", reason="Windows names cannot hold a line break")
def test_a_file_name_with_a_line_break_is_read_issue13(tmp_path) -> None:
    odd = tmp_path / "tháng 3\nbản cuối.csv"
    shutil.copy(CSV, odd)
    files, issues = expand_inputs([str(tmp_path)])
    assert [f.path for f in files] == [odd] and not issues


def test_a_report_saved_among_the_exports_is_passed_over_with_a_note_issue14(
    runner, tmp_path
) -> None:
    from cchc_cli.cli import app

    shutil.copy(CSV, tmp_path / "ho-so.csv")
    report = tmp_path / "bao-cao thang 3.xlsx"
    done = runner.invoke(app, ["report", str(SAMPLE_DATA), "-o", str(report), "-q"])
    assert done.exit_code == 0, done.output
    files, issues = expand_inputs([str(tmp_path)])
    assert [f.path.name for f in files] == ["ho-so.csv"]
    assert [i.code for i in issues] == ["input.own_output"]
    # named too (a shell expands an unquoted *.xlsx into every file's name)
    named, said = expand_inputs([str(tmp_path / "ho-so.csv"), str(report)])
    assert [f.path.name for f in named] == ["ho-so.csv"]
    assert [i.code for i in said] == ["input.own_output"]


def test_results_saved_among_the_exports_are_passed_over_issue14(runner, tmp_path) -> None:
    from cchc_cli.cli import app

    shutil.copy(CSV, tmp_path / "ho-so.csv")
    for name, kind in (("ket-qua.csv", "csv"), ("ket-qua.xlsx", "xlsx")):
        out = tmp_path / name
        done = runner.invoke(
            app, ["compute", str(SAMPLE_DATA), "--format", kind, "-o", str(out), "-q"]
        )
        assert done.exit_code == 0, done.output
    # a CSV of someone else's that happens to start with "id,name" is still data
    (tmp_path / "khac.csv").write_text("id,name,note\n1,a,b\n", encoding="utf-8")
    files, issues = expand_inputs([str(tmp_path)])
    assert [f.path.name for f in files] == ["ho-so.csv", "khac.csv"]
    assert sorted((i.code, Path(i.path).name) for i in issues) == [
        ("input.own_output", "ket-qua.csv"),
        ("input.own_output", "ket-qua.xlsx"),
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_or_broken_link_in_a_folder_is_passed_over_with_a_note_issue13(
    runner, tmp_path
) -> None:
    from cchc_cli.cli import app

    shutil.copy(CSV, tmp_path / "ho-so.csv")
    os.mkfifo(tmp_path / "ong.csv")  # reading it would wait forever
    os.symlink(tmp_path / "khong-co.xlsx", tmp_path / "hong.xlsx")
    files, issues = expand_inputs([str(tmp_path)])
    assert [f.path.name for f in files] == ["ho-so.csv"]
    assert sorted(i.code for i in issues) == ["input.skipped_not_a_file"] * 2
    done = runner.invoke(app, ["compute", str(tmp_path), "--no-cache", "-q"])
    assert done.exit_code == 0, done.output  # a note, not a failed input
