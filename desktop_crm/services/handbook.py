"""The performance handbook (绩效手册): ordered questions and answers on how each KPI is judged."""

from __future__ import annotations

from typing import Any

from ..errors import ValidationError
from ..models import HandbookEntry
from .common import get_record, long_text, optional_date, optional_text, require_int, transactional

_FIELDS = ("question", "answer", "kpi_key", "revised_on")


def _clean(changes: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in changes.items():
        if key == "question":
            values[key] = long_text(value, key, "Question")
            if not values[key]:
                raise ValidationError("Question is required.", key)
        elif key == "answer":
            values[key] = long_text(value, key, "Answer")
        elif key == "kpi_key":
            values[key] = optional_text(value, key, "KPI", HandbookEntry.kpi_key.max_length)
        elif key == "revised_on":
            values[key] = optional_date(value, key, "Revision date")
        else:
            raise ValidationError(f"Unknown handbook field: {key!r}.", key)
    return values


def list_entries() -> list[HandbookEntry]:
    return list(HandbookEntry.select().order_by(HandbookEntry.position, HandbookEntry.id))


def _renumber(entries: list[HandbookEntry]) -> None:
    for position, entry in enumerate(entries):
        if entry.position != position:
            entry.position = position
            entry.save()


@transactional
def add_entry(question: str, answer: str = "", kpi_key: str = "", revised_on: Any = None) -> HandbookEntry:
    """Append a question and its answer at the end of the handbook."""
    values = _clean({"question": question, "answer": answer, "kpi_key": kpi_key, "revised_on": revised_on})
    return HandbookEntry.create(position=HandbookEntry.select().count(), **values)


@transactional
def update_entry(entry_id: Any, **changes: Any) -> HandbookEntry:
    """Change question, answer, kpi_key or revised_on."""
    entry = get_record(HandbookEntry, entry_id, "Handbook entry")
    for key, value in _clean(changes).items():
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
