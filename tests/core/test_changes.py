"""The core announces what each committed write changed (desktop_crm.changes, hooked into write_guard)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest

from desktop_crm import changes
from desktop_crm.changes import Change
from desktop_crm.errors import ValidationError
from desktop_crm.services import clients, followups, users
from desktop_crm.write_guard import write_transaction


@pytest.fixture
def batches(db: object) -> Iterator[list[tuple[Change, ...]]]:
    seen: list[tuple[Change, ...]] = []
    unsubscribe = changes.subscribe(seen.append)
    yield seen
    unsubscribe()


def _by_entity(batch: tuple[Change, ...]) -> dict[tuple[str, str], frozenset[int]]:
    return {(c.entity, c.kind): c.ids for c in batch}


def test_a_committed_write_announces_entity_ids_and_kind(batches: list) -> None:
    client = clients.create_client("Acme")
    assert len(batches) == 1
    assert _by_entity(batches[0])[("client", "insert")] == frozenset({client.id})
    clients.update_client(client.id, name="Acme Ltd")
    assert _by_entity(batches[1])[("client", "update")] == frozenset({client.id})


def test_derived_writes_are_seen_and_derived_tables_are_not(batches: list, clock) -> None:  # noqa: ANN001
    user = users.create_user("Li")
    client = clients.create_client("Acme", owner_id=user.id)
    batches.clear()
    step = followups.add_next_step(client.id, user.id, clock.now() + timedelta(days=1))
    followups.complete_next_step(step.id)
    done = _by_entity(batches[-1])
    assert done == {("next_step", "update"): frozenset({step.id})}
    followups.log_follow_up(client.id, user.id, "call", clock.now(), summary="talked")
    logged = _by_entity(batches[-1])
    # the schema's own trigger moves client.last_contact_at: the client changed too
    assert ("client", "update") in logged and logged[("client", "update")] == frozenset({client.id})
    assert not any(c.entity in changes.DERIVED_TABLES for batch in batches for c in batch)


def test_a_rollback_announces_nothing(batches: list) -> None:
    with pytest.raises(ValidationError):
        clients.create_client("")
    with pytest.raises(RuntimeError), write_transaction():
        clients.create_client("Gone")
        raise RuntimeError("abandon")
    assert batches == []
    assert clients.list_deleted_clients() == []


def test_nested_transactions_publish_once_at_the_outermost_commit(batches: list) -> None:
    with write_transaction():
        a = clients.create_client("A")  # a savepoint of the outer transaction
        assert batches == []
        with pytest.raises(RuntimeError), write_transaction():
            clients.create_client("Rolled back")
            raise RuntimeError("inner only")
        b = clients.create_client("B")
    assert len(batches) == 1
    assert _by_entity(batches[0])[("client", "insert")] == frozenset({a.id, b.id})


def test_a_write_on_another_thread_is_announced_on_that_thread(batches: list) -> None:
    threads: list[int] = []
    changes.subscribe(lambda batch: threads.append(threading.get_ident()))
    worker = threading.Thread(target=lambda: clients.create_client("From the worker"))
    worker.start()
    worker.join()
    assert [c.entity for c in batches[-1]] == ["client"]
    assert threads and threads[-1] == worker.ident


def test_many_rows_are_announced_as_a_coarse_change(batches: list, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(changes, "MAX_IDS", 3)
    with write_transaction():
        for i in range(5):
            clients.create_client(f"C{i}")
    (change,) = [c for c in batches[0] if c.entity == "client"]
    assert change.coarse and change.kind == "insert"


def test_recorded_and_announced_coarse_changes(batches: list) -> None:
    from desktop_crm.engine import raw_connection

    with write_transaction():
        changes.record(raw_connection(), "attachment_file", (), "insert")
    assert batches[-1] == (Change("attachment_file", frozenset(), "insert"),)
    changes.announce()
    assert batches[-1] == (Change(changes.EVERYTHING, frozenset(), "update"),)


def test_a_failing_subscriber_does_not_fail_the_write(batches: list) -> None:
    def broken(batch: tuple[Change, ...]) -> None:
        raise RuntimeError("listener bug")

    unsubscribe = changes.subscribe(broken)
    try:
        client = clients.create_client("Still saved")
    finally:
        unsubscribe()
    assert clients.get_client(client.id).name == "Still saved"
    assert batches


@pytest.mark.sqlite_only  # the demo is written by the SQLite bulk loader; a team database is filled by copy
def test_demo_data_loaded_into_the_open_database_is_announced(db: object, batches: list) -> None:
    from desktop_crm.demo import generate_demo

    generate_demo(db, "small")  # type: ignore[arg-type]
    assert batches[-1] == (Change(changes.EVERYTHING, frozenset(), "update"),)


def test_a_write_outside_the_write_transaction_is_announced_with_the_next_one(batches: list) -> None:
    from desktop_crm.models import Client

    clients.create_client("First")  # the connection's change log exists from here on
    stray = Client.create(name="Autocommitted")  # no write transaction: committed at once
    batches.clear()
    later = clients.create_client("Later")
    assert _by_entity(batches[-1])[("client", "insert")] == frozenset({stray.id, later.id})


# --- commits by other programs ---------------------------------------------------------------------
@pytest.fixture
def watched(batches: list, db_path) -> Iterator[list[tuple[Change, ...]]]:  # noqa: ANN001
    assert changes.announce_outside_writes() is False  # the first call starts watching the file
    assert changes.watching() is not None
    yield batches
    changes.stop_watching_outside_writes()


def _outside_rename(db_path, client_id: int, name: str) -> None:  # noqa: ANN001
    from desktop_crm.driver import sqlite3

    other = sqlite3.connect(db_path)  # another program's connection
    with other:
        other.execute("UPDATE client SET name = ? WHERE id = ?", (name, client_id))
    other.close()


@pytest.mark.sqlite_only  # another program writes the file through sqlite3 (team database: postgres/test_team_listen.py)
def test_a_commit_by_another_program_is_announced_coarsely_once(watched: list, db_path) -> None:  # noqa: ANN001
    client = clients.create_client("Acme")
    watched.clear()
    assert changes.announce_outside_writes() is False  # this process's own commit: announced already
    assert watched == []
    _outside_rename(db_path, client.id, "Acme (renamed elsewhere)")
    assert changes.announce_outside_writes() is True
    assert watched == [(Change(changes.EVERYTHING, frozenset(), "update"),)]
    assert changes.announce_outside_writes() is False  # announced once


def test_commits_of_this_process_on_any_thread_are_not_taken_for_another_programs(
    watched: list,
) -> None:
    def write() -> None:
        clients.create_client("From the worker")

    thread = threading.Thread(target=write)
    thread.start()
    thread.join()
    clients.create_client("From here")
    assert changes.announce_outside_writes() is False
    assert all(c.entity != changes.EVERYTHING for batch in watched for c in batch)


@pytest.mark.sqlite_only  # another program writes the file through sqlite3 (team database: postgres/test_team_listen.py)
def test_another_programs_commit_just_before_one_of_ours_is_still_seen(
    watched: list,
    db_path,  # noqa: ANN001
) -> None:
    client = clients.create_client("Acme")
    _outside_rename(db_path, client.id, "Renamed elsewhere")
    clients.create_client("Beta")  # our commit moves the file's counter as well
    assert changes.announce_outside_writes() is True


@pytest.mark.sqlite_only  # another program writes the file through sqlite3 (team database: postgres/test_team_listen.py)
def test_a_bulk_write_announced_by_hand_is_not_announced_again(watched: list, db_path) -> None:  # noqa: ANN001
    client = clients.create_client("Acme")
    _outside_rename(db_path, client.id, "Loaded in bulk")  # as the demo loader writes, then announces
    changes.announce()
    assert changes.announce_outside_writes() is False
