"""The reminders' snapshot tells which reminded steps are still due (issue 13 item 7: the status bar's
reminder stays until its steps are done, snoozed or deleted)."""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop_crm.clock import FrozenClock
from desktop_crm.models import Client, NextStep, User
from desktop_crm.reminders import reminder_snapshot, steps_still_due


def test_still_due_means_open_alive_and_at_the_same_time(db: object, clock: FrozenClock) -> None:
    now = clock.now()
    me = User.create(name="王晓明")
    client = Client.create(name="华夏机械", owner=me)
    gone = Client.create(name="Gone Ltd", owner=me)
    due = now + timedelta(minutes=5)
    kept = NextStep.create(client=client, user=me, due_at=due, title="回访")
    done = NextStep.create(client=client, user=me, due_at=due, title="done", done=True)
    moved = NextStep.create(client=client, user=me, due_at=due + timedelta(hours=1), title="snoozed")
    deleted = NextStep.create(client=gone, user=me, due_at=due, title="deleted client")
    Client.update(deleted_at=now).where(Client.id == gone.id).execute()
    watched = [(s.id, due) for s in (kept, done, moved, deleted)] + [(999_999, due)]
    assert steps_still_due(watched) == frozenset({(kept.id, due)})
    assert steps_still_due([]) == frozenset()
    snapshot = reminder_snapshot(now, me.id, 10, watched=watched)
    assert snapshot.still_due == frozenset({(kept.id, due)})
    assert [s.id for s in snapshot.coming_due] == [kept.id]
    assert reminder_snapshot(now, me.id, 10).still_due == frozenset()


def test_many_watched_steps_are_read_in_chunks(db: object, clock: FrozenClock) -> None:
    me = User.create(name="王晓明")
    client = Client.create(name="华夏机械", owner=me)
    due = datetime.combine(clock.today(), datetime.min.time()) + timedelta(hours=10)
    rows = [NextStep.create(client=client, user=me, due_at=due, title=f"step {i}") for i in range(1200)]
    watched = [(s.id, due) for s in rows]
    assert steps_still_due(watched) == frozenset(watched)
