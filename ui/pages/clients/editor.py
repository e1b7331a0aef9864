"""The client editor: profile, classification and value calibration, milestones and business features.

``ClientEditorDialog(parent, client_id=None)`` creates a client (no id) or edits one. Save runs every
write in one transaction (one service: ``desktop_crm.services.client_form``); a refused value is shown in red at its field, on its
tab, and the dialog stays open. Before a new name or phone is saved, duplicates are offered to open.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.read import users as data
from desktop_crm.services import clients, custom_fields, users
from desktop_crm.services.client_form import (
    ClientInput,
    ClientSnapshot,
    edit_client,
    load_client_form,
    milestone_key,
    needs_duplicate_check,
    save_client,
)
from desktop_crm.services.form_layout import form_layout

from ... import labels, prompts
from ...a11y import scaled_css
from ...errors import error_text, input_error
from ...inputs import InputProblem, MoneyEdit
from ...undo import EditClientCommand, push_done
from .editor_custom import CustomFieldsForm
from .editor_inputs import FieldBox, OptionalDateEdit, date_in_range
from .editor_milestones import MilestoneList
from .editor_style import EDITOR_STYLE
from .editor_tags import TagPicker
from .form_layout_ui import caption

log = logging.getLogger(__name__)

TEXT_FIELDS = (  # key, maximum length
    ("name", 200),
    ("short_name", 100),
    ("phone", 50),
    ("website", 200),
    ("address", 300),
    ("industry", 100),
    ("region", 100),
    ("source", 100),
)
ENUM_FIELDS = (("status", "client_status"), ("value_verdict", "value_verdict"), ("grade", "grade"))


class ClientEditorDialog(QDialog):
    """Emits ``sig_client_saved(client_id)`` after a save and ``sig_open_existing(client_id)`` when the
    user chooses to open a duplicate instead; ``saved_client_id`` holds the saved client's id."""

    sig_client_saved = Signal(int)
    sig_open_existing = Signal(int)

    def __init__(self, parent: QWidget | None = None, client_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientEditor")
        self.setStyleSheet(scaled_css(EDITOR_STYLE))
        self.client_id = client_id
        self.saved_client_id: int | None = None
        self.boxes: dict[str, FieldBox] = {}
        self.line_edits: dict[str, QLineEdit] = {}
        self.combos: dict[str, QComboBox] = {}
        self._loaded: ClientSnapshot | None = None
        self.form_layout = form_layout()  # the business's labels, hidden fields, section order
        self.resize(780, 700)
        self._build()
        self._load()

    # --- construction --------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(12)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("dialogTitle")
        layout.addWidget(self.title_label)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("editorTabs")
        self.tabs.addTab(self._scrolled(self._build_profile()), self.tr("Profile"))
        self.tabs.addTab(self._scrolled(self._build_value()), self.tr("Classification && value"))
        self.milestones = MilestoneList(self)
        self.tabs.addTab(self._scrolled(self._milestones_page()), self.tr("Key milestones"))
        self.custom_form = CustomFieldsForm(self)
        self.custom_form.setContentsMargins(20, 18, 24, 18)
        self.tabs.addTab(self._scrolled(self.custom_form), self.tr("Business features"))
        self._order_sections()
        layout.addWidget(self.tabs, 1)
        self.general_error = QLabel(self)
        self.general_error.setObjectName("generalError")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.line_edits["name"].setFocus()

    def _order_sections(self) -> None:
        """Put the tabs in the order Settings → Client form chose (profile, value, milestones, features)."""
        keys = ("profile", "value", "milestones", "features")
        pages = {key: self.tabs.widget(index) for index, key in enumerate(keys)}
        for position, key in enumerate(self.form_layout.sections):
            self.tabs.tabBar().moveTab(self.tabs.indexOf(pages[key]), position)
        self.tabs.setCurrentIndex(0)

    def _scrolled(self, body: QWidget) -> QScrollArea:
        body.setObjectName("tabBody")
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(body)
        return area

    def _form(self, parent: QWidget) -> QFormLayout:
        outer = QVBoxLayout(parent)  # the form on top, spare height below it
        outer.setContentsMargins(20, 16, 24, 16)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(8)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        return form

    def _add_row(self, form: QFormLayout, key: str, text: str, editor: QWidget) -> FieldBox:
        box = FieldBox(editor, editor.parentWidget())
        box.setObjectName(f"field_{key}")
        self.boxes[key] = box
        if key == "name":
            text = caption(self.form_layout, key, text.removesuffix(" *")) + " *"
        else:
            text = caption(self.form_layout, key, text)
        form.addRow(text, box)
        if self.form_layout.is_hidden(key):  # hidden, its value kept (loaded and saved unchanged)
            form.setRowVisible(box, False)
        return box

    def _build_profile(self) -> QWidget:
        page = QWidget(self)
        form = self._form(page)
        captions = {
            "name": self.tr("Name *"),
            "short_name": self.tr("Short name"),
            "phone": self.tr("Phone"),
            "website": self.tr("Website"),
            "address": self.tr("Address"),
            "industry": self.tr("Industry"),
            "region": self.tr("Region"),
            "source": self.tr("Source"),
        }
        for key, max_length in TEXT_FIELDS:
            edit = QLineEdit(page)
            edit.setObjectName(f"{key}Edit")
            edit.setMaxLength(max_length)
            self.line_edits[key] = edit
            self._add_row(form, key, captions[key], edit)
            if key == "short_name":
                self.owner_combo = QComboBox(page)
                self.owner_combo.setObjectName("ownerCombo")
                self.owner_combo.setMinimumWidth(240)
                self._add_row(form, "owner_id", self.tr("Owner"), self.owner_combo)
        self.line_edits["name"].setPlaceholderText(self.tr("Company name as the client writes it"))
        self.line_edits["website"].setPlaceholderText("https://")
        self.notes_edit = QPlainTextEdit(page)
        self.notes_edit.setObjectName("notesEdit")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMinimumHeight(84)
        self._add_row(form, "notes", self.tr("Notes"), self.notes_edit)
        return page

    def _build_value(self) -> QWidget:
        page = QWidget(self)
        form = self._form(page)
        captions = {
            "status": self.tr("Status"),
            "value_verdict": self.tr("Value verdict"),
            "grade": self.tr("Grade"),
        }
        for key, kind in ENUM_FIELDS:
            combo = QComboBox(page)
            combo.setObjectName(f"{key}Combo")
            combo.setMinimumWidth(240)
            for value, text in labels.choices(kind):
                combo.addItem(text, value)
            self.combos[key] = combo
            self._add_row(form, key, captions[key], combo)
        grade_hint = QLabel(
            self.tr("A: big deal, worth most of your time · B: normal · C: small deal, keep it light"), page
        )
        grade_hint.setObjectName("hint")
        form.addRow("", grade_hint)
        self.sign_date = OptionalDateEdit(page)
        self.sign_date.setObjectName("signDateEdit")
        self._add_row(form, "expected_sign_date", self.tr("Expected signing"), self.sign_date)
        self.amount_edit = MoneyEdit(page, field="expected_amount_cents")
        self.amount_edit.setObjectName("amountEdit")
        self.amount_edit.setMaximumWidth(240)
        self._add_row(form, "expected_amount_cents", self.tr("Expected amount"), self.amount_edit)
        self.tag_picker = TagPicker(page)
        self._add_row(form, "tags", self.tr("Categories"), self.tag_picker)
        return page

    def _milestones_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(20, 18, 24, 18)
        hint = QLabel(
            self.tr("The steps that decide this deal, e.g. a trial run, a tender, the contract."), page
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.milestones)
        layout.addStretch(1)
        return page

    # --- loading ---------------------------------------------------------------------------------
    def _load(self) -> None:
        snapshot: ClientSnapshot | None = None
        if self.client_id is not None:
            try:
                snapshot = load_client_form(self.client_id)
            except CrmError as error:
                self._show_general(error_text(error))
                self.save_button.setEnabled(False)
        self._loaded = snapshot
        self._fill_owner_combo(snapshot)
        all_tags = custom_fields.list_tag_names()
        if snapshot is None:
            self.setWindowTitle(self.tr("New client"))
            self.title_label.setText(self.tr("New client"))
            self.combos["grade"].setCurrentIndex(self.combos["grade"].findData("B"))
            self.combos["value_verdict"].setCurrentIndex(self.combos["value_verdict"].findData("uncertain"))
            self.tag_picker.set_tags(all_tags, [])
            return
        values = snapshot.fields
        self.setWindowTitle(self.tr("Edit client"))
        self.title_label.setText(values["name"])
        for key, edit in self.line_edits.items():
            edit.setText(values[key])
            edit.setCursorPosition(0)
        self.notes_edit.setPlainText(values["notes"])
        for key, combo in self.combos.items():
            combo.setCurrentIndex(max(combo.findData(values[key]), 0))
        self.sign_date.set_value(values["expected_sign_date"])
        self.amount_edit.set_cents(values["expected_amount_cents"])
        self.tag_picker.set_tags(all_tags, snapshot.tag_names)
        self.milestones.load(snapshot.milestones)
        self.custom_form.set_values(snapshot.custom_values)

    def _fill_owner_combo(self, snapshot: ClientSnapshot | None) -> None:
        self.owner_combo.addItem(self.tr("(no owner)"), None)
        for user in users.list_users(active_only=True):
            self.owner_combo.addItem(user.name, user.id)
        owner_id = snapshot.fields["owner_id"] if snapshot is not None else data.current_user_id()
        index = self.owner_combo.findData(owner_id) if owner_id is not None else 0
        if index < 0 and snapshot is not None:  # an inactive owner stays until changed
            self.owner_combo.addItem(self.tr("{name} (inactive)").format(name=snapshot.owner_name), owner_id)
            index = self.owner_combo.count() - 1
        self.owner_combo.setCurrentIndex(max(index, 0))

    # --- collecting and saving -------------------------------------------------------------------
    def _problem_text(self, problem: InputProblem) -> str:
        return {
            InputProblem.NEGATIVE: self.tr("Enter an amount of 0 or more."),
            InputProblem.TOO_MANY_DECIMALS: self.tr("Use at most 2 decimals (cents)."),
            InputProblem.TOO_LARGE: self.tr("This number is implausibly large; check the digits."),
        }.get(problem.kind, self.tr("Enter a number, e.g. 12,345.67."))

    def _collect(self) -> ClientInput:
        """Read the form; raises ``ValidationError`` (translated) for what the form itself can tell."""
        fields: dict[str, Any] = {key: edit.text() for key, edit in self.line_edits.items()}
        if not fields["name"].strip():
            raise input_error(self.tr("Enter the client's name."), "name")
        fields["notes"] = self.notes_edit.toPlainText()
        fields.update({key: combo.currentData() for key, combo in self.combos.items()})
        fields["owner_id"] = self.owner_combo.currentData()
        out_of_range = self.tr("Enter a date between 1900 and 2100.")
        fields["expected_sign_date"] = self.sign_date.value()
        if not date_in_range(fields["expected_sign_date"]):
            raise input_error(out_of_range, "expected_sign_date")
        try:
            fields["expected_amount_cents"] = self.amount_edit.cents() or 0
        except InputProblem as problem:
            raise input_error(problem.message, "expected_amount_cents") from None
        try:
            custom = self.custom_form.values()
        except InputProblem as problem:
            raise input_error(self._problem_text(problem), problem.field) from None
        for field in self.custom_form.fields:
            if field.kind == "date" and not date_in_range(custom.get(field.id)):
                raise input_error(out_of_range, f"custom:{field.id}")
        milestones = self.milestones.values()
        for row, milestone in enumerate(milestones):
            if not milestone.title.strip():
                raise input_error(
                    self.tr("Give the milestone a title, or remove it."), milestone_key(row, "title")
                )
            for key in ("due_date", "done_date"):
                if not date_in_range(getattr(milestone, key)):
                    raise input_error(out_of_range, milestone_key(row, key))
        return ClientInput(
            fields=fields,
            tag_names=self.tag_picker.checked_names(),
            custom_values=custom,
            milestones=milestones,
            removed_milestone_ids=list(self.milestones.removed_ids),
            # someone else's save since this form loaded is refused, not overwritten
            loaded_at=self._loaded.updated_at if self._loaded is not None else None,
        )

    def _confirm_not_duplicate(self, name: str, phone: str) -> bool:
        """True to go on saving; False when the user cancelled or opened the existing client."""
        if not needs_duplicate_check(self._loaded, name, phone):
            return True
        found = clients.find_duplicate_clients(name, phone, exclude_id=self.client_id)
        if not found:
            return True
        names = "\n".join(f"• {c.name}" + (f"  ({c.phone})" if c.phone else "") for c in found[:5])
        answer = prompts.ask_choice(
            self,
            self.tr("Possible duplicate"),
            self.tr("A client with the same name or phone already exists:\n{names}").format(names=names),
            [
                (QMessageBox.StandardButton.Open, self.tr("Open it")),
                (QMessageBox.StandardButton.Save, self.tr("Save anyway")),
                (QMessageBox.StandardButton.Cancel, self.tr("Cancel")),
            ],
            default=QMessageBox.StandardButton.Open,
        )
        if answer == QMessageBox.StandardButton.Open:
            self.sig_open_existing.emit(int(found[0].id))
            super().reject()
            return False
        return answer == QMessageBox.StandardButton.Save

    def accept(self) -> None:
        """Save (Enter or the Save button); the dialog closes only when the save succeeded."""
        self.clear_errors()
        try:
            collected = self._collect()
            if not self._confirm_not_duplicate(collected.fields["name"], collected.fields["phone"]):
                return
            if self.client_id is None:
                saved_id = save_client(None, collected)
            else:
                edit = edit_client(self.client_id, collected)
                saved_id = edit.client_id
                text = self.tr("Edit client {name}").format(name=edit.after.fields["name"])
                push_done(EditClientCommand(edit, text))
        except ValidationError as error:
            self.show_field_error(error.field, error_text(error))
            return
        except CrmError as error:
            self._show_general(error_text(error))
            return
        except Exception as error:  # the GUI never shows a traceback
            log.exception("saving a client failed")
            self._show_general(self.tr("The client could not be saved: {error}").format(error=error))
            return
        self.saved_client_id = saved_id
        self.sig_client_saved.emit(saved_id)
        super().accept()

    # --- messages --------------------------------------------------------------------------------
    def box_for(self, key: str | None) -> FieldBox | None:
        if not key:
            return None
        if key in self.boxes:
            return self.boxes[key]
        if key.startswith("custom:"):
            return self.custom_form.boxes.get(int(key.split(":")[1]))
        if key.startswith("milestone:"):
            _prefix, row, name = key.split(":")
            rows = self.milestones.rows
            return rows[int(row)].box(name) if int(row) < len(rows) else None
        return None

    def show_field_error(self, key: str | None, message: str) -> None:
        box = self.box_for(key)
        if box is None or box.isHidden():  # a field hidden by the form layout: say it below the tabs
            self._show_general(message)
            return
        for index in range(self.tabs.count()):
            if self.tabs.widget(index).isAncestorOf(box):
                self.tabs.setCurrentIndex(index)
                area = self.tabs.widget(index)
                if isinstance(area, QScrollArea):
                    area.ensureWidgetVisible(box)
        box.show_error(message)
        box.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_general(self, message: str) -> None:
        self.general_error.setText(message)
        self.general_error.show()

    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.clear_error()
        self.custom_form.clear_errors()
        self.milestones.clear_errors()
        self.general_error.hide()
