"""`cchc targets list|show|check`: the configured targets, without any data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from cchc_cli.catalogue import label
from cchc_cli.cli.common import (
    COMMAND_LANG,
    FormatOption,
    LangOption,
    OutputFormat,
    handles_errors,
    stdout_console,
)
from cchc_cli.cli.language import help_text

# The library (pandas, pydantic, openpyxl) is imported inside the functions that use it, so that
# building the commands, and `cchc --help`, stays fast (issue 12).
if TYPE_CHECKING:
    from cchc_cli.targets.config import TargetConfig
    from cchc_cli.targets.spec import Target

TargetsOption = Annotated[
    Path | None,
    typer.Option("--targets", help=help_text("help.targets"), dir_okay=False),
]

app = typer.Typer(
    help=help_text("help.targets_app"),
    no_args_is_help=True,
)


def _threshold_text(target: Target, lang: str) -> str:
    from cchc_cli.report.results import LOCAL_MARK, rule_text, threshold_text

    local = LOCAL_MARK if target.spec.local else ""
    rule = rule_text(target.spec, lang)
    if rule is not None:
        return rule + local
    threshold = target.threshold
    return "—" if threshold is None else threshold_text(target.spec, threshold, lang) + local


def target_summary(target: Target) -> dict[str, Any]:
    """A target as `targets list --format json` shows it."""
    spec = target.spec
    threshold = target.threshold
    trend = getattr(spec, "trend", None)
    return {
        "id": spec.id,
        "name": spec.name,
        "kind": spec.kind,
        "dataset": spec.dataset,
        "threshold": None if threshold is None else {"op": threshold.op, "value": threshold.value},
        "trend": trend.model_dump() if trend is not None else None,
        "source": spec.source,
        "formula": spec.formula,
        "local": spec.local,
        "local_reason": spec.local_reason,
        "note": spec.note,
    }


# Below this width the source (often a whole sentence of the programme) leaves the table: at
# 80 columns five columns fold every cell into a tall strip (issue 14).
_WIDE = 140


def _list_table(config: TargetConfig, lang: str, width: int) -> Table:
    from cchc_cli.report.names import dataset_name

    wide = width >= _WIDE
    # expanded, so that the ratios share the window (the source takes the most of it)
    table = Table(title=config.path, title_justify="left", expand=True)
    if not wide:
        table.caption = label("targets_list_narrow", lang)
        table.caption_justify = "left"
    # the id is what `targets show` takes: never folded
    table.add_column(label("col_id", lang), no_wrap=True)
    table.add_column(label("col_name", lang), overflow="fold", ratio=2)
    # the goal wraps between its words in a narrow window ("giảm so với / cùng kỳ *")
    table.add_column(label("col_target", lang), no_wrap=wide, max_width=None if wide else 14)
    if wide:
        table.add_column(label("dataset", lang), overflow="fold", ratio=1)
        table.add_column(label("report.source", lang), overflow="fold", ratio=3)
    for target in config.targets:
        spec = target.spec
        dataset = dataset_name(spec.dataset, lang)  # its name, not its id
        if wide:
            table.add_row(spec.id, spec.name, _threshold_text(target, lang), dataset, spec.source)
        else:
            name = Text(spec.name)
            name.append(f"\n({dataset})", style="dim")  # told apart from the name in a log
            table.add_row(spec.id, name, _threshold_text(target, lang))
    return table


def _uncovered_table(config: TargetConfig, lang: str) -> Table:
    table = Table(title=label("uncovered_title", lang), title_justify="left")
    for key in ("uncovered_item", "uncovered_text", "uncovered_reason"):
        table.add_column(label(key, lang), overflow="fold")
    for entry in config.uncovered:
        table.add_row(entry.item, entry.text, entry.reason)
    return table


@app.command("list", help=help_text("help.cmd.targets_list"))
@handles_errors
def list_targets(
    targets: TargetsOption = None,
    uncovered: Annotated[
        bool,
        typer.Option(
            "--uncovered",
            help=help_text("help.uncovered"),
        ),
    ] = False,
    format: FormatOption = OutputFormat.table,
    lang: LangOption = COMMAND_LANG,
) -> None:
    """The `list_targets` command; help text: `help.cmd.targets_list`."""

    from cchc_cli.targets.config import load_targets

    config = load_targets(targets)
    if uncovered:
        if format is OutputFormat.json:
            items = [entry.model_dump() for entry in config.uncovered]
            document = {"path": config.path, "uncovered": items}
            typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        else:
            stdout_console().print(_uncovered_table(config, lang))
        return
    if format is OutputFormat.json:
        document = {
            "path": config.path,
            "sha256": config.sha256,
            "targets": [target_summary(t) for t in config.targets],
        }
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        console = stdout_console()
        console.print(_list_table(config, lang, console.width))


@app.command("show", help=help_text("help.cmd.targets_show"))
@handles_errors
def show_target(
    target_id: Annotated[
        str, typer.Argument(metavar=help_text("metavar.target"), help=help_text("help.target_id"))
    ],
    targets: TargetsOption = None,
    lang: LangOption = COMMAND_LANG,
) -> None:
    """The `show_target` command; help text: `help.cmd.targets_show`."""
    import yaml

    from cchc_cli.report.names import dataset_name
    from cchc_cli.targets.config import load_targets

    target = load_targets(targets).get(target_id)
    # the targets file's text printed as text (no markup), wrapped between words
    console = stdout_console()
    spec = target.spec
    console.print(Text.assemble((spec.id, "bold"), f" — {spec.name}"))
    lines = [
        (label("col_target", lang), _threshold_text(target, lang)),
        (label("dataset", lang), dataset_name(spec.dataset, lang)),
        (label("report.formula", lang), spec.formula),
        (label("report.source", lang), spec.source),
    ]
    if spec.local and spec.local_reason:
        lines.append((label("local_choice", lang).capitalize(), spec.local_reason))
    for name, text in lines:
        console.print(Text.assemble((f"{name}: ", "bold"), text or "—"))
    if spec.note:
        console.print(Text(spec.note))
    # the keys of its kind that say how it is computed, as the targets file writes them: the
    # language an officer edits (README "Targets file"); the words are printed above
    shown = set(type(spec).model_fields) - {"id", "name", "source", "formula", "note"}
    shown -= {"local_reason"}
    definition = spec.model_dump(include=shown, exclude_none=True, exclude_defaults=True)
    definition = {"kind": spec.kind, **definition}
    console.print(Text(label("target_definition", lang), "bold"))
    console.print(Text(yaml.safe_dump(definition, allow_unicode=True, sort_keys=False)))


@app.command("check", help=help_text("help.cmd.targets_check"))
@handles_errors
def check_targets(
    file: Annotated[
        Path,
        typer.Argument(
            metavar=help_text("metavar.file"), help=help_text("help.targets_file"), dir_okay=False
        ),
    ],
    lang: LangOption = COMMAND_LANG,
) -> None:
    """The `check_targets` command; help text: `help.cmd.targets_check`."""
    from cchc_cli.targets.config import load_targets

    config = load_targets(file)
    typer.echo(label("targets_valid", lang, n=len(config.targets)))
