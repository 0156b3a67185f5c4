"""`cchc score766`: the 766 scorecard from the unit's own exports (issue 16)."""

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
from cchc_cli.errors import UsageError
from cchc_cli.output import write_atomic

# Dossiers listed per list on screen with --lost (all of them in JSON).
TABLE_ROWS = 50


class ScoreFormat(StrEnum):
    """Output forms of `score766`."""

    table = "table"
    json = "json"
    csv = "csv"


# What an --output file's ending says when --format is not given (`format_by_name`).
_BY_SUFFIX = {".json": ScoreFormat.json, ".csv": ScoreFormat.csv}


class Level(StrEnum):
    """The unit's administrative level."""

    province = "province"
    district = "district"
    commune = "commune"


@handles_errors
def score766_command(
    inputs: InputsArgument,
    targets: TargetsFileOption = None,
    period: PeriodOption = None,
    as_of: AsOfOption = None,
    version: Annotated[
        str | None, typer.Option("--version", help=help_text("help.score_version"))
    ] = None,
    scorecard: Annotated[
        Path | None,
        typer.Option("--scorecard", help=help_text("help.score_file"), dir_okay=False),
    ] = None,
    reading: Annotated[
        list[str] | None, typer.Option("--reading", help=help_text("help.score_reading"))
    ] = None,
    level: Annotated[
        Level | None, typer.Option("--level", help=help_text("help.score_level"))
    ] = None,
    by: Annotated[list[str] | None, typer.Option("--by", help=help_text("help.by"))] = None,
    format: Annotated[
        ScoreFormat | None,
        typer.Option("--format", "-f", help=help_text("help.score_format"), show_default=False),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=help_text("help.score_output"), dir_okay=False),
    ] = None,
    lost: Annotated[bool, typer.Option("--lost", help=help_text("help.score_lost"))] = False,
    at_risk_days: Annotated[
        int, typer.Option("--at-risk-days", help=help_text("help.score_at_risk_days"))
    ] = 3,
    compare: Annotated[
        Path | None,
        typer.Option("--compare", help=help_text("help.score_compare"), dir_okay=False),
    ] = None,
    max_invalid: MaxInvalidOption = MAX_INVALID,
    require_coverage: RequireCoverageOption = False,
    columns: ColumnsOption = None,
    profile: ProfileOption = None,
    no_cache: NoCacheOption = False,
    quiet: QuietOption = False,
    lang: LangOption = COMMAND_LANG,
) -> None:
    """The `score766` command; help text: `help.cmd.score766`."""
    hash_in_background(inputs, no_cache)  # before the data libraries load
    from cchc_cli.report.score766 import (
        compare_table,
        rows_table,
        score_csv,
        score_json,
        score_table,
    )
    from cchc_cli.run import score
    from cchc_cli.targets.config import load_targets
    from cchc_cli.targets.scorecard import load_scorecard, parse_readings

    by_fields = check_by(by or [], lang)
    chosen = format or format_by_name(output, _BY_SUFFIX, ScoreFormat.table)
    if not 1 <= at_risk_days <= 60:
        raise UsageError("score.at_risk_days", value=at_risk_days)
    readings = parse_readings(reading or [])
    # the scorecard and the portal file are checked before any export is read; a filter of the
    # scorecard may name a group of the targets file
    config = load_targets(targets)
    card = load_scorecard(scorecard, version, readings, config.groups)
    portal = None
    if compare is not None:
        from cchc_cli.targets.portal import read_portal

        portal = read_portal(compare)
    run = prepare_run(
        inputs,
        targets,
        period,
        as_of,
        columns,
        max_invalid,
        output,
        lang,
        json_accounting=format is ScoreFormat.json,
        no_cache=no_cache,
        quiet=quiet,
        profile=profile,
        require_coverage=require_coverage,
        config=config,
        scorecard=card,
    )
    with phase(quiet, lang, "phase_computing"):
        result = score(
            run,
            card,
            by_fields,
            level.value if level is not None else None,
            at_risk_days,
            # listed only when asked for: every row in JSON, the first ones on screen
            row_limit=(None if chosen is ScoreFormat.json else TABLE_ROWS) if lost else 0,
        )
    comparisons = None
    if portal is not None:
        scores, issues = portal
        for issue in issues:
            stderr_console().print(issue.message(lang), style="yellow")
        from cchc_cli.targets.portal import compare as compare_scores

        comparisons = compare_scores(result, scores)
    if chosen is ScoreFormat.table:
        console = stdout_console()
        with console.capture() as captured:
            console.print(score_table(result, lang))
            if lost:
                width = console.width
                lists = (
                    (result.lost, result.lost_dossiers, label("score.lost_title", lang)),
                    (
                        result.at_risk,
                        result.at_risk_count,
                        label("score.at_risk_title", lang, days=result.at_risk_days),
                    ),
                )
                for rows, total, title in lists:
                    if rows:
                        console.print(rows_table(rows, total, title, lang, width))
                    else:
                        console.print(label("score.none_listed", lang, title=title))
            if comparisons is not None:
                console.print(compare_table(comparisons, lang))
        text = captured.get()
    elif chosen is ScoreFormat.json:
        document = score_json(result, run.loaded, lang, comparisons, with_rows=lost)
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    else:
        text = score_csv(result, lang)
    if output is None:
        typer.echo(text, nl=False)
    else:
        data = text.encode("utf-8-sig" if chosen is ScoreFormat.csv else "utf-8")
        write_atomic(output, data)
        if not quiet:
            stderr_console().print(label("written", lang, path=output))
