"""targets.yaml: loaded (safe YAML only) and checked before any data is read. Mistakes are
configuration errors (exit 4) naming the target id and the key path, with a "did you mean"
where one is close. The keys of each kind are its spec class in `targets/kinds/`."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal, get_args

import yaml
from pydantic import BaseModel, Field, ValidationError
from pydantic_core import ErrorDetails

from cchc_cli.catalogue import (
    WORDS,
    Phrase,
    did_you_mean,
    os_reason,
    phrase,
    pydantic_reason,
    yaml_reason,
)
from cchc_cli.config_yaml import ConfigYamlProblem, load_config_yaml, read_config_bytes
from cchc_cli.errors import ConfigError
from cchc_cli.schema import DATASETS
from cchc_cli.schema.fields import Kind
from cchc_cli.schema.vocabularies import VOCABULARY_KINDS
from cchc_cli.targets.filters import (
    FieldGroup,
    Filter,
    FilterField,
    FilterProblem,
    FilterScope,
    parse_filter,
)
from cchc_cli.targets.kinds import KINDS, TargetSpec
from cchc_cli.targets.spec import CountingSpec, GroupSpec, Strict, Target, TargetBase, Unit
from cchc_cli.targets.timeliness import Timeliness


class Uncovered(Strict):
    """A sentence of the programme no target measures, and why (D13)."""

    item: str
    text: str
    reason: str


class Signer(Strict):
    """Who signs the report: the lines of authority and position as Nghị định 30/2020/NĐ-CP,
    Phụ lục I writes them ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), and the
    name, often left blank to be written by hand."""

    title: list[str] = Field(default_factory=list, max_length=4)
    name: str = ""


class Organisation(Strict):
    """The issuing unit of the reports (issue 15): the header, place-and-date line, signature
    and "Nơi nhận" of a báo cáo in the layout of Nghị định 30/2020/NĐ-CP (docs/nd30-layout.md).
    `--unit-name` on the command line replaces `name`."""

    # tên cơ quan chủ quản (first line, upright) and tên cơ quan ban hành (bold); a name of
    # two lines ("ỦY BAN NHÂN DÂN" / "THỊ XÃ ĐỨC PHỔ") is a list
    parent: str = ""
    name: str | list[str] = ""
    # địa danh of the place-and-date line ("Đức Phổ, ngày 05 tháng 4 năm 2025")
    place: str = ""
    # số, ký hiệu: the number is given when the report is registered, so it is left to fill
    number: str = "…/BC-UBND"
    signer: Signer = Field(default_factory=Signer)
    # Nơi nhận; "Lưu: VT" is added at the end, as the decree's sample ends the list
    recipients: list[str] = Field(default_factory=list)
    # "Đơn vị nhận báo cáo" of biểu 06a (Thông tư 01/2020/TT-VPCP)
    report_to: str = ""
    # the unit's level: which rows of the 766 scorecard apply ("Tỉnh" rows at province only)
    level: Literal["province", "district", "commune"] = "province"

    @property
    def name_lines(self) -> list[str]:
        lines = [self.name] if isinstance(self.name, str) else list(self.name)
        return [line for line in lines if line.strip()]


class TargetsFile(Strict):
    """The whole file."""

    version: Literal[1]
    organisation: Organisation = Field(default_factory=Organisation)
    groups: dict[str, GroupSpec] = Field(default_factory=dict)
    units: list[Unit] = Field(default_factory=list)
    targets: list[TargetSpec]
    uncovered: list[Uncovered] = Field(default_factory=list)


@dataclass
class TargetConfig:
    """Everything targets.yaml says, checked."""

    path: str
    sha256: str
    targets: list[Target]
    groups: dict[str, FieldGroup] = field(default_factory=dict)
    units: list[Unit] = field(default_factory=list)
    uncovered: list[Uncovered] = field(default_factory=list)
    organisation: Organisation = field(default_factory=Organisation)

    def get(self, target_id: str) -> Target:
        """The target with this id, or a configuration error (exit 4, as the README's table
        says) with a suggestion."""
        for target in self.targets:
            if target.id == target_id:
                return target
        ids = [t.id for t in self.targets]
        raise ConfigError("target.unknown", name=target_id, hint=did_you_mean(target_id, ids))


def filter_fields(dataset: str) -> dict[str, FilterField]:
    """The fields a filter over `dataset` may use, derived ones included."""
    fields: dict[str, FilterField] = {}
    for name, spec in DATASETS[dataset].fields.items():
        codes: tuple[str, ...] = ()
        if spec.vocabulary:
            codes = tuple(c.value for c in VOCABULARY_KINDS[spec.vocabulary].codes)
        fields[name] = FilterField(name, spec.kind, codes)
    if dataset == "dossiers":
        for name in ("timeliness", "timeliness_766"):
            fields[name] = FilterField(name, Kind.LABEL, tuple(t.value for t in Timeliness))
    return fields


def local_or_shipped(name: str) -> Path:
    """./configs/NAME when present, else the copy shipped inside the package."""
    local = Path("configs") / name
    if local.is_file():
        return local
    return Path(str(resources.files("cchc_cli") / "data" / name))


def default_targets_path() -> Path:
    """./configs/targets.yaml when present, else the copy shipped inside the package."""
    return local_or_shipped("targets.yaml")


def read_config_file(path: Path, unreadable: str) -> tuple[bytes, Any]:
    """A configuration file's bytes and its YAML document: safe YAML only, a regular file, no
    repeated key, bounded aliases (config_yaml.py); ConfigError `unreadable` (exit 4) with the
    officer's reason when it cannot be read."""
    try:
        content = read_config_bytes(path)
        return content, load_config_yaml(content.decode("utf-8-sig"))
    except ConfigYamlProblem as exc:
        raise ConfigError(unreadable, path=str(path), reason=exc.reason) from exc
    except yaml.YAMLError as exc:
        raise ConfigError(unreadable, path=str(path), reason=yaml_reason(exc)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(unreadable, path=str(path), reason=os_reason(exc)) from exc


def _fail(path: Path, target: str, location: str, reason: Phrase) -> ConfigError:
    return ConfigError(
        "config.targets_invalid", path=str(path), target=target, location=location, reason=reason
    )


def _nested_model(model: type[BaseModel], key: str) -> type[BaseModel] | None:
    """The model a key of `model` holds (through lists, dicts and optionals), if any."""
    info = model.model_fields.get(key)
    stack: list[Any] = [info.annotation] if info is not None else []
    while stack:
        annotation = stack.pop()
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation
        stack.extend(get_args(annotation))
    return None


def _unknown_key(model: type[BaseModel], key: str) -> Phrase:
    if issubclass(model, TargetBase):
        kind = str(get_args(model.model_fields["kind"].annotation)[0])
        others = [name for name, k in KINDS.items() if key in k.spec.model_fields]
        if others:
            return phrase("targets.key_of_other_kind", key=key, kind=kind, kinds=", ".join(others))
    return phrase("targets.unknown_key", hint=did_you_mean(key, model.model_fields))


def _explain(error: ErrorDetails, model: type[BaseModel]) -> tuple[list[Any], Phrase]:
    """(key path without the union's tag, reason) of one Pydantic error below `model`."""
    loc = list(error["loc"])
    kind = None
    # A target's errors carry its kind after its index: targets.3.ratio.threshold
    if len(loc) >= 3 and loc[0] == "targets" and isinstance(loc[1], int) and loc[2] in KINDS:
        kind = str(loc.pop(2))
    if issubclass(model, TargetBase):
        kind = str(get_args(model.model_fields["kind"].annotation)[0])
    if error["type"] in ("union_tag_not_found", "union_tag_invalid"):
        given = error["input"].get("kind") if isinstance(error["input"], dict) else None
        hint = "" if given is None else did_you_mean(given, KINDS)
        return [*loc, "kind"], phrase("targets.kind_expected", kinds=", ".join(KINDS), hint=hint)
    walked: type[BaseModel] = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if kind is not None and walked is TargetsFile and part == "targets":
            walked = KINDS[kind].spec
            continue
        walked = _nested_model(walked, str(part)) or walked
    if error["type"] == "extra_forbidden":
        return loc, _unknown_key(walked, str(loc[-1]))
    if error["type"] == "missing":
        if issubclass(walked, TargetBase) and kind is not None:
            return loc, phrase("targets.kind_needs", kind=kind, key=loc[-1])
        return loc, phrase("targets.key_required")
    if error["type"] in WORDS:  # our own validators raise catalogue keys
        return loc, phrase(error["type"])
    worded = pydantic_reason(error)
    if worded is not None:
        return loc, worded
    # a check the catalogue does not word: Pydantic's own (English) words as the detail
    return loc, phrase("targets.invalid_value", detail=error["msg"])


def _location(loc: list[Any]) -> str:
    return ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in loc).replace(".[", "[")


