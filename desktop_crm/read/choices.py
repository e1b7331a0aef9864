"""Pick lists (owners, categories, custom fields) as plain tuples."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_crm.models import Tag
from desktop_crm.services.custom_fields import field_choices, list_custom_fields
from desktop_crm.services.users import list_users


@dataclass(frozen=True)
class FieldInfo:
    id: int
    name: str
    kind: str  # desktop_crm.models.enums.CUSTOM_FIELD_KINDS
    choices: tuple[str, ...] = ()
    hidden: bool = False


def owners(active_only: bool = False) -> list[tuple[int, str]]:
    """(user id, name) of the users, active ones first."""
    users = list_users(active_only=active_only)
    return [(u.id, u.name) for u in sorted(users, key=lambda u: not u.active)]


def tags() -> list[tuple[int, str]]:
    """(tag id, name) of every category, by name."""
    return [(t.id, t.name) for t in Tag.select(Tag.id, Tag.name).order_by(Tag.name)]


def custom_fields() -> list[FieldInfo]:
    """Every custom field with its choices (hidden ones flagged)."""
    return [
        FieldInfo(f.id, f.name, f.kind, tuple(field_choices(f)), bool(f.hidden)) for f in list_custom_fields()
    ]
