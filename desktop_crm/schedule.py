"""Fuzzy next-step times (下步事务) resolved to a concrete due time.

The rules, with their defaults (``BucketRules``; the user changes them in Settings):

- ``later_today``: now + ``later_today_hours`` (2 h), but no later than ``day_end`` (22:00) today;
  when that is already past, 30 minutes from now.
- ``tonight``: today at ``tonight`` (20:00); after 20:00, one hour from now (no later than 23:59).
- ``tomorrow``: the next day at ``morning`` (09:00); with ``skip_weekends`` a Saturday or Sunday
  moves to Monday.
- ``this_week``: the week's ``this_week_day`` (Friday) at ``this_week_time`` (17:00); once that has
  passed, the next working day at that time.
- ``next_week``: next week's ``next_week_day`` (Monday) at ``morning``.
- ``next_month``: the first working day of next month (the 1st when weekends are not skipped) at
  ``morning``.
- ``exact``: the date and time the user picked.

Weeks are ISO weeks (Monday first).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date, datetime, time, timedelta
from typing import Any

from .errors import ValidationError

BUCKET_ORDER = ("later_today", "tonight", "tomorrow", "this_week", "next_week", "next_month")


@dataclass(frozen=True)
class BucketRules:
    later_today_hours: int = 2
    day_end: str = "22:00"
    tonight: str = "20:00"
    morning: str = "09:00"
    this_week_day: int = 4  # 0 = Monday ... 6 = Sunday
    this_week_time: str = "17:00"
    next_week_day: int = 0
    skip_weekends: bool = True

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> BucketRules:
        known = {f.name for f in fields(cls)}
        rules = cls(**{k: v for k, v in (data or {}).items() if k in known})
        rules.validate()
        return rules

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def validate(self) -> None:
        for name in ("day_end", "tonight", "morning", "this_week_time"):
            parse_hhmm(getattr(self, name), name)
        for name in ("this_week_day", "next_week_day"):
            value = getattr(self, name)
            if not isinstance(value, int) or not 0 <= value <= 6:
                raise ValidationError("schedule.not_a_weekday", name, setting=name)
        if not isinstance(self.later_today_hours, int) or not 1 <= self.later_today_hours <= 12:
            raise ValidationError("schedule.later_today_hours", "later_today_hours")


def parse_hhmm(text: str, field: str = "time") -> time:
    try:
        hours, minutes = str(text).split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        raise ValidationError("schedule.not_a_time", field, setting=field) from None


def _at(day: date, hhmm: str) -> datetime:
    return datetime.combine(day, parse_hhmm(hhmm))


def _working_day(day: date, rules: BucketRules) -> date:
    if rules.skip_weekends:
        while day.weekday() >= 5:
            day += timedelta(days=1)
    return day


def resolve_bucket(bucket: str, now: datetime, rules: BucketRules | None = None) -> datetime:
    """The concrete due time of a fuzzy bucket, as seen at ``now``."""
    rules = rules or BucketRules()
    now = now.replace(second=0, microsecond=0)
    today = now.date()
    if bucket == "later_today":
        due = min(now + timedelta(hours=rules.later_today_hours), _at(today, rules.day_end))
        return due if due > now else now + timedelta(minutes=30)
    if bucket == "tonight":
        due = _at(today, rules.tonight)
        if due > now:
            return due
        return min(now + timedelta(hours=1), datetime.combine(today, time(23, 59)))
    if bucket == "tomorrow":
        return _at(_working_day(today + timedelta(days=1), rules), rules.morning)
    if bucket == "this_week":
        monday = today - timedelta(days=today.weekday())
        due = _at(monday + timedelta(days=rules.this_week_day), rules.this_week_time)
        if due > now:
            return due
        return _at(_working_day(today + timedelta(days=1), rules), rules.this_week_time)
    if bucket == "next_week":
        next_monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
        return _at(next_monday + timedelta(days=rules.next_week_day), rules.morning)
    if bucket == "next_month":
        first = date(today.year + (today.month == 12), today.month % 12 + 1, 1)
        return _at(_working_day(first, rules), rules.morning)
    raise ValidationError("schedule.unknown_bucket", "bucket", bucket=bucket)
