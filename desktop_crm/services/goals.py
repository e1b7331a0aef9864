"""The goal tree (目标树): goals with numeric targets (数字目标) and action targets (行动目标).

Kinds go from coarse to fine: year → quarter → month → week → day → event. A child goal is of a strictly
finer kind than its parent and its period lies within the parent's. Periods are half-open [start, end).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Generic, TypeVar

from .. import team
from ..errors import NotFoundError, ValidationError
from ..goal_metrics import ADDITIVE, MANUAL, METRIC_UNITS
from ..goal_progress import (
    UNITS,
    SmartWarning,
    excess_warnings,
    smart_check,
    target_unit,
    to_stored,
)
from ..models import Client, Goal, GoalAction, GoalActionClient, GoalClient, GoalTarget, User, now
from ..models.enums import ACTION_CATEGORIES, GOAL_KINDS
from .common import (
    MAX_CENTS,
    check_id,
    fk_id,
    get_record,
    long_text,
    optional_date,
    optional_text,
    require_date,
    require_enum,
    require_int,
    require_list,
    require_text,
    transactional,
)
from .deals import UNSET, Unset, alive_client

GoalRef = int | Goal
TargetRef = int | GoalTarget
ActionRef = int | GoalAction
UserRef = int | User
TARGET_UNITS = UNITS
KIND_RANK = {kind: rank for rank, kind in enumerate(GOAL_KINDS)}
Actor = (
    int | None | Unset
)  # the acting user; UNSET = the working user (team.current_user_id()), None = no check
# The plan types of follow-ups (the old action categories) and the action category each now belongs to.
LEGACY_CATEGORIES = {
    "keep_in_touch": "routine",
    "greeting": "routine",
    "improve_relationship": "special_communication",
    "cultivate_demand": "special_communication",
    "dig_opportunity": "special_communication",
    "beat_competitor": "special_communication",
    "sign_and_collect": "special_communication",
}
R = TypeVar("R")
MAX_WEIGHT = 10**9  # a split weight above this is a typing mistake (and too large to share exactly)


@dataclass
class Saved(Generic[R]):
    """What a save returns: the record and the warnings about it (SMART, sub-goals above the parent):
    shown to the user, never blocking."""

    record: R
    warnings: list[SmartWarning] = field(default_factory=list)


# --- who may do what ---------------------------------------------------------------------------------


def _actor(by: Actor) -> int | None:
    if isinstance(by, Unset):
        return team.current_user_id()
    if by is None:
        return None
    return check_id(by.id if isinstance(by, User) else by, "User", "user_id")


def _owner_of(goal: Goal) -> int | None:
    return fk_id(goal, "user")


def _may_edit(actor: int | None, owner_id: int | None) -> bool:
    """A salesperson edits their own goals; a supervisor the team's and those of the people they see."""
    if actor is None or owner_id == actor:
        return True
    return team.is_supervisor(actor) and (owner_id is None or team.can_see(actor, owner_id))


def _check_edit(by: Actor, owner_id: int | None) -> int | None:
    actor = _actor(by)
    if not _may_edit(actor, owner_id):
        if owner_id is None:
            raise ValidationError("goal.team_needs_supervisor", "user_id")
        raise ValidationError("goal.not_yours", "user_id")
    return actor


def can_edit_goal(goal_id: GoalRef, by: Actor = UNSET) -> bool:
    goal = get_record(Goal, goal_id, "Goal")
    return _may_edit(_actor(by), _owner_of(goal))


def _kind(value: Any) -> str:
    return require_enum(value, GOAL_KINDS, "kind", "Kind")


