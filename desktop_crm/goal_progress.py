"""Goal progress from real data (目标完成情况), rolled up the goal tree, and the SMART check.

For every numeric target:

- ``actual``: exactly the KPI module's value for the goal's owner (None = the team) and the goal's period
  ``[start, end)`` (``goal_metrics.actuals``, one batch for the whole tree); a ``manual`` target uses the
  actual entered by hand (None until entered).
- ``completion`` = actual / target; None when the target is 0 or the actual is None. For metrics where
  less is better (the follow-up cycle) it is target / actual (1.0 when the actual is 0): staying at or
  below the target is 100 % or more.
- ``gap`` = target − actual, sign kept (negative = beyond the target; for less-is-better metrics a
  negative gap means above the target, i.e. worse).
- ``expected_share``: the share of the period elapsed, counting today as a whole day
  ((today − start + 1) / length); None before the period starts, 1.0 once it has ended.
- ``on_pace``: None before the period starts (pace ``not_started``) or when completion is unknown;
  while it runs, completion ≥ expected share for additive metrics and manual targets, and completion ≥ 1
  for rates and means (a level, not a sum, so it must be at the target already); after the period ends,
  whether the target was reached. ``pace`` names the colour: ``on_pace`` (green), ``behind`` (amber:
  at least 75 % of the expected completion), ``far_behind`` (red), ``not_started`` / ``unknown`` (grey),
  and after the end ``reached`` (green) / ``missed`` (red).

A goal's overall completion is the mean of its targets' completions (uncapped); a goal without a
target that has a completion takes the mean of its children's overall completions; else None. Its pace
compares that completion with the time elapsed like an additive target's (``worst_pace``: the worst pace
of its targets, or of its children when it has no targets).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from . import clock
from .goal_metrics import ADDITIVE, LOWER_IS_BETTER, MANUAL, METRIC_UNITS, Request, actuals
from .kpi.compute import Value
from .models import Client, Goal, GoalAction, GoalActionClient, GoalClient, GoalTarget, User
from .services.common import fk_id

# Stored integer per unit of a target value (rates in basis points, days/ratios/scores in hundredths).
SCALES = {"rate": 10_000, "days": 100, "ratio": 100, "score": 100}
UNITS = ("count", "cents", "minutes", "rate", "days", "ratio", "score")
# Longest sensible period per kind, in days (the Time-bound check).
MAX_DAYS = {"year": 366, "quarter": 92, "month": 31, "week": 7, "day": 1, "event": 92}
PACE_ORDER = ("far_behind", "missed", "behind", "unknown", "not_started", "on_pace", "reached")
BEHIND_SHARE = 0.75  # below this share of the expected completion a target is far behind
HISTORY = 4  # comparable periods looked at by the Attainable check

Number = int | float


def scale(unit: str) -> int:
    return SCALES.get(unit, 1)


def from_stored(value: int | None, unit: str) -> Number | None:
    """A stored target/actual value in its natural unit (cents and counts stay integers)."""
    if value is None:
        return None
    factor = scale(unit)
    return value if factor == 1 else value / factor


def to_stored(value: Number, unit: str) -> int:
    return round(value * scale(unit))


def shown(value: Number, unit: str) -> str:
    """A value in a warning's English message (cents as currency units, rates as percentages)."""
    if unit == "cents":
        return f"{value / 100:,.2f}"
    if unit == "rate":
        return f"{value * 100:.1f}%"
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"


def target_unit(target: GoalTarget) -> str:
    return METRIC_UNITS.get(target.metric, target.unit or "count")


# --- periods -----------------------------------------------------------------------------------------


def expected_share(start: date, end: date, today: date) -> float | None:
    if today < start:
        return None
    if today >= end:
        return 1.0
    return min(1.0, ((today - start).days + 1) / (end - start).days)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def previous_periods(start: date, end: date, count: int = HISTORY) -> list[tuple[date, date]]:
    """The ``count`` periods of equal kind/length before ``[start, end)``, latest first: whole months
    when the period runs from a first of month to a first of month (so a quarter's are quarters), else
    the same number of days."""
    periods = []
    if start.day == 1 and end.day == 1:
        months = (end.year - start.year) * 12 + end.month - start.month
        for k in range(1, count + 1):
            periods.append((_add_months(start, -k * months), _add_months(end, -k * months)))
    else:
        length = end - start
        for k in range(1, count + 1):
            periods.append((start - k * length, end - k * length))
    return [(s, e) for s, e in periods if s.year >= 1900]


