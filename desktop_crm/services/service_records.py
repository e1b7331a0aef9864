"""Service records and complaints (服务单/投诉): open, edit, move through their statuses, delete and restore;
and the editable list of service types with their response targets.

Statuses: ``open`` → ``in_progress`` → ``resolved`` → ``confirmed`` (by the client, with a satisfaction mark
1–5), and a resolved record may be ``reopened`` (then worked on and resolved again). Resolving needs a
resolution text; a confirmed record is final (a returning problem is a new record). The due time defaults
to the opening time plus the type's response target; it may be moved, never before the opening time.

The types are stored in the setting ``service.types`` as a list of ``{"key", "name", "response_hours",
"active"}``: the built-in ones (``BUILTIN_SERVICE_TYPES``, named by the interface in its language) always
exist and can be turned off (except complaints, which the KPIs count); the business may add its own types
(named by the business) and remove them while no record uses them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ..errors import ValidationError
from ..models import Client, Contact, Contract, User
from ..models import now as clock_now
from ..models.service import (
    BUILTIN_SERVICE_TYPES,
    COMPLAINT,
    SERVICE_OPEN_STATUSES,
    SERVICE_SEVERITIES,
    SERVICE_STATUSES,
    ServiceRecord,
)
from .common import (
    fk_id,
    get_record,
    long_text,
    require_datetime,
    require_enum,
    require_int,
    require_list,
    require_mapping,
    require_text,
    restore,
    shown,
    soft_delete,
    transactional,
)
from .deals import UNSET, Unset, alive_client
from .settings import get_setting, set_setting

TYPES_SETTING = "service.types"
MIN_HOURS, MAX_HOURS = 1, 24 * 365
MAX_TYPES = 50
TYPE_NAME_LENGTH = 40
DEFAULT_RESPONSE_HOURS: dict[str, int] = {
    "installation": 72,
    "training": 120,
    "maintenance": 72,
    "complaint": 24,
    "suggestion": 168,
    "praise": 168,
}
RecordRef = int | ServiceRecord


@dataclass(frozen=True)
class ServiceType:
    key: str
    name: str  # the business's own name; "" for a built-in type (the interface names it)
    response_hours: int
    active: bool = True

    @property
    def builtin(self) -> bool:
        return self.key in BUILTIN_SERVICE_TYPES

    def display_name(self) -> str:
        """The name in English (the interface translates the built-in ones)."""
        return self.name or self.key.replace("_", " ").capitalize()


# --- service types -----------------------------------------------------------------------------------


def _stored_types() -> list[ServiceType]:
    """The stored list, each entry as written (unreadable entries skipped)."""
    stored = get_setting(TYPES_SETTING, [])
    result: list[ServiceType] = []
    if not isinstance(stored, list):
        return result
    for entry in stored:
        if not isinstance(entry, dict) or not isinstance(entry.get("key"), str):
            continue
        hours = entry.get("response_hours")
        if isinstance(hours, bool) or not isinstance(hours, int) or not MIN_HOURS <= hours <= MAX_HOURS:
            hours = DEFAULT_RESPONSE_HOURS.get(entry["key"], 72)
        name = entry.get("name") if isinstance(entry.get("name"), str) else ""
        result.append(ServiceType(entry["key"], name or "", hours, bool(entry.get("active", True))))
    return result


def service_types(active_only: bool = False) -> list[ServiceType]:
    """The built-in types (in their order, with the stored targets) then the business's own ones."""
    stored = {t.key: t for t in _stored_types()}
    types = [
        ServiceType(key, "", stored[key].response_hours, stored[key].active or key == COMPLAINT)
        if key in stored
        else ServiceType(key, "", DEFAULT_RESPONSE_HOURS[key])
        for key in BUILTIN_SERVICE_TYPES
    ]
    types += [t for key, t in stored.items() if key not in BUILTIN_SERVICE_TYPES and t.name]
    return [t for t in types if t.active or not active_only]


def service_type(key: str) -> ServiceType | None:
    return next((t for t in service_types() if t.key == key), None)


def _next_custom_key(taken: set[str]) -> str:
    number = 1
    while f"custom_{number}" in taken:
        number += 1
    return f"custom_{number}"


