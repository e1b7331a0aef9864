"""KPI summaries kept current by SQL triggers (schema version 10), and the dashboard's reads of them.

Two derived tables, like ``desktop_crm.derived``'s, so that every writer keeps them right:

- ``kpi_daily(day, user_id, …)``: per calendar day and attributed user (0 = nobody) the additive facts of
  the KPI module: ``new_clients`` (by the client's current owner), ``signed_amount_cents`` /
  ``collected_amount_cents`` / ``planned_collection_cents`` (contracts, payments, instalments of the
  client's current owner), ``activity_*`` and ``call_minutes`` (by who logged the follow-up),
  ``new_opportunity_value_cents`` and ``won_*`` / ``lost_*`` (by the opportunity's owner). Soft-deleted
  clients (and opportunities) count nowhere, as in the KPI module.
- ``kpi_first_signing(client_id, …)``: for each alive client with a contract, its first contract (earliest
  ``signed_on``, then lowest id), amount, the client's creation date and owner, the follow-up cycle in days
  and the number of follow-ups on or before the signing date: the first-signing KPIs and conversion.

``kpi_daily`` is maintained by deltas: a row's contribution is subtracted before it changes (BEFORE UPDATE
/ DELETE triggers read the old rows) and added after (AFTER INSERT / UPDATE). A client whose owner, creation
time or soft deletion changes moves its own contribution and those of its contracts, payments and
instalments (and, for a soft deletion or restore, of its follow-ups and opportunities); a contract moved to
another client moves its payments and instalments. Hard deletes: SQLite removes a parent row before its
cascade reaches the children, so a parent's BEFORE DELETE trigger subtracts its children and the children's
own triggers, finding no parent, add nothing. ``kpi_first_signing`` is recomputed per client after any
change to that client, its contracts or its follow-ups.

Bulk writers suspend the triggers (``derived.drop_triggers``) and ``derived.rebuild_all`` recomputes both
tables once and recreates the triggers (``rebuild``).

Reads: ``values(periods, user_id, keys)`` and ``per_person(period, user_ids, keys)`` return exactly
``kpi.compute_many``'s values for the requested keys (the tests compare them after writes); keys the
summaries do not hold (``repeat_rate``) come from the KPI module, as does everything when a database has no
summaries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from .driver import sqlite3
from .engine import drop_trigger, has_tables, raw_connection, sqlite_has_tables, trigger_statements
from .kpi import Period, compute_many
from .kpi.compute import Value
from .kpi.compute import _values as kpi_values
from .kpi.periods import week_of_thursday
from .kpi.queries import (
    CHANNELS,
    PERIOD_TABLE,
    Facts,
    FirstSigning,
    _behaviour_scores,
    _load_periods,
    after_sales_queries,
    scored_weeks,
)
from .models import database

DAILY = "kpi_daily"
FIRST = "kpi_first_signing"

ACTIVITY_COLUMNS = ("activity_total", *(f"activity_{c}" for c in CHANNELS), "call_minutes")
CLOSED_COLUMNS = ("won_count", "won_amount_cents", "lost_count", "lost_amount_cents")
DAILY_COLUMNS: tuple[str, ...] = (
    "new_clients",
    "signed_amount_cents",
    "collected_amount_cents",
    "planned_collection_cents",
    *ACTIVITY_COLUMNS,
    "new_opportunity_value_cents",
    *CLOSED_COLUMNS,
)

TABLES_SQL = (
    f'CREATE TABLE IF NOT EXISTS "{DAILY}" ("day" TEXT NOT NULL, "user_id" INTEGER NOT NULL, '
    + ", ".join(f'"{c}" INTEGER NOT NULL DEFAULT 0' for c in DAILY_COLUMNS)
    + ', PRIMARY KEY ("day", "user_id")) WITHOUT ROWID',
    f'CREATE TABLE IF NOT EXISTS "{FIRST}" ("client_id" INTEGER NOT NULL PRIMARY KEY, '
    '"owner_id" INTEGER NOT NULL, "created_on" TEXT NOT NULL, "signed_on" TEXT NOT NULL, '
    '"contract_id" INTEGER NOT NULL, "amount_cents" INTEGER NOT NULL, "cycle_days" INTEGER NOT NULL, '
    '"follow_ups" INTEGER NOT NULL)',
    f'CREATE INDEX IF NOT EXISTS "{FIRST}_signed" ON "{FIRST}" ("signed_on", "owner_id")',
    f'CREATE INDEX IF NOT EXISTS "{FIRST}_created" ON "{FIRST}" ("created_on", "owner_id")',
)

# --- contributions: (columns, SELECT day, user, *values ... WHERE <cond> GROUP BY 1, 2) -------------------

ALIVE_CLIENT = "cl.deleted_at IS NULL"


def _follow_ups(cond: str, sign: int) -> tuple[tuple[str, ...], str]:
    counts = ", ".join(f"{sign} * SUM(f.channel = '{c}')" for c in CHANNELS)
    return ACTIVITY_COLUMNS, (
        f"SELECT substr(f.happened_at, 1, 10), COALESCE(f.user_id, 0), {sign} * COUNT(*), {counts}, "
        f"{sign} * SUM(CASE WHEN f.channel = 'call' THEN f.duration_minutes ELSE 0 END) "
        f"FROM follow_up AS f JOIN client AS cl ON cl.id = f.client_id "
        f"WHERE {ALIVE_CLIENT} AND {cond} GROUP BY 1, 2"
    )


def _clients(cond: str, sign: int) -> tuple[tuple[str, ...], str]:
    return ("new_clients",), (
        f"SELECT substr(cl.created_at, 1, 10), COALESCE(cl.owner_id, 0), {sign} * COUNT(*) "
        f"FROM client AS cl WHERE {ALIVE_CLIENT} AND {cond} GROUP BY 1, 2"
    )


def _contracts(cond: str, sign: int) -> tuple[tuple[str, ...], str]:
    return ("signed_amount_cents",), (
        f"SELECT substr(k.signed_on, 1, 10), COALESCE(cl.owner_id, 0), {sign} * SUM(k.amount_cents) "
        f"FROM contract AS k JOIN client AS cl ON cl.id = k.client_id "
        f"WHERE {ALIVE_CLIENT} AND {cond} GROUP BY 1, 2"
    )


def _money(table: str, day: str, column: str) -> object:
    def contribution(cond: str, sign: int) -> tuple[tuple[str, ...], str]:
        return (column,), (
            f"SELECT substr(x.{day}, 1, 10), COALESCE(cl.owner_id, 0), {sign} * SUM(x.amount_cents) "
            f"FROM {table} AS x JOIN contract AS k ON k.id = x.contract_id JOIN client AS cl ON cl.id = k.client_id "
            f"WHERE {ALIVE_CLIENT} AND {cond} GROUP BY 1, 2"
        )

    return contribution


_payments = _money("payment", "paid_on", "collected_amount_cents")
_instalments = _money("payment_instalment", "due_date", "planned_collection_cents")


def _opportunities_new(cond: str, sign: int) -> tuple[tuple[str, ...], str]:
    return ("new_opportunity_value_cents",), (
        f"SELECT substr(o.created_at, 1, 10), COALESCE(o.owner_id, 0), {sign} * SUM(o.expected_amount_cents) "
        f"FROM opportunity AS o JOIN client AS cl ON cl.id = o.client_id "
        f"WHERE o.deleted_at IS NULL AND {ALIVE_CLIENT} AND {cond} GROUP BY 1, 2"
    )


def _opportunities_closed(cond: str, sign: int) -> tuple[tuple[str, ...], str]:
    won = "o.stage = 'won'"
    lost = "o.stage = 'lost'"
    return CLOSED_COLUMNS, (
        f"SELECT substr(o.closed_on, 1, 10), COALESCE(o.owner_id, 0), {sign} * SUM({won}), "
        f"{sign} * SUM(CASE WHEN {won} THEN o.expected_amount_cents ELSE 0 END), {sign} * SUM({lost}), "
        f"{sign} * SUM(CASE WHEN {lost} THEN o.expected_amount_cents ELSE 0 END) "
        f"FROM opportunity AS o JOIN client AS cl ON cl.id = o.client_id "
        f"WHERE o.deleted_at IS NULL AND {ALIVE_CLIENT} AND o.stage IN ('won', 'lost') "
        f"AND o.closed_on IS NOT NULL AND {cond} GROUP BY 1, 2"
    )


def _apply(contribution: object, cond: str, sign: int) -> str:
    """One upsert statement adding ``sign`` × the contribution of the rows matching ``cond``."""
    columns, select = contribution(cond, sign)  # type: ignore[operator]
    names = ", ".join(columns)
    updates = ", ".join(f"{c} = {DAILY}.{c} + excluded.{c}" for c in columns)  # qualified: PostgreSQL
    return (
        f"INSERT INTO {DAILY} (day, user_id, {names}) {select} "
        f"ON CONFLICT (day, user_id) DO UPDATE SET {updates};"
    )


def _all(parts: Sequence[tuple[object, str]], sign: int) -> str:
    return " ".join(_apply(contribution, cond, sign) for contribution, cond in parts)


def _client_money(cid: str) -> list[tuple[object, str]]:
    """A client's own contribution and its contracts', payments' and instalments' (owner-keyed)."""
    return [
        (_clients, f"cl.id = {cid}"),
        (_contracts, f"cl.id = {cid}"),
        (_payments, f"cl.id = {cid}"),
        (_instalments, f"cl.id = {cid}"),
    ]


def _client_logged(cid: str) -> list[tuple[object, str]]:
    """The contributions of a client's follow-ups and opportunities (keyed by logger / opportunity owner)."""
    return [
        (_follow_ups, f"f.client_id = {cid}"),
        (_opportunities_new, f"o.client_id = {cid}"),
        (_opportunities_closed, f"o.client_id = {cid}"),
    ]


