"""ingest/memory.py: the memory a parse freed is given back; the pool a user chose is kept
(issue #12)."""

from __future__ import annotations

import os
import subprocess
import sys

import pyarrow as pa

from cchc_cli.ingest.memory import give_back


def _pool_after_commands_choose(environment: dict[str, str]) -> str:
    code = "from cchc_cli.ingest.memory import use_returning_pool; print(use_returning_pool())"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=True
    )
    return done.stdout.strip()


def test_a_pool_chosen_by_the_user_is_kept_issue12() -> None:
    chosen = _pool_after_commands_choose({**os.environ, "ARROW_DEFAULT_MEMORY_POOL": "system"})
    assert chosen == "system"
    default = _pool_after_commands_choose(
        {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    )
    # jemalloc where the wheel has it (Linux, macOS); Arrow's default elsewhere (Windows)
    assert default in {"jemalloc", "mimalloc", "system"}


def test_memory_is_given_back_and_arrow_still_works_issue12() -> None:
    before = pa.total_allocated_bytes()
    big = pa.array(range(1_000_000))
    del big
    give_back()
    give_back()  # harmless when there is nothing to give
    assert pa.total_allocated_bytes() <= before + 1024
    assert pa.array([1, 2, 3]).to_pylist() == [1, 2, 3]
