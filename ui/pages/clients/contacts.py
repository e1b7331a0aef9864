"""The client's contacts as stakeholders: a table (role, stance, influence, title, last contacted) with
Add / Edit / Delete. Adding and editing go through ``ContactDialog``; deleting is a soft delete."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop_crm.errors import CrmError
from desktop_crm.read import client_page as hub_data
from desktop_crm.services.stakeholders import delete_contact

from ... import fmt, prompts
from ...errors import error_text
from ...exporter.widget_tables import install_table_export
from ...labels import choices, label
from ...models import Column, Index, TupleTableModel
from ...table_fit import fit_to_samples, widest_dates
from ...widgets import make_table_view, set_column_widths
from .contact_dialog import ContactDialog
from .stance_style import INFLUENCE_DOTS, stance_fill
from .vcard_dialog import VCardImportDialog

STANCE_COLUMN = 3
ID_COLUMN = 6


class ContactTableModel(TupleTableModel):
    """Rows from ``hub_data.contact_rows``; the stance cell carries a colour swatch."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns = [
            Column(self.tr("Name")),
            Column(self.tr("Job title")),
            Column(self.tr("Role"), lambda key: label("stakeholder_role", key) or "–"),
            Column(self.tr("Stance"), lambda key: label("stance", key)),
            Column(
                self.tr("Influence"), lambda key: f"{INFLUENCE_DOTS.get(key, '')} {label('influence', key)}"
            ),
            Column(self.tr("Last contacted"), lambda day: fmt.short_date(day) if day else self.tr("never")),
        ]
        super().__init__(columns, parent=parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.DecorationRole and index.column() == STANCE_COLUMN:
            return stance_fill(self.row(index.row())[STANCE_COLUMN])
        return super().data(index, role)

    def contact_id(self, row: int) -> int:
        return int(self.row(row)[ID_COLUMN])

    def row_of(self, contact_id: int) -> int:
        for n in range(self.rowCount()):
            if self.contact_id(n) == contact_id:
                return n
        return -1


class ContactsPanel(QWidget):
    """Emits ``sig_contacts_changed()`` after any save or delete, ``sig_contact_selected(id)`` (0: none)."""

    sig_contacts_changed = Signal()
    sig_contact_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client_id: int | None = None
        self.model = ContactTableModel(self)
        self.table = make_table_view(self.model, self, stretch_column=1)
        self.table.setObjectName("contactsTable")
        install_table_export(self.table, self.tr("Export contacts"), "client-contacts", {5: "date"})
        set_column_widths(self.table, [90, 0, 95, 90, 85, 95])
        self.fit_columns()
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.add_button = QPushButton(self.tr("Add contact"), self)
        self.add_button.setObjectName("primaryButton")
        self.edit_button = QPushButton(self.tr("Edit"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.vcard_button = QPushButton(self.tr("Import vCard…"), self)
        self.vcard_button.setObjectName("importVCardButton")
        self.vcard_button.setToolTip(
            self.tr("Add contacts from a .vcf file exported by a phone or e-mail program")
        )
        self.vcard_button.clicked.connect(self.import_vcard)
        self.add_button.clicked.connect(self.add_contact)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.vcard_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    def fit_columns(self) -> None:
        """Role, stance, influence and last contact never elided (their texts are known in advance: every
        label of the vocabulary, the locale's widest date); the job title takes what is left."""
        fit_to_samples(self.table, 2, ["–", *(text for _key, text in choices("stakeholder_role"))])
        fit_to_samples(self.table, STANCE_COLUMN, [text for _key, text in choices("stance")], icon=True)
        fit_to_samples(
            self.table, 4, [f"{INFLUENCE_DOTS.get(key, '')} {text}" for key, text in choices("influence")]
        )
        fit_to_samples(self.table, 5, [self.tr("never"), *widest_dates()])

    def load(self, client_id: int) -> None:
        self.show_rows(client_id, hub_data.contact_rows(client_id))

    def show_rows(self, client_id: int, rows: list[tuple]) -> None:
        """Show ``rows`` (``contact_rows()`` of the client), keeping the selected contact."""
        selected = self.selected_id()
        self.client_id = client_id
        self.model.set_rows(rows)
        self.select(selected)
        self._update_buttons()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.contact_id(rows[0].row()) if rows else None

    def select(self, contact_id: int | None) -> None:
        row = self.model.row_of(contact_id) if contact_id else -1
        if row < 0:
            self.table.clearSelection()
        elif self.selected_id() != contact_id:
            self.table.selectRow(row)

    # --- actions -------------------------------------------------------------------------------
    def add_contact(self) -> None:
        if self.client_id is None:
            return
        dialog = ContactDialog(self.client_id, None, self)
        if prompts.run_modal(dialog) == ContactDialog.DialogCode.Accepted.value:
            new_id = dialog.contact_id
            self.sig_contacts_changed.emit()
            self.select(new_id)

    def edit_contact(self, contact_id: int) -> None:
        if self.client_id is None:
            return
        dialog = ContactDialog(self.client_id, contact_id, self)
        if prompts.run_modal(dialog) == ContactDialog.DialogCode.Accepted.value:
            self.sig_contacts_changed.emit()

    def import_vcard(self) -> None:
        """Choose a .vcf file, preview its cards, import them (``VCardImportDialog``)."""
        if self.client_id is None:
            return
        title = self.tr("Import contacts from vCard")
        path = prompts.ask_open_path(self, title, "", self.tr("vCard files (*.vcf *.vcard);;All files (*)"))
        if not path:
            return
        dialog = VCardImportDialog(self.client_id, path, self)
        accepted = prompts.run_modal(dialog) == VCardImportDialog.DialogCode.Accepted.value
        counts = dialog.result_counts
        if not accepted or counts is None:
            return
        self.sig_contacts_changed.emit()
        skipped = counts.skipped_duplicates + counts.skipped_invalid
        text = self.tr("Contacts added: {created} · updated: {updated} · left out: {skipped}").format(
            created=counts.created, updated=counts.updated, skipped=skipped
        )
        prompts.show_info(self, title, text)

    def remove_contact(self, contact_id: int) -> None:
        row = self.model.row_of(contact_id)
        name = self.model.row(row)[0] if row >= 0 else ""
        question = self.tr("Delete the contact {name}? Their history is kept.").format(name=name)
        if not prompts.ask_yes_no(self, self.tr("Delete contact"), question):
            return
        try:
            delete_contact(contact_id)
        except CrmError as exc:
            prompts.show_error(self, self.tr("Cannot delete the contact"), error_text(exc))
            return
        self.sig_contacts_changed.emit()

    # --- slots ---------------------------------------------------------------------------------
    def _on_edit_clicked(self) -> None:
        contact_id = self.selected_id()
        if contact_id is not None:
            self.edit_contact(contact_id)

    def _on_delete_clicked(self) -> None:
        contact_id = self.selected_id()
        if contact_id is not None:
            self.remove_contact(contact_id)

    def _on_table_double_clicked(self) -> None:
        self._on_edit_clicked()

    def _on_table_selection_changed(self) -> None:
        self._update_buttons()
        self.sig_contact_selected.emit(self.selected_id() or 0)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.add_button.setEnabled(self.client_id is not None)
        self.vcard_button.setEnabled(self.client_id is not None)