def _contract_all(kid: str) -> list[tuple[object, str]]:
    return [(_contracts, f"k.id = {kid}"), (_payments, f"k.id = {kid}"), (_instalments, f"k.id = {kid}")]


def _changed(*columns: str) -> str:
    return " OR ".join(f"old.{c} IS NOT new.{c}" for c in columns)


def _first_refresh(cid: str) -> str:
    """Recompute one client's first-signing row (the KPI module's rules, see ``kpi.queries``)."""
    until_signing = "f.client_id = k.client_id AND f.happened_at < date(k.signed_on, '+1 day')"
    return (
        f"DELETE FROM {FIRST} WHERE client_id = {cid}; "
        f"INSERT INTO {FIRST} (client_id, owner_id, created_on, signed_on, contract_id, amount_cents, "
        f"cycle_days, follow_ups) "
        f"SELECT cl.id, COALESCE(cl.owner_id, 0), substr(cl.created_at, 1, 10), k.signed_on, k.id, "
        f"k.amount_cents, MAX(0, CAST(julianday(substr(k.signed_on, 1, 10)) - julianday(COALESCE("
        f"(SELECT substr(MIN(f.happened_at), 1, 10) FROM follow_up AS f WHERE {until_signing}), "
        f"substr(cl.created_at, 1, 10))) AS INTEGER)), "
        f"(SELECT COUNT(*) FROM follow_up AS f WHERE {until_signing}) "
        f"FROM contract AS k JOIN client AS cl ON cl.id = k.client_id "
        f"WHERE cl.id = {cid} AND {ALIVE_CLIENT} AND NOT EXISTS (SELECT 1 FROM contract AS e "
        f"WHERE e.client_id = k.client_id AND (e.signed_on < k.signed_on "
        f"OR (e.signed_on = k.signed_on AND e.id < k.id)));"
    )


