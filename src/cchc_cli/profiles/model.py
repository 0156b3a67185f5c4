"""The shape of a vendor profile file (DECISIONS D12), checked by Pydantic after a safe YAML load.

A profile says how one family of one-stop systems writes its exports: which header means which
canonical field (with a priority), which headers to leave out, what its labels and numbers mean,
extra date forms and footer words. Every rule in a shipped profile cites its source in a comment.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from cchc_cli.catalogue import (
    Phrase,
    did_you_mean,
    os_reason,
    phrase,
    pydantic_reason,
    yaml_reason,
)
from cchc_cli.config_yaml import ConfigYamlProblem, load_config_yaml, read_config_bytes
from cchc_cli.errors import ConfigError
from cchc_cli.parsing import DATE_FORMS
from cchc_cli.schema import DATASETS
from cchc_cli.schema.vocabularies import VOCABULARY_KINDS

IGNORE = "ignore"
_PROFILE_KEYS = {"profile", "title", "title_en", "system", "extends", "sources", "datasets"}
_PROFILE_KEYS |= {"values", "dates", "footer", "detect"}


class HeaderAlias(BaseModel):
    """A header text with its priority: 1 is a field's primary header; a higher number is a
    secondary one, used only where no primary header of that field is in the sheet."""

    model_config = ConfigDict(extra="forbid")

    header: str = Field(min_length=1)
    priority: int = Field(default=1, ge=1, le=9)


class IgnoredHeader(BaseModel):
    """A header the profile knows and deliberately does not read, and why."""

    model_config = ConfigDict(extra="forbid")

    header: str = Field(min_length=1)
    why: str = ""
    why_en: str = ""


class DatasetRules(BaseModel):
    """How one dataset's headers are written by this source."""

    model_config = ConfigDict(extra="forbid")

    fields: dict[str, list[str | HeaderAlias]] = {}
    # header text -> canonical field or "ignore"; null means "not decided yet" (profile init).
    read_as: dict[str, str | None] = {}
    ignore: list[str | IgnoredHeader] = []

    @field_validator("fields", "read_as", "ignore", mode="before")
    @classmethod
    def _nothing_yet(cls, value: Any) -> Any:
        # A key left with only comments under it (a drafted profile) is empty.
        return {} if value is None else value

    @field_validator("fields", mode="before")
    @classmethod
    def _one_header(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: [v] if isinstance(v, str) else v for k, v in value.items()}
        return value


class VocabularyRules(BaseModel):
    """How one vocabulary's values are written by this source."""

    model_config = ConfigDict(extra="forbid")

    labels: dict[str, list[str]] = {}
    # label -> canonical code; null means "not decided yet" (profile init).
    read_as: dict[str, str | None] = {}
    # Bare numbers this source writes for codes. Replaces the inherited list when given; an
    # empty mapping means bare numbers are not codes here; a number mapped to null is not
    # decided yet (profile init), and a list of nothing but those changes nothing.
    numbers: dict[str, str] | None = None
    # Words this source puts before its labels, removed on a second try. Replaces the
    # inherited list when given.
    strip_prefixes: list[str] | None = None

    @field_validator("labels", "read_as", mode="before")
    @classmethod
    def _nothing_yet(cls, value: Any) -> Any:
        return {} if value is None else value

    @field_validator("labels", mode="before")
    @classmethod
    def _one_label(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: [v] if isinstance(v, str) else v for k, v in value.items()}
        return value

    @field_validator("numbers", mode="before")
    @classmethod
    def _number_keys(cls, value: Any) -> Any:
        # YAML reads `5: RETURNED` with an integer key.
        if isinstance(value, dict):
            decided = {str(k): v for k, v in value.items() if v is not None}
            return decided if decided or not value else None
        return value


class FooterRules(BaseModel):
    """Words that start the footer below the data (D4): totals and signature lines."""

    model_config = ConfigDict(extra="forbid")

    totals: list[str] = []
    signatures: list[str] = []


