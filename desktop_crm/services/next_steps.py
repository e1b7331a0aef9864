"""Moving an open next step (下步事务) in time: reschedule to a chosen time, or snooze it by a bucket.

Both refuse a time in the past, a step that is already done, and a step of a deleted client, each
with a message meant for the user. Completing a step goes through the follow-up that answers it
(``services.followups.log_follow_up_with_next_step``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ..errors import ValidationError
from ..models import NextStep
from ..models import now as clock_now
from ..models.enums import BUCKETS
from ..schedule import BucketRules, resolve_bucket
from .common import fk_id, get_record, require_datetime, require_enum, transactional
from .deals import alive_client
from .schedule_rules import clean_bucket_rules, load_bucket_rules

StepRef = int | NextStep
MAX_SNOOZE_MINUTES = 60 * 24 * 31


def _open_step(step_id: StepRef) -> NextStep:
    step = get_record(NextStep, step_id, "Next step")
    client = alive_client(fk_id(step, "client"))
    if step.done:
        raise ValidationError("next_step.already_done_for", "done", client=client.name)
    return step


@transactional
def reschedule_next_step(
    step_id: StepRef, due_at: datetime | str, bucket: str = "exact", now: datetime | None = None
) -> NextStep:
    """Move an open step to ``due_at`` (not in the past); ``bucket`` records how it was chosen."""
    step = _open_step(step_id)
    when = require_datetime(due_at, "due_at", "Due time")
    current = (clock_now() if now is None else require_datetime(now, "now", "Time")).replace(second=0)
    if when < current:
        raise ValidationError("next_step.due_in_past", "due_at")
    step.due_at = when
    step.bucket = require_enum(bucket, BUCKETS, "bucket", "When")
    step.save()
    return step


@transactional
def snooze_next_step(
    step_id: StepRef,
    bucket: str | None = None,
    minutes: int | None = None,
    now: datetime | None = None,
    rules: BucketRules | None = None,
) -> NextStep:
    """Put an open step off: by a fuzzy ``bucket`` ("tomorrow", resolved with the schedule rules)
    or by a number of ``minutes`` from ``now``."""
    current = (clock_now() if now is None else require_datetime(now, "now", "Time")).replace(second=0)
    if (bucket is None) == (minutes is None):
        raise ValidationError("next_step.snooze_how", "bucket")
    if minutes is not None:
        if (
            isinstance(minutes, bool)
            or not isinstance(minutes, int)
            or not 1 <= minutes <= MAX_SNOOZE_MINUTES
        ):
            raise ValidationError("next_step.snooze_minutes", "minutes", high=MAX_SNOOZE_MINUTES)
        return reschedule_next_step(step_id, current + timedelta(minutes=minutes), "exact", now=current)
    key = require_enum(bucket, [b for b in BUCKETS if b != "exact"], "bucket", "When")
    due = resolve_bucket(key, current, load_bucket_rules() if rules is None else clean_bucket_rules(rules))
    return reschedule_next_step(step_id, due, key, now=current)
