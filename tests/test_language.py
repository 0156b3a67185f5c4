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
    assert "[mặc định: table]" in vietnamese.stdout and "<bool>" not in vietnamese.stdout
    assert "Show this message" not in vietnamese.stdout
    english = _cchc("compute", "--help", "--lang", "en")
    assert "Usage:" in english.stdout and "Options" in english.stdout
    assert "<bool>" not in english.stdout
    wrong = _cchc("compute", "x", "--formt", "json")
    assert wrong.returncode == 2
    assert "Không có tuỳ chọn --formt" in wrong.stderr and "Lỗi" in wrong.stderr
    wrong_en = _cchc("compute", "x", "--formt", "json", lang="en")
    assert "No such option: --formt" in wrong_en.stderr
