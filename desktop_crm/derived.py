"""Data derived from other rows and kept current by SQL triggers, so every writer (the services, a
bulk import, another SQLite tool) keeps it right:

- ``client_search`` / ``client_fts``: the searchable text of each alive client (see ``search``);
- ``client.last_contact_at``: the time of the client's latest follow-up (agenda, "not contacted for
  N days" filters, sorting the client list);
- ``client_tally``: how many clients are alive and how many in the trash (the Clients list's "of N", the
  status bar), one row, so that a count is one read instead of a walk over every client's index entry
  (100,000 of them: 2.5 ms on SQLite, 8 ms on a team database);
- the KPI summaries ``kpi_daily`` and ``kpi_first_signing`` (``desktop_crm.kpi_summary``): dropped with
  the other triggers, recomputed and their triggers recreated by ``rebuild_all``.

Bulk writers (demo data, imports) wrap their inserts in ``bulk_mode``: it drops the triggers, and
afterwards recomputes everything once and recreates them, inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .driver import sqlite3
from .search import body_select


def _refresh(cid: str) -> str:
    return (
        f"DELETE FROM client_search WHERE client_id = {cid}; "
        f"INSERT INTO client_search (client_id, body) {body_select(f'c.id = {cid}')};"
    )


SEARCH_TRIGGERS: dict[str, str] = {
    "client_search_client_ai": f"AFTER INSERT ON client BEGIN {_refresh('new.id')} END",
    "client_search_client_au": (
        "AFTER UPDATE OF name, short_name, phone, deleted_at ON client BEGIN " + _refresh("new.id") + " END"
    ),
    "client_search_client_ad": "AFTER DELETE ON client BEGIN DELETE FROM client_search WHERE client_id = old.id; END",
    "client_search_contact_ai": f"AFTER INSERT ON contact BEGIN {_refresh('new.client_id')} END",
    "client_search_contact_au": (
        "AFTER UPDATE OF name, phone, deleted_at, client_id ON contact BEGIN "
        + _refresh("old.client_id")
        + _refresh("new.client_id")
        + " END"
    ),
    "client_search_contact_ad": f"AFTER DELETE ON contact BEGIN {_refresh('old.client_id')} END",
    "client_search_value_ai": f"AFTER INSERT ON custom_field_value BEGIN {_refresh('new.client_id')} END",
    "client_search_value_au": f"AFTER UPDATE ON custom_field_value BEGIN {_refresh('new.client_id')} END",
    "client_search_value_ad": f"AFTER DELETE ON custom_field_value BEGIN {_refresh('old.client_id')} END",
}


def _last_contact(cid: str) -> str:
    return (
        f"UPDATE client SET last_contact_at = (SELECT max(happened_at) FROM follow_up WHERE client_id = {cid}) "
        f"WHERE id = {cid};"
    )


LAST_CONTACT_TRIGGERS: dict[str, str] = {
    "client_last_contact_ai": (
        "AFTER INSERT ON follow_up BEGIN UPDATE client SET last_contact_at = new.happened_at "
        "WHERE id = new.client_id AND (last_contact_at IS NULL OR last_contact_at < new.happened_at); END"
    ),
    "client_last_contact_au": (
        "AFTER UPDATE OF happened_at, client_id ON follow_up BEGIN "
        + _last_contact("old.client_id")
        + _last_contact("new.client_id")
        + " END"
    ),
    "client_last_contact_ad": f"AFTER DELETE ON follow_up BEGIN {_last_contact('old.client_id')} END",
}


TALLY = "client_tally"
TALLY_TABLE = (
    f'CREATE TABLE IF NOT EXISTS "{TALLY}" ("slot" INTEGER NOT NULL PRIMARY KEY CHECK ("slot" = 1), '
    '"alive" INTEGER NOT NULL, "deleted" INTEGER NOT NULL)'
)


def _tally(alive: str, deleted: str) -> str:
    # an upsert: a new database needs no seed row (and a copy brings its own)
    return (
        f"INSERT INTO {TALLY} (slot, alive, deleted) VALUES (1, {alive}, {deleted}) ON CONFLICT (slot) DO UPDATE "
        f"SET alive = {TALLY}.alive + excluded.alive, deleted = {TALLY}.deleted + excluded.deleted;"
    )


def _one_if(condition: str, then: str = "1", otherwise: str = "0") -> str:
    return f"CASE WHEN {condition} THEN {then} ELSE {otherwise} END"


TALLY_TRIGGERS: dict[str, str] = {
    "client_tally_ai": (
        "AFTER INSERT ON client BEGIN "
        + _tally(_one_if("new.deleted_at IS NULL"), _one_if("new.deleted_at IS NULL", "0", "1"))
        + " END"
    ),
    "client_tally_ad": (
        "AFTER DELETE ON client BEGIN "
        + _tally(_one_if("old.deleted_at IS NULL", "-1"), _one_if("old.deleted_at IS NULL", "0", "-1"))
        + " END"
    ),
    "client_tally_au": (
        "AFTER UPDATE OF deleted_at ON client WHEN (old.deleted_at IS NULL) <> (new.deleted_at IS NULL) BEGIN "
        + _tally(_one_if("new.deleted_at IS NULL", "1", "-1"), _one_if("new.deleted_at IS NULL", "-1", "1"))
        + " END"
    ),
}
TALLY_REBUILD = (
    f"DELETE FROM {TALLY}",
    f"INSERT INTO {TALLY} (slot, alive, deleted) SELECT 1, "
    f"COALESCE(SUM({_one_if('deleted_at IS NULL')}), 0), COALESCE(SUM({_one_if('deleted_at IS NULL', '0', '1')}), 0) "
    "FROM client",
)


def create_search_triggers(conn: sqlite3.Connection) -> None:
    for name, body in SEARCH_TRIGGERS.items():
        conn.execute(f'CREATE TRIGGER IF NOT EXISTS "{name}" {body}')


def create_last_contact_triggers(conn: sqlite3.Connection) -> None:
    for name, body in LAST_CONTACT_TRIGGERS.items():
        conn.execute(f'CREATE TRIGGER IF NOT EXISTS "{name}" {body}')


def create_tally_triggers(conn: sqlite3.Connection) -> None:
    for name, body in TALLY_TRIGGERS.items():
        conn.execute(f'CREATE TRIGGER IF NOT EXISTS "{name}" {body}')


def create_triggers(conn: sqlite3.Connection) -> None:
    """The per-row triggers of this module (the KPI summaries' are recreated by their ``rebuild``)."""
    create_search_triggers(conn)
    create_last_contact_triggers(conn)
    create_tally_triggers(conn)


def drop_triggers(conn: sqlite3.Connection) -> None:
    from . import kpi_summary

    for name in (*SEARCH_TRIGGERS, *LAST_CONTACT_TRIGGERS, *TALLY_TRIGGERS):
        conn.execute(f'DROP TRIGGER IF EXISTS "{name}"')
    kpi_summary.drop_triggers(conn)


def rebuild_search(conn: sqlite3.Connection) -> None:
    """Recompute every client's search row and the trigram index (inside the caller's transaction)."""
    conn.execute("DELETE FROM client_search")
    conn.execute(f"INSERT INTO client_search (client_id, body) {body_select('1 = 1')}")
    conn.execute("INSERT INTO client_fts(client_fts) VALUES ('rebuild')")


def rebuild_last_contact(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE client SET last_contact_at = NULL")
    conn.execute(
        "UPDATE client SET last_contact_at = m.last FROM "
        "(SELECT client_id, max(happened_at) AS last FROM follow_up GROUP BY client_id) AS m "
        "WHERE client.id = m.client_id"
    )


def rebuild_tally(conn: sqlite3.Connection) -> None:
    for statement in TALLY_REBUILD:
        conn.execute(statement)


def client_tally(conn: sqlite3.Connection) -> tuple[int, int]:
    """(alive, in the trash): the clients counted by ``client_tally``."""
    row = conn.execute(f"SELECT alive, deleted FROM {TALLY} WHERE slot = 1").fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def rebuild_all(conn: sqlite3.Connection) -> None:
    from . import kpi_summary

    rebuild_search(conn)
    rebuild_last_contact(conn)
    rebuild_tally(conn)
    kpi_summary.rebuild(conn)  # recomputes the KPI summaries and recreates their triggers
    refresh_statistics(conn)


# Rows ANALYZE samples per index: enough for the planner's choices, about 0.05 s on the large demo.
ANALYSIS_LIMIT = 400


def refresh_statistics(conn: sqlite3.Connection) -> None:
    """Bring the query planner's statistics (``sqlite_stat1``) up to date after a bulk change (an
    approximate ANALYZE, so it stays fast on a large file)."""
    conn.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
    conn.execute("ANALYZE")


@contextmanager
def bulk_mode(conn: sqlite3.Connection) -> Iterator[None]:
    """Suspend the per-row triggers for a bulk load; recompute the derived data once afterwards.

    Use inside the bulk load's transaction, so a failed load restores the triggers with the rollback.
    """
    drop_triggers(conn)
    try:
        yield
    finally:
        rebuild_all(conn)
        create_triggers(conn)


def migrate_v3(conn: sqlite3.Connection) -> None:
    create_search_triggers(conn)
    rebuild_search(conn)


def migrate_v4(conn: sqlite3.Connection) -> None:
    create_last_contact_triggers(conn)
    rebuild_last_contact(conn)


def migrate_v15(conn: sqlite3.Connection) -> None:
    conn.execute(TALLY_TABLE)
    create_tally_triggers(conn)
    rebuild_tally(conn)
