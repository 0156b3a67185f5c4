"""Generate seeded benchmark exports: `python benchmarks/generate.py [--year | --monthly] 100000
[1000000 …]`.

Files go to benchmarks/data/ (git-ignored) as dossiers_<rows>.xlsx (a quarter),
dossiers_<rows>_year.xlsx (a year in one file) or monthly_<rows>/2025-MM.xlsx (a year in twelve
monthly exports, each with the dossiers received that month); existing files are kept.
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


def ensure_monthly(rows: int, seed: int = 6) -> list[Path]:
    """Twelve monthly exports of 2025 holding `rows` dossiers in all (each month's file lists
    the dossiers received in it, as a monthly "danh sách hồ sơ" does)."""
    folder = DATA / f"monthly_{rows}"
    months = [f"2025-{m:02d}" for m in range(1, 13)]
    paths = [folder / f"{month}.xlsx" for month in months]
    if all(p.exists() for p in paths):
        return paths
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    dossiers = synthetic.simulate(seed, months, rows // len(months) + 1)[:rows]
    for month, path in zip(months, paths, strict=True):
        mine = [d for d in dossiers if f"{d.received_at:%Y-%m}" == month]
        tmp = path.with_suffix(".tmp.xlsx")
        synthetic.write_vendor_a_large(mine, tmp, month, seed)
        tmp.replace(path)
    print(f"generated {folder.name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return paths


if __name__ == "__main__":
    flags = {"--year", "--monthly"}
    for argument in [a for a in sys.argv[1:] if a not in flags] or ["100000"]:
        if "--monthly" in sys.argv:
            print(ensure_monthly(int(argument))[0].parent)
        else:
            print(ensure_export(int(argument), year="--year" in sys.argv))
