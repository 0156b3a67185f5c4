"""The 766 scorecard (issue 16, ../shared/766.md): scorecards as configuration
(`configs/score766.yaml`), their readings of the points the sources leave open, and the
points per indicator, group and unit computed from the officer's own exports.

A scorecard's indicators are targets of kind `score766` (targets/kinds/score766.py): the same
filter language, the same engine. What is added here: the version and its readings, the points,
the `values` rows for indicators no export holds (the national TTHC database, PAKN), the rows
that cost points and the open dossiers about to cost them.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from pydantic import Field, ValidationError

from cchc_cli.catalogue import Words, did_you_mean, label, phrase
from cchc_cli.errors import ConfigError, UsageError
from cchc_cli.rules import due_dates, end_dates
from cchc_cli.targets.config import (
    TargetConfig,
    check_target,
    local_or_shipped,
    read_config_file,
)
from cchc_cli.targets.engine import Engine
from cchc_cli.targets.filters import FieldGroup, fields_used, registers_used
from cchc_cli.targets.kinds.score766 import EPSILON, ScoreSpec, deduction_filters, masks
from cchc_cli.targets.kinds.value import period_label
from cchc_cli.targets.periods import Period
from cchc_cli.targets.results import Note, TargetResult, TargetStatus
from cchc_cli.targets.spec import Strict, Target, Unit
from cchc_cli.targets.timeliness import OnTimeRule, timing
from cchc_cli.text import match_key

# Readings the code applies (the on-time rule, open dossiers, province-only rows); a scorecard
# must declare each with these choices. Other readings act through indicators' `variants`.
CODE_READINGS: dict[str, tuple[str, ...]] = {
    "withdrawn": ("ended", "excluded"),
    "supplement_after_due": ("overdue", "in_time"),
    "compare": ("date", "timestamp"),
    "open_at": ("period_end", "as_of"),
    "province_only_rows": ("not_scored", "full"),
}
# Below this an indicator is at its maximum (the portal shows two decimals).
POINTS_LOST = 0.005
# Engine notes after which an indicator is read from `values` rows instead.
_FROM_VALUES_WHEN = (
    "result.no_dataset",
    "result.missing_columns",
    "result.period_not_covered",
)


class GroupDef(Strict):
    """A group of the scorecard and its points (G1 "Công khai, minh bạch", 18)."""

    id: str
    name: str
    name_en: str = ""
    max: float = Field(gt=0, le=100)


class ReadingDef(Strict):
    """A point the sources leave open, its choices (choice -> what it means) and the one taken."""

    default: str
    choices: dict[str, str]
    about: str
    source: str = ""


class ScorecardSpec(Strict):
    """One version of the scorecard."""

    id: str
    name: str
    source: str
    groups: list[GroupDef]
    readings: dict[str, ReadingDef] = Field(default_factory=dict)
    indicators: list[dict[str, Any]]


class ScorecardFile(Strict):
    """score766.yaml."""

    version: int = Field(ge=1, le=1)
    scorecards: list[ScorecardSpec]


@dataclass
class Indicator:
    """A checked indicator: the target of kind score766 and its display facts."""

    target: Target
    # the readings whose choice changed this indicator's definition (variants), with the choice
    readings: dict[str, str] = field(default_factory=dict)

    @property
    def spec(self) -> ScoreSpec:
        assert isinstance(self.target.spec, ScoreSpec)
        return self.target.spec


@dataclass
class Scorecard:
    """A version with its readings chosen and its indicators checked."""

    id: str
    name: str
    source: str
    path: str
    sha256: str
    groups: list[GroupDef]
    readings: dict[str, str]
    reading_defs: dict[str, ReadingDef]
    indicators: list[Indicator]

    @property
    def on_time_rule(self) -> OnTimeRule:
        """The on-time rule of its dossier indicators (2.1, 5.4)."""
        return OnTimeRule(
            withdrawn=self.readings["withdrawn"],
            supplement_after_due=self.readings["supplement_after_due"],
            compare=self.readings["compare"],
        )


def default_scorecards_path() -> Path:
    """./configs/score766.yaml when present, else the copy shipped inside the package."""
    return local_or_shipped("score766.yaml")


def _fail(path: Path, item: str, location: str, reason: Any) -> ConfigError:
    return ConfigError(
        "config.score_invalid", path=str(path), item=item, location=location, reason=reason
    )


def parse_readings(given: list[str]) -> dict[str, str]:
    """`--reading name=choice` options as a mapping (a usage error when one has no "=")."""
    chosen: dict[str, str] = {}
    for text in given:
        name, sep, choice = text.partition("=")
        if not sep or not name.strip() or not choice.strip():
            raise UsageError("score.reading_form", value=text)
        chosen[name.strip()] = choice.strip()
    return chosen


def load_scorecard(
    path: Path | None = None,
    version: str | None = None,
    readings: Mapping[str, str] | None = None,
    groups: dict[str, FieldGroup] | None = None,
) -> Scorecard:
    """Read (safe YAML only) and check the scorecards file, then choose a version (the first
    when none is named) and its readings; ConfigError on a mistake in the file, UsageError on
    an unknown version or reading."""
    path = path or default_scorecards_path()
    content, raw = read_config_file(path, "config.score_unreadable")
    try:
        parsed = ScorecardFile.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        location = ".".join(str(p) for p in error["loc"])
        detail = phrase("targets.invalid_value", detail=error["msg"])
        raise _fail(path, "-", location, detail) from None
    ids = [s.id for s in parsed.scorecards]
    if not ids:
        raise _fail(path, "-", "scorecards", phrase("targets.key_required"))
    chosen = version or ids[0]
    # "766-dvcqg" names 766-DVCQG: a version is not told apart by its case
    spec = next((s for s in parsed.scorecards if s.id.casefold() == chosen.casefold()), None)
    if spec is None:
        raise UsageError(
            "score.unknown_version",
            value=chosen,
            choices=", ".join(ids),
            hint=did_you_mean(chosen, ids),
        )
    where = f"scorecards[{ids.index(spec.id)}]"
    for name, choices in CODE_READINGS.items():
        defined = spec.readings.get(name)
        if defined is None or set(defined.choices) != set(choices):
            raise _fail(
                path,
                spec.id,
                f"{where}.readings.{name}",
                phrase("score.reading_needed", choices=", ".join(choices)),
            )
    for name, defined in spec.readings.items():
        if defined.default not in defined.choices:
            raise _fail(
                path,
                spec.id,
                f"{where}.readings.{name}.default",
                phrase("score.reading_choice", choices=", ".join(defined.choices)),
            )
    readings_chosen = {name: r.default for name, r in spec.readings.items()}
    for name, choice in (readings or {}).items():
        defined = spec.readings.get(name)
        if defined is None:
            raise UsageError(
                "score.unknown_reading",
                value=name,
                choices=", ".join(spec.readings),
                hint=did_you_mean(name, spec.readings),
            )
        if choice not in defined.choices:
            raise UsageError(
                "score.unknown_choice",
                reading=name,
                value=choice,
                choices=", ".join(defined.choices),
            )
        readings_chosen[name] = choice
    group_ids = {g.id for g in spec.groups}
    indicators: list[Indicator] = []
    seen: set[str] = set()
    for index, raw_indicator in enumerate(spec.indicators):
        here = f"{where}.indicators[{index}]"
        item = str(raw_indicator.get("code", f"#{index + 1}"))
        data = {k: v for k, v in raw_indicator.items() if k != "variants"}
        data.setdefault("kind", "score766")
        applied: dict[str, str] = {}
        variants = raw_indicator.get("variants") or {}
        if not isinstance(variants, dict):
            raise _fail(path, item, f"{here}.variants", phrase("targets.not_a_mapping"))
        for reading, by_choice in variants.items():
            if reading not in spec.readings or not isinstance(by_choice, dict):
                raise _fail(
                    path,
                    item,
                    f"{here}.variants.{reading}",
                    phrase("score.reading_unknown_in_file", choices=", ".join(spec.readings)),
                )
            for choice in by_choice:
                if choice not in spec.readings[reading].choices:
                    raise _fail(
                        path,
                        item,
                        f"{here}.variants.{reading}.{choice}",
                        phrase(
                            "score.reading_choice",
                            choices=", ".join(spec.readings[reading].choices),
                        ),
                    )
            applied[reading] = readings_chosen[reading]
            data.update(by_choice.get(readings_chosen[reading]) or {})
        try:
            score_spec = ScoreSpec.model_validate(data)
        except ValidationError as exc:
            error = exc.errors()[0]
            location = ".".join(str(p) for p in error["loc"])
            detail = phrase("targets.invalid_value", detail=error["msg"])
            raise _fail(path, item, f"{here}.{location}", detail) from None
        if score_spec.group not in group_ids:
            raise _fail(
                path,
                item,
                f"{here}.group",
                phrase("score.unknown_group", choices=", ".join(sorted(group_ids))),
            )
        if score_spec.code in seen:
            raise _fail(path, item, f"{here}.code", phrase("targets.duplicate_id"))
        seen.add(score_spec.code)
        if score_spec.values_only or not score_spec.formula_known:
            target = Target(score_spec)
        else:
            target = check_target(path, score_spec, groups or {}, here)
        read = set().union(*(fields_used(f) for f in target.filters.values()))
        if score_spec.explain and "timeliness_766" not in read:
            # the lists say why a dossier is late or complained about, nothing else
            raise _fail(path, item, f"{here}.explain", phrase("score.explain_timeliness"))
        indicators.append(Indicator(target, applied))
    for group in spec.groups:
        total = sum(i.spec.max_points for i in indicators if i.spec.group == group.id)
        if total > group.max + EPSILON:
            raise _fail(path, spec.id, f"{where}.groups.{group.id}", phrase("score.group_overfull"))
    return Scorecard(
        spec.id,
        spec.name,
        spec.source,
        str(path),
        hashlib.sha256(content).hexdigest(),
        list(spec.groups),
        readings_chosen,
        dict(spec.readings),
        indicators,
    )


# ---------------------------------------------------------------------------------------------
# Results


@dataclass
class UnitScore:
    """An indicator for one unit (`--by`)."""

    by: dict[str, Any]
    numerator: float | None
    denominator: float | None
    ratio: float | None
    points: float | None
    status: str


@dataclass
class IndicatorScore:
    """One indicator computed: the counts, the ratio, the points and where they came from."""

    indicator: Indicator
    numerator: float | None
    denominator: float | None
    ratio: float | None
    points: float | None
    # scored | no_data | not_scored (a province-only row for a lower level)
    status: str
    # "data" (the exports), "values" (a values row), or None
    source: str | None = None
    note: Note | None = None
    # each deduction's rows (5.4: overdue, complained about), in the file's order
    deductions: list[int] = field(default_factory=list)
    units: list[UnitScore] = field(default_factory=list)
    # where the values row is (file name, row) when it came from one
    values_row: tuple[str, int] | None = None

    @property
    def max_points(self) -> float:
        return self.indicator.spec.max_points

    @property
    def within_reach(self) -> float | None:
        """The points reaching the full-score threshold would add."""
        return None if self.points is None else max(0.0, self.max_points - self.points)

    @property
    def per_row(self) -> float | None:
        """The points one more row in the numerator is worth (below the full-score threshold)."""
        spec = self.indicator.spec
        if self.source != "data" or not self.denominator or self.points is None:
            return None
        if self.points >= spec.max_points - EPSILON:
            return 0.0
        scale = spec.full_at if spec.scoring == "threshold" else 1.0
        return spec.max_points / (self.denominator * (scale or 1.0))


@dataclass
class GroupScore:
    """A group's points: the sum of its scored indicators; None when none is scored (no data
    is not zero)."""

    group: GroupDef
    points: float | None
    scored_max: float
    no_data_max: float
    not_scored_max: float
    within_reach: float
    # points of the group that belong to no known indicator (766-2022)
    unassigned: float = 0.0


@dataclass
class LostRow:
    """A dossier that cost points, or an open one that will unless finished in time."""

    indicator: str
    # late | open_overdue | overdue_at_period_end | supplements | unsatisfied | at_risk
    reason: str
    dossier_code: str
    procedure_name: str | None
    agency_name: str | None
    received_at: date | None
    due_at: date | None
    ended_at: date | None
    path: str
    sheet: str
    row: int


@dataclass
class UnitTotal:
    """A unit's total over the indicators computed per unit, and its rank."""

    by: dict[str, Any]
    points: float
    scored_max: float
    rank: int = 0

    @property
    def share(self) -> float:
        """The points earned of those computed for the unit (what it is ranked on)."""
        return self.points / self.scored_max if self.scored_max else 0.0


