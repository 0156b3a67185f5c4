"""Pydantic annotated types built on the scalar parsers, shared by every dataset model."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BeforeValidator

from cchc_cli import parsing
from cchc_cli.schema.vocabularies import VOCABULARIES


def _cell_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN from pandas
        return None
    return value if isinstance(value, str) else str(value)


def _date(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    return parsing.parse_date(_cell_text(value))


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
    vocabulary = VOCABULARIES[name]
    return BeforeValidator(lambda value: vocabulary.resolve(_cell_text(value)))


DateCell = Annotated[datetime | None, BeforeValidator(_date)]
BooleanCell = Annotated[bool, BeforeValidator(_boolean)]
AmountCell = Annotated[float | None, BeforeValidator(_amount)]
CountCell = Annotated[int | None, BeforeValidator(_count)]
TextCell = Annotated[str | None, BeforeValidator(_text)]
