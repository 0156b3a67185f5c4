"""Canonical datasets: Pydantic models, header aliases and vocabularies."""

from __future__ import annotations

from cchc_cli.errors import ConfigError
from cchc_cli.schema.dossiers import DOSSIERS
from cchc_cli.schema.fields import Dataset, FieldSpec, Kind
from cchc_cli.schema.registers import REGISTERS

DATASETS: dict[str, Dataset] = {d.name: d for d in (DOSSIERS, *REGISTERS)}


def get_dataset(name: str) -> Dataset:
    """The dataset called `name`, or a configuration error with a suggestion."""
    import difflib

    if name in DATASETS:
        return DATASETS[name]
    close = difflib.get_close_matches(name, list(DATASETS), n=1)
    hint = f" Có phải '{close[0]}'?" if close else ""
    raise ConfigError("config.unknown_dataset", name=name, choices=", ".join(DATASETS), hint=hint)


__all__ = ["DATASETS", "Dataset", "FieldSpec", "Kind", "get_dataset"]
