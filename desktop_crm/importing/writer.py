"""The write half of ``run_import``: one ``BEGIN IMMEDIATE`` transaction, ``executemany`` in batches.

New records get explicit ids (the table's largest id + 1, ...), safe because the transaction holds the
write lock from its start; the derived-data triggers (search text, last contact, KPI summaries) stay on,
exactly as for any other writer. The whole check (``pipeline._prepare``) runs again inside the
transaction, so what is written is what was checked against the database as it is at that moment.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from .. import clock
from ..models import (
    Client,
    Contact,
    Contract,
    FollowUp,
    NextStep,
    Opportunity,
    Payment,
    PaymentInstalment,
)
from ..models.base import BaseModel
from ..models.care import DossierNote, Referral
from ..models.enums import DEFAULT_STAGE_PROBABILITY, OPEN_STAGES
from ..models.service import ServiceRecord
from ..services.common import transactional
from ..team import current_user_id
from .dossier import DOSSIER_KEYS, write_dossiers
from .extras import renumber_instalments, write_client_extras, write_follow_up_contacts
from .fields import CUSTOM_PREFIX
from .pipeline import (
    ImportResult,
    Preview,
    PreviewRow,
    Progress,
    _conn,
    _prepare,
    _rows_of,
    _tick,
    check_result,
    name_key,
    new_uuid,
    now_text,
)
from .reader import Table
from .referrers import write_referrals
from .service_rows import service_columns

BATCH = 100  # rows per executemany: a progress call (and a cancel check) after each (~30 ms under load)

MODELS: dict[str, type[BaseModel]] = {
    "clients": Client,
    "contacts": Contact,
    "follow-ups": FollowUp,
    "opportunities": Opportunity,
    "contracts": Contract,
    "payment-plans": PaymentInstalment,
    "payments": Payment,
    "service-records": ServiceRecord,
    "referrals": Referral,
    "dossier-notes": DossierNote,
}
# field key -> column of the kind's table (keys not listed are handled apart or are columns themselves)
_REF_COLUMNS = {
    "client": "client_id",
    "owner": "owner_id",
    "user": "user_id",
    "contract": "contract_id",
    "opportunity": "opportunity_id",
    "instalment": "instalment_id",
}
_USER_REFS = {
    "clients": ("owner",),
    "opportunities": ("owner",),
    "follow-ups": ("user",),
    "service-records": ("user",),
}
_NOT_COLUMNS = {"contact", "next_contact", "contacts", "tags", "referrer", *DOSSIER_KEYS}


def db_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(microsecond=0).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _defaults(model: type[BaseModel]) -> dict[str, Any]:
    """column -> default database value of every column of ``model``."""
    result: dict[str, Any] = {}
    for fld in model._meta.sorted_fields:
        default = fld.default
        result[fld.column_name] = db_value(default() if callable(default) else default)
    return result


def _columns(kind: str, row: PreviewRow) -> dict[str, Any]:
    """column -> value of the row's mapped, non-blank fields (references resolved)."""
    values: dict[str, Any] = {}
    for key, value in row.values.items():
        if key in _NOT_COLUMNS or key.startswith(CUSTOM_PREFIX):
            continue
        if key in _REF_COLUMNS:
            continue
        values[key] = db_value(value)
    for key, ident in row.refs.items():
        if key in _REF_COLUMNS and ident is not None:
            values[_REF_COLUMNS[key]] = ident
    if kind == "referrals":  # the referrer (``referrers``) replaces the one stored: a client or a contact
        values["referrer_client_id"] = row.refs.get("referrer_client")
        values["referrer_contact_id"] = row.refs.get("referrer_contact")
    if kind == "opportunities":
        stage = row.values.get("stage")
        if stage is not None and "probability" not in row.values:
            values["probability"] = DEFAULT_STAGE_PROBABILITY[stage]
        if stage is not None and stage not in OPEN_STAGES and "closed_on" not in row.values:
            values["closed_on"] = clock.today().isoformat()
    return values


def _insert(table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    if rows:
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        _conn().executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)


def _next_id(table: str) -> int:
    return int(_conn().execute(f'SELECT coalesce(max(id), 0) + 1 FROM "{table}"').fetchone()[0])


