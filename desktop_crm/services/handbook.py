"""The performance handbook (绩效手册): ordered questions and answers on how each KPI is judged.

Each entry may carry a topic key in ``kpi_key``: a KPI key of ``kpi --json`` (``conversion_rate``), or a
prefixed key for the other topics (``rule:weekly_score``, ``role:salesperson``; see
``desktop_crm.handbook_seed``). ``entry_for_key`` finds the entry a KPI link opens; ``entries`` lists or
searches the handbook as plain rows; ``seed_handbook`` writes the first edition into an empty handbook.
The revision date is today whenever the question, answer or topic changes, unless one is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from .. import clock
from ..errors import ValidationError
from ..handbook_seed import ROLE_PREFIX, RULE_PREFIX, seed_entries
from ..kpi import KPI_KEYS
from ..models import HandbookEntry
from .common import (
    check_characters,
    get_record,
    long_text,
    optional_date,
    optional_text,
    require_int,
    transactional,
)
from .settings import get_setting, set_setting

_FIELDS = ("question", "answer", "kpi_key", "revised_on")
SEEDED_SETTING = "handbook.seeded_on"  # when the first edition was written into this database
_TOPIC_PATTERN = re.compile(r"[a-z][a-z0-9_]*(:[a-z0-9_]+)?")
_KPI_KEYS = frozenset(KPI_KEYS)


@dataclass(frozen=True)
class HandbookItem:
    """One handbook entry as the pages show it."""

    id: int
    position: int
    question: str
    answer: str
    key: str  # the topic key ("" = none)
    kind: str  # "kpi", "rule", "role" or "" (no topic or another one)
    revised_on: date | None


def topic_kind(key: str) -> str:
    """``"kpi"`` for a KPI key, ``"rule"`` / ``"role"`` for prefixed keys, else ``""``."""
    if key in _KPI_KEYS:
        return "kpi"
    if key.startswith(RULE_PREFIX):
        return "rule"
    if key.startswith(ROLE_PREFIX):
        return "role"
    return ""


def _clean(changes: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "question":
            values[key] = long_text(value, key, "Question")
            if not values[key]:
                raise ValidationError("handbook.question_required", key)
        elif key == "answer":
            values[key] = long_text(value, key, "Answer")
        elif key == "kpi_key":
            topic = optional_text(value, key, "Topic", HandbookEntry.kpi_key.max_length)
            if topic and not _TOPIC_PATTERN.fullmatch(topic):
                raise ValidationError("handbook.bad_topic", key)
            values[key] = topic
        elif key == "revised_on":
            values[key] = optional_date(value, key, "Revision date")
        else:
            raise ValidationError("handbook.unknown_field", key, key=key)
    return values


def list_entries() -> list[HandbookEntry]:
    return list(HandbookEntry.select().order_by(HandbookEntry.position, HandbookEntry.id))


def _item(entry: HandbookEntry) -> HandbookItem:
    return HandbookItem(
        entry.id,
        entry.position,
        entry.question,
        entry.answer,
        entry.kpi_key,
        topic_kind(entry.kpi_key),
        entry.revised_on,
    )


def entries(search: str = "") -> list[HandbookItem]:
    """The handbook in order; with ``search``, only entries whose question or answer contains it
    (ignoring case and surrounding blanks; Chinese as written)."""
    needle = search.strip().casefold() if isinstance(search, str) else ""
    items = [_item(e) for e in list_entries()]
    if not needle:
        return items
    return [i for i in items if needle in i.question.casefold() or needle in i.answer.casefold()]


def entry_for_key(key: str) -> HandbookItem | None:
    """The first entry (in handbook order) about topic ``key``; None when there is none."""
    if not isinstance(key, str) or not key.strip():
        return None
    try:
        key = check_characters(key, "kpi_key", "Topic")
    except ValidationError:  # a key no entry can have (a lone surrogate could not even be looked up)
        return None
    entry = (
        HandbookEntry.select()
        .where(HandbookEntry.kpi_key == key.strip())
        .order_by(HandbookEntry.position, HandbookEntry.id)
        .first()
    )
    return _item(entry) if entry else None


def is_empty() -> bool:
    return not HandbookEntry.select().exists()


def _renumber(entries: list[HandbookEntry]) -> None:
    for position, entry in enumerate(entries):
        if entry.position != position:
            entry.position = position
            entry.save()


@transactional
def add_entry(question: str, answer: str = "", kpi_key: str = "", revised_on: Any = None) -> HandbookEntry:
    """Append a question and its answer at the end of the handbook (revised today unless given)."""
    values = _clean({"question": question, "answer": answer, "kpi_key": kpi_key, "revised_on": revised_on})
    if values["revised_on"] is None:
        values["revised_on"] = clock.today()
    return HandbookEntry.create(position=HandbookEntry.select().count(), **values)


@transactional
def update_entry(entry_id: Any, **changes: Any) -> HandbookEntry:
    """Change question, answer, kpi_key or revised_on; a changed text is revised today unless
    ``revised_on`` is given."""
    entry = get_record(HandbookEntry, entry_id, "Handbook entry")
    values = _clean(changes)
    changed = any(getattr(entry, k) != v for k, v in values.items() if k != "revised_on")
    if changed and "revised_on" not in values:
        values["revised_on"] = clock.today()
    for key, value in values.items():
        setattr(entry, key, value)
    entry.save()
    return entry


@transactional
def delete_entry(entry_id: Any) -> None:
    get_record(HandbookEntry, entry_id, "Handbook entry").delete_instance()
    _renumber(list_entries())


@transactional
def move_entry(entry_id: Any, new_position: int) -> HandbookEntry:
    """Move an entry to ``new_position`` (0 = first); the others shift to make room."""
    entry = get_record(HandbookEntry, entry_id, "Handbook entry")
    entries = [e for e in list_entries() if e.id != entry.id]
    position = require_int(new_position, "position", "Position", 0, len(entries))
    entries.insert(position, entry)
    _renumber(entries)
    return entry


@transactional
def seed_handbook(lang: str) -> int:
    """Fill an empty handbook with its first edition in ``lang`` ("en" or "zh_CN"), revised today.

    Returns the number of entries written: 0 when the handbook already has entries (never touched).
    """
    if not isinstance(lang, str):
        raise ValidationError("handbook.language_not_text", "lang")
    if not is_empty():
        return 0
    today = clock.today()
    set_setting(SEEDED_SETTING, today.isoformat())
    rows = seed_entries(lang)
    for position, (key, question, answer) in enumerate(rows):
        HandbookEntry.create(
            question=question, answer=answer, kpi_key=key, revised_on=today, position=position
        )
    return len(rows)


@transactional
def seed_handbook_if_new(lang: str) -> int:
    """The first visit of a database's handbook: seed it when it is empty and was never seeded (a
    handbook emptied on purpose stays empty); returns the number of entries written."""
    if get_setting(SEEDED_SETTING) is not None or not is_empty():
        return 0
    return seed_handbook(lang)
