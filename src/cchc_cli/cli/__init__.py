"""The `cchc` command line: parses options, calls the library, renders. Nothing else."""

from __future__ import annotations

from typing import Annotated

import typer

from cchc_cli.cli.language import LANG, help_text, localise_typer

localise_typer(LANG)  # before the commands are defined: Typer's words in the officer's language

from cchc_cli.cli import (  # noqa: E402
    compute_cmd,
    inspect_cmd,
    profile_cmd,
    report_cmd,
    score766_cmd,
    targets_cmd,
    template_cmd,
    validate_cmd,
)
from cchc_cli.cli.common import (  # noqa: E402
    COMMAND_LANG,
    LangOption,
    set_debug,
    usage_failures_as_json,
)

usage_failures_as_json(LANG)

app = typer.Typer(
    name="cchc",
    help=help_text("help.app"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        from cchc_cli import __version__

        typer.echo(f"cchc {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=help_text("help.version")),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help=help_text("help.debug"))] = False,
    lang: LangOption = COMMAND_LANG,
) -> None:
    """cchc: chỉ tiêu cải cách hành chính từ dữ liệu một cửa."""
    # `cchc --lang en compute …` as well as `cchc compute … --lang en`: the language was read
    # from the command line before the commands were built (cli/language.py)
    del lang
    set_debug(debug)


app.command("inspect", help=help_text("help.cmd.inspect"))(inspect_cmd.inspect)
app.command("validate", help=help_text("help.cmd.validate"))(validate_cmd.validate)
app.command("compute", help=help_text("help.cmd.compute"))(compute_cmd.compute_command)
app.command("report", help=help_text("help.cmd.report"))(report_cmd.report_command)
app.command("score766", help=help_text("help.cmd.score766"))(score766_cmd.score766_command)
app.add_typer(targets_cmd.app, name="targets")
app.add_typer(profile_cmd.app, name="profile")
app.command("template", help=help_text("help.cmd.template"))(template_cmd.template_command)


def main() -> None:
    """Console-script entry point."""
    app()
