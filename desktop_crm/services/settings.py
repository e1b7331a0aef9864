"""Application settings kept in the database as JSON (shared by every user of the file)."""

from __future__ import annotations

import json
from typing import Any

from ..errors import ValidationError
from ..models import Setting, database
from .common import require_text, shown, transactional


def _clean_key(key: Any) -> str:
    return require_text(key, "key", "Setting name", Setting.key.max_length)


def get_setting(key: str, default: Any = None) -> Any:
    """The stored value of ``key``, or ``default`` when it is not set (or unreadable)."""
    # one statement as written (peewee's query builder took 2 ms a read here; pages read a dozen at once)
    row = database.execute_sql("SELECT value FROM setting WHERE key = ?", (_clean_key(key),)).fetchone()
    if row is None:
        return default
    try:
        return json.loads(row[0])
    except (TypeError, ValueError):
        return default


@transactional
def set_setting(key: str, value: Any) -> Setting:
    """Store ``value`` (anything JSON can hold: None, bool, numbers, text, lists, dicts with text keys)."""
    clean_key = _clean_key(key)
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False, sort_keys=True)
        text.encode("utf-8")  # a lone surrogate in a text of the value cannot be stored
    except (TypeError, ValueError, RecursionError) as exc:  # UnicodeEncodeError is a ValueError
        reason = "nested too deeply" if isinstance(exc, RecursionError) else shown(str(exc), 200)
        raise ValidationError("settings.not_storable", "value", key=clean_key, reason=reason) from None
    row = Setting.get_or_none(Setting.key == clean_key)
    if row is None:
        return Setting.create(key=clean_key, value=text)
    row.value = text
    row.save()
    return row


@transactional
def delete_setting(key: str) -> bool:
    """Forget ``key``; returns whether it was set."""
    return bool(Setting.delete().where(Setting.key == _clean_key(key)).execute())
