"""Turn the dashboard's data into what is shown: KPI values as text, period labels, and one
:class:`~ui.charts.data.ChartData` per chart (translated, money in currency units)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QDate, QLocale, QObject

from desktop_crm import dashboard
from desktop_crm.goal_metrics import METRIC_UNITS
from desktop_crm.kpi import Period
from desktop_crm.kpi.queries import CHANNELS

from ... import fmt
from ... import labels as labels_module
from ...charts import kpi_charts
from ...charts.data import ChartData, Series
from ...charts.theme import ChartTheme
from ..weekly.kpi_names import kpi_name
from .loader import DashboardData

DrawFunction = Callable[..., None]


@dataclass
class ChartSpec:
    """One chart of the grid: its key, title, the KPI its title links to, how to draw it, its data."""

    key: str
    title: str
    kpi_key: str
    draw: DrawFunction
    data: ChartData


def money_axis(value: float) -> str:
    """Currency units on an axis, in the locale's format without decimals."""
    return fmt.money(int(round(value * 100)), 0)


def percent_axis(value: float) -> str:
    return f"{fmt.number(value, 0 if float(value).is_integer() else 1)}%"


def number_axis(value: float) -> str:
    return fmt.number(value, 0 if float(value).is_integer() else 1)


class DashboardTexts(QObject):
    """Every text of the dashboard that depends on data (so it is extracted under one context)."""

    def value(self, key: str, value: float | int | None) -> str:
        """A KPI value in its unit: money without cents, rates in percent, days and ratios with one decimal."""
        if value is None:
            return "–"
        unit = METRIC_UNITS.get(key, "count")
        if unit == "cents":
            return fmt.money(int(value), 0)
        if unit == "rate":
            return f"{fmt.number(float(value) * 100, 1)}%"
        if unit == "days":
            return self.tr("{days} d").format(days=fmt.number(float(value), 1))
        if unit in ("ratio", "score"):
            return fmt.number(float(value), 1)
        return fmt.number(int(value))

    def change(self, ratio: float | None) -> str:
        return fmt.percent(ratio) if ratio is not None else "–"

    def period_label(self, period: Period) -> str:
        """A short label of one period on an axis: week 2026-W05, Jan 26, 2026 Q1, 2026."""
        start = period.start
        if period.kind == "week":
            iso_year, iso_week, _ = start.isocalendar()
            return self.tr("W{week}").format(week=f"{iso_week:02d}") if iso_week != 1 else f"{iso_year}-W01"
        if period.kind == "month":
            return fmt.month_label(start)
        if period.kind == "quarter":
            return self.tr("{year} Q{quarter}").format(year=start.year, quarter=(start.month - 1) // 3 + 1)
        if period.kind == "year":
            return str(start.year)
        return self.range_label(period)

    def period_title(self, period: Period) -> str:
        """The selected period in words: "Week 48, 2026", "November 2026", "2026 Q4", "2026"."""
        start = period.start
        if period.kind == "week":
            iso_year, iso_week, _ = start.isocalendar()
            return self.tr("Week {week}, {year}").format(week=iso_week, year=iso_year)
        if period.kind == "month":
            pattern = self.tr("MMMM yyyy", "QDate format of a month in a title")
            return QLocale().toString(QDate(start.year, start.month, 1), pattern)
        if period.kind in ("quarter", "year"):
            return self.period_label(period)
        return self.range_label(period)

    def range_label(self, period: Period) -> str:
        from datetime import timedelta

        return self.tr("{start} – {end}").format(
            start=fmt.short_date(period.start), end=fmt.short_date(period.end - timedelta(days=1))
        )

    def pace_name(self, pace: str) -> str:
        names = {
            "far_behind": self.tr("far behind"),
            "missed": self.tr("missed"),
            "behind": self.tr("behind"),
            "unknown": self.tr("no pace yet"),
            "not_started": self.tr("not started"),
            "on_pace": self.tr("on pace"),
            "reached": self.tr("reached"),
        }
        return names.get(pace, pace.replace("_", " "))

    # --- charts --------------------------------------------------------------------------------
    def charts(self, data: DashboardData, theme: ChartTheme) -> list[ChartSpec]:
        labels = [self.period_label(p) for p in data.periods]
        header = self.tr("Period")
        empty = self.tr("Nothing recorded in these periods")

        def trend(chart: str, key: str, scale: float = 1.0) -> list[float | None]:
            values = [point.values.get(key) for point in data.trends.get(chart, [])]
            return [None if v is None else float(v) * scale for v in values]

        def series(chart: str, keys: tuple[str, ...], scale: float = 1.0) -> list[Series]:
            return [Series(k, kpi_name(k), trend(chart, k, scale)) for k in keys]

        signed = ChartData(
            labels,
            series("signed_collected", dashboard.CHART_KEYS["signed_collected"], 0.01),
            money_axis,
            empty_text=empty,
            category_header=header,
        )
        conversion = ChartData(
            labels,
            series("conversion", ("conversion_rate",), 100.0),
            percent_axis,
            empty_text=self.tr("No new clients in these periods"),
            category_header=header,
            zero_is_data=True,
        )
        first_order = ChartData(
            labels,
            series("first_order", ("first_order_avg_cents",), 0.01),
            money_axis,
            empty_text=self.tr("No first signings in these periods"),
            category_header=header,
        )
        cycle = ChartData(
            labels,
            [
                Series(
                    "follow_up_cycle_days_mean",
                    self.tr("Mean (days)"),
                    trend("cycle", "follow_up_cycle_days_mean"),
                ),
                Series(
                    "follow_up_cycle_days_median",
                    self.tr("Median (days)"),
                    trend("cycle", "follow_up_cycle_days_median"),
                ),
            ],
            number_axis,
            empty_text=self.tr("No first signings in these periods"),
            category_header=header,
        )
        activity = ChartData(
            labels,
            series("activity", tuple(f"activity_{c}" for c in CHANNELS)),
            number_axis,
            empty_text=self.tr("No follow-ups in these periods"),
            category_header=header,
        )
        stages = [bar for bar in data.pipeline if bar.count]
        pipeline = ChartData(
            [labels_module.label("stage", bar.stage) for bar in stages],
            [Series("pipeline", self.tr("Expected amount"), [bar.amount_cents / 100 for bar in stages])],
            money_axis,
            empty_text=self.tr("No open opportunities"),
            category_header=self.tr("Stage"),
            notes=[self.tr("{count} open").format(count=bar.count) for bar in stages],
        )
        people = [a for a in data.attainment if a.completion is not None]
        colours = {
            "reached": theme.good,
            "on_pace": theme.good,
            "behind": theme.neutral,
            "unknown": theme.muted,
        }
        colours["not_started"] = theme.muted
        attainment = ChartData(
            [a.name for a in people],
            [
                Series(
                    "goal_completion", self.tr("Completion"), [float(a.completion or 0) * 100 for a in people]
                )
            ],
            percent_axis,
            empty_text=self.tr("No goals with a target for this period"),
            category_header=self.tr("Salesperson"),
            reference=100.0,
            notes=[
                f"{fmt.number(float(a.completion or 0) * 100, 0)}% · {self.pace_name(a.pace)}" for a in people
            ],
            bar_colours=[colours.get(a.pace, theme.bad) for a in people],
        )
        behaviour = self._behaviour_chart(data)
        return [
            ChartSpec(
                "signed_collected",
                self.tr("Signed, collected and planned collection"),
                "signed_amount_cents",
                kpi_charts.draw_signed_vs_collected,
                signed,
            ),
            ChartSpec(
                "activity",
                self.tr("Activity by channel"),
                "activity_total",
                kpi_charts.draw_activity_mix,
                activity,
            ),
            ChartSpec(
                "conversion",
                self.tr("Conversion rate"),
                "conversion_rate",
                kpi_charts.draw_conversion_trend,
                conversion,
            ),
            ChartSpec(
                "first_order",
                self.tr("First-order average value"),
                "first_order_avg_cents",
                kpi_charts.draw_first_order_value_trend,
                first_order,
            ),
            ChartSpec(
                "cycle",
                self.tr("Follow-up cycle"),
                "follow_up_cycle_days_mean",
                kpi_charts.draw_follow_up_cycle_trend,
                cycle,
            ),
            ChartSpec(
                "pipeline",
                self.tr("Open pipeline by stage"),
                "new_opportunity_value_cents",
                kpi_charts.draw_pipeline_by_stage,
                pipeline,
            ),
            ChartSpec(
                "attainment",
                self.tr("Goal attainment, {period}").format(period=self.period_title(data.request.period)),
                "rule:completion",
                kpi_charts.draw_goal_attainment,
                attainment,
            ),
            ChartSpec(
                "behaviour",
                self.tr("Monthly behaviour score"),
                "behaviour_score",
                kpi_charts.draw_behaviour_scores,
                behaviour,
            ),
        ]

    def _behaviour_chart(self, data: DashboardData) -> ChartData:
        months = sorted({score.month_start for score in data.behaviour})
        by_person: dict[int, dict] = {}
        names: dict[int, str] = {}
        for score in data.behaviour:
            by_person.setdefault(score.user_id, {})[score.month_start] = score.score
            names[score.user_id] = score.name
        shown = [u for u, scores in by_person.items() if any(v is not None for v in scores.values())]
        return ChartData(
            [fmt.month_label(m) for m in months],
            [Series(f"behaviour_score@{u}", names[u], [by_person[u].get(m) for m in months]) for u in shown],
            number_axis,
            empty_text=self.tr("No scored weekly forms in these months"),
            category_header=self.tr("Month"),
        )
