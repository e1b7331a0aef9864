"""Attachments (附件): files kept with a client, a follow-up, a contract or a service record.

The link is generic: ``owner_kind`` names the record's kind (``desktop_crm.attachments.OWNER_KINDS``)
and ``owner_uuid`` its stable UUID (ids of hard-deleted records can be reused; UUIDs are not). Every
attachment also names its client, so the client's Attachments tab lists them all, including those of a
follow-up or contract deleted since. The bytes live in the content-addressed store beside the database
(``desktop_crm.attachments``), found by ``sha256``; the row is what ``dump`` lists.
"""

from __future__ import annotations

from peewee import BigIntegerField, CharField, ForeignKeyField

from .base import SoftDeleteModel
from .clients import Client
from .users import User


class Attachment(SoftDeleteModel):
    client = ForeignKeyField(Client, backref="attachments", on_delete="CASCADE")
    owner_kind = CharField(max_length=20)  # client, follow_up, contract, service_record
    owner_uuid = CharField(max_length=36)
    file_name = CharField(max_length=255)
    kind = CharField(max_length=20)  # recording, email, pdf, image, text, document, other
    size_bytes = BigIntegerField()
    sha256 = CharField(max_length=64, index=True)
    added_by = ForeignKeyField(User, null=True, backref="attachments", on_delete="SET NULL")

    class Meta:
        indexes = ((("owner_kind", "owner_uuid"), False),)
