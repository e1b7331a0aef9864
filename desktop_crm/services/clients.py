"""Clients: create, edit, soft delete, duplicates, tags, milestones, bulk edits and custom values."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..errors import NotFoundError, ValidationError
from ..models import Client, ClientMilestone, ClientTag, Tag, User
from ..models.enums import CLIENT_STATUSES, GRADES, VALUE_VERDICTS
from .common import (
    fk_id,
    get_record,
    long_text,
    optional_date,
    optional_text,
    require_cents,
    require_enum,
    require_int,
    require_list,
    require_text,
    restore,
    soft_delete,
    transactional,
)
from .custom_fields import (
    define_custom_field,
    delete_custom_field,
    field_choices,
    get_custom_values,
    list_custom_fields,
    rename_custom_field,
    reorder_custom_fields,
    set_custom_field_hidden,
    set_custom_value,
    store_custom_values,
    validate_custom_values,
)

__all__ = [
    "UNCHANGED",
    "add_milestone",
    "bulk_update_clients",
    "create_client",
    "define_custom_field",
    "delete_client",
    "delete_custom_field",
    "delete_milestone",
    "field_choices",
    "find_duplicate_clients",
    "get_client",
    "get_client_tags",
    "get_custom_values",
    "list_custom_fields",
    "list_deleted_clients",
    "rename_custom_field",
    "reorder_custom_fields",
    "restore_client",
    "set_client_tags",
    "set_custom_field_hidden",
    "set_custom_value",
    "update_client",
    "update_milestone",
]

UNCHANGED: Any = object()  # "leave as it is" in bulk_update_clients

_LABELS = {
    "name": "Name",
    "short_name": "Short name",
    "source": "Source",
    "industry": "Industry",
    "region": "Region",
    "phone": "Phone",
    "address": "Address",
    "website": "Website",
}
_ENUMS = {
    "status": (CLIENT_STATUSES, "Status"),
    "value_verdict": (VALUE_VERDICTS, "Value verdict"),
    "grade": (GRADES, "Grade"),
}
CLIENT_FIELDS = (
    *_LABELS,
    *_ENUMS,
    "expected_sign_date",
    "expected_amount_cents",
    "notes",
    "owner_id",
)
MAX_BULK = 1_000_000  # clients changed at once (a whole large list selected)
MIN_PHONE_SUFFIX = 7  # digits: "+86 138 0013 8000" matches "13800138000"


def _clean_owner(value: Any, current_owner_id: int | None) -> User | None:
    if value is None or value == "":
        return None
    try:
        owner = get_record(User, value, "Owner")
    except (NotFoundError, ValidationError) as exc:
        raise exc.at("owner_id") from None
    if not owner.active and owner.id != current_owner_id:
        raise ValidationError("client.owner_inactive", "owner_id", name=owner.name)
    return owner


def _clean_fields(fields: dict[str, Any], current: Client | None) -> dict[str, Any]:
    """Validate client field values; return the model attributes to set."""
    values: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in CLIENT_FIELDS:
            raise ValidationError("client.unknown_field", key, key=key)
        if key == "name":
            values[key] = require_text(value, key, "Name", Client.name.max_length)
        elif key in _LABELS:
            values[key] = optional_text(value, key, _LABELS[key], getattr(Client, key).max_length)
        elif key in _ENUMS:
            allowed, label = _ENUMS[key]
            values[key] = require_enum(value, allowed, key, label)
        elif key == "expected_sign_date":
            values[key] = optional_date(value, key, "Expected signing date")
        elif key == "expected_amount_cents":
            values[key] = require_cents(0 if value is None else value, key, "Expected amount")
        elif key == "notes":
            values[key] = long_text(value, key, "Notes")
        else:  # owner_id
            current_owner = fk_id(current, "owner") if current is not None else None
            values["owner"] = _clean_owner(value, current_owner)
    return values


def _clean_tag_names(names: Iterable[Any]) -> list[str]:
    if names is None or isinstance(names, str):
        raise ValidationError("client.tags_not_a_list", "tags")
    cleaned: list[str] = []
    seen: set[str] = set()
    for name in require_list(names, "tags", "Tag"):
        text = optional_text(name, "tags", "Tag", Tag.name.max_length)
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            cleaned.append(text)
    return cleaned


def _tag_for(name: str) -> Tag:
    tag = Tag.get_or_none(Tag.name == name)
    if tag is None:
        key = name.casefold()
        tag = next((t for t in Tag.select() if t.name.casefold() == key), None)
    return tag if tag is not None else Tag.create(name=name)


def _replace_tags(client: Client, names: list[str]) -> None:
    wanted = {_tag_for(name).id for name in names}
    have = {fk_id(ct, "tag") for ct in ClientTag.select().where(ClientTag.client == client.id)}
    if have - wanted:
        ClientTag.delete().where((ClientTag.client == client.id) & ClientTag.tag.in_(have - wanted)).execute()
    for tag_id in sorted(wanted - have):
        ClientTag.create(client=client, tag=tag_id)


def get_client(client_id: Any, include_deleted: bool = False) -> Client:
    return get_record(Client, client_id, "Client", include_deleted=include_deleted)


def get_client_tags(client_id: Any) -> list[Tag]:
    client = get_record(Client, client_id, "Client", include_deleted=True)
    return list(Tag.select().join(ClientTag).where(ClientTag.client == client.id).order_by(Tag.name))


@transactional
def create_client(
    name: str,
    owner_id: Any = None,
    tag_names: Iterable[str] = (),
    custom_values: dict[Any, Any] | None = None,
    **fields: Any,
) -> Client:
    """Create a client. Duplicates are allowed: call ``find_duplicate_clients`` first to warn."""
    values = _clean_fields({"name": name, "owner_id": owner_id, **fields}, None)
    tags = _clean_tag_names(tag_names)
    custom = validate_custom_values(custom_values)
    client = Client.create(**values)
    _replace_tags(client, tags)
    store_custom_values(client, custom)
    return client


@transactional
def update_client(client_id: Any, **changes: Any) -> Client:
    """Change any client field; ``tag_names`` and ``custom_values`` are accepted too."""
    client = get_record(Client, client_id, "Client")
    tag_names = changes.pop("tag_names", None)
    custom_values = changes.pop("custom_values", None)
    values = _clean_fields(changes, client)
    tags = None if tag_names is None else _clean_tag_names(tag_names)
    custom = validate_custom_values(custom_values)
    for key, value in values.items():
        setattr(client, key, value)
    client.save()
    if tags is not None:
        _replace_tags(client, tags)
    store_custom_values(client, custom)
    return client


@transactional
def delete_client(client_id: Any) -> Client:
    """Soft delete: the client disappears everywhere but can be restored."""
    return soft_delete(get_record(Client, client_id, "Client"))


@transactional
def restore_client(client_id: Any) -> Client:
    return restore(get_record(Client, client_id, "Client", include_deleted=True))


def list_deleted_clients() -> list[Client]:
    """Deleted clients, most recently deleted first."""
    query = Client.select().where(Client.deleted_at.is_null(False))
    return list(query.order_by(Client.deleted_at.desc(), Client.id.desc()))


def _name_key(name: str) -> str:
    return "".join(name.split()).casefold()


def _phone_digits(phone: str) -> str:
    return re.sub(r"\D", "", phone or "", flags=re.ASCII)


def _same_phone(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= MIN_PHONE_SUFFIX and long.endswith(short)


def find_duplicate_clients(name: str, phone: str = "", exclude_id: Any = None) -> list[Client]:
    """Alive clients with the same name (ignoring case and spaces) or the same phone (digits only;
    a number with a country or area code matches the same number without it)."""
    if isinstance(exclude_id, Client):
        exclude_id = exclude_id.id
    key = _name_key(name) if isinstance(name, str) else ""
    digits = _phone_digits(phone) if isinstance(phone, str) else ""
    if not key and not digits:
        return []
    matches = [
        client_id
        for client_id, other_name, other_phone in Client.alive(Client.id, Client.name, Client.phone).tuples()
        if client_id != exclude_id
        and ((key and _name_key(other_name) == key) or _same_phone(digits, _phone_digits(other_phone)))
    ]
    if not matches:
        return []
    return list(Client.select().where(Client.id.in_(matches)).order_by(Client.id))


@transactional
def set_client_tags(client_id: Any, names: Iterable[str]) -> Client:
    """Replace the client's tags with ``names``, creating tags that do not exist yet."""
    client = get_record(Client, client_id, "Client")
    _replace_tags(client, _clean_tag_names(names))
    return client


