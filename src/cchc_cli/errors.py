"""Exit codes of the whole tool (DECISIONS D10) and the exceptions that carry them."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from cchc_cli.issues import render_message


class ExitCode(IntEnum):
    """Stable process exit codes; 2 belongs to Typer's usage errors."""

    OK = 0
    TARGET_MISSED = 1
    USAGE = 2
    INPUT_DATA = 3
    CONFIGURATION = 4
    INTERNAL = 5


# The shell's codes for a process stopped by Ctrl-C (SIGINT) and by SIGTERM (a scheduler or
# `kill` stopping the job): a batch job must not read an interrupted run as "target missed".
INTERRUPTED_EXIT = 130
TERMINATED_EXIT = 143


class Terminated(BaseException):
    """SIGTERM as an exception, raised by the handler `cchc_cli.__main__` installs: like
    Ctrl-C it unwinds the run, so every `finally` (a temporary output file) runs."""


class CchcError(Exception):
    """An expected failure with a catalogued message; the CLI prints it without a traceback."""

    exit_code: ExitCode = ExitCode.INTERNAL

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, lang: str = "vi") -> str:
        """The catalogued message in the requested language."""
        return render_message(self.code, lang, self.params)


class ConfigError(CchcError):
    """A targets or columns file is wrong (exit 4)."""

    exit_code = ExitCode.CONFIGURATION


class InputError(CchcError):
    """An input cannot be used at all (exit 3)."""

    exit_code = ExitCode.INPUT_DATA


class OutputError(CchcError):
    """An output that cannot be written or is open in another program (exit 3, D10)."""

    exit_code = ExitCode.INPUT_DATA


class UsageError(CchcError):
    """An option value that cannot be used (exit 2, like Typer's own usage errors)."""

    exit_code = ExitCode.USAGE
