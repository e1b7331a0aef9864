"""The list of backups (File → Restore from backup…, Settings → Backups): date, kind, size, schema."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.backup import BackupInfo

from . import fmt, prompts


def kind_text(kind: str) -> str:
    names = {
        "daily": QCoreApplication.translate("BackupTable", "Daily"),
        "weekly": QCoreApplication.translate("BackupTable", "Weekly"),
        "monthly": QCoreApplication.translate("BackupTable", "Monthly"),
        "manual": QCoreApplication.translate("BackupTable", "Manual"),
        "pre-migration": QCoreApplication.translate("BackupTable", "Before an upgrade"),
        "pre-restore": QCoreApplication.translate("BackupTable", "Before a restore"),
        "pre-sync": QCoreApplication.translate("BackupTable", "Before the first sync"),
        "damaged": QCoreApplication.translate("BackupTable", "Damaged file (kept)"),
    }
    return names.get(kind, kind)


class BackupTable(QTableWidget):
    """Backups, newest first; the path of each row is in its first cell's ``UserRole``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("backupTable")
        self.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Kind"), self.tr("Size"), self.tr("Schema")])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def set_backups(self, infos: list[BackupInfo]) -> None:
        self.setRowCount(len(infos))
        locale = QLocale()
        for row, info in enumerate(infos):
            made = QTableWidgetItem(fmt.short_datetime(info.created))
            made.setData(Qt.ItemDataRole.UserRole, str(info.path))
            made.setToolTip(str(info.path))
            size = QTableWidgetItem(
                locale.formattedDataSize(info.size_bytes, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)
            )
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            version = "" if info.schema_version is None else str(info.schema_version)
            for column, item in enumerate((made, QTableWidgetItem(kind_text(info.kind)), size)):
                self.setItem(row, column, item)
            self.setItem(row, 3, QTableWidgetItem(version))
        if infos:
            self.selectRow(0)

    def selected_path(self) -> Path | None:
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.item(rows[0].row(), 0)
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


class RestoreDialog(QDialog):
    """Pick a backup of the open database, or another file; ``chosen_path()`` after acceptance."""

    def __init__(self, parent: QWidget | None, infos: list[BackupInfo]) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(640, 420)
        self._other: Path | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choose the backup to restore. It is checked before it replaces anything, and the "
                "current database is kept as a backup first."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = BackupTable(self)
        self.table.set_backups(infos)
        self.table.doubleClicked.connect(self.accept)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(
            self.tr("No backups of this database yet: choose a file with “Other file…”.")
        )
        self.empty_label.setObjectName("hint")
        self.empty_label.setVisible(not infos)
        layout.addWidget(self.empty_label)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(infos))
        self.other_button = QPushButton(self.tr("Other file…"), self)
        self.other_button.setObjectName("otherFileButton")
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.other_button.clicked.connect(self._on_other_button_clicked)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        layout.addWidget(buttons)

    def chosen_path(self) -> Path | None:
        return self._other or self.table.selected_path()

    def _on_table_selection_changed(self) -> None:
        self.restore_button.setEnabled(self.table.selected_path() is not None)

    def _on_other_button_clicked(self) -> None:
        path = prompts.ask_open_path(
            self, self.tr("Restore from a file"), "", self.tr("CRM database (*.sqlite3 *.db);;All files (*)")
        )
        if path:
            self._other = Path(path)
            self.accept()
