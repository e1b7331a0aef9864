"""The reschedule dialog: pick a new date and time for a next step; refusals show in the dialog."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.errors import CrmError, ValidationError

from ...errors import error_text
from ...inputs import DateTimeEdit


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


def from_qdatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class RescheduleDialog(QDialog):
    """``submit(due_at)`` runs on OK (it saves through the services); a refusal stays in the dialog."""

    def __init__(
        self,
        parent: QWidget | None,
        client_name: str,
        step_title: str,
        due_at: datetime,
        now: datetime,
        submit: Callable[[datetime], None],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rescheduleDialog")
        self.setWindowTitle(self.tr("Reschedule next step"))
        self.setMinimumWidth(420)
        self.submit = submit
        self.now = now
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Client"), QLabel(client_name, self))
        title = QLabel(step_title, self)
        title.setWordWrap(True)
        form.addRow(self.tr("Next step"), title)
        self.when_edit = DateTimeEdit(self, iso=True)
        self.when_edit.setObjectName("whenEdit")
        self.when_edit.setDateTime(to_qdatetime(max(due_at, now)))
        form.addRow(self.tr("New due time"), self.when_edit)
        layout.addLayout(form)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def due_at(self) -> datetime:
        return from_qdatetime(self.when_edit.dateTime())

    def set_due_at(self, value: datetime) -> None:
        self.when_edit.setDateTime(to_qdatetime(value))

    def accept(self) -> None:
        self.error_label.hide()
        when = self.due_at()
        try:
            if when < self.now.replace(second=0, microsecond=0):
                raise ValidationError("next_step.due_in_past", "due_at")
            self.submit(when)
        except ValidationError as exc:
            self.error_label.setText(refusal_text(exc))
            self.error_label.show()
            return
        except CrmError as exc:
            self.error_label.setText(error_text(exc))
            self.error_label.show()
            return
        super().accept()


def refusal_text(exc: ValidationError) -> str:
    """The translated message of a refused change to a next step (past time, deleted client, done step)."""
    if exc.field == "client_id":
        return QCoreApplication.translate(
            "TodayRefusal", "The client of this next step has been deleted; restore the client first."
        )
    if exc.field == "done":
        return QCoreApplication.translate("TodayRefusal", "This next step is already done.")
    if exc.code in ("next_step.due_in_past", "followup.due_in_past"):
        return QCoreApplication.translate(
            "TodayRefusal", "This time is in the past. Choose a time from now on."
        )
    return error_text(exc)
