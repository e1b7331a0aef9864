"""The rules of imported service records (服务单), as the service (``services.service_records``) keeps them.

- **Type**: a type key (``complaint``, ``custom_1``), a built-in type's English or Chinese name
  ("Complaint", "投诉") or the name of one of the business's own types; a type turned off in Settings
  takes no new records.
- **Contact**: by name (ignoring case and blanks) among the live contacts of the record's client.
- **Status** (default ``open``): a resolved or confirmed record needs a resolution; "Resolved at" is only
  for those (default: the import's time, never before the opening); "Confirmed at" and "Satisfaction"
  (1–5) only for confirmed ones, which need a satisfaction ("Confirmed at" defaults to "Resolved at").
- **Times**: "Opened at" defaults to the import's time; "Due at" to the opening plus the type's response
  target and never before the opening (to the minute, as in the editor); resolved not before opened,
  confirmed not before resolved.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from .. import clock
from ..services.service_records import ServiceType, service_types
from .fields import normalise_header
from .pipeline import PreviewRow, _column_name, _problem, _rows_of, name_key
from .reader import Table
from .values import SERVICE_TYPE_LABELS

RESOLVED = ("resolved", "confirmed")
LABELS = {
    "kind": "Service type",
    "contact": "Contact",
    "status": "Status",
    "created_at": "Opened at",
    "due_at": "Due at",
    "resolved_at": "Resolved at",
    "resolution": "Resolution",
    "confirmed_at": "Confirmed at",
    "satisfaction": "Satisfaction",
}


def _type_index(types: list[ServiceType]) -> dict[str, ServiceType]:
    index: dict[str, ServiceType] = {}
    for found in types:
        index.setdefault(normalise_header(found.key), found)
    for found in types:
        names = SERVICE_TYPE_LABELS.get(found.key, ()) if found.builtin else (found.name,)
        for name in names:
            index.setdefault(normalise_header(name), found)
    return index


def type_key(text: str) -> str:
    """The key of the (checked) type ``text`` names."""
    found = _type_index(service_types()).get(normalise_header(text))
    return text if found is None else found.key


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def _shown(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def check_service_rows(rows: list[PreviewRow], table: Table, column_of: dict[str, int]) -> None:
    """Resolve each row's type and contact and check its status and times (errors at the cells)."""
    types = service_types()
    index = _type_index(types)
    type_names = ", ".join(t.name or "/".join(SERVICE_TYPE_LABELS[t.key][:2]) for t in types if t.active)
    contacts = _contacts(rows)
    now = clock.now().replace(microsecond=0)
    for row in rows:
        if row.action == "error":
            continue

        def fail(key: str, code: str, row: PreviewRow = row, **params: Any) -> None:
            column = _column_name(table, column_of[key]) if key in column_of else None
            row.problems.append(_problem(row.row, column, key, code, label=LABELS[key], **params))
            row.action = "error"

        values = row.values
        if "kind" in values:
            found = index.get(normalise_header(values["kind"]))
            if found is None:
                fail("kind", "import.unknown_service_type", value=str(values["kind"])[:60], types=type_names)
            elif not found.active:
                fail("kind", "import.service_type_off", value=str(values["kind"])[:60])
            else:  # a business type by its name (the preview shows it), resolved again when written
                values["kind"] = found.key if found.builtin else found.name
        if "contact" in values and row.refs.get("client") is not None:
            client = row.refs["client"]
            ids = contacts.get((client, name_key(values["contact"])), [])  # type: ignore[arg-type]
            client_name = str(values.get("client", ""))[:60]
            if not ids:
                fail("contact", "import.unknown_contact", value=values["contact"][:60], client=client_name)
            elif len(ids) > 1:
                fail(
                    "contact",
                    "import.ambiguous_contact",
                    value=values["contact"][:60],
                    client=client_name,
                    count=len(ids),
                )
            else:
                row.refs["contact"] = ids[0]
        status = values.get("status", "open")
        if status in RESOLVED and not values.get("resolution"):
            fail("resolution", "import.resolution_required")
        if status not in RESOLVED and "resolved_at" in values:
            fail("resolved_at", "import.only_when_resolved")
        for key in ("confirmed_at", "satisfaction"):
            if status != "confirmed" and key in values:
                fail(key, "import.only_when_confirmed")
        if status == "confirmed" and "satisfaction" not in values:
            fail("satisfaction", "import.satisfaction_required")
        opened = values.get("created_at", now)
        due, resolved, confirmed = values.get("due_at"), values.get("resolved_at"), values.get("confirmed_at")
        if due is not None and _minute(due) < _minute(opened):
            fail("due_at", "import.before_opened", value=_shown(due), opened=_shown(opened))
        if resolved is not None and resolved < opened:
            fail("resolved_at", "import.before_opened", value=_shown(resolved), opened=_shown(opened))
        if confirmed is not None and confirmed < (resolved or opened):
            fail("confirmed_at", "import.confirmed_before_resolved", value=_shown(confirmed))


def _contacts(rows: list[PreviewRow]) -> dict[tuple[int, str], list[int]]:
    """(client, name key) -> live contact ids, for the clients of rows naming a contact."""
    clients = {r.refs["client"] for r in rows if "contact" in r.values and r.refs.get("client") is not None}
    found: dict[tuple[int, str], list[int]] = {}
    sql = "SELECT id, client_id, name FROM contact WHERE deleted_at IS NULL AND client_id IN ({marks}) ORDER BY id"
    for ident, client, name in _rows_of(sql, clients):  # type: ignore[arg-type]
        found.setdefault((client, name_key(name)), []).append(ident)
    return found


def service_columns(row: PreviewRow, stamp: str, create: bool) -> dict[str, Any]:
    """The columns a checked row adds to its record: the contact, and on a new record the defaults of
    the opening, due, resolved and confirmed times."""
    result: dict[str, Any] = {}
    if "kind" in row.values:
        result["kind"] = type_key(str(row.values["kind"]))
    if row.refs.get("contact") is not None:
        result["contact_id"] = row.refs["contact"]
    if not create:
        return result
    values = row.values
    opened: datetime = values.get("created_at") or datetime.fromisoformat(stamp)
    result["created_at"] = opened
    if "due_at" not in values:
        hours = next((t.response_hours for t in service_types() if t.key == result.get("kind")), 72)
        result["due_at"] = _minute(opened + timedelta(hours=hours))
    status = values.get("status", "open")
    resolved = values.get("resolved_at")
    if status in RESOLVED and resolved is None:
        resolved = result["resolved_at"] = max(datetime.fromisoformat(stamp), opened)
    if status == "confirmed" and "confirmed_at" not in values:
        result["confirmed_at"] = resolved
    return result