def _first_rebuild() -> str:
    return (
        _first_refresh("cl.id")
        .replace(f"DELETE FROM {FIRST} WHERE client_id = cl.id; ", "")
        .replace("WHERE cl.id = cl.id AND", "WHERE")
    )


_FU_FIELDS = ("happened_at", "user_id", "channel", "duration_minutes", "client_id")
_OPP_FIELDS = (
    "owner_id",
    "client_id",
    "stage",
    "created_at",
    "closed_on",
    "expected_amount_cents",
    "deleted_at",
)
_CLIENT_MONEY_FIELDS = ("owner_id", "created_at", "deleted_at")
_ALIVE_CHANGED = "(old.deleted_at IS NULL) <> (new.deleted_at IS NULL)"

TRIGGERS: dict[str, str] = {
    # follow-ups
    "kpi_follow_up_ai": f"AFTER INSERT ON follow_up BEGIN {_apply(_follow_ups, 'f.id = new.id', 1)} "
    f"{_first_refresh('new.client_id')} END",
    "kpi_follow_up_bu": f"BEFORE UPDATE OF {', '.join(_FU_FIELDS)} ON follow_up WHEN {_changed(*_FU_FIELDS)} "
    f"BEGIN {_apply(_follow_ups, 'f.id = old.id', -1)} END",
    "kpi_follow_up_au": f"AFTER UPDATE OF {', '.join(_FU_FIELDS)} ON follow_up WHEN {_changed(*_FU_FIELDS)} "
    f"BEGIN {_apply(_follow_ups, 'f.id = new.id', 1)} {_first_refresh('old.client_id')} "
    f"{_first_refresh('new.client_id')} END",
    "kpi_follow_up_bd": f"BEFORE DELETE ON follow_up BEGIN {_apply(_follow_ups, 'f.id = old.id', -1)} END",
    "kpi_follow_up_ad": f"AFTER DELETE ON follow_up BEGIN {_first_refresh('old.client_id')} END",
    # clients
    "kpi_client_ai": f"AFTER INSERT ON client BEGIN {_apply(_clients, 'cl.id = new.id', 1)} END",
    "kpi_client_bu_money": f"BEFORE UPDATE OF {', '.join(_CLIENT_MONEY_FIELDS)} ON client "
    f"WHEN {_changed(*_CLIENT_MONEY_FIELDS)} BEGIN {_all(_client_money('old.id'), -1)} END",
    "kpi_client_au_money": f"AFTER UPDATE OF {', '.join(_CLIENT_MONEY_FIELDS)} ON client "
    f"WHEN {_changed(*_CLIENT_MONEY_FIELDS)} BEGIN {_all(_client_money('new.id'), 1)} "
    f"{_first_refresh('new.id')} END",
    "kpi_client_bu_alive": f"BEFORE UPDATE OF deleted_at ON client WHEN {_ALIVE_CHANGED} "
    f"BEGIN {_all(_client_logged('old.id'), -1)} END",
    "kpi_client_au_alive": f"AFTER UPDATE OF deleted_at ON client WHEN {_ALIVE_CHANGED} "
    f"BEGIN {_all(_client_logged('new.id'), 1)} END",
    "kpi_client_bd": f"BEFORE DELETE ON client BEGIN {_all(_client_money('old.id'), -1)} "
    f"{_all(_client_logged('old.id'), -1)} END",
    "kpi_client_ad": f"AFTER DELETE ON client BEGIN DELETE FROM {FIRST} WHERE client_id = old.id; END",
    # contracts (a contract moved to another client takes its payments and instalments along)
    "kpi_contract_ai": f"AFTER INSERT ON contract BEGIN {_apply(_contracts, 'k.id = new.id', 1)} "
    f"{_first_refresh('new.client_id')} END",
    "kpi_contract_bu": "BEFORE UPDATE OF client_id, signed_on, amount_cents ON contract "
    f"WHEN {_changed('client_id', 'signed_on', 'amount_cents')} BEGIN {_all(_contract_all('old.id'), -1)} END",
    "kpi_contract_au": "AFTER UPDATE OF client_id, signed_on, amount_cents ON contract "
    f"WHEN {_changed('client_id', 'signed_on', 'amount_cents')} BEGIN {_all(_contract_all('new.id'), 1)} "
    f"{_first_refresh('old.client_id')} {_first_refresh('new.client_id')} END",
    "kpi_contract_bd": f"BEFORE DELETE ON contract BEGIN {_all(_contract_all('old.id'), -1)} END",
    "kpi_contract_ad": f"AFTER DELETE ON contract BEGIN {_first_refresh('old.client_id')} END",
}
for _table, _day, _contribution in (
    ("payment", "paid_on", _payments),
    ("payment_instalment", "due_date", _instalments),
):
    _fields = ("contract_id", _day, "amount_cents")
    _of = f"OF {', '.join(_fields)} ON {_table} WHEN {_changed(*_fields)}"
    TRIGGERS[f"kpi_{_table}_ai"] = (
        f"AFTER INSERT ON {_table} BEGIN {_apply(_contribution, 'x.id = new.id', 1)} END"
    )
    TRIGGERS[f"kpi_{_table}_bu"] = (
        f"BEFORE UPDATE {_of} BEGIN {_apply(_contribution, 'x.id = old.id', -1)} END"
    )
    TRIGGERS[f"kpi_{_table}_au"] = f"AFTER UPDATE {_of} BEGIN {_apply(_contribution, 'x.id = new.id', 1)} END"
    TRIGGERS[f"kpi_{_table}_bd"] = (
        f"BEFORE DELETE ON {_table} BEGIN {_apply(_contribution, 'x.id = old.id', -1)} END"
    )
