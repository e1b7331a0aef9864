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


def test_the_page_builds_its_later_sections_one_per_turn_once_shown(qtbot: QtBot, db: object) -> None:
    """The language, data location and team show at once; the sections below are built after the first
    showing, one per turn of the event loop, in their order, with the filters' polish applied; the page is
    ``loading`` (and ``busy``) until the last one is there."""
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtWidgets import QComboBox

    from desktop_crm.services import custom_fields
    from ui import app_filters
    from ui.pages.settings import LATER_SECTIONS, SettingsPage

    custom_fields.define_custom_field("Size", "text")
    page = SettingsPage()
    qtbot.addWidget(page)
    page.resize(1280, 720)
    assert page.sections_pending == len(LATER_SECTIONS)  # nothing built before it is shown
    suspended: list[list[object]] = []
    real = app_filters.suspended

    def noted(root_of: list[object]) -> object:
        suspended.append(root_of)  # filled with what was built once the block ends
        return real(root_of)  # type: ignore[arg-type]

    app_filters.suspended = noted  # type: ignore[assignment]
    try:
        page.show()
        assert page.loading and page.busy()
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        assert 0 < len(LATER_SECTIONS) - page.sections_pending < len(LATER_SECTIONS)  # not all in one turn
        qtbot.waitUntil(lambda: page.sections_pending == 0)
    finally:
        app_filters.suspended = real  # type: ignore[assignment]
    # each section built with the filters off (another window of the process may build too: not counted)
    assert len([r for r in suspended if r and isinstance(r[0], LATER_SECTIONS)]) == len(LATER_SECTIONS)
    body = page.team.parentWidget()
    built = [w for w in body.children() if isinstance(w, LATER_SECTIONS)]
    assert [type(w) for w in sorted(built, key=lambda w: w.y())] == list(LATER_SECTIONS)
    assert all(w.isVisible() for w in built)
    assert page.custom_fields is not None and page.custom_fields.table.rowCount() == 1  # refreshed
    assert not page.busy()
    assert page.findChildren(QComboBox)  # the sections' controls are there
