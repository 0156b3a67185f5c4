"""Configuration YAML (targets, vendor profiles, --columns files): the safe loader only, and
nothing a hostile or mistyped file can use to mislead or stall a run (issue 13).

- A key written twice in one mapping is an error naming both lines: PyYAML keeps the last one
  silently, and a second `threshold:` pasted below the first turned 0.50 into 0.01 (the target
  showed "Đạt").
- Only a regular file is read, at most MAX_BYTES: a FIFO given as --targets would wait forever,
  /dev/zero never end.
- Aliases may not expand the document past MAX_NODES (an 852-byte alias tree grew past 3 GB
  once validated), nor nest deeper than MAX_DEPTH (10,000 levels overflowed the stack).
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from cchc_cli.catalogue import Count, Phrase, phrase

MAX_BYTES = 1_000_000
MAX_NODES = 100_000
MAX_DEPTH = 64

_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # C-accelerated, still safe
_MERGE = "tag:yaml.org,2002:merge"


class ConfigYamlProblem(Exception):
    """Why a configuration file cannot be used, as a catalogue phrase (`reason` of the
    caller's ConfigError)."""

    def __init__(self, reason: Phrase | str) -> None:
        super().__init__(reason)

    @property
    def reason(self) -> Phrase | str:
        return self.args[0]


class _Loader(_Base):  # type: ignore[misc, valid-type]
    def construct_mapping(self, node: MappingNode, deep: bool = False) -> Any:
        lines: dict[str, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == _MERGE:
                continue
            line = key_node.start_mark.line + 1
            if key_node.value in lines:
                raise ConfigYamlProblem(
                    phrase(
                        "reason.yaml_duplicate_key",
                        key=key_node.value,
                        first=lines[key_node.value],
                        second=line,
                    )
                )
            lines[key_node.value] = line
        return super().construct_mapping(node, deep=deep)


def _check_shape(root: Node) -> None:
    """The expanded size and the depth of the node graph (aliases are shared nodes), computed
    without recursion and with each node visited once."""
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    stack: list[tuple[Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, level, done = stack.pop()
        if level > MAX_DEPTH:
            raise ConfigYamlProblem(phrase("reason.yaml_too_deep", limit=MAX_DEPTH))
        children: list[Node] = []
        if isinstance(node, SequenceNode):
            children = list(node.value)
        elif isinstance(node, MappingNode):
            children = [part for pair in node.value for part in pair]
        if done:
            size[id(node)] = 1 + sum(size[id(c)] for c in children)
            depth[id(node)] = 1 + max((depth[id(c)] for c in children), default=0)
            if size[id(node)] > MAX_NODES:
                limit = Count(MAX_NODES)
                raise ConfigYamlProblem(phrase("reason.yaml_too_many_nodes", limit=limit))
            continue
        if id(node) in size:
            continue
        stack.append((node, level, True))
        stack.extend((c, level + 1, False) for c in children if id(c) not in size)
    if depth.get(id(root), 0) > MAX_DEPTH:
        raise ConfigYamlProblem(phrase("reason.yaml_too_deep", limit=MAX_DEPTH))


def load_config_yaml(text: str) -> Any:
    """The document's data; yaml.YAMLError on a syntax error, ConfigYamlProblem on a repeated
    key or a document past the limits."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        _check_shape(root)
        return loader.construct_document(root)
    finally:
        loader.dispose()


def read_config_bytes(path: Path) -> bytes:
    """A configuration file's bytes: a regular file of at most MAX_BYTES. OSError when it
    cannot be read, ConfigYamlProblem when it is not a regular file or too large."""
    status = path.stat()
    if not stat.S_ISREG(status.st_mode):
        raise ConfigYamlProblem(phrase("reason.not_a_regular_file"))
    with path.open("rb") as handle:
        content = handle.read(MAX_BYTES + 1)
    if len(content) > MAX_BYTES:
        too_large = Count(MAX_BYTES, prefix="> ")
        raise ConfigYamlProblem(phrase("profile_file.too_large", size=too_large))
    return content
