"""`cchc compute`: every target for a period, as a table, JSON, CSV or Markdown."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from cchc_cli.catalogue import label
from cchc_cli.cli.common import (
    COMMAND_LANG,
    MAX_INVALID,
    AsOfOption,
    ColumnsOption,
    InputsArgument,
    LangOption,
    MaxInvalidOption,
    NoCacheOption,
    PeriodOption,
    ProfileOption,
    QuietOption,
    RequireCoverageOption,
    TargetsFileOption,
    check_by,
    format_by_name,
    handles_errors,
    hash_in_background,
    phase,
    prepare_run,
    stderr_console,
    stdout_console,
)
from cchc_cli.cli.language import help_text
from cchc_cli.errors import ExitCode
from cchc_cli.output import write_atomic


class ComputeFormat(StrEnum):
    """Output forms of `compute`."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"


# What an --output file's ending says when --format is not given (`format_by_name`).
_BY_SUFFIX = {
    ".json": ComputeFormat.json,
    ".csv": ComputeFormat.csv,
    ".md": ComputeFormat.markdown,
    ".xlsx": ComputeFormat.xlsx,
    # the old Excel format cchc does not write: refused with the advice to name it .xlsx
    ".xls": ComputeFormat.xlsx,
}


class FailOn(StrEnum):
    """Which statuses make `compute` exit 1 (for scheduled jobs)."""

    missed = "missed"
    warning = "warning"


@handles_errors
def compute_command(
    inputs: InputsArgument,
    targets: TargetsFileOption = None,
    period: PeriodOption = None,
    as_of: AsOfOption = None,
    by: Annotated[
        list[str] | None,
        typer.Option("--by", help=help_text("help.by")),
    ] = None,
    format: Annotated[
        ComputeFormat | None,
        typer.Option(
            "--format",
            "-f",
            help=help_text("help.compute_format"),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=help_text("help.compute_output"),
            dir_okay=False,
        ),
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help=help_text("help.fail_on"),
        ),
    ] = None,
    ids: Annotated[bool, typer.Option("--ids", help=help_text("help.ids"))] = False,
    fail_on_miss: Annotated[
        bool, typer.Option("--fail-on-miss", help=help_text("help.fail_on_miss"), hidden=True)
    ] = False,
    max_invalid: MaxInvalidOption = MAX_INVALID,
    require_coverage: RequireCoverageOption = False,
    columns: ColumnsOption = None,
    profile: ProfileOption = None,
    no_cache: NoCacheOption = False,
    quiet: QuietOption = False,
    lang: LangOption = COMMAND_LANG,
) -> None:
    """The `compute_command` command; help text: `help.cmd.compute`."""
    hash_in_background(inputs, no_cache)  # before the data libraries load
    from cchc_cli.report.results import (
        compute_csv,
        compute_json,
        compute_markdown,
        render_results,
    )
    from cchc_cli.targets.engine import compute
    from cchc_cli.targets.results import TargetStatus

    by_fields = check_by(by or [], lang)
    chosen = format or format_by_name(output, _BY_SUFFIX, ComputeFormat.table)
    if chosen is ComputeFormat.xlsx and (output is None or output.suffix.lower() != ".xlsx"):
        # a workbook is not text for a terminal, nor a file named .csv: said before reading
        raise typer.BadParameter(label("option.xlsx_needs_output", lang))
    run = prepare_run(
        inputs,
        targets,
        period,
        as_of,
        columns,
        max_invalid,
        output,
        lang,
        # the failure document on stdout is for --format json only (handles_errors)
        json_accounting=format is ComputeFormat.json,
        no_cache=no_cache,
        quiet=quiet,
        profile=profile,
        require_coverage=require_coverage,
    )
    loaded = run.loaded
    with phase(quiet, lang, "phase_computing"):
        result = compute(loaded.tables, run.config, run.period, by_fields)

    if chosen is ComputeFormat.table and output is None:
        render_results(stdout_console(), result, loaded, lang, ids)
    elif chosen is ComputeFormat.xlsx:
        from cchc_cli.report.result_book import result_workbook

        assert output is not None  # checked before reading
        with phase(quiet, lang, "phase_writing_file"):
            write_atomic(output, result_workbook(result, loaded, lang, ids))
        if not quiet:
            stderr_console().print(label("written", lang, path=output))
    else:
        if chosen is ComputeFormat.json:
            text = json.dumps(compute_json(result, loaded, lang), ensure_ascii=False, indent=2)
            text += "\n"
        elif chosen is ComputeFormat.csv:
            text = compute_csv(result, lang)
        elif chosen is ComputeFormat.markdown:
            text = compute_markdown(result, loaded, lang, ids)
        else:
            console = stdout_console()
            with console.capture() as captured:
                render_results(console, result, loaded, lang, ids)
            text = captured.get()
        if output is None:
            typer.echo(text, nl=False)
        else:
            # Excel opens a UTF-8 CSV correctly only with a BOM.
            data = text.encode("utf-8-sig" if chosen is ComputeFormat.csv else "utf-8")
            write_atomic(output, data)
            if not quiet:
                stderr_console().print(label("written", lang, path=output))
    failing = {TargetStatus.MISSED}
    if fail_on is FailOn.warning:
        failing.add(TargetStatus.WARNING)
    if (fail_on or fail_on_miss) and any(t.status in failing for t in result.targets):
        raise typer.Exit(int(ExitCode.TARGET_MISSED))
