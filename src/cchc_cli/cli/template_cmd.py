"""`cchc template`: a ready-to-fill workbook for a register kept by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cchc_cli.catalogue import did_you_mean, label
from cchc_cli.cli.common import (
    COMMAND_LANG,
    LangOption,
    QuietOption,
    handles_errors,
    stderr_console,
)
from cchc_cli.cli.language import LANG, help_text
from cchc_cli.output import write_atomic

# The registers kept by hand, in the order of cchc_cli.schema.DATASETS, for the help: repeated
# here so that building the commands, and `cchc --help`, does not import the library with its
# pydantic models and openpyxl (issue 12; tests/test_architecture.py checks they agree).
HAND_KEPT = (
    "ratings",
    "documents",
    "work_files",
    "inspections",
    "staff",
    "legal_documents",
    "public_units",
    "values",
)


@handles_errors
def template_command(
    dataset: Annotated[
        str,
        typer.Argument(
            metavar=help_text("metavar.dataset"),
            help=label("help.template_dataset", LANG, datasets=", ".join(HAND_KEPT)),
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help=help_text("help.template_output"), dir_okay=False)
    ],
    quiet: QuietOption = False,
    lang: LangOption = COMMAND_LANG,
) -> None:
    """The `template_command` command; help text: `help.cmd.template`."""
    from cchc_cli.report.template import template_workbook
    from cchc_cli.schema import DATASETS

    hand_kept = [d.name for d in DATASETS.values() if d.hand_kept]
    if dataset not in hand_kept:
        raise typer.BadParameter(
            label(
                "option.dataset_choice",
                lang,
                name=dataset,
                choices=", ".join(hand_kept),
                hint=did_you_mean(dataset, hand_kept),
            ),
            param_hint=help_text("metavar.dataset"),
        )
    write_atomic(output, template_workbook(DATASETS[dataset]))
    if not quiet:
        stderr_console().print(label("written", lang, path=output))
