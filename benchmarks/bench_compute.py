"""Province scale (issue #6): `cchc compute` end to end against the alternatives, in one run.

    python benchmarks/bench_compute.py [--sizes 100000 1000000] [--repeat 3]

Every contender runs in a fresh process; the table shows medians of wall time and peak RSS:
- fastexcel alone: the fastest raw reader loading the same sheet into a DataFrame;
- pandas.read_excel(engine="openpyxl"): what officers' scripts do today (measured at 100k only;
  its 1M time is extrapolated ×10 — it would take minutes per run);
- cchc cold: read, validate, dedupe, every target, JSON out (`--no-cache`);
- cchc cached: the same over unchanged inputs (after one priming run).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import ensure_export  # noqa: E402

READER = """
import sys, fastexcel
frame = fastexcel.read_excel(sys.argv[1]).load_sheet(0, header_row=7).to_pandas()
assert len(frame) > 0
"""
OPENPYXL = """
import sys, pandas
frame = pandas.read_excel(sys.argv[1], engine="openpyxl", header=7)
assert len(frame) > 0
"""


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak RSS MB) of one fresh process, stdout discarded."""
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execvpe(command[0], command, env)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{command} failed")
    return elapsed, usage.ru_maxrss / 1024


def median_of(command: list[str], env: dict[str, str], repeat: int) -> tuple[float, float]:
    runs = [run(command, env) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    env = dict(os.environ, CCHC_CACHE_DIR=tempfile.mkdtemp(prefix="cchc-bench-"))
    python = sys.executable
    table: dict[int, dict[str, tuple[float, float]]] = {}
    for size in args.sizes:
        path = str(ensure_export(size))
        cchc = [python, "-m", "cchc_cli", "compute", path, "--format", "json", "--quiet"]
        results = {
            "fastexcel alone (typed, to pandas)": median_of(
                [python, "-c", READER, path], env, args.repeat
            ),
            "cchc compute, cold (--no-cache)": median_of([*cchc, "--no-cache"], env, args.repeat),
        }
        run(cchc, env)  # prime the cache
        results["cchc compute, cached"] = median_of(cchc, env, args.repeat)
        if size <= 100_000:
            results["pandas.read_excel(openpyxl)"] = median_of(
                [python, "-c", OPENPYXL, path], env, args.repeat
            )
        table[size] = results
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; {args.repeat} fresh runs each, medians"
    )
    print(f"{'rows':>9}  {'contender':<38} {'wall s':>8} {'peak MB':>8}")
    for size, results in table.items():
        for name, (seconds, rss) in results.items():
            print(f"{size:>9,}  {name:<38} {seconds:>8.2f} {rss:>8.0f}")
    print()
    for size, results in table.items():
        raw = results["fastexcel alone (typed, to pandas)"]
        cold = results["cchc compute, cold (--no-cache)"]
        cached = results["cchc compute, cached"]
        print(
            f"{size:>9,} rows: cold / raw reader time {cold[0] / raw[0]:.2f}x (target <= 1.5), "
            f"memory {cold[1] / raw[1]:.2f}x (target <= 1.5); cached / cold "
            f"{cached[0] / cold[0]:.1%} (target <= 10 %)"
        )
    sizes = sorted(table)
    if len(sizes) >= 2:
        small, large = table[sizes[0]], table[sizes[-1]]
        key = "cchc compute, cold (--no-cache)"
        print(
            f"scaling {sizes[0]:,} -> {sizes[-1]:,}: {large[key][0] / small[key][0]:.1f}x time "
            f"(target <= {sizes[-1] / sizes[0] * 1.2:.0f}x)"
        )
        if "pandas.read_excel(openpyxl)" in small:
            extrapolated = small["pandas.read_excel(openpyxl)"][0] * sizes[-1] / sizes[0]
            print(
                f"pandas+openpyxl at {sizes[-1]:,} rows, extrapolated x{sizes[-1] // sizes[0]}: "
                f"~{extrapolated:.0f} s -> cchc cold is {extrapolated / large[key][0]:.1f}x "
                "faster (target >= 12x)"
            )


if __name__ == "__main__":
    main()
