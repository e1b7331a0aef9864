"""Sync's dialogs: the outcome of a sync, an import or an export, and File → Sync conflicts….

The conflict list reads ``desktop_crm.sync.conflicts.list_conflicts`` on the database worker (a loading
state meanwhile, never a false "no conflicts"), and "Keep mine" / "Keep theirs" call ``choose`` on the
worker, then read the list again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.sync.conflicts import Conflict, choose, list_conflicts
from desktop_crm.sync.exchange import ExportSummary, ImportSummary
from desktop_crm.sync.folder import FolderSync

from . import prompts
from .sync_text import conflict_count, field_text, record_text, rule_text, summary_text, value_text, when_text
from .tasks import default_worker, deliver

Index = QModelIndex | QPersistentModelIndex
SyncResult = FolderSync | ImportSummary | ExportSummary


def result_box(parent: QWidget | None, title: str, result: SyncResult, *, modal: bool = True) -> QMessageBox:
    """The outcome in a message box; with conflicts, its Open button reads "Show conflicts…"."""
    box = QMessageBox(QMessageBox.Icon.Information, title, summary_text(result), parent=parent)
    box.setObjectName("syncResultBox")
    buttons = QMessageBox.StandardButton.Ok
    if conflict_count(result):
        buttons |= QMessageBox.StandardButton.Open
    box.setStandardButtons(buttons)
    if conflict_count(result):
        box.button(QMessageBox.StandardButton.Open).setText(
            QCoreApplication.translate("SyncResult", "Show conflicts…")
        )
    box.setDefaultButton(QMessageBox.StandardButton.Ok)
    layout = box.layout()
    if isinstance(layout, QGridLayout):  # wide enough for a folder's path on one line
        layout.addItem(
            QSpacerItem(520, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding),
            layout.rowCount(),
            0,
            1,
            layout.columnCount(),
        )
    if not modal:
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def show_result(parent: QWidget | None, title: str, result: SyncResult) -> bool:
    """Show the outcome; True when the user asked to see the conflicts."""
    box = result_box(parent, title, result)
    return prompts.run_modal(box) == QMessageBox.StandardButton.Open.value


class ConflictTableModel(QAbstractTableModel):
    """The conflicts, newest first: when, record, field, original, mine, theirs, kept, why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflicts: list[Conflict] = []
        self.headers = [
            self.tr("When"),
            self.tr("Record"),
            self.tr("Field"),
            self.tr("Original"),
            self.tr("Mine"),
            self.tr("Theirs"),
            self.tr("Kept"),
            self.tr("Why"),
        ]

    def set_conflicts(self, conflicts: list[Conflict]) -> None:
        self.beginResetModel()
        self.conflicts = list(conflicts)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.conflicts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def kept_text(self, conflict: Conflict) -> str:
        kept = self.tr("Mine") if conflict.chosen == "mine" else self.tr("Theirs")
        if conflict.decided_by_user_at:
            return self.tr("{value} (your choice)").format(value=kept)
        return kept

    def cell(self, conflict: Conflict, column: int) -> str:
        if column == 0:
            return when_text(conflict.at)
        if column == 1:
            return record_text(conflict.table, conflict.uuid)
        if column == 2:
            return field_text(conflict.field)
        if column in (3, 4, 5):
            value = (conflict.original, conflict.mine, conflict.theirs)[column - 3]
            return value_text(conflict.field, value)
        if column == 6:
            return self.kept_text(conflict)
        return rule_text(conflict.rule)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.conflicts):
            return None
        conflict = self.conflicts[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(conflict, index.column())
        kept_column = 4 if conflict.chosen == "mine" else 5
        if role == Qt.ItemDataRole.FontRole and index.column() == kept_column:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class ConflictsDialog(QDialog):
    """File → Sync conflicts…: what sync decided, and the other value on request.

    ``sig_choice_saved`` after "Keep mine"/"Keep theirs" changed a record (the pages refresh by the core's
    change notifications; the signal is for whoever shows a status)."""

    sig_choice_saved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncConflictsDialog")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(1060, 440)
        self.busy = False
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "When two computers changed the same field, sync kept one value and lists the other here. "
                "Select a row to keep the other value: it is an ordinary edit, sent with the next sync."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.stack = QStackedWidget(self)
        self.loading_label = QLabel(self.tr("Loading the conflicts…"), self.stack)
        self.empty_label = QLabel(self.tr("No conflicts: every change merged cleanly."), self.stack)
        for label in (self.loading_label, self.empty_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            self.stack.addWidget(label)
        self.model = ConflictTableModel(self)
        self.table = QTableView(self.stack)
        self.table.setObjectName("syncConflictsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.stack.addWidget(self.table)
        layout.addWidget(self.stack, 1)
        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        layout.addWidget(self.hint_label)
        row = QHBoxLayout()
        self.mine_button = QPushButton(self.tr("Keep &mine"), self)
        self.theirs_button = QPushButton(self.tr("Keep &theirs"), self)
        self.mine_button.clicked.connect(self._on_mine_button_clicked)
        self.theirs_button.clicked.connect(self._on_theirs_button_clicked)
        row.addWidget(self.mine_button)
        row.addWidget(self.theirs_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        row.addWidget(buttons)
        layout.addLayout(row)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    # --- reading and choosing --------------------------------------------------------------------
    def reload(self) -> None:
        """Read the conflicts on the worker (the loading text until they are there)."""
        self.busy = True
        if not self.model.conflicts:
            self.stack.setCurrentWidget(self.loading_label)
        self.hint_label.clear()
        self._update_buttons()
        job = default_worker().submit(lambda _progress: list_conflicts())
        deliver(job, self, self._on_list_loaded, self._on_job_failed)

    def selected(self) -> Conflict | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.conflicts[rows[0].row()]

    def keep(self, choice: str) -> None:
        conflict = self.selected()
        if conflict is None or self.busy:
            return
        self.busy = True
        self._update_buttons()
        self.hint_label.setText(self.tr("Saving…"))
        number = conflict.id
        job = default_worker().submit(lambda _progress: choose(number, choice))
        deliver(job, self, self._on_choice_saved, self._on_job_failed)

    # --- slots ---------------------------------------------------------------------------------
    def _on_list_loaded(self, conflicts: list[Conflict]) -> None:
        self.busy = False
        selected = self.selected()
        self.model.set_conflicts(conflicts)
        if conflicts:
            self.stack.setCurrentWidget(self.table)
            self.table.resizeColumnsToContents()
            last = self.model.columnCount() - 1
            for column in range(last):
                if self.table.columnWidth(column) > 240:
                    self.table.setColumnWidth(column, 240)
            self.table.horizontalHeader().setSectionResizeMode(last, QHeaderView.ResizeMode.Stretch)
            ids = [c.id for c in conflicts]
            row = ids.index(selected.id) if selected is not None and selected.id in ids else 0
            self.table.selectRow(row)
        else:
            self.stack.setCurrentWidget(self.empty_label)
        self._update_buttons()

    def _on_choice_saved(self, _conflict: Conflict) -> None:
        self.sig_choice_saved.emit()
        self.reload()
        self.hint_label.setText(self.tr("Saved. The value travels with the next sync."))

    def _on_job_failed(self, message: str) -> None:
        self.busy = False
        if not self.model.conflicts:
            self.stack.setCurrentWidget(self.empty_label)
            self.empty_label.setText(
                self.tr("The conflicts could not be read: {error}").format(error=message)
            )
        self._update_buttons()
        prompts.show_error(self, self.tr("Sync conflicts"), message)

    def _on_mine_button_clicked(self) -> None:
        self.keep("mine")

    def _on_theirs_button_clicked(self) -> None:
        self.keep("theirs")

    def _update_buttons(self, *_args: object) -> None:
        conflict = None if self.busy else self.selected()
        merged = conflict is not None and conflict.rule == "same_key"
        self.mine_button.setEnabled(conflict is not None and not merged and conflict.chosen != "mine")
        self.theirs_button.setEnabled(conflict is not None and not merged and conflict.chosen != "theirs")
        merged_hint = self.tr(
            "Two records with the same name were merged into one: there is no value to choose."
        )
        if merged:
            self.hint_label.setText(merged_hint)
        elif self.hint_label.text() == merged_hint:
            self.hint_label.clear()
