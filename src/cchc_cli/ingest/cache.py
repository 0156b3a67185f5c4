"""A content-hash keyed cache of parsed, validated files (Parquet + JSON in the user's cache
folder), so that re-running over unchanged monthly exports costs a fraction of the first run.

The key covers the file's bytes, cchc's own code and the options that change how a file is
read; a stale or damaged entry is never trusted: it is read whole or ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from dataclasses import asdict, dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from cchc_cli.catalogue import Phrase
from cchc_cli.ingest.validate import SheetAccount
from cchc_cli.issues import Issue, Severity

FORMAT = 1  # bump when what is stored changes shape

# One validated sheet: its dataset, its row accounting and its canonical table.
SheetPart = tuple[str, SheetAccount, pd.DataFrame]


@dataclass
class CachedFile:
    """A file's load as stored: the format it was read as, its issues, its validated sheets."""

    file_format: str | None
    issues: list[Issue]
    parts: list[SheetPart]


def default_cache_dir() -> Path:
    """CCHC_CACHE_DIR, else the platform's user cache folder."""
    if os.environ.get("CCHC_CACHE_DIR"):
        return Path(os.environ["CCHC_CACHE_DIR"])
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "cchc" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "cchc"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "cchc"


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

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or default_cache_dir()

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
            return CachedFile(meta["file_format"], issues, parts)
        except Exception:  # anything wrong with an entry means: read the file again
            return None

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
            if target.exists():
                shutil.rmtree(target, ignore_errors=True)
            os.replace(staging, target)
            staging = None
        except Exception:  # a full disk or a read-only home must not fail the run
            pass
        finally:
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
