"""The raw SQL behind the KPIs: a handful of aggregate queries answer a whole set of periods at once.

The periods go into a small temporary table ``kpi_period(idx, lo, hi)`` (``idx`` its integer primary
key). Each query joins a fact table to it on a range condition, ``CROSS JOIN`` keeping the period table
as the outer loop: SQLite walks each period's slice of a covering index once, in ``idx`` order, so the
``GROUP BY p.idx`` needs no sort and one query answers 36 months about as cheaply as one scan of the
range. Dates and timestamps are stored as text, so ``'2025-03-31 18:00:00' < '2025-04-01'`` compares
by local date, which is the domain rule.

Soft-deleted clients count nowhere. Where the covering index holds no client (follow-ups, payments,
instalments, new clients), the query counts every row from the index and a second query subtracts the
rows of soft-deleted clients, reached through the small ``client_deleted_at`` index. Every aggregate
here is additive, so the subtracting queries simply return negated sums.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..driver import sqlite3
from .periods import Period, week_of_thursday

Params = list[object]
Query = tuple[tuple[str, ...], str, Params]  # (fact names, SQL, params): rows (idx, *facts)

CHANNELS = ("call", "sms", "visit", "wechat", "email", "meeting")

PERIOD_TABLE = "temp.kpi_period"


@dataclass
class FirstSigning:
    """A client's first contract, as needed by the first-signing KPIs."""

    signed_on: date
    amount_cents: int
    cycle_days: int  # from the first follow-up on or before signing (else creation) to signing, ≥ 0
    follow_ups: int  # the client's follow-ups dated on or before the signing date


@dataclass
class Facts:
    """Raw aggregates of one period; ``kpi.compute`` turns them into KPI values.

    ``sums`` holds the additive facts: new_clients, converted_clients, signed_amount_cents,
    signing_clients, repeat_clients, collected_amount_cents, planned_collection_cents, activity_total,
    activity_<channel>, call_minutes, new_opportunity_value_cents, won/lost count and amount.
    Complaints: complaints_opened, complaints_resolved, resolution_days_sum.
    """

    sums: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))
    first_signings: list[FirstSigning] = field(default_factory=list)
    behaviour_scores: list[float] = field(default_factory=list)


def _owner(column: str, user_id: int | None, in_cover: bool = False) -> tuple[str, Params]:
    """An extra ``AND`` condition restricting ``column`` to one salesperson, or nothing for the team.

    ``in_cover``: the column is inside the covering index the query ranges over; the unary ``+`` keeps
    SQLite from building a throw-away automatic index on it (a full table scan) instead of filtering
    the index range it walks anyway (measured: 117 ms instead of 393 ms over 1M follow-ups).
    """
    if user_id is None:
        return "", []
    return f" AND {'+' if in_cover else ''}{column} = ?", [user_id]


def _follow_up_queries(user_id: int | None) -> list[Query]:
    owner, params = _owner("f.user_id", user_id)
    cover_owner, _ = _owner("f.user_id", user_id, in_cover=True)
    names = ("activity_total", *(f"activity_{c}" for c in CHANNELS), "call_minutes")
    counts = ", ".join(f"SUM(f.channel = '{c}')" for c in CHANNELS)
    minutes = "SUM(CASE WHEN f.channel = 'call' THEN f.duration_minutes ELSE 0 END)"
    per_channel = ", ".join(f"SUM(f.channel = '{c}') AS {c}" for c in CHANNELS)
    negated = ", ".join(f"-SUM(d.{c})" for c in CHANNELS)
    return [
        (
            names,
            f"""SELECT p.idx, COUNT(*), {counts}, {minutes}
            FROM {PERIOD_TABLE} AS p CROSS JOIN follow_up AS f
            WHERE f.happened_at >= p.lo AND f.happened_at < p.hi{cover_owner}
            GROUP BY p.idx""",
            params,
        ),
        (
            # soft-deleted clients' follow-ups, summed per day first: a few hundred days, not thousands
            # of rows, then meet the period table (measured 167 → 123 ms at 20k such follow-ups)
            names,
            f"""SELECT p.idx, -SUM(d.n), {negated}, -SUM(d.minutes)
            FROM (SELECT substr(f.happened_at, 1, 10) AS day, COUNT(*) AS n, {per_channel},
                         {minutes} AS minutes
                  FROM client AS cl CROSS JOIN follow_up AS f
                  WHERE cl.deleted_at IS NOT NULL AND f.client_id = cl.id
                    AND f.happened_at >= (SELECT MIN(lo) FROM {PERIOD_TABLE})
                    AND f.happened_at < (SELECT MAX(hi) FROM {PERIOD_TABLE}){owner}
                  GROUP BY day) AS d
            JOIN {PERIOD_TABLE} AS p ON d.day >= p.lo AND d.day < p.hi
            GROUP BY p.idx""",
            params,
        ),
    ]


