"""Import contacts from a vCard file into one client: the file is read and previewed on the database
worker (name, phone, e-mail, job title, and per card its problems or the contact it duplicates); the user
chooses what to do with duplicates and with cards that have problems; Import runs ``import_vcards`` (one
transaction) on the worker. After acceptance ``result`` holds the counts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.errors import CrmError
from desktop_crm.services.vcards import CardPreview, VCardImportResult, import_vcards, preview_vcards
from desktop_crm.vcard import parse_vcards

from ...errors import error_text
from ...models import Column, Index, TupleTableModel
from ...tasks import ProgressFn, default_worker
from ...widgets import make_table_view, set_column_widths

PROBLEM_COLUMN = 5


def read_and_preview(path: str, client_id: int) -> list[CardPreview]:
    """Worker job: the file's cards with their preview (``CrmError`` when the file cannot be used)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise CrmError("vcard.cannot_read", path=path, reason=exc.strerror or str(exc)) from None
    return preview_vcards(client_id, parse_vcards(data))


class VCardPreviewModel(TupleTableModel):
    """Rows: (number, name, phone, e-mail, title, check text, has problem)."""

    def __init__(self, parent: QObject | None = None) -> None:
        columns = [
            Column("#", align_right=True),
            Column(self.tr("Name")),
            Column(self.tr("Phone")),
            Column(self.tr("E-mail")),
            Column(self.tr("Job title")),
            Column(self.tr("Check")),
        ]
        super().__init__(columns, parent=parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole and index.column() == PROBLEM_COLUMN:
            row = self.row(index.row())
            return (
                QColor("#c62828") if row[6] == "problem" else QColor("#8a6d00") if row[6] == "dup" else None
            )
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole and index.column() == PROBLEM_COLUMN:
            return self.row(index.row())[PROBLEM_COLUMN]
        return super().data(index, role)


class VCardImportDialog(QDialog):
    def __init__(self, client_id: int, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("vcardImportDialog")
        self.setWindowTitle(self.tr("Import contacts from vCard"))
        self.client_id = client_id
        self.path = path
        self.previews: list[CardPreview] = []
        self.result_counts: VCardImportResult | None = None
        self.resize(860, 520)

        self.summary = QLabel(self.tr("Reading {file}…").format(file=Path(path).name), self)
        self.summary.setObjectName("vcardSummary")
        self.summary.setWordWrap(True)
        self.model = VCardPreviewModel(self)
        self.table = make_table_view(self.model, self, stretch_column=PROBLEM_COLUMN)
        self.table.setObjectName("vcardPreviewTable")
        set_column_widths(self.table, [36, 130, 140, 190, 120, 0])
        self.duplicates = QComboBox(self)
        self.duplicates.setObjectName("vcardDuplicates")
        self.duplicates.addItem(self.tr("Skip them"), "skip")
        self.duplicates.addItem(self.tr("Update the existing contact"), "update")
        self.duplicates.addItem(self.tr("Add them as new contacts"), "create")
        self.skip_invalid = QCheckBox(self)
        self.skip_invalid.setObjectName("vcardSkipInvalid")
        self.skip_invalid.hide()
        self.status = QLabel(self)
        self.status.setObjectName("errorLabel")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #c62828;")
        self.status.hide()

        options = QHBoxLayout()
        options.setSpacing(8)
        options.addWidget(QLabel(self.tr("Duplicates (same name or phone):"), self))
        options.addWidget(self.duplicates)
        options.addSpacing(16)
        options.addWidget(self.skip_invalid)
        options.addStretch(1)
        buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setObjectName("primaryButton")
        self.import_button.setEnabled(False)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.skip_invalid.toggled.connect(self._update_import_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(options)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        job = default_worker().submit(lambda _progress: read_and_preview(path, client_id))
        job.sig_finished.connect(self._on_preview_finished)
        job.sig_failed.connect(self._on_preview_failed)

    # --- preview -------------------------------------------------------------------------------
    def _check_text(self, preview: CardPreview) -> tuple[str, str]:
        if preview.problems:
            return "; ".join(error_text(p) for p in preview.problems), "problem"
        if preview.duplicate_of:
            return self.tr("Same name or phone as {name}").format(name=preview.duplicate_of), "dup"
        return self.tr("New contact"), ""

    def _on_preview_finished(self, previews: list[CardPreview]) -> None:
        self.previews = previews
        rows = []
        for p in previews:
            text, kind = self._check_text(p)
            c = p.card
            rows.append((c.number, c.name or "–", c.phone, c.email, c.title, text, kind))
        self.model.set_rows(rows)
        bad = sum(1 for p in previews if p.problems)
        dups = sum(1 for p in previews if p.duplicate_of and not p.problems)
        self.summary.setText(
            self.tr("{file}: cards: {cards} · duplicates: {dups} · with problems: {bad}").format(
                file=Path(self.path).name, cards=len(previews), dups=dups, bad=bad
            )
        )
        self.skip_invalid.setText(self.tr("Leave out the cards with problems ({count})").format(count=bad))
        self.skip_invalid.setVisible(bad > 0)
        self._update_import_button()

    def _on_preview_failed(self, message: str) -> None:
        self.summary.setText(self.tr("{file} cannot be imported.").format(file=Path(self.path).name))
        self._show_error(message)

    def _update_import_button(self) -> None:
        bad = any(p.problems for p in self.previews)
        importable = sum(1 for p in self.previews if not p.problems)
        self.import_button.setEnabled(importable > 0 and (not bad or self.skip_invalid.isChecked()))
        if bad and not self.skip_invalid.isChecked():
            self._show_error(
                self.tr("Some cards have problems: leave them out, or correct the file and try again.")
            )
        else:
            self.status.hide()

    def _show_error(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    # --- import --------------------------------------------------------------------------------
    def options(self) -> tuple[str, bool]:
        return str(self.duplicates.currentData()), self.skip_invalid.isChecked()

    def _on_import_clicked(self) -> None:
        on_duplicate, skip_invalid = self.options()
        cards = [p.card for p in self.previews]
        client_id = self.client_id
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Importing…"))

        def job(_progress: ProgressFn) -> VCardImportResult:
            return import_vcards(client_id, cards, on_duplicate, skip_invalid)

        running = default_worker().submit(job)
        running.sig_finished.connect(self._on_import_finished)
        running.sig_failed.connect(self._on_import_failed)

    def _on_import_finished(self, result: VCardImportResult) -> None:
        self.result_counts = result
        self.accept()

    def _on_import_failed(self, message: str) -> None:
        self._show_error(message)
        self.import_button.setEnabled(True)
