"""The owner's dashboard as a read model: cards, chart series, the per-salesperson summary (人员汇总) and
the records behind each number (drill-down). Plain functions returning frozen dataclasses; no Qt.

Every number is the KPI module's (``desktop_crm.kpi``, DOMAIN.md's definitions): ``cards`` equals
``kpi.compute`` with the changes of ``kpi.series`` (``kpi.change`` against ``period.previous()`` and
``period.year_ago()``), ``drill_down`` lists exactly the records a KPI counts, and ``person_summary`` is
``kpi.compute`` per person. The additive facts (follow-ups by channel, call minutes) are read from the
summary table ``kpi_daily`` (``desktop_crm.kpi_summary``) when the database has it, which is what keeps a
refresh on 1M follow-ups within its budget; the rest comes from the KPI module's own queries.

Decisions where the issue is silent:

- ``direction``/``good`` describe the month-on-month change (``yoy_direction``/``yoy_good`` the
  year-on-year one): ``flat`` when the change is exactly 0 (``good`` None), None when the change is
  undefined. Lower is better for the follow-up cycle (mean, median) and for lost count and amount.
- ``goal_attainment``: for each salesperson the viewer sees, their own goals (not team goals) with
  numeric targets whose period *contains* the selected period, the shortest such period winning (a month
  view uses the month goal, else the quarter's, else the year's); when none contains it, the goals lying
  inside the period (a year view over month goals). ``completion`` is the mean of the chosen goals'
  completions (``goal_progress``'s; goals without one are left out), ``pace`` the worst of their paces.
- ``person_summary``: the people are the active users the viewer sees (everyone active when no viewer);
  a supervisor appears only when they have any figure in the period. ``rank`` 1 = the largest signed
  amount, ties broken by the collected amount; equal on both share a rank (1, 1, 3).
  ``busy_not_converting``: ``activity_total`` strictly above the team median while the conversion rate
  AND the signed amount are strictly below theirs. A person without new clients has no conversion rate
  (None): None rates are left out of the median and a None rate is never "below" it, so such a person is
  not flagged (there is no conversion to judge); with fewer than two people nobody is flagged.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import kpi_summary, team
from .engine import raw_connection
from .goal_metrics import METRIC_UNITS
from .kpi import KPI_KEYS, Period, change, periods_between
from .kpi.compute import Value
from .kpi.periods import week_of_thursday
from .kpi.queries import CHANNELS
from .models import User

CARD_KEYS: tuple[str, ...] = (
    "new_clients",
    "first_signings",
    "conversion_rate",
    "first_order_avg_cents",
    "follow_up_cycle_days_mean",
    "follow_up_cycle_days_median",
    "follow_ups_per_signed_client",
    "signed_amount_cents",
    "collected_amount_cents",
    "planned_collection_cents",
    "new_opportunity_value_cents",
    "won_count",
    "won_amount_cents",
    "lost_count",
    "lost_amount_cents",
    # after-sales (slice io11): complaints and referrals, as the KPI module counts them
    "complaints_opened",
    "complaints_resolved",
    "resolution_days_mean",
    "referrals",
    "referral_conversion",
)

# Cards where a fall is an improvement.
LOWER_IS_BETTER: frozenset[str] = frozenset(
    {
        "follow_up_cycle_days_mean",
        "follow_up_cycle_days_median",
        "lost_count",
        "lost_amount_cents",
        "complaints_opened",
        "resolution_days_mean",
    }
)

# The series each chart draws (``trend(kind, start, end, user_id, CHART_KEYS[chart])``).
CHART_KEYS: dict[str, tuple[str, ...]] = {
    "signed_collected": ("signed_amount_cents", "collected_amount_cents", "planned_collection_cents"),
    "conversion": ("conversion_rate",),
    "first_order": ("first_order_avg_cents",),
    "cycle": ("follow_up_cycle_days_mean", "follow_up_cycle_days_median"),
    "activity": tuple(f"activity_{c}" for c in CHANNELS),
    "behaviour": ("behaviour_score",),
}

# --- cards -------------------------------------------------------------------------------------------


def _direction(delta: float | None) -> str | None:
    if delta is None:
        return None
    return "up" if delta > 0 else "down" if delta < 0 else "flat"


def _good(key: str, direction: str | None) -> bool | None:
    if direction not in ("up", "down"):
        return None
    return (direction == "down") if key in LOWER_IS_BETTER else (direction == "up")


@dataclass(frozen=True)
class Card:
    key: str
    value: Value
    previous: Value  # the value of ``period.previous()``
    year_ago: Value  # the value of ``period.year_ago()``
    mom: float | None  # kpi.change(value, previous)
    yoy: float | None  # kpi.change(value, year_ago)
    direction: str | None  # of the MoM change: "up", "down", "flat" or None (no change to speak of)
    good: bool | None  # whether the MoM change is an improvement (None: flat or undefined)
    unit: str = "count"  # goal_metrics.METRIC_UNITS: count, cents, rate, days, ratio, ...
    yoy_direction: str | None = None
    yoy_good: bool | None = None


def cards(period: Period, user_id: int | None = None, keys: Sequence[str] = CARD_KEYS) -> list[Card]:
    """One card per key (``CARD_KEYS`` by default) for ``period`` and one salesperson (None: the team)."""
    _check_keys(keys)
    return _cards(_values([period, period.previous(), period.year_ago()], user_id, keys), period, keys)


def _cards(values: dict[Period, dict[str, Value]], period: Period, keys: Sequence[str]) -> list[Card]:
    now, before, year = values[period], values[period.previous()], values[period.year_ago()]
    result = []
    for key in keys:
        mom, yoy = change(now[key], before[key]), change(now[key], year[key])
        result.append(
            Card(
                key=key,
                value=now[key],
                previous=before[key],
                year_ago=year[key],
                mom=mom,
                yoy=yoy,
                direction=_direction(mom),
                good=_good(key, _direction(mom)),
                unit=METRIC_UNITS[key],
                yoy_direction=_direction(yoy),
                yoy_good=_good(key, _direction(yoy)),
            )
        )
    return result


# --- trends ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrendPoint:
    period: Period
    values: dict[str, Value]


def trend(kind: str, start: date, end: date, user_id: int | None, keys: Sequence[str]) -> list[TrendPoint]:
    """The values of ``keys`` for each period of ``kind`` covering ``[start, end)``
    (``kpi.periods_between``), for one salesperson or the team."""
    _check_keys(keys)
    periods = periods_between(kind, start, end)
    values = _values(periods, user_id, keys)
    return [TrendPoint(p, {k: values[p][k] for k in keys}) for p in periods]


def _check_keys(keys: Iterable[str]) -> None:
    unknown = [k for k in keys if k not in KPI_KEYS]
    if unknown:
        raise ValueError(f"unknown KPI keys: {', '.join(unknown)}")


def _values(
    periods: Sequence[Period], user_id: int | None, keys: Sequence[str]
) -> dict[Period, dict[str, Value]]:
    """The KPI values of ``keys`` (at least) for each period: exactly ``kpi.compute_many``'s."""
    return kpi_summary.values(periods, user_id, keys)


