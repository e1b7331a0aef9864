"""Benchmark: a dashboard refresh (cards + every chart's data), drill-down and the per-person summary on
a large database, beside raw-sqlite3 floors measured in the same run.

Usage::

    .venv/bin/desktop-crm --db /tmp/large.sqlite3 demo --size large   # once (100k clients, 1M follow-ups)
    .venv/bin/python tests/perf/bench_dashboard.py --db /tmp/large.sqlite3 [--runs 7] [--user ID]

The selected period is the month of the data's last follow-up, the charts cover the 12 months up to it.
"refresh" is what the dashboard page computes on its worker for one view: ``dashboard.refresh`` (cards of
the period with previous and year-ago values, the series of every chart, the open pipeline), goal
attainment, monthly behaviour scores and the per-person summary. "before" is what the old page did
(``kpi.series`` of every KPI over 24 months). The floors are minimal hand-written queries over the base
tables: one GROUP BY per month for signed and collected (contracts, payments), one for follow-ups per
month and channel, the contracts of the month (drill-down) and the follow-ups of the month per person
(person summary). A database without the KPI summaries (a file made before schema 10 was filled) gets
them first (``kpi_summary.install``), timed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from desktop_crm import dashboard, kpi_summary
from desktop_crm.db import close_database, open_database
from desktop_crm.driver import sqlite3
from desktop_crm.kpi import period_containing, series


def _timed(func: Callable[[], Any], runs: int) -> tuple[list[float], Any]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - t0)
    return times, result


def _ms(times: list[float]) -> str:
    rest = times[1:] or times
    return f"first {times[0] * 1000:7.1f} ms, median {statistics.median(rest) * 1000:7.1f} ms"


def _median(times: list[float]) -> float:
    return statistics.median(times[1:] or times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db", type=Path, required=True, help="a large database (desktop-crm demo --size large)"
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--user", type=int, default=None, help="also time one salesperson's view (user id)")
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"no database at {args.db}: desktop-crm --db {args.db} demo --size large", file=sys.stderr)
        return 2
    db = open_database(args.db)
    conn = db.connection()
    if not kpi_summary.has_summaries(conn) or not conn.execute("SELECT 1 FROM kpi_daily LIMIT 1").fetchone():
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        kpi_summary.install(conn)
        conn.execute("COMMIT")
        print(f"KPI summaries installed in {time.perf_counter() - t0:.1f} s")
    raw = sqlite3.connect(args.db)
    (last_stamp,) = raw.execute("SELECT MAX(happened_at) FROM follow_up").fetchone()
    today = date.fromisoformat(last_stamp[:10])
    period = period_containing("month", today)
    start, end = dashboard.default_range("month", today, 12)
    lo, hi = start.isoformat(), end.isoformat()
    runs = max(2, args.runs)
    counts = raw.execute("SELECT (SELECT COUNT(*) FROM client), (SELECT COUNT(*) FROM follow_up)").fetchone()
    print(
        f"{args.db}: {counts[0]:,} clients, {counts[1]:,} follow-ups; period {period.label}, charts {lo}..{hi}"
    )

    def refresh(user_id: int | None) -> Callable[[], Any]:
        def run() -> Any:
            shown = dashboard.refresh(period, user_id, "month", start, end)
            dashboard.goal_attainment(period, None)
            people = (
                [user_id] if user_id is not None else [p.user_id for p in dashboard.person_summary(period)]
            )
            dashboard.behaviour_scores(start, end, people)
            return shown

        return run

    def floor_refresh() -> None:
        raw.execute(
            "SELECT substr(signed_on, 1, 7), SUM(amount_cents) FROM contract WHERE signed_on >= ? AND signed_on < ?"
            " GROUP BY 1",
            (lo, hi),
        ).fetchall()
        raw.execute(
            "SELECT substr(paid_on, 1, 7), SUM(amount_cents) FROM payment WHERE paid_on >= ? AND paid_on < ?"
            " GROUP BY 1",
            (lo, hi),
        ).fetchall()

    def floor_follow_ups() -> None:
        raw.execute(
            "SELECT substr(happened_at, 1, 7), channel, COUNT(*) FROM follow_up"
            " WHERE happened_at >= ? AND happened_at < ? GROUP BY 1, 2",
            (lo, hi),
        ).fetchall()

    p_lo, p_hi = period.start.isoformat(), period.end.isoformat()
    rows: list[tuple[str, list[float], str, list[float] | None]] = []
    refresh_times, shown = _timed(refresh(None), runs)
    floor_times, _ = _timed(floor_refresh, runs)
    follow_floor, _ = _timed(floor_follow_ups, runs)
    rows.append(
        ("refresh, team (cards + all charts)", refresh_times, "signed/collected per month", floor_times)
    )
    rows.append(("", [], "follow-ups per month and channel", follow_floor))
    if args.user is not None:
        user_times, _ = _timed(refresh(args.user), runs)
        rows.append((f"refresh, user {args.user}", user_times, "", None))
    cards_times, _ = _timed(lambda: dashboard.cards(period, None), runs)
    rows.append(("cards only (period, previous, year ago)", cards_times, "", None))
    drill_times, drilled = _timed(lambda: dashboard.drill_down("signed_amount_cents", period, None), runs)
    drill_floor, _ = _timed(
        lambda: raw.execute(
            "SELECT k.id, c.name, k.amount_cents FROM contract AS k CROSS JOIN client AS c ON c.id = k.client_id"
            " WHERE k.signed_on >= ? AND k.signed_on < ? AND c.deleted_at IS NULL",
            (p_lo, p_hi),
        ).fetchall(),
        runs,
    )
    rows.append(
        (f"drill-down signed ({len(drilled)} contracts)", drill_times, "contracts of the month", drill_floor)
    )
    fu_times, fu_rows = _timed(lambda: dashboard.drill_down("activity_total", period, None), runs)
    fu_floor, _ = _timed(
        lambda: raw.execute(
            "SELECT f.id, c.name, f.channel FROM follow_up AS f CROSS JOIN client AS c ON c.id = f.client_id"
            " WHERE f.happened_at >= ? AND f.happened_at < ? AND c.deleted_at IS NULL",
            (p_lo, p_hi),
        ).fetchall(),
        runs,
    )
    rows.append((f"drill-down follow-ups ({len(fu_rows):,})", fu_times, "follow-ups of the month", fu_floor))
    if hasattr(dashboard, "drill_listing"):  # what the page lists: the exact count, the first page built

        def listing() -> Any:
            found = dashboard.drill_listing("activity_total", period, None)
            found.prefetch()
            return found

        list_times, listed = _timed(listing, runs)
        rows.append((f"  as the page lists them ({listed.count:,}, 1st page)", list_times, "", None))
    person_times, people = _timed(lambda: dashboard.person_summary(period), runs)
    person_floor, _ = _timed(
        lambda: raw.execute(
            "SELECT user_id, channel, COUNT(*) FROM follow_up WHERE happened_at >= ? AND happened_at < ?"
            " GROUP BY 1, 2",
            (p_lo, p_hi),
        ).fetchall(),
        runs,
    )
    rows.append(
        (
            f"person summary ({len(people)} people)",
            person_times,
            "follow-ups of the month per person",
            person_floor,
        )
    )
    before_times, _ = _timed(lambda: series("month", *dashboard.default_range("month", today, 24)), 2)
    rows.append(("before: kpi.series, 25 KPIs x 24 months", before_times, "", None))

    for label, times, floor_label, floor in rows:
        ours = f"{label:<44} {_ms(times)}" if times else " " * 80
        theirs = f"   floor {floor_label}: {_ms(floor)}" if floor else ""
        print(ours + theirs)
    print(
        f"refresh / signed-collected floor: {_median(refresh_times) / _median(floor_times):.1f}x; "
        f"refresh / follow-up floor: {_median(refresh_times) / _median(follow_floor):.2f}x "
        f"(budget: 100 ms on the reference machine, where that follow-up floor takes 137 ms)"
    )
    assert shown.cards and shown.trends
    raw.close()
    close_database()
    return 0


if __name__ == "__main__":
    sys.exit(main())
