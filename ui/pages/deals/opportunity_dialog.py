"""Create or edit an opportunity: client (picked when not given), name, stage with its probability, expected
amount and close date, owner, competitor, notes, and the stakeholders attached with their role in this deal.

Saved by one service on OK (``save_opportunity``: the opportunity and every role change, one transaction); a ``ValidationError`` is shown under
its field and nothing is saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop_crm.errors import ValidationError
from desktop_crm.models.enums import OPEN_STAGES
from desktop_crm.read import deals as deal_data
from desktop_crm.services.common import fk_id
from desktop_crm.services.deal_forms import OpportunityInput, save_opportunity

from ...a11y import text_height
from ...errors import error_text, input_error
from ...inputs import DateEdit, MoneyEdit
from ...labels import choices
from .form import DealFormDialog


class OpportunityDialog(DealFormDialog):
    """``OpportunityDialog(parent, client_id=None, opportunity_id=None)``; after acceptance
    ``opportunity_id`` is the saved opportunity."""

    def __init__(
        self, parent: QWidget | None = None, client_id: int | None = None, opportunity_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("opportunityDialog")
        self.setMinimumWidth(620)
        self.opportunity_id = opportunity_id
        self._loaded_at: Any = None  # the record's updated_at as loaded (optimistic check)
        self.client_id = client_id
        self._probabilities = deal_data.probabilities()
        self._probability_touched = False
        self.setWindowTitle(
            self.tr("New opportunity") if opportunity_id is None else self.tr("Edit opportunity")
        )
        self._build()
        if opportunity_id is not None:
            self._load(opportunity_id)
        else:
            self._on_stage_changed()
            if client_id is not None:
                self._set_client(client_id, deal_data.client_name(client_id))
        self.finish_layout()

    # --- construction --------------------------------------------------------------------------
    def _build(self) -> None:
        self.client_combo = QComboBox(self)
        self.client_combo.setObjectName("clientCombo")
        self.client_combo.setEditable(True)
        self.client_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.client_combo.lineEdit().setPlaceholderText(self.tr("Type to search clients…"))
        self.client_combo.lineEdit().textEdited.connect(self._on_client_text_edited)
        self.client_combo.activated.connect(self._on_client_activated)
        self.add_row(self.tr("Client"), "client_id", self.client_combo)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("nameEdit")
        self.add_row(self.tr("Name"), "name", self.name_edit)
        self.stage_combo = QComboBox(self)
        self.stage_combo.setObjectName("stageCombo")
        for key, text in choices("stage"):
            self.stage_combo.addItem(text, key)
        self.stage_combo.currentIndexChanged.connect(self._on_stage_changed)
        self.probability_spin = QSpinBox(self)
        self.probability_spin.setRange(0, 100)
        self.probability_spin.setSuffix(" %")
        self.probability_spin.valueChanged.connect(self._on_probability_edited)
        stage_row = QWidget(self)
        row = QHBoxLayout(stage_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.stage_combo, 1)
        row.addWidget(self.probability_spin)
        self.add_row(self.tr("Stage / probability"), "stage", stage_row)
        self.amount_edit = MoneyEdit(self)
        self.amount_edit.setObjectName("amountEdit")
        self.add_row(self.tr("Expected amount"), "expected_amount_cents", self.amount_edit)
        self.close_check = QCheckBox(self.tr("Expected close date"), self)
        self.close_edit = DateEdit(self)
        self.close_check.toggled.connect(self.close_edit.setEnabled)
        self.close_edit.setEnabled(False)
        close_row = QWidget(self)
        row = QHBoxLayout(close_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.close_check)
        row.addWidget(self.close_edit, 1)
        self.add_row(self.tr("Expected close"), "expected_close_date", close_row)
        self.owner_combo = QComboBox(self)
        self.owner_combo.addItem(self.tr("(client's owner)") if self.opportunity_id is None else "—", None)
        for uid, name in deal_data.users():
            self.owner_combo.addItem(name, uid)
        self.add_row(self.tr("Owner"), "owner", self.owner_combo)
        self.competitor_edit = QLineEdit(self)
        self.add_row(self.tr("Competitor"), "competitor", self.competitor_edit)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setFixedHeight(max(64, text_height(self.notes_edit, 3)))
        self.add_row(self.tr("Notes"), "notes", self.notes_edit)
        self.stakeholders = QTableWidget(0, 2, self)
        self.stakeholders.setObjectName("stakeholdersTable")
        self.stakeholders.setHorizontalHeaderLabels([self.tr("Stakeholder"), self.tr("Role in this deal")])
        self.stakeholders.verticalHeader().setVisible(False)
        self.stakeholders.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.stakeholders.setColumnWidth(1, 200)
        self.stakeholders.setMinimumHeight(150)
        self.add_row(self.tr("Stakeholders"), "contact", self.stakeholders)

    def _load(self, opportunity_id: int) -> None:
        opp = deal_data.opportunity(opportunity_id)
        self._loaded_at = opp.updated_at  # someone else's save since is refused, not overwritten
        self._set_client(fk_id(opp, "client"), deal_data.client_name(fk_id(opp, "client")))
        self.client_combo.setEnabled(False)
        self.name_edit.setText(opp.name)
        self.stage_combo.blockSignals(True)
        self.stage_combo.setCurrentIndex(max(self.stage_combo.findData(opp.stage), 0))
        self.stage_combo.blockSignals(False)
        self.probability_spin.setValue(opp.probability)
        self._probability_touched = True
        if opp.stage not in OPEN_STAGES:  # closed: stage and probability change by reopening only
            self.stage_combo.setEnabled(False)
            self.probability_spin.setEnabled(False)
        else:
            self._limit_stage_choices()
        self.amount_edit.set_cents(opp.expected_amount_cents)
        if opp.expected_close_date is not None:
            self.close_check.setChecked(True)
            self.close_edit.set_date(opp.expected_close_date)
        self.owner_combo.setCurrentIndex(max(self.owner_combo.findData(fk_id(opp, "owner")), 0))
        self.competitor_edit.setText(opp.competitor)
        self.notes_edit.setPlainText(opp.notes)

    def _limit_stage_choices(self) -> None:
        """Won and lost are reached by closing, not by picking a stage."""
        for key in ("won", "lost"):
            index = self.stage_combo.findData(key)
            if index >= 0 and index != self.stage_combo.currentIndex():
                self.stage_combo.removeItem(index)

    def _set_client(self, client_id: int, name: str) -> None:
        self.client_id = client_id
        self.client_combo.clear()
        self.client_combo.addItem(name, client_id)
        self.client_combo.setCurrentIndex(0)
        self._load_stakeholders()

    def _load_stakeholders(self) -> None:
        self.stakeholders.setRowCount(0)
        if self.client_id is None:
            return
        rows = deal_data.contacts_with_roles(self.client_id, self.opportunity_id)
        self.stakeholders.setRowCount(len(rows))
        for r, (cid, name, title, role) in enumerate(rows):
            item = QTableWidgetItem(f"{name} · {title}" if title else name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setData(Qt.ItemDataRole.UserRole, cid)
            self.stakeholders.setItem(r, 0, item)
            combo = QComboBox(self.stakeholders)
            combo.addItem(self.tr("— not in this deal —"), None)
            for key, text in choices("stakeholder_role"):
                combo.addItem(text, key)
            combo.setCurrentIndex(max(combo.findData(role), 0))
            self.stakeholders.setCellWidget(r, 1, combo)

    # --- public (tests drive these) ------------------------------------------------------------
    def set_role(self, contact_id: int, role: str | None) -> None:
        for r in range(self.stakeholders.rowCount()):
            if self.stakeholders.item(r, 0).data(Qt.ItemDataRole.UserRole) == contact_id:
                combo = self.stakeholders.cellWidget(r, 1)
                assert isinstance(combo, QComboBox)
                combo.setCurrentIndex(max(combo.findData(role), 0))

    def choose_client(self, client_id: int) -> None:
        self._set_client(client_id, deal_data.client_name(client_id))

    def roles(self) -> dict[int, str | None]:
        result = {}
        for r in range(self.stakeholders.rowCount()):
            combo = self.stakeholders.cellWidget(r, 1)
            assert isinstance(combo, QComboBox)
            result[int(self.stakeholders.item(r, 0).data(Qt.ItemDataRole.UserRole))] = combo.currentData()
        return result

    # --- slots ---------------------------------------------------------------------------------
    def _on_client_text_edited(self, text: str) -> None:
        matches = deal_data.search_clients(text)
        self.client_id = None
        self.client_combo.blockSignals(True)
        self.client_combo.clear()
        for cid, name in matches:
            self.client_combo.addItem(name, cid)
        self.client_combo.setCurrentIndex(-1)
        self.client_combo.setEditText(text)
        self.client_combo.blockSignals(False)
        if matches:
            self.client_combo.showPopup()

    def _on_client_activated(self, index: int) -> None:
        cid = self.client_combo.itemData(index)
        if cid is not None:
            self._set_client(int(cid), self.client_combo.itemText(index))

    def _on_stage_changed(self) -> None:
        stage = self.stage_combo.currentData()
        if stage in self._probabilities:
            self.probability_spin.blockSignals(True)
            self.probability_spin.setValue(self._probabilities[stage])
            self.probability_spin.blockSignals(False)
            self._probability_touched = False

    def _on_probability_edited(self) -> None:
        self._probability_touched = True

    # --- saving --------------------------------------------------------------------------------
    def message(self, exc: ValidationError) -> str:
        if exc.field == "name" and exc.code == "required":
            return self.tr("Enter the opportunity's name.")
        return error_text(exc)

    def save(self) -> None:
        if self.client_id is None:
            raise input_error(self.tr("Choose the client this opportunity belongs to."), "client_id")
        close = self.close_edit.day() if self.close_check.isChecked() else None
        fields = {
            "name": self.name_edit.text(),
            "expected_amount_cents": self.amount_edit.cents() or 0,
            "expected_close_date": close,
            "competitor": self.competitor_edit.text(),
            "notes": self.notes_edit.toPlainText(),
        }
        data = OpportunityInput(
            client_id=self.client_id,
            owner_id=self.owner_combo.currentData(),
            stage=self.stage_combo.currentData(),
            probability=self.probability_spin.value(),
            roles=self.roles(),
            loaded_at=self._loaded_at if self.opportunity_id is not None else None,
            **fields,
        )
        self.opportunity_id = save_opportunity(self.opportunity_id, data)
