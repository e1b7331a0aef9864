"""No traceback reaches a user of the command line: every command, given a file that is not a database
or no file at all, prints one sentence on stderr and exits with 2; so does an unexpected bug."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_crm import cli
from desktop_crm.cli import main

ROOT = Path(__file__).resolve().parents[2]


def commands(tmp: Path) -> dict[str, list[str]]:
    """Every command that reads the database, with arguments it accepts."""
    return {
        "users": ["users"],
        "users --json": ["users", "--json"],
        "goals": ["goals"],
        "weekly": ["weekly", "--user", "王磊", "--week", "2026-W48"],
        "kpi": ["kpi"],
        "kpi --by-person": ["kpi", "--by-person"],
        "report": ["report", "--from", "2026-01-01", "--to", "2026-02-01", "--out", str(tmp / "pack.pdf")],
        "dump": ["dump"],
        "dump --output": ["dump", "--output", str(tmp / "dump.json")],
        "check": ["check"],
        "backup": ["backup", str(tmp / "copy.sqlite3")],
    }


def not_a_database(tmp: Path) -> Path:
    path = tmp / "letter.sqlite3"
    path.write_bytes(b"Dear customer,\n" + os.urandom(5000))
    return path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().err


@pytest.mark.parametrize("name", list(commands(Path("/tmp"))))
def test_a_file_that_is_not_a_database(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = not_a_database(tmp_path)
    before = path.read_bytes()
    code, err = run(["--db", str(path), *commands(tmp_path)[name]], capsys)
    assert code == 2, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert err.startswith("desktop-crm: ") and str(path) in err
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", list(commands(Path("/tmp"))))
def test_a_missing_file(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nowhere.sqlite3"
    code, err = run(["--db", str(path), *commands(tmp_path)[name]], capsys)
    assert code == 2, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert f"no database at {path}" in err and not path.exists()


def test_demo_into_a_file_that_is_not_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = not_a_database(tmp_path)
    before = path.read_bytes()
    code, err = run(["--db", str(path), "demo"], capsys)
    assert code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert path.read_bytes() == before


def test_restore_from_a_missing_file_and_a_non_database(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for source in (tmp_path / "none.sqlite3", not_a_database(tmp_path)):
        code, err = run(["--db", str(db_path), "restore", str(source), "--yes"], capsys)
        assert code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1, err


def test_an_unexpected_bug_is_one_sentence_and_the_traceback_goes_to_the_log(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(_args: object) -> int:
        raise ValueError("an internal mistake\nwith a second line")

    monkeypatch.setitem(cli.COMMANDS, "users", broken)
    code, err = run(["--db", str(db_path), "users"], capsys)
    assert code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "unexpected error (ValueError: an internal mistake)" in err
    log = Path(os.environ["DESKTOP_CRM_HOME"]) / "desktop-crm.log"
    assert str(log) in err
    assert "Traceback" in log.read_text(encoding="utf-8") and "def broken" not in err


def test_the_installed_command_prints_no_traceback(tmp_path: Path) -> None:
    """The real entry point, in its own process (what a user's terminal shows)."""
    path = not_a_database(tmp_path)
    for args in (["users"], ["kpi", "--json"]):
        done = subprocess.run(
            [sys.executable, "-m", "desktop_crm.cli", "--db", str(path), *args],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert done.returncode == 2 and "Traceback" not in done.stderr
        assert done.stderr.count("\n") == 1 and done.stdout == ""
