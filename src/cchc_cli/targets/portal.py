"""The portal's 766 scores beside cchc's (issue 16, point 4): `--compare portal.csv` takes the
points an officer copies from the national portal ("Đánh giá chất lượng phục vụ"), by indicator
or group (and unit), and shows the difference with its likely reason. The portal's numbers are
shown as they are, never replaced (766.md §0: the API score is authoritative).

The file: CSV (UTF-8, or Windows-1258 as an older Excel saves it), comma, semicolon or tab,
columns "Chỉ số" or "Nhóm" (an indicator code such as 2.1, a group such as G2 or its name, or
"Tổng"), "Điểm", and optionally "Đơn vị".
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc_cli.catalogue import os_reason, phrase
from cchc_cli.errors import InputError
from cchc_cli.issues import Issue, make_issue
from cchc_cli.readers.delimited import UnknownEncoding, decode_csv, sniff_delimiter
from cchc_cli.targets.filters import fields_used
from cchc_cli.targets.scorecard import IndicatorScore, ScoreResult, UnitTotal, level_words
from cchc_cli.text import match_key

TOLERANCE = 0.015  # 766.md §2: DVCQG rounds to two decimals
_WHAT = {"chi so", "ma chi so", "chi tieu", "ma", "nhom", "nhom chi so", "indicator", "group"}
_UNIT = {"don vi", "ten don vi", "co quan", "unit"}
_POINTS = {"diem", "diem so", "diem dat", "points", "score"}
_TOTAL = {"tong", "tong diem", "tong cong", "total", "cong"}
_LIMIT = 1_000_000


@dataclass(frozen=True)
class PortalScore:
    """One row of the portal file."""

    what: str
    unit: str | None
    points: float
    row: int


@dataclass
class Comparison:
    """One line side by side: cchc's points, the portal's, the difference and likely reasons."""

    kind: str  # indicator | group | total
    code: str
    name: str
    unit: str | None
    ours: float | None
    portal: float
    reasons: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    @property
    def difference(self) -> float | None:
        return None if self.ours is None else self.ours - self.portal


def _decode(content: bytes) -> str:
    try:
        text, _ = decode_csv(content)  # the encodings the exports' reader accepts
    except UnknownEncoding:
        text = content.decode("cp1258", errors="replace")
    return unicodedata.normalize("NFC", text)  # Windows-1258 writes tones as combining marks


def _number(text: str) -> float | None:
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")  # 18,97 as the portal shows it
    try:
        return float(cleaned)
    except ValueError:
        return None


def read_portal(path: Path) -> tuple[list[PortalScore], list[Issue]]:
    """The rows of a portal scores file, and a warning for each row left out; InputError when
    the file cannot be read or has no indicator and points columns."""
    try:
        with path.open("rb") as handle:
            content = handle.read(_LIMIT + 1)
    except OSError as exc:
        raise InputError("portal.unreadable", path=str(path), reason=os_reason(exc)) from exc
    if len(content) > _LIMIT:
        reason = phrase("profile_file.too_large", size=f"> {_LIMIT:,}")
        raise InputError("portal.unreadable", path=str(path), reason=reason)
    if content[:2] == b"PK" or b"\x00" in content[:4096]:
        # a workbook (.xlsx is a zip) or another binary file given as the CSV
        raise InputError("portal.not_csv", path=str(path))
    text = _decode(content)
    delimiter = sniff_delimiter(text.splitlines()[:20])
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise InputError("portal.unreadable", path=str(path), reason=str(exc)) from exc
    header_at = next((i for i, row in enumerate(rows) if any(c.strip() for c in row)), None)
    if header_at is None:
        raise InputError("portal.no_columns", path=str(path), header="-")
    header = [match_key(c) for c in rows[header_at]]
    # an indicator column before a group column: a row names the finer of the two it fills
    names = sorted(
        (i for i, h in enumerate(header) if h in _WHAT), key=lambda i: header[i].startswith("nhom")
    )
    points = next((i for i, h in enumerate(header) if h in _POINTS), None)
    unit = next((i for i, h in enumerate(header) if h in _UNIT), None)
    if not names or points is None:
        shown = ", ".join(f"'{c.strip()}'" for c in rows[header_at] if c.strip()) or "-"
        raise InputError("portal.no_columns", path=str(path), header=shown)
    scores: list[PortalScore] = []
    issues: list[Issue] = []
    for number, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        if not any(c.strip() for c in row):
            continue
        cell = next((row[i].strip() for i in names if i < len(row) and row[i].strip()), "")
        written = row[points].strip() if points < len(row) else ""
        value = _number(written) if written else None
        if not cell or value is None:
            if not cell:
                reason = phrase("portal.row_needs", column=rows[header_at][names[0]].strip())
            elif not written:
                reason = phrase("portal.row_needs", column=rows[header_at][points].strip())
            else:
                reason = phrase("portal.not_a_number", value=written)
            params = {"path": path.name, "row": number, "reason": reason}
            issues.append(make_issue("portal.bad_row", params=params))
            continue
        unit_name = row[unit].strip() if unit is not None and unit < len(row) else ""
        scores.append(PortalScore(cell, unit_name or None, value, number))
    if not scores:
        raise InputError("portal.no_rows", path=str(path))
    return scores, issues


def _code_of(text: str) -> str:
    """The indicator code or group id a cell names ("Chỉ số 2.1" -> "2.1", "g2" -> "G2")."""
    key = match_key(text)
    found = re.search(r"\b(\d+\.\d+[a-z]?)\b", key)
    if found:
        return found.group(1)
    group = re.fullmatch(r"(?:nhom\s*)?g?(\d+)", key)
    if group:
        return f"G{group.group(1)}"
    return key


def compare(result: ScoreResult, scores: list[PortalScore]) -> list[Comparison]:
    """Each portal row beside cchc's points for the same indicator, group or total (and unit),
    in the file's order; a row naming nothing cchc knows keeps `ours` None with its reason."""
    indicators = {s.indicator.spec.code.casefold(): s for s in result.indicators}
    names = {match_key(s.indicator.spec.name): s for s in result.indicators}
    groups = {g.group.id.casefold(): g for g in result.groups}
    group_names = {match_key(g.group.name): g for g in result.groups}
    out: list[Comparison] = []
    for row in scores:
        key = match_key(row.what)
        code = _code_of(row.what).casefold()
        unit_key = match_key(row.unit) if row.unit else None
        if key in _TOTAL:
            total = _unit_total(result, unit_key) if unit_key else None
            ours = (total.points if total else None) if unit_key else result.points
            line = Comparison("total", "", "", row.unit, ours, row.points)
            # a unit's points not computed: those of the indicators computed for no unit too
            computed = total.scored_max if total else result.scored_max
            line.reasons = _total_reasons(result, line, result.max_points - computed)
        elif code in indicators or key in names:
            score = indicators.get(code) or names[key]
            ours = _unit_points(score, unit_key) if unit_key else score.points
            spec = score.indicator.spec
            line = Comparison("indicator", spec.code, spec.name, row.unit, ours, row.points)
            line.reasons = _indicator_reasons(result, score, line)
        elif code in groups or key in group_names:
            group = groups.get(code) or group_names[key]
            ours = None if unit_key else group.points  # None: nothing of it scored
            line = Comparison("group", group.group.id, group.group.name, row.unit, ours, row.points)
            line.reasons = _group_reasons(result, group.group.id, line)
        else:
            line = Comparison("unknown", row.what, row.what, row.unit, None, row.points)
            line.reasons = [("compare.unknown", {"value": row.what})]
        out.append(line)
    return out


