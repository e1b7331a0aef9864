"""Today's service section (slice service): open complaints and the service items coming due in the next
days (``desktop_crm.service_read.service_agenda``), soonest due first, overdue in red; one click opens
the record on its client's page, another resolves it (the resolution text asked in a small dialog)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QPushButton, QWidget

from desktop_crm import clock
from desktop_crm.service_read import ServiceRow, service_agenda
from desktop_crm.services import service_records as svc

from ... import fmt, prompts
from ...labels import label
from ...table_fit import fit_to_samples, widest_dates
from ..clients.service_names import type_name
from .models import RED, RowColumn, RowObjectModel
from .sections import AgendaSection

ACCEPTED = 1


class ServiceAgendaSection(AgendaSection):
    """Emits ``sig_open_record_requested(client_id, record_id)`` and ``sig_service_changed()``."""

    sig_open_record_requested = Signal(int, int)
    sig_service_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        model: RowObjectModel[ServiceRow] = RowObjectModel([])
        super().__init__("", model, "", parent, buttons_below=True, stretch_column=1)
        self.now = clock.now()
        self.types: list[svc.ServiceType] = []
        self.title_label.setText(self.tr("Service & complaints"))
        self.empty_label.setText(self.tr("No open complaint, and no service item due in the next days."))
        model._columns = [
            RowColumn(
                self.tr("Due"),
                lambda r: fmt.short_date(r.due_at),
                color=lambda r: RED if r.overdue(self.now) else None,
                bold=lambda r: r.overdue(self.now),
                tooltip=lambda r: fmt.short_datetime(r.due_at),
            ),
            RowColumn(
                self.tr("What"),
                lambda r: self.tr("{type} · {title}").format(
                    type=type_name(r.kind, self.types), title=r.title
                ),
                tooltip=lambda r: self._tooltip(r),
            ),
            RowColumn(self.tr("Client"), lambda r: r.client_name, tooltip=lambda r: r.client_name),
        ]
        model.set_rows([])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        model.setParent(self)
        self.setObjectName("agendaSection")
        self.service_model = model
        self.set_column_widths([88, 0, 96])
        fit_to_samples(self.table, 0, widest_dates(), bold=True)  # an overdue one is bold
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("serviceOpenButton")
        self.open_button.clicked.connect(self._on_open_clicked)
        self.resolve_button = QPushButton(self.tr("Resolve…"), self)
        self.resolve_button.setObjectName("serviceResolveButton")
        self.resolve_button.clicked.connect(self._on_resolve_clicked)
        self.add_button(self.open_button)
        self.add_button(self.resolve_button)
        self.sig_activated.connect(self._on_activated)

    def load(self, now: datetime, user_id: int | None) -> None:
        """Read the open complaints and items coming due of ``user_id``'s clients (None: everyone's)."""
        self.now = now
        self.types = svc.service_types()
        rows = service_agenda(now, user_id)
        self.service_model.set_rows(rows)
        overdue = sum(1 for r in rows if r.overdue(now))
        self.set_count(fmt.number(len(rows)), danger=bool(overdue))

    def _tooltip(self, record: ServiceRow) -> str:
        lines = [f"{record.title} · {label('service_status', record.status)}"]
        if record.description:
            lines.append(record.description)
        return "\n".join(lines)

    def selected(self) -> ServiceRow | None:
        row = self.current_row()
        return self.service_model.item(row) if row >= 0 else None

    def resolve(self, record: ServiceRow) -> bool:
        from ..clients.service_dialog import ServiceStatusDialog  # its dialogs: on first use

        dialog = ServiceStatusDialog(self, record, "resolved")
        if prompts.run_modal(dialog) == ACCEPTED:
            self.sig_service_changed.emit()
            return True
        return False

    def _on_open_clicked(self) -> None:
        record = self.selected()
        if record is not None:
            self.sig_open_record_requested.emit(record.client_id, record.id)

    def _on_activated(self, row: int) -> None:
        record = self.service_model.item(row)
        self.sig_open_record_requested.emit(record.client_id, record.id)

    def _on_resolve_clicked(self) -> None:
        record = self.selected()
        if record is not None:
            self.resolve(record)