@transactional
def write_rows(
    kind: str, table: Table, mapping: dict[int, str], on_duplicate: str, progress: Progress | None
) -> ImportResult:
    preview = _prepare(kind, table, mapping, on_duplicate, progress, 4)
    check_result(preview)
    total = max(len(table.rows), 1) * 4
    base = 3 * len(table.rows)
    model = MODELS[kind]
    name = model._meta.table_name
    defaults = _defaults(model)
    columns = list(defaults)
    stamp = now_text()
    default_user = current_user_id()
    client_owners: dict[Any, int | None] = {}  # an opportunity's owner defaults to its client's
    if kind == "opportunities":
        wanted = {row.refs.get("client") for row in preview.rows if row.action == "create"} - {None}
        sql = "SELECT id, owner_id FROM client WHERE id IN ({marks})"
        client_owners = dict(_rows_of(sql, wanted))  # type: ignore[arg-type]
    next_id = _next_id(name)
    batch: list[tuple[Any, ...]] = []
    updates: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    created_ids: dict[int, int] = {}  # file row -> new id
    created = updated = 0
    for index, row in enumerate(preview.rows):
        if index % BATCH == 0 and index:
            _insert(name, columns, batch)
            batch = []
            _tick(progress, base + index, total)
        if row.action == "create":
            record = dict(defaults)
            record.update(_columns(kind, row))
            for key in _USER_REFS.get(kind, ()):
                if key not in row.refs:
                    record[_REF_COLUMNS[key]] = (
                        client_owners.get(row.refs.get("client")) if kind == "opportunities" else default_user
                    )
            record.update(id=next_id, uuid=new_uuid(), created_at=stamp, updated_at=stamp)
            if kind == "service-records":
                record.update({k: db_value(v) for k, v in service_columns(row, stamp, True).items()})
            batch.append(tuple(record[c] for c in columns))
            created_ids[row.row] = next_id
            next_id += 1
            created += 1
        elif row.action == "update":
            changes = _columns(kind, row)
            changes.pop("client_id", None)  # the record stays with its client
            if kind == "service-records":
                changes.update(service_columns(row, stamp, False))
            if changes:
                keys = tuple(sorted(changes))
                updates.setdefault(keys, []).append((*(changes[k] for k in keys), stamp, row.existing_id))
            updated += 1
    _insert(name, columns, batch)
    for keys, values in updates.items():
        assignments = ", ".join(f'"{k}" = ?' for k in keys)
        _conn().executemany(f'UPDATE "{name}" SET {assignments}, updated_at = ? WHERE id = ?', values)
    if kind == "clients":
        _client_extras(preview, created_ids, stamp, default_user)
        write_client_extras(preview, created_ids, stamp)
        write_dossiers(preview, created_ids, stamp)
        write_referrals(preview, created_ids, stamp)
    elif kind == "follow-ups":
        write_follow_up_contacts(preview, created_ids, stamp)
    elif kind == "payment-plans":
        renumber_instalments(preview)
    _tick(progress, total, total)
    return ImportResult(created, updated, preview.counts.get("skip", 0))


def _client_extras(
    preview: Preview, created_ids: dict[int, int], stamp: str, default_user: int | None
) -> None:
    """The next steps ("Next contact") and contact persons ("Contact") of imported clients."""
    targets: list[tuple[int, PreviewRow]] = []
    for row in preview.rows:
        ident = created_ids.get(row.row) if row.action == "create" else row.existing_id
        if (
            ident is not None
            and row.action in ("create", "update")
            and ("next_contact" in row.values or "contact" in row.values)
        ):
            targets.append((ident, row))
    if not targets:
        return
    conn = _conn()
    updated_ids = [ident for ident, row in targets if row.action == "update"]
    open_steps: set[tuple[int, str]] = set()
    contacts: set[tuple[int, str]] = set()
    for chunk_start in range(0, len(updated_ids), 900):
        chunk = updated_ids[chunk_start : chunk_start + 900]
        marks = ", ".join("?" for _ in chunk)
        for cid, due in conn.execute(
            f"SELECT client_id, due_at FROM next_step WHERE done = 0 AND client_id IN ({marks})", chunk
        ):
            open_steps.add((cid, str(due)))
        for cid, contact_name in conn.execute(
            f"SELECT client_id, name FROM contact WHERE deleted_at IS NULL AND client_id IN ({marks})", chunk
        ):
            contacts.add((cid, name_key(contact_name)))
    step_defaults = _defaults(NextStep)
    step_columns = list(step_defaults)
    contact_defaults = _defaults(Contact)
    contact_columns = list(contact_defaults)
    steps: list[tuple[Any, ...]] = []
    people: list[tuple[Any, ...]] = []
    step_id, contact_id = _next_id("next_step"), _next_id("contact")
    for ident, row in targets:
        owner = row.refs.get("owner", default_user)
        due = row.values.get("next_contact")
        if due is not None and (ident, db_value(due)) not in open_steps:
            step = dict(step_defaults)
            step.update(
                id=step_id,
                uuid=new_uuid(),
                created_at=stamp,
                updated_at=stamp,
                client_id=ident,
                user_id=owner,
                bucket="exact",
                due_at=db_value(due),
                plan_type="keep_in_touch",
            )
            steps.append(tuple(step[c] for c in step_columns))
            open_steps.add((ident, db_value(due)))
            step_id += 1
        person = row.values.get("contact")
        if person and (ident, name_key(person)) not in contacts:
            contact = dict(contact_defaults)
            contact.update(
                id=contact_id,
                uuid=new_uuid(),
                created_at=stamp,
                updated_at=stamp,
                client_id=ident,
                name=person,
            )
            people.append(tuple(contact[c] for c in contact_columns))
            contacts.add((ident, name_key(person)))
            contact_id += 1
    _insert("next_step", step_columns, steps)
    _insert("contact", contact_columns, people)


__all__ = ["MODELS", "write_rows"]
