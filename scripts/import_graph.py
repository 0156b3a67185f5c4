"""The package's import graph: cycles and layer order (docs/architecture.md).

    python scripts/import_graph.py          # the layers, and any cycle or upward import
    python scripts/import_graph.py --edges  # every module and what it imports

Exit status 1 when a module imports a higher layer or modules import each other in a circle.
Imports inside functions count: they are dependencies all the same.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "cchc_cli"

# Highest first: a module may import its own layer and the layers below it, never above.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("cli", ("cchc_cli.cli", "cchc_cli.__main__")),
    ("run", ("cchc_cli.run",)),
    ("report", ("cchc_cli.report",)),
    ("targets", ("cchc_cli.targets",)),
    ("ingest", ("cchc_cli.ingest",)),
    ("readers", ("cchc_cli.readers",)),
    ("profiles", ("cchc_cli.profiles",)),
    ("schema", ("cchc_cli.schema",)),
    (
        "base",
        (
            "cchc_cli.cache_folder",
            "cchc_cli.catalogue",
            "cchc_cli.config_yaml",
            "cchc_cli.errors",
            "cchc_cli.issues",
            "cchc_cli.output",
            "cchc_cli.parsing",
            "cchc_cli.rules",
            "cchc_cli.text",
        ),
    ),
]
# The package's own __init__ (its version): base, matched exactly so that a new top-level
# module must be given a layer.
ROOT_MODULE = "cchc_cli"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> int:
    """The index of the layer a module belongs to (longest prefix wins)."""
    if module == ROOT_MODULE:
        return len(LAYERS) - 1
    best, best_length = len(LAYERS), -1
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_length:
                best, best_length = index, len(prefix)
    return best


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """The package's modules that `path` imports (a name imported from a package that is
    itself a module of the package counts as that module)."""
    found: set[str] = set()
    own = module_name(path)
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != own:
                found.add(name)
    return found


def graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(p) for p in paths}
    return {module_name(p): imports_of(p, modules) for p in paths}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def upward(edges: dict[str, set[str]]) -> list[tuple[str, str]]:
    """(module, imported) pairs where a module imports a layer above its own."""
    return sorted(
        (module, target)
        for module, targets in edges.items()
        for target in targets
        if layer_of(target) < layer_of(module)
    )


def main(argv: list[str]) -> int:
    edges = graph()
    if "--edges" in argv:
        for module in sorted(edges):
            print(f"{module} -> {', '.join(sorted(edges[module])) or '-'}")
        return 0
    print(" → ".join(name for name, _ in LAYERS))
    for index, (name, _) in enumerate(LAYERS):
        members = sorted(m for m in edges if layer_of(m) == index)
        print(f"  {name}: {len(members)} modules")
    unplaced = sorted(m for m in edges if layer_of(m) == len(LAYERS))
    found_cycles = cycles(edges)
    found_upward = upward(edges)
    for module in unplaced:
        print(f"not in a layer: {module}")
    for component in found_cycles:
        print(f"cycle: {' ↔ '.join(component)}")
    for module, target in found_upward:
        print(f"upward: {module} imports {target}")
    if not (unplaced or found_cycles or found_upward):
        print(
            f"{len(edges)} modules, {sum(map(len, edges.values()))} imports: no cycle, "
            "no upward import"
        )
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
