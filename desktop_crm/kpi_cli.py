"""``desktop-crm kpi --by-person``: the per-salesperson summary (人员汇总) of the dashboard, in one call.

The period: ``--from``/``--to`` (inclusive) when ``--from`` is given, else the ``--by`` period (week,
month, quarter, year; default month) holding ``--to`` (default today). Every person active in the team is
listed (``dashboard.person_summary`` without a viewer), ranked; ``--user NAME`` prints that person's row
only (rank and flag still against the whole team). JSON: ``{"from", "to", "people": [row, ...]}`` with the
keys of ``dashboard.PersonRow.to_json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from datetime import date, timedelta

from . import clock
from .errors import CrmError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--by-person",
        action="store_true",
        help="the per-salesperson summary of one period (rank, busy but not converting)",
    )


def check_user(name: str | None) -> None:
    """``--user ""`` is a mistake, not the whole team."""
    if name is not None and not name.strip():
        raise CrmError("cli.user_empty")


def run_by_person(args: argparse.Namespace, user_id: int | None) -> int:
    from .dashboard import person_summary
    from .kpi import Period, period_containing

    last_day: date = args.end or clock.today()
    if args.start is not None:
        if args.start > last_day:
            raise CrmError("cli.from_after_to")
        period = Period(args.start, last_day + timedelta(days=1), "custom")
    else:
        period = period_containing(args.by, last_day)
    rows = person_summary(period)
    if user_id is not None:
        rows = [r for r in rows if r.user_id == user_id]
    if args.json:
        payload = {
            "from": period.start.isoformat(),
            "to": period.last_day.isoformat(),
            "people": [r.to_json() for r in rows],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    print(f"{period.start.isoformat()} .. {period.last_day.isoformat()}")
    if not rows:
        print("nobody in the team yet")
        return 0
    header: tuple[str, ...] = ("rank", "name", "signed", "collected", "calls", "minutes", "visits")
    header += ("new value", "new", "won", "lost", "conversion", "behaviour", "busy, not converting")
    table: list[tuple[str, ...]] = [header]
    for r in rows:
        table.append(
            (
                str(r.rank),
                r.name,
                f"{r.signed_amount_cents / 100:,.2f}",
                f"{r.collected_amount_cents / 100:,.2f}",
                f"{r.activity_call:,}",
                f"{r.call_minutes:,}",
                f"{r.activity_visit:,}",
                f"{r.new_opportunity_value_cents / 100:,.2f}",
                f"{r.new_clients:,}",
                f"{r.won_count:,}",
                f"{r.lost_count:,}",
                "-" if r.conversion_rate is None else f"{r.conversion_rate:.1%}",
                "-" if r.behaviour_score is None else f"{r.behaviour_score:.1f}",
                "yes" if r.busy_not_converting else "",
            )
        )

    def width(text: str) -> int:  # Chinese characters take two columns in a terminal
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    widths = [max(width(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        cells = [
            (cell + " " * (w - width(cell)))
            if i in (1, len(header) - 1)
            else (" " * (w - width(cell)) + cell)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        sys.stdout.write("  ".join(cells).rstrip() + "\n")
    return 0
