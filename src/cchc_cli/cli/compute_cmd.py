"""`cchc compute`: every target for a period, as a table, JSON, CSV or Markdown."""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from cchc_cli import parsing
from cchc_cli.cli.common import (
    AsOfOption,
    ColumnsOption,
    InputsArgument,
    Lang,
    LangOption,
    MaxInvalidOption,
    NoCacheOption,
    PeriodOption,
    ProfileOption,
    QuietOption,
    TargetsFileOption,
    handles_errors,
    load_options,
    progress_display,
    read_cache,
    stderr_console,
    stdout_console,
)
from cchc_cli.errors import ExitCode, InputError
from cchc_cli.load import LoadResult, load_inputs
from cchc_cli.output import is_same_file, write_atomic
from cchc_cli.readers import expand_inputs
from cchc_cli.report.labels import label
from cchc_cli.report.results import (
    compute_csv,
    compute_json,
    compute_markdown,
    render_results,
)
from cchc_cli.report.validation import accounting_table, issues_table, sorted_issues
from cchc_cli.schema import DATASETS
from cchc_cli.targets.config import TargetConfig, load_targets
from cchc_cli.targets.engine import Status, compute
from cchc_cli.targets.filters import GROUPABLE_KINDS, did_you_mean
from cchc_cli.targets.periods import Period, last_complete_month, month_labels, parse_period
from cchc_cli.targets.timeliness import received_dates


