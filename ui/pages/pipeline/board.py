"""The pipeline board: one ``StageColumn`` per open stage (header with probability, count, amount and
weighted amount; the top opportunities as cards; "N more…" when the stage holds more than are shown).

Cards are dragged from one column to another (``StageListView``): the drag carries the opportunity id
and the stage it came from under a private MIME type (:data:`MIME_TYPE`) with the token of the board it
started on, so only a drag from this same board is accepted (text or files from elsewhere, or a card from
another window, are ignored). The column under the pointer is highlighted; the column the card came from
refuses it (forbidden cursor). The drop only emits ``StageColumn.sig_cards_dropped``: the page moves the
opportunity through the service, as the right-click "Move to" does. Ctrl+Shift+Right/Left on a selected
card asks for the next/previous stage (``sig_card_step``).
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QKeyEvent,
    QPainter,
    QPen,
    QPixmap,
)
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
from ...a11y import scaled_css
from ...labels import label
from .models import CARD_ROLE, PipelineCardModel

CARD_HEIGHT = 74
STAGE_COLORS = {"initial": "#8aa4d6", "needs": "#5b8def", "proposal": "#2d6cdf", "negotiation": "#1e4fb0"}
MIME_TYPE = "application/x-desktop-crm-opportunity-ids"
MAX_DRAGGED = 1000  # more ids than a board shows: not a drag of ours
PROCESS_TOKEN = f"{os.getpid()}-{uuid.uuid4().hex}"  # default board token (a page sets its own)


@dataclass(frozen=True)
class CardDrag:
    """What a card drag carries: the board it started on, the stage it came from, the opportunity ids."""

    board: str
    stage: str
    ids: tuple[int, ...]


def drag_mime(drag: CardDrag) -> QMimeData:
    """The drag's data under the private :data:`MIME_TYPE` only (no text a text field could take)."""
    mime = QMimeData()
    payload = {"board": drag.board, "stage": drag.stage, "ids": list(drag.ids)}
    mime.setData(MIME_TYPE, QByteArray(json.dumps(payload).encode("utf-8")))
    return mime


