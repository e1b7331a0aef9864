"""Opening a team database: the schema belongs to the database's owner, foreign databases are refused,
connection problems are one coded sentence."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from desktop_crm.db import close_database, open_database
from desktop_crm.engine import is_postgres
from desktop_crm.errors import CrmError


@pytest.fixture
def server(db: Any) -> Any:
    if not is_postgres(db):
        pytest.skip("about team databases: runs in the --engine postgresql pass")
    import psycopg2

    base = db.crm_url.rpartition("/")[0]
    close_database()
    admin = psycopg2.connect(base + "/postgres")
    admin.autocommit = True
    made: list[tuple[str, str]] = []

    class Server:
        url = base

        def run(self, sql: str) -> None:
            admin.cursor().execute(sql)

        def new_name(self, kind: str) -> str:
            name = f"t_{kind}_{uuid.uuid4().hex[:8]}"
            made.append((kind, name))
            return name

    yield Server()
    for kind, name in reversed(made):
        what = "DATABASE" if kind == "db" else "ROLE"
        extra = " WITH (FORCE)" if kind == "db" else ""
        admin.cursor().execute(f'DROP {what} IF EXISTS "{name}"{extra}')
    admin.close()


def test_the_first_member_to_connect_creates_tables_the_whole_team_owns(server: Any) -> None:
    owner, alice, bob, name = (server.new_name(k) for k in ("role", "role", "role", "db"))
    server.run(f'CREATE ROLE "{owner}" LOGIN')
    server.run(f'CREATE DATABASE "{name}" OWNER "{owner}"')
    server.run(f'CREATE ROLE "{alice}" LOGIN IN ROLE "{owner}"')
    server.run(f'CREATE ROLE "{bob}" LOGIN IN ROLE "{owner}"')
    host = server.url.split("@", 1)[1]
    open_database(f"postgresql://{alice}@{host}/{name}")
    close_database()
    open_database(f"postgresql://{bob}@{host}/{name}")
    try:
        from desktop_crm.services.clients import create_client

        assert create_client(name="团队客户").id == 1  # bob may write into the tables alice's visit made
    finally:
        close_database()


def test_a_database_with_other_tables_is_refused_untouched(server: Any) -> None:
    name = server.new_name("db")
    server.run(f'CREATE DATABASE "{name}"')
    import psycopg2

    other = psycopg2.connect(f"{server.url}/{name}")
    other.autocommit = True
    other.cursor().execute("CREATE TABLE invoices (id int)")
    other.close()
    with pytest.raises(CrmError) as caught:
        open_database(f"{server.url}/{name}")
    assert caught.value.code == "team.foreign"
    check = psycopg2.connect(f"{server.url}/{name}")
    cursor = check.cursor()
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    assert [r[0] for r in cursor.fetchall()] == ["invoices"]
    check.close()


def test_a_missing_database_and_an_unreachable_server_are_one_sentence(server: Any) -> None:
    with pytest.raises(CrmError) as caught:
        open_database(f"{server.url}/no_such_db_{uuid.uuid4().hex[:6]}")
    assert caught.value.code == "team.no_database"
    with pytest.raises(CrmError) as caught:
        open_database("postgresql://nobody@127.0.0.1:1/crm")
    assert caught.value.code == "team.unreachable"
    assert "password" not in caught.value.message
