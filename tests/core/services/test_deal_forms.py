"""The opportunity dialog's save (opportunity and stakeholder roles, all or nothing) and the stage move
with its way back."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_crm.errors import ValidationError
from desktop_crm.models import Client, Opportunity
from desktop_crm.services.deal_forms import OpportunityInput, move_opportunity_stage, save_opportunity
from desktop_crm.services.deals import close_opportunity
from desktop_crm.services.stakeholders import create_contact, opportunity_roles


@pytest.fixture
def client(db: object) -> Client:
    return Client.create(name="Acme")


def form(client: Client, **changes: object) -> OpportunityInput:
    values: dict[str, object] = {
        "client_id": client.id,
        "name": "ERP rollout",
        "owner_id": None,
        "stage": "initial",
        "probability": 10,
        "expected_amount_cents": 870_000,
        "expected_close_date": date(2026, 9, 30),
    }
    values.update(changes)
    return OpportunityInput(**values)  # type: ignore[arg-type]


def test_create_with_roles_and_update_only_the_changed_ones(client: Client) -> None:
    boss = create_contact(client.id, "Li Lei")
    user = create_contact(client.id, "Han Meimei")
    opp_id = save_opportunity(None, form(client, roles={boss.id: "decision_maker", user.id: None}))
    assert opportunity_roles(opp_id) == {boss.id: "decision_maker"}
    save_opportunity(
        opp_id, form(client, name="ERP", stage="proposal", probability=55, roles={boss.id: None})
    )
    opp = Opportunity.get_by_id(opp_id)
    assert (opp.name, opp.stage, opp.probability) == ("ERP", "proposal", 55)
    assert opportunity_roles(opp_id) == {}


def test_a_refused_role_saves_nothing(client: Client) -> None:
    contact = create_contact(client.id, "Li Lei")
    with pytest.raises(ValidationError) as caught:
        save_opportunity(None, form(client, roles={contact.id: "emperor"}))
    assert caught.value.field == "role"
    assert Opportunity.select().count() == 0


def test_a_closed_opportunity_keeps_its_stage(client: Client) -> None:
    opp_id = save_opportunity(None, form(client))
    close_opportunity(opp_id, True)
    save_opportunity(opp_id, form(client, name="Won ERP", stage="won", probability=100))
    opp = Opportunity.get_by_id(opp_id)
    assert (opp.name, opp.stage) == ("Won ERP", "won")


def test_stage_move_and_back_restores_the_probability(client: Client) -> None:
    opp_id = save_opportunity(None, form(client, probability=33))
    move = move_opportunity_stage(opp_id, "negotiation")
    assert (move.from_stage, move.from_probability, move.to_stage) == ("initial", 33, "negotiation")
    assert Opportunity.get_by_id(opp_id).stage == "negotiation"
    back = move.reversed()
    move_opportunity_stage(back.opportunity_id, back.to_stage, back.to_probability)
    opp = Opportunity.get_by_id(opp_id)
    assert (opp.stage, opp.probability) == ("initial", 33)


def test_a_closed_opportunity_cannot_be_moved(client: Client) -> None:
    opp_id = save_opportunity(None, form(client))
    close_opportunity(opp_id, False)
    with pytest.raises(ValidationError) as caught:
        move_opportunity_stage(opp_id, "proposal")
    assert caught.value.code == "opportunity.closed"
