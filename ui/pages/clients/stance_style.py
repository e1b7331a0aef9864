"""Stance colours and short badges shared by the power map, the matrix, the tables and the timeline."""

from __future__ import annotations

from PySide6.QtGui import QColor

# fill, text colour on the fill, light tint (table cells)
STANCE_COLORS: dict[str, tuple[str, str, str]] = {
    "ally": ("#1e7b4c", "#ffffff", "#cfeedd"),
    "supporter": ("#9fdbb5", "#123d26", "#e4f6ea"),
    "neutral": ("#e3e6ea", "#2b3544", "#f1f3f5"),
    "opponent": ("#c8372d", "#ffffff", "#f9dcd9"),
}
INFLUENCE_DOTS = {"high": "●●●", "medium": "●●", "low": "●"}
SEVERITY_COLORS = {"danger": "#c8372d", "warning": "#e0a100", "info": "#3b6fd8"}


def stance_fill(stance: str) -> QColor:
    return QColor(STANCE_COLORS.get(stance, STANCE_COLORS["neutral"])[0])


def stance_text(stance: str) -> QColor:
    return QColor(STANCE_COLORS.get(stance, STANCE_COLORS["neutral"])[1])


def stance_tint(stance: str) -> QColor:
    return QColor(STANCE_COLORS.get(stance, STANCE_COLORS["neutral"])[2])
