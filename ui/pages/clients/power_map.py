"""The power map: the client's reports-to tree as a top-down org chart, cards coloured by stance.

One ``QGraphicsScene``; each person is one ``PersonCard`` item (not a widget), edges run boss → report.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QStyle,
    QStyleOptionGraphicsItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.power_map import OrgNode, org_tree
from desktop_crm.stakeholder_analysis import Stakeholder

from ...labels import choices, label
from .stance_style import INFLUENCE_DOTS, stance_fill, stance_text

CARD_W = 196.0
CARD_H = 80.0
H_GAP = 24.0
V_GAP = 34.0
MIN_SCALE = 0.6
SELECTED_PEN = QColor("#3b6fd8")


def _elide(text: str, font: QFont, width: float) -> str:
    return QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, width)


class PersonCard(QGraphicsPathItem):
    """A rounded card: name, title, a role badge and influence dots; fill colour = stance."""

    def __init__(self, person: Stakeholder, role_text: str, influence_text: str) -> None:
        super().__init__()
        self.person = person
        self.contact_id = person.id
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, CARD_W, CARD_H), 12, 12)
        self.setPath(path)
        self.setBrush(QBrush(stance_fill(person.stance)))
        self.setPen(QPen(stance_fill(person.stance).darker(125), 1.2))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("\n".join(x for x in (person.name, person.title, person.interests) if x))
        ink = stance_text(person.stance)
        name_font = QFont()
        name_font.setPointSizeF(11.5)
        name_font.setBold(True)
        small = QFont()
        small.setPointSizeF(9)
        self.name_item = self._text(_elide(person.name, name_font, CARD_W - 24), name_font, ink, 12, 10)
        self.title_item = self._text(_elide(person.title, small, CARD_W - 24), small, ink, 12, 33)
        self.role_item: QGraphicsSimpleTextItem | None = None
        if role_text:
            badge_font = QFont()
            badge_font.setPointSizeF(8.5)
            badge_font.setBold(True)
            text = _elide(role_text, badge_font, CARD_W - 90)
            badge = QGraphicsPathItem(self)
            self.role_item = QGraphicsSimpleTextItem(text, badge)
            self.role_item.setFont(badge_font)
            self.role_item.setBrush(QBrush(QColor("#1f2a3c")))
            rect = self.role_item.boundingRect()
            shape = QPainterPath()
            shape.addRoundedRect(QRectF(0, 0, rect.width() + 14, rect.height() + 4), 8, 8)
            badge.setPath(shape)
            badge.setBrush(QBrush(QColor(255, 255, 255, 225)))
            badge.setPen(QPen(Qt.PenStyle.NoPen))
            badge.setPos(12, CARD_H - rect.height() - 14)
            self.role_item.setPos(7, 2)
        self.influence_item = self._text(influence_text, small, ink, 0, 0)
        width = self.influence_item.boundingRect().width()
        self.influence_item.setPos(CARD_W - width - 12, CARD_H - 25)

    def _text(self, text: str, font: QFont, color: QColor, x: float, y: float) -> QGraphicsSimpleTextItem:
        item = QGraphicsSimpleTextItem(text, self)
        item.setFont(font)
        item.setBrush(QBrush(color))
        item.setPos(x, y)
        return item

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        selected = self.isSelected()
        option.state = option.state & ~QStyle.StateFlag.State_Selected
        super().paint(painter, option, widget)
        if selected:
            painter.setPen(QPen(SELECTED_PEN, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(-3, -3, CARD_W + 6, CARD_H + 6), 14, 14)


def layout_forest(roots: list[OrgNode]) -> dict[int, QPointF]:
    """Top-left position of every card: roots on top, side by side; each parent centred over its reports."""
    positions: dict[int, QPointF] = {}

    def width(node: OrgNode) -> float:
        if not node.children:
            return CARD_W
        return max(CARD_W, sum(width(c) for c in node.children) + H_GAP * (len(node.children) - 1))

    def place(node: OrgNode, left: float, depth: int) -> None:
        total = width(node)
        positions[node.person.id] = QPointF(left + (total - CARD_W) / 2, depth * (CARD_H + V_GAP))
        children_width = sum(width(c) for c in node.children) + H_GAP * max(len(node.children) - 1, 0)
        x = left + (total - children_width) / 2
        for child in node.children:
            place(child, x, depth + 1)
            x += width(child) + H_GAP

    x = 0.0
    for root in roots:
        place(root, x, 0)
        x += width(root) + H_GAP * 2
    return positions


class PowerMapView(QGraphicsView):
    """Emits ``sig_contact_selected(id)`` on a click (0 when nothing) and ``sig_contact_activated(id)``
    on a double-click."""

    sig_contact_selected = Signal(int)
    sig_contact_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("powerMap")
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setBackgroundBrush(QBrush(QColor("#ffffff")))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.max_scale = 1.0  # zoom-to-fit never enlarges beyond this
        self.cards: dict[int, PersonCard] = {}
        self.edges: list[QGraphicsPathItem] = []
        self._empty: QGraphicsSimpleTextItem | None = None
        self._scene.selectionChanged.connect(self._on_scene_selection_changed)

    def set_people(self, people: list[Stakeholder], empty_text: str = "") -> None:
        selected = self.selected_id()
        self._scene.clear()
        self.cards, self.edges, self._empty = {}, [], None
        if not people:
            self._empty = self._scene.addSimpleText(empty_text)
            self._empty.setBrush(QBrush(QColor("#6b7785")))
            self._fit()
            return
        positions = layout_forest(org_tree(people))
        for person in people:
            card = PersonCard(
                person, label("stakeholder_role", person.role), INFLUENCE_DOTS.get(person.influence, "")
            )
            card.setPos(positions[person.id])
            card.setZValue(1)
            self._scene.addItem(card)
            self.cards[person.id] = card
        pen = QPen(QColor("#9aa5b4"), 1.6)
        for person in people:
            boss = self.cards.get(person.reports_to_id) if person.reports_to_id is not None else None
            card = self.cards[person.id]
            if boss is None or card.pos().y() <= boss.pos().y():
                continue  # a root (unknown boss or broken cycle)
            start = boss.pos() + QPointF(CARD_W / 2, CARD_H)
            end = card.pos() + QPointF(CARD_W / 2, 0)
            mid = (start.y() + end.y()) / 2
            path = QPainterPath(start)
            path.lineTo(start.x(), mid)
            path.lineTo(end.x(), mid)
            path.lineTo(end)
            edge = self._scene.addPath(path, pen)
            edge.setZValue(0)
            self.edges.append(edge)
        if selected in self.cards:
            self.cards[selected].setSelected(True)
        self._scene.setSceneRect(self._scene.itemsBoundingRect().adjusted(-24, -24, 24, 24))
        self._fit()

    def selected_id(self) -> int | None:
        for item in self._scene.selectedItems():
            if isinstance(item, PersonCard):
                return item.contact_id
        return None

    def select(self, contact_id: int | None) -> None:
        self._scene.clearSelection()
        if contact_id in self.cards:
            self.cards[contact_id].setSelected(True)

    def _fit(self) -> None:
        rect = self._scene.itemsBoundingRect().adjusted(-24, -24, 24, 24)
        if rect.isEmpty():
            return
        self.resetTransform()
        viewport = self.viewport().rect()
        if viewport.width() < 10 or viewport.height() < 10:
            return
        scale = min(viewport.width() / rect.width(), viewport.height() / rect.height(), self.max_scale)
        scale = max(scale, MIN_SCALE)
        self.scale(scale, scale)
        center = rect.center()
        visible_height = viewport.height() / scale
        if rect.height() > visible_height:  # too tall even at the smallest scale: the top of the chart
            center.setY(rect.top() + visible_height / 2)  # (who decides) in view, scroll down for the rest
        self.centerOn(center)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        while item is not None and not isinstance(item, PersonCard):
            item = item.parentItem()
        if isinstance(item, PersonCard):
            self.sig_contact_activated.emit(item.contact_id)
            return
        super().mouseDoubleClickEvent(event)

    def _on_scene_selection_changed(self) -> None:
        self.sig_contact_selected.emit(self.selected_id() or 0)


class StanceLegend(QWidget):
    """Coloured swatches with the translated stance names, and what the influence dots mean: beside them
    when the legend is wide enough, else on a line of its own (never cut: the client page at 1280 px)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(10)
        layout.addLayout(self.row)
        for key, text in choices("stance"):
            swatch = QLabel(self)
            swatch.setFixedSize(14, 14)
            fill = stance_fill(key)
            swatch.setStyleSheet(
                f"background: {fill.name()}; border: 1px solid {fill.darker(125).name()}; border-radius: 4px;"
            )
            self.row.addWidget(swatch)
            caption = QLabel(text, self)
            caption.setObjectName("hint")
            self.row.addWidget(caption)
        self.dots = QLabel(self.tr("Influence: ●●● high · ●● medium · ● low"), self)
        self.dots.setObjectName("hint")
        self.row.addSpacing(8)
        self.row.addWidget(self.dots)
        self.row.addStretch(1)
        self.second = QHBoxLayout()
        self.second.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.second)

    def one_line_width(self) -> int:
        """The width the swatches and the dots need on one line."""
        width = self.row.sizeHint().width()
        if not self.dots_beside():
            width += self.dots.sizeHint().width() + self.row.spacing()
        margins = self.contentsMargins()
        return width + margins.left() + margins.right()

    def dots_beside(self) -> bool:
        return self.row.indexOf(self.dots) >= 0

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        beside = event.size().width() >= self.one_line_width()
        if beside == self.dots_beside():
            return
        if beside:
            self.second.removeWidget(self.dots)
            self.row.insertWidget(self.row.count() - 1, self.dots)  # before the stretch
        else:
            self.row.removeWidget(self.dots)
            self.second.addWidget(self.dots)
