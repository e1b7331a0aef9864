"""Benchmark: the Today agenda and a client's follow-up timeline against raw-sqlite3 floors.

Usage::

    .venv/bin/python tests/perf/bench_agenda.py [--db /tmp/crm-large.sqlite3] [--runs 7] [--index-experiment]

Times ``load_agenda`` for the whole team and for the busiest salesperson, ``reminder_snapshot``
(each minute while the application runs) and ``client_timeline`` for the client with the most
follow-ups; each beside a floor: the same rows fetched with minimal hand-written SQL on a plain
``sqlite3`` connection, no objects built. Prints median / p95 and the ratio. With
``--index-experiment`` it copies the next steps and clients into a temporary file and times the
per-salesperson step queries with and without an index ``next_step(user_id, done, due_at)``.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from desktop_crm.agenda import load_agenda, neglect_days
from desktop_crm.db import open_database
from desktop_crm.driver import sqlite3
from desktop_crm.reminders import reminder_snapshot
from desktop_crm.services.followups import client_timeline

STEP_SQL = """SELECT s.id, s.client_id, c.name, s.title, s.plan_type, s.bucket, s.due_at, s.user_id
    FROM next_step s JOIN client c ON c.id = s.client_id
    WHERE s.done = 0 AND c.deleted_at IS NULL AND s.due_at < ? AND s.due_at >= ? {user}
    ORDER BY s.due_at, s.id LIMIT 500"""


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, float]:
    fn()  # warm the page cache
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]


def agenda_floor(conn: sqlite3.Connection, now: datetime, user_id: int | None) -> int:
    """The agenda's rows by minimal SQL: three step ranges, neglected clients, instalments due."""
    midnight = datetime.combine(now.date(), datetime.min.time())
    bounds = [
        datetime(1900, 1, 1),
        midnight,
        midnight + timedelta(days=1),
        midnight + timedelta(days=7 - now.weekday()),
    ]
    user = "AND s.user_id = ?" if user_id is not None else ""
    extra = [user_id] if user_id is not None else []
    rows = 0
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        rows += len(conn.execute(STEP_SQL.format(user=user), [str(hi), str(lo), *extra]).fetchall())
    parts, params = [], []
    for grade, days in neglect_days().items():
        parts.append("(grade = ? AND coalesce(last_contact_at, created_at) < ?)")
        params += [grade, (now.date() - timedelta(days=days - 1)).isoformat()]
    owner = " AND owner_id = ?" if user_id is not None else ""
    where = f"deleted_at IS NULL AND status NOT IN ('dormant','lost') AND ({' OR '.join(parts)}){owner}"
    conn.execute(f"SELECT count(*) FROM client WHERE {where}", params + extra).fetchone()
    rows += len(
        conn.execute(
            f"SELECT id, name, grade, last_contact_at FROM client WHERE {where} LIMIT 500", params + extra
        ).fetchall()
    )
    week_end = (bounds[3] - timedelta(days=1)).date().isoformat()
    rows += len(
        conn.execute(
            f"""SELECT i.id, i.due_date, i.amount_cents, c.name FROM payment_instalment i
                JOIN contract k ON k.id = i.contract_id JOIN client c ON c.id = k.client_id
                WHERE i.due_date <= ? AND c.deleted_at IS NULL {owner.replace("owner_id", "c.owner_id")}
                AND (SELECT coalesce(sum(p.amount_cents), 0) FROM payment p WHERE p.contract_id = i.contract_id)
                  < (SELECT sum(j.amount_cents) FROM payment_instalment j
                     WHERE j.contract_id = i.contract_id AND j.due_date <= i.due_date)""",
            [week_end, *extra],
        ).fetchall()
    )
    return rows


def timeline_floor(conn: sqlite3.Connection, client_id: int) -> int:
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM follow_up WHERE client_id = ? ORDER BY happened_at DESC, id DESC", [client_id]
        )
    ]
    rows = len(
        conn.execute(
            "SELECT * FROM follow_up WHERE client_id = ? ORDER BY happened_at DESC, id DESC", [client_id]
        ).fetchall()
    )
    marks = ",".join("?" * len(ids))
    rows += len(
        conn.execute(
            f"SELECT l.follow_up_id, c.* FROM follow_up_contact l JOIN contact c ON c.id = l.contact_id WHERE l.follow_up_id IN ({marks})",
            ids,
        ).fetchall()
    )
    rows += len(
        conn.execute(
            f"SELECT * FROM next_step WHERE source_follow_up_id IN ({marks}) OR completed_by_id IN ({marks})",
            ids + ids,
        ).fetchall()
    )
    return rows


