"""The package's structure (docs/architecture.md, scripts/import_graph.py): layers read
cli → run → report → targets → ingest → readers → profiles → schema → base, no module imports
a higher layer, and no modules import each other in a circle; and the command line is built
without the data libraries, so that `cchc --help` starts fast."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

from conftest import ROOT


def _import_graph():
    spec = importlib.util.spec_from_file_location(
        "import_graph", ROOT / "scripts" / "import_graph.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["import_graph"] = module
    spec.loader.exec_module(module)
    return module


def test_no_cycle_and_no_upward_import_issue10() -> None:
    graph = _import_graph()
    edges = graph.graph()
    assert len(edges) > 60
    assert graph.cycles(edges) == []
    assert graph.upward(edges) == []
    assert [m for m in edges if graph.layer_of(m) == len(graph.LAYERS)] == []


def test_the_check_sees_a_cycle_and_an_upward_import_issue10() -> None:
    graph = _import_graph()
    edges = {
        "cchc_cli.readers.a": {"cchc_cli.readers.b"},
        "cchc_cli.readers.b": {"cchc_cli.readers.a"},
        "cchc_cli.schema.x": {"cchc_cli.targets.engine"},
        "cchc_cli.targets.engine": set(),
    }
    assert graph.cycles(edges) == [["cchc_cli.readers.a", "cchc_cli.readers.b"]]
    assert graph.upward(edges) == [("cchc_cli.schema.x", "cchc_cli.targets.engine")]


def test_building_the_commands_imports_no_data_library_issue12() -> None:
    # A fresh interpreter: this one has imported them all already.
    heavy = ["pandas", "numpy", "pyarrow", "openpyxl", "xlsxwriter"]
    # the inputs are found and hashed while the data libraries load (readers/hashes.py)
    light = "cchc_cli.cli, cchc_cli.readers.inputs, cchc_cli.readers.hashes"
    code = f"import sys, {light}; print(*[m for m in {heavy} if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == []


def test_the_help_repeats_the_library_s_values_issue12() -> None:
    from cchc_cli import run, schema
    from cchc_cli.cli import common, template_cmd

    assert common.MAX_INVALID == run.MAX_INVALID
    hand_kept = [d.name for d in schema.DATASETS.values() if d.hand_kept]
    assert list(template_cmd.HAND_KEPT) == hand_kept
