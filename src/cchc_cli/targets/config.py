"""targets.yaml: the Pydantic model of the declarative target language, loaded and checked
before any data is read. Mistakes are configuration errors (exit 4) naming the target id and
the key path, with a "did you mean" where one is close."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from cchc_cli.errors import ConfigError, UsageError
from cchc_cli.schema import DATASETS
from cchc_cli.schema.fields import Kind
from cchc_cli.schema.vocabularies import VOCABULARY_KINDS
from cchc_cli.targets.filters import (
    GROUPABLE_KINDS,
    FieldGroup,
    Filter,
    FilterField,
    FilterProblem,
    did_you_mean,
    parse_filter,
)
from cchc_cli.targets.periods import PeriodError, parse_period
from cchc_cli.targets.timeliness import Timeliness

TargetKind = Literal["ratio", "trend", "count_change", "value"]
Population = Literal["received", "ended", "handled", "all"]
Operator = Literal[">=", ">", "<=", "<", "=="]

_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Threshold(_Strict):
    """`value op threshold` must hold for the target to be met."""

    op: Operator
    value: float


class Trend(_Strict):
    """D9: target(Y, L) = min(cap, rate(Y-1, L) + step), per value of `per`."""

    step: float = Field(0.20, gt=0, le=1)
    cap: float = Field(1.0, gt=0, le=1)
    per: str = "admin_level"
    # year -> level -> rate, used when the inputs do not cover the previous year
    baselines: dict[int, dict[str, Annotated[float, Field(ge=0, le=1)]]] = {}


class Reported(_Strict):
    """A manually reported value for a period (e.g. a rank)."""

    period: str
    value: float
    note: str | None = None

    @field_validator("period", mode="before")
    @classmethod
    def _canonical_period(cls, value: Any) -> str:
        # "2025", 2025, "2025-3" and "2025q1" all name a period; keep its canonical label so
        # that it matches the period being computed.
        try:
            return parse_period(str(value)).label
        except PeriodError:
            raise ValueError(
                "kỳ không hợp lệ (vd. 2025, 2025-Q1, 2025-03) / not a period"
            ) from None


class GroupSpec(_Strict):
    """A named group of values of a text field (e.g. land, construction and investment)."""

    name: str
    field: str
    contains: list[str] = Field(min_length=1)


class Source(_Strict):
    """Another dataset a target may be computed from when its own has no data (`fallback`)."""

    dataset: str
    population: Population | None = None
    period_field: str | None = None
    numerator: dict[str, Any] | None = None
    denominator: dict[str, Any] | None = None


class Measure(_Strict):
    """What a count_change target compares: rows (default) or the sum of a number field."""

    sum: str


class Unit(_Strict):
    """An organisation unit and its administrative level, valid between two dates."""

    name: str
    level: Literal["province", "district", "commune"]
    valid_from: date | None = None
    valid_to: date | None = None
    aliases: list[str] = []


class TargetSpec(_Strict):
    """One target of the programme."""

    id: str
    name: str
    source: str
    dataset: str
    kind: TargetKind
    formula: str
    # Required for dossiers (received, ended or handled in the period, D6).
    population: Population | None = None
    numerator: dict[str, Any] | None = None
    denominator: dict[str, Any] | None = None
    filter: dict[str, Any] | None = None
    direction: Literal["decrease", "increase"] | None = None
    threshold: Threshold | None = None
    warning_band: float | None = Field(None, ge=0, le=1)
    trend: Trend | None = None
    reported: list[Reported] = []
    note: str | None = None
    # Datasets other than dossiers: the date (or year) field that places a row in the period.
    period_field: str | None = None
    # count_change: the sum of a field instead of a row count, and a fixed base year.
    measure: Measure | None = None
    compare_to: int | None = Field(None, ge=1990, le=2100)
    # value: read from the `values` dataset (by indicator id) instead of `reported`.
    indicator: str | None = None
    any_period: bool = False
    deadline: date | None = None
    fallback: list[Source] = []

    @field_validator("id")
    @classmethod
    def _snake_case(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError("id phải viết thường, nối bằng '_' (snake_case)")
        return value


class TargetsFile(_Strict):
    """The whole file."""

    version: Literal[1]
    groups: dict[str, GroupSpec] = {}
    units: list[Unit] = []
    targets: list[TargetSpec]


@dataclass(frozen=True)
class Target:
    """A checked target: its spec with filters parsed."""

    spec: TargetSpec
    numerator: Filter | None = None
    denominator: Filter | None = None
    filter: Filter | None = None
    # The same target computed from the `fallback` sources, in order.
    alternatives: tuple[Target, ...] = ()

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def threshold(self) -> Threshold | None:
        """The threshold, derived from the direction for count-change targets."""
        if self.spec.kind == "count_change" and self.spec.threshold is None:
            op = "<" if self.spec.direction == "decrease" else ">"
            return Threshold(op=op, value=1.0)
        return self.spec.threshold


@dataclass
class TargetConfig:
    """Everything targets.yaml says, checked."""

    path: str
    sha256: str
    targets: list[Target]
    groups: dict[str, FieldGroup] = field(default_factory=dict)
    units: list[Unit] = field(default_factory=list)

    def get(self, target_id: str) -> Target:
        """The target with this id, or a configuration error with a suggestion."""
        for target in self.targets:
            if target.id == target_id:
                return target
        ids = [t.id for t in self.targets]
        raise UsageError("target.unknown", name=target_id, hint=did_you_mean(target_id, ids))


def filter_fields(dataset: str) -> dict[str, FilterField]:
    """The fields a filter over `dataset` may use, derived ones included."""
    fields: dict[str, FilterField] = {}
    for name, spec in DATASETS[dataset].fields.items():
        codes: tuple[str, ...] = ()
        if spec.vocabulary:
            codes = tuple(c.value for c in VOCABULARY_KINDS[spec.vocabulary].codes)
        fields[name] = FilterField(name, spec.kind, codes)
    if dataset == "dossiers":
        fields["timeliness"] = FilterField(
            "timeliness", Kind.LABEL, tuple(t.value for t in Timeliness)
        )
    return fields


def default_targets_path() -> Path:
    """./configs/targets.yaml when present, else the copy shipped inside the package."""
    local = Path("configs") / "targets.yaml"
    if local.is_file():
        return local
    return Path(str(resources.files("cchc_cli") / "data" / "targets.yaml"))


def _fail(path: Path, target: str, location: str, reason: str) -> ConfigError:
    return ConfigError(
        "config.targets_invalid", path=str(path), target=target, location=location, reason=reason
    )


_NESTED: dict[str, type[BaseModel]] = {
    "threshold": Threshold,
    "trend": Trend,
    "reported": Reported,
    "groups": GroupSpec,
    "fallback": Source,
    "measure": Measure,
    "units": Unit,
}


def _model_at(loc: list[Any]) -> type[BaseModel]:
    """The model whose keys are checked at an error location (for "did you mean")."""
    model: type[BaseModel] = TargetsFile
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if part == "targets":
            model = TargetSpec
        elif part in _NESTED:
            model = _NESTED[part]
    return model


def _pydantic_problem(path: Path, raw: Mapping[str, Any], error: ValidationError) -> ConfigError:
    # A misspelt key also makes the real key "missing": report the misspelling first.
    errors = sorted(error.errors(), key=lambda e: e["type"] != "extra_forbidden")
    first = errors[0]
    loc = list(first["loc"])
    target = "-"
    if len(loc) >= 2 and loc[0] == "targets" and isinstance(loc[1], int):
        items = raw.get("targets") or []
        if loc[1] < len(items) and isinstance(items[loc[1]], dict):
            target = str(items[loc[1]].get("id", f"#{loc[1] + 1}"))
    location = ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in loc).replace(".[", "[")
    reason = first["msg"]
    if first["type"] == "extra_forbidden":
        reason = "khóa không hợp lệ / unknown key." + did_you_mean(
            str(loc[-1]), list(_model_at(loc).model_fields)
        )
    return _fail(path, target, location, reason)


def load_targets(path: Path | None = None) -> TargetConfig:
    """Read (safe YAML only) and check a targets file; ConfigError on any mistake."""
    path = path or default_targets_path()
    try:
        content = path.read_bytes()
        # The C-accelerated loader when PyYAML has it: still the safe one (no Python objects).
        safe_loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        raw = yaml.load(content.decode("utf-8-sig"), Loader=safe_loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(
            "config.targets_unreadable", path=str(path), reason=str(exc).splitlines()[0]
        ) from exc
    if not isinstance(raw, dict):
        raise _fail(path, "-", "/", "cần một bảng có 'version' và 'targets' / expected a mapping")
    try:
        parsed = TargetsFile.model_validate(raw)
    except ValidationError as exc:
        raise _pydantic_problem(path, raw, exc) from exc
    groups: dict[str, FieldGroup] = {}
    for key, group in parsed.groups.items():
        groups[key] = FieldGroup(group.name, group.field, tuple(group.contains))
    targets: list[Target] = []
    seen: set[str] = set()
    for index, spec in enumerate(parsed.targets):
        where = f"targets[{index}]"
        if spec.id in seen:
            raise _fail(path, spec.id, f"{where}.id", "trùng mã chỉ tiêu / duplicate id")
        seen.add(spec.id)
        targets.append(_check_target(path, spec, groups, where))
    for key, group in parsed.groups.items():
        datasets_with_field = [d for d in DATASETS.values() if group.field in d.fields]
        if not datasets_with_field:
            raise _fail(path, "-", f"groups.{key}.field", "không có trường này / unknown field")
    return TargetConfig(
        str(path), hashlib.sha256(content).hexdigest(), targets, groups, list(parsed.units)
    )


_NEEDS: dict[str, tuple[str, ...]] = {
    "ratio": ("numerator", "denominator", "threshold"),
    "trend": ("numerator", "denominator", "trend"),
    "count_change": ("direction",),
    "value": ("threshold",),
}


def _check_trend(path: Path, spec: TargetSpec, fields: dict[str, FilterField], where: str) -> None:
    trend = spec.trend
    assert trend is not None
    per = fields.get(trend.per)
    if per is None:
        raise _fail(
            path,
            spec.id,
            f"{where}.trend.per",
            "không có trường này / unknown field." + did_you_mean(trend.per, list(fields)),
        )
    if per.kind not in GROUPABLE_KINDS:
        raise _fail(
            path,
            spec.id,
            f"{where}.trend.per",
            "chỉ tính theo trường danh mục hoặc chữ / only a label or text field",
        )
    for year, levels in trend.baselines.items():
        for level in levels:
            if per.codes and level not in per.codes:
                raise _fail(
                    path,
                    spec.id,
                    f"{where}.trend.baselines.{year}.{level}",
                    f"không phải giá trị của {trend.per} ({', '.join(per.codes)})."
                    + did_you_mean(level, per.codes),
                )


def _check_target(
    path: Path, spec: TargetSpec, groups: dict[str, FieldGroup], where: str
) -> Target:
    if spec.dataset not in DATASETS:
        raise _fail(
            path,
            spec.id,
            f"{where}.dataset",
            "không có loại dữ liệu này / unknown dataset."
            + did_you_mean(spec.dataset, list(DATASETS)),
        )
    for key in _NEEDS[spec.kind]:
        if getattr(spec, key) is None:
            raise _fail(path, spec.id, f"{where}.{key}", f"chỉ tiêu loại '{spec.kind}' cần '{key}'")
    if spec.kind != "value" and spec.dataset == "dossiers" and spec.population in (None, "all"):
        raise _fail(
            path,
            spec.id,
            f"{where}.population",
            "chỉ tiêu về hồ sơ cần population: received, ended hoặc handled (D6) / dossier "
            "targets need population: received, ended or handled",
        )
    if spec.population not in (None, "all") and spec.dataset != "dossiers":
        raise _fail(path, spec.id, f"{where}.population", "chỉ dùng cho hồ sơ / dossiers only")
    threshold = spec.threshold
    if spec.kind in ("ratio", "trend") and threshold and not 0 <= threshold.value <= 1:
        raise _fail(
            path,
            spec.id,
            f"{where}.threshold.value",
            "tỷ lệ viết dạng phân số từ 0 đến 1 (50 % = 0.5) / a rate is a fraction in [0, 1]",
        )
    fields = filter_fields(spec.dataset)
    if spec.trend is not None:
        _check_trend(path, spec, fields, where)
    for key, allowed in (
        ("period_field", (Kind.DATETIME, Kind.COUNT)),
        ("measure", (Kind.COUNT, Kind.AMOUNT)),
    ):
        name = getattr(spec, key)
        if key == "measure" and name is not None:
            name = name.sum
        if name is None:
            continue
        if key == "period_field" and spec.dataset == "dossiers":
            raise _fail(path, spec.id, f"{where}.{key}", "hồ sơ dùng population / use population")
        known = fields.get(name)
        if known is None or known.kind not in allowed:
            choices = [n for n, f in fields.items() if f.kind in allowed]
            raise _fail(
                path,
                spec.id,
                f"{where}.{key}",
                f"cần một trường {'ngày hoặc năm' if key == 'period_field' else 'số'} của "
                f"'{spec.dataset}' / needs one of: {', '.join(choices)}."
                + did_you_mean(str(name), choices),
            )
    if spec.kind == "value" and not spec.reported and spec.indicator is None:
        raise _fail(path, spec.id, where, "chỉ tiêu 'value' cần 'indicator' hoặc 'reported'")
    parsed: dict[str, Filter | None] = {}
    for key in ("numerator", "denominator", "filter"):
        raw = getattr(spec, key)
        if raw is None:
            parsed[key] = None
            continue
        try:
            parsed[key] = parse_filter(raw, fields, groups, f"{where}.{key}")
        except FilterProblem as problem:
            raise _fail(path, spec.id, problem.location, problem.reason) from None
    alternatives = []
    for index, source in enumerate(spec.fallback):
        alternative = spec.model_copy(update={**source.model_dump(), "fallback": []})
        alternatives.append(_check_target(path, alternative, groups, f"{where}.fallback[{index}]"))
    return Target(
        spec, parsed["numerator"], parsed["denominator"], parsed["filter"], tuple(alternatives)
    )
