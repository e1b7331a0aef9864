"""``desktop-crm users``: the team with role and reports-to, as JSON or an aligned table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_crm import team
from desktop_crm.cli import main
from desktop_crm.db import close_database, open_database
from desktop_crm.services.users import create_user, deactivate_user, set_pin

KEYS = ["id", "name", "role", "reports_to", "active", "email", "phone", "has_pin"]


def _team_db(path: Path) -> None:
    open_database(path)
    boss = create_user("陈主管", role="supervisor", email="chen@example.com")
    create_user("王晓明", supervisor_id=boss.id, phone="138 0000 0000")
    old = create_user("Alice")
    team.switch_user(boss.id)
    set_pin(boss.id, "9876")
    deactivate_user(old.id)
    close_database()


def test_users_json_has_the_documented_keys(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _team_db(db_path)
    assert main(["--db", str(db_path), "users", "--json"]) == 0
    users = json.loads(capsys.readouterr().out)
    assert [list(u) for u in users] == [KEYS] * 3
    by_name = {u["name"]: u for u in users}
    assert [u["name"] for u in users] == ["Alice", "王晓明", "陈主管"]  # sorted by name
    assert by_name["王晓明"]["reports_to"] == "陈主管" and by_name["王晓明"]["role"] == "salesperson"
    assert by_name["王晓明"]["phone"] == "138 0000 0000" and by_name["王晓明"]["has_pin"] is False
    boss = by_name["陈主管"]
    assert (boss["role"], boss["reports_to"], boss["has_pin"], boss["active"]) == (
        "supervisor",
        None,
        True,
        True,
    )
    assert by_name["Alice"]["active"] is False
    assert all(isinstance(u["id"], int) for u in users)
    assert "9876" not in json.dumps(users)


def test_users_table_is_aligned(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _team_db(db_path)
    assert main(["users", "--db", str(db_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["name", "role", "reports"]
    assert len(lines) == 4
    # the role column starts at the same terminal column on every line (Chinese takes two columns)
    import unicodedata

    def col(line: str, word: str) -> int:
        prefix = line[: line.index(word)]
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in prefix)

    assert {
        col(line, word)
        for line, word in zip(lines, ["role", "salesperson", "salesperson", "supervisor"], strict=True)
    } == {col(lines[0], "role")}
    assert "陈主管" in lines[2] and "yes" in lines[3]


def test_users_on_an_empty_database(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_database(db_path)
    close_database()
    assert main(["--db", str(db_path), "users", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--db", str(db_path), "users"]) == 0
    assert "no users yet" in capsys.readouterr().out
