"""A content-hash keyed cache in the user's cache folder, so that re-running over unchanged
monthly exports costs a fraction of the first run. Two kinds of entries:

- one per file (Parquet + JSON): the file's parsed, validated sheets. Compact and long-lived: a
  new month's export is parsed, the eleven months before it come from here.
- one per run (Arrow IPC, uncompressed, memory-mapped when read): the tables of a whole set of
  inputs after their sheets are joined and duplicates resolved (D5), with the run's accounting
  and issues. A rerun over the same inputs reads it in a tenth of the time of the per-file
  entries and skips the join and the duplicates pass (3M rows: 0.13 s against 2.0 s), but it
  is large (about 160 bytes a row without the personal fields), so only the few most recently
  used are kept (`MAX_RUNS`).

Keys cover the files' bytes, cchc's own code and the options that change how a file is read;
a stale or damaged entry is never trusted: it is read whole or ignored and rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import tempfile
import time
import zlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from cchc_cli.cache_folder import default_cache_dir
from cchc_cli.catalogue import Phrase, os_reason
from cchc_cli.ingest.validate import SheetAccount
from cchc_cli.issues import Issue, Severity

FORMAT = 1  # bump when what is stored changes shape
RUN_FORMAT = 1  # the same, for run entries
# Run entries kept (the most recently used): an officer switches between this month's folder,
# the year, and a colleague's files; each entry of a province's year is ~0.5 GB.
MAX_RUNS = 3
# The names of the cache's entries (a SHA-256) and of its staging folders (tempfile.mkdtemp's
# eight random characters): nothing else in its folder is ever removed.
_STAGING_NAME = re.compile(r"\.tmp-[a-z0-9_]{8}")
_ENTRY_NAME = re.compile(r"[0-9a-f]{64}")
# The cache's size when CCHC_CACHE_MAX_MB does not say: the least recently used entries go
# past it (a province's year takes ~0.5 GB as a run entry and ~0.1 GB as file entries).
DEFAULT_MAX_MB = 2048
# Rows converted to Arrow at a time when a run entry is written: bounds the extra memory.
_RUN_BATCH = 262_144

# One validated sheet: its dataset, its row accounting and its canonical table.
SheetPart = tuple[str, SheetAccount, pd.DataFrame]


@dataclass
class CachedFile:
    """A file's load as stored: the format it was read as, its issues, its validated sheets."""

    file_format: str | None
    issues: list[Issue]
    parts: list[SheetPart]


@dataclass
class CachedRun:
    """A run's load as stored: the joined tables after D5, the accounting, the issues (those
    of the files, then those of duplicates) and how many duplicates were resolved."""

    tables: dict[str, pd.DataFrame]
    accounts: list[SheetAccount]
    issues: list[Issue]
    duplicates: int
    # what later steps worked out from the tables and kept with them (`put_facts`)
    facts: dict[str, Any] = field(default_factory=dict)


# A staging folder older than this was left by a run that was killed while writing.
_ABANDONED_SECONDS = 3600


def _remove_abandoned(folder: Path) -> None:
    """Remove the staging folders of writes that never finished (a laptop shut mid-run):
    each may be a province's year. A young one may be another run's write in progress."""
    now = time.time()
    for staging in folder.glob(".tmp-*"):
        if not _STAGING_NAME.fullmatch(staging.name):  # tempfile's own names only
            continue
        with contextlib.suppress(OSError):
            if now - staging.stat().st_mtime > _ABANDONED_SECONDS:
                shutil.rmtree(staging, ignore_errors=True)


def _put_in_place(staging: Path, target: Path) -> None:
    """Move a written entry into place, replacing a stale one. Another run over the same
    files may put the same entry (same key, same content) there between the removal and the
    move, and the move then fails ("Directory not empty"; on Windows, access denied): theirs
    stays and ours goes, without telling the officer to check the disk."""
    if target.exists():
        shutil.rmtree(target, ignore_errors=True)
    try:
        os.replace(staging, target)
    except OSError:
        if not (target / "meta.json").exists():  # entries arrive whole, meta.json included
            raise
        shutil.rmtree(staging, ignore_errors=True)


