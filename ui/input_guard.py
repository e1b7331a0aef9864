"""Inputs that do not change by accident: the mouse wheel scrolls the page, not a field it passes over.

Qt gives a spin box, a date edit or a combo box the wheel even when it does not have the keyboard focus,
so scrolling down a form (Settings, an editor) silently changes a probability or a stage under the
pointer. :class:`WheelGuard`, installed once on the application, passes such a wheel event on to the
field's parents (the scroll area scrolls) unless the field has the focus; fields are made to take the
focus by click or Tab only (``Qt.StrongFocus``), never by the wheel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

_GUARDED = (QAbstractSpinBox, QComboBox)


class WheelGuard(QObject):
    """Application-wide event filter: an unfocused spin box or combo box ignores the wheel."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # Every event of the application passes here: the cheap type test first (``event.type()`` makes
        # a Python enum each call, which over the thousands of events of building a page cost ~0.1 s).
        if not isinstance(watched, _GUARDED):
            return False
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            if isinstance(watched, _GUARDED) and not watched.hasFocus():
                event.ignore()  # propagates to the parent: the surrounding area scrolls
                return True
        elif kind == QEvent.Type.Polish:
            self.polish(watched)
        return False

    @staticmethod
    def polish(widget: QWidget) -> None:
        """Make a spin box or combo box take the focus by click or Tab only, never by the wheel."""
        if isinstance(widget, _GUARDED) and widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


_guard: WheelGuard | None = None


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the guard on ``app`` once (idempotent)."""
    global _guard
    if _guard is None:
        _guard = WheelGuard(app)
        app.installEventFilter(_guard)
    return _guard
