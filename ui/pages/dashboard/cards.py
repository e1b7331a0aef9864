"""A KPI card: the title as a link to its handbook entry, the value, MoM and YoY with coloured arrows."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
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
        self.setProperty("kpi", True)  # app.qss: the value's size
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        self.caption_label = QLabel(self)
        self.caption_label.setObjectName("statCaption")
        set_kpi_link(self.caption_label, kpi_name(key), key)
        self.value_label = QLabel("–", self)
        self.value_label.setObjectName("statValue")
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


class CardGrid(QWidget):
    """The cards in as many columns (at most ``max_columns``) as the width holds without clipping."""

    def __init__(self, cards: list[KpiCard], parent: QWidget | None = None, max_columns: int = 5) -> None:
        super().__init__(parent)
        self.cards = cards
        self.max_columns = max_columns
        self.columns = 0
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(12)
        for card in cards:
            card.setParent(self)
        self._arrange(max_columns)

    def _card_width(self) -> int:
        return max(card.minimumSizeHint().width() for card in self.cards)

    def _columns_for(self, width: int) -> int:
        spacing = self.grid.horizontalSpacing()
        fit = (width + spacing) // (self._card_width() + spacing)
        return max(1, min(self.max_columns, fit))

    def _arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for column in range(self.max_columns):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        for index, card in enumerate(self.cards):
            self.grid.addWidget(card, index // columns, index % columns)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        return QSize(self._card_width(), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        self._arrange(self._columns_for(event.size().width()))
        super().resizeEvent(event)
