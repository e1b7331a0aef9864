"""Who sees what when a laptop syncs with the team database.

A supervisor's laptop (the user working on it is a supervisor on the team database) receives everything.
A salesperson's laptop receives:

- the team-wide records: users, settings, tags, custom field definitions, the handbook;
- their own clients and the clients nobody owns (a shared pool), with everything that belongs to them
  (contacts, follow-ups, next steps, opportunities, contracts, payments, attachments, dossiers…);
- their own goals and the team goals, their own weekly forms with the supervisor's annotations and
  scores, their own saved views and the shared ones;
- and of the records that link two of these (a weekly plan item naming a client, a goal's client), those
  whose every link it may see.

Laptops without a chosen user receive everything, as a single-person file does. This is about what each
laptop holds and carries, not a security boundary: whoever has the team database's password can read it
all, which is PostgreSQL's roles' business.

Ownership changes move records: the laptop tells the hub which top records (clients, goals, weekly forms,
saved views) it holds; a record it may no longer see is forgotten there (removed without a delete that
would travel), and one it may now see arrives whole, with everything below it, whatever its age.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

from ..driver import sqlite3
from ..engine import id_chunks
from .merge import Record, resolve_alias
from .tables import SyncedTable, synced_tables, table_named

# the top records of what a salesperson sees: table -> (its owner column, whether one without an owner is
# everyone's)
ROOTS = {
    "client": ("owner_id", True),
    "goal": ("user_id", True),
    "weekly_form": ("user_id", False),
    "saved_view": ("user_id", True),
}
USER = "user"


@cache
def scoped_tables() -> dict[str, SyncedTable]:
    """The tables whose records belong to a top record (directly or through others), in dependency order;
    the others are team-wide."""
    found: dict[str, SyncedTable] = {}
    for table in synced_tables():
        links = [t for t in table.foreign_keys.values() if t != USER]
        if table.name in ROOTS or any(t in found for t in links):
            found[table.name] = table
    return found


def _links(table: SyncedTable) -> list[tuple[str, str]]:
    """The (column, table) links that decide a record's visibility: to scoped records, users left out."""
    return [(c, t) for c, t in table.foreign_keys.items() if t in scoped_tables()]


