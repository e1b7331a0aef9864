"""Goals (tree of numeric + action targets), weekly forms, annotations, scores, and the handbook."""

from __future__ import annotations

from peewee import (
    BigIntegerField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from .base import BaseModel
from .clients import Client
from .users import User


class Goal(BaseModel):
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="CASCADE")
    user = ForeignKeyField(User, null=True, backref="goals", on_delete="CASCADE")  # None = team goal
    kind = CharField(max_length=10)  # enums.GOAL_KINDS
    title = CharField(max_length=300)
    period_start = DateField()
    period_end = DateField()  # exclusive, like every period
    qualitative = BooleanField(default=False)  # cannot be quantified; scored by judgement
    notes = TextField(default="")


class GoalTarget(BaseModel):
    """A numeric target (数字目标): a KPI key or a free label, a target value and its unit."""

    goal = ForeignKeyField(Goal, backref="targets", on_delete="CASCADE")
    metric = CharField(max_length=50, default="")  # a KPI key such as "signed_amount", or "" for free
    label = CharField(max_length=200, default="")
    unit = CharField(max_length=10, default="count")  # "count" or "cents"
    target_value = BigIntegerField(default=0)
    actual_value = BigIntegerField(null=True)  # manual actual for free targets


class GoalAction(BaseModel):
    """An action target (行动目标)."""

    goal = ForeignKeyField(Goal, backref="actions", on_delete="CASCADE")
    category = CharField(max_length=30, default="keep_in_touch")  # enums.PLAN_TYPES or free
    title = CharField(max_length=300)
    due_date = DateField(null=True)
    done = BooleanField(default=False)
    done_at = DateTimeField(null=True)


class GoalClient(BaseModel):
    goal = ForeignKeyField(Goal, backref="goal_clients", on_delete="CASCADE")
    client = ForeignKeyField(Client, backref="goal_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("goal", "client"), True),)


class WeeklyForm(BaseModel):
    """The weekly goal form (周目标/周报): one per salesperson per ISO week."""

    user = ForeignKeyField(User, backref="weekly_forms", on_delete="CASCADE")
    iso_year = IntegerField()
    iso_week = IntegerField()
    planned_collection_cents = BigIntegerField(default=0)  # this week's collection plan (本周回款计划)
    summary = TextField(default="")
    status = CharField(max_length=10, default="draft")  # enums.WEEKLY_FORM_STATUSES
    submitted_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("user", "iso_year", "iso_week"), True),)


class WeeklyCollectionItem(BaseModel):
    """One planned collection of the week: a client (and contract) and the amount expected."""

    form = ForeignKeyField(WeeklyForm, backref="collections", on_delete="CASCADE")
    client = ForeignKeyField(Client, null=True, on_delete="SET NULL")
    amount_cents = BigIntegerField(default=0)
    note = CharField(max_length=300, default="")


class WeeklyPlanItem(BaseModel):
    """Planned work for one day of the week (0 = Monday ... 6 = Sunday)."""

    form = ForeignKeyField(WeeklyForm, backref="plan_items", on_delete="CASCADE")
    weekday = IntegerField()
    text = TextField()
    client = ForeignKeyField(Client, null=True, on_delete="SET NULL")
    goal = ForeignKeyField(Goal, null=True, on_delete="SET NULL")  # linked event goal
    done = BooleanField(default=False)


class Annotation(BaseModel):
    """A supervisor's annotation (批注) on a weekly form, optionally on one section."""

    form = ForeignKeyField(WeeklyForm, backref="annotations", on_delete="CASCADE")
    author = ForeignKeyField(User, null=True, on_delete="SET NULL")
    section = CharField(max_length=50, default="")
    body = TextField()


class WeeklyScore(BaseModel):
    """The supervisor's score (评分) of a weekly form, 0..100."""

    form = ForeignKeyField(WeeklyForm, backref="scores", unique=True, on_delete="CASCADE")
    scorer = ForeignKeyField(User, null=True, on_delete="SET NULL")
    score = FloatField()
    comment = TextField(default="")


class HandbookEntry(BaseModel):
    """A performance-handbook (绩效手册) question and answer."""

    question = TextField()
    answer = TextField(default="")
    kpi_key = CharField(max_length=50, default="")
    revised_on = DateField(null=True)
    position = IntegerField(default=0)
