"""The GUI-thread benchmark's step driver (``tests/perf/bench_gui.py``) runs on a small database, so it
cannot rot: every step settles, is timed and watched by the heartbeat."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from ui.pages import PAGE_KEYS

BENCH = Path(__file__).resolve().parents[1] / "perf" / "bench_gui.py"


def _bench() -> object:
    spec = importlib.util.spec_from_file_location("bench_gui", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_gui"] = module
    spec.loader.exec_module(module)
    return module


def test_the_step_driver_runs_every_step(qtbot: QtBot, populated_db: object, db_path: Path) -> None:
    bench = _bench()
    samples = bench.Samples.from_db(db_path)  # type: ignore[attr-defined]
    assert samples.chinese and samples.phone and samples.client_id is not None
    window = MainWindow(db_path, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    app = QApplication.instance()
    driver = bench.run_steps(app, window, samples, rounds=1)  # type: ignore[attr-defined]
    kinds = {r.kind for r in driver.results}
    assert {
        "page first visit",
        "page visit",
        "search: English word",
        "search: 2 Chinese characters",
        "search: 3 Chinese characters",
        "search: phone fragment",
        "sort a column",
        "open a client",
        "refresh",
    } <= kinds
    assert [r.name for r in driver.results][: len(PAGE_KEYS)] == [f"first visit: {k}" for k in PAGE_KEYS]
    assert all(r.stall >= 0 and r.wall >= 0 for r in driver.results)
    clients = window.page("clients")
    assert clients.list_view.search_edit.text() == ""
    assert clients.model.rowCount() == 3  # the search was cleared: the whole list again
    floors = bench.raw_floors(db_path, samples, runs=1)  # type: ignore[attr-defined]
    assert set(floors) >= {"sort a column", "open a client", "refresh"}
    bench.report(driver, driver.results[0], 0.005, floors, bench.peak_rss_mb())  # type: ignore[attr-defined]