def _client_queries(user_id: int | None) -> list[Query]:
    owner, params = _owner("cl.owner_id", user_id)
    cover_owner, _ = _owner("cl.owner_id", user_id, in_cover=True)
    return [
        (
            ("new_clients",),
            f"""SELECT p.idx, COUNT(*) FROM {PERIOD_TABLE} AS p CROSS JOIN client AS cl
            WHERE cl.created_at >= p.lo AND cl.created_at < p.hi{cover_owner}
            GROUP BY p.idx""",
            params,
        ),
        (
            ("new_clients",),
            f"""SELECT p.idx, -COUNT(*) FROM client AS cl CROSS JOIN {PERIOD_TABLE} AS p
            WHERE cl.deleted_at IS NOT NULL AND cl.created_at >= p.lo AND cl.created_at < p.hi{owner}
            GROUP BY p.idx""",
            params,
        ),
        (
            ("converted_clients",),
            f"""SELECT p.idx, COUNT(*)
            FROM (SELECT client_id, MIN(signed_on) AS first_on FROM contract GROUP BY client_id) AS fc
            JOIN client AS cl ON cl.id = fc.client_id
            JOIN {PERIOD_TABLE} AS p ON cl.created_at >= p.lo AND cl.created_at < p.hi
            WHERE fc.first_on < p.hi AND +cl.deleted_at IS NULL{owner}
            GROUP BY p.idx""",
            params,
        ),
        (
            ("signed_amount_cents", "signing_clients", "repeat_clients"),
            f"""SELECT p.idx, SUM(k.amount_cents), COUNT(DISTINCT k.client_id),
                COUNT(DISTINCT CASE WHEN EXISTS (SELECT 1 FROM contract AS e
                    WHERE e.client_id = k.client_id AND e.signed_on < p.lo) THEN k.client_id END)
            FROM {PERIOD_TABLE} AS p CROSS JOIN contract AS k
            JOIN client AS cl ON cl.id = k.client_id
            WHERE k.signed_on >= p.lo AND k.signed_on < p.hi AND +cl.deleted_at IS NULL{owner}
            GROUP BY p.idx""",
            params,
        ),
    ]


def _money_queries(user_id: int | None) -> list[Query]:
    """Payments by ``paid_on`` and instalments by ``due_date``, attributed through contract → client."""
    queries: list[Query] = []
    for name, table, day in (
        ("collected_amount_cents", "payment", "paid_on"),
        ("planned_collection_cents", "payment_instalment", "due_date"),
    ):
        in_period = f"x.{day} >= p.lo AND x.{day} < p.hi"
        if user_id is None:  # the whole team: straight from the covering index, minus deleted clients
            queries.append(
                (
                    (name,),
                    f"""SELECT p.idx, SUM(x.amount_cents) FROM {PERIOD_TABLE} AS p CROSS JOIN {table} AS x
                    WHERE {in_period} GROUP BY p.idx""",
                    [],
                )
            )
            queries.append(
                (
                    (name,),
                    f"""SELECT p.idx, -SUM(x.amount_cents)
                    FROM client AS cl CROSS JOIN contract AS k CROSS JOIN {table} AS x
                    CROSS JOIN {PERIOD_TABLE} AS p
                    WHERE cl.deleted_at IS NOT NULL AND k.client_id = cl.id AND x.contract_id = k.id
                      AND {in_period}
                    GROUP BY p.idx""",
                    [],
                )
            )
        else:
            queries.append(
                (
                    (name,),
                    f"""SELECT p.idx, SUM(x.amount_cents) FROM {PERIOD_TABLE} AS p CROSS JOIN {table} AS x
                    JOIN contract AS k ON k.id = x.contract_id JOIN client AS cl ON cl.id = k.client_id
                    WHERE {in_period} AND +cl.deleted_at IS NULL AND cl.owner_id = ?
                    GROUP BY p.idx""",
                    [user_id],
                )
            )
    return queries


