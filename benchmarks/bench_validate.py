"""`cchc validate` against the Rust reader alone, side by side on the same generated export.

    python benchmarks/bench_validate.py [--rows 100000] [--repeat 5]

Each run is a fresh process; the table shows medians of wall time and peak RSS.
Acceptance (issue #2): cchc validate of a 100k-row export < 3x the reader alone.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import ensure_export  # noqa: E402

READER_TYPED = """
import sys, fastexcel
sheet = fastexcel.read_excel(sys.argv[1]).load_sheet(0, header_row=int(sys.argv[2]))
frame = sheet.to_pandas()
assert len(frame) > 0
"""
READER_ALONE = """
import sys, fastexcel
sheet = fastexcel.read_excel(sys.argv[1]).load_sheet(0, header_row=None, skip_rows=0,
                                                     dtypes="string")
frame = sheet.to_pandas()
assert len(frame) > 0
"""


def run(command: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one fresh child process."""
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # child: run the command with output discarded
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execvp(command[0], command)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 3):
        raise SystemExit(f"{command} exited {code}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    path = ensure_export(args.rows)
    contenders = {
        "fastexcel alone (typed, header row given)": [
            sys.executable,
            "-c",
            READER_TYPED,
            str(path),
            "7",
        ],
        "fastexcel alone (whole sheet as text -> pandas)": [
            sys.executable,
            "-c",
            READER_ALONE,
            str(path),
        ],
        "cchc validate --format json": [
            sys.executable,
            "-m",
            "cchc_cli",
            "validate",
            str(path),
            "--format",
            "json",
        ],
    }
    results: dict[str, tuple[float, float]] = {}
    for name, command in contenders.items():
        runs = [run(command) for _ in range(args.repeat)]
        results[name] = (
            statistics.median(r[0] for r in runs),
            statistics.median(r[1] for r in runs),
        )
    size = path.stat().st_size / 1e6
    print(f"input: {path.name} ({args.rows:,} rows, {size:.1f} MB); {args.repeat} runs each")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"{'contender':<52} {'median s':>9} {'peak MB':>9}")
    for name, (seconds, rss) in results.items():
        print(f"{name:<52} {seconds:>9.2f} {rss:>9.0f}")
    *readers, cchc = results.values()
    fastest = min(readers)
    print(
        f"ratio cchc / fastest reader: time {cchc[0] / fastest[0]:.2f}x, "
        f"memory {cchc[1] / fastest[1]:.2f}x (acceptance: time < 3x)"
    )


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    main()
