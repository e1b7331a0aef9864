"""Add or edit a dated public-information note of a client's dossier (date, source, text)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
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
from desktop_crm.services.dossier import add_dossier_note, update_dossier_note

from ...errors import error_text
from ...inputs import DateEdit
from ...widgets import error_label


class DossierNoteDialog(QDialog):
    """``DossierNoteDialog(client_id, note)``: ``note`` is ``(noted_on, source, text, id)`` or None (new)."""

    def __init__(self, client_id: int, note: tuple | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dossierNoteDialog")
        self.client_id = client_id
        self.note_id: int | None = note[3] if note else None
        self.errors: dict[str, QLabel] = {}
        self.setWindowTitle(self.tr("New public-information note") if note is None else self.tr("Edit note"))
        self.date_edit = DateEdit(self, note[0] if note else None, iso=True)
        self.source_edit = QLineEdit(note[1] if note else "", self)
        self.source_edit.setObjectName("noteSource")
        self.source_edit.setPlaceholderText(self.tr("Where it was read: a site, a paper, a person"))
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("noteText")
        self.text_edit.setPlainText(note[2] if note else "")
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Date"), self._boxed("noted_on", self.date_edit))
        form.addRow(self.tr("Source"), self._boxed("source", self.source_edit))
        form.addRow(self.tr("Note *"), self._boxed("text", self.text_edit))
        self.general_error = error_label(self, "general", self.errors)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def _boxed(self, key: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error_label(self, key, self.errors))
        return box

    def accept(self) -> None:
        for error in self.errors.values():
            error.hide()
        qdate = self.date_edit.date()
        day = date(qdate.year(), qdate.month(), qdate.day())
        text, source = self.text_edit.toPlainText(), self.source_edit.text()
        try:
            if self.note_id is None:
                add_dossier_note(self.client_id, day, text, source)
            else:
                update_dossier_note(self.note_id, day, text, source)
        except ValidationError as exc:
            target = self.errors.get(exc.field or "general", self.general_error)
            target.setText(error_text(exc))
            target.show()
            return
        except CrmError as exc:
            self.general_error.setText(error_text(exc))
            self.general_error.show()
            return
        super().accept()
