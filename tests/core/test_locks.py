"""Two programs, one file: writers wait for each other (BEGIN IMMEDIATE + the busy timeout); a lock held
too long is a coded, retryable error; nested service calls stay savepoints of one transaction."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_crm import write_guard
from desktop_crm.models import Client, database
from desktop_crm.services.clients import create_client
from desktop_crm.services.common import transactional
from desktop_crm.storage_errors import DatabaseBusyError

HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE setting SET value = value WHERE id = -1")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
conn.close()
"""


def _hold_lock(path: Path, seconds: float) -> subprocess.Popen[str]:
    """Another program: holds the write lock of ``path`` for ``seconds``, then commits."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "locked"
    return proc


# SQLite's write lock, busy timeout and file lock; a team database has row locks (test_team_conflict.py)
pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def holder(db: object, db_path: Path) -> Iterator[list[subprocess.Popen[str]]]:
    procs: list[subprocess.Popen[str]] = []
    yield procs
    for proc in procs:
        proc.kill()
        proc.wait()


def test_a_second_writer_waits_for_the_first_instead_of_failing(
    db_path: Path, holder: list[subprocess.Popen[str]]
) -> None:
    holder.append(_hold_lock(db_path, 1.0))
    started = time.monotonic()
    client = create_client(name="上海启明软件有限公司")
    waited = time.monotonic() - started
    assert 0.5 < waited < 5.0, waited  # it waited for the other program's commit, then wrote
    assert Client.get_by_id(client.id).name == "上海启明软件有限公司"
    assert holder[0].wait(timeout=10) == 0


def test_a_lock_held_beyond_the_timeout_is_a_coded_busy_error_quickly(
    db_path: Path, holder: list[subprocess.Popen[str]]
) -> None:
    database.execute_sql("PRAGMA busy_timeout = 200")
    holder.append(_hold_lock(db_path, 5.0))
    started = time.monotonic()
    with pytest.raises(DatabaseBusyError) as err:
        create_client(name="北京华信")
    assert time.monotonic() - started < 2.0
    assert err.value.code == "db.busy"
    assert "another program is writing" in str(err.value)
    holder[0].kill()
    holder[0].wait()
    assert Client.select().count() == 0  # nothing half-written
    create_client(name="北京华信")  # the lock is gone: the same action now succeeds
    assert Client.select().count() == 1


def test_the_busy_handler_can_retry_the_whole_action(
    db_path: Path, holder: list[subprocess.Popen[str]]
) -> None:
    database.execute_sql("PRAGMA busy_timeout = 100")
    holder.append(_hold_lock(db_path, 30.0))
    asked: list[str] = []

    def handler(error: DatabaseBusyError) -> bool:
        asked.append(error.code)
        holder[0].kill()  # the other program lets go; the user presses Retry
        holder[0].wait()
        return True

    write_guard.set_busy_handler(handler)
    try:
        client = create_client(name="深圳海川")
    finally:
        write_guard.set_busy_handler(None)
    assert asked == ["db.busy"]
    assert Client.get_by_id(client.id).name == "深圳海川"


def test_the_busy_handler_is_not_asked_from_another_thread(
    db_path: Path, holder: list[subprocess.Popen[str]]
) -> None:
    import threading

    database.execute_sql("PRAGMA busy_timeout = 100")
    holder.append(_hold_lock(db_path, 30.0))
    write_guard.set_busy_handler(lambda _error: pytest.fail("asked from a worker thread"))  # type: ignore[arg-type, return-value]
    errors: list[BaseException] = []

    def work() -> None:
        try:
            database.execute_sql("PRAGMA busy_timeout = 100")
            create_client(name="x")
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)
        finally:
            database.close()

    try:
        thread = threading.Thread(target=work)
        thread.start()
        thread.join(30)
    finally:
        write_guard.set_busy_handler(None)
    assert len(errors) == 1 and isinstance(errors[0], DatabaseBusyError)


def test_writes_begin_immediate_and_nested_calls_are_savepoints(db: object) -> None:
    statements: list[str] = []
    conn = database.connection()
    conn.set_trace_callback(statements.append)

    @transactional
    def inner() -> None:
        create_client(name="内层")

    @transactional
    def outer() -> None:
        create_client(name="外层")
        inner()

    try:
        outer()
    finally:
        conn.set_trace_callback(None)
    begins = [s for s in statements if s.upper().startswith("BEGIN")]
    assert begins == ["BEGIN IMMEDIATE"]
    assert sum(s.upper().startswith("SAVEPOINT") for s in statements) >= 2
    assert Client.select().count() == 2


def test_a_failing_nested_call_rolls_back_only_with_the_outer_transaction(db: object) -> None:
    @transactional
    def outer() -> None:
        create_client(name="先写")
        create_client(name="")  # refused: the whole action is rolled back

    with pytest.raises(Exception, match="required"):
        outer()
    assert Client.select().count() == 0


# --- one window per file: the lock file next to the database --------------------------------------

LOCK_HOLDER = """
import sys, time
sys.path.insert(0, sys.argv[2])
from desktop_crm import file_lock
lock = file_lock.acquire(sys.argv[1])
print("held", flush=True)
time.sleep(60)
"""


def test_a_second_window_is_told_the_file_is_open_elsewhere(db_path: Path) -> None:
    from desktop_crm import file_lock

    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(db_path), str(root)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        with pytest.raises(file_lock.LockedElsewhere) as taken:
            file_lock.acquire(db_path)
        assert taken.value.owner.pid == proc.pid
        assert f"process {proc.pid}" in taken.value.owner.describe()
    finally:
        proc.kill()  # a crash: the lock file stays behind, the OS lock goes with the process
        proc.wait()
    assert file_lock.lock_path(db_path).exists()
    lock = file_lock.acquire(db_path)  # the stale lock is taken over
    assert lock is not None and lock.held
    assert file_lock.read_owner(db_path).pid == os.getpid()
    lock.release()
    assert not file_lock.lock_path(db_path).exists()
    again = file_lock.acquire(db_path)
    assert again is not None
    with pytest.raises(file_lock.LockedElsewhere):  # even a second window of the same program
        file_lock.acquire(db_path)
    again.release()


def test_no_lock_where_none_can_be_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_crm import file_lock

    assert file_lock.acquire(":memory:") is None
    assert file_lock.acquire(tmp_path / "missing-folder" / "crm.sqlite3") is None
