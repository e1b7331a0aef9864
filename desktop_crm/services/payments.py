"""Payment plans (回款计划) and payments (回款) of contracts, and a contract's balance.

A plan never totals more than the contract amount and has at most one instalment per due date: two
instalments on one date overlap and are refused. The order in which a plan is given does not matter (the
instalments are numbered by due date), so a plan typed out of order is accepted, not refused. A payment
beyond what is still owed needs ``allow_overpay=True`` (the user's confirmation).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import ValidationError
from ..models import Contract, Payment, PaymentInstalment, now
from ..receivables import allocate
from .common import (
    fk_id,
    get_record,
    optional_date,
    optional_text,
    require_cents,
    require_date,
    require_list,
    transactional,
    unchanged_since,
)
from .deals import alive_client, planned_total

ContractRef = int | Contract
InstalmentRef = int | PaymentInstalment


# --- payment plan and payments -----------------------------------------------------------------------


def _renumber(contract: Contract) -> None:
    rows = PaymentInstalment.select().where(PaymentInstalment.contract == contract)
    for seq, inst in enumerate(rows.order_by(PaymentInstalment.due_date, PaymentInstalment.id), start=1):
        if inst.seq != seq:
            inst.seq = seq
            inst.save()


@transactional
def add_instalment(
    contract_id: ContractRef, due_date: date | str, amount_cents: int, note: str = ""
) -> PaymentInstalment:
    contract = get_record(Contract, contract_id, "Contract")
    alive_client(fk_id(contract, "client"))
    due = require_date(due_date, "due_date", "Due date")
    amount = require_cents(amount_cents, "amount_cents", "Amount", allow_zero=False)
    note = optional_text(note, "note", "Note")
    siblings = PaymentInstalment.select().where(PaymentInstalment.contract == contract)
    if siblings.where(PaymentInstalment.due_date == due).exists():
        raise ValidationError(
            "payment.overlapping_due",
            "due_date",
            date=due.isoformat(),
        )
    planned = planned_total(contract)
    if planned + amount > contract.amount_cents:
        raise ValidationError(
            "payment.plan_over_contract",
            "amount_cents",
            total_cents=planned + amount,
            contract_cents=contract.amount_cents,
        )
    inst = PaymentInstalment.create(contract=contract, due_date=due, amount_cents=amount, note=note)
    _renumber(contract)
    return PaymentInstalment.get_by_id(inst.id)


@transactional
def set_payment_plan(
    contract_id: ContractRef, plan: Iterable[tuple[date | str, int]]
) -> list[PaymentInstalment]:
    """Replace the contract's payment plan. Payments keep existing; their instalment link is cleared."""
    contract = get_record(Contract, contract_id, "Contract")
    alive_client(fk_id(contract, "client"))
    rows = require_list(plan, "plan", "Due date")
    if not all(isinstance(row, tuple | list) and len(row) == 2 for row in rows):
        raise ValidationError("payment.plan_not_pairs", "plan")
    seen: set[date] = set()
    for due, _amount in rows:
        day = require_date(due, "due_date", "Due date")
        if day in seen:
            raise ValidationError(
                "payment.plan_overlapping",
                "due_date",
                date=day.isoformat(),
            )
        seen.add(day)
    PaymentInstalment.delete().where(PaymentInstalment.contract == contract).execute()
    created = [add_instalment(contract, due, amount) for due, amount in rows]
    return [PaymentInstalment.get_by_id(i.id) for i in created]


@transactional
def delete_instalment(instalment_id: InstalmentRef) -> None:
    inst = get_record(PaymentInstalment, instalment_id, "Instalment")
    contract = inst.contract
    inst.delete_instance()
    _renumber(contract)


@dataclass(frozen=True)
class InstalmentStatus:
    instalment: PaymentInstalment
    due_date: date
    amount: int
    paid: int
    remaining: int


@dataclass(frozen=True)
class ContractBalance:
    amount: int
    planned: int
    paid: int
    outstanding: int  # still owed on the contract (0 when paid in full or overpaid)
    overpaid: int
    as_of: date
    overdue_instalments: list[InstalmentStatus] = field(default_factory=list)


def _allocate(contract: Contract, as_of: date | None = None) -> list[InstalmentStatus]:
    """Spread the contract's payments (up to ``as_of``) over its plan (see ``receivables.allocate``)."""
    instalments = list(
        PaymentInstalment.select()
        .where(PaymentInstalment.contract == contract)
        .order_by(PaymentInstalment.due_date, PaymentInstalment.id)
    )
    payments = Payment.select().where(Payment.contract == contract)
    if as_of is not None:
        payments = payments.where(Payment.paid_on <= as_of)
    paid_of = allocate(
        [(i.id, i.due_date, i.amount_cents) for i in instalments],
        [(fk_id(p, "instalment"), p.amount_cents) for p in payments],
    )
    return [
        InstalmentStatus(i, i.due_date, i.amount_cents, paid_of[i.id], i.amount_cents - paid_of[i.id])
        for i in instalments
    ]


