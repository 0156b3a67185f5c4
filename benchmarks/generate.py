"""Generate seeded benchmark exports: `python benchmarks/generate.py [--year] 100000 [1000000 …]`.

Files go to benchmarks/data/ (git-ignored) as dossiers_<rows>.xlsx; existing files are kept.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "scripts"))

import synthetic  # noqa: E402

DATA = HERE / "data"


def export_path(rows: int, year: bool = False) -> Path:
    """Where the benchmark file with `rows` dossiers lives (a quarter, or a whole year)."""
    return DATA / f"dossiers_{rows}{'_year' if year else ''}.xlsx"


def ensure_export(rows: int, seed: int = 6, year: bool = False) -> Path:
    """Write the file unless it is already there: dossiers received January to March 2025
    in one export, or (year) January to December 2025 (the report of a province's year)."""
    path = export_path(rows, year)
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    last = 12 if year else 3
    months = [f"2025-{m:02d}" for m in range(1, last + 1)]
    dossiers = synthetic.simulate(seed, months, rows // len(months) + 1)[:rows]
    tmp = path.with_suffix(".tmp.xlsx")
    synthetic.write_vendor_a_large(dossiers, tmp, months[-1], seed)
    tmp.replace(path)
    print(f"generated {path.name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


if __name__ == "__main__":
    year = "--year" in sys.argv
    for argument in [a for a in sys.argv[1:] if a != "--year"] or ["100000"]:
        print(ensure_export(int(argument), year=year))
