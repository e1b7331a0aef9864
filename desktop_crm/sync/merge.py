"""Merging another replica's records into this file: field by field, the newer stamp wins.

A record travels whole (every synced column, foreign keys as UUIDs) with the stamp and previous value of
each field changed since sync began, and its tombstone if it was deleted somewhere. Merging keeps, for each
field, the value with the higher stamp; a record is deleted when its newest delete had seen every field's
stamp (no field stamped above the one the deleting side knew), so an edit the deleting side had not seen
restores it ("an edit beats a delete") whatever the two clocks said. The merge does
not depend on the order in which replicas meet or on how often a file is imported: every replica that has
received the same changes holds the same records.

A field both sides changed to different values since they last met is a conflict: the newer change wins
and the decision is written to ``sync_conflict`` (original, mine, theirs, which was kept, by which rule);
choosing the other value later (:func:`choose`) is an ordinary local edit that travels like any other.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from .. import clock
from ..driver import sqlite3
from ..errors import CrmError
from .log import (
    ZERO,
    column_list,
    field_stamps,
    integrity_errors,
    next_stamp,
    on_team,
    replica_id,
    seen_stamps,
    set_field,
    set_tomb,
)
from .tables import QUIET_COLUMNS, SyncedTable, is_local_row, merge_units, referencing, table_named


@dataclass
class Record:
    table: str
    uuid: str
    row: dict[str, Any]  # synced columns; foreign keys as the referenced record's UUID
    stamps: dict[str, str] = field(default_factory=dict)  # col -> stamp (absent: ZERO)
    prev: dict[str, Any] = field(default_factory=dict)  # col -> the value before that stamp's change
    deleted: tuple[str, str] | None = (
        None  # (stamp, seen: the field stamps it knew, JSON) of its newest delete
    )

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"table": self.table, "uuid": self.uuid, "row": self.row}
        if self.stamps:
            out["stamps"] = self.stamps
            out["prev"] = self.prev
        if self.deleted:
            out["deleted"] = list(self.deleted)
        return out

    @classmethod
    def from_json(cls, data: Any) -> Record:
        try:
            table, uuid, row = data["table"], data["uuid"], data["row"]
            stamps = {str(k): str(v) for k, v in (data.get("stamps") or {}).items()}
            prev = dict(data.get("prev") or {})
            deleted = data.get("deleted")
            if not isinstance(row, dict) or not isinstance(uuid, str) or table not in table_named():
                raise TypeError
            return cls(
                table, uuid, row, stamps, prev, (str(deleted[0]), str(deleted[1])) if deleted else None
            )
        except (KeyError, TypeError, IndexError, AttributeError):
            raise CrmError("sync.bad_file", reason="a record is not in the expected form") from None


def _real(stamps: dict[str, str]) -> dict[str, str]:
    return {c: s for c, s in stamps.items() if s != ZERO}


def _canon(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


# --- reading this replica's records ---------------------------------------------------------------
def select_rows(table: SyncedTable, where: str = "") -> str:
    """``uuid``, then the synced columns with foreign keys read as the referenced record's UUID, then ``id``."""
    from ..dump import uuid_keyed_select

    return uuid_keyed_select(table.name, ["uuid", *table.columns, "id"], table.foreign_keys, where)


def local_state(
    conn: sqlite3.Connection, table: SyncedTable, uuid: str, tombs: bool = True
) -> tuple[Record | None, int | None]:
    """The record as this replica holds it (alive, or its tombstone) and its row id when alive
    (``tombs`` false: the table has no tombstones here, not looked for)."""
    live = conn.execute(select_rows(table, 'WHERE t."uuid" = ?'), (uuid,)).fetchone()
    tomb = (
        conn.execute(
            "SELECT stamp, seen, row FROM sync_tomb WHERE tbl = ? AND uuid = ?", (table.name, uuid)
        ).fetchone()
        if tombs
        else None
    )
    if live is not None:
        row = dict(zip(table.columns, live[1:-1], strict=True))
    elif tomb is not None:
        row = json.loads(tomb[2])
    else:
        return None, None
    stamped = field_stamps(conn, table.name, uuid)
    record = Record(
        table.name,
        uuid,
        row,
        {c: s for c, (s, _) in stamped.items()},
        {c: p for c, (_, p) in stamped.items()},
        (tomb[0], tomb[1]) if tomb is not None else None,
    )
    return record, int(live[-1]) if live is not None else None


