"""Record who referred a client (a client or a contact of another client) and the reward promised and
given. OK saves through ``services.referrals.set_referral``; a refusal is shown under its field and the
dialog stays open, nothing saved."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.care_read import ReferralView, referrer_choices
from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.services.referrals import set_referral

from ...errors import error_text
from ...inputs import InputProblem, MoneyEdit
from ...widgets import error_label
from .editor_inputs import OptionalDateEdit

ChoiceData = tuple[int | None, int | None]  # (referrer client id, referrer contact id)


class ReferralDialog(QDialog):
    """``ReferralDialog(client_id, client_name, current)``: ``current`` is the stored referral, or None."""

    def __init__(
        self, client_id: int, client_name: str, current: ReferralView | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("referralDialog")
        self.client_id = client_id
        self.errors: dict[str, QLabel] = {}
        self.choice: ChoiceData | None = None
        self.setWindowTitle(self.tr("Referral of {client}").format(client=client_name))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.chosen_label = QLabel(self.tr("Nobody chosen yet"), self)
        self.chosen_label.setObjectName("chosenReferrer")
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("referrerSearch")
        self.search_edit.setPlaceholderText(self.tr("Type part of a client's or a contact's name"))
        self.search_edit.textChanged.connect(self._on_search_edit_changed)
        self.matches = QListWidget(self)
        self.matches.setObjectName("referrerMatches")
        self.matches.setFixedHeight(120)
        self.matches.currentItemChanged.connect(self._on_matches_current_changed)
        picker = QWidget(self)
        column = QVBoxLayout(picker)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.chosen_label)
        column.addWidget(self.search_edit)
        column.addWidget(self.matches)
        column.addWidget(error_label(self, "referrer", self.errors))
        form.addRow(self.tr("Referred by *"), picker)
        self.promised_edit = QLineEdit(self)
        self.promised_edit.setPlaceholderText(self.tr("e.g. a shopping card, a free training day"))
        form.addRow(self.tr("Reward promised"), self._boxed("reward_promised", self.promised_edit))
        self.promised_amount = MoneyEdit(self, field="reward_promised_cents")
        self.promised_amount.setPlaceholderText(self.tr("Optional amount"))
        form.addRow(self.tr("Amount promised"), self._boxed("reward_promised_cents", self.promised_amount))
        self.given_edit = QLineEdit(self)
        form.addRow(self.tr("Reward given"), self._boxed("reward_given", self.given_edit))
        self.given_amount = MoneyEdit(self, field="reward_given_cents")
        self.given_amount.setPlaceholderText(self.tr("Optional amount"))
        form.addRow(self.tr("Amount given"), self._boxed("reward_given_cents", self.given_amount))
        self.given_on = OptionalDateEdit(self)
        self.given_on.setObjectName("givenOn")
        form.addRow(self.tr("Given on"), self._boxed("reward_given_on", self.given_on))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setFixedHeight(60)
        form.addRow(self.tr("Notes"), self._boxed("notes", self.notes_edit))
        self.general_error = error_label(self, "general", self.errors)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.resize(560, 520)
        if current is not None:
            self._load(current)

    def _boxed(self, key: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = error_label(self, key, self.errors)
        column.addWidget(error)
        if isinstance(widget, MoneyEdit):  # a refused amount is told while it is typed
            widget.sig_problem.connect(lambda text, error=error: _show_problem(error, text))
        return box

    def _load(self, current: ReferralView) -> None:
        self.choice = (current.referrer_client_id, current.referrer_contact_id)
        self.chosen_label.setText(current.referrer_name)
        self.promised_edit.setText(current.reward_promised)
        self.promised_amount.set_cents(current.reward_promised_cents)
        self.given_edit.setText(current.reward_given)
        self.given_amount.set_cents(current.reward_given_cents)
        self.given_on.set_value(current.reward_given_on)
        self.notes_edit.setPlainText(current.notes)

    # --- behaviour -----------------------------------------------------------------------------
    def _on_search_edit_changed(self, text: str) -> None:
        self.matches.clear()
        for choice in referrer_choices(text, self.client_id):
            prefix = self.tr("Client") if choice.client_id is not None else self.tr("Contact")
            item = QListWidgetItem(f"{prefix} · {choice.text}", self.matches)
            item.setData(Qt.ItemDataRole.UserRole, (choice.client_id, choice.contact_id))
            item.setData(Qt.ItemDataRole.UserRole + 1, choice.text)

    def _on_matches_current_changed(self, current: QListWidgetItem | None, _previous: Any) -> None:
        if current is None:
            return
        self.choice = current.data(Qt.ItemDataRole.UserRole)
        self.chosen_label.setText(current.data(Qt.ItemDataRole.UserRole + 1))

    def values(self) -> dict[str, Any]:
        """The fields as ``set_referral`` takes them (raises ``InputProblem`` for an unreadable amount)."""
        client_id, contact_id = self.choice if self.choice is not None else (None, None)
        return {
            "referrer_client_id": client_id,
            "referrer_contact_id": contact_id,
            "reward_promised": self.promised_edit.text(),
            "reward_promised_cents": self.promised_amount.cents(),
            "reward_given": self.given_edit.text(),
            "reward_given_cents": self.given_amount.cents(),
            "reward_given_on": self.given_on.value(),
            "notes": self.notes_edit.toPlainText(),
        }

    def show_error(self, field: str | None, message: str) -> None:
        target = self.errors.get(field or "general", self.general_error)
        target.setText(message)
        target.show()

    def accept(self) -> None:
        for error in self.errors.values():
            error.hide()
        try:
            values = self.values()
        except InputProblem as problem:
            self.show_error(problem.field, problem.message)
            return
        try:
            set_referral(self.client_id, **values)
        except ValidationError as exc:
            self.show_error(exc.field if exc.field in self.errors else None, error_text(exc))
            return
        except CrmError as exc:
            self.show_error(None, error_text(exc))
            return
        super().accept()


def _show_problem(error: QLabel, text: str) -> None:
    error.setText(text)
    error.setVisible(bool(text))
