"""The language of the command line itself: help, usage errors, the words Typer prints around
them (issue 14). Chosen from `--lang` on the command line or CCHC_LANG before the commands are
defined, because Typer builds the help from what the commands declare; Vietnamese unless English
is asked for."""

from __future__ import annotations

import importlib.abc
import importlib.util
import os
import re
import sys
from collections.abc import Callable
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

from cchc_cli.catalogue import label


def cli_language(argv: list[str] | None = None) -> str:
    """ "en" when `--lang en` (or `--lang=en`) is on the command line, or CCHC_LANG=en without
    one; else "vi"."""
    arguments = sys.argv[1:] if argv is None else argv
    for index, argument in enumerate(arguments):
        if argument == "--lang" and index + 1 < len(arguments):
            value = arguments[index + 1]
        elif argument.startswith("--lang="):
            value = argument.split("=", 1)[1]
        else:
            continue
        return "en" if value.strip().lower() == "en" else "vi"
    return "en" if os.environ.get("CCHC_LANG", "").strip().lower() == "en" else "vi"


LANG = cli_language()


def help_text(key: str) -> str:
    """A help text of the catalogue (`catalogue/help.py`) in the command line's language."""
    return label(key, LANG)


# Click's own usage errors, which it words in English only: pattern -> catalogue key.
_CLICK_MESSAGES = [
    (
        re.compile(
            r"No such option: (?P<name>\S+)"
            r"(?: \(Possible options: (?P<hint>.+)\)| Did you mean (?P<also>.+)\?)?"
        ),
        "no_option",
    ),
    (re.compile(r"Missing argument '(?P<name>[^']+)'\.?"), "missing_argument"),
    (re.compile(r"Missing option '(?P<name>[^']+)'\.?"), "missing_option"),
    (re.compile(r"Option '(?P<name>[^']+)' requires an argument\.?"), "needs_value"),
    (re.compile(r"Got unexpected extra arguments? \((?P<name>.+)\)"), "extra_argument"),
    (
        re.compile(r"No such command '(?P<name>[^']+)'\.(?: Did you mean '(?P<hint>[^']+)'\?)?"),
        "no_command",
    ),
    (
        re.compile(r"(?:Value error, )?'(?P<value>.*)' is not one of (?P<choices>.+)\."),
        "not_a_choice",
    ),
    (re.compile(r"'(?P<value>.*)' is not a valid (?:float|integer)(?: range)?\.?"), "not_a_number"),
    (re.compile(r"(?P<value>\S+) is not in the range (?P<choices>.+)\."), "out_of_range"),
    (re.compile(r"Input should be a valid (?:number|integer).*"), "not_a_number_here"),
    (re.compile(r"Input should be less than or equal to (?P<value>\S+)"), "at_most"),
    (re.compile(r"Input should be greater than or equal to (?P<value>\S+)"), "at_least"),
    # Click writes "File '…'" or "file '…'", "Path" or "path", as the parameter's type says
    (re.compile(r"(?i:file|path|directory) '(?P<value>.*)' does not exist\.?"), "no_such_path"),
    (re.compile(r"(?i:file|path) '(?P<value>.*)' is a directory\.?"), "is_a_folder"),
    (re.compile(r"(?i:directory|path) '(?P<value>.*)' is a file\.?"), "is_a_file"),
]
# the option's names, which may carry "(env var: 'CCHC_LANG')", then the reason
_INVALID_FOR = re.compile(
    r"Invalid value for (?P<hint>(?:[^:(]|\([^)]*\))+?): (?P<rest>.*)", re.DOTALL
)
_INVALID = re.compile(r"Invalid value: (?P<rest>.*)", re.DOTALL)


def translate_usage(message: str, lang: str) -> str:
    """Click's English usage error in `lang` (words it does not know are kept as they are)."""
    if lang == "en":
        return message
    prefix = ""
    for pattern, key in ((_INVALID_FOR, "usage.invalid_for"), (_INVALID, "usage.invalid")):
        found = pattern.fullmatch(message.strip())
        if found:
            hint = found.groupdict().get("hint") or ""
            prefix = label(key, lang, hint=hint)
            message = found.group("rest")
            break
    for pattern, key in _CLICK_MESSAGES:
        found = pattern.fullmatch(message.strip())
        if found:
            values = {k: v or "" for k, v in found.groupdict().items()}
            hint = values.pop("hint", "") or values.pop("also", "")
            values.pop("also", None)
            if key in ("no_option", "no_command"):
                values["hint"] = label("usage.did_you_mean", lang, hint=hint) if hint else ""
            message = label(f"usage.{key}", lang, **values)
            break
    return prefix + message


# Python's type names that Typer shows beside options, as an officer reads them; a flag shows
# none (it takes no value).
_TYPES = {
    "<bool>": "",
    "<str>": "usage.type_text",
    "<list[str]>": "usage.type_texts",
    "<file>": "usage.type_file",
    "<path>": "usage.type_path",
    "<int>": "usage.type_number",
    "<float>": "usage.type_number",
    "<float range>": "usage.type_number",
    "<int range>": "usage.type_number",
}


