"""What the dashboard shows, gathered in one job for the worker thread: core calls only (no SQL, no Qt).

``load(request)`` returns a :class:`DashboardData`: the cards of the selected period, the chart series
over the range, the open pipeline, goal attainment, monthly behaviour scores and the per-person summary.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, timedelta

from desktop_crm import dashboard, team
from desktop_crm.drill import DrillListing
from desktop_crm.kpi import Period, period_containing, periods_between
from desktop_crm.weekly_form import WeeklyFormView, weekly_form_view
from desktop_crm.weekly_overview import team_week_overview

GRANULARITIES = ("week", "month", "quarter", "year")
REVIEWED_STATUSES = ("submitted", "returned", "scored")


@dataclass(frozen=True)
class DashboardRequest:
    """Charts over the periods of ``kind`` covering ``[start, end)``; cards of ``period``; one person
    (``user_id``) or the team the viewer sees (None)."""

    kind: str
    start: date
    end: date
    period: Period
    user_id: int | None
    viewer_id: int | None


@dataclass
class DashboardData:
    request: DashboardRequest
    periods: list[Period]
    cards: list[dashboard.Card]
    trends: dict[str, list[dashboard.TrendPoint]]
    pipeline: list[dashboard.StageBar]
    attainment: list[dashboard.Attainment]
    behaviour: list[dashboard.BehaviourScore]
    people: list[dashboard.PersonRow]
    forms: list[WeeklyFormView] = field(default_factory=list)


def request_for(
    kind: str, first: date, last: date, user_id: int | None, viewer_id: int | None
) -> DashboardRequest:
    """The periods of ``kind`` from the one holding ``first`` to the one holding ``last``; cards of the last."""
    start = period_containing(kind, first).start
    period = period_containing(kind, max(first, last))
    return DashboardRequest(kind, start, period.end, period, user_id, viewer_id)


def data_stamp() -> tuple[object, ...] | None:
    """Something that changes with every commit to the open database file, read without SQL: size,
    modification time and header of the file and of its write-ahead log (a commit appends to the log or,
    without one, bumps the file's change counter; a checkpoint rewrites the file, a log reset changes its
    header). None when there is no file to look at (then nothing may be reused)."""
    from desktop_crm.models import database

    target = getattr(database.obj, "database", None)
    if not isinstance(target, str) or not target or target == ":memory:" or target.startswith("file:"):
        return None
    parts: list[object] = []
    for path in (target, f"{target}-wal"):
        try:
            status = os.stat(path)
            with open(path, "rb") as file:
                head = file.read(32)
        except OSError:
            if path == target:
                return None
            parts.append(None)
            continue
        parts.append((status.st_size, status.st_mtime_ns, head))
    return tuple(parts)


def people_ids(request: DashboardRequest) -> list[int]:
    if request.user_id is not None:
        return [request.user_id]
    return team.visible_user_ids(request.viewer_id)


def load(request: DashboardRequest, *, with_forms: bool = False) -> DashboardData:
    """Everything the page shows (``with_forms``: also the period's weekly forms, for the review pack)."""
    refreshed = dashboard.refresh(request.period, request.user_id, request.kind, request.start, request.end)
    attainment = dashboard.goal_attainment(request.period, request.viewer_id)
    if request.user_id is not None:
        attainment = [a for a in attainment if a.user_id == request.user_id]
    months_start = period_containing("month", request.start).start
    behaviour = dashboard.behaviour_scores(months_start, request.end, people_ids(request))
    people = dashboard.person_summary(request.period, request.viewer_id)
    data = DashboardData(
        request=request,
        periods=periods_between(request.kind, request.start, request.end),
        cards=refreshed.cards,
        trends=refreshed.trends,
        pipeline=refreshed.pipeline,
        attainment=attainment,
        behaviour=behaviour,
        people=people,
    )
    if with_forms:
        data.forms = weekly_forms(request.period, request.viewer_id, request.user_id)
    return data


def drill(key: str, period: Period, user_id: int | None) -> DrillListing:
    """The records behind ``key`` (``dashboard.drill_listing``) with their first page built, for the
    worker: the dialog then paints at once and builds further pages only as they are scrolled to."""
    listing: DrillListing = dashboard.drill_listing(key, period, user_id)
    listing.prefetch()
    return listing


def weekly_forms(period: Period, viewer_id: int | None, user_id: int | None) -> list[WeeklyFormView]:
    """The handed-in weekly forms (submitted, returned or scored) of the weeks whose Thursday lies in
    ``period``, of one person or everyone the viewer reviews, by week then name."""
    forms = []
    monday = period.start - timedelta(days=period.start.weekday())
    while monday < period.end:
        thursday = monday + timedelta(days=3)
        if period.start <= thursday < period.end:
            iso_year, iso_week, _day = thursday.isocalendar()
            for row in team_week_overview(viewer_id, iso_year, iso_week):
                if row.form_id is None or row.status not in REVIEWED_STATUSES:
                    continue
                if user_id is not None and row.user_id != user_id:
                    continue
                forms.append(weekly_form_view(row.user_id, iso_year, iso_week, with_last_week=False))
        monday += timedelta(days=7)
    return forms
