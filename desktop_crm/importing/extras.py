"""What an imported row writes beside its own record: a client's categories (tags) and custom field
values, a follow-up's contacts, and the numbering of a contract's instalments.

- **Categories**: the names in the cell (comma separated); a category that does not exist yet is
  created (compared ignoring case, as the client editor does). On a new client they are its
  categories; on an updated one they replace its categories.
- **Custom fields** (one column per field, headed by its name): the value parsed by the field's kind
  (text, number, date, one of its choices, several of its choices comma separated); on an updated
  client a non-blank cell replaces the value.
- **A follow-up's contacts**: on a new follow-up its contacts; on an updated one they replace its
  contacts.
- **Instalments** are numbered 1, 2, ... by due date within their contract after the import, as the
  plan dialog numbers them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any

from .fields import CUSTOM_PREFIX
from .pipeline import Preview, PreviewRow, _conn, new_uuid


def _targets(preview: Preview, created_ids: dict[int, int]) -> Iterable[tuple[int, PreviewRow]]:
    for row in preview.rows:
        if row.action == "create":
            ident = created_ids.get(row.row)
        elif row.action == "update":
            ident = row.existing_id
        else:
            continue
        if ident is not None:
            yield ident, row


def _chunks(ids: list[int], size: int = 900) -> Iterable[tuple[list[int], str]]:
    for start in range(0, len(ids), size):
        chunk = ids[start : start + size]
        yield chunk, ", ".join("?" for _ in chunk)


def _tag_ids(names: Iterable[str], stamp: str) -> dict[str, int]:
    """casefolded name -> tag id, creating the tags that do not exist."""
    conn = _conn()
    known = {str(name).casefold(): int(ident) for ident, name in conn.execute("SELECT id, name FROM tag")}
    for name in names:
        if name.casefold() not in known:
            row = conn.execute(
                "INSERT INTO tag (uuid, created_at, updated_at, name, color) VALUES (?, ?, ?, ?, '') RETURNING id",
                (new_uuid(), stamp, stamp, name),
            ).fetchone()
            known[name.casefold()] = int(row[0])
    return known


def _custom_columns(value: Any) -> tuple[Any, Any, Any]:
    """(value_text, value_number, value_date) of a parsed custom field value."""
    if isinstance(value, tuple):  # several choices (TextList)
        return json.dumps(list(value), ensure_ascii=False), None, None
    if isinstance(value, bool):
        return str(value), None, None
    if isinstance(value, int | float):
        return None, float(value), None
    if isinstance(value, date):
        return None, None, value.isoformat()
    return str(value), None, None


def write_client_extras(preview: Preview, created_ids: dict[int, int], stamp: str) -> None:
    targets = [
        (ident, row)
        for ident, row in _targets(preview, created_ids)
        if "tags" in row.values or any(k.startswith(CUSTOM_PREFIX) for k in row.values)
    ]
    if not targets:
        return
    conn = _conn()
    tagged = [(ident, row.values["tags"]) for ident, row in targets if "tags" in row.values]
    if tagged:
        tag_of = _tag_ids((name for _, names in tagged for name in names), stamp)
        updated = [ident for ident, row in targets if row.action == "update" and "tags" in row.values]
        for chunk, marks in _chunks(updated):
            conn.execute(f"DELETE FROM client_tag WHERE client_id IN ({marks})", chunk)
        links = {(ident, tag_of[name.casefold()]) for ident, names in tagged for name in names}
        conn.executemany(
            "INSERT INTO client_tag (uuid, created_at, updated_at, client_id, tag_id)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [(new_uuid(), stamp, stamp, client, tag) for client, tag in sorted(links)],
        )
    values = []
    for ident, row in targets:
        for key, value in row.values.items():
            if key.startswith(CUSTOM_PREFIX):
                text, number, day = _custom_columns(value)
                field_id = int(key[len(CUSTOM_PREFIX) :])
                values.append((new_uuid(), stamp, stamp, field_id, ident, text, number, day))
    conn.executemany(
        "INSERT INTO custom_field_value (uuid, created_at, updated_at, field_id, client_id, value_text,"
        " value_number, value_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (client_id, field_id) DO UPDATE SET value_text = excluded.value_text,"
        " value_number = excluded.value_number, value_date = excluded.value_date,"
        " updated_at = excluded.updated_at",
        values,
    )


def write_follow_up_contacts(preview: Preview, created_ids: dict[int, int], stamp: str) -> None:
    targets = [(ident, row) for ident, row in _targets(preview, created_ids) if row.links.get("contacts")]
    if not targets:
        return
    conn = _conn()
    updated = [ident for ident, row in targets if row.action == "update"]
    for chunk, marks in _chunks(updated):
        conn.execute(f"DELETE FROM follow_up_contact WHERE follow_up_id IN ({marks})", chunk)
    conn.executemany(
        "INSERT INTO follow_up_contact (uuid, created_at, updated_at, follow_up_id, contact_id)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [(new_uuid(), stamp, stamp, ident, c) for ident, row in targets for c in row.links["contacts"]],
    )


def renumber_instalments(preview: Preview) -> None:
    touched = {row.refs.get("contract") for row in preview.rows if row.action in ("create", "update")}
    contracts = sorted(c for c in touched if c is not None)
    conn = _conn()
    for chunk, marks in _chunks(contracts):
        conn.execute(
            "UPDATE payment_instalment SET seq = (SELECT count(*) FROM payment_instalment p"
            " WHERE p.contract_id = payment_instalment.contract_id AND (p.due_date < payment_instalment.due_date"
            " OR (p.due_date = payment_instalment.due_date AND p.id <= payment_instalment.id)))"
            f" WHERE contract_id IN ({marks})",
            chunk,
        )
