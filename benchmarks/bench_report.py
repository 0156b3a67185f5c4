"""The leadership report at province scale (issue #12): `cchc report` against `cchc compute`
on the same inputs, a month and a year, in one run.

    python benchmarks/bench_report.py [--sizes 100000 1000000] [--repeat 3]

Every contender runs in a fresh process (medians of wall time and peak RSS):
- compute, cold: read, validate, every target, JSON out (`--no-cache`);
- report, cold: the same reading, then the report's views (summary, per unit, per field, the
  month-by-month trend, form 06a, late dossiers, data quality) written as .xlsx;
- report, cached: the report over unchanged inputs (after one priming run).
Inputs: `benchmarks/generate.py` exports; "month" is March 2025 of the January-March file,
"year" is 2025 of the January-December file (`generate.py --year`). Targets: report cold
<= 1.5x compute cold, and linear in rows.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_compute import compile_package, interleaved, load, median_of, run  # noqa: E402
from generate import ensure_export  # noqa: E402

SPANS = {"month": (False, "2025-03"), "year": (True, "2025")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--spans", nargs="+", default=list(SPANS), choices=list(SPANS))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    compile_package()
    env = dict(os.environ, CCHC_CACHE_DIR=tempfile.mkdtemp(prefix="cchc-bench-"))
    out = Path(tempfile.mkdtemp(prefix="cchc-report-")) / "bao-cao.xlsx"
    python = sys.executable
    started_load = load()
    rows: list[tuple[int, str, str, float, float]] = []
    for size in args.sizes:
        for span in args.spans:
            year, period = SPANS[span]
            path = str(ensure_export(size, year=year))
            base = [python, "-m", "cchc_cli"]
            compute = [*base, "compute", path, "--period", period, "--format", "json", "-q"]
            report = [*base, "report", path, "--period", period, "-o", str(out), "-q"]
            measured = interleaved(
                {
                    "compute, cold": ([*compute, "--no-cache"], env),
                    "report, cold": ([*report, "--no-cache"], env),
                },
                args.repeat,
            )
            run(report, env)  # prime the cache
            measured["report, cached"] = median_of(report, env, args.repeat)
            for name, (seconds, rss) in measured.items():
                rows.append((size, span, name, seconds, rss))
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load average at start {started_load}, at end {load()}; "
        f"{args.repeat} fresh runs each (compute and report cold interleaved), medians"
    )
    print(f"{'rows':>9}  {'span':<6} {'contender':<16} {'wall s':>8} {'peak MB':>8}")
    for size, span, name, seconds, rss in rows:
        print(f"{size:>9,}  {span:<6} {name:<16} {seconds:>8.2f} {rss:>8.0f}")
    print()
    by_key = {(size, span, name): (seconds, rss) for size, span, name, seconds, rss in rows}
    for size in args.sizes:
        for span in args.spans:
            report = by_key[(size, span, "report, cold")]
            compute = by_key[(size, span, "compute, cold")]
            print(
                f"{size:>9,} rows, {span}: report / compute (cold) "
                f"{report[0] / compute[0]:.2f}x (target <= 1.5)"
            )
    sizes = sorted(args.sizes)
    if len(sizes) >= 2:
        for span in args.spans:
            small = by_key[(sizes[0], span, "report, cold")][0]
            large = by_key[(sizes[-1], span, "report, cold")][0]
            print(
                f"report scaling {sizes[0]:,} -> {sizes[-1]:,} rows ({span}): "
                f"{large / small:.1f}x time for {sizes[-1] / sizes[0]:.0f}x rows"
            )


if __name__ == "__main__":
    main()