class ProfileFile(BaseModel):
    """One profile file as written."""

    model_config = ConfigDict(extra="forbid")

    profile: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")
    title: str = ""
    title_en: str = ""
    system: str = ""
    extends: str | None = "base"
    sources: list[str] = []
    # The headers that identify this system's layouts: each entry is a set of header texts that
    # all stand in a sheet exported by it. A vendor's profile is chosen only when one matches.
    detect: list[list[str]] = []
    datasets: dict[str, DatasetRules] = {}
    values: dict[str, VocabularyRules] = {}
    dates: list[str] = []
    footer: FooterRules = FooterRules()

    @field_validator("detect")
    @classmethod
    def _detect_sets(cls, value: list[list[str]]) -> list[list[str]]:
        if any(not headers or not all(h.strip() for h in headers) for headers in value):
            # the error type is the catalogue's key (`_reason`)
            raise PydanticCustomError("profile_file.detect_headers", "no header names")
        return value

    @field_validator("values", mode="before")
    @classmethod
    def _old_value_shape(cls, value: Any) -> Any:
        # The --columns format of cchc 0.1 wrote `values: {status: {CODE: [labels]}}`.
        if not isinstance(value, dict):
            return value
        upgraded = {}
        for name, rules in value.items():
            kind = VOCABULARY_KINDS.get(str(name))
            if (
                kind is not None
                and isinstance(rules, dict)
                and rules
                and not set(rules) & set(VocabularyRules.model_fields)
            ):
                rules = {"labels": rules}
            upgraded[name] = rules
        return upgraded


# Pydantic's error types that the catalogue says in words: type -> catalogue key.
_REASONS = {
    "missing": "profile_file.missing",
    "extra_forbidden": "profile_file.extra_forbidden",
    "string_pattern_mismatch": "profile_file.string_pattern_mismatch",
}


def _reason(error: Any) -> Phrase | str:
    kind = str(error.get("type"))
    if kind.startswith("profile_file."):  # our own check: its type is the key
        return phrase(kind)
    if kind in _REASONS:
        return phrase(_REASONS[kind])
    worded = pydantic_reason(error)
    if worded is not None:
        return worded
    # another of Pydantic's checks: its own (English) message, not ours to translate
    return str(error.get("msg", ""))


def _problem(path: str, location: str, reason: Phrase | str, code: str) -> ConfigError:
    return ConfigError(code, path=path, location=location, reason=reason)


def check_names(profile: ProfileFile, path: str, code: str = "config.profile_invalid") -> None:
    """Every dataset, field, vocabulary, code and date form named must exist."""
    for dataset_name, rules in profile.datasets.items():
        where = f"datasets.{dataset_name}"
        if dataset_name not in DATASETS:
            raise _problem(
                path,
                where,
                phrase("reason.unknown_dataset", hint=did_you_mean(dataset_name, DATASETS)),
                code,
            )
        fields = [*DATASETS[dataset_name].fields]
        for field_name in rules.fields:
            if field_name not in fields:
                raise _problem(
                    path,
                    f"{where}.fields.{field_name}",
                    phrase("reason.unknown_field", hint=did_you_mean(field_name, fields)),
                    code,
                )
        for header, target in rules.read_as.items():
            if target is not None and target != IGNORE and target not in fields:
                raise _problem(
                    path,
                    f"{where}.read_as.{header}",
                    phrase(
                        "profile_file.not_a_field",
                        value=target,
                        hint=did_you_mean(target, [*fields, IGNORE]),
                    ),
                    code,
                )
    for vocabulary_name, rules in profile.values.items():
        where = f"values.{vocabulary_name}"
        kind = VOCABULARY_KINDS.get(vocabulary_name)
        if kind is None:
            raise _problem(
                path,
                where,
                phrase(
                    "profile_file.unknown_vocabulary",
                    hint=did_you_mean(vocabulary_name, VOCABULARY_KINDS),
                ),
                code,
            )
        codes = kind.code_values
        used = [
            *((f"labels.{c}", c) for c in rules.labels),
            *((f"read_as.{label}", c) for label, c in rules.read_as.items() if c is not None),
            *((f"numbers.{n}", c) for n, c in (rules.numbers or {}).items()),
        ]
        for location, value in used:
            if value not in codes:
                raise _problem(
                    path,
                    f"{where}.{location}",
                    phrase(
                        "profile_file.code_expected",
                        codes=", ".join(codes),
                        hint=did_you_mean(value, codes),
                    ),
                    code,
                )
        for number in rules.numbers or {}:
            if not number.isdigit():
                raise _problem(
                    path, f"{where}.numbers.{number}", phrase("reason.number_expected"), code
                )
    for form in profile.dates:
        if form not in DATE_FORMS:
            raise _problem(
                path,
                "dates",
                phrase("profile_file.unknown_date_form", form=form, forms=", ".join(DATE_FORMS)),
                code,
            )


