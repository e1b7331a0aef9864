"""The team database's connection: a peewee ``PostgresqlDatabase`` that runs the product's SQLite-dialect
SQL (:mod:`desktop_crm.postgres.sql`), stores dates as the same ISO text as SQLite and reads numbers the
way SQLite returns them (``SUM`` of integers is an ``int``, ``AVG`` a ``float``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from peewee import PostgresqlDatabase

from .sql import translate


def _register_adapters() -> None:
    import psycopg2.extensions as ext

    def iso_text(value: dt.date | dt.datetime | dt.time) -> Any:
        # The same text Python's sqlite3 stores: "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS[.ffffff]".
        return ext.QuotedString(str(value))

    for kind in (dt.date, dt.datetime, dt.time):
        ext.register_adapter(kind, iso_text)


def _number(value: str | None, _cursor: Any) -> int | float | None:
    """NUMERIC results (``SUM`` of integers, ``AVG``) as SQLite gives them: integral sums as ``int``."""
    if value is None:
        return None
    if "." not in value and "e" not in value.lower():
        return int(value)
    return float(value)


class RawTeamConnection:
    """The ``sqlite3`` calling convention (``execute``/``executemany`` returning a cursor) over the
    team database's connection, translating the SQL."""

    def __init__(self, db: TeamDatabase) -> None:
        self._db = db

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Any:
        return self._db.execute_sql(sql, tuple(parameters))

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Any:
        from psycopg2.extras import execute_batch

        cursor = self._db.cursor()
        rows = [tuple(row) for row in parameters]
        execute_batch(cursor, translate(sql), rows, page_size=500)
        return cursor


class TeamDatabase(PostgresqlDatabase):
    """A PostgreSQL database the models and the raw SQL of the product both use."""

    crm_engine = "postgresql"
    # the team-only additions this database has (``schema.TEAM_REVISIONS``), set when it is opened
    crm_team_revision = 0

    def __init__(self, url: str, **kwargs: Any) -> None:
        _register_adapters()
        self.crm_url = url
        super().__init__(url, **kwargs)

    def _connect(self) -> Any:
        import psycopg2.extensions as ext

        conn = super()._connect()  # type: ignore[misc]
        numeric = ext.new_type((1700,), "CRM_NUMERIC", _number)
        ext.register_type(numeric, conn)
        with conn.cursor() as cursor:
            # JIT compiling costs ~0.1 s per query at this size and gains nothing on the application's reads
            cursor.execute("SET TIME ZONE 'UTC'; SET client_min_messages = warning; SET jit = off")
        return conn

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        """Raw SQL in the product's dialect (see :mod:`desktop_crm.postgres.sql`)."""
        return self._execute_cursor(translate(sql), params)  # type: ignore[attr-defined]

    def execute(self, query: Any, **context_options: Any) -> Any:
        ctx = self.get_sql_context(**context_options)
        sql, params = ctx.sql(query).query()
        return self._execute_cursor(sql, params)  # type: ignore[attr-defined]  # peewee's own SQL  # type: ignore[attr-defined]

    def begin(self, isolation_level: Any = None) -> None:
        # ``atomic("IMMEDIATE")`` (SQLite's write lock at BEGIN) has no meaning here: row locks and
        # the optimistic check on ``updated_at`` guard concurrent writers.
        if isinstance(isolation_level, str) and isolation_level.upper() in (
            "IMMEDIATE",
            "DEFERRED",
            "EXCLUSIVE",
        ):
            isolation_level = None
        super().begin(isolation_level)

    def raw_connection(self) -> RawTeamConnection:
        return RawTeamConnection(self)
