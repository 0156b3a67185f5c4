"""One run of cchc over some inputs, as `compute` and `report` do it, callable without Typer:
check the configuration and options before any data is read, read the inputs once, refuse data
that cannot be used, choose the period."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from cchc_cli.catalogue import Percent
from cchc_cli.errors import InputError, UsageError
from cchc_cli.ingest.cache import ReadCache
from cchc_cli.ingest.load import LoadOptions, LoadResult, Progress, load_files
from cchc_cli.issues import make_issue
from cchc_cli.output import check_output, check_writable, is_same_file
from cchc_cli.readers import expand_inputs
from cchc_cli.schema import PERSONAL_FIELDS
from cchc_cli.targets.config import TargetConfig, load_targets
from cchc_cli.targets.coverage import (
    Coverage,
    coverage_of,
    default_as_of,
    dossier_facts,
    dossier_months,
)
from cchc_cli.targets.periods import Period, last_complete_month, parse_period
from cchc_cli.targets.scorecard import Scorecard, ScoreResult, compute_scorecard
from cchc_cli.targets.timeliness import received_dates

# The share of rejected rows above which targets are not computed (`--max-invalid`).
MAX_INVALID = 0.01


@dataclass(frozen=True)
class RunOptions:
    """What shapes a run: the targets file, the period, how inputs are read, the tolerance."""

    targets: Path | None = None
    period: str | None = None
    as_of: date | None = None
    load: LoadOptions = field(default_factory=LoadOptions)
    max_invalid: float = MAX_INVALID
    # Months of the period without dossier data are an error (exit 3), not a warning (D6).
    require_coverage: bool = False
    # A file the run will write: it must not be one of the inputs.
    output: Path | None = None
    cache: ReadCache | None = None
    # the targets file already loaded (by a command that checks more before reading)
    config: TargetConfig | None = None
    # Personal fields (names, ID numbers, phones, addresses) are read only when a target of
    # the targets file or of `scorecard` reads one, or all of them when the report is asked to
    # show them (`personal_data`, --include-personal-data): not holding them saves memory and
    # keeps them from leaving the tool by mistake. `prepare` sets `load.personal` from these.
    scorecard: Scorecard | None = None
    personal_data: bool = False


@dataclass
class Run:
    """A run ready to compute: the targets, what was read, the period and why it was chosen
    (None when given; "default_period" or "default_period_partial" otherwise)."""

    config: TargetConfig
    loaded: LoadResult
    period: Period
    period_note: str | None = None
    # What the inputs hold of the period, dataset by dataset (D6).
    coverage: list[Coverage] = field(default_factory=list)
    # The data's last event date when the period is judged at it, not at its last day.
    as_of_from_data: bool = False
    # The data's last event date when an --as-of after it was given (open dossiers are then
    # judged past what the data knows).
    data_ends: date | None = None


class UnusableInputs(InputError):
    """Inputs that cannot be computed on (exit 3): unreadable, empty, or too many rejected
    rows. Carries what was read so the caller can show the accounting."""

    def __init__(self, loaded: LoadResult, code: str, **params: object) -> None:
        super().__init__(code, **params)
        self.loaded = loaded


def choose_period(
    loaded: LoadResult, period: Period | None, as_of: date | None
) -> tuple[Period, str | None]:
    """The period given, or the last complete month in the data, with the reason for it."""
    if period is not None:
        return period, None
    dossiers = loaded.tables.get("dossiers")
    received = received_dates(dossiers)
    if received.empty:
        raise InputError("period.no_data")
    last = received.max().date()
    chosen = last_complete_month(last)
    held = dossier_months(dossiers)
    if chosen.label in held:
        return chosen.with_as_of(as_of), "default_period"
    this_month = f"{last.year:04d}-{last.month:02d}"
    if this_month in held or not held:
        # the data only holds the month it was taken in, not yet complete
        return parse_period(this_month, as_of), "default_period_partial"
    # the last complete month is not held (an export stopping early): the latest one held
    return parse_period(max(held), as_of), "default_period"


def personal_kept(config: TargetConfig, options: RunOptions) -> frozenset[str] | None:
    """The personal fields a run reads (None: all of them, `RunOptions.personal_data`)."""
    if options.personal_data:
        return None
    targets = list(config.targets)
    if options.scorecard is not None:
        targets += [indicator.target for indicator in options.scorecard.indicators]
    named = set().union(*(target.fields() for target in targets))
    return frozenset(named & PERSONAL_FIELDS)


def prepare(inputs: list[str], options: RunOptions, progress: Progress | None = None) -> Run:
    """Everything `compute` and `report` do before computing; a typed error on any problem."""
    config = options.config or load_targets(options.targets)
    # A bad --period fails before any file is read.
    period = parse_period(options.period, options.as_of) if options.period else None
    files, problems = expand_inputs(inputs)
    if options.output is not None:
        check_output(options.output)  # before anything is read
        if is_same_file(options.output, [f.path for f in files]):
            raise UsageError("output.is_input", path=str(options.output))
        check_writable(options.output)  # not open in Excel, its folder writable
    load = replace(options.load, personal=personal_kept(config, options))
    loaded = load_files(files, problems, load, options.cache, progress)
    if not loaded.usable(options.max_invalid):
        if loaded.failed_inputs:
            failed = list(dict.fromkeys(loaded.failed_inputs))
            names = ", ".join(f"'{Path(p).name}'" for p in failed[:3])
            raise UnusableInputs(
                loaded,
                "run.inputs_failed",
                n=len(failed),
                files=names + (", …" if len(failed) > 3 else ""),
            )
        if not loaded.accounts:
            raise UnusableInputs(loaded, "run.nothing_recognised")
        raise UnusableInputs(
            loaded,
            "run.too_many_rejected",
            rate=Percent(loaded.rejected_rate, 2),  # 0,10% in Vietnamese, 0.10% in English
            limit=Percent(options.max_invalid, 2),
        )
    dossiers = loaded.tables.get("dossiers")
    facts, worked_out = dossier_facts(dossiers, loaded.facts)
    if worked_out and options.cache is not None and loaded.run_key is not None:
        options.cache.put_facts(loaded.run_key, {"dossiers": facts.to_json()})
    chosen, note = choose_period(loaded, period, options.as_of)
    as_of_from_data = False
    snapshot = facts.snapshot
    data_ends = None
    if options.as_of is None:
        # D6: never judged after the data's own last day
        as_of = default_as_of(chosen, snapshot)
        as_of_from_data = as_of != chosen.as_of
        chosen = chosen.with_as_of(as_of)
    elif snapshot is not None and options.as_of > snapshot:
        data_ends = snapshot
    if dossiers is not None and not facts.has_ended:
        loaded.issues.append(make_issue("coverage.no_ended"))
    coverage = coverage_of(loaded.tables, chosen)
    missing = next((c.missing for c in coverage if c.dataset == "dossiers" and c.missing), ())
    if missing:
        months = ", ".join(missing)
        loaded.issues.append(
            make_issue("coverage.missing_months", params={"months": months, "period": chosen.label})
        )
        if options.require_coverage:
            raise UnusableInputs(loaded, "coverage.required", months=months, period=chosen.label)
    return Run(config, loaded, chosen, note, coverage, as_of_from_data, data_ends)


def score(
    run: Run,
    scorecard: Scorecard,
    by: list[str] | None = None,
    level: str | None = None,
    at_risk_days: int = 3,
    row_limit: int | None = None,
) -> ScoreResult:
    """The 766 scorecard over what a run read (`cchc score766`, the report's sheet): the
    unit's level from the targets file's `organisation.level` unless given, its units and
    groups."""
    config = run.config
    return compute_scorecard(
        run.loaded.tables,
        scorecard,
        run.period,
        by or [],
        level or config.organisation.level,
        config.units,
        config.groups,
        at_risk_days,
        row_limit,
    )
