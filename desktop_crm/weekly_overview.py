"""The supervisor's view of the weekly forms: whose form is missing, draft, submitted, returned or scored
this week, and each person's monthly behaviour score (月度周行为分, the KPI ``behaviour_score``: the mean
of the scored weekly forms whose week's Thursday falls in the month)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from peewee import JOIN

from . import kpi_summary, team
from .kpi import Period, period_containing
from .models import User, WeeklyForm, WeeklyScore
from .services.weekly import week_dates

OVERVIEW_STATUSES = ("missing", "draft", "submitted", "returned", "scored")


@dataclass(frozen=True)
class TeamWeekRow:
    user_id: int
    name: str
    status: str  # one of OVERVIEW_STATUSES
    form_id: int | None
    score: float | None
    submitted_at: datetime | None


@dataclass(frozen=True)
class BehaviourScores:
    months: list[Period]  # oldest first
    rows: list[tuple[int, str, list[float | None]]]  # (user id, name, one score per month)


def _salespeople(viewer_id: int | None) -> list[tuple[int, str]]:
    """The active people ``viewer_id`` reviews: the visible users other than the viewer (or the viewer
    alone, for a salesperson)."""
    ids = team.visible_user_ids(viewer_id)
    others = [u for u in ids if u != viewer_id] or ids
    query: Any = User.select(User.id, User.name).where(User.id.in_(others) & (User.active == True))  # noqa: E712
    names = {user_id: name for user_id, name in query.tuples()}
    return [(u, names[u]) for u in others if u in names]


def team_week_overview(viewer_id: int | None, iso_year: int, iso_week: int) -> list[TeamWeekRow]:
    """For each person the viewer sees: the status of their form of that ISO week, score, submitted."""
    week_dates(iso_year, iso_week)
    people = _salespeople(viewer_id)
    query: Any = (
        WeeklyForm.select(
            WeeklyForm.user, WeeklyForm.id, WeeklyForm.status, WeeklyForm.submitted_at, WeeklyScore.score
        )
        .join(WeeklyScore, on=(WeeklyScore.form == WeeklyForm.id), join_type=JOIN.LEFT_OUTER)
        .where(
            (WeeklyForm.iso_year == iso_year)
            & (WeeklyForm.iso_week == iso_week)
            & WeeklyForm.user.in_([u for u, _n in people])
        )
    )
    forms = {
        user_id: (form_id, status, submitted, score)
        for user_id, form_id, status, submitted, score in query.tuples()
    }
    rows = []
    for user_id, name in people:
        form_id, status, submitted, score = forms.get(user_id, (None, "missing", None, None))
        rows.append(
            TeamWeekRow(user_id, name, status, form_id, None if score is None else float(score), submitted)
        )
    return rows


def last_months(today: date, count: int = 6) -> list[Period]:
    """The ``count`` calendar months up to the one holding ``today``, oldest first."""
    month = period_containing("month", today)
    months = [month]
    for _ in range(count - 1):
        months.insert(0, months[0].previous())
    return months


def behaviour_scores(viewer_id: int | None, months: list[Period]) -> BehaviourScores:
    """The monthly behaviour score of each person the viewer sees, per month (None: no scored form): the
    KPI module's value, read for everyone in one batch (``kpi_summary.values_by_person``; the full
    computation per person took 0.2 s each on the large demo)."""
    people = _salespeople(viewer_id)
    values = kpi_summary.values_by_person(months, [u for u, _n in people], ["behaviour_score"])
    rows = []
    for user_id, name in people:
        scores = [values[user_id][m]["behaviour_score"] for m in months]
        rows.append((user_id, name, [None if s is None else float(s) for s in scores]))
    return BehaviourScores(list(months), rows)


def form_people(viewer_id: int | None) -> list[tuple[int, str]]:
    """Whose forms ``viewer_id`` can open: themselves first, then the people they see (active ones)."""
    ids = team.visible_user_ids(viewer_id)
    query: Any = User.select(User.id, User.name).where(User.id.in_(ids) & (User.active == True))  # noqa: E712
    names = {user_id: name for user_id, name in query.tuples()}
    return [(u, names[u]) for u in ids if u in names]


def is_large_database(follow_ups: int = 50_000) -> bool:
    """Whether the week's KPI facts may take long enough to belong off the GUI thread."""
    from .models import FollowUp

    return bool(FollowUp.select(FollowUp.id).limit(1).offset(follow_ups).exists())


def showcase_review() -> tuple[int, int, int, int] | None:
    """(salesperson id, supervisor id, ISO year, ISO week) of the latest scored form that has annotations
    and whose author has a supervisor: the reviewed form the screenshots show."""
    from peewee import fn

    from .models import Annotation

    query: Any = (
        WeeklyForm.select(WeeklyForm.user, User.supervisor, WeeklyForm.iso_year, WeeklyForm.iso_week)
        .join(User, on=(WeeklyForm.user == User.id))
        .switch(WeeklyForm)
        .join(Annotation, on=(Annotation.form == WeeklyForm.id))
        .where((WeeklyForm.status == "scored") & User.supervisor.is_null(False))
        .group_by(WeeklyForm.id)
        .order_by(WeeklyForm.iso_year.desc(), WeeklyForm.iso_week.desc(), fn.COUNT(Annotation.id).desc())
        .limit(1)
    )
    row = query.tuples().first()
    return (int(row[0]), int(row[1]), int(row[2]), int(row[3])) if row else None
