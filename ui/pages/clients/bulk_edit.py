"""The bulk edit dialog: owner, grade and/or a category to add, for the selected clients.

It only collects the change (``BulkChange``); the page runs it as an undoable ``BulkEditCommand``.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.read import choices

from ...labels import choices as label_choices
from ...undo import BulkChange

KEEP = "__keep__"
NO_OWNER = "__none__"


class BulkEditDialog(QDialog):
    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkEditDialog")
        self.setWindowTitle(self.tr("Edit {count} clients").format(count=count))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Change the selected clients. Fields left at “Keep” stay as they are."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.owner_combo = QComboBox(self)
        self.owner_combo.addItem(self.tr("Keep"), KEEP)
        self.owner_combo.addItem(self.tr("No owner"), NO_OWNER)
        for user_id, name in choices.owners(active_only=True):
            self.owner_combo.addItem(name, user_id)
        self.grade_combo = QComboBox(self)
        self.grade_combo.addItem(self.tr("Keep"), KEEP)
        for key, text in label_choices("grade"):
            self.grade_combo.addItem(text, key)
        self.tag_edit = QLineEdit(self)
        self.tag_edit.setPlaceholderText(self.tr("Category to add (optional)"))
        completer = QCompleter([name for _id, name in choices.tags()], self.tag_edit)
        self.tag_edit.setCompleter(completer)
        form.addRow(self.tr("Owner"), self.owner_combo)
        form.addRow(self.tr("Grade"), self.grade_combo)
        form.addRow(self.tr("Add category"), self.tag_edit)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def change(self) -> BulkChange:
        owner = self.owner_combo.currentData()
        grade = self.grade_combo.currentData()
        return BulkChange(
            change_owner=owner != KEEP,
            owner_id=None if owner in (KEEP, NO_OWNER) else int(owner),
            grade=None if grade == KEEP else str(grade),
            add_tag=self.tag_edit.text().strip() or None,
        )
