"""The performance handbook (绩效手册)."""

from __future__ import annotations

from peewee import CharField, DateField, IntegerField, TextField

from .base import BaseModel


class HandbookEntry(BaseModel):
    """A performance-handbook (绩效手册) question and answer."""

    question = TextField()
    answer = TextField(default="")
    kpi_key = CharField(max_length=50, default="", index=True)  # the topic key (see services.handbook)
    revised_on = DateField(null=True)
    position = IntegerField(default=0)
