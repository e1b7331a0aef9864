"""The attachments list: a table of files with a preview, Add files… (a file dialog) and drag and drop,
Open (the system's application), Remove (undo with Ctrl+Z) and the removed files (Restore, Delete for good).

``AttachmentsPanel.show_client(client_id)`` lists every attachment of a client (its own, its follow-ups',
contracts' and service records'; new files go to the client); ``show_record(kind, id)`` lists one
record's. Files are stored on the database worker (hashing and copying a recording takes a while);
the size limit is checked first, so a file over it is refused at once with nothing attached.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDragLeaveEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.attachments import check_source
from desktop_crm.errors import CrmError
from desktop_crm.services import attachments as service
from desktop_crm.services.attachments import AttachmentRow
from desktop_crm.team import current_user_id

from .. import fmt, prompts
from ..errors import error_text
from ..exporter.widget_tables import install_table_export
from ..models import Column, TupleTableModel
from ..tasks import Job, default_worker
from ..undo import ClientCommand, notifier, undo_stack
from ..widgets import make_table_view, set_column_widths
from .kinds import kind_label, owner_label
from .preview import AttachmentPreview

DROP_STYLE = 'QWidget#attachmentsPanel[dropping="true"] { border: 2px dashed #2d5bb9; background: #eef3fd; }'


def open_with_system(path: Path) -> bool:
    """Open ``path`` with the system's application for its type (the seam tests replace)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _add_all(
    owner_kind: str, owner_id: int, paths: list[Path], user_id: int | None
) -> list[tuple[str, object]]:
    """Worker job: attach each file; returns ``(name, None or the CrmError)`` per file."""
    results: list[tuple[str, object]] = []
    for path in paths:
        try:
            service.add_attachment(owner_kind, owner_id, path, by=user_id)
        except CrmError as exc:
            results.append((path.name, exc))
        else:
            results.append((path.name, None))
    return results


class RemoveAttachmentCommand(ClientCommand):
    """Remove an attachment (soft); undo brings it back with its file."""

    def __init__(self, attachment_id: int, text: str) -> None:
        super().__init__(text)
        self.attachment_id = attachment_id

    def _do(self) -> None:
        service.remove_attachment(self.attachment_id)

    def _undo(self) -> None:
        service.restore_attachment(self.attachment_id)


