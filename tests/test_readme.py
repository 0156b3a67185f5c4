"""README.md against catalogue/ and errors.py: the README documents every issue code and exit
code the tool can produce."""

from __future__ import annotations

from cchc_cli.catalogue import ISSUES
from cchc_cli.errors import ExitCode
from conftest import ROOT


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
