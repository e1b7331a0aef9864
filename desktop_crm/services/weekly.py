"""The weekly goal form (周目标/周报): plan, collection plan, submission, annotations (批注) and scores (打分).

Status flow: draft → submitted → (returned → submitted ...) → scored. The salesperson edits the form
only while it is a draft or returned; a supervisor returns it with a reason, or scores it.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

from .. import team
from ..errors import ValidationError
from ..kpi import KPI_KEYS
from ..models import (
    Annotation,
    Client,
    Goal,
    GoalTarget,
    PaymentInstalment,
    User,
    WeeklyCollectionItem,
    WeeklyCriterionScore,
    WeeklyForm,
    WeeklyPlanItem,
    WeeklyScore,
    now,
)
from .common import (
    MAX_ID,
    fk_id,
    get_record,
    long_text,
    optional_text,
    require_cents,
    require_int,
    require_text,
    shown,
    transactional,
)
from .deals import UNSET, Unset, alive_client
from .weekly_criteria import ScoreCriterion, load_criteria, weighted_total

FormRef = int | WeeklyForm
UserRef = int | User
EDITABLE_STATUSES = ("draft", "returned")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def week_dates(iso_year: int, iso_week: int) -> tuple[date, date]:
    """The Monday of ISO week ``iso_week`` of ``iso_year`` and the next Monday (the week is [start, end))."""
    year = require_int(iso_year, "iso_year", "Year", 1900, 2100)
    week = require_int(iso_week, "iso_week", "Week", 1, 53)
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        raise ValidationError("weekly.no_such_week", "iso_week", year=year, week=week) from None
    return monday, monday + timedelta(days=7)


def _editable_form(form_id: Any) -> WeeklyForm:
    form = get_record(WeeklyForm, form_id, "Weekly form")
    refusal = _lock(form)
    if refusal is not None:
        raise refusal
    return form


def _lock(form: WeeklyForm) -> ValidationError | None:
    if form.status in EDITABLE_STATUSES:
        return None
    boss = User.get_or_none(User.id == fk_id(form.user, "supervisor")) if form.user else None
    # A locked form was submitted; a form without a time of submission falls back to its week's Monday.
    when = (
        form.submitted_at.date()
        if form.submitted_at
        else date.fromisocalendar(form.iso_year, form.iso_week, 1)
    )
    if form.status == "scored":
        return ValidationError("weekly.locked_scored", "status", when=when)
    if boss is None:
        return ValidationError("weekly.locked_submitted_no_supervisor", "status", when=when)
    return ValidationError("weekly.locked_submitted", "status", when=when, who=boss.name)


def lock_error(form: WeeklyForm) -> ValidationError | None:
    """Why ``form`` cannot be edited (the error editing it raises), or None when it can."""
    return _lock(form)


def lock_reason(form: WeeklyForm) -> str:
    """Why ``form`` cannot be edited (one sentence, the message editing it raises), or "" when it can."""
    refusal = _lock(form)
    return str(refusal) if refusal is not None else ""


def _supervisor(user_id: Any, field_name: str) -> User:
    user = get_record(User, user_id, "User")
    if user.role != "supervisor":
        raise ValidationError("weekly.not_a_supervisor", field_name, name=user.name)
    return user


def _reviewer(user_id: Any, form: WeeklyForm, field_name: str) -> User:
    """A supervisor who sees the form's author (``team.can_see``)."""
    user = _supervisor(user_id, field_name)
    owner = fk_id(form, "user")
    if not team.can_see(user.id, owner):
        raise ValidationError("weekly.not_their_supervisor", field_name, name=user.name)
    return user


@transactional
def open_weekly_form(user_id: UserRef, iso_year: int, iso_week: int) -> WeeklyForm:
    """The user's form for that ISO week, created as a draft the first time."""
    user = get_record(User, user_id, "User")
    week_dates(iso_year, iso_week)
    form, _created = WeeklyForm.get_or_create(user=user, iso_year=iso_year, iso_week=iso_week)
    return form


