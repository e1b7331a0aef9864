"""What a chart shows: translated labels, one value list per series, the formatter; and its CSV form.

Plain data (no Qt, no matplotlib): the page builds it from the core's read models, the draw functions
draw it, the canvas shows its exact values on hover and copies it as CSV.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field

Formatter = Callable[[float], str]


def plain_number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")


@dataclass
class Series:
    """One series: ``key`` names what it counts (a KPI key, used for drill-down), ``label`` is shown."""

    key: str
    label: str
    values: list[float | None]
    colour: str = ""  # empty: the theme's palette


@dataclass
class ChartData:
    """Everything one chart shows, already translated; money in currency units (not cents)."""

    categories: list[str]
    series: list[Series]
    format_value: Formatter = plain_number
    title: str = ""
    empty_text: str = "No data"
    category_header: str = ""  # the CSV's first column
    reference: float | None = None  # e.g. 100% on goal attainment
    reference_label: str = ""
    notes: list[str] = field(default_factory=list)  # one text per category, written beside its bar
    bar_colours: list[str] = field(default_factory=list)  # one colour per category (single-series bars)
    zero_is_data: bool = False  # a rate of 0% is a value, not "nothing recorded"

    def is_empty(self) -> bool:
        return not self.categories or all(
            value is None or (value == 0 and not self.zero_is_data)
            for series in self.series
            for value in series.values
        )

    def value_text(self, series_index: int, index: int) -> str:
        series = self.series[series_index]
        value = series.values[index] if 0 <= index < len(series.values) else None
        shown = "–" if value is None else self.format_value(value)
        return f"{self.categories[index]}\n{series.label}: {shown}"

    def to_csv(self) -> str:
        """The chart's data as CSV text (UTF-8; numbers unformatted, so a spreadsheet reads them)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([_safe(self.category_header), *(_safe(s.label) for s in self.series)])
        for index, category in enumerate(self.categories):
            row: list[object] = [_safe(category)]
            for series in self.series:
                value = series.values[index] if index < len(series.values) else None
                row.append("" if value is None else _number(value))
            writer.writerow(row)
        return out.getvalue()


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.4f}".rstrip("0")


def _safe(text: str) -> str:
    """Text cells starting like a formula get a leading apostrophe (formula injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r", "\n") else text