def _is_live(conn: sqlite3.Connection, table: str, uuid: str) -> int | None:
    row = conn.execute(f'SELECT id FROM "{table}" WHERE uuid = ?', (uuid,)).fetchone()
    return int(row[0]) if row is not None else None


def resolve_alias(conn: sqlite3.Connection, table: str, uuid: str) -> str:
    for _ in range(8):  # a chain of merged records (each merge points at the survivor)
        row = conn.execute(
            "SELECT target FROM sync_alias WHERE tbl = ? AND uuid = ?", (table, uuid)
        ).fetchone()
        if row is None:
            return uuid
        uuid = str(row[0])
    return uuid


def unique_columns(exc: BaseException) -> list[str]:
    """The columns of the unique key a write broke: SQLite names them ("UNIQUE constraint failed: t.a,
    t.b"), PostgreSQL shows them ("Key (a, lower(b::text))=(...) already exists")."""
    text = str(exc)
    match = re.search(r"UNIQUE constraint failed: (.+)$", text, re.M)
    if match is not None:
        return [part.strip().split(".", 1)[-1] for part in match.group(1).split(",")]
    match = re.search(r"Key \((.+?)\)=\(", text)
    if match is None or "duplicate key" not in text:
        return []
    names = []
    for part in match.group(1).split(","):
        words = [w for w in re.findall(r'"?([A-Za-z_][A-Za-z0-9_]*)"?', part) if w not in ("lower", "text")]
        if words:
            names.append(words[-1])
    return names


# --- merging ----------------------------------------------------------------------------------------
class Waiting(Exception):
    """The record refers to a record that has not arrived yet."""


@dataclass
class MergeStats:
    applied: int = 0
    unchanged: int = 0
    conflicts: int = 0
    waiting: int = 0


ID_CACHE = 200_000  # live ids remembered during one merge, at most


