"""The one word catalogue: every word the tool shows an officer, in Vietnamese and English.

Sections: issue codes with their severity (`issues`), interface and report words (`labels`),
the reasons a targets file (`targets`), a vendor profile (`profiles`) or an input file or option
(`files`) is refused. Keys are unique across the
sections; `tests/test_catalogue.py` checks that every key used in `src/` is here in both
languages with the same placeholders.

Code that does not know the language yet (a config check, a reader) says a `Phrase`; it is put
into words where the language is known (a message rendered for the console or JSON).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from cchc_cli.catalogue import cli, files, profiles, score, targets
from cchc_cli.catalogue.issues import ISSUES, Message, Severity
from cchc_cli.catalogue.labels import LABELS
from cchc_cli.catalogue.wording import WORDING

__all__ = [
    "ISSUES",
    "WORDS",
    "Count",
    "Joined",
    "Message",
    "Percent",
    "Phrase",
    "Severity",
    "Words",
    "decimal_text",
    "did_you_mean",
    "label",
    "os_reason",
    "phrase",
    "pydantic_reason",
    "yaml_problem",
    "yaml_reason",
]


def _merged() -> dict[str, tuple[str, str]]:
    words: dict[str, tuple[str, str]] = {}
    for section in (
        {code: (m.vi, m.en) for code, m in ISSUES.items()},
        LABELS,
        WORDING,
        targets.REASONS,
        profiles.REASONS,
        files.REASONS,
        cli.WORDS,
        cli.HELP,
        score.WORDS,
    ):
        clash = words.keys() & section.keys()
        if clash:
            raise RuntimeError(f"catalogue keys defined twice: {sorted(clash)}")
        words.update(section)
    return words


# key -> (Vietnamese, English), all sections together
WORDS: dict[str, tuple[str, str]] = _merged()


@dataclass(frozen=True)
class Phrase:
    """A catalogue entry with its parameters, put into words once the language is known."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        """The words in `lang`."""
        return label(self.key, lang, **self.params)

    def __str__(self) -> str:
        # where no language is at hand (an exception's text, a log): Vietnamese, the default
        return self.render("vi")


def os_reason(exc: BaseException) -> Phrase | str:
    """Why the operating system refused, as a phrase in the catalogue when its error number is
    a common one (no permission, no space…), else its own words."""
    import errno as numbers

    if isinstance(exc, OSError) and exc.errno is not None:
        key = f"oserror.{numbers.errorcode.get(exc.errno, '')}"
        if key in WORDS:
            return Phrase(key, {})
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


_YAML_PROBLEMS = (
    ("did not find expected key", "yaml.no_key"),
    ("mapping values are not allowed", "yaml.colon_here"),
    ("that cannot start any token", "yaml.tab"),
    ("tab character", "yaml.tab"),
    ("could not find expected ':'", "yaml.no_colon"),
    ("did not find expected node content", "yaml.no_value"),
    ("expected <block end>", "yaml.block_end"),
    ("did not find expected '-' indicator", "yaml.block_end"),
    ("found unexpected end of stream", "yaml.unclosed"),
    ("expected ',' or ']'", "yaml.list"),
    ("expected ',' or '}'", "yaml.list"),
)


def yaml_problem(problem: str) -> Phrase:
    """What PyYAML found wrong, in the catalogue's words (its own words kept for the rest)."""
    for words, key in _YAML_PROBLEMS:
        if words in problem:
            return Phrase(key, {})
    return Phrase("yaml.other", {"problem": problem})


def yaml_reason(error: BaseException) -> Phrase:
    """A PyYAML error as a reason in the officer's words, placed by line and column when the
    parser says where (a targets file, a profile or a --columns file alike)."""
    problem = yaml_problem(getattr(error, "problem", None) or str(error).splitlines()[0])
    mark = getattr(error, "problem_mark", None)
    if mark is None:
        return problem
    return phrase("reason.yaml_at", line=mark.line + 1, column=mark.column + 1, problem=problem)


def phrase(key: str, /, **params: Any) -> Phrase:
    """A `Phrase` for `key`; unknown keys fail here, at the place that says them."""
    if key not in WORDS:
        raise KeyError(f"not in the catalogue: {key}")
    return Phrase(key, params)


def decimal_text(value: float, digits: int, lang: str, scale: int = 0) -> str:
    """`value` × 10^scale with `digits` decimals, rounded half up on its decimal digits as a
    spreadsheet shows it (0.9625 as a percentage: 96,3 where Python's float rounding gives
    96,2), with the language's decimal mark."""
    exact = Decimal(repr(float(value))).scaleb(scale)
    rounded = exact.quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)
    text = f"{rounded:.{digits}f}"
    return text.replace(".", ",") if lang == "vi" else text


