"""Cyclic garbage is collected on the GUI thread only (ui.gui_gc): a collection started on a worker thread
destroyed Qt objects there and left their timers registered (a segmentation fault later)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
import weakref
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_crm.gc_pause import gc_paused
from ui.gui_gc import GuiThreadCollector, install_gui_thread_collector


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


def test_the_application_collector_turns_automatic_collection_off(qapp: object) -> None:
    install_gui_thread_collector(qapp)  # type: ignore[arg-type]
    assert not gc.isenabled()


def test_cycles_made_on_another_thread_are_freed_by_the_gui_thread(qtbot: QtBot) -> None:
    collector = GuiThreadCollector(interval_ms=10)
    collector.threshold = (0, 0, 0)  # every tick collects every generation
    refs: list[weakref.ref[Node]] = []
    freed_on: list[str] = []

    def make() -> None:
        for _ in range(2000):  # enough allocations to cross the default thresholds many times
            node = Node()
            weakref.finalize(node, lambda: freed_on.append(threading.current_thread().name))
            refs.append(weakref.ref(node))
            del node

    worker = threading.Thread(target=make, name="worker")
    worker.start()
    worker.join()
    assert not freed_on  # nothing collected on the worker
    qtbot.waitUntil(lambda: all(r() is None for r in refs), timeout=5000)
    assert set(freed_on) == {threading.main_thread().name}
    collector.timer.stop()


def test_no_collection_while_a_bulk_job_pauses_the_collector(qtbot: QtBot) -> None:
    collector = GuiThreadCollector(interval_ms=1000)
    collector.timer.stop()
    collector.threshold = (0, 0, 0)
    node = Node()
    ref = weakref.ref(node)
    del node
    with gc_paused():
        assert collector.collect_due() == 0
        assert ref() is not None
    collector.collect_due()
    assert ref() is None


def _python(code: str, *args: str, **env_vars: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.qpa.*=false", **env_vars)
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_window_process_collects_nothing_before_the_window_takes_over() -> None:
    code = "import gc\nfrom ui.entry import prepare_window_process\nprepare_window_process()\nprint(gc.isenabled())"
    assert _python(code) == "False"


def test_what_the_start_made_is_frozen_and_still_freed_when_dropped() -> None:
    code = (
        "import gc, weakref\n"
        "from ui.gui_gc import freeze_startup\n"
        "class Node:\n"
        "    pass\n"
        "kept = [Node() for _ in range(1000)]\n"
        "dropped = Node()\n"
        "freed = []\n"
        "watch = weakref.ref(dropped, lambda _r: freed.append(1))\n"
        "frozen = freeze_startup()\n"
        "young = gc.get_count()[0]\n"
        "del dropped\n"
        "print(frozen >= 1000, gc.get_freeze_count() >= 1000, young < 100, freed == [1])\n"
    )
    assert _python(code) == "True True True True"


def test_the_application_freezes_the_start_once_the_window_is_painted(tmp_path: Path) -> None:
    """``desktop-crm`` without a command: nothing frozen before the first paint, the start frozen right after
    it (100 ms later: before the pages' idle-time import, which freezes what it imported too)."""
    code = (
        "import gc, os, sys\n"
        "from ui.entry import prepare_window_process\n"
        "prepare_window_process()\n"
        "from PySide6.QtCore import QTimer\n"
        "import ui.app, ui.shell\n"
        "start = ui.shell.Shell.start\n"
        "def report(window):\n"
        "    print(getattr(window, '_painted_once', False), gc.get_freeze_count() > 10000, flush=True)\n"
        "    os._exit(0)\n"
        "def started(self, **kwargs):\n"
        "    window = start(self, **kwargs)\n"
        "    print(gc.get_freeze_count(), flush=True)\n"
        "    window.after_first_paint(lambda: QTimer.singleShot(100, lambda: report(window)))\n"
        "    return window\n"
        "ui.shell.Shell.start = started\n"
        "ui.app.main(['--db', sys.argv[1], '--lang', 'en'])\n"
    )
    db = tmp_path / "crm.sqlite3"
    from desktop_crm.db import close_database, open_database
    from desktop_crm.team import create_first_user

    open_database(db)
    create_first_user("Lin Wei")  # nobody asked for (a dialog would wait)
    close_database()
    settings = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    assert _python(code, str(db), **settings).split() == ["0", "True", "True"]