def _check_nesting(kind: str, start: date, end: date, parent: Goal | None, children: list[Goal]) -> None:
    """Refuse an end not after the start, a kind not finer than the parent's or not coarser than a
    child's, and a period that leaves the parent's or cuts a child's."""
    if end <= start:
        raise ValidationError("goal.end_before_start", "period_end")
    if parent is not None:
        if KIND_RANK[kind] <= KIND_RANK[parent.kind]:
            raise ValidationError(
                "goal.kind_not_finer",
                "kind",
                kind=kind,
                parent_kind=parent.kind,
            )
        if start < parent.period_start or end > parent.period_end:
            raise ValidationError(
                "goal.outside_parent_period",
                "period_start",
                start=parent.period_start.isoformat(),
                end=parent.period_end.isoformat(),
            )
    for child in children:
        if KIND_RANK[child.kind] <= KIND_RANK[kind]:
            raise ValidationError("goal.kind_cannot_contain", "kind", kind=kind, child_kind=child.kind)
        if child.period_start < start or child.period_end > end:
            raise ValidationError("goal.period_loses_child", "period_start", title=child.title)


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
    *,
    by: Actor = UNSET,
) -> Goal:
    """Create a goal (``user_id`` None = a team goal). A child inherits its parent's user unless given;
    a child of a user's goal belongs to the same user. ``by``: the acting user (default: the working
    user): a salesperson creates their own goals, a supervisor also the team's and their people's."""
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
            raise ValidationError("goal.child_other_person", "user_id")
    _check_edit(by, user.id if user is not None else None)
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
    by: Actor = UNSET,
) -> Goal:
    goal = get_record(Goal, goal_id, "Goal")
    _check_edit(by, _owner_of(goal))
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
            raise ValidationError("goal.has_targets", "qualitative")
        goal.qualitative = bool(qualitative)
    if not isinstance(title, Unset):
        goal.title = require_text(title, "title", "Title", 300)
    if not isinstance(notes, Unset):
        goal.notes = long_text(notes, "notes", "Notes")
    goal.kind, goal.period_start, goal.period_end = new_kind, start, end
    goal.save()
    return goal


@transactional
def delete_goal(goal_id: GoalRef, *, by: Actor = UNSET) -> None:
    """Delete a goal with its sub-goals, targets, actions and client links."""
    goal = get_record(Goal, goal_id, "Goal")
    _check_edit(by, _owner_of(goal))
    goal.delete_instance()


def _descendant_ids(goal: Goal) -> set[int]:
    found: set[int] = set()
    pending = [goal.id]
    while pending:
        rows = Goal.select(Goal.id).where(Goal.parent.in_(pending))
        pending = [row.id for row in rows if row.id not in found]
        found.update(pending)
    return found


@transactional
def move_goal(goal_id: GoalRef, parent_id: GoalRef | None, *, by: Actor = UNSET) -> Goal:
    """Put a goal (with its sub-goals) under another parent (None: make it a top goal). The new parent
    must be of a coarser kind, hold the goal's period and belong to the same person or the team."""
    goal = get_record(Goal, goal_id, "Goal")
    actor = _check_edit(by, _owner_of(goal))
    parent = get_record(Goal, parent_id, "Parent goal") if parent_id is not None else None
    if parent is not None:
        if parent.id == goal.id or parent.id in _descendant_ids(goal):
            raise ValidationError("goal.parent_cycle", "parent_id")
        if fk_id(parent, "user") not in (None, _owner_of(goal)):
            raise ValidationError("goal.parent_other_person", "parent_id")
        if not _may_edit(actor, fk_id(parent, "user")) and fk_id(parent, "user") is not None:
            raise ValidationError("goal.not_yours", "parent_id")
        try:
            _check_nesting(goal.kind, goal.period_start, goal.period_end, parent, [])
        except ValidationError as exc:
            raise exc.at("parent_id") from None
    goal.parent = parent
    goal.save()
    return goal


# --- numeric targets ---------------------------------------------------------------------------------


def _metric(value: Any) -> str:
    metric = optional_text(value, "metric", "Metric", 50) or MANUAL
    if metric != MANUAL and metric not in METRIC_UNITS:
        raise ValidationError("goal.unknown_metric", "metric", metric=metric)
    return metric


