"""Two windows editing the same record: the second save is refused (``record.changed_meanwhile``) instead
of silently overwriting the first; the clock may not have moved between the saves (it is frozen here)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from desktop_crm.errors import CrmError, NotFoundError
from desktop_crm.models import Client, Contact, Opportunity
from desktop_crm.services import clients, deals, stakeholders
from desktop_crm.services.client_form import ClientInput, edit_client, load_client_form
from desktop_crm.services.common import ChangedMeanwhileError
from desktop_crm.services.contact_form import ContactInput, save_contact
from desktop_crm.services.deal_forms import OpportunityInput, save_opportunity


def _client_input(snapshot: Any, **changes: Any) -> ClientInput:
    return ClientInput(
        fields={**snapshot.fields, **changes},
        tag_names=list(snapshot.tag_names),
        milestones=list(snapshot.milestones),
        loaded_at=snapshot.updated_at,
    )


def test_the_second_window_s_client_save_is_refused_and_the_first_kept(db: object) -> None:
    client = clients.create_client("Acme", phone="123")
    first = load_client_form(client.id)  # two windows open the same client
    second = load_client_form(client.id)
    edit_client(client.id, _client_input(first, phone="456"))
    with pytest.raises(ChangedMeanwhileError) as caught:
        edit_client(client.id, _client_input(second, notes="the second window's note"))
    error = caught.value
    assert isinstance(error, CrmError) and error.code == "record.changed_meanwhile"
    assert error.params["label"] == "Client" and error.params["id"] == client.id
    assert error.params["when"] == Client.get_by_id(client.id).updated_at
    assert "was changed by someone else since you opened it" in error.message
    assert "your changes were not saved: reload to see theirs" in error.message
    stored = Client.get_by_id(client.id)
    assert (stored.phone, stored.notes) == ("456", "")  # the first save stands, nothing of the second


def test_a_save_after_reloading_goes_through_and_each_save_is_a_new_version(db: object) -> None:
    client = clients.create_client("Acme")
    versions = set()
    for note in ("one", "two", "three"):  # the clock does not move between these saves
        snapshot = load_client_form(client.id)
        versions.add(str(snapshot.updated_at))
        edit_client(client.id, _client_input(snapshot, notes=note))
    assert Client.get_by_id(client.id).notes == "three"
    assert len(versions) == 3
    stale = replace(load_client_form(client.id), updated_at=min(versions))
    with pytest.raises(ChangedMeanwhileError):
        edit_client(client.id, _client_input(stale, notes="late"))
    assert Client.get_by_id(client.id).notes == "three"


def test_an_edit_from_another_service_also_counts_as_a_change(db: object) -> None:
    client = clients.create_client("Acme")
    snapshot = load_client_form(client.id)
    clients.update_client(client.id, industry="Steel")  # e.g. a bulk edit from the list
    with pytest.raises(ChangedMeanwhileError):
        edit_client(client.id, _client_input(snapshot, notes="mine"))


def test_without_a_loaded_version_nothing_is_checked_and_a_deleted_record_says_deleted(db: object) -> None:
    client = clients.create_client("Acme")
    snapshot = load_client_form(client.id)
    clients.update_client(client.id, industry="Steel")
    edit_client(client.id, replace(_client_input(snapshot, notes="forced"), loaded_at=None))
    assert Client.get_by_id(client.id).notes == "forced"
    snapshot = load_client_form(client.id)
    clients.delete_client(client.id)
    with pytest.raises(NotFoundError) as caught:
        edit_client(client.id, _client_input(snapshot, notes="too late"))
    assert caught.value.code == "record.deleted"


def test_the_second_contact_save_is_refused(db: object) -> None:
    client = clients.create_client("Acme")
    contact = stakeholders.create_contact(client.id, "Li Lei", title="CTO")
    loaded = Contact.get_by_id(contact.id).updated_at  # both dialogs load the same version
    save_contact(
        client.id, contact.id, ContactInput(fields={"name": "Li Lei", "title": "CEO"}, loaded_at=loaded)
    )
    with pytest.raises(ChangedMeanwhileError) as caught:
        save_contact(
            client.id, contact.id, ContactInput(fields={"name": "Li Lei", "title": "CFO"}, loaded_at=loaded)
        )
    assert caught.value.params["label"] == "Contact"
    assert Contact.get_by_id(contact.id).title == "CEO"


def test_the_second_opportunity_save_is_refused(db: object) -> None:
    client = clients.create_client("Acme")
    opp = deals.create_opportunity(client.id, "Big deal", expected_amount_cents=100_00)
    loaded = Opportunity.get_by_id(opp.id).updated_at

    def data(amount: int) -> OpportunityInput:
        return OpportunityInput(
            client_id=client.id,
            name="Big deal",
            owner_id=None,
            stage=opp.stage,
            probability=opp.probability,
            expected_amount_cents=amount,
            expected_close_date=None,
            loaded_at=loaded,
        )

    save_opportunity(opp.id, data(200_00))
    with pytest.raises(ChangedMeanwhileError) as caught:
        save_opportunity(opp.id, data(300_00))
    assert caught.value.params["label"] == "Opportunity"
    assert Opportunity.get_by_id(opp.id).expected_amount_cents == 200_00