def _opportunity_queries(user_id: int | None) -> list[Query]:
    owner, params = _owner("o.owner_id", user_id)
    alive = "+o.deleted_at IS NULL AND +cl.deleted_at IS NULL"
    return [
        (
            ("new_opportunity_value_cents",),
            f"""SELECT p.idx, SUM(o.expected_amount_cents)
            FROM {PERIOD_TABLE} AS p CROSS JOIN opportunity AS o JOIN client AS cl ON cl.id = o.client_id
            WHERE o.created_at >= p.lo AND o.created_at < p.hi AND {alive}{owner}
            GROUP BY p.idx""",
            params,
        ),
        (
            ("won_count", "won_amount_cents", "lost_count", "lost_amount_cents"),
            f"""SELECT p.idx,
                SUM(o.stage = 'won'), SUM(CASE WHEN o.stage = 'won' THEN o.expected_amount_cents END),
                SUM(o.stage = 'lost'), SUM(CASE WHEN o.stage = 'lost' THEN o.expected_amount_cents END)
            FROM {PERIOD_TABLE} AS p CROSS JOIN opportunity AS o JOIN client AS cl ON cl.id = o.client_id
            WHERE o.closed_on >= p.lo AND o.closed_on < p.hi AND +o.stage IN ('won', 'lost')
              AND {alive}{owner}
            GROUP BY p.idx""",
            params,
        ),
    ]


def _complaint_queries(user_id: int | None) -> list[Query]:
    """Complaints (service records of type complaint) opened and resolved in each period, and the whole
    days from opening to resolution of the resolved ones (for their mean); attributed to the client's
    current owner; deleted records and deleted clients' records count nowhere."""
    owner, params = _owner("cl.owner_id", user_id)
    alive = "+s.deleted_at IS NULL AND +cl.deleted_at IS NULL"
    days = "julianday(substr(s.resolved_at, 1, 10)) - julianday(substr(s.created_at, 1, 10))"
    return [
        (
            ("complaints_opened",),
            f"""SELECT p.idx, COUNT(*)
            FROM service_record AS s JOIN client AS cl ON cl.id = s.client_id CROSS JOIN {PERIOD_TABLE} AS p
            WHERE s.kind = 'complaint' AND s.created_at >= p.lo AND s.created_at < p.hi AND {alive}{owner}
            GROUP BY p.idx""",
            params,
        ),
        (
            ("complaints_resolved", "resolution_days_sum"),
            f"""SELECT p.idx, COUNT(*), SUM(CAST({days} AS INTEGER))
            FROM service_record AS s JOIN client AS cl ON cl.id = s.client_id CROSS JOIN {PERIOD_TABLE} AS p
            WHERE s.kind = 'complaint' AND s.resolved_at >= p.lo AND s.resolved_at < p.hi AND {alive}{owner}
            GROUP BY p.idx""",
            params,
        ),
    ]


def _first_signings(conn: sqlite3.Connection, user_id: int | None) -> list[tuple]:
    """One row per first signing in a period: (idx, signed_on, amount, created_on, first follow-up
    date on or before signing or NULL, number of follow-ups on or before signing).

    A contract is a client's first when no contract of that client is earlier (by date, then by id).
    """
    owner, params = _owner("cl.owner_id", user_id)
    until_signing = "f.client_id = k.client_id AND f.happened_at < date(k.signed_on, '+1 day')"
    return conn.execute(
        f"""SELECT p.idx, k.signed_on, k.amount_cents, substr(cl.created_at, 1, 10),
            (SELECT substr(MIN(f.happened_at), 1, 10) FROM follow_up AS f WHERE {until_signing}),
            (SELECT COUNT(*) FROM follow_up AS f WHERE {until_signing})
        FROM {PERIOD_TABLE} AS p CROSS JOIN contract AS k
        JOIN client AS cl ON cl.id = k.client_id
        WHERE k.signed_on >= p.lo AND k.signed_on < p.hi AND +cl.deleted_at IS NULL{owner}
          AND NOT EXISTS (SELECT 1 FROM contract AS e
                          WHERE e.client_id = k.client_id
                            AND (e.signed_on < k.signed_on OR (e.signed_on = k.signed_on AND e.id < k.id)))""",
        params,
    ).fetchall()


def _behaviour_scores(
    conn: sqlite3.Connection, periods: Sequence[Period], user_id: int | None
) -> list[tuple[int, int, float]]:
    """(iso_year, iso_week, score) of the scored weekly forms that may fall in the periods."""
    owner, params = _owner("wf.user_id", user_id)
    return [row[1:] for row in _scores_query(conn, periods, owner, params)]