def _value(value: Any, unit: str, field_name: str, label: str) -> int:
    """A target or actual in its natural unit (cents, counts; a rate as 0.25), stored as an integer."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError("not_a_number", field_name, label=label)
    if isinstance(value, float) and not math.isfinite(value):
        raise ValidationError("not_finite", field_name, label=label)
    if value < 0:
        raise ValidationError("negative", field_name, label=label)
    if value > MAX_CENTS:
        raise ValidationError("too_large", field_name, label=label)
    if unit in ("count", "cents", "minutes") and not float(value).is_integer():
        raise ValidationError("not_whole", field_name, label=label)
    return to_stored(value, unit)


def _target_value(value: Any, field_name: str, label: str) -> int:
    return require_int(value, field_name, label, 0, MAX_CENTS)


def _unit_for(metric: str, unit: Any) -> str:
    if metric != MANUAL:
        return METRIC_UNITS[metric]
    return require_enum(unit, TARGET_UNITS, "unit", "Unit")


@transactional
def add_target(
    goal_id: GoalRef,
    label: str,
    target_value: float,
    unit: str = "count",
    metric: str = "",
    *,
    by: Actor = UNSET,
) -> GoalTarget:
    """A numeric target: a KPI key of ``kpi --json`` (its unit follows the KPI) or ``manual`` (""):
    a labelled target whose actual is entered by hand. The value is in its natural unit (cents,
    counts, a rate as 0.25). Set on someone else's goal by a supervisor, it is an assigned target."""
    goal = get_record(Goal, goal_id, "Goal")
    actor = _check_edit(by, _owner_of(goal))
    if goal.qualitative:
        raise ValidationError("goal.qualitative", "goal_id")
    label = optional_text(label, "label", "Label")
    metric = _metric(metric)
    if metric == MANUAL and not label:
        raise ValidationError("goal.label_required", "label")
    unit = _unit_for(metric, unit)
    return GoalTarget.create(
        goal=goal,
        label=label,
        metric=metric,
        unit=unit,
        target_value=_value(target_value, unit, "target_value", "Target value"),
        assigned_by=actor,
    )


@transactional
def update_target(
    target_id: TargetRef,
    *,
    label: str | Unset = UNSET,
    target_value: float | Unset = UNSET,
    unit: str | Unset = UNSET,
    metric: str | Unset = UNSET,
    actual_value: float | None | Unset = UNSET,
    by: Actor = UNSET,
) -> GoalTarget:
    """Change the given fields; ``actual_value`` is the manual result of a manual target (None clears it).
    The owner cannot change the value of a target assigned by someone else: they propose one."""
    target = get_record(GoalTarget, target_id, "Target")
    goal = target.goal
    owner = _owner_of(goal)
    actor = _check_edit(by, owner)
    if not isinstance(label, Unset):
        target.label = optional_text(label, "label", "Label")
    if not isinstance(metric, Unset):
        target.metric = _metric(metric)
        target.unit = METRIC_UNITS.get(target.metric, target.unit)
    if target.metric == MANUAL and not target.label:
        raise ValidationError("goal.label_required", "label")
    if not isinstance(unit, Unset) and target.metric == MANUAL:
        target.unit = require_enum(unit, TARGET_UNITS, "unit", "Unit")
    unit_now = target_unit(target)
    if not isinstance(target_value, Unset):
        stored = _value(target_value, unit_now, "target_value", "Target value")
        if stored != target.target_value:
            assigned_by = fk_id(target, "assigned_by")
            if actor is not None and actor == owner and assigned_by not in (None, owner):
                raise ValidationError("goal.target_assigned", "target_value")
            target.target_value = stored
            target.assigned_by_id = actor  # type: ignore[attr-defined]
            if target.proposal_state == "proposed":
                target.proposal_state, target.decided_at = "declined", now()
            elif actor != owner:
                target.proposal_state = ""
    if not isinstance(actual_value, Unset):
        if actual_value is not None and target.metric != MANUAL:
            raise ValidationError("goal.actual_is_computed", "actual_value")
        target.actual_value = (
            None if actual_value is None else _value(actual_value, unit_now, "actual_value", "Actual value")
        )
    target.save()
    return target


@transactional
def delete_target(target_id: TargetRef, *, by: Actor = UNSET) -> None:
    target = get_record(GoalTarget, target_id, "Target")
    _check_edit(by, _owner_of(target.goal))
    target.delete_instance()


# --- targets are agreed, not dictated ----------------------------------------------------------------


@transactional
def propose_target(
    target_id: TargetRef, value: float, reason: str, user_id: UserRef | None | Unset = UNSET
) -> GoalTarget:
    """The owner of a goal proposes another value for a target assigned by someone else, with a reason."""
    target = get_record(GoalTarget, target_id, "Target")
    owner = _owner_of(target.goal)
    actor = _actor(user_id if not isinstance(user_id, User) else user_id.id)
    if owner is None or actor != owner:
        raise ValidationError("goal.propose_not_owner", "target_id")
    if fk_id(target, "assigned_by") in (None, owner):
        raise ValidationError("goal.propose_own_target", "target_id")
    target.proposed_value = _value(value, target_unit(target), "proposed_value", "Proposed value")
    target.proposal_reason = require_text(reason, "proposal_reason", "Reason", 1000)
    target.proposed_by_id = actor  # type: ignore[attr-defined]
    target.proposed_at, target.decided_at = now(), None
    target.proposal_state = "proposed"
    target.save()
    return target


