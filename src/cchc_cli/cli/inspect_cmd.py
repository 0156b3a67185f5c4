"""`cchc inspect`: how one file is read, column by column and row by row."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from cchc_cli.cli.common import (
    ColumnsOption,
    DatasetOption,
    FormatOption,
    Lang,
    LangOption,
    OutputFormat,
    ProfileOption,
    handles_errors,
    load_options,
    stdout_console,
)
from cchc_cli.errors import ExitCode


@handles_errors
def inspect(
    file: Annotated[str, typer.Argument(help="Tệp cần xem (.xlsx, .xls, HTML .xls, .csv).")],
    format: FormatOption = OutputFormat.table,
    columns: ColumnsOption = None,
    profile: ProfileOption = None,
    dataset: DatasetOption = None,
    rows: Annotated[int, typer.Option("--rows", help="Số dòng dữ liệu đầu hiển thị.")] = 3,
    lang: LangOption = Lang.vi,
) -> None:
    """Xem cách cchc đọc một tệp: định dạng, dòng tiêu đề, ánh xạ cột, đếm dòng, dòng đầu.

    Inspect one file: detected format, sheets, header rows, each header -> canonical field,
    unmapped columns, row accounting and the first rows normalised (personal data masked).

    [bold]Ví dụ / example:[/bold] cchc inspect "sample_data/2025-03 ds ho so.xlsx"
    """
    # Imported here, not at the top: `cchc --help` must start fast (issue 12).
    from cchc_cli.ingest import inspect_input
    from cchc_cli.report.inspection import inspection_json, render_inspection

    options = load_options(profile, columns, dataset, str(lang))
    readout = inspect_input(file, options)
    if format is OutputFormat.json:
        typer.echo(json.dumps(inspection_json(readout, lang, rows), ensure_ascii=False, indent=2))
    else:
        render_inspection(stdout_console(), readout, lang, rows)
    if readout.failed:
        raise typer.Exit(int(ExitCode.INPUT_DATA))
