"""Add or edit a contact as a stakeholder: details, role, stance (with a reason), influence, reporting line,
the roles held in each deal, and the stance history as a timeline.

The dialog saves through one service (``save_contact``, one transaction) when OK is pressed; a ``ValidationError`` is
shown under its field and the dialog stays open, nothing half-saved.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.read import client_page as hub_data
from desktop_crm.services.contact_form import ContactInput, save_contact

from ...errors import error_text
from ...labels import choices, label
from ...widgets import error_label
from .editor_inputs import OptionalDateEdit
from .referrals_list import ContactReferralsList
from .stance_timeline import StanceTimeline

TEXT_FIELDS = ("name", "title", "department", "phone", "email", "wechat", "tenure")


class ContactDialog(QDialog):
    """``ContactDialog(client_id, contact_id=None)``; after acceptance ``contact_id`` is the saved contact."""

    def __init__(self, client_id: int, contact_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactDialog")
        self.client_id = client_id
        self.contact_id = contact_id
        self._loaded_at: Any = None  # the record's updated_at as loaded (optimistic check)
        self._original_stance = "neutral"
        self._original_deal_roles: dict[int, str | None] = {}
        self.setWindowTitle(self.tr("New contact") if contact_id is None else self.tr("Edit contact"))
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.deal_combos: dict[int, QComboBox] = {}
        self._build()
        if contact_id is not None:
            self._load(contact_id)
        self._on_stance_changed()

    # --- construction --------------------------------------------------------------------------
    def _error_label(self, key: str) -> QLabel:
        return error_label(self, key, self.errors)

    def _with_error(self, key: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self._error_label(key))
        return box

    def _combo(self, items: list[tuple[Any, str]]) -> QComboBox:
        combo = QComboBox(self)
        for key, text in items:
            combo.addItem(text, key)
        return combo

    def _build(self) -> None:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        captions = {
            "name": self.tr("Name *"),
            "title": self.tr("Job title"),
            "department": self.tr("Department"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "wechat": self.tr("WeChat"),
            "tenure": self.tr("Tenure"),
        }
        for key in TEXT_FIELDS[:-1]:
            self.edits[key] = QLineEdit(self)
            self.edits[key].setObjectName(f"edit_{key}")
            form.addRow(captions[key], self._with_error(key, self.edits[key]))
        self.role_combo = self._combo([(None, self.tr("No role")), *choices("stakeholder_role")])
        form.addRow(self.tr("Role"), self._with_error("role", self.role_combo))
        self.stance_combo = self._combo(list(choices("stance")))
        self.stance_combo.setCurrentIndex(self.stance_combo.findData("neutral"))
        self.stance_combo.currentIndexChanged.connect(self._on_stance_changed)
        form.addRow(self.tr("Stance"), self._with_error("stance", self.stance_combo))
        self.reason_caption = QLabel(self.tr("Reason for the change"), self)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("Optional: what changed their mind?"))
        form.addRow(self.reason_caption, self._with_error("reason", self.reason_edit))
        self.influence_combo = self._combo(list(choices("influence")))
        self.influence_combo.setCurrentIndex(self.influence_combo.findData("medium"))
        form.addRow(self.tr("Influence"), self._with_error("influence", self.influence_combo))
        self.edits["tenure"] = QLineEdit(self)
        self.edits["tenure"].setPlaceholderText(self.tr("e.g. 3 years in the post"))
        form.addRow(captions["tenure"], self._with_error("tenure", self.edits["tenure"]))
        self.boss_combo = QComboBox(self)
        self.boss_combo.setObjectName("reportsTo")
        self.boss_combo.addItem(self.tr("Nobody (top of the map)"), None)
        for cid, name, title in hub_data.other_contacts(self.client_id, self.contact_id):
            self.boss_combo.addItem(f"{name} · {title}" if title else name, cid)
        form.addRow(self.tr("Reports to"), self._with_error("reports_to_id", self.boss_combo))
        self.birthday_edit = OptionalDateEdit(self, default=date(1980, 1, 1))
        self.birthday_edit.setObjectName("birthdayEdit")
        form.addRow(self.tr("Birthday"), self._with_error("birthday", self.birthday_edit))
        self.interests_edit = QPlainTextEdit(self)
        self.interests_edit.setPlaceholderText(self.tr("What they care about"))
        self.interests_edit.setFixedHeight(54)
        form.addRow(self.tr("Interests"), self._with_error("interests", self.interests_edit))
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setFixedHeight(54)
        form.addRow(self.tr("Notes"), self._with_error("notes", self.notes_edit))
        for opp_id, name, stage in hub_data.opportunity_choices(self.client_id):
            combo = self._combo([(None, self.tr("Not involved")), *choices("stakeholder_role")])
            self.deal_combos[opp_id] = combo
            form.addRow(self.tr("Role in “{deal}”").format(deal=name), combo)
            combo.setToolTip(label("stage", stage))
        self.general_error = self._error_label("general")

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addLayout(form)
        left_layout.addWidget(self.general_error)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(left)

        self.timeline = StanceTimeline(self)
        history = QWidget(self)
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(12, 0, 0, 0)
        caption = self.tr("Stance history")
        history_layout.addWidget(QLabel(f"<b>{caption}</b>", history))
        history_layout.addWidget(self.timeline, 1)
        self.referrals = ContactReferralsList(history)
        history_layout.addWidget(self.referrals)
        history.setFixedWidth(260)
        history.setVisible(self.contact_id is not None)

        body = QHBoxLayout()
        body.addWidget(scroll, 1)
        body.addWidget(history)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.resize(760 if self.contact_id is not None else 500, 640)

    def _load(self, contact_id: int) -> None:
        contact = hub_data.contact_record(contact_id)
        self._loaded_at = contact.updated_at  # someone else's save since is refused, not overwritten
        for key in TEXT_FIELDS:
            self.edits[key].setText(getattr(contact, key) or "")
        self.role_combo.setCurrentIndex(max(self.role_combo.findData(contact.role), 0))
        self._original_stance = contact.stance
        self.stance_combo.setCurrentIndex(self.stance_combo.findData(contact.stance))
        self.influence_combo.setCurrentIndex(self.influence_combo.findData(contact.influence))
        boss = contact.reports_to_id
        self.boss_combo.setCurrentIndex(max(self.boss_combo.findData(boss), 0) if boss else 0)
        self.interests_edit.setPlainText(contact.interests)
        self.notes_edit.setPlainText(contact.notes)
        self._original_deal_roles = hub_data.deal_roles_of(contact_id, self.client_id)
        for opp_id, role in self._original_deal_roles.items():
            combo = self.deal_combos.get(opp_id)
            if combo is not None:
                combo.setCurrentIndex(max(combo.findData(role), 0) if role else 0)
        self.timeline.set_entries(hub_data.history_rows(contact_id))
        self.birthday_edit.set_value(contact.birthday)
        self.referrals.load(contact_id)

    # --- behaviour -----------------------------------------------------------------------------
    def _on_stance_changed(self) -> None:
        changed = self.contact_id is not None and self.stance_combo.currentData() != self._original_stance
        self.reason_caption.setVisible(changed)
        self.reason_edit.setVisible(changed)
        if not changed:
            self.errors["reason"].hide()

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {key: edit.text() for key, edit in self.edits.items()}
        values.update(
            role=self.role_combo.currentData(),
            stance=self.stance_combo.currentData(),
            influence=self.influence_combo.currentData(),
            reports_to_id=self.boss_combo.currentData(),
            interests=self.interests_edit.toPlainText(),
            notes=self.notes_edit.toPlainText(),
            birthday=self.birthday_edit.value(),
        )
        return values

    def show_error(self, field: str | None, message: str) -> None:
        target = self.errors.get(field or "general", self.general_error)
        target.setText(message)
        target.show()

    def _message(self, exc: ValidationError) -> str:
        if exc.field == "name":
            return self.tr("Enter the contact's name.") if exc.code == "required" else error_text(exc)
        if exc.field == "email":
            return self.tr("This is not a valid e-mail address.")
        if exc.code == "contact.reports_cycle":
            return self.tr(
                "This would make a reporting loop: nobody can report to themselves or their reports."
            )
        return error_text(exc)

    def accept(self) -> None:
        for error in self.errors.values():
            error.hide()
        values = self.values()
        if not values["name"].strip():
            self.show_error("name", self.tr("Enter the contact's name."))
            return
        try:
            self._save(values)
        except ValidationError as exc:
            self.show_error(exc.field, self._message(exc))
            return
        except CrmError as exc:
            self.show_error(None, error_text(exc))
            return
        super().accept()

    def _save(self, values: dict[str, Any]) -> None:
        changed = self.contact_id is not None and values["stance"] != self._original_stance
        data = ContactInput(
            fields=values,
            stance_reason=self.reason_edit.text().strip() if changed else "",
            deal_roles={opp_id: combo.currentData() for opp_id, combo in self.deal_combos.items()},
            loaded_at=self._loaded_at if self.contact_id is not None else None,
        )
        self.contact_id = save_contact(self.client_id, self.contact_id, data)
