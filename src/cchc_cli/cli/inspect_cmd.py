"""`cchc inspect`: how one file is read, column by column and row by row."""

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
    OutputFormat,
    ProfileOption,
    handles_errors,
    load_options,
    stdout_console,
)
from cchc_cli.cli.language import help_text
from cchc_cli.errors import ExitCode


@handles_errors
def inspect(
    file: Annotated[
        str, typer.Argument(metavar=help_text("metavar.file"), help=help_text("help.inspect_file"))
    ],
    format: FormatOption = OutputFormat.table,
    columns: ColumnsOption = None,
    profile: ProfileOption = None,
    dataset: DatasetOption = None,
    rows: Annotated[int, typer.Option("--rows", help=help_text("help.inspect_rows"))] = 3,
    ids: Annotated[bool, typer.Option("--ids", help=help_text("help.inspect_ids"))] = False,
    lang: LangOption = COMMAND_LANG,
) -> None:
    """The `inspect` command; help text: `help.cmd.inspect`."""
    # Imported here, not at the top: `cchc --help` must start fast (issue 12).
    from cchc_cli.ingest import inspect_input
    from cchc_cli.report.inspection import inspection_json, render_inspection

    options = load_options(profile, columns, dataset, str(lang))
    readout = inspect_input(file, options)
    if format is OutputFormat.json:
        typer.echo(json.dumps(inspection_json(readout, lang, rows), ensure_ascii=False, indent=2))
    else:
        render_inspection(stdout_console(), readout, lang, rows, ids)
    if readout.failed:
        raise typer.Exit(int(ExitCode.INPUT_DATA))
