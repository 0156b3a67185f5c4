"""Vendor-profile detection (issue #9) must cost nothing measurable: `cchc compute` cold on the
same export, this checkout against an earlier commit, in turn, in fresh processes.

    python benchmarks/bench_detection.py [--ref 645af8e] [--rows 1000000] [--repeat 5]

The earlier commit is checked out in a temporary git worktree (removed afterwards) and run with
the same interpreter and libraries. Runs alternate (A B A B …) so that a drift of the machine's
speed falls on both; the table shows medians and the ratio of each pair. It also times the
header search and profile choice alone on the file's sheet, in this process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bench_compute import run  # noqa: E402
from generate import ensure_export  # noqa: E402


def detection_seconds(path: Path, repeat: int) -> float:
    """Median time of reading the sheet's headers with every profile and choosing one."""
    from cchc_cli.profiles import shipped_set
    from cchc_cli.readers import read_file
    from cchc_cli.readers.headers import choose_header
    from cchc_cli.schema import DATASETS

    profiles = shipped_set()
    _, sheets = read_file(path.read_bytes(), path.stem)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        choose_header(sheets[0], list(DATASETS.values()), profiles.profiles, profiles.known_keys)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ref", default="645af8e", help="the commit before vendor profiles")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    path = ensure_export(args.rows)
    before = Path(tempfile.mkdtemp(prefix="cchc-before-"))
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(before), args.ref],
        check=True,
        capture_output=True,
    )
    try:
        env = dict(os.environ, CCHC_CACHE_DIR=tempfile.mkdtemp(prefix="cchc-bench-"))
        command = [
            sys.executable,
            "-m",
            "cchc_cli",
            "compute",
            str(path),
            "--period",
            "2025-03",
            "--format",
            "json",
            "--quiet",
            "--no-cache",
        ]
        now_env = dict(env, PYTHONPATH=str(ROOT / "src"))
        then_env = dict(env, PYTHONPATH=str(before / "src"))
        run(command, now_env)  # warm the file cache of the operating system
        pairs = [(run(command, now_env), run(command, then_env)) for _ in range(args.repeat)]
    finally:
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(before)],
            check=False,
            capture_output=True,
        )
    now = [p[0] for p in pairs]
    then = [p[1] for p in pairs]
    ratios = sorted(a[0] / b[0] for a, b in pairs)
    print(f"input: {path.name} ({args.rows:,} rows); {args.repeat} pairs, fresh processes")
    print(f"{'version':<28} {'median wall s':>14} {'peak MB':>9}")
    print(
        f"{'this checkout':<28} {statistics.median(t for t, _ in now):>14.2f} "
        f"{statistics.median(m for _, m in now):>9.0f}"
    )
    print(
        f"{args.ref:<28} {statistics.median(t for t, _ in then):>14.2f} "
        f"{statistics.median(m for _, m in then):>9.0f}"
    )
    print(
        f"ratio per pair: median {statistics.median(ratios):.3f} "
        f"(min {ratios[0]:.3f}, max {ratios[-1]:.3f}); target: within 2 %"
    )
    print(f"header search and profile choice alone: {detection_seconds(path, 5) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