def _pydantic_problem(path: Path, raw: Mapping[str, Any], error: ValidationError) -> ConfigError:
    # A misspelt key also makes the real key "missing": report the misspelling first.
    first = sorted(error.errors(), key=lambda e: e["type"] != "extra_forbidden")[0]
    loc, reason = _explain(first, TargetsFile)
    target = "-"
    if len(loc) >= 2 and loc[0] == "targets" and isinstance(loc[1], int):
        items = raw.get("targets") or []
        if loc[1] < len(items) and isinstance(items[loc[1]], dict):
            target = str(items[loc[1]].get("id", f"#{loc[1] + 1}"))
    return _fail(path, target, _location(loc), reason)


def load_targets(path: Path | None = None) -> TargetConfig:
    """Read (safe YAML only) and check a targets file; ConfigError on any mistake."""
    path = path or default_targets_path()
    content, raw = read_config_file(path, "config.targets_unreadable")
    if not isinstance(raw, dict):
        raise _fail(path, "-", "/", phrase("targets.not_a_mapping"))
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
            raise _fail(path, spec.id, f"{where}.id", phrase("targets.duplicate_id"))
        seen.add(spec.id)
        targets.append(check_target(path, spec, groups, where))
    for key, group in parsed.groups.items():
        datasets_with_field = [d for d in DATASETS.values() if group.field in d.fields]
        if not datasets_with_field:
            raise _fail(path, "-", f"groups.{key}.field", phrase("reason.unknown_field", hint=""))
    return TargetConfig(
        str(path),
        hashlib.sha256(content).hexdigest(),
        targets,
        groups,
        list(parsed.units),
        list(parsed.uncovered),
        parsed.organisation,
    )


