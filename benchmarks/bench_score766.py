"""The 766 scorecard at province scale (issue 16): `cchc score766` against `cchc compute` on
the same export, in one run.

    python benchmarks/bench_score766.py [--sizes 100000 1000000] [--repeat 3]

Every contender runs in a fresh process (medians of wall time and peak RSS), cold ones
interleaved:
- compute, cold: read, validate, every target of configs/targets.yaml, JSON out (`--no-cache`);
- score766, cold: the same reading, every indicator of the default scorecard, the dossiers that
  cost points and those at risk, JSON out with the lists (`--no-cache`);
- compute and score766 cached: over the unchanged export after one priming run.
Inputs: `benchmarks/generate.py` exports, March 2025 of the January-March file. Target:
score766 costs no more than compute (ratio <= 1.0, cold and cached).
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

from bench_compute import compile_package, interleaved, load, run  # noqa: E402
from generate import ensure_export  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    compile_package()
    env = dict(os.environ, CCHC_CACHE_DIR=tempfile.mkdtemp(prefix="cchc-bench-"))
    python = sys.executable
    started_load = load()
    rows: list[tuple[int, str, float, float]] = []
    for size in args.sizes:
        path = str(ensure_export(size))
        base = [python, "-m", "cchc_cli"]
        compute = [*base, "compute", path, "--period", "2025-03", "--format", "json", "-q"]
        score = [*base, "score766", path, "--period", "2025-03", "--format", "json", "-q"]
        measured = interleaved(
            {
                "compute, cold": ([*compute, "--no-cache"], env),
                "score766, cold": ([*score, "--no-cache"], env),
            },
            args.repeat,
        )
        run(compute, env)  # prime the cache (the same file entry serves both commands)
        measured.update(
            {
                name.replace("(cached)", "cached"): value
                for name, value in interleaved(
                    {"compute, cached": (compute, env), "score766, cached": (score, env)},
                    args.repeat,
                ).items()
            }
        )
        for name, (seconds, rss) in measured.items():
            rows.append((size, name, seconds, rss))
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load average at start {started_load}, at end {load()}; "
        f"{args.repeat} fresh runs each (interleaved), medians"
    )
    print(f"{'rows':>9}  {'contender':<18} {'wall s':>8} {'peak MB':>8}")
    for size, name, seconds, rss in rows:
        print(f"{size:>9,}  {name:<18} {seconds:>8.2f} {rss:>8.0f}")
    print()
    by_key = {(size, name): (seconds, rss) for size, name, seconds, rss in rows}
    for size in args.sizes:
        for state in ("cold", "cached"):
            score = by_key[(size, f"score766, {state}")]
            compute = by_key[(size, f"compute, {state}")]
            print(
                f"{size:>9,} rows, {state}: score766 / compute {score[0] / compute[0]:.2f}x "
                f"time, {score[1] / compute[1]:.2f}x memory (target <= 1.0 time)"
            )


if __name__ == "__main__":
    main()
