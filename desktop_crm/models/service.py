"""Service records and complaints (服务单/投诉) of a client, optionally tied to a contact or a contract."""

from __future__ import annotations

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from .base import SoftDeleteModel
from .clients import Client
from .deals import Contract
from .stakeholders import Contact
from .users import User

# Severity and status keys (the interface translates them); the types are an editable list.
SERVICE_SEVERITIES = ("low", "normal", "high", "urgent")
SERVICE_STATUSES = ("open", "in_progress", "resolved", "confirmed", "reopened")
SERVICE_OPEN_STATUSES = ("open", "in_progress", "reopened")
BUILTIN_SERVICE_TYPES = ("installation", "training", "maintenance", "complaint", "suggestion", "praise")
COMPLAINT = "complaint"


class ServiceRecord(SoftDeleteModel):
    """One service item: its type (a key of the editable type list, ``services.service_records``),
    severity and status (``enums.SERVICE_SEVERITIES`` / ``SERVICE_STATUSES``), when it is due, how it was
    resolved and how satisfied the client was when confirming it. ``created_at`` is when it was opened."""

    client = ForeignKeyField(Client, backref="service_records", on_delete="CASCADE")
    contact = ForeignKeyField(Contact, null=True, backref="service_records", on_delete="SET NULL")
    contract = ForeignKeyField(Contract, null=True, backref="service_records", on_delete="SET NULL")
    user = ForeignKeyField(User, null=True, backref="service_records", on_delete="SET NULL")  # who logged it
    kind = CharField(max_length=40)  # a service type key
    severity = CharField(max_length=20, default="normal")
    status = CharField(max_length=20, default="open")
    title = CharField(max_length=200)
    description = TextField(default="")
    due_at = DateTimeField()
    resolution = TextField(default="")
    resolved_at = DateTimeField(null=True)
    confirmed_at = DateTimeField(null=True)
    satisfaction = IntegerField(null=True)  # 1..5, given when the client confirms

    class Meta:
        indexes = (
            (("client", "created_at"), False),
            (("status", "due_at"), False),
            (("kind", "created_at"), False),
            (("kind", "resolved_at"), False),
        )
