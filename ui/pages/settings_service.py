"""Settings → Service types: the types of service records (服务单) with their response targets.

The built-in types (installation, training, maintenance, complaint, suggestion, praise) can be given
another target or turned off (complaints always stay on: the complaint KPIs count them); the business adds
its own types by name and removes them while no record uses them. Saved in one go through
``services.service_records.save_service_types``; a refusal is shown under the table, nothing saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QWidget,
)

from desktop_crm.errors import CrmError
from desktop_crm.services import service_records as svc

from ..a11y import line_height
from ..errors import error_text
from ..labels import label
from ..widgets import section_card

ROW_HEIGHT = 34


class ServiceTypesSection(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serviceTypesSection")
        layout, heading = section_card(self, self.tr("Service types"), spacing=10)
        layout.addWidget(heading)
        hint = QLabel(
            self.tr(
                "The response target sets a new service record's due time (it can be moved on the record). "
                "A type turned off is no longer offered for new records; complaints always stay on."
            ),
            self,
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("serviceTypesTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Type"), self.tr("Response target (hours)"), self.tr("Offered")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(max(ROW_HEIGHT, line_height(self.table, 16)))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 200)
        self.table.setColumnWidth(2, 100)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add type"), self)
        self.add_button.setObjectName("addServiceTypeButton")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button = QPushButton(self.tr("Remove type"), self)
        self.remove_button.setObjectName("removeServiceTypeButton")
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.save_button = QPushButton(self.tr("Save service types"), self)
        self.save_button.setObjectName("saveServiceTypesButton")
        self.save_button.clicked.connect(self._on_save_clicked)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("serviceTypesStatus")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.keys: list[str] = []
        self._shown: list[svc.ServiceType] | None = None  # the stored types the rows were made from
        self.table.itemSelectionChanged.connect(self._update_buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        found = svc.service_types()  # a handful of rows
        if found != self._shown:  # rows (a few widgets each) made again only when the stored types changed
            self._show_types(found)

    def refresh(self) -> None:
        self._show_types(svc.service_types())

    def _show_types(self, types: list[svc.ServiceType]) -> None:
        self.table.setRowCount(0)
        self.keys = []
        for found in types:
            self._add_row(found.key, found.name, found.response_hours, found.active)
        self._shown = types
        self.status_label.clear()
        self._update_buttons()

    def _add_row(self, key: str, name: str, hours: int, active: bool) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.keys.append(key)
        if key in svc.BUILTIN_SERVICE_TYPES:
            name_widget: QWidget = QLabel(label("service_type", key), self.table)
            name_widget.setContentsMargins(6, 0, 0, 0)
        else:
            edit = QLineEdit(name, self.table)
            edit.setPlaceholderText(self.tr("Name of the type"))
            edit.setMaxLength(svc.TYPE_NAME_LENGTH)
            name_widget = edit
        self.table.setCellWidget(row, 0, name_widget)
        spin = QSpinBox(self.table)
        spin.setRange(svc.MIN_HOURS, svc.MAX_HOURS)
        spin.setValue(hours)
        spin.setSuffix(self.tr(" h"))
        self.table.setCellWidget(row, 1, spin)
        check = QCheckBox(self.table)
        check.setChecked(active)
        check.setEnabled(key != "complaint")
        self.table.setCellWidget(row, 2, check)
        self._fit_height()

    def _fit_height(self) -> None:
        self.table.setFixedHeight(
            self.table.horizontalHeader().height()
            + self.table.verticalHeader().defaultSectionSize() * self.table.rowCount()
            + 4
        )

    def entries(self) -> list[dict[str, Any]]:
        """The table as ``save_service_types`` takes it."""
        result: list[dict[str, Any]] = []
        for row, key in enumerate(self.keys):
            name_widget = self.table.cellWidget(row, 0)
            spin = self.table.cellWidget(row, 1)
            check = self.table.cellWidget(row, 2)
            assert isinstance(spin, QSpinBox) and isinstance(check, QCheckBox)
            entry: dict[str, Any] = {"key": key, "response_hours": spin.value(), "active": check.isChecked()}
            if isinstance(name_widget, QLineEdit):
                entry["name"] = name_widget.text()
            result.append(entry)
        return result

    def _update_buttons(self) -> None:
        row = self.table.currentRow()
        self.remove_button.setEnabled(
            0 <= row < len(self.keys) and self.keys[row] not in svc.BUILTIN_SERVICE_TYPES
        )

    def _on_add_clicked(self) -> None:
        self._add_row("", "", 48, True)
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        widget = self.table.cellWidget(self.table.rowCount() - 1, 0)
        if widget is not None:
            widget.setFocus()

    def _on_remove_clicked(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.keys) and self.keys[row] not in svc.BUILTIN_SERVICE_TYPES:
            self.table.removeRow(row)
            del self.keys[row]
            self._fit_height()
            self.status_label.setStyleSheet("")
            self.status_label.setText(self.tr("Removed from the list; save to keep the change."))

    def _on_save_clicked(self) -> None:
        try:
            svc.save_service_types(self.entries())
        except CrmError as exc:
            self.status_label.setStyleSheet("color: #b91c1c;")
            self.status_label.setText(error_text(exc))
            return
        self.refresh()
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("Saved."))
