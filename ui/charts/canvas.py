"""A Qt widget hosting one matplotlib figure; matplotlib is imported when the canvas is first built."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QVBoxLayout, QWidget


def ensure_mplconfigdir() -> None:
    """Point matplotlib's cache at the application's cache folder (before matplotlib is imported)."""
    if not os.environ.get("MPLCONFIGDIR"):
        cache = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
        if cache:
            path = os.path.join(cache, "matplotlib")
            os.makedirs(path, exist_ok=True)
            os.environ["MPLCONFIGDIR"] = path


class ChartWidget(QWidget):
    """Holds a ``FigureCanvasQTAgg`` once :meth:`draw` is first called."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartWidget")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.canvas: Any = None
        self.figure: Any = None
        self.ax: Any = None

    def _build(self) -> None:
        ensure_mplconfigdir()
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from ..fonts import register_matplotlib_font

        register_matplotlib_font()
        self.figure = Figure(figsize=(8, 4), dpi=100, facecolor="white", layout="constrained")
        self.ax = self.figure.add_subplot(1, 1, 1)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setParent(self)
        self._layout.addWidget(self.canvas)

    def draw(self, draw_function: Callable[[Any], None]) -> None:
        """Run ``draw_function(ax)`` and repaint the canvas."""
        if self.canvas is None:
            self._build()
        draw_function(self.ax)
        self.canvas.draw_idle()
