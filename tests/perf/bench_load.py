"""``desktop-crm load`` benchmark beside a raw ``executemany`` floor (a script, not collected by pytest).

    .venv/bin/desktop-crm --db /tmp/crm-large.sqlite3 demo --size large          # once
    .venv/bin/desktop-crm --db /tmp/crm-large.sqlite3 dump --output /tmp/large.json
    .venv/bin/python tests/perf/bench_load.py --dump /tmp/large.json [--work /tmp/bench-load]

Measures, on the same dump in the same run:
- parse: reading the dump and decoding every row (``DumpReader``), nothing written;
- floor: the rows decoded line by line (the writer's one-row-per-line layout, ``json.loads``) and
  inserted with raw ``executemany`` in batches of ``load.BATCH`` into a fresh database of the current
  schema with its triggers and secondary indexes dropped (and not rebuilt), in one transaction: no
  validation, no indexes, no derived data: what inserting the rows alone costs;
- load: ``load.load_file`` into a new file (streaming reader, checks, indexes rebuilt, the search index,
  ``last_contact_at`` and the KPI summaries recomputed, the domain checks), and whether dumping the result
  gives the same bytes (``--no-verify`` skips that).
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_crm import derived, load  # noqa: E402
from desktop_crm.db import close_database, open_database  # noqa: E402
from desktop_crm.dump import dump_to_file  # noqa: E402


def _fresh(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def parse_only(dump: Path) -> tuple[float, int]:
    started = time.perf_counter()
    stream, size = load.open_dump(dump)
    rows = 0
    with stream:
        reader = load.DumpReader(stream, size)
        reader.header()
        for _name, table_rows in reader.tables():
            for _row in table_rows:
                rows += 1
    return time.perf_counter() - started, rows


def floor(dump: Path, target: Path) -> tuple[float, int]:
    _fresh(target)
    db = open_database(target)
    conn = db.connection()
    started = time.perf_counter()
    rows = 0
    conn.execute("BEGIN IMMEDIATE")
    derived.drop_triggers(conn)
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    ).fetchall():
        conn.execute(f'DROP INDEX "{name}"')
    conn.execute("PRAGMA defer_foreign_keys = ON")
    sql: str | None = None
    batch: list[tuple[object, ...]] = []
    with open(dump, encoding="utf-8") as lines:
        for line in lines:
            text = line.strip().rstrip(",")
            if text.startswith('"') and text.endswith("["):  # "table": [
                table = json.loads(text[: text.rindex(":")])
                sql = None
            elif text.startswith("{") and text.endswith("}") and not text.startswith('{"format"'):
                row = json.loads(text)
                if sql is None:
                    names = ", ".join(f'"{c}"' for c in row)
                    sql = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" for _ in row)})'
                    current = sql
                batch.append(tuple(row.values()))
                rows += 1
                if len(batch) >= load.BATCH:
                    conn.executemany(current, batch)
                    batch = []
            elif text.startswith("]") and batch:
                conn.executemany(current, batch)
                batch = []
    if batch:
        conn.executemany(current, batch)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    close_database()
    return seconds, rows


def product(dump: Path, target: Path) -> tuple[float, int]:
    _fresh(target)
    started = time.perf_counter()
    summary = load.load_file(target, dump)
    return time.perf_counter() - started, summary.total_rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dump", type=Path, required=True)
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-load"))
    parser.add_argument("--no-verify", action="store_true")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    size_mb = os.path.getsize(args.dump) / 1e6
    print(f"dump {args.dump}: {size_mb:,.0f} MB")
    parse_s, rows = parse_only(args.dump)
    print(
        f"parse only (DumpReader)        {parse_s:8.1f} s  {rows:>10,} rows  {rows / parse_s:>10,.0f} rows/s"
    )
    floor_s, floor_rows = floor(args.dump, args.work / "floor.sqlite3")
    print(
        f"floor (json.loads + executemany){floor_s:7.1f} s  {floor_rows:>10,} rows  "
        f"{floor_rows / floor_s:>10,.0f} rows/s"
    )
    load_s, load_rows = product(args.dump, args.work / "load.sqlite3")
    print(
        f"load (load_file)               {load_s:8.1f} s  {load_rows:>10,} rows  {load_rows / load_s:>10,.0f} rows/s"
    )
    print(f"load / floor                   {load_s / floor_s:8.2f} x")
    print(
        f"peak memory (this process)     {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:8.0f} MB"
    )
    if not args.no_verify:
        db = open_database(args.work / "load.sqlite3")
        again = args.work / "again.json"
        dump_to_file(db, again)
        close_database()
        same = filecmp.cmp(args.dump, again, shallow=False)
        print(f"dump of the loaded file == the dump: {same}")
        again.unlink()
        if not same:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
