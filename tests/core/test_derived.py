"""client.last_contact_at follows follow-ups through inserts, edits, deletes and bulk loads."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop_crm.derived import bulk_mode
from desktop_crm.models import Client, FollowUp, database


def last(client: Client) -> datetime | None:
    return Client.get_by_id(client.id).last_contact_at


def test_last_contact_follows_follow_ups(db: object) -> None:
    a = Client.create(name="甲")
    b = Client.create(name="乙")
    assert last(a) is None
    f1 = FollowUp.create(client=a, channel="call", happened_at=datetime(2026, 3, 1, 9))
    FollowUp.create(client=a, channel="call", happened_at=datetime(2026, 2, 1, 9))
    assert last(a) == datetime(2026, 3, 1, 9)
    f1.happened_at = datetime(2026, 1, 1, 9)
    f1.save()
    assert last(a) == datetime(2026, 2, 1, 9)
    f1.client = b
    f1.save()
    assert last(b) == datetime(2026, 1, 1, 9)
    f1.delete_instance()
    assert last(b) is None
    assert last(a) == datetime(2026, 2, 1, 9)


def test_saving_a_stale_client_keeps_the_derived_value(db: object) -> None:
    stale = Client.create(name="丙")
    FollowUp.create(client=stale, channel="visit", happened_at=datetime(2026, 5, 5, 15))
    stale.name = "丙公司"
    stale.save()
    assert last(stale) == datetime(2026, 5, 5, 15)


@pytest.mark.sqlite_only  # bulk_mode drops SQLite's triggers for the file loaders; a team database is filled by copy
def test_bulk_mode_recomputes_last_contact(db: object) -> None:
    client = Client.create(name="丁")
    conn = database.connection()
    with database.atomic(), bulk_mode(conn):
        conn.executemany(
            "INSERT INTO follow_up (uuid, created_at, updated_at, client_id, channel, purpose, happened_at,"
            " duration_minutes, summary) VALUES (?, '2026-01-01', '2026-01-01', ?, 'call', 'greeting', ?, 0, '')",
            [(f"f{i}", client.id, f"2026-04-{i + 1:02d} 10:00:00") for i in range(9)],
        )
    assert last(client) == datetime(2026, 4, 9, 10)
