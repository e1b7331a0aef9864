"""Payment plans, payments with overpay confirmation, and a contract's balance."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_crm.errors import ValidationError
from desktop_crm.models import Client, Contract, Payment, PaymentInstalment, now
from desktop_crm.services.deals import close_opportunity, create_contract, create_opportunity
from desktop_crm.services.payments import (
    add_instalment,
    contract_balance,
    delete_instalment,
    delete_payment,
    record_payment,
    set_payment_plan,
)


@pytest.fixture
def client(db: object) -> Client:
    return Client.create(name="Acme")


def signed(client: Client, amount: int) -> Contract:
    """A contract from a freshly won opportunity (contracts always come from a won deal)."""
    opp = close_opportunity(create_opportunity(client, f"Deal {amount}"), True)
    return create_contract(client, amount, "2026-01-05", opp)


@pytest.fixture
def contract(client: Client) -> Contract:
    return signed(client, 10_000)


def plan_of(contract: Contract) -> list[tuple[int, date, int]]:
    rows = (
        PaymentInstalment.select()
        .where(PaymentInstalment.contract == contract)
        .order_by(PaymentInstalment.seq)
    )
    return [(i.seq, i.due_date, i.amount_cents) for i in rows]


def test_add_instalments_numbered_by_due_date(contract: Contract) -> None:
    add_instalment(contract, "2026-03-01", 3_000)
    first = add_instalment(contract.id, date(2026, 2, 1), 2_000, note="deposit")
    assert first.seq == 1 and first.note == "deposit"
    assert plan_of(contract) == [(1, date(2026, 2, 1), 2_000), (2, date(2026, 3, 1), 3_000)]


def test_plan_total_above_contract_amount_refused(contract: Contract) -> None:
    add_instalment(contract, "2026-02-01", 7_000)
    with pytest.raises(ValidationError, match=r"would total 100\.01") as err:
        add_instalment(contract, "2026-03-01", 3_001)
    assert err.value.field == "amount_cents" and err.value.code == "payment.plan_over_contract"
    assert err.value.params == {"total_cents": 10_001, "contract_cents": 10_000}
    add_instalment(contract, "2026-03-01", 3_000)  # exactly the contract amount is fine
    assert sum(a for _, _, a in plan_of(contract)) == 10_000


def test_overlapping_instalment_refused(contract: Contract) -> None:
    add_instalment(contract, "2026-02-01", 1_000)
    with pytest.raises(ValidationError, match="overlapping") as err:
        add_instalment(contract, "2026-02-01", 1_000)
    assert err.value.field == "due_date"
    assert len(plan_of(contract)) == 1


def test_same_due_date_on_another_contract_is_fine(client: Client, contract: Contract) -> None:
    other = signed(client, 5_000)
    add_instalment(contract, "2026-02-01", 1_000)
    add_instalment(other, "2026-02-01", 1_000)
    assert PaymentInstalment.select().count() == 2


@pytest.mark.parametrize("amount", [0, -1])
def test_instalment_amount_positive(contract: Contract, amount: int) -> None:
    with pytest.raises(ValidationError, match="more than 0"):
        add_instalment(contract, "2026-02-01", amount)


def test_set_payment_plan_replaces(contract: Contract) -> None:
    add_instalment(contract, "2026-02-01", 10_000)
    rows = set_payment_plan(contract, [("2026-04-01", 4_000), (date(2026, 3, 1), 6_000)])
    assert [r.seq for r in rows] == [2, 1]
    assert plan_of(contract) == [(1, date(2026, 3, 1), 6_000), (2, date(2026, 4, 1), 4_000)]


def test_set_payment_plan_is_atomic(contract: Contract) -> None:
    """The old plan is deleted before the new one is added; a failing new instalment restores it."""
    add_instalment(contract, "2026-02-01", 10_000)
    before = plan_of(contract)
    with pytest.raises(ValidationError, match="would total"):
        set_payment_plan(contract, [("2026-03-01", 6_000), ("2026-04-01", 5_000)])
    with pytest.raises(ValidationError, match="overlapping"):
        set_payment_plan(contract, [("2026-03-01", 1_000), ("2026-03-01", 1_000)])
    with pytest.raises(ValidationError, match="pair"):
        set_payment_plan(contract, [("2026-03-01",)])  # type: ignore[list-item]
    assert plan_of(contract) == before


def test_delete_instalment_renumbers(contract: Contract) -> None:
    first = add_instalment(contract, "2026-02-01", 1_000)
    add_instalment(contract, "2026-03-01", 1_000)
    delete_instalment(first)
    assert plan_of(contract) == [(1, date(2026, 3, 1), 1_000)]


def test_overpayment_of_contract_needs_confirmation(contract: Contract) -> None:
    record_payment(contract, 9_000, "2026-02-01")
    with pytest.raises(ValidationError, match=r"more than the 10\.00 still owed on this contract") as err:
        record_payment(contract, 1_500, "2026-02-02")
    assert err.value.field == "amount_cents" and err.value.code == "payment.overpaid"
    assert err.value.params == {"amount_cents": 1_500, "owed_cents": 1_000}
    assert Payment.select().count() == 1
    record_payment(contract, 1_000, "2026-02-02")  # exactly what is owed: fine
    payment = record_payment(contract, 500, "2026-02-03", allow_overpay=True)
    assert payment.amount_cents == 500
    balance = contract_balance(contract, as_of="2026-12-31")
    assert (balance.paid, balance.outstanding, balance.overpaid) == (10_500, 0, 500)


def test_overpayment_of_instalment_needs_confirmation(contract: Contract) -> None:
    first = add_instalment(contract, "2026-02-01", 3_000)
    record_payment(contract, 2_000, "2026-02-01", instalment_id=first)
    with pytest.raises(ValidationError, match=r"10\.00 still owed on this instalment"):
        record_payment(contract, 1_001, "2026-02-02", instalment_id=first)
    record_payment(contract, 1_001, "2026-02-02", instalment_id=first, allow_overpay=True)
    assert Payment.select().count() == 2


def test_payment_against_other_contracts_instalment_refused(client: Client, contract: Contract) -> None:
    other = signed(client, 5_000)
    inst = add_instalment(other, "2026-02-01", 1_000)
    with pytest.raises(ValidationError, match="another contract") as err:
        record_payment(contract, 100, "2026-02-01", instalment_id=inst)
    assert err.value.field == "instalment_id"


def test_payment_for_deleted_client_refused(client: Client, contract: Contract) -> None:
    client.deleted_at = now()
    client.save()
    with pytest.raises(ValidationError, match="has been deleted"):
        record_payment(contract, 100, "2026-02-01")


def test_balance_and_overdue_instalments(contract: Contract) -> None:
    a = add_instalment(contract, "2026-02-01", 3_000)
    b = add_instalment(contract, "2026-03-01", 3_000)
    c = add_instalment(contract, "2026-04-01", 2_000)
    record_payment(contract, 1_000, "2026-02-10", instalment_id=b)  # linked to b
    record_payment(contract, 2_500, "2026-02-15")  # unlinked: pays the earliest first (a)
    record_payment(contract, 500, "2026-05-01")  # after the as-of date below

    balance = contract_balance(contract.id, as_of=date(2026, 3, 15))
    assert (balance.amount, balance.planned, balance.paid, balance.outstanding) == (
        10_000,
        8_000,
        3_500,
        6_500,
    )
    overdue = [(s.instalment.id, s.paid, s.remaining) for s in balance.overdue_instalments]
    assert overdue == [(a.id, 2_500, 500), (b.id, 1_000, 2_000)]

    # Due on the as-of date is not yet overdue.
    on_due = contract_balance(contract, as_of="2026-04-01")
    assert [s.instalment.id for s in on_due.overdue_instalments] == [a.id, b.id]
    # The May payment (unlinked) clears a's remainder.
    later = contract_balance(contract, as_of="2026-05-01")
    assert [(s.instalment.id, s.remaining) for s in later.overdue_instalments] == [
        (b.id, 2_000),
        (c.id, 2_000),
    ]
    assert later.paid == 4_000


def test_excess_on_an_instalment_flows_to_the_next(contract: Contract) -> None:
    a = add_instalment(contract, "2026-02-01", 1_000)
    b = add_instalment(contract, "2026-03-01", 1_000)
    record_payment(contract, 1_500, "2026-02-01", instalment_id=a, allow_overpay=True)
    balance = contract_balance(contract, as_of="2026-12-31")
    assert [(s.instalment.id, s.remaining) for s in balance.overdue_instalments] == [(b.id, 500)]
    # The instalment check uses the same allocation: only 500 is still owed on b.
    with pytest.raises(ValidationError, match=r"5\.00 still owed on this instalment"):
        record_payment(contract, 600, "2026-03-01", instalment_id=b)


def test_delete_payment(contract: Contract) -> None:
    payment = record_payment(contract, 10_000, "2026-02-01")
    delete_payment(payment.id)
    assert contract_balance(contract, as_of="2026-12-31").paid == 0


def test_three_instalment_plan_given_out_of_order_is_numbered_by_date(contract: Contract) -> None:
    """Order does not matter (documented decision): only two instalments on one date overlap."""
    set_payment_plan(contract, [("2026-03-01", 3_000), ("2026-02-01", 3_000), ("2026-04-01", 4_000)])
    assert [(seq, amount) for seq, _d, amount in plan_of(contract)] == [(1, 3_000), (2, 3_000), (3, 4_000)]
    with pytest.raises(ValidationError, match="two instalments are due on 2026-03-01") as err:
        set_payment_plan(contract, [("2026-03-01", 1_000), ("2026-04-01", 1_000), ("2026-03-01", 1_000)])
    assert err.value.field == "due_date"
    assert len(plan_of(contract)) == 3


def test_partial_payment_leaves_an_overdue_remainder(contract: Contract) -> None:
    from desktop_crm.services.payments import instalment_statuses, still_owed

    set_payment_plan(contract, [("2026-02-01", 3_000), ("2026-03-01", 3_000), ("2026-04-01", 4_000)])
    first = plan_of(contract)[0]
    inst = PaymentInstalment.get(PaymentInstalment.contract == contract, PaymentInstalment.seq == first[0])
    assert still_owed(contract, inst) == 3_000
    record_payment(contract, 1_000, "2026-02-01", instalment_id=inst)
    assert (still_owed(contract), still_owed(contract, inst)) == (9_000, 2_000)
    balance = contract_balance(contract, as_of="2026-03-15")
    assert [(s.due_date, s.remaining) for s in balance.overdue_instalments] == [
        (date(2026, 2, 1), 2_000),
        (date(2026, 3, 1), 3_000),
    ]
    assert [s.paid for s in instalment_statuses(contract)] == [1_000, 0, 0]
