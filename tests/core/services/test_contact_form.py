"""The contact dialog's save: the contact and its role in each deal, all or nothing."""

from __future__ import annotations

import pytest

from desktop_crm.errors import ValidationError
from desktop_crm.models import Client, Contact, StanceChange
from desktop_crm.services.contact_form import ContactInput, save_contact
from desktop_crm.services.deals import create_opportunity
from desktop_crm.services.stakeholders import opportunity_roles


@pytest.fixture
def client(db: object) -> Client:
    return Client.create(name="Acme")


def test_create_then_update_with_a_stance_reason_and_roles(client: Client) -> None:
    opp = create_opportunity(client, "ERP")
    contact_id = save_contact(
        client.id, None, ContactInput({"name": "Li Lei", "stance": "neutral"}, deal_roles={opp.id: "user"})
    )
    assert opportunity_roles(opp.id) == {contact_id: "user"}
    data = ContactInput(
        {"name": "Li Lei", "stance": "supporter"}, stance_reason="liked the demo", deal_roles={opp.id: None}
    )
    assert save_contact(client.id, contact_id, data) == contact_id
    assert Contact.get_by_id(contact_id).stance == "supporter"
    last = (
        StanceChange.select().where(StanceChange.contact == contact_id).order_by(StanceChange.id.desc()).get()
    )
    assert last.reason == "liked the demo"
    assert opportunity_roles(opp.id) == {}


def test_a_refused_role_saves_nothing(client: Client) -> None:
    opp = create_opportunity(client, "ERP")
    with pytest.raises(ValidationError):
        save_contact(client.id, None, ContactInput({"name": "Li Lei"}, deal_roles={opp.id: "emperor"}))
    assert Contact.select().count() == 0


def test_a_bad_email_is_refused_at_its_field(client: Client) -> None:
    with pytest.raises(ValidationError) as caught:
        save_contact(client.id, None, ContactInput({"name": "Li Lei", "email": "not an address"}))
    assert caught.value.field == "email"
