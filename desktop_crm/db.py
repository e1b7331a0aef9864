"""Open the one SQLite file: pragmas, schema version, migrations."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from .errors import CrmError, DatabaseVersionError
from .migrations import LATEST_VERSION, MIGRATIONS
from .models import database

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 1,  # NORMAL: survives application crashes in WAL mode
    "busy_timeout": 5000,
    "cache_size": -32000,  # 32 MB page cache
    "temp_store": 2,  # MEMORY
}


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int = LATEST_VERSION) -> int:
    """Apply the pending migrations up to ``target`` in one transaction; return the new version."""
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise DatabaseVersionError("db.newer_version", version=current, latest=LATEST_VERSION)
    if current >= target:
        return current
    conn.execute("BEGIN IMMEDIATE")
    try:
        for number in range(current + 1, target + 1):
            MIGRATIONS[number - 1](conn)
        conn.execute(f"PRAGMA user_version = {int(target)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return target


def _check_version_read_only(path: str) -> None:
    """Refuse a file from a newer version before anything (even WAL mode) touches it."""
    if path == ":memory:" or not os.path.exists(path):
        return
    try:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True)
        try:
            version = schema_version(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise CrmError("db.not_a_database", path=path, reason=exc) from exc
    if version > LATEST_VERSION:
        raise DatabaseVersionError("db.newer_version_file", path=path, version=version, latest=LATEST_VERSION)


def open_database(path: str | os.PathLike[str], migrate_to: int = LATEST_VERSION) -> SqliteDatabase:
    """Open (creating if needed) the database at ``path``, bring its schema up to date, bind the models.

    Returns the peewee database; ``database`` (the models' proxy) points at it.
    """
    path = os.fspath(path)
    _check_version_read_only(path)
    if path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = SqliteDatabase(path, pragmas=PRAGMAS, autoconnect=True, check_same_thread=False)
    try:
        conn = db.connection()
        conn.isolation_level = None  # peewee manages transactions; migrate() uses explicit BEGIN
    except sqlite3.DatabaseError as exc:
        db.close()
        raise CrmError("db.not_a_database", path=path, reason=exc) from exc
    try:
        migrate(conn, migrate_to)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise CrmError("db.upgrade_failed", path=path, reason=exc) from exc
    except BaseException:
        db.close()
        raise
    database.initialize(db)
    return db


def close_database() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()
