"""The rules that turn a fuzzy next-step time ("tomorrow", "this week") into a due time, as the user set
them in Settings. They are stored once per database file (setting ``schedule.bucket_rules``); the rules
themselves are documented in :mod:`desktop_crm.schedule`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..errors import ValidationError
from ..models import now
from ..models.enums import BUCKETS
from ..schedule import BucketRules, parse_hhmm, resolve_bucket
from .common import require_datetime, require_mapping, shown, transactional
from .settings import delete_setting, get_setting, set_setting

SETTING_KEY = "schedule.bucket_rules"
_TIME_FIELDS = ("day_end", "tonight", "morning", "this_week_time")


def load_bucket_rules() -> BucketRules:
    """The stored rules; the defaults when none are stored (or the stored ones are unreadable)."""
    stored = get_setting(SETTING_KEY)
    if not isinstance(stored, dict):
        return BucketRules()
    try:
        return BucketRules.from_dict(stored)
    except (ValidationError, TypeError):
        return BucketRules()


def clean_bucket_rules(rules: BucketRules | dict[str, Any]) -> BucketRules:
    """Validated rules with times normalised to ``HH:MM``; ``ValidationError`` names the bad field."""
    data = rules.to_dict() if isinstance(rules, BucketRules) else require_mapping(rules, "rules", "When")
    if not isinstance(data.get("skip_weekends", True), bool):
        raise ValidationError("schedule.skip_weekends_not_bool", "skip_weekends")
    for name in ("later_today_hours", "this_week_day", "next_week_day"):
        if isinstance(data.get(name), bool):
            raise ValidationError("schedule.not_whole", name, setting=name)
    clean = BucketRules.from_dict(data)
    times = {name: parse_hhmm(getattr(clean, name), name).strftime("%H:%M") for name in _TIME_FIELDS}
    return BucketRules.from_dict({**clean.to_dict(), **times})


@transactional
def save_bucket_rules(rules: BucketRules | dict[str, Any]) -> BucketRules:
    """Validate and store the rules; returns what was stored."""
    clean = clean_bucket_rules(rules)
    set_setting(SETTING_KEY, clean.to_dict())
    return clean


@transactional
def reset_bucket_rules() -> BucketRules:
    """Forget the stored rules: the defaults apply again."""
    delete_setting(SETTING_KEY)
    return BucketRules()


def resolve(bucket: str, at: datetime | None = None, rules: BucketRules | None = None) -> datetime:
    """The due time of ``bucket`` seen at ``at`` (default: now), by ``rules`` (default: the stored ones)."""
    if bucket not in BUCKETS or bucket == "exact":
        raise ValidationError("schedule.unknown_bucket", "bucket", bucket=shown(bucket))
    when = now() if at is None else require_datetime(at, "at", "Time")
    chosen = load_bucket_rules() if rules is None else clean_bucket_rules(rules)
    return resolve_bucket(bucket, when, chosen)
