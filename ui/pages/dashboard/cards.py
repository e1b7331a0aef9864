"""A KPI card: the title as a link to its handbook entry, the value, MoM and YoY with coloured arrows."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_crm import dashboard

from ...handbook_link import set_kpi_link
from ..weekly.kpi_names import kpi_name
from .specs import DashboardTexts

GOOD, BAD, FLAT = "#2fa37c", "#d9534f", "#8a94a3"
ARROWS = {"up": "▲", "down": "▼", "flat": "■"}


class KpiCard(QFrame):
    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("statCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        self.caption_label = QLabel(self)
        self.caption_label.setObjectName("statCaption")
        set_kpi_link(self.caption_label, kpi_name(key), key)
        self.value_label = QLabel("–", self)
        self.value_label.setObjectName("statValue")
        self.value_label.setStyleSheet("font-size: 20px;")
        changes = QHBoxLayout()
        changes.setSpacing(10)
        self.mom_label = QLabel(self)
        self.yoy_label = QLabel(self)
        for label in (self.mom_label, self.yoy_label):
            label.setObjectName("cardChange")
            changes.addWidget(label)
        changes.addStretch(1)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.value_label)
        layout.addLayout(changes)

    def set_loading(self) -> None:
        self.value_label.setText("…")

    def set_card(self, card: dashboard.Card, texts: DashboardTexts) -> None:
        self.value_label.setText(texts.value(card.key, card.value))
        self.mom_label.setText(self._change(self.tr("MoM"), card.mom, card.direction, card.good, texts))
        self.yoy_label.setText(
            self._change(self.tr("YoY"), card.yoy, card.yoy_direction, card.yoy_good, texts)
        )
        self.mom_label.setToolTip(
            self.tr("Previous period: {value}").format(value=texts.value(card.key, card.previous))
        )
        self.yoy_label.setToolTip(
            self.tr("A year earlier: {value}").format(value=texts.value(card.key, card.year_ago))
        )

    @staticmethod
    def _change(
        name: str, ratio: float | None, direction: str | None, good: bool | None, texts: DashboardTexts
    ) -> str:
        if ratio is None or direction is None:
            return f'<span style="color: {FLAT};">{name} –</span>'
        colour = FLAT if good is None else GOOD if good else BAD
        return f'<span style="color: {FLAT};">{name}</span> <span style="color: {colour};">{ARROWS[direction]} {texts.change(ratio)}</span>'


def card_grid(cards: list[KpiCard], columns: int = 5) -> QGridLayout:
    grid = QGridLayout()
    grid.setHorizontalSpacing(12)
    grid.setVerticalSpacing(12)
    for index, card in enumerate(cards):
        grid.addWidget(card, index // columns, index % columns)
    for column in range(columns):
        grid.setColumnStretch(column, 1)
    return grid
