"""The weekly goal form (周目标/周报) as one read model, filled automatically wherever the data exists.

``weekly_form_view(user_id, iso_year, iso_week)`` reads (and never writes) everything the form shows:

- the assessment task: the user's month and quarter goals that hold the week's Thursday (the rule that
  puts a week in a month), each numeric target with its actual to date, exactly the KPI module's value for
  the user over [goal start, min(week end, goal end)), completion and gap;
- last week's collections per client: planned = last week's manual collection lines plus the instalments
  due last week on the user's clients (a client's current owner); actual = payments received last week on
  those clients (their total is the KPI ``collected_amount_cents`` of that user and week);
- this week's planned collections: the instalments due this week (with what remains unpaid) and the
  manual lines;
- the week's service items (records of the user's clients opened or resolved in the week);
- the plan per day and its done state; the week's facts (every ``kpi --json`` key for that user and
  ISO week); the summary, status, annotations and score; and last week's form, one level deep.

A week without a form reads as status "missing" with everything automatic filled in.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from peewee import JOIN, fn

from .errors import ValidationError
from .goal_metrics import actuals
from .goal_progress import target_progress
from .kpi import Period, compute_many
from .kpi.compute import Value
from .models import (
    Annotation,
    Client,
    Contract,
    Goal,
    GoalTarget,
    Payment,
    PaymentInstalment,
    User,
    WeeklyCollectionItem,
    WeeklyCriterionScore,
    WeeklyForm,
    WeeklyPlanItem,
    WeeklyScore,
)
from .service_read import ServiceRow, week_service_items
from .services.common import fk_id
from .services.weekly import EDITABLE_STATUSES, lock_error, lock_reason, week_dates

ASSESSMENT_KINDS = ("month", "quarter")


@dataclass(frozen=True)
class AssessmentTarget:
    target_id: int
    goal_id: int
    goal_title: str
    goal_kind: str  # "month" or "quarter"
    goal_start: date
    goal_end: date  # exclusive
    metric: str  # a kpi --json key, or "manual"
    label: str
    unit: str
    target: int | float  # in the metric's natural unit (cents, counts, a rate 0..1, days ...)
    actual: Value
    completion: float | None  # share of the target reached (1.0 = reached)
    gap: Value  # target − actual (≤ 0: reached; see goal_progress for less-is-better metrics)
    pace: str  # goal_progress pace as of the week's end: on_pace, behind, far_behind, reached, missed ...


@dataclass(frozen=True)
class CollectionLine:
    """A planned collection of a week: an instalment due (automatic) or a manual line."""

    kind: str  # "instalment" or "manual"
    line_id: int  # PaymentInstalment id or WeeklyCollectionItem id
    client_id: int | None
    client_name: str
    contract_id: int | None
    contract_title: str
    due_date: date | None
    amount_cents: int
    remaining_cents: int  # instalments: what is not paid yet; manual lines: the amount
    note: str

    @property
    def line_ref(self) -> str:
        return f"{'collection' if self.kind == 'manual' else 'instalment'}:{self.line_id}"


@dataclass(frozen=True)
class ClientCollection:
    """Last week per client: planned (manual lines + instalments due) against received."""

    client_id: int | None
    client_name: str
    planned_cents: int
    actual_cents: int


@dataclass(frozen=True)
class PlanLine:
    item_id: int
    weekday: int  # 0 = Monday ... 6 = Sunday
    text: str
    client_id: int | None
    client_name: str
    goal_id: int | None
    goal_title: str
    done: bool

    @property
    def line_ref(self) -> str:
        return f"plan:{self.item_id}"


@dataclass(frozen=True)
class AnnotationLine:
    annotation_id: int
    author_id: int | None
    author_name: str
    created_at: datetime
    body: str
    section: str
    line: str  # "" (the whole form) or a line reference; see services.weekly.annotate
    line_text: str  # what the line says (a plan item's text, a client, a KPI key), "" for the form


@dataclass(frozen=True)
class CriterionScoreLine:
    key: str
    label: str
    weight: float
    score: float


@dataclass(frozen=True)
class ScoreView:
    total: float
    comment: str
    scorer_name: str
    scored_at: datetime
    criteria: list[CriterionScoreLine] = field(default_factory=list)


@dataclass(frozen=True)
class WeeklyFormView:
    user_id: int
    user_name: str
    supervisor_id: int | None
    supervisor_name: str
    iso_year: int
    iso_week: int
    start: date  # Monday
    end: date  # next Monday (exclusive)
    form_id: int | None  # None: no form yet (status "missing")
    status: str  # "missing", "draft", "submitted", "returned", "scored"
    submitted_at: datetime | None
    lock_reason: str  # "" when the form can be edited
    summary: str
    assessment: list[AssessmentTarget]
    last_week_collections: list[ClientCollection]
    collections: list[CollectionLine]  # this week's planned collections
    plan: list[PlanLine]
    facts: dict[str, Value]
    annotations: list[AnnotationLine]
    score: ScoreView | None
    last_week: WeeklyFormView | None = None
    lock_error: ValidationError | None = None  # the error behind lock_reason (the interface translates it)
    # the week's service items (slice service): records of the user's clients opened or resolved that week
    service_items: list[ServiceRow] = field(default_factory=list)

    @property
    def label(self) -> str:
        return week_label(self.iso_year, self.iso_week)

    @property
    def editable(self) -> bool:
        return self.status == "missing" or self.status in EDITABLE_STATUSES

    @property
    def planned_collection_cents(self) -> int:
        return sum(line.remaining_cents for line in self.collections)


def week_label(iso_year: int, iso_week: int) -> str:
    return f"{iso_year}-W{iso_week:02d}"


def parse_week(text: str) -> tuple[int, int]:
    """``"2026-W48"`` → (2026, 48); ValueError for anything else or a week the year does not have."""
    value = text.strip().upper()
    year_text, sep, week_text = value.partition("-W")
    if not sep or not year_text.isdigit() or not week_text.isdigit() or len(week_text) > 2:
        raise ValueError(f"not an ISO week (expected YYYY-Www, e.g. 2026-W48): {text!r}")
    year, week = int(year_text), int(week_text)
    try:
        date.fromisocalendar(year, week, 1)
    except ValueError:
        raise ValueError(f"{year} has no ISO week {week}") from None
    return year, week


def shift_week(iso_year: int, iso_week: int, weeks: int) -> tuple[int, int]:
    monday = date.fromisocalendar(iso_year, iso_week, 1) + timedelta(days=7 * weeks)
    year, week, _ = monday.isocalendar()
    return year, week


def week_of(day: date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week


def weekly_form_view(
    user_id: int, iso_year: int, iso_week: int, *, with_last_week: bool = True
) -> WeeklyFormView:
    """The weekly form of ``user_id`` for that ISO week (see the module docstring). Reads only."""
    user = User.get_by_id(user_id)
    start, end = week_dates(iso_year, iso_week)
    prev_start = start - timedelta(days=7)
    weeks = {start: Period(start, end, "week"), prev_start: Period(prev_start, start, "week")}
    facts = compute_many(list(weeks.values()), user_id)
    return _view(user, iso_year, iso_week, facts[weeks[start]], facts, with_last_week)


def _view(
    user: User,
    iso_year: int,
    iso_week: int,
    week_facts: dict[str, Value],
    all_facts: dict[Period, dict[str, Value]],
    with_last_week: bool,
) -> WeeklyFormView:
    start, end = week_dates(iso_year, iso_week)
    form = WeeklyForm.get_or_none(
        (WeeklyForm.user == user.id) & (WeeklyForm.iso_year == iso_year) & (WeeklyForm.iso_week == iso_week)
    )
    boss_id = fk_id(user, "supervisor")
    boss = User.get_or_none(User.id == boss_id) if boss_id else None
    last_week = None
    if with_last_week:
        prev_year, prev_week = shift_week(iso_year, iso_week, -1)
        prev_start = start - timedelta(days=7)
        prev_facts = all_facts.get(Period(prev_start, start, "week"))
        if prev_facts is None:
            prev_facts = compute_many([Period(prev_start, start, "week")], user.id)[
                Period(prev_start, start, "week")
            ]
        last_week = _view(user, prev_year, prev_week, prev_facts, all_facts, False)
    manual_last = _manual_lines(user.id, *shift_week(iso_year, iso_week, -1))
    return WeeklyFormView(
        user_id=user.id,
        user_name=user.name,
        supervisor_id=boss.id if boss else None,
        supervisor_name=boss.name if boss else "",
        iso_year=iso_year,
        iso_week=iso_week,
        start=start,
        end=end,
        form_id=form.id if form else None,
        status=form.status if form else "missing",
        submitted_at=form.submitted_at if form else None,
        lock_reason=lock_reason(form) if form else "",
        lock_error=lock_error(form) if form else None,
        summary=form.summary if form else "",
        assessment=assessment(user.id, start, end),
        last_week_collections=_last_week_collections(user.id, start - timedelta(days=7), start, manual_last),
        collections=_instalment_lines(user.id, start, end) + _manual_lines(user.id, iso_year, iso_week),
        plan=_plan(form.id) if form else [],
        facts=dict(week_facts),
        annotations=_annotations(form.id) if form else [],
        score=_score(form.id) if form else None,
        last_week=last_week,
        service_items=week_service_items(user.id, start, end),
    )


def _rows(query: Any) -> list[tuple[Any, ...]]:
    """A query's rows as plain tuples."""
    return list(query.tuples())