@transactional
def save_service_types(types: Sequence[Mapping[str, Any]]) -> list[ServiceType]:
    """Store the whole list as edited in Settings: each entry a mapping with ``key`` (absent or "" for
    a new type of the business), ``name`` (the business's types only), ``response_hours`` and
    ``active``. A built-in type left out keeps its stored values; a business type left out is removed
    (refused while records use it). Returns the list as stored."""
    entries = require_list(types, "types", "Service types", MAX_TYPES)
    current = {t.key: t for t in service_types()}
    result: dict[str, ServiceType] = {}
    names: set[str] = set()
    for raw in entries:
        entry = require_mapping(raw, "types", "Service type")
        key = entry.get("key") or ""
        if not isinstance(key, str) or (key and key not in current):
            raise ValidationError("service.unknown_type", "kind", value=shown(key))
        hours = require_int(
            entry.get("response_hours"), "response_hours", "Response target (hours)", MIN_HOURS, MAX_HOURS
        )
        active = entry.get("active", True)
        if not isinstance(active, bool):
            raise ValidationError("service.active_not_bool", "active")
        if key in BUILTIN_SERVICE_TYPES:
            if key == COMPLAINT and not active:
                raise ValidationError("service.complaint_always_on", "active")
            name = ""
        else:
            name = require_text(entry.get("name"), "name", "Name", TYPE_NAME_LENGTH)
            folded = name.casefold()
            if folded in names:
                raise ValidationError("service.type_name_taken", "name", name=name)
            names.add(folded)
            key = key or _next_custom_key(set(current) | set(result))
        if key in result:
            raise ValidationError("service.type_twice", "kind", value=shown(key))
        result[key] = ServiceType(key, name, hours, active)
    for key, kept in current.items():
        if key in result:
            continue
        if key in BUILTIN_SERVICE_TYPES:
            result[key] = kept
            continue
        used = ServiceRecord.select().where(ServiceRecord.kind == key).count()
        if used:
            raise ValidationError("service.type_in_use", "types", name=kept.name, count=used)
    ordered = [result[k] for k in BUILTIN_SERVICE_TYPES] + [
        t for k, t in result.items() if k not in BUILTIN_SERVICE_TYPES
    ]
    set_setting(
        TYPES_SETTING,
        [
            {"key": t.key, "name": t.name, "response_hours": t.response_hours, "active": t.active}
            for t in ordered
        ],
    )
    return service_types()


# --- records -----------------------------------------------------------------------------------------


def _kind(value: Any, current: str | None = None) -> ServiceType:
    """A type new records may use: a known, active one (a record keeps a type turned off later)."""
    if not isinstance(value, str) or not value:
        raise ValidationError("required", "kind", label="Service type")
    found = service_type(value)
    if found is None:
        raise ValidationError("service.unknown_type", "kind", value=shown(value))
    if not found.active and value != current:
        raise ValidationError("service.type_off", "kind", name=found.display_name())
    return found


def _contact(value: Any, client: Client) -> Contact | None:
    if value is None:
        return None
    contact = get_record(Contact, value, "Contact", include_deleted=True)
    if contact.is_deleted:
        raise ValidationError("contact.deleted", "contact_id", name=contact.name)
    if fk_id(contact, "client") != client.id:
        raise ValidationError("contact.other_client", "contact_id", name=contact.name, client=client.name)
    return contact


def _contract(value: Any, client: Client) -> Contract | None:
    if value is None:
        return None
    contract = get_record(Contract, value, "Contract")
    if fk_id(contract, "client") != client.id:
        raise ValidationError(
            "service.contract_other_client",
            "contract_id",
            name=contract.title or contract.number or f"#{contract.id}",
            client=client.name,
        )
    return contract


def _due(value: Any, opened: datetime) -> datetime:
    due = require_datetime(value, "due_at", "Due time").replace(second=0)
    if due < opened.replace(second=0):
        raise ValidationError("service.due_before_creation", "due_at", due_at=due, created_at=opened)
    return due


def _now(now: datetime | None) -> datetime:
    return clock_now() if now is None else require_datetime(now, "now", "Time")


@transactional
def create_service_record(
    client_id: int | Client,
    kind: str,
    title: str,
    *,
    severity: str = "normal",
    description: str = "",
    contact_id: int | Contact | None = None,
    contract_id: int | Contract | None = None,
    due_at: datetime | str | None = None,
    user_id: int | User | None = None,
    now: datetime | None = None,
) -> ServiceRecord:
    """Open a service record (status ``open``); ``due_at`` defaults to now + the type's response target."""
    client = alive_client(client_id)
    opened = _now(now)
    found = _kind(kind)
    values = {
        "title": require_text(title, "title", "Title"),
        "severity": require_enum(severity, SERVICE_SEVERITIES, "severity", "Severity"),
        "description": long_text(description, "description", "Description"),
        "contact": _contact(contact_id, client),
        "contract": _contract(contract_id, client),
        "due_at": _due(opened + timedelta(hours=found.response_hours) if due_at is None else due_at, opened),
        "user": None if user_id is None else get_record(User, user_id, "User"),
    }
    return ServiceRecord.create(
        client=client, kind=found.key, status="open", created_at=opened, updated_at=opened, **values
    )


