"""The báo cáo's text, written from the results (issue 15): what was met, what was missed and by
how much, the change since the previous period, which units lag, and where the figures come
from. Plain sentences with the numbers as every other view writes them (94,7%)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from cchc_cli.catalogue import decimal_text, label
from cchc_cli.report.numbers import count, whole
from cchc_cli.report.presentation import points_between, present, present_threshold
from cchc_cli.report.results import group_label, shown_target, shown_value
from cchc_cli.targets.coverage import coverage_of
from cchc_cli.targets.highlights import STATUS_ORDER, Change, Highlights, Shortfall, is_rate
from cchc_cli.targets.periods import Period
from cchc_cli.targets.report_content import ReportContent
from cchc_cli.targets.results import TargetResult, TargetStatus
from cchc_cli.targets.scorecard import IndicatorScore, LostRow, ScoreResult

# A change smaller than this (in points) is not worth a leader's sentence.
NOTABLE_CHANGE = 0.005
# At most this many items in one sentence: the table holds the rest.
MAX_ITEMS = 5
# 766 points are written with two decimals: less than this is no point lost.
POINTS_SHOWN = 0.005
# The indicators losing the most points named in the báo cáo's 766 sentence.
MOST_LOST = 3
# Reasons a dossier costs points that the 766 sentence counts as late (D7).
# every reason a dossier costs the on-time points (targets/scorecard.py, _explain)
LATE_REASONS = ("late", "supplements", "open_overdue", "overdue_at_period_end")


def date_words(day: date, lang: str) -> dict[str, str]:
    """A date's parts as Nghị định 30/2020/NĐ-CP, Phụ lục I writes them: a day below 10 and
    the months 1 and 2 with a leading zero ("ngày 05 tháng 02", "tháng 3")."""
    return {
        "day": f"{day.day:02d}",
        "month": f"{day.month:02d}" if day.month < 3 else str(day.month),
        "year": str(day.year),
    }


def place_date(place: str, day: date, lang: str) -> str:
    """ "Đức Phổ, ngày 05 tháng 4 năm 2025"; without a place, the date alone."""
    parts = date_words(day, lang)
    if not place:
        text = label("doc.date_only", lang, **parts)
        return text[:1].upper() + text[1:]
    return label("doc.place_date", lang, place=place, **parts)


def period_words(period: Period, lang: str) -> str:
    """ "tháng 3/2025", "quý 1/2025", "năm 2025", "từ tháng 01/2025 đến tháng 06/2025"."""
    text = period.label
    if len(text) == 7 and text[4] == "-" and text[5:].isdigit():
        return label("doc.period_month", lang, month=int(text[5:]), year=text[:4])
    if "-Q" in text:
        quarter = text[-1] if lang == "en" else ("I", "II", "III", "IV")[int(text[-1]) - 1]
        return label("doc.period_quarter", lang, quarter=quarter, year=text[:4])
    if text.isdigit():
        return label("doc.period_year", lang, year=text)
    start = f"{period.start.month:02d}/{period.start.year}"
    end = f"{period.end.month:02d}/{period.end.year}"
    return label("doc.period_range", lang, start=start, end=end)


def month_list(months: list[str], lang: str) -> str:
    """ "2025-01", "2025-02" as a sentence writes them: "1/2025, 2/2025"."""
    return ", ".join(f"{int(m[5:])}/{m[:4]}" for m in months)


def in_sentence(name: str) -> str:
    """A target's name inside a sentence: "tỷ lệ hồ sơ …", an acronym ("TTHC …") kept."""
    if len(name) > 1 and name[0].isupper() and name[1].islower():
        return name[0].lower() + name[1:]
    return name


def points(delta: float, lang: str, digits: int = 1) -> str:
    """A difference of two rates in percentage points, without its sign ("0,3")."""
    return decimal_text(abs(delta) * 100, digits, lang)


def change_points(change: Change, lang: str) -> tuple[str, int]:
    """The change of a rate as its two printed figures give it ("4,2" for 93,7% → 89,5%), and
    its sign (1, 0, −1)."""
    result, before = change.result, change.previous
    goal = result.threshold.value if result.threshold is not None else None
    after_shown = present(result.target.spec, result.value, goal)
    before_shown = present(result.target.spec, before.value, goal)
    difference, digits = points_between(after_shown, before_shown)
    sign = (difference > 0) - (difference < 0)
    return decimal_text(float(abs(difference)) / 100, digits, lang, scale=2), sign


