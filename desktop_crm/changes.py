"""What changed: the core announces every committed write (entity, ids, kind) to its subscribers.

Nothing here knows Qt. The interface subscribes (``ui.changes``) and turns the batches into one signal
per event-loop turn that the pages listen to.

How writes are seen (no service has to say what it touched):

- Every write transaction goes through :func:`desktop_crm.write_guard.write_transaction`. On each
  connection it runs on, this module installs TEMPORARY triggers (``CREATE TEMP TRIGGER``: they belong to
  the connection, not to the file, so the schema stays as it is) after INSERT, UPDATE and DELETE on every
  ordinary table. They write ``(entity, row id, kind)`` into the connection's temporary table
  ``crm_change_log``. Python's ``sqlite3`` has no update hook; triggers inside the same transaction give
  exactly its semantics: a rolled-back transaction or savepoint takes its log rows with it, derived
  writes done by the schema's own triggers (``client.last_contact_at`` after a follow-up) are seen too.
- Just before the outermost COMMIT the log is read and emptied (:func:`collect`); after the commit
  succeeded the batch goes to the subscribers (:func:`publish`). A rollback publishes nothing; nested
  transactions (savepoints) publish only with the outermost commit.
- A plain autocommit write outside the write transaction is logged too and published with the next
  write transaction of its connection. Bulk writes that bypass it (the demo generator's loader, a
  restore that replaces the file) call :func:`announce` with a coarse change: ``ids`` empty means "any rows of this entity"
  (``EVERYTHING`` as the entity: every entity).

Subscribers are called on the thread that committed (the GUI thread or the database worker), after the
commit, with a tuple of :class:`Change`. An exception in a subscriber is logged, never raised into the
write that already committed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, Protocol

from .driver import connect as sqlite_connect
from .driver import sqlite3

log = logging.getLogger(__name__)

Kind = Literal["insert", "update", "delete"]
KINDS: tuple[Kind, ...] = ("insert", "update", "delete")
EVERYTHING = "*"  # the entity of a coarse change that may touch every table (restore, demo data)
LOG_TABLE = "crm_change_log"
# A batch lists the ids of an entity+kind up to this many; above it the ids are left out ("any rows").
MAX_IDS = 2000
# Tables whose rows are derived from others (search text, KPI summaries, the client count) — the one list
# (the team database's change log and ``copy`` read it too): their changes say nothing a
# page could not learn from the table they derive from, and a bulk write would log them many times over.
DERIVED_TABLES = frozenset({"client_search", "kpi_daily", "kpi_first_signing", "client_tally"})
_TRIGGER_PREFIX = "crm_change_"


@dataclass(frozen=True)
class Change:
    """Rows of one table (``entity``: the table's name, e.g. ``"client"``, ``"next_step"``) that were
    inserted, updated or deleted. ``ids`` empty: which rows is not known (a coarse change, possibly all)."""

    entity: str
    ids: frozenset[int]
    kind: Kind

    @property
    def coarse(self) -> bool:
        return not self.ids


Subscriber = Callable[[tuple[Change, ...]], None]

_subscribers: list[Subscriber] = []
_lock = threading.Lock()


def subscribe(subscriber: Subscriber) -> Callable[[], None]:
    """Call ``subscriber(batch)`` after each committed write; returns the function that unsubscribes."""
    with _lock:
        _subscribers.append(subscriber)

    def unsubscribe() -> None:
        with _lock:
            if subscriber in _subscribers:
                _subscribers.remove(subscriber)

    return unsubscribe


def publish(batch: Iterable[Change]) -> None:
    """Hand ``batch`` (already committed) to every subscriber; an empty batch is not published."""
    changes = tuple(batch)
    if not changes:
        return
    with _lock:
        subscribers = tuple(_subscribers)
    for subscriber in subscribers:
        try:
            subscriber(changes)
        except Exception:  # the write has committed: a failing listener must not undo the caller's success
            log.exception("change subscriber failed")


def announce(entities: Iterable[str] = (EVERYTHING,), kind: Kind = "update") -> None:
    """Publish a coarse change of ``entities`` now, for writes made outside the write transaction
    (bulk loads, restores): every row of them may have changed."""
    watch = _outside
    if watch is not None:
        watch.absorb()  # the file's change counter moved with these writes: not another program's
    publish(Change(entity, frozenset(), kind) for entity in dict.fromkeys(entities))


# --- the connection's change log -------------------------------------------------------------------
def _watched_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("PRAGMA main.table_list").fetchall()
    return sorted(
        name
        for _schema, name, kind, _ncol, without_rowid, _strict in rows
        if kind == "table"
        and not without_rowid
        and not name.startswith("sqlite_")
        and name not in DERIVED_TABLES
        and not name.startswith("sync_")  # offline sync's own bookkeeping (desktop_crm.sync)
    )


def _installed(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = ?", (LOG_TABLE,)
    ).fetchone()
    return row is not None


def install(conn: sqlite3.Connection) -> None:
    """Create the temporary change log and its triggers on ``conn`` (once per connection).

    On a team database the triggers are part of the schema (``desktop_crm.postgres.schema``): they
    write into the session's temporary log when it exists, so only the log is created here."""
    if not isinstance(conn, sqlite3.Connection):
        conn.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {LOG_TABLE} (entity TEXT NOT NULL, row_id BIGINT, kind TEXT NOT NULL)"
        )
        return
    if _installed(conn):
        return
    statements = [
        f"CREATE TEMP TABLE IF NOT EXISTS {LOG_TABLE} (entity TEXT NOT NULL, row_id INTEGER, kind TEXT NOT NULL)"
    ]
    for table in _watched_tables(conn):
        for event, kind, row in (
            ("INSERT", "insert", "new"),
            ("UPDATE", "update", "new"),
            ("DELETE", "delete", "old"),
        ):
            statements.append(
                f'CREATE TEMP TRIGGER IF NOT EXISTS "{_TRIGGER_PREFIX}{table}_{kind}" '
                f'AFTER {event} ON main."{table}" BEGIN '
                f"INSERT INTO {LOG_TABLE} (entity, row_id, kind) VALUES ('{table}', {row}.rowid, '{kind}'); END"
            )
    for statement in statements:
        conn.execute(statement)


