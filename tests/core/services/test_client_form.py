"""The client editor's use cases: load, save (all or nothing), edit with before/after, restore fields."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_crm.errors import NotFoundError, ValidationError
from desktop_crm.models import Client, ClientMilestone
from desktop_crm.services import clients, custom_fields
from desktop_crm.services.client_form import (
    ClientInput,
    MilestoneInput,
    edit_client,
    load_client_form,
    needs_duplicate_check,
    restore_client_fields,
    save_client,
)
from desktop_crm.services.users import create_user


@pytest.fixture
def client_id(db: object) -> int:
    region = custom_fields.define_custom_field("Region code", "text")
    data = ClientInput(
        fields={"name": "Acme", "phone": "010-1234", "grade": "B", "notes": "first"},
        tag_names=["VIP"],
        custom_values={region.id: "N1"},
        milestones=[MilestoneInput(None, "Pilot", date(2026, 3, 1), None)],
    )
    return save_client(None, data)


def test_save_creates_everything_in_one_go(client_id: int) -> None:
    form = load_client_form(client_id)
    assert form.fields["name"] == "Acme" and form.fields["phone"] == "010-1234"
    assert form.tag_names == ["VIP"]
    assert form.custom_values == {"Region code": "N1"}
    assert [(m.title, m.due_date) for m in form.milestones] == [("Pilot", date(2026, 3, 1))]


def test_a_refused_milestone_saves_nothing(client_id: int) -> None:
    form = load_client_form(client_id)
    data = ClientInput(
        fields={"name": "Acme renamed"},
        tag_names=["VIP"],
        milestones=[MilestoneInput(form.milestones[0].id, "", None, None)],
    )
    with pytest.raises(ValidationError) as caught:
        save_client(client_id, data)
    assert caught.value.field == "milestone:0:title" and caught.value.code == "required"
    assert Client.get_by_id(client_id).name == "Acme"


def test_a_refused_custom_value_names_its_input(client_id: int) -> None:
    amount = custom_fields.define_custom_field("Budget", "number")
    data = ClientInput(fields={"name": "Acme"}, custom_values={amount.id: "lots"})
    with pytest.raises(ValidationError) as caught:
        save_client(client_id, data)
    assert caught.value.field == f"custom:{amount.id}"


def test_edit_then_restore_puts_every_field_back(client_id: int) -> None:
    owner = create_user("Wang Fang")
    before = load_client_form(client_id)
    region = custom_fields.list_custom_fields()[0]
    budget = custom_fields.define_custom_field("Budget", "number")
    data = ClientInput(
        fields={
            "name": "Acme Ltd",
            "phone": "021-999",
            "grade": "A",
            "notes": "second",
            "owner_id": owner.id,
            "expected_amount_cents": 870_000,
            "expected_sign_date": date(2026, 6, 30),
        },
        tag_names=["Key account"],
        custom_values={region.id: None, budget.id: 12},
        milestones=[MilestoneInput(None, "Contract", None, None)],
        removed_milestone_ids=[before.milestones[0].id or 0],
    )
    edit = edit_client(client_id, data)
    assert edit.before == before
    assert edit.after.fields["name"] == "Acme Ltd" and edit.after.tag_names == ["Key account"]
    assert edit.after.custom_values == {"Budget": 12}
    restore_client_fields(client_id, edit.before)
    again = load_client_form(client_id)
    assert again.fields == before.fields
    assert again.tag_names == before.tag_names and again.custom_values == before.custom_values
    assert [(m.title, m.due_date, m.done_date) for m in again.milestones] == [
        (m.title, m.due_date, m.done_date) for m in before.milestones
    ]
    restore_client_fields(client_id, edit.after)  # redo
    assert load_client_form(client_id).fields == edit.after.fields
    assert [m.title for m in ClientMilestone.select().where(ClientMilestone.client == client_id)] == [
        "Contract"
    ]


def test_restore_of_a_deleted_client_is_refused(client_id: int) -> None:
    before = load_client_form(client_id)
    clients.delete_client(client_id)
    with pytest.raises(NotFoundError):
        restore_client_fields(client_id, before)


def test_duplicate_check_only_for_new_or_changed_name_or_phone(client_id: int) -> None:
    loaded = load_client_form(client_id)
    assert needs_duplicate_check(None, "Acme", "")
    assert not needs_duplicate_check(loaded, " acme ", "010-1234")
    assert needs_duplicate_check(loaded, "Acme", "010-9999")
