"""What the deal dialogs share: a form with an error line under each field and an ``accept()`` that saves
through the services and keeps the dialog open on a ``ValidationError`` (or a refused input). The money and
date inputs are the shared ones of ``ui.inputs``; a money input's refusal shows under it while typing."""

from __future__ import annotations

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
from ...inputs import InputProblem, MoneyEdit
from ...widgets import error_label


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
        error = self._error_label(key)
        column.addWidget(error)
        self.form.addRow(caption, box)
        for money in [widget, *widget.findChildren(MoneyEdit)]:
            if isinstance(money, MoneyEdit):
                money.field = money.field or key
                money.sig_problem.connect(lambda text, key=key: self._on_input_problem(key, text))

    def _on_input_problem(self, key: str, text: str) -> None:
        if text:
            self.show_error(key, text)
        else:
            self.errors[key].hide()

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
        except InputProblem as problem:
            self.show_error(problem.field, problem.message)
            return
        except ValidationError as exc:
            self.show_error(exc.field, self.message(exc))
            return
        except CrmError as exc:
            self.show_error(None, error_text(exc))
            return
        super().accept()