def _plain_types(lang: str) -> None:
    from typer import core

    display_type_rich = core.TyperOption.display_type_rich

    def plain(self: Any, ctx: Any) -> str | None:
        shown = display_type_rich(self, ctx)
        if shown is None or shown not in _TYPES:
            return shown
        key = _TYPES[shown]
        return label(key, lang) if key else ""

    core.TyperOption.display_type_rich = plain  # type: ignore[method-assign]
    argument_type = core.TyperArgument.display_type_rich

    def plain_argument(self: Any, ctx: Any) -> str | None:
        shown = argument_type(self, ctx)
        key = _TYPES.get(shown or "")
        return label(key, lang) if key else shown

    core.TyperArgument.display_type_rich = plain_argument  # type: ignore[method-assign]
    usage_name = getattr(core.TyperArgument, "_usage_display_name", None)
    if usage_name is not None:

        def plain_usage_name(self: Any) -> str:
            # Typer writes a required argument as `{TỆP}...`; a usage line writes it bare, as
            # Click and every manual page do (optional ones keep their brackets).
            shown = usage_name(self)
            return re.sub(r"^\{(.*)\}", r"\1", shown) if self.required else shown

        core.TyperArgument._usage_display_name = plain_usage_name  # type: ignore[method-assign]


class _AfterImport(importlib.abc.MetaPathFinder):
    """Runs patches on a module once it is imported: Typer imports its help and error renderer
    (typer.rich_utils, 0.07 s with Rich's markdown) only to show help or an error, and a run
    that shows neither need not import it to translate them (issue 12)."""

    def __init__(self) -> None:
        self.pending: dict[str, list[Callable[[ModuleType], None]]] = {}

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
        patches = self.pending.pop(name, None)
        if patches is None:
            return None
        if not self.pending:
            sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)  # the module's own finder
        if spec is None or spec.loader is None:
            return spec
        spec.loader = _Patching(spec.loader, patches)
        return spec


class _Patching(importlib.abc.Loader):
    def __init__(self, loader: Any, patches: list[Callable[[ModuleType], None]]) -> None:
        self.loader = loader
        self.patches = patches

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)  # type: ignore[no-any-return]

    def exec_module(self, module: ModuleType) -> None:
        self.loader.exec_module(module)
        for patch in self.patches:
            patch(module)


_AFTER_IMPORT = _AfterImport()


def when_imported(name: str, patch: Callable[[ModuleType], None]) -> None:
    """`patch(module)` once module `name` is imported: now if it already is; patches run in
    the order they were asked for."""
    if name in sys.modules:
        patch(sys.modules[name])
        return
    _AFTER_IMPORT.pending.setdefault(name, []).append(patch)
    if _AFTER_IMPORT not in sys.meta_path:
        sys.meta_path.insert(0, _AFTER_IMPORT)


def localise_typer(lang: str) -> None:
    """Typer's and Click's own words (panel titles, "[default: …]", "Usage:", the --help
    option's help, usage errors, type names) in `lang`."""
    _plain_types(lang)
    if lang == "en":
        return
    from typer import _click

    when_imported("typer.rich_utils", lambda module: _localise_rich(module, lang))
    usage = label("usage.usage", lang)

    formatter = _click.formatting.HelpFormatter
    write_usage = formatter.write_usage

    def write_usage_here(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, usage if prefix is None else prefix)

    formatter.write_usage = write_usage_here  # type: ignore[method-assign]
    pieces = {
        "[OPTIONS]": label("usage.options_metavar", lang),
        "COMMAND [ARGS]...": label("usage.command_metavar", lang),
    }
    collect = _click.core.Command.collect_usage_pieces

    def collect_here(self: Any, ctx: Any) -> list[str]:
        return [pieces.get(piece, piece) for piece in collect(self, ctx)]

    _click.core.Command.collect_usage_pieces = collect_here  # type: ignore[method-assign]
    from typer import core

    collect_group = core.TyperGroup.collect_usage_pieces

    def collect_group_here(self: Any, ctx: Any) -> list[str]:
        return [pieces.get(piece, piece) for piece in collect_group(self, ctx)]

    core.TyperGroup.collect_usage_pieces = collect_group_here  # type: ignore[method-assign]
    command = _click.core.Command
    get_help_option = command.get_help_option

    def help_option_here(self: Any, ctx: Any) -> Any:
        option = get_help_option(self, ctx)
        if option is not None:
            option.help = label("usage.help_option", lang)
        return option

    command.get_help_option = help_option_here  # type: ignore[method-assign]


def _localise_rich(rich_utils: ModuleType, lang: str) -> None:
    """Typer's help and error renderer in `lang`: panel titles, its words, usage errors."""
    rich_utils.ARGUMENTS_PANEL_TITLE = label("usage.panel_arguments", lang)
    rich_utils.OPTIONS_PANEL_TITLE = label("usage.panel_options", lang)
    rich_utils.COMMANDS_PANEL_TITLE = label("usage.panel_commands", lang)
    rich_utils.ERRORS_PANEL_TITLE = label("usage.panel_error", lang)
    rich_utils.DEFAULT_STRING = label("usage.default", lang)
    rich_utils.ENVVAR_STRING = label("usage.envvar", lang)
    rich_utils.REQUIRED_LONG_STRING = label("usage.required", lang)
    rich_utils.ABORTED_TEXT = label("usage.aborted", lang)
    rich_utils.RICH_HELP = label("usage.try_help", lang)
    format_error = rich_utils.rich_format_error

    def format_error_here(error: Any) -> None:
        english = error.format_message()
        error.format_message = lambda: translate_usage(english, lang)
        format_error(error)

    rich_utils.rich_format_error = format_error_here
