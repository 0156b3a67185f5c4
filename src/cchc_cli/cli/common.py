"""Options, consoles and error handling shared by every command."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.segment import Segment
from rich.text import Text

from cchc_cli.catalogue import did_you_mean, label
from cchc_cli.cli.language import LANG, help_text, translate_usage, when_imported
from cchc_cli.errors import (
    INTERRUPTED_EXIT,
    TERMINATED_EXIT,
    CchcError,
    ExitCode,
    Terminated,
)
from cchc_cli.issues import Severity, render_message
from cchc_cli.readers.hashes import forget_hashing, start_hashing
from cchc_cli.targets.per_table import tables_unchanged

# The library (pandas, pydantic, openpyxl) is imported inside the functions that use it, so that
# building the commands, and `cchc --help`, stays fast (issue 12).
if TYPE_CHECKING:
    from datetime import date

    from cchc_cli.ingest import LoadOptions, LoadResult
    from cchc_cli.ingest.cache import ReadCache
    from cchc_cli.run import Run
    from cchc_cli.targets.config import TargetConfig
    from cchc_cli.targets.scorecard import Scorecard

# The default of --max-invalid, shown in the help: cchc_cli.run.MAX_INVALID, repeated here so
# that building the commands does not import the library (tests/test_architecture.py checks).
MAX_INVALID = 0.01


class Lang(StrEnum):
    """Language of user-facing text."""

    vi = "vi"
    en = "en"


# What a command speaks when its own --lang is not given: the language read from the whole
# command line before the commands were built (`cchc --lang en compute …`), else CCHC_LANG.
COMMAND_LANG = Lang(LANG)


class OutputFormat(StrEnum):
    """Where the output goes: people (table) or scripts (json)."""

    table = "table"
    json = "json"


LangOption = Annotated[
    Lang,
    typer.Option("--lang", envvar="CCHC_LANG", case_sensitive=False, help=help_text("help.lang")),
]
FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help=help_text("help.format_table_json"))
]
ColumnsOption = Annotated[
    Path | None,
    typer.Option(
        "--columns",
        help=help_text("help.columns"),
        dir_okay=False,
    ),
]
ProfileOption = Annotated[
    str | None,
    typer.Option(
        "--profile",
        help=help_text("help.profile"),
    ),
]
DatasetOption = Annotated[
    str | None,
    typer.Option("--dataset", help=help_text("help.dataset")),
]

InputsArgument = Annotated[
    list[str], typer.Argument(metavar=help_text("metavar.inputs"), help=help_text("help.inputs"))
]
PeriodOption = Annotated[
    str | None,
    typer.Option("--period", "-p", help=help_text("help.period")),
]
AsOfOption = Annotated[str | None, typer.Option("--as-of", help=help_text("help.as_of"))]
TargetsFileOption = Annotated[
    Path | None,
    typer.Option("--targets", help=help_text("help.targets"), dir_okay=False),
]
RequireCoverageOption = Annotated[
    bool,
    typer.Option(
        "--require-coverage",
        help=help_text("help.require_coverage"),
    ),
]
MaxInvalidOption = Annotated[
    float,
    typer.Option(
        "--max-invalid",
        min=0.0,
        max=1.0,
        help=help_text("help.max_invalid"),
    ),
]
NoCacheOption = Annotated[
    bool,
    typer.Option("--no-cache", help=help_text("help.no_cache")),
]
QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help=help_text("help.quiet"),
    ),
]

_state: dict[str, bool] = {"debug": False}


def set_debug(value: bool) -> None:
    """Remember --debug for the error handler."""
    _state["debug"] = value or bool(os.environ.get("CCHC_DEBUG"))


def _width(stream: object) -> int | None:
    # Redirected to a file or a scheduler's log, Rich would wrap at 80 columns; a log is read
    # in an editor, so give tables room unless the user set COLUMNS.
    is_terminal = getattr(stream, "isatty", lambda: False)()
    return None if is_terminal or os.environ.get("COLUMNS") else 160


# Control characters a cell may carry (ESC starts a terminal command: clear the screen, retitle
# the window, rewrite what was printed) shown as their visible pictures (␛) instead; tab and
# line feed are layout.
_CONTROLS = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_CONTROLS |= {0x7F: 0x2421} | {c: 0xFFFD for c in range(0x80, 0xA0)}


class DataSafeConsole(Console):
    """A Rich console that never passes a control character from the data to the terminal
    (issue 13). Rich's own control segments (cursor moves of a progress bar) go through."""

    def _render_buffer(self, buffer: Any) -> str:
        return super()._render_buffer(
            segment
            if segment.control
            else Segment(segment.text.translate(_CONTROLS), segment.style, segment.control)
            for segment in buffer
        )

    def on_broken_pipe(self) -> None:
        # Rich ends the program with 1 when the reader of stdout stops reading (`| head`):
        # what it wanted it has; 1 is what a nightly job reads as "a target missed"
        _silence_stdout()
        raise SystemExit(0)


