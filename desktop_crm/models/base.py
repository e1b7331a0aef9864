"""Base model: every record has a stable UUID and created/updated timestamps."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from peewee import AutoField, BooleanField, CharField, DatabaseProxy, DateTimeField, Model

from .. import clock

database = DatabaseProxy()


def now() -> datetime:
    """Local wall-clock time, second precision, from the one clock (``desktop_crm.clock``)."""
    return clock.now()


def next_version(previous: Any) -> datetime:
    """The ``updated_at`` of a record saved over ``previous`` (its current one): now, or a microsecond after
    ``previous`` when the clock has not moved past it (two saves in one second, a frozen clock), so every
    save gives the record a new version that an open form's optimistic check can tell apart
    (``desktop_crm.services.common.unchanged_since``)."""
    stamp = now()
    if isinstance(previous, datetime) and stamp <= previous:
        stamp = previous + timedelta(microseconds=1)
    return stamp


def new_uuid() -> str:
    return str(uuid.uuid4())


class FlagField(BooleanField):
    """A yes/no column stored as the integer 0 or 1 on every engine (SQLite has no boolean type; the
    PostgreSQL schema keeps the same INTEGER column, so a dump and the raw SQL read the same on both)."""

    field_type = "INTEGER"

    def db_value(self, value: Any) -> Any:
        return None if value is None else int(bool(value))


class BaseModel(Model):
    id = AutoField()
    uuid = CharField(max_length=36, unique=True, default=new_uuid)
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)

    class Meta:
        database = database
        legacy_table_names = False
        # Save only the fields that changed, so derived columns kept by triggers are never overwritten
        # with a stale value read earlier.
        only_save_dirty = True

    def save(self, *args: Any, **kwargs: Any) -> int:
        if self.id is not None:  # an update: a new version (see next_version)
            self.updated_at = next_version(self.updated_at)
        return super().save(*args, **kwargs)


class SoftDeleteModel(BaseModel):
    """Deleting sets ``deleted_at``; restoring clears it. Soft-deleted rows count nowhere."""

    deleted_at = DateTimeField(null=True, index=True)

    @classmethod
    def alive(cls, *fields: Any) -> Any:
        return cls.select(*fields).where(cls.deleted_at.is_null())

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None
