"""What the reminders need each minute, in a few indexed queries: the next steps coming due soon
and the number of items needing attention now (the Today badge: overdue and due-today steps,
overdue payment instalments), for one user or the whole team."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .agenda import AgendaStep, _ts, instalments_due, open_steps
from .models import database


@dataclass(frozen=True)
class ReminderSnapshot:
    now: datetime
    badge_count: int
    coming_due: list[AgendaStep] = field(default_factory=list)
    # Of the steps asked about (``watched``): those still open, of an alive client, at the same due time
    # (a step done, deleted or snoozed to another time is no longer waiting for the reminder shown).
    still_due: frozenset[tuple[int, datetime]] = frozenset()


def steps_needing_attention(now: datetime, user_id: int | None) -> int:
    """Open steps of alive clients due before tomorrow 00:00 (overdue or due today)."""
    tomorrow = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
    sql = """SELECT count(*) FROM next_step s JOIN client c ON c.id = s.client_id
             WHERE s.done = 0 AND c.deleted_at IS NULL AND s.due_at < ?"""
    params: list[object] = [tomorrow.isoformat(sep=" ")]
    if user_id is not None:
        sql += " AND s.user_id = ?"
        params.append(user_id)
    return int(database.execute_sql(sql, params).fetchone()[0])


def steps_still_due(watched: list[tuple[int, datetime]]) -> frozenset[tuple[int, datetime]]:
    """The (step id, due time) pairs of ``watched`` whose step is still open, of an alive client and
    due at that same time."""
    if not watched:
        return frozenset()
    wanted = set(watched)
    ids = sorted({step_id for step_id, _due in watched})
    found: set[tuple[int, datetime]] = set()
    for chunk in range(0, len(ids), 500):
        part = ids[chunk : chunk + 500]
        marks = ",".join("?" * len(part))
        sql = f"""SELECT s.id, s.due_at FROM next_step s JOIN client c ON c.id = s.client_id
                  WHERE s.id IN ({marks}) AND s.done = 0 AND c.deleted_at IS NULL"""
        for step_id, due_at in database.execute_sql(sql, part):
            pair = (int(step_id), _ts(due_at))
            if pair in wanted:
                found.add(pair)
    return frozenset(found)


def reminder_snapshot(
    now: datetime,
    user_id: int | None,
    lead_minutes: int,
    since: datetime | None = None,
    limit: int = 50,
    watched: list[tuple[int, datetime]] | None = None,
) -> ReminderSnapshot:
    """The badge count at ``now`` and the open steps due in [``since``, now + lead] (``since``
    defaults to one minute ago, so a step falling due between two checks is not missed); of the
    ``watched`` (step id, due time) pairs, those still due (``steps_still_due``)."""
    start = since if since is not None else now - timedelta(minutes=1)
    coming = open_steps(start, now + timedelta(minutes=lead_minutes, seconds=1), user_id, limit)
    today = now.date()
    overdue_instalments = instalments_due(today, today - timedelta(days=1), user_id, 10_000)
    badge = steps_needing_attention(now, user_id) + len(overdue_instalments)
    return ReminderSnapshot(now, badge, coming, steps_still_due(watched or []))