def _decider(target: GoalTarget, user_id: UserRef | None | Unset) -> int | None:
    if target.proposal_state != "proposed":
        raise ValidationError("goal.no_proposal", "target_id")
    actor = _actor(user_id if not isinstance(user_id, User) else user_id.id)
    owner = _owner_of(target.goal)
    if actor is not None and (
        actor == owner or not team.is_supervisor(actor) or not team.can_see(actor, owner)
    ):
        raise ValidationError("goal.decide_not_supervisor", "target_id")
    return actor


@transactional
def accept_proposal(target_id: TargetRef, user_id: UserRef | None | Unset = UNSET) -> GoalTarget:
    """The supervisor accepts the proposal: the target becomes the proposed value (agreed)."""
    target = get_record(GoalTarget, target_id, "Target")
    _decider(target, user_id)
    assert target.proposed_value is not None
    target.target_value = target.proposed_value
    target.proposal_state, target.decided_at = "accepted", now()
    target.save()
    return target


@transactional
def keep_target(target_id: TargetRef, user_id: UserRef | None | Unset = UNSET) -> GoalTarget:
    """The supervisor keeps their value; the proposal stays on record as declined (agreed)."""
    target = get_record(GoalTarget, target_id, "Target")
    _decider(target, user_id)
    target.proposal_state, target.decided_at = "declined", now()
    target.save()
    return target


@transactional
def agree_target(target_id: TargetRef, user_id: UserRef | None | Unset = UNSET) -> GoalTarget:
    """The owner agrees to an assigned target as it is."""
    target = get_record(GoalTarget, target_id, "Target")
    owner = _owner_of(target.goal)
    actor = _actor(user_id if not isinstance(user_id, User) else user_id.id)
    if owner is None or actor != owner:
        raise ValidationError("goal.agree_not_owner", "target_id")
    if target.proposal_state == "proposed":
        raise ValidationError("goal.proposal_pending", "target_id")
    target.proposal_state = "agreed"
    target.save()
    return target


# --- splitting a target among sub-goals --------------------------------------------------------------

SPLITS = {
    "year": ("quarter", "month"),
    "quarter": ("month",),
    "month": ("week",),
    "week": ("day",),
}


def _month_starts(start: date, end: date, step: int) -> list[tuple[date, date]]:
    spans = []
    day = date(start.year, start.month, 1)
    while day < end:
        index = day.year * 12 + day.month - 1 + step
        nxt = date(index // 12, index % 12 + 1, 1)
        spans.append((max(day, start), min(nxt, end)))
        day = nxt
    return spans


def child_periods(kind: str, start: date, end: date, child_kind: str) -> list[tuple[date, date]]:
    """The periods of the sub-goals a split creates: quarters or months (calendar, clipped to the
    parent's period), ISO weeks clipped to the month (so they nest in it and add up to it exactly), or
    days Monday to Saturday."""
    if child_kind not in SPLITS.get(kind, ()):
        raise ValidationError("goal.split_kind", "child_kind", kind=kind, child_kind=child_kind)
    if child_kind == "quarter":
        first = date(start.year, (start.month - 1) // 3 * 3 + 1, 1)
        return [(max(s, start), e) for s, e in _month_starts(first, end, 3)]
    if child_kind == "month":
        return _month_starts(start, end, 1)
    if child_kind == "week":
        spans, monday = [], start - timedelta(days=start.weekday())
        while monday < end:
            spans.append((max(monday, start), min(monday + timedelta(days=7), end)))
            monday += timedelta(days=7)
        return spans
    days = [start + timedelta(days=i) for i in range((end - start).days)]
    return [(d, d + timedelta(days=1)) for d in days if d.weekday() < 6]


def _child_title(child_kind: str, start: date) -> str:
    """A language-neutral title: 2026-Q1, 2026-03, 2026-W10, 2026-03-02."""
    if child_kind == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if child_kind == "month":
        return f"{start.year}-{start.month:02d}"
    if child_kind == "week":
        iso = start.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}"
    return start.isoformat()


def split_amounts(total: int, weights: Sequence[float]) -> list[int]:
    """``total`` shared by ``weights`` in whole units that add up to it exactly (largest remainders)."""
    weight_sum = float(sum(weights))
    raw = [total * w / weight_sum for w in weights]
    shares = [int(r) for r in raw]
    rest = total - sum(shares)
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - shares[i]), i))
    for i in order[:rest]:
        shares[i] += 1
    return shares


