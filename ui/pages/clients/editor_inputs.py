"""Input widgets of the client editor: money and number parsing, optional dates, fields with a message.

The parsers are plain functions (no Qt) so the rules are easy to test: money is parsed from text with
``Decimal`` into integer cents, never through a float.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_crm import clock
from desktop_crm.services.common import MAX_CENTS, MAX_DATE, MIN_DATE
from desktop_crm.services.custom_fields import MAX_EXACT_NUMBER

DATE_FORMAT = "yyyy-MM-dd"
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_SEPARATORS = str.maketrans("", "", " ,\u00a0\u202f'_¥￥$")


class InputProblem(ValueError):
    """Why a text is not a valid amount or number: one of the ``kind`` keys below."""

    NOT_A_NUMBER = "not_a_number"
    NEGATIVE = "negative"
    TOO_MANY_DECIMALS = "too_many_decimals"
    TOO_LARGE = "too_large"

    def __init__(self, kind: str, field: str = "") -> None:
        super().__init__(kind)
        self.kind = kind
        self.field = field  # the editor's key of the input, when the caller knows it


def _decimal(text: str) -> Decimal | None:
    """The number written in ``text`` (group separators and currency signs ignored); None when empty."""
    cleaned = text.strip().translate(_SEPARATORS).replace("．", ".").replace("。", ".")
    if not cleaned:
        return None
    if not _NUMBER.fullmatch(cleaned):
        raise InputProblem(InputProblem.NOT_A_NUMBER)
    try:
        return Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the pattern admits only plain decimals
        raise InputProblem(InputProblem.NOT_A_NUMBER) from None


def parse_money(text: str) -> int:
    """Currency units with at most 2 decimals (``"12,345.67"``) as integer cents; empty text is 0."""
    value = _decimal(text)
    if value is None:
        return 0
    if value < 0:
        raise InputProblem(InputProblem.NEGATIVE)
    if value > Decimal(MAX_CENTS) / 100:
        raise InputProblem(InputProblem.TOO_LARGE)
    cents = value * 100
    if cents != cents.to_integral_value():
        raise InputProblem(InputProblem.TOO_MANY_DECIMALS)
    return int(cents)


def format_money(cents: int) -> str:
    """Integer cents as editable text with group separators: ``12,345.67`` (exact, no float)."""
    return f"{Decimal(cents).scaleb(-2):,.2f}"


def parse_number(text: str) -> int | float | None:
    """A number of a custom field (negative and decimals allowed); None when empty."""
    value = _decimal(text)
    if value is None:
        return None
    if abs(value) > MAX_EXACT_NUMBER:
        raise InputProblem(InputProblem.TOO_LARGE)
    return int(value) if value == value.to_integral_value() else float(value)


def format_number(value: int | float | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def date_in_range(value: date | None) -> bool:
    return value is None or MIN_DATE <= value <= MAX_DATE


class OptionalDateEdit(QWidget):
    """A check box that turns a date on or off, and the date (calendar pop-up, ISO format)."""

    sig_changed = Signal()

    def __init__(self, parent: QWidget | None = None, default: date | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.check = QCheckBox(self)
        self.date_edit = QDateEdit(self)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumDate(QDate(1000, 1, 1))  # out-of-range years get a message, not a clamp
        self.date_edit.setMaximumDate(QDate(9999, 12, 31))
        self.date_edit.setMinimumWidth(130)
        start = default or clock.today()
        self.date_edit.setDate(QDate(start.year, start.month, start.day))
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
        qdate = self.date_edit.date()
        return date(qdate.year(), qdate.month(), qdate.day())

    def set_value(self, value: date | None) -> None:
        if value is not None:
            self.date_edit.setDate(QDate(value.year, value.month, value.day))
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
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.setFocusProxy(editor)

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
