"""What keeps the dashboard quick, checked structurally on the small demo (no timing here; the timings are
in tests/perf/bench_dashboard_ui.py): matplotlib is imported in the background after the first paint,
never before it; the dashboard's data is computed on the worker while the page shows its loading state;
charts are drawn a step per event-loop turn; the drill-down is a virtual table model with a row count."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractTableModel
from PySide6.QtWidgets import QLabel, QTableView
from pytestqt.qtbot import QtBot

from desktop_crm import dashboard
from ui.main_window import MainWindow
from ui.pages import PAGE_KEYS
from ui.pages.dashboard import DashboardPage
from ui.pages.dashboard.drill import DrillDownDialog

TODAY = date(2026, 11, 20)
ROOT = Path(__file__).resolve().parents[2]

# A fresh interpreter (pytest has long imported matplotlib for other tests): the application's window with
# Today as the remembered page, shown; at its first paint, is matplotlib imported? Then wait (while the
# window idles) for the background import and report which thread imported it.
FIRST_PAINT_PROBE = r"""
import json, sys, threading, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication
from ui.settings import APPLICATION_NAME, ORGANIZATION_NAME

app = QApplication([sys.argv[0]])
QCoreApplication.setOrganizationName(ORGANIZATION_NAME)
QCoreApplication.setApplicationName(APPLICATION_NAME)
for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
    QSettings.setPath(fmt, QSettings.Scope.UserScope, sys.argv[2])
from ui.app import create_application, open_database_or_report
from ui.i18n import install_translators
create_application([])
install_translators(app, "en")
assert open_database_or_report(Path(sys.argv[1]), headless=True)
import ui.charts.canvas as canvas
importers = []
original = canvas._import_matplotlib
def noted(*args):
    if not canvas.matplotlib_ready():  # a call once imported does nothing
        importers.append(threading.current_thread() is threading.main_thread())
    original(*args)
canvas._import_matplotlib = noted
seen = {}
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "at_first_paint" not in seen:
            seen["at_first_paint"] = "matplotlib" in sys.modules
        return False