def _weights(weights: Sequence[float] | str | None, spans: list[tuple[date, date]]) -> list[float]:
    if weights is None or weights == "even":
        return [1.0] * len(spans)
    if weights == "days":
        return [float((e - s).days) for s, e in spans]
    if isinstance(weights, str):
        raise ValidationError("goal.weights_form", "weights")
    if not isinstance(weights, list | tuple):
        raise ValidationError("goal.weights_form", "weights")
    listed = list(weights)
    if len(listed) != len(spans):
        raise ValidationError("goal.weights_count", "weights", count=len(spans))
    for weight in listed:
        if (
            isinstance(weight, bool)
            or not isinstance(weight, int | float)
            or not 0 <= weight <= MAX_WEIGHT  # NaN and infinity fail this too
        ):
            raise ValidationError("goal.weight_negative", "weights")
    if not sum(listed):
        raise ValidationError("goal.weights_all_zero", "weights")
    return [float(w) for w in listed]


@transactional
def split_target(
    target_id: TargetRef,
    child_kind: str,
    weights: Sequence[float] | str | None = None,
    *,
    by: Actor = UNSET,
) -> Saved[list[GoalTarget]]:
    """Split a parent's numeric target among its sub-goals of ``child_kind`` in one step.

    The sub-goals that are missing (same owner, periods from ``child_periods``) are created; each gets a
    target for the same metric (or manual label). Additive metrics and manual targets are shared evenly,
    by ``weights`` (one number per sub-goal) or by ``"days"``, in whole units that add up exactly to the
    parent's; rates and means are levels, so each sub-goal gets the parent's value."""
    target = get_record(GoalTarget, target_id, "Target")
    parent = target.goal
    actor = _check_edit(by, _owner_of(parent))
    child_kind = _kind(child_kind)
    spans = child_periods(parent.kind, parent.period_start, parent.period_end, child_kind)
    if not spans:
        raise ValidationError("goal.split_nothing", "child_kind")
    unit = target_unit(target)
    if target.metric == MANUAL or target.metric in ADDITIVE:
        values = split_amounts(target.target_value, _weights(weights, spans))
    else:
        values = [target.target_value] * len(spans)
    existing = {
        (g.period_start, g.period_end): g
        for g in Goal.select().where((Goal.parent == parent) & (Goal.kind == child_kind))
    }
    result = []
    for (start, end), stored in zip(spans, values, strict=True):
        child = existing.get((start, end))
        if child is None:
            child = Goal.create(
                kind=child_kind,
                title=_child_title(child_kind, start),
                period_start=start,
                period_end=end,
                user=_owner_of(parent),
                parent=parent,
            )
        elif child.qualitative:
            raise ValidationError("goal.split_qualitative", "child_kind", title=child.title)
        same = GoalTarget.select().where((GoalTarget.goal == child) & (GoalTarget.metric == target.metric))
        if target.metric == MANUAL:
            same = same.where(GoalTarget.label == target.label)
        match = same.first()
        if match is None:
            match = GoalTarget.create(
                goal=child,
                metric=target.metric,
                label=target.label,
                unit=unit,
                target_value=stored,
                assigned_by=actor,
            )
        else:
            match.target_value, match.assigned_by_id = stored, actor  # type: ignore[attr-defined]
            if match.proposal_state == "proposed":
                match.proposal_state, match.decided_at = "declined", now()
            match.save()
        result.append(match)
    return Saved(result, excess_warnings([parent.id]).get(parent.id, []))


# --- saving with warnings (one service per dialog) ---------------------------------------------------


def goal_warnings(goal: Goal | int) -> list[SmartWarning]:
    """The SMART warnings of a goal, and whether its sub-goals' (or its siblings') targets exceed."""
    goal = goal if isinstance(goal, Goal) else get_record(Goal, goal, "Goal")
    ids = [goal.id] + ([fk_id(goal, "parent")] if fk_id(goal, "parent") is not None else [])
    excess = excess_warnings(ids)
    return smart_check([goal.id]).get(goal.id, []) + [w for i in ids for w in excess.get(i, [])]


