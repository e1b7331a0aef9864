"""The window and the file: read-only notice, open in another window, busy → Retry, the undo stack in
step with a locked file, a damaged file offered its backup, the integrity check after the window shows."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_crm import file_lock, write_guard
from desktop_crm.db import close_database, open_database
from desktop_crm.models import Client, database
from desktop_crm.services import clients as client_service
from desktop_crm.storage_errors import DatabaseCheckingError
from ui import file_status, prompts
from ui.file_status import FileBanner, FileState, OpenFlow
from ui.main_window import MainWindow
from ui.undo import DeleteClientsCommand, notifier, undo_stack

HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(60)
"""


@pytest.fixture(autouse=True)
def _clean_file_state() -> Iterator[None]:
    undo_stack().clear()
    yield
    undo_stack().clear()
    file_status.uninstall_busy_retry()
    file_status.release_lock()
    file_status._set_state(FileState(), None)
    write_guard.set_write_refusal(None)


def _ours(path: Path, clients: int = 3) -> list[int]:
    open_database(path)
    ids = [client_service.create_client(name=f"客户{i:03d}", notes="备注" * 300).id for i in range(clients)]
    close_database()
    return ids


def _window(qtbot: QtBot, path: Path) -> MainWindow:
    window = MainWindow(path, "en")
    qtbot.addWidget(window)
    file_status.attach(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _banner(window: MainWindow) -> FileBanner:
    banner = window.findChild(FileBanner)
    assert isinstance(banner, FileBanner)
    return banner


@pytest.fixture
def holders() -> Iterator[list[subprocess.Popen[str]]]:
    procs: list[subprocess.Popen[str]] = []
    yield procs
    for proc in procs:
        proc.kill()
        proc.wait()


def _hold_write_lock(path: Path, holders: list[subprocess.Popen[str]]) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True)
    holders.append(proc)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def test_a_read_only_file_opens_with_a_notice_and_changes_are_refused(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, modal: object
) -> None:
    path = tmp_path / "crm.sqlite3"
    ids = _ours(path)
    real = os.access
    monkeypatch.setattr(
        "desktop_crm.open_check.os.access",
        lambda p, mode, *a, **k: (
            False if mode & os.W_OK and Path(p).resolve() == path.resolve() else real(p, mode)
        ),
    )
    assert OpenFlow(None).open(path) == str(path)
    window = _window(qtbot, path)
    banner = _banner(window)
    assert banner.isVisible()
    assert "Read-only: this file or its folder cannot be written" in banner.label.text()
    assert banner.status_label.isVisible() and banner.status_label.text() == "Read-only"
    page = window.page("clients")
    assert not page._push(DeleteClientsCommand([ids[0]], "Delete"), "Cannot delete")  # type: ignore[attr-defined]
    assert modal.seen[-1][2] == "This database is open read-only: changes cannot be saved."  # type: ignore[attr-defined]
    assert undo_stack().count() == 0
    assert Client.get_by_id(ids[0]).deleted_at is None


def test_a_file_open_in_another_window_offers_read_only_or_anyway(
    qtbot: QtBot, db_path: Path, modal: object
) -> None:
    _ours(db_path)
    other = file_lock.acquire(db_path)  # the first window
    assert other is not None
    try:
        modal.answers.append(QMessageBox.StandardButton.Open.value)  # type: ignore[attr-defined]
        assert OpenFlow(None).open(db_path) == str(db_path)
        cls, title, text = modal.seen[0]  # type: ignore[attr-defined]
        assert title == "Open elsewhere"
        assert "is already open in another window" in text and f"process {os.getpid()}" in text
        window = _window(qtbot, db_path)
        assert "this file is open in another window" in _banner(window).label.text()
        with pytest.raises(Exception, match="read-only"):
            client_service.create_client(name="新客户")
        close_database()

        modal.answers.append(QMessageBox.StandardButton.Ignore.value)  # type: ignore[attr-defined]
        assert OpenFlow(None).open(db_path) == str(db_path)
        assert not file_status.state().read_only
        _banner(window).update_text()
        assert "also open in another window" in _banner(window).label.text()
        assert _banner(window).status_label.isHidden()
        client_service.create_client(name="新客户")  # both windows can save

        modal.answers.append(QMessageBox.StandardButton.Cancel.value)  # type: ignore[attr-defined]
        assert OpenFlow(None).open(db_path) is None
    finally:
        other.release()