def read_drag(mime: QMimeData | None) -> CardDrag | None:
    """The card drag in ``mime``; None for anything else (another type, a malformed or foreign payload)."""
    if mime is None or not mime.hasFormat(MIME_TYPE):
        return None
    try:
        payload = json.loads(bytes(mime.data(MIME_TYPE).data()).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(payload, dict):
        return None
    board, stage, ids = payload.get("board"), payload.get("stage"), payload.get("ids")
    if not isinstance(board, str) or not isinstance(stage, str) or not isinstance(ids, list):
        return None
    if not 0 < len(ids) <= MAX_DRAGGED or not all(type(i) is int and i > 0 for i in ids):
        return None
    return CardDrag(board, stage, tuple(ids))


class CardDropTarget:
    """The drag-and-drop events of a widget that takes cards of this board (a stage column, the Won/Lost
    figures): it accepts what ``accepted_drag`` returns, shows ``set_drop_target`` while a card is over it
    and hands the drop to ``dropped``; anything else is refused (the forbidden cursor)."""

    def accepted_drag(self, mime: QMimeData | None) -> CardDrag | None:
        raise NotImplementedError

    def set_drop_target(self, on: bool) -> None:
        raise NotImplementedError

    def dropped(self, data: CardDrag) -> None:
        raise NotImplementedError

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's names)
        if self.accepted_drag(event.mimeData()) is None:
            event.ignore()  # the column it came from, or not ours: the forbidden cursor
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.set_drop_target(True)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if self.accepted_drag(event.mimeData()) is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802
        self.set_drop_target(False)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self.set_drop_target(False)
        data = self.accepted_drag(event.mimeData())
        if data is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.dropped(data)


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


class StageListView(QListView):
    """The cards of a column: starts a card drag, takes a card dropped from another column (the drop
    events of its viewport go to the column), Ctrl+Shift+Right/Left steps the selected card."""

    def __init__(self, column: StageColumn) -> None:
        super().__init__(column)
        self.column = column
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(False)

    def startDrag(self, supportedActions: Qt.DropAction) -> None:  # noqa: N802, N803 (Qt's names)
        mime = self.column.drag_mime()
        if mime is None:
            return
        drag = QDrag(self)
        drag.setMimeData(mime)
        pixmap = self.column.drag_pixmap()
        if not pixmap.isNull():
            drag.setPixmap(pixmap)
            drag.setHotSpot(QPoint(int(pixmap.deviceIndependentSize().width()) // 2, 24))
        drag.exec(Qt.DropAction.MoveAction)  # Esc cancels; the target column does the move

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        self.column.dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        self.column.dragMoveEvent(event)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802
        self.column.dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self.column.dropEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        step = {int(Qt.Key.Key_Right): 1, int(Qt.Key.Key_Left): -1}.get(int(event.key()))
        if (
            step is not None
            and mods == Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        ):
            data = self.column.drag_data()
            if data is not None:
                self.column.sig_cards_step.emit(data.ids, data.stage, step)
            event.accept()
            return
        super().keyPressEvent(event)


class StageColumn(CardDropTarget, QFrame):
    """One stage of the board. ``sig_card_menu(card, global pos)``, ``sig_card_activated(card)``,
    ``sig_cards_dropped(ids, from stage, to stage)`` (cards of the same board dropped on this column)
    and ``sig_cards_step(ids, stage, +1/-1)`` (Ctrl+Shift+Right/Left: the next/previous stage). Cards are
    selected as in a file list (Ctrl+click, Shift+click): a drag or a step takes all the selected ones."""

    sig_card_menu = Signal(object, QPoint)
    sig_card_activated = Signal(object)
    sig_cards_dropped = Signal(object, str, str)
    sig_cards_step = Signal(object, str, int)

    def __init__(self, stage: str, parent: QWidget | None = None, board_token: str = PROCESS_TOKEN) -> None:
        super().__init__(parent)
        self.stage = stage
        self.board_token = board_token  # a drag is taken only from a column with the same token
        self.drop_target = False  # a card of another column is over this one
        self.setObjectName(f"stageColumn_{stage}")
        self.setAcceptDrops(True)  # the header too, not only the cards' list
        self._apply_style()
        self.title_label = QLabel(self)
        self.title_label.setStyleSheet(
            scaled_css("font-weight: 700; font-size: 1.05em; background: transparent;")
        )
        self.count_label = QLabel(self)
        self.amount_label = QLabel(self)
        self.amount_label.setObjectName("columnAmount")
        self.amount_label.setStyleSheet(
            scaled_css("font-size: 1.2em; font-weight: 600; background: transparent;")
        )
        self.weighted_label = QLabel(self)
        self.weighted_label.setObjectName("columnWeighted")
        self.more_label = QLabel(self)
        self.more_label.setObjectName("hint")
        self.more_label.setWordWrap(True)
        for text_label in (self.count_label, self.weighted_label, self.more_label):
            text_label.setStyleSheet("color: #6b7280; background: transparent;")
        self.model = PipelineCardModel(self)
        self.delegate = CardDelegate(self)
        self.view = StageListView(self)
        self.view.setObjectName(f"stageList_{stage}")
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        self.view.setUniformItemSizes(True)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        # A see-through list on the column's colour; its scroll bar drawn the same way in both themes (the
        # platform's groove, painted on a see-through list, showed black).
        self.view.setStyleSheet(
            "QListView { background: transparent; }"
            "QScrollBar:vertical { background: rgba(127, 127, 127, 0.12); width: 10px; border: none;"
            " border-radius: 5px; margin: 0; }"
            "QScrollBar::handle:vertical { background: rgba(127, 127, 127, 0.55); border-radius: 5px;"
            " min-height: 28px; }"
            "QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }"
            "QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }"
        )
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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

    # --- drag and drop -------------------------------------------------------------------------
    def _apply_style(self) -> None:
        top = f"border-top: 4px solid {STAGE_COLORS.get(self.stage, '#8aa4d6')};"
        if self.drop_target:
            body = "background: #e3ecfb; border: 2px dashed #2d6cdf;"
        else:
            body = "background: #f3f5f9; border: none;"
        self.setStyleSheet(f"QFrame#stageColumn_{self.stage} {{ {body} border-radius: 8px; {top} }}")

    def set_drop_target(self, on: bool) -> None:
        if on != self.drop_target:
            self.drop_target = on
            self._apply_style()

    def drag_data(self) -> CardDrag | None:
        """The drag of the selected card(s) of this column (None when nothing is selected)."""
        rows = sorted(index.row() for index in self.view.selectionModel().selectedIndexes())
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        if not rows:
            return None
        return CardDrag(self.board_token, self.stage, tuple(self.model.card(row).id for row in rows))

    def drag_mime(self) -> QMimeData | None:
        data = self.drag_data()
        return drag_mime(data) if data is not None else None

    def drag_pixmap(self) -> QPixmap:
        """The dragged card as painted (the current one), with the number of cards when there are more."""
        index = self.view.currentIndex()
        data = self.drag_data()
        if not index.isValid() or data is None:
            return QPixmap()
        card = self.view.viewport().grab(self.view.visualRect(index))
        count = len(data.ids)
        margin = 12 if count > 1 else 0  # room for the count badge over the card's corner
        ratio = card.devicePixelRatio()
        size = card.deviceIndependentSize()
        pixmap = QPixmap(round((size.width() + margin) * ratio), round((size.height() + margin) * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(0.9)
        painter.drawPixmap(QPoint(0, margin), card)
        if count > 1:
            painter.setOpacity(1.0)
            text = fmt.number(count)
            font = QFont(self.font())
            font.setBold(True)
            painter.setFont(font)
            width = max(painter.fontMetrics().horizontalAdvance(text) + 12, 24)
            badge = QRect(round(size.width() + margin) - width, 0, width, 24)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#2d6cdf"))
            painter.drawRoundedRect(badge, 12, 12)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        return pixmap

    def accepted_drag(self, mime: QMimeData | None) -> CardDrag | None:
        """The drag ``mime`` carries if this column takes it: a card of this board from another stage."""
        data = read_drag(mime)
        if data is None or data.board != self.board_token or data.stage == self.stage:
            return None
        return data

    def dropped(self, data: CardDrag) -> None:
        self.sig_cards_dropped.emit(data.ids, data.stage, self.stage)

    def _on_view_context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.sig_card_menu.emit(self.model.card(index.row()), self.view.viewport().mapToGlobal(pos))

    def _on_view_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.sig_card_activated.emit(self.model.card(index.row()))
