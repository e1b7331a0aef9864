"""Settings sections that read more than a few rows load on the worker: Settings → Backups opens every copy
in the folder, so it says "Loading the backups…" until the list arrives, never a false "No backups yet"."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_crm.backup import create_backup
from ui.pages.settings_backups import BackupSettingsSection


def test_backups_load_on_the_worker_with_a_loading_state(qtbot: QtBot, db: object, db_path: Path) -> None:
    create_backup(db_path, tag="manual")
    create_backup(db_path, tag="manual")
    section = BackupSettingsSection()
    qtbot.addWidget(section)
    section.refresh()  # the worker has not run yet: the list says it is loading
    assert not section.loaded and section.table.rowCount() == 0
    assert section.empty_label.text() == "Loading the backups…"
    with qtbot.waitSignal(section.sig_loaded, timeout=10_000):
        pass
    assert section.loaded and section.table.rowCount() == 2
    assert section.empty_label.isHidden()
    assert [section.table.item(row, 1).text() for row in range(2)] == ["Manual", "Manual"]


def test_an_empty_folder_says_so_once_read(qtbot: QtBot, db: object) -> None:
    section = BackupSettingsSection()
    qtbot.addWidget(section)
    section.refresh()
    assert section.empty_label.text() == "Loading the backups…"
    qtbot.waitUntil(lambda: section.loaded, timeout=10_000)
    assert section.empty_label.text() == "No backups yet." and section.table.rowCount() == 0


def test_a_late_listing_of_an_older_refresh_is_dropped(qtbot: QtBot, db: object, db_path: Path) -> None:
    section = BackupSettingsSection()
    qtbot.addWidget(section)
    shown: list[int] = []
    section.sig_loaded.connect(lambda: shown.append(section.table.rowCount()))
    section.refresh()
    create_backup(db_path, tag="manual")
    section.refresh()  # the first listing (no backups yet) arrives first and is dropped
    qtbot.waitUntil(lambda: section.loaded, timeout=10_000)
    qtbot.wait(100)
    assert shown == [1] and section.table.rowCount() == 1
