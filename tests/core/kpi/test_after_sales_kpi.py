"""After-sales KPIs, computed by hand (DOMAIN.md's after-sales table).

Complaint part (slice service): ``complaints_opened``, ``complaints_resolved``, ``resolution_days_mean``.
A service record belongs to its client's current owner; deleted records and deleted clients' records count
nowhere; days are whole calendar days between the opening date and the resolution date.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop_crm.cli import main
from desktop_crm.db import close_database
from desktop_crm.kpi import Period, compute, period_containing
from desktop_crm.models import Client, User, database
from desktop_crm.services import service_records as svc

MARCH = period_containing("month", date(2025, 3, 1))
APRIL = period_containing("month", date(2025, 4, 1))


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _complaint(client: int, opened: str, resolved: str | None = None, kind: str = "complaint") -> int:
    record = svc.create_service_record(client, kind, f"{kind} {opened}", now=_at(opened))
    if resolved is not None:
        svc.change_service_status(record.id, "resolved", resolution="fixed", now=_at(resolved))
    return record.id


@pytest.fixture
def complaints(db: object) -> tuple[int, int]:
    alice = User.create(name="alice").id
    bob = User.create(name="bob").id
    c1 = Client.create(name="c1", owner=alice, created_at="2024-01-01 09:00:00").id
    c2 = Client.create(name="c2", owner=bob, created_at="2024-01-01 09:00:00").id
    c3 = Client.create(name="c3", owner=alice, created_at="2024-01-01 09:00:00").id
    c4 = Client.create(name="c4", owner=bob, created_at="2024-01-01 09:00:00").id
    _complaint(c1, "2025-02-27 10:00:00", "2025-03-03 09:00:00")  # s1: opened Feb, resolved Mar, 4 days
    _complaint(c1, "2025-03-10 23:30:00", "2025-03-11 00:10:00")  # s2: 1 day (calendar days)
    _complaint(c2, "2025-03-31 23:59:59", "2025-04-01 08:00:00")  # s3: opened Mar, resolved Apr, 1 day
    _complaint(c2, "2025-03-15 09:00:00", "2025-03-15 17:00:00")  # s4: same day, 0 days
    _complaint(c1, "2025-03-12 09:00:00", "2025-03-13 09:00:00", kind="maintenance")  # s5: no complaint
    _complaint(c3, "2025-03-12 09:00:00", "2025-03-14 09:00:00")  # s6: its client gets deleted
    s7 = _complaint(c1, "2025-03-18 09:00:00", "2025-03-19 09:00:00")  # s7: deleted record
    s8 = _complaint(c1, "2025-03-20 09:00:00", "2025-03-25 09:00:00")  # s8: reopened, resolved in April
    svc.change_service_status(s8, "reopened", now=_at("2025-03-26 09:00:00"))
    svc.change_service_status(s8, "resolved", resolution="fixed again", now=_at("2025-04-02 10:00:00"))
    _complaint(c4, "2025-03-05 09:00:00", "2025-03-08 12:00:00")  # s9: c4 moves from Bob to Alice: 3 days
    svc.delete_service_record(s7)
    Client.update(deleted_at="2025-05-01 09:00:00").where(Client.id == c3).execute()
    Client.update(owner=alice).where(Client.id == c4).execute()
    return alice, bob


def test_complaints_for_the_team(complaints: tuple[int, int]) -> None:
    march = compute(MARCH)
    # opened in March: s2, s3 (23:59:59 on the 31st), s4, s8, s9
    assert march["complaints_opened"] == 5
    # resolved in March: s1 (4 days), s2 (1), s4 (0), s9 (3); s8's resolution was undone by reopening
    assert march["complaints_resolved"] == 4
    assert march["resolution_days_mean"] == pytest.approx(8 / 4)
    april = compute(APRIL)
    assert april["complaints_opened"] == 0
    # s3 (1 day) and s8 (2025-03-20 -> 2025-04-02: 13 days)
    assert april["complaints_resolved"] == 2
    assert april["resolution_days_mean"] == pytest.approx(7.0)


def test_complaints_belong_to_the_clients_current_owner(complaints: tuple[int, int]) -> None:
    alice, bob = complaints
    a = compute(MARCH, alice)
    assert (a["complaints_opened"], a["complaints_resolved"]) == (3, 3)  # s2, s8, s9 / s1, s2, s9
    assert a["resolution_days_mean"] == pytest.approx(8 / 3)
    b = compute(MARCH, bob)
    assert (b["complaints_opened"], b["complaints_resolved"]) == (2, 1)  # s3, s4 / s4
    assert b["resolution_days_mean"] == 0.0
    feb = compute(period_containing("month", date(2025, 2, 1)), alice)
    assert (feb["complaints_opened"], feb["complaints_resolved"], feb["resolution_days_mean"]) == (1, 0, None)


def test_a_custom_period_and_nothing_resolved(complaints: tuple[int, int]) -> None:
    values = compute(Period(date(2025, 3, 10), date(2025, 3, 12), "custom"))
    assert values["complaints_opened"] == 1  # s2 (the maintenance record s5 is not a complaint)
    assert values["complaints_resolved"] == 1  # s2, resolved on the 11th
    assert values["resolution_days_mean"] == 1.0
    empty = compute(Period(date(2025, 6, 1), date(2025, 6, 2), "custom"))
    assert (empty["complaints_opened"], empty["complaints_resolved"], empty["resolution_days_mean"]) == (
        0,
        0,
        None,
    )


def test_kpi_json_includes_the_complaint_kpis(
    complaints: tuple[int, int], db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    close_database()
    code = main(
        [
            "--db",
            getattr(database.obj, "crm_url", None) or str(db_path),
            "kpi",
            "--from",
            "2025-03-01",
            "--to",
            "2025-04-30",
            "--json",
        ]
    )
    assert code == 0
    periods = json.loads(capsys.readouterr().out)
    periods = periods if isinstance(periods, list) else periods["periods"]
    march = next(p for p in periods if p["start"] == "2025-03-01")
    assert march["values"]["complaints_opened"] == 5
    assert march["values"]["complaints_resolved"] == 4
    assert march["values"]["resolution_days_mean"] == 2.0
