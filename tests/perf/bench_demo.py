"""Benchmark: ``generate_demo(size="large")`` against a raw-sqlite3 floor.

Usage::

    .venv/bin/python tests/perf/bench_demo.py [--size large|small] [--seed N] [--keep DIR]

1. Times ``generate_demo`` into a fresh temporary file (wall and CPU time of this process; the
   machine may be shared, CPU time is the steadier number).
2. The floor: reads every generated row back into memory (not timed), then inserts exactly those rows
   (same count, same width) into a second fresh, fully migrated file with plain ``executemany`` per
   table in one transaction: indexes and triggers left in place, foreign keys on, the product's
   pragmas (WAL, synchronous=NORMAL). Timed up to and including the commit and close (the WAL
   checkpoint), like the generator.
Prints both figures, rows per second, and the ratio generator / floor.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from desktop_crm.db import close_database, open_database
from desktop_crm.demo import generate_demo
from desktop_crm.demo.context import COLUMNS
from desktop_crm.driver import sqlite3

TODAY = date(2025, 6, 18)


def _read_rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {
            table: conn.execute(f'SELECT {", ".join(columns)} FROM "{table}" ORDER BY id').fetchall()
            for table, columns in COLUMNS.items()
        }
    finally:
        conn.close()


def _floor(path: Path, rows: dict[str, list[tuple[Any, ...]]]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    db = open_database(path)
    conn = db.connection()
    conn.execute("BEGIN IMMEDIATE")
    for table, columns in COLUMNS.items():
        sql = f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({", ".join("?" for _ in columns)})'
        conn.executemany(sql, rows[table])
    conn.execute("COMMIT")
    close_database()
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", default="large", choices=("small", "large"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="write the databases into this folder and keep them")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-demo-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        demo_path, floor_path = folder / f"demo-{args.size}.sqlite3", folder / f"floor-{args.size}.sqlite3"
        for path in (demo_path, floor_path):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)

        wall, cpu = time.perf_counter(), time.process_time()
        summary = generate_demo(demo_path, args.size, seed=args.seed, today=TODAY)
        demo_wall, demo_cpu = time.perf_counter() - wall, time.process_time() - cpu
        total = summary.total_rows
        print(f"generate_demo(size={args.size!r}): {total:,} rows")
        for table, count in summary.counts.items():
            print(f"  {table:24} {count:>10,}")
        size_mb = demo_path.stat().st_size / 1e6
        print(f"  file: {size_mb:,.0f} MB")

        rows = _read_rows(demo_path)
        assert sum(len(r) for r in rows.values()) == total
        floor_wall, floor_cpu = _floor(floor_path, rows)
        del rows

        print()
        print(f"{'':28}{'wall s':>10}{'CPU s':>10}{'rows/s (wall)':>16}")
        print(f"{'generate_demo':28}{demo_wall:10.2f}{demo_cpu:10.2f}{total / demo_wall:16,.0f}")
        print(f"{'raw executemany floor':28}{floor_wall:10.2f}{floor_cpu:10.2f}{total / floor_wall:16,.0f}")
        print(
            f"ratio generate_demo / floor: wall {demo_wall / floor_wall:.2f}, CPU {demo_cpu / floor_cpu:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
