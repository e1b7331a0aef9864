"""The business-feature fields (业务特征) of the client editor: one widget per visible definition."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.services import custom_fields

from ...inputs import InputProblem
from .editor_inputs import FieldBox, OptionalDateEdit, format_number, parse_number


@dataclass(frozen=True)
class FieldDef:
    """What the editor needs of a custom field definition."""

    id: int
    name: str
    kind: str
    choices: tuple[str, ...]


def custom_key(field_id: int) -> str:
    """The editor's key of a custom field's input (service errors name custom fields by their name)."""
    return f"custom:{field_id}"


def visible_fields() -> list[FieldDef]:
    return [
        FieldDef(f.id, f.name, f.kind, tuple(custom_fields.field_choices(f)))
        for f in custom_fields.list_custom_fields(include_hidden=False)
    ]


class NumberValidator(QValidator):
    """Lets through anything that could become a number while typing; the save step gives the message."""

    def validate(self, text: str, pos: int) -> object:
        allowed = set("0123456789+-.,  ")
        if all(ch in allowed or ch.isdigit() for ch in text):
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Invalid, text, pos


class CustomFieldsForm(QWidget):
    """A form of the visible custom fields; ``values()`` gives {field id: value} for the services."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = visible_fields()
        self.boxes: dict[int, FieldBox] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setHorizontalSpacing(16)
        self.form.setVerticalSpacing(10)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        outer.addLayout(self.form)
        for field in self.fields:
            box = FieldBox(self._make_editor(field), self)
            box.setObjectName(f"custom_{field.id}")
            self.boxes[field.id] = box
            self.form.addRow(field.name, box)
        self.empty_label = QLabel(
            self.tr("No business-feature fields yet. Define them in Settings → Custom fields."), self
        )
        self.empty_label.setObjectName("hint")
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(not self.fields)
        outer.addWidget(self.empty_label)
        outer.addStretch(1)

    def _make_editor(self, field: FieldDef) -> QWidget:
        if field.kind == "number":
            edit = QLineEdit(self)
            edit.setValidator(NumberValidator(edit))
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            edit.setMaximumWidth(220)
            return edit
        if field.kind == "date":
            return OptionalDateEdit(self)
        if field.kind == "choice":
            combo = QComboBox(self)
            combo.addItem("", "")
            for choice in field.choices:
                combo.addItem(choice, choice)
            combo.setMinimumWidth(220)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            return combo
        if field.kind == "multi_choice":
            checks = QListWidget(self)
            checks.setFlow(QListWidget.Flow.LeftToRight)
            checks.setWrapping(True)
            checks.setResizeMode(QListWidget.ResizeMode.Adjust)
            checks.setSpacing(2)
            checks.setFixedHeight(62)
            for choice in field.choices:
                item = QListWidgetItem(choice, checks)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            return checks
        edit = QLineEdit(self)
        edit.setMaxLength(10_000)
        return edit

    def set_values(self, values_by_name: dict[str, Any]) -> None:
        for field in self.fields:
            value = values_by_name.get(field.name)
            editor = self.boxes[field.id].editor
            if isinstance(editor, OptionalDateEdit):
                editor.set_value(value if isinstance(value, date) else None)
            elif isinstance(editor, QComboBox):
                index = editor.findData(value or "")
                if index < 0 and value:  # a value from before the choices changed: keep it visible
                    editor.addItem(str(value), value)
                    index = editor.count() - 1
                editor.setCurrentIndex(max(index, 0))
            elif isinstance(editor, QListWidget):
                picked = set(value or ())
                for i in range(editor.count()):
                    item = editor.item(i)
                    checked = item.text() in picked
                    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            elif isinstance(editor, QLineEdit):
                number = field.kind == "number" and isinstance(value, int | float)
                editor.setText(format_number(value) if number else str(value or ""))

    def values(self) -> dict[int, Any]:
        """{field id: value}; a number that does not parse raises ``InputProblem`` naming its key."""
        result: dict[int, Any] = {}
        for field in self.fields:
            editor = self.boxes[field.id].editor
            if isinstance(editor, OptionalDateEdit):
                result[field.id] = editor.value()
            elif isinstance(editor, QComboBox):
                result[field.id] = editor.currentData() or None
            elif isinstance(editor, QListWidget):
                items = (editor.item(i) for i in range(editor.count()))
                result[field.id] = [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]
            elif isinstance(editor, QLineEdit) and field.kind == "number":
                try:
                    result[field.id] = parse_number(editor.text())
                except InputProblem as problem:
                    raise InputProblem(problem.kind, custom_key(field.id)) from None
            elif isinstance(editor, QLineEdit):
                result[field.id] = editor.text()
        return result

    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.clear_error()
