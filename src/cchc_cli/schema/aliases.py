"""Header aliases per dataset (D1/D2) and the user's `--columns FILE` that extends them."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from cchc_cli.errors import ConfigError
from cchc_cli.schema.fields import Dataset
from cchc_cli.schema.vocabularies import VOCABULARIES, Vocabulary
from cchc_cli.text import match_key, normalize_label


@dataclass
class AliasIndex:
    """Header text -> canonical field of one dataset: exact normalised form, then without marks."""

    dataset: Dataset
    exact: dict[str, str] = field(default_factory=dict)
    folded: dict[str, str] = field(default_factory=dict)

    def add(self, field_name: str, alias: str) -> None:
        """Register (or re-point, when the user overrides) an alias."""
        self.exact[normalize_label(alias)] = field_name
        self.folded[match_key(alias)] = field_name

    def lookup(self, header: str) -> str | None:
        """The canonical field a header names, if any."""
        if not header:
            return None
        found = self.exact.get(normalize_label(header))
        if found is None:
            found = self.folded.get(match_key(header))
        return found


@dataclass
class ColumnsConfig:
    """What a --columns file adds: header aliases per dataset and vendor value labels."""

    aliases: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    values: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def index_for(self, dataset: Dataset) -> AliasIndex:
        """Built-in aliases of `dataset`, then the user's (which win on a clash)."""
        index = AliasIndex(dataset)
        for name, spec in dataset.fields.items():
            for alias in (name, *spec.aliases):
                index.add(name, alias)
        for name, extra in self.aliases.get(dataset.name, {}).items():
            for alias in extra:
                index.add(name, alias)
        return index

    def vocabulary(self, name: str) -> Vocabulary:
        """The vocabulary `name` with the user's extra labels."""
        base = VOCABULARIES[name]
        extra = self.values.get(name)
        return base.with_labels(extra) if extra else base


class _ColumnsFile(BaseModel):
    model_config = ConfigDict(extra="allow")

    values: dict[str, dict[str, list[str]]] = {}

    @field_validator("values", mode="before")
    @classmethod
    def _lists(cls, value: Any) -> Any:
        # A single label may be written without brackets; any other shape is left for
        # Pydantic to report with its location.
        if isinstance(value, dict):
            return {
                k: {c: [v] if isinstance(v, str) else v for c, v in labels.items()}
                if isinstance(labels, dict)
                else labels
                for k, labels in value.items()
            }
        return value


def _hint(name: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(name, choices, n=1)
    return f" Có phải '{close[0]}'? / Did you mean '{close[0]}'?" if close else ""


def load_columns_file(path: Path | None, datasets: dict[str, Dataset]) -> ColumnsConfig:
    """Read and check a --columns YAML file (safe loader only); ConfigError on any mistake."""
    if path is None:
        return ColumnsConfig()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(
            "config.columns_unreadable", path=str(path), reason=str(exc).splitlines()[0]
        ) from exc
    if raw is None:
        return ColumnsConfig()
    if not isinstance(raw, dict):
        raise ConfigError(
            "config.columns_invalid",
            path=str(path),
            location="/",
            reason="cần một bảng 'tên dữ liệu: {trường: [tên cột]}' / expected a mapping",
        )
    try:
        parsed = _ColumnsFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ConfigError(
            "config.columns_invalid",
            path=str(path),
            location=".".join(str(p) for p in first["loc"]),
            reason=first["msg"],
        ) from exc
    config = ColumnsConfig()
    for dataset_name, mapping in raw.items():
        if dataset_name == "values":
            continue
        if dataset_name not in datasets:
            raise ConfigError(
                "config.columns_invalid",
                path=str(path),
                location=str(dataset_name),
                reason="không có loại dữ liệu này / unknown dataset."
                + _hint(str(dataset_name), list(datasets)),
            )
        if not isinstance(mapping, dict):
            raise ConfigError(
                "config.columns_invalid",
                path=str(path),
                location=str(dataset_name),
                reason="cần 'trường: [tên cột, …]' / expected 'field: [header, …]'",
            )
        fields = datasets[dataset_name].fields
        for field_name, aliases in mapping.items():
            location = f"{dataset_name}.{field_name}"
            if field_name not in fields:
                raise ConfigError(
                    "config.columns_invalid",
                    path=str(path),
                    location=location,
                    reason="không có trường này / unknown field."
                    + _hint(str(field_name), list(fields)),
                )
            names = [aliases] if isinstance(aliases, str) else aliases
            if not isinstance(names, list) or not all(isinstance(a, str) for a in names):
                raise ConfigError(
                    "config.columns_invalid",
                    path=str(path),
                    location=location,
                    reason="cần danh sách tên cột / expected a list of header names",
                )
            config.aliases.setdefault(dataset_name, {})[field_name] = names
    for vocabulary_name, labels in parsed.values.items():
        location = f"values.{vocabulary_name}"
        if vocabulary_name not in VOCABULARIES:
            raise ConfigError(
                "config.columns_invalid",
                path=str(path),
                location=location,
                reason="không có danh mục này / unknown vocabulary."
                + _hint(vocabulary_name, list(VOCABULARIES)),
            )
        codes = [c.value for c in VOCABULARIES[vocabulary_name].codes if c.value != "UNKNOWN"]
        for code in labels:
            if code not in codes:
                raise ConfigError(
                    "config.columns_invalid",
                    path=str(path),
                    location=f"{location}.{code}",
                    reason=f"mã phải là một trong / code must be one of {', '.join(codes)}."
                    + _hint(code, codes),
                )
    config.values = parsed.values
    return config
