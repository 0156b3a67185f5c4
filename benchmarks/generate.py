"""Generate seeded benchmark exports: `python benchmarks/generate.py 100000 [1000000 …]`.

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


def export_path(rows: int) -> Path:
    """Where the benchmark file with `rows` dossiers lives."""
    return DATA / f"dossiers_{rows}.xlsx"


def ensure_export(rows: int, seed: int = 6) -> Path:
    """Write the file unless it is already there."""
    path = export_path(rows)
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    months = ["2025-01", "2025-02", "2025-03"]
    dossiers = synthetic.simulate(seed, months, rows // len(months) + 1)[:rows]
    tmp = path.with_suffix(".tmp.xlsx")
    synthetic.write_vendor_a_large(dossiers, tmp, "2025-03", seed)
    tmp.replace(path)
    print(f"generated {path.name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


if __name__ == "__main__":
    for argument in sys.argv[1:] or ["100000"]:
        print(ensure_export(int(argument)))
