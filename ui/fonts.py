"""The bundled CJK font (WenQuanYi Micro Hei), registered for Qt and for matplotlib.

Chinese must never render as boxes, even on a Linux machine without any CJK font: the bundled
family is added as a fallback after the platform's default UI family.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
CJK_FONT_FILE = RESOURCES / "fonts" / "wqy-microhei.ttc"
CJK_FAMILY = "WenQuanYi Micro Hei"

_registered_qt = False
_registered_mpl = False


def register_qt_font(app: QApplication) -> bool:
    """Register the bundled font and make it the application font's fallback family."""
    global _registered_qt
    if not _registered_qt:
        font_id = QFontDatabase.addApplicationFont(str(CJK_FONT_FILE))
        if font_id < 0:
            log.warning("could not load the bundled font %s", CJK_FONT_FILE)
            return False
        _registered_qt = True
    font = QFont(app.font())
    families = [f for f in font.families() if f != CJK_FAMILY] or [font.family()]
    font.setFamilies([*families, CJK_FAMILY])
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    return True


def register_matplotlib_font() -> None:
    """Add the bundled font to matplotlib and list it as a fallback in ``font.family``."""
    global _registered_mpl
    if _registered_mpl:
        return
    import matplotlib
    from matplotlib import font_manager

    try:
        font_manager.fontManager.addfont(str(CJK_FONT_FILE))
    except (OSError, RuntimeError) as exc:  # pragma: no cover - a broken install
        log.warning("matplotlib could not load %s: %s", CJK_FONT_FILE, exc)
        return
    # matplotlib (>= 3.6) falls back glyph by glyph along the *family list*, not inside the generic
    # "sans-serif" entry: list the Latin face first and the CJK face second.
    matplotlib.rcParams["font.family"] = ["DejaVu Sans", CJK_FAMILY, "sans-serif"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    _registered_mpl = True
