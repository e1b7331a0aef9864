"""The item model of one pipeline column: the top opportunities of a stage, as ``PipelineCard`` rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop_crm.pipeline import PipelineCard

from ... import fmt

Index = QModelIndex | QPersistentModelIndex
CARD_ROLE = Qt.ItemDataRole.UserRole + 1


class PipelineCardModel(QAbstractListModel):
    """Rows are ``PipelineCard``; ``DisplayRole`` is "client · name", ``CARD_ROLE`` the card itself."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cards: list[PipelineCard] = []

    def set_cards(self, cards: Sequence[PipelineCard]) -> None:
        self.beginResetModel()
        self._cards = list(cards)
        self.endResetModel()

    def card(self, row: int) -> PipelineCard:
        return self._cards[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{card.client_name} · {card.name}"
        if role == Qt.ItemDataRole.ToolTipRole:
            hint = self.tr("Drag to another stage to move it (Ctrl+Shift+Right/Left)")
            return f"{card.client_name}\n{card.name}\n{fmt.money(card.amount_cents)} · {card.probability}%\n{hint}"
        if role == CARD_ROLE:
            return card
        return None
