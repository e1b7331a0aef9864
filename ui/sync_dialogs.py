"""Sync's dialogs: the outcome of a sync, an import or an export, File → Sync with team database… (the
address of the team database, :class:`TeamSyncDialog`), and File → Sync conflicts….

The conflict list reads ``desktop_crm.sync.conflicts.list_conflicts`` and the names of the records it
mentions (``desktop_crm.sync.conflict_names.read_conflicts``) on the database worker (a loading state meanwhile, never a false
"no conflicts"), and "Keep mine" / "Keep theirs" call ``choose`` on the worker, then read the list again.
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
from PySide6.QtGui import QColor, QFont
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

from desktop_crm.sync.conflict_names import ConflictList, Names, read_conflicts
from desktop_crm.sync.conflicts import Conflict, choose
from desktop_crm.sync.exchange import ExportSummary, ImportSummary
from desktop_crm.sync.folder import FolderSync
from desktop_crm.sync.hub import TeamSync

from . import prompts
from .sync_text import (
    conflict_count,
    field_text,
    record_text,
    rule_text,
    summary_text,
    value_text,
    when_text,
)
from .tasks import default_worker, deliver
from .team_database import TeamConnectDialog

Index = QModelIndex | QPersistentModelIndex
SyncResult = FolderSync | TeamSync | ImportSummary | ExportSummary


class TeamSyncDialog(TeamConnectDialog):
    """File → Sync with team database…: the team database's address (the form of File → Connect to team
    database…, the same check that a database is named), said to sync rather than to switch: the window
    stays on this computer's file. ``url()`` is the address without password; ``password()`` what was
    typed (kept in memory only, by the caller, once it worked)."""

    def __init__(self, parent: QWidget | None = None, last_url: str = "") -> None:
        super().__init__(parent, last_url)
        self.setObjectName("TeamSyncDialog")
        self.setWindowTitle(self.tr("Sync with team database"))
        intro = self.findChild(QLabel)  # the form's first label: what a team database is
        if intro is not None:
            intro.setText(
                self.tr(
                    "This computer keeps working on its own file: sync sends its changes to the team "
                    "database and brings the team's changes here. After that, Sync now and the automatic "
                    "sync every 5 minutes use this database.\n\nAsk whoever runs the server for these details."
                )
            )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sync"))
        self.setMinimumWidth(560)  # the Chinese sentence broke inside a word at 460


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
    widen(box, TEAM_WIDTH if isinstance(result, TeamSync) else WIDTH)  # a team database's URL on one line
    if not modal:
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


WIDTH = 560
TEAM_WIDTH = 760


def widen(box: QMessageBox, width: int = WIDTH) -> None:
    """Wide enough for a folder's or a file's path on one line."""
    layout = box.layout()
    if isinstance(layout, QGridLayout):
        layout.addItem(
            QSpacerItem(width, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding),
            layout.rowCount(),
            0,
            1,
            layout.columnCount(),
        )


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """A failed sync, import or export: its sentence, the path in it unbroken (``prompts.show_error``
    wraps a long path in the middle of a word)."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, parent=parent)
    box.setObjectName("syncErrorBox")
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    widen(box)
    prompts.run_modal(box)


def show_result(parent: QWidget | None, title: str, result: SyncResult) -> bool:
    """Show the outcome; True when the user asked to see the conflicts."""
    box = result_box(parent, title, result)
    return prompts.run_modal(box) == QMessageBox.StandardButton.Open.value