# opportunities
_opp = f"OF {', '.join(_OPP_FIELDS)} ON opportunity WHEN {_changed(*_OPP_FIELDS)}"
_OPP_PARTS = ((_opportunities_new, "o.id = {}"), (_opportunities_closed, "o.id = {}"))
TRIGGERS["kpi_opportunity_ai"] = (
    "AFTER INSERT ON opportunity BEGIN "
    + " ".join(_apply(c, cond.format("new.id"), 1) for c, cond in _OPP_PARTS)
    + " END"
)
TRIGGERS["kpi_opportunity_bu"] = (
    f"BEFORE UPDATE {_opp} BEGIN "
    + " ".join(_apply(c, cond.format("old.id"), -1) for c, cond in _OPP_PARTS)
    + " END"
)
TRIGGERS["kpi_opportunity_au"] = (
    f"AFTER UPDATE {_opp} BEGIN "
    + " ".join(_apply(c, cond.format("new.id"), 1) for c, cond in _OPP_PARTS)
    + " END"
)
TRIGGERS["kpi_opportunity_bd"] = (
    "BEFORE DELETE ON opportunity BEGIN "
    + " ".join(_apply(c, cond.format("old.id"), -1) for c, cond in _OPP_PARTS)
    + " END"
)


# --- maintenance -------------------------------------------------------------------------------------


