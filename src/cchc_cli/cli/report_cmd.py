"""`cchc report`: the Excel workbook sent to the leadership every month and quarter."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from cchc_cli.catalogue import Count, label
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
    handles_errors,
    hash_in_background,
    phase,
    prepare_run,
    stderr_console,
)
from cchc_cli.cli.language import help_text
from cchc_cli.errors import UsageError
from cchc_cli.output import write_atomic


class ReportFormat(StrEnum):
    """The workbook for the office, or the báo cáo a leader signs (Word, or PDF through
    LibreOffice)."""

    xlsx = "xlsx"
    docx = "docx"
    pdf = "pdf"


def report_format(chosen: ReportFormat | None, output: Path) -> ReportFormat:
    """--format, else the output's suffix (bao-cao.docx is a Word báo cáo), else xlsx; a
    format and a name that disagree are refused before anything is read."""
    suffix = output.suffix.lower().lstrip(".")
    if chosen is None:
        return ReportFormat(suffix) if suffix in ReportFormat.__members__ else ReportFormat.xlsx
    if suffix != chosen.value:
        raise UsageError("output.format_suffix", format=chosen.value, path=str(output))
    return chosen


def office_program() -> str:
    """LibreOffice's command, or the error that says how to do without it."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise UsageError("output.no_office")
    return office


def to_pdf(document: bytes) -> bytes:
    """A Word document converted by LibreOffice (`soffice --headless`), in a folder of its own
    that is removed afterwards; a clear error where LibreOffice is missing or fails."""
    office = office_program()
    with tempfile.TemporaryDirectory(prefix="cchc-pdf-") as folder:
        source = Path(folder) / "bao-cao.docx"
        source.write_bytes(document)
        # a profile of its own: an officer's open LibreOffice window does not block it
        profile = Path(folder, "profile").as_uri()
        command = [office, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                   "pdf", "--outdir", folder, str(source)]  # fmt: skip
        try:
            done = subprocess.run(command, capture_output=True, timeout=300, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise UsageError("output.pdf_failed", reason=type(exc).__name__) from exc
        made = source.with_suffix(".pdf")
        if done.returncode != 0 or not made.is_file():
            said = (done.stderr or done.stdout).decode("utf-8", "replace").strip()
            reason = said.splitlines()[-1][:200] if said else f"exit {done.returncode}"
            raise UsageError("output.pdf_failed", reason=reason)
        return made.read_bytes()


@handles_errors
def report_command(
    inputs: InputsArgument,
    output: Annotated[
        Path, typer.Option("--output", "-o", help=help_text("help.report_output"), dir_okay=False)
    ],
    format: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help=help_text("help.report_format")),
    ] = None,
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
    lang: LangOption = COMMAND_LANG,
) -> None:
    """The `report_command` command; help text: `help.cmd.report`."""
    chosen = report_format(format, output)  # before anything is read
    if chosen is ReportFormat.pdf:
        office_program()  # said now, not after reading a year of exports
    hash_in_background(inputs, no_cache)  # before the data libraries load
    from cchc_cli.report.excel import SCORE_LIST_ROWS
    from cchc_cli.run import score as score_766
    from cchc_cli.targets.config import load_targets
    from cchc_cli.targets.report_content import gather
    from cchc_cli.targets.scorecard import load_scorecard

    # the 766 scorecard of the unit's level, default version (issue 16): a mistake in its file
    # stops the report as one in the targets file does, before any export is read
    config = load_targets(targets)
    card = load_scorecard(groups=config.groups)
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
        config=config,
        scorecard=card,
        personal_data=include_personal_data,
    )
    with phase(quiet, lang, "phase_gathering"):
        content = gather(run.loaded, run.config, run.period, label("blank_group", lang))
        score = score_766(run, card, row_limit=SCORE_LIST_ROWS)  # the sheet lists the first ones
    if chosen is not ReportFormat.xlsx:
        from cchc_cli.report.word import WordOptions, render_docx

        words = WordOptions(lang=str(lang), title=title, unit_name=unit_name)
        with phase(quiet, lang, "phase_writing_report"):
            document = render_docx(content, words, score)
            write_atomic(output, to_pdf(document) if chosen is ReportFormat.pdf else document)
        if not quiet:
            stderr_console().print(label("written", lang, path=output))
        return
    from cchc_cli.report import excel
    from cchc_cli.report.excel import ReportOptions

    options = ReportOptions(
        lang=str(lang),
        title=title,
        unit_name=unit_name,
        motto=motto,
        include_personal_data=include_personal_data,
    )
    with phase(quiet, lang, "phase_writing_report"):
        rendered = excel.render_workbook(content, options, score)
        write_atomic(output, rendered.data)
    if rendered.cut_cells:
        from rich.text import Text

        said = label("cells_cut", lang, count=Count(rendered.cut_cells))
        stderr_console().print(Text(said, "yellow"))
    if not quiet:
        stderr_console().print(label("written", lang, path=output))