def _upgrade_columns_file(raw: dict[str, Any]) -> dict[str, Any]:
    """The --columns format of cchc 0.1 (`dossiers: {field: [headers]}`, `values: …`) as a
    profile overlay."""
    datasets: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "values":
            continue
        if key not in DATASETS:
            raise ValueError(key)
        datasets[key] = {"fields": value} if value is not None else {}
    upgraded: dict[str, Any] = {"profile": "columns", "extends": None, "datasets": datasets}
    if "values" in raw:
        upgraded["values"] = raw["values"]
    return upgraded


def read_profile_text(
    text: str,
    path: str,
    code: str = "config.profile_invalid",
    unreadable: str = "config.profile_unreadable",
) -> ProfileFile:
    """Parse and check profile YAML (safe loader only); ConfigError naming the place on error.

    A file without a `profile:` key in the old --columns format is read as an overlay.
    """
    try:
        # safe YAML only, no repeated key, bounded aliases (config_yaml.py)
        raw = load_config_yaml(text)
    except ConfigYamlProblem as exc:
        raise ConfigError(unreadable, path=path, reason=exc.reason) from exc
    except yaml.YAMLError as exc:
        # the YAML parser's finding in the officer's words, placed by line and column
        raise ConfigError(unreadable, path=path, reason=yaml_reason(exc)) from exc
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise _problem(path, "/", phrase("reason.mapping_expected"), code)
    old_format = "profile" not in raw and not set(raw) & (_PROFILE_KEYS - {"values"})
    if old_format:
        try:
            raw = _upgrade_columns_file(raw)
        except ValueError as exc:
            name = str(exc)
            raise _problem(
                path,
                name,
                phrase("reason.unknown_dataset", hint=did_you_mean(name, DATASETS)),
                code,
            ) from None
    try:
        try:
            profile = ProfileFile.model_validate(raw)
        except ValidationError as exc:
            first = exc.errors()[0]
            location = ".".join(str(p) for p in first["loc"])
            raise _problem(path, location, _reason(first), code) from exc
        check_names(profile, path, code)
    except ConfigError as error:
        if old_format:
            # Name the place as the user wrote it: `dossiers.due_at`, `values.status.X`.
            location = str(error.params.get("location", ""))
            location = re.sub(r"^datasets\.(\w+)\.fields\.", r"\1.", location)
            error.params["location"] = location.replace(".labels.", ".")
        raise
    return profile


def read_profile_file(path: Path, kind: str = "profile") -> ProfileFile:
    """Read a user's profile (`kind` "profile") or --columns file ("columns"); ConfigError
    (exit 4) naming the place on any problem."""
    unreadable = f"config.{kind}_unreadable"
    try:
        text = read_config_bytes(path).decode("utf-8-sig")  # a regular file, at most 1 MB
    except ConfigYamlProblem as exc:
        raise ConfigError(unreadable, path=str(path), reason=exc.reason) from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(
            unreadable, path=str(path), reason=phrase("profile_file.not_utf8")
        ) from exc
    except OSError as exc:
        raise ConfigError(unreadable, path=str(path), reason=os_reason(exc)) from exc
    return read_profile_text(text, str(path), f"config.{kind}_invalid", unreadable)
