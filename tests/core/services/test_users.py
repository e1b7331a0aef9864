"""Users: unique names, roles, supervisors, no reporting cycles, deactivation."""

from __future__ import annotations

import pytest

from desktop_crm.errors import NotFoundError, ValidationError
from desktop_crm.models import User
from desktop_crm.services.users import create_user, deactivate_user, list_users, update_user
from desktop_crm.team import switch_user


def test_create_user_strips_and_stores_fields(db: object) -> None:
    user = create_user("  王伟 Wang  ", email="wang@example.com", phone="138 0013 8000")
    stored = User.get_by_id(user.id)
    assert (stored.name, stored.role, stored.email, stored.phone) == (
        "王伟 Wang",
        "salesperson",
        "wang@example.com",
        "138 0013 8000",
    )
    assert stored.active is True
    assert stored.supervisor is None


@pytest.mark.parametrize("name", ["", "   ", "\t\n", None])
def test_name_is_required(db: object, name: object) -> None:
    with pytest.raises(ValidationError) as info:
        create_user(name)  # type: ignore[arg-type]
    assert info.value.field == "name"
    assert User.select().count() == 0


def test_name_too_long_is_refused(db: object) -> None:
    create_user("x" * 100)
    with pytest.raises(ValidationError, match="too long"):
        create_user("y" * 101)


def test_duplicate_name_is_refused_ignoring_case_and_spaces(db: object) -> None:
    create_user("Alice")
    with pytest.raises(ValidationError, match="already exists") as info:
        create_user(" alice ")
    assert info.value.field == "name"
    assert User.select().count() == 1


def test_rename_to_own_name_is_allowed_but_not_to_another(db: object) -> None:
    alice = create_user("Alice")
    create_user("Bob")
    assert update_user(alice.id, name="ALICE").name == "ALICE"
    with pytest.raises(ValidationError, match="already exists"):
        update_user(alice, name="bob")
    assert User.get_by_id(alice.id).name == "ALICE"


def test_role_must_be_known(db: object) -> None:
    with pytest.raises(ValidationError, match="Role") as info:
        create_user("Carol", role="boss")
    assert info.value.field == "role"
    assert create_user("Carol", role="supervisor").role == "supervisor"


def test_invalid_email_is_refused(db: object) -> None:
    with pytest.raises(ValidationError) as info:
        create_user("Dan", email="not an address")
    assert info.value.field == "email"


def test_supervisor_must_exist_and_be_a_supervisor(db: object) -> None:
    seller = create_user("Seller")
    with pytest.raises(ValidationError, match="not a supervisor") as info:
        create_user("Other", supervisor_id=seller.id)
    assert info.value.field == "supervisor_id"
    with pytest.raises(ValidationError, match="does not exist"):
        create_user("Other", supervisor_id=9999)
    boss = create_user("Boss", role="supervisor")
    other = create_user("Other", supervisor_id=boss)
    assert other.supervisor.id == boss.id


def test_reporting_cycles_are_refused(db: object) -> None:
    top = create_user("Top", role="supervisor")
    middle = create_user("Middle", role="supervisor", supervisor_id=top.id)
    low = create_user("Low", role="supervisor", supervisor_id=middle.id)
    with pytest.raises(ValidationError, match="cannot report to themselves"):
        update_user(top, supervisor_id=low.id)
    with pytest.raises(ValidationError, match="cannot report to themselves"):
        update_user(top, supervisor_id=top.id)
    assert User.get_by_id(top.id).supervisor is None
    # clearing the supervisor is always allowed
    assert update_user(low, supervisor_id=None).supervisor is None


def test_supervisor_with_reports_cannot_become_salesperson(db: object) -> None:
    boss = create_user("Boss", role="supervisor")
    seller = create_user("Seller", supervisor_id=boss.id)
    with pytest.raises(ValidationError, match="reporting to them"):
        update_user(boss, role="salesperson")
    update_user(seller, supervisor_id=None)
    assert update_user(boss, role="salesperson").role == "salesperson"


def test_update_rejects_unknown_fields(db: object) -> None:
    user = create_user("Eve")
    with pytest.raises(ValidationError, match="Unknown user field") as info:
        update_user(user, nickname="E")
    assert info.value.field == "nickname"


def test_update_missing_user(db: object) -> None:
    with pytest.raises(NotFoundError):
        update_user(12345, name="x")


def test_deactivate_and_list(db: object) -> None:
    bob = create_user("Bob")
    alice = create_user("Alice")
    switch_user(alice.id)  # the person working cannot be deactivated (tests/core/test_team.py)
    deactivate_user(bob.id)
    assert [u.name for u in list_users()] == ["Alice"]
    assert [u.name for u in list_users(active_only=False)] == ["Alice", "Bob"]
    update_user(bob, active=True)
    assert [u.id for u in list_users()] == [alice.id, bob.id]
    with pytest.raises(ValidationError):
        update_user(bob, active="yes")