def prepare(conn: sqlite3.Connection) -> None:
    """At the start of an outermost write transaction: the log exists. Rows already in it were written
    and committed outside any write transaction (a plain autocommit write): they are published with
    this transaction, late rather than never."""
    install(conn)


def record(conn: sqlite3.Connection, entity: str, ids: Iterable[int] = (), kind: Kind = "update") -> None:
    """Note a change the triggers cannot see (inside the current transaction; rolled back with it).
    No ids: a coarse change of ``entity``."""
    install(conn)
    values: list[tuple[str, int | None, str]] = [(entity, int(i), kind) for i in ids]
    values = values or [(entity, None, kind)]
    conn.executemany(f"INSERT INTO {LOG_TABLE} (entity, row_id, kind) VALUES (?, ?, ?)", values)


def collect(conn: sqlite3.Connection) -> tuple[Change, ...]:
    """Read and empty the log, inside the transaction, just before it commits."""
    if isinstance(conn, sqlite3.Connection) and not _installed(conn):
        return ()
    groups = conn.execute(
        f"SELECT entity, kind, count(*), count(row_id) FROM {LOG_TABLE} GROUP BY entity, kind ORDER BY entity, kind"
    ).fetchall()
    if not groups:
        return ()
    batch: list[Change] = []
    for entity, kind, total, with_id in groups:
        if total > MAX_IDS or with_id < total:  # many rows, or a coarse note: "any rows"
            ids: frozenset[int] = frozenset()
        else:
            ids = frozenset(
                row[0]
                for row in conn.execute(
                    f"SELECT row_id FROM {LOG_TABLE} WHERE entity = ? AND kind = ?", (entity, kind)
                )
            )
        batch.append(Change(str(entity), ids, kind))
    conn.execute(f"DELETE FROM {LOG_TABLE}")
    return tuple(batch)


