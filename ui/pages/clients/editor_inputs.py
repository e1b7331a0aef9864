"""Input widgets of the client editor: custom-field numbers, optional dates, fields with a message.

Numbers are read by the shared parser of ``ui.inputs`` (the user's locale, ``Decimal``, never a float);
money has its own input there (``MoneyEdit``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from desktop_crm.services.common import MAX_DATE, MIN_DATE
from desktop_crm.services.custom_fields import MAX_EXACT_NUMBER

from ...inputs import DateEdit, InputProblem, MessageLabel, MoneyEdit, parse_decimal


def parse_number(text: str) -> int | float | None:
    """A number of a custom field (negative and decimals allowed); None when empty."""
    value = parse_decimal(text)
    if value is None:
        return None
    if abs(value) > MAX_EXACT_NUMBER:
        raise InputProblem(InputProblem.TOO_LARGE)
    return int(value) if value == value.to_integral_value() else float(value)


def format_number(value: int | float | None) -> str:
    """A custom field's number as editable text in the user's locale (its decimal point)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", QLocale().decimalPoint())


def date_in_range(value: date | None) -> bool:
    return value is None or MIN_DATE <= value <= MAX_DATE


class OptionalDateEdit(QWidget):
    """A check box that turns a date on or off, and the date (the shared ``DateEdit``: calendar pop-up,
    ISO format, years 1000..9999 so an out-of-range year gets a message rather than a clamp)."""

    sig_changed = Signal()

    def __init__(self, parent: QWidget | None = None, default: date | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.check = QCheckBox(self)
        self.date_edit = DateEdit(self, default, iso=True)
        self.date_edit.setMinimumWidth(130)
        self.date_edit.setEnabled(False)
        self.check.toggled.connect(self._on_check_toggled)
        self.date_edit.dateChanged.connect(self.sig_changed)
        layout.addWidget(self.check)
        layout.addWidget(self.date_edit)
        layout.addStretch(1)
        self.setFocusProxy(self.check)
        self.check.setAccessibleName(self.tr("Set a date"))

    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        return self.date_edit.day()

    def set_value(self, value: date | None) -> None:
        if value is not None:
            self.date_edit.set_date(value)
        self.check.setChecked(value is not None)

    def _on_check_toggled(self, checked: bool) -> None:
        self.date_edit.setEnabled(checked)
        if checked and self.check.hasFocus():  # the user ticked it: go on to the date
            self.date_edit.setFocus()
        self.sig_changed.emit()


class FieldBox(QWidget):
    """An input with a red message under it, shown when the value is refused."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(editor)
        self.error_label = MessageLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.setFocusProxy(editor)
        if isinstance(editor, MoneyEdit):  # a refused amount is told while it is typed
            editor.sig_problem.connect(self._on_problem)

    def _on_problem(self, message: str) -> None:
        if message:
            self.show_error(message)
        else:
            self.clear_error()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        _set_invalid(self.editor, True)

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()
        _set_invalid(self.editor, False)

    @property
    def error(self) -> str:
        return self.error_label.text()


def _set_invalid(widget: QWidget, invalid: bool) -> None:
    targets = [widget, *widget.findChildren(QWidget)]
    for target in targets:
        target.setProperty("invalid", invalid)
        target.style().unpolish(target)
        target.style().polish(target)