def create_tables(conn: sqlite3.Connection) -> None:
    for sql in TABLES_SQL:
        conn.execute(sql)


def _database_of(conn: sqlite3.Connection) -> object:
    """What the engine functions need to tell ``conn``'s engine (not the database bound to the models:
    a file being migrated is not bound yet)."""
    return conn if isinstance(conn, sqlite3.Connection) else getattr(conn, "_db", None)


def create_triggers(conn: sqlite3.Connection) -> None:
    for name, body in TRIGGERS.items():
        for statement in trigger_statements(
            f'CREATE TRIGGER IF NOT EXISTS "{name}" {body}', _database_of(conn)
        ):
            conn.execute(statement)


def drop_triggers(conn: sqlite3.Connection) -> None:
    for name, body in TRIGGERS.items():
        table = re.search(r'\bON\s+"?(\w+)"?', body)
        assert table is not None, name
        conn.execute(drop_trigger(name, table.group(1), _database_of(conn)))


def has_summaries(conn: sqlite3.Connection) -> bool:
    if not isinstance(conn, sqlite3.Connection):  # the team database's wrapper: the bound database's tables
        db = _database_of(conn)
        if getattr(db, "crm_has_kpi_summaries", False):  # once made, never dropped: asked once per open
            return True
        found = has_tables((DAILY, FIRST), db)
        if found and db is not None:
            db.crm_has_kpi_summaries = True  # type: ignore[attr-defined]
        return found
    return sqlite_has_tables(conn, (DAILY, FIRST))


def recompute(conn: sqlite3.Connection) -> None:
    """Recompute both summary tables from the base tables (inside the caller's transaction)."""
    conn.execute(f"DELETE FROM {DAILY}")
    for contribution in (
        _follow_ups,
        _clients,
        _contracts,
        _payments,
        _instalments,
        _opportunities_new,
        _opportunities_closed,
    ):
        conn.execute(_apply(contribution, "1 = 1", 1))
    conn.execute(f"DELETE FROM {FIRST}")
    conn.execute(_first_rebuild())


def rebuild(conn: sqlite3.Connection) -> None:
    """After a bulk load (triggers dropped): recompute the summaries and resume maintaining them."""
    if not has_summaries(conn):
        return
    recompute(conn)
    create_triggers(conn)


def install(conn: sqlite3.Connection) -> None:
    """Schema version 10: the tables, filled from the existing data, and their triggers."""
    create_tables(conn)
    recompute(conn)
    create_triggers(conn)


# --- reads -------------------------------------------------------------------------------------------

FIRST_KEYS = frozenset(
    {
        "first_signings",
        "first_order_avg_cents",
        "follow_up_cycle_days_mean",
        "follow_up_cycle_days_median",
        "follow_ups_per_signed_client",
    }
)
# Not summarised but cheap (service records and referrals are small tables): read with the KPI
# module's own queries, so a view that shows them still avoids the full computation.
AFTER_SALES_KEYS = frozenset(
    {"complaints_opened", "complaints_resolved", "resolution_days_mean", "referrals", "referral_conversion"}
)
SUMMARY_KEYS = frozenset(
    {*DAILY_COLUMNS, *FIRST_KEYS, "conversion_rate", "behaviour_score", *AFTER_SALES_KEYS}
)


