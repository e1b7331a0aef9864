"""The command line: dump, check, errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_crm.cli import main
from desktop_crm.db import close_database, open_database
from desktop_crm.models import Client, Contact, Contract, User


def _small_db(path: Path) -> None:
    open_database(path)
    owner = User.create(name="王磊")
    client = Client.create(name="苏州恒达机械有限公司", owner=owner, expected_amount_cents=500_00)
    Contact.create(client=client, name="李娜", role="approver", stance="ally")
    Contract.create(client=client, amount_cents=1_200_00, signed_on="2025-03-04")
    close_database()


def test_dump_is_complete_stable_json(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _small_db(db_path)
    assert main(["--db", str(db_path), "dump"]) == 0
    first = capsys.readouterr().out
    data = json.loads(first)
    assert data["format"] == "desktop-crm-dump"
    tables = data["tables"]
    assert list(tables)[:3] == ["user", "setting", "client"]
    assert tables["client"][0]["name"] == "苏州恒达机械有限公司"
    assert tables["contract"][0]["amount_cents"] == 120000
    assert tables["contact"][0]["stance"] == "ally"
    assert tables["follow_up"] == []
    assert main(["--db", str(db_path), "dump"]) == 0
    assert capsys.readouterr().out == first


def test_dump_to_file(db_path: Path, tmp_path: Path) -> None:
    _small_db(db_path)
    out = tmp_path / "dump.json"
    assert main(["dump", "--db", str(db_path), "--output", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["tables"]["user"][0]["name"] == "王磊"


def test_check_reports_ok_and_domain_problems(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _small_db(db_path)
    assert main(["--db", str(db_path), "check"]) == 0
    assert capsys.readouterr().out.strip() == "ok"
    db = open_database(db_path)
    db.execute_sql("UPDATE contract SET amount_cents = -5")
    close_database()
    assert main(["--db", str(db_path), "check"]) == 1
    assert "negative money amounts" in capsys.readouterr().out


def test_missing_database_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "nope.db"), "dump"]) == 2
    err = capsys.readouterr().err
    assert "no database at" in err and "Traceback" not in err


def test_bad_arguments_exit_non_zero_without_traceback(db_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop_crm.cli", "--db", str(db_path), "kpi", "--from", "2025-13-01"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "not a date" in result.stderr
    assert "Traceback" not in result.stderr


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("desktop-crm ")
