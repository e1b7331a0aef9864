"""Saved filter views of the list pages."""

from __future__ import annotations

from peewee import CharField, ForeignKeyField, TextField

from .base import BaseModel
from .users import User


class SavedView(BaseModel):
    page = CharField(max_length=30)  # e.g. "clients"
    name = CharField(max_length=100)
    definition = TextField(default="{}")  # JSON: filters, search text, columns, sort
    user = ForeignKeyField(User, null=True, backref="saved_views", on_delete="CASCADE")  # None = shared

    class Meta:
        indexes = ((("page", "name", "user"), True),)