def stdout_console() -> Console:
    """Console for the command's result (tables) on stdout."""
    # markup=False: text from the data (cells, paths, header names) may contain "[...]".
    return DataSafeConsole(soft_wrap=False, width=_width(sys.stdout), markup=False, highlight=False)


def stderr_console() -> Console:
    """Console for messages to people, never mixed into machine output."""
    return DataSafeConsole(
        stderr=True, soft_wrap=False, width=_width(sys.stderr), markup=False, highlight=False
    )


def load_options(
    profile: str | None, columns: Path | None, dataset: str | None = None, lang: str = "vi"
) -> LoadOptions:
    """The read options of --profile, --columns and --dataset (checked before any data is read)."""
    from cchc_cli.ingest import LoadOptions
    from cchc_cli.ingest.load import workers_setting
    from cchc_cli.ingest.memory import use_returning_pool
    from cchc_cli.profiles import profile_set
    from cchc_cli.schema import get_dataset

    if dataset:
        get_dataset(dataset)
    use_returning_pool()  # every command that reads data comes here first
    workers = os.environ.get("CCHC_WORKERS", "").strip()
    if workers and workers_setting() is None:
        stderr_console().print(Text(label("workers_ignored", lang, value=workers), "yellow"))
    return LoadOptions(profiles=profile_set(profile, columns), dataset=dataset)


def read_cache(no_cache: bool, lang: str = "vi") -> ReadCache | None:
    """The cache of parsed files, unless --no-cache or there is no folder to keep it in."""
    from cchc_cli.ingest.cache import (
        DEFAULT_MAX_MB,
        ReadCache,
        cache_limit_problem,
    )

    if no_cache:
        return None
    wrong = cache_limit_problem()
    if wrong is not None:
        said = label("cache_limit_invalid", lang, value=wrong, default=DEFAULT_MAX_MB)
        stderr_console().print(Text(said, "yellow"))
    from cchc_cli.cache_folder import default_cache_dir

    folder = default_cache_dir()
    if folder is None:  # a service account without a home: slower, never written elsewhere
        stderr_console().print(Text(label("no_cache_folder", lang), "yellow"))
        return None

    def unwritable(where: Path, reason: Any) -> None:
        said = label("cache_unwritable", lang, folder=str(where), reason=reason)
        stderr_console().print(Text(said, "yellow"))

    return ReadCache(folder, on_failure=unwritable)


@contextmanager
def progress_display(quiet: bool, lang: str) -> Iterator[Callable[[str, int, int], None] | None]:
    """A Rich progress bar on stderr for people at a terminal; nothing in batch jobs (not a
    TTY, or --quiet), so it never mixes with JSON on stdout."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    console = DataSafeConsole(stderr=True, markup=False)
    words = label("reading_files", lang)
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}", markup=False),  # file names may hold "[...]"
        BarColumn(),
        MofNCompleteColumn(),  # "3/12"; "0/?" before the files are counted, never "0/None"
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task(words, total=None)

        def update(path: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=f"{words}: {Path(path).name}")

        yield update


@contextmanager
def phase(quiet: bool, lang: str, key: str) -> Iterator[None]:
    """A spinner with the step's name ("Đang tính chỉ tiêu…", "Đang ghi báo cáo…") on stderr
    while a step after the reading runs, for people at a terminal; nothing in batch jobs."""
    if quiet or not sys.stderr.isatty():
        yield
        return
    console = DataSafeConsole(stderr=True, markup=False)
    with console.status(label(key, lang)):
        yield


F = TypeVar("F", bound=Callable[..., Any])
Chosen = TypeVar("Chosen", bound=StrEnum)


def hash_in_background(inputs: list[str], no_cache: bool) -> None:
    """Start hashing the inputs (the cache's keys) while the data libraries load: a cached
    run then finds its keys ready (readers/hashes.py)."""
    if no_cache:
        return
    from cchc_cli.cache_folder import default_cache_dir
    from cchc_cli.readers.inputs import expand_inputs

    files, _ = expand_inputs(inputs)
    start_hashing([f.path for f in files], default_cache_dir())


def _stop_behind(error: BaseException) -> BaseException | None:
    """The Ctrl-C or SIGTERM an error was raised from, if any (Python wraps an exception raised
    inside `__set_name__` into a RuntimeError)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt | Terminated):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _silence_stdout() -> None:
    """Point stdout at the null device, so that flushing it at exit raises nothing more."""
    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())


