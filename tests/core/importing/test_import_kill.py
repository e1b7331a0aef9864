"""An import killed with SIGKILL midway: the file passes ``PRAGMA integrity_check`` and holds either
nothing of the import (``dump`` byte-identical to before) or all of it, never a part."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_crm.db import close_database, open_database
from desktop_crm.driver import sqlite3
from desktop_crm.models import Client, User

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

ROWS = 30_000


def _cli(db: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop_crm.cli", "--db", str(db), *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _dump(db: Path) -> bytes:
    done = subprocess.run(
        [sys.executable, "-m", "desktop_crm.cli", "--db", str(db), "dump"], capture_output=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def test_killed_import_leaves_all_or_nothing(db_path: Path, tmp_path: Path) -> None:
    open_database(db_path)
    User.create(name="王磊")
    Client.create(name="已有客户")
    close_database()
    csv_path = tmp_path / "clients.csv"
    lines = ["客户名称,客户级别,手机,负责人,下次联系时间,联系人"]
    lines += [f"导入客户{i:05d},A（重点客户）,139{i:08d},王磊,2030/3/9 10:00,联系人{i}" for i in range(ROWS)]
    csv_path.write_bytes("\n".join(lines).encode("gbk"))
    before = _dump(db_path)
    outcomes = []
    for delay in (0.4, 1.2, 2.0, 2.8, 3.6):
        process = _cli(db_path, "import", "clients", str(csv_path))
        time.sleep(delay)
        running = process.poll() is None
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        assert _integrity(db_path) == "ok"
        after = _dump(db_path)
        conn = sqlite3.connect(db_path)
        count = conn.execute("SELECT count(*) FROM client").fetchone()[0]
        steps = conn.execute("SELECT count(*) FROM next_step").fetchone()[0]
        conn.close()
        if after == before:
            outcomes.append("nothing")
            continue
        assert (count, steps) == (ROWS + 1, ROWS), "a part of the import was kept"
        outcomes.append("all" if running else "finished")
        break  # imported: a second run would only skip duplicates
    assert "nothing" in outcomes  # at least one kill landed midway
