"""The replica's sync bookkeeping in its own file: what changed here since the last exchange, and the
version (stamp) of every field that changed since sync began.

Nothing exists until a file first syncs (:func:`enable`): a file that never syncs pays nothing. From then
on, triggers on every synced table record each local write in ``sync_pending`` (one row per record:
the values before the first change since the last exchange, the last values for a delete, the time of
the change from the row's ``updated_at``, which the one clock set). Writes made while changes from another
replica are applied are not recorded (``sync_state.applying``), so nothing echoes back.

Before each exchange :func:`stamp_pending` turns the pending rows into versions: every changed field gets
a stamp ``"<milliseconds:015>.<replica>"`` (sortable text; per record always above the record's previous
stamps, so an edit made on top of a received change wins over it even when the clocks disagree) with its
previous value (the "original" a conflict shows), and a hard delete becomes a tombstone that keeps the
last values and the stamp of each field it had seen (``seen``, JSON): an edit it had not seen, i.e. a
field stamp above the one it knew, beats it whatever the clocks say.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from .. import clock
from ..driver import sqlite3
from ..models import new_uuid
from .tables import SyncedTable, synced_tables, table_named

ZERO = "0"  # the stamp of a field nobody changed since sync began
_EPOCH = datetime(1970, 1, 1)

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1), replica TEXT NOT NULL, applying INTEGER NOT NULL DEFAULT 0,
        exported INTEGER NOT NULL DEFAULT 0, enabled_at TEXT NOT NULL, gen INTEGER NOT NULL DEFAULT 0)""",
    "CREATE TABLE IF NOT EXISTS sync_meta (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    """CREATE TABLE IF NOT EXISTS sync_pending (
        tbl TEXT NOT NULL, uuid TEXT NOT NULL, op TEXT NOT NULL, base TEXT, last TEXT, changed_at TEXT,
        PRIMARY KEY (tbl, uuid)) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS sync_field (
        tbl TEXT NOT NULL, uuid TEXT NOT NULL, col TEXT NOT NULL, stamp TEXT NOT NULL, prev TEXT,
        gen INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (tbl, uuid, col)) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS sync_tomb (
        tbl TEXT NOT NULL, uuid TEXT NOT NULL, stamp TEXT NOT NULL, seen TEXT NOT NULL, row TEXT NOT NULL,
        gen INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (tbl, uuid)) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS sync_alias (
        tbl TEXT NOT NULL, uuid TEXT NOT NULL, target TEXT NOT NULL, PRIMARY KEY (tbl, uuid)) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS sync_waiting (
        tbl TEXT NOT NULL, uuid TEXT NOT NULL, record TEXT NOT NULL, PRIMARY KEY (tbl, uuid)) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS sync_peer (
        replica TEXT NOT NULL PRIMARY KEY, file_id TEXT NOT NULL, imported_at TEXT NOT NULL,
        full_seen INTEGER NOT NULL DEFAULT 0, their_gen INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS sync_conflict (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, tbl TEXT NOT NULL, uuid TEXT NOT NULL, col TEXT NOT NULL,
        original TEXT, mine TEXT, theirs TEXT, chosen TEXT NOT NULL, rule TEXT NOT NULL, peer TEXT NOT NULL,
        reversed_at TEXT)""",
]


# the columns added after the first release of sync: (table, column, definition)
ADDED_COLUMNS = (
    ("sync_state", "gen", "INTEGER NOT NULL DEFAULT 0"),
    ("sync_field", "gen", "INTEGER NOT NULL DEFAULT 0"),
    ("sync_tomb", "gen", "INTEGER NOT NULL DEFAULT 0"),
    ("sync_peer", "their_gen", "INTEGER NOT NULL DEFAULT 0"),
)


def on_team(conn: Any) -> bool:
    """The connection is a team database's (PostgreSQL, the hub), not a file's."""
    return not isinstance(conn, sqlite3.Connection)


def is_enabled(conn: sqlite3.Connection) -> bool:
    if on_team(conn):
        found = conn.execute("SELECT to_regclass('sync_state') IS NOT NULL").fetchone()[0]
    else:
        found = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'"
        ).fetchone()
    return bool(found) and conn.execute("SELECT 1 FROM sync_state").fetchone() is not None


def schema_statements(team: bool) -> list[str]:
    if not team:
        return list(SCHEMA)
    return [
        s.replace(" WITHOUT ROWID", "").replace("id INTEGER PRIMARY KEY, at", "id BIGSERIAL PRIMARY KEY, at")
        for s in SCHEMA
    ]


def enable(conn: sqlite3.Connection) -> str:
    """Create the bookkeeping and the triggers (in the caller's transaction); the replica's id."""
    if is_enabled(conn):
        _add_new_columns(conn)
        return replica_id(conn)
    team = on_team(conn)
    for statement in schema_statements(team):
        conn.execute(statement)
    replica = new_uuid()
    conn.execute(
        "INSERT INTO sync_state (id, replica, enabled_at) VALUES (1, ?, ?)",
        (replica, clock.now().isoformat(" ")),
    )
    for table in synced_tables():
        for statement in team_trigger_statements(table) if team else trigger_statements(table):
            conn.execute(statement)
    return replica


def _add_new_columns(conn: sqlite3.Connection) -> None:
    """A file that began to sync before a column was added gets it (on SQLite, where it can be older)."""
    if on_team(conn):
        return
    for table, column, definition in ADDED_COLUMNS:
        present = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
        if column not in present:
            conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {definition}')


def next_generation(conn: sqlite3.Connection) -> int:
    """Number this exchange (in its transaction): every version it writes carries it, so the next
    exchange with the team database sends only what came after the last one acknowledged."""
    conn.execute("UPDATE sync_state SET gen = gen + 1")
    return int(conn.execute("SELECT gen FROM sync_state").fetchone()[0])


def replica_id(conn: sqlite3.Connection) -> str:
    return str(conn.execute("SELECT replica FROM sync_state").fetchone()[0])


def _json_row(table: SyncedTable, alias: str, with_id: bool = False) -> str:
    pairs = ", ".join(f"'{c}', {alias}.\"{c}\"" for c in table.columns)
    return f"json_object({pairs}{f', {chr(39)}_id{chr(39)}, {alias}.id' if with_id else ''})"


def trigger_statements(table: SyncedTable) -> list[str]:
    name, quiet = table.name, "WHEN NOT (SELECT applying FROM sync_state)"
    columns = ", ".join(f'"{c}"' for c in (*table.columns, "uuid"))
    return [
        f'''CREATE TRIGGER IF NOT EXISTS "sync_{name}_insert" AFTER INSERT ON "{name}" {quiet} BEGIN
            INSERT INTO sync_pending (tbl, uuid, op, base, changed_at)
            VALUES ('{name}', new.uuid, 'insert', NULL, new.updated_at)
            ON CONFLICT (tbl, uuid) DO UPDATE SET
                op = CASE WHEN base IS NULL THEN 'insert' ELSE 'update' END,
                last = NULL, changed_at = excluded.changed_at;
        END''',
        f'''CREATE TRIGGER IF NOT EXISTS "sync_{name}_update" AFTER UPDATE OF {columns} ON "{name}" {quiet} BEGIN
            INSERT INTO sync_pending (tbl, uuid, op, base, changed_at)
            VALUES ('{name}', new.uuid, 'update', {_json_row(table, "old")}, new.updated_at)
            ON CONFLICT (tbl, uuid) DO UPDATE SET changed_at = excluded.changed_at;
        END''',
        f'''CREATE TRIGGER IF NOT EXISTS "sync_{name}_delete" AFTER DELETE ON "{name}" {quiet} BEGIN
            INSERT INTO sync_pending (tbl, uuid, op, base, last, changed_at)
            VALUES ('{name}', old.uuid, 'delete', {_json_row(table, "old")}, {_json_row(table, "old", True)},
                    old.updated_at)
            ON CONFLICT (tbl, uuid) DO UPDATE SET op = 'delete', last = excluded.last,
                changed_at = max(coalesce(changed_at, ''), excluded.changed_at);
        END''',
    ]


def _json_build(table: SyncedTable, alias: str, with_id: bool = False) -> str:
    pairs = ", ".join(f"'{c}', {alias}.\"{c}\"" for c in table.columns)
    return f"json_build_object({pairs}{f', {chr(39)}_id{chr(39)}, {alias}.id' if with_id else ''})::text"


def team_trigger_statements(table: SyncedTable) -> list[str]:
    """:func:`trigger_statements` on the team database: one PL/pgSQL function per table (a trigger's
    ``WHEN`` cannot read another table there; writes made while a sync applies changes are skipped in
    the body)."""
    name = table.name
    columns = ", ".join(f'"{c}"' for c in (*table.columns, "uuid"))
    function = f"""CREATE OR REPLACE FUNCTION "sync_log_{name}"() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  IF (SELECT applying FROM sync_state) <> 0 THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sync_pending (tbl, uuid, op, base, changed_at)
    VALUES ('{name}', NEW.uuid, 'insert', NULL, NEW.updated_at)
    ON CONFLICT (tbl, uuid) DO UPDATE SET
      op = CASE WHEN sync_pending.base IS NULL THEN 'insert' ELSE 'update' END,
      last = NULL, changed_at = excluded.changed_at;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO sync_pending (tbl, uuid, op, base, changed_at)
    VALUES ('{name}', NEW.uuid, 'update', {_json_build(table, "OLD")}, NEW.updated_at)
    ON CONFLICT (tbl, uuid) DO UPDATE SET changed_at = excluded.changed_at;
  ELSE
    INSERT INTO sync_pending (tbl, uuid, op, base, last, changed_at)
    VALUES ('{name}', OLD.uuid, 'delete', {_json_build(table, "OLD")}, {_json_build(table, "OLD", True)},
            OLD.updated_at)
    ON CONFLICT (tbl, uuid) DO UPDATE SET op = 'delete', last = excluded.last,
      changed_at = GREATEST(coalesce(sync_pending.changed_at, ''), excluded.changed_at);
  END IF;
  RETURN NULL;
END
$body$"""
    return [
        function,
        f'CREATE OR REPLACE TRIGGER "sync_{name}" AFTER INSERT OR UPDATE OF {columns} OR DELETE ON "{name}" '
        f'FOR EACH ROW EXECUTE FUNCTION "sync_log_{name}"()',
    ]


def column_list(table: SyncedTable) -> str:
    return ", ".join(f'"{c}"' for c in table.columns)


# --- stamps ---------------------------------------------------------------------------------------
def wall_ms(stamp: str) -> int:
    return int(stamp.split(".", 1)[0]) if stamp != ZERO else 0


def make_stamp(ms: int, replica: str) -> str:
    return f"{ms:015d}.{replica}"


def _ms_of(text: Any) -> int:
    if not text:
        return 0
    try:
        moment = datetime.fromisoformat(str(text))
    except ValueError:
        return 0
    return int((moment.replace(tzinfo=None) - _EPOCH).total_seconds() * 1000)


def field_stamps(conn: sqlite3.Connection, table: str, uuid: str) -> dict[str, tuple[str, Any]]:
    """col -> (stamp, previous value) of the record's stamped fields."""
    rows = conn.execute("SELECT col, stamp, prev FROM sync_field WHERE tbl = ? AND uuid = ?", (table, uuid))
    return {col: (stamp, json.loads(prev) if prev is not None else None) for col, stamp, prev in rows}


def next_stamp(
    conn: sqlite3.Connection, table: str, uuid: str, changed_at: Any, replica: str, above: str = ZERO
) -> str:
    """A new local stamp for the record: at the change's time, and above every stamp it has (and ``above``)."""
    known = [s for s, _ in field_stamps(conn, table, uuid).values()] + [above]
    tomb = conn.execute(
        "SELECT stamp, seen FROM sync_tomb WHERE tbl = ? AND uuid = ?", (table, uuid)
    ).fetchone()
    if tomb:
        known += [tomb[0], *seen_stamps(tomb[1]).values()]
    floor = max((wall_ms(s) for s in known), default=0) + 1
    return make_stamp(max(_ms_of(changed_at) or _ms_of(clock.now().isoformat(" ")), floor), replica)


def seen_stamps(seen: str) -> dict[str, str]:
    """A delete's ``seen``: the stamp of each field the deleting side knew."""
    try:
        known = json.loads(seen)
    except ValueError:
        return {}
    return {str(c): str(s) for c, s in known.items()} if isinstance(known, dict) else {}


def set_field(conn: sqlite3.Connection, table: str, uuid: str, col: str, stamp: str, prev: Any) -> None:
    conn.execute(
        "INSERT INTO sync_field (tbl, uuid, col, stamp, prev, gen) VALUES (?, ?, ?, ?, ?, "
        "(SELECT gen FROM sync_state)) ON CONFLICT (tbl, uuid, col) DO UPDATE SET stamp = excluded.stamp, "
        "prev = excluded.prev, gen = excluded.gen",
        (table, uuid, col, stamp, json.dumps(prev, ensure_ascii=False)),
    )


def put_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def integrity_errors() -> tuple[type[BaseException], ...]:
    """What a write that breaks a constraint raises, on a file and on the team database."""
    import peewee

    found: list[type[BaseException]] = [sqlite3.IntegrityError, peewee.IntegrityError]
    try:
        import psycopg2
    except ImportError:  # pragma: no cover - the driver ships with the application
        pass
    else:
        found.append(psycopg2.IntegrityError)
    return tuple(found)


def set_tomb(conn: sqlite3.Connection, table: str, uuid: str, stamp: str, seen: str, row: str) -> None:
    conn.execute(
        "INSERT INTO sync_tomb (tbl, uuid, stamp, seen, row, gen) VALUES (?, ?, ?, ?, ?, "
        "(SELECT gen FROM sync_state)) ON CONFLICT (tbl, uuid) DO UPDATE SET stamp = excluded.stamp, "
        "seen = excluded.seen, row = excluded.row, gen = excluded.gen",
        (table, uuid, stamp, seen, row),
    )


def uuid_of(
    conn: sqlite3.Connection, table: str, row_id: Any, tombs: dict[tuple[str, int], str]
) -> str | None:
    """The UUID of ``table``'s row ``row_id``: among the rows deleted since the last exchange (``tombs``,
    whose ids a new row may have taken since), else the live row."""
    if row_id is None:
        return None
    if (table, int(row_id)) in tombs:
        return tombs[(table, int(row_id))]
    row = conn.execute(f'SELECT uuid FROM "{table}" WHERE id = ?', (row_id,)).fetchone()
    return str(row[0]) if row is not None else None


def stamp_pending(conn: sqlite3.Connection) -> int:
    """Turn the pending local changes into stamped versions and tombstones (in the caller's
    transaction); the number of records stamped."""
    replica = replica_id(conn)
    pending = conn.execute("SELECT tbl, uuid, op, base, last, changed_at FROM sync_pending").fetchall()
    tables = table_named()
    deleted: list[tuple[SyncedTable, str, str, dict[str, Any], dict[str, Any]]] = []
    # the deleted rows' ids are gone from their tables: the foreign keys to them are read from here
    local_ids: dict[tuple[str, int], str] = {}
    for tbl, uuid, op, _base, last_text, _at in pending:
        if op == "delete" and last_text and "_id" in (last := json.loads(last_text)):
            local_ids[(tbl, int(last["_id"]))] = uuid
    for tbl, uuid, op, base_text, last_text, changed_at in pending:
        table = tables.get(tbl)
        if table is None:
            continue
        base = json.loads(base_text) if base_text else None
        stamp = next_stamp(conn, tbl, uuid, changed_at, replica)
        if op == "delete":
            if base is None:  # made and deleted between two exchanges: nobody else knew it
                continue
            last = json.loads(last_text)
            deleted.append((table, uuid, stamp, base, last))
            continue
        row = conn.execute(f'SELECT {column_list(table)} FROM "{tbl}" WHERE uuid = ?', (uuid,)).fetchone()
        if row is None:
            continue
        for col, value in zip(table.columns, row, strict=True):
            if base is None or base.get(col) != value:
                prev = None if base is None else base.get(col)
                if col in table.foreign_keys:
                    prev = uuid_of(conn, table.foreign_keys[col], prev, local_ids)
                set_field(conn, tbl, uuid, col, stamp, prev)
        conn.execute("DELETE FROM sync_tomb WHERE tbl = ? AND uuid = ?", (tbl, uuid))
    for table, uuid, stamp, base, last in deleted:
        for col in table.columns:
            if base.get(col) != last.get(col):
                prev = base.get(col)
                if col in table.foreign_keys:
                    prev = uuid_of(conn, table.foreign_keys[col], prev, local_ids)
                set_field(conn, table.name, uuid, col, stamp, prev)
        row = {col: last.get(col) for col in table.columns}
        for col, target in table.foreign_keys.items():
            row[col] = uuid_of(conn, target, row[col], local_ids)
        seen = json.dumps(
            {c: s for c, (s, _) in field_stamps(conn, table.name, uuid).items()}, sort_keys=True
        )
        set_tomb(conn, table.name, uuid, stamp, seen, json.dumps(row, ensure_ascii=False))
    if on_team(conn):
        # others write on the team database meanwhile: only the rows read go (one changed since stays,
        # and is stamped at the next exchange)
        for tbl, uuid, op, _base, _last, changed_at in pending:
            conn.execute(
                "DELETE FROM sync_pending WHERE tbl = ? AND uuid = ? AND op = ? AND changed_at IS ?",
                (tbl, uuid, op, changed_at),
            )
    else:
        conn.execute("DELETE FROM sync_pending")
    return len(pending)
