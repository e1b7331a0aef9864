"""Salespeople and supervisors, and who reports to whom."""

from __future__ import annotations

from peewee import CharField, ForeignKeyField, TextField

from .base import BaseModel, FlagField


class User(BaseModel):
    name = CharField(max_length=100, unique=True)
    role = CharField(max_length=20, default="salesperson")  # enums.USER_ROLES
    supervisor = ForeignKeyField("self", null=True, backref="reports", on_delete="SET NULL")
    email = CharField(max_length=200, default="")
    phone = CharField(max_length=50, default="")
    active = FlagField(default=True)
    # "scrypt$N$r$p$<salt hex>$<hash hex>" (services.users.set_pin), '' when the user has no PIN.
    pin_hash = TextField(default="")


class Setting(BaseModel):
    """Application settings stored in the database (shared by every user of the file), as JSON text."""

    key = CharField(max_length=100, unique=True)
    value = CharField(default="null")
