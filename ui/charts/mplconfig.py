"""Where matplotlib keeps its cache: set before matplotlib is ever imported, without importing the chart
widgets (``ui.app`` calls it at start-up, before the first paint, when no chart is needed yet)."""

from __future__ import annotations

import os

from PySide6.QtCore import QStandardPaths


def ensure_mplconfigdir() -> None:
    """Point matplotlib's cache at the application's cache folder (before matplotlib is imported)."""
    if not os.environ.get("MPLCONFIGDIR"):
        cache = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
        if cache:
            path = os.path.join(cache, "matplotlib")
            os.makedirs(path, exist_ok=True)
            os.environ["MPLCONFIGDIR"] = path
