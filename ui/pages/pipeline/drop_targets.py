"""The board's Won and Lost figures as drop targets: a card dragged from a stage column onto "Won" or "Lost"
asks to close that opportunity so (the same dialog as right-click → Close as won…/lost…, with the date,
the reason and the competitor)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtWidgets import QWidget

from ...widgets import StatCard
from .board import PROCESS_TOKEN, CardDrag, CardDropTarget, read_drag

HIGHLIGHT = "QFrame#statCard { border: 2px dashed #2d6cdf; background: rgba(45, 108, 223, 0.12); }"


class CloseDropCard(CardDropTarget, StatCard):
    """A Won/Lost figure that takes ONE card of the same board: ``sig_card_dropped(opportunity id, won)``.
    Several cards at once are refused (each close has its own reason)."""

    sig_card_dropped = Signal(int, bool)

    def __init__(
        self,
        caption: str,
        parent: QWidget | None = None,
        accent: str = "",
        *,
        won: bool,
        board_token: str = PROCESS_TOKEN,
    ) -> None:
        super().__init__(caption, parent, accent=accent)
        self.won = won
        self.board_token = board_token
        self.drop_target = False
        self.setAcceptDrops(True)
        self.setToolTip(
            self.tr("Drop a card here to close it as won")
            if won
            else self.tr("Drop a card here to close it as lost")
        )

    def set_drop_target(self, on: bool) -> None:
        if on != self.drop_target:
            self.drop_target = on
            self.setStyleSheet(HIGHLIGHT if on else "")

    def accepted_drag(self, mime: QMimeData | None) -> CardDrag | None:
        data = read_drag(mime)
        if data is None or data.board != self.board_token or len(data.ids) != 1:
            return None
        return data

    def dropped(self, data: CardDrag) -> None:
        self.sig_card_dropped.emit(data.ids[0], self.won)
