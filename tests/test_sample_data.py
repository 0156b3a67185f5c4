"""scripts/make_sample_data.py: sample_data/ is what the committed, seeded generator makes, and
it shows every quirk."""

from __future__ import annotations

import subprocess
import sys

from cchc_cli.ingest import load_inputs
from cchc_cli.readers import read_file
from conftest import ROOT, SAMPLE_DATA


def test_sample_data_is_reproducible_from_the_generator(tmp_path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_sample_data.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    committed = sorted(p.name for p in SAMPLE_DATA.iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) == committed
    for name in committed:
        fresh, kept = (tmp_path / name).read_bytes(), (SAMPLE_DATA / name).read_bytes()
        if name.endswith(".xlsx"):
            # xlsx files carry a creation timestamp: compare what they hold.
            fresh_sheets, kept_sheets = read_file(fresh, "x")[1], read_file(kept, "x")[1]
            pairs = zip(fresh_sheets, kept_sheets, strict=True)
            assert [s.cells.equals(k.cells) for s, k in pairs] == [True]
        else:
            assert fresh == kept, name


def test_sample_data_covers_the_town_and_the_layouts() -> None:
    result = load_inputs([str(SAMPLE_DATA)])
    assert {a.format for a in result.accounts} == {"xlsx", "html-xls", "csv"}
    table = result.tables["dossiers"]
    assert table["agency_name"].nunique() == 15
    months = set(table["received_at"].dt.strftime("%Y-%m"))
    assert {"2025-02", "2025-03"} <= months
    assert result.rows_rejected == 4
    assert result.duplicates > 0
    # every D2 column the targets need is present
    assert {
        "channel",
        "due_at",
        "completed_at",
        "reused_data",
        "data_shared",
        "inter_agency",
        "inter_agency_electronic",
        "fee_amount",
        "paid_online",
        "rating",
        "admin_level",
        "field_name",
    } <= set(table.columns)