def _paid_total(contract: Contract, as_of: date | None = None) -> int:
    payments = Payment.select().where(Payment.contract == contract)
    if as_of is not None:
        payments = payments.where(Payment.paid_on <= as_of)
    return sum(p.amount_cents for p in payments)


@transactional
def record_payment(
    contract_id: ContractRef,
    amount_cents: int,
    paid_on: date | str,
    instalment_id: InstalmentRef | None = None,
    method: str = "",
    note: str = "",
    allow_overpay: bool = False,
) -> Payment:
    """Record money received. More than is still owed (on the contract, or on the instalment when given)
    is refused unless ``allow_overpay`` confirms it."""
    contract = get_record(Contract, contract_id, "Contract")
    alive_client(fk_id(contract, "client"))
    amount = require_cents(amount_cents, "amount_cents", "Amount", allow_zero=False)
    paid_date = require_date(paid_on, "paid_on", "Payment date")
    instalment = None
    if instalment_id is not None:
        instalment = get_record(PaymentInstalment, instalment_id, "Instalment")
        if fk_id(instalment, "contract") != contract.id:
            raise ValidationError("payment.instalment_other_contract", "instalment_id")
    if not allow_overpay:
        owed = still_owed(contract, instalment)
        if amount > owed:
            raise ValidationError(
                "payment.overpaid" if instalment is None else "payment.overpaid_instalment",
                "amount_cents",
                amount_cents=amount,
                owed_cents=owed,
            )
    return Payment.create(
        contract=contract,
        instalment=instalment,
        amount_cents=amount,
        paid_on=paid_date,
        method=optional_text(method, "method", "Method", 50),
        note=optional_text(note, "note", "Note"),
    )


def still_owed(contract_id: ContractRef, instalment_id: InstalmentRef | None = None) -> int:
    """What is still owed on the contract (all payments counted), or on one instalment of it (at most what
    is owed on the contract); a payment above this is an overpayment."""
    contract = get_record(Contract, contract_id, "Contract")
    owed = max(contract.amount_cents - _paid_total(contract), 0)
    if instalment_id is None:
        return owed
    inst_id = instalment_id.id if isinstance(instalment_id, PaymentInstalment) else instalment_id
    status = next((s for s in _allocate(contract) if s.instalment.id == inst_id), None)
    if status is None:
        raise ValidationError("payment.instalment_other_contract", "instalment_id")
    return min(owed, status.remaining)


def instalment_statuses(contract_id: ContractRef, as_of: date | str | None = None) -> list[InstalmentStatus]:
    """Every instalment of the plan in due-date order with what is paid and still due, counting the payments
    made up to ``as_of`` (default: all of them)."""
    contract = get_record(Contract, contract_id, "Contract")
    return _allocate(contract, optional_date(as_of, "as_of", "Date"))


def contract_payments(contract_id: ContractRef) -> list[Payment]:
    """The contract's payments, newest first."""
    contract = get_record(Contract, contract_id, "Contract")
    query = Payment.select().where(Payment.contract == contract)
    return list(query.order_by(Payment.paid_on.desc(), Payment.id.desc()))


@transactional
def delete_payment(payment_id: int | Payment, *, left_at: Any = None) -> None:
    """Delete a payment. ``left_at`` (the undo of recording it): the payment's version as recorded; one
    changed by someone since is kept (``record.changed_after_yours``)."""
    payment = get_record(Payment, payment_id, "Payment")
    with unchanged_since(Payment, payment.id, left_at, "Payment", undo=True):
        payment.delete_instance()


def contract_balance(contract_id: ContractRef, as_of: date | str | None = None) -> ContractBalance:
    """Amount, planned and paid totals, and the instalments overdue as of ``as_of`` (default today):
    due before that date and not fully paid by it."""
    contract = get_record(Contract, contract_id, "Contract")
    day = optional_date(as_of, "as_of", "Date") or now().date()
    paid = _paid_total(contract, day)
    statuses = _allocate(contract, day)
    return ContractBalance(
        amount=contract.amount_cents,
        planned=sum(s.amount for s in statuses),
        paid=paid,
        outstanding=max(contract.amount_cents - paid, 0),
        overpaid=max(paid - contract.amount_cents, 0),
        as_of=day,
        overdue_instalments=[s for s in statuses if s.due_date < day and s.remaining > 0],
    )
