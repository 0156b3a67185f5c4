"""One run of cchc over some inputs, as `compute` and `report` do it, callable without Typer:
check the configuration and options before any data is read, read the inputs once, refuse data
that cannot be used, choose the period."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from cchc_cli.errors import InputError, UsageError
from cchc_cli.ingest.cache import ReadCache
from cchc_cli.ingest.load import LoadOptions, LoadResult, Progress, load_files
from cchc_cli.issues import make_issue
from cchc_cli.output import is_same_file
from cchc_cli.readers import expand_inputs
from cchc_cli.targets.config import TargetConfig, load_targets
from cchc_cli.targets.coverage import Coverage, coverage_of, default_as_of, snapshot_date
from cchc_cli.targets.periods import Period, last_complete_month, month_labels, parse_period
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
    received = received_dates(loaded.tables.get("dossiers"))
    if received.empty:
        raise InputError("period.no_data")
    last = received.max().date()
    chosen = last_complete_month(last)
    months = month_labels(received)
    if chosen.label in months:
        return chosen.with_as_of(as_of), "default_period"
    # The last complete month has no dossier at all: the data only holds the current month.
    return parse_period(f"{last.year:04d}-{last.month:02d}", as_of), "default_period_partial"


def prepare(inputs: list[str], options: RunOptions, progress: Progress | None = None) -> Run:
    """Everything `compute` and `report` do before computing; a typed error on any problem."""
    config = load_targets(options.targets)
    # A bad --period fails before any file is read.
    period = parse_period(options.period, options.as_of) if options.period else None
    files, problems = expand_inputs(inputs)
    if options.output is not None and is_same_file(options.output, [f.path for f in files]):
        raise UsageError("output.is_input", path=str(options.output))
    loaded = load_files(files, problems, options.load, options.cache, progress)
    if not loaded.usable(options.max_invalid):
        if loaded.failed_inputs or not loaded.accounts:
            raise UnusableInputs(loaded, "run.inputs_failed")
        raise UnusableInputs(
            loaded,
            "run.too_many_rejected",
            rate=f"{loaded.rejected_rate:.2%}",
            limit=f"{options.max_invalid:.2%}",
        )
    chosen, note = choose_period(loaded, period, options.as_of)
    as_of_from_data = False
    if options.as_of is None:
        # D6: never judged after the data's own last day
        snapshot = snapshot_date(loaded.tables.get("dossiers"))
        as_of = default_as_of(chosen, snapshot)
        as_of_from_data = as_of != chosen.as_of
        chosen = chosen.with_as_of(as_of)
    coverage = coverage_of(loaded.tables, chosen)
    missing = next((c.missing for c in coverage if c.dataset == "dossiers" and c.missing), ())
    if missing:
        months = ", ".join(missing)
        loaded.issues.append(
            make_issue("coverage.missing_months", params={"months": months, "period": chosen.label})
        )
        if options.require_coverage:
            raise UnusableInputs(loaded, "coverage.required", months=months, period=chosen.label)
    return Run(config, loaded, chosen, note, coverage, as_of_from_data)
