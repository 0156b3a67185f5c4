"""Province scale (issues #6, #12): `cchc compute` end to end against the raw readers, in one run.

    python benchmarks/bench_compute.py [--sizes 100000 1000000] [--monthly 3000000]
                                       [--repeat 3]

cchc is byte-compiled first, as pip does when it installs it (`compile_package`). Every
contender runs in a fresh process; contenders are interleaved (one run of each, then the
next round), so a machine that gets busier slows them alike; the table shows medians of wall
time and peak RSS (the larger of the largest single process's and the whole process tree's,
sampled every 20 ms: fastexcel's worker processes and cchc's reader processes count).

One file of `--sizes` rows (`generate.py`: 30 columns, banner, two-row header, mixed dates):
- fastexcel alone: the fastest raw reader loading the sheet, typed, into pandas;
- pandas.read_excel(engine="calamine"): the same Rust parser through pandas (if
  python-calamine is installed; `pip install python-calamine`);
- pandas.read_excel(engine="openpyxl"): what officers' scripts do today (100k rows at most:
  minutes per run above that);
- cchc cold: read, validate, de-duplicate, every target, JSON out (`--no-cache`);
- cchc cached: the same over unchanged inputs (after one priming run).

A year in twelve monthly files of `--monthly` rows in all (`generate.py --monthly`):
- fastexcel, the files one after another; fastexcel in worker processes (one per core);
- cchc cold with the files read one at a time (CCHC_WORKERS=1), and as it runs by default;
- cchc cached.

Targets (issue #12): cold <= 1.3x fastexcel; cached <= 5 % of cold; twelve files <= 0.8x
fastexcel serial; peak memory <= 2 GB for 3M rows in 12 files, and <= 1.3x fastexcel's on
the same work (the twelve files read one at a time by both, and in processes by both), linear
from 100k to 3M rows (with several `--monthly` sizes, what each further million rows adds to
the peak is printed, size to size).
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import ensure_export, ensure_monthly  # noqa: E402

READER = """
import sys, fastexcel
frame = fastexcel.read_excel(sys.argv[1]).load_sheet(0, header_row=7).to_pandas()
assert len(frame) > 0
"""
CALAMINE = """
import sys, pandas
frame = pandas.read_excel(sys.argv[1], engine="calamine", header=7)
assert len(frame) > 0
"""
OPENPYXL = """
import sys, pandas
frame = pandas.read_excel(sys.argv[1], engine="openpyxl", header=7)
assert len(frame) > 0
"""
READER_SERIAL = """
import sys, fastexcel
for path in sys.argv[1:]:
    frame = fastexcel.read_excel(path).load_sheet(0, header_row=7).to_pandas()
    assert len(frame) > 0
"""
READER_PROCESSES = """
import os, sys, fastexcel
from concurrent.futures import ProcessPoolExecutor

def rows(path):
    return len(fastexcel.read_excel(path).load_sheet(0, header_row=7).to_pandas())

if __name__ == "__main__":
    with ProcessPoolExecutor(os.cpu_count()) as pool:
        assert all(pool.map(rows, sys.argv[1:]))
