"""Period membership (D6) and the on-time rule (D7, the 766 rule), vectorised over dossiers.

The programme's targets compare by calendar date (D7). The 766 scorecard (issue 16) judges with
the same rule and its own readings of the points the national description leaves open
(`OnTimeRule`: withdrawn dossiers, a supplement requested after the due date, timestamps).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pandas as pd

from cchc_cli.rules import due_dates, end_dates
from cchc_cli.targets.per_table import per_table
from cchc_cli.targets.periods import Period


class Timeliness(StrEnum):
    """How a dossier handled in the period stands against its due date."""

    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"
    OPEN_IN_TIME = "open_in_time"
    OPEN_OVERDUE = "open_overdue"
    NOT_APPLICABLE = "not_applicable"


NEVER_RECEIVED = ("NEW", "NOT_ACCEPTED")


@dataclass(frozen=True)
class OnTimeRule:
    """How the on-time rule reads the points its sources leave open. The default is D7.

    - withdrawn: "excluded" (D7 rule 1: in no rate) or "ended" (766 description, 2.1 step 1:
      "Công dân yêu cầu rút hồ sơ" is an end state of a received dossier, judged by its end
      date against the due date; ended the day it was received when the export gives it no
      end date).
    - supplement_after_due: an open dossier waiting for one supplement requested after its due
      date is "overdue" (D7 rule 4, what the 766 description implies) or "in_time".
    - compare: "date" (D7, vendors' CONVERT(DATE, …)) or "timestamp" (the description compares
      "thời gian"; a due date written without a time lasts to the end of its day).
    """

    withdrawn: str = "excluded"
    supplement_after_due: str = "overdue"
    compare: str = "date"


PROGRAMME_RULE = OnTimeRule()


def received_dates(table: pd.DataFrame | None) -> pd.Series:
    """Received dates of the dossiers that really were received (not NEW or NOT_ACCEPTED, D6)."""
    if table is None or "received_at" not in table:
        return pd.Series([], dtype="datetime64[s]")
    counted = ~_status_is(table, *NEVER_RECEIVED)
    return table.loc[counted, "received_at"].dropna()


def _days(values: pd.Series | None, length: int, unit: str = "D") -> np.ndarray:
    if values is None:
        return np.full(length, np.datetime64("NaT"), dtype=f"datetime64[{unit}]")
    return values.to_numpy(dtype="datetime64[s]").astype(f"datetime64[{unit}]")


def _column(table: pd.DataFrame, name: str) -> pd.Series | None:
    return table.get(name, None)


def _status_is(table: pd.DataFrame, *codes: str) -> np.ndarray:
    if "status" not in table:
        return np.zeros(len(table), dtype=bool)
    status = table["status"]
    if isinstance(status.dtype, pd.CategoricalDtype):
        # on the category codes: hashing a million labels costs 25 ms a question
        member = np.append(status.cat.categories.isin(codes), False)
        return member[status.cat.codes.to_numpy()]
    return status.isin(codes).to_numpy(dtype=bool)


@dataclass
class DossierView:
    """Per-dossier facts for one period: membership masks and timeliness."""

    received_in: np.ndarray
    ended_in: np.ndarray
    handled_in: np.ndarray
    carried_over: np.ndarray
    is_open: np.ndarray
    timeliness: pd.Series
    # withdrawn dossiers the rule ended on the day they were received (no end date recorded):
    # ended for the on-time rule, no result for anything else
    undated_withdrawal: np.ndarray | None = None

    def population(self, name: str) -> np.ndarray:
        """The mask of a population named in targets.yaml."""
        return {
            "received": self.received_in,
            "ended": self.ended_in,
            "handled": self.handled_in,
        }[name]


@dataclass(frozen=True)
class DossierTiming:
    """What every period's classification reads from the table, by calendar date."""

    received: np.ndarray
    end: np.ndarray
    due: np.ndarray
    requested_day: np.ndarray
    effective: np.ndarray
    supplements: np.ndarray
    never_received: np.ndarray
    waiting_status: np.ndarray
    withdrawn: np.ndarray


@per_table
def _facts(table: pd.DataFrame) -> DossierTiming:
    return _facts_in(table, "D")


@per_table
def _facts_timestamps(table: pd.DataFrame) -> DossierTiming:
    return _facts_in(table, "s")


def _due(table: pd.DataFrame, n: int, unit: str) -> np.ndarray:
    """Due dates; by time of day, a due date written without a time lasts to its day's end
    (NgayHenTra is a day the office promised, not its midnight)."""
    due = _days(due_dates(table), n, unit)
    if unit == "D":
        return due
    day = np.timedelta64(1, "D")
    midnight = ~np.isnat(due) & (due.astype("datetime64[D]") == due)
    return np.where(midnight, due + day - np.timedelta64(1, "s"), due)


