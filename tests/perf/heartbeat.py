"""The GUI-thread heartbeat the window benchmarks share: a 5 ms precise ``QTimer`` whose longest gap between
two ticks is how long the GUI thread was held (what a user feels as a stall)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from stall_trace import THRESHOLD_S, StallTrace


def as_installed() -> None:
    """Compiled modules written and read as in an installed program (the bundle ships them compiled): with
    ``PYTHONDONTWRITEBYTECODE`` set (the test tools set it) every run would compile the application's
    sources again, on the GUI thread or holding the interpreter lock in a background import, and a stall
    measured would be the compiler's. For this process and the children it starts."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.dont_write_bytecode = False


def as_the_entry_point() -> None:
    """What the ``desktop-crm`` command does before the window's imports (``ui.entry``): PySide6's import
    hook reads a module's source as bytes instead of through ``linecache``, which kept the source of
    every module imported after PySide6 (16 MiB of RSS once matplotlib is imported, and the time to read
    and split them); and it keeps one malloc arena for all threads (``ui.memory``). A benchmark of the
    window does this before importing it, as the application does (``ui.entry.prepare_window_process``)."""
    from ui.entry import prepare_window_process

    prepare_window_process()


class Heartbeat:
    """A 5 ms precise timer on the GUI thread; ``max_gap`` is the longest time between ticks since ``reset``.
    ``checks``: callables run on every tick (e.g. to note when something became visible)."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.max_gap = 0.0
        self.checks: list[Callable[[], None]] = []
        self.trace: StallTrace | None = None
        if os.environ.get("BENCH_STALL_TRACE"):  # where each stall went, on stderr (stall_trace.py)
            self.trace = StallTrace()

    def start(self) -> None:
        self.reset()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.max_gap = 0.0

    def gap(self) -> float:
        """The longest gap so far, counting the one still running."""
        return max(self.max_gap, time.perf_counter() - self.last)

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.trace is not None and now - self.last > THRESHOLD_S:
            self.trace.report(self.last, now)
        self.max_gap = max(self.max_gap, now - self.last)
        self.last = now
        for check in list(self.checks):
            check()
