"""The pipeline board: one ``StageColumn`` per open stage (header with probability, count, amount and
weighted amount; the top opportunities as cards; "N more…" when the stage holds more than are shown)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm import clock
from desktop_crm.pipeline import PipelineCard, StageTotal

from ... import fmt
from ...labels import label
from .models import CARD_ROLE, PipelineCardModel

CARD_HEIGHT = 74
STAGE_COLORS = {"initial": "#8aa4d6", "needs": "#5b8def", "proposal": "#2d6cdf", "negotiation": "#1e4fb0"}


class CardDelegate(QStyledItemDelegate):
    """Paints an opportunity as a card: client, deal name, amount, expected close (red when past) and owner."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = clock.today()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(200, CARD_HEIGHT)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        card: PipelineCard | None = index.data(CARD_ROLE)
        if card is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect: QRect = option.rect.adjusted(4, 3, -4, -3)  # type: ignore[attr-defined]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        painter.setPen(QPen(QColor("#2d6cdf" if selected else "#dfe3ea"), 1.5 if selected else 1))
        painter.setBrush(QColor("#eef3fd" if selected else "#ffffff"))
        painter.drawRoundedRect(rect, 6, 6)
        inner = rect.adjusted(10, 6, -10, -6)
        base = QFont(option.font)  # type: ignore[attr-defined]
        bold = QFont(base)
        bold.setBold(True)
        metrics_height = painter.fontMetrics().height()
        line = QRect(inner.left(), inner.top(), inner.width(), metrics_height)
        amount = fmt.money(card.amount_cents, 0)
        painter.setFont(bold)
        amount_width = painter.fontMetrics().horizontalAdvance(amount) + 8
        painter.setPen(QColor("#1f2937"))
        client = painter.fontMetrics().elidedText(
            card.client_name, Qt.TextElideMode.ElideRight, inner.width() - amount_width
        )
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, client)
        painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, amount)
        painter.setFont(base)
        painter.setPen(QColor("#4b5563"))
        line.translate(0, metrics_height + 2)
        name = painter.fontMetrics().elidedText(card.name, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        line.translate(0, metrics_height + 2)
        overdue = card.expected_close is not None and card.expected_close < self.today
        close_text = fmt.short_date(card.expected_close) if card.expected_close else "—"
        painter.setPen(QColor("#c0392b" if overdue else "#6b7280"))
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, close_text)
        painter.setPen(QColor("#6b7280"))
        owner = f"{card.owner_name} · {card.probability}%" if card.owner_name else f"{card.probability}%"
        painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, owner)
        painter.restore()


class StageColumn(QFrame):
    """One stage of the board. ``sig_card_menu(card, global pos)`` and ``sig_card_activated(card)``."""

    sig_card_menu = Signal(object, QPoint)
    sig_card_activated = Signal(object)

    def __init__(self, stage: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setObjectName(f"stageColumn_{stage}")
        self.setStyleSheet(
            f"QFrame#stageColumn_{stage} {{ background: #f3f5f9; border-radius: 8px;"
            f" border-top: 4px solid {STAGE_COLORS.get(stage, '#8aa4d6')}; }}"
        )
        self.title_label = QLabel(self)
        self.title_label.setStyleSheet("font-weight: 700; font-size: 14px; background: transparent;")
        self.count_label = QLabel(self)
        self.amount_label = QLabel(self)
        self.amount_label.setObjectName("columnAmount")
        self.amount_label.setStyleSheet("font-size: 16px; font-weight: 600; background: transparent;")
        self.weighted_label = QLabel(self)
        self.weighted_label.setObjectName("columnWeighted")
        self.more_label = QLabel(self)
        self.more_label.setObjectName("hint")
        self.more_label.setWordWrap(True)
        for text_label in (self.count_label, self.weighted_label, self.more_label):
            text_label.setStyleSheet("color: #6b7280; background: transparent;")
        self.model = PipelineCardModel(self)
        self.delegate = CardDelegate(self)
        self.view = QListView(self)
        self.view.setObjectName(f"stageList_{stage}")
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        self.view.setUniformItemSizes(True)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setStyleSheet("QListView { background: transparent; }")
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu)
        self.view.activated.connect(self._on_view_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.count_label)
        layout.addWidget(self.amount_label)
        layout.addWidget(self.weighted_label)
        layout.addSpacing(6)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.more_label)

    def set_data(self, total: StageTotal, probability: int, cards: list[PipelineCard], today: date) -> None:
        self.title_label.setText(
            self.tr("{stage} · {probability}%").format(
                stage=label("stage", self.stage), probability=probability
            )
        )
        self.count_label.setText(self.tr("{count} opportunities").format(count=fmt.number(total.count)))
        self.amount_label.setText(fmt.money(total.amount_cents, 0))
        self.weighted_label.setText(
            self.tr("Weighted {amount}").format(amount=fmt.money(total.weighted_cents, 0))
        )
        self.delegate.today = today
        self.model.set_cards(cards)
        hidden = total.count - len(cards)
        self.more_label.setText(
            self.tr("{count} more… (showing the largest {shown}; narrow the filters)").format(
                count=fmt.number(hidden), shown=len(cards)
            )
            if hidden > 0
            else ""
        )
        self.more_label.setVisible(hidden > 0)

    def set_loading(self, text: str) -> None:
        """Say the column is being read (its cards, if any, stay until the new ones arrive)."""
        if not self.title_label.text():  # the first read: the stage's name (its probability comes with it)
            self.title_label.setText(label("stage", self.stage))
        self.count_label.setText(text)

    def selected_card(self) -> PipelineCard | None:
        index = self.view.currentIndex()
        return self.model.card(index.row()) if index.isValid() else None

    def _on_view_context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.sig_card_menu.emit(self.model.card(index.row()), self.view.viewport().mapToGlobal(pos))

    def _on_view_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.sig_card_activated.emit(self.model.card(index.row()))
