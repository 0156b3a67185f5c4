"""The `cchc` command (`python -m cchc_cli`, and the console script).

Kept light on purpose: the signal handling is in place before the command line and its
libraries are imported, so that Ctrl-C or a scheduler's SIGTERM at any moment ends the run with
one line and the shell's code (130, 143), never a traceback, and never leaves a temporary file
(every `finally` runs).
"""

from __future__ import annotations

import atexit
import os
import signal
import sys
import threading
from types import FrameType


def _stopped_while_starting(signum: int, frame: FrameType | None) -> None:
    # Ctrl-C or SIGTERM while the program's own modules load (a few tens of ms): nothing has
    # been read or written yet; end with the shell's code (128 + the signal), no traceback.
    print("Đã dừng theo yêu cầu. / Stopped on request.", file=sys.stderr)
    os._exit(128 + signum)


# First of all, while the imports below load; the handlers a program had are given back after
# them (a test importing this module keeps its own), and `run` installs the run's.
_STOPS = [signal.SIGINT, *([signal.SIGTERM] if hasattr(signal, "SIGTERM") else [])]
_before = {stop: signal.signal(stop, _stopped_while_starting) for stop in _STOPS}

from cchc_cli.errors import INTERRUPTED_EXIT, TERMINATED_EXIT, Terminated  # noqa: E402

for _stop, _handler in _before.items():
    signal.signal(_stop, _handler)


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated


def _exit_now(code: int) -> None:
    """End a stopped run at once. Its outputs are already safe (the unwinding removed any
    temporary file); a normal exit would wait for a parse under way in a worker thread (seconds
    for a large workbook) and can be killed by the signal again on the way (pyarrow re-raises a
    SIGINT it saw), ending with -2 instead of 130. Reader processes still parsing are stopped
    (they would otherwise finish their file for nobody)."""
    isolation = sys.modules.get("cchc_cli.readers.isolation")
    if isolation is not None:
        isolation.stop_readers()
    _flushed()
    os._exit(code)


def _flushed() -> bool:
    """Flush stdout and stderr (none without a console: pythonw); whether both could be."""
    done = True
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            try:
                stream.flush()
            except (OSError, ValueError):  # a closed pipe, a full disk
                done = False
    return done


def _stopped(code: int) -> None:
    # before the catalogue may be importable: both languages, plainly
    print("Đã dừng theo yêu cầu. / Stopped on request.", file=sys.stderr)
    _exit_now(code)


def _utf8_streams() -> None:
    """stdout and stderr in UTF-8, whatever the system would choose: on Windows, output
    redirected to a file or a pipe (`> kq.txt`, `| findstr`, a scheduled task) is encoded in the
    ANSI code page, which has no room for most Vietnamese letters, and the run died there. A
    console window is left alone: Python writes to it in UTF-16 already (issue 14)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").replace("-", "").lower()
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def run() -> None:
    """Entry point: install the SIGTERM handler, then run the command line."""
    _utf8_streams()
    # From here a stop unwinds (every `finally` runs: no temporary file is left).
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _terminate)
    try:
        from cchc_cli.cli import main

        main()
    except KeyboardInterrupt:
        _stopped(INTERRUPTED_EXIT)
    except Terminated:
        _stopped(TERMINATED_EXIT)
    except SystemExit as done:
        if done.code in (INTERRUPTED_EXIT, TERMINATED_EXIT):  # said so already (handles_errors)
            _exit_now(int(done.code))
        _finishing()
        _end(done.code)
        raise
    _finishing()
    _end(0)


def _end(code: object) -> None:
    """End a finished run without taking the interpreter apart: its outputs are written and
    closed, and freeing pandas', Arrow's and NumPy's modules object by object only delays the
    exit (0.1 s: importing them and exiting takes 0.58 s, 0.47 s this way; 6 % of a cached
    run over a 3M-row year) while the system reclaims the memory at once anyway. The exit
    handlers run first (they stop the reader processes) and the streams are flushed. Returns,
    for the usual exit to follow, when a profiler or a coverage tracer is attached (it writes
    its results at the usual exit), for a message instead of a code, while a thread that is
    not a daemon still works (a file being read when an error ended the run: the usual exit
    waits for it), and when the output cannot be flushed (a closed pipe: the usual exit
    reports it as it always did)."""
    if code is None:
        code = 0
    if not isinstance(code, int) or sys.getprofile() is not None or sys.gettrace() is not None:
        return
    current = threading.current_thread()
    if any(t is not current and not t.daemon and t.is_alive() for t in threading.enumerate()):
        return
    if not _flushed():
        return  # before the exit handlers: the usual exit runs them, once
    atexit._run_exitfuncs()
    _flushed()  # what the handlers said
    os._exit(code)


def _finishing() -> None:
    """The run is done, its outputs written: a stop arriving while the interpreter shuts down
    (its exit handlers stop the reader processes) ends it at once, never with a traceback from
    inside an exit handler: with 128 + the signal's number, or, in the last moments of the
    shutdown when Python has given the signals back to the system, by the signal itself (a
    shell shows the same 130/143)."""
    for stop in _STOPS:
        signal.signal(stop, _stopped_while_starting)


if __name__ == "__main__":
    run()
