"""Team databases for ``--engine postgresql`` runs (see ``tests/conftest.py``).

The server is named by a ``postgresql://user@host:port`` URL; each test process builds one template
database with the schema, and each test gets a fresh clone of it (``CREATE DATABASE ... TEMPLATE``),
dropped afterwards.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager

_counter = itertools.count()


def _admin(server: str):  # type: ignore[no-untyped-def]
    import psycopg2

    conn = psycopg2.connect(server.rstrip("/") + "/postgres")
    conn.autocommit = True
    return conn


def _drop(cursor, name: str) -> None:  # type: ignore[no-untyped-def]
    cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def build_template(server: str, worker_id: str) -> str:
    from desktop_crm.db import close_database, open_database

    name = f"crm_tpl_{worker_id}_{os.getpid()}"
    conn = _admin(server)
    try:
        cursor = conn.cursor()
        _drop(cursor, name)
        cursor.execute(f'CREATE DATABASE "{name}"')
    finally:
        conn.close()
    open_database(f"{server.rstrip('/')}/{name}")
    close_database()
    return name


@contextmanager
def fresh_database(server: str, template: str) -> Iterator[str]:
    name = f"{template.replace('crm_tpl_', 'crm_t_')}_{next(_counter)}"
    conn = _admin(server)
    try:
        cursor = conn.cursor()
        _drop(cursor, name)
        cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        yield f"{server.rstrip('/')}/{name}"
    finally:
        try:
            _drop(conn.cursor(), name)
        finally:
            conn.close()