def _facts(
    conn: sqlite3.Connection, periods: Sequence[Period], user_id: int | None, keys: frozenset[str]
) -> list[Facts]:
    facts = [Facts() for _ in periods]
    _load_periods(conn, periods)
    owner = "" if user_id is None else " AND {} = ?"
    params: list[object] = [] if user_id is None else [user_id]
    columns = [c for c in DAILY_COLUMNS if c in keys or (c == "new_clients" and "conversion_rate" in keys)]
    if columns:
        sums = ", ".join(f"SUM(d.{c})" for c in columns)
        for idx, *values in conn.execute(
            f"SELECT p.idx, {sums} FROM {PERIOD_TABLE} AS p JOIN {DAILY} AS d "
            f"ON d.day >= p.lo AND d.day < p.hi{owner.format('d.user_id')} GROUP BY p.idx",
            params,
        ):
            for name, value in zip(columns, values, strict=True):
                facts[idx].sums[name] = int(value or 0)
    if "conversion_rate" in keys:
        for idx, count in conn.execute(
            f"SELECT p.idx, COUNT(*) FROM {PERIOD_TABLE} AS p JOIN {FIRST} AS s "
            f"ON s.created_on >= p.lo AND s.created_on < p.hi AND s.signed_on < p.hi"
            f"{owner.format('s.owner_id')} GROUP BY p.idx",
            params,
        ):
            facts[idx].sums["converted_clients"] = int(count)
    if keys & FIRST_KEYS:
        for idx, signed_on, amount, cycle, follow_ups in conn.execute(
            f"SELECT p.idx, s.signed_on, s.amount_cents, s.cycle_days, s.follow_ups "
            f"FROM {PERIOD_TABLE} AS p JOIN {FIRST} AS s ON s.signed_on >= p.lo AND s.signed_on < p.hi"
            f"{owner.format('s.owner_id')}",
            params,
        ):
            facts[idx].first_signings.append(
                FirstSigning(
                    date.fromisoformat(str(signed_on)[:10]), int(amount), int(cycle), int(follow_ups)
                )
            )
    if "behaviour_score" in keys:
        _add_scores(facts, periods, _behaviour_scores(conn, periods, user_id))
    if keys & AFTER_SALES_KEYS:
        for names, sql, query_params in after_sales_queries(user_id):
            for idx, *found in conn.execute(sql, query_params):
                for name, value in zip(names, found, strict=True):
                    facts[idx].sums[name] += int(value or 0)
    return facts


def _add_scores(facts: Sequence[Facts], periods: Sequence[Period], rows: Sequence[tuple]) -> None:
    """Each scored form's score, in row order, to the facts of every period holding its week's Thursday
    (the periods of a week worked out once per distinct week, not once per form)."""
    holding: dict[tuple[int, int], list[int]] = {}
    for iso_year, iso_week, score in rows:
        week = (int(iso_year), int(iso_week))
        indexes = holding.get(week)
        if indexes is None:
            try:
                thursday = week_of_thursday(*week)
            except ValueError:
                indexes = []
            else:
                indexes = [idx for idx, period in enumerate(periods) if period.contains(thursday)]
            holding[week] = indexes
        for idx in indexes:
            facts[idx].behaviour_scores.append(float(score))


def values(
    periods: Sequence[Period], user_id: int | None, keys: Sequence[str]
) -> dict[Period, dict[str, Value]]:
    """``kpi.compute_many(periods, user_id)`` restricted to ``keys`` (every key when a key is not
    summarised), reading the summaries: a handful of small queries whatever the data's size."""
    distinct = sorted(set(periods))
    wanted = frozenset(keys)
    conn = raw_connection()
    if not distinct:
        return {}
    if not wanted <= SUMMARY_KEYS or not has_summaries(conn):
        return compute_many(distinct, user_id)
    with database.atomic():  # one read snapshot
        facts = _facts(conn, distinct, user_id, wanted)
    result = {}
    for period, fact in zip(distinct, facts, strict=True):
        computed = kpi_values(fact)
        result[period] = {key: computed[key] for key in keys}
    return result