# --- results -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TargetProgress:
    target_id: int
    metric: str  # a kpi --json value key or "manual"
    label: str
    unit: str
    target: Number
    actual: Number | None
    completion: float | None
    gap: Number | None
    on_pace: bool | None
    pace: str
    expected_share: float | None
    agreement: str  # "agreed", "assigned" (set by someone else, not discussed) or "proposed"
    proposed: Number | None  # the owner's proposed value (pending or, once decided, kept as history)
    proposal_reason: str
    proposal_state: str  # "", "proposed", "accepted", "declined"
    assigned_by: int | None


@dataclass
class GoalProgress:
    goal_id: int
    targets: list[TargetProgress] = field(default_factory=list)
    completion: float | None = None  # rolled up
    pace: str = "unknown"  # of the rolled-up completion against the time elapsed
    worst_pace: str = "unknown"  # the worst pace of its targets (or of its sub-goals')
    expected_share: float | None = None


@dataclass(frozen=True)
class SmartWarning:
    code: str  # the SMART letter not met: specific, measurable, attainable, relevant, time_bound
    reason: str  # a stable name of the rule, for the interface's translation
    message: str  # one English sentence
    params: dict[str, Any] = field(default_factory=dict)


def agreement(target: GoalTarget, owner_id: int | None) -> str:
    if target.proposal_state == "proposed":
        return "proposed"
    assigned_by = fk_id(target, "assigned_by")
    if owner_id is None or assigned_by is None or assigned_by == owner_id or target.proposal_state:
        return "agreed"
    return "assigned"


def _completion(metric: str, target: Number, actual: Number | None) -> float | None:
    if actual is None or not target:
        return None
    if metric in LOWER_IS_BETTER:
        return 1.0 if actual <= 0 else float(target) / float(actual)
    return float(actual) / float(target)


def _pace(metric: str, completion: float | None, share: float | None, ended: bool) -> tuple[bool | None, str]:
    if share is None:
        return None, "not_started"
    if completion is None:
        return None, "unknown"
    if ended:
        return (True, "reached") if completion >= 1 else (False, "missed")
    reference = share if (metric == MANUAL or metric in ADDITIVE) else 1.0
    if completion >= reference:
        return True, "on_pace"
    return False, ("behind" if completion >= BEHIND_SHARE * reference else "far_behind")


def _gap(target: Number, actual: Number | None) -> Number | None:
    if actual is None:
        return None
    gap = target - actual
    return round(gap, 6) if isinstance(gap, float) else gap


def target_progress(
    target: GoalTarget, goal: Goal, values: dict[str, Value] | None, today: date
) -> TargetProgress:
    unit = target_unit(target)
    value = from_stored(target.target_value, unit)
    assert value is not None
    if target.metric == MANUAL:
        actual = from_stored(target.actual_value, unit)
    else:
        actual = values.get(target.metric) if values is not None else None
    completion = _completion(target.metric, value, actual)
    share = expected_share(goal.period_start, goal.period_end, today)
    on_pace, pace = _pace(target.metric, completion, share, today >= goal.period_end)
    return TargetProgress(
        target_id=target.id,
        metric=target.metric,
        label=target.label,
        unit=unit,
        target=value,
        actual=actual,
        completion=completion,
        gap=_gap(value, actual),
        on_pace=on_pace,
        pace=pace,
        expected_share=share,
        agreement=agreement(target, fk_id(goal, "user")),
        proposed=from_stored(target.proposed_value, unit),
        proposal_reason=target.proposal_reason,
        proposal_state=target.proposal_state,
        assigned_by=fk_id(target, "assigned_by"),
    )


def day_ended(goal: Goal, today: date) -> bool:
    return today >= goal.period_end


def _worst(paces: Iterable[str]) -> str:
    listed = list(paces)
    return min(listed, key=PACE_ORDER.index) if listed else "unknown"


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


# --- loading -----------------------------------------------------------------------------------------


def _with_descendants(goal_ids: Iterable[int]) -> dict[int, Goal]:
    goals: dict[int, Goal] = {}
    pending = list(set(goal_ids))
    while pending:
        chunk, pending = pending[:500], pending[500:]
        query = Goal.select().where(Goal.id.in_(chunk) | Goal.parent.in_(chunk))
        for goal in query:
            if goal.id not in goals:
                goals[goal.id] = goal
                if goal.id not in chunk:
                    pending.append(goal.id)
    return goals


