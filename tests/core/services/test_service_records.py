"""Service records and complaints: opening with a due time from the type's target, the statuses and their
refusals, bad input refused at its field with nothing saved, the editable type list, the read models."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop_crm import clock as app_clock
from desktop_crm.errors import NotFoundError, ValidationError
from desktop_crm.models import Client, Contact, Contract, User
from desktop_crm.models.service import ServiceRecord
from desktop_crm.service_read import (
    client_service_records,
    service_agenda,
    service_record_row,
    week_service_items,
)
from desktop_crm.services import service_records as svc


@pytest.fixture
def client_id(db: object) -> int:
    owner = User.create(name="王磊").id
    return Client.create(name="杭州云帆科技有限公司", owner=owner).id


def _now() -> datetime:
    return app_clock.now().replace(microsecond=0)


def test_opening_sets_the_due_time_from_the_types_target(client_id: int) -> None:
    record = svc.create_service_record(client_id, "complaint", "设备异响", severity="high")
    assert record.status == "open" and record.severity == "high"
    assert record.due_at == (record.created_at + timedelta(hours=24)).replace(second=0)
    maintenance = svc.create_service_record(client_id, "maintenance", "季度保养")
    assert maintenance.due_at == (maintenance.created_at + timedelta(hours=72)).replace(second=0)
    chosen = _now() + timedelta(days=10)
    later = svc.create_service_record(client_id, "training", "操作培训", due_at=chosen)
    assert later.due_at == chosen.replace(second=0)


def test_a_due_time_before_opening_is_refused_at_its_field_and_nothing_is_saved(client_id: int) -> None:
    with pytest.raises(ValidationError) as info:
        svc.create_service_record(client_id, "complaint", "x", due_at=_now() - timedelta(hours=1))
    assert info.value.code == "service.due_before_creation" and info.value.field == "due_at"
    assert ServiceRecord.select().count() == 0
    record = svc.create_service_record(client_id, "complaint", "x")
    with pytest.raises(ValidationError) as info:
        svc.update_service_record(record.id, due_at=record.created_at - timedelta(days=1), title="changed")
    assert info.value.field == "due_at"
    assert ServiceRecord.get_by_id(record.id).title == "x"


def test_the_status_flow_and_its_refusals(client_id: int, clock: app_clock.FrozenClock) -> None:
    record = svc.create_service_record(client_id, "complaint", "发票错误")
    with pytest.raises(ValidationError) as info:
        svc.change_service_status(record.id, "confirmed", satisfaction=5)
    assert info.value.code == "service.confirm_needs_resolved"
    with pytest.raises(ValidationError) as info:
        svc.change_service_status(record.id, "reopened")
    assert info.value.code == "service.reopen_needs_resolved"
    svc.change_service_status(record.id, "in_progress")
    with pytest.raises(ValidationError) as info:
        svc.change_service_status(record.id, "in_progress")
    assert info.value.code == "service.already_status"
    with pytest.raises(ValidationError) as info:
        svc.change_service_status(record.id, "open")
    assert info.value.code == "service.bad_transition"
    # resolving needs a resolution text
    with pytest.raises(ValidationError) as info:
        svc.change_service_status(record.id, "resolved", resolution="   ")
    assert (info.value.code, info.value.field) == ("service.resolution_required", "resolution")
    assert ServiceRecord.get_by_id(record.id).status == "in_progress"
    clock.advance(days=1)
    resolved = svc.resolve_service_record(record.id, "重开发票并上门致歉")
    assert resolved.status == "resolved" and resolved.resolved_at == _now()
    # reopening clears the resolution date; resolving again keeps the text when none is given
    reopened = svc.change_service_status(record.id, "reopened")
    assert reopened.resolved_at is None and reopened.resolution == "重开发票并上门致歉"
    svc.change_service_status(record.id, "resolved")
    with pytest.raises(ValidationError) as info:
        svc.change_service_status(record.id, "confirmed")
    assert info.value.code == "service.satisfaction_required"
    with pytest.raises(ValidationError) as info:
        svc.change_service_status(record.id, "confirmed", satisfaction=6)
    assert info.value.field == "satisfaction"
    confirmed = svc.change_service_status(record.id, "confirmed", satisfaction=5)
    assert confirmed.satisfaction == 5 and confirmed.confirmed_at is not None
    with pytest.raises(ValidationError) as info:
        svc.change_service_status(record.id, "reopened")
    assert info.value.code == "service.confirmed_final"
    # a resolved record keeps a resolution: it cannot be emptied
    with pytest.raises(ValidationError) as info:
        svc.update_service_record(record.id, resolution="")
    assert info.value.code == "service.resolution_required"


def test_bad_input_is_refused_at_its_field(client_id: int) -> None:
    other = Client.create(name="other")
    contact = Contact.create(client=other, name="李娜")
    contract = Contract.create(client=other, signed_on="2025-01-01", amount_cents=100, title="框架合同")
    cases = [
        ({"kind": "nonsense"}, "kind"),
        ({"kind": ""}, "kind"),
        ({"title": "  "}, "title"),
        ({"severity": "huge"}, "severity"),
        ({"contact_id": contact.id}, "contact_id"),
        ({"contract_id": contract.id}, "contract_id"),
        ({"due_at": "not a time"}, "due_at"),
        ({"description": "a\x00b"}, "description"),
    ]
    for change, field in cases:
        values = {"kind": "complaint", "title": "ok", **change}
        with pytest.raises(ValidationError) as info:
            svc.create_service_record(client_id, **values)
        assert info.value.field == field, change
    with pytest.raises(NotFoundError):
        svc.create_service_record(999, "complaint", "x")
    Client.update(deleted_at=_now()).where(Client.id == client_id).execute()
    with pytest.raises(ValidationError) as info:
        svc.create_service_record(client_id, "complaint", "x")
    assert info.value.code == "client.deleted"
    assert ServiceRecord.select().count() == 0


def test_links_to_a_contact_and_a_contract_of_the_client(client_id: int) -> None:
    contact = Contact.create(client=client_id, name="张伟")
    contract = Contract.create(client=client_id, signed_on="2025-01-01", amount_cents=100, title="框架合同")
    record = svc.create_service_record(
        client_id, "installation", "安装", contact_id=contact.id, contract_id=contract.id
    )
    row = service_record_row(record.id)
    assert row is not None and (row.contact_name, row.contract_title) == ("张伟", "框架合同")
    svc.update_service_record(record.id, contact_id=None)
    assert service_record_row(record.id).contact_id is None  # type: ignore[union-attr]


def test_delete_and_restore(client_id: int) -> None:
    record = svc.create_service_record(client_id, "complaint", "x")
    svc.delete_service_record(record.id)
    assert client_service_records(client_id) == []
    with pytest.raises(NotFoundError):
        svc.change_service_status(record.id, "in_progress")
    svc.restore_service_record(record.id)
    assert [r.id for r in client_service_records(client_id)] == [record.id]


def test_the_type_list_is_editable(client_id: int) -> None:
    keys = [t.key for t in svc.service_types()]
    assert keys == ["installation", "training", "maintenance", "complaint", "suggestion", "praise"]
    current = [
        {"key": t.key, "response_hours": t.response_hours, "active": t.active} for t in svc.service_types()
    ]
    current[2]["response_hours"] = 48  # maintenance: 2 days
    current[5]["active"] = False  # praise no longer offered
    saved = svc.save_service_types([*current, {"name": "远程支持", "response_hours": 4}])
    custom = saved[-1]
    assert (custom.key, custom.name, custom.response_hours) == ("custom_1", "远程支持", 4)
    assert svc.service_type("maintenance").response_hours == 48  # type: ignore[union-attr]
    record = svc.create_service_record(client_id, custom.key, "远程排障")
    assert record.due_at == (record.created_at + timedelta(hours=4)).replace(second=0)
    with pytest.raises(ValidationError) as info:
        svc.create_service_record(client_id, "praise", "x")
    assert info.value.code == "service.type_off"
    # refusals: complaints always on, a used type cannot be removed, names are unique, hours in range
    bad = [
        ([{"key": "complaint", "response_hours": 24, "active": False}], "service.complaint_always_on"),
        ([{"key": "installation", "response_hours": 24}], "service.type_in_use"),
        ([{"key": "custom_1", "name": "A", "response_hours": 4}, {"name": "a", "response_hours": 4}],
         "service.type_name_taken"),
        ([{"key": "custom_1", "name": "A", "response_hours": 0}], "out_of_range"),
        ([{"key": "custom_1", "name": "", "response_hours": 4}], "required"),
        ([{"key": "nonsense", "response_hours": 4}], "service.unknown_type"),
    ]  # fmt: skip
    for types, code in bad:
        with pytest.raises(ValidationError) as info:
            svc.save_service_types(types)
        assert info.value.code == code, types
    assert svc.service_type("custom_1").name == "远程支持"  # type: ignore[union-attr]
    # an unused business type can be removed
    svc.delete_service_record(record.id)
    ServiceRecord.delete().execute()
    kept = svc.save_service_types([{"key": "praise", "response_hours": 168, "active": True}])
    assert [t.key for t in kept] == keys


def test_today_lists_open_complaints_and_items_coming_due(client_id: int) -> None:
    now = _now()
    owner = Client.get_by_id(client_id).owner_id
    other = Client.create(name="other client", owner=User.create(name="李娜")).id
    complaint = svc.create_service_record(client_id, "complaint", "c", due_at=now + timedelta(days=30))
    soon = svc.create_service_record(client_id, "maintenance", "soon", due_at=now + timedelta(days=2))
    svc.create_service_record(client_id, "maintenance", "far", due_at=now + timedelta(days=20))
    done = svc.create_service_record(client_id, "complaint", "done")
    svc.resolve_service_record(done.id, "ok")
    theirs = svc.create_service_record(other, "complaint", "theirs")
    assert [r.id for r in service_agenda(now, owner)] == [soon.id, complaint.id]
    assert {r.id for r in service_agenda(now, None)} == {soon.id, complaint.id, theirs.id}


def test_the_weeks_new_and_resolved_items(client_id: int, clock: app_clock.FrozenClock) -> None:
    owner = Client.get_by_id(client_id).owner_id
    clock.set(datetime(2026, 3, 2, 9, 0))  # a Monday
    old = svc.create_service_record(client_id, "complaint", "old", now=datetime(2026, 2, 20, 9, 0))
    svc.resolve_service_record(old.id, "fixed", now=datetime(2026, 3, 3, 9, 0))
    new = svc.create_service_record(client_id, "training", "new", now=datetime(2026, 3, 8, 23, 0))
    svc.create_service_record(client_id, "training", "next week", now=datetime(2026, 3, 9, 0, 0))
    items = week_service_items(owner, datetime(2026, 3, 2).date(), datetime(2026, 3, 9).date())
    assert [r.id for r in items] == [old.id, new.id]


def test_the_weekly_form_gathers_the_weeks_service_items(
    client_id: int, clock: app_clock.FrozenClock
) -> None:
    from desktop_crm.weekly_form import form_to_json, weekly_form_view

    owner = Client.get_by_id(client_id).owner_id
    clock.set(datetime(2026, 3, 4, 9, 0))  # Wednesday of ISO week 2026-W10
    old = svc.create_service_record(client_id, "complaint", "投诉旧单", now=datetime(2026, 2, 24, 9, 0))
    svc.resolve_service_record(old.id, "已处理", now=datetime(2026, 3, 2, 10, 0))
    svc.create_service_record(client_id, "installation", "安装新设备", now=datetime(2026, 3, 3, 9, 0))
    view = weekly_form_view(owner, 2026, 10)
    assert [r.title for r in view.service_items] == ["投诉旧单", "安装新设备"]
    assert view.last_week is not None and [r.title for r in view.last_week.service_items] == ["投诉旧单"]
    data = form_to_json(view)
    assert [(s["title"], s["new"], s["resolved"]) for s in data["service"]] == [
        ("投诉旧单", False, True),
        ("安装新设备", True, False),
    ]
    assert (data["facts"]["complaints_opened"], data["facts"]["complaints_resolved"]) == (0, 1)
