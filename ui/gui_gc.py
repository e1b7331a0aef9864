"""Python's cyclic garbage collector runs on the GUI thread only.

The window's process collects nothing before its first paint (``ui.entry.prepare_window_process`` turns the
automatic collector off first thing; 45 small collections, ~5 ms of the start). Once the window is
painted, what the start made (modules, classes, the window) is moved out of the collector's sight
(:func:`freeze_startup`, ``gc.freeze``): it lives as long as the window, and each later collection would
otherwise go through it again (the first one after the start: ~20 ms on the window's thread).

Left automatic, a collection starts in whichever thread happens to allocate when a threshold is crossed:
the database worker, the page-preload thread, matplotlib's import thread. If it then frees a cycle that
holds a Qt object with a running timer (a dialog, a page, a model dropped by Python), the object is
destroyed on the wrong thread: Qt cannot stop the timer there, the timer stays registered and the next
activation calls into freed memory (a segmentation fault in ``QTimerInfoList::activateTimers``).

:class:`GuiThreadCollector` turns the automatic collector off and runs the same generational
collections itself from a timer on the GUI thread, with the same thresholds; while a bulk job has the
collector paused (``desktop_crm.gc_pause``) it waits.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from desktop_crm import gc_pause

INTERVAL_MS = 250


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start()

    def collect_due(self) -> int:
        """Collect the generations whose counts passed their thresholds (as the automatic collector
        would); returns the number of objects found unreachable."""
        if gc_pause.paused():
            return 0
        young, middle, old = gc.get_count()
        found = 0
        if young > self.threshold[0]:
            found += gc.collect(0)
            if middle > self.threshold[1]:
                found += gc.collect(1)
                if old > self.threshold[2]:
                    found += gc.collect(2)
        return found


_collector: GuiThreadCollector | None = None


def freeze_startup() -> int:
    """After the window's first paint (``ui.app.main``): every object alive now goes to the collector's
    permanent generation (still freed by reference counting when dropped; a cycle among them is not
    looked for again). Returns how many objects are frozen."""
    gc.freeze()
    return gc.get_freeze_count()


def install_gui_thread_collector(app: QApplication) -> GuiThreadCollector:
    """Move cyclic collection to ``app``'s thread, once (idempotent)."""
    global _collector
    if _collector is None:
        _collector = GuiThreadCollector(app)
    return _collector
