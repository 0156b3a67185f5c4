"""Pydantic annotated types built on the scalar parsers, shared by every dataset model.

Values are read as the vendor profile of their sheet says (labels, numbers, date forms): pass it
as `context={"profile": profile}` to `model_validate` (the base profile for a generic sheet).
The schema names no profile itself: profiles are built on the schema, not the other way round.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any, Protocol

from pydantic import BeforeValidator, ValidationInfo

from cchc_cli import parsing
from cchc_cli.schema.vocabularies import Vocabulary


class ReadingRules(Protocol):
    """What the validators need of a vendor profile (cchc_cli.profiles.Profile has it)."""

    @property
    def date_forms(self) -> tuple[str, ...]: ...

    @property
    def vocabularies(self) -> Mapping[str, Vocabulary]: ...


def _cell_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN from pandas
        return None
    return value if isinstance(value, str) else str(value)


def profile_of(info: ValidationInfo | None) -> ReadingRules:
    """The profile a record is read with (the validation context's)."""
    context = info.context if info is not None else None
    if isinstance(context, dict) and context.get("profile") is not None:
        return context["profile"]
    # a programming error, not a bad value: never turned into a ValidationError
    raise RuntimeError('validate records with context={"profile": profile}')


def _date(value: Any, info: ValidationInfo) -> datetime | None:
    if isinstance(value, datetime):
        return value
    return parsing.parse_date(_cell_text(value), profile_of(info).date_forms)


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return parsing.parse_boolean(_cell_text(value))


def _amount(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return parsing.parse_amount(_cell_text(value))


def _count(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return parsing.parse_count(_cell_text(value))


def _text(value: Any) -> str | None:
    return parsing.parse_text(_cell_text(value))


def vocabulary_validator(name: str) -> BeforeValidator:
    """Resolve a label through a vocabulary; unknown labels become UNKNOWN (D3)."""

    def resolve(value: Any, info: ValidationInfo) -> str | None:
        vocabulary = profile_of(info).vocabularies[name]
        code = vocabulary.resolve(_cell_text(value))
        if code == vocabulary.unknown and vocabulary.kind.true_codes:
            # A yes/no word in a column that may also say where ("x", "Có", "0").
            return vocabulary.from_boolean(parsing.parse_boolean(_cell_text(value)))
        return code

    return BeforeValidator(resolve)


def flag_validator(name: str) -> BeforeValidator:
    """Yes or no, from a yes/no vocabulary that may also say how (paid online: where; secret:
    how secret): every "yes" code counts (D3)."""

    def resolve(value: Any, info: ValidationInfo) -> bool:
        if isinstance(value, bool):
            return value
        vocabulary = profile_of(info).vocabularies[name]
        code = vocabulary.resolve(_cell_text(value))
        if code == vocabulary.unknown:
            return parsing.parse_boolean(_cell_text(value))
        return vocabulary.is_true(code)

    return BeforeValidator(resolve)


DateCell = Annotated[datetime | None, BeforeValidator(_date)]
BooleanCell = Annotated[bool, BeforeValidator(_boolean)]
AmountCell = Annotated[float | None, BeforeValidator(_amount)]
CountCell = Annotated[int | None, BeforeValidator(_count)]
TextCell = Annotated[str | None, BeforeValidator(_text)]