def change_mark(change: Change | None, lang: str) -> str:
    """A rate's change in a table or a short line: "▲ +4,2", "▼ −4,2", "=" (the printed
    figures are equal), "—" (not compared)."""
    if change is None or not is_rate(change.result):
        return "—"
    moved, sign = change_points(change, lang)
    return {1: f"▲ +{moved}", -1: f"▼ −{moved}"}.get(sign, "=")


def gap_points(shortfall: Shortfall, lang: str) -> str:
    """A shortfall's gap as its printed value and goal give it (94,95% against 95,0%: 0,05)."""
    result = shortfall.result
    assert result.threshold is not None and result.value is not None
    spec = result.target.spec
    goal = present(spec, result.threshold.value)
    value = present(spec, result.value, result.threshold.value)
    difference, digits = points_between(goal, value)
    return decimal_text(float(abs(difference)) / 100, digits, lang, scale=2)


def _joined(items: list[str], lang: str, more: str = "doc.more_targets") -> str:
    shown = items[:MAX_ITEMS]
    if len(items) > MAX_ITEMS:
        shown.append(label(more, lang, n=len(items) - MAX_ITEMS))
    return "; ".join(shown)


def _goal_words(result: TargetResult, lang: str) -> str:
    """The goal inside a sentence: a rule in words ("mỗi năm tăng 20 điểm phần trăm"), a
    threshold with its sign ("≤ 5")."""
    rule = result.target.spec.rule()
    if rule is not None and rule[0] == "trend_rule":
        step = decimal_text(rule[1]["step"] / 100, 0, lang, scale=2)
        return label("doc.trend_goal", lang, step=step)
    return shown_target(result.target, lang)


def _goal(result: TargetResult, lang: str) -> str:
    """The goal inside a sentence: its figure without the sign when a gap is said ("95,0%")."""
    threshold = result.threshold
    if threshold is None:
        return shown_target(result.target, lang)
    return present_threshold(result.target.spec, threshold)[1].text(lang)


def levels_missed(result: TargetResult, lang: str) -> str:
    """For a target with a goal per level (a yearly step): where it is not met, and against
    what (", chưa đạt ở cấp xã 53,3% so với mức 65,1%"); empty otherwise."""
    missed = [g for g in result.levels if g.status is TargetStatus.MISSED]
    if not missed:
        return ""
    levels = ", ".join(
        label(
            "doc.level_item",
            lang,
            level=group_label(g.by, lang).lower(),
            value=shown_value(result, g.value, lang, g.target_value),
            goal=shown_target(result.target, lang, g.target_value, True, g.value)
            .removeprefix("≥ ")
            .removeprefix("≤ "),
        )
        for g in missed
    )
    return label("doc.levels_missed", lang, levels=levels)


def _shortfall_item(shortfall: Shortfall, lang: str) -> str:
    result = shortfall.result
    params = {
        "name": result.target.spec.name,
        "value": shown_value(result, result.value, lang),
        "goal": _goal_words(result, lang),
    }
    if shortfall.gap is None:
        return label("doc.item", lang, **params) + levels_missed(result, lang)
    params["goal"] = _goal(result, lang)
    over = result.threshold is not None and result.threshold.op in ("<=", "<")
    key = "doc.item_gap_over" if over else "doc.item_gap"
    return label(key, lang, gap=gap_points(shortfall, lang), **params)


def _change_item(change: Change, lang: str) -> str:
    result = change.result
    moved, _ = change_points(change, lang)
    key = "doc.change_up" if change.delta > 0 else "doc.change_down"
    return label(
        key,
        lang,
        name=result.target.spec.name,
        delta=moved,
        before=shown_value(change.previous, change.previous.value, lang),
        after=shown_value(result, result.value, lang),
    )


def overview(content: ReportContent, lang: str) -> str:
    highlights = content.highlights
    period = content.period
    counts = [
        label(f"doc.count_{status.value}", lang, n=highlights.counts[status])
        for status in STATUS_ORDER
        if highlights.counts[status] or status is TargetStatus.MET
    ]
    return label(
        "doc.overview",
        lang,
        period=period_words(period, lang),
        start=f"{period.start:%d/%m/%Y}",
        end=f"{period.end:%d/%m/%Y}",
        as_of=f"{period.as_of:%d/%m/%Y}",
        total=highlights.total,
        counts=", ".join(counts),
    )