def _targets_of(goal_ids: Sequence[int]) -> dict[int, list[GoalTarget]]:
    result: dict[int, list[GoalTarget]] = {}
    for i in range(0, len(goal_ids), 500):
        query = GoalTarget.select().where(GoalTarget.goal.in_(goal_ids[i : i + 500])).order_by(GoalTarget.id)
        for target in query:
            result.setdefault(fk_id(target, "goal"), []).append(target)
    return result


def _compute(
    goals: dict[int, Goal], targets: dict[int, list[GoalTarget]], today: date
) -> dict[int, GoalProgress]:
    requests: set[Request] = set()
    for goal_id, listed in targets.items():
        goal = goals[goal_id]
        if any(t.metric != MANUAL for t in listed):
            requests.add((fk_id(goal, "user"), goal.period_start, goal.period_end))
    values = actuals(requests, {t.metric for listed in targets.values() for t in listed})
    children: dict[int, list[int]] = {}
    for goal in goals.values():
        if fk_id(goal, "parent") in goals:
            children.setdefault(fk_id(goal, "parent"), []).append(goal.id)
    result: dict[int, GoalProgress] = {}

    def roll(goal_id: int) -> GoalProgress:
        if goal_id in result:
            return result[goal_id]
        goal = goals[goal_id]
        row = values.get((fk_id(goal, "user"), goal.period_start, goal.period_end))
        listed = [target_progress(t, goal, row, today) for t in targets.get(goal_id, [])]
        progress = GoalProgress(
            goal_id, listed, expected_share=expected_share(goal.period_start, goal.period_end, today)
        )
        subs = [roll(child) for child in children.get(goal_id, [])]
        own = [t.completion for t in listed if t.completion is not None]
        if own:
            progress.completion = _mean(own)
        else:
            progress.completion = _mean([s.completion for s in subs if s.completion is not None])
        share = progress.expected_share
        progress.pace = _pace(MANUAL, progress.completion, share, day_ended(goal, today))[1]
        if listed:
            progress.worst_pace = _worst(t.pace for t in listed)
        elif subs:
            progress.worst_pace = _worst(s.worst_pace for s in subs)
        result[goal_id] = progress
        return progress

    for goal_id in goals:
        roll(goal_id)
    return result


def progress_for_goals(goal_ids: Iterable[int], today: date | None = None) -> dict[int, GoalProgress]:
    """The progress of each goal of ``goal_ids`` (its targets and its roll-up over its sub-goals), with
    every actual from one batch of KPI queries. ``today`` defaults to the clock's today."""
    day = clock.today() if today is None else today
    wanted = set(goal_ids)
    goals = _with_descendants(wanted)
    targets = _targets_of(list(goals))
    computed = _compute(goals, targets, day)
    return {goal_id: computed[goal_id] for goal_id in wanted if goal_id in computed}


# --- the SMART check ---------------------------------------------------------------------------------


@dataclass
class _Facts:
    goal: Goal
    targets: list[GoalTarget]
    actions: int
    clients: int


def _history_requests(facts: Iterable[_Facts]) -> set[Request]:
    requests: set[Request] = set()
    for fact in facts:
        if fact.goal.qualitative or not any(_checks_history(t) for t in fact.targets):
            continue
        for start, end in previous_periods(fact.goal.period_start, fact.goal.period_end):
            requests.add((fk_id(fact.goal, "user"), start, end))
    return requests


def _checks_history(target: GoalTarget) -> bool:
    return target.metric != MANUAL and target.metric not in LOWER_IS_BETTER


