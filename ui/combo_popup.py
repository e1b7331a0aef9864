"""Combo-box drop-down lists that show their highlighted item under the application's style sheet.

A combo box's list is painted by Qt's private menu delegate, which draws each item with the combo box's own
style-sheet rule (a white field with a border): the highlighted item became a blank box and its text
disappeared. A :class:`QStyledItemDelegate` paints items through the ``QComboBox QAbstractItemView::item``
rules of ``app.qss`` instead. :class:`ComboPopupStyler`, installed once on the application, gives every
combo box such a delegate when it is polished (a delegate set by the code itself is left alone).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QComboBox, QStyledItemDelegate


class ComboPopupStyler(QObject):
    """Application-wide event filter: combo boxes get a style-sheet-aware item delegate."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            isinstance(watched, QComboBox)  # first: every event of the application passes here
            and event.type() == QEvent.Type.Polish
            and not isinstance(watched.itemDelegate(), QStyledItemDelegate)
        ):
            watched.setItemDelegate(QStyledItemDelegate(watched))
        return False


_styler: ComboPopupStyler | None = None


def install_combo_popup_styler(app: QApplication) -> ComboPopupStyler:
    """Install the styler on ``app`` once (idempotent)."""
    global _styler
    if _styler is None:
        _styler = ComboPopupStyler(app)
        app.installEventFilter(_styler)
    return _styler
