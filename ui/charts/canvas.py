"""A Qt widget hosting one matplotlib figure; matplotlib is imported when the canvas is first built.

``preload_matplotlib()`` imports matplotlib (with its Agg and Qt canvases and the bundled font) on a
background thread (the dashboard starts it once the window has been painted and is idle), so the first
visit of the dashboard does not pay for the import; ``matplotlib_ready()`` says when it is done.

Redraws are cheap: the widget's size hint does not depend on its canvas (building a canvas never re-lays
out the grid, which would resize and re-render every other chart), and the axes are fitted to their
labels (``style.fit_axes``, one measurement instead of matplotlib's constrained layout, which cost as
much as a render) only when what decides it changed — the canvas size, the titles, the legend entries or
the tick labels (numbers compared by their digit count).

The widget shows a :class:`~ui.charts.data.ChartData` drawn by a pure draw function (``show_chart``):
hovering a bar or point shows its exact value, clicking one emits ``sig_point_clicked(series key, index)``,
and the context menu saves the figure as PNG, SVG or PDF or copies the chart's data as CSV.
"""

from __future__ import annotations

import gc
import importlib
import logging
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from desktop_crm.gc_pause import gc_paused

from .. import prompts
from ..polite_import import polite_imports
from .data import ChartData
from .mplconfig import ensure_mplconfigdir
from .theme import LIGHT, ChartTheme

log = logging.getLogger(__name__)

DrawFunction = Callable[[Any, ChartData, ChartTheme], None]
SAVE_FORMATS = ("png", "svg", "pdf")

_import_lock = threading.Lock()
_preload_thread: threading.Thread | None = None
_ready = threading.Event()
_wanted = threading.Event()  # a chart is waiting to be drawn: the import pauses no more between its steps
# What the import is made of, in steps taken one after the other at the importing thread's top level (no
# module being imported meanwhile, so no import lock held): the window's idle-time importer may wait
# between two steps while the user is working (``ui.main_window``), never in the middle of one.
IMPORT_STEPS = (
    "numpy",
    "matplotlib",
    "matplotlib.figure",
    "matplotlib.ticker",
    "matplotlib.backends.backend_agg",
    "matplotlib.backends.backend_qtagg",
)
_canvas_class: Any = None
_warmed_up = False
_DIGITS = re.compile(r"\d")


def _import_matplotlib(between_steps: Callable[[], None] | None = None) -> None:
    """Import matplotlib (``IMPORT_STEPS``) once; ``between_steps`` is called before each step (on the
    importing thread, outside any import) unless a chart is waiting for it (``wanted``)."""
    if _ready.is_set():
        return
    # No collection walks the growing heap meanwhile (a GUI stall); off the window's thread, the import
    # leaves it its turns at the interpreter lock (ui.polite_import).
    with _import_lock, gc_paused(), polite_imports():
        if _ready.is_set():
            return
        ensure_mplconfigdir()
        for name in IMPORT_STEPS:
            if between_steps is not None and not _wanted.is_set():
                between_steps()
            importlib.import_module(name)

        from ..fonts import register_matplotlib_font

        register_matplotlib_font()
        # The imports made a great many long-lived objects: keep them out of later collections, so
        # a full collection (triggered by any thread) never holds the GIL for long. (No collection
        # here: it would hold the GIL, and so the window, while it ran.)
        gc.freeze()
        _ready.set()


def matplotlib_ready() -> bool:
    """True once matplotlib has been imported (by the preload or by a canvas)."""
    return _ready.is_set()


def join_page_importer() -> None:
    """Wait for the importer a page started (``preload_matplotlib``), if any: one importer at a time."""
    started = _preload_thread
    if started is not None:
        started.join()


def wanted() -> bool:
    """Whether a chart waits for matplotlib (``preload_matplotlib(wanted=True)``)."""
    return _wanted.is_set()


def preload_matplotlib(wanted: bool = True) -> threading.Thread | None:
    """Import matplotlib on a daemon thread (once); returns the thread (None when already imported, or
    being imported by another thread: the window's idle-time imports end with it). ``wanted``: a chart
    waits for it (an importer pausing between its steps while the user works stops pausing); False for
    a page preparing itself while hidden."""
    global _preload_thread
    if wanted:
        _wanted.set()
    if _preload_thread is not None:
        return _preload_thread
    if _ready.is_set() or _import_lock.locked():
        return None

    def run() -> None:
        try:
            _import_matplotlib()
        except Exception:  # pragma: no cover - the canvas imports it again and reports
            log.exception("matplotlib could not be imported in the background")

    ensure_mplconfigdir()  # reads Qt's paths: do it on the GUI thread
    _preload_thread = threading.Thread(target=run, name="matplotlib-preload", daemon=True)
    _preload_thread.start()
    return _preload_thread


