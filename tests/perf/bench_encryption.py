"""Encryption at rest at the size of a real team's history (a script, not collected by pytest).

    .venv/bin/desktop-crm --db /tmp/large.sqlite3 demo --size large        # once
    .venv/bin/python tests/perf/bench_encryption.py --db /tmp/large.sqlite3 [--work /tmp/bench-enc]

Works on a copy of the file in ``--work`` (never on ``--db`` itself). Prints, each beside a floor
measured in the same run:

- encrypting the whole file (export, check, replace, old bytes overwritten) beside copying its bytes;
- unlocking (the key derivation, once per file and session) beside opening the plain file;
- ``open_database`` of the encrypted file (key known) beside the plain one;
- the queries the window runs most (the client list's order, a 3-character Chinese search, follow-ups
  per month, the open next steps), each on a fresh connection (page cache cold, as after a page
  switch: every page read is decrypted), encrypted beside plain;
- the size of the encrypted file beside the plain one.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_crm import encryption, encryption_convert  # noqa: E402
from desktop_crm.driver import connect, forget_key  # noqa: E402

PASSPHRASE = "benchmark passphrase"
QUERIES = {
    "client list order": "SELECT id FROM client WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id",
    "search 有限公": "SELECT rowid FROM client_fts WHERE client_fts MATCH '\"有限公\"'",
    "follow-ups per month": "SELECT substr(happened_at, 1, 7), count(*) FROM follow_up GROUP BY 1",
    "open next steps": "SELECT count(*) FROM next_step WHERE done = 0",
}


def _seconds(fn: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _median(fn: Callable[[], Any], runs: int = 5) -> float:
    return statistics.median(_seconds(fn) for _ in range(runs))


def _query(path: Path, sql: str) -> None:
    conn = connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        conn.execute(sql).fetchall()
    finally:
        conn.close()


def _open_plain(path: Path) -> None:
    conn = connect(path)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()


def _open_database(path: Path) -> None:
    from desktop_crm.db import close_database, open_database

    open_database(path)
    close_database()


def _row(label: str, value: float, floor: float, unit: str = "ms") -> None:
    scale = 1000.0 if unit == "ms" else 1.0
    ratio = value / floor if floor else float("inf")
    print(f"  {label:<34} {value * scale:>10.1f} {unit}   floor {floor * scale:>10.1f} {unit}   ×{ratio:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-encryption"))
    args = parser.parse_args()
    if not encryption.available():
        print("SQLCipher is not installed: nothing to measure")
        return 1
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    plain = args.work / "plain.sqlite3"
    secret = args.work / "encrypted" / "crm.sqlite3"
    secret.parent.mkdir()
    copy_time = _seconds(lambda: shutil.copyfile(args.db, plain))
    shutil.copyfile(plain, secret)
    print(f"encryption at rest on {args.db} ({plain.stat().st_size / 1e6:,.0f} MB)")
    encrypt_time = _seconds(lambda: encryption_convert.encrypt_file(secret, PASSPHRASE))
    _row("encrypt the whole file", encrypt_time, copy_time, "s")

    def unlock() -> None:
        forget_key(secret)
        encryption.unlock(secret, PASSPHRASE)

    _row("unlock (key derivation)", _median(unlock), _median(lambda: _open_plain(plain)))
    _row("open_database", _median(lambda: _open_database(secret)), _median(lambda: _open_database(plain)))
    for label, sql in QUERIES.items():
        _query(plain, sql)  # the operating system's cache warm for both
        _query(secret, sql)
        _row(label, _median(lambda sql=sql: _query(secret, sql)), _median(lambda sql=sql: _query(plain, sql)))
    _row("file size (MB)", secret.stat().st_size / 1e6, plain.stat().st_size / 1e6, "MB")
    shutil.rmtree(args.work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
