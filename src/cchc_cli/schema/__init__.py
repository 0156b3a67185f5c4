"""Canonical datasets: Pydantic models, header aliases and vocabularies."""

from __future__ import annotations

from cchc_cli.catalogue import did_you_mean
from cchc_cli.errors import ConfigError
from cchc_cli.schema.dossiers import DOSSIERS
from cchc_cli.schema.fields import Dataset, FieldSpec, Kind
from cchc_cli.schema.registers import REGISTERS

DATASETS: dict[str, Dataset] = {d.name: d for d in (DOSSIERS, *REGISTERS)}
# Names, phones, addresses and ID numbers of every dataset: never grouped by, held by a run
# only when it reads them (`run.personal_kept`).
PERSONAL_FIELDS: frozenset[str] = frozenset().union(*(d.personal_fields for d in DATASETS.values()))


def get_dataset(name: str) -> Dataset:
    """The dataset called `name`, or a configuration error with a suggestion."""
    if name in DATASETS:
        return DATASETS[name]
    hint = did_you_mean(name, DATASETS)
    raise ConfigError("config.unknown_dataset", name=name, choices=", ".join(DATASETS), hint=hint)


__all__ = ["DATASETS", "PERSONAL_FIELDS", "Dataset", "FieldSpec", "Kind", "get_dataset"]