def json_asked(argv: list[str]) -> bool:
    """Whether the command line asks for `--format json` (`--format json`, `--format=json`,
    `-f json`, `-fjson`), read before Click has parsed it."""
    for index, argument in enumerate(argv):
        if argument in ("--format", "-f") and argv[index + 1 : index + 2] == ["json"]:
            return True
        if argument in ("--format=json", "-fjson"):
            return True
    return False


def usage_failures_as_json(lang: str) -> None:
    """A usage error Click finds (an option out of range, an unknown field in --by) prints the
    failure document too when JSON was asked for: a script reads one shape whatever failed
    (issue 14). The officer still reads the error on stderr."""

    def patch(rich_utils: ModuleType) -> None:
        show = rich_utils.rich_format_error

        def show_and_document(error: Any) -> None:
            if json_asked(sys.argv[1:]):
                detail = translate_usage(error.format_message(), lang)
                message = label("cli.usage", lang, detail=detail)
                exit_code = int(getattr(error, "exit_code", ExitCode.USAGE))
                _print_failure("cli.usage", message, exit_code, None, lang)
            show(error)

        rich_utils.rich_format_error = show_and_document

    # Typer imports its error renderer only to show an error (cli/language.py)
    when_imported("typer.rich_utils", patch)


def _wants_json(options: dict[str, Any]) -> bool:
    return str(options.get("format") or "") == "json"


def _print_failure(
    code: str, message: str, exit_code: int, loaded: LoadResult | None, lang: str
) -> None:
    """The failure document on stdout for `--format json` (scripts read one shape)."""
    from cchc_cli.report.results import failure_json

    document = failure_json(code, message, exit_code, loaded, lang)
    typer.echo(json.dumps(document, ensure_ascii=False, indent=2))


