"""Dialogs of service records (服务单): open or edit a record, and the status changes that ask something
(resolve: the resolution text; client confirmed: the satisfaction mark). Each saves through one service
and keeps a refusal in the dialog, at its field."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from desktop_crm import clock
from desktop_crm.errors import ValidationError
from desktop_crm.models.service import SERVICE_SEVERITIES
from desktop_crm.service_read import ServiceRow, contact_and_contract_choices, service_record_row
from desktop_crm.services import service_records as svc

from ... import fmt
from ...inputs import DateTimeEdit
from ...labels import label
from ..deals.form import DealFormDialog
from ..today.dialogs import from_qdatetime, to_qdatetime
from .service_names import type_name


class ServiceRecordDialog(DealFormDialog):
    """Open a service record on the client (``record_id`` None) or edit one; ``saved_id`` after OK."""

    def __init__(
        self,
        parent: QWidget | None,
        client_id: int,
        record_id: int | None = None,
        kind: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("serviceRecordDialog")
        self.setMinimumWidth(560)
        self.client_id = client_id
        self.record: ServiceRow | None = service_record_row(record_id) if record_id is not None else None
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Edit service record") if self.record else self.tr("New service record"))
        self.opened = self.record.created_at if self.record else clock.now().replace(second=0, microsecond=0)
        self.types = svc.service_types()
        self.due_touched = self.record is not None

        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kindCombo")
        current_kind = self.record.kind if self.record else None
        for t in self.types:
            if t.active or t.key == current_kind:
                hint = self.tr("{name} · respond within {hours} h").format(
                    name=type_name(t.key, self.types), hours=t.response_hours
                )
                self.kind_combo.addItem(hint, t.key)
        self.severity_combo = QComboBox(self)
        self.severity_combo.setObjectName("severityCombo")
        for key in SERVICE_SEVERITIES:
            self.severity_combo.addItem(label("service_severity", key), key)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("titleEdit")
        self.title_edit.setPlaceholderText(self.tr("What the client needs, in a few words"))
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setObjectName("descriptionEdit")
        self.description_edit.setFixedHeight(70)
        contacts, contracts = contact_and_contract_choices(client_id)
        self.contact_combo = QComboBox(self)
        self.contact_combo.setObjectName("contactCombo")
        self.contact_combo.addItem(self.tr("(none)"), None)
        for cid, name in contacts:
            self.contact_combo.addItem(name, cid)
        self.contract_combo = QComboBox(self)
        self.contract_combo.setObjectName("contractCombo")
        self.contract_combo.addItem(self.tr("(none)"), None)
        for kid, name in contracts:
            self.contract_combo.addItem(name, kid)
        self.due_edit = DateTimeEdit(self, iso=True)
        self.due_edit.setObjectName("dueEdit")
        self.resolution_edit = QPlainTextEdit(self)
        self.resolution_edit.setObjectName("resolutionEdit")
        self.resolution_edit.setFixedHeight(60)

        self.add_row(self.tr("Type"), "kind", self.kind_combo)
        self.add_row(self.tr("Severity"), "severity", self.severity_combo)
        self.add_row(self.tr("Title"), "title", self.title_edit)
        self.add_row(self.tr("Description"), "description", self.description_edit)
        self.add_row(self.tr("Contact"), "contact_id", self.contact_combo)
        self.add_row(self.tr("Contract"), "contract_id", self.contract_combo)
        self.add_row(self.tr("Due"), "due_at", self.due_edit)
        if self.record is not None:
            self.add_row(self.tr("Resolution"), "resolution", self.resolution_edit)
            opened = QLabel(self.tr("Opened {when}").format(when=fmt.short_datetime(self.opened)), self)
            opened.setObjectName("hint")
            self.dialog_layout.addWidget(opened)
        else:
            self.resolution_edit.hide()
        self.finish_layout()
        self._fill()
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        self.due_edit.dateTimeChanged.connect(self._on_due_edit_changed)

    def _fill(self) -> None:
        r = self.record
        if r is None:
            self.severity_combo.setCurrentIndex(self.severity_combo.findData("normal"))
            self._suggest_due()
            return
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(r.kind)))
        self.severity_combo.setCurrentIndex(max(0, self.severity_combo.findData(r.severity)))
        self.title_edit.setText(r.title)
        self.description_edit.setPlainText(r.description)
        self.contact_combo.setCurrentIndex(max(0, self.contact_combo.findData(r.contact_id)))
        self.contract_combo.setCurrentIndex(max(0, self.contract_combo.findData(r.contract_id)))
        self.due_edit.setDateTime(to_qdatetime(r.due_at))
        self.resolution_edit.setPlainText(r.resolution)

    def set_kind(self, kind: str) -> None:
        index = self.kind_combo.findData(kind)
        if index >= 0:
            self.kind_combo.setCurrentIndex(index)

    def _suggest_due(self) -> None:
        """A new record's due time follows the chosen type's response target until the user sets one."""
        found = next((t for t in self.types if t.key == self.kind_combo.currentData()), None)
        if found is None:
            return
        self.due_edit.blockSignals(True)
        self.due_edit.setDateTime(to_qdatetime(self.opened + timedelta(hours=found.response_hours)))
        self.due_edit.blockSignals(False)

    def due_at(self) -> datetime:
        return from_qdatetime(self.due_edit.dateTime())

    def message(self, exc: ValidationError) -> str:
        if exc.code == "service.due_before_creation":
            return self.tr("The due time is before the record was opened ({when}).").format(
                when=fmt.short_datetime(self.opened)
            )
        return super().message(exc)

    def save(self) -> None:
        values = {
            "kind": self.kind_combo.currentData(),
            "title": self.title_edit.text(),
            "severity": self.severity_combo.currentData(),
            "description": self.description_edit.toPlainText(),
            "contact_id": self.contact_combo.currentData(),
            "contract_id": self.contract_combo.currentData(),
            "due_at": self.due_at(),
        }
        if self.record is None:
            due = values["due_at"]
            if due < self.opened:  # checked against the time the dialog opened, as the user saw it
                raise ValidationError(
                    "service.due_before_creation", "due_at", due_at=due, created_at=self.opened
                )
            record = svc.create_service_record(self.client_id, user_id=_current_user(), **values)
        else:
            record = svc.update_service_record(
                self.record.id, resolution=self.resolution_edit.toPlainText(), **values
            )
        self.saved_id = record.id

    def _on_kind_combo_changed(self, _index: int) -> None:
        if not self.due_touched:
            self._suggest_due()

    def _on_due_edit_changed(self, _value: object) -> None:
        self.due_touched = True


def _current_user() -> int | None:
    from desktop_crm import team

    return team.current_user_id()


class ServiceStatusDialog(DealFormDialog):
    """Resolve (with the resolution text) or record the client's confirmation (with the satisfaction)."""

    def __init__(self, parent: QWidget | None, record: ServiceRow, status: str) -> None:
        super().__init__(parent)
        self.setObjectName("serviceStatusDialog")
        self.record = record
        self.status = status
        self.setWindowTitle(
            self.tr("Resolve service record") if status == "resolved" else self.tr("Client confirmation")
        )
        heading = QLabel(f"{type_name(record.kind)} · {record.title}", self)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: 600;")
        self.form.addRow(heading)
        self.resolution_edit = QPlainTextEdit(self)
        self.resolution_edit.setObjectName("resolutionEdit")
        self.resolution_edit.setPlaceholderText(self.tr("What was done, and what the client was told"))
        self.resolution_edit.setFixedHeight(90)
        self.resolution_edit.setPlainText(record.resolution)
        self.satisfaction_combo = QComboBox(self)
        self.satisfaction_combo.setObjectName("satisfactionCombo")
        names = (
            self.tr("1 · Very unhappy"),
            self.tr("2 · Unhappy"),
            self.tr("3 · Acceptable"),
            self.tr("4 · Satisfied"),
            self.tr("5 · Delighted"),
        )
        for mark, name in enumerate(names, start=1):
            self.satisfaction_combo.addItem(name, mark)
        self.satisfaction_combo.setCurrentIndex(4)
        if status == "resolved":
            self.add_row(self.tr("Resolution"), "resolution", self.resolution_edit)
            self.satisfaction_combo.hide()
        else:
            shown = QLabel(record.resolution, self)
            shown.setWordWrap(True)
            self.form.addRow(self.tr("Resolution"), shown)
            self.add_row(self.tr("Satisfaction"), "satisfaction", self.satisfaction_combo)
            self.resolution_edit.hide()
        self.finish_layout()

    def save(self) -> None:
        if self.status == "resolved":
            svc.change_service_status(
                self.record.id, "resolved", resolution=self.resolution_edit.toPlainText(), now=clock.now()
            )
        else:
            svc.change_service_status(
                self.record.id,
                "confirmed",
                satisfaction=self.satisfaction_combo.currentData(),
                now=clock.now(),
            )