def _alternative(path: Path, spec: TargetBase, index: int, where: str) -> TargetBase:
    """The target computed from its `fallback[index]` source: the source's keys replace the
    target's own (a key the source leaves out is left out)."""
    assert isinstance(spec, CountingSpec)
    here = f"{where}.fallback[{index}]"
    model = type(spec)
    source = spec.fallback[index].model_dump()
    for key, value in source.items():
        if value is not None and key not in model.model_fields:
            raise _fail(path, spec.id, f"{here}.{key}", _unknown_key(model, key))
    data = {**spec.model_dump(exclude={"fallback"}, exclude_none=True)}
    data.update({k: v for k, v in source.items() if k in model.model_fields})
    data = {k: v for k, v in data.items() if v is not None}
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        loc, reason = _explain(exc.errors()[0], model)
        raise _fail(path, spec.id, _location([here, *loc]), reason) from None


def check_target(path: Path, spec: TargetBase, groups: dict[str, FieldGroup], where: str) -> Target:
    if spec.dataset not in DATASETS:
        raise _fail(
            path,
            spec.id,
            f"{where}.dataset",
            phrase("reason.unknown_dataset", hint=did_you_mean(spec.dataset, DATASETS)),
        )
    fields = filter_fields(spec.dataset)
    for key, reason in spec.check(fields):
        raise _fail(path, spec.id, f"{where}.{key}" if key else where, reason)
    parsed: dict[str, Filter] = {}
    registers = {name: filter_fields(name) for name in DATASETS if name != spec.dataset}
    scope = FilterScope(fields, groups, registers)
    keyed = [(key, getattr(spec, key)) for key in spec.filter_keys]
    for key in spec.filter_list_keys:
        keyed += [(f"{key}[{i}]", raw) for i, raw in enumerate(getattr(spec, key))]
    for key, raw in keyed:
        if raw is None:
            continue
        try:
            parsed[key] = parse_filter(raw, scope, f"{where}.{key}")
        except FilterProblem as problem:
            raise _fail(path, spec.id, problem.location, problem.reason) from None
    alternatives = []
    for index in range(len(spec.fallback) if isinstance(spec, CountingSpec) else 0):
        alternative = _alternative(path, spec, index, where)
        alternatives.append(check_target(path, alternative, groups, f"{where}.fallback[{index}]"))
    return Target(spec, parsed, tuple(alternatives))