def _unit_points(score: IndicatorScore, unit_key: str) -> float | None:
    for unit in score.units:
        if any(match_key(str(v)) == unit_key for v in unit.by.values() if v is not None):
            return unit.points
    return None


def _unit_total(result: ScoreResult, unit_key: str) -> UnitTotal | None:
    for total in result.units:
        if any(match_key(str(v)) == unit_key for v in total.by.values() if v is not None):
            return total
    return None


def _unit_missing(result: ScoreResult) -> tuple[str, dict[str, Any]]:
    """Why a unit's line has no figure of cchc's: no results per unit were asked for, or
    the unit has no data in them."""
    if result.by:
        return ("compare.unit_no_data", {})
    return ("compare.unit_not_found", {})


def _close(line: Comparison) -> bool:
    return line.difference is not None and abs(line.difference) <= TOLERANCE + 1e-9


def _indicator_reasons(
    result: ScoreResult, score: IndicatorScore, line: Comparison
) -> list[tuple[str, dict[str, Any]]]:
    spec = score.indicator.spec
    if score.status == "not_scored":
        return [("compare.not_scored", {"level": level_words(result.level)})]
    if line.ours is None:
        if line.unit:
            return [_unit_missing(result)]
        if score.note is not None:
            return [("compare.ours_no_data", {"why": score.note})]
        return [("compare.ours_no_data", {"why": ""})]
    if _close(line):
        return [("compare.match", {})]
    reasons: list[tuple[str, dict[str, Any]]] = []
    if score.source == "values":
        reasons.append(("compare.values_differ", {}))
    readings = dict(score.indicator.readings)
    if any("timeliness_766" in fields_used(f) for f in score.indicator.target.filters.values()):
        for name in ("withdrawn", "supplement_after_due", "compare", "open_at"):
            readings[name] = result.scorecard.readings[name]
    if readings:
        listed = ", ".join(f"{k}={v}" for k, v in sorted(readings.items()))
        reasons.append(("compare.reading", {"readings": listed}))
    if score.source == "data":
        assert line.difference is not None
        if line.difference > 0:
            reasons.append(("compare.unsynced", {}))
        else:
            reasons.append(("compare.export_scope", {}))
        if spec.note:
            reasons.append(("compare.approximation", {}))
    return reasons


def _group_reasons(
    result: ScoreResult, group_id: str, line: Comparison
) -> list[tuple[str, dict[str, Any]]]:
    if line.ours is None and line.unit:
        return [("compare.group_units", {})]
    members = [s for s in result.indicators if s.indicator.spec.group == group_id]
    if line.ours is None:
        if all(s.status == "not_scored" for s in members):
            return [("compare.not_scored", {"level": level_words(result.level)})]
        codes = ", ".join(s.indicator.spec.code for s in members if s.points is None)
        return [("compare.group_missing", {"codes": codes})]
    if _close(line):
        return [("compare.match", {})]
    missing = [s.indicator.spec.code for s in members if s.points is None]
    reasons: list[tuple[str, dict[str, Any]]] = []
    if missing:
        reasons.append(("compare.group_missing", {"codes": ", ".join(missing)}))
    reasons.append(("compare.group_compare_indicators", {}))
    return reasons


def _total_reasons(
    result: ScoreResult, line: Comparison, uncomputed: float
) -> list[tuple[str, dict[str, Any]]]:
    if line.ours is None:
        return [_unit_missing(result)]
    if _close(line):
        return [("compare.match", {})]
    reasons: list[tuple[str, dict[str, Any]]] = []
    if uncomputed > TOLERANCE:
        reasons.append(("compare.total_missing", {"points": float(uncomputed)}))
    reasons.append(("compare.group_compare_indicators", {}))
    return reasons