def assessment(user_id: int, start: date, end: date) -> list[AssessmentTarget]:
    """The numeric targets of the user's month and quarter goals holding the week's Thursday, with the
    actual to the week's end: the KPI over [goal start, min(week end, goal end)). Completion, gap and pace
    are ``goal_progress.target_progress``'s, as of the week's last day (or the goal's, if earlier)."""
    thursday = start + timedelta(days=3)
    rows = list(
        GoalTarget.select(GoalTarget, Goal)
        .join(Goal)
        .where(
            (Goal.user == user_id)
            & Goal.kind.in_(ASSESSMENT_KINDS)
            & (Goal.period_start <= thursday)
            & (Goal.period_end > thursday)
        )
        .order_by(Goal.kind.desc(), Goal.period_start, Goal.id, GoalTarget.id)
    )
    requests = {(user_id, t.goal.period_start, min(end, t.goal.period_end)) for t in rows}
    values = actuals(requests, {t.metric for t in rows})
    result = []
    for t in rows:
        goal = t.goal
        until = min(end, goal.period_end)
        progress = target_progress(
            t, goal, values.get((user_id, goal.period_start, until)), until - timedelta(days=1)
        )
        result.append(
            AssessmentTarget(
                target_id=t.id,
                goal_id=goal.id,
                goal_title=goal.title,
                goal_kind=goal.kind,
                goal_start=goal.period_start,
                goal_end=goal.period_end,
                metric=progress.metric,
                label=progress.label or progress.metric,
                unit=progress.unit,
                target=progress.target,
                actual=progress.actual,
                completion=progress.completion,
                gap=progress.gap,
                pace=progress.pace,
            )
        )
    return result


