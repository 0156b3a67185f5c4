"""Write the small hostile files of tests/hostile_files.py into tests/data/hostile/ (issue 13).

    python scripts/make_hostile_corpus.py

The large ones (a zip bomb, a 2 MB CSV cell) are built by the tests when they run.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))

from hostile_files import CASES, CORPUS  # noqa: E402


def main() -> None:
    CORPUS.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        if not case.small:
            continue
        with tempfile.TemporaryDirectory() as folder:
            built = case.build(Path(folder))
            target = CORPUS / built.name
            target.write_bytes(built.read_bytes())
            print(f"{target.relative_to(TESTS.parent)}  {target.stat().st_size:,} B")


if __name__ == "__main__":
    main()
