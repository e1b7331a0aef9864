"""The conflicts sync decided: listed with the original, mine and theirs, and reversible.

Each row of ``sync_conflict`` is one field two replicas had changed to different values since they last
met (rule ``newer``: the newer change was kept), two records created on both sides under the same key
and merged into one (``same_key``), or a field that already differed when the two files first synced
(``before_sync``). Choosing the other value is an ordinary local edit: it travels with the next sync.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from .. import clock
from ..errors import CrmError
from .log import is_enabled
from .tables import table_named

CHOICES = ("mine", "theirs")


@dataclass(frozen=True)
class Conflict:
    id: int
    at: str
    table: str
    uuid: str
    field: str
    original: Any
    mine: Any
    theirs: Any
    chosen: str  # "mine" or "theirs": the value the record holds
    rule: str  # newer, same_key, before_sync
    peer: str  # the replica whose change met ours
    decided_by_user_at: str | None

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def list_conflicts(conn: Any = None) -> list[Conflict]:
    """Newest first (``conn``: the open file's connection by default)."""
    if conn is None:
        from .exchange import file_connection

        conn = file_connection()
    if not is_enabled(conn):
        return []
    rows = conn.execute(
        "SELECT id, at, tbl, uuid, col, original, mine, theirs, chosen, rule, peer, reversed_at "
        "FROM sync_conflict ORDER BY id DESC"
    ).fetchall()
    return [
        Conflict(
            int(r[0]), r[1], r[2], r[3], r[4], _load(r[5]), _load(r[6]), _load(r[7]), r[8], r[9], r[10], r[11]
        )
        for r in rows
    ]


def _load(text: str | None) -> Any:
    return json.loads(text) if text is not None else None


def choose(conflict_id: int, choice: str) -> Conflict:
    """Give the record the ``choice`` value of conflict ``conflict_id`` (a local edit that travels)."""
    from ..write_guard import write_transaction
    from .exchange import file_connection

    conn = file_connection()
    if choice not in CHOICES:
        raise CrmError("sync.bad_choice", choice=choice)
    found = {c.id: c for c in list_conflicts(conn)}.get(conflict_id)
    if found is None:
        raise CrmError("sync.no_conflict", number=conflict_id)
    table = table_named().get(found.table)
    with write_transaction():
        if table is not None and found.rule != "same_key" and found.field in table.columns:
            value = found.mine if choice == "mine" else found.theirs
            target = table.foreign_keys.get(found.field)
            if target is not None and value is not None:
                row = conn.execute(f'SELECT id FROM "{target}" WHERE uuid = ?', (value,)).fetchone()
                value = row[0] if row is not None else None
            now = clock.now()
            conn.execute(
                f'UPDATE "{table.name}" SET "{found.field}" = ?, updated_at = ? WHERE uuid = ?',
                (value, now.isoformat(" "), found.uuid),
            )
        conn.execute(
            "UPDATE sync_conflict SET chosen = ?, reversed_at = ? WHERE id = ?",
            (choice, clock.now().isoformat(" "), conflict_id),
        )
    return {c.id: c for c in list_conflicts(conn)}[conflict_id]