# --- the pipeline ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StageBar:
    stage: str
    count: int
    amount_cents: int
    weighted_cents: int = 0


def pipeline_by_stage(user_id: int | None = None) -> list[StageBar]:
    """Open opportunities per stage, in stage order (``pipeline.stage_totals``): one owner or everyone."""
    from .pipeline import PipelineFilter, stage_totals

    return [
        StageBar(t.stage, t.count, t.amount_cents, t.weighted_cents)
        for t in stage_totals(PipelineFilter(owner_id=user_id))
    ]


# --- people ------------------------------------------------------------------------------------------


def _people(viewer_id: int | None) -> list[tuple[int, str, str]]:
    """(id, name, role) of the active users the viewer sees (everyone active without a viewer), by name."""
    query: Any = User.select(User.id, User.name, User.role).where(User.active == True)  # noqa: E712
    rows = {uid: (uid, name, role) for uid, name, role in query.tuples()}
    if viewer_id is None:
        ids = sorted(rows, key=lambda u: (rows[u][1].casefold(), u))
    else:
        ids = [u for u in team.visible_user_ids(viewer_id) if u in rows]
    return [rows[u] for u in ids]


@dataclass(frozen=True)
class Attainment:
    user_id: int
    name: str
    completion: float | None  # mean rolled-up completion of the chosen goals (1.0 = 100 %)
    pace: str  # goal_progress pace names; "unknown" without goals
    goal_ids: tuple[int, ...] = ()