def handles_errors(command: F) -> F:
    """Expected errors print one catalogued line and exit with their code; anything else is an
    internal error (exit 5) with a traceback only under --debug."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        lang = str(kwargs.get("lang") or "vi")
        try:
            # a command reads its inputs once and never changes them: facts of a table are
            # computed once per run (targets/per_table.py)
            with tables_unchanged():
                done = command(*args, **kwargs)
                sys.stdout.flush()  # a closed pipe is found here, not at exit
                return done
        except (typer.Exit, typer.Abort, typer.BadParameter):
            raise
        except CchcError as error:
            if _wants_json(kwargs):
                loaded = getattr(error, "loaded", None)
                _print_failure(error.code, error.message(lang), int(error.exit_code), loaded, lang)
            stderr_console().print(Text.assemble((error.code, "red"), ": ", error.message(lang)))
            raise typer.Exit(int(error.exit_code)) from None
        except BrokenPipeError:
            # the reader stopped reading (`| head`, `| findstr /m`): what it wanted it has;
            # not Click's exit 1, which a nightly job reads as "a target missed"
            _silence_stdout()
            raise typer.Exit(0) from None
        except (KeyboardInterrupt, Terminated) as stop:
            # one line, the shell's exit code, never a traceback (nor Click's "Aborted!" and 1)
            stderr_console().print(Text(label("interrupted", lang), "yellow"))
            code = INTERRUPTED_EXIT if isinstance(stop, KeyboardInterrupt) else TERMINATED_EXIT
            raise typer.Exit(code) from None
        except Exception as error:
            stop = _stop_behind(error)
            if stop is not None:
                # a stop that arrived while Python was building something (a class): it comes
                # wrapped in another error, and is a stop all the same
                stderr_console().print(Text(label("interrupted", lang), "yellow"))
                code = INTERRUPTED_EXIT if isinstance(stop, KeyboardInterrupt) else TERMINATED_EXIT
                raise typer.Exit(code) from None
            if _state["debug"]:
                raise
            reason = f"{type(error).__name__}: {error}".splitlines()[0][:300]
            said = render_message("internal.error", lang, {"reason": reason})
            if _wants_json(kwargs):
                _print_failure("internal.error", said, int(ExitCode.INTERNAL), None, lang)
            print(f"internal.error: {said}", file=sys.stderr)
            raise typer.Exit(int(ExitCode.INTERNAL)) from None
        finally:
            forget_hashing()

    return wrapper  # type: ignore[return-value]


def parse_as_of(text: str | None, lang: str = "vi") -> date | None:
    """--as-of as a date (day first), or a usage error in `lang`."""
    if text is None:
        return None
    from cchc_cli import parsing

    try:
        value = parsing.parse_date(text)
    except parsing.ParseProblem:
        value = None
    if value is None:
        said = label("option.date_expected", lang, value=text)
        raise typer.BadParameter(said, param_hint="--as-of")
    return value.date()


def prepare_run(
    inputs: list[str],
    targets: Path | None,
    period: str | None,
    as_of: str | None,
    columns: Path | None,
    max_invalid: float,
    output: Path | None,
    lang: str,
    json_accounting: bool = False,
    no_cache: bool = False,
    quiet: bool = False,
    profile: str | None = None,
    require_coverage: bool = False,
    config: TargetConfig | None = None,
    scorecard: Scorecard | None = None,
    personal_data: bool = False,
) -> Run:
    """What `compute` and `report` share (`run.prepare`), with the accounting and the reason
    shown and exit 3 when the data cannot be used, and the period's choice said on stderr.
    `config`: the targets file when the command has loaded it already; `scorecard`: the 766
    scorecard it computes too; `personal_data`: every personal field is read (a report asked
    to show them), not only those the targets read."""
    from cchc_cli.run import RunOptions, UnusableInputs, prepare

    options = RunOptions(
        config=config,
        targets=targets,
        period=period,
        as_of=parse_as_of(as_of, lang),
        load=load_options(profile, columns, lang=lang),
        max_invalid=max_invalid,
        output=output,
        cache=read_cache(no_cache, lang),
        require_coverage=require_coverage,
        scorecard=scorecard,
        personal_data=personal_data,
    )
    try:
        with progress_display(quiet, lang) as progress:
            run = prepare(inputs, options, progress)
    except UnusableInputs as error:
        if not json_accounting:  # with JSON, handles_errors prints the failure document
            _print_accounting(error.loaded, False, lang)
            stderr_console().print(Text(error.message(lang), "red"))
            raise typer.Exit(int(error.exit_code)) from None
        raise
    console = stderr_console()
    # Notes on a run that went well are not printed with --quiet (a nightly job's every line
    # is mailed to its owner); warnings are.
    if run.period_note and not quiet:
        console.print(label(run.period_note, lang, period=run.period.label))
    if run.as_of_from_data and not quiet:
        console.print(label("as_of_from_data", lang, as_of=f"{run.period.as_of:%d/%m/%Y}"))
    if run.data_ends is not None:
        console.print(
            Text(
                label(
                    "as_of_after_data",
                    lang,
                    as_of=f"{run.period.as_of:%d/%m/%Y}",
                    data_ends=f"{run.data_ends:%d/%m/%Y}",
                ),
                "yellow",
            )
        )
    for issue in run.loaded.issues:
        if issue.code in ("coverage.missing_months", "coverage.no_ended"):
            console.print(Text(issue.message(lang), "yellow"))
    return run


def _print_accounting(loaded: LoadResult, as_json: bool, lang: str) -> None:
    from cchc_cli.report.validation import (
        accounting_table,
        issues_table,
        sorted_issues,
        validation_json,
    )

    if as_json:
        typer.echo(json.dumps(validation_json(loaded, lang), ensure_ascii=False, indent=2))
        return
    console = stderr_console()
    if loaded.accounts:
        console.print(accounting_table(loaded, lang, console.width))
    shown = [i for i in sorted_issues(loaded.issues) if i.severity is Severity.ERROR]
    if not shown and not loaded.accounts:
        # nothing recognised and no error: the files passed over say why (file.not_data, …)
        said = (Severity.WARNING, Severity.INFO)  # a report passed over says so (own output)
        shown = [i for i in sorted_issues(loaded.issues) if i.severity in said]
    if shown:
        console.print(issues_table(shown, lang, 20))


def format_by_name(output: Path | None, by_suffix: Mapping[str, Chosen], default: Chosen) -> Chosen:
    """The format an --output file's ending asks for when --format is not given (`-o kq.json`
    is JSON, not the console table in a file named .json); `default` otherwise."""
    if output is None:
        return default
    return by_suffix.get(output.suffix.lower(), default)


def check_by(by: list[str], lang: str) -> list[str]:
    """--by fields checked (groupable canonical fields, no personal one), repeats dropped; a
    usage error in `lang` naming the closest field."""
    # Imported here, not at the top: `cchc --help` must start fast (issue 12).
    from cchc_cli.schema import DATASETS, PERSONAL_FIELDS
    from cchc_cli.targets.filters import GROUPABLE_KINDS

    kinds = {name: spec.kind for d in DATASETS.values() for name, spec in d.fields.items()}
    known = sorted(
        n for n, kind in kinds.items() if kind in GROUPABLE_KINDS and n not in PERSONAL_FIELDS
    )
    for name in by:
        if name in PERSONAL_FIELDS:
            # a group's name is the value itself: grouping would print every applicant's name
            # (and a run does not hold these columns: `run.personal_kept`)
            said = label("option.by_personal", lang, name=name)
            raise typer.BadParameter(said, param_hint="--by")
        if name not in known:
            reason = "option.by_not_groupable" if name in kinds else "option.by_unknown_field"
            said = label(reason, lang, name=name, hint=did_you_mean(name, known))
            raise typer.BadParameter(said, param_hint="--by")
    return list(dict.fromkeys(by))
