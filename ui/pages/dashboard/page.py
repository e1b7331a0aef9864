"""The owner's dashboard: filters, KPI cards with MoM/YoY, the charts grid, the per-salesperson summary.

All data is loaded on the database worker (``loader.load``) while the page shows a loading state; charts
are drawn one per event-loop turn (those in view first; a chart whose data and colours did not change is
left as it is) so the window never stalls. matplotlib itself is imported on a background thread once the
window has been painted and is idle (``charts.canvas.preload_matplotlib``); charts wait for it, never
import it on the GUI thread. A change of granularity or person reloads at once, a date being typed after
a short pause. ``tests/perf/bench_dashboard_ui.py`` measures all this on the large demo.
"""

from __future__ import annotations

import gc
import logging
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QPoint, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_crm import clock, dashboard, team
from desktop_crm.drill import DrillListing
from desktop_crm.kpi import Period, period_containing

from ... import prompts
from ...a11y import prepare
from ...changes import GOALS, KPI_SOURCES, WEEKLY
from ...charts.canvas import (
    ChartWidget,
    matplotlib_ready,
    preload_matplotlib,
    scratch_figure,
    survey_scratch,
)
from ...charts.theme import ChartTheme, chart_theme
from ...handbook_link import set_kpi_link
from ...inputs import DateEdit
from ...tasks import default_worker, deliver, run_with_progress
from ...widgets import make_table_view, set_column_widths
from ..base import Page
from .cards import CardGrid, KpiCard
from .drill import DrillDownDialog
from .loader import GRANULARITIES, DashboardData, DashboardRequest, data_stamp, load, request_for
from .loader import drill as drill_records
from .specs import ChartSpec, DashboardTexts
from .summary import COLUMNS, SORT_ROLE, USER_ROLE, PersonSummaryModel

log = logging.getLogger(__name__)

TEAM = -1
PRELOAD_DELAY_MS = 600
WARM_TEXT_BUDGET_S = 0.012  # texts rasterised per idle turn
CHART_HEIGHT = 280
TYPING_PAUSE_MS = 250  # a date being typed reloads after this pause
READY_POLL_MS = 15
STEP_PAUSE_MS = 1  # between two steps of drawing the charts (see _draw_next)
PREFETCH_MAX_AGE = timedelta(
    minutes=10
)  # a view read while idle is shown on the first visit if younger  # charts waiting for the background import of matplotlib look again after this