class ChartWidget(QWidget):
    """Holds a ``FigureCanvasQTAgg`` once a chart is first drawn."""

    sig_point_clicked = Signal(str, int)  # series key, category (period) index
    sig_saved = Signal(str)  # the path of a saved figure

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartWidget")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.canvas: Any = None
        self.figure: Any = None
        self.ax: Any = None
        self.data: ChartData | None = None
        self.theme: ChartTheme = LIGHT
        self.file_stem = "chart"
        self.hover_text = ""
        self._draw_function: DrawFunction | None = None
        self._layout_key: tuple[Any, ...] | None = None
        self._shown: tuple[Any, ...] | None = None
        # While a staged draw is under way (``show_chart(render=False)`` until ``render_now()``), the
        # canvas's own requests to render (a resize of a new canvas, above all) are ignored: the
        # figure is half drawn and will be rendered once, by ``render_now()``.
        self.hold_renders = False

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Fixed, so that building the canvas (whose hint is the figure's size) never moves the grid."""
        return QSize(480, 280)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(160, 120)

    def _build(self) -> None:
        _import_matplotlib()
        from matplotlib.figure import Figure

        # No layout engine on the figure: ``apply_layout`` places the axes when needed.
        self.figure = Figure(figsize=(6, 3.2), dpi=100, facecolor=self.theme.background)
        self.ax = self.figure.add_subplot(1, 1, 1)
        self.canvas = chart_canvas_class()(self.figure, self)
        self.canvas.setParent(self)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.canvas.setMinimumSize(160, 120)  # the figure's inch size must not widen the layout
        self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.canvas.customContextMenuRequested.connect(self._on_canvas_context_menu)
        self.canvas.mpl_connect("motion_notify_event", self._on_canvas_motion)
        self.canvas.mpl_connect("button_press_event", self._on_canvas_press)
        self._layout.addWidget(self.canvas)

    # --- drawing -------------------------------------------------------------------------------
    def layout_key(self) -> tuple[Any, ...]:
        """What the layout depends on: pixel size, titles, legend entries, tick labels (digits as 0)."""
        figure, ax = self.figure, self.ax

        def labels(axis: Any) -> tuple[str, ...]:
            shown = axis.get_major_formatter().format_ticks(axis.get_majorticklocs())
            return tuple(_DIGITS.sub("0", str(text)) for text in shown)

        legend = ax.get_legend()
        return (
            round(figure.bbox.width),
            round(figure.bbox.height),
            figure.dpi,
            ax.get_title("left"),
            ax.get_title("center"),
            tuple(t.get_text() for t in legend.get_texts()) if legend is not None else (),
            labels(ax.xaxis),
            labels(ax.yaxis),
            tuple(t.get_text() for t in figure.texts),
        )

    def apply_layout(self) -> None:
        """Fit the axes to what surrounds them (``style.fit_axes``) if something that decides it changed
        (called before each render)."""
        from .style import fit_axes

        if self.figure is None:
            return
        key = self.layout_key()
        if key == self._layout_key:
            return
        fit_axes(self.ax, self.canvas.get_renderer())
        self._layout_key = key

    def ensure_canvas(self) -> None:
        """Build the figure and its canvas (the first draw does it otherwise); nothing is rendered
        until a chart is shown."""
        if self.canvas is None:
            self.hold_renders = True
            self._build()

    def warm_up(self) -> None:
        """Build the canvas, or, the first time, only load the fonts (:func:`warm_fonts`): one of the
        two per call, each a step of its own in the window's idle time."""
        if not _warmed_up:
            warm_fonts()
            return
        self.ensure_canvas()

    def draw(self, draw_function: Callable[[Any], None], *, render: bool = True) -> None:
        """Run ``draw_function(ax)`` and repaint the canvas (``render=False``: the caller lays out and
        renders later, with ``apply_layout`` and ``render_now``, each in its own event-loop turn)."""
        self.ensure_canvas()
        self.hold_renders = not render
        draw_function(self.ax)
        if render:
            self.canvas.draw_idle()

    def render_now(self) -> None:
        """Render the figure now (laying it out first if needed) and ask Qt to paint it."""
        self.hold_renders = False
        if self.canvas is not None:
            self.canvas.draw()

    def show_chart(
        self,
        draw_function: DrawFunction,
        data: ChartData,
        theme: ChartTheme | None = None,
        *,
        render: bool = True,
    ) -> None:
        """Draw ``data`` with ``draw_function`` in ``theme`` (default: the current one)."""
        self._draw_function = draw_function
        self.data = data
        if theme is not None:
            self.theme = theme
        self.draw(lambda ax: draw_function(ax, data, self.theme), render=render)
        self._shown = (draw_function, data, self.theme)

    def shows(self, draw_function: DrawFunction, data: ChartData, theme: ChartTheme) -> bool:
        """True when the canvas already shows ``data`` drawn by ``draw_function`` in ``theme``."""
        return (
            self.canvas is not None and not self.hold_renders and self._shown == (draw_function, data, theme)
        )

    def set_theme(self, theme: ChartTheme) -> None:
        """Redraw the current chart in ``theme``."""
        self.theme = theme
        if self._draw_function is not None and self.data is not None:
            self.show_chart(self._draw_function, self.data)

    # --- hover and click -----------------------------------------------------------------------
    def hit(self, event: Any) -> tuple[int, int] | None:
        """The (series index, category index) under a matplotlib mouse event, if any."""
        from .style import targets

        if self.ax is None or event.inaxes is not self.ax:
            return None
        for target in reversed(targets(self.ax)):
            inside, info = target.artist.contains(event)
            if not inside:
                continue
            if target.index is not None:
                return target.series_index, target.index
            indices = info.get("ind", [])
            if len(indices):
                return target.series_index, int(indices[0])
        return None

    def _on_canvas_motion(self, event: Any) -> None:
        found = self.hit(event)
        text = self.data.value_text(*found) if found is not None and self.data is not None else ""
        if text == self.hover_text:
            return
        self.hover_text = text
        if text:
            QToolTip.showText(QCursor.pos(), text, self.canvas)
            self.canvas.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            QToolTip.hideText()
            self.canvas.unsetCursor()

    def _on_canvas_press(self, event: Any) -> None:
        if event.button != 1 or self.data is None:
            return
        found = self.hit(event)
        if found is not None:
            series_index, index = found
            self.sig_point_clicked.emit(self.data.series[series_index].key, index)

    def point_position(self, series_index: int, index: int) -> tuple[float, float]:
        """Display coordinates (matplotlib pixels, origin bottom-left) of a bar's centre or a line point."""
        from .style import targets

        self.canvas.draw()
        for target in targets(self.ax):
            if target.series_index != series_index:
                continue
            if target.index == index:
                box = target.artist.get_window_extent()
                return (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
            if target.index is None and hasattr(target.artist, "get_xydata"):  # a line's point
                x, y = target.artist.get_xydata()[index]
                px, py = self.ax.transData.transform((x, y))
                return float(px), float(py)
            if target.index is None:  # a bar of a collection
                box = target.artist.get_paths()[index].get_extents()
                px, py = self.ax.transData.transform(((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2))
                return float(px), float(py)
        raise LookupError(f"no point {index} in series {series_index}")

    # --- context menu --------------------------------------------------------------------------
    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.tr("Save as PNG…"), lambda: self.save_as("png"))
        menu.addAction(self.tr("Save as SVG…"), lambda: self.save_as("svg"))
        menu.addAction(self.tr("Save as PDF…"), lambda: self.save_as("pdf"))
        menu.addSeparator()
        menu.addAction(self.tr("Copy data as CSV"), self.copy_csv)
        return menu

    def _on_canvas_context_menu(self, position: QPoint) -> None:
        self.context_menu().popup(self.canvas.mapToGlobal(position))

    def save_as(self, kind: str) -> str | None:
        """Ask where, then save the figure as ``kind`` (png, svg or pdf); the path saved, or None."""
        if kind not in SAVE_FORMATS or self.figure is None:
            return None
        filters = {
            "png": self.tr("PNG image (*.png)"),
            "svg": self.tr("SVG image (*.svg)"),
            "pdf": self.tr("PDF document (*.pdf)"),
        }
        from ..encryption_ui import confirm_plain_export

        if not confirm_plain_export(self):  # an encrypted database: the saved chart is not
            return None
        path = prompts.ask_save_path(self, self.tr("Save chart"), f"{self.file_stem}.{kind}", filters[kind])
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != f".{kind}":
            target = target.with_name(f"{target.name}.{kind}")
        temporary = target.with_name(f".{target.name}.tmp")
        try:
            self.figure.savefig(
                temporary, format=kind, dpi=200, facecolor=self.theme.background, bbox_inches="tight"
            )
            os.replace(temporary, target)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            prompts.show_error(
                self,
                self.tr("Save chart"),
                self.tr("Could not save {path}: {error}").format(
                    path=str(target), error=exc.strerror or str(exc)
                ),
            )
            return None
        self.sig_saved.emit(str(target))
        return str(target)

    def copy_csv(self) -> str:
        """Put the chart's data on the clipboard as CSV; returns the text."""
        text = self.data.to_csv() if self.data is not None else ""
        QGuiApplication.clipboard().setText(text)
        return text


def warm_fonts() -> None:
    """Render a little text in the fonts the charts use, once: matplotlib keeps its fonts per thread, and
    this runs on the GUI thread, where the charts render, so the first real render finds them loaded."""
    global _warmed_up
    if _warmed_up:
        return
    _import_matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(2, 1), dpi=100)  # the charts' dpi (ChartWidget._build)
    figure.text(0.1, 0.5, "0123456789 ¥%,.-– Signed 签约额回款", fontsize=9)
    figure.text(0.1, 0.2, "Aa 新客户", fontsize=12)
    FigureCanvasAgg(figure).draw()
    _warmed_up = True


def scratch_figure(draw_function: DrawFunction, data: ChartData, theme: ChartTheme, size: QSize) -> Any:
    """A figure of ``size`` pixels with ``data`` drawn on it, not rendered: surveyed by
    :func:`survey_scratch`, its texts (tick labels, legend entries) are measured and rasterised before
    the chart is first shown (``agg_text``'s caches are shared by every canvas). The dashboard does this
    while the window idles, with the view it read ahead."""
    _import_matplotlib()
    from matplotlib.figure import Figure

    dpi = 100
    figure = Figure(figsize=(size.width() / dpi, size.height() / dpi), dpi=dpi)
    draw_function(figure.add_subplot(1, 1, 1), data, theme)
    return figure


def survey_scratch(figure: Any) -> Any:
    """Measure ``figure``'s texts (from :func:`scratch_figure`) without drawing anything; returns the
    survey whose ``rasterise_some(seconds)`` rasterises the texts not cached yet, a few per call."""
    from .agg_text import TextSurvey

    width, height = (round(v) for v in figure.bbox.size)
    survey = TextSurvey(width, height, figure.dpi)
    figure.draw(survey)
    return survey


def _style(artist: Any) -> tuple[Any, ...]:
    """What a legend handle looks like (colours, marker, line), comparable."""
    found: list[Any] = [type(artist).__name__]
    for getter in (
        "get_color",
        "get_facecolor",
        "get_edgecolor",
        "get_marker",
        "get_linestyle",
        "get_linewidth",
    ):
        method = getattr(artist, getter, None)
        if method is None:
            continue
        value = method()
        found.append(value.tolist() if hasattr(value, "tolist") else value)
    return tuple(str(v) for v in found)


def legend_key(ax: Any, legend: Any) -> tuple[Any, ...]:
    """Everything that decides the legend's pixels: the figure's size and colour, the axes' place, the
    entries' texts and colours, the handles' looks, the columns, the title above."""
    figure = ax.figure
    return (
        round(figure.bbox.width),
        round(figure.bbox.height),
        figure.dpi,
        str(figure.get_facecolor()),
        tuple(ax.get_position().bounds),
        ax.get_title("left"),
        legend._ncols,
        tuple((t.get_text(), str(t.get_color()), t.get_fontsize()) for t in legend.get_texts()),
        tuple(_style(h) for h in legend.legend_handles),
    )


def chart_canvas_class() -> Any:
    """``FigureCanvasQTAgg`` that lays its figure out (when needed) before each render."""
    global _canvas_class
    if _canvas_class is None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        class ChartCanvas(FigureCanvasQTAgg):  # type: ignore[misc]
            def __init__(self, figure: Any, owner: ChartWidget) -> None:
                super().__init__(figure)
                self.owner = owner
                self._legend_pixels: tuple[tuple[Any, ...], Any] | None = None

            def draw(self) -> None:
                """Lay out if needed and render. The legend (above the axes, where nothing else is
                drawn) is blitted: when it looks exactly as at the last full render, in the same place,
                its pixels are put back instead of laying it out and drawing it again (a legend of many
                people costs as much as the rest of the chart)."""
                self.owner.apply_layout()
                ax = self.owner.ax
                legend = ax.get_legend() if ax is not None else None
                key = legend_key(ax, legend) if legend is not None else None
                kept = self._legend_pixels
                if key is not None and kept is not None and kept[0] == key:
                    legend.set_visible(False)
                    try:
                        super().draw()
                    finally:
                        legend.set_visible(True)
                    self.restore_region(kept[1])
                    return
                super().draw()
                self._legend_pixels = None
                if key is not None:
                    box = legend.get_window_extent(self.get_renderer()).padded(2)
                    self._legend_pixels = (key, self.copy_from_bbox(box))

            def draw_idle(self) -> None:
                if not self.owner.hold_renders:
                    super().draw_idle()

            def get_renderer(self) -> Any:
                """``FigureCanvasAgg.get_renderer`` with a renderer that rasterises each text once."""
                from .agg_text import CachingRenderer

                width, height = self.get_width_height(physical=True)
                key = width, height, self.figure.dpi
                if self._lastKey != key:
                    self.renderer = CachingRenderer(width, height, self.figure.dpi)
                    self._lastKey = key
                return self.renderer

        _canvas_class = ChartCanvas
    return _canvas_class