def test_busy_offers_retry_and_the_action_then_succeeds(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch, holders: list[subprocess.Popen[str]]
) -> None:
    ids = _ours(db_path)
    assert OpenFlow(None).open(db_path) == str(db_path)
    window = _window(qtbot, db_path)
    file_status.install_busy_retry()
    database.execute_sql("PRAGMA busy_timeout = 100")
    holder = _hold_write_lock(db_path, holders)
    asked: list[tuple[str, str, list[str]]] = []

    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, QMessageBox)
        asked.append((dialog.windowTitle(), dialog.text(), [b.text() for b in dialog.buttons()]))
        dialog.deleteLater()
        holder.kill()  # the other program lets go while the user reads the question
        holder.wait()
        return QMessageBox.StandardButton.Retry.value

    monkeypatch.setattr(prompts, "run_modal", answer)
    page = window.page("clients")
    assert page._push(DeleteClientsCommand([ids[1]], "Delete"), "Cannot delete")  # type: ignore[attr-defined]
    assert [a[0] for a in asked] == ["Database busy"]
    assert asked[0][1] == "The database is busy: another program is writing to it; try again in a moment."
    assert sorted(asked[0][2]) == ["Cancel", "Retry"]
    assert Client.get_by_id(ids[1]).deleted_at is not None


def test_the_undo_stack_stays_in_step_when_the_file_is_locked(
    qtbot: QtBot, db_path: Path, modal: object, holders: list[subprocess.Popen[str]]
) -> None:
    ids = _ours(db_path)
    assert OpenFlow(None).open(db_path) == str(db_path)
    window = _window(qtbot, db_path)
    file_status.install_busy_retry()  # the question is answered Cancel (the modal fake's default)
    page = window.page("clients")
    assert page._push(DeleteClientsCommand([ids[0], ids[2]], "Delete 2"), "Cannot delete")  # type: ignore[attr-defined]
    stack = undo_stack()
    assert (stack.count(), stack.index()) == (1, 1)
    failures: list[str] = []
    notifier().sig_failed.connect(failures.append)
    database.execute_sql("PRAGMA busy_timeout = 100")
    holder = _hold_write_lock(db_path, holders)
    window.undo_action.trigger()
    assert failures == ["The database is busy: another program is writing to it; try again in a moment."]
    assert (stack.count(), stack.index()) == (1, 1)  # not moved: the file did not change either
    assert Client.get_by_id(ids[0]).deleted_at is not None and Client.get_by_id(ids[2]).deleted_at is not None
    assert window.undo_action.isEnabled()
    holder.kill()
    holder.wait()
    window.undo_action.trigger()  # try again: now it works, and the stack moves
    assert (stack.count(), stack.index()) == (1, 0)
    assert Client.get_by_id(ids[0]).deleted_at is None and Client.get_by_id(ids[2]).deleted_at is None
    holder = _hold_write_lock(db_path, holders)
    window.redo_action.trigger()
    assert (stack.count(), stack.index()) == (1, 0)
    assert Client.get_by_id(ids[0]).deleted_at is None
    holder.kill()
    holder.wait()
    window.redo_action.trigger()
    assert stack.index() == 1 and Client.get_by_id(ids[0]).deleted_at is not None


def test_a_damaged_file_is_offered_its_latest_backup(db_path: Path, modal: object) -> None:
    from desktop_crm.backup import create_backup

    ids = _ours(db_path)
    create_backup(db_path)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2 + 100])  # truncated
    modal.answers.append(QMessageBox.StandardButton.RestoreDefaults.value)  # type: ignore[attr-defined]
    assert OpenFlow(None).open(db_path) == str(db_path)
    _cls, title, text = modal.seen[0]  # type: ignore[attr-defined]
    assert title == "Cannot open the database"
    assert "is damaged" in text and "The latest backup is from" in text
    assert Client.select().count() == len(ids)


