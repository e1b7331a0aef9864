"""Follow-ups (跟进记录) and the next steps (下步事务) that chain them."""

from __future__ import annotations

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from .base import BaseModel, FlagField
from .clients import Client
from .deals import Opportunity
from .stakeholders import Contact
from .users import User


class FollowUp(BaseModel):
    client = ForeignKeyField(Client, backref="follow_ups", on_delete="CASCADE")
    user = ForeignKeyField(User, null=True, backref="follow_ups", on_delete="SET NULL")  # who logged it
    opportunity = ForeignKeyField(Opportunity, null=True, backref="follow_ups", on_delete="SET NULL")
    channel = CharField(max_length=20)  # enums.CHANNELS
    purpose = CharField(max_length=30, default="keep_in_touch")  # enums.PLAN_TYPES
    happened_at = DateTimeField(index=True)
    duration_minutes = IntegerField(default=0)
    summary = TextField(default="")

    class Meta:
        indexes = ((("client", "happened_at"), False), (("user", "happened_at"), False))


class FollowUpContact(BaseModel):
    follow_up = ForeignKeyField(FollowUp, backref="follow_up_contacts", on_delete="CASCADE")
    contact = ForeignKeyField(Contact, backref="follow_up_contacts", on_delete="CASCADE")

    class Meta:
        indexes = ((("follow_up", "contact"), True),)


class NextStep(BaseModel):
    client = ForeignKeyField(Client, backref="next_steps", on_delete="CASCADE")
    user = ForeignKeyField(User, null=True, backref="next_steps", on_delete="SET NULL")
    source_follow_up = ForeignKeyField(FollowUp, null=True, backref="next_steps", on_delete="SET NULL")
    completed_by = ForeignKeyField(FollowUp, null=True, backref="completed_steps", on_delete="SET NULL")
    bucket = CharField(max_length=20, default="exact")  # enums.BUCKETS
    due_at = DateTimeField(index=True)
    plan_type = CharField(max_length=30, default="keep_in_touch")  # enums.PLAN_TYPES
    title = CharField(max_length=300, default="")
    done = FlagField(default=False, index=True)
    done_at = DateTimeField(null=True)
