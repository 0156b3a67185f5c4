"""`cchc validate`: per-input accounting and every issue."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from cchc_cli.cli.common import (
    COMMAND_LANG,
    ColumnsOption,
    DatasetOption,
    FormatOption,
    LangOption,
    NoCacheOption,
    OutputFormat,
    ProfileOption,
    QuietOption,
    handles_errors,
    hash_in_background,
    load_options,
    progress_display,
    read_cache,
    stdout_console,
)
from cchc_cli.cli.language import help_text
from cchc_cli.errors import ExitCode


@handles_errors
def validate(
    inputs: Annotated[
        list[str],
        typer.Argument(metavar=help_text("metavar.inputs"), help=help_text("help.validate_inputs")),
    ],
    format: FormatOption = OutputFormat.table,
    columns: ColumnsOption = None,
    profile: ProfileOption = None,
    dataset: DatasetOption = None,
    no_cache: NoCacheOption = False,
    quiet: QuietOption = False,
    max_issues: Annotated[
        int, typer.Option("--max-issues", help=help_text("help.max_issues"))
    ] = 100,
    lang: LangOption = COMMAND_LANG,
) -> None:
    """The `validate` command; help text: `help.cmd.validate`."""
    hash_in_background(inputs, no_cache)  # before the data libraries load
    from cchc_cli import ingest
    from cchc_cli.report.validation import render_validation, validation_json

    options = load_options(profile, columns, dataset, str(lang))
    with progress_display(quiet, lang) as progress:
        result = ingest.load_inputs(inputs, options, read_cache(no_cache, lang), progress)
    if format is OutputFormat.json:
        typer.echo(json.dumps(validation_json(result, lang), ensure_ascii=False, indent=2))
    else:
        render_validation(stdout_console(), result, lang, max_issues)
    if not result.valid:
        raise typer.Exit(int(ExitCode.INPUT_DATA))
