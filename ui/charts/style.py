"""Shared helpers of the draw functions: axes styling, legends above the plot, hit targets.

Hit targets: each draw function records which artist shows which (series, category) so that the canvas
can show the exact value on hover and report clicks. They live on the Axes as ``crm_targets``: a list of
``Target``; a line's target covers all its points (the index comes from the point hit).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .data import ChartData
from .theme import ChartTheme


@dataclass
class Target:
    artist: Any
    series_index: int
    index: int | None  # None: a line or a bar collection, the index is the point or bar hit


def targets(ax: Any) -> list[Target]:
    found: list[Target] | None = getattr(ax, "crm_targets", None)
    return found if found is not None else []


def add_target(ax: Any, artist: Any, series_index: int, index: int | None) -> None:
    if not hasattr(ax, "crm_targets"):
        ax.crm_targets = []
    ax.crm_targets.append(Target(artist, series_index, index))


def bars(
    ax: Any,
    positions: list[float],
    lengths: list[float],
    thickness: float,
    colours: str | list[str],
    *,
    label: str = "",
    starts: list[float] | None = None,
    horizontal: bool = False,
) -> Any:
    """Bars as ONE ``PolyCollection`` (one path per category, zero-length ones included so that path i
    is category i): one draw call instead of a patch each, and no data-limit bookkeeping (the draw
    functions set the limits). Hover and click find the bar through the collection (``ind``)."""
    from matplotlib.collections import PolyCollection

    half = thickness / 2
    verts = []
    for index, (position, length) in enumerate(zip(positions, lengths, strict=True)):
        start = starts[index] if starts is not None else 0.0
        low, high = position - half, position + half
        if horizontal:
            verts.append([(start, low), (start, high), (start + length, high), (start + length, low)])
        else:
            verts.append([(low, start), (low, start + length), (high, start + length), (high, start)])
    collection = PolyCollection(verts, facecolors=colours, edgecolors="none", linewidths=0, label=label)
    collection.set_pickradius(0)  # a hit is a point inside a bar
    ax.add_collection(collection, autolim=False)
    return collection


def begin(ax: Any, data: ChartData, theme: ChartTheme) -> None:
    """Remove what the last drawing put on the axes and the figure; paint the background in the theme's
    colours. The axes themselves are kept (``ax.clear()`` would rebuild every tick, a third of a redraw):
    the draw functions set limits, ticks, titles and styles each time."""
    for artist in [*ax.patches, *ax.lines, *ax.texts, *ax.collections, *ax.images, *ax.artists]:
        artist.remove()
    ax.containers.clear()
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    for loc in ("left", "center", "right"):
        ax.set_title("", loc=loc)
    ax.set_xticks([])  # no category ticks or limits left over when there is nothing to show
    ax.set_yticks([])
    ax.set_xlim(0.0, 1.0)
    ax.set_ylim(0.0, 1.0)
    ax.crm_targets = []
    ax.crm_data = data
    figure = ax.figure
    figure.set_facecolor(theme.background)
    ax.set_facecolor(theme.background)
    for text in list(figure.texts):
        text.remove()


def finish(
    ax: Any, data: ChartData, theme: ChartTheme, *, value_axis: str = "y", legend: bool = True
) -> None:
    """Grid, ticks, spines, title and legend in the theme; the empty text when nothing is shown."""
    axis = ax.yaxis if value_axis == "y" else ax.xaxis
    axis.set_major_formatter(formatter(data.format_value))
    axis.set_major_locator(locator(4 if value_axis == "x" else 6))
    if getattr(ax, "crm_styled", None) != (theme, value_axis):
        # The axes keep these between drawings (``begin`` does not clear them): set them once per theme.
        ax.grid(axis=value_axis, color=theme.grid, linewidth=1)
        ax.set_axisbelow(True)
        ax.tick_params(colors=theme.text, labelsize=9)
        ax.tick_params(axis="x" if value_axis == "y" else "y", length=0)
        for side in ("top", "right", "left" if value_axis == "y" else "bottom"):
            ax.spines[side].set_visible(False)
        ax.spines["bottom" if value_axis == "y" else "left"].set_color(theme.grid)
        ax.crm_styled = (theme, value_axis)
    handles, labels = ax.get_legend_handles_labels()
    order = [s.label for s in data.series]
    pairs = sorted(
        zip(handles, labels, strict=True), key=lambda p: order.index(p[1]) if p[1] in order else 99
    )
    handles, labels = [p[0] for p in pairs], [p[1] for p in pairs]
    has_legend = legend and len(labels) > 1
    if data.title:
        ax.set_title(data.title, loc="left", color=theme.text, fontsize=12, pad=26 if has_legend else 10)
    if has_legend:
        # Above the plot, outside the axes: a legend never covers data.
        ax.legend(
            handles,
            labels,
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            ncols=_legend_columns(ax, labels),
            frameon=False,
            fontsize=9,
            labelcolor=theme.text,
            borderaxespad=0.2,
            handlelength=1.2,
            columnspacing=1.2,
        )
    if data.is_empty():
        ax.text(
            0.5,
            0.5,
            data.empty_text,
            transform=ax.transAxes,
            ha="center",
            va="center",
            color=theme.muted,
            fontsize=10,
        )


def formatter(format_value: Callable[[float], str]) -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _pos: format_value(value))


def fit_axes(ax: Any, renderer: Any, pad: float = 8.0) -> None:
    """Place the axes so that what is drawn around them — tick labels, the title, the legend above —
    fits inside the figure with ``pad`` pixels to spare: one measurement of the axes' tight box, no
    solver (matplotlib's constrained layout measures twice and solves; this is half the time). One pass
    is enough: the tick labels, legend columns and title do not depend on the axes' size."""
    figure = ax.figure
    width, height = float(figure.bbox.width), float(figure.bbox.height)
    if width < 40 or height < 40:
        return  # not laid out by Qt yet: done again at the real size
    box = ax.get_window_extent(renderer)
    tight = ax.get_tightbbox(renderer)
    if tight is None:
        return
    x0 = max(0.0, box.x0 - tight.x0) + pad
    x1 = width - max(0.0, tight.x1 - box.x1) - pad
    y0 = max(0.0, box.y0 - tight.y0) + pad
    y1 = height - max(0.0, tight.y1 - box.y1) - pad
    if x1 - x0 < 20 or y1 - y0 < 20:
        return
    ax.set_position([x0 / width, y0 / height, (x1 - x0) / width, (y1 - y0) / height])


def plot_width(ax: Any) -> float:
    """The width (pixels) the plot may take: the figure's less room for the value labels. Not the axes'
    current width, which the layout sets from these very labels (the two would chase each other)."""
    figure = ax.figure
    return float(figure.get_figwidth() * figure.dpi * 0.86)


def text_width(text: str, narrow: float = 7.0) -> float:
    """About how wide ``text`` is at 9 pt (pixels at 100 dpi): a Chinese character takes the room of
    two Latin ones (a name of three characters is as wide as "Collected")."""
    return sum(2 * narrow if unicodedata.east_asian_width(c) in ("W", "F") else narrow for c in text)


def _legend_columns(ax: Any, labels: list[str]) -> int:
    """As many legend entries side by side as fit the axes' width (the rest wrap onto more rows)."""
    width = plot_width(ax)
    used, columns = 0.0, 0
    widest = max(text_width(label) for label in labels) + 34
    for _label in labels:
        if used + widest > width and columns:
            break
        used += widest
        columns += 1
    return max(1, columns)


def locator(bins: int) -> Any:
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(nbins=bins, min_n_ticks=3)


def colour(data: ChartData, theme: ChartTheme, series_index: int) -> str:
    chosen = data.series[series_index].colour
    return chosen or theme.palette[series_index % len(theme.palette)]


def value_limits(values: list[float], *, zero: bool = True, headroom: float = 0.12) -> tuple[float, float]:
    """Axis limits that hold every value with room above (and below, for negatives): nothing is clipped."""
    low = min([*values, 0.0] if zero else values or [0.0])
    high = max([*values, 0.0] if zero else values or [1.0])
    if high == low:
        high = low + 1.0
    span = high - low
    return (low - span * headroom if low < 0 or not zero else low, high + span * headroom)


def thin_ticks(ax: Any, labels: list[str], theme: ChartTheme, *, max_labels: int = 12) -> None:
    """Category labels on the x axis; with many categories only every n-th is written (none overlap)."""
    positions = list(range(len(labels)))
    width = plot_width(ax)
    longest = max((text_width(label) for label in labels), default=7.0)
    fits = max(2, int(width // (longest + 14)))
    max_labels = min(max_labels, fits)
    step = max(1, -(-len(labels) // max_labels))
    # Ticks only where a label is written: a tick costs its drawing even without a label.
    ax.set_xticks(positions[::step])
    ax.set_xticklabels(labels[::step], color=theme.text)
    if labels:
        ax.set_xlim(-0.6, len(labels) - 0.4)
