"""What the deal dialogs share: a form with an error line under each field, money and date inputs, and an
``accept()`` that saves through the services and keeps the dialog open on a ``ValidationError``."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_crm import clock
from desktop_crm.errors import CrmError, ValidationError

from ...errors import error_text
from ...widgets import error_label

MAX_MONEY = 1e13


class MoneyEdit(QDoubleSpinBox):
    """An amount in currency units with two decimals and group separators; ``cents()`` reads it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(2)
        self.setRange(0, MAX_MONEY)
        self.setGroupSeparatorShown(True)
        self.setMinimumWidth(160)
        self.setButtonSymbols(QDoubleSpinBox.ButtonSymbols.NoButtons)

    def cents(self) -> int:
        return int(round(self.value() * 100))

    def set_cents(self, cents: int) -> None:
        self.setValue(cents / 100)


class DateEdit(QDateEdit):
    def __init__(self, parent: QWidget | None = None, day: date | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumWidth(140)
        self.set_date(day or clock.today())

    def set_date(self, day: date) -> None:
        self.setDate(QDate(day.year, day.month, day.day))

    def day(self) -> date:
        d = self.date()
        return date(d.year(), d.month(), d.day())


class DealFormDialog(QDialog):
    """A form dialog; subclasses add rows with ``add_row`` and implement ``save()`` (raising
    ``ValidationError`` with the offending field)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(480)
        self.errors: dict[str, QLabel] = {}
        self.dialog_layout = QVBoxLayout(self)
        self.dialog_layout.setSpacing(10)
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(16)
        self.form.setVerticalSpacing(8)
        self.dialog_layout.addLayout(self.form)
        self.general_error = self._error_label("general")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.dialog_layout.addWidget(self.general_error)
        self.dialog_layout.addWidget(self.buttons)

    def _error_label(self, key: str) -> QLabel:
        return error_label(self, key, self.errors)

    def add_row(self, caption: str, key: str, widget: QWidget) -> None:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self._error_label(key))
        self.form.addRow(caption, box)

    def show_error(self, field: str | None, message: str) -> None:
        target = self.errors.get(field or "general", self.general_error)
        target.setText(message)
        target.show()

    def error_text(self, field: str) -> str:
        label = self.errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def message(self, exc: ValidationError) -> str:
        """The user's message for ``exc`` (subclasses translate the ones they expect)."""
        return error_text(exc)

    def save(self) -> None:
        raise NotImplementedError

    def accept(self) -> None:
        for error in self.errors.values():
            error.hide()
        try:
            self.save()
        except ValidationError as exc:
            self.show_error(exc.field, self.message(exc))
            return
        except CrmError as exc:
            self.show_error(None, error_text(exc))
            return
        super().accept()
