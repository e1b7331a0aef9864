"""Open the one SQLite file: pragmas, schema version, migrations."""

from __future__ import annotations

import os
from pathlib import Path

from peewee import DatabaseError, SqliteDatabase

from .driver import connect as sqlite_connect
from .driver import sqlite3
from .errors import CrmError, DatabaseVersionError
from .migrations import LATEST_VERSION, MIGRATIONS
from .models import database
from .open_check import (
    APPLICATION_ID,
    OPEN_CHECK_LIMIT,
    FileVerdict,
    inspect_file,
    quick_check,
    read_only_uri,
)
from .storage_errors import DatabaseDamagedError, StorageError, storage_error
from .write_guard import set_write_refusal


class CrmSqliteDatabase(SqliteDatabase):
    """Peewee's SQLite database on the process's one SQLite library (``desktop_crm.driver``), each
    connection keyed with the file's key when it is encrypted."""

    server_version = sqlite3.sqlite_version_info

    def _connect(self) -> sqlite3.Connection:
        params = dict(self.connect_params)
        conn = sqlite_connect(self.database, timeout=self._timeout, isolation_level=None, **params)  # type: ignore[attr-defined]
        try:
            self._add_conn_hooks(conn)  # type: ignore[attr-defined]
        except Exception:
            conn.close()
            raise
        return conn


PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 1,  # NORMAL: survives application crashes in WAL mode
    "busy_timeout": 5000,
    # 4 MB page cache per connection. The worker's connection closes after each job, so its cache lives
    # for one read, and filling a bigger one costs more than it saves: on the large demo Today's agenda
    # reads in 266 ms with 4 MB, 280 with 8, 305 with 16 (and 16 MB more resident at the peak); the
    # Clients list, search and the dashboard measured the same (bench_engines.py).
    "cache_size": -4000,
    "temp_store": 2,  # MEMORY
    "recursive_triggers": 0,  # SQLCipher's build turns them on by default; the triggers assume off
}


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = LATEST_VERSION) -> int:
    """Apply the pending migrations up to ``target`` in one transaction (stamping our application id);
    return the new version."""
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise DatabaseVersionError("db.newer_version", version=current, latest=LATEST_VERSION)
    stamped = int(conn.execute("PRAGMA application_id").fetchone()[0]) == APPLICATION_ID
    if current >= target and stamped:
        return current
    conn.execute("BEGIN IMMEDIATE")
    try:
        for number in range(current + 1, target + 1):
            MIGRATIONS[number - 1](conn)
        if current < target:
            conn.execute(f"PRAGMA user_version = {int(target)}")
        if not stamped:  # new files, and ours from before the id existed (open_check recognised them)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return max(current, target)


def _check_version_read_only(path: str, allow_empty: bool = False) -> FileVerdict:
    """Classify the file on a read-only view before anything (even WAL mode) touches it
    (``desktop_crm.open_check``): another application's file, a newer version's, a damaged file, a
    folder or an empty file raise their coded error here, leaving the file exactly as it was."""
    return inspect_file(path, LATEST_VERSION, allow_empty=allow_empty)


def open_database(
    path: str | os.PathLike[str],
    migrate_to: int = LATEST_VERSION,
    *,
    read_only: bool = False,
    allow_empty: bool = False,
) -> SqliteDatabase:
    """Open (creating if needed) the database at ``path``, bring its schema up to date, bind the models.

    The file is inspected read-only first (``open_check.inspect_file``). A file or folder that cannot
    be written, or ``read_only=True``, opens read-only (``mode=ro``): writes are refused with
    ``db.read_only``. ``allow_empty`` lets a zero-length file start as a new database.
    Returns the peewee database (``crm_path``: the file, ``crm_read_only``); ``database`` (the models'
    proxy) points at it.
    """
    path = os.fspath(path)
    from .team_url import is_team_url

    if is_team_url(path):  # a team database (desktop_crm.postgres)
        from .postgres import open_team_database

        return open_team_database(path, migrate_to=migrate_to)  # type: ignore[return-value]
    if path != ":memory:":
        from .wipe import clean_leftovers

        clean_leftovers(path)  # a conversion killed midway: the old bytes still to wipe
    verdict = _check_version_read_only(path, allow_empty)
    read_only = read_only or verdict.read_only
    if read_only and verdict.kind in ("new", "empty") and path != ":memory:":
        raise StorageError("db.read_only_needs_upgrade", path=path, latest=LATEST_VERSION)
    writes_at_open = not read_only and (verdict.kind == "legacy" or verdict.version < migrate_to)
    small = verdict.kind in ("ours", "legacy") and os.path.getsize(path) <= OPEN_CHECK_LIMIT
    # Never write into a damaged file at open (upgrade, id stamp); small files are checked anyway (a
    # fraction of a second); bigger ones by the window's check after it shows (ui.file_status).
    must_check = verdict.kind in ("ours", "legacy") and (writes_at_open or small)
    if must_check and quick_check(path, immutable=verdict.immutable) is not None:
        raise DatabaseDamagedError("db.damaged", path=path)
    if writes_at_open:  # (an up-to-date file: the backup module is not even imported)
        from .backup import backup_if_upgrading

        backup_if_upgrading(path, migrate_to)  # a file about to be upgraded is backed up first
    if path != ":memory:" and not read_only:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    if read_only:
        uri = read_only_uri(path, immutable=verdict.immutable)
        # mode=ro keeps the file as it is; temporary tables (the KPI queries use one) still work.
        pragmas = {k: v for k, v in PRAGMAS.items() if k != "journal_mode"}
        db = CrmSqliteDatabase(uri, pragmas=pragmas, autoconnect=True, check_same_thread=False, uri=True)
    else:
        db = CrmSqliteDatabase(path, pragmas=PRAGMAS, autoconnect=True, check_same_thread=False)
    db.crm_path = path  # type: ignore[attr-defined]
    db.crm_read_only = read_only  # type: ignore[attr-defined]
    try:
        conn = db.connection()
        conn.isolation_level = None  # peewee manages transactions; migrate() uses explicit BEGIN
    except (sqlite3.DatabaseError, DatabaseError) as exc:
        db.close()
        raise storage_error(exc, path) or DatabaseDamagedError("db.damaged", path=path) from exc
    try:
        if not read_only:
            migrate(conn, migrate_to)
    except sqlite3.DatabaseError as exc:
        db.close()
        mapped = storage_error(exc, path)
        if mapped is not None:
            raise mapped from exc
        raise CrmError("db.upgrade_failed", path=path, reason=exc) from exc
    except BaseException:
        db.close()
        raise
    set_write_refusal("read_only" if read_only else None)
    database.initialize(db)
    return db


def close_database() -> None:
    from . import changes

    changes.stop_watching_outside_writes()  # its connection to the file closes with the database
    if database.obj is not None and not database.is_closed():
        if not getattr(database.obj, "crm_read_only", False) and isinstance(database.obj, SqliteDatabase):
            # Keep the planner's statistics current (the Clients list's order depends on them): ANALYZE
            # only the tables whose size changed a lot since, sampled (cheap at close).
            try:
                database.execute_sql("PRAGMA analysis_limit = 400")
                database.execute_sql("PRAGMA optimize")
            except (sqlite3.Error, DatabaseError):
                pass  # a locked or full file: the statistics wait for the next close
        database.close()