@dataclass
class ScoreResult:
    """The scorecard for a period: the one object every renderer draws from."""

    scorecard: Scorecard
    period: Period
    level: str
    by: list[str]
    indicators: list[IndicatorScore]
    groups: list[GroupScore]
    # the rows listed (up to the limit asked for) and how many there are in all
    lost: list[LostRow] = field(default_factory=list)
    at_risk: list[LostRow] = field(default_factory=list)
    lost_counts: dict[str, int] = field(default_factory=dict)
    # the dossiers that cost points on any indicator, each once
    lost_dossiers: int = 0
    # indicator code -> reason (late, open_overdue, unsatisfied) -> dossiers
    lost_reasons: dict[str, dict[str, int]] = field(default_factory=dict)
    at_risk_count: int = 0
    at_risk_days: int = 3
    units: list[UnitTotal] = field(default_factory=list)
    # as_of of the period's open dossiers (the period's end under the 766 reading)
    judged_at: date | None = None

    @property
    def points(self) -> float:
        return sum(g.points or 0.0 for g in self.groups)

    @property
    def max_points(self) -> float:
        return sum(g.group.max for g in self.groups)

    @property
    def scored_max(self) -> float:
        return sum(g.scored_max for g in self.groups)

    @property
    def no_data_max(self) -> float:
        return sum(g.no_data_max for g in self.groups)

    @property
    def not_scored_max(self) -> float:
        return sum(g.not_scored_max for g in self.groups)

    @property
    def within_reach(self) -> float:
        return sum(g.within_reach for g in self.groups)


