"""The same reads on SQLite and on the team database (PostgreSQL), side by side (a script, not collected
by pytest). Issue 15's target: each within 2x of SQLite on the large demo data.

    .venv/bin/desktop-crm --db /tmp/large.sqlite3 demo --size large                       # once
    createdb large && .venv/bin/desktop-crm copy /tmp/large.sqlite3 postgresql://USER@HOST:PORT/large
    .venv/bin/python tests/perf/bench_engines.py --db /tmp/large.sqlite3 --team postgresql://USER@HOST:PORT/large

Each query is what the application runs for the page (the core's read functions, not a re-typed SQL),
timed ``--runs`` times after one warm-up run, on each engine in turn, and that ``--rounds`` times
alternating the engines (a machine whose load changes during the run then weighs on both alike); the
median of all of an engine's runs, then the ratio PostgreSQL / SQLite. The floors beside them, on each engine: ``SELECT 1`` (what every statement pays: a
round trip to the server, its parse and plan) and ``SELECT count(*) FROM client`` (a round trip and a scan).
A read that costs no more than two such round trips on the server (the count of the clients, one row of
``client_tally``) is marked "one round trip": no server engine reads in less, whatever SQLite's in-process
microseconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def _times_ms(fn: Callable[[], Any], runs: int) -> list[float]:
    fn()  # warm-up: caches, the planner's first look
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times


def _cases(today: date) -> dict[str, Callable[[], Any]]:
    from desktop_crm import dashboard
    from desktop_crm.agenda import load_agenda
    from desktop_crm.client_list import ClientFilter, ClientQuery
    from desktop_crm.engine import raw_connection
    from desktop_crm.kpi.periods import period_containing
    from desktop_crm.models import database
    from desktop_crm.search import search_client_ids

    period = period_containing("month", today)
    start, end = dashboard.default_range("month", today, 12)
    now = datetime.combine(today, datetime.min.time()).replace(hour=9)

    def search(term: str) -> Callable[[], Any]:
        return lambda: search_client_ids(raw_connection(), term, 200)

    return {
        "floor: one statement (SELECT 1)": lambda: database.execute_sql("SELECT 1").fetchone(),
        "floor: count(*) of clients": lambda: database.execute_sql("SELECT count(*) FROM client").fetchone(),
        "client list: open (by name)": lambda: ClientQuery(ClientFilter()).ids(),
        "client list: by last contact, desc": lambda: ClientQuery(
            ClientFilter(), "last_contact_at", True
        ).ids(),
        "client list: by grade": lambda: ClientQuery(ClientFilter(), "grade").ids(),
        "client list: count": lambda: ClientQuery(ClientFilter()).count(),
        "search: English word": search("walker"),
        "search: Chinese, 2 chars": search("王伟"),
        "search: Chinese, 3 chars": search("新能源"),
        "search: phone fragment": search("1371618"),
        "agenda: Today": lambda: load_agenda(now, None),
        "dashboard: refresh (month)": lambda: dashboard.refresh(period, None, "month", start, end),
        "dashboard: per-person summary": lambda: dashboard.person_summary(period),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, required=True, help="the SQLite file")
    parser.add_argument("--team", required=True, help="the same data on PostgreSQL (postgresql://...)")
    parser.add_argument("--runs", type=int, default=7, help="runs per engine and round")
    parser.add_argument("--rounds", type=int, default=3, help="passes over both engines, alternating")
    args = parser.parse_args(argv)
    from desktop_crm.db import close_database, open_database
    from desktop_crm.models import database

    times: dict[str, dict[str, list[float]]] = {}
    today: date | None = None
    for _round in range(max(1, args.rounds)):
        for engine, target in (("sqlite", args.db), ("postgresql", args.team)):
            open_database(target)
            try:
                if today is None:
                    (stamp,) = database.execute_sql("SELECT max(happened_at) FROM follow_up").fetchone()
                    today = date.fromisoformat(str(stamp)[:10])
                for name, fn in _cases(today).items():
                    found = times.setdefault(name, {}).setdefault(engine, [])
                    try:
                        found.extend(_times_ms(fn, max(2, args.runs)))
                    except Exception as exc:  # a read that fails on one engine is reported, not hidden
                        print(f"{engine}: {name}: FAILED ({type(exc).__name__}: {str(exc).splitlines()[0]})")
                        found.append(float("nan"))
            finally:
                close_database()
    results = {
        name: {engine: statistics.median(values) for engine, values in by_engine.items()}
        for name, by_engine in times.items()
    }
    print(f"\nmedian of {args.rounds} x {args.runs} runs, ms; data as of {today}")
    print(f"{'read':<38}{'SQLite':>10}{'PostgreSQL':>12}{'ratio':>8}  target <= 2.0")
    round_trip = results["floor: one statement (SELECT 1)"]["postgresql"]
    for name, by_engine in results.items():
        lite, pg = by_engine.get("sqlite", float("nan")), by_engine.get("postgresql", float("nan"))
        ratio = pg / lite if lite else float("nan")
        if name.startswith("floor"):
            mark = ""
        elif ratio <= 2.0:
            mark = "  ok"
        elif pg <= 2 * round_trip:  # a read of a row or two: what any statement costs on a server
            mark = "  one round trip"
        else:
            mark = "  OVER"
        print(f"{name:<38}{lite:>10.2f}{pg:>12.2f}{ratio:>8.2f}{mark}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
