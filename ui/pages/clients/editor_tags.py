"""The categories (tags) picker of the client editor: tick existing categories or add a new one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class NewTagEdit(QLineEdit):
    """Enter with a name adds the category (and is not passed on to the dialog, which would save)."""

    sig_submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip():
            self.sig_submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class TagPicker(QWidget):
    """A checkable list of every category and a line to add a new one (Enter or the button)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.list_widget = QListWidget(self)
        self.list_widget.setObjectName("tagList")
        self.list_widget.setFixedHeight(112)
        self.list_widget.setFlow(QListWidget.Flow.LeftToRight)
        self.list_widget.setWrapping(True)
        self.list_widget.setSpacing(2)
        self.list_widget.setResizeMode(QListWidget.ResizeMode.Adjust)
        layout.addWidget(self.list_widget)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.new_edit = NewTagEdit(self)
        self.new_edit.setObjectName("newTagEdit")
        self.new_edit.setPlaceholderText(self.tr("New category"))
        self.new_edit.setMaxLength(100)
        self.new_edit.sig_submitted.connect(self._on_new_edit_submitted)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        row.addWidget(self.new_edit, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)

    def set_tags(self, all_names: list[str], checked: list[str]) -> None:
        self.list_widget.clear()
        wanted = {name.casefold() for name in checked}
        for name in sorted({*all_names, *checked}, key=str.casefold):
            self._add_item(name, name.casefold() in wanted)

    def checked_names(self) -> list[str]:
        items = (self.list_widget.item(i) for i in range(self.list_widget.count()))
        return [item.text() for item in items if item.checkState() == Qt.CheckState.Checked]

    def add_tag(self, name: str) -> None:
        """Tick ``name``, adding it to the list when it is new (case-insensitive)."""
        name = name.strip()
        if not name:
            return
        for i in range(self.list_widget.count()):
            item = self.list_widget.item(i)
            if item.text().casefold() == name.casefold():
                item.setCheckState(Qt.CheckState.Checked)
                self.list_widget.scrollToItem(item)
                return
        self.list_widget.scrollToItem(self._add_item(name, True))

    def _add_item(self, name: str, checked: bool) -> QListWidgetItem:
        item = QListWidgetItem(name, self.list_widget)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        return item

    def _on_add_button_clicked(self) -> None:
        self.add_tag(self.new_edit.text())
        self.new_edit.clear()

    def _on_new_edit_submitted(self) -> None:
        self._on_add_button_clicked()
