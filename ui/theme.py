"""Light and dark themes: the application's style sheet (``app.qss``, plus ``app_dark.qss`` over it for
dark), a matching palette for the widgets the style sheet does not reach, and the chart colours."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

STYLES = Path(__file__).resolve().parent.parent / "resources" / "styles"
THEMES = ("light", "dark")


def style_sheet(name: str) -> str:
    from .a11y import scaled_css

    files = [STYLES / "app.qss"] + ([STYLES / "app_dark.qss"] if name == "dark" else [])
    parts = []
    for path in files:
        try:
            parts.append(path.read_text(encoding="utf-8"))
        except OSError:
            log.warning("stylesheet %s not found", path)
    css = "\n".join(parts).replace("{styles}", STYLES.as_posix())
    return scaled_css(css)  # font-size: …em follows the application font


def palette(name: str) -> QPalette:
    if name != "dark":
        return QApplication.style().standardPalette() if QApplication.style() else QPalette()
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#161c27",
        QPalette.ColorRole.WindowText: "#d5dbe5",
        QPalette.ColorRole.Base: "#1e2533",
        QPalette.ColorRole.AlternateBase: "#232b3a",
        QPalette.ColorRole.ToolTipBase: "#2b3446",
        QPalette.ColorRole.ToolTipText: "#e6ebf2",
        QPalette.ColorRole.Text: "#d5dbe5",
        QPalette.ColorRole.Button: "#232b3a",
        QPalette.ColorRole.ButtonText: "#d5dbe5",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#3b6fd8",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#6b9bff",
        QPalette.ColorRole.PlaceholderText: "#7d8799",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#6b7585"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#6b7585"))
    return p


def apply_theme(app: QApplication, name: str) -> None:
    """Restyle the whole application in theme ``name`` (light or dark)."""
    name = name if name in THEMES else "light"
    app.setStyle("Fusion")
    app.setPalette(palette(name))
    app.setStyleSheet(style_sheet(name))
    app.setProperty("crmTheme", name)
    if not app.property("crmFontFollowed"):  # the system font changed size: the sheet's sizes follow
        app.setProperty("crmFontFollowed", True)
        app.fontChanged.connect(_on_application_font_changed)


def _on_application_font_changed(_font: object) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.property("crmTheme") in THEMES:
        app.setStyleSheet(style_sheet(str(app.property("crmTheme"))))


def current_theme() -> str:
    app = QApplication.instance()
    value = app.property("crmTheme") if app is not None else None
    return str(value) if value in THEMES else "light"
