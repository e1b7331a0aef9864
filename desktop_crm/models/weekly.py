"""The weekly goal form (周目标/周报): plan, collections, annotations (批注) and scores (评分)."""

from __future__ import annotations

from peewee import (
    BigIntegerField,
    CharField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from .base import BaseModel, FlagField
from .clients import Client
from .goals import Goal
from .users import User


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
    done = FlagField(default=False)


class Annotation(BaseModel):
    """A supervisor's annotation (批注) on a weekly form, optionally on one section."""

    form = ForeignKeyField(WeeklyForm, backref="annotations", on_delete="CASCADE")
    author = ForeignKeyField(User, null=True, on_delete="SET NULL")
    section = CharField(max_length=50, default="")
    body = TextField()
    # The line annotated: "collection:<id>", "instalment:<id>", "plan:<id>", "fact:<kpi key>",
    # "assessment:<target id>", "summary"; "" for the whole form.
    line = CharField(max_length=100, default="")


class WeeklyScore(BaseModel):
    """The supervisor's score (评分) of a weekly form, 0..100."""

    form = ForeignKeyField(WeeklyForm, backref="scores", unique=True, on_delete="CASCADE")
    scorer = ForeignKeyField(User, null=True, on_delete="SET NULL")
    score = FloatField()
    comment = TextField(default="")


class WeeklyCriterionScore(BaseModel):
    """One criterion's score (0..100) of a scored form; the criterion's label and weight are copied
    from the setting ``weekly_score_criteria`` when scored, so later edits of the criteria keep it."""

    form = ForeignKeyField(WeeklyForm, backref="criterion_scores", on_delete="CASCADE")
    key = CharField(max_length=50)
    label = CharField(max_length=200)
    weight = FloatField()
    score = FloatField()

    class Meta:
        indexes = ((("form", "key"), True),)
