"""Combo-box drop-down lists that show their highlighted item under the application's style sheet.

A combo box's list is painted by Qt's private menu delegate, which draws each item with the combo box's own
style-sheet rule (a white field with a border): the highlighted item became a blank box and its text
disappeared. A :class:`QStyledItemDelegate` paints items through the ``QComboBox QAbstractItemView::item``
rules of ``app.qss`` instead. :class:`ComboPopupStyler`, installed once on the application, gives every
combo box such a delegate when it is polished (a delegate set by the code itself is left alone).

The same filter gives every other table, tree and list view the delegate that shows a cut cell's whole
text as its tooltip (``ui.cell_tips``): one application filter for both, as every event passes through it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QStyledItemDelegate

from .cell_tips import give_cell_tips


class ComboPopupStyler(QObject):
    """Application-wide event filter: combo boxes get a style-sheet-aware item delegate, item views the
    one that shows a cut cell's whole text (``ui.cell_tips``)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # Every event of the application passes here: the cheap type tests first.
        if isinstance(watched, (QComboBox, QAbstractItemView)) and event.type() == QEvent.Type.Polish:
            self.polish(watched)
        return False

    @staticmethod
    def polish(widget: QObject) -> None:
        """Give a combo box its style-sheet-aware delegate, an item view the cell-tips one."""
        if isinstance(widget, QComboBox):
            if not isinstance(widget.itemDelegate(), QStyledItemDelegate):
                widget.setItemDelegate(QStyledItemDelegate(widget))
        elif isinstance(widget, QAbstractItemView):
            give_cell_tips(widget)


_styler: ComboPopupStyler | None = None


def install_combo_popup_styler(app: QApplication) -> ComboPopupStyler:
    """Install the styler on ``app`` once (idempotent)."""
    global _styler
    if _styler is None:
        _styler = ComboPopupStyler(app)
        app.installEventFilter(_styler)
    return _styler