def _smart(fact: _Facts, history: dict[Request, dict[str, Value]]) -> list[SmartWarning]:
    goal, warnings = fact.goal, []
    kind = goal.kind
    if not fact.targets and not fact.actions and not fact.clients:
        warnings.append(
            SmartWarning(
                "specific",
                "no_metric",
                "Not specific: the goal has no metric, no action and no linked client.",
            )
        )
    if not fact.targets and not goal.qualitative:
        warnings.append(
            SmartWarning(
                "measurable",
                "no_target",
                "Not measurable: the goal has no numeric target and is not marked qualitative.",
            )
        )
    if not goal.qualitative:
        spans = previous_periods(goal.period_start, goal.period_end)
        for target in fact.targets:
            if not _checks_history(target):
                continue
            unit = target_unit(target)
            value = from_stored(target.target_value, unit) or 0
            past = [history.get((fk_id(goal, "user"), s, e), {}).get(target.metric) for s, e in spans]
            known = [v for v in past if v is not None]
            name = target.label or target.metric
            if known and max(known) > 0 and value > 2 * max(known):
                warnings.append(
                    SmartWarning(
                        "attainable",
                        "above_twice_best",
                        f'Not attainable: the target for "{name}" is more than twice the best of the '
                        f"last {len(spans)} comparable periods ({shown(max(known), unit)}).",
                        {
                            "metric": target.metric,
                            "label": name,
                            "unit": unit,
                            "best": max(known),
                            "target": value,
                        },
                    )
                )
            last = past[0] if past else None
            if target.metric in ADDITIVE and last is not None and value < last:
                warnings.append(
                    SmartWarning(
                        "attainable",
                        "below_last",
                        f'Not attainable as growth: the target for "{name}" is below the last comparable '
                        f"period's actual ({shown(last, unit)}).",
                        {"metric": target.metric, "label": name, "unit": unit, "last": last, "target": value},
                    )
                )
    if kind != "year" and fk_id(goal, "parent") is None:
        warnings.append(
            SmartWarning(
                "relevant",
                "no_parent",
                f"Not relevant: a {kind} goal should be part of a larger goal.",
                {"kind": kind},
            )
        )
    days = (goal.period_end - goal.period_start).days
    if days <= 0:
        warnings.append(
            SmartWarning("time_bound", "no_period", "Not time-bound: the goal's period is empty.")
        )
    elif days > MAX_DAYS.get(kind, 366):
        warnings.append(
            SmartWarning(
                "time_bound",
                "too_long",
                f"Not time-bound: a {kind} goal spanning {days} days is longer than a {kind}.",
                {"kind": kind, "days": days},
            )
        )
    return warnings


def smart_check(goal_ids: Iterable[int]) -> dict[int, list[SmartWarning]]:
    """The SMART warnings of each goal (the history of every goal from one batch of KPI queries)."""
    ids = list(set(goal_ids))
    goals = {
        g.id: g for i in range(0, len(ids), 500) for g in Goal.select().where(Goal.id.in_(ids[i : i + 500]))
    }
    targets = _targets_of(list(goals))
    actions: dict[int, int] = {}
    clients: dict[int, int] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for action in GoalAction.select(GoalAction.id, GoalAction.goal).where(GoalAction.goal.in_(chunk)):
            actions[fk_id(action, "goal")] = actions.get(fk_id(action, "goal"), 0) + 1
        for link in GoalClient.select(GoalClient.goal).where(GoalClient.goal.in_(chunk)):
            clients[fk_id(link, "goal")] = clients.get(fk_id(link, "goal"), 0) + 1
    facts = [
        _Facts(g, targets.get(g.id, []), actions.get(g.id, 0), clients.get(g.id, 0)) for g in goals.values()
    ]
    history = actuals(_history_requests(facts), {t.metric for fact in facts for t in fact.targets})
    return {fact.goal.id: _smart(fact, history) for fact in facts}


def smart_warnings(goal: Goal | int) -> list[SmartWarning]:
    goal_id = goal if isinstance(goal, int) else goal.id
    return smart_check([goal_id]).get(goal_id, [])


def excess_warnings(goal_ids: Iterable[int]) -> dict[int, list[SmartWarning]]:
    """Warn on a parent goal whose children's targets for an additive metric (or a manual label) add up
    to more than the parent's own target."""
    ids = list(set(goal_ids))
    goals = {
        g.id: g for i in range(0, len(ids), 500) for g in Goal.select().where(Goal.id.in_(ids[i : i + 500]))
    }
    children: dict[int, list[int]] = {}
    for i in range(0, len(ids), 500):
        for child in Goal.select(Goal.id, Goal.parent).where(Goal.parent.in_(ids[i : i + 500])):
            children.setdefault(fk_id(child, "parent"), []).append(child.id)
    child_ids = [c for listed in children.values() for c in listed]
    targets = _targets_of(list(goals) + child_ids)
    result: dict[int, list[SmartWarning]] = {}
    for goal_id in goals:
        for target in targets.get(goal_id, []):
            if target.metric != MANUAL and target.metric not in ADDITIVE:
                continue
            total = sum(
                t.target_value
                for child in children.get(goal_id, [])
                for t in targets.get(child, [])
                if t.metric == target.metric and (t.metric != MANUAL or t.label == target.label)
            )
            if total > target.target_value:
                unit = target_unit(target)
                name = target.label or target.metric
                result.setdefault(goal_id, []).append(
                    SmartWarning(
                        "attainable",
                        "children_exceed",
                        f"The sub-goals' targets for \"{name}\" add up to more than this goal's target.",
                        {
                            "metric": target.metric,
                            "label": name,
                            "unit": unit,
                            "total": from_stored(total, unit),
                            "target": from_stored(target.target_value, unit),
                        },
                    )
                )
    return result


