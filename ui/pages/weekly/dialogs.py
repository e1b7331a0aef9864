"""Dialogs of the weekly form. Each collects input and, on OK, calls one function given by the page
(which calls one service); a refused input shows the message at its field and the dialog stays open."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.errors import CrmError, ValidationError

from ...errors import error_text
from ...inputs import InputProblem, MoneyEdit

Submit = Callable[..., Any]


class _ServiceDialog(QDialog):
    """OK runs ``submit`` with the dialog's values; errors are shown at ``error_label``."""

    def __init__(self, title: str, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.submit = submit
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setVerticalSpacing(10)
        self.layout_.addLayout(self.form)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setStyleSheet("color: #b91c1c;")
        self.error_label.setWordWrap(True)
        self.layout_.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            values = self.values()
            self.submit(**values)
        except InputProblem as problem:
            self.show_error(problem.message, problem.field)
            return
        except ValidationError as exc:
            self.show_error(error_text(exc), exc.field)
            return
        except CrmError as exc:
            self.show_error(error_text(exc), None)
            return
        super().accept()

    def show_error(self, text: str, field: str | None) -> None:
        self.error_label.setText(text)


def _client_combo(parent: QWidget, choices: list[tuple[int, str]], none_text: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName("clientCombo")
    combo.addItem(none_text, None)
    for client_id, name in choices:
        combo.addItem(name, client_id)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return combo


class CollectionLineDialog(_ServiceDialog):
    """A manual line of this week's collection plan: client, amount, note."""

    def __init__(self, clients: list[tuple[int, str]], submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__("", submit, parent)
        self.setWindowTitle(self.tr("Add a planned collection"))
        self.client_combo = _client_combo(self, clients, self.tr("(no client)"))
        self.amount_edit = MoneyEdit(self, field="amount_cents")
        self.amount_edit.setObjectName("amountEdit")
        self.amount_edit.sig_problem.connect(self.error_label.setText)
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("noteEdit")
        self.form.addRow(self.tr("Client"), self.client_combo)
        self.form.addRow(self.tr("Amount"), self.amount_edit)
        self.form.addRow(self.tr("Note"), self.note_edit)

    def values(self) -> dict[str, Any]:
        return {
            "client_id": self.client_combo.currentData(),
            "amount_cents": self.amount_edit.cents() or 0,
            "note": self.note_edit.text(),
        }


class PlanItemDialog(_ServiceDialog):
    """Planned work for one day, optionally for a client or an event goal."""

    def __init__(
        self,
        weekdays: list[str],
        clients: list[tuple[int, str]],
        goals: list[tuple[int, str]],
        submit: Submit,
        parent: QWidget | None = None,
        day: int = 0,
    ) -> None:
        super().__init__("", submit, parent)
        self.setWindowTitle(self.tr("Plan work"))
        self.day_combo = QComboBox(self)
        self.day_combo.setObjectName("dayCombo")
        for index, name in enumerate(weekdays):
            self.day_combo.addItem(name, index)
        self.day_combo.setCurrentIndex(max(0, min(day, len(weekdays) - 1)))
        self.text_edit = QLineEdit(self)
        self.text_edit.setObjectName("planText")
        self.text_edit.setPlaceholderText(self.tr("e.g. Visit the buyer with the revised quote"))
        self.client_combo = _client_combo(self, clients, self.tr("(no client)"))
        self.goal_combo = QComboBox(self)
        self.goal_combo.setObjectName("goalCombo")
        self.goal_combo.addItem(self.tr("(no event goal)"), None)
        for goal_id, title in goals:
            self.goal_combo.addItem(title, goal_id)
        self.form.addRow(self.tr("Day"), self.day_combo)
        self.form.addRow(self.tr("Work"), self.text_edit)
        self.form.addRow(self.tr("Client"), self.client_combo)
        self.form.addRow(self.tr("Event goal"), self.goal_combo)

    def values(self) -> dict[str, Any]:
        return {
            "weekday": self.day_combo.currentData(),
            "text": self.text_edit.text(),
            "client_id": self.client_combo.currentData(),
            "goal_id": self.goal_combo.currentData(),
        }


class AnnotateDialog(_ServiceDialog):
    """An annotation on the whole form or on one of its lines."""

    def __init__(self, lines: list[tuple[str, str]], submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__("", submit, parent)
        self.setWindowTitle(self.tr("Annotate"))
        self.line_combo = QComboBox(self)
        self.line_combo.setObjectName("lineCombo")
        self.line_combo.setMaximumWidth(520)
        for ref, text in lines:
            self.line_combo.addItem(text, ref)
        self.body_edit = QPlainTextEdit(self)
        self.body_edit.setObjectName("annotationBody")
        self.body_edit.setMinimumHeight(110)
        self.form.addRow(self.tr("On"), self.line_combo)
        self.form.addRow(self.tr("Annotation"), self.body_edit)

    def values(self) -> dict[str, Any]:
        return {"line": self.line_combo.currentData() or "", "body": self.body_edit.toPlainText()}


class ScoreDialog(_ServiceDialog):
    """A score 0–100: the total, or one per criterion (then the total is their weighted mean)."""

    def __init__(
        self, criteria: list[tuple[str, str, float]], submit: Submit, parent: QWidget | None = None
    ) -> None:
        super().__init__("", submit, parent)
        self.setWindowTitle(self.tr("Score the week"))
        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName("scoreMode")
        self.mode_combo.addItem(self.tr("One total score"), "total")
        if criteria:
            self.mode_combo.addItem(self.tr("A score per criterion"), "criteria")
        self.total_edit = QLineEdit(self)
        self.total_edit.setObjectName("totalScore")
        self.total_edit.setPlaceholderText("0–100")
        self.form.addRow(self.tr("Scoring"), self.mode_combo)
        self.form.addRow(self.tr("Score"), self.total_edit)
        self.criterion_edits: dict[str, QLineEdit] = {}
        for key, label, weight in criteria:
            edit = QLineEdit(self)
            edit.setObjectName(f"criterion_{key}")
            edit.setPlaceholderText("0–100")
            self.criterion_edits[key] = edit
            self.form.addRow(
                self.tr("{name} (weight {weight})").format(name=label, weight=f"{weight:g}"), edit
            )
        self.comment_edit = QPlainTextEdit(self)
        self.comment_edit.setObjectName("scoreComment")
        self.comment_edit.setMaximumHeight(80)
        self.form.addRow(self.tr("Comment"), self.comment_edit)
        self.mode_combo.currentIndexChanged.connect(self._on_mode_combo_changed)
        self._on_mode_combo_changed()

    def _on_mode_combo_changed(self, *_args: object) -> None:
        per_criterion = self.mode_combo.currentData() == "criteria"
        self.total_edit.setEnabled(not per_criterion)
        for edit in self.criterion_edits.values():
            edit.setEnabled(per_criterion)

    @staticmethod
    def _number(text: str, field: str) -> float:
        try:
            return float(text.strip().replace(",", "."))
        except ValueError:
            raise ValidationError("weekly.score_not_a_number", field) from None

    def values(self) -> dict[str, Any]:
        comment = self.comment_edit.toPlainText()
        if self.mode_combo.currentData() == "criteria":
            scores = {k: self._number(e.text(), f"criterion:{k}") for k, e in self.criterion_edits.items()}
            return {"score": None, "criteria_scores": scores, "comment": comment}
        return {
            "score": self._number(self.total_edit.text(), "score"),
            "criteria_scores": None,
            "comment": comment,
        }

    def show_error(self, text: str, field: str | None) -> None:
        super().show_error(text, field)
        edit = self.total_edit if field == "score" else None
        if field and field.startswith("criterion:"):
            edit = self.criterion_edits.get(field.partition(":")[2])
        for widget in [self.total_edit, *self.criterion_edits.values()]:
            widget.setStyleSheet("border: 1px solid #b91c1c;" if widget is edit else "")
        if edit is not None:
            edit.setFocus()


class ReturnDialog(_ServiceDialog):
    """Return a submitted form for revision, with the reason."""

    def __init__(self, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__("", submit, parent)
        self.setWindowTitle(self.tr("Return for revision"))
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("returnReason")
        self.reason_edit.setMinimumHeight(100)
        self.form.addRow(self.tr("Reason"), self.reason_edit)

    def values(self) -> dict[str, Any]:
        return {"reason": self.reason_edit.toPlainText()}
