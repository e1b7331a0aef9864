"""Clients: validation, round-trips, soft delete, duplicates, tags, milestones, bulk edits, atomicity."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_crm.errors import NotFoundError, ValidationError
from desktop_crm.models import Client, ClientMilestone, ClientTag, CustomFieldValue, Tag
from desktop_crm.services import clients as svc
from desktop_crm.services import custom_fields
from desktop_crm.services.clients import (
    add_milestone,
    bulk_update_clients,
    create_client,
    delete_client,
    delete_milestone,
    find_duplicate_clients,
    get_client_tags,
    list_deleted_clients,
    restore_client,
    set_client_tags,
    update_client,
    update_milestone,
)
from desktop_crm.services.users import create_user, deactivate_user


def tag_names(client: Client) -> list[str]:
    return [t.name for t in get_client_tags(client)]


def test_create_client_with_every_field_round_trips(db: object) -> None:
    owner = create_user("Owner")
    client = create_client(
        "  Acme 有限公司  ",
        owner_id=owner.id,
        tag_names=["VIP", "制造业"],
        short_name="Acme",
        status="prospect",
        value_verdict="valuable",
        grade="A",
        expected_sign_date="2025-06-30",
        expected_amount_cents=12_345_600,
        source="referral",
        industry="machinery",
        region="华东",
        phone="+86 21 5555 0101",
        address="上海市 1 号",
        website="https://acme.example",
        notes="line 1\nline 2",
    )
    stored = Client.get_by_id(client.id)
    assert stored.name == "Acme 有限公司"
    assert (stored.status, stored.value_verdict, stored.grade) == ("prospect", "valuable", "A")
    assert stored.expected_sign_date == date(2025, 6, 30)
    assert stored.expected_amount_cents == 12_345_600
    assert stored.owner.id == owner.id
    assert (stored.region, stored.address, stored.notes) == ("华东", "上海市 1 号", "line 1\nline 2")
    assert tag_names(stored) == ["VIP", "制造业"]


@pytest.mark.parametrize("name", ["", "   ", "\u3000\t", None])
def test_name_is_required(db: object, name: object) -> None:
    with pytest.raises(ValidationError, match="Name is required") as info:
        create_client(name)  # type: ignore[arg-type]
    assert info.value.field == "name"
    assert Client.select().count() == 0


def test_lengths_follow_the_model(db: object) -> None:
    create_client("n" * 200, short_name="s" * 100, phone="1" * 50)
    for field, length in [("name", 201), ("short_name", 101), ("phone", 51), ("address", 301)]:
        kwargs = {"name": "ok", field: "x" * length}
        with pytest.raises(ValidationError, match="too long") as info:
            create_client(**kwargs)
        assert info.value.field == field


@pytest.mark.parametrize(
    ("field", "value"),
    [("status", "won"), ("value_verdict", "maybe"), ("grade", "D"), ("grade", "a"), ("status", None)],
)
def test_enums_are_checked(db: object, field: str, value: object) -> None:
    with pytest.raises(ValidationError, match="unknown value") as info:
        create_client("Acme", **{field: value})
    assert info.value.field == field


@pytest.mark.parametrize("amount", [-1, 10**15 + 1, 10**30, 1.5, "100", True])
def test_bad_amounts_are_refused(db: object, amount: object) -> None:
    with pytest.raises(ValidationError) as info:
        create_client("Acme", expected_amount_cents=amount)
    assert info.value.field == "expected_amount_cents"


def test_largest_amount_is_accepted(db: object) -> None:
    client = create_client("Acme", expected_amount_cents=10**15)
    assert Client.get_by_id(client.id).expected_amount_cents == 10**15


@pytest.mark.parametrize("day", ["1899-12-31", date(2101, 1, 1), "2024-02-30", "tomorrow"])
def test_bad_sign_dates_are_refused(db: object, day: object) -> None:
    with pytest.raises(ValidationError) as info:
        create_client("Acme", expected_sign_date=day)
    assert info.value.field == "expected_sign_date"


def test_boundary_sign_dates_are_accepted(db: object) -> None:
    assert create_client("A", expected_sign_date="1900-01-01").expected_sign_date == date(1900, 1, 1)
    assert create_client("B", expected_sign_date=date(2100, 12, 31)).expected_sign_date == date(2100, 12, 31)


def test_note_lengths(db: object) -> None:
    client = create_client("Acme", notes="字" * 10_000)
    assert len(Client.get_by_id(client.id).notes) == 10_000
    with pytest.raises(ValidationError, match="too long") as info:
        update_client(client, notes="x" * 200_001)
    assert info.value.field == "notes"
    assert len(Client.get_by_id(client.id).notes) == 10_000


def test_emoji_chinese_english_round_trip(db: object) -> None:
    name = "🚀 星辰科技 Stellar Tech 👩‍💻"
    client = create_client(name, notes="Café ☕ 会议 ✅")
    stored = Client.get_by_id(client.id)
    assert stored.name == name
    assert stored.notes == "Café ☕ 会议 ✅"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# Control characters (NUL, escape...) and lone surrogates are refused: see tests/core/properties.
@given(
    name=st.text(st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=200).filter(str.strip)
)
def test_any_accepted_name_round_trips_after_strip(db: object, name: str) -> None:
    try:
        client = create_client(name)
    except ValidationError:
        pytest.fail(f"a non-blank name of at most 200 characters was refused: {name!r}")
    assert Client.get_by_id(client.id).name == name.strip()


def test_owner_must_exist_and_be_active(db: object) -> None:
    with pytest.raises(ValidationError, match="does not exist") as info:
        create_client("Acme", owner_id=999)
    assert info.value.field == "owner_id"
    gone = create_user("Gone")
    client = create_client("Acme", owner_id=gone)
    deactivate_user(gone)
    with pytest.raises(ValidationError, match="inactive"):
        create_client("Other", owner_id=gone.id)
    # editing a client that already belongs to an inactive user keeps working
    assert update_client(client, owner_id=gone.id, grade="C").grade == "C"


def test_update_rejects_unknown_fields_and_keeps_record(db: object) -> None:
    client = create_client("Acme")
    with pytest.raises(ValidationError, match="Unknown client field: 'colour'") as info:
        update_client(client.id, grade="A", colour="red")
    assert info.value.field == "colour"
    assert Client.get_by_id(client.id).grade == "B"
    with pytest.raises(ValidationError, match="Unknown client field"):
        create_client("Other", deleted_at="2020-01-01")


def test_update_validates_like_create(db: object) -> None:
    client = create_client("Acme")
    with pytest.raises(ValidationError):
        update_client(client, name="   ")
    with pytest.raises(ValidationError):
        update_client(client, expected_amount_cents=-5)
    updated = update_client(client, name=" New name ", expected_amount_cents=None, owner_id=None)
    assert (updated.name, updated.expected_amount_cents, updated.owner) == ("New name", 0, None)


def test_soft_delete_and_restore(db: object) -> None:
    keep = create_client("Keep")
    client = create_client("Acme")
    deleted = delete_client(client.id)
    assert deleted.deleted_at is not None
    assert Client.get_by_id(client.id).is_deleted  # the row is still there
    assert [c.id for c in Client.alive()] == [keep.id]
    assert [c.id for c in list_deleted_clients()] == [client.id]
    with pytest.raises(NotFoundError, match="deleted"):
        update_client(client, name="x")
    with pytest.raises(NotFoundError):
        delete_client(client)
    restore_client(client)
    assert Client.get_by_id(client.id).deleted_at is None
    assert list_deleted_clients() == []
    assert update_client(client, name="Back").name == "Back"


def test_duplicates_by_name_ignore_case_and_spaces(db: object) -> None:
    acme = create_client("Acme Trading Co")
    create_client("Other")
    # creation does not refuse duplicates
    twin = create_client("ACME  trading co")
    found = find_duplicate_clients("  acme tradingco ")
    assert [c.id for c in found] == [acme.id, twin.id]
    assert [c.id for c in find_duplicate_clients("Acme Trading Co", exclude_id=twin.id)] == [acme.id]
    assert find_duplicate_clients("Acme") == []


def test_duplicates_by_phone_with_different_formatting(db: object) -> None:
    mobile = create_client("Alpha", phone="138-0013-8000")
    land = create_client("Beta", phone="(021) 5555 0101")
    create_client("Gamma", phone="")
    assert [c.id for c in find_duplicate_clients("New", phone="138 0013 8000")] == [mobile.id]
    assert [c.id for c in find_duplicate_clients("New", phone="+86 13800138000")] == [mobile.id]
    assert [c.id for c in find_duplicate_clients("New", phone="021-55550101")] == [land.id]
    assert find_duplicate_clients("New", phone="138 0013 8001") == []
    assert find_duplicate_clients("New", phone="") == []
    assert find_duplicate_clients("New", phone="8000") == []  # too short to be a suffix match


def test_duplicates_skip_deleted_clients(db: object) -> None:
    client = create_client("Acme", phone="12345678")
    delete_client(client)
    assert find_duplicate_clients("acme", phone="12345678") == []


def test_set_client_tags_creates_and_replaces(db: object) -> None:
    client = create_client("Acme", tag_names=["VIP", "Old"])
    other = create_client("Other", tag_names=["vip"])  # matches the existing tag, case-insensitively
    assert tag_names(other) == ["VIP"]
    set_client_tags(client, ["  New ", "VIP", "new", ""])
    assert tag_names(client) == ["New", "VIP"]
    assert Tag.select().count() == 3  # "Old" still exists as a tag, just unused
    set_client_tags(client.id, [])
    assert tag_names(client) == []
    with pytest.raises(ValidationError):
        set_client_tags(client, "VIP")  # a bare string is not a list of names
    with pytest.raises(ValidationError, match="too long"):
        set_client_tags(client, ["t" * 101])


def test_milestones(db: object) -> None:
    client = create_client("Acme")
    first = add_milestone(client, "Demo", due_date="2025-03-01")
    second = add_milestone(client.id, "Contract signed")
    assert (first.position, second.position) == (0, 1)
    update_milestone(first, done_date=date(2025, 3, 2), title=" Demo done ")
    stored = ClientMilestone.get_by_id(first.id)
    assert (stored.title, stored.done_date) == ("Demo done", date(2025, 3, 2))
    with pytest.raises(ValidationError):
        add_milestone(client, "  ")
    with pytest.raises(ValidationError):
        update_milestone(first, due_date="1800-01-01")
    with pytest.raises(ValidationError, match="Unknown milestone field"):
        update_milestone(first, owner="x")
    delete_milestone(second.id)
    assert [m.id for m in client.milestones] == [first.id]
    delete_client(client)
    with pytest.raises(NotFoundError):
        add_milestone(client, "Late")
    with pytest.raises(NotFoundError):
        update_milestone(first, title="x")


def test_bulk_update(db: object) -> None:
    old = create_user("Old")
    new = create_user("New")
    a = create_client("A", owner_id=old, grade="C")
    b = create_client("B", owner_id=old, tag_names=["Hot"])
    c = create_client("C", owner_id=old)
    bulk_update_clients([a.id, b], owner_id=new.id, grade="A", add_tag="Hot")
    assert [(x.owner_id, x.grade) for x in Client.select().order_by(Client.id)] == [
        (new.id, "A"),
        (new.id, "A"),
        (old.id, "B"),
    ]
    assert tag_names(a) == ["Hot"] and tag_names(b) == ["Hot"] and tag_names(c) == []
    bulk_update_clients([c], grade="A")
    assert Client.get_by_id(c.id).owner_id == old.id  # owner left alone when not given
    bulk_update_clients([c], owner_id=None)
    assert Client.get_by_id(c.id).owner_id is None


def test_bulk_update_is_all_or_nothing(db: object) -> None:
    a = create_client("A")
    b = create_client("B")
    delete_client(b)
    with pytest.raises(NotFoundError):
        bulk_update_clients([a.id, b.id], grade="A", add_tag="Hot")
    with pytest.raises(ValidationError):
        bulk_update_clients([a.id], grade="Z", add_tag="Hot")
    assert Client.get_by_id(a.id).grade == "B"
    assert Tag.select().count() == 0


def test_failed_create_with_invalid_custom_value_leaves_nothing(db: object) -> None:
    custom_fields.define_custom_field("Employees", "number")
    with pytest.raises(ValidationError, match="Employees must be a number"):
        create_client("Acme", tag_names=["Brand new tag"], custom_values={"Employees": "many"})
    assert Client.select().count() == 0
    assert Tag.select().count() == 0
    assert CustomFieldValue.select().count() == 0


def test_transaction_rolls_back_a_failure_after_writes(db: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """Even a failure after the client and tags were written leaves nothing behind."""
    custom_fields.define_custom_field("Employees", "number")

    def broken_store(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(svc, "store_custom_values", broken_store)
    with pytest.raises(RuntimeError):
        create_client("Acme", tag_names=["Brand new tag"], custom_values={"Employees": 5})
    assert Client.select().count() == 0
    assert Tag.select().count() == 0
    assert ClientTag.select().count() == 0
