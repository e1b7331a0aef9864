"""Encryption at rest, seen from outside the real program: a new encrypted database filled with demo data,
every page of the window opened on it, a backup made, then every file the application wrote (the database,
its WAL and backups, the data folder with the log, the settings and caches) searched byte by byte for the
names of the clients and contacts in clear. The attachments' own files and the exports (a dump, written
elsewhere) are the documented exceptions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_crm import encryption

pytestmark = pytest.mark.skipif(not encryption.available(), reason="SQLCipher is not installed")


def _run(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DESKTOP_CRM_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join(sys.path),
    }
    return subprocess.run(
        [sys.executable, "-m", "ui", *args], env=env, capture_output=True, text=True, timeout=300
    )


def _written_files(*folders: Path) -> list[Path]:
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            in_attachment_store = any(part.endswith(".files") for part in path.parts) or (
                path.parent.parent.name == "files" and path.parent.parent.parent.name == "backups"
            )  # the attachments' own files (the live store, the backups' store): not encrypted
            if path.is_file() and not in_attachment_store:
                found.append(path)
    return found


def test_no_file_the_program_writes_holds_a_client_name_in_clear(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = tmp_path / "data" / "crm.sqlite3"
    secret = tmp_path / "pass.txt"
    secret.write_text("correct horse battery\n", encoding="utf-8")
    given = ["--db", str(db), "--passphrase-file", str(secret)]

    for step in (["demo"], ["--self-test"], ["backup"], ["check"]):
        done = _run([*given, *step], home)
        assert done.returncode == 0, (step, done.stdout, done.stderr)
    dump_file = tmp_path / "exports" / "dump.json"
    dump_file.parent.mkdir()
    dumped = _run([*given, "dump", "--output", str(dump_file)], home)
    assert dumped.returncode == 0, dumped.stderr
    tables = json.loads(dump_file.read_text(encoding="utf-8"))["tables"]
    names = {row["name"] for row in tables["client"]} | {row["name"] for row in tables["contact"]}
    needles = [n.encode("utf-8") for n in names if len(n) >= 4]
    assert len(needles) > 100  # the demo's clients and contacts

    written = _written_files(db.parent, home)
    assert db in written and any(p.parent.name == "backups" for p in written)
    assert any(p.name == "desktop-crm.log" for p in written) or any(p.suffix == ".ini" for p in written)
    leaks = [str(p) for p in written if any(n in p.read_bytes() for n in needles)]
    assert leaks == []
    # the scan finds what is there: the export (not encrypted, as the window warns) holds the names
    assert any(n in dump_file.read_bytes() for n in needles)
