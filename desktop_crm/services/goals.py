"""The goal tree (目标树): goals with numeric targets (数字目标) and action targets (行动目标).

Kinds go from coarse to fine: year → quarter → month → week → day → event. A child goal is of a strictly
finer kind than its parent and its period lies within the parent's. Periods are half-open [start, end).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import ValidationError
from ..models import Client, Goal, GoalAction, GoalClient, GoalTarget, User, now
from ..models.enums import GOAL_KINDS
from .common import (
    MAX_CENTS,
    fk_id,
    get_record,
    long_text,
    optional_date,
    optional_text,
    require_date,
    require_enum,
    require_int,
    require_text,
    transactional,
)
from .deals import UNSET, Unset, alive_client

GoalRef = int | Goal
TargetRef = int | GoalTarget
ActionRef = int | GoalAction
UserRef = int | User
TARGET_UNITS = ("count", "cents")
KIND_RANK = {kind: rank for rank, kind in enumerate(GOAL_KINDS)}


def _kind(value: Any) -> str:
    return require_enum(value, GOAL_KINDS, "kind", "Kind")


def _check_nesting(kind: str, start: date, end: date, parent: Goal | None, children: list[Goal]) -> None:
    """Refuse an end not after the start, a kind not finer than the parent's or not coarser than a
    child's, and a period that leaves the parent's or cuts a child's."""
    if end <= start:
        raise ValidationError("End date must be after the start date.", "period_end")
    if parent is not None:
        if KIND_RANK[kind] <= KIND_RANK[parent.kind]:
            raise ValidationError(
                f"Kind: a {kind} goal cannot be part of a {parent.kind} goal (it must be a finer kind).",
                "kind",
            )
        if start < parent.period_start or end > parent.period_end:
            raise ValidationError(
                f"Period: it must lie within the parent goal's period "
                f"({parent.period_start.isoformat()} to {parent.period_end.isoformat()}).",
                "period_start",
            )
    for child in children:
        if KIND_RANK[child.kind] <= KIND_RANK[kind]:
            raise ValidationError(f"Kind: a {kind} goal cannot contain its {child.kind} goals.", "kind")
        if child.period_start < start or child.period_end > end:
            raise ValidationError(f'Period: it must still contain sub-goal "{child.title}".', "period_start")


@transactional
def create_goal(
    kind: str,
    title: str,
    period_start: date | str,
    period_end: date | str,
    user_id: UserRef | None = None,
    parent_id: GoalRef | None = None,
    qualitative: bool = False,
    notes: str = "",
) -> Goal:
    """Create a goal (``user_id`` None = a team goal). A child inherits its parent's user unless given;
    a child of a user's goal belongs to the same user."""
    kind = _kind(kind)
    title = require_text(title, "title", "Title", 300)
    start = require_date(period_start, "period_start", "Start date")
    end = require_date(period_end, "period_end", "End date")
    parent = get_record(Goal, parent_id, "Parent goal") if parent_id is not None else None
    user = get_record(User, user_id, "User") if user_id is not None else None
    if parent is not None:
        if user is None:
            user = parent.user
        elif fk_id(parent, "user") not in (None, user.id):
            raise ValidationError(
                "User: a sub-goal belongs to the same person as its parent goal.", "user_id"
            )
    _check_nesting(kind, start, end, parent, [])
    return Goal.create(
        kind=kind,
        title=title,
        period_start=start,
        period_end=end,
        user=user,
        parent=parent,
        qualitative=bool(qualitative),
        notes=long_text(notes, "notes", "Notes"),
    )


