"""Shared validation and transaction helpers for the services.

Every service function validates its input, runs its writes in one transaction (``@transactional``)
and raises ``ValidationError`` / ``NotFoundError`` with a message meant for the user.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from datetime import date, datetime
from typing import Any, ParamSpec, TypeVar

from ..errors import CrmError, NotFoundError, ValidationError
from ..models import BaseModel, SoftDeleteModel, now
from ..models.base import next_version
from ..write_guard import run_in_write_transaction

P = ParamSpec("P")
R = TypeVar("R")
M = TypeVar("M", bound=BaseModel)
S = TypeVar("S", bound=SoftDeleteModel)

MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2100, 12, 31)
MAX_CENTS = 10**15  # 10 trillion in currency units: anything above is a typing mistake
MAX_TEXT = 100_000  # characters of a long text (notes, summaries)
MAX_ID = 2**63 - 1  # the largest SQLite INTEGER: a record number above it cannot even be looked up
MAX_ITEMS = 10_000  # items of a list argument (tags, clients, choices...)
# Control characters other than tab, line feed and carriage return (NUL, escape, delete, C1 controls):
# refused in every text. Line breaks are left to the widgets (single-line editors cannot produce them).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def transactional(func: Callable[P, R]) -> Callable[P, R]:
    """Run ``func`` in one write transaction: ``BEGIN IMMEDIATE`` for the outermost call (so the busy
    timeout is honoured), a savepoint for nested calls; refused while the database is read-only;
    storage failures (full disk, I/O, lock timeout) raised as coded errors (``desktop_crm.write_guard``)."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        result: R = run_in_write_transaction(lambda: func(*args, **kwargs))
        return result

    return wrapper


def require_text(value: Any, field: str, label: str, max_length: int = 200) -> str:
    """A required single-line text: stripped, not empty, not longer than ``max_length``."""
    text = optional_text(value, field, label, max_length)
    if not text:
        raise ValidationError("required", field, label=label)
    return text


def optional_text(value: Any, field: str, label: str, max_length: int = 200) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError("not_text", field, label=label)
    text = value.strip()
    if len(text) > max_length:
        raise ValidationError("too_long", field, label=label, length=len(text), max_length=max_length)
    return check_characters(text, field, label)


def check_characters(text: str, field: str | None, label: str) -> str:
    """Refuse text that cannot be stored as UTF-8 (a lone surrogate: half of an emoji) or that holds a
    control character other than tab and line breaks (NUL, escape...)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError("text.unpaired_surrogate", field, label=label) from None
    if _CONTROL.search(text):
        raise ValidationError("text.control_character", field, label=label)
    return text


def shown(value: Any, limit: int = 60) -> str:
    """Any value as a short text that is safe to put in a message (lone surrogates escaped, cut to
    ``limit`` characters; a number too large to write out is named as such)."""
    if isinstance(value, str):
        text = value
    else:
        try:
            text = repr(value)
        except ValueError:  # an integer of thousands of digits
            text = "<a very large number>"
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def long_text(value: Any, field: str, label: str, max_length: int = MAX_TEXT) -> str:
    """Multi-line text (notes): kept as written apart from surrounding blank space."""
    return optional_text(value, field, label, max_length)


def require_enum(value: Any, allowed: Iterable[str], field: str, label: str) -> str:
    allowed = tuple(allowed)
    if not isinstance(value, str) or value not in allowed:
        raise ValidationError(
            "unknown_value", field, label=label, value=shown(value), allowed=", ".join(allowed)
        )
    return str(value)


def optional_enum(value: Any, allowed: Iterable[str], field: str, label: str) -> str | None:
    if value is None or value == "":
        return None
    return require_enum(value, allowed, field, label)


def require_cents(value: Any, field: str, label: str, allow_zero: bool = True) -> int:
    """Money as integer cents, ≥ 0 (or > 0) and below an absurd ceiling."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("not_cents", field, label=label)
    if value < 0 or (value == 0 and not allow_zero):
        raise ValidationError("negative" if allow_zero else "not_positive", field, label=label)
    if value > MAX_CENTS:
        raise ValidationError("too_large", field, label=label)
    return value


