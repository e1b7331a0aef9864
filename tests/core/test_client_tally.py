"""``client_tally`` (the number of clients alive and in the trash, kept by triggers) stays equal to a count of
the clients through every kind of write, bulk loads, upgrades and the integrity check — on both engines."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from desktop_crm import derived
from desktop_crm.client_list import ClientFilter, ClientQuery
from desktop_crm.db import close_database, open_database
from desktop_crm.driver import sqlite3
from desktop_crm.engine import raw_connection
from desktop_crm.integrity import check_database
from desktop_crm.models import Client, database
from desktop_crm.read.counts import client_count
from desktop_crm.services.clients import create_client, delete_client, restore_client, update_client


def counted() -> tuple[int, int]:
    alive = database.execute_sql("SELECT count(*) FROM client WHERE deleted_at IS NULL").fetchone()[0]
    deleted = database.execute_sql("SELECT count(*) FROM client WHERE deleted_at IS NOT NULL").fetchone()[0]
    return int(alive), int(deleted)


def listed() -> tuple[int, int]:
    return ClientQuery(ClientFilter()).count(), ClientQuery(ClientFilter(trash=True)).count()


def test_the_tally_follows_creates_deletes_restores_and_hard_deletes(db: Any) -> None:
    assert listed() == (0, 0) and client_count() == 0
    made = [create_client(name=f"客户{i}") for i in range(5)]
    assert listed() == counted() == (5, 0)
    delete_client(made[0].id)
    delete_client(made[1].id)
    assert listed() == counted() == (3, 2)
    update_client(made[2].id, name="改名")  # other columns leave it alone
    Client.update(deleted_at=Client.deleted_at).where(Client.id == made[0].id).execute()  # trash to trash
    assert listed() == counted() == (3, 2)
    restore_client(made[0].id)
    assert listed() == counted() == (4, 1) and client_count() == 4
    Client.get_by_id(made[1].id).delete_instance(recursive=True)  # a trashed client removed for good
    Client.get_by_id(made[3].id).delete_instance(recursive=True)  # an alive one
    assert listed() == counted() == (3, 0)
    with database.atomic():  # a client inserted already deleted (an import of the trash, another tool)
        Client.insert(name="已删", deleted_at=Client.created_at.default()).execute()
    assert listed() == counted() == (3, 1)


def test_a_rolled_back_write_takes_its_tally_change_with_it(db: Any) -> None:
    create_client(name="留下")
    with pytest.raises(RuntimeError), database.atomic():
        create_client(name="回滚")
        raise RuntimeError("undo")
    assert listed() == counted() == (1, 0)


def test_random_writes_keep_the_tally_exact(db: Any) -> None:
    rng = random.Random(15)
    alive: list[int] = []
    trashed: list[int] = []
    for step in range(120):
        roll = rng.random()
        if roll < 0.45 or not alive:
            alive.append(create_client(name=f"随机{step}").id)
        elif roll < 0.7:
            moved = alive.pop(rng.randrange(len(alive)))
            delete_client(moved)
            trashed.append(moved)
        elif roll < 0.85 and trashed:
            moved = trashed.pop(rng.randrange(len(trashed)))
            restore_client(moved)
            alive.append(moved)
        else:
            pool = rng.choice([p for p in (alive, trashed) if p])
            Client.delete().where(Client.id == pool.pop(rng.randrange(len(pool)))).execute()
        if step % 10 == 0:
            assert listed() == counted() == (len(alive), len(trashed)), step
    assert listed() == counted() == (len(alive), len(trashed))


def test_a_filtered_count_still_counts_the_matching_clients(db: Any) -> None:
    create_client(name="甲", grade="A")
    create_client(name="乙", grade="B")
    assert ClientQuery(ClientFilter(grades=("A",))).count() == 1


def test_the_integrity_check_reports_a_tally_that_drifted(db: Any) -> None:
    create_client(name="甲")
    assert check_database(db).ok
    with database.atomic():
        database.execute_sql("UPDATE client_tally SET alive = alive + 7")
    report = check_database(db)
    assert any("client count" in p for p in report.problems), report.problems


@pytest.mark.sqlite_only  # bulk_mode drops SQLite's triggers for the file loaders; a team database is filled by copy
def test_bulk_mode_recomputes_the_tally(db: Any) -> None:
    create_client(name="先有")
    conn = database.connection()
    with database.atomic(), derived.bulk_mode(conn):
        rows = [
            {"name": f"批量{i}", "deleted_at": Client.created_at.default() if i % 3 == 0 else None}
            for i in range(30)
        ]
        Client.insert_many(rows).execute()
    assert derived.client_tally(raw_connection()) == counted() == (21, 10)


def test_a_file_of_the_previous_version_gets_its_clients_counted(db_path: Path) -> None:
    open_database(db_path, migrate_to=14)
    try:
        for i in range(4):
            create_client(name=f"旧{i}")
        delete_client(1)
    finally:
        close_database()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'client_tally'").fetchone() is None
    conn.close()
    open_database(db_path)
    try:
        assert listed() == counted() == (3, 1)
        create_client(name="新")
        assert listed() == (4, 1)
    finally:
        close_database()