@transactional
def update_goal(
    goal_id: GoalRef,
    *,
    kind: str | Unset = UNSET,
    title: str | Unset = UNSET,
    period_start: date | str | Unset = UNSET,
    period_end: date | str | Unset = UNSET,
    qualitative: bool | Unset = UNSET,
    notes: str | Unset = UNSET,
) -> Goal:
    goal = get_record(Goal, goal_id, "Goal")
    new_kind = goal.kind if isinstance(kind, Unset) else _kind(kind)
    start = (
        goal.period_start
        if isinstance(period_start, Unset)
        else require_date(period_start, "period_start", "Start date")
    )
    end = (
        goal.period_end
        if isinstance(period_end, Unset)
        else require_date(period_end, "period_end", "End date")
    )
    _check_nesting(new_kind, start, end, goal.parent, list(Goal.select().where(Goal.parent == goal)))
    if not isinstance(qualitative, Unset):
        if qualitative and GoalTarget.select().where(GoalTarget.goal == goal).exists():
            raise ValidationError(
                "Qualitative: this goal has numeric targets; delete them first.", "qualitative"
            )
        goal.qualitative = bool(qualitative)
    if not isinstance(title, Unset):
        goal.title = require_text(title, "title", "Title", 300)
    if not isinstance(notes, Unset):
        goal.notes = long_text(notes, "notes", "Notes")
    goal.kind, goal.period_start, goal.period_end = new_kind, start, end
    goal.save()
    return goal


@transactional
def delete_goal(goal_id: GoalRef) -> None:
    """Delete a goal with its sub-goals, targets, actions and client links."""
    get_record(Goal, goal_id, "Goal").delete_instance()


# --- numeric targets ---------------------------------------------------------------------------------


def _target_value(value: Any, field_name: str, label: str) -> int:
    return require_int(value, field_name, label, 0, MAX_CENTS)


@transactional
def add_target(
    goal_id: GoalRef, label: str, target_value: int, unit: str = "count", metric: str = ""
) -> GoalTarget:
    """A numeric target: a KPI key (``metric``) or a free label, and the value to reach."""
    goal = get_record(Goal, goal_id, "Goal")
    if goal.qualitative:
        raise ValidationError("This goal is qualitative; it has no numeric targets.", "goal_id")
    label = optional_text(label, "label", "Label")
    metric = optional_text(metric, "metric", "Metric", 50)
    if not label and not metric:
        raise ValidationError("Label is required.", "label")
    return GoalTarget.create(
        goal=goal,
        label=label,
        metric=metric,
        unit=require_enum(unit, TARGET_UNITS, "unit", "Unit"),
        target_value=_target_value(target_value, "target_value", "Target value"),
    )


@transactional
def update_target(
    target_id: TargetRef,
    *,
    label: str | Unset = UNSET,
    target_value: int | Unset = UNSET,
    unit: str | Unset = UNSET,
    metric: str | Unset = UNSET,
    actual_value: int | None | Unset = UNSET,
) -> GoalTarget:
    """Change the given fields; ``actual_value`` is the manual result of a free target (None clears it)."""
    target = get_record(GoalTarget, target_id, "Target")
    if not isinstance(label, Unset):
        target.label = optional_text(label, "label", "Label")
    if not isinstance(metric, Unset):
        target.metric = optional_text(metric, "metric", "Metric", 50)
    if not target.label and not target.metric:
        raise ValidationError("Label is required.", "label")
    if not isinstance(target_value, Unset):
        target.target_value = _target_value(target_value, "target_value", "Target value")
    if not isinstance(unit, Unset):
        target.unit = require_enum(unit, TARGET_UNITS, "unit", "Unit")
    if not isinstance(actual_value, Unset):
        target.actual_value = (
            None if actual_value is None else _target_value(actual_value, "actual_value", "Actual value")
        )
    target.save()
    return target


@transactional
def delete_target(target_id: TargetRef) -> None:
    get_record(GoalTarget, target_id, "Target").delete_instance()


# --- action targets ----------------------------------------------------------------------------------