def require_int(value: Any, field: str, label: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("not_whole", field, label=label)
    if not low <= value <= high:
        raise ValidationError("out_of_range", field, label=label, low=low, high=high)
    return value


def require_list(value: Any, field: str, label: str, max_items: int = MAX_ITEMS) -> list[Any]:
    """A list of items given as a list, tuple, set or other iterable (not text, not a mapping, not None)."""
    if (
        value is None
        or isinstance(value, str | bytes | bytearray | Mapping)
        or not isinstance(value, Iterable)
    ):
        raise ValidationError("not_a_list", field, label=label)
    items = list(value)
    if len(items) > max_items:
        raise ValidationError("too_many", field, label=label, max_items=max_items)
    return items


def require_mapping(value: Any, field: str, label: str, max_items: int = MAX_ITEMS) -> dict[Any, Any]:
    """A mapping (dict) of at most ``max_items`` entries, as a plain dict."""
    if not isinstance(value, Mapping):
        raise ValidationError("not_a_mapping", field, label=label)
    if len(value) > max_items:
        raise ValidationError("too_many", field, label=label, max_items=max_items)
    return dict(value)


def _parse_date(value: Any, field: str, label: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) <= 100:
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValidationError("not_a_date", field, label=label)


def require_date(value: Any, field: str, label: str) -> date:
    if value is None or value == "":
        raise ValidationError("required", field, label=label)
    parsed = _parse_date(value, field, label)
    if not MIN_DATE <= parsed <= MAX_DATE:
        raise ValidationError("date_out_of_range", field, label=label)
    return parsed


def optional_date(value: Any, field: str, label: str) -> date | None:
    if value is None or value == "":
        return None
    return require_date(value, field, label)


def require_datetime(value: Any, field: str, label: str) -> datetime:
    if isinstance(value, datetime):
        parsed = value.replace(microsecond=0, tzinfo=None)
    elif isinstance(value, str) and len(value) <= 100:
        try:
            parsed = datetime.fromisoformat(value.strip()).replace(microsecond=0, tzinfo=None)
        except ValueError:
            raise ValidationError("not_a_datetime", field, label=label) from None
    elif isinstance(value, date):
        parsed = datetime(value.year, value.month, value.day)
    else:
        raise ValidationError("not_a_datetime", field, label=label)
    if not MIN_DATE <= parsed.date() <= MAX_DATE:
        raise ValidationError("date_out_of_range", field, label=label)
    return parsed


def check_id(value: Any, label: str, field: str | None = None) -> int:
    """A record number as given by a caller: a whole number (not bool), else a validation error at
    ``field``; a number outside SQLite's INTEGER range (or below 1) names no record."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("record.bad_id", field, label=label)
    if not 1 <= value <= MAX_ID:
        if abs(value) <= 2**64:
            raise NotFoundError("record.missing", label=label, id=value)
        raise NotFoundError("record.id_out_of_range", label=label)
    return value


def get_record(model: type[M], record_id: Any, label: str, include_deleted: bool = False) -> M:
    """Fetch a record by id (or accept the instance); soft-deleted ones count as missing. An id that is
    not a whole number is a validation error; one outside SQLite's range names no record."""
    if isinstance(record_id, model):
        record_id = record_id.id
    if record_id is None:
        raise NotFoundError("required", label=label)
    record_id = check_id(record_id, label)
    record = model.get_or_none(model.id == record_id)
    if record is None:
        raise NotFoundError("record.missing", label=label, id=record_id)
    if not include_deleted and isinstance(record, SoftDeleteModel) and record.deleted_at is not None:
        raise NotFoundError("record.deleted", label=label, id=record_id)
    return record


def fk_id(record: Any, field: str) -> Any:
    """The raw id held by a foreign key, without loading the related row."""
    return getattr(record, f"{field}_id")


def soft_delete(record: S) -> S:
    """Mark ``record`` deleted (it counts nowhere until restored)."""
    record.deleted_at = now()
    record.save()
    return record


def restore(record: S) -> S:
    record.deleted_at = None
    record.save()
    return record


def apply_changes(record: BaseModel, changes: dict[str, Any]) -> BaseModel:
    for key, value in changes.items():
        setattr(record, key, value)
    record.save()
    return record


# --- optimistic check: two windows editing the same record -------------------------------------------
class ChangedMeanwhileError(CrmError):
    """The record was saved by someone else (another window, another machine) after the form loaded it:
    saving the form would silently overwrite their changes, so nothing is saved."""


@contextmanager
def unchanged_since(
    model: type[BaseModel],
    record_id: Any,
    loaded_at: Any,
    label: str,
    *,
    undo: bool = False,
) -> Iterator[None]:
    """Around the writes of a form's save, inside its write transaction: refuse the save
    (:class:`ChangedMeanwhileError`, ``record.changed_meanwhile``) when the record's ``updated_at`` is no
    longer ``loaded_at``, the value the form loaded; after the writes, stamp the record with an
    ``updated_at`` no other open form holds, so theirs is refused in turn. ``loaded_at`` None: no check
    (a caller that did not load the record). An undo or redo (``undo``) passes the version the change it
    reverses left, so it never overwrites a colleague's later save either (``record.changed_after_yours``).

    The check is one ``UPDATE ... WHERE id = ? AND updated_at = ?``: on a team database it waits for a
    concurrent saver's row lock and then sees their committed value (nothing slips in between); on a file
    the write transaction holds the file's write lock already."""
    if loaded_at is None:
        yield
        return
    record = get_record(model, record_id, label)  # missing or deleted: that error, not a conflict
    claimed = (
        model.update(updated_at=model.updated_at)
        .where((model.id == record.id) & (model.updated_at == loaded_at))
        .execute()
    )
    if not claimed:
        current = model.get_or_none(model.id == record.id)
        when = current.updated_at if current is not None else None
        if undo:
            raise ChangedMeanwhileError("record.changed_after_yours", label=label, id=record.id, when=when)
        raise ChangedMeanwhileError("record.changed_meanwhile", label=label, id=record.id, when=when)
    yield
    # a new version, whatever the writes did (a save within the same second as the one loaded)
    latest = model.select(model.updated_at).where(model.id == record.id).scalar()
    model.update(updated_at=next_version(latest)).where(model.id == record.id).execute()


def version_of(model: type[BaseModel], record_id: Any) -> Any:
    """The record's ``updated_at`` now (what an undo of the change just made expects to find)."""
    return model.select(model.updated_at).where(model.id == record_id).scalar()


@contextmanager
def all_unchanged_since(
    model: type[BaseModel], left_at: Mapping[int, Any] | None, label: str
) -> Iterator[None]:
    """:func:`unchanged_since` of an undo or redo for several records at once: ``left_at`` maps each
    record's id to the version expected (None: nothing checked)."""
    with ExitStack() as stack:
        for record_id, version in (left_at or {}).items():
            stack.enter_context(unchanged_since(model, record_id, version, label, undo=True))
        yield
