"""``desktop-crm backup`` and ``desktop-crm restore`` killed with SIGKILL midway: the database and every
older backup stay intact, and no half-written backup is ever listed."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_crm.backup import backup_folder, create_backup, list_backups
from desktop_crm.db import close_database, open_database
from desktop_crm.driver import sqlite3

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

BALLAST_ROWS = 25_000  # ~100 MB: copying it takes long enough to be killed midway


def _make_large(path: Path, rows: int = BALLAST_ROWS) -> None:
    open_database(path)
    close_database()
    conn = sqlite3.connect(path)
    text = "备份" * 1500
    conn.executemany(
        "INSERT INTO setting (uuid, created_at, updated_at, key, value) VALUES (?, '2026-01-01', '2026-01-01', ?, ?)",
        ((f"u{i}", f"ballast.{i}", f"{text}{i}") for i in range(rows)),
    )
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _facts(path: Path) -> tuple[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0], conn.execute(
            "SELECT count(*) FROM setting"
        ).fetchone()[0]
    finally:
        conn.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _start(db: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop_crm.cli", "--db", str(db), *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _kill_when(process: subprocess.Popen[bytes], folder: Path, min_size: int = 4 << 20) -> bool:
    """SIGKILL ``process`` as soon as a temporary copy in ``folder`` holds ``min_size`` bytes; True if
    it was killed midway (it had not finished)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        for entry in folder.glob(".*.tmp") if folder.is_dir() else ():
            try:
                big_enough = entry.stat().st_size >= min_size
            except FileNotFoundError:
                continue
            if big_enough:
                os.kill(process.pid, signal.SIGKILL)
                process.wait(30)
                return process.returncode == -signal.SIGKILL
        time.sleep(0.002)
    process.wait(30)
    return False


def _assert_backups_sound(db: Path, older: dict[Path, str]) -> None:
    for path, digest in older.items():
        assert _digest(path) == digest, f"{path.name} changed"
    for info in list_backups(db):
        assert _facts(info.path)[0] == "ok", f"{info.path.name} is listed but not whole"


def test_backup_killed_midway_leaves_the_database_and_older_backups_intact(tmp_path: Path) -> None:
    db = tmp_path / "crm.sqlite3"
    _make_large(db)
    first = create_backup(db, tag="manual")
    expected = _facts(db)
    older = {first.path: _digest(first.path)}
    db_digest = _digest(db)
    killed = 0
    for _attempt in range(3):
        process = _start(db, "backup")
        killed += _kill_when(process, backup_folder(db))
        assert _facts(db) == expected
        assert _digest(db) == db_digest
        _assert_backups_sound(db, older)
        assert [i.path for i in list_backups(db)] == [first.path]
    assert killed == 3, "the backup finished before it could be killed: make the file larger"
    # A backup to a chosen file that already holds an older backup: killed midway, that file is untouched.
    chosen = tmp_path / "out" / "mine.sqlite3"
    chosen.parent.mkdir()
    create_backup(db, chosen)
    chosen_digest = _digest(chosen)
    assert _kill_when(_start(db, "backup", str(chosen)), chosen.parent)
    assert _digest(chosen) == chosen_digest and _facts(chosen) == expected
    # The next backup clears what the killed ones left and completes.
    done = subprocess.run(
        [sys.executable, "-m", "desktop_crm.cli", "--db", str(db), "backup"], capture_output=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert [p.name for p in backup_folder(db).iterdir() if p.name.startswith(".")] == []
    # Both kept (their order depends on the clocks: this process may run with a moved clock, the CLI not).
    assert sorted(i.kind for i in list_backups(db)) == ["daily", "manual"]


def test_restore_killed_midway_leaves_a_whole_database_and_older_backups_intact(tmp_path: Path) -> None:
    db = tmp_path / "crm.sqlite3"
    _make_large(db)
    source = tmp_path / "saved.sqlite3"
    _make_large(source, BALLAST_ROWS - 1000)  # a different, sound database to restore
    restored_facts = _facts(source)
    first = create_backup(db, tag="manual")
    current_facts = _facts(db)
    older = {first.path: _digest(first.path), source: _digest(source)}
    phases = [db.parent, backup_folder(db)]  # copying the backup in; keeping the current file
    killed = 0
    for folder in phases:
        process = _start(db, "restore", str(source), "--yes")
        killed += _kill_when(process, folder)
        assert _facts(db) == current_facts  # killed before the replace: the old file, whole
        _assert_backups_sound(db, older)
    assert killed == len(phases), "the restore finished before it could be killed: make the file larger"
    # Killed at any later moment: the old file or the restored one, whole.
    for delay in (0.4, 1.2):
        process = _start(db, "restore", str(source), "--yes")
        time.sleep(delay)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait(60)
        assert _facts(db) in (current_facts, restored_facts)
        _assert_backups_sound(db, older)
    done = subprocess.run(
        [sys.executable, "-m", "desktop_crm.cli", "--db", str(db), "restore", str(source), "--yes"],
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert _facts(db) == restored_facts
    _assert_backups_sound(db, older)