spy = FirstPaint()
app.installEventFilter(spy)
from ui.main_window import MainWindow
window = MainWindow(Path(sys.argv[1]), "en")
window.remember_state = False
window.resize(1280, 720)
window.show()
deadline = time.monotonic() + 60
while not canvas.matplotlib_ready() and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.005)
seen["page"] = window.current_page.key
seen["ready"] = canvas.matplotlib_ready()
seen["imported_on_main_thread"] = importers
from ui.tasks import stop_default_worker
stop_default_worker()
print(json.dumps(seen))
"""


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from desktop_crm.db import close_database
    from desktop_crm.demo import generate_demo

    path = tmp_path_factory.mktemp("dashboard_perf") / "demo.sqlite3"
    generate_demo(path, "small", seed=0, today=TODAY)
    close_database()
    return path


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path, clock: Any) -> Iterator[Path]:
    from desktop_crm.db import close_database, open_database

    clock.set(datetime(2026, 11, 20, 10, 0))
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, path)
    open_database(path)
    yield path
    close_database()


def window_on(qtbot: QtBot, path: Path) -> MainWindow:
    window = MainWindow(path, "en")
    window.remember_state = False
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def wait_drawn(qtbot: QtBot, page: DashboardPage) -> None:
    qtbot.waitUntil(lambda: not page.loading and not page._reload_timer.isActive(), timeout=30_000)
    qtbot.waitUntil(lambda: not page.charts_pending, timeout=30_000)


def test_matplotlib_is_imported_in_the_background_after_the_first_paint(
    demo_template: Path, tmp_path: Path
) -> None:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.qpa.*=false")
    environment["PYTHONPATH"] = os.pathsep.join([str(ROOT), environment.get("PYTHONPATH", "")])
    database = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, database)
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT_PROBE, str(database), str(tmp_path / "settings")],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["page"] == "today"
    assert seen["at_first_paint"] is False  # nothing imported matplotlib before the window was painted
    assert seen["ready"] is True  # ... and it was imported while the window idled
    assert seen["imported_on_main_thread"] == [False]  # by the background preload, once


def test_dashboard_data_is_computed_on_the_worker_while_the_page_says_it_is_loading(
    qtbot: QtBot, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    original = dashboard.refresh

    def recording(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(dashboard, "refresh", recording)
    window = window_on(qtbot, demo)
    page = window.page("dashboard")
    assert isinstance(page, DashboardPage)
    window.show_page(PAGE_KEYS.index("dashboard"))
    # Right after navigation nothing has been computed yet: the page shows that it is loading.
    assert page.loading
    assert page.subtitle_label.text() == "Loading…"
    assert {card.value_label.text() for card in page.cards} == {"…"}
    wait_drawn(qtbot, page)
    assert page.data is not None and page.data.cards
    assert page.signed_card.value_label.text() != "…"
    # A filter change loads again, on the worker too.
    page.granularity_combo.setCurrentIndex(page.granularity_combo.findData("quarter"))
    wait_drawn(qtbot, page)
    assert page.data.request.kind == "quarter"
    assert len(threads) >= 2
    assert all(thread is not threading.main_thread() for thread in threads)


def test_charts_are_drawn_one_step_per_event_loop_turn_and_unchanged_charts_are_left_alone(
    qtbot: QtBot, demo: Path
) -> None:
    window = window_on(qtbot, demo)
    page = window.page("dashboard")
    assert isinstance(page, DashboardPage)
    at_arrival: list[tuple[bool, int]] = []
    page.sig_loaded.connect(lambda: at_arrival.append((page._drawn, len(page._pending))))
    window.show_page(PAGE_KEYS.index("dashboard"))
    qtbot.waitUntil(lambda: bool(at_arrival), timeout=30_000)
    # When the data has arrived no chart has been drawn yet: the cards are filled in that turn, the
    # per-person table in the next (sig_loaded), the charts' steps are planned in the one after and each
    # waits for a later turn of the loop.
    assert at_arrival[0] == (False, 0)
    qtbot.waitUntil(lambda: page._drawn, timeout=5_000)
    steps = list(page._pending)
    assert {step for _frame, step in steps} <= {"build", "draw", "layout", "render"}
    assert {frame for frame, step in steps if step == "render"} == set(page.frames)
    wait_drawn(qtbot, page)
    assert all(frame.chart.canvas is not None and not frame.chart.hold_renders for frame in page.frames)
    # The same data again (a refresh with nothing changed): nothing to redraw.
    page.load()
    qtbot.waitUntil(lambda: not page.loading, timeout=30_000)
    assert page._pending == []


def test_drill_down_is_loaded_on_the_worker_into_a_virtual_table_model_with_a_row_count(
    qtbot: QtBot, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_on(qtbot, demo)
    page = window.page("dashboard")
    assert isinstance(page, DashboardPage)
    window.show_page(PAGE_KEYS.index("dashboard"))
    wait_drawn(qtbot, page)
    threads: list[threading.Thread] = []
    original = dashboard.drill_listing

    def recording(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(dashboard, "drill_listing", recording)
    seen: list[dict[str, Any]] = []

    def inspect(dialog: Any) -> int:
        assert isinstance(dialog, DrillDownDialog)
        model = dialog.view.model()
        index = model.index(0, 1)
        seen.append(
            {
                "view": isinstance(dialog.view, QTableView),
                "model": isinstance(model, QAbstractTableModel),
                "rows": model.rowCount(),
                "pages built when shown": len(model.listing._pages),
                "records": [r.record_id for r in model.listing.rows()],
                "widget per row": dialog.view.indexWidget(index) is not None,
                "labels": [label.text() for label in dialog.findChildren(QLabel)],
            }
        )
        last = model.rowCount() - 1
        dialog.view.doubleClicked.emit(model.index(last, 1))  # a row far down, built on demand
        seen[-1]["opened"] = dialog.chosen_client_id
        return 0

    from ui import prompts

    monkeypatch.setattr(prompts, "run_modal", inspect)
    period = page.data.periods[-1]
    records = dashboard.drill_down("activity_total", period, None)
    expected = len(records)
    assert expected > 20
    page.drill("activity_total", period, None)
    assert page.drilling  # said at once, while the worker lists them
    assert page.subtitle_label.text() == "Listing the records behind Follow-ups in total…"
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    assert not page.drilling and "Listing" not in page.subtitle_label.text()
    shown = seen[0]
    assert shown["view"] and shown["model"] and not shown["widget per row"]
    assert shown["rows"] == expected
    assert shown["records"] == [r.record_id for r in records]  # exactly the records counted, in order
    assert shown["opened"] == records[-1].client_id
    assert shown["pages built when shown"] == 1  # the first page, built on the worker; the rest on demand
    assert f"{expected} records. Double-click one to open its client." in shown["labels"]
    assert len(shown["labels"]) <= 3  # a heading and the count, not a label per record
    assert threads and all(thread is not threading.main_thread() for thread in threads)


def test_a_redraw_measures_the_layout_only_when_labels_or_size_change_and_nothing_leaves_the_figure(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.charts import kpi_charts, style
    from ui.charts.canvas import ChartWidget
    from ui.charts.data import ChartData, Series
    from ui.charts.theme import DARK, LIGHT

    fits: list[int] = []
    original = style.fit_axes

    def counting(ax: Any, renderer: Any, pad: float = 8.0) -> None:
        fits.append(1)
        original(ax, renderer, pad)

    monkeypatch.setattr(style, "fit_axes", counting)
    months = ["25年1月", "25年2月", "25年3月", "25年4月", "25年5月", "25年6月"]

    def chart(scale: float) -> ChartData:
        return ChartData(
            months,
            [
                Series("signed_amount_cents", "签约额", [v * scale for v in (120.0, 80.5, 0, 310, 95, 150)]),
                Series("collected_amount_cents", "回款额", [v * scale for v in (90.0, 60, 45, 100, 0, 70)]),
                Series(
                    "planned_collection_cents", "计划回款", [v * scale for v in (100.0, 70, 50, 90, 80, 95)]
                ),
            ],
            lambda value: f"¥{value:,.0f}",
            empty_text="没有数据",
        )

    widget = ChartWidget()
    qtbot.addWidget(widget)
    widget.resize(640, 300)
    widget.show()
    qtbot.waitExposed(widget)

    def shown(data: ChartData, theme: Any = LIGHT) -> None:
        widget.show_chart(kpi_charts.draw_signed_vs_collected, data, theme, render=False)
        widget.render_now()
        figure, ax = widget.figure, widget.ax
        renderer = widget.canvas.get_renderer()
        tight, frame = ax.get_tightbbox(renderer), figure.bbox
        assert frame.x0 <= tight.x0 and tight.x1 <= frame.x1 + 0.5
        assert frame.y0 <= tight.y0 and tight.y1 <= frame.y1 + 0.5
        legend = ax.get_legend()
        assert legend.get_window_extent(renderer).y0 >= ax.get_window_extent(renderer).y1 - 1

    shown(chart(1_000))
    assert len(fits) == 1
    shown(chart(1_000))  # the same again
    shown(chart(1_000), DARK)  # other colours, same labels
    assert len(fits) == 1
    shown(chart(1_000_000))  # longer numbers on the value axis
    assert len(fits) == 2
    widget.resize(900, 360)
    qtbot.waitUntil(lambda: round(widget.figure.bbox.width) == widget.canvas.width() == 900)
    shown(chart(1_000_000))
    assert len(fits) == 3


def test_a_view_read_while_the_window_idles_is_shown_at_once_unless_something_was_written(
    qtbot: QtBot, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_crm.services.settings import set_setting

    threads: list[threading.Thread] = []
    original = dashboard.refresh

    def recording(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(dashboard, "refresh", recording)
    window = window_on(qtbot, demo)  # on Today
    page = window.page("dashboard")
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(lambda: page._prefetched is not None, timeout=30_000)  # read while idle
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    # ... and its charts' texts rasterised while idle (agg_text's caches), before the visit
    from ui.charts import agg_text

    agg_text.clear_caches()
    page._warm_specs = list(page.texts.charts(page._prefetched[0], page.theme))
    page._warm_texts()
    qtbot.waitUntil(lambda: not page._warm_specs, timeout=30_000)
    rasterised = {key[0] for key in agg_text._bitmaps}
    for spec in page.texts.charts(page._prefetched[0], page.theme):
        shown = [s.label for s in spec.data.series] if len(spec.data.series) > 1 else []
        assert set(shown) <= rasterised, spec.key
    window.show_page(PAGE_KEYS.index("dashboard"))
    # shown in the next turn of the event loop (this one shows the page), nothing read again
    qtbot.waitUntil(lambda: not page.loading and page.data is not None, timeout=1_000)
    assert page.signed_card.value_label.text() != "…"
    wait_drawn(qtbot, page)
    assert len(threads) == 1
    # Read again while idle, then something is written: the visit reads afresh.
    page.data = None
    page._start_warm_up()
    qtbot.waitUntil(lambda: page._prefetched is not None, timeout=30_000)
    set_setting("dashboard.test", 1)
    page.load()
    assert page.loading
    wait_drawn(qtbot, page)
    assert len(threads) == 3
    # ... and a view for another request is not taken either.
    page.data = None
    page._start_warm_up()
    qtbot.waitUntil(lambda: page._prefetched is not None, timeout=30_000)
    page.granularity_combo.setCurrentIndex(page.granularity_combo.findData("quarter"))
    # (the read may finish between two polls, so wait for its result, not for the loading flag)
    qtbot.waitUntil(lambda: page.data is not None and page.data.request.kind == "quarter", timeout=20_000)
    wait_drawn(qtbot, page)
    assert len(threads) == 5
