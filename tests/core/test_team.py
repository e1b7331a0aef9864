"""The team: PINs (hashed, never in clear), who is working, switching, visibility, deactivation rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_crm import team
from desktop_crm.errors import NotFoundError, ValidationError
from desktop_crm.models import Setting, User, database
from desktop_crm.services.users import (
    clear_pin,
    create_user,
    deactivate_user,
    reactivate_user,
    set_pin,
    update_user,
    verify_pin,
)


@pytest.fixture
def crew(db: object) -> dict[str, User]:
    """Boss ← (Mia, Sub ← (Leo)); Zoe reports to nobody."""
    boss = create_user("Boss", role="supervisor")
    sub = create_user("Sub", role="supervisor", supervisor_id=boss.id)
    mia = create_user("Mia", supervisor_id=boss.id)
    leo = create_user("Leo", supervisor_id=sub.id)
    zoe = create_user("Zoe")
    return {"boss": boss, "sub": sub, "mia": mia, "leo": leo, "zoe": zoe}


def _stored(user: User) -> str:
    return str(User.get_by_id(user.id).pin_hash)


# --- PINs -------------------------------------------------------------------------------------------
def test_pin_is_stored_as_salted_scrypt_hash_never_in_clear(crew: dict[str, User], db_path: Path) -> None:
    boss, mia = crew["boss"], crew["mia"]
    team.switch_user(boss.id)
    set_pin(boss.id, "482915")
    set_pin(mia.id, "482915")
    stored = _stored(boss)
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(digest)) == 32
    assert _stored(mia) != stored  # a fresh salt per hash
    assert "482915" not in stored
    from desktop_crm.db import close_database

    close_database()
    raw = b"".join(p.read_bytes() for p in db_path.parent.glob(db_path.name + "*"))
    assert b"482915" not in raw and "482915".encode("utf-16-le") not in raw


def test_pin_dump_holds_no_clear_pin(
    crew: dict[str, User], db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop_crm.cli import main
    from desktop_crm.db import close_database

    team.switch_user(crew["boss"].id)
    set_pin(crew["boss"].id, "73519")
    target = getattr(database.obj, "crm_url", None) or str(db_path)  # the file, or the team database
    close_database()
    assert main(["--db", target, "dump"]) == 0
    out = capsys.readouterr().out
    assert "73519" not in out and "scrypt$16384$8$1$" in out


def test_verify_pin(crew: dict[str, User]) -> None:
    boss = crew["boss"]
    assert verify_pin(boss.id, "1234") is False  # no PIN yet
    team.switch_user(boss.id)
    set_pin(boss.id, "1234")
    assert verify_pin(boss.id, "1234") is True
    assert verify_pin(boss.id, "12345") is False
    assert verify_pin(boss.id, "") is False
    assert verify_pin(boss.id, 1234) is False
    with pytest.raises(NotFoundError):
        verify_pin(999, "1234")


@pytest.mark.parametrize("pin", ["123", "1234567890123", "12a4", " 1234", "１２３４", "", None, 1234, 12.5])
def test_bad_pins_are_refused_at_the_field(crew: dict[str, User], pin: object) -> None:
    mia = crew["mia"]
    team.switch_user(mia.id)
    with pytest.raises(ValidationError) as info:
        set_pin(mia.id, pin)
    assert info.value.field == "pin"
    assert _stored(mia) == ""


def test_wrong_user_types_are_validation_errors(crew: dict[str, User]) -> None:
    for bad in ("1", 1.0, True, None, [1]):
        with pytest.raises(ValidationError) as info:
            team.switch_user(bad)
        assert info.value.field == "user_id"
        with pytest.raises(ValidationError):
            set_pin(bad, "1234")
        with pytest.raises(ValidationError):
            deactivate_user(bad)


def test_only_the_user_or_a_supervisor_or_the_old_pin_changes_a_pin(crew: dict[str, User]) -> None:
    boss, mia, zoe = crew["boss"], crew["mia"], crew["zoe"]
    team.switch_user(zoe.id)
    with pytest.raises(ValidationError, match="Switch to Mia") as info:
        set_pin(mia.id, "1111")  # a colleague cannot lock Mia out
    assert info.value.field == "pin"
    team.switch_user(mia.id)
    set_pin(mia.id, "1111")
    team.switch_user(zoe.id)
    with pytest.raises(ValidationError, match="Wrong PIN") as info:
        clear_pin(mia.id, "9999")
    assert info.value.field == "current_pin"
    with pytest.raises(ValidationError, match="current PIN"):
        clear_pin(mia.id)
    assert verify_pin(mia.id, "1111")
    set_pin(mia.id, "2222", current_pin="1111")  # knows the old PIN
    assert verify_pin(mia.id, "2222") and not verify_pin(mia.id, "1111")
    team.switch_user(boss.id)  # a supervisor resets a forgotten PIN
    clear_pin(mia.id)
    assert _stored(mia) == ""


# --- switching ----------------------------------------------------------------------------------
def test_switch_user_needs_the_pin_of_a_protected_user(crew: dict[str, User]) -> None:
    boss, mia = crew["boss"], crew["mia"]
    team.switch_user(boss.id)
    set_pin(boss.id, "2468")
    team.switch_user(mia.id)
    assert team.current_user_id() == mia.id
    with pytest.raises(ValidationError, match="Enter Boss's PIN") as info:
        team.switch_user(boss.id)
    assert info.value.field == "pin"
    with pytest.raises(ValidationError, match="Wrong PIN") as info:
        team.switch_user(boss.id, "1357")
    assert info.value.field == "pin"
    assert team.current_user_id() == mia.id  # nothing switched
    team.switch_user(boss.id, "2468")
    assert team.current_user_id() == boss.id
    assert Setting.get(Setting.key == team.CURRENT_USER_KEY).value == str(boss.id)
    team.switch_user(boss.id)  # already working: no PIN asked


def test_a_salesperson_with_a_pin_is_protected_too(crew: dict[str, User]) -> None:
    mia, zoe = crew["mia"], crew["zoe"]
    team.switch_user(mia.id)
    set_pin(mia.id, "8642")
    team.switch_user(zoe.id)
    with pytest.raises(ValidationError, match="PIN"):
        team.switch_user(mia.id, "0000")
    assert team.switch_user(mia.id, "8642").id == mia.id


def test_switch_to_inactive_or_missing_user_is_refused(crew: dict[str, User]) -> None:
    deactivate_user(crew["zoe"].id)
    with pytest.raises(ValidationError, match="inactive"):
        team.switch_user(crew["zoe"].id)
    with pytest.raises(NotFoundError):
        team.switch_user(4242)


def test_current_user_falls_back_to_a_salesperson_without_pin(crew: dict[str, User]) -> None:
    mia, leo = crew["mia"], crew["leo"]
    assert team.current_user_id() == mia.id  # no choice stored yet: first salesperson
    team.switch_user(mia.id)
    set_pin(mia.id, "1234")
    Setting.delete().execute()
    assert team.current_user_id() == leo.id  # never lands on a protected user while another exists


def test_working_member_and_team_members(crew: dict[str, User]) -> None:
    team.switch_user(crew["boss"].id)
    set_pin(crew["boss"].id, "5555")
    members = team.team_members()
    assert [m.name for m in members] == ["Boss", "Leo", "Mia", "Sub", "Zoe"]
    leo = next(m for m in members if m.name == "Leo")
    assert (leo.role, leo.reports_to, leo.active, leo.has_pin) == ("salesperson", "Sub", True, False)
    working = team.working_member()
    assert working is not None and working.name == "Boss" and working.has_pin


def test_create_first_user_makes_them_the_working_user(db: object) -> None:
    with pytest.raises(ValidationError) as info:
        team.create_first_user("  ", "supervisor")
    assert info.value.field == "name"
    with pytest.raises(ValidationError) as info:
        team.create_first_user("Ann", "owner")
    assert info.value.field == "role"
    assert User.select().count() == 0 and Setting.select().count() == 0  # nothing half-saved
    ann = team.create_first_user(" Ann ", "supervisor")
    assert (ann.name, ann.role) == ("Ann", "supervisor")
    assert team.current_user_id() == ann.id
    with pytest.raises(ValidationError, match="already has people"):
        team.create_first_user("Bob", "salesperson")


# --- deactivation -------------------------------------------------------------------------------
def test_last_active_supervisor_cannot_be_deactivated_while_there_are_salespeople(db: object) -> None:
    boss = create_user("Boss", role="supervisor")
    seller = create_user("Seller")
    team.switch_user(seller.id)
    with pytest.raises(ValidationError, match="last active supervisor") as info:
        deactivate_user(boss.id)
    assert info.value.field == "active"
    with pytest.raises(ValidationError, match="last active supervisor"):
        update_user(boss.id, active=False)
    assert User.get_by_id(boss.id).active is True
    other = create_user("Other boss", role="supervisor")
    deactivate_user(boss.id)
    assert User.get_by_id(boss.id).active is False
    reactivate_user(boss.id)
    assert User.get_by_id(boss.id).active is True
    deactivate_user(other.id)


def test_the_working_user_cannot_be_deactivated(crew: dict[str, User]) -> None:
    zoe, mia = crew["zoe"], crew["mia"]
    assert team.current_user_id() == mia.id and team.chosen_user_id() is None
    deactivate_user(mia.id)  # nobody chose Mia: the fallback moves on to the next salesperson
    assert team.current_user_id() == crew["leo"].id
    reactivate_user(mia.id)
    team.switch_user(zoe.id)
    with pytest.raises(ValidationError, match="working now") as info:
        deactivate_user(zoe.id)
    assert info.value.field == "active"
    team.switch_user(crew["mia"].id)
    deactivate_user(zoe.id)
    assert team.current_user_id() == crew["mia"].id


def test_a_supervisor_with_reports_cannot_be_deactivated(crew: dict[str, User]) -> None:
    team.switch_user(crew["mia"].id)
    with pytest.raises(ValidationError, match="reporting to them"):
        deactivate_user(crew["sub"].id)
    update_user(crew["leo"].id, supervisor_id=crew["boss"].id)
    deactivate_user(crew["sub"].id)


def test_once_a_supervisor_has_a_pin_only_a_supervisor_changes_the_team(crew: dict[str, User]) -> None:
    boss, mia = crew["boss"], crew["mia"]
    team.switch_user(boss.id)
    set_pin(boss.id, "1234")
    team.switch_user(mia.id)
    for change in ({"role": "supervisor"}, {"supervisor_id": None}):
        with pytest.raises(ValidationError, match="Only a supervisor"):
            update_user(mia.id, **change)
    with pytest.raises(ValidationError, match="Only a supervisor"):
        create_user("New")
    with pytest.raises(ValidationError, match="Only a supervisor"):
        deactivate_user(crew["zoe"].id)
    assert update_user(mia.id, name="Mia Wang", phone="138").name == "Mia Wang"  # her own details
    with pytest.raises(ValidationError, match="Only a supervisor"):
        update_user(crew["zoe"].id, name="Zoe Li")
    assert User.get_by_id(mia.id).role == "salesperson"
    team.switch_user(boss.id, "1234")
    assert update_user(mia.id, role="supervisor").role == "supervisor"


# --- visibility ---------------------------------------------------------------------------------
def test_a_salesperson_sees_only_themselves(crew: dict[str, User]) -> None:
    mia = crew["mia"]
    assert team.visible_user_ids(mia.id) == [mia.id]
    assert team.can_see(mia.id, mia.id)
    assert not team.can_see(mia.id, crew["leo"].id)
    assert not team.can_see(mia.id, crew["boss"].id)
    assert team.can_see(mia.id, None)  # the team's goals


def test_a_supervisor_sees_their_tree_and_the_unassigned(crew: dict[str, User]) -> None:
    c = crew
    # Boss: themselves first, then everyone below (directly or through Sub) and those reporting to nobody.
    assert team.visible_user_ids(c["boss"].id) == [
        c["boss"].id,
        c["leo"].id,
        c["mia"].id,
        c["sub"].id,
        c["zoe"].id,
    ]
    # Sub: themselves, Leo below, and the salespeople reporting to nobody; never their own boss's team.
    assert team.visible_user_ids(c["sub"].id) == [c["sub"].id, c["leo"].id, c["zoe"].id]
    assert not team.can_see(c["sub"].id, c["boss"].id)
    # a peer supervisor reporting to nobody keeps their team to themselves
    peer = create_user("Peer", role="supervisor")
    assert peer.id not in team.visible_user_ids(c["boss"].id)
    assert team.visible_user_ids(peer.id) == [peer.id, c["zoe"].id]
    update_user(c["zoe"].id, supervisor_id=c["boss"].id)
    update_user(c["sub"].id, supervisor_id=c["boss"].id)
    # now everyone hangs below Boss: Sub sees only their own branch
    assert team.visible_user_ids(c["sub"].id) == [c["sub"].id, c["leo"].id]
    assert not team.can_see(c["sub"].id, c["mia"].id)
    assert team.can_see(c["boss"].id, c["leo"].id)


def test_visibility_of_nobody(crew: dict[str, User]) -> None:
    assert team.visible_user_ids(None) == []
    assert team.visible_user_ids(9999) == []
    assert not team.can_see(None, None)
    assert not team.can_see(None, crew["mia"].id)
