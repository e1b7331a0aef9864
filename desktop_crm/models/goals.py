"""Goals: the tree of numeric targets (数字目标) and action targets (行动目标)."""

from __future__ import annotations

from peewee import (
    BigIntegerField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
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