def shortfalls(highlights: Highlights, lang: str) -> list[str]:
    missed = [s for s in highlights.shortfalls if s.result.status is TargetStatus.MISSED]
    close = [s for s in highlights.shortfalls if s.result.status is TargetStatus.WARNING]
    said = []
    if missed:
        items = [_shortfall_item(s, lang) for s in missed]
        said.append(label("doc.missed_lead", lang, items=_joined(items, lang)))
    if close:
        items = [_shortfall_item(s, lang) for s in close]
        said.append(label("doc.warning_lead", lang, items=_joined(items, lang)))
    if not said:
        said.append(label("doc.all_met", lang))
    return said


def notable_changes(highlights: Highlights) -> list[Change]:
    """The rates that moved by at least half a point, the largest move first."""
    moved = [c for c in highlights.changes if is_rate(c.result) and abs(c.delta) >= NOTABLE_CHANGE]
    return sorted(moved, key=lambda c: -abs(c.delta))


def changes(highlights: Highlights, lang: str) -> str | None:
    """The changes since the previous period of the same length: the notable ones, and why
    the dossier targets are not compared when either period lacks months of dossiers."""
    before = highlights.previous
    if before is None:
        return None
    period = period_words(before, lang)
    said = []
    if highlights.current_incomplete:
        months = month_list(highlights.current_incomplete, lang)
        said.append(label("doc.change_missing_now", lang, period=period, months=months))
    elif highlights.previous_incomplete:
        if len(highlights.previous_incomplete) == len(before.months()):
            said.append(label("doc.change_none_before", lang, period=period))
        else:
            months = month_list(highlights.previous_incomplete, lang)
            said.append(label("doc.change_missing", lang, period=period, months=months))
    moved = notable_changes(highlights)
    if moved:
        items = _joined([_change_item(c, lang) for c in moved], lang)
        key = "doc.change_lead_others" if said else "doc.change_lead"
        said.append(label(key, lang, period=period, items=items))
    elif highlights.changes and not said:
        said.append(label("doc.change_none", lang, period=period))
    return " ".join(said) or None


def lagging_units(content: ReportContent, lang: str) -> str | None:
    """The units below the goal on the first key dossier target, the lowest first."""
    highlights = content.highlights
    if not highlights.key_targets or not highlights.ranking:
        return None
    first = highlights.key_targets[0]
    by_agency = {r.target.id: r for r in content.by_agency.targets}.get(first.target.id)
    if by_agency is None:
        return None
    below = [
        g
        for g in by_agency.groups
        if g.status in (TargetStatus.MISSED, TargetStatus.WARNING) and g.value is not None
    ]
    below.sort(key=lambda g: g.value or 0.0)
    name = in_sentence(first.target.spec.name)
    goal = _goal(first, lang)
    if not below:
        return label("doc.units_all_met", lang, target=name, goal=goal)
    items = [
        label(
            "doc.unit_item",
            lang,
            unit=str(next(iter(g.by.values()), "")),
            value=shown_value(first, g.value, lang),
            n=whole(int(g.denominator or 0), lang),
        )
        for g in below
    ]
    items_text = _joined(items, lang, "doc.more_units")
    return label("doc.units_lag", lang, target=name, goal=goal, items=items_text)


def data_quality(content: ReportContent, lang: str) -> str:
    loaded = content.loaded
    files = len({Path(a.path).name for a in loaded.accounts})
    duplicates = (
        label("doc.duplicates", lang, n=whole(loaded.duplicates, lang)) if loaded.duplicates else ""
    )
    said = label(
        "doc.data",
        lang,
        files=whole(files, lang),
        valid=whole(sum(a.rows_valid for a in loaded.accounts), lang),
        rejected=whole(loaded.rows_rejected, lang),
        duplicates=duplicates,
    )
    for covered in coverage_of(loaded.tables, content.period):
        if covered.dataset == "dossiers" and covered.missing:
            months = month_list(list(covered.missing), lang)
            said += " " + label("doc.coverage_gap", lang, months=months)
    return said


def paragraphs(content: ReportContent, lang: str) -> list[str]:
    """The báo cáo's text, paragraph by paragraph, before its table."""
    said = [overview(content, lang), *shortfalls(content.highlights, lang)]
    for optional in (changes(content.highlights, lang), lagging_units(content, lang)):
        if optional:
            said.append(optional)
    said.append(data_quality(content, lang))
    said.append(label("doc.table_lead", lang))
    return said