def scored_weeks(periods: Sequence[Period], owner: str, params: Params) -> tuple[str, list[Any]]:
    """``FROM … WHERE …`` of the scored weekly forms (``wf``, their scores ``ws``) of the weeks around
    ``periods``, and its parameters: what :func:`_behaviour_scores` reads, for a caller that selects more
    (the per-person summary's one statement). Order the rows by ``wf.user_id, wf.iso_year, wf.iso_week,
    wf.id`` for the same float sums."""
    # A week counts in a period when its Thursday does: every such week lies between the weeks of a week
    # before the first start and a week after the last end (the callers check the Thursday).
    first = (min(p.start for p in periods) - timedelta(days=7)).isocalendar()
    last = (max(p.end for p in periods) + timedelta(days=7)).isocalendar()
    return (
        "FROM weekly_form AS wf JOIN weekly_score AS ws ON ws.form_id = wf.id "
        f"WHERE wf.iso_year BETWEEN ? AND ? AND wf.iso_year * 100 + wf.iso_week BETWEEN ? AND ?{owner}",
        [first.year, last.year, first.year * 100 + first.week, last.year * 100 + last.week, *params],
    )


def _scores_query(
    conn: sqlite3.Connection, periods: Sequence[Period], owner: str, params: Params
) -> list[Any]:
    """(user_id, iso_year, iso_week, score) of the scored weekly forms of the years around ``periods``, in a
    fixed order (the mean of the scores is a float sum: the same scores in the same order on every engine
    and for every caller)."""
    source, values = scored_weeks(periods, owner, params)
    return conn.execute(
        f"SELECT wf.user_id, wf.iso_year, wf.iso_week, ws.score {source} "
        "ORDER BY wf.user_id, wf.iso_year, wf.iso_week, wf.id",
        values,
    ).fetchall()


def _load_periods(conn: sqlite3.Connection, periods: Sequence[Period]) -> None:
    conn.execute(
        f"CREATE TABLE IF NOT EXISTS {PERIOD_TABLE} (idx INTEGER PRIMARY KEY, lo TEXT NOT NULL, hi TEXT NOT NULL)"
    )
    conn.execute(f"DELETE FROM {PERIOD_TABLE}")
    conn.executemany(
        f"INSERT INTO {PERIOD_TABLE} (idx, lo, hi) VALUES (?, ?, ?)",
        [(i, p.start.isoformat(), p.end.isoformat()) for i, p in enumerate(periods)],
    )


def _days_between(earlier: str, later: str) -> int:
    return (date.fromisoformat(later) - date.fromisoformat(earlier)).days


def collect_facts(conn: sqlite3.Connection, periods: Sequence[Period], user_id: int | None) -> list[Facts]:
    """The raw aggregates of every period in ``periods`` (which may overlap), in the same order.

    Run it inside one transaction so that every query reads the same snapshot.
    """
    facts = [Facts() for _ in periods]
    if not periods:
        return facts
    _load_periods(conn, periods)
    queries = [
        *_follow_up_queries(user_id),
        *_client_queries(user_id),
        *_money_queries(user_id),
        *_opportunity_queries(user_id),
        *_complaint_queries(user_id),
        *referral_queries(user_id),
    ]
    for names, sql, params in queries:
        for idx, *values in conn.execute(sql, params):
            sums = facts[idx].sums
            for name, value in zip(names, values, strict=True):
                sums[name] += int(value or 0)

    for idx, signed_on, amount, created_on, first_follow_up, count in _first_signings(conn, user_id):
        facts[idx].first_signings.append(
            FirstSigning(
                signed_on=date.fromisoformat(signed_on),
                amount_cents=int(amount),
                cycle_days=max(0, _days_between(first_follow_up or created_on, signed_on)),
                follow_ups=int(count),
            )
        )

    for iso_year, iso_week, score in _behaviour_scores(conn, periods, user_id):
        try:
            thursday = week_of_thursday(int(iso_year), int(iso_week))
        except ValueError:  # a week number that ISO year does not have: no week, no score
            continue
        for idx, period in enumerate(periods):
            if period.contains(thursday):
                facts[idx].behaviour_scores.append(float(score))
    return facts


from .care_queries import referral_queries  # noqa: E402  (it uses this module's helpers)


def after_sales_queries(user_id: int | None) -> list[Query]:
    """The complaint and referral queries (small tables): what ``collect_facts`` runs for those KPIs, for
    readers that take every other KPI from the summaries (``desktop_crm.kpi_summary``)."""
    return [*_complaint_queries(user_id), *referral_queries(user_id)]
