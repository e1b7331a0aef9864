"""Commits by other machines on a team database are announced table by table; this process's own commits
are not announced twice; a lost watch connection never raises and comes back."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from desktop_crm import changes
from desktop_crm.changes import EVERYTHING, Change
from desktop_crm.engine import is_postgres
from desktop_crm.services.clients import create_client, update_client

WAIT_SECONDS = 5.0


@pytest.fixture
def other(db: Any) -> Iterator[Any]:
    """A second session on the same team database: another machine's window."""
    if not is_postgres(db):
        pytest.skip("about team databases: runs in the --engine postgresql pass")
    from desktop_crm.postgres.connect import TeamDatabase

    second = TeamDatabase(db.crm_url, autoconnect=True)
    second.connect()
    yield second
    second.close()


@pytest.fixture
def heard() -> Iterator[list[tuple[Change, ...]]]:
    batches: list[tuple[Change, ...]] = []
    unsubscribe = changes.subscribe(batches.append)
    yield batches
    unsubscribe()
    changes.stop_watching_outside_writes()


def _until(condition: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def _watch_started() -> None:
    """The window's first poll starts the watch; it listens once its connection (on a thread) is up."""
    assert changes.announce_outside_writes() is False
    watch = changes.watching()
    assert watch is not None
    assert _until(lambda: bool(getattr(watch, "connected", False)))


def _commit(other: Any, sql: str, params: tuple[Any, ...] = ()) -> None:
    with other.atomic():
        other.execute_sql(sql, params)


def test_another_session_s_commit_is_announced_with_its_table(
    db: Any, other: Any, heard: list[tuple[Change, ...]]
) -> None:
    client = create_client(name="Acme")
    _watch_started()
    heard.clear()
    _commit(other, "UPDATE client SET notes = ? WHERE id = ?", ("called from the other window", client.id))
    assert _until(changes.announce_outside_writes)
    assert heard == [(Change("client", frozenset(), "update"),)]
    assert changes.announce_outside_writes() is False  # told once


def test_this_process_s_own_commits_are_not_announced_again(
    db: Any, other: Any, heard: list[tuple[Change, ...]]
) -> None:
    client = create_client(name="Acme", tag_names=["vip"])
    _watch_started()
    heard.clear()
    update_client(client.id, notes="mine")  # announced by the write transaction itself, with its id
    assert heard == [(Change("client", frozenset({client.id}), "update"),)]
    heard.clear()
    time.sleep(0.3)  # time for the notification of our own commit to arrive: it is ignored
    assert changes.announce_outside_writes() is False
    assert heard == []
    # the other machine's commit after ours: heard once, as its table only
    _commit(other, "UPDATE tag SET name = name")
    assert _until(changes.announce_outside_writes)
    assert heard == [(Change("tag", frozenset(), "update"),)]


def test_own_and_others_commits_interleaved(db: Any, other: Any) -> None:
    from desktop_crm.postgres.listen import TeamWatch

    client = create_client(name="Acme", tag_names=["vip"])
    watch = TeamWatch(db)
    try:
        update_client(client.id, notes="mine")
        _commit(other, "UPDATE tag SET name = name")
        update_client(client.id, notes="mine again")
        seen: list[str] = []
        assert _until(lambda: bool(seen.extend(watch.changed_tables()) or seen))
        time.sleep(0.2)
        seen.extend(watch.changed_tables())
        assert seen == ["tag"]  # the other session's table, once; ours were ignored
    finally:
        watch.close()


def test_a_lost_connection_answers_nothing_then_reconnects_and_reports_everything(
    db: Any, other: Any
) -> None:
    from desktop_crm.postgres.listen import TeamWatch

    client = create_client(name="Acme", tag_names=["vip"])
    watch = TeamWatch(db, reconnect_seconds=0.05)
    try:
        pid = watch._conn.get_backend_pid()
        other.execute_sql("SELECT pg_terminate_backend(?)", (pid,))
        assert _until(lambda: watch.changed_tables() == () and not watch.connected)
        assert watch.poll() is False  # no exception while away
        assert _until(lambda: watch.changed_tables() == (EVERYTHING,))  # back: anything may have changed
        assert watch.connected
        update_client(client.id, notes="mine")  # our own commits are still told apart
        _commit(other, "UPDATE tag SET name = name")
        found: list[str] = []
        assert _until(lambda: bool(found.extend(watch.changed_tables()) or "tag" in found))
        assert found == ["tag"]
    finally:
        watch.close()


def test_the_window_s_watch_connects_in_the_background_and_reports_nothing_at_first(db: Any) -> None:
    from desktop_crm.postgres.listen import TeamWatch

    if not is_postgres(db):
        pytest.skip("about team databases: runs in the --engine postgresql pass")
    watch = TeamWatch(db, connect_now=False)
    try:
        assert _until(lambda: watch.connected)
        assert watch.changed_tables() == ()  # the first connection is no reconnection: nothing missed
    finally:
        watch.close()
