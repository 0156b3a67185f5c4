"""The 766 scorecard as officers and scripts read it (issue 16): a console table, the JSON
document (contract in the README, "score766 JSON"), CSV; and the portal comparison beside it.
All are views of one ScoreResult."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from rich.console import Group as RenderGroup
from rich.table import Table
from rich.text import Text

from cchc_cli import __version__
from cchc_cli.catalogue import decimal_text, label
from cchc_cli.ingest import LoadResult
from cchc_cli.report.results import safe_cell
from cchc_cli.report.wording import level_words
from cchc_cli.targets.results import Note
from cchc_cli.targets.scorecard import GroupScore, IndicatorScore, LostRow, ScoreResult

if TYPE_CHECKING:  # the portal's reader is imported only with --compare
    from cchc_cli.targets.portal import Comparison

# Points below this show as 0,00: no sign, nothing within reach.
POINTS_SHOWN = 0.005


def points_text(value: float | None, lang: str) -> str:
    """Points with two decimals as the portal shows them ("18,97"); "—" without."""
    return "—" if value is None else decimal_text(value, 2, lang)


def ratio_text(value: float | None, lang: str) -> str:
    """A ratio as a percentage with one decimal ("94,8%")."""
    return "—" if value is None else decimal_text(value, 1, lang, scale=2) + "%"


def count_text(value: float | None, lang: str) -> str:
    """A count as officers write it (1.234 in Vietnamese)."""
    if value is None:
        return "—"
    if float(value).is_integer():
        text = f"{int(value):,}"
        return text.replace(",", ".") if lang == "vi" else text
    return decimal_text(value, 2, lang)


def _say(key: str, params: dict[str, Any], lang: str) -> str:
    named = {k: _param(v, lang) for k, v in params.items()}
    return label(key, lang, **named)


def _param(value: Any, lang: str) -> Any:
    if isinstance(value, Note):
        return value.render(lang)
    if isinstance(value, float):
        return points_text(value, lang)
    return value


def indicator_note(score: IndicatorScore, lang: str, short: bool = False) -> str:
    """Why an indicator has no points, where its numbers came from, and how it approximates
    its definition (the scorecard's own note)."""
    parts = []
    if score.note is not None and score.note.code == "score.no_values" and short:
        parts.append(label("score.no_values_short", lang))  # said in full below the table
    elif score.note is not None:
        parts.append(score.note.render(lang))
    if score.source == "values" and score.values_row is not None:
        path, row = score.values_row
        parts.append(label("score.from_values", lang, path=path, row=row))
    if score.indicator.spec.note:  # how it approximates, or what is a hypothesis [U]
        parts.append(score.indicator.spec.note)
    return " ".join(parts)


def group_note(group: GroupScore, lang: str) -> str:
    """What a group's points leave out: points without data, points of no known indicator."""
    parts = []
    if group.no_data_max - group.unassigned > POINTS_SHOWN:
        points = points_text(group.no_data_max - group.unassigned, lang)
        parts.append(label("score.group_no_data", lang, points=points))
    if group.unassigned > POINTS_SHOWN:
        points = points_text(group.unassigned, lang)
        parts.append(label("score.group_unassigned", lang, points=points))
    return "; ".join(parts)


def reason_text(reason: str, lang: str) -> str:
    """A lost or at-risk dossier's reason in words."""
    return label(f"score.reason_{reason}", lang)


def _group_name(score: ScoreResult, group_id: str, lang: str) -> str:
    for group in score.groups:
        if group.group.id == group_id:
            return group.group.name_en if lang == "en" and group.group.name_en else group.group.name
    return group_id


def score_table(result: ScoreResult, lang: str) -> RenderGroup:
    """The scorecard: groups with their indicators, the total, and what to fix first."""
    table = Table(
        title=label(
            "score.title",
            lang,
            name=result.scorecard.name,
            period=result.period.label,
            level=label(f"level_{result.level}", lang),
        ),
        show_lines=False,
    )
    for key, justify, wraps in (
        ("score.col_code", "left", False),
        ("score.col_name", "left", True),
        ("score.col_counts", "right", False),
        ("score.col_ratio", "right", False),
        ("score.col_points", "right", False),
        ("score.col_reach", "right", False),
        ("score.col_note", "left", True),
    ):
        # numbers never wrap: the name and the note do
        table.add_column(
            label(key, lang),
            justify=justify,  # type: ignore[arg-type]
            no_wrap=not wraps,
            ratio=(2 if key == "score.col_note" else 1) if wraps else None,
        )
    for group in result.groups:
        points = f"{points_text(group.points, lang)}/{points_text(group.group.max, lang)}"
        reach = group.within_reach if group.points is not None else None
        table.add_row(
            Text(group.group.id, "bold"),
            Text(_group_name(result, group.group.id, lang), "bold"),
            "",
            "",
            Text(points, "bold"),
            points_text(reach, lang),
            group_note(group, lang),
        )
        for score in result.indicators:
            if score.indicator.spec.group != group.group.id:
                continue
            counts = (
                f"{count_text(score.numerator, lang)}/{count_text(score.denominator, lang)}"
                if score.denominator is not None
                else "—"
            )
            style = "dim" if score.points is None else ""
            table.add_row(
                score.indicator.spec.code,
                Text(score.indicator.spec.name, style),
                counts,
                ratio_text(score.ratio, lang),
                f"{points_text(score.points, lang)}/{points_text(score.max_points, lang)}",
                points_text(score.within_reach, lang),
                indicator_note(score, lang, short=True),
            )
    parts: list[Any] = [table, Text(total_line(result, lang))]
    if any(s.note is not None and s.note.code == "score.no_values" for s in result.indicators):
        parts.append(Text(label("score.no_values_how", lang)))
    if result.units:
        parts.append(units_table(result, lang))
    first = fix_first(result)
    if first:
        parts.append(Text(label("score.fix_first", lang), "bold"))
        for score in first:
            parts.append(Text("  " + fix_line(score, lang)))
    if result.at_risk_count or result.lost_counts:
        parts.append(Text(rows_line(result, lang)))
    return RenderGroup(*parts)


def units_table(result: ScoreResult, lang: str) -> Table:
    """The units ranked on the share of the points computed for each (then the points)."""
    table = Table(title=label("score.units_title", lang))
    table.add_column(label("score.col_rank", lang), justify="right")
    table.add_column(label("score.col_unit", lang))
    table.add_column(label("score.col_points", lang), justify="right")
    table.add_column(label("score.col_share", lang), justify="right")
    for unit in result.units:
        name = ", ".join(str(v) for v in unit.by.values() if v is not None) or "—"
        shown = f"{points_text(unit.points, lang)}/{points_text(unit.scored_max, lang)}"
        table.add_row(str(unit.rank), name, shown, ratio_text(unit.share, lang))
    return table


def total_line(result: ScoreResult, lang: str) -> str:
    """ "Tổng: 38,51 điểm / 56 điểm tính được; …"; said outright when nothing is."""
    if result.scored_max:
        line = label(
            "score.total",
            lang,
            points=points_text(result.points, lang),
            scored=points_text(result.scored_max, lang),
            reach=points_text(result.within_reach, lang),
        )
    else:
        line = label("score.total_none", lang)
    if result.no_data_max:
        line += " " + label(
            "score.total_no_data", lang, points=points_text(result.no_data_max, lang)
        )
    if result.not_scored_max:
        line += " " + label(
            "score.total_not_scored",
            lang,
            points=points_text(result.not_scored_max, lang),
            level=level_words(result.level, lang),
        )
    return line


def fix_first(result: ScoreResult, limit: int = 3) -> list[IndicatorScore]:
    """The indicators with the most points within reach, largest first."""
    open_points = [s for s in result.indicators if (s.within_reach or 0) > POINTS_SHOWN]
    return sorted(open_points, key=lambda s: -(s.within_reach or 0))[:limit]


def fix_line(score: IndicatorScore, lang: str) -> str:
    """One indicator to act on: its points within reach and what one dossier is worth."""
    spec = score.indicator.spec
    line = label(
        "score.fix_line",
        lang,
        code=spec.code,
        name=spec.name,
        reach=points_text(score.within_reach, lang),
    )
    if score.per_row:
        line += " " + label("score.per_row", lang, points=decimal_text(score.per_row, 3, lang))
    return line


def rows_line(result: ScoreResult, lang: str) -> str:
    """How many dossiers cost points and how many are about to; where to see them."""
    return label(
        "score.rows_line",
        lang,
        lost=count_text(result.lost_dossiers, lang),
        risk=count_text(result.at_risk_count, lang),
        days=result.at_risk_days,
    )


def rows_table(rows: list[LostRow], total: int, title: str, lang: str, width: int = 160) -> Table:
    """Dossiers with file, sheet and row as the officer sees them (no personal field); `total`
    is how many there are when only the first are listed. Below 120 columns the unit and the
    end date are left out, so that the dossier code and the place stay whole."""
    wide = width >= 120
    table = Table(title=title)
    keys = ["score.col_code", "score.col_reason", "score.col_dossier"]
    keys += ["score.col_unit"] if wide else []
    keys += ["score.col_received", "score.col_due"]
    keys += ["score.col_ended"] if wide else []
    keys += ["score.col_where"]
    whole = ("score.col_dossier", "score.col_received", "score.col_due", "score.col_ended")
    for key in keys:
        table.add_column(label(key, lang), no_wrap=key in whole, overflow="fold")
    for row in rows:
        cells = [row.indicator, reason_text(row.reason, lang), row.dossier_code]
        cells += [row.agency_name or ""] if wide else []
        cells += [_date(row.received_at), _date(row.due_at)]
        cells += [_date(row.ended_at)] if wide else []
        cells += [label("score.where", lang, path=row.path, sheet=row.sheet, row=row.row)]
        table.add_row(*cells)
    if total > len(rows):
        table.caption = label("score.more_rows", lang, n=total - len(rows))
    return table


def _date(value: Any) -> str:
    return "" if value is None else f"{value:%d/%m/%Y}"


def compare_table(lines: list[Comparison], lang: str) -> Table:
    """cchc's points beside the portal's, with the difference and its likely reasons."""
    table = Table(title=label("score.compare_title", lang))
    for key, justify in (
        ("score.col_code", "left"),
        ("score.col_unit", "left"),
        ("score.col_ours", "right"),
        ("score.col_portal", "right"),
        ("score.col_difference", "right"),
        ("score.col_reason", "left"),
    ):
        table.add_column(label(key, lang), justify=justify)  # type: ignore[arg-type]
    for line in lines:
        difference = line.difference
        if difference is not None and abs(difference) < POINTS_SHOWN:
            difference = 0.0  # no "-0,00"
        sign = "+" if difference and difference > 0 else ""
        shown = "—" if difference is None else sign + points_text(difference, lang)
        table.add_row(
            line.code or label("score.total_word", lang),
            line.unit or "",
            points_text(line.ours, lang),
            points_text(line.portal, lang),
            shown,
            reasons_text(line, lang),
        )
    return table


def reasons_text(line: Comparison, lang: str) -> str:
    """The likely reasons of a difference, in words."""
    return "; ".join(_say(key, params, lang) for key, params in line.reasons)


# -- JSON and CSV -------------------------------------------------------------------------------


def _row_json(row: LostRow) -> dict[str, Any]:
    return {
        "indicator": row.indicator,
        "reason": row.reason,
        "dossier_code": row.dossier_code,
        "procedure_name": row.procedure_name,
        "agency_name": row.agency_name,
        "received_at": row.received_at.isoformat() if row.received_at else None,
        "due_at": row.due_at.isoformat() if row.due_at else None,
        "ended_at": row.ended_at.isoformat() if row.ended_at else None,
        "path": row.path,
        "sheet": row.sheet,
        "row": row.row,
    }


def indicator_json(score: IndicatorScore, lang: str) -> dict[str, Any]:
    """One indicator of the JSON document."""
    spec = score.indicator.spec
    return {
        "code": spec.code,
        "id": spec.id,
        "name": spec.name,
        "group": spec.group,
        "max": spec.max_points,
        "rule": spec.scoring,
        "full_at": spec.full_at,
        "if_empty": spec.if_empty,
        "scope": spec.scope,
        "numerator": score.numerator,
        "denominator": score.denominator,
        "ratio": score.ratio,
        "points": score.points,
        "within_reach": score.within_reach,
        "per_row": score.per_row,
        "status": score.status,
        "source": score.source,
        "deductions": score.deductions,
        "readings": score.indicator.readings,
        "note": indicator_note(score, lang) or None,
        "units": [
            {
                "by": unit.by,
                "numerator": unit.numerator,
                "denominator": unit.denominator,
                "ratio": unit.ratio,
                "points": unit.points,
                "status": unit.status,
            }
            for unit in score.units
        ],
    }


def score_json(
    result: ScoreResult,
    loaded: LoadResult,
    lang: str,
    comparisons: list[Comparison] | None = None,
    with_rows: bool = True,
) -> dict[str, Any]:
    """The `cchc score766 --format json` document (README, "score766 JSON")."""
    scorecard = result.scorecard
    return {
        "cchc_version": __version__,
        "scorecard": {
            "version": scorecard.id,
            "name": scorecard.name,
            "path": scorecard.path,
            "sha256": scorecard.sha256,
            "readings": scorecard.readings,
        },
        "period": result.period.to_dict(),
        "judged_at": result.judged_at.isoformat() if result.judged_at else None,
        "level": result.level,
        "inputs": [a.to_dict(for_compute=True) for a in loaded.accounts],
        "total": {
            # null when no indicator could be scored (no data is not zero)
            "points": result.points if result.scored_max else None,
            "max": result.max_points,
            "scored_max": result.scored_max,
            "no_data_max": result.no_data_max,
            "not_scored_max": result.not_scored_max,
            "within_reach": result.within_reach,
        },
        "groups": [
            {
                "id": g.group.id,
                "name": g.group.name,
                "max": g.group.max,
                "points": g.points,
                "scored_max": g.scored_max,
                "no_data_max": g.no_data_max,
                "not_scored_max": g.not_scored_max,
                "within_reach": g.within_reach if g.points is not None else None,
                "unassigned": g.unassigned,
            }
            for g in result.groups
        ],
        "indicators": [indicator_json(s, lang) for s in result.indicators],
        "units": [
            {
                "by": u.by,
                "points": u.points,
                "scored_max": u.scored_max,
                "share": u.share,
                "rank": u.rank,
            }
            for u in result.units
        ],
        # the lists with --lost only (a province's month: tens of thousands of rows)
        "lost": [_row_json(r) for r in result.lost] if with_rows else None,
        "lost_counts": result.lost_counts,
        "lost_dossiers": result.lost_dossiers,
        "at_risk_days": result.at_risk_days,
        "at_risk": [_row_json(r) for r in result.at_risk] if with_rows else None,
        "at_risk_count": result.at_risk_count,
        "compare": [
            {
                "kind": c.kind,
                "code": c.code,
                "unit": c.unit,
                "ours": c.ours,
                "portal": c.portal,
                "difference": c.difference,
                "reasons": [key for key, _ in c.reasons],
                "reason_text": reasons_text(c, lang),
            }
            for c in comparisons or []
        ],
    }


def score_csv(result: ScoreResult, lang: str) -> str:
    """One line per indicator, group and the total, unrounded, for spreadsheets and scripts."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            "level",
            "group",
            "code",
            "name",
            "numerator",
            "denominator",
            "ratio",
            "points",
            "max",
            "within_reach",
            "status",
            "source",
            "note",
        ]
    )
    for group in result.groups:
        for score in result.indicators:
            if score.indicator.spec.group != group.group.id:
                continue
            spec = score.indicator.spec
            writer.writerow(
                [
                    "indicator",
                    group.group.id,
                    spec.code,
                    safe_cell(spec.name),
                    _plain(score.numerator),
                    _plain(score.denominator),
                    _plain(score.ratio),
                    _plain(score.points),
                    _plain(spec.max_points),
                    _plain(score.within_reach),
                    score.status,
                    score.source or "",
                    safe_cell(indicator_note(score, lang)),
                ]
            )
        writer.writerow(
            [
                "group",
                group.group.id,
                group.group.id,
                safe_cell(group.group.name),
                "",
                "",
                "",
                _plain(group.points),
                _plain(group.group.max),
                _plain(group.within_reach),
                "",
                "",
                "",
            ]
        )
    writer.writerow(
        [
            "total",
            "",
            "",
            safe_cell(label("score.total_word", lang)),
            "",
            "",
            "",
            _plain(result.points),
            _plain(result.max_points),
            _plain(result.within_reach),
            "",
            "",
            "",
        ]
    )
    return out.getvalue()


def _plain(value: float | None) -> str:
    if value is None:
        return ""
    return repr(round(float(value), 10)) if not float(value).is_integer() else str(int(value))
