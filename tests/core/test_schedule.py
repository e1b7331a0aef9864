"""Bucket resolution for every bucket, across day, week, month and year ends."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop_crm.errors import ValidationError
from desktop_crm.schedule import BucketRules, resolve_bucket

R = BucketRules()
NO_SKIP = BucketRules(skip_weekends=False)


def dt(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2026-11-18 10:00", "2026-11-18 12:00"),  # Wednesday morning: two hours later
        ("2026-11-18 21:00", "2026-11-18 22:00"),  # capped at the day's end
        ("2026-11-18 22:30", "2026-11-18 23:00"),  # after the day's end: 30 minutes
        ("2026-12-31 23:50", "2027-01-01 00:20"),  # even across the year end
    ],
)
def test_later_today(now: str, expected: str) -> None:
    assert resolve_bucket("later_today", dt(now)) == dt(expected)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2026-11-18 09:15", "2026-11-18 20:00"),
        ("2026-11-18 20:30", "2026-11-18 21:30"),
        ("2026-11-18 23:30", "2026-11-18 23:59"),
    ],
)
def test_tonight(now: str, expected: str) -> None:
    assert resolve_bucket("tonight", dt(now)) == dt(expected)


@pytest.mark.parametrize(
    ("now", "rules", "expected"),
    [
        ("2026-11-18 15:00", R, "2026-11-19 09:00"),  # Wednesday -> Thursday
        ("2026-11-20 15:00", R, "2026-11-23 09:00"),  # Friday -> Monday (weekend skipped)
        ("2026-11-20 15:00", NO_SKIP, "2026-11-21 09:00"),  # Friday -> Saturday
        ("2026-11-21 10:00", R, "2026-11-23 09:00"),  # Saturday -> Monday
        ("2026-11-30 18:00", R, "2026-12-01 09:00"),  # month end
        ("2026-12-31 18:00", R, "2027-01-01 09:00"),  # year end (a Friday: 2027-01-01)
        ("2027-12-31 18:00", R, "2028-01-03 09:00"),  # Friday 31 Dec -> Monday 3 Jan
    ],
)
def test_tomorrow(now: str, rules: BucketRules, expected: str) -> None:
    assert resolve_bucket("tomorrow", dt(now), rules) == dt(expected)


@pytest.mark.parametrize(
    ("now", "rules", "expected"),
    [
        ("2026-11-16 08:00", R, "2026-11-20 17:00"),  # Monday -> Friday of the week
        ("2026-11-20 16:59", R, "2026-11-20 17:00"),
        ("2026-11-20 17:30", R, "2026-11-23 17:00"),  # past Friday 17:00 -> next working day
        ("2026-11-22 12:00", R, "2026-11-23 17:00"),  # Sunday -> Monday
        ("2026-11-22 12:00", NO_SKIP, "2026-11-23 17:00"),  # Sunday, no skipping: tomorrow
        ("2026-12-30 09:00", R, "2027-01-01 17:00"),  # the ISO week crosses the year end
        ("2027-01-29 18:00", R, "2027-02-01 17:00"),  # past Friday, month end -> Monday 1 Feb
    ],
)
def test_this_week(now: str, rules: BucketRules, expected: str) -> None:
    assert resolve_bucket("this_week", dt(now), rules) == dt(expected)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2026-11-18 10:00", "2026-11-23 09:00"),
        ("2026-11-22 23:00", "2026-11-23 09:00"),  # Sunday night -> tomorrow's Monday
        ("2026-11-23 08:00", "2026-11-30 09:00"),  # Monday -> the next Monday
        ("2026-12-29 10:00", "2027-01-04 09:00"),  # across the year end
    ],
)
def test_next_week(now: str, expected: str) -> None:
    assert resolve_bucket("next_week", dt(now)) == dt(expected)


@pytest.mark.parametrize(
    ("now", "rules", "expected"),
    [
        ("2026-11-18 10:00", R, "2026-12-01 09:00"),  # 1 Dec 2026 is a Tuesday
        ("2026-12-15 10:00", R, "2027-01-01 09:00"),  # December -> January, next year
        ("2027-01-10 10:00", R, "2027-02-01 09:00"),
        ("2026-07-20 10:00", R, "2026-08-03 09:00"),  # 1 Aug 2026 is a Saturday -> Monday 3rd
        ("2026-07-20 10:00", NO_SKIP, "2026-08-01 09:00"),
        ("2026-01-31 10:00", R, "2026-02-02 09:00"),  # 1 Feb 2026 is a Sunday
    ],
)
def test_next_month(now: str, rules: BucketRules, expected: str) -> None:
    assert resolve_bucket("next_month", dt(now), rules) == dt(expected)


def test_custom_rules_and_validation() -> None:
    rules = BucketRules.from_dict({"tonight": "19:30", "this_week_day": 3, "morning": "08:30", "unknown": 1})
    assert resolve_bucket("tonight", dt("2026-11-18 10:00"), rules) == dt("2026-11-18 19:30")
    assert resolve_bucket("this_week", dt("2026-11-16 10:00"), rules) == dt("2026-11-19 17:00")
    assert resolve_bucket("tomorrow", dt("2026-11-16 10:00"), rules) == dt("2026-11-17 08:30")
    assert BucketRules.from_dict(rules.to_dict()) == rules
    with pytest.raises(ValidationError, match="time like 09:00"):
        BucketRules.from_dict({"tonight": "8pm"})
    with pytest.raises(ValidationError, match="weekday"):
        BucketRules.from_dict({"this_week_day": 7})
    with pytest.raises(ValidationError, match="Unknown time bucket"):
        resolve_bucket("someday", dt("2026-11-18 10:00"))
