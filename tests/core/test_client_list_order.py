"""The Clients list's order at scale: every sort key gives the documented order (empty values last in both
directions, ties by id), the indexed keys are read from an index without a sort step, and schema 14 (the
indexes and the planner statistics) upgrades a version-13 file keeping its data."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop_crm import client_list
from desktop_crm.client_list import (
    BASE_COLUMNS,
    INDEXED_SORTS,
    ClientFilter,
    ClientQuery,
    column_expr,
    sort_is_indexed,
    where_clause,
)
from desktop_crm.db import close_database, migrate, open_database, schema_version
from desktop_crm.driver import sqlite3
from desktop_crm.engine import is_postgres
from desktop_crm.migrations import LATEST_VERSION
from desktop_crm.models import Client, ClientTag, Contact, Tag, User, database


@pytest.fixture
def many(db: object) -> list[int]:
    users = [User.create(name=n) for n in ("Zoe", "adam", "陈静")]
    tags = [Tag.create(name=n) for n in ("b-tag", "A-tag")]
    ids = []
    for i in range(60):
        client = Client.create(
            name=["beta", "Alpha", "alpha", "Gamma", "杭州"][i % 5],
            short_name=["", "x", "X"][i % 3],
            status=["lead", "customer", "prospect"][i % 3],
            grade="ABC"[i % 3],
            owner=users[i % 4] if i % 4 < 3 else None,
            industry=["", "IT", "it"][i % 3],
            expected_amount_cents=(i % 7) * 100,
            expected_sign_date=date(2026, 1, 1) + timedelta(days=i % 5) if i % 2 else None,
            deleted_at=datetime(2026, 3, 1) + timedelta(hours=i % 6) if i % 10 == 9 else None,
        )
        if i % 3 == 0:
            ClientTag.create(client=client, tag=tags[i % 2])
        if i % 4 == 0:
            Contact.create(client=client, name=f"c{i}")
        ids.append(client.id)
    # last_contact_at is derived from follow-ups by triggers; set it directly for a spread with NULLs.
    for i, cid in enumerate(ids):
        if i % 3:
            database.execute_sql(
                "UPDATE client SET last_contact_at = ? WHERE id = ?",
                (f"2026-02-{1 + i % 9:02d} 10:00:00", cid),
            )
    return ids


def _reference(sort_key: str, descending: bool, trash: bool) -> list[int]:
    """The order computed in Python from the raw values (NOCASE = ASCII case folded)."""
    where, params = where_clause(ClientFilter(trash=trash))
    value = column_expr(sort_key)[1].replace(" COLLATE NOCASE", "")
    rows = database.execute_sql(
        f"SELECT client.id, {value} FROM client LEFT JOIN user AS owner_user ON owner_user.id = client.owner_id"
        f" WHERE {where}",
        params,
    ).fetchall()
    nocase = "NOCASE" in column_expr(sort_key)[1]

    def key(row: tuple[int, Any]) -> tuple[Any, int]:
        v = row[1]
        if nocase and isinstance(v, str):
            v = "".join(ch.lower() if ch.isascii() else ch for ch in v)
        return (v, row[0])

    present = sorted((r for r in rows if r[1] is not None), key=key, reverse=descending)
    empty = sorted((r for r in rows if r[1] is None), key=lambda r: r[0], reverse=descending)
    return [r[0] for r in present + empty]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort_key", sorted(set(BASE_COLUMNS) - {"deleted_at"}))
def test_every_sort_key_orders_empty_values_last_and_ties_by_id(
    many: list[int], sort_key: str, descending: bool
) -> None:
    got = ClientQuery(ClientFilter(), sort_key, descending).ids()
    assert got == _reference(sort_key, descending, trash=False)
    assert len(got) == 54


@pytest.mark.parametrize("descending", [False, True])
def test_the_trash_by_deletion_time(many: list[int], descending: bool) -> None:
    got = ClientQuery(ClientFilter(trash=True), "deleted_at", descending).ids()
    assert got == _reference("deleted_at", descending, trash=True) and len(got) == 6


def _plan(sql: str, params: list[Any]) -> str:
    """The query's plan: SQLite's, or on a team database PostgreSQL's with its sort step named as SQLite
    names one (a tiny table would be read whole and sorted: the check is that an index can serve the
    order, so sequential scans are ruled out for the plan)."""
    if not is_postgres():
        return " | ".join(str(r[-1]) for r in database.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params))
    with database.atomic():
        database.execute_sql("SET LOCAL enable_seqscan = off")
        lines = [str(r[0]) for r in database.execute_sql(f"EXPLAIN {sql}", params)]
    return " | ".join(line.replace("Sort", "TEMP B-TREE") for line in lines)


@pytest.mark.parametrize("sort_key", sorted(INDEXED_SORTS))
def test_indexed_keys_need_no_sort_step(
    many: list[int], sort_key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert sort_is_indexed(sort_key) and not sort_is_indexed("owner") and sort_is_indexed("deleted_at", True)
    seen: list[tuple[str, list[Any]]] = []
    real = client_list._id_list

    def spy(sql: str, params: list[Any]) -> list[int]:
        seen.append((sql, list(params)))
        return real(sql, params)

    monkeypatch.setattr(client_list, "_id_list", spy)
    for descending in (False, True):
        ClientQuery(ClientFilter(), sort_key, descending).ids()
    monkeypatch.undo()
    assert seen
    for sql, params in seen:
        plan = _plan(sql, params)
        assert "TEMP B-TREE" not in plan, (sort_key, plan)
        assert "client_list_" in plan, (sort_key, plan)


def test_unindexed_keys_still_sort_correctly_with_a_filter(many: list[int]) -> None:
    flt = ClientFilter(statuses=("lead",))
    ids = ClientQuery(flt, "owner", True).ids()
    owners = dict(
        database.execute_sql(
            "SELECT c.id, u.name FROM client c LEFT JOIN user u ON u.id = c.owner_id"
        ).fetchall()
    )
    names = [owners[i] for i in ids]
    present = [n for n in names if n is not None]
    assert present == sorted(present, reverse=True) and names[len(present) :] == [None] * (
        len(names) - len(present)
    )


def test_schema_14_upgrades_a_version_13_file(db_path: Path) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    migrate(conn, target=13)
    assert schema_version(conn) == 13
    conn.execute(
        "INSERT INTO client (uuid, created_at, updated_at, name, short_name, status, value_verdict, grade,"
        " expected_amount_cents, owner_id, source, industry, region, phone, address, website, notes)"
        " VALUES ('c-1', '2026-02-01 10:00:00', '2026-02-01 10:00:00', '杭州云帆科技有限公司', '云帆',"
        " 'lead', 'uncertain', 'A', 100, NULL, '', '', '', '138 0000 1111', '', '', '')"
    )
    conn.close()
    db = open_database(db_path)
    try:
        assert schema_version(db.connection()) == LATEST_VERSION >= 14
        indexes = {r[1] for r in db.execute_sql('PRAGMA index_list("client")')}
        assert {"client_list_name", "client_list_last_contact_at", "client_list_status"} <= indexes
        assert Client.get(Client.uuid == "c-1").name == "杭州云帆科技有限公司"
        assert ClientQuery(ClientFilter(search="0000")).ids() == [Client.get(Client.uuid == "c-1").id]
    finally:
        close_database()


def test_closing_refreshes_the_planner_statistics(db_path: Path) -> None:
    db = open_database(db_path)
    rows = [(f"u{i}", "2026-01-01", "2026-01-01", f"n{i}") for i in range(1200)]
    db.connection().executemany(
        "INSERT INTO client (uuid, created_at, updated_at, name, short_name, status, value_verdict, grade,"
        " expected_amount_cents, source, industry, region, phone, address, website, notes)"
        " VALUES (?, ?, ?, ?, '', 'lead', 'uncertain', 'B', 0, '', '', '', '', '', '', '')",
        rows,
    )
    db.execute_sql("SELECT id FROM client WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE").fetchall()
    close_database()
    conn = sqlite3.connect(db_path)
    try:
        stats = dict(conn.execute("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'client'").fetchall())
    finally:
        conn.close()
    assert int(stats["client_list_name"].split()[0]) > 400  # sampled (analysis_limit): an estimate


def _sql_ordered(flt: ClientFilter, query: ClientQuery) -> list[int]:
    where, params = where_clause(flt)
    sql = f"SELECT client.id FROM {query._from()} WHERE {where} ORDER BY {query._order()}"
    return [r[0] for r in database.execute_sql(sql, params)]


@pytest.mark.parametrize("descending", [False, True])
def test_python_sorted_keys_match_the_sql_order(many: list[int], descending: bool) -> None:
    flt = ClientFilter(statuses=("lead", "customer"))
    for key in ("owner", "tags", "contacts"):
        query = ClientQuery(flt, key, descending)
        assert query.ids() == _sql_ordered(flt, query), key


@pytest.mark.sqlite_only  # the reference is SQLite's ORDER BY of one column holding numbers, text and dates
@pytest.mark.parametrize("descending", [False, True])
def test_python_sorted_mixed_custom_values_match_sqlite_order(many: list[int], descending: bool) -> None:
    from desktop_crm.models import CustomFieldDef, CustomFieldValue

    field = CustomFieldDef.create(name="混合", kind="text")
    for i, cid in enumerate(many[:40]):
        if i % 4 == 0:
            CustomFieldValue.create(field=field, client=cid, value_number=(i % 7) * 1.5)
        elif i % 4 == 1:
            CustomFieldValue.create(field=field, client=cid, value_text=["b", "A", "中", "a"][i % 3])
        elif i % 4 == 2:
            CustomFieldValue.create(field=field, client=cid, value_date=date(2026, 1, 1 + i % 3))
    flt = ClientFilter(statuses=("lead", "customer"))
    query = ClientQuery(flt, f"custom:{field.id}", descending)
    assert query.ids() == _sql_ordered(flt, query)
