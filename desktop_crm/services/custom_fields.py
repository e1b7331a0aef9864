"""Owner-defined business-feature fields (业务特征) of clients and their values.

Split from ``clients.py`` to keep files small; ``clients`` re-exports every public name.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any

from peewee import SQL, NodeList

from .. import engine
from ..errors import NotFoundError, ValidationError
from ..models import Client, CustomFieldDef, CustomFieldValue, Tag, database
from ..models.enums import CUSTOM_FIELD_KINDS
from .common import (
    check_characters,
    fk_id,
    get_record,
    long_text,
    require_date,
    require_enum,
    require_list,
    require_text,
    shown,
    transactional,
)

CHOICE_KINDS = ("choice", "multi_choice")
MAX_CHOICE_LENGTH = 100
MAX_EXACT_NUMBER = 2**53  # beyond this a float no longer holds every integer exactly


def field_choices(field: CustomFieldDef) -> list[str]:
    try:
        choices = json.loads(field.choices or "[]")
    except ValueError:
        return []
    return [c for c in choices if isinstance(c, str)] if isinstance(choices, list) else []


def list_custom_fields(include_hidden: bool = True) -> list[CustomFieldDef]:
    query = CustomFieldDef.select().order_by(CustomFieldDef.position, CustomFieldDef.id)
    if not include_hidden:
        query = query.where(CustomFieldDef.hidden == False)  # noqa: E712 (peewee expression)
    return list(query)


def _clean_field_name(value: Any, exclude_id: int | None = None) -> str:
    name = require_text(value, "name", "Field name", CustomFieldDef.name.max_length)
    key = name.casefold()
    for other in CustomFieldDef.select(CustomFieldDef.id, CustomFieldDef.name):
        if other.id != exclude_id and other.name.casefold() == key:
            raise ValidationError("custom_field.duplicate", "name", name=other.name)
    return name


def _clean_choices(kind: str, choices: Iterable[Any]) -> list[str]:
    if isinstance(choices, str):
        raise ValidationError("custom_field.choices_not_texts", "choices")
    items = [] if choices is None else require_list(choices, "choices", "Choice")
    if kind not in CHOICE_KINDS:
        if items:
            raise ValidationError("custom_field.kind_has_no_choices", "choices", kind=kind)
        return []
    cleaned: list[str] = []
    for item in items:
        text = require_text(item, "choices", "Choice", MAX_CHOICE_LENGTH)
        if text in cleaned:
            raise ValidationError("custom_field.duplicate_choice", "choices", choice=text)
        cleaned.append(text)
    if not cleaned:
        raise ValidationError("custom_field.no_choices", "choices")
    return cleaned


def _get_field(field_id: Any) -> CustomFieldDef:
    if isinstance(field_id, str):
        name = check_characters(field_id, "field_id", "Custom field")
        field = CustomFieldDef.get_or_none(CustomFieldDef.name == name)
        if field is None:
            raise NotFoundError("custom_field.missing", id=shown(name))
        return field
    return get_record(CustomFieldDef, field_id, "Custom field")


@transactional
def define_custom_field(name: str, kind: str, choices: Iterable[str] = ()) -> CustomFieldDef:
    clean_name = _clean_field_name(name)
    clean_kind = require_enum(kind, CUSTOM_FIELD_KINDS, "kind", "Field kind")
    clean_choices = _clean_choices(clean_kind, choices)
    last = CustomFieldDef.select(CustomFieldDef.position).order_by(CustomFieldDef.position.desc()).first()
    return CustomFieldDef.create(
        name=clean_name,
        kind=clean_kind,
        choices=json.dumps(clean_choices, ensure_ascii=False),
        position=0 if last is None else last.position + 1,
    )


@transactional
def rename_custom_field(field_id: Any, new_name: str) -> CustomFieldDef:
    field = _get_field(field_id)
    field.name = _clean_field_name(new_name, exclude_id=field.id)
    field.save()
    return field


@transactional
def set_custom_field_hidden(field_id: Any, hidden: bool) -> CustomFieldDef:
    field = _get_field(field_id)
    if not isinstance(hidden, bool):
        raise ValidationError("custom_field.hidden_not_bool", "hidden")
    field.hidden = hidden
    field.save()
    return field


@transactional
def reorder_custom_fields(ids_in_order: Iterable[Any]) -> list[CustomFieldDef]:
    """Give the fields the order listed; the list must name every field exactly once."""
    listed = require_list(ids_in_order, "position", "Position")
    wanted = [i.id if isinstance(i, CustomFieldDef) else i for i in listed]
    existing = {f.id: f for f in CustomFieldDef.select()}
    whole = all(isinstance(i, int) and not isinstance(i, bool) for i in wanted)
    if not whole or len(wanted) != len(set(wanted)) or set(wanted) != set(existing):
        raise ValidationError("custom_field.bad_order", "position")
    for position, field_id in enumerate(wanted):
        field = existing[field_id]
        if field.position != position:
            field.position = position
            field.save()
    return list_custom_fields()


@transactional
def delete_custom_field(field_id: Any) -> None:
    """Delete a field definition and every client's value of it."""
    field = _get_field(field_id)
    CustomFieldValue.delete().where(CustomFieldValue.field == field.id).execute()
    field.delete_instance()