def goal_attainment(period: Period, viewer_id: int | None) -> list[Attainment]:
    """Goal completion per salesperson the viewer sees (see the module docstring for which goals).

    Only the chosen goals are computed (not their sub-goals): a goal's completion is the mean of its own
    targets' completions, as in ``goal_progress``; the actuals come from the KPI summaries."""
    from peewee import SQL, fn

    from . import clock
    from .goal_metrics import MANUAL
    from .goal_progress import PACE_ORDER, _pace, expected_share, progress_for_goals, target_progress
    from .models import Goal, GoalTarget
    from .services.common import fk_id

    people = [(u, n) for u, n, role in _people(viewer_id) if role == "salesperson" or u == viewer_id]
    ids = [u for u, _n in people]
    # the candidates as plain tuples (id, start, end); model objects only for the few chosen
    query: Any = (
        Goal.select(Goal.id, Goal.user, Goal.period_start, Goal.period_end)
        .where(
            Goal.user.in_(ids)
            & (Goal.period_start < period.end)
            & (Goal.period_end > period.start)
            & fn.EXISTS(GoalTarget.select(SQL("1")).where(GoalTarget.goal == Goal.id))
        )
        .order_by(Goal.id)
        .tuples()
    )
    goals: dict[int, list[tuple[int, date, date]]] = {}
    for goal_id, user_id, goal_start, goal_end in query:
        goals.setdefault(user_id, []).append((goal_id, goal_start, goal_end))
    chosen_ids: dict[int, list[int]] = {}
    for user_id, spans in goals.items():
        containing = [(g, a, b) for g, a, b in spans if a <= period.start and b >= period.end]
        if containing:
            shortest = min(b - a for _g, a, b in containing)
            chosen_ids[user_id] = [g for g, a, b in containing if b - a == shortest]
        else:
            chosen_ids[user_id] = [g for g, a, b in spans if a >= period.start and b <= period.end]
    goal_ids = [g for listed in chosen_ids.values() for g in listed]
    models = {g.id: g for g in Goal.select().where(Goal.id.in_(goal_ids))} if goal_ids else {}
    chosen: dict[int, list[Any]] = {u: [models[g] for g in listed] for u, listed in chosen_ids.items()}
    targets: dict[int, list[Any]] = {}
    for target in GoalTarget.select().where(GoalTarget.goal.in_(goal_ids)).order_by(GoalTarget.id):
        targets.setdefault(fk_id(target, "goal"), []).append(target)
    today = clock.today()
    completions: dict[int, tuple[float | None, str]] = {}
    measured = {  # each person's goal periods and the metrics their targets measure
        user_id: (
            {Period(g.period_start, g.period_end, "custom") for g in listed},
            {t.metric for g in listed for t in targets.get(g.id, []) if t.metric != MANUAL},
        )
        for user_id, listed in chosen.items()
    }
    with_metrics = [u for u, (_spans, metrics) in measured.items() if metrics]
    actuals = (  # everyone's actuals from one batch of queries, not one batch per person
        kpi_summary.values_by_person(
            sorted({p for u in with_metrics for p in measured[u][0]}),
            with_metrics,
            sorted({m for u in with_metrics for m in measured[u][1]}),
        )
        if with_metrics
        else {}
    )
    for user_id, listed in chosen.items():
        actual = actuals.get(user_id, {})
        for goal in listed:
            row = actual.get(Period(goal.period_start, goal.period_end, "custom"))
            own = [target_progress(t, goal, row, today).completion for t in targets.get(goal.id, [])]
            known = [c for c in own if c is not None]
            if not known:  # the goal's completion comes from its sub-goals
                progress = progress_for_goals([goal.id], today)[goal.id]
                completions[goal.id] = (progress.completion, progress.pace)
                continue
            completion = sum(known) / len(known)
            share = expected_share(goal.period_start, goal.period_end, today)
            completions[goal.id] = (completion, _pace(MANUAL, completion, share, today >= goal.period_end)[1])
    result = []
    for user_id, name in people:
        picked = [g.id for g in chosen.get(user_id, []) if completions[g.id][0] is not None]
        values = [completions[g][0] for g in picked]
        known = [v for v in values if v is not None]
        pace = min((completions[g][1] for g in picked), key=PACE_ORDER.index) if picked else "unknown"
        result.append(
            Attainment(user_id, name, sum(known) / len(known) if known else None, pace, tuple(sorted(picked)))
        )
    return result


@dataclass(frozen=True)
class BehaviourScore:
    user_id: int
    name: str
    month_start: date
    score: float | None  # KPI behaviour_score of the month; None: no scored form


