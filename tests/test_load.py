"""ingest/load.py: the same numbers whichever way the inputs are read (issue #6): one file or
split files, serial or parallel reads, a year in one file or in twelve (issue #12); progress
reported per file, silent in a batch. No timings here: benchmarks/ measures speed."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from cchc_cli.cli import app
from cchc_cli.ingest import load_inputs
from conftest import SAMPLE_DATA, quarter_by_agency, write_xlsx
from golden_rows import FEB, HEADER, MAR

ROOT = Path(__file__).resolve().parent.parent


def test_one_file_or_split_files_give_the_same_numbers(runner, tmp_path) -> None:
    split = [
        str(write_xlsx(tmp_path / "2025-02.xlsx", [HEADER, *FEB])),
        str(write_xlsx(tmp_path / "2025-03.xlsx", [HEADER, *MAR])),
    ]
    whole = str(write_xlsx(tmp_path / "q1.xlsx", [HEADER, *FEB, *MAR]))
    a = quarter_by_agency(runner, *split, "--no-cache")
    b = quarter_by_agency(runner, whole, "--no-cache")
    assert a["targets"] == b["targets"]
    assert a["issues_summary"] == b["issues_summary"]


def test_serial_and_parallel_reads_are_the_same(tmp_path) -> None:
    serial = load_inputs([str(SAMPLE_DATA)], workers=1)
    parallel = load_inputs([str(SAMPLE_DATA)], workers=4)
    for name, table in serial.tables.items():
        assert table.equals(parallel.tables[name]), name
    assert [a.path for a in serial.accounts] == [a.path for a in parallel.accounts]
    assert serial.issues == parallel.issues


def test_progress_is_reported_per_file_and_silent_in_batch(runner, tmp_path) -> None:
    calls = []
    load_inputs([str(SAMPLE_DATA)], progress=lambda path, done, total: calls.append((done, total)))
    assert calls[-1] == (14, 14) and len(calls) == 14
    # not a terminal (a scheduled job, a pipe): nothing but the JSON on stdout, no bar on stderr
    result = runner.invoke(app, ["compute", str(SAMPLE_DATA), "--format", "json"])
    json.loads(result.stdout)
    assert "Đọc tệp" not in result.stderr


def test_a_load_is_usable_within_the_rejected_share_and_valid_without_any(tmp_path) -> None:
    header = ["Mã hồ sơ", "Tên thủ tục", "Ngày tiếp nhận"]
    rows = [[f"H{i}", "Khai sinh", "03/03/2025"] for i in range(4)]
    path = write_xlsx(tmp_path / "a.xlsx", [header, *rows, ["H9", "Khai sinh", "31/02/2025"]])
    loaded = load_inputs([str(path)])
    assert loaded.rejected_rate == pytest.approx(0.2)
    assert loaded.usable(0.2) and not loaded.usable(0.19)
    assert not loaded.valid  # `validate` wants no rejected row at all
    nothing = load_inputs([str(tmp_path / "missing.xlsx")])
    assert not nothing.usable(1.0) and not nothing.valid


# A year of a (small) province, as one export and as twelve monthly exports (issue #12): the
# monthly files are written by the benchmarks' own generator, each with its own mix of typed
# dates, text dates and serial numbers, so the same dossiers arrive in other cell forms.
def _synthetic():
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "scripts" / "synthetic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["synthetic"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def year_exports(tmp_path_factory) -> tuple[Path, list[Path]]:
    synthetic = _synthetic()
    folder = tmp_path_factory.mktemp("year")
    months = [f"2025-{m:02d}" for m in range(1, 13)]
    dossiers = synthetic.simulate(12, months, 40)
    whole = folder / "year.xlsx"
    synthetic.write_vendor_a_large(dossiers, whole, months[-1], 1)
    (folder / "monthly").mkdir()
    monthly = []
    for number, month in enumerate(months, start=2):
        mine = [d for d in dossiers if f"{d.received_at:%Y-%m}" == month]
        path = folder / "monthly" / f"{month}.xlsx"
        synthetic.write_vendor_a_large(mine, path, month, number)
        monthly.append(path)
    return whole, monthly


def _year(runner, *args: str) -> dict[str, object]:
    result = runner.invoke(
        app, ["compute", *args, "--period", "2025", "--format", "json", "--by", "agency_name"]
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    document.pop("inputs")  # paths, hashes and accounting per file differ by construction
    return document


def test_a_year_in_twelve_monthly_files_gives_the_figures_of_one_file_issue12(
    runner, year_exports
) -> None:
    whole, monthly = year_exports
    one = _year(runner, str(whole), "--no-cache")
    twelve = _year(runner, str(monthly[0].parent), "--no-cache")
    assert one["targets"] == twelve["targets"]
    assert one["issues_summary"] == twelve["issues_summary"]
    # the figures are real ones: every month of the year held, dossiers counted
    assert one["coverage"][0]["missing"] == []
    assert any(t["denominator"] for t in one["targets"])


def test_twelve_files_read_in_parallel_equal_the_serial_read_issue12(year_exports) -> None:
    _, monthly = year_exports
    serial = load_inputs([str(p) for p in monthly], workers=1)
    parallel = load_inputs([str(p) for p in monthly], workers=2)
    pd.testing.assert_frame_equal(serial.tables["dossiers"], parallel.tables["dossiers"])
    assert [a.path for a in serial.accounts] == [a.path for a in parallel.accounts]
    assert serial.issues == parallel.issues
    table = serial.tables["dossiers"]
    # units, procedures and the file of each row stay categories across the twelve files
    for name in ("agency_name", "procedure_name", "field_name", "source_path", "source_sheet"):
        assert isinstance(table[name].dtype, pd.CategoricalDtype), name
    assert table["source_path"].nunique() == 12


def test_a_cached_year_gives_the_figures_of_a_fresh_read_issue12(
    runner, year_exports, tmp_path, monkeypatch
) -> None:
    _, monthly = year_exports
    monkeypatch.setenv("CCHC_CACHE_DIR", str(tmp_path / "cache"))
    fresh = _year(runner, str(monthly[0].parent), "--no-cache")
    first = _year(runner, str(monthly[0].parent))
    entries = [p for p in (tmp_path / "cache").iterdir() if p.name not in ("runs", "hashes.json")]
    assert len(entries) == 12
    cached = _year(runner, str(monthly[0].parent))  # the run entry
    shutil.rmtree(tmp_path / "cache" / "runs")
    from_files = _year(runner, str(monthly[0].parent))  # the twelve file entries
    assert fresh == first == cached == from_files


def test_a_stopped_load_starts_no_further_file_issue13(tmp_path, monkeypatch) -> None:
    import cchc_cli.ingest.load as load

    paths = [write_xlsx(tmp_path / f"t{n}.xlsx", [["Mã hồ sơ"], [f"H{n}"]]) for n in range(6)]
    parsed = []
    original = load.load_file

    def counted(*args, **kwargs):
        parsed.append(args[0].path)
        return original(*args, **kwargs)

    def stop(path: str, done: int, total: int) -> None:
        raise KeyboardInterrupt  # Ctrl-C as the first file is done

    monkeypatch.setattr(load, "load_file", counted)
    with pytest.raises(KeyboardInterrupt):
        load_inputs([str(p) for p in paths], progress=stop, workers=1)
    time.sleep(0.5)  # let a parse already under way finish
    assert len(parsed) <= 2  # the first, perhaps the one under way; never all six


@pytest.mark.parametrize(("encode", "name"), [("to_tcvn3", "TCVN3"), ("to_vni", "VNI")])
def test_a_sheet_typed_in_a_legacy_font_encoding_is_an_error_with_the_fix_issue13(
    tmp_path, encode, name
) -> None:
    import legacy_fonts
    from golden_rows import HEADER, MAR

    convert = getattr(legacy_fonts, encode)
    rows = [[convert(v) if isinstance(v, str) else v for v in row] for row in [HEADER, *MAR]]
    loaded = load_inputs([str(write_xlsx(tmp_path / "cu.xlsx", rows))])
    found = [i for i in loaded.issues if i.code == "sheet.legacy_encoding"]
    assert len(found) == 1
    said = found[0].message("en")
    assert f"legacy {name} encoding" in said and "Unikey" in said
    # the example comes from the header row, where no personal data lives
    assert found[0].params["example"] in {convert(h) for h in HEADER}


def test_a_unicode_export_has_no_legacy_encoding_issue_issue13(tmp_path) -> None:
    from golden_rows import HEADER, MAR

    loaded = load_inputs([str(write_xlsx(tmp_path / "moi.xlsx", [HEADER, *MAR]))])
    assert not [i for i in loaded.issues if i.code == "sheet.legacy_encoding"]


@pytest.mark.slow
def test_a_folder_of_ten_thousand_junk_files_is_read_through_issue13(tmp_path) -> None:
    import random

    noise = random.Random(13)
    for number in range(10_000):
        suffix = (".csv", ".xlsx", ".xls", ".txt")[number % 4]
        content = bytes(noise.randrange(256) for _ in range(48)) if number % 2 else b"a;b\n1;2\n"
        (tmp_path / f"rac-{number:05d}{suffix}").write_bytes(content)
    shutil.copy(SAMPLE_DATA / "2025-03 phuong Nguyen Nghiem.csv", tmp_path / "ho-so.csv")
    started = time.monotonic()
    loaded = load_inputs([str(tmp_path)])
    assert time.monotonic() - started < 120  # a few seconds here: never a hang
    assert sum(a.rows_valid for a in loaded.accounts) == 14  # the real file, read
    # every junk file of a table format is accounted for by an issue naming it
    named = {Path(i.path).name for i in loaded.issues if i.path}
    tables = {p.name for p in tmp_path.iterdir() if p.suffix in (".csv", ".xlsx", ".xls")}
    assert tables - {"ho-so.csv"} <= named
    # files found in a folder that are not data are passed over: no encoding verdict on junk
    assert not [i for i in loaded.issues if i.code == "sheet.legacy_encoding"]


def test_legacy_text_under_a_unicode_header_fails_the_file_and_shows_no_data_issue13(
    tmp_path,
) -> None:
    from golden_rows import HEADER, MAR
    from legacy_fonts import to_tcvn3

    header = [*HEADER, "Chủ hồ sơ"]
    rows = [[to_tcvn3(v) if isinstance(v, str) else v for v in [*r, "Lê Tư"]] for r in MAR]
    loaded = load_inputs([str(write_xlsx(tmp_path / "cu.xlsx", [header, *rows]))])
    (found,) = [i for i in loaded.issues if i.code == "sheet.legacy_encoding"]
    assert found.params["example"] == "…"  # the header holds none; data rows may hold names
    assert to_tcvn3("Lê Tư") not in json.dumps([i.to_dict("vi") for i in loaded.issues])
    assert loaded.failed_inputs  # its figures are not computed (compute exits 3)


def test_no_value_of_a_sheet_in_a_legacy_encoding_is_shown_issue13(tmp_path) -> None:
    from golden_rows import HEADER, MAR
    from legacy_fonts import to_tcvn3

    status = HEADER.index("Trạng thái")
    rows = [list(r) for r in MAR]
    for row, name in zip(rows, ["Lê Tý", "Hồ Vũ", "Ngô Hải"], strict=False):
        row[status] = name  # names typed into the status column
    legacy = [[to_tcvn3(v) if isinstance(v, str) else v for v in row] for row in rows]
    loaded = load_inputs([str(write_xlsx(tmp_path / "cu.xlsx", [HEADER, *legacy]))])
    said = json.dumps([i.to_dict("vi") for i in loaded.issues], ensure_ascii=False)
    for name in ("Lê Tý", "Hồ Vũ", "Ngô Hải"):
        assert to_tcvn3(name) not in said
    assert "sheet.legacy_encoding" in said
