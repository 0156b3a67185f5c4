"""`cchc report`: the Excel workbook sent to the leadership every month and quarter."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cchc_cli.catalogue import Count, label
from cchc_cli.cli.common import (
    MAX_INVALID,
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
    RequireCoverageOption,
    TargetsFileOption,
    handles_errors,
    hash_in_background,
    phase,
    prepare_run,
    stderr_console,
)
from cchc_cli.cli.language import help_text
from cchc_cli.output import write_atomic


@handles_errors
def report_command(
    inputs: InputsArgument,
    output: Annotated[
        Path, typer.Option("--output", "-o", help=help_text("help.report_output"), dir_okay=False)
    ],
    period: PeriodOption = None,
    as_of: AsOfOption = None,
    targets: TargetsFileOption = None,
    title: Annotated[str | None, typer.Option("--title", help=help_text("help.title"))] = None,
    unit_name: Annotated[
        str | None, typer.Option("--unit-name", help=help_text("help.unit_name"))
    ] = None,
    motto: Annotated[bool, typer.Option("--motto/--no-motto", help=help_text("help.motto"))] = True,
    include_personal_data: Annotated[
        bool,
        typer.Option(
            "--include-personal-data",
            help=help_text("help.include_personal_data"),
        ),
    ] = False,
    max_invalid: MaxInvalidOption = MAX_INVALID,
    require_coverage: RequireCoverageOption = False,
    columns: ColumnsOption = None,
    profile: ProfileOption = None,
    no_cache: NoCacheOption = False,
    quiet: QuietOption = False,
    lang: LangOption = Lang.vi,
) -> None:
    """The `report_command` command; help text: `help.cmd.report`."""
    hash_in_background(inputs, no_cache)  # before the data libraries load
    from cchc_cli.report import excel
    from cchc_cli.report.excel import ReportOptions
    from cchc_cli.targets.report_content import gather

    run = prepare_run(
        inputs,
        targets,
        period,
        as_of,
        columns,
        max_invalid,
        output,
        lang,
        no_cache=no_cache,
        quiet=quiet,
        profile=profile,
        require_coverage=require_coverage,
    )
    with phase(quiet, lang, "phase_gathering"):
        content = gather(run.loaded, run.config, run.period, label("blank_group", lang))
    options = ReportOptions(
        lang=str(lang),
        title=title,
        unit_name=unit_name,
        motto=motto,
        include_personal_data=include_personal_data,
    )
    with phase(quiet, lang, "phase_writing_report"):
        rendered = excel.render_workbook(content, options)
        write_atomic(output, rendered.data)
    if rendered.cut_cells:
        from rich.text import Text

        said = label("cells_cut", lang, count=Count(rendered.cut_cells))
        stderr_console().print(Text(said, "yellow"))
    if not quiet:
        stderr_console().print(label("written", lang, path=output))
