"""The Today page's agenda: next steps overdue / due today / due this week, neglected clients and
payment instalments due or overdue. Plain SQL over indexes; rows come back as small dataclasses.

Neglect thresholds (days without a follow-up) are per grade, defaults A 7, B 14, C 30, stored in the
``agenda.neglect_days`` setting. A client created less than its threshold ago is not neglected yet;
dormant and lost clients are never listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .engine import id_chunks
from .models import database
from .receivables import allocate
from .services.settings import get_setting

DEFAULT_NEGLECT_DAYS = {"A": 7, "B": 14, "C": 30}
NEGLECT_SETTING = "agenda.neglect_days"


@dataclass(frozen=True)
class AgendaStep:
    id: int
    client_id: int
    client_name: str
    title: str
    plan_type: str
    bucket: str
    due_at: datetime
    user_id: int | None
    source_follow_up_id: int | None


@dataclass(frozen=True)
class NeglectedClient:
    id: int
    name: str
    grade: str
    last_contact_at: datetime | None
    days: int | None  # whole days since the last follow-up; None = never contacted
    threshold: int


@dataclass(frozen=True)
class DueInstalment:
    instalment_id: int
    contract_id: int
    client_id: int
    client_name: str
    due_date: date
    amount: int
    remaining: int
    overdue: bool


@dataclass
class Agenda:
    now: datetime
    overdue: list[AgendaStep] = field(default_factory=list)
    today: list[AgendaStep] = field(default_factory=list)
    this_week: list[AgendaStep] = field(default_factory=list)
    neglected: list[NeglectedClient] = field(default_factory=list)
    neglected_total: int = 0
    instalments_overdue: list[DueInstalment] = field(default_factory=list)
    instalments_due: list[DueInstalment] = field(default_factory=list)

    @property
    def badge_count(self) -> int:
        """What needs attention now: overdue and due-today steps, and overdue instalments."""
        return len(self.overdue) + len(self.today) + len(self.instalments_overdue)


def neglect_days() -> dict[str, int]:
    """The per-grade thresholds: the stored setting over the defaults (unreadable entries ignored)."""
    days = dict(DEFAULT_NEGLECT_DAYS)
    stored = get_setting(NEGLECT_SETTING, {})
    if isinstance(stored, dict):
        days.update({k: int(v) for k, v in stored.items() if k in days and str(v).isdigit()})
    return days


def _ts(value: object) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def open_steps(start: datetime | None, end: datetime, user_id: int | None, limit: int) -> list[AgendaStep]:
    """Open next steps of alive clients due in [start, end), earliest first."""
    sql = """SELECT s.id, s.client_id, c.name, s.title, s.plan_type, s.bucket, s.due_at, s.user_id,
                    s.source_follow_up_id
             FROM next_step s JOIN client c ON c.id = s.client_id
             WHERE s.done = 0 AND c.deleted_at IS NULL AND s.due_at < ?"""
    params: list[object] = [end.isoformat(sep=" ")]
    if start is not None:
        sql += " AND s.due_at >= ?"
        params.append(start.isoformat(sep=" "))
    if user_id is not None:
        sql += " AND s.user_id = ?"
        params.append(user_id)
    sql += " ORDER BY s.due_at, s.id LIMIT ?"
    params.append(limit)
    return [
        AgendaStep(r[0], r[1], r[2], r[3], r[4], r[5], _ts(r[6]), r[7], r[8])
        for r in database.execute_sql(sql, params)
    ]


def neglected_clients(
    today: date, user_id: int | None, limit: int, thresholds: dict[str, int] | None = None
) -> tuple[list[NeglectedClient], int]:
    thresholds = thresholds or neglect_days()
    parts: list[str] = []
    params: list[object] = []
    for grade, limit_days in thresholds.items():
        cutoff = (today - timedelta(days=limit_days - 1)).isoformat()
        parts.append("(c.grade = ? AND coalesce(c.last_contact_at, c.created_at) < ?)")
        params.extend([grade, cutoff])
    where = "c.deleted_at IS NULL AND c.status NOT IN ('dormant', 'lost') AND (" + " OR ".join(parts) + ")"
    if user_id is not None:
        where += " AND c.owner_id = ?"
        params.append(user_id)
    total = database.execute_sql(f"SELECT count(*) FROM client c WHERE {where}", params).fetchone()[0]
    rows = database.execute_sql(
        f"""SELECT c.id, c.name, c.grade, c.last_contact_at FROM client c WHERE {where}
            ORDER BY c.grade, c.last_contact_at IS NOT NULL, c.last_contact_at, c.id LIMIT ?""",
        [*params, limit],
    ).fetchall()
    result = []
    for cid, name, grade, last in rows:
        last_at = _ts(last) if last else None
        since = (today - last_at.date()).days if last_at else None
        result.append(NeglectedClient(cid, name, grade, last_at, since, thresholds.get(grade, 0)))
    return result, int(total)


def instalments_due(today: date, until: date, user_id: int | None, limit: int) -> list[DueInstalment]:
    """Instalments due up to ``until`` (inclusive) that payments up to ``today`` have not covered."""
    where = "c.deleted_at IS NULL"
    params: list[object] = [until.isoformat()]
    if user_id is not None:
        where += " AND c.owner_id = ?"
        params.append(user_id)
    # Contracts whose payments so far are below what was due by ``until``: one GROUP BY over the
    # instalments (a correlated sum per instalment row took 2.4x longer on the large demo).
    candidates = database.execute_sql(
        f"""SELECT d.contract_id FROM
              (SELECT contract_id, sum(amount_cents) AS planned FROM payment_instalment
               WHERE due_date <= ? GROUP BY contract_id) d
            JOIN contract k ON k.id = d.contract_id JOIN client c ON c.id = k.client_id
            WHERE {where}
            AND (SELECT coalesce(sum(p.amount_cents), 0) FROM payment p WHERE p.contract_id = d.contract_id)
              < d.planned""",
        params,
    ).fetchall()
    contract_ids = [r[0] for r in candidates]
    result: list[DueInstalment] = []
    for in_chunk, chunk in id_chunks(contract_ids):
        plans: dict[int, list[tuple[int, str, int]]] = {}
        info: dict[int, tuple[int, str]] = {}
        for iid, kid, due, amount, cid, cname in database.execute_sql(
            f"""SELECT i.id, i.contract_id, i.due_date, i.amount_cents, c.id, c.name
                FROM payment_instalment i JOIN contract k ON k.id = i.contract_id JOIN client c ON c.id = k.client_id
                WHERE i.contract_id {in_chunk}""",
            chunk,
        ):
            plans.setdefault(kid, []).append((iid, str(due), amount))
            info[kid] = (cid, cname)
        paid_by: dict[int, list[tuple[int | None, int]]] = {}
        for kid, iid, amount in database.execute_sql(
            "SELECT p.contract_id, p.instalment_id, p.amount_cents FROM payment p "
            f"WHERE p.contract_id {in_chunk} AND p.paid_on <= ?",
            [*chunk, today.isoformat()],
        ):
            paid_by.setdefault(kid, []).append((iid, amount))
        for kid, plan in plans.items():
            paid = allocate(plan, paid_by.get(kid, []))
            for iid, due, amount in plan:
                due_day = date.fromisoformat(due[:10])
                if due_day <= until and paid[iid] < amount:
                    cid, cname = info[kid]
                    result.append(
                        DueInstalment(
                            iid, kid, cid, cname, due_day, amount, amount - paid[iid], due_day < today
                        )
                    )
    result.sort(key=lambda d: (d.due_date, d.instalment_id))
    return result[:limit]


def load_agenda(now: datetime, user_id: int | None = None, limit: int = 500) -> Agenda:
    today = now.date()
    midnight = datetime.combine(today, datetime.min.time())
    tomorrow = midnight + timedelta(days=1)
    week_end = midnight + timedelta(days=7 - today.weekday())  # next Monday 00:00
    agenda = Agenda(now=now)
    agenda.overdue = open_steps(None, midnight, user_id, limit)
    agenda.today = open_steps(midnight, tomorrow, user_id, limit)
    agenda.this_week = open_steps(tomorrow, week_end, user_id, limit) if week_end > tomorrow else []
    agenda.neglected, agenda.neglected_total = neglected_clients(today, user_id, limit)
    due = instalments_due(today, (week_end - timedelta(days=1)).date(), user_id, limit)
    agenda.instalments_overdue = [d for d in due if d.overdue]
    agenda.instalments_due = [d for d in due if not d.overdue]
    return agenda
