"""The conflict list with the names of the records it mentions: a read for the window's conflict list
(``ui.sync_dialogs``, on the database worker) and any other caller that shows conflicts to a person.

A record is named by its own name-like column (a client's name, a goal's title, an attachment's file
name...), else by its parent's (a contact's client); a weekly form by its person and ISO week. The
same record has the same UUID on every computer, so the name (not the UUID) is what a person recognises.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from .conflicts import Conflict, list_conflicts

OWN_NAMES = ("name", "title", "file_name", "question", "number", "label", "key")
PARENTS = (
    "client",
    "contract",
    "form",
    "goal",
    "action",
    "opportunity",
    "contact",
    "follow_up",
    "field",
    "user",
)

Names = dict[tuple[str, str], str]  # (table, uuid) -> the record's name


@dataclass(frozen=True)
class ConflictList:
    """The conflicts, newest first, and the names of the records they mention."""

    conflicts: list[Conflict]
    names: Names


@cache
def _models() -> dict[str, Any]:
    from ..models import ALL_MODELS

    return {model._meta.table_name.lower(): model for model in ALL_MODELS}  # type: ignore[attr-defined]


def model_field(table: str, field: str) -> Any:
    """The model field stored in ``table``'s column ``field`` (None for an unknown table or column):
    how the window learns a conflicting value's type (money, a date, a choice...)."""
    model = _models().get(table.lower())
    if model is None:
        return None
    for candidate in model._meta.sorted_fields:
        if candidate.column_name == field:
            return candidate
    return None


def _row_name(row: Any, depth: int = 0) -> str:
    from peewee import DoesNotExist, ForeignKeyField

    fields = row._meta.fields
    if row._meta.table_name == "weekly_form":
        user = _row_name(row.user, depth + 1) if row.user_id is not None else ""
        week = f"{row.iso_year}-W{row.iso_week:02d}"
        return f"{user} {week}".strip()
    for name in OWN_NAMES:
        found = fields.get(name)
        if found is not None and not isinstance(found, ForeignKeyField) and getattr(row, name):
            return str(getattr(row, name))
    if depth >= 2:
        return ""
    for name in PARENTS:
        if isinstance(fields.get(name), ForeignKeyField):
            try:
                parent = getattr(row, name)
            except DoesNotExist:
                continue
            named = _row_name(parent, depth + 1) if parent is not None else ""
            if named:
                return named
    return ""


def record_names(conflicts: list[Conflict]) -> Names:
    """The names of the conflicts' records and of the records their values point at (worker)."""
    from .tables import table_named

    tables = table_named()
    wanted: dict[str, set[str]] = {}
    anywhere: set[str] = set()
    for conflict in conflicts:
        wanted.setdefault(conflict.table.lower(), set()).add(conflict.uuid)
        target = tables[conflict.table].foreign_keys.get(conflict.field) if conflict.table in tables else None
        for value in (conflict.original, conflict.mine, conflict.theirs):
            if target is not None and isinstance(value, str):
                wanted.setdefault(target.lower(), set()).add(value)
            elif conflict.field == "owner_uuid" and isinstance(
                value, str
            ):  # an attachment's record, any kind
                anywhere.add(value)
    models = _models()
    for table in models if anywhere else ():
        wanted.setdefault(table, set()).update(anywhere)
    names: Names = {}
    for table, uuids in wanted.items():
        model = models.get(table)
        if model is None:
            continue
        for row in model.select().where(model.uuid.in_(sorted(uuids))):
            names[(table, row.uuid)] = _row_name(row)
    return names


def read_conflicts() -> ConflictList:
    """The conflict list with its records' names (on the database worker)."""
    conflicts = list_conflicts()
    return ConflictList(conflicts, record_names(conflicts))
