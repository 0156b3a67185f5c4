"""README.md against catalogue/ and errors.py: the README documents every issue code and exit
code the tool can produce."""

from __future__ import annotations

import os
from pathlib import Path

from cchc_cli.catalogue import ISSUES
from cchc_cli.errors import ExitCode
from conftest import ROOT, long_export


def test_every_issue_code_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [code for code in ISSUES if f"`{code}`" not in readme]
    assert missing == []


def test_every_exit_code_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"| {int(code)} |" in readme for code in ExitCode)


def test_readme_commands_are_the_ci_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install ".[test]" && pytest' in readme
    assert 'pip install --quiet ".[test]"' in ci and "python -m pytest" in ci


def test_readme_library_example_runs(capsys, monkeypatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Library use") :]
    code = section[section.index("```python") + len("```python") : section.index("```\n\n")]
    monkeypatch.chdir(ROOT)
    exec(compile(code, "README.md", "exec"), {})  # the README's own snippet, as documented
    printed = capsys.readouterr().out.split()
    assert printed[0] == "ho_so_dung_han" and int(printed[1]) > 0


def _readme_exit_codes() -> list[int]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Exit codes") :]
    section = section[: section.index("\n## ", 1)]
    return [
        int(line.split("|")[1])
        for line in section.splitlines()
        if line[:3] in ("| 0", "| 1", "| 2", "| 3", "| 4", "| 5")
    ]


def _stopped_while_reading(signum: int, folder: Path) -> int:
    """A compute stopped a second into reading a long export: its exit code, once it is seen
    to have left no output and said so in one line."""
    import subprocess
    import sys
    import time

    export = long_export(folder / f"dai-{signum}.csv", 300_000)
    out = folder / f"kq-{signum}.json"
    env = dict(os.environ, CCHC_CACHE_DIR=str(folder / "cache"))
    command = [sys.executable, "-m", "cchc_cli", "compute", str(export), "-o", str(out)]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)
    time.sleep(1.5)
    assert process.poll() is None, "the run ended before it could be stopped"
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert "Đã dừng" in stderr and "Traceback" not in stderr, stderr
    assert not out.exists() and not list(folder.glob(f".kq-{signum}.json*"))
    return process.returncode


def test_every_row_of_the_readme_exit_code_table_happens_issue14(
    runner, tmp_path, monkeypatch
) -> None:
    import signal
    import sys

    from cchc_cli.cli import app
    from conftest import SAMPLE_DATA

    sample = str(SAMPLE_DATA)
    broken = tmp_path / "chi-tieu.yaml"
    broken.write_text("targets: [", encoding="utf-8")
    garbage = tmp_path / "rac.xlsx"
    garbage.write_bytes(b"\x00" * 64)

    def internal() -> int:
        import cchc_cli.targets.engine

        def boom(*args, **kwargs):
            raise RuntimeError("boom")

        with monkeypatch.context() as patch:
            patch.setattr(cchc_cli.targets.engine.Engine, "compute", boom)
            return runner.invoke(app, ["compute", sample, "-q"]).exit_code

    scenarios = {
        0: lambda: runner.invoke(app, ["compute", sample, "-q"]).exit_code,
        1: lambda: runner.invoke(app, ["compute", sample, "-q", "--fail-on", "missed"]).exit_code,
        2: lambda: runner.invoke(app, ["compute", sample, "--period", "2025-Q7"]).exit_code,
        3: lambda: runner.invoke(app, ["compute", str(garbage), "--no-cache"]).exit_code,
        4: lambda: runner.invoke(app, ["compute", sample, "--targets", str(broken)]).exit_code,
        5: internal,
    }
    if sys.platform != "win32":
        # stopped in the middle of a run (the start-up case: tests/test_cli.py)
        scenarios[130] = lambda: _stopped_while_reading(int(signal.SIGINT), tmp_path)
        scenarios[143] = lambda: _stopped_while_reading(int(signal.SIGTERM), tmp_path)
    documented = _readme_exit_codes()
    assert sorted(documented) == sorted({*documented, *ExitCode}) == documented
    for code in documented:
        if code in scenarios:
            assert scenarios[code]() == code, code
        else:
            assert sys.platform == "win32" and code in (130, 143)
