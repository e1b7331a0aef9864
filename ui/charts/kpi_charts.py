"""The dashboard's charts: pure draw functions ``draw_<name>(ax, data, theme) -> None`` (no pyplot, no Qt).

Each takes a :class:`~ui.charts.data.ChartData` (translated labels, values in display units, a formatter)
and a :class:`~ui.charts.theme.ChartTheme`; it clears the axes, draws, puts the legend above the plot and
records hit targets for hover and click (see :mod:`ui.charts.style`).
"""

from __future__ import annotations

from typing import Any

from . import style
from .data import ChartData
from .theme import LIGHT, ChartTheme


def _present(values: list[float | None]) -> list[float]:
    return [v for v in values if v is not None]


def draw_signed_vs_collected(ax: Any, data: ChartData, theme: ChartTheme = LIGHT) -> None:
    """Series 0 and 1 (signed, collected) as grouped bars; series 2 (planned collection) as a line."""
    style.begin(ax, data, theme)
    positions = list(range(len(data.categories)))
    bars = data.series[:2]
    width = 0.8 / max(1, len(bars))
    for s_index, series in enumerate(bars):
        offset = (s_index - (len(bars) - 1) / 2) * width
        collection = style.bars(
            ax,
            [p + offset for p in positions],
            [float(v or 0) for v in series.values],
            width * 0.92,
            style.colour(data, theme, s_index),
            label=series.label,
        )
        style.add_target(ax, collection, s_index, None)
    every = _present([v for s in data.series for v in s.values])
    if len(data.series) > 2:
        planned = data.series[2]
        (line,) = ax.plot(
            positions,
            [v if v is not None else float("nan") for v in planned.values],
            color=style.colour(data, theme, 2),
            marker="o",
            markersize=4,
            linewidth=2,
            label=planned.label,
        )
        style.add_target(ax, line, 2, None)
    ax.set_ylim(*style.value_limits(every))
    style.thin_ticks(ax, data.categories, theme)
    style.finish(ax, data, theme)


def draw_lines(ax: Any, data: ChartData, theme: ChartTheme = LIGHT) -> None:
    """Every series as a line with markers over the categories (a gap where a value is empty)."""
    style.begin(ax, data, theme)
    positions = list(range(len(data.categories)))
    for s_index, series in enumerate(data.series):
        (line,) = ax.plot(
            positions,
            [v if v is not None else float("nan") for v in series.values],
            color=style.colour(data, theme, s_index),
            marker="o",
            markersize=4,
            linewidth=2,
            label=series.label,
        )
        style.add_target(ax, line, s_index, None)
    every = _present([v for s in data.series for v in s.values])
    ax.set_ylim(*style.value_limits(every))
    if data.reference is not None:
        ax.axhline(data.reference, color=theme.muted, linewidth=1, linestyle="--")
    style.thin_ticks(ax, data.categories, theme)
    style.finish(ax, data, theme)


def draw_conversion_trend(ax: Any, data: ChartData, theme: ChartTheme = LIGHT) -> None:
    """Conversion rate per period (values in percent)."""
    draw_lines(ax, data, theme)


def draw_first_order_value_trend(ax: Any, data: ChartData, theme: ChartTheme = LIGHT) -> None:
    """First-order average value per period (money)."""
    draw_lines(ax, data, theme)


def draw_follow_up_cycle_trend(ax: Any, data: ChartData, theme: ChartTheme = LIGHT) -> None:
    """Follow-up cycle per period: mean and median days, two lines."""
    draw_lines(ax, data, theme)


def draw_behaviour_scores(ax: Any, data: ChartData, theme: ChartTheme = LIGHT) -> None:
    """Monthly behaviour scores: one line per person (or the team)."""
    draw_lines(ax, data, theme)


def draw_activity_mix(ax: Any, data: ChartData, theme: ChartTheme = LIGHT) -> None:
    """Follow-ups per period stacked by channel (one series per channel)."""
    style.begin(ax, data, theme)
    positions = list(range(len(data.categories)))
    bottoms = [0.0] * len(positions)
    for s_index, series in enumerate(data.series):
        heights = [float(v or 0) for v in series.values]
        collection = style.bars(
            ax,
            [float(p) for p in positions],
            heights,
            0.7,
            style.colour(data, theme, s_index),
            label=series.label,
            starts=bottoms,
        )
        style.add_target(ax, collection, s_index, None)  # an empty bar has no area: never hit
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    ax.set_ylim(*style.value_limits(bottoms))
    style.thin_ticks(ax, data.categories, theme)
    style.finish(ax, data, theme)


def _horizontal_bars(ax: Any, data: ChartData, theme: ChartTheme) -> None:
    series = data.series[0]
    values = [float(v or 0) for v in series.values]
    positions = list(range(len(data.categories)))
    colours = [
        data.bar_colours[i]
        if i < len(data.bar_colours) and data.bar_colours[i]
        else style.colour(data, theme, 0)
        for i in positions
    ]
    collection = style.bars(
        ax, [float(p) for p in positions], values, 0.62, colours, label=series.label, horizontal=True
    )
    style.add_target(ax, collection, 0, None)
    low, high = style.value_limits([*values, data.reference or 0.0], headroom=0.3 if data.notes else 0.1)
    ax.set_xlim(low, high)
    ax.set_yticks(positions)
    ax.set_yticklabels(data.categories, color=theme.text)
    ax.set_ylim(max(len(values), 4) - 0.5, -0.5)  # the first category on top; thin bars when few
    if data.reference is not None:
        ax.axvline(data.reference, color=theme.muted, linewidth=1, linestyle="--")
    for index, note in enumerate(data.notes[: len(values)]):
        ax.annotate(
            note,
            (values[index], index),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            ha="left",
            fontsize=8,
            color=theme.text,
        )


def draw_pipeline_by_stage(ax: Any, data: ChartData, theme: ChartTheme = LIGHT) -> None:
    """Open pipeline by stage as a funnel of horizontal bars (first stage on top), counts written beside."""
    style.begin(ax, data, theme)
    if data.categories:
        _horizontal_bars(ax, data, theme)
    style.finish(ax, data, theme, value_axis="x", legend=False)


def draw_goal_attainment(ax: Any, data: ChartData, theme: ChartTheme = LIGHT) -> None:
    """Completion per salesperson (percent) as horizontal bars coloured by pace, with the 100% line."""
    style.begin(ax, data, theme)
    if data.categories:
        _horizontal_bars(ax, data, theme)
    style.finish(ax, data, theme, value_axis="x", legend=False)