@transactional
def save_goal(
    goal_id: GoalRef | None,
    *,
    kind: str,
    title: str,
    period_start: date | str,
    period_end: date | str,
    user_id: UserRef | None = None,
    parent_id: GoalRef | None = None,
    qualitative: bool = False,
    notes: str = "",
    by: Actor = UNSET,
) -> Saved[Goal]:
    """Create (``goal_id`` None) or edit a goal; returns it with its SMART warnings."""
    if goal_id is None:
        goal = create_goal(
            kind, title, period_start, period_end, user_id, parent_id, qualitative, notes, by=by
        )
    else:
        goal = update_goal(
            goal_id,
            kind=kind,
            title=title,
            period_start=period_start,
            period_end=period_end,
            qualitative=qualitative,
            notes=notes,
            by=by,
        )
    return Saved(goal, goal_warnings(goal))


@transactional
def save_target(
    goal_id: GoalRef,
    target_id: TargetRef | None,
    *,
    metric: str,
    label: str,
    target_value: float,
    unit: str = "count",
    actual_value: float | None = None,
    by: Actor = UNSET,
) -> Saved[GoalTarget]:
    """Add (``target_id`` None) or edit a numeric target; returns it with the goal's warnings."""
    if target_id is None:
        target = add_target(goal_id, label, target_value, unit, metric, by=by)
        if actual_value is not None:
            target = update_target(target, actual_value=actual_value, by=by)
    else:
        current = get_record(GoalTarget, target_id, "Target")
        if fk_id(current, "goal") != get_record(Goal, goal_id, "Goal").id:
            raise NotFoundError("goal.target_missing")
        target = update_target(
            target_id,
            metric=metric,
            label=label,
            target_value=target_value,
            unit=unit,
            actual_value=actual_value if _metric(metric) == MANUAL else None,
            by=by,
        )
    return Saved(target, goal_warnings(fk_id(target, "goal")))


# --- action targets ----------------------------------------------------------------------------------


def _category(value: Any, label: Any) -> tuple[str, str]:
    """An action category of ``ACTION_CATEGORIES`` (custom needs a label); the old plan types map onto
    the new categories and any other word becomes a custom category named by it."""
    category = require_text(value, "category", "Category", 100)
    name = optional_text(label, "label", "Category name", 100)
    if category in LEGACY_CATEGORIES:
        return LEGACY_CATEGORIES[category], ""
    if category not in ACTION_CATEGORIES:
        return "custom", category
    if category == "custom" and not name:
        raise ValidationError("goal.category_name_required", "label")
    return category, name if category == "custom" else ""


def _set_action_clients(action: GoalAction, client_ids: Iterable[int | Client]) -> None:
    wanted = []
    for client_id in require_list(client_ids, "client_ids", "Client"):
        client = alive_client(client_id)
        if client.id not in wanted:
            wanted.append(client.id)
    GoalActionClient.delete().where(
        (GoalActionClient.action == action) & GoalActionClient.client.not_in(wanted)
    ).execute()
    linked = GoalActionClient.select(GoalActionClient.client).where(GoalActionClient.action == action)
    have = {fk_id(row, "client") for row in linked}
    for client_id in wanted:
        if client_id not in have:
            GoalActionClient.create(action=action, client=client_id)


def _due(goal: Goal, value: Any) -> date | None:
    due = optional_date(value, "due_date", "Due date")
    if due is not None and not goal.period_start <= due < goal.period_end:
        raise ValidationError("goal.action_outside_period", "due_date")
    return due


@transactional
def add_action(
    goal_id: GoalRef,
    title: str,
    category: str = "routine",
    due_date: date | str | None = None,
    *,
    label: str = "",
    client_ids: Iterable[int | Client] = (),
    by: Actor = UNSET,
) -> GoalAction:
    """An action target with a category (``custom`` with its ``label``), linked clients and a due date
    within the goal's period."""
    goal = get_record(Goal, goal_id, "Goal")
    _check_edit(by, _owner_of(goal))
    due = _due(goal, due_date)
    category, name = _category(category, label)
    action = GoalAction.create(
        goal=goal,
        title=require_text(title, "title", "Title", 300),
        category=category,
        label=name,
        due_date=due,
    )
    _set_action_clients(action, client_ids)
    return action


