"""Drop files onto a record shown elsewhere (a follow-up card, a contract row): a small event filter that
reports the local files dropped on a widget, so the page can attach them to the record under the drop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget


def local_files(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> list[Path]:
    data = event.mimeData()
    if data is None or not data.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]


class FileDropFilter(QObject):
    """``watch(widget)``: ``sig_dropped(widget, files, position)`` when local files are dropped on it."""

    sig_dropped = Signal(QWidget, list, QPoint)

    def watch(self, widget: QWidget) -> None:
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, QDragEnterEvent | QDragMoveEvent
        ):
            if local_files(event):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent) and isinstance(watched, QWidget):
            files = local_files(event)
            if files:
                event.acceptProposedAction()
                self.sig_dropped.emit(watched, files, event.position().toPoint())
                return True
        return super().eventFilter(watched, event)