def report(name: str, ours: tuple[float, float], floor: tuple[float, float]) -> None:
    ratio = ours[0] / floor[0] if floor[0] else float("nan")
    print(f"{name:<34} {ours[0]:8.1f} {ours[1]:8.1f} {floor[0]:9.1f} {floor[1]:9.1f} {ratio:7.2f}x")


def index_experiment(db: Path, user_id: int, now: datetime, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "steps.sqlite3"
        conn = sqlite3.connect(path)
        conn.execute(f"ATTACH DATABASE 'file:{db}?mode=ro' AS src")
        conn.execute("CREATE TABLE client AS SELECT id, name, deleted_at FROM src.client")
        conn.execute("CREATE TABLE next_step AS SELECT * FROM src.next_step")
        conn.execute("DETACH DATABASE src")
        conn.execute("CREATE INDEX next_step_open_due ON next_step (done, due_at)")
        conn.execute("CREATE UNIQUE INDEX client_pk ON client (id)")
        midnight = datetime.combine(now.date(), datetime.min.time())
        sql = STEP_SQL.format(user="AND s.user_id = ?")
        args = [str(midnight), "1900-01-01", user_id]
        before = timed(lambda: conn.execute(sql, args).fetchall(), runs)
        conn.execute("CREATE INDEX next_step_user_open_due ON next_step (user_id, done, due_at)")
        conn.execute("ANALYZE")
        plan = conn.execute("EXPLAIN QUERY PLAN " + sql, args).fetchall()
        after = timed(lambda: conn.execute(sql, args).fetchall(), runs)
        print(
            f"\nindex next_step(user_id, done, due_at), one salesperson's overdue steps: "
            f"{before[0]:.1f} ms -> {after[0]:.1f} ms (plan: {plan[0][-1]})"
        )
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/crm-large.sqlite3")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--index-experiment", action="store_true")
    args = parser.parse_args()
    database = open_database(args.db)
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    latest = conn.execute("SELECT max(happened_at) FROM follow_up").fetchone()[0]
    now = datetime.fromisoformat(latest).replace(second=0) if latest else datetime.now()
    user_id = conn.execute(
        "SELECT user_id FROM next_step WHERE done = 0 GROUP BY user_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    client_id = conn.execute(
        "SELECT client_id FROM follow_up GROUP BY client_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    counts = conn.execute(
        "SELECT (SELECT count(*) FROM client), (SELECT count(*) FROM follow_up), (SELECT count(*) FROM next_step),"
        " (SELECT count(*) FROM follow_up WHERE client_id = ?)",
        [client_id],
    ).fetchone()
    print(
        f"{args.db}: {counts[0]:,} clients, {counts[1]:,} follow-ups, {counts[2]:,} next steps; now = {now}"
    )
    print(
        f"busiest salesperson #{user_id}; busiest client #{client_id} ({counts[3]} follow-ups); {args.runs} runs\n"
    )
    print(f"{'ms':<34} {'median':>8} {'p95':>8} {'floor med':>9} {'floor p95':>9} {'ratio':>8}")
    for label, uid in (("load_agenda, whole team", None), ("load_agenda, one salesperson", user_id)):
        report(
            label,
            timed(lambda u=uid: load_agenda(now, u), args.runs),
            timed(lambda u=uid: agenda_floor(conn, now, u), args.runs),
        )
    snap = timed(lambda: reminder_snapshot(now, user_id, 10), args.runs)
    print(f"{'reminder_snapshot, one salesperson':<34} {snap[0]:8.1f} {snap[1]:8.1f}")
    report(
        "client_timeline, busiest client",
        timed(lambda: client_timeline(client_id), args.runs),
        timed(lambda: timeline_floor(conn, client_id), args.runs),
    )
    conn.close()
    database.close()
    if args.index_experiment:
        index_experiment(Path(args.db), user_id, now, args.runs)


if __name__ == "__main__":
    main()
