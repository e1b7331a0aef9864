"""Record money received (回款) on a contract, optionally against one instalment.

Proposes what is still owed on the next unpaid instalment (``read.deals.next_payment_due``; without a plan,
what is owed on the contract), or on the instalment picked; an amount above what is owed is an overpayment and is saved only after an explicit
confirmation (``ui.prompts.ask_yes_no``), then with ``allow_overpay=True``. A recorded payment can be
undone from the Edit menu ("Undo Record payment 8,700.00") until the next restart.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from desktop_crm.clock import today
from desktop_crm.errors import ValidationError
from desktop_crm.read import deals as deal_data
from desktop_crm.services.payments import record_payment

from ... import fmt, prompts
from ...errors import error_text, input_error
from ...inputs import DateEdit, MoneyEdit
from ...undo import RecordedPayment, RecordPaymentCommand, push_done
from .form import DealFormDialog


class PaymentDialog(DealFormDialog):
    """``PaymentDialog(parent, contract_id, instalment_id=None)``; after acceptance ``payment_id`` is set."""

    def __init__(self, parent: QWidget | None, contract_id: int, instalment_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentDialog")
        self.contract_id = contract_id
        self.payment_id: int | None = None
        self.info = deal_data.contract_info(contract_id)
        self.setWindowTitle(self.tr("Record payment"))
        heading = QLabel(
            self.tr("{client} · {title} · contract amount {amount}").format(
                client=self.info.client_name,
                title=self.info.title or self.info.number,
                amount=fmt.money(self.info.amount_cents),
            ),
            self,
        )
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: 600;")
        self.form.addRow(heading)
        self.instalment_combo = QComboBox(self)
        self.instalment_combo.setObjectName("instalmentCombo")
        self.instalment_combo.addItem(self.tr("Not linked (pays the earliest instalments first)"), None)
        for seq, due, amount, _paid, remaining, _status, inst_id in deal_data.instalment_rows(
            contract_id, today()
        ):
            self.instalment_combo.addItem(
                self.tr("#{seq} due {date}: {amount}, {rest} still owed").format(
                    seq=seq, date=fmt.short_date(due), amount=fmt.money(amount), rest=fmt.money(remaining)
                ),
                inst_id,
            )
        self.add_row(self.tr("Instalment"), "instalment_id", self.instalment_combo)
        self.owed_label = QLabel(self)
        self.owed_label.setObjectName("owedLabel")
        self.add_row(self.tr("Still owed"), "owed", self.owed_label)
        self.amount_edit = MoneyEdit(self)
        self.amount_edit.setObjectName("amountEdit")
        self.add_row(self.tr("Amount received"), "amount_cents", self.amount_edit)
        self.date_edit = DateEdit(self, today())
        self.add_row(self.tr("Received on"), "paid_on", self.date_edit)
        self.method_combo = QComboBox(self)
        self.method_combo.setEditable(True)
        for method in (
            self.tr("Bank transfer"),
            self.tr("Cash"),
            self.tr("Cheque"),
            self.tr("Bank acceptance bill"),
            self.tr("WeChat Pay"),
            self.tr("Alipay"),
        ):
            self.method_combo.addItem(method)
        self.add_row(self.tr("Method"), "method", self.method_combo)
        self.note_edit = QLineEdit(self)
        self.add_row(self.tr("Note"), "note", self.note_edit)
        self.instalment_combo.currentIndexChanged.connect(self._on_instalment_changed)
        if instalment_id is not None:
            self.instalment_combo.setCurrentIndex(max(self.instalment_combo.findData(instalment_id), 0))
        self._on_instalment_changed()
        self.finish_layout()

    def owed(self) -> int:
        return deal_data.owed(self.contract_id, self.instalment_combo.currentData())

    def _on_instalment_changed(self) -> None:
        on_contract = deal_data.owed(self.contract_id)
        inst = self.instalment_combo.currentData()
        if on_contract <= 0:
            text, proposed = self.tr("Nothing is owed on this contract"), 0
        elif inst is None:
            due = deal_data.next_payment_due(self.contract_id)
            proposed = due.cents
            if due.seq is None:
                text = self.tr("{amount} on this contract").format(amount=fmt.money(on_contract))
            else:
                text = self.tr("{amount} on the next instalment #{seq} ({total} on the contract)").format(
                    amount=fmt.money(due.cents), seq=due.seq, total=fmt.money(on_contract)
                )
        else:
            proposed = deal_data.owed(self.contract_id, inst)
            text = self.tr("{amount} on this instalment ({total} on the contract)").format(
                amount=fmt.money(proposed), total=fmt.money(on_contract)
            )
        self.owed_label.setText(text)
        self.owed_label.setWordWrap(True)
        self.amount_edit.set_cents(proposed if proposed > 0 else None)

    def message(self, exc: ValidationError) -> str:
        if exc.field == "amount_cents" and exc.code == "not_positive":
            return self.tr("Enter the amount received.")
        return error_text(exc)

    def save(self) -> None:
        amount = self.amount_edit.cents() or 0
        owed = self.owed()
        allow = False
        if amount > owed:
            allow = prompts.ask_yes_no(
                self,
                self.tr("Record an overpayment?"),
                self.tr(
                    "{amount} is more than the {owed} still owed. Record it anyway? The excess shows as "
                    "overpaid on the contract."
                ).format(amount=fmt.money(amount), owed=fmt.money(owed)),
            )
            if not allow:
                raise input_error(
                    self.tr("Not saved: the amount is more than what is still owed ({owed}).").format(
                        owed=fmt.money(owed)
                    ),
                    "amount_cents",
                )
        paid_on = self.date_edit.day()
        instalment_id = self.instalment_combo.currentData()
        method, note = self.method_combo.currentText(), self.note_edit.text()
        payment = record_payment(
            self.contract_id,
            amount,
            paid_on,
            instalment_id=instalment_id,
            method=method,
            note=note,
            allow_overpay=allow,
        )
        self.payment_id = payment.id
        recorded = RecordedPayment(
            int(payment.id),
            self.contract_id,
            amount,
            paid_on,
            instalment_id,
            method,
            note,
            payment.updated_at,
        )
        text = self.tr("Record payment {amount}").format(amount=fmt.money(amount))
        push_done(RecordPaymentCommand(recorded, text))
