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

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Protocol, cast

from .driver import sqlite3


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


def table_names(db: Any = None) -> set[str]:
    """The names of the ordinary tables of the database."""
    current = _current(db)
    if is_postgres(current):
        sql = "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
    else:
        sql = "SELECT name FROM sqlite_master WHERE type = 'table'"
    return {str(r[0]) for r in current.execute_sql(sql).fetchall()}


def has_tables(names: Sequence[str], db: Any = None) -> bool:
    """Whether every one of the ordinary tables ``names`` exists (one cheap lookup per name, not a listing)."""
    current = _current(db)
    if not names:
        return True
    if is_postgres(current):
        probes = ", ".join("to_regclass(?) IS NOT NULL" for _ in names)  # by the search path
        return all(current.execute_sql(f"SELECT {probes}", list(names)).fetchone())
    return _sqlite_tables_exist(current.execute_sql, names)


def sqlite_has_tables(conn: sqlite3.Connection, names: Sequence[str]) -> bool:
    """:func:`has_tables` on a raw ``sqlite3`` connection (the bulk jobs' own connections)."""
    return _sqlite_tables_exist(conn.execute, names)


def _sqlite_tables_exist(execute: Callable[..., Any], names: Sequence[str]) -> bool:
    marks = ", ".join("?" for _ in names)
    found = execute(
        f"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ({marks})", list(names)
    ).fetchone()[0]
    return int(found) == len(set(names))


def stored_schema_version(db: Any = None) -> int:
    """The schema version the database is at (SQLite: ``user_version``; team database: ``crm_meta``)."""
    current = _current(db)
    if is_postgres(current):
        row = current.execute_sql("SELECT value FROM crm_meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0
    return int(current.execute_sql("PRAGMA user_version").fetchone()[0])


def stream_rows(
    sql: str, params: Sequence[Any] = (), db: Any = None, batch: int = 5000
) -> tuple[list[str], Iterable[tuple[Any, ...]]]:
    """(column names, rows) of ``sql`` read as a stream: a million rows never sit in memory at once
    (SQLite's cursor streams; on a team database a server-side cursor fetches ``batch`` rows at a time)."""
    current = _current(db)
    if not is_postgres(current):
        cursor = current.connection().execute(sql, list(params))
        return [d[0] for d in cursor.description], cursor
    from .postgres.sql import translate

    cursor = current.connection().cursor(name=f"crm_stream_{id(sql)}_{batch}", withhold=True)
    cursor.itersize = batch
    cursor.execute(translate(sql), tuple(params))
    first = cursor.fetchmany(batch)
    columns = [d[0] for d in cursor.description]

    def rows() -> Iterable[tuple[Any, ...]]:
        try:
            yield from first
            while True:
                chunk = cursor.fetchmany(batch)
                if not chunk:
                    return
                yield from chunk
        finally:
            cursor.close()

    return columns, rows()


def id_chunks(ids: Sequence[int], size: int = 500, db: Any = None) -> Iterator[tuple[str, list[Any]]]:
    """``(test, parameters)`` pairs that together restrict a column to ``ids`` (``f"{column} {test}"``):
    SQLite takes them 500 at a time (``IN (?, ...)``, under its parameter limit); a team database takes
    all of them at once as an array (``= ANY(?)``): each statement there costs a round trip and a plan,
    and 14 chunks of Today's instalments took 0.8 s where one statement takes a quarter of it."""
    if not ids:
        return
    if is_postgres(db):
        yield "= ANY(?)", [list(ids)]
        return
    for start in range(0, len(ids), size):
        chunk = list(ids[start : start + size])
        yield f"IN ({','.join('?' for _ in chunk)})", chunk


def json_array_holds(column: str, count: int = 1, mark: str = "?", db: Any = None) -> str:
    """An SQL condition: the JSON array text in ``column`` holds one of ``count`` strings, given as
    parameters (``mark`` is the placeholder: ``?`` in raw SQL, ``database.param`` inside a peewee query).
    Only string items match (an item ``1`` is not the text ``"1"``), as SQLite's ``json_each`` compares."""
    marks = ", ".join([mark] * count)
    if is_postgres(db):
        return f"jsonb_exists_any(({column})::jsonb, ARRAY[{marks}]::text[])"
    return f"EXISTS (SELECT 1 FROM json_each({column}) WHERE json_each.value IN ({marks}))"


def trigger_statements(create_sql: str, db: Any = None) -> list[str]:
    """The statements creating (or replacing) one trigger written in SQLite's ``CREATE TRIGGER [IF NOT
    EXISTS] name ... BEGIN ... END`` (on a team database: a PL/pgSQL function and its trigger)."""
    if not is_postgres(db):
        return [create_sql]
    from .postgres.schema import replacing_trigger

    return replacing_trigger(create_sql)


def drop_trigger(name: str, table: str, db: Any = None) -> str:
    """The statement dropping trigger ``name`` on ``table`` if it exists."""
    if is_postgres(db):
        return f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"'
    return f'DROP TRIGGER IF EXISTS "{name}"'
