"""What the payment dialog proposes: still owed on the contract's next unpaid instalment (hand-computed)."""

from __future__ import annotations

import pytest

from desktop_crm.models import Client, Contract
from desktop_crm.read.deals import PaymentDue, next_payment_due
from desktop_crm.services.deals import close_opportunity, create_contract, create_opportunity
from desktop_crm.services.payments import record_payment, set_payment_plan


@pytest.fixture
def contract(db: object) -> Contract:
    client = Client.create(name="Acme")
    opp = close_opportunity(create_opportunity(client, "Deal"), True)
    return create_contract(client, 10_000_00, "2026-01-05", opp)


def _plan(contract: Contract, *amounts: int) -> list[int]:
    rows = [(f"2026-0{i + 2}-01", amount) for i, amount in enumerate(amounts)]
    return [int(inst.id) for inst in set_payment_plan(contract, rows)]


def test_no_plan_no_payment_is_the_contract_amount(contract: Contract) -> None:
    assert next_payment_due(contract.id) == PaymentDue(10_000_00)


def test_no_plan_is_the_amount_minus_everything_collected(contract: Contract) -> None:
    record_payment(contract, 2_500_00, "2026-02-01")
    record_payment(contract, 1_000_50, "2026-02-15")
    assert next_payment_due(contract.id) == PaymentDue(6_499_50)


def test_first_instalment_before_any_payment(contract: Contract) -> None:
    first, _second, _third = _plan(contract, 3_000_00, 3_000_00, 4_000_00)
    assert next_payment_due(contract.id) == PaymentDue(3_000_00, first, 1)


def test_partly_paid_instalment_owes_the_rest(contract: Contract) -> None:
    first, _second = _plan(contract, 3_000_00, 7_000_00)
    record_payment(contract, 1_200_00, "2026-02-01", instalment_id=first)
    assert next_payment_due(contract.id) == PaymentDue(1_800_00, first, 1)


def test_unlinked_payments_pay_the_earliest_instalments_first(contract: Contract) -> None:
    _first, _second, third = _plan(contract, 2_000_00, 3_000_00, 5_000_00)
    record_payment(contract, 4_000_00, "2026-02-01")  # pays #1 (2,000) and #2 (2,000 of 3,000)
    record_payment(contract, 1_000_00, "2026-03-01")  # the rest of #2
    assert next_payment_due(contract.id) == PaymentDue(5_000_00, third, 3)


def test_overpaid_instalment_spills_into_the_next(contract: Contract) -> None:
    first, second = _plan(contract, 3_000_00, 7_000_00)
    record_payment(contract, 4_000_00, "2026-02-01", instalment_id=first, allow_overpay=True)
    assert next_payment_due(contract.id) == PaymentDue(6_000_00, second, 2)


def test_plan_paid_but_contract_not_owes_the_unplanned_rest(contract: Contract) -> None:
    _plan(contract, 4_000_00)
    record_payment(contract, 4_000_00, "2026-02-01")
    assert next_payment_due(contract.id) == PaymentDue(6_000_00)


def test_fully_paid_owes_nothing(contract: Contract) -> None:
    _plan(contract, 5_000_00, 5_000_00)
    record_payment(contract, 10_000_00, "2026-02-01")
    assert next_payment_due(contract.id) == PaymentDue(0)


def test_overpaid_contract_never_owes_a_negative_amount(contract: Contract) -> None:
    record_payment(contract, 12_000_00, "2026-02-01", allow_overpay=True)
    assert next_payment_due(contract.id) == PaymentDue(0)
