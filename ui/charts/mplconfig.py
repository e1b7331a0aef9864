"""Where matplotlib keeps its cache: set before matplotlib is ever imported, without importing the chart
widgets (``ui.app`` calls it at start-up, before the first paint, when no chart is needed yet)."""

from __future__ import annotations

import os

from PySide6.QtCore import QStandardPaths

from desktop_crm.paths import portable_home


def ensure_mplconfigdir() -> None:
    """Point matplotlib's cache at the application's cache folder (before matplotlib is imported): inside
    the portable folder (``DESKTOP_CRM_HOME``) when there is one, so a portable start leaves nothing on the
    machine, else the per-user cache folder."""
    if os.environ.get("MPLCONFIGDIR"):
        return
    home = portable_home()
    if home is not None:
        path = str(home / "cache" / "matplotlib")
    else:
        cache = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
        if not cache:
            return
        path = os.path.join(cache, "matplotlib")
    os.makedirs(path, exist_ok=True)
    os.environ["MPLCONFIGDIR"] = path
