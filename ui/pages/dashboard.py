"""Dashboard: signed vs collected amounts of the last 12 months (matplotlib, loaded on first show)."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_crm.clock import today

from .. import fmt
from ..charts.canvas import ChartWidget
from ..handbook_link import set_kpi_link
from ..widgets import StatCard, card_row
from . import data
from .base import Page


class DashboardPage(Page):
    key = "dashboard"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.signed_card = StatCard(self.tr("Signed, last 12 months"), self, accent="primary")
        self.collected_card = StatCard(self.tr("Collected, last 12 months"), self, accent="success")
        self.ratio_card = StatCard(self.tr("Collected / signed"), self)
        # Every KPI shown links to its handbook entry.
        set_kpi_link(self.signed_card.caption_label, self.tr("Signed, last 12 months"), "signed_amount_cents")
        set_kpi_link(
            self.collected_card.caption_label, self.tr("Collected, last 12 months"), "collected_amount_cents"
        )
        self.page_layout.addLayout(card_row(self.signed_card, self.collected_card, self.ratio_card))
        frame = QFrame(self)
        frame.setObjectName("chartFrame")
        frame_layout = QVBoxLayout(frame)
        frame_layout.setContentsMargins(12, 12, 12, 12)
        self.chart = ChartWidget(frame)
        frame_layout.addWidget(self.chart)
        links = QHBoxLayout()
        links.setSpacing(16)
        about = QLabel(self.tr("How they are counted:"), frame)
        about.setObjectName("hint")
        links.addWidget(about)
        self.chart_links: list[QLabel] = []
        for text, key in (
            (self.tr("Signed amount"), "signed_amount_cents"),
            (self.tr("Collected amount"), "collected_amount_cents"),
        ):
            label = QLabel(frame)
            set_kpi_link(label, text, key)
            links.addWidget(label)
            self.chart_links.append(label)
        links.addStretch(1)
        frame_layout.addLayout(links)
        self.page_layout.addWidget(frame, 1)
        self._months: list[data.MonthlyMoney] | None = None
        self._drawn = False

    def title(self) -> str:
        return self.tr("Dashboard")

    def refresh(self) -> None:
        self._months = data.signed_vs_collected(today())
        signed = sum(m.signed_cents for m in self._months)
        collected = sum(m.collected_cents for m in self._months)
        self.signed_card.set_value(fmt.money(signed, 0))
        self.collected_card.set_value(fmt.money(collected, 0))
        self.ratio_card.set_value(self._ratio(signed, collected))
        self.subtitle_label.setText(self.tr("Signed and collected amounts per month, whole team"))
        self._drawn = False
        if self.isVisible():
            self._draw_chart()

    @staticmethod
    def _ratio(signed: int, collected: int) -> str:
        if not signed:
            return "–"
        return f"{fmt.number(collected / signed * 100, 1)}%"

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._months is not None and not self._drawn:
            self._draw_chart()

    def _draw_chart(self) -> None:
        from ..charts.signed_collected import SignedCollectedData, draw_signed_vs_collected

        months = self._months or []
        chart_data = SignedCollectedData(
            months=[fmt.month_label(m.month_start) for m in months],
            signed=[m.signed_cents / 100 for m in months],
            collected=[m.collected_cents / 100 for m in months],
            signed_label=self.tr("Signed"),
            collected_label=self.tr("Collected"),
            title=self.tr("Signed vs collected per month"),
            empty_text=self.tr("No contracts or payments in the last 12 months"),
            format_value=lambda value: fmt.money(int(value * 100), 0),
        )
        self.chart.draw(lambda ax: draw_signed_vs_collected(ax, chart_data))
        self._drawn = True