@transactional
def update_weekly_form(
    form_id: FormRef,
    *,
    summary: str | Unset = UNSET,
    planned_collection_cents: int | Unset = UNSET,
) -> WeeklyForm:
    form = _editable_form(form_id)
    if not isinstance(summary, Unset):
        form.summary = long_text(summary, "summary", "Summary")
    if not isinstance(planned_collection_cents, Unset):
        form.planned_collection_cents = require_cents(
            planned_collection_cents, "planned_collection_cents", "Planned collection"
        )
    form.save()
    return form


@transactional
def add_plan_item(
    form_id: FormRef,
    weekday: int,
    text: str,
    client_id: int | Client | None = None,
    goal_id: int | Goal | None = None,
) -> WeeklyPlanItem:
    """Planned work for one day (0 = Monday ... 6 = Sunday), optionally for a client or an event goal."""
    form = _editable_form(form_id)
    day = require_int(weekday, "weekday", "Weekday", 0, 6)
    body = require_text(text, "text", "Text", 2000)
    client = alive_client(client_id) if client_id is not None else None
    goal = get_record(Goal, goal_id, "Goal") if goal_id is not None else None
    if goal is not None and fk_id(goal, "user") not in (None, fk_id(form, "user")):
        raise ValidationError("weekly.goal_other_person", "goal_id")
    return WeeklyPlanItem.create(form=form, weekday=day, text=body, client=client, goal=goal)


@transactional
def set_plan_item_done(item_id: int | WeeklyPlanItem, done: bool) -> WeeklyPlanItem:
    item = get_record(WeeklyPlanItem, item_id, "Plan item")
    _editable_form(fk_id(item, "form"))
    item.done = bool(done)
    item.save()
    return item


@transactional
def delete_plan_item(item_id: int | WeeklyPlanItem) -> None:
    item = get_record(WeeklyPlanItem, item_id, "Plan item")
    _editable_form(fk_id(item, "form"))
    item.delete_instance()


@transactional
def add_collection_item(
    form_id: FormRef, amount_cents: int, client_id: int | Client | None = None, note: str = ""
) -> WeeklyCollectionItem:
    """One collection planned for the week (本周回款计划)."""
    form = _editable_form(form_id)
    amount = require_cents(amount_cents, "amount_cents", "Amount", allow_zero=False)
    client = alive_client(client_id) if client_id is not None else None
    return WeeklyCollectionItem.create(
        form=form, amount_cents=amount, client=client, note=optional_text(note, "note", "Note", 300)
    )


@transactional
def delete_collection_item(item_id: int | WeeklyCollectionItem) -> None:
    item = get_record(WeeklyCollectionItem, item_id, "Collection item")
    _editable_form(fk_id(item, "form"))
    item.delete_instance()


@transactional
def submit_weekly_form(form_id: FormRef) -> WeeklyForm:
    form = _editable_form(form_id)
    form.status = "submitted"
    form.submitted_at = now()
    form.save()
    return form


@transactional
def return_weekly_form(form_id: FormRef, supervisor_id: UserRef, reason: str) -> WeeklyForm:
    """Send a submitted form back to its author, with the reason as an annotation."""
    form = get_record(WeeklyForm, form_id, "Weekly form")
    supervisor = _reviewer(supervisor_id, form, "supervisor_id")
    body = require_text(reason, "reason", "Reason", 100_000)
    if form.status != "submitted":
        raise ValidationError("weekly.return_not_submitted", "status", status=form.status)
    Annotation.create(form=form, author=supervisor, section="return", body=body)
    form.status = "returned"
    form.save()
    return form


LINE_KINDS = ("collection", "instalment", "plan", "fact", "assessment")


