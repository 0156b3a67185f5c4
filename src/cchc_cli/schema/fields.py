"""How a dataset is described: field kinds, header aliases and the dataset record."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from pydantic import BaseModel


class Kind(StrEnum):
    """How a column's cells are parsed."""

    TEXT = "text"
    DATETIME = "datetime"
    BOOLEAN = "boolean"
    COUNT = "count"
    AMOUNT = "amount"
    LABEL = "label"


@dataclass(frozen=True, slots=True)
class Column:
    """Pydantic field metadata: the kind of a canonical field and its human labels.

    The header texts that name a field are data: the vendor profiles (D12).
    """

    kind: Kind
    vocabulary: str | None = None
    personal: bool = False
    label_vi: str = ""
    label_en: str = ""
    # For `cchc template`: what a filled cell looks like and what the field means.
    example: str = ""
    note_vi: str = ""
    # A field filled from this field's column with the finer code of its vocabulary (paid online
    # -> on which platform); it has no header of its own.
    detail: str | None = None
    derived: bool = False
    # Few distinct values over many rows (units, procedures, fields): kept as categories, a
    # small code per row instead of a string (a province's year: 3M rows, a few hundred units).
    repeats: bool = False


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One canonical field of a dataset, as the readers and validators use it."""

    name: str
    kind: Kind
    vocabulary: str | None
    personal: bool
    label_vi: str
    label_en: str
    example: str = ""
    note_vi: str = ""
    detail: str | None = None
    derived: bool = False
    repeats: bool = False

    def label(self, lang: str) -> str:
        """The human header of this field."""
        return (self.label_en if lang == "en" else self.label_vi) or self.name


@dataclass(frozen=True)
class Dataset:
    """A kind of register cchc can read: its Pydantic model, required columns and key."""

    name: str
    title_vi: str
    title_en: str
    model: type[BaseModel]
    required: tuple[str, ...]
    # Each inner tuple: at least one of these columns must be present and filled.
    required_any: tuple[tuple[str, ...], ...] = ()
    key: str | None = None
    # Registers officers keep by hand: `cchc template` makes a ready-to-fill workbook for them.
    hand_kept: bool = False
    # The date that places a row in time (a unit's level is the one in force on that day).
    date_field: str | None = None
    fields: dict[str, FieldSpec] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", fields_of(self.model))

    def title(self, lang: str) -> str:
        """The dataset's human name."""
        return self.title_en if lang == "en" else self.title_vi

    @property
    def personal_fields(self) -> frozenset[str]:
        return frozenset(name for name, spec in self.fields.items() if spec.personal)

    def missing_required(self, present: set[str]) -> list[str]:
        """Required columns (or column groups, joined by '/') absent from `present`."""
        missing = [name for name in self.required if name not in present]
        missing += ["/".join(group) for group in self.required_any if not present & set(group)]
        return missing


def fields_of(model: type[BaseModel]) -> dict[str, FieldSpec]:
    """Read the Column metadata off a Pydantic model's fields."""
    specs: dict[str, FieldSpec] = {}
    for name, info in model.model_fields.items():
        column = next((m for m in info.metadata if isinstance(m, Column)), None)
        if column is None:
            continue
        specs[name] = FieldSpec(
            name=name,
            kind=column.kind,
            vocabulary=column.vocabulary,
            personal=column.personal,
            label_vi=column.label_vi,
            label_en=column.label_en,
            example=column.example,
            note_vi=column.note_vi,
            detail=column.detail,
            derived=column.derived,
            repeats=column.repeats,
        )
    return specs
