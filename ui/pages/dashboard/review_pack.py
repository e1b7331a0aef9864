"""The review pack: one A4 PDF for the owner with the cards, the charts, the per-salesperson summary and
the period's weekly forms with their annotations and scores.

``QPdfWriter`` + ``QTextDocument`` with the bundled Chinese font; charts are drawn by the same pure draw
functions into an Agg figure and embedded as PNG at 200 dpi; the weekly forms come from the weekly page's
HTML builder (``ui.pages.weekly.form_html.FormHtml``). The file is written to a temporary name beside the
target and renamed. ``export_headless`` serves ``desktop-crm report`` (no display needed).
"""

from __future__ import annotations

import html
import io
import os
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QUrl
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QTextDocument,
)

from ...charts.theme import LIGHT, ChartTheme
from ...pdf import write_html_pdf
from ..weekly.form_html import FormHtml
from ..weekly.kpi_names import kpi_name
from .loader import DashboardData, load, request_for
from .specs import DashboardTexts
from .summary import COLUMNS, PersonSummaryModel

CHART_DPI = 200
CHART_WIDTH_PX = 640  # in the document's 96-dpi pixels
_STYLE = """
body { color: #1f2a3c; }
h1 { font-size: 18pt; margin: 0 0 4px 0; }
h2 { font-size: 13pt; margin: 14px 0 6px 0; color: #1f2a3c; }
p.muted { color: #6b7785; }
table.grid { border-collapse: collapse; }
table.grid td, table.grid th { border: 1px solid #d5dbe5; padding: 3px 5px; }
table.grid th { background: #eef2f7; }
td.num { text-align: right; }
.good { color: #1e8a63; }
.bad { color: #c8372d; }
.flag { color: #b4471f; font-weight: bold; }
"""


def _e(text: object) -> str:
    return html.escape(str(text))


class ReviewPack(QObject):
    """The pack's texts (one translation context)."""

    def __init__(self, data: DashboardData, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.texts = DashboardTexts(self)

    def who(self) -> str:
        request = self.data.request
        if request.user_id is None:
            return self.tr("Whole team")
        names = [p.name for p in self.data.people if p.user_id == request.user_id]
        return names[0] if names else self.tr("One salesperson")

    def _t(self, index: int) -> str:
        return [
            self.tr("Changes against the previous period (MoM) and a year earlier (YoY)."),
            self.tr("Charts"),
            self.tr("Per salesperson"),
            self.tr("Weekly forms of the period"),
            self.tr("No weekly form was handed in for this period."),
            self.tr("KPI"),
            self.tr("Value"),
            self.tr("Previous"),
            self.tr("MoM"),
            self.tr("A year earlier"),
            self.tr("YoY"),
            self.tr("Nobody to summarise."),
        ][index]

    def title(self) -> str:
        return self.tr("Review pack")

    def footer(self, page: int, pages: int) -> str:
        return self.tr("Review pack · page {page} of {pages}").format(page=page, pages=pages)

    def document(self, charts: list[tuple[str, str]]) -> str:
        data = self.data
        period = self.texts.period_title(data.request.period)
        parts = [f"<html><head><style>{_STYLE}{self._form_style()}</style></head><body>"]
        heading = self.tr("Review pack: {who}, {period}").format(who=self.who(), period=period)
        parts.append(f"<h1>{_e(heading)}</h1>")
        parts.append(f'<p class="muted">{_e(self._t(0))}</p>')
        parts.append(self._cards())
        parts.append(f"<h2>{_e(self._t(1))}</h2>")
        for name, title in charts:
            # Qt scales an image's HTML width from 96-dpi pixels to the printer's resolution: 640 is
            # just under the text width of an A4 page with 15 mm margins.
            parts.append(f'<p><b>{_e(title)}</b><br/><img src="{name}" width="{CHART_WIDTH_PX}"/></p>')
        parts.append(f'<h2 style="page-break-before: always;">{_e(self._t(2))}</h2>')
        parts.append(self._people())
        parts.append(f'<h2 style="page-break-before: always;">{_e(self._t(3))}</h2>')
        if not data.forms:
            parts.append(f'<p class="muted">{_e(self._t(4))}</p>')
        builder = FormHtml()
        for index, view in enumerate(data.forms):
            body = _body(builder.document(view, links=False))
            style = ' style="page-break-before: always;"' if index else ""
            parts.append(f"<div{style}>{body}</div>")
        parts.append("</body></html>")
        return "".join(parts)

    def _form_style(self) -> str:
        if not self.data.forms:
            return ""
        found = re.search(r"<style>(.*?)</style>", FormHtml().document(self.data.forms[0]), re.S)
        return found.group(1) if found else ""

    def _cards(self) -> str:
        rows = [
            f"<tr><th>{_e(self._t(5))}</th><th>{_e(self._t(6))}</th><th>{_e(self._t(7))}</th>"
            f"<th>{_e(self._t(8))}</th><th>{_e(self._t(9))}</th><th>{_e(self._t(10))}</th></tr>"
        ]
        for card in self.data.cards:
            rows.append(
                "<tr>"
                f"<td>{_e(kpi_name(card.key))}</td>"
                f'<td class="num"><b>{_e(self.texts.value(card.key, card.value))}</b></td>'
                f'<td class="num">{_e(self.texts.value(card.key, card.previous))}</td>'
                f'<td class="num">{self._change(card.mom, card.direction, card.good)}</td>'
                f'<td class="num">{_e(self.texts.value(card.key, card.year_ago))}</td>'
                f'<td class="num">{self._change(card.yoy, card.yoy_direction, card.yoy_good)}</td>'
                "</tr>"
            )
        return f'<table class="grid" width="100%" cellspacing="0">{"".join(rows)}</table>'

    def _change(self, ratio: float | None, direction: str | None, good: bool | None) -> str:
        if ratio is None or direction is None:
            return "–"
        arrow = {"up": "▲", "down": "▼"}.get(direction, "■")
        css = "" if good is None else ("good" if good else "bad")
        return f'<span class="{css}">{arrow} {_e(self.texts.change(ratio))}</span>'

    def _people(self) -> str:
        model = PersonSummaryModel()
        model.set_rows(self.data.people)
        if not self.data.people:
            return f'<p class="muted">{_e(self._t(11))}</p>'
        head = "".join(f"<th>{_e(model.headerData(c, _H))}</th>" for c in range(len(COLUMNS)))
        rows = [f"<tr>{head}</tr>"]
        for r, person in enumerate(self.data.people):
            cells = []
            for c in range(len(COLUMNS)):
                text = model.data(model.index(r, c))
                css = "flag" if COLUMNS[c][0] == "busy_not_converting" else ("num" if c not in (1,) else "")
                cells.append(f'<td class="{css}">{_e(text or "")}</td>')
            rows.append(f"<tr>{''.join(cells)}</tr>")
            del person
        return f'<table class="grid" width="100%" cellspacing="0" style="font-size: 8pt;">{"".join(rows)}</table>'


from PySide6.QtCore import Qt  # noqa: E402

_H = Qt.Orientation.Horizontal


def _body(document: str) -> str:
    found = re.search(r"<body>(.*)</body>", document, re.S)
    return found.group(1) if found else document


def chart_png(draw: Any, chart_data: Any, theme: ChartTheme = LIGHT) -> bytes:
    """One chart drawn by its pure draw function into an Agg figure, as PNG bytes at 200 dpi."""
    from ...charts.canvas import _import_matplotlib

    _import_matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7.4, 3.0), dpi=CHART_DPI, layout="constrained", facecolor=theme.background)
    FigureCanvasAgg(figure)
    ax = figure.add_subplot(1, 1, 1)
    draw(ax, chart_data, theme)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=CHART_DPI, facecolor=theme.background)
    return buffer.getvalue()


