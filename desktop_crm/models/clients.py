"""Clients, their tags, milestones and owner-defined custom fields."""

from __future__ import annotations

from peewee import (
    BigIntegerField,
    CharField,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from .base import BaseModel, FlagField, SoftDeleteModel
from .users import User


class Client(SoftDeleteModel):
    name = CharField(max_length=200, index=True)
    short_name = CharField(max_length=100, default="")
    status = CharField(max_length=20, default="lead", index=True)  # enums.CLIENT_STATUSES
    value_verdict = CharField(max_length=20, default="uncertain")  # enums.VALUE_VERDICTS
    grade = CharField(max_length=1, default="B")  # enums.GRADES
    expected_sign_date = DateField(null=True)
    expected_amount_cents = BigIntegerField(default=0)
    owner = ForeignKeyField(User, null=True, backref="clients", on_delete="SET NULL")
    source = CharField(max_length=100, default="")
    industry = CharField(max_length=100, default="")
    region = CharField(max_length=100, default="")
    phone = CharField(max_length=50, default="")
    address = CharField(max_length=300, default="")
    website = CharField(max_length=200, default="")
    notes = TextField(default="")
    # Derived: the latest follow-up time, kept by triggers (desktop_crm.derived); never set it by hand.
    last_contact_at = DateTimeField(null=True, index=True)


class Tag(BaseModel):
    """A client category / tag (分类)."""

    name = CharField(max_length=100, unique=True)
    color = CharField(max_length=20, default="")


class ClientTag(BaseModel):
    client = ForeignKeyField(Client, backref="client_tags", on_delete="CASCADE")
    tag = ForeignKeyField(Tag, backref="client_tags", on_delete="CASCADE")

    class Meta:
        indexes = ((("client", "tag"), True),)


class ClientMilestone(BaseModel):
    """A key milestone (关键节点) of the client's value calibration."""

    client = ForeignKeyField(Client, backref="milestones", on_delete="CASCADE")
    title = CharField(max_length=200)
    due_date = DateField(null=True)
    done_date = DateField(null=True)
    position = IntegerField(default=0)


class CustomFieldDef(BaseModel):
    """An owner-defined business feature field (业务特征) of clients."""

    name = CharField(max_length=100, unique=True)
    kind = CharField(max_length=20, default="text")  # enums.CUSTOM_FIELD_KINDS
    choices = TextField(default="[]")  # JSON list of strings, for choice kinds
    position = IntegerField(default=0)
    hidden = FlagField(default=False)


class CustomFieldValue(BaseModel):
    field = ForeignKeyField(CustomFieldDef, backref="values", on_delete="CASCADE")
    client = ForeignKeyField(Client, backref="custom_values", on_delete="CASCADE")
    value_text = TextField(null=True)  # text, choice, or JSON list for multi_choice
    value_number = FloatField(null=True)
    value_date = DateField(null=True)

    class Meta:
        indexes = ((("client", "field"), True),)
