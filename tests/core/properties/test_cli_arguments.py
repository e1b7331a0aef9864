"""Command-line arguments that are not UTF-8 reach Python as lone surrogates; each command that looks a
person up by name answers with one sentence (exit 2), never an unexpected error."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

from desktop_crm.cli import main
from desktop_crm.db import close_database, open_database
from desktop_crm.services.users import create_user

from .fuzz import texts

COMMANDS = [
    ["kpi", "--user"],
    ["weekly", "--week", "2026-W10", "--user"],
    ["goals", "--user"],
]


@pytest.fixture
def team_file(tmp_path: Path) -> Path:
    path = tmp_path / "crm.sqlite3"
    open_database(path)
    create_user("Li Lei")
    close_database()
    return path


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_an_undecodable_name_is_no_user(
    team_file: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(team_file), *command, "Li\udcffLei"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("desktop-crm: no user named") and "unexpected" not in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@settings(max_examples=5)  # each example runs a whole command
@given(name=texts.filter(lambda t: t.strip() and t.strip() != "Li Lei" and not t.startswith("-")))
def test_any_name_is_answered_in_one_sentence(
    team_file: Path, command: list[str], name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", str(team_file), *command, name])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "unexpected" not in err and "Traceback" not in err
