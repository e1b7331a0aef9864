"""Edit a contract's payment plan (回款计划): instalment rows of due date and amount, a "split evenly into N"
helper, and the plan's total against the contract amount. OK replaces the plan in one transaction."""

from __future__ import annotations

import calendar
from datetime import date

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QWidget,
)

from desktop_crm.clock import today
from desktop_crm.errors import ValidationError
from desktop_crm.read import deals as deal_data
from desktop_crm.services.payments import set_payment_plan

from ... import fmt
from ...errors import error_text
from ...inputs import DateEdit, InputProblem, MoneyEdit
from .form import DealFormDialog


def add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def split_evenly(total: int, parts: int) -> list[int]:
    """``total`` cents in ``parts`` amounts that differ by at most a cent (the first ones take the rest)."""
    base, rest = divmod(total, parts)
    return [base + (1 if i < rest else 0) for i in range(parts)]


class PaymentPlanDialog(DealFormDialog):
    """``PaymentPlanDialog(parent, contract_id)``."""

    def __init__(self, parent: QWidget | None, contract_id: int) -> None:
        super().__init__(parent)
        self.setObjectName("paymentPlanDialog")
        self.setMinimumWidth(560)
        self.contract_id = contract_id
        self.info = deal_data.contract_info(contract_id)
        self.setWindowTitle(self.tr("Payment plan"))
        heading = QLabel(
            self.tr("{title} · contract amount {amount}").format(
                title=self.info.title or self.info.number, amount=fmt.money(self.info.amount_cents)
            ),
            self,
        )
        heading.setStyleSheet("font-weight: 600;")
        self.form.addRow(heading)
        self.parts_spin = QSpinBox(self)
        self.parts_spin.setObjectName("partsSpin")
        self.parts_spin.setRange(1, 60)
        self.parts_spin.setValue(3)
        self.first_due = DateEdit(self, add_months(today(), 1))
        self.split_button = QPushButton(self.tr("Split evenly"), self)
        self.split_button.setObjectName("splitButton")
        self.split_button.clicked.connect(self._on_split_clicked)
        helper = QWidget(self)
        row = QHBoxLayout(helper)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Instalments"), helper))
        row.addWidget(self.parts_spin)
        row.addWidget(QLabel(self.tr("monthly from"), helper))
        row.addWidget(self.first_due)
        row.addWidget(self.split_button)
        row.addStretch(1)
        self.form.addRow(helper)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("planTable")
        self.table.setHorizontalHeaderLabels([self.tr("Due date"), self.tr("Amount")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.setMinimumHeight(200)
        self.add_row(self.tr("Plan"), "due_date", self.table)
        self.errors["amount_cents"] = self.errors["due_date"]  # both are about the rows
        self.add_button = QPushButton(self.tr("Add instalment"), self)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button = QPushButton(self.tr("Remove selected"), self)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("planTotal")
        buttons = QWidget(self)
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(self.total_label)
        self.form.addRow(buttons)
        for _seq, due, amount, *_rest in deal_data.instalment_rows(contract_id, today()):
            self.add_instalment(due, amount)
        self._update_total()
        self.finish_layout()

    # --- rows ----------------------------------------------------------------------------------
    def add_instalment(self, due: date, amount: int) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        date_edit = DateEdit(self.table, due)
        money = MoneyEdit(self.table, field="amount_cents")
        money.set_cents(amount)
        money.sig_changed.connect(self._update_total)
        money.sig_problem.connect(self._on_money_problem)
        self.table.setCellWidget(r, 0, date_edit)
        self.table.setCellWidget(r, 1, money)
        self._update_total()

    def plan(self) -> list[tuple[date, int]]:
        rows = []
        for r in range(self.table.rowCount()):
            date_edit, money = self.table.cellWidget(r, 0), self.table.cellWidget(r, 1)
            assert isinstance(date_edit, DateEdit) and isinstance(money, MoneyEdit)
            rows.append((date_edit.day(), money.cents() or 0))
        return rows

    def _amounts(self) -> list[int]:
        """The amounts typed so far (a refused one counts as 0 until it is corrected)."""
        amounts = []
        for r in range(self.table.rowCount()):
            money = self.table.cellWidget(r, 1)
            assert isinstance(money, MoneyEdit)
            try:
                amounts.append(money.cents() or 0)
            except InputProblem:
                amounts.append(0)
        return amounts

    def split(self, parts: int, first_due: date) -> None:
        self.table.setRowCount(0)
        for i, amount in enumerate(split_evenly(self.info.amount_cents, parts)):
            self.add_instalment(add_months(first_due, i), amount)

    def total_text(self) -> str:
        return self.total_label.text()

    def _update_total(self) -> None:
        total = sum(self._amounts())
        contract = self.info.amount_cents
        text = self.tr("Planned {total} of {amount}").format(
            total=fmt.money(total), amount=fmt.money(contract)
        )
        if total > contract:
            text += " · " + self.tr("{excess} too much").format(excess=fmt.money(total - contract))
            color = "#c8372d"
        elif total < contract:
            text += " · " + self.tr("{rest} not planned").format(rest=fmt.money(contract - total))
            color = "#8a5a00"
        else:
            color = "#1e7b4c"
        self.total_label.setText(text)
        self.total_label.setStyleSheet(f"color: {color}; font-weight: 600;")

    # --- slots ---------------------------------------------------------------------------------
    def _on_money_problem(self, text: str) -> None:
        self._on_input_problem("amount_cents", text)

    def _on_split_clicked(self) -> None:
        self.split(self.parts_spin.value(), self.first_due.day())

    def _on_add_clicked(self) -> None:
        last = self.table.cellWidget(self.table.rowCount() - 1, 0) if self.table.rowCount() else None
        due = add_months(last.day(), 1) if isinstance(last, DateEdit) else add_months(today(), 1)
        owed = max(self.info.amount_cents - sum(self._amounts()), 0)
        self.add_instalment(due, owed)

    def _on_remove_clicked(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.rowCount():
            rows = [self.table.currentRow() if self.table.currentRow() >= 0 else self.table.rowCount() - 1]
        for r in rows:
            self.table.removeRow(r)
        self._update_total()

    # --- saving --------------------------------------------------------------------------------
    def message(self, exc: ValidationError) -> str:
        if exc.code in ("payment.plan_overlapping", "payment.overlapping_due"):
            return self.tr("Two instalments are due on the same day; change a date or merge them.")
        if exc.code == "payment.plan_over_contract":
            return self.tr("The plan totals more than the contract amount.")
        if exc.field == "amount_cents" and exc.code == "not_positive":
            return self.tr("Every instalment needs an amount.")
        return error_text(exc)

    def save(self) -> None:
        set_payment_plan(self.contract_id, self.plan())
