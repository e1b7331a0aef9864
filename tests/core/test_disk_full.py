"""A full disk: the real cause reaches the user ("the disk is full"), nothing is half-written, work
resumes once there is space again; dumps go through a temporary file."""

from __future__ import annotations

import errno
import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import peewee
import pytest

from desktop_crm.cli import main
from desktop_crm.db import close_database, open_database
from desktop_crm.driver import sqlite3
from desktop_crm.models import Client, database
from desktop_crm.services.clients import bulk_update_clients, create_client
from desktop_crm.services.common import transactional
from desktop_crm.storage_errors import DiskFullError, storage_error

BIG_NOTES = "跟进记录 " * 20_000  # ~100k characters: many pages


def _fill_to_the_limit() -> int:
    """Cap the file at its current size (+2 pages) with SQLite's max_page_count: the disk is "full"."""
    pages = int(database.execute_sql("PRAGMA page_count").fetchone()[0])
    database.execute_sql(f"PRAGMA max_page_count = {pages + 2}")
    return pages


@pytest.mark.sqlite_only  # fills the database file (SQLite's max_page_count); a team database's disk is the server's
def test_a_full_file_says_the_disk_is_full_and_keeps_everything(db: object) -> None:
    kept = create_client(name="杭州云帆科技", notes="第一次拜访")
    _fill_to_the_limit()
    with pytest.raises(DiskFullError) as err:
        create_client(name="宁波远航贸易", notes=BIG_NOTES)
    assert err.value.code == "db.disk_full"
    assert "The disk is full" in str(err.value)
    assert [c.name for c in Client.select()] == ["杭州云帆科技"]  # nothing half-written
    assert Client.get_by_id(kept.id).notes == "第一次拜访"
    database.execute_sql("PRAGMA max_page_count = 1073741823")  # space is freed
    create_client(name="宁波远航贸易", notes=BIG_NOTES)  # work resumes on the same connection
    assert Client.select().count() == 2
    assert database.execute_sql("PRAGMA quick_check").fetchone()[0] == "ok"


@pytest.mark.sqlite_only  # fills the database file (SQLite's max_page_count); a team database's disk is the server's
def test_a_multi_row_change_that_fills_the_disk_changes_no_row(db: object) -> None:
    ids = [create_client(name=f"客户{i}").id for i in range(10)]

    @transactional
    def import_batch() -> None:  # one action writing many rows, as an import does
        bulk_update_clients(ids, grade="A")
        for i in range(40):
            create_client(name=f"新客户{i}", notes="x" * 3000)

    _fill_to_the_limit()
    with pytest.raises(DiskFullError):
        import_batch()
    assert Client.select().count() == 10
    assert Client.select().where(Client.grade == "A").count() == 0
    database.execute_sql("PRAGMA max_page_count = 1073741823")
    import_batch()
    assert Client.select().count() == 50
    assert Client.select().where(Client.grade == "A").count() == 10


def test_the_real_cause_is_found_behind_cannot_rollback() -> None:
    """peewee's failed ROLLBACK after SQLite already rolled back hides the cause in __context__."""
    try:
        try:
            raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.OperationalError:
            raise peewee.OperationalError("cannot rollback - no transaction is active")  # noqa: B904
    except peewee.OperationalError as exc:
        hidden = exc
    wrapped = peewee.OperationalError("cannot rollback - no transaction is active")
    wrapped.__context__ = sqlite3.OperationalError("database or disk is full")
    for exc in (hidden, wrapped):
        error = storage_error(exc, "crm.sqlite3")
        assert isinstance(error, DiskFullError)
        assert error.code == "db.disk_full"
    io = peewee.OperationalError("cannot commit")
    io.__context__ = sqlite3.OperationalError("disk I/O error")
    assert storage_error(io).code == "db.io_error"  # type: ignore[union-attr]
    assert storage_error(ValueError("no")) is None
    assert storage_error(OSError(errno.ENOSPC, "No space left on device")).code == "db.disk_full"  # type: ignore[union-attr]


def test_dump_output_is_replaced_only_when_complete(
    db: object,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    create_client(name="杭州云帆科技")
    source = str(getattr(db, "crm_url", None) or db_path)  # a file or a team database
    target = tmp_path / "dump.json"
    target.write_text("the previous dump\n", encoding="utf-8")
    real_fsync = os.fsync

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("desktop_crm.safe_write.os.fsync", no_space)
    assert main(["--db", source, "dump", "--output", str(target)]) == 2
    err = capsys.readouterr().err
    assert "The disk is full" in err and err.count("\n") == 1
    assert target.read_text(encoding="utf-8") == "the previous dump\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".dump")) == []
    monkeypatch.setattr("desktop_crm.safe_write.os.fsync", real_fsync)
    assert main(["--db", source, "dump", "--output", str(target)]) == 0
    assert "杭州云帆科技" in target.read_text(encoding="utf-8")


# --- a real full disk: a tiny tmpfs (needs root and mount; skipped otherwise) ---------------------


@pytest.fixture
def tiny_tmpfs(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "tmpfs"
    mount_point.mkdir()
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", f"crm-{uuid.uuid4().hex[:8]}", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        close_database()
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)


def _fill_disk(folder: Path) -> Path:
    filler = folder / "filler.bin"
    with open(filler, "wb", buffering=0) as out:  # unbuffered: nothing left to flush at close
        chunk = b"\0" * 16384
        try:
            while True:
                out.write(chunk)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


def test_a_real_full_disk_on_tmpfs(tiny_tmpfs: Path) -> None:
    path = tiny_tmpfs / "crm.sqlite3"
    open_database(path)
    create_client(name="杭州云帆科技", notes="第一次拜访")
    filler = _fill_disk(tiny_tmpfs)
    failures = 0
    for i in range(30):  # until the WAL cannot grow any more
        try:
            create_client(name=f"客户{i}", notes=BIG_NOTES)
        except DiskFullError as exc:
            assert exc.code == "db.disk_full"
            assert "The disk is full" in str(exc)
            failures += 1
            break
    assert failures == 1
    names = {c.name for c in Client.select()}
    assert "杭州云帆科技" in names
    count = len(names)
    filler.unlink()  # space is freed
    create_client(name="宁波远航贸易", notes=BIG_NOTES)
    assert Client.select().count() == count + 1
    assert database.execute_sql("PRAGMA quick_check").fetchone()[0] == "ok"
    close_database()
    reopened = open_database(path)
    assert reopened.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert Client.select().where(Client.name == "宁波远航贸易").count() == 1