def score_points(value: float, lang: str) -> str:
    """766 points with two decimals, as the portal writes them ("18,97")."""
    return decimal_text(value, 2, lang)


def level_words(level: str, lang: str) -> str:
    """A unit's level inside a sentence ("cấp huyện", "district level")."""
    words = label(f"level_{level}", lang)
    return words[:1].lower() + words[1:]


def score_unscored(no_data: float, not_scored: float, level: str, lang: str) -> list[str]:
    """The points the scorecard cannot give yet (of the whole, or of a group): without data,
    and not scored at the unit's level; nothing said for none."""
    parts = []
    if no_data > POINTS_SHOWN:
        parts.append(label("doc.score_no_data", lang, points=count(no_data, lang)))
    if not_scored > POINTS_SHOWN:
        words = level_words(level, lang)
        parts.append(
            label("doc.score_not_scored", lang, points=count(not_scored, lang), level=words)
        )
    return parts


def indicators_losing(result: ScoreResult) -> list[IndicatorScore]:
    """The scored indicators below their maximum, the most points lost first (the
    scorecard's order among equals)."""
    losing = [s for s in result.indicators if (s.within_reach or 0.0) >= POINTS_SHOWN]
    return sorted(losing, key=lambda s: -(s.within_reach or 0.0))


def costly_rows(result: ScoreResult) -> list[LostRow]:
    """The dossiers that cost points, of the indicators that lost some: a threshold
    indicator at its maximum lost nothing, whatever rows it counts against."""
    losing = {s.indicator.spec.code for s in indicators_losing(result)}
    return [row for row in result.lost if row.indicator in losing]


def at_risk_until(result: ScoreResult) -> date:
    """The last due date of the dossiers listed as about to turn late (the data's as_of and
    the days ahead the scorecard was computed with)."""
    return result.period.as_of + timedelta(days=result.at_risk_days)


def score_paragraph(result: ScoreResult, lang: str) -> str:
    """The báo cáo's 766 sentence: the points of the indicators computed, those losing the
    most, the dossiers that cost points (counted, whatever the rows listed) and those about
    to; said outright when the data let no indicator be scored (no data is not zero)."""
    if not result.scored_max:
        period = period_words(result.period, lang)
        return label("doc.score_none", lang, period=period, version=result.scorecard.id)
    unscored = score_unscored(result.no_data_max, result.not_scored_max, result.level, lang)
    rest = (
        label("doc.score_rest", lang, max=count(result.max_points, lang), parts=", ".join(unscored))
        if unscored
        else ""
    )
    said = label(
        "doc.score_total",
        lang,
        period=period_words(result.period, lang),
        version=result.scorecard.id,
        points=score_points(result.points, lang),
        scored=count(result.scored_max, lang),
        rest=rest,
    )
    losing = indicators_losing(result)
    if losing:
        items = [
            label(
                "doc.score_lost_item",
                lang,
                code=s.indicator.spec.code,
                name=s.indicator.spec.name,
                points=score_points(s.within_reach or 0.0, lang),
            )
            for s in losing[:MOST_LOST]
        ]
        # ", " between items: a name may hold a comma, but never a quotation mark
        said += label("doc.score_lost", lang, items=", ".join(items))
    losing_codes = {s.indicator.spec.code for s in losing}
    for score in result.indicators:
        code = score.indicator.spec.code
        # a threshold indicator at its maximum lost nothing, whatever rows it counts against
        reasons = result.lost_reasons.get(code, {}) if code in losing_codes else {}
        late = sum(n for reason, n in reasons.items() if reason in LATE_REASONS)
        unsatisfied = reasons.get("unsatisfied", 0)
        if late:
            said += label("doc.score_late", lang, n=whole(late, lang), code=code)
        if unsatisfied:
            said += label("doc.score_unsatisfied", lang, n=whole(unsatisfied, lang), code=code)
    days = result.at_risk_days
    soon = result.at_risk_count
    if soon:
        until = f"{at_risk_until(result):%d/%m/%Y}"
        said += label("doc.score_at_risk", lang, n=whole(soon, lang), days=days, until=until)
    else:
        said += label("doc.score_none_at_risk", lang, days=days)
    return said + "."