class ComputeFormat(StrEnum):
    """Output forms of `compute`."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def _parse_as_of(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        value = parsing.parse_date(text)
    except parsing.ParseProblem:
        value = None
    if value is None:
        raise typer.BadParameter(f"'{text}': cần một ngày dd/mm/yyyy / expected a date")
    return value.date()


def _check_by(by: list[str]) -> list[str]:
    kinds = {name: spec.kind for d in DATASETS.values() for name, spec in d.fields.items()}
    known = sorted(n for n, kind in kinds.items() if kind in GROUPABLE_KINDS)
    for name in by:
        if name not in known:
            reason = (
                "không nhóm theo trường ngày hoặc số / dates and amounts cannot group"
                if name in kinds
                else "không phải trường chuẩn / not a canonical field."
            )
            raise typer.BadParameter(f"'{name}': {reason}" + did_you_mean(name, known))
    return list(dict.fromkeys(by))


def choose_period(
    loaded: LoadResult, period: str | None, as_of: date | None
) -> tuple[Period, str | None]:
    """--period as given, or the last complete month in the data, with the line that explains
    the choice (for stderr)."""
    if period:
        return parse_period(period, as_of), None
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
) -> tuple[TargetConfig, LoadResult, Period]:
    """What `compute` and `report` share: check the configuration and options before reading
    any data, read the inputs, stop with exit 3 on unusable data, choose the period."""
    config = load_targets(targets)
    judged_at = _parse_as_of(as_of)
    if period is not None:
        parse_period(period, judged_at)  # a bad --period fails before any file is read
    if output is not None:
        files, _ = expand_inputs(inputs)
        if is_same_file(output, [f.path for f in files]):
            raise typer.BadParameter(
                label("output_is_input", lang, path=output), param_hint="--output"
            )
    options = load_options(profile, columns)
    with progress_display(quiet, lang) as progress:
        loaded = load_inputs(inputs, options, read_cache(no_cache), progress)
    errors = stderr_console()
    rejected_rate = loaded.rows_rejected / loaded.rows_read if loaded.rows_read else 0.0
    if loaded.failed_inputs or not loaded.accounts or rejected_rate > max_invalid + 1e-12:
        _print_accounting(loaded, json_accounting, lang)
        if loaded.failed_inputs or not loaded.accounts:
            errors.print(Text(label("inputs_failed", lang), "red"))
        else:
            errors.print(
                Text(
                    label(
                        "too_many_rejected",
                        lang,
                        rate=f"{rejected_rate:.2%}",
                        limit=f"{max_invalid:.2%}",
                    ),
                    "red",
                )
            )
        raise typer.Exit(int(ExitCode.INPUT_DATA))
    chosen, explanation = choose_period(loaded, period, judged_at)
    if explanation:
        errors.print(label(explanation, lang, period=chosen.label))
    return config, loaded, chosen


@handles_errors
def compute_command(
    inputs: InputsArgument,
    targets: TargetsFileOption = None,
    period: PeriodOption = None,
    as_of: AsOfOption = None,
    by: Annotated[
        list[str] | None,
        typer.Option("--by", help="Tính theo nhóm: agency_name, admin_level, field_name, …"),
    ] = None,
    format: Annotated[
        ComputeFormat, typer.Option("--format", "-f", help="table, json, csv hoặc markdown.")
    ] = ComputeFormat.table,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Ghi kết quả ra tệp (ghi an toàn, không ghi đè đầu vào).",
            dir_okay=False,
        ),
    ] = None,
    fail_on_miss: Annotated[
        bool, typer.Option("--fail-on-miss", help="Thoát mã 1 nếu có chỉ tiêu không đạt.")
    ] = False,
    max_invalid: MaxInvalidOption = 0.01,
    columns: ColumnsOption = None,
    profile: ProfileOption = None,
    no_cache: NoCacheOption = False,
    quiet: QuietOption = False,
    lang: LangOption = Lang.vi,
) -> None:
    """Tính mọi chỉ tiêu cho một kỳ: tử số, mẫu số, kết quả, mục tiêu, đánh giá.

    Compute every configured target for a period, overall and per group.
    Exit 0 on success, 1 when a target is missed and --fail-on-miss is given, 3 on input data
    errors, 4 on configuration errors.

    [bold]Ví dụ / example:[/bold] cchc compute sample_data/ --period 2025-Q1 --by agency_name
    """
    by_fields = _check_by(by or [])
    config, loaded, chosen = prepare_run(
        inputs,
        targets,
        period,
        as_of,
        columns,
        max_invalid,
        output,
        lang,
        json_accounting=format is ComputeFormat.json,
        no_cache=no_cache,
        quiet=quiet,
        profile=profile,
    )
    result = compute(loaded.tables, config, chosen, by_fields)

    if format is ComputeFormat.table and output is None:
        render_results(stdout_console(), result, loaded, lang)
    else:
        if format is ComputeFormat.json:
            text = json.dumps(compute_json(result, loaded, lang), ensure_ascii=False, indent=2)
            text += "\n"
        elif format is ComputeFormat.csv:
            text = compute_csv(result, lang)
        elif format is ComputeFormat.markdown:
            text = compute_markdown(result, loaded, lang)
        else:
            console = stdout_console()
            with console.capture() as captured:
                render_results(console, result, loaded, lang)
            text = captured.get()
        if output is None:
            typer.echo(text, nl=False)
        else:
            # Excel opens a UTF-8 CSV correctly only with a BOM.
            data = text.encode("utf-8-sig" if format is ComputeFormat.csv else "utf-8")
            write_atomic(output, data)
            stderr_console().print(label("written", lang, path=output))
    if fail_on_miss and any(t.status is Status.MISSED for t in result.targets):
        raise typer.Exit(int(ExitCode.TARGET_MISSED))


def _print_accounting(loaded: LoadResult, as_json: bool, lang: str) -> None:
    if as_json:
        from cchc_cli.report.validation import validation_json

        typer.echo(json.dumps(validation_json(loaded, lang), ensure_ascii=False, indent=2))
        return
    console = stderr_console()
    if loaded.accounts:
        console.print(accounting_table(loaded, lang))
    errors = [i for i in sorted_issues(loaded.issues) if i.severity.value == "error"]
    if errors:
        console.print(issues_table(errors, lang, 20))