def write_review_pack(data: DashboardData, path: str | os.PathLike[str], theme: ChartTheme = LIGHT) -> Path:
    """Write the pack of ``data`` to ``path`` (A4 portrait; on paper the charts are always light)."""
    del theme  # paper is white
    pack = ReviewPack(data)
    document = QTextDocument()
    charts: list[tuple[str, str]] = []
    for index, spec in enumerate(pack.texts.charts(data, LIGHT)):
        image = QImage.fromData(chart_png(spec.draw, spec.data, LIGHT), "PNG")
        name = f"chart{index}.png"
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        charts.append((name, spec.title))
    return write_html_pdf(
        path, pack.document(charts), title=pack.title(), footer=pack.footer, point_size=9.5, document=document
    )


def export_headless(
    start: date, end_inclusive: date, user_id: int | None, path: str | os.PathLike[str], language: str | None
) -> Path:
    """For ``desktop-crm report``: an offscreen GUI application when none exists, translators, the pack.

    The cards cover ``[start, end_inclusive]`` as one period; the charts show its weeks (up to 9 weeks),
    months (up to two years) or quarters."""
    from ...i18n import install_translators
    from ...settings import AppSettings

    app = QCoreApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["desktop-crm"])
    lang = (
        language or AppSettings().language or ("zh_CN" if QLocale.system().name().startswith("zh") else "en")
    )
    install_translators(app, lang)  # type: ignore[arg-type]
    end = end_inclusive + timedelta(days=1)
    days = (end - start).days
    kind = "week" if days <= 63 else "month" if days <= 731 else "quarter"
    from desktop_crm import team
    from desktop_crm.kpi import Period

    base = request_for(kind, start, end_inclusive, user_id, team.current_user_id())
    period = Period(start, end, "custom")
    for aligned in ("week", "month", "quarter", "year"):
        try:
            period = Period(start, end, aligned)
            break
        except ValueError:
            continue
    request = type(base)(kind, base.start, base.end, period, user_id, base.viewer_id)
    return write_review_pack(load(request, with_forms=True), path)