def _line(form: WeeklyForm, value: Any) -> str:
    """Check an annotated line reference: "", "summary" or "<kind>:<id or KPI key>" of this form."""
    line = optional_text(value, "line", "Line", 100)
    if line in ("", "summary"):
        return line
    kind, _sep, ref = line.partition(":")
    if kind not in LINE_KINDS or not ref:
        raise ValidationError("weekly.unknown_line", "line", line=line)
    if kind == "fact":
        if ref not in KPI_KEYS:
            raise ValidationError("weekly.unknown_kpi_line", "line", line=ref)
        return line
    try:
        ref_id = int(ref)
    except ValueError:
        raise ValidationError("weekly.unknown_line", "line", line=line) from None
    if not 1 <= ref_id <= MAX_ID:  # no such row (and SQLite could not even compare the number)
        raise ValidationError("weekly.unknown_line", "line", line=line)
    found: Any
    if kind == "collection":
        found = WeeklyCollectionItem.get_or_none(
            (WeeklyCollectionItem.id == ref_id) & (WeeklyCollectionItem.form == form)
        )
    elif kind == "plan":
        found = WeeklyPlanItem.get_or_none((WeeklyPlanItem.id == ref_id) & (WeeklyPlanItem.form == form))
    elif kind == "instalment":
        found = PaymentInstalment.get_or_none(PaymentInstalment.id == ref_id)
    else:
        found = GoalTarget.get_or_none(GoalTarget.id == ref_id)
    if found is None:
        raise ValidationError("weekly.unknown_line", "line", line=line)
    return line


@transactional
def annotate(
    form_id: FormRef, author_id: UserRef, body: str, section: str = "", line: str = ""
) -> Annotation:
    """An annotation (批注) by a supervisor who sees the author: on the whole form, or on one line
    (``line``: "collection:<id>", "instalment:<id>", "plan:<id>", "fact:<KPI key>", "assessment:<target id>",
    "summary")."""
    form = get_record(WeeklyForm, form_id, "Weekly form")
    author = _reviewer(author_id, form, "author_id")
    text = require_text(body, "body", "Annotation", 100_000)
    ref = _line(form, line)
    part = optional_text(section, "section", "Section", 50) or ref.partition(":")[0]
    return Annotation.create(form=form, author=author, section=part, body=text, line=ref)


def _score(value: Any, field_name: str = "score") -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or (isinstance(value, float) and math.isnan(value))
    ):
        raise ValidationError("weekly.score_not_a_number", field_name)
    if not 0 <= value <= 100:
        raise ValidationError("weekly.score_range", field_name)
    return float(value)


@transactional
def score_week(
    form_id: FormRef,
    scorer_id: UserRef,
    score: float | None = None,
    comment: str = "",
    criteria_scores: dict[str, float] | None = None,
) -> WeeklyScore:
    """A supervisor's score (0..100) of a submitted form; scoring again replaces the score.

    With ``criteria_scores`` ({criterion key: 0..100}, criteria from ``weekly_criteria.load_criteria``)
    the total is their weighted mean and ``score`` must be left out.
    """
    form = get_record(WeeklyForm, form_id, "Weekly form")
    scorer = _reviewer(scorer_id, form, "scorer_id")
    text = long_text(comment, "comment", "Comment")
    parts: list[tuple[ScoreCriterion, float]] = []
    if criteria_scores is not None and not isinstance(criteria_scores, dict):
        raise ValidationError("not_a_mapping", "criteria_scores", label="Score")
    if criteria_scores:
        if score is not None:
            raise ValidationError("weekly.score_both", "score")
        criteria = {c.key: c for c in load_criteria()}
        for key, value in criteria_scores.items():
            if key not in criteria:
                raise ValidationError("weekly.unknown_criterion", "criteria_scores", key=shown(key))
            parts.append((criteria[key], _score(value, f"criterion:{key}")))
        value = weighted_total([(c.weight, v) for c, v in parts])
    else:
        if score is None:
            raise ValidationError("weekly.score_not_a_number", "score")
        value = _score(score)
    if form.status not in ("submitted", "scored"):
        raise ValidationError("weekly.score_not_submitted", "status", status=form.status)
    WeeklyScore.delete().where(WeeklyScore.form == form).execute()
    WeeklyCriterionScore.delete().where(WeeklyCriterionScore.form == form).execute()
    result = WeeklyScore.create(form=form, scorer=scorer, score=value, comment=text)
    for criterion, part in parts:
        WeeklyCriterionScore.create(
            form=form, key=criterion.key, label=criterion.label, weight=criterion.weight, score=part
        )
    form.status = "scored"
    form.save()
    return result
