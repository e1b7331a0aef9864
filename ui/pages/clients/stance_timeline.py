"""A contact's stance history as a vertical timeline: date, old → new, reason (newest on top)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ... import fmt
from ...labels import label
from .stance_style import stance_fill

DOT = 12


class StanceTimeline(QWidget):
    """``set_entries([(date, old, new, reason), ...])``; a line joins the dots of the entries."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stanceTimeline")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 4, 0, 4)
        self._layout.setSpacing(10)
        self._dots: list[QLabel] = []
        self._entries: list[tuple[date, str | None, str, str]] = []

    def entries(self) -> list[tuple[date, str | None, str, str]]:
        return list(self._entries)

    def set_entries(self, entries: list[tuple[date, str | None, str, str]]) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # out of sight now: deleted only when the event loop next runs
                item.widget().deleteLater()
        self._entries = list(entries)
        self._dots = []
        if not entries:
            hint = QLabel(self.tr("No stance recorded yet."), self)
            hint.setObjectName("hint")
            self._layout.addWidget(hint)
        for day, old, new, reason in entries:
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(10)
            dot = QLabel(row)
            dot.setFixedSize(DOT, DOT)
            fill = stance_fill(new)
            dot.setStyleSheet(
                f"background: {fill.name()}; border: 2px solid {fill.darker(130).name()}; border-radius: 6px;"
            )
            line.addWidget(dot, 0, Qt.AlignmentFlag.AlignTop)
            self._dots.append(dot)
            text = QVBoxLayout()
            text.setSpacing(1)
            if old:
                change = self.tr("{old} → {new}").format(old=label("stance", old), new=label("stance", new))
            else:
                change = self.tr("First recorded as {new}").format(new=label("stance", new))
            head = QLabel(f"<b>{fmt.short_date(day)}</b>&nbsp;&nbsp;{change}", row)
            text.addWidget(head)
            if reason:
                why = QLabel(reason, row)
                why.setWordWrap(True)
                why.setObjectName("hint")
                text.addWidget(why)
            line.addLayout(text, 1)
            self._layout.addWidget(row)
        self._layout.addStretch(1)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if len(self._dots) < 2:
            return
        first = self._dots[0].mapTo(self, QPoint(DOT // 2, DOT // 2))
        last = self._dots[-1].mapTo(self, QPoint(DOT // 2, DOT // 2))
        painter = QPainter(self)
        painter.setPen(QPen(QColor("#cfd6e0"), 2))
        painter.drawLine(first, last)
