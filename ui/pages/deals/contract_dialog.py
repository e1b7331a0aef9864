"""Create the contract of a won opportunity: amount (the expected amount), signing date (today), title (the
opportunity's name) and a suggested contract number, all editable."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from desktop_crm.clock import today
from desktop_crm.errors import ValidationError
from desktop_crm.read import deals as deal_data
from desktop_crm.services.common import fk_id
from desktop_crm.services.deals import create_contract

from ...a11y import text_height
from ...errors import error_text
from ...inputs import DateEdit, MoneyEdit
from ...labels import label
from .form import DealFormDialog


class ContractDialog(DealFormDialog):
    """``ContractDialog(parent, opportunity_id)``; after acceptance ``contract_id`` is the new contract."""

    def __init__(self, parent: QWidget | None, opportunity_id: int) -> None:
        super().__init__(parent)
        self.setObjectName("contractDialog")
        self.opportunity_id = opportunity_id
        self.contract_id: int | None = None
        opp = deal_data.opportunity(opportunity_id)
        self.client_id = int(fk_id(opp, "client"))
        self.setWindowTitle(self.tr("New contract"))
        source = QLabel(
            self.tr("{client} · from opportunity “{name}” ({stage})").format(
                client=deal_data.client_name(self.client_id), name=opp.name, stage=label("stage", opp.stage)
            ),
            self,
        )
        source.setWordWrap(True)
        source.setStyleSheet("font-weight: 600;")
        self.add_row(self.tr("Source"), "opportunity_id", source)
        self.title_edit = QLineEdit(opp.name, self)
        self.add_row(self.tr("Title"), "title", self.title_edit)
        signed = today()
        self.number_edit = QLineEdit(f"HT{signed:%Y%m%d}-{opportunity_id}", self)
        self.add_row(self.tr("Contract number"), "number", self.number_edit)
        self.amount_edit = MoneyEdit(self)
        self.amount_edit.setObjectName("amountEdit")
        self.amount_edit.set_cents(opp.expected_amount_cents)
        self.add_row(self.tr("Amount"), "amount_cents", self.amount_edit)
        self.date_edit = DateEdit(self, signed)
        self.add_row(self.tr("Signed on"), "signed_on", self.date_edit)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setFixedHeight(max(60, text_height(self.notes_edit, 3)))
        self.add_row(self.tr("Notes"), "notes", self.notes_edit)
        self.finish_layout()

    def message(self, exc: ValidationError) -> str:
        if exc.code == "contract.opportunity_not_won":
            return self.tr("A contract is created from a won opportunity: close this one as won first.")
        if exc.code == "contract.opportunity_has_contract":
            return self.tr("This opportunity already has a contract.")
        if exc.field == "amount_cents" and exc.code == "not_positive":
            return self.tr("Enter the contract amount.")
        return error_text(exc)

    def save(self) -> None:
        contract = create_contract(
            self.client_id,
            self.amount_edit.cents() or 0,
            self.date_edit.day(),
            self.opportunity_id,
            title=self.title_edit.text(),
            number=self.number_edit.text(),
            notes=self.notes_edit.toPlainText(),
        )
        self.contract_id = contract.id
