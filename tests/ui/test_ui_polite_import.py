"""Background imports pause now and then so the window's thread gets the interpreter lock (ui.polite_import);
the window's idle-time imports run one thread at a time and wait while the page shown is busy; a page is
walked for accessible names and Tab order again only when its widgets changed."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop_crm import pacing
from ui import a11y
from ui.main_window import MainWindow
from ui.pages import PAGE_KEYS
from ui.polite_import import polite_imports
from ui.settings import AppSettings


@pytest.fixture
def fresh_modules(tmp_path: Path) -> list[str]:
    names = [f"polite_probe_{i}" for i in range(6)]
    for name in names:
        (tmp_path / f"{name}.py").write_text("VALUE = 1\n", encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    yield names
    sys.path.remove(str(tmp_path))
    for name in names:
        sys.modules.pop(name, None)


def _import_all(names: list[str]) -> None:
    for name in names:
        __import__(name)


def test_a_background_import_pauses_once_its_slice_is_used(
    fresh_modules: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pauses: list[str] = []
    monkeypatch.setattr(pacing, "SLICE_S", 0.0)  # every module's import finds its slice used up
    monkeypatch.setattr(pacing.time, "sleep", lambda _s: pauses.append(threading.current_thread().name))

    def run() -> None:
        with polite_imports():
            _import_all(fresh_modules[:3])
        _import_all(fresh_modules[3:4])  # outside: imports as usual

    thread = threading.Thread(target=run, name="importer")
    thread.start()
    thread.join()
    assert pauses == ["importer"] * 3
    # The window's own thread never pauses, inside or not.
    with polite_imports():
        _import_all(fresh_modules[4:])
    assert pauses == ["importer"] * 3
    assert all(name in sys.modules for name in fresh_modules)


def test_no_pause_while_the_slice_lasts(fresh_modules: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    pauses: list[float] = []
    monkeypatch.setattr(pacing, "SLICE_S", 60.0)
    monkeypatch.setattr(pacing.time, "sleep", pauses.append)

    def run() -> None:
        with polite_imports():
            _import_all(fresh_modules)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert pauses == []


def test_idle_imports_wait_while_the_page_shown_is_busy(
    qtbot: QtBot, db: object, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[str] = []
    monkeypatch.setattr(
        "ui.main_window.preload_modules", lambda names, done: (started.append("modules"), done.update(names))
    )
    settings = AppSettings()
    settings.last_page = "dashboard"
    window = MainWindow(db_path, "en", settings)
    qtbot.addWidget(window)
    page = window.page("dashboard")
    busy = [True]
    monkeypatch.setattr(page, "busy", lambda: busy[0])
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(1200)  # the idle delay has passed several times over
    assert started == []
    busy[0] = False
    qtbot.waitUntil(lambda: started == ["modules"], timeout=10_000)


def test_a_page_is_walked_again_only_when_its_widgets_changed(
    qtbot: QtBot, db: object, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(db_path, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    walks: list[object] = []
    original = a11y.prepare
    monkeypatch.setattr(a11y, "prepare", lambda root: (walks.append(root), original(root)))
    goals = PAGE_KEYS.index("goals")
    window.show_page(goals)
    page = window.page("goals")
    assert walks.count(page) == 0 and not page.accessibility_prepared()  # walked once it is painted
    qtbot.waitUntil(page.accessibility_prepared)
    assert walks.count(page) == 1
    window.show_page(PAGE_KEYS.index("clients"))
    window.show_page(goals)
    qtbot.wait(50)
    assert walks.count(page) == 1  # nothing added or removed: the first walk holds
    button = QPushButton("✕", page)
    button.setToolTip("Close the panel")
    window.show_page(PAGE_KEYS.index("clients"))
    window.show_page(goals)
    qtbot.waitUntil(page.accessibility_prepared)
    assert walks.count(page) == 2 and button.accessibleName() == "Close the panel"


def test_the_hidden_dashboard_is_prepared_while_the_window_idles(
    qtbot: QtBot, db: object, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(db_path, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.page("dashboard")
    assert not hasattr(page, "_a11y_count")  # built hidden: not walked yet
    qtbot.waitUntil(lambda: not page.warming and hasattr(page, "_a11y_count"), timeout=60_000)
    assert not page.isVisible()
    walks: list[object] = []
    monkeypatch.setattr(a11y, "prepare", walks.append)
    window.show_page(PAGE_KEYS.index("dashboard"))
    qtbot.wait(50)
    assert page.isVisible() and walks == []  # the visit does not walk the page again


def test_the_hidden_dashboards_warm_up_waits_while_the_page_shown_is_busy(
    qtbot: QtBot, db: object, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(db_path, "en")
    qtbot.addWidget(window)
    busy = [True]
    monkeypatch.setattr(window, "shown_page_busy", lambda: busy[0])
    window.show()
    qtbot.waitExposed(window)
    page = window.page("dashboard")  # built hidden while Today (say) still reads
    qtbot.waitUntil(lambda: page._warm_started, timeout=20_000)
    from ui.pages.dashboard.page import matplotlib_ready

    qtbot.waitUntil(matplotlib_ready, timeout=60_000)
    qtbot.wait(300)  # many polls later
    assert len(page._warm_frames) == len(page.frames) and page.warming  # not a canvas built
    busy[0] = False
    qtbot.waitUntil(lambda: not page.warming, timeout=60_000)
    assert not page._warm_frames and not page.isVisible()
