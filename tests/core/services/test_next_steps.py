"""Rescheduling and snoozing a next step: the new time, refusals in the past, done steps, deleted clients."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop_crm.errors import NotFoundError, ValidationError
from desktop_crm.models import Client, NextStep, User, now
from desktop_crm.schedule import BucketRules
from desktop_crm.services.next_steps import reschedule_next_step, snooze_next_step
from desktop_crm.services.schedule_rules import save_bucket_rules

NOW = datetime(2026, 11, 18, 10, 0)  # a Wednesday


@pytest.fixture
def step(db: object) -> NextStep:
    me = User.create(name="王磊")
    client = Client.create(name="华东精密", owner=me)
    return NextStep.create(client=client, user=me, due_at=datetime(2026, 11, 17, 9), title="回访")


def test_reschedule_moves_the_step(step: NextStep) -> None:
    moved = reschedule_next_step(step.id, datetime(2026, 11, 20, 14, 30), now=NOW)
    assert NextStep.get_by_id(step.id).due_at == datetime(2026, 11, 20, 14, 30)
    assert moved.bucket == "exact"


def test_reschedule_refuses_the_past(step: NextStep) -> None:
    with pytest.raises(ValidationError, match="in the past") as info:
        reschedule_next_step(step.id, datetime(2026, 11, 18, 9, 59), now=NOW)
    assert info.value.field == "due_at"
    assert NextStep.get_by_id(step.id).due_at == datetime(2026, 11, 17, 9)


def test_reschedule_refuses_done_steps_and_deleted_clients(step: NextStep) -> None:
    NextStep.update(done=True, done_at=NOW).where(NextStep.id == step.id).execute()
    with pytest.raises(ValidationError, match="already done"):
        reschedule_next_step(step.id, datetime(2026, 11, 20, 9), now=NOW)
    NextStep.update(done=False, done_at=None).where(NextStep.id == step.id).execute()
    Client.update(deleted_at=now()).execute()
    with pytest.raises(ValidationError, match='Client "华东精密" has been deleted'):
        snooze_next_step(step.id, "tomorrow", now=NOW)
    with pytest.raises(NotFoundError):
        reschedule_next_step(999, datetime(2026, 11, 20, 9), now=NOW)


@pytest.mark.parametrize(
    ("bucket", "due"),
    [
        ("tonight", datetime(2026, 11, 18, 20, 0)),
        ("tomorrow", datetime(2026, 11, 19, 9, 0)),
        ("next_week", datetime(2026, 11, 23, 9, 0)),
    ],
)
def test_snooze_by_bucket_uses_the_schedule_rules(step: NextStep, bucket: str, due: datetime) -> None:
    snoozed = snooze_next_step(step.id, bucket, now=NOW)
    assert (snoozed.due_at, snoozed.bucket) == (due, bucket)


def test_snooze_by_minutes_and_stored_rules(step: NextStep) -> None:
    assert snooze_next_step(step.id, minutes=60, now=datetime(2026, 11, 18, 10, 0, 42)).due_at == datetime(
        2026, 11, 18, 11, 0
    )
    save_bucket_rules(BucketRules(morning="08:30"))
    assert snooze_next_step(step.id, "tomorrow", now=NOW).due_at == datetime(2026, 11, 19, 8, 30)


def test_snooze_refuses_nonsense(step: NextStep) -> None:
    for kwargs in ({}, {"bucket": "tomorrow", "minutes": 5}, {"minutes": 0}, {"bucket": "exact"}):
        with pytest.raises(ValidationError):
            snooze_next_step(step.id, now=NOW, **kwargs)  # type: ignore[arg-type]
