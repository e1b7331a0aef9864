"""Read-only queries behind the pages: plain tuples and dataclasses, no Qt.

These belong in ``desktop_crm.services`` once the matching services exist; the pages only call
these functions, so moving them is a one-line change per page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from peewee import JOIN

from desktop_crm import team
from desktop_crm.models import (
    Client,
    Goal,
    GoalAction,
    GoalTarget,
    User,
    WeeklyForm,
    WeeklyScore,
)


def client_count() -> int:
    return Client.alive().count()


def current_user_id() -> int | None:
    """The user this copy works for (see ``desktop_crm.team``)."""
    return team.current_user_id()


def user_name(user_id: int | None) -> str:
    if user_id is None:
        return ""
    user = User.get_or_none(User.id == user_id)
    return user.name if user else ""


@dataclass
class GoalNode:
    kind: str
    title: str
    period_start: date
    period_end: date
    targets: list[tuple[str, str, str, int, int | None]] = field(
        default_factory=list
    )  # metric,label,unit,target,actual
    actions: list[tuple[str, str, date | None, bool]] = field(default_factory=list)  # category,title,due,done
    children: list[GoalNode] = field(default_factory=list)


def goal_tree(
    user_id: int | None, today: date, kinds: tuple[str, ...] = ("year", "quarter", "month")
) -> list[GoalNode]:
    """The user's goals of ``kinds`` whose period contains ``today`` (or team goals when no user)."""
    query = Goal.select().where(
        Goal.kind.in_(kinds) & (Goal.period_start <= today) & (Goal.period_end > today)
    )
    query = query.where(Goal.user.is_null() if user_id is None else Goal.user == user_id)
    goals = list(query.order_by(Goal.period_start, Goal.id))
    if not goals:
        return []
    ids = [g.id for g in goals]
    nodes = {g.id: GoalNode(g.kind, g.title, g.period_start, g.period_end) for g in goals}
    for t in GoalTarget.select().where(GoalTarget.goal.in_(ids)).order_by(GoalTarget.id):
        nodes[t.goal_id].targets.append((t.metric, t.label, t.unit, t.target_value, t.actual_value))
    for a in GoalAction.select().where(GoalAction.goal.in_(ids)).order_by(GoalAction.id):
        nodes[a.goal_id].actions.append((a.category, a.title, a.due_date, a.done))
    order = {kind: i for i, kind in enumerate(kinds)}
    roots: list[GoalNode] = []
    for g in sorted(goals, key=lambda g: (order.get(g.kind, 99), g.period_start, g.id)):
        parent = nodes.get(g.parent_id) if g.parent_id else None
        (parent.children if parent is not None else roots).append(nodes[g.id])
    return roots


def latest_weekly_forms(limit: int = 50) -> list[tuple]:
    """(salesperson, iso_year, iso_week, status, score or None, planned_collection_cents, submitted_at)."""
    query = (
        WeeklyForm.select(
            User.name,
            WeeklyForm.iso_year,
            WeeklyForm.iso_week,
            WeeklyForm.status,
            WeeklyScore.score,
            WeeklyForm.planned_collection_cents,
            WeeklyForm.submitted_at,
        )
        .join(User, on=(WeeklyForm.user == User.id))
        .switch(WeeklyForm)
        .join(WeeklyScore, JOIN.LEFT_OUTER, on=(WeeklyScore.form == WeeklyForm.id))
        .order_by(WeeklyForm.iso_year.desc(), WeeklyForm.iso_week.desc(), User.name)
        .limit(limit)
    )
    return list(query.tuples())


@dataclass
class MonthlyMoney:
    month_start: date
    signed_cents: int
    collected_cents: int


def signed_vs_collected(today: date, months: int = 12) -> list[MonthlyMoney]:
    """The last ``months`` calendar months (this one included) from the KPI module."""
    from desktop_crm.kpi import series

    first = date(today.year, today.month, 1)
    for _ in range(months - 1):
        first = (first - timedelta(days=1)).replace(day=1)
    end = (date(today.year, today.month, 28) + timedelta(days=4)).replace(day=1)
    result = []
    for item in series("month", first, end):
        values = item.values
        signed = int(values.get("signed_amount_cents") or 0)
        collected = int(values.get("collected_amount_cents") or 0)
        result.append(MonthlyMoney(item.period.start, signed, collected))
    return result
