"""Open next steps (下步事务) as an iCalendar file (RFC 5545) for the user's calendar.

One VEVENT per open next step of a client that is not deleted:

* UID ``nextstep-<step uuid>@desktop-crm``: stable, so importing the file again updates the events
  instead of duplicating them;
* DTSTAMP: the export's time from the application's clock, in UTC;
* a step chosen as a day-ish horizon (bucket ``tomorrow``, ``this_week``, ``next_week``,
  ``next_month``) is an all-day event on its due day (``DTSTART;VALUE=DATE``, DTEND the next day);
  a step with a time (``exact``, ``later_today``, ``tonight``) is a 30-minute event at that time in
  *floating* local time (no TZID): the application stores wall-clock times without a zone, and a
  floating time shows at the same clock time wherever the calendar is;
* SUMMARY: client name and plan (the step's title, else its plan type); DESCRIPTION: the plan type,
  the contact (the contacts of the follow-up that set the step, else the client's first contact) with
  phone, and the client's phone; CATEGORIES: the plan type key.

Text is escaped (``\\``, ``;``, ``,``, newlines), lines end in CRLF and are folded at 75 octets
without splitting a UTF-8 character.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from .. import clock
from ..models import database
from .writers import Progress, check_progress, replaced_file

ALL_DAY_BUCKETS = ("tomorrow", "this_week", "next_week", "next_month")
EVENT_MINUTES = 30
PLAN_LABELS = {
    "keep_in_touch": "Keep in touch",
    "improve_relationship": "Improve relationship",
    "cultivate_demand": "Cultivate demand",
    "dig_opportunity": "Dig opportunity",
    "beat_competitor": "Beat a competitor",
    "sign_and_collect": "Sign & collect",
    "greeting": "Greeting",
}


@dataclass(frozen=True)
class StepEvent:
    uuid: str
    client: str
    client_phone: str
    title: str
    plan_type: str
    bucket: str
    due_at: datetime
    contact: str
    contact_phone: str


def escape_text(text: str) -> str:
    """RFC 5545 TEXT escaping."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """One content line folded at 75 octets (continuations start with a space), CRLF-terminated."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    parts: list[str] = []
    start, limit = 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # never inside a UTF-8 sequence
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # a continuation's leading space counts
    return "\r\n ".join(parts) + "\r\n"


def _ts(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


_SEPARATOR = "\x1f"


def open_step_events(user_id: int | None = None) -> Iterator[StepEvent]:
    """The open next steps of live clients (of ``user_id`` when given), by due time."""
    sql = """
        SELECT s.uuid, c.name, c.phone, s.title, s.plan_type, s.bucket, s.due_at,
          coalesce(
            (SELECT k.name || ? || k.phone FROM follow_up_contact fc JOIN contact k ON k.id = fc.contact_id
              WHERE fc.follow_up_id = s.source_follow_up_id AND k.deleted_at IS NULL ORDER BY k.id LIMIT 1),
            (SELECT k.name || ? || k.phone FROM contact k
              WHERE k.client_id = c.id AND k.deleted_at IS NULL ORDER BY k.id LIMIT 1),
            ?)
        FROM next_step s JOIN client c ON c.id = s.client_id
        WHERE s.done = 0 AND c.deleted_at IS NULL"""
    params: list[Any] = [_SEPARATOR] * 3  # the separator between a contact's name and phone
    if user_id is not None:
        sql += " AND s.user_id = ?"
        params.append(user_id)
    sql += " ORDER BY s.due_at, s.id"
    cursor = database.execute_sql(sql, params)
    while batch := cursor.fetchmany(500):
        for uuid, client, phone, title, plan, bucket, due, contact in batch:
            name, _sep, contact_phone = str(contact).partition(_SEPARATOR)
            yield StepEvent(
                uuid, client, phone or "", title or "", plan, bucket, _ts(due), name, contact_phone
            )


def count_open_steps(user_id: int | None = None) -> int:
    sql = "SELECT count(*) FROM next_step s JOIN client c ON c.id = s.client_id WHERE s.done = 0"
    sql += " AND c.deleted_at IS NULL"
    params: list[Any] = []
    if user_id is not None:
        sql += " AND s.user_id = ?"
        params.append(user_id)
    return int(database.execute_sql(sql, params).fetchone()[0])


def event_lines(event: StepEvent, stamp: str) -> list[str]:
    plan = PLAN_LABELS.get(event.plan_type, event.plan_type)
    lines = ["BEGIN:VEVENT", f"UID:nextstep-{event.uuid}@desktop-crm", f"DTSTAMP:{stamp}"]
    if event.bucket in ALL_DAY_BUCKETS:
        day = event.due_at.date()
        lines.append(f"DTSTART;VALUE=DATE:{day:%Y%m%d}")
        lines.append(f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}")
    else:
        start = event.due_at.replace(second=0, microsecond=0)
        lines.append(f"DTSTART:{start:%Y%m%dT%H%M%S}")
        lines.append(f"DTEND:{start + timedelta(minutes=EVENT_MINUTES):%Y%m%dT%H%M%S}")
    lines.append("SUMMARY:" + escape_text(f"{event.client}: {event.title or plan}"))
    details = [f"Plan: {plan}"]
    if event.title:
        details.append(event.title)
    if event.contact:
        details.append(
            f"Contact: {event.contact}" + (f" ({event.contact_phone})" if event.contact_phone else "")
        )
    if event.client_phone:
        details.append(f"Client phone: {event.client_phone}")
    lines.append("DESCRIPTION:" + escape_text("\n".join(details)))
    lines.append("CATEGORIES:" + escape_text(event.plan_type))
    lines.append("TRANSP:TRANSPARENT" if event.bucket in ALL_DAY_BUCKETS else "TRANSP:OPAQUE")
    lines.append("END:VEVENT")
    return lines


def export_next_steps(
    path: str | os.PathLike[str], *, user_id: int | None = None, progress: Progress | None = None
) -> int:
    """Write the open next steps to ``path`` (replaced whole, or left as it was); the number written."""
    total = count_open_steps(user_id)
    stamp = clock.now().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//desktop-crm//next steps//EN", "CALSCALE:GREGORIAN"]
    head.append("X-WR-CALNAME:Next steps")
    done = 0
    with replaced_file(path) as (out, _temporary):
        out.write("".join(fold(line) for line in head).encode("utf-8"))
        check_progress(progress, 0, total)
        for event in open_step_events(user_id):
            out.write("".join(fold(line) for line in event_lines(event, stamp)).encode("utf-8"))
            done += 1
            if done % 500 == 0:
                check_progress(progress, done, total)
        out.write(fold("END:VCALENDAR").encode("utf-8"))
        check_progress(progress, done, max(done, total))
    return done