# --- writes by other programs ----------------------------------------------------------------------
class OutsideWrites:
    """Notices commits made to the file by another program (the command line's import, a second window,
    a database tool): ``PRAGMA data_version`` on a connection of its own changes with every commit by any
    other connection, this process's included. This process's write transactions bracket their COMMIT
    with :meth:`before_commit` (the write lock is held: a change seen then was made by someone else) and
    :meth:`after_commit` (what changed since is this commit), so :meth:`poll` reports only the others.

    A commit by another program in the instant between this process's COMMIT and :meth:`after_commit`
    goes unseen until the next one; writes by this process outside a write transaction count as
    outside writes (announced coarsely: late rather than never)."""

    def __init__(self, path: str) -> None:
        from .open_check import read_only_uri

        self.path = path
        self._conn = sqlite_connect(read_only_uri(path), uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._seen = self._version()
        self._outside = False

    def _version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def before_commit(self) -> None:
        self._lock.acquire()  # released by after_commit (always called, even when the commit fails)
        try:
            if self._version() != self._seen:
                self._outside = True
        except sqlite3.Error:
            pass

    def after_commit(self) -> None:
        try:
            self._seen = self._version()
        except sqlite3.Error:
            pass
        finally:
            self._lock.release()

    def absorb(self) -> None:
        """What committed so far is announced already (a bulk load announced coarsely)."""
        if self._lock.acquire(blocking=False):
            try:
                self._seen = self._version()
                self._outside = False
            except sqlite3.Error:
                pass
            finally:
                self._lock.release()

    def poll(self) -> bool:
        """Whether another program committed since the last poll (False while a commit of this
        process is under way: asked again at the next poll)."""
        if not self._lock.acquire(blocking=False):
            return False
        try:
            version = self._version()
            outside, self._outside = self._outside or version != self._seen, False
            self._seen = version
            return outside
        except sqlite3.Error:
            return False
        finally:
            self._lock.release()

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class OutsideWatch(Protocol):
    """What the write transaction and the window's poll use of a watch: :class:`OutsideWrites` on a
    file, :class:`desktop_crm.postgres.listen.TeamWatch` on a team database."""

    path: str

    def before_commit(self) -> None: ...

    def after_commit(self) -> None: ...

    def absorb(self) -> None: ...

    def poll(self) -> bool: ...

    def close(self) -> None: ...


_outside: OutsideWatch | None = None


def watching() -> OutsideWatch | None:
    """The watch on the open database, if the window started one: the write transaction brackets its
    COMMIT with its ``before_commit``/``after_commit``."""
    return _outside


def _start_watch(db: object, path: str) -> OutsideWatch | None:
    from .engine import is_postgres

    if is_postgres(db):
        from .postgres.listen import TeamWatch

        return TeamWatch(db, connect_now=False)  # connects on a thread: the window never waits
    try:
        return OutsideWrites(path)
    except sqlite3.Error:
        return None


def _outside_entities(watch: OutsideWatch) -> tuple[str, ...]:
    """What other programs changed since the last call: the tables a team database names, or
    ``EVERYTHING`` when a file's change counter moved."""
    changed_tables = getattr(watch, "changed_tables", None)
    if changed_tables is not None:
        return tuple(changed_tables())
    return (EVERYTHING,) if watch.poll() else ()


def announce_outside_writes() -> bool:
    """Announce the commits other programs made to the open database since the last call; the first
    call on a database starts watching it. Returns whether any was seen. On a file any rows of any
    entity may have changed (coarse); on a team database the tables the others wrote are named (any
    rows of them). Cheap (one PRAGMA, or reading the notifications already received, on a connection
    of its own): the window calls it every second or so."""
    global _outside
    from .models import database

    db = database.obj
    path = getattr(db, "crm_path", None)
    if not path or path == ":memory:" or getattr(db, "crm_read_only", False):
        stop_watching_outside_writes()
        return False
    if _outside is None or _outside.path != path:
        stop_watching_outside_writes()
        _outside = _start_watch(db, str(path))
        return False
    entities = _outside_entities(_outside)
    if not entities:
        return False
    publish(Change(entity, frozenset(), "update") for entity in entities)
    return True


def stop_watching_outside_writes() -> None:
    global _outside
    watch, _outside = _outside, None
    if watch is not None:
        watch.close()
