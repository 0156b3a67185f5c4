"""Hostile and broken inputs (issue 13): each refused or reported with its code, its exit code
and one line in the officer's words; no traceback, the input untouched, nothing left behind.
The cases and their files: hostile_files.py, tests/data/hostile/."""

from __future__ import annotations

import json
import shutil

import pytest

from cchc_cli.cli import app
from hostile_files import CASES, CORPUS, Case


def _params() -> list[object]:
    marks = {True: [pytest.mark.slow], False: []}
    return [pytest.param(case, id=case.name, marks=marks[case.slow]) for case in CASES]


def _input(case: Case, folder):
    """The committed corpus file, copied (the run must leave the copy and its folder as they
    were), or the file built now when it is too large to keep."""
    if case.small:
        kept = next(CORPUS.glob(f"{case.name}.*"))
        return shutil.copyfile(kept, folder / kept.name)
    return case.build(folder)


@pytest.mark.parametrize("case", _params())
def test_a_hostile_file_gets_its_code_its_exit_and_one_line_issue13(
    runner, tmp_path, case: Case
) -> None:
    folder = tmp_path / "inputs"
    folder.mkdir()
    path = _input(case, folder)
    before = path.read_bytes()
    if case.command == "targets":
        done = runner.invoke(app, ["targets", "check", str(path), "--lang", "en"])
        said = [line for line in done.stderr.splitlines() if line.strip()]
        assert len(said) == 1 and said[0].startswith(f"{case.code}.")
        message = said[0]
    else:
        done = runner.invoke(
            app, ["validate", str(path), "--no-cache", "--format", "json", "--lang", "en"]
        )
        issues = json.loads(done.stdout)["issues"]
        found = [i for i in issues if i["code"] == case.code]
        assert found, issues
        message = found[0]["message"]
        assert "\n" not in message
    assert done.exit_code == case.exit_code, done.output
    assert case.said in message
    assert "Traceback" not in done.output and "Traceback" not in done.stderr
    assert not isinstance(done.exception, BaseException) or isinstance(done.exception, SystemExit)
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [path.name]  # nothing left beside it


def test_the_kept_corpus_holds_every_small_case_issue13() -> None:
    kept = {p.name.split(".")[0] for p in CORPUS.iterdir() if p.is_file()}
    assert {c.name for c in CASES if c.small} <= kept


def _data_params() -> list[object]:
    return [p for p in _params() if p.values[0].command != "targets"]  # type: ignore[union-attr]


@pytest.mark.parametrize("case", _data_params())
def test_compute_on_a_hostile_file_says_it_in_one_vietnamese_line_issue13(
    runner, tmp_path, case: Case
) -> None:
    import re

    folder = tmp_path / "inputs"
    folder.mkdir()
    path = _input(case, folder)
    report = tmp_path / "bao-cao.xlsx"
    done = runner.invoke(app, ["compute", str(path), "--no-cache", "--format", "json"])
    assert done.exit_code == 3, done.output
    document = json.loads(done.stdout)
    found = [i for i in document["issues"] if i["code"] == case.code]
    assert found and "\n" not in found[0]["message"]
    assert re.search("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", found[0]["message"])
    assert "Traceback" not in done.output
    made = runner.invoke(app, ["report", str(path), "--no-cache", "-o", str(report)])
    assert made.exit_code == 3 and not report.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inputs"]  # no report, no temp file