@transactional
def update_action(
    action_id: ActionRef,
    *,
    title: str | Unset = UNSET,
    category: str | Unset = UNSET,
    label: str | Unset = UNSET,
    due_date: date | str | None | Unset = UNSET,
    client_ids: Iterable[int | Client] | Unset = UNSET,
    by: Actor = UNSET,
) -> GoalAction:
    action = get_record(GoalAction, action_id, "Action")
    goal = action.goal
    _check_edit(by, _owner_of(goal))
    if not isinstance(title, Unset):
        action.title = require_text(title, "title", "Title", 300)
    if not isinstance(category, Unset) or not isinstance(label, Unset):
        new_category = action.category if isinstance(category, Unset) else category
        new_label = action.label if isinstance(label, Unset) else label
        action.category, action.label = _category(new_category, new_label)
    if not isinstance(due_date, Unset):
        action.due_date = _due(goal, due_date)
    action.save()
    if not isinstance(client_ids, Unset):
        _set_action_clients(action, client_ids)
    return action


@transactional
def save_action(
    goal_id: GoalRef,
    action_id: ActionRef | None,
    *,
    title: str,
    category: str,
    label: str = "",
    due_date: date | str | None = None,
    client_ids: Iterable[int | Client] = (),
    by: Actor = UNSET,
) -> Saved[GoalAction]:
    """Add (``action_id`` None) or edit an action target; returns it with the goal's warnings."""
    if action_id is None:
        action = add_action(goal_id, title, category, due_date, label=label, client_ids=client_ids, by=by)
    else:
        action = update_action(
            action_id,
            title=title,
            category=category,
            label=label,
            due_date=due_date,
            client_ids=client_ids,
            by=by,
        )
    return Saved(action, goal_warnings(fk_id(action, "goal")))


@transactional
def set_action_done(action_id: ActionRef, done: bool, *, by: Actor = UNSET) -> GoalAction:
    action = get_record(GoalAction, action_id, "Action")
    _check_edit(by, _owner_of(action.goal))
    if bool(done) != action.done:
        action.done = bool(done)
        action.done_at = now() if done else None
        action.save()
    return action


@transactional
def delete_action(action_id: ActionRef, *, by: Actor = UNSET) -> None:
    action = get_record(GoalAction, action_id, "Action")
    _check_edit(by, _owner_of(action.goal))
    action.delete_instance()


# --- linked clients ----------------------------------------------------------------------------------


@transactional
def link_client(goal_id: GoalRef, client_id: int | Client, *, by: Actor = UNSET) -> GoalClient:
    """Link a client to a goal (linking twice keeps one link)."""
    goal = get_record(Goal, goal_id, "Goal")
    _check_edit(by, _owner_of(goal))
    client = alive_client(client_id)
    link = GoalClient.get_or_none((GoalClient.goal == goal) & (GoalClient.client == client))
    return link if link is not None else GoalClient.create(goal=goal, client=client)


@transactional
def set_goal_clients(
    goal_id: GoalRef, client_ids: Iterable[int | Client], *, by: Actor = UNSET
) -> Saved[Goal]:
    """The goal's linked clients become exactly ``client_ids``; returns the goal with its warnings."""
    goal = get_record(Goal, goal_id, "Goal")
    _check_edit(by, _owner_of(goal))
    wanted = []
    for client_id in require_list(client_ids, "client_ids", "Client"):
        client = alive_client(client_id)
        if client.id not in wanted:
            wanted.append(client.id)
    GoalClient.delete().where((GoalClient.goal == goal) & GoalClient.client.not_in(wanted)).execute()
    have = {
        fk_id(row, "client") for row in GoalClient.select(GoalClient.client).where(GoalClient.goal == goal)
    }
    for client_id in wanted:
        if client_id not in have:
            GoalClient.create(goal=goal, client=client_id)
    return Saved(goal, goal_warnings(goal))


@transactional
def unlink_client(goal_id: GoalRef, client_id: int | Client, *, by: Actor = UNSET) -> bool:
    """Remove the link; returns whether there was one."""
    goal = get_record(Goal, goal_id, "Goal")
    _check_edit(by, _owner_of(goal))
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
