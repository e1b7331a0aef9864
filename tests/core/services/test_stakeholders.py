"""Contacts as stakeholders: validation, stance history, reporting lines, deal roles, soft delete."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_crm.errors import NotFoundError, ValidationError
from desktop_crm.models import Contact, Opportunity, OpportunityContact, StanceChange, now
from desktop_crm.services.clients import create_client, delete_client, restore_client
from desktop_crm.services.stakeholders import (
    change_stance,
    create_contact,
    delete_contact,
    list_contacts,
    opportunity_roles,
    restore_contact,
    set_opportunity_role,
    set_reports_to,
    stance_history,
    update_contact,
)
from desktop_crm.services.users import create_user


@pytest.fixture
def client(db: object) -> object:
    return create_client("Acme")


def history(contact: object) -> list[tuple[str | None, str, str]]:
    return [(h.old_stance, h.new_stance, h.reason) for h in stance_history(contact)]


def test_create_contact_with_every_field(client: object) -> None:
    contact = create_contact(
        client,
        " 张伟 Zhang ",
        title="CTO",
        department="技术部",
        phone="139 0000 0000",
        email="zhang@acme.example",
        wechat="zw_acme",
        role="evaluator",
        stance="supporter",
        influence="high",
        tenure="since 2019",
        interests="稳定 and uptime 🙂",
        notes="met at fair",
    )
    stored = Contact.get_by_id(contact.id)
    assert stored.name == "张伟 Zhang"
    assert (stored.role, stored.stance, stored.influence) == ("evaluator", "supporter", "high")
    assert (stored.department, stored.interests) == ("技术部", "稳定 and uptime 🙂")
    assert stored.client.id == client.id  # type: ignore[attr-defined]


def test_defaults_and_empty_role(client: object) -> None:
    contact = create_contact(client, "Li", role="")
    assert (contact.role, contact.stance, contact.influence) == (None, "neutral", "medium")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "   "),
        ("name", "n" * 101),
        ("role", "boss"),
        ("stance", "friend"),
        ("stance", None),
        ("influence", "huge"),
        ("email", "zhang@"),
        ("title", "t" * 101),
        ("notes", "x" * 100_001),
        ("favourite_colour", "red"),
    ],
)
def test_invalid_fields_are_refused(client: object, field: str, value: object) -> None:
    fields = {"name": "Li", field: value}
    with pytest.raises(ValidationError) as info:
        create_contact(client, **fields)
    assert info.value.field == field
    assert Contact.select().count() == 0
    assert StanceChange.select().count() == 0


def test_initial_stance_is_the_first_history_entry(client: object) -> None:
    contact = create_contact(client, "Li", stance="opponent")
    [first] = stance_history(contact.id)
    assert (first.old_stance, first.new_stance, first.changed_on) == (None, "opponent", now().date())


def test_stance_history_grows_with_each_change(client: object) -> None:
    boss = create_user("Boss", role="supervisor")
    contact = create_contact(client, "Li")
    today = now().date()
    change_stance(
        contact, "supporter", reason="liked the demo", changed_on=today.isoformat(), changed_by=boss
    )
    update_contact(contact.id, stance="ally", stance_reason="won the pilot", title="VP")
    change_stance(contact, "ally", reason="no change")  # same stance: nothing recorded
    update_contact(contact, title="SVP")  # no stance change: nothing recorded
    assert history(contact) == [
        (None, "neutral", ""),
        ("neutral", "supporter", "liked the demo"),
        ("supporter", "ally", "won the pilot"),
    ]
    entries = stance_history(contact)
    assert entries[1].changed_on == today
    assert entries[1].changed_by.id == boss.id
    assert Contact.get_by_id(contact.id).stance == "ally"


def test_history_is_oldest_first_even_when_backdated(client: object) -> None:
    contact = create_contact(client, "Li")
    change_stance(contact, "opponent", changed_on="2020-05-01")
    assert stance_history(contact)[0].changed_on == date(2020, 5, 1)
    assert [h.new_stance for h in stance_history(contact)] == ["opponent", "neutral"]


def test_change_stance_validation(client: object) -> None:
    contact = create_contact(client, "Li")
    with pytest.raises(ValidationError) as info:
        change_stance(contact, "enemy")
    assert info.value.field == "stance"
    with pytest.raises(ValidationError) as info:
        change_stance(contact, "ally", changed_on="1899-01-01")
    assert info.value.field == "changed_on"
    with pytest.raises(ValidationError) as info:
        change_stance(contact, "ally", changed_by=404)
    assert info.value.field == "changed_by"
    with pytest.raises(ValidationError):
        update_contact(contact, stance="ally", name="")
    assert Contact.get_by_id(contact.id).stance == "neutral"
    assert len(stance_history(contact)) == 1


def test_reports_to_same_client_no_self_no_cycle(client: object) -> None:
    ceo = create_contact(client, "CEO")
    cto = create_contact(client, "CTO", reports_to_id=ceo.id)
    engineer = create_contact(client, "Engineer")
    set_reports_to(engineer, cto)
    assert Contact.get_by_id(engineer.id).reports_to.id == cto.id
    with pytest.raises(ValidationError, match="cannot report to themselves"):
        set_reports_to(ceo, engineer.id)
    with pytest.raises(ValidationError, match="cannot report to themselves"):
        set_reports_to(ceo, ceo)
    with pytest.raises(ValidationError, match="cannot report to themselves"):
        update_contact(ceo, reports_to_id=cto.id)
    outsider = create_contact(create_client("Other Co"), "Outsider")
    with pytest.raises(ValidationError, match="another client") as info:
        set_reports_to(engineer, outsider)
    assert info.value.field == "reports_to_id"
    assert Contact.get_by_id(ceo.id).reports_to is None
    assert set_reports_to(engineer, None).reports_to is None


def test_soft_delete_and_restore_contact(client: object) -> None:
    keep = create_contact(client, "Keep")
    gone = create_contact(client, "Gone")
    delete_contact(gone.id)
    assert [c.id for c in list_contacts(client)] == [keep.id]
    assert {c.id for c in list_contacts(client, include_deleted=True)} == {keep.id, gone.id}
    with pytest.raises(NotFoundError, match="deleted"):
        update_contact(gone, title="x")
    with pytest.raises(ValidationError, match="does not exist|deleted"):
        set_reports_to(keep, gone)
    restore_contact(gone)
    assert Contact.get_by_id(gone.id).deleted_at is None
    assert update_contact(gone, title="Back").title == "Back"


def test_contacts_of_a_deleted_client_are_frozen(client: object) -> None:
    contact = create_contact(client, "Li")
    delete_client(client)
    with pytest.raises(NotFoundError, match="'Acme' has been deleted"):
        create_contact(client, "New")
    with pytest.raises(NotFoundError, match="has been deleted"):
        update_contact(contact, title="x")
    with pytest.raises(NotFoundError, match="has been deleted"):
        change_stance(contact, "ally")
    assert Contact.select().count() == 1
    assert len(stance_history(contact)) == 1
    restore_client(client)
    assert update_contact(contact, title="ok").title == "ok"
    with pytest.raises(NotFoundError):
        create_contact(999, "Nobody")


def test_opportunity_roles_differ_per_deal(client: object) -> None:
    contact = create_contact(client, "Li", role="user")
    deal_a = Opportunity.create(client=client, name="Deal A")
    deal_b = Opportunity.create(client=client, name="Deal B")
    set_opportunity_role(deal_a, contact, "decision_maker")
    link = set_opportunity_role(deal_b.id, contact.id, "evaluator")
    assert link is not None and link.role == "evaluator"
    assert opportunity_roles(deal_a) == {contact.id: "decision_maker"}
    assert opportunity_roles(deal_b) == {contact.id: "evaluator"}
    set_opportunity_role(deal_a, contact, "approver")  # changing the role keeps one link
    assert OpportunityContact.select().where(OpportunityContact.opportunity == deal_a.id).count() == 1
    assert opportunity_roles(deal_a) == {contact.id: "approver"}
    assert Contact.get_by_id(contact.id).role == "user"  # the role at the client is untouched
    assert set_opportunity_role(deal_a, contact, None) is None
    assert opportunity_roles(deal_a) == {}


def test_opportunity_role_validation(client: object) -> None:
    contact = create_contact(client, "Li")
    other_deal = Opportunity.create(client=create_client("Other"), name="Elsewhere")
    with pytest.raises(ValidationError, match="another client"):
        set_opportunity_role(other_deal, contact, "user")
    deal = Opportunity.create(client=client, name="Deal")
    with pytest.raises(ValidationError) as info:
        set_opportunity_role(deal, contact, "king")
    assert info.value.field == "role"
    with pytest.raises(NotFoundError):
        set_opportunity_role(999, contact, "user")
    assert OpportunityContact.select().count() == 0