@dataclass(frozen=True)
class Percent:
    """A rate as a parameter of a message, written with the language's decimal mark."""

    value: float
    digits: int = 1

    def render(self, lang: str) -> str:
        """0.451 -> "45,1%" (vi) / "45.1%" (en)."""
        return decimal_text(self.value, self.digits, lang, scale=2) + "%"


@dataclass(frozen=True)
class Count:
    """A whole number as a parameter of a message, grouped as the language writes it
    ("1.024 KB" in Vietnamese, "1,024 KB" in English), with an optional suffix."""

    value: int
    suffix: str = ""
    prefix: str = ""

    def render(self, lang: str) -> str:
        grouped = f"{self.value:,}"
        return self.prefix + (grouped if lang == "en" else grouped.replace(",", ".")) + self.suffix

    def __str__(self) -> str:
        return self.render("vi")


@dataclass(frozen=True)
class Joined:
    """A list as a parameter of a message: its items (words or phrases) joined by commas."""

    items: tuple[Phrase | str, ...]

    def render(self, lang: str) -> str:
        return ", ".join(i.render(lang) if isinstance(i, Phrase) else i for i in self.items)


@dataclass(frozen=True)
class Words:
    """A name known in both languages (a dataset's, a field's) as a parameter of a message."""

    vi: str
    en: str

    def render(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else self.vi


class _Filling(dict[str, Any]):
    """Template values in one language: phrases rendered, unknown names left as written."""

    def __init__(self, params: Mapping[str, Any], lang: str) -> None:
        super().__init__(params)
        self.lang = lang

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key)
        rendered = isinstance(value, Phrase | Percent | Joined | Count | Words)
        return value.render(self.lang) if rendered else value

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def label(key: str, lang: str, /, **params: Any) -> str:
    """The words for `key` in `lang` ("vi" or "en"), with {params} filled in."""
    vi, en = WORDS[key]
    template = en if lang == "en" else vi
    return template.format_map(_Filling(params, lang)) if params else template


# Pydantic's error types said in our words (the ctx key holding the limit, if any).
_PYDANTIC: dict[str, tuple[str, str | None]] = {
    "less_than_equal": ("reason.at_most", "le"),
    "greater_than_equal": ("reason.at_least", "ge"),
    "greater_than": ("reason.above", "gt"),
    "less_than": ("reason.below", "lt"),
    "float_parsing": ("reason.number_expected", None),
    "float_type": ("reason.number_expected", None),
    "int_parsing": ("reason.whole_number_expected", None),
    "int_type": ("reason.whole_number_expected", None),
    "int_from_float": ("reason.whole_number_expected", None),
    "bool_parsing": ("reason.true_false", None),
    "bool_type": ("reason.true_false", None),
    "date_parsing": ("reason.date_expected", None),
    "date_type": ("reason.date_expected", None),
    "date_from_datetime_parsing": ("reason.date_expected", None),
    "date_from_datetime_inexact": ("reason.date_expected", None),
    "string_type": ("reason.text_expected", None),
    "list_type": ("reason.list_expected", None),
    "dict_type": ("reason.mapping_expected", None),
    "model_type": ("reason.mapping_expected", None),
    "too_short": ("reason.not_empty", None),
    "string_too_short": ("reason.not_empty", None),
}


def pydantic_reason(error: Mapping[str, Any]) -> Phrase | None:
    """One Pydantic validation error (an item of `errors()`) in the catalogue's words, or
    None for a type the catalogue does not word."""
    kind = str(error.get("type"))
    context = error.get("ctx") or {}
    if kind == "literal_error":
        # ctx "expected" reads "'>=', '>' or '<'": the choices are the quoted words
        expected = str(context.get("expected", ""))
        choices = re.findall(r"'([^']*)'", expected) or re.split(r", | or ", expected)
        given = error.get("input")
        hint = did_you_mean(given, choices) if isinstance(given, str) else ""
        return Phrase("reason.one_of", {"expected": ", ".join(choices), "hint": hint})
    if kind not in _PYDANTIC:
        return None
    key, limit = _PYDANTIC[kind]
    if limit is None:
        return Phrase(key, {})
    value = context.get(limit)
    # as the file writes it: 1, 0.5, 1990
    return Phrase(key, {"limit": f"{value:g}" if isinstance(value, float) else value})


def did_you_mean(word: object, choices: Iterable[str]) -> Phrase | str:
    """ " Có phải 'x'?" / " Did you mean 'x'?" when a choice is close to `word`, else ""."""
    choices = list(choices)
    # two characters swapped ("=>" for ">=") first: difflib ranks it below a shorter choice
    swapped = [c for c in choices if sorted(c) == sorted(str(word)) and c != str(word)]
    close = swapped or difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    return Phrase("hint.did_you_mean", {"choice": close[0]}) if close else ""
