"""Benchmark: ``kpi.series("month", 24 months)`` against a raw-sqlite3 floor on a large database.

Usage::

    .venv/bin/python tests/perf/bench_kpi.py --db PATH              # an existing database (else demo data)
    .venv/bin/python tests/perf/bench_kpi.py --db PATH --synthetic  # build synthetic large data if missing

The 24 months end with the month of the data's last follow-up. The floor is the minimal hand-written
GROUP BY query per fact table (follow-ups by channel, contracts, payments) that returns the same monthly
sums; the script checks that both agree, then prints the timings and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from random import Random
from typing import Any

from desktop_crm.db import close_database, open_database
from desktop_crm.driver import sqlite3
from desktop_crm.kpi import series

DATA_START = datetime(2023, 1, 1)
DATA_DAYS = 3 * 365 + 1  # 2023-01-01 .. 2025-12-31
SIZES = {"users": 20, "clients": 100_000, "follow_ups": 1_000_000, "contracts": 20_000}
CHANNELS = ("call", "call", "call", "wechat", "wechat", "visit", "sms", "email", "meeting")


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _rows(n: int, make: Callable[[int], tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    return (make(i) for i in range(1, n + 1))


def build_synthetic(path: Path, seed: int = 1) -> None:
    """Large synthetic data with raw ``executemany``: 100k clients, 1M follow-ups, 20k contracts,
    60k instalments, 60k payments, 30k opportunities, weekly forms with scores; 2% of clients deleted."""
    rng = Random(seed)
    db = open_database(path)
    conn = db.connection()
    now = _stamp(DATA_START)
    last = DATA_START + timedelta(days=DATA_DAYS - 1, hours=23)

    def uid() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128)))

    def later(moment: datetime, max_days: int) -> datetime:
        return min(last, moment + timedelta(seconds=rng.randrange(max_days * 86400)))

    n_users, n_clients = SIZES["users"], SIZES["clients"]
    created = [DATA_START + timedelta(seconds=rng.randrange(DATA_DAYS * 86400)) for _ in range(n_clients)]
    owner = [rng.randrange(1, n_users + 1) for _ in range(n_clients)]
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO user (id, uuid, created_at, updated_at, name, role, email, phone, active)"
        " VALUES (?, ?, ?, ?, ?, 'salesperson', '', '', 1)",
        _rows(n_users, lambda i: (i, uid(), now, now, f"user {i}")),
    )
    conn.executemany(
        "INSERT INTO client (id, uuid, created_at, updated_at, deleted_at, name, short_name, status,"
        " value_verdict, grade, expected_amount_cents, owner_id, source, industry, region, phone, address,"
        " website, notes) VALUES (?, ?, ?, ?, ?, ?, '', 'lead', 'uncertain', 'B', 0, ?, '', '', '', '', '',"
        " '', '')",
        _rows(
            n_clients,
            lambda i: (
                i,
                uid(),
                _stamp(created[i - 1]),
                now,
                _stamp(last) if rng.random() < 0.02 else None,
                f"client {i}",
                owner[i - 1],
            ),
        ),
    )

    def follow_up(i: int) -> tuple[Any, ...]:
        client = rng.randrange(n_clients)
        channel = rng.choice(CHANNELS)
        minutes = rng.randrange(1, 30) if channel == "call" else 0
        user = owner[client] if rng.random() < 0.9 else rng.randrange(1, n_users + 1)
        happened = _stamp(later(created[client], 400))
        return (i, uid(), now, now, client + 1, user, channel, happened, minutes)

    conn.executemany(
        "INSERT INTO follow_up (id, uuid, created_at, updated_at, client_id, user_id, channel, purpose,"
        " happened_at, duration_minutes, summary) VALUES (?, ?, ?, ?, ?, ?, ?, 'keep_in_touch', ?, ?, '')",
        _rows(SIZES["follow_ups"], follow_up),
    )
    signed: list[tuple[int, datetime]] = []

    def contract(i: int) -> tuple[Any, ...]:
        client = rng.randrange(n_clients // 2)  # half of the clients never sign; many sign twice
        on = later(created[client], 300)
        signed.append((client, on))
        return (i, uid(), now, now, client + 1, rng.randrange(1_000, 500_000) * 100, on.date().isoformat())

    conn.executemany(
        "INSERT INTO contract (id, uuid, created_at, updated_at, client_id, title, number, amount_cents,"
        " signed_on, notes) VALUES (?, ?, ?, ?, ?, '', '', ?, ?, '')",
        _rows(SIZES["contracts"], contract),
    )

    def instalment(i: int) -> tuple[Any, ...]:
        k = (i - 1) // 3
        due = (signed[k][1] + timedelta(days=30 * ((i - 1) % 3) + rng.randrange(30))).date()
        return (
            i,
            uid(),
            now,
            now,
            k + 1,
            (i - 1) % 3 + 1,
            due.isoformat(),
            rng.randrange(100, 100_000) * 100,
        )

    conn.executemany(
        "INSERT INTO payment_instalment (id, uuid, created_at, updated_at, contract_id, seq, due_date,"
        " amount_cents, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '')",
        _rows(3 * SIZES["contracts"], instalment),
    )

    def payment(i: int) -> tuple[Any, ...]:
        k = (i - 1) // 3
        paid = (signed[k][1] + timedelta(days=30 * ((i - 1) % 3) + rng.randrange(45))).date()
        linked = i if rng.random() < 0.7 else None
        return (i, uid(), now, now, k + 1, linked, paid.isoformat(), rng.randrange(100, 100_000) * 100)

    conn.executemany(
        "INSERT INTO payment (id, uuid, created_at, updated_at, contract_id, instalment_id, paid_on,"
        " amount_cents, method, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '')",
        _rows(3 * SIZES["contracts"], payment),
    )

    def opportunity(i: int) -> tuple[Any, ...]:
        client = rng.randrange(n_clients)
        opened = later(created[client], 200)
        stage = rng.choice(("initial", "needs", "proposal", "negotiation", "won", "lost", "won", "lost"))
        closed = later(opened, 120).date().isoformat() if stage in ("won", "lost") else None
        amount = rng.randrange(1_000, 800_000) * 100
        return (i, uid(), _stamp(opened), now, client + 1, owner[client], f"deal {i}", stage, amount, closed)

    conn.executemany(
        "INSERT INTO opportunity (id, uuid, created_at, updated_at, client_id, owner_id, name, stage,"
        " probability, expected_amount_cents, competitor, closed_on, close_reason, notes)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 50, ?, '', ?, '', '')",
        _rows(30_000, opportunity),
    )
    weeks = sorted({(DATA_START + timedelta(days=d)).date().isocalendar()[:2] for d in range(DATA_DAYS)})
    forms = [(user, y, w) for user in range(1, n_users + 1) for (y, w) in weeks]
    conn.executemany(
        "INSERT INTO weekly_form (id, uuid, created_at, updated_at, user_id, iso_year, iso_week,"
        " planned_collection_cents, summary, status) VALUES (?, ?, ?, ?, ?, ?, ?, 0, '', 'scored')",
        _rows(len(forms), lambda i: (i, uid(), now, now, *forms[i - 1])),
    )
    conn.executemany(
        "INSERT INTO weekly_score (id, uuid, created_at, updated_at, form_id, score, comment)"
        " VALUES (?, ?, ?, ?, ?, ?, '')",
        _rows(len(forms), lambda i: (i, uid(), now, now, i, float(rng.randrange(40, 101)))),
    )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    close_database()
    print(f"built synthetic data in {time.perf_counter() - t0:.1f} s: {path}")


def floor_queries(conn: sqlite3.Connection, lo: str, hi: str) -> dict[str, dict[str, int]]:
    """The hand-written floor: one GROUP BY per fact table, month = first 7 characters of the date."""
    alive = "client_id NOT IN (SELECT id FROM client WHERE deleted_at IS NOT NULL)"
    out: dict[str, dict[str, int]] = {"activity_total": {}, "signed_amount_cents": {}}
    out["collected_amount_cents"] = {}
    for month, count in conn.execute(
        f"SELECT substr(happened_at, 1, 7), COUNT(*) FROM follow_up"
        f" WHERE happened_at >= ? AND happened_at < ? AND {alive} GROUP BY 1",
        (lo, hi),
    ):
        out["activity_total"][month] = count
    for month, total in conn.execute(
        f"SELECT substr(signed_on, 1, 7), SUM(amount_cents) FROM contract"
        f" WHERE signed_on >= ? AND signed_on < ? AND {alive} GROUP BY 1",
        (lo, hi),
    ):
        out["signed_amount_cents"][month] = total
    for month, total in conn.execute(
        "SELECT substr(pay.paid_on, 1, 7), SUM(pay.amount_cents) FROM payment AS pay"
        " JOIN contract AS k ON k.id = pay.contract_id"
        f" WHERE pay.paid_on >= ? AND pay.paid_on < ? AND k.{alive} GROUP BY 1",
        (lo, hi),
    ):
        out["collected_amount_cents"][month] = total
    return out


def bound_queries(conn: sqlite3.Connection, lo: str, hi: str) -> None:
    """A lower bound, not the same numbers: the same three GROUP BYs ignoring soft-deleted clients."""
    for sql in (
        "SELECT substr(happened_at, 1, 7), COUNT(*) FROM follow_up WHERE happened_at >= ? AND happened_at < ?"
        " GROUP BY 1",
        "SELECT substr(signed_on, 1, 7), SUM(amount_cents) FROM contract WHERE signed_on >= ? AND signed_on < ?"
        " GROUP BY 1",
        "SELECT substr(paid_on, 1, 7), SUM(amount_cents) FROM payment WHERE paid_on >= ? AND paid_on < ?"
        " GROUP BY 1",
    ):
        conn.execute(sql, (lo, hi)).fetchall()


def _timed(func: Callable[[], Any], runs: int) -> tuple[list[float], Any]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - t0)
    return times, result


def _summary(times: list[float]) -> str:
    return f"first {times[0] * 1000:.0f} ms, median of the rest {statistics.median(times[1:]) * 1000:.0f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="database file (default: a temporary file)")
    parser.add_argument(
        "--synthetic", action="store_true", help="build synthetic data if the file is missing"
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--user", type=int, default=None, help="also time the series of this user id")
    args = parser.parse_args(argv)
    path = args.db or Path(tempfile.mkdtemp()) / "bench.sqlite3"
    if not path.exists():
        if args.synthetic:
            build_synthetic(path)
        else:
            try:
                from desktop_crm.demo import generate_demo  # type: ignore[attr-defined]
            except ImportError:
                print("desktop_crm.demo.generate_demo is not available: use --synthetic", file=sys.stderr)
                return 2
            generate_demo(path, size="large", seed=1)

    open_database(path)
    raw = sqlite3.connect(path)
    (last_stamp,) = raw.execute("SELECT MAX(happened_at) FROM follow_up").fetchone()
    last_day = date.fromisoformat(last_stamp[:10])
    end = date(last_day.year + last_day.month // 12, last_day.month % 12 + 1, 1)
    start = date(end.year - 2, end.month, 1)
    print(f"series('month', {start}, {end}) on {path}")

    kpi_times, results = _timed(lambda: series("month", start, end), max(2, args.runs))
    floor_times, floor = _timed(
        lambda: floor_queries(raw, start.isoformat(), end.isoformat()), max(2, args.runs)
    )
    for key, by_month in floor.items():
        ours = {r.period.label: r.values[key] for r in results}
        theirs = {month: by_month.get(month, 0) for month in ours}
        if ours != theirs:
            print(f"MISMATCH in {key}: {ours} != {theirs}", file=sys.stderr)
            return 1
    print(f"kpi.series (all {len(results[0].values)} KPIs, 24 months + MoM/YoY): {_summary(kpi_times)}")
    print(f"raw floor (3 GROUP BY queries, 24 months):               {_summary(floor_times)}")
    ratio = statistics.median(kpi_times[1:]) / statistics.median(floor_times[1:])
    print(f"ratio kpi / floor: {ratio:.2f}")
    bound_times, _ = _timed(lambda: bound_queries(raw, start.isoformat(), end.isoformat()), max(2, args.runs))
    print(f"lower bound (same 3 GROUP BYs ignoring soft deletes):  {_summary(bound_times)}")
    print(
        f"ratio kpi / lower bound: {statistics.median(kpi_times[1:]) / statistics.median(bound_times[1:]):.2f}"
    )
    if args.user is not None:
        user_times, _ = _timed(lambda: series("month", start, end, user_id=args.user), max(2, args.runs))
        print(f"kpi.series for user {args.user}: {_summary(user_times)}")
    raw.close()
    close_database()
    return 0


if __name__ == "__main__":
    sys.exit(main())
