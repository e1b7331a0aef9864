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


def _meta_and_indexes(url: str) -> tuple[dict[str, str], set[str]]:
    import psycopg2

    check = psycopg2.connect(url)
    cursor = check.cursor()
    cursor.execute('SELECT "key", "value" FROM crm_meta')
    meta = {str(k): str(v) for k, v in cursor.fetchall()}
    cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'client_search'")
    indexes = {str(r[0]) for r in cursor.fetchall()}
    check.close()
    return meta, indexes


def test_team_only_additions_reach_an_older_database_when_its_owner_opens_it(server: Any) -> None:
    from desktop_crm.postgres.schema import TEAM_REVISION

    owner, outsider, name = (server.new_name(k) for k in ("role", "role", "db"))
    server.run(f'CREATE ROLE "{owner}" LOGIN')
    server.run(f'CREATE ROLE "{outsider}" LOGIN')
    server.run(f'CREATE DATABASE "{name}" OWNER "{owner}"')
    host = server.url.split("@", 1)[1]
    owner_url, outsider_url = f"postgresql://{owner}@{host}/{name}", f"postgresql://{outsider}@{host}/{name}"
    open_database(owner_url)
    close_database()
    meta, indexes = _meta_and_indexes(owner_url)
    assert meta["team_revision"] == str(TEAM_REVISION)
    assert {"client_search_body_bigrams", "client_search_folded_trgm"} <= indexes
    assert _direct_search_indexes(owner_url) == {"client_search_body_bigrams", "client_search_folded_trgm"}
    # as a database made before the revisions existed: no index, no search columns, no revision recorded
    import psycopg2

    open_database(owner_url)
    try:
        from desktop_crm.services.clients import create_client

        earlier = create_client(name="杭州云帆 Aurora")
    finally:
        close_database()
    old = psycopg2.connect(owner_url)
    old.autocommit = True
    cursor = old.cursor()
    cursor.execute("DROP INDEX client_search_body_bigrams")
    cursor.execute("DROP TRIGGER client_search_sort_name ON client_search")
    cursor.execute("ALTER TABLE client_search DROP COLUMN folded, DROP COLUMN sort_name")
    cursor.execute(
        'CREATE INDEX "client_search_body_trgm" ON "client_search" USING gin ("body" gin_trgm_ops)'
    )
    cursor.execute("DELETE FROM crm_meta WHERE key = 'team_revision'")
    cursor.execute(f'GRANT USAGE ON SCHEMA public TO "{outsider}"')
    cursor.execute(f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{outsider}"')
    cursor.execute(f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "{outsider}"')
    old.close()
    # someone who may use the tables but not change the schema opens it as it is, and can search
    open_database(outsider_url)
    try:
        from desktop_crm.engine import raw_connection
        from desktop_crm.search import search_client_ids
        from desktop_crm.services.clients import create_client

        made = create_client(name="杭州云帆 Borealis")
        assert search_client_ids(raw_connection(), "云帆") == [earlier.id, made.id]
        assert search_client_ids(raw_connection(), "AURORA") == [earlier.id]
    finally:
        close_database()
    meta, indexes = _meta_and_indexes(owner_url)
    assert "team_revision" not in meta and "client_search_body_bigrams" not in indexes
    # the owner's next open adds them, and the names of the rows already there
    open_database(owner_url)
    try:
        assert search_client_ids(raw_connection(), "杭州云帆", 1) == [earlier.id]
        assert search_client_ids(raw_connection(), "云帆 borealis") == [made.id]
    finally:
        close_database()
    meta, indexes = _meta_and_indexes(owner_url)
    assert meta["team_revision"] == str(TEAM_REVISION)
    assert {"client_search_body_bigrams", "client_search_folded_trgm"} <= indexes
    assert "client_search_body_trgm" not in indexes
    assert _direct_search_indexes(owner_url) == {"client_search_body_bigrams", "client_search_folded_trgm"}


def _direct_search_indexes(url: str) -> set[str]:
    """The GIN indexes of the search rows that take writes at once (no pending list to read through)."""
    import psycopg2

    conn = psycopg2.connect(url)
    try:
        cursor = conn.cursor()
        cursor.execute(
            "SELECT c.relname FROM pg_class AS c JOIN pg_index AS i ON i.indexrelid = c.oid "
            "WHERE i.indrelid = 'client_search'::regclass AND 'fastupdate=off' = ANY(c.reloptions)"
        )
        return {str(r[0]) for r in cursor.fetchall()}
    finally:
        conn.close()


def test_bigrams_are_the_lower_cased_two_character_pieces_without_spaces(db: Any) -> None:
    if not is_postgres(db):
        pytest.skip("a team database function")
    rows = db.execute_sql("SELECT crm_bigrams(?), crm_bigrams(?), crm_bigrams(?)", ["王伟 AbA", "x", ""])
    first, single, empty = rows.fetchone()
    assert sorted(first) == ["ab", "ba", "王伟"]
    assert single == [] and empty == []


def test_a_team_database_of_the_previous_version_gets_its_clients_counted(server: Any) -> None:
    from desktop_crm.client_list import ClientFilter, ClientQuery
    from desktop_crm.services.clients import create_client, delete_client

    name = server.new_name("db")
    server.run(f'CREATE DATABASE "{name}"')
    url = f"{server.url}/{name}"
    open_database(url, migrate_to=14)
    try:
        for i in range(4):
            create_client(name=f"旧{i}")
        delete_client(2)
    finally:
        close_database()
    open_database(url)  # version 15: the tally table, its triggers and the clients counted
    try:
        assert ClientQuery(ClientFilter()).count() == 3
        assert ClientQuery(ClientFilter(trash=True)).count() == 1
        create_client(name="新")
        assert ClientQuery(ClientFilter()).count() == 4
    finally:
        close_database()
