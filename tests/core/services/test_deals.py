"""Opportunities and contracts: stages, probabilities, closing, and contracts only from won deals."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_crm.errors import NotFoundError, ValidationError
from desktop_crm.models import Client, Contract, Opportunity, User, now
from desktop_crm.services.deals import (
    close_opportunity,
    create_contract,
    create_opportunity,
    delete_contract,
    delete_opportunity,
    reopen_opportunity,
    restore_opportunity,
    update_contract,
    update_opportunity,
)
from desktop_crm.services.payments import add_instalment


@pytest.fixture
def user(db: object) -> User:
    return User.create(name="Li Lei")


@pytest.fixture
def client(user: User) -> Client:
    return Client.create(name="Acme", owner=user)


@pytest.fixture
def other_client(db: object) -> Client:
    return Client.create(name="Globex")


def test_create_opportunity_defaults(client: Client, user: User) -> None:
    opp = create_opportunity(client.id, "ERP rollout", expected_amount_cents=500_000)
    assert (opp.stage, opp.probability) == ("initial", 10)
    assert opp.owner.id == user.id  # defaults to the client's owner
    assert Opportunity.get_by_id(opp.id).expected_amount_cents == 500_000


def test_create_opportunity_stage_default_probability_and_explicit(client: Client) -> None:
    assert create_opportunity(client, "A", stage="proposal").probability == 50
    assert create_opportunity(client, "B", stage="proposal", probability=65).probability == 65


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"name": "  "}, "name"),
        ({"stage": "won"}, "stage"),
        ({"stage": "closing"}, "stage"),
        ({"probability": 101}, "probability"),
        ({"expected_amount_cents": -1}, "expected_amount_cents"),
        ({"expected_close_date": "31/12/2026"}, "expected_close_date"),
    ],
)
def test_create_opportunity_validation(client: Client, kwargs: dict[str, object], field: str) -> None:
    args: dict[str, object] = {"name": "Deal", **kwargs}
    with pytest.raises(ValidationError) as err:
        create_opportunity(client, **args)  # type: ignore[arg-type]
    assert err.value.field == field
    assert Opportunity.select().count() == 0


def test_opportunity_for_deleted_client_refused(client: Client) -> None:
    client.deleted_at = now()
    client.save()
    with pytest.raises(ValidationError, match='Client "Acme" has been deleted') as err:
        create_opportunity(client.id, "Deal")
    assert err.value.field == "client_id"


def test_update_stage_resets_probability_unless_given(client: Client) -> None:
    opp = create_opportunity(client, "Deal", probability=25)
    assert update_opportunity(opp, stage="negotiation").probability == 70
    assert update_opportunity(opp, stage="needs", probability=45).probability == 45
    assert update_opportunity(opp, name="Renamed").probability == 45  # no stage change: kept
    assert Opportunity.get_by_id(opp.id).name == "Renamed"


def test_update_cannot_win_or_lose(client: Client) -> None:
    opp = create_opportunity(client, "Deal")
    for stage in ("won", "lost"):
        with pytest.raises(ValidationError, match="only by closing"):
            update_opportunity(opp, stage=stage)
    assert Opportunity.get_by_id(opp.id).stage == "initial"


def test_update_failing_field_changes_nothing(client: Client) -> None:
    opp = create_opportunity(client, "Deal")
    with pytest.raises(ValidationError):
        update_opportunity(opp, stage="proposal", expected_amount_cents=-5)
    assert Opportunity.get_by_id(opp.id).stage == "initial"


def test_update_can_clear_close_date_and_owner(client: Client) -> None:
    opp = create_opportunity(client, "Deal", expected_close_date="2026-06-30")
    assert opp.expected_close_date == date(2026, 6, 30)
    update_opportunity(opp, expected_close_date=None, owner_id=None)
    fresh = Opportunity.get_by_id(opp.id)
    assert fresh.expected_close_date is None and fresh.owner is None


def test_close_won_and_lost(client: Client) -> None:
    won = close_opportunity(
        create_opportunity(client, "A"), True, closed_on="2026-03-02", reason="Best offer"
    )
    assert (won.stage, won.probability, won.closed_on) == ("won", 100, date(2026, 3, 2))
    lost = close_opportunity(create_opportunity(client, "B"), False, reason="Price", competitor="Initech")
    fresh = Opportunity.get_by_id(lost.id)
    assert (fresh.stage, fresh.probability, fresh.competitor) == ("lost", 0, "Initech")
    assert fresh.closed_on == now().date()
    with pytest.raises(ValidationError, match="already closed"):
        close_opportunity(lost, True)
    with pytest.raises(ValidationError, match="reopen"):
        update_opportunity(lost, stage="proposal")


def test_reopen(client: Client) -> None:
    opp = close_opportunity(create_opportunity(client, "A"), False, reason="Price")
    opp = reopen_opportunity(opp)
    assert (opp.stage, opp.probability, opp.closed_on, opp.close_reason) == ("negotiation", 70, None, "")
    with pytest.raises(ValidationError, match="not closed"):
        reopen_opportunity(opp)


def test_reopen_refused_when_contract_signed_from_it(client: Client) -> None:
    opp = close_opportunity(create_opportunity(client, "A"), True)
    create_contract(client, 10_000, "2026-01-05", opportunity_id=opp)
    with pytest.raises(ValidationError, match="contracts were signed"):
        reopen_opportunity(opp)
    assert Opportunity.get_by_id(opp.id).stage == "won"


def test_soft_delete_and_restore(client: Client) -> None:
    opp = create_opportunity(client, "A")
    delete_opportunity(opp)
    assert Opportunity.get_by_id(opp.id).is_deleted
    with pytest.raises(NotFoundError, match="deleted"):
        update_opportunity(opp.id, name="B")
    assert not restore_opportunity(opp.id).is_deleted
    assert Opportunity.alive().count() == 1


def test_contract_from_open_opportunity_refused(client: Client) -> None:
    opp = create_opportunity(client, "A", stage="negotiation")
    with pytest.raises(ValidationError, match="is not won") as err:
        create_contract(client, 10_000, "2026-01-05", opportunity_id=opp.id)
    assert err.value.field == "opportunity_id"
    lost = close_opportunity(create_opportunity(client, "B"), False)
    with pytest.raises(ValidationError, match="is not won"):
        create_contract(client, 10_000, "2026-01-05", opportunity_id=lost.id)
    assert Contract.select().count() == 0


def test_contract_from_other_clients_opportunity_refused(client: Client, other_client: Client) -> None:
    opp = close_opportunity(create_opportunity(other_client, "Theirs"), True)
    with pytest.raises(ValidationError, match="another client"):
        create_contract(client, 10_000, "2026-01-05", opportunity_id=opp)


def test_contract_from_won_opportunity(client: Client) -> None:
    opp = close_opportunity(create_opportunity(client, "A"), True)
    contract = create_contract(
        client, 12_345, "2026-01-05", opportunity_id=opp, title="Licences", number="C-1"
    )
    fresh = Contract.get_by_id(contract.id)
    assert (fresh.opportunity.id, fresh.amount_cents, fresh.signed_on) == (opp.id, 12_345, date(2026, 1, 5))


def won_deal(client: Client, name: str = "Won") -> Opportunity:
    return close_opportunity(create_opportunity(client, name), True)


def test_contract_without_opportunity_refused(client: Client) -> None:
    with pytest.raises(ValidationError, match="A contract is created from a won opportunity") as err:
        create_contract(client, 10_000, "2026-01-05", None)
    assert err.value.field == "opportunity_id"
    assert Contract.select().count() == 0


def test_second_contract_from_one_opportunity_refused(client: Client) -> None:
    opp = won_deal(client)
    create_contract(client, 10_000, "2026-01-05", opp)
    with pytest.raises(ValidationError, match="already has a contract") as err:
        create_contract(client, 5_000, "2026-02-05", opp)
    assert err.value.field == "opportunity_id"
    assert Contract.select().count() == 1


@pytest.mark.parametrize("amount", [0, -100, 1.5, True])
def test_contract_amount_must_be_positive_cents(client: Client, amount: object) -> None:
    with pytest.raises(ValidationError) as err:
        create_contract(client, amount, "2026-01-05", won_deal(client))  # type: ignore[arg-type]
    assert err.value.field == "amount_cents"


def test_contract_for_deleted_client_refused(client: Client) -> None:
    opp = won_deal(client)
    client.deleted_at = now()
    client.save()
    with pytest.raises(ValidationError, match="has been deleted"):
        create_contract(client, 100, "2026-01-05", opp)
    assert Contract.select().count() == 0


def test_update_contract_amount_not_below_plan(client: Client) -> None:
    contract = create_contract(client, 10_000, "2026-01-05", won_deal(client))
    add_instalment(contract, "2026-02-01", 6_000)
    with pytest.raises(ValidationError, match=r"already totals 60\.00") as err:
        update_contract(contract, amount_cents=5_000, title="Cut")
    assert err.value.field == "amount_cents"
    fresh = Contract.get_by_id(contract.id)
    assert (fresh.amount_cents, fresh.title) == (10_000, "")
    assert update_contract(contract, amount_cents=6_000, title="Cut").amount_cents == 6_000


def test_update_contract_opportunity_link(client: Client) -> None:
    first = won_deal(client, "First")
    contract = create_contract(client, 10_000, "2026-01-05", first)
    with pytest.raises(ValidationError, match="is not won"):
        update_contract(contract, opportunity_id=create_opportunity(client, "Open"))
    won = won_deal(client)
    assert update_contract(contract, opportunity_id=won).opportunity.id == won.id
    assert update_contract(contract, opportunity_id=won, title="Same").title == "Same"  # its own deal
    with pytest.raises(ValidationError, match="A contract is created from a won opportunity"):
        update_contract(contract, opportunity_id=None)  # type: ignore[arg-type]
    assert Contract.get_by_id(contract.id).opportunity.id == won.id


def test_stage_probabilities_from_settings(client: Client) -> None:
    from desktop_crm.services.stages import set_stage_probabilities

    set_stage_probabilities({"initial": 5, "proposal": 55})
    opp = create_opportunity(client, "Deal")
    assert opp.probability == 5
    assert update_opportunity(opp, stage="proposal").probability == 55
    assert update_opportunity(opp, stage="needs").probability == 30  # unchanged default
    closed = close_opportunity(opp, False)
    assert reopen_opportunity(closed, "initial").probability == 5


def test_delete_contract_cascades_plan(client: Client) -> None:
    contract = create_contract(client, 10_000, "2026-01-05", won_deal(client))
    add_instalment(contract, "2026-02-01", 6_000)
    delete_contract(contract.id)
    assert Contract.select().count() == 0
    with pytest.raises(NotFoundError):
        delete_contract(contract.id)