def _facts_by_person(
    conn: sqlite3.Connection, periods: Sequence[Period], user_ids: Sequence[int], keys: frozenset[str]
) -> dict[int, list[Facts]]:
    """``_facts(conn, periods, u, keys)`` for every ``u`` of ``user_ids``, from one grouped query per fact
    (the behaviour scores: the KPI module's own query per person, so the float sums are the same)."""
    facts = {u: [Facts() for _ in periods] for u in user_ids}
    _load_periods(conn, periods)
    marks = ", ".join("?" for _ in user_ids)
    params = list(user_ids)
    columns = [c for c in DAILY_COLUMNS if c in keys or (c == "new_clients" and "conversion_rate" in keys)]
    if columns:
        sums = ", ".join(f"SUM(d.{c})" for c in columns)
        for idx, user_id, *found in conn.execute(
            f"SELECT p.idx, d.user_id, {sums} FROM {PERIOD_TABLE} AS p JOIN {DAILY} AS d "
            f"ON d.day >= p.lo AND d.day < p.hi AND d.user_id IN ({marks}) GROUP BY p.idx, d.user_id",
            params,
        ):
            for name, value in zip(columns, found, strict=True):
                facts[user_id][idx].sums[name] = int(value or 0)
    if "conversion_rate" in keys:
        for idx, user_id, count in conn.execute(
            f"SELECT p.idx, s.owner_id, COUNT(*) FROM {PERIOD_TABLE} AS p JOIN {FIRST} AS s "
            f"ON s.created_on >= p.lo AND s.created_on < p.hi AND s.signed_on < p.hi "
            f"AND s.owner_id IN ({marks}) GROUP BY p.idx, s.owner_id",
            params,
        ):
            facts[user_id][idx].sums["converted_clients"] = int(count)
    if keys & FIRST_KEYS:
        for idx, user_id, signed_on, amount, cycle, follow_ups in conn.execute(
            f"SELECT p.idx, s.owner_id, s.signed_on, s.amount_cents, s.cycle_days, s.follow_ups "
            f"FROM {PERIOD_TABLE} AS p JOIN {FIRST} AS s ON s.signed_on >= p.lo AND s.signed_on < p.hi "
            f"AND s.owner_id IN ({marks})",
            params,
        ):
            facts[user_id][idx].first_signings.append(
                FirstSigning(
                    date.fromisoformat(str(signed_on)[:10]), int(amount), int(cycle), int(follow_ups)
                )
            )
    if "behaviour_score" in keys:
        for user_id, listed in facts.items():
            _add_scores(listed, periods, _behaviour_scores(conn, periods, user_id))
    return facts


def values_by_person(
    periods: Sequence[Period], user_ids: Sequence[int], keys: Sequence[str]
) -> dict[int, dict[Period, dict[str, Value]]]:
    """``values(periods, u, keys)`` for every ``u`` of ``user_ids``, from one batch of queries for
    everyone (goal attainment: each salesperson's goals' actuals)."""
    distinct = sorted(set(periods))
    people = sorted(set(user_ids))
    wanted = frozenset(keys)
    conn = raw_connection()
    if not distinct or not people:
        return {u: {} for u in people}
    if not wanted <= SUMMARY_KEYS - AFTER_SALES_KEYS or not has_summaries(conn):
        return {u: values(distinct, u, keys) for u in people}  # (after-sales facts: per person)
    with database.atomic():  # one read snapshot
        facts = _facts_by_person(conn, distinct, people, wanted)
    result: dict[int, dict[Period, dict[str, Value]]] = {}
    for user_id, listed in facts.items():
        result[user_id] = {}
        for period, fact in zip(distinct, listed, strict=True):
            computed = kpi_values(fact)
            result[user_id][period] = {key: computed[key] for key in keys}
    return result


def per_person(period: Period, user_ids: Sequence[int], keys: Sequence[str]) -> dict[int, dict[str, Value]]:
    """The values of ``keys`` for ``period``, for each person: ``values([period], u, keys)`` for every
    ``u``, from one statement for everyone (:func:`_per_person_rows`) instead of one batch per person."""
    wanted = frozenset(keys)
    conn = raw_connection()
    if not user_ids:
        return {}
    if not wanted <= SUMMARY_KEYS or not has_summaries(conn):
        return {u: values([period], u, keys)[period] for u in user_ids}
    facts = {u: Facts() for u in user_ids}
    lo, hi = period.start.isoformat(), period.end.isoformat()
    columns = _daily_columns(wanted)
    for part, user_id, created_on, signed_on, *numbers, score in _per_person_rows(
        conn, period, list(facts), wanted, columns
    ):
        fact = facts.get(user_id)
        if fact is None:
            continue
        if part == 0:  # the day sums
            for name, value in zip(columns, numbers, strict=False):
                fact.sums[name] = int(value or 0)
        elif part == 1:  # a first signing: in the period, or of a client created in it (conversion)
            amount, cycle, follow_ups = numbers[:3]
            if "conversion_rate" in wanted and lo <= str(created_on) < hi and str(signed_on) < hi:
                fact.sums["converted_clients"] += 1
            if wanted & FIRST_KEYS and lo <= str(signed_on) < hi:
                fact.first_signings.append(
                    FirstSigning(
                        date.fromisoformat(str(signed_on)[:10]), int(amount), int(cycle), int(follow_ups)
                    )
                )
        else:  # a scored week (rows in the KPI module's order: the same float sums)
            iso_year, iso_week = numbers[:2]
            try:
                thursday = week_of_thursday(int(iso_year), int(iso_week))
            except ValueError:
                continue
            if period.contains(thursday):
                fact.behaviour_scores.append(float(score))
    result = {}
    for user_id, fact in facts.items():
        computed = kpi_values(fact)
        result[user_id] = {key: computed[key] for key in keys}
    return result