def _clean_value(field: CustomFieldDef, value: Any) -> dict[str, Any] | None:
    """The column values to store for ``value``, or None when the value clears the field."""
    label = field.name
    if value is None:
        return None
    if field.kind == "text":
        text = long_text(value, field.name, label)
        return {"value_text": text} if text else None
    if field.kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValidationError("not_a_number", field.name, label=label)
        if isinstance(value, float) and not math.isfinite(value) or abs(value) > MAX_EXACT_NUMBER:
            raise ValidationError("not_finite", field.name, label=label)
        return {"value_number": float(value)}
    if field.kind == "date":
        return {"value_date": require_date(value, field.name, label)}
    choices = field_choices(field)
    if field.kind == "choice":
        if value == "":
            return None
        if value not in choices:
            raise ValidationError("custom_value.not_a_choice", field.name, label=label, value=shown(value))
        return {"value_text": value}
    # multi_choice
    if isinstance(value, str) or not isinstance(value, list | tuple | set | frozenset):
        raise ValidationError("custom_value.not_a_list", field.name, label=label)
    for item in value:
        if item not in choices:
            raise ValidationError("custom_value.not_a_choice", field.name, label=label, value=shown(item))
    picked = [c for c in choices if c in value]  # definition order, no duplicates
    return {"value_text": json.dumps(picked, ensure_ascii=False)} if picked else None


def _python_value(field: CustomFieldDef, row: CustomFieldValue) -> Any:
    if field.kind == "number":
        number = row.value_number
        if number is not None and number.is_integer():
            return int(number)
        return number
    if field.kind == "date":
        return row.value_date
    if field.kind == "multi_choice":
        try:
            return json.loads(row.value_text or "[]")
        except ValueError:
            return []
    return row.value_text


def _store_value(client: Client, field: CustomFieldDef, columns: dict[str, Any] | None) -> Any:
    row = CustomFieldValue.get_or_none(
        (CustomFieldValue.client == client.id) & (CustomFieldValue.field == field.id)
    )
    if columns is None:
        if row is not None:
            row.delete_instance()
        return None
    if row is None:
        row = CustomFieldValue(client=client, field=field)
    row.value_text = columns.get("value_text")
    row.value_number = columns.get("value_number")
    row.value_date = columns.get("value_date")
    row.save()
    return row


def validate_custom_values(values: dict[Any, Any] | None) -> list[tuple[CustomFieldDef, Any]]:
    """Check a {field id, name or instance: value} mapping; return (field, columns) pairs to store."""
    if values is None:
        return []
    if not isinstance(values, dict):
        raise ValidationError("custom_value.not_a_mapping", "custom_values")
    return [(f, _clean_value(f, v)) for f, v in ((_get_field(k), v) for k, v in values.items())]


def store_custom_values(client: Client, cleaned: list[tuple[CustomFieldDef, Any]]) -> None:
    for field, columns in cleaned:
        _store_value(client, field, columns)


@transactional
def set_custom_value(client_id: Any, field_id: Any, value: Any) -> CustomFieldValue | None:
    """Set (or, with None, clear) one client's value of one field. Returns the stored row or None."""
    client = get_record(Client, client_id, "Client")
    field = _get_field(field_id)
    return _store_value(client, field, _clean_value(field, value))


def get_custom_values(client_id: Any) -> dict[str, Any]:
    """{field name: python value} for the fields the client has a value for, in field order."""
    client = get_record(Client, client_id, "Client", include_deleted=True)
    rows = {
        fk_id(r, "field"): r for r in CustomFieldValue.select().where(CustomFieldValue.client == client.id)
    }
    return {f.name: _python_value(f, rows[f.id]) for f in list_custom_fields() if f.id in rows}


