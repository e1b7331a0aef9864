"""Saved filter views of the list pages (a name and a JSON definition per page)."""

from __future__ import annotations

import json
from typing import Any

from ..errors import ValidationError
from ..models import SavedView, User
from .common import check_characters, check_id, get_record, require_text, shown, transactional

PAGES = ("clients", "pipeline", "today")
MAX_DEFINITION = 1_000_000  # characters of a view's JSON definition


def _clean_definition(definition: Any) -> str:
    if isinstance(definition, str):
        if len(definition) > MAX_DEFINITION:
            raise ValidationError("view.not_storable", "definition")
        try:
            json.loads(definition)
        except (ValueError, RecursionError):
            raise ValidationError("view.not_json", "definition") from None
        text = definition
    else:
        try:
            text = json.dumps(definition, ensure_ascii=False, allow_nan=False, sort_keys=True)
        except (TypeError, ValueError, RecursionError):  # RecursionError: nested thousands deep
            raise ValidationError("view.not_storable", "definition") from None
    try:
        check_characters(text, "definition", "View")
    except ValidationError:
        raise ValidationError("view.not_storable", "definition") from None
    if len(text) > MAX_DEFINITION:
        raise ValidationError("view.not_storable", "definition")
    return text


def _same_name(page: str, name: str, user_id: int | None) -> SavedView | None:
    query = SavedView.select().where(SavedView.page == page)
    query = query.where(SavedView.user.is_null() if user_id is None else SavedView.user == user_id)
    return next((v for v in query if v.name.casefold() == name.casefold()), None)


@transactional
def save_view(page: str, name: str, definition: Any, user_id: int | None = None) -> SavedView:
    """Save a view; a view of the same page and name (ignoring case) is replaced."""
    if page not in PAGES:
        raise ValidationError("view.unknown_page", "page", page=shown(page))
    name = require_text(name, "name", "View name", 100)
    if user_id is not None:
        user_id = get_record(User, user_id, "User").id
    text = _clean_definition(definition)
    existing = _same_name(page, name, user_id)
    if existing is not None:
        existing.name = name
        existing.definition = text
        existing.save()
        return existing
    return SavedView.create(page=page, name=name, definition=text, user=user_id)


def list_views(page: str, user_id: int | None = None) -> list[SavedView]:
    """The shared views of the page and the user's own, by name."""
    if page not in PAGES:
        raise ValidationError("view.unknown_page", "page", page=shown(page))
    if user_id is not None:
        user_id = check_id(user_id.id if isinstance(user_id, User) else user_id, "User", "user_id")
    query = SavedView.select().where(SavedView.page == page)
    if user_id is None:
        query = query.where(SavedView.user.is_null())
    else:
        query = query.where(SavedView.user.is_null() | (SavedView.user == user_id))
    return sorted(query, key=lambda v: v.name.casefold())


@transactional
def rename_view(view_id: int, new_name: str) -> SavedView:
    view = get_record(SavedView, view_id, "View")
    name = require_text(new_name, "name", "View name", 100)
    other = _same_name(view.page, name, view.user_id)  # type: ignore[attr-defined]
    if other is not None and other.id != view.id:
        raise ValidationError("view.duplicate", "name", name=other.name)
    view.name = name
    view.save()
    return view


@transactional
def delete_view(view_id: int) -> None:
    get_record(SavedView, view_id, "View").delete_instance()