def _live_record(record_id: RecordRef) -> tuple[ServiceRecord, Client]:
    record = get_record(ServiceRecord, record_id, "Service record")
    return record, alive_client(fk_id(record, "client"))


@transactional
def update_service_record(
    record_id: RecordRef,
    *,
    kind: str | Unset = UNSET,
    title: str | Unset = UNSET,
    severity: str | Unset = UNSET,
    description: str | Unset = UNSET,
    contact_id: int | Contact | None | Unset = UNSET,
    contract_id: int | Contract | None | Unset = UNSET,
    due_at: datetime | str | Unset = UNSET,
    resolution: str | Unset = UNSET,
) -> ServiceRecord:
    """Change what the record says (not its status: ``change_service_status``)."""
    record, client = _live_record(record_id)
    changes: dict[str, Any] = {}
    if not isinstance(kind, Unset):
        changes["kind"] = _kind(kind, record.kind).key
    if not isinstance(title, Unset):
        changes["title"] = require_text(title, "title", "Title")
    if not isinstance(severity, Unset):
        changes["severity"] = require_enum(severity, SERVICE_SEVERITIES, "severity", "Severity")
    if not isinstance(description, Unset):
        changes["description"] = long_text(description, "description", "Description")
    if not isinstance(contact_id, Unset):
        changes["contact"] = _contact(contact_id, client)
    if not isinstance(contract_id, Unset):
        changes["contract"] = _contract(contract_id, client)
    if not isinstance(due_at, Unset):
        changes["due_at"] = _due(due_at, record.created_at)
    if not isinstance(resolution, Unset):
        text = long_text(resolution, "resolution", "Resolution")
        if not text and record.status in ("resolved", "confirmed"):
            raise ValidationError("service.resolution_required", "resolution")
        changes["resolution"] = text
    for key, value in changes.items():
        setattr(record, key, value)
    record.save()
    return record


# Which status may follow which (a confirmed record is final).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "open": ("in_progress", "resolved"),
    "in_progress": ("resolved",),
    "reopened": ("in_progress", "resolved"),
    "resolved": ("confirmed", "reopened"),
    "confirmed": (),
}


def _check_transition(current: str, new: str) -> None:
    if new == current:
        raise ValidationError("service.already_status", "status", status=current)
    if current == "confirmed":
        raise ValidationError("service.confirmed_final", "status")
    if new in TRANSITIONS.get(current, ()):
        return
    if new == "confirmed":
        raise ValidationError("service.confirm_needs_resolved", "status", status=current)
    if new == "reopened":
        raise ValidationError("service.reopen_needs_resolved", "status", status=current)
    raise ValidationError("service.bad_transition", "status", status=current, new_status=new)


@transactional
def change_service_status(
    record_id: RecordRef,
    status: str,
    *,
    resolution: str | None = None,
    satisfaction: int | None = None,
    now: datetime | None = None,
) -> ServiceRecord:
    """Move the record to ``status`` (see ``TRANSITIONS``). Resolving needs ``resolution`` (or keeps
    the text already written when none is given); confirming needs ``satisfaction`` 1–5; reopening
    clears the resolution and confirmation times (the text stays, to be improved)."""
    record, _client = _live_record(record_id)
    new = require_enum(status, SERVICE_STATUSES, "status", "Status")
    _check_transition(record.status, new)
    when = _now(now)
    if new == "resolved":
        text = record.resolution if resolution is None else long_text(resolution, "resolution", "Resolution")
        if not text:
            raise ValidationError("service.resolution_required", "resolution")
        record.resolution = text
        record.resolved_at = max(when, record.created_at)
    elif new == "confirmed":
        if satisfaction is None:
            raise ValidationError("service.satisfaction_required", "satisfaction")
        record.satisfaction = require_int(satisfaction, "satisfaction", "Satisfaction", 1, 5)
        record.confirmed_at = max(when, record.created_at)
    elif new == "reopened":
        record.resolved_at = None
        record.confirmed_at = None
        record.satisfaction = None
    record.status = new
    record.save()
    return record


def resolve_service_record(
    record_id: RecordRef, resolution: str, now: datetime | None = None
) -> ServiceRecord:
    """Resolve with ``resolution`` (the one-click action of Today)."""
    return change_service_status(record_id, "resolved", resolution=resolution, now=now)


@transactional
def delete_service_record(record_id: RecordRef) -> ServiceRecord:
    record, _client = _live_record(record_id)
    return soft_delete(record)


@transactional
def restore_service_record(record_id: RecordRef) -> ServiceRecord:
    record = get_record(ServiceRecord, record_id, "Service record", include_deleted=True)
    alive_client(fk_id(record, "client"))
    return restore(record)


def is_open(status: str) -> bool:
    return status in SERVICE_OPEN_STATUSES
