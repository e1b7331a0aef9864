"""Read models of service records and complaints (服务单/投诉): a client's list, one record, Today's
section (open complaints and service items coming due) and a weekly form's new and resolved items.

Soft-deleted records, and the records of soft-deleted clients, are listed nowhere. A record belongs to its
client's current owner (DOMAIN.md), which is how Today and the weekly form pick "mine".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from .models import database
from .models.service import COMPLAINT, SERVICE_OPEN_STATUSES

# Today lists open items due before the end of this many days from today (complaints whenever due).
COMING_DAYS = 3
LIMIT = 500


@dataclass(frozen=True)
class ServiceRow:
    id: int
    client_id: int
    client_name: str
    kind: str
    severity: str
    status: str
    title: str
    description: str
    contact_id: int | None
    contact_name: str
    contract_id: int | None
    contract_title: str
    user_id: int | None  # who logged it
    owner_id: int | None  # the client's owner
    created_at: datetime
    due_at: datetime
    resolution: str
    resolved_at: datetime | None
    confirmed_at: datetime | None
    satisfaction: int | None

    @property
    def is_open(self) -> bool:
        return self.status in SERVICE_OPEN_STATUSES

    def overdue(self, now: datetime) -> bool:
        return self.is_open and self.due_at < now


_COLUMNS = """s.id, s.client_id, cl.name, s.kind, s.severity, s.status, s.title, s.description,
    s.contact_id, COALESCE(ct.name, ''), s.contract_id,
    COALESCE(NULLIF(k.title, ''), NULLIF(k.number, ''), ''), s.user_id, cl.owner_id,
    s.created_at, s.due_at, s.resolution, s.resolved_at, s.confirmed_at, s.satisfaction"""
_FROM = """FROM service_record AS s JOIN client AS cl ON cl.id = s.client_id
    LEFT JOIN contact AS ct ON ct.id = s.contact_id LEFT JOIN contract AS k ON k.id = s.contract_id"""
_OPEN = "(" + ", ".join(f"'{s}'" for s in SERVICE_OPEN_STATUSES) + ")"


def _when(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def _row(values: tuple[Any, ...]) -> ServiceRow:
    (rid, cid, cname, kind, severity, status, title, description, contact_id, contact_name, contract_id,
     contract_title, user_id, owner_id, created, due, resolution, resolved, confirmed, satisfaction) = values  # fmt: skip
    return ServiceRow(
        id=rid,
        client_id=cid,
        client_name=cname,
        kind=kind,
        severity=severity,
        status=status,
        title=title,
        description=description,
        contact_id=contact_id,
        contact_name=contact_name,
        contract_id=contract_id,
        contract_title=contract_title or (f"#{contract_id}" if contract_id else ""),
        user_id=user_id,
        owner_id=owner_id,
        created_at=_when(created) or datetime.min,
        due_at=_when(due) or datetime.min,
        resolution=resolution,
        resolved_at=_when(resolved),
        confirmed_at=_when(confirmed),
        satisfaction=satisfaction,
    )


def _fetch(where: str, params: list[Any], order: str, limit: int | None = None) -> list[ServiceRow]:
    sql = f"SELECT {_COLUMNS} {_FROM} WHERE s.deleted_at IS NULL AND {where} ORDER BY {order}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [_row(r) for r in database.execute_sql(sql, params).fetchall()]


def client_service_records(client_id: int, open_only: bool = False) -> list[ServiceRow]:
    """The client's records: open ones first (soonest due first), then the others (latest first)."""
    where = "s.client_id = ?" + (f" AND s.status IN {_OPEN}" if open_only else "")
    return _fetch(
        where,
        [client_id],
        f"(s.status IN {_OPEN}) DESC, CASE WHEN s.status IN {_OPEN} THEN s.due_at END, s.created_at DESC, s.id DESC",
    )


def service_record_row(record_id: int) -> ServiceRow | None:
    rows = _fetch("s.id = ?", [record_id], "s.id")
    return rows[0] if rows else None


def service_agenda(now: datetime, user_id: int | None, days: int = COMING_DAYS) -> list[ServiceRow]:
    """Today's service section: the open complaints (whenever due) and the other open items due before
    the end of ``days`` days from today, of the clients ``user_id`` owns (everyone's with None), live
    clients only, soonest due first."""
    horizon = datetime.combine(now.date() + timedelta(days=days + 1), datetime.min.time())
    where = f"s.status IN {_OPEN} AND cl.deleted_at IS NULL AND (s.kind = ? OR s.due_at < ?)" + (
        "" if user_id is None else " AND cl.owner_id = ?"
    )
    params: list[Any] = [COMPLAINT, horizon.isoformat(sep=" ")]
    if user_id is not None:
        params.append(user_id)
    return _fetch(where, params, "s.due_at, s.id", LIMIT)


def week_service_items(user_id: int, start: date, end: date) -> list[ServiceRow]:
    """The weekly form's service items: records of ``user_id``'s live clients opened or resolved in
    ``[start, end)``, in order of opening."""
    lo, hi = start.isoformat(), end.isoformat()
    return _fetch(
        "cl.deleted_at IS NULL AND cl.owner_id = ? AND ((s.created_at >= ? AND s.created_at < ?)"
        " OR (s.resolved_at >= ? AND s.resolved_at < ?))",
        [user_id, lo, hi, lo, hi],
        "s.created_at, s.id",
    )


def contact_and_contract_choices(client_id: int) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The live contacts and the contracts of the client, as (id, name) pairs for the record's links."""
    contacts = database.execute_sql(
        "SELECT id, name FROM contact WHERE client_id = ? AND deleted_at IS NULL ORDER BY name, id",
        [client_id],
    ).fetchall()
    contracts = database.execute_sql(
        "SELECT id, COALESCE(NULLIF(title, ''), NULLIF(number, ''), '#' || id), signed_on"
        " FROM contract WHERE client_id = ? ORDER BY signed_on DESC, id DESC",
        [client_id],
    ).fetchall()
    return [(i, n) for i, n in contacts], [(i, f"{n} ({d})") for i, n, d in contracts]


def showcase_client_id() -> int | None:
    """The live client with the most live service records, a complaint first (the screenshots)."""
    row = database.execute_sql(
        """SELECT s.client_id FROM service_record AS s JOIN client AS cl ON cl.id = s.client_id
        WHERE s.deleted_at IS NULL AND cl.deleted_at IS NULL
        GROUP BY s.client_id ORDER BY SUM(s.kind = 'complaint') > 0 DESC, COUNT(*) DESC, s.client_id
        LIMIT 1"""
    ).fetchone()
    return int(row[0]) if row else None