def _facts_in(table: pd.DataFrame, unit: str) -> DossierTiming:
    n = len(table)
    end = _days(end_dates(table), n, unit)
    # D7 rule 3: the time the citizen took to supply documents does not count.
    requested_day = _days(_column(table, "supplement_requested_at"), n, unit)
    supplied_day = _days(_column(table, "supplement_received_at"), n, unit)
    both = ~np.isnat(requested_day) & ~np.isnat(supplied_day)
    zero = np.timedelta64(0, unit)
    pause = np.where(both, supplied_day - requested_day, zero)
    # A supply date before the request is a data error: it must not add time.
    pause = np.maximum(pause, zero)
    supplements = (
        table["supplement_count"].fillna(0).to_numpy(dtype="int64")
        if "supplement_count" in table
        else np.zeros(n, dtype="int64")
    )
    return DossierTiming(
        received=_days(_column(table, "received_at"), n, unit),
        end=end,
        due=_due(table, n, unit),
        requested_day=requested_day,
        effective=end - pause,
        supplements=supplements,
        never_received=_status_is(table, *NEVER_RECEIVED),
        waiting_status=_status_is(table, "SUPPLEMENT_REQUESTED"),
        withdrawn=_status_is(table, "WITHDRAWN"),
    )


def timing(table: pd.DataFrame) -> DossierTiming:
    """What every period's classification reads from a dossier table (due dates as calendar
    days, supplement requests, waiting status…), worked out once per table."""
    return _facts(table)


def classify(table: pd.DataFrame, period: Period, rule: OnTimeRule = PROGRAMME_RULE) -> DossierView:
    """Membership in `period` and timeliness judged at `period.as_of` for every dossier."""
    if rule.compare == "timestamp":
        facts = _facts_timestamps(table)
        # a period's days run to their last second
        start = np.datetime64(period.start, "s")
        stop = np.datetime64(period.end, "D") + np.timedelta64(1, "D") - np.timedelta64(1, "s")
        as_of = np.datetime64(period.as_of, "D") + np.timedelta64(1, "D") - np.timedelta64(1, "s")
        judged_at = as_of  # the end of as_of's day, as a due date without a time
    else:
        facts = _facts(table)
        start = np.datetime64(period.start, "D")
        stop = np.datetime64(period.end, "D")
        as_of = np.datetime64(period.as_of, "D")
        judged_at = as_of
    received, end, due = facts.received, facts.end, facts.due
    requested_day, effective, supplements = facts.requested_day, facts.effective, facts.supplements
    undated = None
    if rule.withdrawn == "ended":
        # 766 description 2.1 step 1: a withdrawal ends a received dossier. An export that gives
        # it no end date: it ended the day it was received (never carried into later periods)
        undated = facts.withdrawn & np.isnat(end)
        end = np.where(undated, received, end)
        effective = np.where(undated, received, effective)

    # Judged with what was known at as_of: a dossier received after it does not count yet.
    counted = ~facts.never_received & ~(received > as_of)
    has_end = ~np.isnat(end)
    is_open = ~has_end | (end > as_of)
    received_in = counted & (received >= start) & (received <= stop)
    ended_in = counted & ~is_open & (end >= start) & (end <= stop)
    # Carried over: received before P and not ended before P's start (D6).
    carried_over = counted & (received < start) & ~(has_end & (end < start))
    handled_in = received_in | carried_over

    waiting = facts.waiting_status & ~np.isnat(requested_day) & ~(requested_day > as_of)
    not_applicable = np.isnat(due)
    if rule.withdrawn != "ended":
        not_applicable = not_applicable | facts.withdrawn  # D7 rule 1
    pending_late = Timeliness.OPEN_OVERDUE
    if rule.supplement_after_due == "in_time":
        pending_late = Timeliness.OPEN_IN_TIME

    conditions = [
        not_applicable,  # rule 1
        (supplements > 1) & ~is_open,  # rule 2
        (supplements > 1) & is_open,
        ~is_open & (effective < due),  # rule 3
        ~is_open & (effective == due),
        ~is_open & (effective > due),
        is_open & waiting & (requested_day <= due),  # rule 4
        is_open & waiting,  # requested after the due date: the rule's reading
        is_open & (judged_at <= due),  # rule 5
        is_open,
    ]
    choices = [
        Timeliness.NOT_APPLICABLE,
        Timeliness.LATE,
        Timeliness.OPEN_OVERDUE,
        Timeliness.EARLY,
        Timeliness.ON_TIME,
        Timeliness.LATE,
        Timeliness.OPEN_IN_TIME,
        pending_late,
        Timeliness.OPEN_IN_TIME,
        Timeliness.OPEN_OVERDUE,
    ]
    categories = [t.value for t in Timeliness]
    codes = np.select(
        conditions,
        [categories.index(c.value) for c in choices],
        default=categories.index(Timeliness.NOT_APPLICABLE.value),
    )
    timeliness = pd.Series(
        pd.Categorical.from_codes(codes, categories=categories), index=table.index
    )
    return DossierView(
        received_in, ended_in, handled_in, carried_over, is_open, timeliness, undated
    )
