"""Contacts as stakeholders: role, stance, influence, reporting line and stance history."""

from __future__ import annotations

from peewee import CharField, DateField, ForeignKeyField, TextField

from .base import BaseModel, SoftDeleteModel
from .clients import Client
from .users import User


class Contact(SoftDeleteModel):
    client = ForeignKeyField(Client, backref="contacts", on_delete="CASCADE")
    name = CharField(max_length=100, index=True)
    title = CharField(max_length=100, default="")  # job title
    department = CharField(max_length=100, default="")
    phone = CharField(max_length=50, default="", index=True)
    email = CharField(max_length=200, default="")
    wechat = CharField(max_length=100, default="")
    role = CharField(max_length=20, null=True)  # enums.STAKEHOLDER_ROLES, role at the client
    stance = CharField(max_length=20, default="neutral")  # enums.STANCES
    influence = CharField(max_length=10, default="medium")  # enums.INFLUENCES
    tenure = CharField(max_length=100, default="")  # 任职期限, free text ("3 years", "since 2021")
    interests = TextField(default="")  # 关心的利益
    reports_to = ForeignKeyField("self", null=True, backref="reports", on_delete="SET NULL")
    notes = TextField(default="")
    birthday = DateField(null=True)  # optional; Today lists the birthdays of the coming week


class StanceChange(BaseModel):
    """One change of a contact's stance, with the date and an optional reason."""

    contact = ForeignKeyField(Contact, backref="stance_history", on_delete="CASCADE")
    changed_on = DateField()
    old_stance = CharField(max_length=20, null=True)
    new_stance = CharField(max_length=20)
    reason = TextField(default="")
    changed_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
