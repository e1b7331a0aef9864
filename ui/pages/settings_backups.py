"""Settings → Backups: where the backups are, how many the rotation keeps, the list, "Back up now".

The retention is saved through ``desktop_crm.backup.save_retention`` (the ``backup.retention``
setting, in the database); the copies are made by the window's ``BackupController`` (``ui.backup_ui``)
on the worker. The list is read on the worker too (every copy in the folder is opened to read its
header: on a slow or network disk that takes seconds), with "Loading the backups…" meanwhile, never a
false "No backups yet".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from desktop_crm.backup import (
    RETENTION_LIMITS,
    BackupInfo,
    backup_folder,
    list_backups,
    read_retention,
    save_retention,
)
from desktop_crm.errors import CrmError
from desktop_crm.models import database

from ..backup_dialogs import BackupTable
from ..errors import error_text
from ..exporter.widget_tables import EXPORT_ROLE, install_table_export
from ..tasks import default_worker, deliver
from ..widgets import section_card


@dataclass(frozen=True)
class BackupListing:
    """What the section shows, read on the worker."""

    retention: dict[str, int]
    backups: list[BackupInfo]


def read_backup_listing(path: Path) -> BackupListing:
    retention = read_retention(path)
    return BackupListing(retention, list_backups(path, retention))


class BackupSettingsSection(QFrame):
    sig_loaded = Signal()  # the list shows the folder as read by the latest refresh

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._generation = 0  # the latest refresh; a listing arriving late for an older one is dropped
        self.loaded = False
        self.reading = False  # a listing is on its way from the worker (screenshots wait for it)
        layout, heading = section_card(self, self.tr("Backups"))
        layout.addWidget(heading)
        hint = QLabel(
            self.tr(
                "A checked copy of the database is made when the window closes and once a day while it "
                "is open, and before every upgrade. Older copies are thinned out: the newest of each "
                "recent day, week and month are kept."
            ),
            self,
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(10)
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setObjectName("backupFolder")
        self.folder_edit.setReadOnly(True)
        form.addRow(self.tr("Folder"), self.folder_edit)
        self.keep_spins: dict[str, QSpinBox] = {}
        labels = {
            "daily": self.tr("Daily backups kept"),
            "weekly": self.tr("Weekly backups kept"),
            "monthly": self.tr("Monthly backups kept"),
            "manual": self.tr("Manual backups kept"),
        }
        for key, text in labels.items():
            spin = QSpinBox(self)
            spin.setObjectName(f"keep_{key}")
            low, high = RETENTION_LIMITS[key]
            spin.setRange(low, high)
            spin.setMinimumWidth(120)
            spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            self.keep_spins[key] = spin
            form.addRow(text, spin)
        layout.addLayout(form)
        self.table = BackupTable(self)
        self.table.setFixedHeight(220)
        # Right-click → Export this table… (when each backup was made, its kind, size in bytes, schema)
        self.export_action = install_table_export(
            self.table, self.tr("Export the backup list"), "backups", {0: "datetime", 2: "int"}
        )
        layout.addWidget(self.table)
        self.empty_label = QLabel(self.tr("No backups yet."), self)
        self.empty_label.setObjectName("hint")
        layout.addWidget(self.empty_label)
        buttons = QHBoxLayout()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveBackupsButton")
        self.save_button.clicked.connect(self._on_save_clicked)
        self.backup_button = QPushButton(self.tr("Back up now"), self)
        self.backup_button.setObjectName("backUpNowButton")
        self.backup_button.clicked.connect(self._on_backup_clicked)
        self._listening = False
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.backup_button)
        layout.addLayout(buttons)

    def hasHeightForWidth(self) -> bool:
        # The page measured this card's height at its own (wider) width, where the hint takes fewer
        # lines, and squeezed the buttons over the list: the card asks for its minimum height instead.
        return False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        controller = self._controller()
        if controller is not None and not self._listening:
            self._listening = True  # backups made elsewhere (File → Backup…, the daily one) appear here
            controller.sig_backups_changed.connect(self._on_controller_backups_changed)  # type: ignore[attr-defined]
        self.refresh()

    def db_path(self) -> Path | None:
        db = database.obj
        path = getattr(db, "crm_path", None) or getattr(db, "database", None)
        return Path(path) if path and path != ":memory:" else None

    def refresh(self) -> None:
        """Read the retention and the list of backups on the worker; the list says it is loading."""
        path = self.db_path()
        if path is None:
            return
        self.folder_edit.setText(str(backup_folder(path)))
        self._generation += 1
        generation = self._generation
        self.loaded = False
        self.empty_label.setText(self.tr("Loading the backups…"))
        self.empty_label.setVisible(self.table.rowCount() == 0)
        self.reading = True
        job = default_worker().submit(lambda _progress: read_backup_listing(path))
        deliver(
            job,
            self,
            lambda listing: self._show_listing(listing, generation),
            lambda message: self._on_load_failed(message, generation),
        )

    def _show_listing(self, listing: BackupListing, generation: int) -> None:
        if generation != self._generation:
            return  # a newer refresh is on its way
        self.reading = False
        for key, spin in self.keep_spins.items():
            spin.setValue(listing.retention[key])
        self.table.set_backups(listing.backups)
        for row, info in enumerate(listing.backups):  # an export writes the time and the bytes, typed
            for column, value in ((0, info.created), (2, int(info.size_bytes))):
                item = self.table.item(row, column)
                if item is not None:
                    item.setData(EXPORT_ROLE, value)
        self.empty_label.setText(self.tr("No backups yet."))
        self.empty_label.setVisible(not listing.backups)
        self.loaded = True
        self.sig_loaded.emit()

    def _on_load_failed(self, message: str, generation: int) -> None:
        if generation != self._generation:
            return  # a newer refresh is on its way
        self.reading = False
        self.empty_label.setText(self.tr("The backups could not be listed: {error}").format(error=message))
        self.empty_label.show()

    def save(self) -> bool:
        try:
            save_retention({key: spin.value() for key, spin in self.keep_spins.items()})
        except CrmError as exc:
            self.status_label.setText(error_text(exc))
            return False
        self.status_label.setText(self.tr("Saved. The next backup keeps copies by these numbers."))
        return True

    def _controller(self) -> object | None:
        window = self.window()
        return getattr(window, "backups", None)

    def _on_controller_backups_changed(self) -> None:
        if self.isVisible():
            self.refresh()

    def _on_save_clicked(self) -> None:
        self.save()

    def _on_backup_clicked(self) -> None:
        controller = self._controller()
        if controller is None:
            return
        self.backup_button.setEnabled(False)
        self.status_label.setText(self.tr("Backing up…"))
        job = controller.back_up_now(self)  # type: ignore[attr-defined]
        job.sig_finished.connect(self._on_backup_job_finished)
        job.sig_failed.connect(self._on_backup_job_ended)
        job.sig_cancelled.connect(self._on_backup_job_ended)

    def _on_backup_job_finished(self, info: object) -> None:
        self.backup_button.setEnabled(True)
        self.status_label.setText(self.tr("Backed up: {name}").format(name=Path(info.path).name))  # type: ignore[attr-defined]
        self.refresh()

    def _on_backup_job_ended(self, *_args: object) -> None:
        self.backup_button.setEnabled(True)
        self.status_label.clear()
