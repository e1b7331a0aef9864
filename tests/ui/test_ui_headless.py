"""The headless ``--screenshots`` step waits for a page's loading on the worker before the grab, bounded:
the Settings image was taken while the Team section still said "Loading the team…" (issue 13)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_crm import team
from desktop_crm.models import User
from ui import headless
from ui.main_window import MainWindow
from ui.pages import PAGE_KEYS, settings_team
from ui.pages.settings import SettingsPage
from ui.pages.settings_backups import BackupSettingsSection


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The team's reading on the worker waits until the event is set (a slow disk or server)."""
    event = threading.Event()
    original = settings_team.read_team

    def slow(*args: Any, **kwargs: Any) -> Any:
        event.wait(10)
        return original(*args, **kwargs)

    monkeypatch.setattr(settings_team, "read_team", slow)
    yield event
    event.set()


def settings_shown(qtbot: QtBot, db_path: Path) -> SettingsPage:
    team.switch_user(User.create(name="Anna", role="supervisor").id)
    window = MainWindow(db_path, "en")
    window.remember_state = False
    qtbot.addWidget(window)
    window.resize(*headless.SCREENSHOT_SIZE)
    window.show()
    window.show_page(PAGE_KEYS.index("settings"))
    page = window.page("settings")
    assert isinstance(page, SettingsPage)
    return page


def test_the_settings_screenshot_waits_for_the_team(
    qtbot: QtBot, db: object, db_path: Path, gate: threading.Event
) -> None:
    page = settings_shown(qtbot, db_path)
    assert page.team.loading_label.isVisible()
    threading.Timer(0.5, gate.set).start()  # the reading arrives after the first rounds of events
    headless._wait_loaded(QApplication.instance(), page, timeout=30)
    assert page.team.loaded and page.team.loading_label.isHidden()
    assert not page.loading
    assert [page.team.table.item(r, 0).text() for r in range(page.team.table.rowCount())] == [
        "Anna (working now)"
    ]
    backups = page.findChild(BackupSettingsSection)
    assert backups is not None and backups.loaded


def test_the_wait_is_bounded(qtbot: QtBot, db: object, db_path: Path, gate: threading.Event) -> None:
    page = settings_shown(qtbot, db_path)
    started = time.monotonic()
    headless._wait_loaded(QApplication.instance(), page, timeout=0.5)
    assert time.monotonic() - started < 5
    assert page.loading  # still reading: the grab goes ahead all the same
    gate.set()
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)


def test_a_reading_that_failed_ends_the_loading(
    qtbot: QtBot, db: object, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError("disk gone")

    monkeypatch.setattr(settings_team, "read_team", broken)
    page = settings_shown(qtbot, db_path)
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)  # the wait does not run to its bound
    assert not page.team.loaded
    assert page.team.loading_label.text().startswith("The team could not be read")
