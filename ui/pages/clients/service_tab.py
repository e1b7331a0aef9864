"""The client hub's Service tab: the client's service records and complaints (服务单/投诉), open ones or all;
new, edit, change the status (start work, resolve, client confirmed, reopen) and delete; the selected
record's description and resolution below the list."""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm import clock
from desktop_crm.errors import CrmError
from desktop_crm.models.service import BUILTIN_SERVICE_TYPES, SERVICE_SEVERITIES, SERVICE_STATUSES
from desktop_crm.service_read import ServiceRow, client_service_records
from desktop_crm.services import service_records as svc

from ... import fmt, prompts
from ...errors import error_text
from ...exporter.widget_tables import install_table_export
from ...labels import label
from ...table_fit import fit_to_samples, widest_dates, widest_datetimes
from ...widgets import make_table_view, set_column_widths
from ..today.models import RED, RowColumn, RowObjectModel
from .service_dialog import ServiceRecordDialog, ServiceStatusDialog
from .service_names import type_name

ACCEPTED = 1


class ServiceTab(QWidget):
    """``load(client_id, deleted)``; emits ``sig_service_changed()`` after a change made here."""

    sig_service_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serviceTab")
        self.client_id: int | None = None
        self.deleted = False
        self.now = clock.now()
        self.types: list[svc.ServiceType] = []
        self.open_count = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("hint")
        self.summary_label.setWordWrap(True)  # wraps beside the buttons: the page never scrolls sideways
        self.summary_label.setMinimumWidth(120)
        self.filter_combo = QComboBox(self)
        self.filter_combo.setObjectName("serviceFilter")
        self.filter_combo.addItem(self.tr("Open"), "open")
        self.filter_combo.addItem(self.tr("All"), "all")
        self.filter_combo.currentIndexChanged.connect(self._on_filter_combo_changed)
        self.new_button = QPushButton(self.tr("New service record…"), self)
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(self._on_new_clicked)
        self.complaint_button = QPushButton(self.tr("Log complaint…"), self)
        self.complaint_button.setObjectName("newComplaintButton")
        self.complaint_button.clicked.connect(self._on_complaint_clicked)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        # A push button with a menu: its width makes room for the arrow (a tool button's covers the text).
        self.status_button = QPushButton(self.tr("Change status"), self)
        self.status_button.setObjectName("statusButton")
        menu = QMenu(self.status_button)
        self.start_action = QAction(self.tr("Start work"), self)
        self.resolve_action = QAction(self.tr("Resolve…"), self)
        self.confirm_action = QAction(self.tr("Client confirmed…"), self)
        self.reopen_action = QAction(self.tr("Reopen"), self)
        for action, status in (
            (self.start_action, "in_progress"),
            (self.resolve_action, "resolved"),
            (self.confirm_action, "confirmed"),
            (self.reopen_action, "reopened"),
        ):
            action.triggered.connect(lambda _checked=False, s=status: self.change_status(s))
            menu.addAction(action)
        self.status_button.setMenu(menu)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.files_button = QPushButton(self.tr("Attachments…"), self)  # slice attach
        self.files_button.setObjectName("serviceFilesButton")
        self.files_button.clicked.connect(self._on_files_clicked)
        bar.addWidget(self.summary_label, 1)
        bar.addWidget(self.filter_combo)
        for button in (
            self.new_button,
            self.complaint_button,
            self.edit_button,
            self.status_button,
            self.files_button,
            self.delete_button,
        ):
            bar.addWidget(button)
        layout.addLayout(bar)

        columns: list[RowColumn[ServiceRow]] = [
            # Opened and Resolved by their day (the time in the tooltip and below the list): with their
            # times the title kept about 60 px of a 1280 px window ("季度…")
            RowColumn(
                self.tr("Opened"),
                lambda r: fmt.short_date(r.created_at),
                tooltip=lambda r: fmt.short_datetime(r.created_at),
            ),
            RowColumn(self.tr("Type"), lambda r: type_name(r.kind, self.types)),
            RowColumn(self.tr("Severity"), lambda r: label("service_severity", r.severity)),
            RowColumn(self.tr("Title"), lambda r: r.title),
            RowColumn(self.tr("Contact"), lambda r: r.contact_name),
            RowColumn(self.tr("Status"), lambda r: label("service_status", r.status)),
            RowColumn(
                self.tr("Due"),
                lambda r: fmt.short_datetime(r.due_at) if r.is_open else "",
                color=lambda r: RED if r.overdue(self.now) else None,
                bold=lambda r: r.overdue(self.now),
            ),
            RowColumn(
                self.tr("Resolved"),
                lambda r: fmt.short_date(r.resolved_at),
                tooltip=lambda r: fmt.short_datetime(r.resolved_at),
            ),
            RowColumn(
                self.tr("Satisfaction"),
                lambda r: "★" * r.satisfaction if r.satisfaction else "",
            ),
        ]
        self.model: RowObjectModel[ServiceRow] = RowObjectModel(columns, self)
        self.table = make_table_view(self.model, self, stretch_column=3)
        self.table.setObjectName("serviceTable")
        install_table_export(self.table, self.tr("Export service records"), "client-service-records")
        set_column_widths(self.table, [90, 100, 70, 0, 90, 150, 145, 90, 80])
        # texts known in advance are never elided ("11/12/2026 10:00 …", "Confirmed by the cl…" at 1280 px)
        for column in (0, 7):  # Opened, Resolved
            fit_to_samples(self.table, column, widest_dates())
        fit_to_samples(self.table, 6, widest_datetimes(), bold=True)  # Due: an overdue one is bold
        fit_to_samples(self.table, 1, [label("service_type", k) for k in BUILTIN_SERVICE_TYPES])
        fit_to_samples(self.table, 2, [label("service_severity", s) for s in SERVICE_SEVERITIES])
        fit_to_samples(self.table, 5, [label("service_status", s) for s in SERVICE_STATUSES])
        fit_to_samples(self.table, 8, ["★" * 5])
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.doubleClicked.connect(self._on_edit_clicked)
        layout.addWidget(self.table, 1)
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("serviceDetail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setStyleSheet(
            "QLabel#serviceDetail { background: #ffffff; border: 1px solid #e3e8ef; border-radius: 8px;"
            " padding: 8px 10px; }"
        )
        self.detail_label.setMinimumHeight(60)
        layout.addWidget(self.detail_label)
        self._update_buttons()

    # --- loading --------------------------------------------------------------------------------
    def load(self, client_id: int, deleted: bool = False) -> None:
        self.client_id = client_id
        self.deleted = deleted
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        if self.client_id is None:
            return
        self._show_records(client_service_records(self.client_id), svc.service_types(), select_id)

    def show_records(
        self, client_id: int, deleted: bool, every: list[ServiceRow], types: list[svc.ServiceType]
    ) -> None:
        """Show the client's service records ``every`` (all of them; the filter picks the open ones)."""
        self.client_id = client_id
        self.deleted = deleted
        self._show_records(every, types, None)

    def _show_records(
        self, every: list[ServiceRow], types: list[svc.ServiceType], select_id: int | None
    ) -> None:
        self.now = clock.now()
        self.types = types
        open_rows = [r for r in every if r.is_open]
        only_open = self.filter_combo.currentData() == "open"
        rows = open_rows if only_open else every
        self.model.set_rows(rows)
        for column in (7, 8):  # Resolved, Satisfaction: empty on open records; the title gets the room
            self.table.setColumnHidden(column, only_open)
        overdue = sum(1 for r in open_rows if r.overdue(self.now))
        complaints = sum(1 for r in open_rows if r.kind == "complaint")
        self.summary_label.setText(
            self.tr("{open} open ({complaints} complaints, {overdue} overdue) · {total} in all").format(
                open=len(open_rows), complaints=complaints, overdue=overdue, total=len(every)
            )
        )
        self.open_count = len(open_rows)
        if select_id is not None:
            for row in range(self.model.rowCount()):
                if self.model.item(row).id == select_id:
                    self.select_row(row)
                    break
        self._update_buttons()

    def select_row(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )

    def selected(self) -> ServiceRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.model.item(index.row())

    def select_record(self, record_id: int) -> None:
        if all(self.model.item(r).id != record_id for r in range(self.model.rowCount())):
            self.filter_combo.setCurrentIndex(self.filter_combo.findData("all"))
        self.reload(select_id=record_id)

    # --- actions --------------------------------------------------------------------------------
    def new_record(self, kind: str | None = None) -> int | None:
        if self.client_id is None:
            return None
        try:
            dialog = ServiceRecordDialog(self, self.client_id)
        except CrmError as exc:
            prompts.show_error(self, self.tr("New service record"), error_text(exc))
            return None
        if kind is not None:
            dialog.set_kind(kind)
        if prompts.run_modal(dialog) != ACCEPTED:
            return None
        self._changed(dialog.saved_id)
        return dialog.saved_id

    def edit_record(self) -> None:
        record = self.selected()
        if record is None or self.client_id is None:
            return
        dialog = ServiceRecordDialog(self, self.client_id, record.id)
        if prompts.run_modal(dialog) == ACCEPTED:
            self._changed(record.id)

    def change_status(self, status: str) -> None:
        record = self.selected()
        if record is None:
            return
        if status in ("resolved", "confirmed"):
            dialog = ServiceStatusDialog(self, record, status)
            if prompts.run_modal(dialog) == ACCEPTED:
                self._changed(record.id)
            return
        try:
            svc.change_service_status(record.id, status, now=clock.now())
        except CrmError as exc:
            prompts.show_error(self, self.tr("Change status"), error_text(exc))
            return
        self._changed(record.id)

    def delete_record(self) -> None:
        record = self.selected()
        if record is None:
            return
        question = self.tr("Delete the service record “{title}”?").format(title=record.title)
        if not prompts.ask_yes_no(self, self.tr("Delete service record"), question):
            return
        try:
            svc.delete_service_record(record.id)
        except CrmError as exc:
            prompts.show_error(self, self.tr("Delete service record"), error_text(exc))
            return
        self._changed(None)

    def _changed(self, record_id: int | None) -> None:
        self.reload(select_id=record_id)
        self.sig_service_changed.emit()

    # --- state ----------------------------------------------------------------------------------
    def _on_files_clicked(self) -> None:
        """The selected record's attachments (photos, the client's e-mail, a call recording...)."""
        from ...attachments.panel import AttachmentsDialog

        record = self.selected()
        if record is not None:
            prompts.run_modal(
                AttachmentsDialog(self, "service_record", record.id, record.title, self.deleted)
            )

    def _update_buttons(self) -> None:
        record = self.selected()
        writable = self.client_id is not None and not self.deleted
        self.new_button.setEnabled(writable)
        self.complaint_button.setEnabled(writable)
        has = record is not None and writable
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        allowed = svc.TRANSITIONS.get(record.status, ()) if record is not None else ()
        self.start_action.setEnabled(has and "in_progress" in allowed)
        self.resolve_action.setEnabled(has and "resolved" in allowed)
        self.confirm_action.setEnabled(has and "confirmed" in allowed)
        self.reopen_action.setEnabled(has and "reopened" in allowed)
        self.status_button.setEnabled(has and bool(allowed))
        self.files_button.setEnabled(record is not None)
        self._show_detail(record)

    def _show_detail(self, record: ServiceRow | None) -> None:
        if record is None:
            self.detail_label.setText(self.tr("Select a record to see its description and resolution."))
            return
        parts = [f"<b>{html.escape(record.title)}</b>"]
        if record.description:
            parts.append(html.escape(record.description).replace("\n", "<br>"))
        facts = [
            self.tr("Opened {when}").format(when=fmt.short_datetime(record.created_at)),
        ]
        if record.contract_title:
            facts.append(self.tr("Contract: {name}").format(name=record.contract_title))
        if record.is_open:
            facts.append(self.tr("Due {when}").format(when=fmt.short_datetime(record.due_at)))
        elif record.resolved_at is not None:
            facts.append(self.tr("Resolved {when}").format(when=fmt.short_datetime(record.resolved_at)))
        parts.append(html.escape(" · ".join(facts)))
        if record.resolution:
            parts.append(
                "<b>"
                + html.escape(self.tr("Resolution:"))
                + "</b> "
                + html.escape(record.resolution).replace("\n", "<br>")
            )
        self.detail_label.setText("<br>".join(parts))

    # --- slots ----------------------------------------------------------------------------------
    def _on_filter_combo_changed(self, _index: int) -> None:
        self.reload()

    def _on_new_clicked(self) -> None:
        self.new_record()

    def _on_complaint_clicked(self) -> None:
        self.new_record("complaint")

    def _on_edit_clicked(self, *_args: object) -> None:
        self.edit_record()

    def _on_delete_clicked(self) -> None:
        self.delete_record()

    def _on_table_current_changed(self, *_args: object) -> None:
        self._update_buttons()
