"""A one-line label that elides its text ("…") to the width it gets, the whole text in its tooltip:
for status-bar texts that must never widen the window nor end cut mid-letter (issue 13)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidesOnResize:
    """Re-elides (``_elide``) whenever the widget's width or font may have changed: resized, shown, a new
    font or style (a style sheet's font arrives when the widget is polished). Put it before the Qt class."""

    def _elide(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)  # type: ignore[misc]
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()  # type: ignore[attr-defined]
            self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)  # type: ignore[misc]
        self._elide()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)  # type: ignore[misc]
        self._elide()


class ElidedLabel(ElidesOnResize, QLabel):
    """``setText``/``set_full_text(text)``; ``text()`` is the whole text, ``shown_text()`` what is drawn. ``natural``:
    it asks for its whole text's width (a title) rather than a modest one (a status text); either way
    it gives way when its neighbours need the room."""

    def __init__(
        self,
        parent: QWidget | None = None,
        natural: bool = False,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle,
    ) -> None:
        super().__init__(parent)
        self.full_text = ""
        self.natural = natural
        self.mode = mode
        self.setTextFormat(Qt.TextFormat.PlainText)
        policy = QSizePolicy.Policy.Preferred if natural else QSizePolicy.Policy.Ignored
        self.setSizePolicy(policy, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setToolTip(text)
        self._elide()
        self.updateGeometry()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self.set_full_text(text)

    def text(self) -> str:
        """The whole text (what the label says; ``shown_text`` is what fits)."""
        return self.full_text

    def shown_text(self) -> str:
        return super().text()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Modest: the label takes the room its neighbours leave (a long text must never squeeze them)."""
        hint = super().sizeHint()
        width = self.fontMetrics().horizontalAdvance(self.full_text) + 2 * self.margin() + 4
        return QSize(width if self.natural else min(width, 160), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        least = self.fontMetrics().horizontalAdvance("M") * 6 if self.natural else 0
        return QSize(min(least, self.sizeHint().width()), super().minimumSizeHint().height())

    def _elide(self) -> None:
        if not self.isVisible():  # laid out when shown: the whole text until then
            if super().text() != self.full_text:
                super().setText(self.full_text)
            return
        room = self.contentsRect().width() - 2 * self.margin() - 2
        shown = self.fontMetrics().elidedText(self.full_text, self.mode, max(room, 0))
        if shown != super().text():
            super().setText(shown)
