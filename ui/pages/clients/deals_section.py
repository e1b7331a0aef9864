"""The client hub's deal tabs: opportunities (new, edit, close won/lost, contract from a won deal, the deal's
power map) and contracts & payments (payment plan, record payment, receivables per instalment with overdue).

Both sections save through the deal dialogs (``ui.pages.deals``) and emit ``sig_deals_changed`` so that the
hub reloads every tab that shows deals.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop_crm.clock import today
from desktop_crm.read import client_page as hub_data
from desktop_crm.read import deals as deal_data

from ... import fmt, prompts
from ...attachments.drops import FileDropFilter
from ...exporter.widget_tables import install_table_export
from ...labels import label
from ...models import Column, TupleTableModel
from ...table_fit import fit_to_samples, widest_dates
from ...widgets import StatCard, card_row, make_table_view, set_column_widths
from ..deals import (
    CloseOpportunityDialog,
    ContractDialog,
    OpportunityDialog,
    PaymentDialog,
    PaymentPlanDialog,
)

ACCEPTED = 1


class _Section(QWidget):
    sig_deals_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client_id: int | None = None
        self.deleted = False
        self.section_layout = QVBoxLayout(self)
        self.section_layout.setContentsMargins(0, 8, 0, 0)
        self.section_layout.setSpacing(10)
        self.bar = QHBoxLayout()
        self.bar.setSpacing(8)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("hint")
        self.summary_label.setWordWrap(True)  # wraps beside the buttons: the page never scrolls sideways
        self.summary_label.setMinimumWidth(120)
        self.bar.addWidget(self.summary_label, 1)
        self.section_layout.addLayout(self.bar)

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        self.bar.addWidget(button)
        return button

    def _run(self, dialog: QWidget) -> bool:
        if prompts.run_modal(dialog) == ACCEPTED:  # type: ignore[arg-type]
            self.sig_deals_changed.emit()
            return True
        return False


class OpportunitiesSection(_Section):
    """The client's deals; ``sig_show_stakeholders(opportunity id)`` asks the hub for that deal's power map."""

    sig_show_stakeholders = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new_button = self._button(self.tr("New opportunity…"), "newOpportunityButton")
        self.edit_button = self._button(self.tr("Edit…"), "editOpportunityButton")
        self.close_button = self._button(self.tr("Close won/lost…"), "closeOpportunityButton")
        self.contract_button = self._button(self.tr("Create contract…"), "createContractButton")
        self.map_button = self._button(self.tr("Show this deal's power map"), "mapButton")
        self.follow_up_button = self._button(self.tr("Log follow-up…"), "logDealFollowUpButton")
        columns = [
            Column(self.tr("Opportunity")),
            Column(self.tr("Stage"), lambda key: label("stage", key)),
            Column(self.tr("Probability"), lambda v: f"{v}%", align_right=True),
            Column(self.tr("Expected amount"), fmt.money, align_right=True),
            Column(self.tr("Expected close"), fmt.short_date),
            Column(self.tr("Stakeholders"), fmt.number, align_right=True),
        ]
        self.model = TupleTableModel(columns, parent=self)
        self.table = make_table_view(self.model, self, stretch_column=0)
        self.table.setObjectName("opportunitiesTable")
        install_table_export(
            self.table,
            self.tr("Export opportunities"),
            "client-opportunities",
            {2: "int", 3: "money", 4: "date", 5: "int"},
        )
        set_column_widths(self.table, [0, 130, 90, 140, 120, 100])
        self.section_layout.addWidget(self.table, 1)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.close_button.clicked.connect(self._on_close_clicked)
        self.contract_button.clicked.connect(self._on_contract_clicked)
        self.map_button.clicked.connect(self._on_map_clicked)
        self.follow_up_button.clicked.connect(self._on_follow_up_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self._on_edit_clicked)
        self._update_buttons()

    def load(self, client_id: int, deleted: bool = False) -> None:
        self.show_rows(client_id, hub_data.opportunity_rows(client_id), deleted)

    def show_rows(self, client_id: int, rows: list[tuple], deleted: bool = False) -> None:
        """Show ``rows`` (``opportunity_rows()`` of the client)."""
        self.client_id, self.deleted = client_id, deleted
        self.model.set_rows(rows)
        open_value = sum(r[3] for r in rows if r[1] not in ("won", "lost"))
        self.summary_label.setText(
            self.tr("Opportunities: {count} · open pipeline: {amount}").format(
                count=len(rows), amount=fmt.money(open_value)
            )
            if rows
            else self.tr("No opportunities yet.")
        )
        self._update_buttons()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return int(self.model.row(rows[0].row())[-1]) if rows else None

    def select(self, opportunity_id: int) -> None:
        for r in range(self.model.rowCount()):
            if self.model.row(r)[-1] == opportunity_id:
                self.table.selectRow(r)

    def _selected_stage(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return str(self.model.row(rows[0].row())[1]) if rows else None

    def _update_buttons(self) -> None:
        opp_id, stage = self.selected_id(), self._selected_stage()
        alive = self.client_id is not None and not self.deleted
        self.new_button.setEnabled(alive)
        self.edit_button.setEnabled(alive and opp_id is not None)
        self.close_button.setEnabled(alive and stage in ("initial", "needs", "proposal", "negotiation"))
        can_sign = alive and stage == "won" and opp_id is not None and not deal_data.has_contract(opp_id)
        self.contract_button.setEnabled(can_sign)
        self.map_button.setEnabled(opp_id is not None)
        self.follow_up_button.setEnabled(alive and opp_id is not None)

    def _on_follow_up_clicked(self) -> None:
        """A follow-up on the selected deal, prefilled with this client and the opportunity."""
        from ... import actions

        opp_id = self.selected_id()
        if self.client_id is None or opp_id is None:
            return
        if actions.log_follow_up(self, self.client_id, opportunity_id=opp_id) is not None:
            self.sig_deals_changed.emit()

    def _on_new_clicked(self) -> None:
        if self.client_id is not None:
            self._run(OpportunityDialog(self, client_id=self.client_id))

    def _on_edit_clicked(self) -> None:
        opp_id = self.selected_id()
        if opp_id is not None and not self.deleted:
            self._run(OpportunityDialog(self, opportunity_id=opp_id))

    def _on_close_clicked(self) -> None:
        opp_id = self.selected_id()
        if opp_id is not None:
            self._run(CloseOpportunityDialog(self, opp_id))

    def _on_contract_clicked(self) -> None:
        opp_id = self.selected_id()
        if opp_id is not None:
            self._run(ContractDialog(self, opp_id))

    def _on_map_clicked(self) -> None:
        opp_id = self.selected_id()
        if opp_id is not None:
            self.sig_show_stakeholders.emit(opp_id)


class ContractsSection(_Section):
    """Contracts with amount, signed date, planned, paid, outstanding and overdue; under them the selected
    contract's instalments (paid, still due, overdue in red) and its payments."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan_button = self._button(self.tr("Payment plan…"), "paymentPlanButton")
        self.pay_button = self._button(self.tr("Record payment…"), "recordPaymentButton")
        self.files_button = self._button(self.tr("Attachments…"), "contractFilesButton")  # slice attach
        self.signed_card = StatCard(self.tr("Signed"), self, "primary")
        self.paid_card = StatCard(self.tr("Collected"), self, "success")
        self.outstanding_card = StatCard(self.tr("Receivable"), self)
        self.overdue_card = StatCard(self.tr("Overdue"), self, "danger")
        self.section_layout.addLayout(
            card_row(self.signed_card, self.paid_card, self.outstanding_card, self.overdue_card)
        )
        columns = [
            Column(self.tr("Contract")),
            Column(self.tr("Signed on"), fmt.short_date),
            Column(self.tr("Amount"), fmt.money, align_right=True),
            Column(self.tr("Planned"), fmt.money, align_right=True),
            Column(self.tr("Paid"), fmt.money, align_right=True),
            Column(self.tr("Receivable"), fmt.money, align_right=True),
            Column(self.tr("Overdue"), fmt.money, align_right=True),
        ]
        self.model = TupleTableModel(columns, parent=self)
        self.model.highlight = lambda row: row[6] > 0
        self.model.highlight_columns = {6}
        # The splitters first and every view made inside its final parent (QSplitter.addWidget of a
        # finished table re-parents it: a fifth of this tab's build).
        split = QSplitter(Qt.Orientation.Vertical, self)
        detail = QWidget(split)
        lower = QSplitter(Qt.Orientation.Horizontal, detail)
        self.table = make_table_view(self.model, split, stretch_column=0)
        self.table.setObjectName("contractsTable")
        install_table_export(
            self.table,
            self.tr("Export contracts"),
            "client-contracts",
            {1: "date", **dict.fromkeys(range(2, 7), "money")},
        )
        set_column_widths(self.table, [0, 100, 120, 120, 120, 120, 110])
        self.instalment_model = TupleTableModel(
            [
                Column(self.tr("#"), align_right=True),
                Column(self.tr("Due date"), fmt.short_date),
                Column(self.tr("Amount"), fmt.money, align_right=True),
                Column(self.tr("Paid"), fmt.money, align_right=True),
                Column(self.tr("Still due"), fmt.money, align_right=True),
                Column(self.tr("Status"), lambda key: label("instalment_status", key)),
            ],
            parent=self,
        )
        self.instalment_model.highlight = lambda row: row[5] == "overdue"
        self.instalment_model.highlight_columns = {1, 4, 5}
        # The status is the last column and takes what is left (no stretch column: its header would be
        # every column's minimum, the "#" column as wide as "Status").
        self.instalments = make_table_view(self.instalment_model, lower)
        install_table_export(
            self.instalments,
            self.tr("Export the payment plan"),
            "payment-plan",
            {0: "int", 1: "date", 2: "money", 3: "money", 4: "money"},
        )
        self.instalments.setObjectName("instalmentsTable")
        # Money columns as wide as 1,200,000.00 needs (larger sums elide, whole in the export): with the
        # plan its bigger share of the row below, the status column stays whole at 1280 px.
        set_column_widths(self.instalments, [40, 0, 100, 100, 100])
        fit_to_samples(self.instalments, 1, widest_dates())
        self.payment_model = TupleTableModel(
            [
                Column(self.tr("Received on"), fmt.short_date),
                Column(self.tr("Amount"), fmt.money, align_right=True),
                Column(self.tr("Method")),
                Column(self.tr("Instalment"), lambda seq: f"#{seq}" if seq else "—"),
                Column(self.tr("Note")),
            ],
            parent=self,
        )
        self.payments = make_table_view(self.payment_model, lower, stretch_column=4)
        install_table_export(self.payments, self.tr("Export payments"), "payments", {0: "date", 1: "money"})
        self.payments.setObjectName("paymentsTable")
        set_column_widths(self.payments, [0, 100, 100, 80])
        fit_to_samples(self.payments, 0, widest_dates())
        self.detail_label = QLabel(detail)
        self.detail_label.setObjectName("hint")
        lower.addWidget(self.instalments)
        lower.addWidget(self.payments)
        lower.setChildrenCollapsible(False)
        lower.setStretchFactor(0, 11)
        lower.setStretchFactor(1, 9)
        lower.setSizes([550, 450])
        split.addWidget(self.table)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 4, 0, 0)
        detail_layout.addWidget(self.detail_label)
        detail_layout.addWidget(lower, 1)
        split.addWidget(detail)
        split.setChildrenCollapsible(False)
        self.section_layout.addWidget(split, 1)
        self.plan_button.clicked.connect(self._on_plan_clicked)
        self.pay_button.clicked.connect(self._on_pay_clicked)
        self.files_button.clicked.connect(self._on_files_clicked)
        # Not a child of the section: owned by this attribute, so its Python side outlives every event it
        # filters (a Python filter object destroyed with the children can be called after its wrapper died).
        self.drops = FileDropFilter()  # files dropped on a contract row are attached to that contract
        self.drops.watch(self.table.viewport())
        self.drops.sig_dropped.connect(self._on_drops_dropped)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.instalments.doubleClicked.connect(self._on_pay_clicked)
        self._on_table_selection_changed()

    def load(self, client_id: int, deleted: bool = False) -> None:
        self.show_rows(client_id, hub_data.contract_rows(client_id), deleted)

    def show_rows(self, client_id: int, rows: list[tuple], deleted: bool = False) -> None:
        """Show ``rows`` (``contract_rows()`` of the client), keeping the selected contract."""
        selected = self.selected_id() if client_id == self.client_id else None
        self.client_id, self.deleted = client_id, deleted
        self.model.set_rows(rows)
        totals = [sum(r[i] for r in rows) for i in (2, 4, 5, 6)]
        for card, value in zip(
            (self.signed_card, self.paid_card, self.outstanding_card, self.overdue_card), totals, strict=True
        ):
            card.set_value(fmt.money(value, 0))
        self.summary_label.setText(
            self.tr("Contracts: {count} · contracts are created from won opportunities.").format(
                count=len(rows)
            )
            if rows
            else self.tr("No contracts yet: win an opportunity, then create its contract.")
        )
        if rows:
            self.select(selected if selected is not None else int(rows[0][-1]))
        self._on_table_selection_changed()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return int(self.model.row(rows[0].row())[-1]) if rows else None

    def select(self, contract_id: int) -> None:
        for r in range(self.model.rowCount()):
            if self.model.row(r)[-1] == contract_id:
                self.table.selectRow(r)

    def _selected_instalment(self) -> int | None:
        rows = self.instalments.selectionModel().selectedRows()
        return int(self.instalment_model.row(rows[0].row())[-1]) if rows else None

    def _on_table_selection_changed(self) -> None:
        contract_id = self.selected_id()
        enabled = contract_id is not None and not self.deleted
        self.plan_button.setEnabled(enabled)
        self.pay_button.setEnabled(enabled)
        self.files_button.setEnabled(contract_id is not None)
        if contract_id is None:
            self.instalment_model.set_rows([])
            self.payment_model.set_rows([])
            self.detail_label.clear()
            return
        self.instalment_model.set_rows(deal_data.instalment_rows(contract_id, today()))
        self.payment_model.set_rows(deal_data.payment_rows(contract_id))
        paid, outstanding, overdue = deal_data.balance(contract_id, today())
        text = self.tr("Plan: {count} instalments · paid {paid} · receivable {outstanding}").format(
            count=self.instalment_model.rowCount(), paid=fmt.money(paid), outstanding=fmt.money(outstanding)
        )
        if overdue:
            text += " · " + self.tr("overdue {amount}").format(amount=fmt.money(overdue))
        self.detail_label.setText(text)

    def _on_plan_clicked(self) -> None:
        contract_id = self.selected_id()
        if contract_id is not None:
            self._run(PaymentPlanDialog(self, contract_id))

    def _on_files_clicked(self, _checked: bool = False, dropped: list | None = None) -> None:
        """The selected contract's attachments (the signed scan, e-mails...) in a dialog; files ``dropped``
        on its row are attached in that dialog as it opens."""
        from ...attachments.panel import AttachmentsDialog

        contract_id = self.selected_id()
        if contract_id is None:
            return
        row = self.model.row(self.table.selectionModel().selectedRows()[0].row())
        title = row[0] or self.tr("Contract signed on {date}").format(date=fmt.short_date(row[1]))
        dialog = AttachmentsDialog(self, "contract", contract_id, title, read_only=self.deleted)
        if dropped:
            dialog.panel.add_files(dropped)
        prompts.run_modal(dialog)

    def _on_drops_dropped(self, _viewport: QWidget, files: list, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if index.isValid():
            self.table.selectRow(index.row())
            self._on_files_clicked(dropped=files)

    def _on_pay_clicked(self) -> None:
        contract_id = self.selected_id()
        if contract_id is not None and not self.deleted:
            self._run(PaymentDialog(self, contract_id, self._selected_instalment()))
