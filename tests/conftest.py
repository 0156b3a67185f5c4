"""Shared helpers: small workbooks built in the test itself, what a load or a computation
gives in a form to compare, and a CLI runner. The hand-checked rows are in golden_rows.py."""

from __future__ import annotations

import functools
import json
import os
import tempfile
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook

# The parsed-file cache of the tests lives apart from the user's.
os.environ.setdefault("CCHC_CACHE_DIR", tempfile.mkdtemp(prefix="cchc-test-cache-"))

# Rich wraps at terminal width: keep console output on one line per row in tests.
os.environ.setdefault("COLUMNS", "250")
os.environ.setdefault("TERMINAL_WIDTH", "250")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DATA = ROOT / "sample_data"
TARGETS = ROOT / "configs" / "targets.yaml"


def write_xlsx(
    path: Path,
    rows: Sequence[Sequence[object]],
    merges: Sequence[str] = (),
    sheet: str = "Sheet1",
    extra_sheets: dict[str, Sequence[Sequence[object]]] | None = None,
) -> Path:
    """A workbook with `rows` from A1 down; `merges` as Excel ranges ("A1:C1")."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(list(row))
    for merge in merges:
        ws.merge_cells(merge)
    for name, other in (extra_sheets or {}).items():
        extra = wb.create_sheet(name)
        for row in other:
            extra.append(list(row))
    wb.save(path)
    return path


def long_export(path: Path, rows: int) -> Path:
    """A dossier CSV of `rows` rows (the sample ward's rows under new codes): long enough that
    a run reading it is still reading a second after it starts (200k rows: about 4 s here)."""
    sample = (SAMPLE_DATA / "2025-03 phuong Nguyen Nghiem.csv").read_text("utf-8-sig")
    lines = sample.splitlines()
    header, data = lines[1], [line.split(";") for line in lines[2:] if line.count(";") > 10]
    out = [header]
    for index in range(rows):
        row = list(data[index % len(data)])
        row[0] = f"000.31.32.H48-250321-{index:07d}"
        out.append(";".join(row))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def summary_rows(workbook) -> dict[str, int]:
    """The row of each target in the report's summary sheet, by its id: the summary names
    targets (issue 15) and the method sheet gives each name its id."""
    method = workbook[workbook.sheetnames[1]]
    ids = {method.cell(r, 2).value: method.cell(r, 1).value for r in range(2, method.max_row + 1)}
    summary = workbook[workbook.sheetnames[0]]
    rows = {}
    for row in range(1, summary.max_row + 1):
        name = summary.cell(row, 2).value
        if isinstance(name, str) and isinstance(summary.cell(row, 1).value, int):
            target_id = ids.get(name.removesuffix(" (*)"))
            if target_id:
                rows[target_id] = row
    return rows


# Liberation Serif 2: Times New Roman's glyph widths, with Vietnamese letters (CI installs it).
LIBERATION = Path("/usr/share/fonts/truetype/liberation2")


@functools.cache
def _serif(bold: bool) -> tuple[dict[int, str], dict[str, tuple[int, int]], int]:
    from fontTools.ttLib import TTFont

    font = TTFont(LIBERATION / f"LiberationSerif-{'Bold' if bold else 'Regular'}.ttf")
    return font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm


def serif_width_pt(text: str, size: float, bold: bool) -> float:
    """How wide `text` prints in Times New Roman at `size` points, from Liberation Serif's
    metrics (a letter the font lacks counted as half an em)."""
    cmap, metrics, per_em = _serif(bold)
    units = sum(metrics[cmap[ord(c)]][0] if ord(c) in cmap else per_em / 2 for c in text)
    return units / per_em * size


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: base letters precomposed, tones combining."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        shape = "".join(m for m in decomposed[1:] if m in "\u0302\u0306\u031b")
        tones = "".join(m for m in decomposed[1:] if m not in "\u0302\u0306\u031b")
        out += unicodedata.normalize("NFC", decomposed[0] + shape).encode("cp1258")
        out += tones.encode("cp1258")
    return out


def issue_tuples(issues: Sequence[object]) -> list[tuple[object, ...]]:
    """(code, severity, row, column, value) of each issue, in reading order."""
    items = sorted(issues, key=lambda i: (i.path or "", i.sheet or "", i.row or -1, i.code))
    return [(i.code, str(i.severity), i.row, i.column, i.value) for i in items]


def row_accounting(result) -> list[tuple[object, ...]]:
    """(read, valid, rejected, skipped, skipped by reason) of each input of a load."""
    return [
        (a.rows_read, a.rows_valid, a.rows_rejected, a.rows_skipped, a.skipped)
        for a in result.accounts
    ]


def targets_by_id(paths, period: str, config=None, as_of=None) -> dict[str, object]:
    """The results of `config` (the shipped targets file if None) on `paths`, by target id."""
    from cchc_cli.ingest import load_inputs
    from cchc_cli.targets.config import load_targets
    from cchc_cli.targets.engine import compute
    from cchc_cli.targets.periods import parse_period

    loaded = load_inputs([str(p) for p in paths])
    config = load_targets(TARGETS) if config is None else config
    result = compute(loaded.tables, config, parse_period(period, as_of), [])
    return {t.target.id: t for t in result.targets}


def quarter_by_agency(runner, *args: str) -> dict[str, object]:
    """`cchc compute ARGS` for 2025-Q1 by agency as JSON, without the input paths (they differ
    between the runs compared)."""
    from cchc_cli.cli import app

    result = runner.invoke(
        app, ["compute", *args, "--period", "2025-Q1", "--format", "json", "--by", "agency_name"]
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    for entry in document["inputs"]:
        entry.pop("path")
    return document


@pytest.fixture
def runner():
    from typer.testing import CliRunner

    return CliRunner()
