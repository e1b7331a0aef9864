"""Which database engine the models are on, and the few pieces of SQL that differ between them.

The product speaks SQLite's dialect in its raw SQL (``?`` placeholders, ``substr`` on ISO date text,
``group_concat``, ``julianday``...). On a team database (PostgreSQL, :mod:`desktop_crm.postgres`) the
same text runs unchanged because:

- the connection rewrites placeholders (``?`` → ``%s``) and ``LIKE`` → ``ILIKE`` (SQLite's ``LIKE`` ignores
  ASCII case) before it reaches the server (:func:`desktop_crm.postgres.sql.translate`);
- dates and times are stored as the same ISO text on both engines, so ``substr(x, 1, 10)`` and text
  comparisons mean the same thing;
- the team database defines the handful of SQLite functions the SQL uses (``group_concat``, ``julianday``,
  ``date``, ``strftime``, two-argument ``max``/``min``): ``desktop_crm/postgres/compat.sql``.

What cannot be made to look alike lives here, one function per concern:

- :func:`nocase` — case-insensitive ordering (``COLLATE NOCASE`` / ``lower()``);
- :func:`raw_connection` — a connection with the ``sqlite3`` calling convention (``execute``,
  ``executemany``) for the modules that work below the models.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any, Protocol, cast


class Cursor(Protocol):
    rowcount: int

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Any: ...


class RawConnection(Protocol):
    """What the modules below the models use of a connection (``sqlite3.Connection`` has it)."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Any: ...


def _current(db: Any = None) -> Any:
    if db is None:
        from .models import database

        db = database.obj
    return db


def is_postgres(db: Any = None) -> bool:
    """Whether ``db`` (default: the database the models are bound to) is a team database."""
    return bool(getattr(_current(db), "crm_engine", "sqlite") == "postgresql")


def engine_name(db: Any = None) -> str:
    return "postgresql" if is_postgres(db) else "sqlite"


def nocase(expression: str, db: Any = None) -> str:
    """``expression`` as an ordering key that ignores ASCII case (SQLite's ``NOCASE``)."""
    return f"lower({expression})" if is_postgres(db) else f"{expression} COLLATE NOCASE"


def id_text(column: str, db: Any = None) -> str:
    """An aggregate joining integer ``column`` into one comma-separated text, in the rows' order."""
    return f"string_agg({column}::text, ',')" if is_postgres(db) else f"group_concat({column})"


def raw_connection(db: Any = None) -> sqlite3.Connection:
    """The current thread's connection with the ``sqlite3`` calling convention (SQLite's own
    connection; on a team database a thin wrapper that translates the SQL and offers the same
    ``execute``/``executemany``, typed as ``sqlite3.Connection`` for the modules written against it)."""
    current = _current(db)
    if is_postgres(current):
        return cast("sqlite3.Connection", current.raw_connection())
    return cast("sqlite3.Connection", current.connection())


def placeholders(count: int) -> str:
    return ", ".join("?" * count)
