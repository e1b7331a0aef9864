"""Backups in the window: File → Backup…, File → Restore from backup…, automatic backups (daily and on
close) and Settings → Backups."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_crm.backup import create_backup, list_backups, read_retention
from desktop_crm.clock import FrozenClock
from desktop_crm.driver import sqlite3
from ui import prompts
from ui.backup_dialogs import RestoreDialog
from ui.main_window import MainWindow
from ui.pages import PAGE_KEYS
from ui.pages.settings_backups import BackupSettingsSection


def make_window(qtbot: QtBot, db_path: Path) -> MainWindow:
    window = MainWindow(db_path, "en")
    qtbot.addWidget(window)
    window.update_status()
    window.show()
    qtbot.waitExposed(window)
    return window


def _names(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM client"))
    finally:
        conn.close()


def test_file_backup_writes_a_checked_copy_to_the_chosen_file(
    qtbot: QtBot, populated_db: object, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, db_path)
    target = tmp_path / "chosen" / "my-backup.sqlite3"
    target.parent.mkdir()
    asked: list[str] = []

    def ask(parent: object, title: str, suggested: str, file_filter: str) -> str:
        asked.append(suggested)
        return str(target)

    monkeypatch.setattr(prompts, "ask_save_path", ask)
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: window.backups.last_result is not None, timeout=10_000)
    assert asked and asked[0].endswith(".sqlite3")
    assert _names(target) == ["Acme GmbH", "上海华东精密机械", "北京中科信息"]
    assert str(target) in window.statusBar().currentMessage()
    assert "checked" in window.statusBar().currentMessage()


def test_restore_replaces_the_database_and_refreshes_the_window(
    qtbot: QtBot, populated_db: object, db_path: Path, modal: object, clock: FrozenClock
) -> None:
    from desktop_crm.services.clients import create_client

    saved = create_backup(db_path)
    create_client("新来的客户")
    clock.advance(minutes=1)
    window = make_window(qtbot, db_path)
    assert window.count_label.text() == "4 clients"
    modal.answers[:] = [QDialog.DialogCode.Accepted.value, QMessageBox.StandardButton.Yes.value]  # type: ignore[attr-defined]
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: "Restore from backup" in modal.titles[2:], timeout=15_000)  # type: ignore[attr-defined]
    kinds = [seen[0] for seen in modal.seen]  # type: ignore[attr-defined]
    assert kinds[:2] == ["RestoreDialog", "QMessageBox"]
    assert "was restored from" in modal.seen[2][2] and str(saved.path) in modal.seen[2][2]  # type: ignore[attr-defined]
    assert window.count_label.text() == "3 clients"
    window.show_page(PAGE_KEYS.index("clients"))
    assert window.page("clients").model.rowCount() == 3
    kept = [i for i in list_backups(db_path) if i.kind == "pre-restore"]
    assert len(kept) == 1 and "新来的客户" in _names(kept[0].path)


def test_restore_refuses_a_file_that_is_not_a_backup(
    qtbot: QtBot,
    populated_db: object,
    db_path: Path,
    tmp_path: Path,
    modal: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(qtbot, db_path)
    junk = tmp_path / "holiday-photos.sqlite3"
    junk.write_bytes(b"\x89PNG" + bytes(4000))
    monkeypatch.setattr(prompts, "ask_open_path", lambda *args: str(junk))

    def answer(dialog: QDialog) -> int:
        if isinstance(dialog, RestoreDialog):
            assert dialog.table.rowCount() == 0 and not dialog.restore_button.isEnabled()
            dialog.other_button.click()  # "Other file…"
            return dialog.result()
        return modal(dialog)  # type: ignore[operator]

    modal.answers[:] = [QMessageBox.StandardButton.Yes.value]  # type: ignore[attr-defined]
    monkeypatch.setattr(prompts, "run_modal", answer)
    before = db_path.read_bytes()
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: "Restore from backup" in modal.titles[1:], timeout=15_000)  # type: ignore[attr-defined]
    assert modal.seen[-1][2] == f"{junk} is not a SQLite database."  # type: ignore[attr-defined]
    assert db_path.read_bytes() == before
    assert window.count_label.text() == "3 clients"


def test_automatic_backup_once_a_day_and_on_close(
    qtbot: QtBot, populated_db: object, db_path: Path, clock: FrozenClock
) -> None:
    clock.set(datetime(2027, 3, 1, 10, 0))
    window = make_window(qtbot, db_path)
    window.backups.automatic = True
    job = window.backups.backup_if_due()
    assert job is not None
    assert list_backups(db_path) == [] and window.backups.progress_bar.isVisible()  # on the worker
    qtbot.waitUntil(lambda: window.backups.daily_job is None, timeout=10_000)
    assert [i.kind for i in list_backups(db_path)] == ["daily"]
    assert "Automatic backup saved" in window.statusBar().currentMessage()
    assert window.backups.backup_if_due() is None  # today's is done
    clock.advance(days=1)
    window.close()  # the closing backup runs on the worker while the window waits
    assert window.isVisible()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert [i.created.date() for i in list_backups(db_path)] == [clock.today(), clock.today().replace(day=1)]


def test_settings_section_shows_the_folder_the_list_and_backs_up_now(
    qtbot: QtBot, populated_db: object, db_path: Path
) -> None:
    window = make_window(qtbot, db_path)
    window.show_page(PAGE_KEYS.index("settings"))
    qtbot.waitUntil(lambda: window.findChild(BackupSettingsSection) is not None)  # built once shown
    section = window.findChild(BackupSettingsSection)
    assert section is not None
    assert section.folder_edit.text() == str(db_path.parent / "backups")
    if not section.loaded:  # read on the worker: it says so, never a false "No backups yet."
        assert section.empty_label.text() == "Loading the backups…"
    qtbot.waitUntil(lambda: section.loaded, timeout=10_000)
    assert section.table.rowCount() == 0 and section.empty_label.isVisible()
    assert section.empty_label.text() == "No backups yet."
    section.backup_button.click()
    qtbot.waitUntil(lambda: section.table.rowCount() == 1, timeout=10_000)
    assert section.table.item(0, 1).text() == "Manual"
    assert section.status_label.text().startswith("Backed up: crm-")
    window.backups.automatic = True
    window.backups.backup_if_due()  # the daily backup appears in the list by itself
    qtbot.waitUntil(lambda: section.table.rowCount() == 2, timeout=10_000)
    assert {section.table.item(row, 1).text() for row in range(2)} == {"Manual", "Daily"}
    window.backups.automatic = False  # the test's window closes without a closing backup
    section.keep_spins["daily"].setValue(3)
    section.keep_spins["monthly"].setValue(0)
    assert section.save()
    assert read_retention(db_path)["daily"] == 3 and read_retention(db_path)["monthly"] == 0