"""


def _tree_rss(root: int) -> int:
    """Bytes resident in a process and all its descendants now (reader processes included)."""
    import psutil

    try:
        parent = psutil.Process(root)
        family = [parent, *parent.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for member in family:
        with contextlib.suppress(psutil.Error):
            total += member.memory_info().rss
    return total


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak RSS MB) of one fresh process, stdout discarded. The peak is the larger of
    the largest single process's (the kernel's count) and the whole process tree's, sampled
    every 20 ms: cchc's reader processes run beside it."""
    import threading

    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execvpe(command[0], command, env)
    peak = [0]
    finished = threading.Event()

    def sample() -> None:
        while not finished.wait(0.02):
            peak[0] = max(peak[0], _tree_rss(pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(pid, 0)
    finished.set()
    sampler.join()
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{command} failed")
    return elapsed, max(usage.ru_maxrss / 1024, peak[0] / (1024 * 1024))


def median_of(command: list[str], env: dict[str, str], repeat: int) -> tuple[float, float]:
    runs = [run(command, env) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def interleaved(
    contenders: dict[str, tuple[list[str], dict[str, str]]], repeat: int
) -> dict[str, tuple[float, float]]:
    """Medians of (seconds, MB) per contender, one run of each per round."""
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in contenders}
    for _ in range(repeat):
        for name, (command, env) in contenders.items():
            runs[name].append(run(command, env))
    return {
        name: (statistics.median(r[0] for r in got), statistics.median(r[1] for r in got))
        for name, got in runs.items()
    }


def with_cached(
    contenders: dict[str, tuple[list[str], dict[str, str]]],
    cchc: list[str],
    env: dict[str, str],
    repeat: int,
) -> dict[str, tuple[float, float]]:
    """The contenders interleaved, then `cchc` over unchanged inputs after one priming run."""
    results = interleaved(contenders, repeat)
    run(cchc, env)  # prime the cache
    results["cchc compute, cached"] = median_of(cchc, env, repeat)
    return results


def compile_package() -> None:
    """Byte-compile cchc, as pip does when it installs a package. An editable install under
    PYTHONDONTWRITEBYTECODE (set on the measuring machine) would otherwise compile cchc's 86
    modules from source in every run: 0.08 s of a cached run that no installed copy pays, and
    that the readers' own modules, compiled when installed, do not pay either."""
    import compileall

    import cchc_cli

    compileall.compile_dir(str(Path(cchc_cli.__file__).parent), quiet=1)


def load() -> str:
    return f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--monthly", type=int, nargs="*", default=[3_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    compile_package()
    env = dict(os.environ, CCHC_CACHE_DIR=tempfile.mkdtemp(prefix="cchc-bench-"))
    serial_env = dict(env, CCHC_WORKERS="1")
    python = sys.executable
    try:
        import python_calamine  # noqa: F401

        has_calamine = True
    except ImportError:
        has_calamine = False
    table: list[tuple[str, str, float, float]] = []
    ratios: list[str] = []
    loads = [load()]
    for size in args.sizes:
        path = str(ensure_export(size))
        cchc = [python, "-m", "cchc_cli", "compute", path, "--format", "json", "--quiet"]
        contenders = {
            "fastexcel alone (typed, to pandas)": ([python, "-c", READER, path], env),
            "cchc compute, cold (--no-cache)": ([*cchc, "--no-cache"], env),
        }
        if has_calamine and size >= 1_000_000:
            contenders["pandas.read_excel(calamine)"] = ([python, "-c", CALAMINE, path], env)
        if size <= 100_000:
            contenders["pandas.read_excel(openpyxl)"] = ([python, "-c", OPENPYXL, path], env)
        results = with_cached(contenders, cchc, env, args.repeat)
        loads.append(load())
        label = f"{size:,} rows, one file"
        table += [(label, name, *measured) for name, measured in results.items()]
        raw = results["fastexcel alone (typed, to pandas)"]
        cold = results["cchc compute, cold (--no-cache)"]
        cached = results["cchc compute, cached"]
        ratios.append(
            f"{label}: cold / fastexcel time {cold[0] / raw[0]:.2f}x (target <= 1.3), memory "
            f"{cold[1] / raw[1]:.2f}x (target <= 1.3); cached / cold {cached[0] / cold[0]:.1%} "
            "(target <= 5 %)"
        )
        if "pandas.read_excel(openpyxl)" in results:
            slow = results["pandas.read_excel(openpyxl)"][0]
            ratios.append(f"{label}: pandas+openpyxl / cchc cold {slow / cold[0]:.1f}x")
        if "pandas.read_excel(calamine)" in results:
            calamine = results["pandas.read_excel(calamine)"][0]
            ratios.append(f"{label}: cchc cold / pandas+calamine {cold[0] / calamine:.2f}x")
    peaks: list[tuple[int, float, float, float]] = []  # (rows, cchc, one at a time, fastexcel)
    for size in args.monthly:
        paths = [str(p) for p in ensure_monthly(size)]
        folder = str(Path(paths[0]).parent)
        cchc = [python, "-m", "cchc_cli", "compute", folder, "--period", "2025"]
        cchc += ["--format", "json", "--quiet"]
        contenders = {
            "fastexcel, files one after another": ([python, "-c", READER_SERIAL, *paths], env),
            "fastexcel, files in processes": ([python, "-c", READER_PROCESSES, *paths], env),
            "cchc compute, cold, one file at a time": ([*cchc, "--no-cache"], serial_env),
            "cchc compute, cold (--no-cache)": ([*cchc, "--no-cache"], env),
        }
        results = with_cached(contenders, cchc, env, args.repeat)
        loads.append(load())
        label = f"{size:,} rows, 12 files"
        table += [(label, name, *measured) for name, measured in results.items()]
        serial = results["fastexcel, files one after another"]
        in_processes = results["fastexcel, files in processes"]
        one_at_a_time = results["cchc compute, cold, one file at a time"]
        cold = results["cchc compute, cold (--no-cache)"]
        cached = results["cchc compute, cached"]
        ratios.append(
            f"{label}: cold / fastexcel serial {cold[0] / serial[0]:.2f}x (target <= 0.8); "
            f"peak {cold[1] / 1024:.2f} GB (target <= 2); cached / cold "
            f"{cached[0] / cold[0]:.1%} (target <= 5 %)"
        )
        # Memory against fastexcel doing the same work: the files read as cchc reads them
        ratios.append(
            f"{label}: peak memory on the same work (target <= 1.3): files one at a time, "
            f"cchc / fastexcel {one_at_a_time[1] / serial[1]:.2f}x; files in processes, cchc / "
            f"fastexcel {cold[1] / in_processes[1]:.2f}x (not a target: cchc in processes / "
            f"fastexcel one at a time {cold[1] / serial[1]:.2f}x)"
        )
        peaks.append((size, cold[1], one_at_a_time[1], serial[1]))
    # Linear in rows: what each further million rows adds to the peak, size to size
    for (small, *low), (large, *high) in itertools.pairwise(peaks):
        added = [(h - lo) / ((large - small) / 1e6) for h, lo in zip(high, low, strict=True)]
        ratios.append(
            f"12 files, {small:,} -> {large:,} rows: peak MB added per million rows: cchc "
            f"{added[0]:.0f}, cchc one file at a time {added[1]:.0f}, fastexcel one after "
            f"another {added[2]:.0f}"
        )
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; {args.repeat} fresh runs each, interleaved, medians; "
        f"load average (1 min) at start and after each input: {', '.join(loads)}"
    )
    print(f"{'input':<24} {'contender':<40} {'wall s':>8} {'peak MB':>8}")
    for label, name, seconds, rss in table:
        print(f"{label:<24} {name:<40} {seconds:>8.2f} {rss:>8.0f}")
    print()
    for line in ratios:
        print(line)


if __name__ == "__main__":
    main()