class ConflictTableModel(QAbstractTableModel):
    """The conflicts, newest first: when, record, field, original, mine, theirs, and which was kept (why in
    its tooltip). Records and linked records by their names (``names``), never by their UUID."""

    KEPT = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflicts: list[Conflict] = []
        self.names: Names = {}
        self.headers = [
            self.tr("When"),
            self.tr("Record"),
            self.tr("Field"),
            self.tr("Original"),
            self.tr("Mine"),
            self.tr("Theirs"),
            self.tr("Kept"),
        ]

    def set_conflicts(self, listed: ConflictList) -> None:
        self.beginResetModel()
        self.conflicts = list(listed.conflicts)
        self.names = dict(listed.names)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.conflicts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def kept_text(self, conflict: Conflict) -> str:
        if conflict.rule == "same_key":
            return self.tr("Merged")
        kept = self.tr("Mine") if conflict.chosen == "mine" else self.tr("Theirs")
        if conflict.decided_by_user_at:
            return self.tr("{value} (your choice)").format(value=kept)
        return kept

    def why_text(self, conflict: Conflict) -> str:
        """Why the kept value was kept, in a sentence (under the list for the selected row, and the Kept
        column's tooltip)."""
        if conflict.decided_by_user_at:
            return self.tr("You chose this value on {when}.").format(
                when=when_text(conflict.decided_by_user_at)
            )
        return rule_text(conflict.rule)

    def value(self, conflict: Conflict, column: int) -> Any:
        return (conflict.original, conflict.mine, conflict.theirs)[column - 3]

    def cell(self, conflict: Conflict, column: int) -> str:
        if column == 0:
            return when_text(conflict.at)
        if column == 1:
            return record_text(conflict.table, conflict.uuid, self.names)
        if column == 2:
            return field_text(conflict.field, conflict.table)
        if column in (3, 4, 5):
            return value_text(conflict.field, self.value(conflict, column), conflict.table, self.names)
        return self.kept_text(conflict)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.conflicts):
            return None
        conflict = self.conflicts[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(conflict, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.why_text(conflict) if column == self.KEPT else self.cell(conflict, column)
        if role == Qt.ItemDataRole.DecorationRole and column in (3, 4, 5) and conflict.field == "color":
            colour = QColor(str(self.value(conflict, column) or ""))
            return colour if colour.isValid() else None
        kept_column = 4 if conflict.chosen == "mine" else 5
        if role == Qt.ItemDataRole.FontRole and column == kept_column:
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


# the widest a column grows when fitted to its contents (a longer text is cut, whole in its tooltip); the
# last column takes the rest of the width
COLUMN_WIDTHS = {1: 260, 2: 170, 3: 160, 4: 200, 5: 200}


class ConflictsDialog(QDialog):
    """File → Sync conflicts…: what sync decided, and the other value on request.

    ``sig_choice_saved`` after "Keep mine"/"Keep theirs" changed a record (the pages refresh by the core's
    change notifications; the signal is for whoever shows a status)."""

    sig_choice_saved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncConflictsDialog")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(1180, 480)
        self.busy = False
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "When two computers changed the same field, sync kept one value (in bold) and lists both here. "
                "To use the other value, select the row and click Keep mine or Keep theirs: it is an ordinary "
                "edit, sent with the next sync."
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
        self.why_label = QLabel(self)  # why the selected row's value was kept
        self.why_label.setObjectName("syncConflictWhy")
        self.why_label.setWordWrap(True)
        layout.addWidget(self.why_label)
        self.hint_label = QLabel(self)  # saving, saved
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
        job = default_worker().submit(lambda _progress: read_conflicts())
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
    def _on_list_loaded(self, listed: ConflictList) -> None:
        self.busy = False
        selected = self.selected()
        self.model.set_conflicts(listed)
        conflicts = listed.conflicts
        if conflicts:
            self.stack.setCurrentWidget(self.table)
            self.table.resizeColumnsToContents()
            last = self.model.columnCount() - 1
            for column, widest in COLUMN_WIDTHS.items():
                if self.table.columnWidth(column) > widest:
                    self.table.setColumnWidth(column, widest)
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
        shown = self.selected()
        why = self.model.why_text(shown) if shown is not None else ""
        if shown is not None and shown.rule == "same_key":
            why = " ".join((why, self.tr("There is no value to choose.")))
        self.why_label.setText(why)
