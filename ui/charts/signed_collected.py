"""Signed vs collected amounts per month: a pure draw function (no pyplot, no Qt)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

SIGNED_COLOUR = "#3b6fd8"
COLLECTED_COLOUR = "#2fa37c"
TEXT_COLOUR = "#3c4757"
GRID_COLOUR = "#e3e8ef"


@dataclass
class SignedCollectedData:
    """Everything the chart shows, already translated and in currency units (not cents)."""

    months: list[str]
    signed: list[float]
    collected: list[float]
    signed_label: str = "Signed"
    collected_label: str = "Collected"
    title: str = ""
    empty_text: str = "No data"
    format_value: Callable[[float], str] = field(default=lambda v: f"{v:,.0f}")


def draw_signed_vs_collected(ax: Any, data: SignedCollectedData) -> None:
    """Grouped bars, signed next to collected, one group per month."""
    ax.clear()
    positions = list(range(len(data.months)))
    width = 0.38
    ax.bar(
        [p - width / 2 for p in positions], data.signed, width, label=data.signed_label, color=SIGNED_COLOUR
    )
    ax.bar(
        [p + width / 2 for p in positions],
        data.collected,
        width,
        label=data.collected_label,
        color=COLLECTED_COLOUR,
    )
    ax.set_xticks(positions)
    ax.set_xticklabels(data.months, color=TEXT_COLOUR, fontsize=9)
    ax.tick_params(axis="y", colors=TEXT_COLOUR, labelsize=9)
    ax.tick_params(axis="x", length=0)
    ax.yaxis.set_major_formatter(_formatter(data.format_value))
    ax.grid(axis="y", color=GRID_COLOUR, linewidth=1)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(GRID_COLOUR)
    if data.title:
        ax.set_title(data.title, loc="left", color=TEXT_COLOUR, fontsize=12, pad=12)
    if not any(data.signed) and not any(data.collected):
        ax.set_ylim(0, 1)
        ax.text(0.5, 0.5, data.empty_text, transform=ax.transAxes, ha="center", va="center", color="#8a94a3")
    ax.legend(loc="upper left", frameon=False, fontsize=9, ncols=2)


def _formatter(format_value: Callable[[float], str]) -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _pos: format_value(value))
