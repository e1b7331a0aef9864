"""Cyclic garbage is collected on the GUI thread only (ui.gui_gc): a collection started on a worker thread
destroyed Qt objects there and left their timers registered (a segmentation fault later)."""

from __future__ import annotations

import gc
import threading
import weakref

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
