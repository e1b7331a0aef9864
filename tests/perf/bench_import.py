"""Import benchmark: 100,000 client rows against a raw ``executemany`` floor (a script, not collected).

    .venv/bin/desktop-crm --db /tmp/large.sqlite3 demo --size large   # once
    .venv/bin/python tests/perf/bench_import.py --db /tmp/large.sqlite3 [--rows 100000]

The database is copied (the original is never written). Both runs start from the same copy:

- floor: the same rows, already as database tuples, inserted with one ``executemany`` into ``client`` in
  one transaction with the same triggers (search text, KPI summaries), then rolled back;
- import: the whole path a user takes: ``read_table`` of a GBK CSV with Chinese headers and decorated
  values ("A（重点客户）", "¥1,200.00", 2026/3/9), ``suggest_mapping``, ``run_import`` (which checks every
  row against the database, duplicates included, and writes in one transaction).

Prints both times and the ratio (target ≤ 2.0), the progress calls seen and the longest gap between two
progress calls (the window's bar must keep moving). Both run on a thread, as the window runs an import on its
worker, while the main thread beats every 5 ms like the window's event loop: the longest gap between two beats
is how long the window would freeze (the interpreter lock held by the import), printed beside the same gap
during the floor's run.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from desktop_crm.driver import sqlite3

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
T = TypeVar("T")

HEADERS = ["客户名称", "客户级别", "手机", "所属行业", "地区", "客户来源", "预计金额", "预计签约日期", "备注"]
GRADES = ["A（重点客户）", "B", "C（小客户）"]
INDUSTRIES = ["制造", "软件", "贸易", "医疗", "教育"]
REGIONS = ["上海", "北京", "杭州", "深圳", "成都"]


def make_rows(count: int, seed: int = 1) -> list[list[str]]:
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        rows.append(
            [
                f"导入测试客户{i:06d}有限公司",
                rng.choice(GRADES),
                f"139{i:08d}",
                rng.choice(INDUSTRIES),
                rng.choice(REGIONS),
                "展会",
                f"￥{rng.randint(1, 999):,}{rng.randint(0, 999):03d}.00",
                f"2027/{rng.randint(1, 12)}/{rng.randint(1, 28)}",
                "来自旧系统",
            ]
        )
    return rows


def write_csv(path: Path, rows: list[list[str]]) -> None:
    import csv

    with path.open("w", encoding="gbk", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADERS)
        writer.writerows(rows)


def floor(db: Path, rows: list[list[str]]) -> float:
    """The raw executemany of the same client rows (values already converted), rolled back."""
    from desktop_crm.importing.values import parse_date, parse_money

    stamp = "2026-12-01 09:00:00"
    conn = sqlite3.connect(db, isolation_level=None)
    start_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM client").fetchone()[0]
    tuples = [
        (
            start_id + i,
            str(uuid.uuid4()),
            stamp,
            stamp,
            None,
            r[0],
            "",
            "lead",
            "uncertain",
            r[1][0],
            parse_date(r[7]).isoformat(),
            parse_money(r[6]),
            None,
            r[5],
            r[3],
            r[4],
            r[2],
            "",
            "",
            r[8],
            None,
        )
        for i, r in enumerate(rows)
    ]
    columns = (
        "id, uuid, created_at, updated_at, deleted_at, name, short_name, status, value_verdict, grade, "
        "expected_sign_date, expected_amount_cents, owner_id, source, industry, region, phone, address, "
        "website, notes, last_contact_at"
    )
    marks = ", ".join("?" for _ in range(21))
    begun = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(f"INSERT INTO client ({columns}) VALUES ({marks})", tuples)
    elapsed = time.perf_counter() - begun
    conn.execute("ROLLBACK")
    conn.close()
    return elapsed


def run(db: Path, csv_path: Path) -> tuple[float, int, float, object]:
    from desktop_crm.db import close_database, open_database
    from desktop_crm.importing import read_table, run_import, suggest_mapping

    open_database(db)
    calls = 0
    last = time.perf_counter()
    longest = 0.0
    where = [(0, 0), (0, 0)]  # progress (done, total) before and after the longest gap
    seen = (0, 0)

    def progress(done: int, total: int) -> bool:
        nonlocal calls, last, longest, seen
        now = time.perf_counter()
        if now - last > longest:
            longest, where[:] = now - last, [seen, (done, total)]
        last, seen = now, (done, total)
        calls += 1
        return True

    begun = time.perf_counter()
    last = begun
    table = read_table(csv_path, progress=progress)
    mapping = suggest_mapping("clients", table.headers)
    result = run_import("clients", table, mapping, progress=progress)
    elapsed = time.perf_counter() - begun
    tail = time.perf_counter() - last  # from the last progress call to the end (the commit)
    close_database()
    print(
        f"longest gap between progress {where[0]} and {where[1]}; after the last call: {tail * 1000:.0f} ms"
    )
    return elapsed, calls, longest, result


def with_heartbeat(fn: Callable[[], T]) -> tuple[T, float]:
    """Run ``fn`` on a thread while this thread beats every 5 ms; return its result and the longest beat gap."""
    box: list[Any] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            box.append(fn())
        except BaseException as exc:  # re-raised below
            failure.append(exc)

    thread = threading.Thread(target=target, name="import")
    last = time.perf_counter()
    longest = 0.0
    thread.start()
    while thread.is_alive():
        time.sleep(0.005)
        now = time.perf_counter()
        longest = max(longest, now - last)
        last = now
    thread.join()
    if failure:
        raise failure[0]
    return box[0], longest


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=Path("/tmp/large.sqlite3"))
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        work = Path(folder) / "crm.sqlite3"
        shutil.copyfile(args.db, work)
        for suffix in ("-wal", "-shm"):
            if Path(str(args.db) + suffix).exists():
                shutil.copyfile(str(args.db) + suffix, str(work) + suffix)
        rows = make_rows(args.rows)
        csv_path = Path(folder) / "clients.csv"
        write_csv(csv_path, rows)
        floor_s, floor_beat = with_heartbeat(lambda: floor(work, rows))
        (import_s, calls, longest, result), import_beat = with_heartbeat(lambda: run(work, csv_path))
        print(f"rows: {args.rows:,}  floor (executemany, same triggers): {floor_s:.2f} s")
        print(
            f"import (read + map + check + write): {import_s:.2f} s  -> {import_s / floor_s:.2f}x the floor"
        )
        print(f"result: {result}; progress calls: {calls}, longest gap between them: {longest * 1000:.0f} ms")
        print(
            f"longest main-thread gap (5 ms beat) while importing on a thread: {import_beat * 1000:.0f} ms"
            f"  (floor: {floor_beat * 1000:.0f} ms during the executemany)"
        )
        return 0 if import_s <= 2 * floor_s else 1


if __name__ == "__main__":
    raise SystemExit(main())