def behaviour_scores(start: date, end: date, user_ids: Sequence[int]) -> list[BehaviourScore]:
    """The monthly behaviour score (月度周行为分) of each person for each month covering ``[start, end)``:
    the mean score of their scored weekly forms whose ISO week's Thursday falls in the month (the KPI
    ``behaviour_score``)."""
    months = periods_between("month", start, end)
    if not months or not user_ids:
        return []
    from .kpi.queries import _behaviour_scores

    names: dict[int, str] = dict(User.select(User.id, User.name).where(User.id.in_(list(user_ids))).tuples())  # type: ignore[arg-type]
    conn = raw_connection()
    scores: dict[tuple[int, date], list[float]] = {}
    first, last = months[0].start, months[-1].end
    months_of: dict[tuple[int, int], date | None] = {}  # each distinct week's month (None: not shown)
    for user_id in user_ids:  # the KPI module's query per person, so the means are the KPI's to the bit
        for iso_year, iso_week, score in _behaviour_scores(conn, months, user_id):
            week = (int(iso_year), int(iso_week))
            if week not in months_of:
                try:
                    thursday = week_of_thursday(*week)
                except ValueError:
                    months_of[week] = None
                else:
                    months_of[week] = thursday.replace(day=1) if first <= thursday < last else None
            shown_month = months_of[week]
            if shown_month is not None:
                scores.setdefault((user_id, shown_month), []).append(float(score))
    result = []
    for user_id in user_ids:
        for month in months:
            listed = scores.get((user_id, month.start))
            result.append(
                BehaviourScore(
                    user_id,
                    names.get(user_id, ""),
                    month.start,
                    sum(listed) / len(listed) if listed else None,
                )
            )
    return result


PERSON_KEYS: tuple[str, ...] = (
    "signed_amount_cents",
    "collected_amount_cents",
    "activity_call",
    "call_minutes",
    "activity_visit",
    "activity_total",
    "new_opportunity_value_cents",
    "new_clients",
    "won_count",
    "won_amount_cents",
    "lost_count",
    "lost_amount_cents",
    "conversion_rate",
    "behaviour_score",
)


@dataclass(frozen=True)
class PersonRow:
    user_id: int
    name: str
    signed_amount_cents: int
    collected_amount_cents: int
    activity_call: int
    call_minutes: int
    activity_visit: int
    activity_total: int
    new_opportunity_value_cents: int
    new_clients: int
    won_count: int
    won_amount_cents: int
    lost_count: int
    lost_amount_cents: int
    conversion_rate: float | None
    behaviour_score: float | None
    rank: int
    busy_not_converting: bool

    def to_json(self) -> dict[str, Any]:
        """The ``kpi --by-person --json`` form of the row (README, command table)."""
        return {
            "user": self.name,
            "user_id": self.user_id,
            "rank": self.rank,
            **{key: getattr(self, key) for key in PERSON_KEYS},
            "busy_not_converting": self.busy_not_converting,
        }


def _median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def _below(value: float | None, median: float | None) -> bool:
    return value is not None and median is not None and value < median


def person_summary(period: Period, viewer_id: int | None = None) -> list[PersonRow]:
    """人员汇总: one row per salesperson the viewer sees, ranked by signed then collected amount."""
    people = _people(viewer_id)
    values = kpi_summary.per_person(period, [u for u, _n, _r in people], PERSON_KEYS)
    chosen = []
    for user_id, name, role in people:
        row = values[user_id]
        if role != "salesperson" and user_id != viewer_id and not any(row[k] for k in PERSON_KEYS):
            continue
        chosen.append((user_id, name, row))
    busy = _median([float(r["activity_total"] or 0) for _u, _n, r in chosen])
    rate = _median([float(r["conversion_rate"]) for _u, _n, r in chosen if r["conversion_rate"] is not None])
    signed = _median([float(r["signed_amount_cents"] or 0) for _u, _n, r in chosen])
    order = sorted(
        chosen,
        key=lambda c: (-int(c[2]["signed_amount_cents"] or 0), -int(c[2]["collected_amount_cents"] or 0)),
    )
    ranks: dict[int, int] = {}
    for position, (user_id, _name, row) in enumerate(order, start=1):
        key = (row["signed_amount_cents"], row["collected_amount_cents"])
        previous = order[position - 2] if position > 1 else None
        if (
            previous is not None
            and (previous[2]["signed_amount_cents"], previous[2]["collected_amount_cents"]) == key
        ):
            ranks[user_id] = ranks[previous[0]]
        else:
            ranks[user_id] = position
    result = []
    for user_id, name, row in sorted(chosen, key=lambda c: (ranks[c[0]], c[1].casefold(), c[0])):
        flagged = (
            len(chosen) > 1
            and busy is not None
            and float(row["activity_total"] or 0) > busy
            and _below(row["conversion_rate"], rate)  # type: ignore[arg-type]
            and _below(float(row["signed_amount_cents"] or 0), signed)
        )
        result.append(
            PersonRow(
                user_id=user_id,
                name=name,
                **{k: row[k] for k in PERSON_KEYS},  # type: ignore[arg-type]
                rank=ranks[user_id],
                busy_not_converting=bool(flagged),
            )
        )
    return result