def test_a_damaged_file_without_backups_offers_another_file(
    db_path: Path, tmp_path: Path, modal: object
) -> None:
    db_path.write_bytes(random.Random(1).randbytes(8192))
    before = db_path.read_bytes()
    # Random bytes cannot be told from an encrypted file: its passphrase is asked (the fake cancels)
    assert OpenFlow(None).open(db_path) is None
    assert [cls for cls, _title, _text in modal.seen] == ["PassphraseDialog"]  # type: ignore[attr-defined]
    from ui.encryption_ui import PassphraseDialog

    dialog = PassphraseDialog(None, "open", db_path)
    assert "is not a database file" in dialog.intro_label.text()
    dialog.deleteLater()
    assert db_path.read_bytes() == before


def test_the_check_after_the_window_shows_turns_a_damaged_file_read_only(
    qtbot: QtBot, db_path: Path, modal: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop_crm.db.OPEN_CHECK_LIMIT", 0)  # as for a big file: not checked at open
    _ours(db_path, clients=5)
    from desktop_crm.driver import sqlite3

    conn = sqlite3.connect(db_path)  # damage where neither the open nor the first page reads
    conn.execute("CREATE TABLE archive (id INTEGER PRIMARY KEY, body BLOB)")
    conn.executemany("INSERT INTO archive (body) VALUES (?)", [(b"x" * 2000,) for _ in range(100)])
    conn.commit()
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'archive'").fetchone()[0]
    conn.close()
    page_size = int.from_bytes(db_path.read_bytes()[16:18], "big")
    data = bytearray(db_path.read_bytes())
    data[(root - 1) * page_size : root * page_size] = random.Random(3).randbytes(page_size)
    db_path.write_bytes(bytes(data))
    assert OpenFlow(None).open(db_path) == str(db_path), modal.seen  # type: ignore[attr-defined]
    window = _window(qtbot, db_path)
    thread = file_status.start_integrity_check()
    assert thread is not None
    assert file_status.state().checking or not thread.is_alive()
    qtbot.waitUntil(lambda: not file_status.state().checking, timeout=10_000)
    assert write_guard.write_refusal() == "damaged"
    banner = _banner(window)
    assert "This file is damaged" in banner.label.text() and banner.status_label.text() == "Damaged"
    assert any(title == "The file is damaged" for _c, title, _t in modal.seen)  # type: ignore[attr-defined]
    with pytest.raises(Exception, match="damaged"):
        client_service.create_client(name="不会写入")


def test_writes_wait_for_the_check_and_resume_when_it_passes(qtbot: QtBot, db_path: Path) -> None:
    _ours(db_path)
    assert OpenFlow(None).open(db_path) == str(db_path)
    window = _window(qtbot, db_path)
    write_guard.set_write_refusal("checking")
    file_status.state().checking = True
    _banner(window).update_text()
    assert _banner(window).label.text().startswith("Checking the file for damage")
    with pytest.raises(DatabaseCheckingError):
        client_service.create_client(name="稍后")
    file_status.start_integrity_check()
    qtbot.waitUntil(lambda: not file_status.state().checking, timeout=10_000)
    assert write_guard.write_refusal() is None
    assert _banner(window).isHidden()
    client_service.create_client(name="稍后")


def test_a_background_job_that_fills_the_disk_reports_the_real_cause() -> None:
    import peewee

    from ui.tasks import Job

    def job(_progress: object) -> None:
        try:
            raise peewee.OperationalError("database or disk is full")
        except peewee.OperationalError:
            raise peewee.OperationalError("cannot rollback - no transaction is active")  # noqa: B904

    failures: list[str] = []
    runner = Job(job)  # type: ignore[arg-type]
    runner.sig_failed.connect(failures.append)
    runner.run()
    assert failures == ["The disk is full: the change was not saved; free some space and try again."]


def test_a_new_file_in_a_new_folder_is_locked_once_created(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "crm.sqlite3"
    assert OpenFlow(None).open(path) == str(path)
    assert file_lock.lock_path(path.resolve()).exists()
    with pytest.raises(file_lock.LockedElsewhere):
        file_lock.acquire(path)
