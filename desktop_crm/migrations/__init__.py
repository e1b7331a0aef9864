"""Ordered schema migrations. Version N is reached by applying migrations 1..N in order.

Each migration is a SQL file ``mNNN_*.sql`` in this folder or a Python callable registered in
``PYTHON_MIGRATIONS``; never edit a released migration, add a new one.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources

from ..driver import sqlite3

Migration = Callable[[sqlite3.Connection], None]


def _sql_migration(filename: str) -> Migration:
    def apply(conn: sqlite3.Connection) -> None:
        text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
        for statement in _split_statements(text):
            conn.execute(statement)

    apply.__name__ = filename
    return apply


def _split_statements(text: str) -> list[str]:
    """Split a migration file into complete statements (triggers contain ';' inside BEGIN ... END)."""
    statements: list[str] = []
    buffer = ""
    for line in text.splitlines(keepends=True):
        if not buffer and line.strip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete statement at the end of a migration: {buffer.strip()[:60]}")
    return statements


def _m003_client_search(conn: sqlite3.Connection) -> None:
    from ..derived import migrate_v3

    _sql_migration("m003_client_search.sql")(conn)
    migrate_v3(conn)


def _m004_last_contact(conn: sqlite3.Connection) -> None:
    from ..derived import migrate_v4

    conn.execute('ALTER TABLE "client" ADD COLUMN "last_contact_at" DATETIME')
    conn.execute('CREATE INDEX "client_last_contact_at" ON "client" ("last_contact_at")')
    migrate_v4(conn)


def _m014_client_list_indexes(conn: sqlite3.Connection) -> None:
    from ..derived import refresh_statistics

    _sql_migration("m014_client_list_indexes.sql")(conn)
    if conn.execute("SELECT count(*) FROM client").fetchone()[0] >= 1000:  # a new file has nothing to measure
        refresh_statistics(conn)


def _m010_kpi_summaries(conn: sqlite3.Connection) -> None:
    from ..kpi_summary import install

    _sql_migration("m010_kpi_summaries.sql")(conn)
    install(conn)


def _m015_client_tally(conn: sqlite3.Connection) -> None:
    from ..derived import migrate_v15

    migrate_v15(conn)


MIGRATIONS: list[Migration] = [
    _sql_migration("m001_initial.sql"),
    _sql_migration("m002_kpi_indexes.sql"),
    _m003_client_search,
    _m004_last_contact,
    _sql_migration("m005_list_indexes.sql"),
    _sql_migration("m006_team.sql"),
    _sql_migration("m007_goals.sql"),
    _sql_migration("m008_weekly.sql"),
    _sql_migration("m009_handbook.sql"),
    _m010_kpi_summaries,
    _sql_migration("m011_care.sql"),  # slice care: referrals, the client dossier, contact birthdays
    _sql_migration("m012_service_records.sql"),  # slice service: service records and complaints
    _sql_migration("m013_attachments.sql"),  # slice attach: attachments (files beside the database)
    _m014_client_list_indexes,  # slice clientlist12: the Clients list's sort indexes, planner statistics
    _m015_client_tally,  # the number of clients alive and in the trash, kept by triggers (derived.TALLY)
]

LATEST_VERSION = len(MIGRATIONS)