@transactional
def bulk_update_clients(
    client_ids: Iterable[Any],
    owner_id: Any = UNCHANGED,
    grade: str | None = None,
    add_tag: str | None = None,
) -> list[Client]:
    """Reassign owner, set grade and/or add a tag on many clients at once (all or nothing).

    ``owner_id=None`` removes the owner; leave it out to keep each client's owner.
    """
    clients = [
        get_record(Client, cid, "Client")
        for cid in require_list(client_ids, "client_ids", "Client", MAX_BULK)
    ]
    owner = None if owner_id is UNCHANGED else _clean_owner(owner_id, None)
    clean_grade = None if grade is None else require_enum(grade, GRADES, "grade", "Grade")
    tag_names = [] if add_tag is None else _clean_tag_names([add_tag])
    if add_tag is not None and not tag_names:
        raise ValidationError("client.tag_required", "tags")
    tag = _tag_for(tag_names[0]) if tag_names else None
    for client in clients:
        if owner_id is not UNCHANGED:
            client.owner = owner
        if clean_grade is not None:
            client.grade = clean_grade
        client.save()
        if tag is not None:
            ClientTag.get_or_create(client=client.id, tag=tag.id)
    return clients


def _clean_milestone(changes: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "title":
            values[key] = require_text(value, key, "Title", ClientMilestone.title.max_length)
        elif key in ("due_date", "done_date"):
            label = "Due date" if key == "due_date" else "Done date"
            values[key] = optional_date(value, key, label)
        elif key == "position":
            values[key] = require_int(value, key, "Position", 0, 1_000_000)
        else:
            raise ValidationError("milestone.unknown_field", key, key=key)
    return values


@transactional
def add_milestone(
    client_id: Any, title: str, due_date: Any = None, done_date: Any = None, position: int | None = None
) -> ClientMilestone:
    """Add a key milestone (关键节点); by default it goes after the client's existing ones."""
    client = get_record(Client, client_id, "Client")
    fields: dict[str, Any] = {"title": title, "due_date": due_date, "done_date": done_date}
    if position is not None:
        fields["position"] = position
    values = _clean_milestone(fields)
    if position is None:
        values["position"] = ClientMilestone.select().where(ClientMilestone.client == client.id).count()
    return ClientMilestone.create(client=client, **values)


def _get_milestone(milestone_id: Any) -> ClientMilestone:
    milestone = get_record(ClientMilestone, milestone_id, "Milestone")
    if milestone.client.is_deleted:
        raise NotFoundError("milestone.client_deleted", id=milestone.id)
    return milestone


@transactional
def update_milestone(milestone_id: Any, **changes: Any) -> ClientMilestone:
    """Change title, due_date, done_date or position of a milestone."""
    milestone = _get_milestone(milestone_id)
    for key, value in _clean_milestone(changes).items():
        setattr(milestone, key, value)
    milestone.save()
    return milestone


@transactional
def delete_milestone(milestone_id: Any) -> None:
    _get_milestone(milestone_id).delete_instance()
