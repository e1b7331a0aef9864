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


def _attach(tmp_path: Path, data: bytes) -> Any:
    from desktop_crm.models import Client
    from desktop_crm.services.attachments import add_attachment

    path = tmp_path / "in" / "合同扫描.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return add_attachment("client", Client.get().id, path)


def test_the_json_backup_keeps_the_attachments_bytes_beside_it_and_load_takes_them(
    team: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop_crm import attachments as store

    data = b"%PDF-1.4 the signed contract"
    row = _attach(tmp_path, data)
    real_which = shutil.which
    monkeypatch.setattr(
        shutil, "which", lambda name, *a, **k: None if name == "pg_dump" else real_which(name)
    )
    target = tmp_path / "backups" / "team.json"
    assert cli.main(["backup", "--db", team.crm_url, str(target)]) == 0
    said = capsys.readouterr().out
    beside = tmp_path / "backups" / "team.json.files"
    assert f"the attachments' files (1) are in {beside}" in said
    assert store.blob_path(beside, row.sha256).read_bytes() == data
    # the backup made into a file again: its attachments open from the file's own store
    restored = tmp_path / "restored.sqlite3"
    assert cli.main(["load", str(target), "--db", str(restored)]) == 0
    assert "attachment files: 1 of 1 taken from" in capsys.readouterr().out
    assert store.blob_path(store.store_for_database(restored), row.sha256).read_bytes() == data


@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="needs PostgreSQL's pg_dump")
def test_the_pg_dump_backup_holds_the_attachments_bytes(
    team: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = b"ID3 a recording in the archive"
    _attach(tmp_path, data)
    target = tmp_path / "team.dump"
    assert cli.main(["backup", "--db", team.crm_url, str(target)]) == 0
    assert "the attachments' files are in the archive" in capsys.readouterr().out
    listed = subprocess.run(["pg_restore", "--list", str(target)], capture_output=True, text=True, check=True)
    assert "TABLE DATA public attachment_blob_part" in listed.stdout
    data_only = subprocess.run(
        ["pg_restore", "--data-only", "--table", "attachment_blob_part", "--file", "-", str(target)],
        capture_output=True,
        check=True,
    )
    assert data.hex().encode() in data_only.stdout  # COPY writes bytea as \\x<hex>
