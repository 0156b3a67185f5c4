"""`cchc profile list|show|init`: the vendor profiles, and a profile drafted from a new file."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from cchc_cli.catalogue import label
from cchc_cli.cli.common import (
    COMMAND_LANG,
    ColumnsOption,
    DatasetOption,
    FormatOption,
    LangOption,
    OutputFormat,
    ProfileOption,
    QuietOption,
    handles_errors,
    load_options,
    stderr_console,
    stdout_console,
)
from cchc_cli.cli.language import help_text
from cchc_cli.errors import ExitCode, InputError
from cchc_cli.output import is_same_file, write_atomic

# The library (pandas, pydantic, openpyxl) is imported inside the functions that use it, so that
# building the commands, and `cchc --help`, stays fast (issue 12).
if TYPE_CHECKING:
    from cchc_cli.profiles import Profile, ProfileSet

app = typer.Typer(
    help=help_text("help.profile_app"),
    no_args_is_help=True,
)


def _summary(profile: Profile) -> dict[str, Any]:
    return {
        "name": profile.name,
        "title": profile.title,
        "title_en": profile.title_en,
        "system": profile.system,
        "extends": list(profile.chain[:-1]),
        "sources": list(profile.sources),
    }


@app.command("list", help=help_text("help.cmd.profile_list"))
@handles_errors
def list_profiles(
    format: FormatOption = OutputFormat.table, lang: LangOption = COMMAND_LANG
) -> None:
    """The `list_profiles` command; help text: `help.cmd.profile_list`."""
    from cchc_cli.profiles import profile_set, shipped_names

    profiles = [profile_set(name).profiles[0] for name in shipped_names()]
    if format is OutputFormat.json:
        document = [_summary(p) for p in profiles]
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    table = Table(title=label("profiles_title", lang), title_justify="left")
    for key in ("profile_name", "profile_title", "profile_extends"):
        table.add_column(label(key, lang), overflow="fold")
    for profile in profiles:
        table.add_row(profile.name, profile.title_in(lang), " → ".join(profile.chain[:-1]) or "—")
    stdout_console().print(table)


def _resolved_json(profile: Profile) -> dict[str, Any]:
    return {
        **_summary(profile),
        "date_forms": list(profile.date_forms),
        "datasets": {
            name: {
                "fields": {
                    field: [{"header": text, "priority": priority} for text, priority in headers]
                    for field, headers in index.headers.items()
                },
                "ignore": [
                    {"header": text, "why": why, "why_en": index.ignored("en")[text]}
                    for text, why in index.ignored().items()
                ],
            }
            for name, index in profile.indexes.items()
        },
        "values": {
            name: {
                "labels": {code: list(labels) for code, labels in vocabulary.labels.items()},
                "numbers": dict(vocabulary.numbers),
                "strip_prefixes": list(vocabulary.strip_prefixes),
            }
            for name, vocabulary in profile.vocabularies.items()
        },
        "footer": {
            "totals": sorted(profile.footer.totals),
            "signatures": list(profile.footer.signatures),
        },
    }


def _show_table(profile: Profile, lang: str) -> None:
    console = stdout_console()
    console.print(Text(f"{profile.name} — {profile.title_in(lang)}", "bold"))
    if profile.system:
        console.print(profile.system)
    if len(profile.chain) > 1:
        console.print(f"{label('profile_extends', lang)}: {' → '.join(profile.chain[:-1])}")
    for source in profile.sources:
        console.print(Text(f"• {source}", "dim"))
    index = profile.index("dossiers")
    table = Table(title=label("profile_headers", lang), title_justify="left")
    table.add_column(label("field", lang))
    table.add_column(label("header_text", lang), overflow="fold")
    for field, headers in index.headers.items():
        texts = [
            text if priority == 1 else f"{text} ({priority})"
            for text, priority in headers
            if text != field
        ]
        table.add_row(field, "; ".join(texts))
    for text, why in index.ignored(lang).items():
        table.add_row(Text("ignore", "dim"), f"{text} — {why}" if why else text)
    console.print(table)
    values = Table(title=label("profile_values_title", lang), title_justify="left")
    for key in ("profile_vocabulary", "code", "profile_labels"):
        values.add_column(label(key, lang), overflow="fold")
    for name in ("status", "channel", "service_level", "paid_online", "rating"):
        vocabulary = profile.vocabularies[name]
        for code, labels in vocabulary.labels.items():
            shown = [t for t in labels if t != code]
            numbers = [n for n, c in vocabulary.numbers.items() if c == code]
            if numbers:
                shown.append(label("profile_numbers", lang, numbers=", ".join(numbers)))
            if shown:
                values.add_row(name, code, "; ".join(shown))
        if vocabulary.strip_prefixes:
            values.add_row(
                name,
                "",
                label("profile_prefixes", lang, words=", ".join(vocabulary.strip_prefixes)),
            )
    console.print(values)
    console.print(f"{label('profile_dates', lang)}: {', '.join(profile.date_forms)}")


@app.command("show", help=help_text("help.cmd.profile_show"))
@handles_errors
def show_profile(
    name: Annotated[
        str,
        typer.Argument(metavar=help_text("metavar.profile"), help=help_text("help.profile_name")),
    ],
    format: Annotated[
        str, typer.Option("--format", "-f", help=help_text("help.profile_format"))
    ] = "table",
    lang: LangOption = COMMAND_LANG,
) -> None:
    """The `show_profile` command; help text: `help.cmd.profile_show`."""
    if format not in ("table", "json", "yaml"):
        raise typer.BadParameter("table, json, yaml", param_hint="--format")
    from cchc_cli.profiles import profile_set, shipped_names

    profile = profile_set(name).profiles[0]
    if format == "yaml":
        if name in shipped_names():
            folder = resources.files("cchc_cli.profiles") / "data"
            text = (folder / f"{name}.yaml").read_text("utf-8")
        else:
            text = Path(name).read_text(encoding="utf-8-sig")
        typer.echo(text, nl=False)
    elif format == "json":
        typer.echo(json.dumps(_resolved_json(profile), ensure_ascii=False, indent=2))
    else:
        _show_table(profile, str(lang))


@app.command("init", help=help_text("help.cmd.profile_init"))
@handles_errors
def init_profile(
    file: Annotated[
        str, typer.Argument(metavar=help_text("metavar.file"), help=help_text("help.profile_file"))
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help=help_text("help.profile_output"), dir_okay=False),
    ],
    profile: ProfileOption = None,
    columns: ColumnsOption = None,
    dataset: DatasetOption = None,
    quiet: QuietOption = False,
    lang: LangOption = COMMAND_LANG,
) -> None:
    """The `init_profile` command; help text: `help.cmd.profile_init`."""
    from cchc_cli.ingest import inspect_input
    from cchc_cli.ingest.drafting import draft_sheet, guess_header, profile_name, render_draft

    if is_same_file(output, [Path(file)]):
        raise typer.BadParameter(label("output.is_input", lang, path=output), param_hint="-o")
    if Path(file).is_dir():
        raise typer.BadParameter(
            label("one_file", lang, path=file), param_hint=help_text("metavar.file")
        )
    options = load_options(profile, columns, dataset, str(lang))
    readout = inspect_input(file, options)
    if readout.format is None:
        for issue in readout.issues:
            stderr_console().print(Text.assemble((issue.code, "red"), ": ", issue.message(lang)))
        raise typer.Exit(int(ExitCode.INPUT_DATA))
    fallback = _fallback_profile(options.profiles)
    drafts = []
    for outcome in readout.sheets:
        header = outcome.header or (outcome.candidates[0] if outcome.candidates else None)
        header = header or guess_header(outcome.sheet, fallback)
        if header is not None:
            drafts.append(
                draft_sheet(readout.path, outcome.sheet.name, outcome.sheet.cells, header)
            )
    if not drafts:
        raise InputError("profile.no_header", path=readout.path)
    name = profile_name(output.stem)
    text = render_draft(drafts, name, str(output), date.today(), str(lang))
    write_atomic(output, text.encode("utf-8"))
    undecided = sum(
        len(d.headers)
        + sum(len(v) for v in d.labels.values())
        + sum(len(v) for v in d.numbers.values())
        for d in drafts
    )
    if not quiet:
        said = label("profile_written", lang, path=output, count=undecided, name=name)
        stderr_console().print(said)


def _fallback_profile(profiles: ProfileSet) -> Profile:
    from cchc_cli.profiles import base_profile

    return profiles.profiles[0] if profiles.forced else base_profile()