@dataclass(frozen=True)
class ValuesRow:
    """A row of the values register for an indicator: its counts or its rate."""

    numerator: float | None
    denominator: float | None
    # a rate given as a percentage ("93,5"), when no counts are
    percent: float | None
    where: tuple[str, int]
    # the row names the period's year, not the period itself
    whole_year: bool

    @property
    def complete(self) -> bool:
        """Counts with both parts, or a rate."""
        counted = self.numerator is not None and self.denominator is not None
        return counted or (self.percent is not None and self.numerator is None)

    def points(self, spec: ScoreSpec) -> float | None:
        """The points the row earns under the indicator's rule."""
        if self.percent is not None and self.numerator is None:
            return spec.points(self.percent / 100, 1.0)
        assert self.numerator is not None and self.denominator is not None
        ratio = self.numerator / self.denominator if self.denominator else None
        return spec.points(ratio, self.denominator)

    @property
    def ratio(self) -> float | None:
        if self.percent is not None and self.numerator is None:
            return self.percent / 100
        if self.numerator is None or not self.denominator:
            return None
        return self.numerator / self.denominator


def _values_for(
    tables: Mapping[str, pd.DataFrame], indicator: Indicator, period: Period
) -> dict[str | None, ValuesRow]:
    """Values rows for the indicator in the period, by unit (None overall). A row names the
    indicator by its code ("1.4") or id; a row for the period's year counts for its months
    and quarters when no row names the period itself (the note says so)."""
    table = tables.get("values")
    if table is None or "indicator_id" not in table:
        return {}
    spec = indicator.spec
    names = {match_key(spec.code), match_key(spec.id), match_key(f"766-{spec.code}")}
    keys = table["indicator_id"].astype(str).map(match_key)
    rows = table[keys.isin(names).to_numpy(dtype=bool)]
    found: dict[str | None, ValuesRow] = {}
    year = str(period.end.year)
    for wanted in (year, period.label):  # the period's own row wins
        for record in rows.to_dict("records"):
            if _period_label(record.get("period")) != wanted:
                continue
            unit = record.get("unit_name")
            unit = None if unit is None or pd.isna(unit) or not str(unit).strip() else str(unit)
            where = (
                Path(str(record.get("source_path", ""))).name,
                int(record.get("source_row", 0)),
            )
            found[unit] = ValuesRow(
                _number(record.get("numerator")),
                _number(record.get("denominator")),
                _number(record.get("value")),
                where,
                wanted == year and period.label != year,
            )
    return found


