"""Dashboard charts: each pure draw function renders to PNG with Chinese labels without missing glyphs,
legends sit above the plot, axes hold every value; the canvas shows exact values on hover, reports clicks,
saves PNG/SVG/PDF and copies its data as CSV."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from ui.charts import kpi_charts
from ui.charts.canvas import ChartWidget
from ui.charts.data import ChartData, Series
from ui.charts.theme import DARK, LIGHT, ChartTheme

MONTHS = ["25年1月", "25年2月", "25年3月", "25年4月", "25年5月", "25年6月"]


def money(value: float) -> str:
    return f"¥{value:,.0f}"


def percent(value: float) -> str:
    return f"{value:.0f}%"


def charts() -> dict[str, tuple[Callable[[Any, ChartData, ChartTheme], None], ChartData]]:
    six = [120_000.0, 80_500.0, 0.0, 310_000.0, 95_000.0, 150_000.0]
    return {
        "signed_vs_collected": (
            kpi_charts.draw_signed_vs_collected,
            ChartData(
                MONTHS,
                [
                    Series("signed_amount_cents", "签约额", six),
                    Series(
                        "collected_amount_cents", "回款额", [90_000.0, 60_000.0, 45_000, 100_000, 0, 70_000]
                    ),
                    Series(
                        "planned_collection_cents",
                        "计划回款",
                        [100_000.0, 70_000, 50_000, 90_000, 80_000, 95_000],
                    ),
                ],
                money,
                title="签约与回款",
                empty_text="没有数据",
            ),
        ),
        "conversion": (
            kpi_charts.draw_conversion_trend,
            ChartData(
                MONTHS, [Series("conversion_rate", "转化率", [10.0, 25.0, None, 40.0, 33.3, 50.0])], percent
            ),
        ),
        "first_order_value": (
            kpi_charts.draw_first_order_value_trend,
            ChartData(
                MONTHS,
                [Series("first_order_avg_cents", "首次客单价", [50_000.0, None, 62_000, 48_000, 0, 71_000])],
                money,
            ),
        ),
        "follow_up_cycle": (
            kpi_charts.draw_follow_up_cycle_trend,
            ChartData(
                MONTHS,
                [
                    Series("follow_up_cycle_days_mean", "平均（天）", [12.0, 30.5, 18, None, 22, 9]),
                    Series("follow_up_cycle_days_median", "中位数（天）", [10.0, 21, 15, None, 20, 8]),
                ],
            ),
        ),
        "activity_mix": (
            kpi_charts.draw_activity_mix,
            ChartData(
                MONTHS,
                [
                    Series(f"activity_{c}", name, [float(i * 3 + n) for i in range(6)])
                    for n, (c, name) in enumerate(
                        (
                            ("call", "电话"),
                            ("sms", "短信"),
                            ("visit", "拜访"),
                            ("wechat", "微信"),
                            ("email", "邮件"),
                            ("meeting", "会议"),
                        )
                    )
                ],
            ),
        ),
        "pipeline": (
            kpi_charts.draw_pipeline_by_stage,
            ChartData(
                ["初步接触", "需求确认", "方案报价", "商务谈判"],
                [Series("pipeline", "预计金额", [500_000.0, 320_000, 210_000, 90_000])],
                money,
                notes=["12 个商机", "8 个商机", "5 个商机", "2 个商机"],
            ),
        ),
        "goal_attainment": (
            kpi_charts.draw_goal_attainment,
            ChartData(
                ["张伟", "李娜", "王芳"],
                [Series("completion", "完成率", [135.0, 72.0, 40.0])],
                percent,
                reference=100.0,
                notes=["135%", "72%", "40%"],
                bar_colours=["#2fa37c", "#e8a33d", "#d9534f"],
            ),
        ),
        "behaviour_scores": (
            kpi_charts.draw_behaviour_scores,
            ChartData(
                MONTHS,
                [
                    Series("behaviour_score", "张伟", [80.0, 85, 78, 90, None, 88]),
                    Series("behaviour_score", "李娜", [70.0, 72, 75, 71, 80, 83]),
                ],
            ),
        ),
    }


def figure() -> Any:
    from matplotlib.figure import Figure

    from ui.fonts import register_matplotlib_font

    register_matplotlib_font()
    return Figure(figsize=(6, 3.2), dpi=100, layout="constrained")


@pytest.mark.parametrize("name", list(charts()))
@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_each_chart_renders_chinese_labels_without_missing_glyphs(
    name: str, theme: ChartTheme, tmp_path: Path
) -> None:
    draw, data = charts()[name]
    fig = figure()
    ax = fig.add_subplot(1, 1, 1)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        draw(ax, data, theme)
        fig.savefig(tmp_path / f"{name}.png")
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert missing == []
    assert (tmp_path / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # Nothing clipped: every bar and point lies inside the value axis.
    low, high = ax.get_xlim() if name in ("pipeline", "goal_attainment") else ax.get_ylim()
    values = [v for s in data.series for v in s.values if v is not None]
    if name == "activity_mix":
        values = [sum(s.values[i] or 0 for s in data.series) for i in range(len(data.categories))]
    assert low <= min(values) and max(values) < high
    # The legend (when there is one) sits above the axes, never over the data.
    legend = ax.get_legend()
    if legend is not None:
        fig.canvas.draw()
        assert legend.get_window_extent().y0 >= ax.get_window_extent().y1 - 1


def test_a_chart_without_data_says_so() -> None:
    fig = figure()
    ax = fig.add_subplot(1, 1, 1)
    data = ChartData(
        MONTHS, [Series("signed_amount_cents", "签约额", [0.0] * 6)], money, empty_text="没有数据"
    )
    kpi_charts.draw_signed_vs_collected(ax, data, LIGHT)
    assert "没有数据" in [t.get_text() for t in ax.texts]


def test_csv_holds_the_exact_values_and_defuses_formulas() -> None:
    data = ChartData(
        ["=1+1", "Feb"],
        [Series("a", "Signed", [1234.5, None]), Series("b", "Collected", [10.0, 20.0])],
        category_header="Month",
    )
    assert data.to_csv() == "Month,Signed,Collected\r\n'=1+1,1234.5,10\r\nFeb,,20\r\n"


def shown_widget(qtbot: QtBot) -> ChartWidget:
    widget = ChartWidget()
    qtbot.addWidget(widget)
    widget.resize(640, 360)
    widget.show()
    qtbot.waitExposed(widget)
    draw, data = charts()["signed_vs_collected"]
    widget.show_chart(draw, data, LIGHT)
    widget.file_stem = "签约"
    return widget


def mouse_event(widget: ChartWidget, name: str, x: float, y: float) -> Any:
    from matplotlib.backend_bases import MouseButton, MouseEvent

    return MouseEvent(
        name, widget.canvas, x, y, button=MouseButton.LEFT if name == "button_press_event" else None
    )


def test_hover_shows_the_exact_value_and_a_click_reports_series_and_period(qtbot: QtBot) -> None:
    widget = shown_widget(qtbot)
    x, y = widget.point_position(1, 3)  # collected, 4th month
    widget.canvas.callbacks.process("motion_notify_event", mouse_event(widget, "motion_notify_event", x, y))
    assert widget.hover_text == "25年4月\n回款额: ¥100,000"
    with qtbot.waitSignal(widget.sig_point_clicked) as blocker:
        widget.canvas.callbacks.process("button_press_event", mouse_event(widget, "button_press_event", x, y))
    assert blocker.args == ["collected_amount_cents", 3]
    # A point of the planned-collection line.
    x, y = widget.point_position(2, 4)
    with qtbot.waitSignal(widget.sig_point_clicked) as blocker:
        widget.canvas.callbacks.process("button_press_event", mouse_event(widget, "button_press_event", x, y))
    assert blocker.args == ["planned_collection_cents", 4]
    # Empty space: no value, no click.
    widget.canvas.callbacks.process("motion_notify_event", mouse_event(widget, "motion_notify_event", 2, 2))
    assert widget.hover_text == ""


@pytest.mark.parametrize("kind, magic", [("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")])
def test_save_as_writes_the_chosen_format(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, magic: bytes
) -> None:
    from ui import prompts

    widget = shown_widget(qtbot)
    asked: list[tuple[str, str]] = []

    def ask(_parent: object, _title: str, suggested: str, file_filter: str) -> str:
        asked.append((suggested, file_filter))
        return str(tmp_path / "chart")

    monkeypatch.setattr(prompts, "ask_save_path", ask)
    path = widget.save_as(kind)
    assert path == str(tmp_path / f"chart.{kind}")
    assert Path(path).read_bytes()[: len(magic)] == magic
    assert asked[0][0] == f"签约.{kind}" and f"*.{kind}" in asked[0][1]
    assert [p.name for p in tmp_path.iterdir()] == [f"chart.{kind}"]  # no temporary file left


def test_context_menu_offers_save_and_copy_and_copy_fills_the_clipboard(qtbot: QtBot) -> None:
    widget = shown_widget(qtbot)
    menu = widget.context_menu()
    assert [a.text() for a in menu.actions() if a.text()] == [
        "Save as PNG…",
        "Save as SVG…",
        "Save as PDF…",
        "Copy data as CSV",
    ]
    menu.actions()[-1].trigger()
    text = QGuiApplication.clipboard().text()
    assert text.splitlines()[0] == ",签约额,回款额,计划回款"
    assert text.splitlines()[4] == "25年4月,310000,100000,90000"


def test_theme_switch_redraws_in_the_dark_colours(qtbot: QtBot) -> None:
    from matplotlib.colors import to_hex

    widget = shown_widget(qtbot)
    assert to_hex(widget.figure.get_facecolor()) == LIGHT.background
    widget.set_theme(DARK)
    assert to_hex(widget.figure.get_facecolor()) == DARK.background
    assert to_hex(widget.ax.get_facecolor()) == DARK.background


# --- what keeps a redraw quick: each text rasterised once, the unchanged legend blitted --------------


def pixels(widget: ChartWidget) -> Any:
    import numpy as np

    return np.asarray(widget.canvas.buffer_rgba()).astype(int)


def plain_render(
    draw: Callable[[Any, ChartData, ChartTheme], None], data: ChartData, widget: ChartWidget
) -> Any:
    """The same chart drawn by matplotlib's own Agg canvas at the widget's size and axes position."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    shown = widget.figure
    fig = Figure(figsize=shown.get_size_inches(), dpi=shown.dpi)
    ax = fig.add_subplot(1, 1, 1)
    draw(ax, data, widget.theme)
    ax.set_position(widget.ax.get_position())
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).astype(int)


