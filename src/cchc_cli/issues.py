"""The Issue record: one problem found in the inputs, its code in the word catalogue."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cchc_cli.catalogue import ISSUES, Phrase, Severity, label

__all__ = ["ISSUES", "Issue", "Severity", "make_issue", "mask_personal", "render_message"]


def render_message(code: str, lang: str, params: Mapping[str, Any]) -> str:
    """The catalogue's words for `code` in `lang` ("vi" or "en"), parameters filled in."""
    values = dict(params)
    if "required" in params and "consequence" not in params:
        tail = "consequence_required" if params["required"] else "consequence_optional"
        values["consequence"] = Phrase(tail)
    return label(code, lang, **values)


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in the inputs, located as the officer sees it."""

    code: str
    severity: Severity
    path: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "vi") -> str:
        """The message in the requested language."""
        return render_message(
            self.code, lang, {"value": self.value, "column": self.column, **self.params}
        )

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        """The D11 JSON form."""
        return {
            "code": self.code,
            "severity": str(self.severity),
            "path": self.path,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "message": self.message(lang),
        }


def make_issue(code: str, severity: Severity | None = None, **kwargs: Any) -> Issue:
    """Build an Issue with the catalogue's default severity unless one is given."""
    return Issue(code=code, severity=severity or ISSUES[code].severity, **kwargs)


def mask_personal(value: str | None) -> str | None:
    """Hide personal data in messages: keep the first character only."""
    if value is None or value == "":
        return value
    return value[0] + "***"