class Merger:
    def __init__(self, conn: sqlite3.Connection, peer: str, track_sent: bool = False) -> None:
        self.conn = conn
        self.peer = peer
        self.replica = replica_id(conn)
        self.team = on_team(conn)
        self.tables = table_named()
        self.stats = MergeStats()
        # deletes of records that still have records below them: applied after everything else, children
        # first (``finishing``, by exchange._apply_all), so a child the deleting side did not know keeps its parent
        self.deferred: list[Record] = []
        self.finishing = False
        self._pending_values: list[Any] = []  # the row being written: what a same-key merge compares
        # the records this replica now holds exactly as they came (the sender has them: a team
        # database's answer leaves them out)
        self.as_sent: set[tuple[str, str]] = set()
        self.track_sent = track_sent  # (only the team database answers: a file import does not need them)
        self.now = clock.now().isoformat(" ")
        self.forget_cache()

    # what this replica holds, remembered during one merge (a query less per record and per link) -----
    def forget_cache(self) -> None:
        """Read again from the database (after a rollback, a rename or a fold)."""
        self._aliases = {
            (str(t), str(u)): str(target)
            for t, u, target in self.conn.execute("SELECT tbl, uuid, target FROM sync_alias")
        }
        self._tomb_tables = {str(t) for (t,) in self.conn.execute("SELECT DISTINCT tbl FROM sync_tomb")}
        self._ids: dict[tuple[str, str], int] = {}

    def _resolve(self, table: str, uuid: str) -> str:
        for _ in range(8):  # as resolve_alias
            target = self._aliases.get((table, uuid))
            if target is None:
                return uuid
            uuid = target
        return uuid

    def _live(self, table: str, uuid: str) -> int | None:
        found = self._ids.get((table, uuid))
        if found is None:
            found = _is_live(self.conn, table, uuid)
            if found is not None:
                if len(self._ids) >= ID_CACHE:  # a large import: memory stays bounded
                    self._ids.clear()
                self._ids[(table, uuid)] = found
        return found

    def _state(self, table: SyncedTable, uuid: str) -> tuple[Record | None, int | None]:
        return local_state(self.conn, table, uuid, tombs=table.name in self._tomb_tables)

    # foreign keys ---------------------------------------------------------------------------------
    def _local_id(self, target: str, uuid: Any) -> int | None:
        if uuid is None:
            return None
        uuid = self._resolve(target, str(uuid))
        found = self._live(target, uuid)
        if found is not None:
            return found
        # deleted here, but a record edited elsewhere needs it: an edit beats a delete
        if self._restore_from_tomb(target, uuid):
            return self._live(target, uuid)
        raise Waiting(target)

    def _restore_from_tomb(self, table_name: str, uuid: str) -> bool:
        record, _live = self._state(self.tables[table_name], uuid)
        if record is None or record.deleted is None:
            return False
        self._write_row(self.tables[table_name], uuid, record.row, live_id=None)
        self._restamp(table_name, uuid, record.row)
        self.conn.execute("DELETE FROM sync_tomb WHERE tbl = ? AND uuid = ?", (table_name, uuid))
        return True

    def _restamp(self, table: str, uuid: str, row: dict[str, Any], above: str = ZERO) -> str:
        """A new local version of the record (its ``updated_at``), above its delete (``above``, or the one
        kept here): it travels back and restores the record where it was deleted."""
        self.as_sent.discard((table, uuid))  # changed here after it came
        stamp = next_stamp(self.conn, table, uuid, self.now, self.replica, above)
        set_field(self.conn, table, uuid, "updated_at", stamp, row.get("updated_at"))
        return stamp

    def _values(self, table: SyncedTable, row: dict[str, Any]) -> list[Any]:
        return [
            self._local_id(table.foreign_keys[c], row.get(c)) if c in table.foreign_keys else row.get(c)
            for c in table.columns
        ]

    def _write_row(self, table: SyncedTable, uuid: str, row: dict[str, Any], live_id: int | None) -> None:
        values = self._values(table, row)
        self._pending_values = values
        if live_id is None:
            marks = ", ".join("?" for _ in range(len(table.columns) + 1))
            self.conn.execute(
                f'INSERT INTO "{table.name}" ("uuid", {column_list(table)}) VALUES ({marks})', [uuid, *values]
            )
        else:
            sets = ", ".join(f'"{c}" = ?' for c in table.columns)
            self.conn.execute(f'UPDATE "{table.name}" SET {sets} WHERE id = ?', [*values, live_id])

    def _write_checked(self, table: SyncedTable, uuid: str, row: dict[str, Any], live_id: int | None) -> None:
        """:meth:`_write_row`; on the team database inside a savepoint (a failed statement there ends the
        transaction otherwise: the same-key merge after it needs the transaction)."""
        if not self.team:
            return self._write_row(table, uuid, row, live_id)
        self.conn.execute("SAVEPOINT sync_write")
        try:
            self._write_row(table, uuid, row, live_id)
        except BaseException:
            self.conn.execute("ROLLBACK TO sync_write")
            raise
        finally:
            self.conn.execute("RELEASE sync_write")
        return None

    # one record -------------------------------------------------------------------------------------
    def apply(self, incoming: Record) -> None:
        table = self.tables[incoming.table]
        if is_local_row(
            table.name, incoming.row
        ):  # this machine's own (a file written before it was left out)
            self.stats.unchanged += 1
            return
        uuid = self._resolve(table.name, incoming.uuid)
        local, live_id = self._state(table, uuid)  # one read of the row: the hot path of an import
        if local is None:
            local = Record(table.name, uuid, {}, {}, {}, None)
        row, stamps, prev = dict(local.row), dict(local.stamps), dict(local.prev)
        changed = False
        if not local.row:  # a record new here
            for col in table.columns:
                row[col] = incoming.row.get(col)
                if incoming.stamps.get(col, ZERO) != ZERO:
                    stamps[col], prev[col] = incoming.stamps[col], incoming.prev.get(col)
        for unit in () if not local.row else merge_units(table):
            # a unit (one field, or fields that only make sense together such as a step's done and done_at)
            # is taken whole from the side with the newer stamp
            mine = [local.row.get(c) for c in unit]
            theirs = [incoming.row.get(c) for c in unit]
            my_stamp = max(local.stamps.get(c, ZERO) for c in unit)
            their_stamp = max(incoming.stamps.get(c, ZERO) for c in unit)
            take = (their_stamp, _canon(theirs)) > (my_stamp, _canon(mine))
            for col, my_value, their_value in zip(unit, mine, theirs, strict=True):
                if my_value == their_value or col in QUIET_COLUMNS:
                    continue
                mine_at, theirs_at = local.stamps.get(col, ZERO), incoming.stamps.get(col, ZERO)
                if ZERO not in (mine_at, theirs_at) and mine_at != theirs_at:
                    self._conflict(table.name, uuid, col, local, incoming, take)
                elif mine_at == theirs_at == ZERO:  # the two files differed before they first synced
                    chosen = "theirs" if take else "mine"
                    self._log(table.name, uuid, col, None, my_value, their_value, chosen, "before_sync")
            if take:
                changed = changed or mine != theirs or my_stamp != their_stamp
                for col, value in zip(unit, theirs, strict=True):
                    row[col] = value
                    if their_stamp != ZERO:
                        stamps[col] = their_stamp
                        prev[col] = incoming.prev.get(col, local.row.get(col))
        deletes = [d for d in (local.deleted, incoming.deleted) if d is not None]
        newest_delete = max(deletes) if deletes else None
        deleted = newest_delete is not None and self._saw_every_field(table, newest_delete[1], stamps)
        if deleted and live_id is not None and self._has_dependents(table, live_id):
            if not self.finishing:  # decided once the file's other records are in (their deletes first)
                self.deferred.append(incoming)
                return
            # a record below it that the delete did not remove (made or edited where the delete was not
            # known): it stays, and says so to the others with a version above the delete
            deleted = False
            above = (
                max([newest_delete[0], *seen_stamps(newest_delete[1]).values()]) if newest_delete else ZERO
            )
            stamps["updated_at"] = self._restamp(table.name, uuid, row, above)
            prev["updated_at"] = row.get("updated_at")
        if not local.row or changed or deleted != (live_id is None) or newest_delete != local.deleted:
            stored = self._store(table, uuid, row, stamps, prev, local, newest_delete, deleted, live_id)
            self.stats.applied += 1
        else:
            stored = True
            self.stats.unchanged += 1
        if (
            self.track_sent
            and stored
            and uuid == incoming.uuid
            and row == incoming.row
            and _real(stamps) == _real(incoming.stamps)
            and newest_delete == incoming.deleted
            and deleted == (incoming.deleted is not None)
        ):
            self.as_sent.add((table.name, uuid))

    def _store(
        self,
        table: SyncedTable,
        uuid: str,
        row: dict[str, Any],
        stamps: dict[str, str],
        prev: dict[str, Any],
        local: Record,
        newest_delete: tuple[str, str] | None,
        deleted: bool,
        live_id: int | None,
    ) -> bool:
        """Write the merged record; False when it went into another record under the same key instead."""
        if deleted:
            if live_id is not None:
                self.conn.execute(f'DELETE FROM "{table.name}" WHERE id = ?', (live_id,))
                if referencing(only_cascading=True).get(table.name):
                    self._ids.clear()  # rows below it went with it
                else:
                    self._ids.pop((table.name, uuid), None)
        else:
            try:
                self._write_checked(table, uuid, row, live_id)
            except integrity_errors() as exc:
                if self._merge_same_key(table, uuid, exc, live_id):
                    self.stats.applied -= 1  # counted once, by the merge into the surviving record
                    self.apply(Record(table.name, uuid, row, stamps, prev, newest_delete))
                    return False
                raise
        written = [c for c, stamp in stamps.items() if local.stamps.get(c) != stamp]
        for col in written:
            set_field(self.conn, table.name, uuid, col, stamps[col], prev.get(col))
        if not written and not deleted:
            # changed here by values nobody stamped (made or edited before the two first synced): a
            # version "0" marks them as written in this exchange, so the team database passes them on
            unstamped = [c for c in table.columns if stamps.get(c, ZERO) == ZERO]
            touched = [c for c in unstamped if local.row and row.get(c) != local.row.get(c)]
            for col in touched or unstamped[:1]:
                set_field(self.conn, table.name, uuid, col, ZERO, local.row.get(col))
        if newest_delete is not None:
            self._tomb_tables.add(table.name)
            set_tomb(
                self.conn,
                table.name,
                uuid,
                newest_delete[0],
                newest_delete[1],
                json.dumps(row, ensure_ascii=False),
            )
        return True

    @staticmethod
    def _saw_every_field(table: SyncedTable, seen: str, stamps: dict[str, str]) -> bool:
        """No field (no unit of fields merged together) stamped above what the deleting side knew."""
        known = seen_stamps(seen)
        for unit in merge_units(table):
            newest = max((stamps.get(c, ZERO) for c in unit), default=ZERO)
            if newest > max(known.get(c, ZERO) for c in unit):
                return False
        return all(stamp <= known.get(col, ZERO) for col, stamp in stamps.items() if col not in table.columns)

    def _has_dependents(self, table: SyncedTable, row_id: int) -> bool:
        for child, column in referencing(only_cascading=True).get(table.name, []):
            if self.conn.execute(
                f'SELECT 1 FROM "{child}" WHERE "{column}" = ? LIMIT 1', (row_id,)
            ).fetchone():
                return True
        return False

    # the same key taken on both sides ---------------------------------------------------------------
    def _merge_same_key(self, table: SyncedTable, uuid: str, exc: BaseException, live_id: int | None) -> bool:
        """A unique value (a tag's name, a user's name, one weekly form per person and week) created on both
        sides: the two records become one, under the smaller UUID on every replica, listed as a conflict."""
        columns = unique_columns(exc)
        if not columns:
            return False
        if "uuid" in columns or any(c not in table.columns for c in columns):
            return False
        values = self._pending_values
        where = " AND ".join(f't."{c}" IS ?' for c in columns)
        params = [values[table.columns.index(c)] for c in columns]
        found = self.conn.execute(
            f'SELECT uuid FROM "{table.name}" AS t WHERE {where} AND t.uuid <> ?', [*params, uuid]
        ).fetchone()
        if found is None:
            return False
        existing = str(found[0])
        keep, drop = sorted((existing, uuid))
        if live_id is not None:  # both records are here (one was renamed onto the other's key): one stays
            self._fold(table, keep, drop)
        elif keep != existing:  # the record here takes the other's UUID
            self.conn.execute(f'UPDATE "{table.name}" SET uuid = ? WHERE uuid = ?', (keep, existing))
            self._rename_versions(table.name, existing, keep)
        self.conn.execute(
            "INSERT INTO sync_alias (tbl, uuid, target) VALUES (?, ?, ?) "
            "ON CONFLICT (tbl, uuid) DO UPDATE SET target = excluded.target",
            (table.name, drop, keep),
        )
        key = ", ".join(str(v) for v in params)
        chosen = "mine" if keep == existing else "theirs"
        self._log(table.name, keep, ",".join(columns), None, key, key, chosen, "same_key")
        self.forget_cache()  # a record renamed or folded, an alias added
        self.as_sent -= {(table.name, keep), (table.name, drop)}
        return True

    def alias(self, table_name: str, drop: str, keep: str) -> None:
        """Another replica merged ``drop`` into ``keep`` (the same key made twice): so does this one, with
        the record it holds under ``drop``."""
        keep = self._resolve(table_name, keep)
        if keep == drop:
            return
        table = self.tables[table_name]
        if self._live(table_name, drop) is not None:
            if self._live(table_name, keep) is not None:
                self._fold(table, keep, drop)
            else:
                self.conn.execute(f'UPDATE "{table_name}" SET uuid = ? WHERE uuid = ?', (keep, drop))
                self._rename_versions(table_name, drop, keep)
        self.conn.execute(
            "INSERT INTO sync_alias (tbl, uuid, target) VALUES (?, ?, ?) ON CONFLICT (tbl, uuid) DO NOTHING",
            (table_name, drop, keep),
        )
        self.forget_cache()
        self.as_sent -= {(table_name, keep), (table_name, drop)}

    def _rename_versions(self, table: str, old: str, new: str) -> None:
        """The versions kept under ``old`` now name ``new`` (replacing those ``new`` had of the same field)."""
        self.conn.execute(
            "DELETE FROM sync_field WHERE tbl = ? AND uuid = ? AND col IN "
            "(SELECT col FROM sync_field WHERE tbl = ? AND uuid = ?)",
            (table, new, table, old),
        )
        self.conn.execute("UPDATE sync_field SET uuid = ? WHERE tbl = ? AND uuid = ?", (new, table, old))
        if self.conn.execute("SELECT 1 FROM sync_tomb WHERE tbl = ? AND uuid = ?", (table, old)).fetchone():
            self.conn.execute("DELETE FROM sync_tomb WHERE tbl = ? AND uuid = ?", (table, new))
            self.conn.execute("UPDATE sync_tomb SET uuid = ? WHERE tbl = ? AND uuid = ?", (new, table, old))

    def _fold(self, table: SyncedTable, keep: str, drop: str) -> None:
        """Merge the record ``drop`` into ``keep``: what pointed at it points at ``keep`` (a link both had
        is kept once), then it goes (on every replica that meets the two, the same way)."""
        ids = dict(
            self.conn.execute(f'SELECT uuid, id FROM "{table.name}" WHERE uuid IN (?, ?)', (keep, drop))
        )
        for child, column in referencing().get(table.name, []):
            # each link moves unless the kept record has it already (a unique key): then it goes
            for (row_id,) in self.conn.execute(
                f'SELECT id FROM "{child}" WHERE "{column}" = ?', (ids[drop],)
            ).fetchall():
                self.conn.execute("SAVEPOINT sync_fold")
                try:
                    self.conn.execute(
                        f'UPDATE "{child}" SET "{column}" = ? WHERE id = ?', (ids[keep], row_id)
                    )
                except integrity_errors():
                    self.conn.execute("ROLLBACK TO sync_fold")
                self.conn.execute("RELEASE sync_fold")
            self.conn.execute(f'DELETE FROM "{child}" WHERE "{column}" = ?', (ids[drop],))
        self.conn.execute(f'DELETE FROM "{table.name}" WHERE id = ?', (ids[drop],))
        for bookkeeping in ("sync_field", "sync_tomb"):
            self.conn.execute(f"DELETE FROM {bookkeeping} WHERE tbl = ? AND uuid = ?", (table.name, drop))

    # conflicts ----------------------------------------------------------------------------------------
    def _conflict(self, table: str, uuid: str, col: str, local: Record, incoming: Record, take: bool) -> None:
        mine, theirs = local.row.get(col), incoming.row.get(col)
        original = incoming.prev.get(col) if col in incoming.prev else local.prev.get(col)
        if incoming.prev.get(col) == mine or local.prev.get(col) == theirs:
            return  # one side changed it knowing the other's value: not a conflict
        self._log(table, uuid, col, original, mine, theirs, "theirs" if take else "mine", "newer")

    def _log(
        self, table: str, uuid: str, col: str, original: Any, mine: Any, theirs: Any, chosen: str, rule: str
    ) -> None:
        texts = [_canon(original), _canon(mine), _canon(theirs)]
        seen = self.conn.execute(
            "SELECT 1 FROM sync_conflict WHERE tbl = ? AND uuid = ? AND col = ? AND "
            "((mine = ? AND theirs = ?) OR (mine = ? AND theirs = ?))",
            (table, uuid, col, texts[1], texts[2], texts[2], texts[1]),
        ).fetchone()
        if seen is not None:
            return
        self.conn.execute(
            "INSERT INTO sync_conflict (at, tbl, uuid, col, original, mine, theirs, chosen, rule, peer) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (self.now, table, uuid, col, *texts, chosen, rule, self.peer),
        )
        self.stats.conflicts += 1