def render(widget: ChartWidget, draw: Any, data: ChartData, theme: ChartTheme = LIGHT) -> None:
    widget.show_chart(draw, data, theme, render=False)
    widget.render_now()


def test_text_is_rasterised_once_and_drawn_where_agg_draws_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.charts import agg_text

    widget = shown_widget(qtbot)
    draw, data = charts()["signed_vs_collected"]
    agg_text.clear_caches()
    rasterised: list[str] = []
    original = agg_text.CachingRenderer._rasterise

    def counting(self: Any, s: str, prop: Any) -> Any:
        rasterised.append(s)
        return original(self, s, prop)

    monkeypatch.setattr(agg_text.CachingRenderer, "_rasterise", counting)
    render(widget, draw, data)
    first = list(rasterised)
    assert "签约额" in first and "25年4月" in first  # legend entries and tick labels (Chinese too)
    render(widget, draw, data)
    assert rasterised == first  # the second render rasterised nothing
    ours, theirs = pixels(widget), plain_render(draw, data, widget)
    assert ours.shape == theirs.shape
    # Every pixel as Agg draws it, give or take a pixel's shift (text snapped to whole pixels) ...
    assert off_by_more_than_a_pixel(ours, theirs) < 0.001
    # ... and the text is there: a chart without its labels is far from it.
    blank = ChartData(data.categories, [Series(s.key, "", s.values) for s in data.series], money)
    assert off_by_more_than_a_pixel(ours, plain_render(draw, blank, widget)) > 0.002