def held_roots(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """The top records this laptop holds (sent with its push)."""
    return {
        table: [str(u) for (u,) in conn.execute(f'SELECT uuid FROM "{table}" ORDER BY uuid')]
        for table in ROOTS
    }


@dataclass
class Scope:
    """What one laptop may see on the team database, computed there at a pull."""

    me: str  # the user's UUID (on the team database)
    uuids: dict[str, set[str]] = field(default_factory=dict)  # visible live records per scoped table
    fresh: dict[str, set[str]] = field(default_factory=dict)  # those under a top record the laptop lacks
    forget: list[tuple[str, str]] = field(default_factory=list)  # top records held it may no longer see
    _tombs: dict[str, set[str]] = field(default_factory=dict)

    def visible(self, record: Record) -> bool:
        table = scoped_tables().get(record.table)
        if table is None:
            return True
        if record.uuid in self.uuids[table.name]:
            return True
        if record.deleted is None:
            return False
        # a deleted record: judged by the values it had (its parents come first, deleted or not)
        ok = self._root_ok(table.name, record.row.get(ROOTS[table.name][0])) if table.name in ROOTS else True
        for column, target in _links(table):
            value = record.row.get(column)
            if (
                value is not None
                and value not in self.uuids[target]
                and value not in self._tombs.get(target, ())
            ):
                ok = False
        if ok:
            self._tombs.setdefault(table.name, set()).add(record.uuid)
        return ok

    def must_send(self, table: str, uuid: str) -> bool:
        return uuid in self.fresh.get(table, ())

    def _root_ok(self, table: str, owner: Any) -> bool:
        return owner == self.me or (owner is None and ROOTS[table][1])


def scope_for(conn: sqlite3.Connection, user: str | None, held: dict[str, list[str]] | None) -> Scope | None:
    """What the laptop of ``user`` (a UUID) may see; None: everything (a supervisor, or nobody chosen)."""
    if user is None:
        return None
    user = resolve_alias(conn, USER, user)  # the same name made on both sides: one user now
    row = conn.execute('SELECT id, role FROM "user" WHERE uuid = ?', (user,)).fetchone()
    if row is not None and row[1] == "supervisor":
        return None
    me_id = int(row[0]) if row is not None else None
    scope = Scope(user)
    held_sets = {t: set(held.get(t, ())) for t in ROOTS} if held is not None else None
    ids: dict[str, set[int]] = {}
    fresh_ids: dict[str, set[int]] = {}
    for name, table in scoped_tables().items():
        links = _links(table)
        owner = ROOTS[name][0] if name in ROOTS else None
        columns = ["id", "uuid", *(c for c, _ in links), *([owner] if owner else [])]
        rows = conn.execute(f'SELECT {", ".join(f"{chr(34)}{c}{chr(34)}" for c in columns)} FROM "{name}"')
        judged: dict[int, tuple[str, bool, bool, list[Any]]] = {}
        for values in rows:
            row_id, uuid, *rest = values
            link_values = rest[: len(links)]
            ok, new = True, False
            if owner is not None:
                owner_id = rest[-1]
                ok = owner_id == me_id if owner_id is not None else ROOTS[name][1]
                new = held_sets is not None and uuid not in held_sets[name]
            for (_column, target), value in zip(links, link_values, strict=True):
                if value is None or target == name:
                    continue  # a link to the same table: settled below
                if value not in ids[target]:
                    ok = False
                elif value in fresh_ids[target]:
                    new = True
            judged[int(row_id)] = (str(uuid), ok, new, link_values)
        self_links = [i for i, (_c, t) in enumerate(links) if t == name]
        visible, fresh = _settle(judged, self_links)
        ids[name], fresh_ids[name] = visible, fresh
        scope.uuids[name] = {judged[i][0] for i in visible}
        scope.fresh[name] = {judged[i][0] for i in fresh}
        if name in ROOTS and held_sets is not None:
            scope.forget += [(name, u) for u in sorted(held_sets[name] - scope.uuids[name])]
    return scope


def _settle(
    judged: dict[int, tuple[str, bool, bool, list[Any]]], self_links: list[int]
) -> tuple[set[int], set[int]]:
    """The visible and fresh rows, a row linked to one of its own table (a contact's manager, a goal's
    parent) following that one."""
    visible: set[int] = set()
    fresh: set[int] = set()
    state: dict[int, tuple[bool, bool]] = {}

    def judge(row_id: int, depth: int = 0) -> tuple[bool, bool]:
        if row_id in state:
            return state[row_id]
        _uuid, ok, new, link_values = judged[row_id]
        state[row_id] = (False, False)  # a loop: not visible through itself
        for index in self_links:
            parent = link_values[index]
            if parent is None or not ok:
                continue
            if parent not in judged or depth > 200:
                ok = False
                continue
            parent_ok, parent_new = judge(int(parent), depth + 1)
            ok, new = ok and parent_ok, new or parent_new
        state[row_id] = (ok, new)
        return state[row_id]

    for row_id in judged:
        ok, new = judge(row_id)
        if ok:
            visible.add(row_id)
            if new:
                fresh.add(row_id)
    return visible, fresh


# --- on the laptop ---------------------------------------------------------------------------------
def forget(conn: sqlite3.Connection, roots: list[tuple[str, str]]) -> int:
    """Remove the top records ``roots`` and everything below them from this laptop, as records it no
    longer holds (no delete travels: the bookkeeping of them goes too); inside the caller's transaction,
    while changes are applied. The number of records removed."""
    if not roots:
        return 0
    gone: dict[str, set[int]] = {}
    for name, table in scoped_tables().items():
        found: set[int] = set()
        if name in ROOTS:
            found |= _ids_where(conn, name, "uuid", [u for t, u in roots if t == name])
        for column, target in _links(table):
            if gone.get(target) and target != name:
                found |= _ids_where(conn, name, column, sorted(gone[target]))
        below_own = [c for c, t in _links(table) if t == name]  # a contact's manager, a goal's parent
        frontier = set(found)
        while frontier and below_own:
            more = {i for c in below_own for i in _ids_where(conn, name, c, sorted(frontier))} - found
            found |= more
            frontier = more
        gone[name] = found
    removed = 0
    for name in reversed(list(scoped_tables())):
        for test, chunk in id_chunks(sorted(gone.get(name, ()))):
            uuids = [u for (u,) in conn.execute(f'SELECT uuid FROM "{name}" WHERE id {test}', chunk)]
            conn.execute(f'DELETE FROM "{name}" WHERE id {test}', chunk)
            for uuid in uuids:
                for bookkeeping in ("sync_field", "sync_tomb", "sync_pending", "sync_waiting"):
                    conn.execute(f"DELETE FROM {bookkeeping} WHERE tbl = ? AND uuid = ?", (name, uuid))
            removed += len(chunk)
    return removed


def _ids_where(conn: sqlite3.Connection, table: str, column: str, values: Sequence[Any]) -> set[int]:
    """The ids of ``table``'s rows whose ``column`` is one of ``values``."""
    return {
        int(i)
        for test, chunk in id_chunks(cast("Sequence[int]", values))
        for (i,) in conn.execute(f'SELECT id FROM "{table}" WHERE "{column}" {test}', chunk)
    }


def dumps_forget(roots: list[tuple[str, str]]) -> str:
    return "".join(json.dumps([t, u]) + "\n" for t, u in roots)


def loads_forget(text: str) -> list[tuple[str, str]]:
    found = []
    for line in text.splitlines():
        try:
            table, uuid = json.loads(line)
        except (ValueError, TypeError):
            continue
        if table in ROOTS and isinstance(uuid, str) and table in table_named():
            found.append((str(table), uuid))
    return found
