"""Ordered schema migrations. Version N is reached by applying migrations 1..N in order.

Each migration is a SQL file ``mNNN_*.sql`` in this folder or a Python callable registered in
``PYTHON_MIGRATIONS``; never edit a released migration, add a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from importlib import resources

Migration = Callable[[sqlite3.Connection], None]


def _sql_migration(filename: str) -> Migration:
    def apply(conn: sqlite3.Connection) -> None:
        text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
        for statement in _split_statements(text):
            conn.execute(statement)

    apply.__name__ = filename
    return apply


def _split_statements(text: str) -> list[str]:
    """Split a migration file into statements (no statement in our files contains ';' in a literal)."""
    lines = [line for line in text.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


MIGRATIONS: list[Migration] = [
    _sql_migration("m001_initial.sql"),
    _sql_migration("m002_kpi_indexes.sql"),
]

LATEST_VERSION = len(MIGRATIONS)