class AttachmentsPanel(QWidget):
    """Emits ``sig_attachments_changed()`` after a file was attached, removed, restored or deleted."""

    sig_attachments_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, show_owner: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentsPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(DROP_STYLE)
        self.setAcceptDrops(True)
        self.client_id: int | None = None
        self.owner: tuple[str, int] | None = None  # where new files go
        self.read_only = False
        self.show_removed = False
        self.job: Job | None = None
        self.fetch_job: Job | None = None  # a team database's file fetched for Open
        self._rows: list[AttachmentRow] = []
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("hint")
        self.summary_label.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add files…"), self)
        self.add_button.setObjectName("primaryButton")
        self.open_button = QPushButton(self.tr("Open"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.removed_button = QPushButton(self.tr("Removed files"), self)
        self.removed_button.setCheckable(True)
        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.purge_button = QPushButton(self.tr("Delete for good…"), self)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("attachmentStatus")
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        columns = [
            Column(self.tr("Name")),
            Column(self.tr("Type"), kind_label),
            Column(self.tr("Size"), self._size_text, align_right=True),
            Column(self.tr("Attached to")),
            Column(self.tr("Added"), fmt.short_datetime),
            Column(self.tr("By")),
        ]
        self.model = TupleTableModel(columns, parent=self)
        self.table = make_table_view(self.model, self, stretch_column=0)
        self.table.setObjectName("attachmentsTable")
        install_table_export(
            self.table, self.tr("Export the attachment list"), "attachments", {2: "int", 4: "datetime"}
        )
        set_column_widths(self.table, [0, 130, 80, 240, 160, 80])
        self.table.setColumnHidden(3, not show_owner)
        self.preview = AttachmentPreview(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 1)
        split.setChildrenCollapsible(False)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        for button in (self.add_button, self.open_button, self.remove_button):
            bar.addWidget(button)
        bar.addWidget(self.summary_label, 1)
        for button in (self.restore_button, self.purge_button, self.removed_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.status_label)
        layout.addWidget(split, 1)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.removed_button.toggled.connect(self._on_removed_button_toggled)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.purge_button.clicked.connect(self._on_purge_clicked)
        self.table.doubleClicked.connect(self._on_open_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        notifier().sig_clients_changed.connect(self._on_undo_changed)
        self._update_buttons()

    # --- public --------------------------------------------------------------------------------
    def show_client(self, client_id: int, read_only: bool = False) -> None:
        """Every attachment of the client; new files are attached to the client."""
        self.client_id = client_id
        self.owner = ("client", client_id)
        self.read_only = read_only
        self.reload()

    def show_record(self, owner_kind: str, owner_id: int, read_only: bool = False) -> None:
        """One record's attachments (a follow-up, a contract, a service record)."""
        self.client_id = service.client_of(owner_kind, owner_id)
        self.owner = (owner_kind, owner_id)
        self.read_only = read_only
        self.reload()

    def show_client_rows(self, client_id: int, rows: list[AttachmentRow], read_only: bool = False) -> None:
        """Show ``rows``, the client's attachments read elsewhere (``list_attachments`` with ``show_removed``)."""
        self.client_id = client_id
        self.owner = ("client", client_id)
        self.read_only = read_only
        self._show_rows(rows)

    def reload(self) -> None:
        if self.owner is None or self.client_id is None:
            return
        kind, owner_id = self.owner
        try:
            if kind == "client":
                rows = service.list_attachments(self.client_id, removed=self.show_removed)
            else:
                rows = service.list_for_record(kind, owner_id, removed=self.show_removed)
        except CrmError as exc:
            self._show_status(error_text(exc), error=True)
            rows = []
        self._show_rows(rows)

    def _show_rows(self, rows: list[AttachmentRow]) -> None:
        selected = self.selected_row()
        self._rows = rows
        self.model.set_rows([self._tuple(r) for r in rows])
        self._update_summary()
        if selected is not None:
            self.select(selected.id)
        elif rows:
            self.table.selectRow(0)
        self._on_table_selection_changed()

    def select(self, attachment_id: int) -> None:
        for index, row in enumerate(self._rows):
            if row.id == attachment_id:
                self.table.selectRow(index)

    def selected_row(self) -> AttachmentRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self._rows):
            return None
        return self._rows[rows[0].row()]

    def texts(self) -> list[str]:
        """The file names listed (tests)."""
        return [r.file_name for r in self._rows]

    def add_files(self, paths: Sequence[str | Path]) -> Job | None:
        """Attach files (size checked at once, stored on the worker); returns the job, or None when refused."""
        if self.owner is None or self.read_only or not paths:
            return None
        files = [Path(p) for p in paths]
        try:
            for path in files:
                check_source(path)
        except CrmError as exc:
            self._show_status(error_text(exc), error=True)
            return None
        kind, owner_id = self.owner
        user_id = current_user_id()
        self._show_status(self.tr("Attaching {count} file(s)…").format(count=len(files)))
        self.add_button.setEnabled(False)
        self.job = default_worker().submit(lambda _progress: _add_all(kind, owner_id, files, user_id))
        self.job.sig_finished.connect(self._on_job_finished)
        self.job.sig_failed.connect(self._on_job_failed)
        self.job.sig_cancelled.connect(self._on_job_cancelled)
        return self.job

    # --- display -------------------------------------------------------------------------------
    @staticmethod
    def _size_text(size: int) -> str:
        from PySide6.QtCore import QLocale

        return QLocale().formattedDataSize(int(size))

    def _owner_text(self, row: AttachmentRow) -> str:
        name = owner_label(row.owner_kind)
        if row.owner_id is None:
            return self.tr("{kind} (deleted)").format(kind=name)
        parts = [name]
        if row.owner_kind != "client" and row.owner_title:
            parts.append(row.owner_title)
        if row.owner_date is not None:
            when = row.owner_date
            parts.append(fmt.short_datetime(when) if hasattr(when, "hour") else fmt.short_date(when))
        return " · ".join(parts)

    def _tuple(self, row: AttachmentRow) -> tuple:
        return (
            row.file_name,
            row.kind,
            row.size_bytes,
            self._owner_text(row),
            row.added_at,
            row.added_by,
            row.id,
        )

    def _update_summary(self) -> None:
        count = len(self._rows)
        if self.show_removed:
            text = (
                self.tr("{count} removed file(s): restore them, or delete them for good.").format(count=count)
                if count
                else self.tr("No removed files.")
            )
        elif count:
            total = sum(r.size_bytes for r in self._rows)
            text = self.tr("{count} file(s), {size} · drop files here to attach them").format(
                count=count, size=self._size_text(total)
            )
        else:
            text = self.tr(
                "No attachments yet: add call recordings, e-mails, chat exports, PDFs or images, "
                "or drop files here."
            )
        self.summary_label.setText(text)

    def _update_buttons(self) -> None:
        row = self.selected_row()
        busy = self.job is not None and not self.job.done
        self.add_button.setVisible(not self.show_removed)
        self.remove_button.setVisible(not self.show_removed)
        self.open_button.setEnabled(row is not None and row.available)
        self.add_button.setEnabled(self.owner is not None and not self.read_only and not busy)
        self.remove_button.setEnabled(row is not None and not self.read_only)
        self.restore_button.setVisible(self.show_removed)
        self.purge_button.setVisible(self.show_removed)
        self.restore_button.setEnabled(row is not None and not self.read_only)
        self.purge_button.setEnabled(row is not None and not self.read_only)

    def _show_status(self, text: str, error: bool = False) -> None:
        self.status_label.setStyleSheet("color: #b91c1c; font-weight: 600;" if error else "color: #1e7b4c;")
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def _changed(self) -> None:
        self.reload()
        self.sig_attachments_changed.emit()

    # --- drag and drop -------------------------------------------------------------------------
    @staticmethod
    def _local_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        data = event.mimeData()
        if not data.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]

    def _set_dropping(self, on: bool) -> None:
        self.setProperty("dropping", on)
        self.style().unpolish(self)
        self.style().polish(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if (
            self._local_files(event)
            and self.owner is not None
            and not self.read_only
            and not self.show_removed
        ):
            event.acceptProposedAction()
            self._set_dropping(True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_dropping(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_dropping(False)
        files = self._local_files(event)
        if files:
            event.acceptProposedAction()
            self.add_files(files)

    # --- slots ---------------------------------------------------------------------------------
    def _on_add_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Attach files"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters(
            [
                self.tr("All files (*)"),
                self.tr("Recordings, e-mails, PDFs and images")
                + " (*.mp3 *.m4a *.wav *.amr *.aac *.eml *.msg *.pdf *.png *.jpg *.jpeg *.txt *.html)",
            ]
        )
        if prompts.run_modal(dialog) != QDialog.DialogCode.Accepted.value:
            return
        self.add_files(dialog.selectedFiles())

    def _on_open_clicked(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        if not row.path.is_file():  # a team database's file this computer has no copy of yet
            self._show_status(self.tr("Fetching {name}…").format(name=row.file_name))
            self.fetch_job = default_worker().submit(lambda _progress, rid=row.id: service.file_to_open(rid))
            self.fetch_job.sig_finished.connect(lambda path, r=row: self._open_fetched(r, path))
            self.fetch_job.sig_failed.connect(self._on_fetch_job_failed)
            return
        try:
            path = service.file_to_open(row.id)
        except CrmError as exc:
            self._show_status(error_text(exc), error=True)
            return
        except OSError as exc:
            self._show_status(
                self.tr("The file could not be prepared: {error}").format(error=exc), error=True
            )
            return
        if not open_with_system(path):
            self._show_status(self.tr("No application opened {name}.").format(name=row.file_name), error=True)

    def _on_fetch_job_failed(self, message: str) -> None:
        self.fetch_job = None
        self._show_status(message, error=True)

    def _open_fetched(self, row: AttachmentRow, path: object) -> None:
        self.fetch_job = None
        self._show_status("")
        if not open_with_system(Path(str(path))):
            self._show_status(self.tr("No application opened {name}.").format(name=row.file_name), error=True)

    def _on_remove_clicked(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        command = RemoveAttachmentCommand(
            row.id, self.tr("Remove attachment {name}").format(name=row.file_name)
        )
        try:
            command.apply()
        except CrmError as exc:
            self._show_status(error_text(exc), error=True)
            return
        undo_stack().push(command)
        self._show_status(self.tr("Removed {name}. Undo with Ctrl+Z.").format(name=row.file_name))
        self._changed()

    def _on_restore_clicked(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        try:
            service.restore_attachment(row.id)
        except CrmError as exc:
            self._show_status(error_text(exc), error=True)
            return
        self._show_status(self.tr("Restored {name}.").format(name=row.file_name))
        self._changed()

    def _on_purge_clicked(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        if not prompts.ask_yes_no(
            self,
            self.tr("Delete for good"),
            self.tr("Delete {name} for good? This cannot be undone.").format(name=row.file_name),
        ):
            return
        try:
            service.purge_attachment(row.id)
        except CrmError as exc:
            self._show_status(error_text(exc), error=True)
            return
        self._show_status(self.tr("Deleted {name} for good.").format(name=row.file_name))
        self._changed()

    def _on_removed_button_toggled(self, on: bool) -> None:
        self.show_removed = on
        self.status_label.hide()
        self.reload()

    def _on_table_selection_changed(self, *_args: QItemSelection) -> None:
        row = self.selected_row()
        if row is None:
            self.preview.clear()
        else:
            self.preview.show_row(row)
        self._update_buttons()

    def _on_job_finished(self, results: list[tuple[str, object]]) -> None:
        self.job = None
        failed = [(name, exc) for name, exc in results if exc is not None]
        done = len(results) - len(failed)
        if failed:
            problems = " ".join(error_text(exc) for _name, exc in failed if isinstance(exc, CrmError))
            self._show_status(
                self.tr("Attached {done} of {count} file(s).").format(done=done, count=len(results))
                + " "
                + problems,
                error=True,
            )
        else:
            self._show_status(self.tr("Attached {count} file(s).").format(count=done))
        self._changed()

    def _on_job_failed(self, message: str) -> None:
        self.job = None
        self._show_status(message, error=True)
        self.reload()

    def _on_job_cancelled(self) -> None:
        self.job = None
        self._show_status("")
        self.reload()

    def _on_undo_changed(self) -> None:
        if self.isVisible():
            self.reload()


class AttachmentsDialog(QDialog):
    """The attachments of one follow-up, contract or service record (drop files onto it)."""

    def __init__(
        self, parent: QWidget | None, owner_kind: str, owner_id: int, title: str, read_only: bool = False
    ):
        super().__init__(parent)
        self.setObjectName("attachmentsDialog")
        self.setWindowTitle(self.tr("Attachments: {what}").format(what=title))
        self.resize(1000, 480)
        self.panel = AttachmentsPanel(self, show_owner=False)
        self.panel.show_record(owner_kind, owner_id, read_only)
        heading = QLabel(title, self)
        heading.setObjectName("dialogTitle")
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(heading)
        layout.addWidget(self.panel, 1)
        layout.addLayout(row)
