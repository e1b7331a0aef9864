"""Commits by other machines on a team database, table by table.

The team database's row triggers (``crm_log_change`` in :mod:`desktop_crm.postgres.schema`) send
``pg_notify('desktop_crm_changes', <table>)``; PostgreSQL delivers the notifications when the writing
transaction commits, to every session listening, the writer's own included, with the writer's backend pid.
:class:`TeamWatch` keeps a connection of its own that ``LISTEN``\\ s and offers the interface of
:class:`desktop_crm.changes.OutsideWrites`: :meth:`TeamWatch.changed_tables` drains what arrived without
blocking and names the tables other sessions changed. The sessions of this process are told apart by
their backend pid: every write transaction notes its connection's pid (:func:`note_own_session`, called
by :mod:`desktop_crm.write_guard`), and notifications from those pids are ignored.

A lost server connection never raises into the caller: the watch answers "nothing" and connects again
on a thread of its own (a reconnection never blocks the window); what may have been missed meanwhile is
reported as a coarse change of every table once it is back.
"""

from __future__ import annotations

import contextlib
import logging
import select
import threading
import time
from typing import Any

from .schema import CHANGE_CHANNEL

log = logging.getLogger(__name__)

EVERYTHING = "*"  # = desktop_crm.changes.EVERYTHING (not imported: changes imports this module)
RECONNECT_SECONDS = 5.0  # between attempts while the server is unreachable

_own_pids: set[int] = set()
_own_lock = threading.Lock()


def note_own_session(connection: Any) -> None:
    """Remember ``connection``'s backend pid (a psycopg2 connection of this process): its commits are
    announced by the write transaction itself, not again as another machine's."""
    try:
        pid = int(connection.get_backend_pid())
    except Exception:  # closed meanwhile: nothing to remember
        return
    with _own_lock:
        _own_pids.add(pid)


def own_pids() -> frozenset[int]:
    with _own_lock:
        return frozenset(_own_pids)


def forget_own_sessions() -> None:
    with _own_lock:
        _own_pids.clear()


class TeamWatch:
    """Listens to the team database ``db`` (a :class:`desktop_crm.postgres.connect.TeamDatabase`) on a
    connection of its own. ``path``: the database's shown address (what ``changes`` compares to know
    the watch is on the open database)."""

    def __init__(
        self, db: Any, *, reconnect_seconds: float = RECONNECT_SECONDS, connect_now: bool = True
    ) -> None:
        """``connect_now``: connect here (a failure raises); else on a thread of its own, so the caller
        (the window's poll, on the GUI thread) never waits for the network."""
        self.db = db
        self.path = str(getattr(db, "crm_path", "") or "")
        self.reconnect_seconds = reconnect_seconds
        self._lock = threading.Lock()
        self._conn: Any = None
        self._missed = False  # the connection was lost: changes may have gone unheard
        self._next_attempt = 0.0
        self._connecting: threading.Thread | None = None
        self._closed = False
        self._ever_connected = False
        if connect_now:
            self._conn = self._listen()
            self._ever_connected = True
        else:
            self._reconnect_in_background()

    # --- the connection -------------------------------------------------------------------------
    def _listen(self) -> Any:
        conn = self.db._connect()  # a new session with the database's settings, autocommit
        try:
            with conn.cursor() as cursor:
                cursor.execute(f"LISTEN {CHANGE_CHANNEL}")
        except Exception:
            conn.close()
            raise
        return conn

    def _reconnect_in_background(self) -> None:
        if self._closed or self._connecting is not None or time.monotonic() < self._next_attempt:
            return
        self._next_attempt = time.monotonic() + self.reconnect_seconds

        def attempt() -> None:
            try:
                conn = self._listen()
            except Exception as exc:
                log.info("team database watch: still cannot connect (%s)", str(exc).splitlines()[0:1])
                conn = None
            with self._lock:
                self._connecting = None
                if conn is None:
                    return
                if self._closed:
                    conn.close()
                    return
                self._conn = conn
                # whatever committed while away: every table, coarsely (not before the first listen)
                self._missed = self._ever_connected
                self._ever_connected = True

        thread = threading.Thread(target=attempt, name="team-watch-reconnect", daemon=True)
        self._connecting = thread
        thread.start()

    def _lost(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()
        self._next_attempt = time.monotonic() + self.reconnect_seconds
        log.info("team database watch: connection lost; connecting again in the background")

    def _drain(self) -> set[str]:
        """Tables named by the notifications that arrived from other sessions (lock held)."""
        conn = self._conn
        if conn is None:
            return set()
        try:
            if select.select([conn], [], [], 0)[0] or conn.notifies:
                conn.poll()
        except Exception:  # the server went away (psycopg2.OperationalError, a closed socket)
            self._lost()
            return set()
        mine = own_pids()
        tables: set[str] = set()
        while conn.notifies:
            note = conn.notifies.pop(0)
            if note.channel == CHANGE_CHANNEL and note.pid not in mine:
                tables.add(str(note.payload) or EVERYTHING)
        return tables

    # --- the OutsideWrites interface --------------------------------------------------------------
    def changed_tables(self) -> tuple[str, ...]:
        """The tables other sessions committed changes to since the last call, sorted; ``("*",)`` after a
        reconnection (anything may have changed). Never raises; never blocks on the network."""
        if not self._lock.acquire(blocking=False):
            return ()
        try:
            if self._closed:
                return ()
            if self._conn is None:
                self._reconnect_in_background()
                return ()
            tables = self._drain()
            if self._missed:
                self._missed = False
                return (EVERYTHING,)
            return tuple(sorted(tables))
        finally:
            self._lock.release()

    def poll(self) -> bool:
        """Whether another session committed since the last call (what :meth:`changed_tables` says)."""
        return bool(self.changed_tables())

    def before_commit(self) -> None:
        """Nothing to do: this process's commits are told apart by their sessions' pids."""

    def after_commit(self) -> None:
        """See :meth:`before_commit`."""

    def absorb(self) -> None:
        """A bulk write of this process was announced coarsely: its session is one of ours."""
        from ..models import database

        db = database.obj
        if db is not None and not db.is_closed():
            note_own_session(db.connection())

    @property
    def connected(self) -> bool:
        return self._conn is not None

    def close(self) -> None:
        with self._lock:
            self._closed = True
            conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()
