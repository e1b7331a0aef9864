"""Goals: the tree of numeric targets (数字目标) and action targets (行动目标)."""

from __future__ import annotations

from peewee import (
    BigIntegerField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    TextField,
)

from .base import BaseModel, FlagField
from .clients import Client
from .users import User


class Goal(BaseModel):
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="CASCADE")
    user = ForeignKeyField(User, null=True, backref="goals", on_delete="CASCADE")  # None = team goal
    kind = CharField(max_length=10)  # enums.GOAL_KINDS
    title = CharField(max_length=300)
    period_start = DateField()
    period_end = DateField()  # exclusive, like every period
    qualitative = FlagField(default=False)  # cannot be quantified; scored by judgement
    notes = TextField(default="")


class GoalTarget(BaseModel):
    """A numeric target (数字目标): a KPI key of ``kpi --json`` or ``manual`` (a labelled target whose actual
    is entered by hand), and the value to reach. Values are stored as integers: cents and counts as they
    are, rates in basis points, days, ratios and scores in hundredths (``goal_progress.scale``).

    Targets are agreed, not dictated: ``assigned_by`` is who set the value; on someone else's goal it is an
    assigned target, for which the owner can propose another value (``proposed_*``); the supervisor
    accepts it or keeps theirs (``proposal_state``: "", "proposed", "accepted", "declined")."""

    goal = ForeignKeyField(Goal, backref="targets", on_delete="CASCADE")
    metric = CharField(
        max_length=50, default="manual"
    )  # a KPI key such as "signed_amount_cents", or "manual"
    label = CharField(max_length=200, default="")
    unit = CharField(max_length=10, default="count")  # goal_metrics.METRIC_UNITS values
    target_value = BigIntegerField(default=0)
    actual_value = BigIntegerField(null=True)  # manual actual of a "manual" target
    assigned_by = ForeignKeyField(User, null=True, backref="targets_set", on_delete="SET NULL")
    proposed_value = BigIntegerField(null=True)
    proposal_reason = TextField(default="")
    proposed_by = ForeignKeyField(User, null=True, backref="targets_proposed", on_delete="SET NULL")
    proposed_at = DateTimeField(null=True)
    proposal_state = CharField(max_length=10, default="")
    decided_at = DateTimeField(null=True)


class GoalAction(BaseModel):
    """An action target (行动目标): a category of ``enums.ACTION_CATEGORIES`` (``custom`` with a label)."""

    goal = ForeignKeyField(Goal, backref="actions", on_delete="CASCADE")
    category = CharField(max_length=30, default="routine")
    label = CharField(max_length=100, default="")  # the custom category's name
    title = CharField(max_length=300)
    due_date = DateField(null=True)
    done = FlagField(default=False)
    done_at = DateTimeField(null=True)


class GoalActionClient(BaseModel):
    """A client an action target is about (one or several per action)."""

    action = ForeignKeyField(GoalAction, backref="action_clients", on_delete="CASCADE")
    client = ForeignKeyField(Client, backref="goal_action_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("action", "client"), True),)


class GoalClient(BaseModel):
    goal = ForeignKeyField(Goal, backref="goal_clients", on_delete="CASCADE")
    client = ForeignKeyField(Client, backref="goal_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("goal", "client"), True),)