def _daily_columns(wanted: frozenset[str]) -> list[str]:
    return [c for c in DAILY_COLUMNS if c in wanted or (c == "new_clients" and "conversion_rate" in wanted)]


def _per_person_rows(
    conn: sqlite3.Connection,
    period: Period,
    user_ids: Sequence[int],
    wanted: frozenset[str],
    columns: Sequence[str],
) -> list[tuple[Any, ...]]:
    """Every fact ``per_person`` needs, in one statement (one round trip and one read snapshot on either
    engine): rows ``(part, person, created_on, signed_on, number…, score)`` — part 0 a person's day sums
    (the numbers: ``columns``, ``_daily_columns(wanted)``), part 1 a first signing in the period or of a client created in it
    (amount, cycle days, follow-ups), part 2 a scored week (ISO year, week, form id; the score), ordered
    as the KPI module reads the scores."""
    lo, hi = period.start.isoformat(), period.end.isoformat()
    width = max(len(columns), 3)

    def select(
        part: int, person: str, texts: Sequence[str] = (), numbers: Sequence[str] = (), score: str = ""
    ) -> str:
        # every part gives every column (typed NULLs: the engines agree on each column's type)
        cells = [str(part), person, *texts, *["CAST(NULL AS TEXT)"] * (2 - len(texts))]
        cells += [*numbers, *["CAST(NULL AS INTEGER)"] * (width - len(numbers))]
        cells.append(score or "CAST(NULL AS REAL)")
        return "SELECT " + ", ".join(cells)

    parts: list[str] = []
    params: list[Any] = []
    if columns:
        sums = [f"CAST(SUM({c}) AS BIGINT)" for c in columns]  # an integer on PostgreSQL too (not NUMERIC)
        parts.append(
            f"{select(0, 'user_id', numbers=sums)} FROM {DAILY} WHERE day >= ? AND day < ? GROUP BY user_id"
        )
        params += [lo, hi]
    if "conversion_rate" in wanted or wanted & FIRST_KEYS:
        parts.append(
            f"{select(1, 'owner_id', ('created_on', 'signed_on'), ('amount_cents', 'cycle_days', 'follow_ups'))} "
            f"FROM {FIRST} WHERE (signed_on >= ? AND signed_on < ?) "
            "OR (created_on >= ? AND created_on < ? AND signed_on < ?)"
        )
        params += [lo, hi, lo, hi, hi]
    if "behaviour_score" in wanted and user_ids:
        marks = ", ".join("?" for _ in user_ids)
        source, values = scored_weeks([period], f" AND wf.user_id IN ({marks})", list(user_ids))
        parts.append(
            f"{select(2, 'wf.user_id', numbers=('wf.iso_year', 'wf.iso_week', 'wf.id'), score='ws.score')} {source}"
        )
        params += values
    if not parts:
        return []
    # part, person, then (part 2) ISO year, week and form id: the KPI module's order of the scores
    return conn.execute(" UNION ALL ".join(parts) + " ORDER BY 1, 2, 5, 6, 7", params).fetchall()


def check(conn: sqlite3.Connection) -> list[str]:
    """Differences between the stored summaries and a recomputation from the base tables (empty: exact)."""
    problems: list[str] = []
    with database.atomic():  # a savepoint needs a transaction on a team database (autocommit otherwise)
        conn.execute("SAVEPOINT kpi_summary_check")
        try:
            stored_daily = _nonzero(conn.execute(f"SELECT * FROM {DAILY}").fetchall())
            stored_first = set(conn.execute(f"SELECT * FROM {FIRST}").fetchall())
            recompute(conn)
            fresh_daily = _nonzero(conn.execute(f"SELECT * FROM {DAILY}").fetchall())
            fresh_first = set(conn.execute(f"SELECT * FROM {FIRST}").fetchall())
        finally:
            conn.execute("ROLLBACK TO kpi_summary_check")
            conn.execute("RELEASE kpi_summary_check")
    for key in sorted(set(stored_daily) | set(fresh_daily)):
        if stored_daily.get(key) != fresh_daily.get(key):
            problems.append(
                f"{DAILY} {key}: stored {stored_daily.get(key)}, recomputed {fresh_daily.get(key)}"
            )
    for row in sorted(stored_first ^ fresh_first):
        where = "stored" if row in stored_first else "recomputed"
        problems.append(f"{FIRST} {where} only: {row}")
    return problems


def _nonzero(rows: Sequence[tuple]) -> dict[tuple, tuple]:
    return {(r[0], r[1]): tuple(r[2:]) for r in rows if any(r[2:])}
