"""config_yaml.py: configuration YAML cannot mislead or stall a run (issue #13) — a key written
twice is an error naming both lines, aliases and nesting are bounded, only a regular file of
at most 1 MB is read."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from cchc_cli.cli import app
from cchc_cli.config_yaml import (
    MAX_BYTES,
    ConfigYamlProblem,
    load_config_yaml,
    read_config_bytes,
)
from conftest import ROOT, SAMPLE_DATA

TARGETS = ROOT / "configs" / "targets.yaml"


def _with_second_threshold(tmp_path: Path) -> tuple[Path, int, int]:
    """The shipped targets file with `threshold:` pasted again below a target's own."""
    lines = TARGETS.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.strip().startswith("threshold: {"))
    indent = lines[first][: len(lines[first]) - len(lines[first].lstrip())]
    lines.insert(first + 1, f'{indent}threshold: {{op: ">=", value: 0.01}}\n')
    path = tmp_path / "chi-tieu.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    return path, first + 1, first + 2


def test_a_key_written_twice_is_refused_naming_both_lines_issue13(runner, tmp_path) -> None:
    path, first, second = _with_second_threshold(tmp_path)
    done = runner.invoke(
        app, ["compute", str(SAMPLE_DATA), "--targets", str(path), "--no-cache", "--lang", "en"]
    )
    assert done.exit_code == 4
    assert "config.targets_unreadable" in done.output
    assert f"'threshold' is written twice, on line {first} and line {second}" in done.output
    assert "Traceback" not in done.output


def test_a_merge_key_may_override_what_it_merges_issue13() -> None:
    data = load_config_yaml("base: &b {op: '>=', value: 0.5}\nt:\n  <<: *b\n  value: 0.9\n")
    assert data["t"] == {"op": ">=", "value": 0.9}


def test_a_key_written_twice_in_a_profile_file_is_refused_issue13(runner, tmp_path) -> None:
    columns = tmp_path / "cot.yaml"
    columns.write_text(
        "dossiers:\n  due_at: ['Ngày hẹn trả']\n  due_at: ['Hạn xử lý']\n", encoding="utf-8"
    )
    done = runner.invoke(
        app, ["validate", str(SAMPLE_DATA), "--columns", str(columns), "--no-cache"]
    )
    assert done.exit_code == 4
    assert "'due_at'" in done.output and "dòng 2" in done.output and "dòng 3" in done.output


def test_an_alias_bomb_is_refused_quickly_issue13() -> None:
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [*{previous},*{previous},*{previous},*{previous},*{previous}"
        bomb += f",*{previous},*{previous},*{previous},*{previous}]\n"
    assert len(bomb) < 1000  # 9^9 items once expanded
    started = time.perf_counter()
    with pytest.raises(ConfigYamlProblem) as refused:
        load_config_yaml(bomb)
    assert time.perf_counter() - started < 5  # a guard against a hang, not a benchmark
    assert refused.value.reason.key == "reason.yaml_too_many_nodes"


def test_deep_nesting_is_refused_without_a_crash_issue13(runner, tmp_path) -> None:
    # 900 levels pass the YAML scanner (it stops at 1,000) and overflowed Python's stack
    deep = "[" * 900 + "]" * 900
    with pytest.raises(ConfigYamlProblem) as refused:
        load_config_yaml(deep)
    assert refused.value.reason.key == "reason.yaml_too_deep"
    path = tmp_path / "chi-tieu.yaml"
    path.write_text("targets: " + "[" * 10_000 + "]" * 10_000, encoding="utf-8")
    done = runner.invoke(app, ["compute", str(SAMPLE_DATA), "--targets", str(path)])
    assert done.exit_code == 4  # the scanner's own refusal, as a configuration error
    assert "Traceback" not in done.output


def test_ordinary_aliases_and_nesting_are_fine_issue13() -> None:
    data = load_config_yaml("x: &x {a: [1, 2]}\ny: *x\nz: [[[[1]]]]\n")
    assert data == {"x": {"a": [1, 2]}, "y": {"a": [1, 2]}, "z": [[[[1]]]]}


def test_a_file_over_the_size_limit_is_refused_issue13(tmp_path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * MAX_BYTES + b"\n")
    with pytest.raises(ConfigYamlProblem):
        read_config_bytes(big)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_as_targets_file_is_refused_not_waited_on_issue13(runner, tmp_path) -> None:
    fifo = tmp_path / "chi-tieu.yaml"
    os.mkfifo(fifo)
    done = runner.invoke(app, ["compute", str(SAMPLE_DATA), "--targets", str(fifo)])
    assert done.exit_code == 4
    assert "không phải một tệp thông thường" in done.output


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_as_targets_file_is_refused_issue13(runner) -> None:
    done = runner.invoke(app, ["compute", str(SAMPLE_DATA), "--targets", "/dev/zero"])
    assert done.exit_code == 4
    assert "config.targets_unreadable" in done.output


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (": : :\n", "thiếu tên khoá"),
        ("version: 1\ntargets:\n  - id: a\n\tname: x\n", "có ký tự Tab"),
        ("version: 1\ntargets: [a, b\n", "thiếu dấu ','"),
        ("version: 1\ntargets: a: b\n", "có dấu ':' ở chỗ không được"),
    ],
)
def test_a_yaml_mistake_is_said_in_the_officers_words_issue14(runner, tmp_path, text, said) -> None:
    from cchc_cli.cli import app

    path = tmp_path / "chi-tieu.yaml"
    path.write_text(text, encoding="utf-8")
    done = runner.invoke(app, ["targets", "check", str(path)])
    assert done.exit_code == 4 and said in done.stderr, done.stderr
    assert "did not find" not in done.stderr and "found" not in done.stderr
