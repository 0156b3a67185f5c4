"""The `cchc` command (`python -m cchc_cli`, and the console script).

Kept light on purpose: the signal handling is in place before the command line and its
libraries are imported, so that Ctrl-C or a scheduler's SIGTERM at any moment ends the run with
one line and the shell's code (130, 143), never a traceback, and never leaves a temporary file
(every `finally` runs).
"""

from __future__ import annotations

import signal
import sys
from types import FrameType

from cchc_cli.errors import INTERRUPTED_EXIT, TERMINATED_EXIT, Terminated


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated


def _stopped(code: int) -> None:
    # before the catalogue may be importable: both languages, plainly
    print("Đã dừng theo yêu cầu. / Stopped on request.", file=sys.stderr)
    sys.exit(code)


def run() -> None:
    """Entry point: install the SIGTERM handler, then run the command line."""
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _terminate)
    try:
        from cchc_cli.cli import main

        main()
    except KeyboardInterrupt:
        _stopped(INTERRUPTED_EXIT)
    except Terminated:
        _stopped(TERMINATED_EXIT)


if __name__ == "__main__":
    run()
