"""The client hub's Dossier tab (客户雷达, offline first): one-click actions (call, e-mail, a web search and
the national enterprise credit registry in the browser), the registration facts (the unified social
credit code checked as it is typed, legal representative, registered capital, founding date, headcount and
revenue bands, business scope) saved through ``services.dossier.save_dossier``, and dated
public-information notes with their source."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import quote

from PySide6.QtCore import QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm import credit_code
from desktop_crm.care_read import REGISTRY_URL, Dossier, care_settings, dossier_of
from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.services.dossier import delete_dossier_note, save_dossier

from ... import fmt, prompts
from ...errors import error_text
from ...exporter.widget_tables import install_table_export
from ...inputs import InputProblem, MoneyEdit
from ...labels import choices
from ...models import Column, TupleTableModel
from ...widgets import error_label, make_table_view, set_column_widths
from .dossier_note_dialog import DossierNoteDialog
from .editor_inputs import OptionalDateEdit

CARD_STYLE = "QFrame#dossierCard { background: #ffffff; border: 1px solid #e3e8ef; border-radius: 8px; }"


def open_url(url: QUrl) -> bool:
    """Open ``url`` with the system (browser, dialler, mail program); tests replace this function."""
    return QDesktopServices.openUrl(url)


class DossierTab(QWidget):
    """``load(client_id)``; emits ``sig_dossier_changed()`` after a save."""

    sig_dossier_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client_id: int | None = None
        self.dossier: Dossier | None = None
        self.errors: dict[str, QLabel] = {}
        self._build_actions()
        self._build_facts()
        self._build_notes()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self.actions_row)
        body = QHBoxLayout()
        body.setSpacing(12)
        body.addWidget(self.facts_card, 3)
        body.addWidget(self.notes_card, 2)
        layout.addLayout(body, 1)

    # --- construction ----------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.call_button = QPushButton(self.tr("Call"), self)
        self.call_button.setObjectName("callButton")
        self.mail_button = QPushButton(self.tr("E-mail"), self)
        self.mail_button.setObjectName("mailButton")
        self.search_button = QPushButton(self.tr("Search the web"), self)
        self.search_button.setObjectName("searchButton")
        self.registry_button = QPushButton(self.tr("Credit registry"), self)
        self.registry_button.setObjectName("registryButton")
        self.registry_button.setToolTip(
            self.tr(
                "Opens the National Enterprise Credit Information Publicity System; the company name is put "
                "on the clipboard to paste in its search box."
            )
        )
        self.call_button.clicked.connect(self._on_call_clicked)
        self.mail_button.clicked.connect(self._on_mail_clicked)
        self.search_button.clicked.connect(self._on_search_clicked)
        self.registry_button.clicked.connect(self._on_registry_clicked)
        self.action_status = QLabel(self)
        self.action_status.setObjectName("hint")
        self.action_status.setWordWrap(True)
        self.actions_row = QHBoxLayout()
        self.actions_row.setSpacing(8)
        for button in (self.call_button, self.mail_button, self.search_button, self.registry_button):
            self.actions_row.addWidget(button)
        self.actions_row.addWidget(self.action_status, 1)

    def _boxed(self, key: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = error_label(self, key, self.errors)
        column.addWidget(error)
        if isinstance(widget, MoneyEdit):  # a refused amount is told while it is typed
            widget.sig_problem.connect(error.setText)
            widget.sig_problem.connect(lambda text, error=error: error.setVisible(bool(text)))
        return box

    def _build_facts(self) -> None:
        self.facts_card = QFrame(self)
        self.facts_card.setObjectName("dossierCard")
        self.facts_card.setStyleSheet(CARD_STYLE)
        grid = QGridLayout(self.facts_card)
        grid.setContentsMargins(14, 12, 14, 12)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        heading = QLabel(self.tr("Registration facts"), self.facts_card)
        heading.setObjectName("sectionHeading")
        grid.addWidget(heading, 0, 0, 1, 4)
        self.code_edit = QLineEdit(self.facts_card)
        self.code_edit.setObjectName("creditCodeEdit")
        self.code_edit.setPlaceholderText(self.tr("18 characters, e.g. 91440300708461136T"))
        self.code_edit.textChanged.connect(self._on_code_edit_changed)
        self.code_state = QLabel(self.facts_card)
        self.code_state.setObjectName("creditCodeState")
        self.legal_edit = QLineEdit(self.facts_card)
        self.capital_edit = MoneyEdit(self.facts_card, field="registered_capital_cents")
        self.capital_edit.setObjectName("capitalEdit")
        self.capital_edit.setPlaceholderText(self.tr("e.g. 5,000,000.00"))
        self.founded_edit = OptionalDateEdit(self.facts_card, default=date(2010, 1, 1))
        self.founded_edit.setObjectName("foundedEdit")
        self.headcount_combo = QComboBox(self.facts_card)
        self.revenue_combo = QComboBox(self.facts_card)
        for combo, kind in ((self.headcount_combo, "headcount_band"), (self.revenue_combo, "revenue_band")):
            combo.addItem(self.tr("Unknown"), None)
            for key, text in choices(kind):
                combo.addItem(text, key)
        self.scope_edit = QPlainTextEdit(self.facts_card)
        self.scope_edit.setObjectName("scopeEdit")
        self.scope_edit.setPlaceholderText(self.tr("As registered: what the company may do"))
        self.scope_edit.setMaximumHeight(150)
        rows: list[tuple[str, QWidget]] = [
            (self.tr("Unified social credit code"), self._boxed("credit_code", self.code_edit)),
            ("", self.code_state),
            (self.tr("Legal representative"), self._boxed("legal_representative", self.legal_edit)),
            (self.tr("Registered capital"), self._boxed("registered_capital_cents", self.capital_edit)),
            (self.tr("Founding date"), self._boxed("founded_on", self.founded_edit)),
            (self.tr("Headcount"), self._boxed("headcount_band", self.headcount_combo)),
            (self.tr("Revenue"), self._boxed("revenue_band", self.revenue_combo)),
        ]
        for row, (caption, widget) in enumerate(rows, start=1):
            grid.addWidget(QLabel(caption, self.facts_card), row, 0, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(widget, row, 1)
        scope_row = len(rows) + 1
        grid.addWidget(
            QLabel(self.tr("Business scope"), self.facts_card),
            scope_row,
            0,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
        )
        grid.addWidget(self._boxed("business_scope", self.scope_edit), scope_row, 1)
        grid.setRowStretch(scope_row + 2, 1)
        grid.setColumnStretch(1, 1)
        self.general_error = error_label(self, "general", self.errors)
        self.saved_label = QLabel(self.facts_card)
        self.saved_label.setObjectName("hint")
        self.save_button = QPushButton(self.tr("Save facts"), self.facts_card)
        self.save_button.setObjectName("saveDossierButton")
        self.save_button.clicked.connect(self._on_save_clicked)
        bottom = QHBoxLayout()
        bottom.addWidget(self.general_error, 1)
        bottom.addStretch(1)
        bottom.addWidget(self.saved_label)
        bottom.addWidget(self.save_button)
        grid.addLayout(bottom, scope_row + 1, 0, 1, 2)
        grid.addWidget(QWidget(self.facts_card), scope_row + 2, 0)  # the spare height, below the button

    def _build_notes(self) -> None:
        self.notes_card = QFrame(self)
        self.notes_card.setObjectName("dossierCard")
        self.notes_card.setStyleSheet(CARD_STYLE)
        column = QVBoxLayout(self.notes_card)
        column.setContentsMargins(14, 12, 14, 12)
        column.setSpacing(6)
        header = QHBoxLayout()
        self.notes_heading = QLabel(self.notes_card)
        self.notes_heading.setObjectName("sectionHeading")
        header.addWidget(self.notes_heading, 1)
        self.add_note_button = QPushButton(self.tr("Add note…"), self.notes_card)
        self.add_note_button.setObjectName("addNoteButton")
        self.edit_note_button = QPushButton(self.tr("Edit…"), self.notes_card)
        self.delete_note_button = QPushButton(self.tr("Delete"), self.notes_card)
        self.add_note_button.clicked.connect(self._on_add_note_clicked)
        self.edit_note_button.clicked.connect(self._on_edit_note_clicked)
        self.delete_note_button.clicked.connect(self._on_delete_note_clicked)
        for button in (self.add_note_button, self.edit_note_button, self.delete_note_button):
            header.addWidget(button)
        column.addLayout(header)
        columns = [
            Column(self.tr("Date"), fmt.short_date),
            Column(self.tr("Source")),
            Column(self.tr("Note"), lambda text: " ".join(str(text).split())),
        ]
        self.notes_model = TupleTableModel(columns, parent=self)
        self.notes_table = make_table_view(self.notes_model, self.notes_card, stretch_column=2)
        install_table_export(self.notes_table, self.tr("Export dossier notes"), "dossier-notes", {0: "date"})
        self.notes_table.setObjectName("dossierNotesTable")
        set_column_widths(self.notes_table, [96, 120, 0])
        self.notes_table.doubleClicked.connect(self._on_notes_table_double_clicked)
        self.notes_table.selectionModel().selectionChanged.connect(self._update_note_buttons)
        self.notes_empty = QLabel(
            self.tr("No public information noted yet: news, court rulings, tenders, filings…"),
            self.notes_card,
        )
        self.notes_empty.setObjectName("hint")
        self.notes_empty.setWordWrap(True)
        column.addWidget(self.notes_empty)
        column.addWidget(self.notes_table, 1)

    # --- loading ---------------------------------------------------------------------------------
    def load(self, client_id: int) -> None:
        self.show_dossier(client_id, dossier_of(client_id))

    def show_dossier(self, client_id: int, dossier: Dossier | None) -> None:
        """Show the client's ``dossier`` (None: the client no longer exists)."""
        self.client_id = client_id
        self.dossier = dossier
        for error in self.errors.values():
            error.hide()
        self.saved_label.clear()
        self.action_status.clear()
        d = self.dossier
        if d is None:
            return
        self.code_edit.setText(d.credit_code)
        self.legal_edit.setText(d.legal_representative)
        self.capital_edit.set_cents(d.registered_capital_cents)
        self.founded_edit.set_value(d.founded_on)
        self.headcount_combo.setCurrentIndex(max(self.headcount_combo.findData(d.headcount_band), 0))
        self.revenue_combo.setCurrentIndex(max(self.revenue_combo.findData(d.revenue_band), 0))
        self.scope_edit.setPlainText(d.business_scope)
        self._load_notes(d)
        self._set_actions(d)
        for widget in (self.save_button, self.add_note_button):
            widget.setEnabled(not d.deleted)

    def _load_notes(self, d: Dossier) -> None:
        self.notes_model.set_rows([(n.noted_on, n.source, n.text, n.id) for n in d.notes])
        self.notes_heading.setText(
            self.tr("Public information ({count})").format(count=fmt.number(len(d.notes)))
        )
        self.notes_table.setVisible(bool(d.notes))
        self.notes_empty.setVisible(not d.notes)
        self._update_note_buttons()

    def _set_actions(self, d: Dossier) -> None:
        for button, entries, scheme in (
            (self.call_button, d.phones, "tel:"),
            (self.mail_button, d.emails, "mailto:"),
        ):
            button.setEnabled(bool(entries))
            old = button.menu()
            button.setMenu(None)
            if old is not None:
                old.deleteLater()
            if len(entries) > 1:
                menu = QMenu(button)
                for who, target in entries:
                    action = menu.addAction(f"{who} · {target}")
                    action.triggered.connect(lambda _=False, t=target, s=scheme: self._open(s + t))
                button.setMenu(menu)
            button.setToolTip(" · ".join(entries[0]) if len(entries) == 1 else "")
        if not d.phones:
            self.call_button.setToolTip(self.tr("No phone number: add one to the client or a contact."))
        if not d.emails:
            self.mail_button.setToolTip(self.tr("No e-mail address: add one to a contact."))

    # --- actions ---------------------------------------------------------------------------------
    def _open(self, url: str) -> None:
        if not open_url(QUrl(url)):
            self.action_status.setText(self.tr("No program on this computer opens {url}.").format(url=url))

    def _on_call_clicked(self) -> None:
        if self.dossier and len(self.dossier.phones) == 1:
            self._open("tel:" + self.dossier.phones[0][1].replace(" ", ""))

    def _on_mail_clicked(self) -> None:
        if self.dossier and len(self.dossier.emails) == 1:
            self._open("mailto:" + self.dossier.emails[0][1])

    def _on_search_clicked(self) -> None:
        if self.dossier is not None:
            url = care_settings().search_url.replace("{query}", quote(self.dossier.client_name))
            self._open(url)

    def _on_registry_clicked(self) -> None:
        if self.dossier is None:
            return
        QGuiApplication.clipboard().setText(self.dossier.client_name)
        self.action_status.setText(
            self.tr("“{name}” is on the clipboard: paste it in the registry's search box.").format(
                name=self.dossier.client_name
            )
        )
        if not open_url(QUrl(REGISTRY_URL)):
            self.action_status.setText(
                self.tr("No program on this computer opens {url}.").format(url=REGISTRY_URL)
            )

    # --- facts -----------------------------------------------------------------------------------
    def _on_code_edit_changed(self, text: str) -> None:
        code = credit_code.normalise(text)
        if not code:
            self.code_state.setText(self.tr("No code recorded."))
            self.code_state.setStyleSheet("color: #6b7785;")
            return
        problem = credit_code.problem(code)
        if problem is None:
            self.code_state.setText(self.tr("✓ Valid code"))
            self.code_state.setStyleSheet("color: #1e7b4c;")
        elif problem == "length":
            self.code_state.setText(self.tr("{count} of 18 characters").format(count=len(code)))
            self.code_state.setStyleSheet("color: #8a5a00;")
        else:
            self.code_state.setText(self.tr("✗ Not a valid code"))
            self.code_state.setStyleSheet("color: #c8372d;")

    def values(self) -> dict[str, Any]:
        capital = self.capital_edit.cents()
        return {
            "credit_code": self.code_edit.text(),
            "legal_representative": self.legal_edit.text(),
            "registered_capital_cents": capital,
            "founded_on": self.founded_edit.value(),
            "headcount_band": self.headcount_combo.currentData(),
            "revenue_band": self.revenue_combo.currentData(),
            "business_scope": self.scope_edit.toPlainText(),
        }

    def _show_error(self, field: str | None, message: str) -> None:
        target = self.errors.get(field or "general", self.general_error)
        target.setText(message)
        target.show()

    def _on_save_clicked(self) -> None:
        if self.client_id is None:
            return
        for error in self.errors.values():
            error.hide()
        self.saved_label.clear()
        try:
            values = self.values()
        except InputProblem as problem:
            self._show_error(problem.field, problem.message)
            return
        try:
            save_dossier(self.client_id, **values)
        except ValidationError as exc:
            self._show_error(exc.field if exc.field in self.errors else None, error_text(exc))
            return
        except CrmError as exc:
            self._show_error(None, error_text(exc))
            return
        self.load(self.client_id)
        self.saved_label.setText(self.tr("Saved."))
        self.sig_dossier_changed.emit()

    # --- notes -----------------------------------------------------------------------------------
    def _selected_note(self) -> tuple | None:
        index = self.notes_table.currentIndex()
        if not index.isValid() or not self.notes_table.selectionModel().hasSelection():
            return None
        return self.notes_model.row(index.row())

    def _update_note_buttons(self, *_args: object) -> None:
        selected = self._selected_note() is not None
        alive = self.dossier is not None and not self.dossier.deleted
        self.edit_note_button.setEnabled(selected and alive)
        self.delete_note_button.setEnabled(selected and alive)

    def _run_note_dialog(self, note: tuple | None) -> None:
        if self.client_id is None:
            return
        dialog = DossierNoteDialog(self.client_id, note, self)
        if prompts.run_modal(dialog) == DossierNoteDialog.DialogCode.Accepted.value:
            self.load(self.client_id)
            self.sig_dossier_changed.emit()

    def _on_add_note_clicked(self) -> None:
        self._run_note_dialog(None)

    def _on_edit_note_clicked(self) -> None:
        note = self._selected_note()
        if note is not None:
            self._run_note_dialog(note)

    def _on_notes_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and self.dossier is not None and not self.dossier.deleted:
            self._run_note_dialog(self.notes_model.row(index.row()))

    def _on_delete_note_clicked(self) -> None:
        note = self._selected_note()
        if note is None or self.client_id is None:
            return
        if not prompts.ask_yes_no(self, self.tr("Delete note"), self.tr("Delete this note for good?")):
            return
        try:
            delete_dossier_note(note[3])
        except CrmError as exc:
            prompts.show_error(self, self.tr("Delete note"), error_text(exc))
            return
        self.load(self.client_id)
        self.sig_dossier_changed.emit()