# --- drill-down --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DrillRow:
    """One record behind a KPI value.

    ``kind``: client, contract, payment, instalment, follow_up, opportunity, weekly_form, complaint. ``record_id`` is
    that record's id (for kind client, the client's). ``quantity``: the per-record number a mean or median
    KPI averages (cycle days, follow-ups before signing, call minutes, a weekly score). ``counted``: for a
    rate, whether the record is in the numerator (converted, repeat client).
    """

    kind: str
    record_id: int
    client_id: int | None
    client_name: str
    day: date
    amount_cents: int | None
    detail: str
    quantity: float | None = None
    counted: bool | None = None
    user_id: int | None = None  # whom the record is attributed to


DRILL_KEYS: tuple[str, ...] = tuple(KPI_KEYS)


def drill_down(key: str, period: Period, user_id: int | None = None) -> list[DrillRow]:
    """The records that ``key``'s value for ``period`` (and salesperson, None = team) counts, by day.

    Count, sum, mean or median over the rows gives the KPI value (``drill_value``): clients created for
    ``new_clients`` and ``conversion_rate`` (``counted`` = converted), first contracts for the first-signing
    KPIs (one row per client; ``quantity`` = cycle days or follow-ups), contracts for signed amounts and the
    repeat rate, payments for collected, instalments for planned, follow-ups for activity and call
    minutes, opportunities for new value and won/lost, scored weekly forms for the behaviour score.
    """
    from . import drill

    if key not in KPI_KEYS:
        raise ValueError(f"unknown KPI key {key!r}")
    return drill.rows(key, period, user_id)


def drill_listing(key: str, period: Period, user_id: int | None = None) -> Any:
    """``drill_down``'s records as a ``drill.DrillListing``: the exact count at once, the rows built a
    page at a time when shown (a month of the team's follow-ups is about 100k records)."""
    from . import drill

    if key not in KPI_KEYS:
        raise ValueError(f"unknown KPI key {key!r}")
    return drill.listing(key, period, user_id)


def drill_value(key: str, rows: Sequence[DrillRow]) -> Value:
    """What the KPI ``key`` makes of its drill-down rows (the test that they are exactly the records)."""
    from . import drill

    return drill.value(key, rows)


@dataclass(frozen=True)
class Refresh:
    """Everything the dashboard shows at once (computed off the GUI thread)."""

    cards: list[Card]
    trends: dict[str, list[TrendPoint]]
    pipeline: list[StageBar] = field(default_factory=list)


def refresh(
    period: Period,
    user_id: int | None,
    kind: str,
    start: date,
    end: date,
    charts: Sequence[str] = tuple(CHART_KEYS),
) -> Refresh:
    """The cards of ``period`` and the series of the shown charts over ``[start, end)`` by ``kind``, in
    one pass (the shared periods computed once)."""
    keys = sorted({k for c in charts for k in CHART_KEYS[c]})
    shown = periods_between(kind, start, end) if keys else []
    compared = [period, period.previous(), period.year_ago()]
    # the cards' periods and the charts' in one batch of queries (a month view shares most of them)
    values = _values([*shown, *compared], user_id, sorted({*keys, *CARD_KEYS}))
    return Refresh(
        cards=_cards(values, period, CARD_KEYS),
        trends={c: [TrendPoint(p, {k: values[p][k] for k in CHART_KEYS[c]}) for p in shown] for c in charts},
        pipeline=pipeline_by_stage(user_id),
    )


def default_range(kind: str, today: date, count: int = 12) -> tuple[date, date]:
    """The ``count`` periods of ``kind`` up to the one holding ``today``: ``[start, end)``."""
    from .kpi import period_containing

    last = period_containing(kind, today)
    first = last
    for _ in range(count - 1):
        first = first.previous()
    return first.start, last.end