def _writable(table: pd.DataFrame) -> pd.DataFrame:
    """Categories' codes converted from a memory-mapped file point into the read-only map:
    copied (a few MB), so that a table from a run entry can be written into like any other."""
    for name, dtype in table.dtypes.items():
        if isinstance(dtype, pd.CategoricalDtype):
            codes = table[name].cat.codes.to_numpy()
            if not codes.flags.writeable:
                table[name] = pd.Categorical.from_codes(codes.copy(), dtype=dtype)
    return table


def cache_limit_problem() -> str | None:
    """The value of CCHC_CACHE_MAX_MB when it is set but not a positive whole number of MB
    ("500MB", "0", "-5"): the default applies, and the officer is told once."""
    text = os.environ.get("CCHC_CACHE_MAX_MB", "").strip()
    if not text or (text.isdigit() and int(text) > 0):
        return None
    return text


def max_cache_bytes() -> int:
    """CCHC_CACHE_MAX_MB (a positive whole number of MB) or the default, in bytes."""
    text = os.environ.get("CCHC_CACHE_MAX_MB", "").strip()
    megabytes = int(text) if text.isdigit() and int(text) > 0 else DEFAULT_MAX_MB
    return megabytes * 1024 * 1024


def _entry_size(entry: Path) -> int:
    total = 0
    with contextlib.suppress(OSError):
        for item in os.scandir(entry):
            with contextlib.suppress(OSError):
                total += item.stat(follow_symlinks=False).st_size
    return total


def source_files() -> list[Path]:
    """Every file of the cchc_cli package that decides what a load gives (code and data)."""
    package = Path(__file__).resolve().parent.parent
    return sorted(package.rglob("*.py")) + sorted(package.rglob("*.yaml"))


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of cchc's own source: a new version or a local change invalidates the cache."""
    digest = hashlib.sha256(str(FORMAT).encode())
    package = Path(__file__).resolve().parent.parent
    for path in source_files():
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


_PHRASE = "__phrase__"


