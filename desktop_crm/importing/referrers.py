"""A client's referrer (介绍人, "Referred by") in the clients import and export, and in the referrals kind
(``check_referrers(..., referred=referral_row)``).

The cell names either a client (its name) or a contact of another client written as
"Contact name (Client name)" (full-width brackets too), which is what the export writes. A name that is a
live client's, or a client created by an earlier or later row of the same file, is a client; otherwise
the text is split at an opening bracket into a contact and its (live) client. A client cannot refer
itself, nor through one of its own contacts (as in the referral editor). Written to ``referral``: a new
referral, or the referrer of an existing one replaced (its rewards and notes stay). A contact referrer
needs the contacts imported first: import the clients, then the contacts, then the clients again with
"update".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .pipeline import Preview, PreviewRow, _column_name, _conn, _problem, _rows_of, name_key
from .reader import Table

LABEL = "Referred by"
_OPEN = ("(", "（")
_CLOSE = (")", "）")


def _splits(text: str) -> list[tuple[str, str]]:
    """(contact, client) readings of "Contact (Client)", the first opening bracket first."""
    text = text.strip()
    if not text.endswith(_CLOSE):
        return []
    return [
        (text[:i].strip(), text[i + 1 : -1].strip())
        for i, ch in enumerate(text)
        if ch in _OPEN and text[:i].strip() and text[i + 1 : -1].strip()
    ]


def _client_row(row: PreviewRow) -> tuple[str, int | None]:
    """A clients row's own name and the stored client it updates."""
    return str(row.values.get("name", "")), row.existing_id


def referral_row(row: PreviewRow) -> tuple[str, int | None]:
    """A referrals row's referred client: its name as written and its id."""
    return str(row.values.get("client", "")), row.refs.get("client")


def check_referrers(
    rows: list[PreviewRow],
    clients: dict[str, list[int]],
    table: Table,
    column_of: dict[str, int],
    referred: Callable[[PreviewRow], tuple[str, int | None]] = _client_row,
) -> None:
    """Resolve the referrer of each row about to be written (errors at the cell): a client row's own
    referrer, or (``referred=referral_row``) a referrals row's. ``clients``: name key -> live client ids
    of the database; a clients row may also name a client an earlier or later row creates."""
    wanted = [r for r in rows if r.action in ("create", "update") and r.values.get("referrer")]
    if not wanted:
        return
    in_file = {
        name_key(r.values["name"]): r.row for r in rows if r.action == "create" and r.values.get("name")
    }
    client_names = {ident: key for key, ids in clients.items() for ident in ids}
    candidates = {
        ids[0]
        for r in wanted
        for _contact, client in _splits(r.values["referrer"])
        if len(ids := clients.get(name_key(client), [])) == 1
    }
    contacts: dict[tuple[int, str], list[int]] = {}
    sql = "SELECT id, client_id, name FROM contact WHERE deleted_at IS NULL AND client_id IN ({marks}) ORDER BY id"
    for ident, client, name in _rows_of(sql, candidates):
        contacts.setdefault((client, name_key(name)), []).append(ident)
    column = _column_name(table, column_of["referrer"]) if "referrer" in column_of else None
    for row in wanted:

        def fail(code: str, row: PreviewRow = row, **params: Any) -> None:
            row.problems.append(_problem(row.row, column, "referrer", code, label=LABEL, **params))
            row.action = "error"

        text = str(row.values["referrer"])
        own_name, own_id = referred(row)
        key, own = name_key(text), name_key(own_name)
        ids = clients.get(key, [])
        if key == own or (own_id is not None and ids == [own_id]):
            fail("referral.self")
        elif len(ids) > 1:
            fail("import.ambiguous_client", value=text[:60], count=len(ids))
        elif ids:
            row.refs["referrer_client"] = ids[0]
        elif key in in_file:
            row.refs["referrer_row"] = in_file[key]
        else:
            found = [
                (client_ids[0], people)
                for person, client in _splits(text)
                if len(client_ids := clients.get(name_key(client), [])) == 1
                and (people := contacts.get((client_ids[0], name_key(person)), []))
            ]
            if not found:
                fail("import.unknown_referrer", value=text[:60])
            elif len(found[0][1]) > 1:
                fail("import.ambiguous_referrer", value=text[:60], count=len(found[0][1]))
            elif found[0][0] == own_id or client_names.get(found[0][0]) == own:
                fail("referral.own_contact", name=text[:60])
            else:
                row.refs["referrer_contact"] = found[0][1][0]


def write_referrals(preview: Preview, created_ids: dict[int, int], stamp: str) -> None:
    """Create each imported client's referral, or replace the referrer of the one it has."""
    from ..models.care import Referral
    from .writer import _defaults, _insert, _next_id, new_uuid

    targets: list[tuple[int, int | None, int | None]] = []
    for row in preview.rows:
        ident = created_ids.get(row.row) if row.action == "create" else row.existing_id
        if ident is None or row.action not in ("create", "update"):
            continue
        by_row = row.refs.get("referrer_row")
        referrer = created_ids.get(by_row) if by_row is not None else row.refs.get("referrer_client")
        contact = row.refs.get("referrer_contact")
        if referrer is not None or contact is not None:
            targets.append((ident, referrer, contact))
    if not targets:
        return
    sql = "SELECT client_id FROM referral WHERE client_id IN ({marks})"
    having = {cid for (cid,) in _rows_of(sql, (t[0] for t in targets))}
    defaults = _defaults(Referral)
    columns = list(defaults)
    inserts: list[tuple[Any, ...]] = []
    next_id = _next_id("referral")
    for ident, referrer, contact in targets:
        if ident in having:
            _conn().execute(
                "UPDATE referral SET referrer_client_id = ?, referrer_contact_id = ?, updated_at = ?"
                " WHERE client_id = ?",
                (referrer, contact, stamp, ident),
            )
            continue
        record = dict(defaults)
        record.update(id=next_id, uuid=new_uuid(), created_at=stamp, updated_at=stamp, client_id=ident)
        record.update(referrer_client_id=referrer, referrer_contact_id=contact)
        inserts.append(tuple(record[c] for c in columns))
        having.add(ident)
        next_id += 1
    _insert("referral", columns, inserts)
