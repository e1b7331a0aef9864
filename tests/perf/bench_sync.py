"""Offline sync at the size of a real team's history (a script, not collected by pytest).

    .venv/bin/desktop-crm --db /tmp/large.sqlite3 demo --size large        # once
    .venv/bin/python tests/perf/bench_sync.py --db /tmp/large.sqlite3 [--work /tmp/bench-sync]

Works on two copies of the file in ``--work`` (never on ``--db`` itself), each printed beside a floor
measured in the same run:

- the first export of a file (every record, foreign keys as UUIDs, zipped) beside reading every row of
  every synced table with raw ``sqlite3`` (what any export costs at least);
- an export after 50 clients were edited (the daily case) beside ``SELECT 1``;
- importing the first export into the other copy (every record already there: the merge compares
  3 million records) beside the same raw read;
- the write cost of the change-log triggers a synced file carries: 100,000 follow-up updates and 20,000
  inserted next steps in one transaction, rolled back, on a file that syncs beside one that does not.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_crm.driver import sqlite3

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def _seconds(fn: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _raw_read(path: Path) -> None:
    from desktop_crm.sync.tables import synced_tables

    conn = sqlite3.connect(path)
    for table in synced_tables():
        for _row in conn.execute(f'SELECT * FROM "{table.name}"'):
            pass
    conn.close()


def _writes(path: Path) -> tuple[float, float]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    updates = _seconds(
        lambda: conn.execute(
            "UPDATE follow_up SET summary = summary || 'x', updated_at = '2030-01-01 10:00:00' WHERE id <= 100000"
        )
    )
    conn.execute("ROLLBACK")
    conn.execute("BEGIN")
    row = (
        "INSERT INTO next_step (uuid, created_at, updated_at, client_id, bucket, due_at, plan_type, title, done) "
        "VALUES (lower(hex(randomblob(16))), '2030-01-01', '2030-01-01', 1, 'exact', '2030-01-02', 'keep_in_touch', 't', 0)"
    )
    inserts = _seconds(lambda: conn.executemany(row, [()] * 20000))
    conn.execute("ROLLBACK")
    conn.close()
    return updates, inserts


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, required=True, help="the large demo file (only read)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-sync"), help="a folder for the copies")
    args = parser.parse_args()
    from desktop_crm.db import close_database, open_database
    from desktop_crm.models import Client, database
    from desktop_crm.sync.exchange import export_changes, import_changes

    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    first, second = args.work / "a.sqlite3", args.work / "b.sqlite3"
    for copy in (first, second):
        shutil.copyfile(args.db, copy)
    floor_read = _seconds(lambda: _raw_read(first))
    plain_writes = _writes(second)

    open_database(first)
    full = args.work / "full.crmchanges"
    t_full = _seconds(lambda: export_changes(full))
    with database.atomic():
        for client in Client.select().limit(50):
            client.notes = "edited for the benchmark"
            client.save()
    daily = args.work / "daily.crmchanges"
    t_daily = _seconds(lambda: export_changes(daily))
    t_select1 = _seconds(lambda: database.execute_sql("SELECT 1"))
    close_database()
    synced_writes = _writes(first)

    open_database(second)
    t_import = _seconds(lambda: import_changes(full))
    close_database()

    size = full.stat().st_size / 1e6
    print(f"{'what':<52}{'time':>10}{'floor':>10}  floor")
    print(
        f"{'first export (every record, ' + f'{size:.0f} MB)':<52}{t_full:>9.1f}s{floor_read:>9.1f}s  raw read of every row"
    )
    print(f"{'export after 50 clients were edited':<52}{t_daily:>9.2f}s{t_select1:>9.4f}s  SELECT 1")
    print(
        f"{'import of the first export (all already there)':<52}{t_import:>9.1f}s{floor_read:>9.1f}s  raw read of every row"
    )
    print(
        f"{'100,000 follow-up updates, file that syncs':<52}{synced_writes[0]:>9.2f}s{plain_writes[0]:>9.2f}s  same, file that does not"
    )
    print(
        f"{'20,000 next steps inserted, file that syncs':<52}{synced_writes[1]:>9.2f}s{plain_writes[1]:>9.2f}s  same, file that does not"
    )
    print("(the first export and the first import include the pre-sync backup of the file)")
    shutil.rmtree(args.work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
