"""Backups of a team database: pg_dump's archive when pg_dump is there, the JSON dump otherwise."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from desktop_crm import cli
from desktop_crm.dump import dump_database
from desktop_crm.engine import is_postgres
from desktop_crm.services.clients import create_client


@pytest.fixture
def team(db: Any) -> Any:
    if not is_postgres(db):
        pytest.skip("about team databases: runs in the --engine postgresql pass")
    create_client(name="上海备份测试有限公司")
    return db


def _dump(db: Any) -> str:
    out = io.StringIO()
    dump_database(db, out)
    return out.getvalue()


@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="needs PostgreSQL's pg_dump")
def test_backup_with_pg_dump_restores_to_the_same_data(
    team: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "team.dump"
    assert cli.main(["backup", "--db", team.crm_url, str(target)]) == 0
    said = capsys.readouterr().out
    assert "with pg_dump" in said and str(target) in said
    # restored into a new database, it dumps exactly like the original
    base, _, name = team.crm_url.rpartition("/")
    restored = name + "_restored"
    admin = f"{base}/postgres"
    subprocess.run(["psql", admin, "-qc", f'CREATE DATABASE "{restored}"'], check=True)
    try:
        subprocess.run(
            ["pg_restore", "--no-owner", "--dbname", f"{base}/{restored}", str(target)], check=True
        )
        from desktop_crm.postgres import TeamDatabase

        other = TeamDatabase(f"{base}/{restored}")
        try:
            assert _dump(other) == _dump(team)
        finally:
            other.close()
    finally:
        subprocess.run(["psql", admin, "-qc", f'DROP DATABASE "{restored}" WITH (FORCE)'], check=False)


def test_backup_without_pg_dump_writes_the_json_dump_and_says_so(
    team: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_which = shutil.which
    monkeypatch.setattr(
        shutil, "which", lambda name, *a, **k: None if name == "pg_dump" else real_which(name)
    )
    expected = _dump(team)
    assert cli.main(["backup", "--db", team.crm_url]) == 0
    said = capsys.readouterr().out
    assert "pg_dump not found" in said
    written = Path(said.split(" to ", 1)[1].split(" (", 1)[0])
    assert written.suffix == ".json" and json.loads(written.read_text(encoding="utf-8"))["tables"]["client"]
    assert written.read_text(encoding="utf-8") == expected
