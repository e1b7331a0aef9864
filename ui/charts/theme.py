"""Chart colours for the light and dark themes (plain data: the draw functions take one)."""

from __future__ import annotations

from dataclasses import dataclass

THEMES = ("light", "dark")


@dataclass(frozen=True)
class ChartTheme:
    name: str
    background: str
    text: str
    muted: str
    grid: str
    palette: tuple[str, ...]
    good: str
    bad: str
    neutral: str


LIGHT = ChartTheme(
    name="light",
    background="#ffffff",
    text="#3c4757",
    muted="#8a94a3",
    grid="#e3e8ef",
    palette=("#3b6fd8", "#2fa37c", "#e8a33d", "#8e6bd1", "#d9534f", "#3fa9c9", "#9aa5b4"),
    good="#2fa37c",
    bad="#d9534f",
    neutral="#e8a33d",
)

DARK = ChartTheme(
    name="dark",
    background="#1e2533",
    text="#d5dbe5",
    muted="#8f9aab",
    grid="#343e50",
    palette=("#6b9bff", "#3fc99a", "#f2b65a", "#b293f0", "#ff7b72", "#5cc8e6", "#a3adbb"),
    good="#3fc99a",
    bad="#ff7b72",
    neutral="#f2b65a",
)


def chart_theme(name: str) -> ChartTheme:
    """The chart colours of theme ``name`` ("light" or "dark"; anything else is light)."""
    return DARK if name == "dark" else LIGHT
