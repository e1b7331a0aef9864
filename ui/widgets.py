"""Small shared widgets: stat cards and a consistently configured table view."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .a11y import line_height, scaled_css

ROW_HEIGHT = 30  # the least height of a table row; a larger system font makes rows taller


class StatCard(QFrame):
    """A number with a caption, e.g. "12 / Overdue"."""

    def __init__(self, caption: str, parent: QWidget | None = None, accent: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("statCard")
        if accent:
            self.setProperty("accent", accent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(2)
        self.value_label = QLabel("–", self)
        self.value_label.setObjectName("statValue")
        self.caption_label = QLabel(caption, self)
        self.caption_label.setObjectName("statCaption")
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)

    def set_value(self, text: str) -> None:
        self.value_label.setText(text)


def card_row(*cards: StatCard) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(14)
    for card in cards:
        row.addWidget(card, 1)
    return row


def make_table_view(
    model: QAbstractItemModel, parent: QWidget | None = None, stretch_column: int | None = None
) -> QTableView:
    """A read-only row-selecting table with uniform row heights (never resize rows to contents).

    ``stretch_column`` takes the spare width (default: the last column)."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    vertical = view.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(max(ROW_HEIGHT, line_height(view, 14)))
    horizontal = view.horizontalHeader()
    horizontal.setHighlightSections(False)
    horizontal.setStretchLastSection(stretch_column is None)
    if stretch_column is not None:
        horizontal.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    horizontal.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


def set_column_widths(view: QTableView, widths: list[int]) -> None:
    """Set the columns' widths (0: leave it), each at least its header's text (never a clipped header)."""
    from .table_fit import fitted_width, keep_stretch_headers_whole

    keep_stretch_headers_whole(view)
    for column, width in enumerate(widths):
        if width > 0:
            view.setColumnWidth(column, fitted_width(view, column, width))


def error_label(parent: QWidget, key: str, errors: dict[str, QLabel]) -> QLabel:
    """A hidden red message under a field (object name ``error_<key>``), registered in ``errors``; it wraps
    and keeps every line visible (``MessageLabel``)."""
    from .inputs import MessageLabel

    error = MessageLabel(parent)
    error.setObjectName(f"error_{key}")
    error.setStyleSheet("color: #c8372d; background: transparent;")
    error.setWordWrap(True)
    error.hide()
    errors[key] = error
    return error


def section_card(card: QFrame, title: str, spacing: int = 12) -> tuple[QVBoxLayout, QLabel]:
    """Make ``card`` a Settings section: the card frame, its layout and its heading (styled by the theme's
    ``#sectionHeading``; no colour of its own, so it reads in light and dark)."""
    card.setObjectName("formCard")
    card.setMaximumWidth(860)
    layout = QVBoxLayout(card)
    layout.setContentsMargins(20, 18, 20, 18)
    layout.setSpacing(spacing)
    heading = QLabel(title, card)
    heading.setObjectName("sectionHeading")
    heading.setStyleSheet(scaled_css("font-size: 1.15em; font-weight: 600;"))
    return layout, heading
