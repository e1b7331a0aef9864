"""desktop_crm.services.client_status: a won opportunity or a signed contract makes the client a customer."""

from __future__ import annotations

import pytest

from desktop_crm.errors import ValidationError
from desktop_crm.models import Client, User
from desktop_crm.services.client_status import set_status_follows_deals, status_follows_deals
from desktop_crm.services.clients import update_client
from desktop_crm.services.deals import close_opportunity, create_contract, create_opportunity


@pytest.fixture
def user(db: object) -> User:
    return User.create(name="Li Lei")


def _status(client: Client) -> str:
    return str(Client.get_by_id(client.id).status)


@pytest.mark.parametrize("before", ["lead", "prospect", "dormant", "lost"])
def test_winning_an_opportunity_makes_the_client_a_customer(user: User, before: str) -> None:
    client = Client.create(name="Acme", owner=user, status=before)
    opp = create_opportunity(client.id, "Line 2", expected_amount_cents=5_000_00)
    assert _status(client) == before  # an open opportunity changes nothing
    close_opportunity(opp.id, won=True)
    assert _status(client) == "customer"


def test_a_lost_opportunity_leaves_the_status(user: User) -> None:
    client = Client.create(name="Acme", owner=user, status="prospect")
    close_opportunity(create_opportunity(client.id, "Line 2", expected_amount_cents=5_000_00).id, won=False)
    assert _status(client) == "prospect"


def test_signing_a_contract_makes_a_client_set_back_by_hand_a_customer_again(user: User) -> None:
    client = Client.create(name="Acme", owner=user, status="lead")
    opp = create_opportunity(client.id, "Line 2", expected_amount_cents=5_000_00)
    close_opportunity(opp.id, won=True)
    update_client(client.id, status="prospect")  # overridden by hand: stays so until the next deal
    assert _status(client) == "prospect"
    create_contract(client.id, 5_000_00, "2026-03-02", opp.id)
    assert _status(client) == "customer"


def test_with_the_rule_off_the_status_changes_only_by_hand(user: User) -> None:
    assert status_follows_deals()
    set_status_follows_deals(False)
    client = Client.create(name="Acme", owner=user, status="lead")
    opp = create_opportunity(client.id, "Line 2", expected_amount_cents=5_000_00)
    close_opportunity(opp.id, won=True)
    create_contract(client.id, 5_000_00, "2026-03-02", opp.id)
    assert _status(client) == "lead" and not status_follows_deals()
    with pytest.raises(ValidationError) as info:
        set_status_follows_deals("yes")
    assert info.value.code == "client_status.rule_not_bool"