def off_by_more_than_a_pixel(ours: Any, theirs: Any) -> float:
    """The share of pixels of ``ours`` that no pixel of ``theirs`` within one pixel matches."""
    import numpy as np

    padded = np.pad(theirs, ((1, 1), (1, 1), (0, 0)), mode="edge")
    height, width = ours.shape[:2]
    nearest = np.min(
        [
            abs(ours - padded[dy : dy + height, dx : dx + width]).max(axis=2)
            for dy in range(3)
            for dx in range(3)
        ],
        axis=0,
    )
    return float((nearest > 60).mean())


def test_an_unchanged_legend_is_blitted_and_a_changed_one_drawn_again(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from matplotlib.legend import Legend

    widget = shown_widget(qtbot)
    draw, data = charts()["signed_vs_collected"]
    drawn: list[int] = []
    original = Legend.draw

    def counting(self: Any, renderer: Any) -> None:
        if self.get_visible():  # (an invisible legend draws nothing)
            drawn.append(1)
        original(self, renderer)

    monkeypatch.setattr(Legend, "draw", counting)
    render(widget, draw, data)
    before, count = pixels(widget), len(drawn)
    render(widget, draw, data)
    assert len(drawn) == count and (pixels(widget) == before).all()  # blitted: the same pixels
    renamed = ChartData(
        data.categories,
        [Series(s.key, s.label + "额外", s.values) for s in data.series],
        money,
        title=data.title,
    )
    for changed, theme in ((renamed, LIGHT), (renamed, DARK), (data, DARK)):
        render(widget, draw, changed, theme)
        assert len(drawn) > count, (changed.series[0].label, theme.name)
        count = len(drawn)
        fresh = ChartWidget()
        qtbot.addWidget(fresh)
        fresh.resize(widget.size())
        fresh.show()
        qtbot.waitExposed(fresh)
        render(fresh, draw, changed, theme)
        assert (pixels(widget) == pixels(fresh)).all()  # exactly what a first render shows