class ChartFrame(QFrame):
    """One chart of the grid: a title linked to its handbook entry over the canvas."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartFrame")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(4)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("chartTitle")
        self.chart = ChartWidget(self)
        # A fixed height: the page settling (titles, the table's height) must not resize the canvas,
        # which would lay out and render the figure again.
        self.chart.setFixedHeight(CHART_HEIGHT)
        layout.addWidget(self.title_label)
        layout.addWidget(self.chart, 1)
        self.spec: ChartSpec | None = None


class DashboardPage(Page):
    key = "dashboard"
    watches = KPI_SOURCES | GOALS | WEEKLY
    reloads = ("load",)

    sig_open_client_requested = Signal(int)
    sig_open_weekly_requested = Signal(int)  # a salesperson's weekly forms
    sig_open_goals_requested = Signal(int)  # a salesperson's goals
    sig_loaded = Signal()
    sig_drilled = Signal(object)  # the DrillDownDialog shown (after it closed)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = DashboardTexts(self)
        self.theme: ChartTheme = chart_theme("light")
        self.data: DashboardData | None = None
        self.loading = False
        self._generation = 0
        self._pending: list[tuple[ChartFrame, str]] = []  # (chart, step) still to do
        self._drawn = False
        self._painted = False
        self._ready_polls = 0
        self._warm_frames: list[ChartFrame] = []
        self._warm_specs: list[ChartSpec] = []
        self._warm_figure: Any = None  # the chart being warmed: its scratch figure, drawn …
        self._warm_survey: Any = None  # … then its texts measured, to rasterise
        self._warm_prepare = False
        self._warm_started = False  # the idle-time warm-up (``_start_warm_up``) has begun
        self._warm_reading = False  # … and its read of the first view is on the worker
        self._prefetched: tuple[DashboardData, DashboardRequest, object, object] | None = None
        self.drilling = False  # records behind a chart point are being listed (on the worker)
        self._build_filters()
        scroll = QScrollArea(self)
        scroll.setObjectName("dashboardScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget(scroll)
        content.setObjectName("dashboardContent")
        scroll.setWidget(content)  # before it is filled: moving the finished page re-parents every widget
        self.content_layout = QVBoxLayout(content)
        self.content_layout.setContentsMargins(0, 0, 8, 0)
        self.content_layout.setSpacing(14)
        self.cards_heading = QLabel(content)
        self.cards_heading.setObjectName("sectionTitle")
        self.content_layout.addWidget(self.cards_heading)
        self.cards = [KpiCard(key, content) for key in dashboard.CARD_KEYS]
        self.card_by_key = {card.key: card for card in self.cards}
        # The names earlier tests and the handbook links know.
        self.signed_card = self.card_by_key["signed_amount_cents"]
        self.collected_card = self.card_by_key["collected_amount_cents"]
        self.card_grid = CardGrid(self.cards, content)
        self.content_layout.addWidget(self.card_grid)
        self.charts_heading = QLabel(content)
        self.charts_heading.setObjectName("sectionTitle")
        self.content_layout.addWidget(self.charts_heading)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.frames: list[ChartFrame] = []
        for index in range(8):
            frame = ChartFrame(content)
            frame.chart.sig_point_clicked.connect(
                lambda key, i, f=frame: self._on_chart_point_clicked(f, key, i)
            )
            grid.addWidget(frame, index // 2, index % 2)
            self.frames.append(frame)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.content_layout.addLayout(grid)
        self.chart = self.frames[0].chart  # signed vs collected
        self.chart_links = [frame.title_label for frame in self.frames]
        self.people_heading = QLabel(content)
        self.people_heading.setObjectName("sectionTitle")
        self.content_layout.addWidget(self.people_heading)
        self.people_hint = QLabel(content)
        self.people_hint.setObjectName("hint")
        self.people_hint.setWordWrap(True)
        self.content_layout.addWidget(self.people_hint)
        self.people_model = PersonSummaryModel(self)
        self.people_proxy = QSortFilterProxyModel(self)
        self.people_proxy.setSourceModel(self.people_model)
        self.people_proxy.setSortRole(SORT_ROLE)
        self.people_view = make_table_view(self.people_proxy, content, stretch_column=len(COLUMNS) - 1)
        self.people_view.setObjectName("peopleTable")
        self.people_view.setSortingEnabled(True)
        self.people_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.people_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.people_view.horizontalHeader().setStretchLastSection(True)
        set_column_widths(self.people_view, [52, 90, 100, 100, 52, 64, 52, 100, 64, 48, 48, 78, 70])
        self.people_view.doubleClicked.connect(self._on_people_view_double_clicked)
        self.people_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.people_view.customContextMenuRequested.connect(self._on_people_view_context_menu)
        self.content_layout.addWidget(self.people_view)
        self.people_export_button = QPushButton(self.tr("Export table…"), content)
        self.people_export_button.setObjectName("peopleExportButton")
        self.people_export_button.clicked.connect(self._on_people_export_button_clicked)
        self.content_layout.addWidget(self.people_export_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.content_layout.addStretch(1)
        self.page_layout.addWidget(scroll, 1)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(TYPING_PAUSE_MS)
        self._reload_timer.timeout.connect(self.load)
        self._retitle()
        QTimer.singleShot(0, self, self._arm_preload)

    def _build_filters(self) -> None:
        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.granularity_combo = QComboBox(self)
        self.granularity_combo.setObjectName("granularityCombo")
        names = {
            "week": self.tr("Week"),
            "month": self.tr("Month"),
            "quarter": self.tr("Quarter"),
            "year": self.tr("Year"),
        }
        for kind in GRANULARITIES:
            self.granularity_combo.addItem(names[kind], kind)
        self.granularity_combo.setCurrentIndex(GRANULARITIES.index("month"))
        self.granularity_combo.currentIndexChanged.connect(self._on_granularity_changed)
        self.from_edit = DateEdit(self)
        self.to_edit = DateEdit(self)
        for edit in (self.from_edit, self.to_edit):
            edit.setMinimumWidth(120)
            edit.dateChanged.connect(self._on_range_changed)
        self.person_combo = QComboBox(self)
        self.person_combo.setObjectName("dashboardPerson")
        self.person_combo.setMinimumWidth(150)
        self.person_combo.currentIndexChanged.connect(self._on_person_changed)
        self.export_button = QPushButton(self.tr("Export review pack…"), self)
        self.export_button.setObjectName("exportReviewPack")
        self.export_button.clicked.connect(self._on_export_clicked)
        for text, widget in (
            (self.tr("Show by"), self.granularity_combo),
            (self.tr("From"), self.from_edit),
            (self.tr("To"), self.to_edit),
            (self.tr("Who"), self.person_combo),
        ):
            label = QLabel(text, self)
            label.setObjectName("hint")
            bar.addWidget(label)
            bar.addWidget(widget)
            bar.addSpacing(6)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        self.page_layout.addLayout(bar)
        self._set_default_range()

    # --- Page ----------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Dashboard")

    def refresh(self) -> None:
        """Reload the people the working user sees, then the data (on the worker)."""
        self._fill_people()
        self.load()

    def _fill_people(self) -> None:
        """The people the working user sees in **Who** (the choice kept when it still exists)."""
        chosen = self.person_combo.currentData()
        viewer = team.current_user_id()
        visible = set(team.visible_user_ids(viewer))
        members = [m for m in team.team_members(active_only=True) if m.id in visible]
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        if len(members) != 1:
            self.person_combo.addItem(self.tr("Whole team"), TEAM)
        for member in members:
            self.person_combo.addItem(member.name, member.id)
        index = self.person_combo.findData(chosen) if chosen is not None else -1
        self.person_combo.setCurrentIndex(max(index, 0))
        self.person_combo.blockSignals(False)

    # --- filters -------------------------------------------------------------------------------
    def kind(self) -> str:
        return str(self.granularity_combo.currentData())

    def person_id(self) -> int | None:
        data = self.person_combo.currentData()
        return None if data in (None, TEAM) else int(data)

    def set_person(self, user_id: int | None) -> None:
        index = self.person_combo.findData(TEAM if user_id is None else user_id)
        if index >= 0:
            self.person_combo.setCurrentIndex(index)

    def set_range(self, kind: str, first: date, last: date) -> None:
        """Show ``kind`` periods from the one holding ``first`` to the one holding ``last`` (cards: the last)."""
        for widget in (self.granularity_combo, self.from_edit, self.to_edit):
            widget.blockSignals(True)
        self.granularity_combo.setCurrentIndex(GRANULARITIES.index(kind))
        self.from_edit.setDate(QDate(first.year, first.month, first.day))
        self.to_edit.setDate(QDate(last.year, last.month, last.day))
        for widget in (self.granularity_combo, self.from_edit, self.to_edit):
            widget.blockSignals(False)
        self._reload_timer.start()

    def _set_default_range(self) -> None:
        """The 12 periods up to the last complete one (a review looks at a finished week or month)."""
        last_complete = period_containing(self.kind(), clock.today()).start - timedelta(days=1)
        start, end = dashboard.default_range(self.kind(), last_complete, 12)
        last = end - timedelta(days=1)
        for edit, day in ((self.from_edit, start), (self.to_edit, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def request(self) -> DashboardRequest:
        first = self.from_edit.date().toPython()
        last = self.to_edit.date().toPython()
        return request_for(
            self.kind(), min(first, last), max(first, last), self.person_id(), team.current_user_id()
        )

    def _reload_soon(self, delay_ms: int) -> None:
        self._reload_timer.setInterval(delay_ms)
        self._reload_timer.start()

    def _on_granularity_changed(self, _index: int) -> None:
        self._set_default_range()
        self._reload_soon(0)

    def _on_people_export_button_clicked(self) -> None:
        from ...exporter import export_table
        from ...exporter.tables import person_summary_table

        columns, rows = person_summary_table(self.people_proxy, self.people_model, COLUMNS)
        export_table(self, self.tr("Export the per-person summary"), "per-person", columns, rows)

    def _on_person_changed(self, _index: int) -> None:
        self._reload_soon(0)

    def _on_range_changed(self, *_args: object) -> None:
        self._reload_soon(TYPING_PAUSE_MS)

    # --- loading -------------------------------------------------------------------------------
    def load(self) -> None:
        self._reload_timer.stop()
        self._generation += 1
        generation = self._generation
        request = self.request()
        prefetched = self._take_prefetched(request)
        if prefetched is not None:
            # Shown in the next turn of the event loop: this one shows the page (its first paint).
            self.loading = True
            QTimer.singleShot(STEP_PAUSE_MS, self, lambda: self._on_loaded(prefetched, generation))
            return
        self.loading = True
        self.export_button.setEnabled(False)
        self.subtitle_label.setText(self.tr("Loading…"))
        for card in self.cards:
            card.set_loading()
        job = default_worker().submit(lambda _progress: load(request))
        deliver(job, self, lambda data: self._on_loaded(data, generation), self._on_load_failed)

    def _on_load_failed(self, message: str) -> None:
        self.loading = False
        self.export_button.setEnabled(True)
        self.subtitle_label.setText(message)

    def _on_loaded(self, data: DashboardData, generation: int) -> None:
        if generation != self._generation:
            return
        self.data = data
        self.export_button.setEnabled(True)
        self._retitle()
        for card in data.cards:
            self.card_by_key[card.key].set_card(card, self.texts)
        # The table in the next turn, the charts from the one after: this one lays out and paints the
        # cards (cards, table and their layout in one turn held the window 40-65 ms on the large data).
        QTimer.singleShot(STEP_PAUSE_MS, self, lambda: self._show_people(data, generation))

    def _show_people(self, data: DashboardData, generation: int) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.people_model.set_rows(data.people)
        self.people_view.setFixedHeight(min(12, max(len(data.people), 1)) * 30 + 60)
        self._drawn = False
        QTimer.singleShot(STEP_PAUSE_MS, self, lambda: self._draw_if_shown(generation))
        self.sig_loaded.emit()

    def _draw_if_shown(self, generation: int) -> None:
        if generation == self._generation and self.isVisible() and not self._drawn:
            self._schedule_draws()

    def _retitle(self) -> None:
        data = self.data
        who = self.person_combo.currentText() or self.tr("Whole team")
        if data is None:
            self.subtitle_label.setText(self.tr("KPI cards, charts and the per-salesperson summary"))
            return
        period = self.texts.period_title(data.request.period)
        self.subtitle_label.setText(
            self.tr(
                "{who} · {period} compared with the previous period (MoM) and a year earlier (YoY)"
            ).format(who=who, period=period)
        )
        self.cards_heading.setText(self.tr("{period} at a glance").format(period=period))
        first, last = data.periods[0], data.periods[-1]
        self.charts_heading.setText(
            self.tr("Trends from {first} to {last}").format(
                first=self.texts.period_label(first), last=self.texts.period_label(last)
            )
        )
        self.people_heading.setText(self.tr("Per salesperson, {period}").format(period=period))
        self.people_hint.setText(
            self.tr(
                "Ranked by signed, then collected amount. “Busy, not converting”: more follow-ups than the "
                "team median while conversion and signed amount are below it. Double-click a person for "
                "their weekly forms; right-click for their goals."
            )
        )

    # --- charts --------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.data is not None and not self._drawn:
            self._schedule_draws()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        self._painted = True  # the window is on screen: matplotlib may now be imported in the background
        super().paintEvent(event)

    def _arm_preload(self) -> None:
        """Once the window is shown (and so painted), import matplotlib in the background, then warm
        up while the window is idle (``_warm_up``)."""
        window = self.window()
        if window.isVisible() and not window.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen):
            QTimer.singleShot(PRELOAD_DELAY_MS, self, self._start_warm_up)
        elif not self._drawn:
            QTimer.singleShot(500, self, self._arm_preload)

    def _start_warm_up(self) -> None:
        self._warm_started = True
        preload_matplotlib(wanted=self.isVisible())  # hidden: the idle-time import's pace is fine
        stamp = data_stamp()
        if self.data is None and not self.loading and stamp is not None:
            # Read what the first visit will show, on the worker, while the window idles. The visit
            # shows it at once if nothing was written since (the file's stamp is the same) and it is
            # recent; otherwise it reads again (and finds the database pages in the cache).
            self._fill_people()  # as the visit will (who is working decides the first view)
            request = self.request()
            read_at = clock.now()

            def read_once(_progress: object) -> DashboardData | None:
                try:
                    return load(request)
                except Exception:  # only a head start: the visit itself reads and reports
                    log.debug("dashboard warm-up read failed", exc_info=True)
                    return None

            self._warm_reading = True
            job = default_worker().submit(read_once)
            deliver(job, self, lambda data: self._keep_prefetched(data, request, stamp, read_at))
        self._warm_frames = list(self.frames)
        QTimer.singleShot(READY_POLL_MS, self, self._warm_up)

    def _keep_prefetched(
        self, data: DashboardData | None, request: DashboardRequest, stamp: object, read_at: object
    ) -> None:
        self._warm_reading = False
        if data is not None and self.data is None:
            self._prefetched = (data, request, stamp, read_at)
            self._warm_specs = list(self.texts.charts(data, self.theme))
            QTimer.singleShot(READY_POLL_MS, self, self._warm_texts)

    def _warm_texts(self) -> None:
        """While the page is hidden: measure and rasterise the texts of each chart of the view read
        ahead on a scratch figure, so that the first visit finds them cached. A step per event-loop turn:
        a chart's drawing, its survey (texts measured, nothing drawn), then its texts rasterised
        ``WARM_TEXT_BUDGET_S`` at a time (a whole first render took up to 65 ms in one go)."""
        if self.isVisible() or not self._warm_specs:
            self._warm_specs = []
            self._warm_figure = self._warm_survey = None
            return
        if not matplotlib_ready() or self._warm_frames or self._window_busy():  # after the canvases
            QTimer.singleShot(READY_POLL_MS * 4, self, self._warm_texts)
            return
        if self._warm_survey is not None:
            if self._warm_survey.rasterise_some(WARM_TEXT_BUDGET_S):
                self._warm_survey = None
                self._warm_specs.pop(0)
        elif self._warm_figure is not None:
            self._warm_survey = survey_scratch(self._warm_figure)
            self._warm_figure = None
        else:
            spec = self._warm_specs[0]
            size = self.frames[0].chart.sizeHint()
            self._warm_figure = scratch_figure(spec.draw, spec.data, self.theme, size)
        QTimer.singleShot(STEP_PAUSE_MS, self, self._warm_texts)

    def _take_prefetched(self, request: DashboardRequest) -> DashboardData | None:
        """The view read while idle, if it is the one asked for, nothing was written since and it is
        recent (used once)."""
        prefetched, self._prefetched = self._prefetched, None
        if prefetched is None:
            return None
        data, asked, stamp, read_at = prefetched
        now = clock.now()
        fresh = (
            isinstance(read_at, datetime)
            and read_at.date() == now.date()  # goal pace and the default range follow the day
            and now - read_at <= PREFETCH_MAX_AGE
        )
        if asked != request or not fresh or stamp != data_stamp():
            return None
        return data

    def _warm_up(self) -> None:
        """While the page is not shown: build the chart canvases (and load the fonts on this thread),
        one per event-loop turn, once matplotlib is imported; the first visit then only draws."""
        if self.isVisible() or not self._warm_frames:
            return  # the page draws (and builds) for itself
        if not matplotlib_ready() or self._window_busy():
            QTimer.singleShot(READY_POLL_MS * 4, self, self._warm_up)
            return
        chart = self._warm_frames[0].chart
        chart.warm_up()
        if chart.canvas is not None:  # else the fonts were loaded in this turn: the canvas in the next
            self._warm_frames.pop(0)
        if not self._warm_frames:
            # Every canvas built: style the hidden page now, and name its controls and order its Tab
            # chain in the next turn (its first showing would otherwise do both, 25 ms, in the turn
            # that shows it).
            self.ensurePolished()
            self._warm_prepare = True
            QTimer.singleShot(STEP_PAUSE_MS, self, self._prepare_hidden)
            return
        QTimer.singleShot(STEP_PAUSE_MS, self, self._warm_up)

    def _window_busy(self) -> bool:
        """The page the window shows is reading or drawing: the hidden warm-up's steps wait for it (each
        is a turn of the window's thread, and the other page's repaints need theirs)."""
        busy = getattr(self.window(), "shown_page_busy", None)
        return bool(busy is not None and busy())

    def _prepare_hidden(self) -> None:
        self._warm_prepare = False
        if not self.isVisible():
            prepare(self)
            # What the warm-up made (canvases, figures, matplotlib's caches) lives as long as the page:
            # kept out of later collections, which would otherwise walk it again on the window's thread.
            gc.freeze()

    @property
    def warming(self) -> bool:
        """Whether the hidden page's idle-time warm-up (canvases, the first view read ahead and its texts,
        the page's styling, accessible names and Tab order) has steps left; a page shown draws itself."""
        if self.isVisible() or self._drawn:
            return False
        pending = self._warm_frames or self._warm_specs or self._warm_prepare or self._warm_reading
        return not self._warm_started or bool(pending)

    def _schedule_draws(self) -> None:
        if self.data is None:
            return
        specs = self.texts.charts(self.data, self.theme)
        for frame, spec in zip(self.frames, specs, strict=True):
            frame.spec = spec
            set_kpi_link(frame.title_label, spec.title, spec.kpi_key)
            frame.chart.file_stem = spec.key
        self._drawn = True
        changed = [
            frame
            for frame in self.frames
            if frame.spec is not None and not frame.chart.shows(frame.spec.draw, frame.spec.data, self.theme)
        ]
        # Those in view first: they are what the user waits for.
        changed.sort(key=lambda frame: frame.chart.visibleRegion().isEmpty())
        steps: list[tuple[ChartFrame, str]] = []
        for frame in changed:
            if frame.chart.canvas is None:
                steps.append((frame, "build"))
            steps.extend((frame, step) for step in ("draw", "layout", "render"))
        self._pending = steps
        QTimer.singleShot(STEP_PAUSE_MS, self, self._draw_next)

    def _draw_next(self) -> None:
        """One step of one chart per turn of the event loop — build its canvas, run its draw function,
        lay it out, render it — so that no turn holds the GUI thread for long.

        Until matplotlib has been imported in the background, wait for it (starting the import when the
        window has been painted, if the idle-time preload has not started it yet)."""
        if not self._pending:
            return
        if not matplotlib_ready():
            self._ready_polls += 1
            if self._painted or self._ready_polls * READY_POLL_MS > 1000:
                preload_matplotlib()
            QTimer.singleShot(READY_POLL_MS, self, self._draw_next)
            return
        frame, step = self._pending.pop(0)
        chart = frame.chart
        if step == "build":
            chart.ensure_canvas()
        elif step == "draw" and frame.spec is not None:
            chart.show_chart(frame.spec.draw, frame.spec.data, self.theme, render=False)
        elif step == "layout":
            chart.apply_layout()
        elif step == "render":
            chart.render_now()
        if self._pending:
            # A 1 ms timer, not 0: a zero timer is a posted call that runs in the same pass of the event
            # loop as the step that posted it (steps ran back to back, unpainted, with no input read
            # in between); a real timer lets the loop paint, read input and run other timers first.
            QTimer.singleShot(STEP_PAUSE_MS, self, self._draw_next)

    def busy(self) -> bool:
        return self.loading or self.charts_pending

    @property
    def charts_pending(self) -> bool:
        return bool(self._pending) or (self.data is not None and not self._drawn)

    def set_theme(self, name: str) -> None:
        """Redraw the charts in the colours of theme ``name``."""
        self.theme = chart_theme(name)
        for frame in self.frames:
            frame.chart.theme = self.theme
        if self._drawn:
            self._schedule_draws()

    # --- drill-down ----------------------------------------------------------------------------
    def _on_chart_point_clicked(self, frame: ChartFrame, series_key: str, index: int) -> None:
        data = self.data
        if data is None or frame.spec is None:
            return
        if series_key == "goal_completion":
            shown = [a for a in data.attainment if a.completion is not None]
            if 0 <= index < len(shown):
                self.sig_open_goals_requested.emit(shown[index].user_id)
            return
        if series_key == "pipeline":
            return
        user_id = data.request.user_id
        if series_key.startswith("behaviour_score@"):
            user_id = int(series_key.partition("@")[2])
            months = sorted({score.month_start for score in data.behaviour})
            start = months[index]
            end = date(start.year + start.month // 12, start.month % 12 + 1, 1)
            self.drill(series_key.partition("@")[0], Period(start, end, "month"), user_id)
            return
        self.drill(series_key, data.periods[index], user_id)

    def drill(self, key: str, period: Period, user_id: int | None) -> None:
        """List the records behind ``key`` for ``period`` (loaded on the worker, then shown)."""
        from ..weekly.kpi_names import kpi_name

        who = (
            self.person_combo.itemText(self.person_combo.findData(user_id))
            if user_id
            else self.tr("Whole team")
        )
        title = self.tr("{kpi}, {period}, {who}").format(
            kpi=kpi_name(key), period=self.texts.period_title(period), who=who
        )
        # A month of the whole team's follow-ups is many thousand records: say that they are coming.
        self.drilling = True
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.subtitle_label.setText(self.tr("Listing the records behind {kpi}…").format(kpi=kpi_name(key)))
        job = default_worker().submit(lambda _progress: drill_records(key, period, user_id))
        deliver(job, self, lambda listing: self._show_drill(title, listing), self._on_drill_failed)

    def _drill_done(self) -> None:
        self.drilling = False
        self.unsetCursor()
        self._retitle()

    def _on_drill_failed(self, message: str) -> None:
        self._drill_done()
        prompts.show_error(self, self.tr("Dashboard"), message)

    def _show_drill(self, title: str, listing: DrillListing) -> None:
        self._drill_done()
        dialog = DrillDownDialog(title, listing, self)
        prompts.run_modal(dialog)
        self.sig_drilled.emit(dialog)
        if dialog.chosen_client_id is not None:
            self.sig_open_client_requested.emit(dialog.chosen_client_id)

    # --- people --------------------------------------------------------------------------------
    def _user_at(self, row: int) -> int:
        return int(self.people_proxy.index(row, 0).data(USER_ROLE))

    def _on_people_view_double_clicked(self, index: Any) -> None:
        self.sig_open_weekly_requested.emit(self._user_at(index.row()))

    def _on_people_view_context_menu(self, position: QPoint) -> None:
        index = self.people_view.indexAt(position)
        if not index.isValid():
            return
        user_id = self._user_at(index.row())
        menu = QMenu(self)
        menu.addAction(self.tr("Open weekly forms"), lambda: self.sig_open_weekly_requested.emit(user_id))
        menu.addAction(self.tr("Open goals"), lambda: self.sig_open_goals_requested.emit(user_id))
        menu.popup(self.people_view.viewport().mapToGlobal(position))

    # --- review pack ---------------------------------------------------------------------------
    def _on_export_clicked(self) -> None:
        self.export_review_pack()

    def export_review_pack(self) -> Any:
        """Ask where, then write the review pack PDF on the worker (with a progress dialog)."""
        from .review_pack import write_review_pack

        request = self.request()
        suggested = f"review-{request.period.start.isoformat()}.pdf"
        from ...encryption_ui import confirm_plain_export

        if not confirm_plain_export(self):
            return None
        path = prompts.ask_save_path(
            self, self.tr("Export review pack"), suggested, self.tr("PDF document (*.pdf)")
        )
        if not path:
            return None
        theme = self.theme
        job = run_with_progress(
            self,
            self.tr("Writing the review pack…"),
            lambda _progress: write_review_pack(load(request, with_forms=True), path, theme),
        )
        deliver(
            job,
            self,
            lambda written: self.subtitle_label.setText(
                self.tr("Review pack written to {path}").format(path=str(written))
            ),
            lambda message: prompts.show_error(self, self.tr("Export review pack"), message),
        )
        return job
