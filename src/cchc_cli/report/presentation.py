"""How a target's value and threshold are shown, decided once for every view: the number a
spreadsheet cell holds with its number format, and the text the console, Markdown and notes
print, with the same digits and the same rounding (half up, as a spreadsheet rounds).

A rate is a percentage; a count change is the signed change (0.679 → −32,1 %); a number
(a rank, a count, a milestone reached) is itself. A rate or change that would round to its goal
without reaching it gets more digits, so that no view shows "95,0 %" next to "not met"."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from cchc_cli.catalogue import decimal_text
from cchc_cli.report.numbers import count
from cchc_cli.targets.results import EPSILON
from cchc_cli.targets.spec import TargetBase, Threshold, ValueForm

MAX_DIGITS = 4
OPS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "="}


@dataclass(frozen=True)
class Shown:
    """One figure as every view shows it."""

    number: float | None  # what a spreadsheet cell holds (a change as the change itself)
    form: ValueForm
    digits: int = 1

    @property
    def number_format(self) -> str:
        """The Excel number format that displays `number` as `text` does."""
        return self.format_with("")

    def format_with(self, sign: str) -> str:
        """The number format with a comparison before the figure ("≥ 95.0%")."""
        prefix = f'"{sign} "' if sign else ""
        if self.form is ValueForm.NUMBER:
            return f"{prefix}0" if sign else "General"
        fraction = "0." + "0" * self.digits if self.digits else "0"
        if self.form is ValueForm.CHANGE:
            return f"{prefix}+{fraction}%;{prefix}-{fraction}%;{prefix}{fraction}%"
        return f"{prefix}{fraction}%"

    def text(self, lang: str) -> str:
        """'95,8%', '−32,1%', '4' — or '—' without a value."""
        if self.number is None:
            return "—"
        if self.form is ValueForm.NUMBER:
            return count(self.number, lang)
        magnitude = decimal_text(abs(self.number), self.digits, lang, scale=2) + "%"
        zero = decimal_text(0, self.digits, lang, scale=2) + "%"
        if magnitude == zero:
            return magnitude  # no sign on nothing, as a spreadsheet's zero section
        if self.form is ValueForm.CHANGE:
            return ("+" if self.number > 0 else "−") + magnitude
        return ("−" if self.number < 0 else "") + magnitude


def _digits(number: float, goal: float | None, form: ValueForm) -> int:
    """1, or more when the value would read as its goal without being it."""
    if form is ValueForm.NUMBER or goal is None or abs(number - goal) <= EPSILON:
        return 1
    digits = 1
    while digits < MAX_DIGITS and (
        decimal_text(number, digits, "en", scale=2) == decimal_text(goal, digits, "en", scale=2)
    ):
        digits += 1
    return digits


def present(spec: TargetBase, value: float | None, goal: float | None = None) -> Shown:
    """A target's value (overall, per group or per month) in its kind's form; `goal` is the
    threshold it is judged against, in the value's own terms (before the form's shift)."""
    form = spec.value_form
    if value is None:
        return Shown(None, form)
    # rounded: 0.9 - 1 is -0.09999999999999998 in binary floating point
    number = round(form.shown(value), 12)
    shown_goal = None if goal is None else round(form.shown(goal), 12)
    return Shown(number, form, _digits(number, shown_goal, form))


def present_threshold(spec: TargetBase, threshold: Threshold) -> tuple[str, Shown]:
    """(operator sign, the threshold in the value's form): ("≤", −10,0 %) for a change."""
    return OPS[threshold.op], present(spec, threshold.value)


def present_level_goal(goal: float, value: float | None = None) -> tuple[str, Shown]:
    """A level's own goal of a trend target (last year + a step: any digits): at least that
    rate, with the digits its row's value is written with, so that the two never read alike
    when they differ."""
    digits = 1 if value is None else present_rate_digits(value, goal)
    return "≥", Shown(round(goal, 12), ValueForm.RATE, digits)


def present_rate_digits(value: float, goal: float) -> int:
    """The digits a rate and its goal are both written with on one row."""
    return _digits(round(value, 12), round(goal, 12), ValueForm.RATE)


def _printed(shown: Shown) -> Decimal:
    """A rate as its text prints it, in percent (94,95% -> 94.95)."""
    places = Decimal(1).scaleb(-shown.digits)
    return (Decimal(repr(shown.number)) * 100).quantize(places, rounding=ROUND_HALF_UP)


def points_between(first: Shown, second: Shown) -> tuple[Decimal, int]:
    """first − second in percentage points, computed from the two figures as printed (a
    reader checks "93,7% → 89,5%" as 4,2 points, whatever the unrounded rates were), and the
    digits to write it with."""
    assert first.number is not None and second.number is not None
    return _printed(first) - _printed(second), max(first.digits, second.digits)