def _encode(value: Any) -> Any:
    # A catalogue phrase keeps its key and parameters, so that it is put into words in the
    # language of the run that reads the entry; anything else not JSON is stored as its text.
    if isinstance(value, Phrase):
        return {_PHRASE: value.key, "params": dict(value.params)}
    return str(value)


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if _PHRASE in value:
            return Phrase(value[_PHRASE], _decode(value.get("params", {})))
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def _read_facts(entry: Path) -> dict[str, Any]:
    """The facts kept beside a run entry's tables, or none when absent or unreadable."""
    try:
        stored = json.loads((entry / "facts.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(stored, dict) or stored.get("format") != RUN_FORMAT:
        return {}
    facts = stored.get("facts")
    return facts if isinstance(facts, dict) else {}


def _issue_to_json(issue: Issue) -> dict[str, Any]:
    data = {f.name: getattr(issue, f.name) for f in fields(issue)}
    data["severity"] = str(issue.severity)
    data["params"] = json.loads(json.dumps(dict(issue.params), default=_encode))
    return data


def _issue_from_json(data: dict[str, Any]) -> Issue:
    return Issue(
        **{**data, "severity": Severity(data["severity"]), "params": _decode(data["params"])}
    )


class ReadCache:
    """Entries keyed by file content + options; each a folder with meta.json and Parquet."""

    def __init__(
        self,
        folder: Path | None = None,
        on_failure: Callable[[Path, Phrase | str], None] | None = None,
    ) -> None:
        found = folder or default_cache_dir()
        if found is None:
            raise ValueError("no cache folder: set CCHC_CACHE_DIR or HOME")
        self.folder = found
        # Told once, with the folder and the reason, when an entry cannot be written (a
        # read-only or full disk): the run goes on without storing.
        self._on_failure = on_failure
        self.failure: Phrase | str | None = None

    def _failed(self, exc: BaseException) -> None:
        if self.failure is not None:
            return
        self.failure = os_reason(exc)
        if self._on_failure is not None:
            self._on_failure(self.folder, self.failure)

    def key(self, content_sha256: str, options_digest: str) -> str:
        """The entry name for a file's bytes read with some options by this code."""
        text = f"{content_sha256}|{options_digest}|{code_digest()}"
        # file names that are not valid UTF-8 arrive with surrogate escapes
        return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()

    def get(self, key: str) -> CachedFile | None:
        """The stored load of a file, or None when absent, stale or damaged."""
        entry = self.folder / key
        try:
            meta = json.loads((entry / "meta.json").read_text(encoding="utf-8"))
            if meta.get("format") != FORMAT:
                return None
            parts = []
            for index, part in enumerate(meta["parts"]):
                table = pd.read_parquet(entry / f"part-{index}.parquet")
                for column in table.columns:
                    if pd.api.types.is_datetime64_any_dtype(table[column]):
                        table[column] = table[column].astype("datetime64[s]")
                if len(table) != part["rows"]:
                    return None
                account = SheetAccount(**part["account"])
                parts.append((part["dataset"], account, table))
            issues = [_issue_from_json(i) for i in meta["issues"]]
            with contextlib.suppress(OSError):
                os.utime(entry)  # most recently used: kept longest (`_trim`)
            return CachedFile(meta["file_format"], issues, parts)
        except Exception:  # anything wrong with an entry means: read the file again
            return None

    def run_key(
        self, files: list[tuple[str, int, str]], personal: frozenset[str] | None = None
    ) -> str:
        """The run entry name for files given as (label, order on the command line, file
        entry key): the same files named the same way, in the same order, keeping the same
        personal fields (None: all of them)."""
        kept = None if personal is None else sorted(personal)
        text = json.dumps(["run", RUN_FORMAT, code_digest(), files, kept], ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()

    def get_run(self, key: str) -> CachedRun | None:
        """The stored load of a run, or None when absent, stale or damaged. Its tables are
        memory-mapped: the operating system shares the pages with its file cache.

        Uncompressed Arrow has no checksum of its own: each file's CRC-32, stored when it was
        written, is checked first (0.09 s for a 3M-row year), so bytes damaged on disk or
        zeroed by a power cut are never served.
        """
        import pyarrow as pa

        entry = self.folder / "runs" / key
        try:
            meta = json.loads((entry / "meta.json").read_text(encoding="utf-8"))
            if meta.get("format") != RUN_FORMAT:
                return None
            tables = {}
            for name, rows in meta["tables"].items():
                with pa.memory_map(str(entry / f"{name}.arrow")) as source:
                    whole = source.read_buffer()
                # checked before Arrow reads a byte of it: damaged offsets must not be followed
                if zlib.crc32(memoryview(whole)) != meta["crc32"][name]:
                    return None
                stored = pa.ipc.open_file(whole).read_all()
                if stored.num_rows != rows:
                    return None
                tables[name] = _writable(stored.to_pandas())
            accounts = [SheetAccount(**a) for a in meta["accounts"]]
            issues = [_issue_from_json(i) for i in meta["issues"]]
            with contextlib.suppress(OSError):
                os.utime(entry)  # most recently used: kept longest
            # a limit lowered since the entries were written applies now, not at the next write
            self._trim(entry)
            facts = _read_facts(entry)
            return CachedRun(tables, accounts, issues, meta["duplicates"], facts)
        except Exception:  # anything wrong with an entry means: load the files again
            return None

    def put_facts(self, key: str, facts: dict[str, Any]) -> None:
        """Keep facts worked out from a run entry's tables beside them (the months the dossiers
        hold, their last day: a second at 3M rows that a cached run need not spend again).
        Written whole or not at all; failures are ignored."""
        entry = self.folder / "runs" / key
        if not (entry / "meta.json").is_file():
            return
        try:
            handle, name = tempfile.mkstemp(prefix=".facts-", dir=entry)
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({"format": RUN_FORMAT, "facts": facts}, out, ensure_ascii=False)
            os.replace(name, entry / "facts.json")
        except Exception as exc:
            self._failed(exc)

    def put_run(self, key: str, load: CachedRun) -> None:
        """Store a run's load, then drop the least recently used run entries past MAX_RUNS;
        failures are ignored (the cache is only a shortcut)."""
        import pyarrow as pa

        runs = self.folder / "runs"
        staging: Path | None = None
        try:
            runs.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=runs))
            checksums = {}
            for name, table in load.tables.items():
                schema = pa.Schema.from_pandas(table.iloc[:0], preserve_index=False)
                path = staging / f"{name}.arrow"
                with pa.ipc.new_file(str(path), schema) as writer:
                    for start in range(0, max(len(table), 1), _RUN_BATCH):
                        part = table.iloc[start : start + _RUN_BATCH]
                        writer.write_table(
                            pa.Table.from_pandas(part, schema=schema, preserve_index=False)
                        )
                with pa.memory_map(str(path)) as written:
                    checksums[name] = zlib.crc32(memoryview(written.read_buffer()))
            accounts = []
            for account in load.accounts:
                data = asdict(account)
                data.pop("header", None)
                accounts.append(data)
            meta = {
                "format": RUN_FORMAT,
                "tables": {name: len(table) for name, table in load.tables.items()},
                "crc32": checksums,
                "accounts": accounts,
                "issues": [_issue_to_json(i) for i in load.issues],
                "duplicates": load.duplicates,
            }
            (staging / "meta.json").write_text(
                json.dumps(meta, ensure_ascii=False), encoding="utf-8"
            )
            target = runs / key
            _put_in_place(staging, target)
            staging = None
            self._evict_runs(runs)
            self._trim(target)
        except Exception as exc:  # a full disk or a read-only home must not fail the run
            self._failed(exc)
        finally:
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)

    def _trim(self, keep: Path) -> None:
        """Remove the least recently used entries, file and run entries alike, until the
        cache is within its size (`max_cache_bytes`); `keep`, just written, stays."""
        limit = max_cache_bytes()
        entries: list[tuple[int, int, Path]] = []
        runs = self.folder / "runs"
        for parent in (self.folder, runs):
            with contextlib.suppress(OSError):
                for item in os.scandir(parent):
                    # only cchc's own entries (named by a SHA-256): a folder the user keeps
                    # beside them (CCHC_CACHE_DIR set to a folder of theirs) is never touched
                    if not _ENTRY_NAME.fullmatch(item.name):
                        continue
                    with contextlib.suppress(OSError):
                        if item.is_dir(follow_symlinks=False):
                            used = item.stat(follow_symlinks=False).st_mtime_ns
                            entries.append((used, _entry_size(Path(item.path)), Path(item.path)))
        total = sum(size for _, size, _ in entries)
        for _, size, entry in sorted(entries):
            if total <= limit:
                break
            if entry == keep:
                continue
            # on Windows an entry another run has mapped cannot go yet: it goes next time
            shutil.rmtree(entry, ignore_errors=True)
            total -= size

    @staticmethod
    def _evict_runs(runs: Path) -> None:
        entries = [p for p in runs.iterdir() if p.is_dir() and _ENTRY_NAME.fullmatch(p.name)]
        entries.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[MAX_RUNS:]:
            # on Windows an entry another run has mapped cannot go yet: it goes next time
            shutil.rmtree(old, ignore_errors=True)
        _remove_abandoned(runs)

    def put(self, key: str, load: CachedFile) -> None:
        """Store a file's load; failures to write are ignored (the cache is only a shortcut)."""
        staging: Path | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.folder))
            described = []
            for index, (dataset, account, table) in enumerate(load.parts):
                table.to_parquet(staging / f"part-{index}.parquet", index=False)
                accounting = asdict(account)
                accounting.pop("header", None)
                described.append({"dataset": dataset, "rows": len(table), "account": accounting})
            meta = {
                "format": FORMAT,
                "file_format": load.file_format,
                "issues": [_issue_to_json(i) for i in load.issues],
                "parts": described,
            }
            (staging / "meta.json").write_text(
                json.dumps(meta, ensure_ascii=False), encoding="utf-8"
            )
            target = self.folder / key
            _put_in_place(staging, target)
            staging = None
            _remove_abandoned(self.folder)
            self._trim(target)
        except Exception as exc:  # a full disk or a read-only home must not fail the run
            self._failed(exc)
        finally:
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