# --- the tree ----------------------------------------------------------------------------------------


@dataclass
class ActionView:
    action_id: int
    title: str
    category: str
    label: str  # the custom category's name
    done: bool
    due: date | None
    clients: list[tuple[int, str]]


@dataclass
class GoalView:
    goal_id: int
    parent_id: int | None
    kind: str
    title: str
    start: date
    end: date  # exclusive
    user_id: int | None
    user: str | None
    qualitative: bool
    notes: str
    progress: GoalProgress
    actions: list[ActionView]
    clients: list[tuple[int, str]]
    smart: list[SmartWarning]
    target_warnings: list[SmartWarning]
    children: list[GoalView] = field(default_factory=list)

    def walk(self) -> Iterable[GoalView]:
        yield self
        for child in self.children:
            yield from child.walk()


ALL = "all"


def goal_forest(
    owner: int | None | str = ALL, year: int | None = None, today: date | None = None
) -> list[GoalView]:
    """The goal trees with progress, actions, linked clients and warnings.

    ``owner``: ``ALL`` = every root goal (goals without a parent), team goals first, then each person's
    by name; None = the team's trees; a user id = that person's trees (their goals whose parent is not
    theirs). A tree holds every sub-goal, whoever owns it. ``year``: only trees whose period meets it."""
    day = clock.today() if today is None else today
    query = Goal.select()
    if owner is None:
        query = query.where(Goal.user.is_null() & Goal.parent.is_null())
    elif owner != ALL:
        query = query.where(Goal.user == owner)
    if year is not None:
        query = query.where((Goal.period_start < date(year + 1, 1, 1)) & (Goal.period_end > date(year, 1, 1)))
    candidates = list(query)
    roots: list[Goal] = []
    if owner == ALL:
        roots = [g for g in candidates if fk_id(g, "parent") is None]
    elif owner is None:
        roots = candidates
    else:
        parents = {fk_id(g, "parent") for g in candidates if fk_id(g, "parent") is not None}
        parent_owner = {
            g.id: fk_id(g, "user") for g in Goal.select(Goal.id, Goal.user).where(Goal.id.in_(list(parents)))
        }
        roots = [
            g
            for g in candidates
            if fk_id(g, "parent") is None or parent_owner.get(fk_id(g, "parent")) != owner
        ]
    goals = _with_descendants([g.id for g in roots])
    ids = list(goals)
    targets = _targets_of(ids)
    progress = _compute(goals, targets, day)
    smart = smart_check(ids)
    excess = excess_warnings(ids)
    names: dict[int, str] = dict(cast(Iterable[tuple[int, str]], User.select(User.id, User.name).tuples()))
    actions: dict[int, list[ActionView]] = {}
    action_index: dict[int, ActionView] = {}
    clients: dict[int, list[tuple[int, str]]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        query_actions = (
            GoalAction.select().where(GoalAction.goal.in_(chunk)).order_by(GoalAction.due_date, GoalAction.id)
        )
        for action in query_actions:
            view = ActionView(
                action.id, action.title, action.category, action.label, action.done, action.due_date, []
            )
            actions.setdefault(fk_id(action, "goal"), []).append(view)
            action_index[action.id] = view
        goal_links = (
            GoalClient.select(GoalClient.goal, Client.id, Client.name)
            .join(Client)
            .where(GoalClient.goal.in_(chunk) & Client.deleted_at.is_null())
            .order_by(Client.name, Client.id)
            .tuples()
        )
        for goal_id, client_id, name in cast(Iterable[tuple[int, int, str]], goal_links):
            clients.setdefault(goal_id, []).append((client_id, name))
    action_ids = list(action_index)
    for i in range(0, len(action_ids), 500):
        action_links = (
            GoalActionClient.select(GoalActionClient.action, Client.id, Client.name)
            .join(Client)
            .where(GoalActionClient.action.in_(action_ids[i : i + 500]) & Client.deleted_at.is_null())
            .order_by(Client.name, Client.id)
            .tuples()
        )
        for action_id, client_id, name in cast(Iterable[tuple[int, int, str]], action_links):
            action_index[action_id].clients.append((client_id, name))
    views: dict[int, GoalView] = {}
    for goal in goals.values():
        views[goal.id] = GoalView(
            goal_id=goal.id,
            parent_id=fk_id(goal, "parent"),
            kind=goal.kind,
            title=goal.title,
            start=goal.period_start,
            end=goal.period_end,
            user_id=fk_id(goal, "user"),
            user=names.get(fk_id(goal, "user")) if fk_id(goal, "user") is not None else None,
            qualitative=bool(goal.qualitative),
            notes=goal.notes,
            progress=progress[goal.id],
            actions=actions.get(goal.id, []),
            clients=clients.get(goal.id, []),
            smart=smart.get(goal.id, []),
            target_warnings=excess.get(goal.id, []),
        )
    from .models.enums import GOAL_KINDS

    rank = {kind: i for i, kind in enumerate(GOAL_KINDS)}

    def order(view: GoalView) -> tuple[Any, ...]:
        return (view.start, rank.get(view.kind, 99), view.goal_id)

    root_ids = {r.id for r in roots}
    for goal_view in views.values():
        parent_id = goal_view.parent_id
        if parent_id is not None and parent_id in views and goal_view.goal_id not in root_ids:
            views[parent_id].children.append(goal_view)
    for goal_view in views.values():
        goal_view.children.sort(key=order)
    root_views = [views[g.id] for g in roots]
    root_views.sort(
        key=lambda v: (
            v.user_id is not None,
            (v.user or "").casefold(),
            v.start,
            rank.get(v.kind, 99),
            v.goal_id,
        )
    )
    return root_views


# --- JSON (the ``goals --json`` command) --------------------------------------------------------------


def _target_json(t: TargetProgress) -> dict[str, Any]:
    return {
        "id": t.target_id,
        "metric": t.metric,
        "label": t.label,
        "unit": t.unit,
        "target": t.target,
        "actual": t.actual,
        "completion": t.completion,
        "gap": t.gap,
        "on_pace": t.on_pace,
        "pace": t.pace,
        "expected_share": t.expected_share,
        "agreement": t.agreement,
        "proposed": t.proposed,
        "proposal_reason": t.proposal_reason,
        "proposal_state": t.proposal_state,
    }


def goal_to_json(view: GoalView) -> dict[str, Any]:
    """One goal with its sub-goals: the keys documented in the README (``goals --json``)."""
    return {
        "id": view.goal_id,
        "kind": view.kind,
        "title": view.title,
        "start": view.start.isoformat(),
        "end": view.end.isoformat(),
        "user": view.user,
        "qualitative": view.qualitative,
        "completion": view.progress.completion,
        "pace": view.progress.pace,
        "worst_pace": view.progress.worst_pace,
        "targets": [_target_json(t) for t in view.progress.targets],
        "actions": [
            {
                "title": a.title,
                "category": a.category,
                "label": a.label,
                "done": a.done,
                "due": a.due.isoformat() if a.due else None,
                "clients": [{"id": cid, "name": name} for cid, name in a.clients],
            }
            for a in view.actions
        ],
        "clients": [{"id": cid, "name": name} for cid, name in view.clients],
        "smart_warnings": [{"code": w.code, "message": w.message} for w in view.smart],
        "target_warnings": [{"code": w.code, "message": w.message} for w in view.target_warnings],
        "children": [goal_to_json(child) for child in view.children],
    }


# --- who is looking ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Viewer:
    """The working user, whether they are a supervisor, and the people whose goals they see (id, name)."""

    user_id: int | None
    supervisor: bool
    people: list[tuple[int, str]]


def viewer() -> Viewer:
    from . import team

    user_id = team.current_user_id()
    ids = team.visible_user_ids(user_id)
    names: dict[int, str] = dict(
        cast(Iterable[tuple[int, str]], User.select(User.id, User.name).where(User.id.in_(ids)).tuples())
    )
    return Viewer(user_id, team.is_supervisor(user_id), [(i, names[i]) for i in ids if i in names])


def is_large() -> bool:
    """Whether computing progress may take long enough to belong off the GUI thread (large data)."""
    return Client.select(Client.id).limit(1).offset(5_000).exists()
