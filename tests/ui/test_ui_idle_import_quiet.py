"""matplotlib's idle-time import pauses between its steps while the user opens pages (never inside a step,
where an import lock is held), and not at all once a chart waits for it."""

from __future__ import annotations

import sys
import threading
import time

import pytest

import ui.main_window as main_window
from ui.charts import canvas


@pytest.fixture
def fresh_import(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """``_import_matplotlib`` as if nothing were imported yet; the steps it takes are recorded."""
    taken: list[str] = []
    monkeypatch.setattr(canvas, "_ready", threading.Event())
    monkeypatch.setattr(canvas, "_wanted", threading.Event())
    real = canvas.importlib.import_module

    def noted(name: str, package: str | None = None) -> object:
        if sys._getframe(1).f_globals.get("__name__") == canvas.__name__:  # the import's own steps
            taken.append(name)
        return real(name, package)

    monkeypatch.setattr(canvas.importlib, "import_module", noted)
    monkeypatch.setattr(canvas.gc, "freeze", lambda: None)
    return taken


def test_the_import_calls_its_pause_before_each_step_outside_the_steps(fresh_import: list[str]) -> None:
    events: list[str] = []

    def between() -> None:
        events.append(f"pause before step {len(fresh_import)}")

    canvas._import_matplotlib(between)
    assert fresh_import == list(canvas.IMPORT_STEPS)
    assert events == [f"pause before step {i}" for i in range(len(canvas.IMPORT_STEPS))]
    assert canvas.matplotlib_ready()


def test_a_chart_waiting_ends_the_pauses(fresh_import: list[str]) -> None:
    canvas._wanted.set()  # as preload_matplotlib() from a visible chart does
    calls: list[int] = []
    canvas._import_matplotlib(lambda: calls.append(1))
    assert calls == [] and fresh_import == list(canvas.IMPORT_STEPS)


def test_wait_until_quiet_waits_for_a_quiet_spell_and_no_longer_than_its_cap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(canvas, "_wanted", threading.Event())
    monkeypatch.setattr(main_window, "QUIET_S", 0.15)
    activity = main_window._Activity()
    started = time.monotonic()
    activity.wait_until_quiet()  # nothing opened yet: no wait
    assert time.monotonic() - started < 0.05

    activity.last = time.monotonic()  # a page was just opened
    started = time.monotonic()
    activity.wait_until_quiet()
    assert 0.12 <= time.monotonic() - started < 1.0

    monkeypatch.setattr(main_window, "QUIET_WAIT_MAX_S", activity.waited)  # the cap is used up
    activity.last = time.monotonic()
    started = time.monotonic()
    activity.wait_until_quiet()
    assert time.monotonic() - started < 0.05

    fresh = main_window._Activity()
    fresh.last = time.monotonic()
    canvas._wanted.set()  # a chart waits: no pause
    started = time.monotonic()
    fresh.wait_until_quiet()
    assert time.monotonic() - started < 0.05


def test_opening_a_page_marks_the_activity(qtbot, db: object, db_path) -> None:  # type: ignore[no-untyped-def]
    from ui.pages import PAGE_KEYS

    window = main_window.MainWindow(db_path, "en")
    window.remember_state = False
    qtbot.addWidget(window)
    before = time.monotonic()
    window.show_page(PAGE_KEYS.index("handbook"))
    assert window._activity.last >= before


def test_a_busy_page_marks_the_activity_while_the_import_runs(
    qtbot, db: object, db_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A page still reading or drawing (Clients' first read, say) counts as activity: the import's next
    step waits for it too; the window stops looking once the importing thread has ended."""
    window = main_window.MainWindow(db_path, "en")
    window.remember_state = False
    qtbot.addWidget(window)
    busy = [True]
    monkeypatch.setattr(window, "shown_page_busy", lambda: busy[0])
    done = threading.Event()
    importer = threading.Thread(target=done.wait, daemon=True)
    importer.start()
    window._activity.last = float("-inf")
    window._watch_busy(importer)
    assert window._activity.last > float("-inf")
    busy[0] = False
    qtbot.wait(main_window.BUSY_POLL_MS * 2)
    quiet_since = window._activity.last
    qtbot.wait(main_window.BUSY_POLL_MS * 2)
    assert window._activity.last == quiet_since  # not busy: nothing marked
    busy[0] = True
    qtbot.waitUntil(lambda: window._activity.last > quiet_since, timeout=2_000)
    done.set()
    importer.join()
    qtbot.wait(main_window.BUSY_POLL_MS * 2)
    ended = window._activity.last
    qtbot.wait(main_window.BUSY_POLL_MS * 3)
    assert window._activity.last == ended  # the import over: no more looking


def test_a_repaint_of_the_window_holds_the_pacing_threads(qtbot, db: object, db_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The window's repaint (UpdateRequest) holds the worker and the imports (``pacing.hold``) while
    it runs, and lets them go after, whatever the paint does."""
    from desktop_crm import pacing

    window = main_window.MainWindow(db_path, "en")
    window.remember_state = False
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    holds: list[bool] = []
    monkeypatch.setattr(pacing, "hold", holds.append)
    window.update()
    qtbot.waitUntil(lambda: len(holds) >= 2, timeout=2_000)
    assert holds[:2] == [True, False]
    assert all(h is (i % 2 == 0) for i, h in enumerate(holds))  # each hold released before the next