def _period_label(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    return period_label(str(value))


def _number(value: Any) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if np.isnan(number) else number


def _scope_applies(indicator: Indicator, level: str | None) -> bool:
    return indicator.spec.scope == "all" or level in (None, "province")


def compute_scorecard(
    tables: Mapping[str, pd.DataFrame],
    scorecard: Scorecard,
    period: Period,
    by: list[str] | None = None,
    level: str = "province",
    units: list[Unit] | None = None,
    groups: dict[str, FieldGroup] | None = None,
    at_risk_days: int = 3,
    row_limit: int | None = None,
) -> ScoreResult:
    """Every indicator of the scorecard for `period` (and per `by` group), with the rows that
    cost points and the open dossiers due within `at_risk_days` of `period.as_of` (counted;
    listed up to `row_limit` rows each, None: all)."""
    by = by or []
    judged = (
        period.with_as_of(period.end) if scorecard.readings["open_at"] == "period_end" else period
    )
    computable = [
        i.target for i in scorecard.indicators if not i.spec.values_only and i.spec.formula_known
    ]
    config = TargetConfig(scorecard.path, scorecard.sha256, computable, groups or {}, units or [])
    engine = Engine(dict(tables), config, rule_766=scorecard.on_time_rule)
    province_rows_full = scorecard.readings["province_only_rows"] == "full"
    scores: list[IndicatorScore] = []
    for indicator in scorecard.indicators:
        spec = indicator.spec
        if not _scope_applies(indicator, level):
            points = spec.max_points if province_rows_full else None
            status = "scored" if province_rows_full else "not_scored"
            key = "score.province_only_full" if province_rows_full else "score.province_only"
            note = Note(key, {"level": level_words(level)})
            scores.append(IndicatorScore(indicator, None, None, None, points, status, None, note))
            continue
        if not spec.formula_known:
            note = Note("score.formula_unknown", {})
            scores.append(IndicatorScore(indicator, None, None, None, None, "no_data", None, note))
            continue
        result: TargetResult | None = None
        if not spec.values_only:
            result = _uncovered_lookup(engine, indicator, judged)
        if not spec.values_only and result is None:
            result = engine.compute_target(indicator.target, judged, by)
        use_values = result is None or (
            result.status is TargetStatus.NO_DATA
            and result.note is not None
            and result.note.code in _FROM_VALUES_WHEN
        )
        if use_values:
            scores.append(_from_values(tables, indicator, judged, by, result))
            continue
        assert result is not None
        scores.append(_from_result(indicator, result, engine, judged, level, province_rows_full))
    group_scores = _group_scores(scorecard, scores)
    outcome = ScoreResult(
        scorecard, period, level, by, scores, group_scores, at_risk_days=at_risk_days
    )
    outcome.judged_at = judged.as_of
    _explain(outcome, engine, judged, period, at_risk_days, row_limit)
    outcome.units = _unit_totals(scores, by)
    return outcome


def _uncovered_lookup(engine: Engine, indicator: Indicator, period: Period) -> TargetResult | None:
    """No data when an indicator counts catalogue rows by the dossiers of the period (3.5:
    procedures with a dossier carrying a fee) and the dossiers do not hold the period: a
    catalogue alone would score a month no export covers."""
    for node in indicator.target.filters.values():
        for _, register in registers_used(node):
            if register.dataset == indicator.spec.dataset:
                continue
            if register.dataset not in engine.framing.tables:
                continue  # the engine says the register is missing
            missing = engine.framing.missing(register.dataset, None, period)
            if missing:
                note = Note("result.period_not_covered", {"months": ", ".join(missing)})
                return TargetResult.no_data(indicator.target, note)
    return None


def _from_result(
    indicator: Indicator,
    result: TargetResult,
    engine: Engine,
    period: Period,
    level: str,
    province_rows_full: bool,
) -> IndicatorScore:
    spec = indicator.spec
    points = spec.points(result.value, result.denominator)
    status = "scored" if points is not None else "no_data"
    deductions: list[int] = []
    if deduction_filters(indicator.target):
        frame = engine.framing.frame(spec.dataset, period)
        assert frame is not None
        deductions = [int(d.sum()) for d in masks(indicator.target, frame)[2]]
    score = IndicatorScore(
        indicator,
        result.numerator,
        result.denominator,
        result.value,
        points,
        status,
        "data",
        result.note,
        deductions,
    )
    for group in result.groups:
        unit_level = _level_of(group.by)
        if spec.scope == "province" and unit_level not in (None, "province"):
            unit_points = spec.max_points if province_rows_full else None
        else:
            unit_points = spec.points(group.value, group.denominator)
        score.units.append(
            UnitScore(
                group.by,
                group.numerator,
                group.denominator,
                group.value,
                unit_points,
                "scored" if unit_points is not None else "no_data",
            )
        )
    return score


def level_words(level: str) -> Words:
    """A unit's level inside a sentence, in both languages ("cấp huyện", "district level")."""
    return Words(label(f"level_{level}", "vi").lower(), label(f"level_{level}", "en").lower())


def _level_of(by: dict[str, Any]) -> str | None:
    level = by.get("admin_level")
    return str(level) if level else None


def _from_values(
    tables: Mapping[str, pd.DataFrame],
    indicator: Indicator,
    period: Period,
    by: list[str],
    result: TargetResult | None,
) -> IndicatorScore:
    spec = indicator.spec
    rows = _values_for(tables, indicator, period)
    overall = rows.get(None)
    if overall is None:
        # the exports' reason first (a missing column says more than "no values row")
        note = result.note if result is not None else None
        note = note or Note("score.no_values", {"code": spec.code})
        return IndicatorScore(indicator, None, None, None, None, "no_data", None, note)
    if not overall.complete:
        path, row = overall.where
        note = Note("score.values_incomplete", {"path": path, "row": row})
        return IndicatorScore(indicator, None, None, None, None, "no_data", None, note)
    points = overall.points(spec)
    note = (
        Note("score.values_whole_year", {"year": period.end.year}) if overall.whole_year else None
    )
    score = IndicatorScore(
        indicator,
        overall.numerator,
        overall.denominator,
        overall.ratio,
        points,
        "scored" if points is not None else "no_data",
        "values",
        note,
        values_row=overall.where,
    )
    if by == ["agency_name"]:
        for unit, row in sorted((k, v) for k, v in rows.items() if k is not None):
            unit_points = row.points(spec) if row.complete else None
            status = "scored" if unit_points is not None else "no_data"
            score.units.append(
                UnitScore(
                    {"agency_name": unit},
                    row.numerator,
                    row.denominator,
                    row.ratio,
                    unit_points,
                    status,
                )
            )
    return score


def _group_scores(scorecard: Scorecard, scores: list[IndicatorScore]) -> list[GroupScore]:
    out = []
    for group in scorecard.groups:
        members = [s for s in scores if s.indicator.spec.group == group.id]
        scored = [s for s in members if s.points is not None]
        not_scored = sum(s.max_points for s in members if s.status == "not_scored")
        no_data = sum(s.max_points for s in members if s.status == "no_data")
        # points of the group no indicator is known for (766-2022's unassigned points)
        unassigned = group.max - sum(s.max_points for s in members)
        out.append(
            GroupScore(
                group,
                sum(s.points or 0.0 for s in scored) if scored else None,
                sum(s.max_points for s in scored),
                no_data + max(0.0, unassigned),
                not_scored,
                sum(s.within_reach or 0.0 for s in scored),
                max(0.0, unassigned),
            )
        )
    return out


def _unit_totals(scores: list[IndicatorScore], by: list[str]) -> list[UnitTotal]:
    """Each unit's points over the indicators computed per unit, ranked (ties share a rank)."""
    if not by:
        return []
    totals: dict[tuple[Any, ...], UnitTotal] = {}
    for score in scores:
        for unit in score.units:
            key = tuple(unit.by.get(name) for name in by)
            if all(part is None for part in key):
                continue  # rows without a unit (a catalogue entry) rank no one
            total = totals.setdefault(key, UnitTotal(dict(unit.by), 0.0, 0.0))
            if unit.points is not None:
                total.points += unit.points
                total.scored_max += score.max_points
    # ranked on the share of the points computed for the unit (a unit without fee dossiers
    # has no 3.6 to lose), then on the points
    ranked = sorted(totals.values(), key=lambda t: (-round(t.share, 9), -t.points, str(t.by)))
    previous: tuple[float, float] | None = None
    for position, total in enumerate(ranked, start=1):
        key = (round(total.share, 9), round(total.points, 9))
        total.rank = position if key != previous else ranked[position - 2].rank
        previous = key
    return ranked


def _explain(
    outcome: ScoreResult,
    engine: Engine,
    judged: Period,
    period: Period,
    at_risk_days: int,
    row_limit: int | None,
) -> None:
    """The dossiers that cost the points of the explained indicators (late, overdue open,
    rated unsatisfied) and the open ones due within `at_risk_days` of the data's as_of: counted
    always, listed up to `row_limit` rows per indicator (None: all) in file and row order."""
    rule = outcome.scorecard.on_time_rule
    explained = [
        s
        for s in outcome.indicators
        if s.indicator.spec.explain
        and s.source == "data"
        and s.indicator.spec.dataset == "dossiers"
    ]
    anywhere: np.ndarray | None = None
    for score in explained:
        spec = score.indicator.spec
        if (score.within_reach or 0.0) < POINTS_LOST:
            continue  # at its maximum (5.4 from 90 %): the rows it counts cost nothing
        frame = engine.framing.frame(spec.dataset, judged)
        assert frame is not None
        numerator, denominator, deducted = masks(score.indicator.target, frame)
        lost = np.logical_or.reduce(deducted) if deducted else denominator & ~numerator
        anywhere = lost if anywhere is None else anywhere | lost
        # the reasons of the lost rows only (a province's month: a million rows, a few lost)
        positions = np.flatnonzero(lost)
        reasons = _class_names(frame.view_for(rule).timeliness.iloc[positions])
        # late by D7 rule 2 (more than one supplement request), whatever the dates say
        supplements = timing(frame.table).supplements[positions] > 1
        reasons = np.where(supplements & (reasons != ""), "supplements", reasons)
        if judged.as_of > period.as_of:
            # judged at the period's end (766): open today and not yet due, it is late only
            # if still open then; said so, not called overdue
            due = timing(frame.table).due[positions]
            ahead = (reasons == "open_overdue") & (due >= np.datetime64(period.as_of, "D"))
            reasons = np.where(ahead, "overdue_at_period_end", reasons)
        if deducted:
            # a row both overdue and complained about is listed once, for being overdue
            overdue = deducted[0][positions]
            reasons = np.where(overdue, reasons, "unsatisfied")
        outcome.lost_counts[spec.code] = int(lost.sum())
        outcome.lost_reasons[spec.code] = dict(sorted(Counter(reasons.tolist()).items()))
        outcome.lost += _rows(frame.table, positions, spec.code, reasons, row_limit)
    outcome.lost_dossiers = 0 if anywhere is None else int(anywhere.sum())
    if not explained:
        return
    # the open dossiers in time today that the next days will turn late (once: every
    # explained indicator loses them the same way)
    codes = ", ".join(s.indicator.spec.code for s in explained)
    now = engine.framing.frame("dossiers", period)
    assert now is not None
    view = now.view_for(rule)
    due = timing(now.table).due
    as_of = np.datetime64(period.as_of, "D")
    # a dossier waiting for the citizen's documents is paused (D7 rule 4): not at risk
    waiting = timing(now.table).waiting_status
    # a dossier already counted as costing points is not listed again
    listed = anywhere if anywhere is not None else np.zeros(len(now.table), dtype=bool)
    soon = (
        view.handled_in
        & view.is_open
        & ~waiting
        & ~listed
        & _is_class(view.timeliness, "open_in_time")
        & (due <= as_of + np.timedelta64(at_risk_days, "D"))
    )
    outcome.at_risk_count = int(soon.sum())
    positions = np.flatnonzero(soon)
    reasons = np.full(len(positions), "at_risk", dtype=object)
    outcome.at_risk += _rows(now.table, positions, codes, reasons, row_limit)


def _is_class(timeliness: pd.Series, name: str) -> np.ndarray:
    """The rows of one on-time class, on the categorical's codes."""
    return timeliness.cat.codes.to_numpy() == timeliness.cat.categories.get_loc(name)


def _class_names(timeliness: pd.Series) -> np.ndarray:
    """The on-time classes as names, from the categorical's codes (no per-row conversion)."""
    names = np.append(np.asarray(timeliness.cat.categories, dtype=object), "")
    return names[timeliness.cat.codes.to_numpy()]


# The columns a listed dossier shows (never a personal field).
_LISTED = (
    "source_path",
    "source_sheet",
    "source_row",
    "dossier_code",
    "procedure_name",
    "agency_name",
    "received_at",
)


def _rows(
    table: pd.DataFrame, positions: np.ndarray, code: str, reasons: np.ndarray, limit: int | None
) -> list[LostRow]:
    """The first `limit` of the rows at `positions` (None: all), each with its reason, as
    LostRow records in file and row order, without any personal field."""
    if limit == 0 or not len(positions):
        return []
    wanted = [c for c in _LISTED if c in table]
    rows = table.iloc[positions]
    chosen = rows[wanted].assign(_reason=reasons)
    chosen["_end"] = end_dates(rows).to_numpy()
    chosen["_due"] = due_dates(rows).to_numpy()
    chosen["_path"] = chosen["source_path"].astype(str).map(lambda p: Path(p).name)
    chosen = chosen.sort_values(["_path", "source_sheet", "source_row"], kind="stable")
    if limit is not None:
        chosen = chosen.head(limit)

    def column(name: str) -> list[Any]:
        return chosen[name].tolist() if name in chosen else [None] * len(chosen)

    return [
        LostRow(
            code,
            str(reason),
            str(dossier),
            _text(procedure),
            _text(agency),
            _day(received),
            _day(due),
            _day(ended),
            str(path),
            str(sheet),
            int(row),
        )
        for reason, dossier, procedure, agency, received, due, ended, path, sheet, row in zip(
            column("_reason"),
            column("dossier_code"),
            column("procedure_name"),
            column("agency_name"),
            column("received_at"),
            column("_due"),
            column("_end"),
            column("_path"),
            column("source_sheet"),
            column("source_row"),
            strict=True,
        )
    ]


def _text(value: Any) -> str | None:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _day(value: Any) -> date | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()