# --- used by the Settings editor and the client editor ---------------------------------------------


def count_custom_field_values(field_id: Any) -> int:
    """How many clients (deleted ones included: they can be restored) have a value of the field."""
    field = _get_field(field_id)
    return CustomFieldValue.select().where(CustomFieldValue.field == field.id).count()


def _uses_any(field: CustomFieldDef, row: CustomFieldValue, removed: set[str]) -> bool:
    if field.kind == "choice":
        return row.value_text in removed
    return any(item in removed for item in _python_value(field, row) or ())


def _removed_query(field: CustomFieldDef, cleaned: list[str]) -> Any:
    """The values of ``field`` that use a choice missing from ``cleaned`` (None: nothing removed),
    filtered in SQL: 100,000 values are not loaded to look at each (a multiple choice is a JSON list)."""
    removed = sorted(set(field_choices(field)) - set(cleaned))
    if not removed:
        return None
    query = CustomFieldValue.select().where(CustomFieldValue.field == field.id)
    if field.kind == "choice":
        return query.where(CustomFieldValue.value_text.in_(removed))
    # the engine's condition around the query's own column node (split at a stand-in for the column)
    before, after = engine.json_array_holds("\0", len(removed), database.param).split("\0")
    uses = NodeList((SQL(before), CustomFieldValue.value_text, SQL(after, removed)), glue="")
    return query.where(CustomFieldValue.value_text.is_null(False) & uses)


def _rows_using_removed(field: CustomFieldDef, cleaned: list[str]) -> list[CustomFieldValue]:
    query = _removed_query(field, cleaned)
    if query is None:
        return []
    removed = set(field_choices(field)) - set(cleaned)
    return [row for row in query if _uses_any(field, row, removed)]


def count_clients_using_removed_choices(field_id: Any, choices: Iterable[str]) -> int:
    """How many clients have a value that uses a choice missing from ``choices`` (0 for other kinds)."""
    field = _get_field(field_id)
    if field.kind not in CHOICE_KINDS:
        return 0
    listed = require_list(choices, "choices", "Choice")
    query = _removed_query(field, [c.strip() for c in listed if isinstance(c, str)])
    return 0 if query is None else int(query.count())


@transactional
def set_custom_field_choices(field_id: Any, choices: Iterable[str], force: bool = False) -> CustomFieldDef:
    """Replace the choices of a choice or multiple-choice field.

    Values that use a removed choice are refused (the message says how many clients use it) unless
    ``force``: then the removed choices are cleared from those clients' values.
    """
    field = _get_field(field_id)
    if field.kind not in CHOICE_KINDS:
        raise ValidationError("custom_field.not_a_choice_field", "choices", name=field.name)
    cleaned = _clean_choices(field.kind, choices)
    query = _removed_query(field, cleaned)
    count = 0 if query is None else int(query.count())
    if count and not force:
        removed = [repr(c) for c in field_choices(field) if c not in cleaned]
        raise ValidationError(
            "custom_field.choice_in_use_one" if count == 1 else "custom_field.choice_in_use",
            "choices",
            count=count,
            choices=", ".join(removed),
        )
    if count and field.kind == "choice":  # one statement, not a round trip per value
        ids = query.select(CustomFieldValue.id)
        CustomFieldValue.delete().where(CustomFieldValue.id.in_(ids)).execute()
    affected = _rows_using_removed(field, cleaned) if count and field.kind != "choice" else []
    for row in affected:
        kept = [item for item in _python_value(field, row) if item in cleaned]
        if kept:
            row.value_text = json.dumps(kept, ensure_ascii=False)
            row.save()
        else:
            row.delete_instance()
    field.choices = json.dumps(cleaned, ensure_ascii=False)
    field.save()
    return field


@transactional
def move_custom_field(field_id: Any, offset: int) -> list[CustomFieldDef]:
    """Move a field ``offset`` places up (negative) or down in the order; clamped at the ends."""
    field = _get_field(field_id)
    if isinstance(offset, bool) or not isinstance(offset, int):
        raise ValidationError("custom_field.bad_move", "position")
    ids = [f.id for f in list_custom_fields()]
    index = ids.index(field.id)
    target = max(0, min(len(ids) - 1, index + offset))
    ids.insert(target, ids.pop(index))
    return reorder_custom_fields(ids)


def list_tag_names() -> list[str]:
    """Every client category (tag) name, alphabetically: the vocabulary the client editor offers."""
    return [str(tag.name) for tag in Tag.select(Tag.name).order_by(Tag.name)]
