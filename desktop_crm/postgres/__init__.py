"""The team database: the same models on PostgreSQL (``--db postgresql://user@host:port/dbname``).

The password comes from libpq's own sources (``PGPASSWORD``, ``~/.pgpass``, a service file) or is passed
in by the caller (the window asks once and keeps it in memory only); it is never written anywhere.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from ..errors import CrmError, DatabaseVersionError
from ..migrations import LATEST_VERSION
from ..team_url import URL_PREFIXES, display_url, is_team_url
from .connect import TeamDatabase
from .schema import (
    APPLICATION,
    PG_MIGRATIONS,
    TEAM_REVISION,
    TEAM_REVISIONS,
    baseline_statements,
    read_meta,
    user_tables,
)

__all__ = [
    "URL_PREFIXES",
    "TeamDatabase",
    "TeamDatabaseError",
    "display_url",
    "is_team_url",
    "open_team_database",
]


class TeamDatabaseError(CrmError):
    """The team database cannot be reached, refuses the login, or is not ours."""


def _connection_error(exc: Exception, url: str) -> CrmError:
    text = str(exc).strip()
    lowered = text.lower()
    shown = display_url(url)
    if "no password supplied" in lowered or "fe_sendauth" in lowered:
        return TeamDatabaseError("team.password_required", url=shown)
    if "password authentication failed" in lowered or "authentication failed" in lowered:
        return TeamDatabaseError("team.auth_failed", url=shown)
    if re.search(r'database "[^"]*" does not exist', lowered):
        return TeamDatabaseError("team.no_database", url=shown)
    reason = text.splitlines()[0] if text else type(exc).__name__
    return TeamDatabaseError("team.unreachable", url=shown, reason=reason)


def _as_database_owner(cursor: Any) -> None:
    """Create the schema as the database's owner when the connecting user is a member of that role (the
    README's set-up: one owner role, each person a member), so the tables belong to the team, not to
    whoever happened to connect first. Undone at the end of the transaction (``SET LOCAL``)."""
    cursor.execute(
        "SELECT pg_get_userbyid(datdba), current_user FROM pg_database WHERE datname = current_database()"
    )
    owner, user = cursor.fetchone()
    if owner != user:
        cursor.execute("SELECT pg_has_role(%s, 'MEMBER')", (owner,))
        if cursor.fetchone()[0]:
            cursor.execute('SET LOCAL ROLE "' + str(owner).replace('"', '""') + '"')


def _prepare_schema(db: TeamDatabase, url: str, migrate_to: int) -> None:
    """Create the schema in an empty database, or check (and upgrade) ours; refuse anything else."""
    with db.atomic():
        cursor = db.cursor()
        cursor.execute("SELECT pg_advisory_xact_lock(4242001)")  # two machines creating it at once
        meta = read_meta(cursor)
        if meta is None:
            if user_tables(cursor):
                raise TeamDatabaseError("team.foreign", url=display_url(url))
            _as_database_owner(cursor)
            for statement in baseline_statements(migrate_to):
                cursor.execute(statement)
            db.crm_team_revision = TEAM_REVISION
            return
        if meta.get("application") != APPLICATION:
            raise TeamDatabaseError("team.foreign", url=display_url(url))
        version = int(meta.get("schema_version", "0"))
        if version > LATEST_VERSION:
            raise DatabaseVersionError("db.newer_version", version=version, latest=LATEST_VERSION)
        for number in range(version + 1, migrate_to + 1):
            step = PG_MIGRATIONS.get(number)
            if step is None:
                raise TeamDatabaseError(
                    "team.cannot_upgrade", url=display_url(url), version=version, latest=migrate_to
                )
            step(cursor)
        if version < migrate_to:
            cursor.execute(
                'UPDATE "crm_meta" SET "value" = %s WHERE "key" = \'schema_version\'', (str(migrate_to),)
            )
        revision = int(meta.get("team_revision", "0"))
        if revision < TEAM_REVISION:
            revision = _team_revisions(cursor, revision)
        db.crm_team_revision = revision


def _team_revisions(cursor: Any, revision: int) -> int:
    """Bring the team-only additions up to :data:`TEAM_REVISION`, as the database's owner. A user who may
    not change the schema opens the database without them (they only speed things up; the reads check
    ``TeamDatabase.crm_team_revision``); the owner's next open adds them. Returns the revision reached."""
    import psycopg2

    _as_database_owner(cursor)
    cursor.execute("SAVEPOINT crm_team_revisions")
    try:
        for number in range(revision + 1, TEAM_REVISION + 1):
            TEAM_REVISIONS[number](cursor)
    except psycopg2.errors.InsufficientPrivilege:
        cursor.execute("ROLLBACK TO SAVEPOINT crm_team_revisions")
        return revision
    cursor.execute(
        'INSERT INTO "crm_meta" ("key", "value") VALUES (\'team_revision\', %s) '
        'ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"',
        (str(TEAM_REVISION),),
    )
    return TEAM_REVISION


def open_team_database(
    url: str,
    *,
    password: str | None = None,
    migrate_to: int = LATEST_VERSION,
    connect_timeout: int = 10,
    bind: bool = True,
) -> TeamDatabase:
    """Connect to the team database at ``url``, create or upgrade its schema, bind the models (unless
    ``bind`` is false: a laptop syncing with it keeps its own file open, ``desktop_crm.sync.hub``)."""
    try:
        import psycopg2
    except ImportError:
        raise TeamDatabaseError("team.driver_missing") from None
    from ..models import database
    from ..write_guard import set_write_refusal

    options: dict[str, Any] = {"connect_timeout": connect_timeout, "application_name": APPLICATION}
    if password is not None:
        options["password"] = password
    db = TeamDatabase(url, autoconnect=True, **options)
    db.crm_path = display_url(url)  # type: ignore[attr-defined]
    db.crm_read_only = False  # type: ignore[attr-defined]
    try:
        db.connect(reuse_if_open=True)
    except Exception as exc:  # peewee wraps psycopg2's OperationalError
        db.close()
        cause = exc.__cause__ if isinstance(exc.__cause__, psycopg2.Error) else exc
        raise _connection_error(cause, url) from None
    try:
        _prepare_schema(db, url, migrate_to)
    except CrmError:
        db.close()
        raise
    except Exception as exc:
        db.close()
        raise TeamDatabaseError(
            "team.unreachable", url=display_url(url), reason=str(exc).splitlines()[0]
        ) from exc
    if bind:
        set_write_refusal(None)
        database.initialize(db)
        _share_local_files(db, url)
    return db


def _share_local_files(db: TeamDatabase, url: str) -> None:
    """Attachments whose bytes only this machine's folder holds (added before the team database kept
    them) are shared now; a failure is logged, never in the way of opening."""
    from ..attachments import share_local_files

    try:
        shared = share_local_files(db, url)
    except Exception:
        logging.getLogger(__name__).warning("sharing this machine's attachment files failed", exc_info=True)
        return
    if shared:
        logging.getLogger(__name__).info("shared %d attachment file(s) from this machine", shared)