def _client_names(ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {r[0]: r[1] for r in _rows(Client.select(Client.id, Client.name).where(Client.id.in_(list(ids))))}


def _instalment_lines(user_id: int, start: date, end: date) -> list[CollectionLine]:
    """Instalments due in [start, end) on the user's live clients, with what remains unpaid."""
    paid = (
        Payment.select(Payment.instalment, fn.SUM(Payment.amount_cents).alias("paid"))
        .group_by(Payment.instalment)
        .alias("paid")
    )
    rows = (
        PaymentInstalment.select(
            PaymentInstalment.id,
            PaymentInstalment.due_date,
            PaymentInstalment.amount_cents,
            PaymentInstalment.note,
            Contract.id,
            Contract.title,
            Contract.number,
            Client.id,
            Client.name,
            fn.COALESCE(paid.c.paid, 0),
        )
        .join(Contract)
        .join(Client)
        .switch(PaymentInstalment)
        .join(paid, JOIN.LEFT_OUTER, on=(paid.c.instalment_id == PaymentInstalment.id))
        .where(
            (PaymentInstalment.due_date >= start)
            & (PaymentInstalment.due_date < end)
            & (Client.owner == user_id)
            & Client.deleted_at.is_null()
        )
        .order_by(PaymentInstalment.due_date, Client.name, PaymentInstalment.id)
    )
    return [
        CollectionLine(
            kind="instalment",
            line_id=inst_id,
            client_id=client_id,
            client_name=client_name,
            contract_id=contract_id,
            contract_title=title or number or "",
            due_date=due if isinstance(due, date) else date.fromisoformat(str(due)),
            amount_cents=int(amount),
            remaining_cents=max(0, int(amount) - int(paid_cents or 0)),
            note=note or "",
        )
        for inst_id, due, amount, note, contract_id, title, number, client_id, client_name, paid_cents in _rows(
            rows
        )
    ]


def _manual_lines(user_id: int, iso_year: int, iso_week: int) -> list[CollectionLine]:
    rows = list(
        WeeklyCollectionItem.select(WeeklyCollectionItem, WeeklyForm.id)
        .join(WeeklyForm)
        .where(
            (WeeklyForm.user == user_id)
            & (WeeklyForm.iso_year == iso_year)
            & (WeeklyForm.iso_week == iso_week)
        )
        .order_by(WeeklyCollectionItem.id)
    )
    names = _client_names({fk_id(r, "client") for r in rows if fk_id(r, "client")})
    return [
        CollectionLine(
            kind="manual",
            line_id=r.id,
            client_id=fk_id(r, "client"),
            client_name=names.get(fk_id(r, "client"), ""),
            contract_id=None,
            contract_title="",
            due_date=None,
            amount_cents=int(r.amount_cents),
            remaining_cents=int(r.amount_cents),
            note=r.note,
        )
        for r in rows
    ]


def _last_week_collections(
    user_id: int, start: date, end: date, manual: list[CollectionLine]
) -> list[ClientCollection]:
    planned: dict[int | None, int] = defaultdict(int)
    names: dict[int | None, str] = {}
    for line in manual + _instalment_lines(user_id, start, end):
        planned[line.client_id] += line.amount_cents
        names[line.client_id] = line.client_name
    received = (
        Payment.select(Client.id, Client.name, fn.SUM(Payment.amount_cents))
        .join(Contract)
        .join(Client)
        .where(
            (Payment.paid_on >= start)
            & (Payment.paid_on < end)
            & (Client.owner == user_id)
            & Client.deleted_at.is_null()
        )
        .group_by(Client.id)
    )
    actual: dict[int | None, int] = {}
    for client_id, name, cents in _rows(received):
        actual[client_id] = int(cents or 0)
        names[client_id] = name
    keys = sorted(set(planned) | set(actual), key=lambda k: (k is None, names.get(k, "").casefold(), k or 0))
    return [ClientCollection(k, names.get(k, ""), planned.get(k, 0), actual.get(k, 0)) for k in keys]


def _plan(form_id: int) -> list[PlanLine]:
    rows = list(
        WeeklyPlanItem.select()
        .where(WeeklyPlanItem.form == form_id)
        .order_by(WeeklyPlanItem.weekday, WeeklyPlanItem.id)
    )
    names = _client_names({fk_id(r, "client") for r in rows if fk_id(r, "client")})
    goal_ids = [fk_id(r, "goal") for r in rows if fk_id(r, "goal")]
    goals = {g: t for g, t in _rows(Goal.select(Goal.id, Goal.title).where(Goal.id.in_(goal_ids)))}
    return [
        PlanLine(
            item_id=r.id,
            weekday=r.weekday,
            text=r.text,
            client_id=fk_id(r, "client"),
            client_name=names.get(fk_id(r, "client"), ""),
            goal_id=fk_id(r, "goal"),
            goal_title=goals.get(fk_id(r, "goal"), ""),
            done=bool(r.done),
        )
        for r in rows
    ]


def _line_text(line: str, form_id: int) -> str:
    kind, _sep, ref = line.partition(":")
    if not ref:
        return ""
    if kind == "fact":
        return ref
    found: Any = None
    if kind == "plan":
        found = WeeklyPlanItem.get_or_none(WeeklyPlanItem.id == int(ref))
        return found.text if found else ""
    if kind == "collection":
        found = WeeklyCollectionItem.get_or_none(WeeklyCollectionItem.id == int(ref))
        if found is None:
            return ""
        client = _client_names({fk_id(found, "client")}).get(fk_id(found, "client"), "")
        return " · ".join(p for p in (client, found.note) if p)
    if kind == "instalment":
        row = (
            PaymentInstalment.select(Client.name, Contract.title)
            .join(Contract)
            .join(Client)
            .where(PaymentInstalment.id == int(ref))
            .tuples()
            .first()
        )
        return " · ".join(p for p in row if p) if row else ""
    if kind == "assessment":
        found = GoalTarget.get_or_none(GoalTarget.id == int(ref))
        return (found.label or found.metric) if found else ""
    return ""


def _name(user: User | None) -> str:
    return user.name if user is not None else ""


def _annotations(form_id: int) -> list[AnnotationLine]:
    rows = (
        Annotation.select(Annotation, User)
        .join(User, JOIN.LEFT_OUTER, on=(Annotation.author == User.id))
        .where(Annotation.form == form_id)
        .order_by(Annotation.created_at, Annotation.id)
    )
    return [
        AnnotationLine(
            annotation_id=a.id,
            author_id=fk_id(a, "author"),
            author_name=_name(a.author) if fk_id(a, "author") else "",
            created_at=a.created_at,
            body=a.body,
            section=a.section,
            line=a.line,
            line_text=_line_text(a.line, form_id),
        )
        for a in rows
    ]


def _score(form_id: int) -> ScoreView | None:
    row = (
        WeeklyScore.select(WeeklyScore, User)
        .join(User, JOIN.LEFT_OUTER, on=(WeeklyScore.scorer == User.id))
        .where(WeeklyScore.form == form_id)
        .first()
    )
    if row is None:
        return None
    parts = (
        WeeklyCriterionScore.select()
        .where(WeeklyCriterionScore.form == form_id)
        .order_by(WeeklyCriterionScore.id)
    )
    return ScoreView(
        total=float(row.score),
        comment=row.comment,
        scorer_name=_name(row.scorer) if fk_id(row, "scorer") else "",
        scored_at=row.created_at,
        criteria=[CriterionScoreLine(p.key, p.label, float(p.weight), float(p.score)) for p in parts],
    )


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()


def form_to_json(view: WeeklyFormView) -> dict[str, Any]:
    """The form as JSON data (the ``weekly --json`` command): money in cents, dates ISO."""
    score = view.score
    return {
        "user": view.user_name,
        "week": view.label,
        "start": view.start.isoformat(),
        "end": view.end.isoformat(),
        "status": view.status,
        "submitted_at": _iso(view.submitted_at),
        "summary": view.summary,
        "assessment": [
            {
                "goal": t.goal_title,
                "kind": t.goal_kind,
                "start": t.goal_start.isoformat(),
                "end": t.goal_end.isoformat(),
                "metric": t.metric,
                "label": t.label,
                "target": t.target,
                "actual": t.actual,
                "completion": t.completion,
                "gap": t.gap,
                "pace": t.pace,
            }
            for t in view.assessment
        ],
        "facts": dict(view.facts),
        "collections": {
            "last_week": [
                {
                    "client": c.client_name or None,
                    "planned_cents": c.planned_cents,
                    "actual_cents": c.actual_cents,
                }
                for c in view.last_week_collections
            ],
            "this_week": [
                {
                    "kind": c.kind,
                    "client": c.client_name or None,
                    "contract": c.contract_title or None,
                    "due_date": _iso(c.due_date),
                    "amount_cents": c.amount_cents,
                    "remaining_cents": c.remaining_cents,
                    "note": c.note,
                }
                for c in view.collections
            ],
        },
        "plan": [
            {
                "weekday": p.weekday,
                "day": (view.start + timedelta(days=p.weekday)).isoformat(),
                "text": p.text,
                "client": p.client_name or None,
                "goal": p.goal_title or None,
                "done": p.done,
            }
            for p in view.plan
        ],
        "annotations": [
            {
                "author": a.author_name or None,
                "at": _iso(a.created_at),
                "line": a.line or None,
                "line_text": a.line_text or None,
                "body": a.body,
            }
            for a in view.annotations
        ],
        "score": None
        if score is None
        else {
            "total": score.total,
            "comment": score.comment,
            "scorer": score.scorer_name or None,
            "criteria": [
                {"key": c.key, "label": c.label, "weight": c.weight, "score": c.score} for c in score.criteria
            ],
        },
        "service": [
            {
                "client": r.client_name,
                "type": r.kind,
                "title": r.title,
                "status": r.status,
                "opened_at": _iso(r.created_at),
                "resolved_at": _iso(r.resolved_at),
                "new": view.start <= r.created_at.date() < view.end,
                "resolved": r.resolved_at is not None and view.start <= r.resolved_at.date() < view.end,
            }
            for r in view.service_items
        ],
        "last_week": None if view.last_week is None else form_to_json(view.last_week),
    }


def client_choices(user_id: int, limit: int = 300) -> list[tuple[int, str]]:
    """Clients a line of the user's form can name: the user's live clients, most recently contacted
    first (at most ``limit``), by name."""
    query = (
        Client.select(Client.id, Client.name)
        .where((Client.owner == user_id) & Client.deleted_at.is_null())
        .order_by(Client.last_contact_at.desc(nulls="LAST"), Client.id.desc())
        .limit(limit)
    )
    return sorted(_rows(query), key=lambda r: str(r[1]).casefold())  # type: ignore[return-value]


def event_goal_choices(user_id: int, start: date, end: date) -> list[tuple[int, str]]:
    """The user's event (and day) goals overlapping the week [start, end), for linking plan items."""
    query = (
        Goal.select(Goal.id, Goal.title)
        .where(
            (Goal.user == user_id)
            & Goal.kind.in_(("event", "day", "week"))
            & (Goal.period_start < end)
            & (Goal.period_end > start)
        )
        .order_by(Goal.period_start, Goal.id)
    )
    return _rows(query)  # type: ignore[return-value]
