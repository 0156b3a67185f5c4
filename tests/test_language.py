"""cli/language.py: the command line's own words in the officer's language (issue 14)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from cchc_cli.cli.language import cli_language, translate_usage


@pytest.mark.parametrize(
    ("argv", "env", "lang"),
    [
        ([], "", "vi"),
        (["compute", "--lang", "en"], "", "en"),
        (["compute", "--lang=en"], "", "en"),
        ([], "en", "en"),
        (["--lang", "vi"], "en", "vi"),  # the command line wins over the environment
    ],
)
def test_the_language_comes_from_the_command_line_then_the_environment_issue14(
    monkeypatch, argv, env, lang
) -> None:
    monkeypatch.setenv("CCHC_LANG", env)
    assert cli_language(argv) == lang


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        (
            "No such option: --formt (Possible options: --format)",
            "Không có tuỳ chọn --formt. Có phải ý bạn là --format?",
        ),
        ("Missing argument 'inputs'.", "Thiếu tham số inputs."),
        ("Option '--by' requires an argument.", "Tuỳ chọn --by cần một giá trị."),
        (
            "Invalid value for '--format' / '-f': Value error, 'yaml' is not one of "
            "'table', 'json'.",
            "Giá trị không hợp lệ cho '--format' / '-f': 'yaml' không phải một trong 'table', "
            "'json'.",
        ),
        (
            "Invalid value for '--max-invalid': Input should be greater than or equal to 0",
            "Giá trị không hợp lệ cho '--max-invalid': cần một số không nhỏ hơn 0.",
        ),
        (
            "No such command 'comptue'. Did you mean 'compute'?",
            "Không có lệnh 'comptue'. Có phải ý bạn là compute?",
        ),
        ("Something Click says that we do not know", "Something Click says that we do not know"),
    ],
)
def test_click_usage_errors_are_said_in_vietnamese_issue14(english, vietnamese) -> None:
    assert translate_usage(english, "vi") == vietnamese
    assert translate_usage(english, "en") == english


def _cchc(*arguments: str, lang: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CCHC_LANG=lang, COLUMNS="120")
    return subprocess.run(
        [sys.executable, "-m", "cchc_cli", *arguments],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip


def test_help_and_usage_errors_follow_the_language_issue14() -> None:
    vietnamese = _cchc("compute", "--help")
    assert "Cách dùng:" in vietnamese.stdout and "Tuỳ chọn" in vietnamese.stdout
    assert "[mặc định: 0.01]" in vietnamese.stdout and "<bool>" not in vietnamese.stdout
    assert "Show this message" not in vietnamese.stdout
    english = _cchc("compute", "--help", "--lang", "en")
    assert "Usage:" in english.stdout and "Options" in english.stdout
    assert "<bool>" not in english.stdout
    # a required argument written bare, as usage lines write it (Typer writes `{TỆP}...`)
    usage = [line.strip() for line in vietnamese.stdout.splitlines() if "compute [" in line]
    assert usage[0].endswith("compute [TUỲ CHỌN] TỆP...")
    usage = [line.strip() for line in english.stdout.splitlines() if "compute [" in line]
    assert usage[0].endswith("compute [OPTIONS] FILES...")
    wrong = _cchc("compute", "x", "--formt", "json")
    assert wrong.returncode == 2
    assert "Không có tuỳ chọn --formt" in wrong.stderr and "Lỗi" in wrong.stderr
    wrong_en = _cchc("compute", "x", "--formt", "json", lang="en")
    assert "No such option: --formt" in wrong_en.stderr


def test_every_help_example_runs_on_the_sample_issue14(runner, tmp_path, monkeypatch) -> None:
    import shlex

    from cchc_cli.catalogue import WORDS
    from cchc_cli.cli import app
    from conftest import ROOT

    for folder in ("sample_data", "configs"):
        (tmp_path / folder).symlink_to(ROOT / folder)
    monkeypatch.chdir(tmp_path)  # the examples write their outputs here
    examples = {
        key: vi.split("[bold]Ví dụ:[/bold] ", 1)[1]
        for key, (vi, _) in WORDS.items()
        if key.startswith("help.cmd.")
    }
    assert len(examples) == 12
    for key, example in examples.items():
        words = shlex.split(example)
        assert words[0] == "cchc", key
        done = runner.invoke(app, words[1:])
        # its result, whatever the data says (validate: 3 for the sample's rejected rows);
        # never a usage (2), configuration (4) or internal (5) error
        assert done.exit_code in (0, 1, 3), (key, example, done.output[-500:])
        # 3 is the sample's own result, never an example naming a file that does not exist
        for missing in ("input.not_found", "file.unreadable", "input.no_files"):
            assert missing not in done.output, (key, example)


def test_english_left_in_usage_and_system_errors_is_translated_issue14(tmp_path) -> None:
    # Click writes "file '…' is a directory" in lower case for a file option
    folder = _cchc("compute", "sample_data", "-o", str(tmp_path))
    assert folder.returncode == 2 and "là thư mục, cần một tệp" in folder.stderr
    assert "is a directory" not in folder.stderr
    missing = _cchc("compute", "sample_data", "--columns", str(tmp_path / "khong.yaml"))
    assert "không có tệp hay thư mục này" in missing.stderr
    assert "No such file" not in missing.stderr
    usage = [line.strip() for line in _cchc("template", "--help").stdout.splitlines()]
    assert any(line.endswith("template [TUỲ CHỌN] LOẠI_DỮ_LIỆU") for line in usage)


def test_the_language_given_before_the_command_is_the_commands_issue14() -> None:
    done = _cchc("--lang", "en", "targets", "list", "--format", "json")
    assert done.returncode == 0
    shown = _cchc("--lang", "en", "targets", "show", "ho_so_dung_han")
    assert shown.returncode == 0 and "Formula" in shown.stdout and "Công thức" not in shown.stdout


def test_typers_help_renderer_is_translated_when_imported_not_before_issue12() -> None:
    import subprocess
    import sys

    # a run that shows no help and no error does not import Typer's renderer (0.07 s) ...
    code = (
        "import sys, cchc_cli.cli\n"
        "print('typer.rich_utils' in sys.modules)\n"
        "from typer import rich_utils\n"  # ... and it is translated once something does
        "print(rich_utils.OPTIONS_PANEL_TITLE)\n"
    )
    env = {**os.environ, "CCHC_LANG": "vi"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    imported, title = done.stdout.splitlines()
    assert imported == "False"
    from cchc_cli.catalogue import label

    assert title == label("usage.panel_options", "vi")


def test_a_patch_waits_for_its_module_and_runs_in_order_issue12(monkeypatch) -> None:
    import sys

    from cchc_cli.cli.language import when_imported

    monkeypatch.delitem(sys.modules, "json.tool", raising=False)
    seen: list[str] = []
    when_imported("json.tool", lambda module: seen.append("first " + module.__name__))
    when_imported("json.tool", lambda module: seen.append("second"))
    assert seen == []
    import json.tool  # noqa: F401

    assert seen == ["first json.tool", "second"]
    when_imported("json.tool", lambda module: seen.append("now"))  # already imported: at once
    assert seen[-1] == "now"
