"""Log a follow-up (跟进记录) and set the next step (下步事务), keyboard-only in a few seconds.

Type the client (two Chinese characters or a few letters, arrows + Enter pick), Tab through contacts,
opportunity, channel, purpose, time, duration and summary, pick the next-step time with Alt+1 … Alt+7,
and save with Ctrl+Enter. Saving runs ``log_follow_up_with_next_step`` (one transaction): a refusal is
shown at its field and the dialog stays open, nothing half-saved.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.models import now as clock_now
from desktop_crm.read import followups as data
from desktop_crm.read.users import current_user_id
from desktop_crm.services.followups import MAX_DURATION_MINUTES, log_follow_up_with_next_step
from desktop_crm.services.schedule_rules import load_bucket_rules

from ... import prompts
from ...errors import error_text
from ...labels import choices, label
from .client_picker import ClientPicker
from .next_step import NextStepBox, QuickDateTimeEdit, from_qdatetime, to_qdatetime

ERROR_STYLE = "color: #c8372d; background: transparent;"
# Where each field named by a service refusal is shown.
FIELD_OF = {
    "client_id": "client",
    "contact_ids": "contacts",
    "opportunity_id": "opportunity",
    "channel": "channel",
    "purpose": "purpose",
    "happened_at": "happened_at",
    "duration_minutes": "duration_minutes",
    "summary": "summary",
    "due_at": "due_at",
    "bucket": "due_at",
    "plan_type": "plan_type",
    "title": "title",
}


class FollowUpDialog(QDialog):
    """After acceptance ``follow_up_id`` is the new follow-up and ``next_step_id`` the step it set."""

    sig_follow_up_logged = Signal(int)

    def __init__(
        self,
        parent: QWidget | None = None,
        client_id: int | None = None,
        contact_ids: Iterable[int] = (),
        opportunity_id: int | None = None,
        completes_step_id: int | None = None,
        now: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("followUpDialog")
        self._fixed_now = now
        self.follow_up_id: int | None = None
        self.next_step_id: int | None = None
        self.completes_step_id = completes_step_id
        self._empty_summary_accepted = False
        self.step: data.StepInfo | None = None
        self.errors: dict[str, QLabel] = {}
        self._load_error = ""
        if completes_step_id is not None:
            try:
                self.step = data.step_info(completes_step_id)
            except CrmError as exc:
                self._load_error = error_text(exc)
        if self.step is not None:
            client_id = self.step.client_id
            contact_ids = self.step.contact_ids
            opportunity_id = opportunity_id or self.step.opportunity_id
        self.setWindowTitle(self.tr("Complete the next step") if self.step else self.tr("Log a follow-up"))
        self._build()
        self._prefill(client_id, tuple(contact_ids), opportunity_id)

    def now(self) -> datetime:
        return self._fixed_now or clock_now()

    # --- construction --------------------------------------------------------------------------
    def _error(self, key: str) -> QLabel:
        error = QLabel(self)
        error.setObjectName(f"error_{key}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        self.errors[key] = error
        return error

    def _with_error(self, key: str, *widgets: QWidget) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(8)
        for widget in widgets:
            row.addWidget(widget)
        if len(widgets) > 1:
            row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self._error(key))
        return box

    def _combo(self, kind: str, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for key, text in choices(kind):
            combo.addItem(text, key)
        return combo

    def _build(self) -> None:
        self.banner = QLabel(self)
        self.banner.setObjectName("stepBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #eef3fd; color: #1f3f80; border: 1px solid #c9d8f5; border-radius: 6px; padding: 8px;"
        )
        self.banner.setVisible(self.step is not None)
        self.picker = ClientPicker(self)
        self.picker.sig_client_chosen.connect(self._on_picker_client_chosen)
        self.contacts_list = QListWidget(self)
        self.contacts_list.setObjectName("contactsList")
        self.contacts_list.setUniformItemSizes(True)
        self.opportunity_combo = QComboBox(self)
        self.opportunity_combo.setObjectName("opportunityCombo")
        self.channel_combo = self._combo("channel", "channelCombo")
        self.purpose_combo = self._combo("plan_type", "purposeCombo")
        self.purpose_combo.currentIndexChanged.connect(self._on_purpose_combo_changed)
        self.time_edit = QuickDateTimeEdit(self)
        self.time_edit.setObjectName("happenedAt")
        self.time_edit.setDateTime(to_qdatetime(self.now()))
        self.duration_spin = QSpinBox(self)
        self.duration_spin.setObjectName("durationMinutes")
        self.duration_spin.setRange(0, MAX_DURATION_MINUTES)
        self.duration_spin.setSuffix(self.tr(" min"))
        self.summary_edit = QPlainTextEdit(self)
        self.summary_edit.setObjectName("summaryEdit")
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setPlaceholderText(self.tr("What was said, what they need, what you promised"))
        self.summary_edit.setMinimumHeight(80)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(6)
        form.addRow(self.tr("Client"), self._with_error("client", self.picker))
        form.addRow(self.tr("Contacts"), self._with_error("contacts", self.contacts_list))
        form.addRow(self.tr("Opportunity"), self._with_error("opportunity", self.opportunity_combo))
        channel_caption = QLabel(self.tr("Purpose"), self)
        form.addRow(
            self.tr("Channel"),
            self._with_error("channel", self.channel_combo, channel_caption, self.purpose_combo),
        )
        self.errors["purpose"] = self.errors["channel"]
        duration_caption = QLabel(self.tr("Duration"), self)
        form.addRow(
            self.tr("Time"),
            self._with_error("happened_at", self.time_edit, duration_caption, self.duration_spin),
        )
        self.errors["duration_minutes"] = self.errors["happened_at"]
        form.addRow(self.tr("Summary"), self._with_error("summary", self.summary_edit))

        self.next_step = NextStepBox(load_bucket_rules(), self.now, self)
        if self.step is not None:
            what = self.step.title or label("plan_type", self.step.plan_type)
            self.banner.setText(
                self.tr("Completing the next step “{what}” ({plan}, due {due}).").format(
                    what=what,
                    plan=label("plan_type", self.step.plan_type),
                    due=self.next_step.format_due(self.step.due_at),
                )
            )
        for key, error in self.next_step.errors.items():
            self.errors[key] = error
        step_frame = QFrame(self)
        step_frame.setObjectName("nextStepFrame")
        step_frame.setStyleSheet(
            "QFrame#nextStepFrame { background: #f6f8fb; border: 1px solid #dde3ec; border-radius: 8px; }"
        )
        step_layout = QVBoxLayout(step_frame)
        step_layout.setContentsMargins(12, 10, 12, 10)
        heading = self.tr("Next step")
        step_layout.addWidget(QLabel(f"<b>{heading}</b>", step_frame))
        step_layout.addWidget(self.next_step)

        self.general_error = self._error("general")
        if self._load_error:
            self.general_error.setText(self._load_error)
            self.general_error.show()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("Ctrl+Enter saves · Alt+1 … Alt+7 pick the next-step time"), self)
        hint.setObjectName("hint")
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.buttons)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.accept)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.setSpacing(10)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(step_frame)
        layout.addWidget(self.general_error)
        layout.addLayout(bottom)
        self.setTabOrder(self.picker.edit, self.contacts_list)
        self.resize(680, 0)

    def _prefill(
        self, client_id: int | None, contact_ids: tuple[int, ...], opportunity_id: int | None
    ) -> None:
        if self.step is not None:
            self.purpose_combo.setCurrentIndex(max(self.purpose_combo.findData(self.step.plan_type), 0))
        if client_id is None:
            self._fill_client_lists(None, (), None)
            self.picker.setFocus()
            return
        found = data.client_label(client_id)
        name = found[0] if found else self.tr("Client #{id}").format(id=client_id)
        self.picker.set_client(client_id, name)
        self.picker.set_locked(True)
        self._fill_client_lists(client_id, contact_ids, opportunity_id)
        if found is not None and found[1]:
            self._show_error("client", self._deleted_client_message(name))
        (self.contacts_list if self.contacts_list.count() else self.channel_combo).setFocus()

    def _fill_client_lists(
        self, client_id: int | None, contact_ids: tuple[int, ...], opportunity_id: int | None
    ) -> None:
        self.contacts_list.clear()
        self.opportunity_combo.clear()
        self.opportunity_combo.addItem(self.tr("No opportunity"), None)
        if client_id is None:
            self._contacts_placeholder(self.tr("Pick the client first."))
            self._fit_contacts()
            return
        for cid, name, title in data.contacts_of(client_id):
            item = QListWidgetItem(f"{name} · {title}" if title else name, self.contacts_list)
            item.setData(Qt.ItemDataRole.UserRole, cid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = cid in contact_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        if not self.contacts_list.count():
            self._contacts_placeholder(self.tr("No contacts yet for this client."))
        self._fit_contacts()
        for oid, name, stage in data.open_opportunities(client_id):
            self.opportunity_combo.addItem(f"{name} · {label('stage', stage)}", oid)
        if opportunity_id is not None:
            self.opportunity_combo.setCurrentIndex(max(self.opportunity_combo.findData(opportunity_id), 0))

    def _contacts_placeholder(self, text: str) -> None:
        item = QListWidgetItem(text, self.contacts_list)
        item.setFlags(Qt.ItemFlag.NoItemFlags)

    def _fit_contacts(self) -> None:
        rows = min(max(self.contacts_list.count(), 1), 4)
        self.contacts_list.setFixedHeight(rows * self.contacts_list.sizeHintForRow(0) + 6)

    # --- values --------------------------------------------------------------------------------
    def client_id(self) -> int | None:
        return self.picker.client_id

    def checked_contact_ids(self) -> list[int]:
        items = (self.contacts_list.item(row) for row in range(self.contacts_list.count()))
        return [
            int(i.data(Qt.ItemDataRole.UserRole))
            for i in items
            if i.data(Qt.ItemDataRole.UserRole) is not None and i.checkState() == Qt.CheckState.Checked
        ]

    def set_contact_checked(self, contact_id: int, checked: bool = True) -> None:
        for row in range(self.contacts_list.count()):
            item = self.contacts_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == contact_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    # --- errors --------------------------------------------------------------------------------
    def _show_error(self, key: str, message: str) -> None:
        target = self.errors.get(key, self.general_error)
        target.setText(message)
        target.show()

    def _deleted_client_message(self, name: str) -> str:
        return self.tr(
            "“{name}” has been deleted: restore it from the trash before logging a follow-up."
        ).format(name=name)

    def _message(self, exc: ValidationError) -> str:
        if exc.code in ("followup.due_in_past", "next_step.due_in_past"):
            return self.tr("This time is already past: pick a later one.")
        if exc.field == "client_id" and exc.code in ("client.deleted", "record.deleted"):
            return self._deleted_client_message(self.picker.edit.text())
        if exc.field == "contact_ids" and exc.code in ("contact.deleted", "record.deleted"):
            return self.tr("A checked contact has been deleted: uncheck them.")
        if exc.field == "done":
            return self.tr("This next step is already done.")
        return error_text(exc)

    # --- saving --------------------------------------------------------------------------------
    def accept(self) -> None:
        for error in self.errors.values():
            error.hide()
        self.general_error.hide()
        client_id = self.client_id()
        if client_id is None:
            self._show_error("client", self.tr("Pick the client: type part of its name and press Enter."))
            self.picker.setFocus()
            return
        user_id = current_user_id()
        if user_id is None:
            self._show_error("general", self.tr("Add a salesperson first: follow-ups are logged by a user."))
            return
        if not self.summary_edit.toPlainText().strip() and not self._empty_summary_accepted:
            if not prompts.ask_yes_no(
                self,
                self.tr("No summary"),
                self.tr(
                    "Save without a summary? What was said is what you will want to read before the next "
                    "contact."
                ),
            ):
                self.summary_edit.setFocus()
                return
            self._empty_summary_accepted = True  # asked once per follow-up
        try:
            result = log_follow_up_with_next_step(
                client_id,
                user_id,
                str(self.channel_combo.currentData()),
                from_qdatetime(self.time_edit.dateTime()),
                self.next_step.due_at(),
                purpose=str(self.purpose_combo.currentData()),
                duration_minutes=self.duration_spin.value(),
                summary=self.summary_edit.toPlainText(),
                contact_ids=self.checked_contact_ids(),
                opportunity_id=self.opportunity_combo.currentData(),
                completes_step_id=self.completes_step_id,
                next_plan_type=self.next_step.plan_type(),
                next_bucket=self.next_step.bucket(),
                next_title=self.next_step.title(),
            )
        except ValidationError as exc:
            self._show_error(FIELD_OF.get(exc.field or "", "general"), self._message(exc))
            return
        except CrmError as exc:
            self._show_error("general", error_text(exc))
            return
        self.follow_up_id = result.follow_up.id
        self.next_step_id = result.next_step.id
        self.sig_follow_up_logged.emit(self.follow_up_id)
        super().accept()

    # --- slots ---------------------------------------------------------------------------------
    def _on_picker_client_chosen(self, client_id: int) -> None:
        self.errors["client"].hide()
        self._fill_client_lists(client_id or None, (), None)

    def _on_purpose_combo_changed(self) -> None:
        if hasattr(self, "next_step"):
            self.next_step.set_plan_type(str(self.purpose_combo.currentData()))