@transactional
def add_action(
    goal_id: GoalRef, title: str, category: str = "keep_in_touch", due_date: date | str | None = None
) -> GoalAction:
    """An action target; ``category`` is a plan type or a free word; the due date lies in the goal's period."""
    goal = get_record(Goal, goal_id, "Goal")
    due = optional_date(due_date, "due_date", "Due date")
    if due is not None and not goal.period_start <= due < goal.period_end:
        raise ValidationError("Due date: it must lie within the goal's period.", "due_date")
    return GoalAction.create(
        goal=goal,
        title=require_text(title, "title", "Title", 300),
        category=require_text(category, "category", "Category", 30),
        due_date=due,
    )


@transactional
def set_action_done(action_id: ActionRef, done: bool) -> GoalAction:
    action = get_record(GoalAction, action_id, "Action")
    if bool(done) != action.done:
        action.done = bool(done)
        action.done_at = now() if done else None
        action.save()
    return action


@transactional
def delete_action(action_id: ActionRef) -> None:
    get_record(GoalAction, action_id, "Action").delete_instance()


# --- linked clients ----------------------------------------------------------------------------------


@transactional
def link_client(goal_id: GoalRef, client_id: int | Client) -> GoalClient:
    """Link a client to a goal (linking twice keeps one link)."""
    goal = get_record(Goal, goal_id, "Goal")
    client = alive_client(client_id)
    link = GoalClient.get_or_none((GoalClient.goal == goal) & (GoalClient.client == client))
    return link if link is not None else GoalClient.create(goal=goal, client=client)


@transactional
def unlink_client(goal_id: GoalRef, client_id: int | Client) -> bool:
    """Remove the link; returns whether there was one."""
    goal = get_record(Goal, goal_id, "Goal")
    client = get_record(Client, client_id, "Client", include_deleted=True)
    deleted = GoalClient.delete().where((GoalClient.goal == goal) & (GoalClient.client == client)).execute()
    return bool(deleted)


# --- the tree ----------------------------------------------------------------------------------------


@dataclass
class GoalNode:
    goal: Goal
    targets: list[GoalTarget] = field(default_factory=list)
    actions: list[GoalAction] = field(default_factory=list)
    clients: list[Client] = field(default_factory=list)  # linked clients that are not deleted
    children: list[GoalNode] = field(default_factory=list)


def goal_tree(user_id: UserRef | None = None, root_kind: str = "year") -> list[GoalNode]:
    """The goals of kind ``root_kind`` of one user (``None``: the team goals), each with its whole
    subtree (sub-goals of any user), targets, actions and linked clients; ordered by period."""
    root_kind = _kind(root_kind)
    user = get_record(User, user_id, "User") if user_id is not None else None
    goals = list(Goal.select().order_by(Goal.period_start, Goal.id))
    by_parent: dict[int | None, list[Goal]] = {}
    for goal in goals:
        by_parent.setdefault(fk_id(goal, "parent"), []).append(goal)
    owner_id = user.id if user is not None else None
    roots = [g for g in goals if g.kind == root_kind and fk_id(g, "user") == owner_id]
    nodes: dict[int, GoalNode] = {}

    def build(goal: Goal) -> GoalNode:
        node = nodes[goal.id] = GoalNode(goal)
        children = sorted(by_parent.get(goal.id, []), key=lambda g: (g.period_start, KIND_RANK[g.kind], g.id))
        node.children = [build(child) for child in children]
        return node

    tree = [build(root) for root in roots]
    ids = list(nodes)
    for target in GoalTarget.select().where(GoalTarget.goal.in_(ids)).order_by(GoalTarget.id):
        nodes[fk_id(target, "goal")].targets.append(target)
    actions = GoalAction.select().where(GoalAction.goal.in_(ids)).order_by(GoalAction.due_date, GoalAction.id)
    for action in actions:
        nodes[fk_id(action, "goal")].actions.append(action)
    links = (
        GoalClient.select(GoalClient, Client)
        .join(Client)
        .where(GoalClient.goal.in_(ids) & Client.deleted_at.is_null())
        .order_by(Client.name, Client.id)
    )
    for link in links:
        nodes[fk_id(link, "goal")].clients.append(link.client)
    return tree
