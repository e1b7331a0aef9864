"""Start-up: only the first page is imported and built before the first paint; the others are imported in
the background when the window is idle and built on their first visit; ``--quit-after-first-paint`` exits 0
after the first paint."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from ui.pages import PAGE_KEYS, PAGES
from ui.settings import AppSettings
from ui.shell import Shell


def test_only_the_remembered_page_is_built(qtbot: QtBot, db: object, db_path: Path) -> None:
    settings = AppSettings()
    settings.last_page = "goals"
    window = MainWindow(db_path, "en", settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert [page.key for page in window.built_pages()] == ["goals"]
    assert window.current_page.key == "goals" and window.stack.currentWidget() is window.page("goals")
    # Every page is listed (sidebar, View menu) without being built.
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [s.title() for s in PAGES]
    assert [a.text() for a in window.page_actions][-1] == "Settings"
    assert window.pages.index(window.page("goals")) == PAGE_KEYS.index("goals") and len(window.pages) == 8
    assert [page.key for page in window.built_pages()] == ["goals"]
    # A visit builds the page in its place and shows it refreshed.
    window.show_page(PAGE_KEYS.index("clients"))
    clients = window.page("clients")
    assert window.stack.currentWidget() is clients and window.stack.indexOf(clients) == PAGE_KEYS.index(
        "clients"
    )
    assert clients.isVisible() and clients.subtitle_label.text().startswith("0 clients")
    assert [page.key for page in window.built_pages()] == ["clients", "goals"]
    # The dashboard's links and the Settings page's language choice are wired when they are built.
    window.page("dashboard").sig_open_goals_requested.emit(0)
    assert window.current_page.key == "goals"
    assert [page.key for page in window.pages] == list(PAGE_KEYS)  # iterating builds every page
    assert window.stack.count() == len(PAGES)


def test_the_shell_imports_the_other_pages_when_idle(
    qtbot: QtBot, db: object, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.main_window as main_window

    monkeypatch.setattr(main_window, "IDLE_PAGE_BUILD_MS", 600_000)  # the dashboard's idle build: below
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    shell = Shell(app, db_path, "en", AppSettings())
    window = shell.start()
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.idle_preload_done, timeout=60_000)
    for spec in PAGES:
        assert spec.module_name in sys.modules
    from ui.main_window import IDLE_PRELOAD_EXTRA

    assert "ui.pages.clients.hub" in IDLE_PRELOAD_EXTRA
    for name in IDLE_PRELOAD_EXTRA:  # the client page, what Today imports on use
        assert name in sys.modules, name
    assert [page.key for page in window.built_pages()] == ["today"]  # built on the first visit only
    window.show_page(PAGE_KEYS.index("weekly"))
    assert [page.key for page in window.built_pages()] == ["today", "weekly"]
    assert window.stack.currentWidget() is window.page("weekly")


def test_quit_after_first_paint_imports_only_the_first_page(db: object, db_path: Path) -> None:
    code = (
        "import sys\n"
        "import ui.app\n"
        "from PySide6.QtWidgets import QApplication\n"
        "ui.app._leave_now = lambda code: QApplication.instance().exit(code)  # report below, then leave\n"
        "from ui.entry import main\n"
        f"code = main(['--db', {str(db_path)!r}, '--lang', 'en', '--quit-after-first-paint'])\n"
        "pages = sorted(m for m in sys.modules if m.startswith('ui.pages.') and m.endswith('.page'))\n"
        "later = ('ui.sync_ui', 'ui.pages.today.dialogs', 'desktop_crm.services.next_steps')\n"
        "sync = [m for m in sys.modules if m in later or m.startswith('desktop_crm.sync')]\n"
        "print(code, ','.join(pages), 'matplotlib' in sys.modules, sync)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["0", "ui.pages.today.page", "False", "[]"]
    assert "desktop_crm.cli" not in out.stdout


def test_the_entry_starts_the_window_only_without_a_command() -> None:
    from ui.entry import starts_window

    for argv in (
        [],
        ["--db", "x.sqlite3"],
        ["--db=x", "--lang", "zh_CN"],
        ["--screenshots", "d", "--self-test"],
    ):
        assert starts_window(argv), argv
    assert starts_window(["--quit-after-first-paint", "--db", "kpi"])  # "kpi" is the file's name here
    for argv in (["kpi"], ["--db", "x", "kpi", "--json"], ["-h"], ["--help"], ["--vers"], ["--db"], ["-"]):
        assert not starts_window(argv), argv


def test_the_dashboard_is_built_hidden_once_the_window_idled(
    qtbot: QtBot, db: object, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.main_window as main_window

    monkeypatch.setattr(main_window, "IDLE_PAGE_BUILD_MS", 300)
    window = MainWindow(db_path, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert [page.key for page in window.built_pages()] == ["today"]
    qtbot.waitUntil(lambda: window.is_built("dashboard"), timeout=30_000)
    dashboard = window.page("dashboard")
    assert window.current_page.key == "today" and not dashboard.isVisible()
    assert [page.key for page in window.built_pages()] == ["today", "dashboard"]  # only the marked page
    qtbot.waitUntil(lambda: not dashboard.warming, timeout=30_000)
    window.show_page(PAGE_KEYS.index("dashboard"))
    assert window.stack.currentWidget() is dashboard and dashboard.isVisible()


def _started_hidden(qtbot: QtBot, db_path: Path) -> MainWindow:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = Shell(app, db_path, "en", AppSettings()).start()
    qtbot.addWidget(window)
    window.hide()  # before any turn of the event loop: not painted
    return window


def test_the_worker_starts_reading_once_the_window_is_painted(
    qtbot: QtBot, db: object, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.shell
    from ui.tasks import default_worker

    monkeypatch.setattr(ui.shell, "WORKER_START_AT_MOST_MS", 60_000)
    window = _started_hidden(qtbot, db_path)
    worker = default_worker()
    ran: list[bool] = []
    worker.submit(lambda _p: ran.append(getattr(window, "_painted_once", False)))
    qtbot.wait(300)
    assert not getattr(window, "_painted_once", False)
    assert ran == [] and worker.busy() and not worker.isRunning()  # queued, not started
    window.show()
    qtbot.waitUntil(lambda: ran == [True], timeout=20_000)  # run once the window was painted
    qtbot.waitUntil(lambda: not worker.busy() and not window.page("today").busy(), timeout=20_000)


def test_the_worker_starts_anyway_when_the_window_is_not_painted(
    qtbot: QtBot, db: object, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.shell
    from ui.tasks import default_worker

    monkeypatch.setattr(ui.shell, "WORKER_START_AT_MOST_MS", 100)
    window = _started_hidden(qtbot, db_path)
    job = default_worker().submit(lambda _p: "read")
    with qtbot.waitSignal(job.sig_finished, timeout=20_000):
        pass
    assert not getattr(window, "_painted_once", False)


def test_the_sync_entries_join_the_file_menu_once_the_window_is_painted(
    qtbot: QtBot, db: object, db_path: Path
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = Shell(app, db_path, "en", AppSettings()).start()
    qtbot.addWidget(window)
    assert window._sync is None  # not made before the first paint
    qtbot.waitUntil(lambda: window._sync is not None, timeout=10_000)
    actions = window._file_menu.actions()
    sync = window.sync.actions
    start = actions.index(sync[0])
    assert actions[start : start + len(sync)] == sync  # together, between two separators, before Import…
    assert actions[start - 1].isSeparator() and actions[start + len(sync)].isSeparator()
    assert actions[start + len(sync) + 1] is window.import_action
    assert window.sync.sync_action.shortcut().toString() == "Ctrl+Shift+Y"
