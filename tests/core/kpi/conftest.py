"""Small hand-built data for the KPI tests: one worked scenario around March 2025."""

from __future__ import annotations

import pytest
from kpi_builders import Builder, Scenario


@pytest.fixture
def build(db: object) -> Builder:
    return Builder()


@pytest.fixture
def scenario(build: Builder) -> Scenario:
    """The worked example the value tests compute by hand (see test_kpi_values.py for the arithmetic)."""
    b = build
    s = Scenario(alice=b.user("alice"), bob=b.user("bob"))
    a, bo = s.alice, s.bob
    # c1: Alice's, created in January, signed twice (first 2025-03-05, again 2025-04-10)
    c1 = b.client("2025-01-10 09:00:00", a)
    b.follow_up(c1, a, "2025-01-15 10:00:00", "call", 10)
    b.follow_up(c1, a, "2025-02-20 15:00:00", "visit")
    b.follow_up(c1, bo, "2025-03-05 18:30:00", "wechat")  # on the signing date, after signing: counts
    b.follow_up(c1, a, "2025-03-20 11:00:00", "call", 5)
    k1 = b.contract(c1, "2025-03-05", 100_000)
    k2 = b.contract(c1, "2025-04-10", 50_000)
    i1 = b.instalment(k1, "2025-03-31", 50_000)
    b.instalment(k1, "2025-04-30", 50_000)
    b.payment(k1, "2025-03-28", 50_000, i1)
    b.instalment(k2, "2025-05-15", 20_000)  # never paid
    b.opportunity(c1, a, "2025-02-10 09:00:00", 120_000, "won", "2025-03-05")
    # c2: Bob's, created in March, no follow-up before signing on 2025-03-12
    c2 = b.client("2025-03-02 10:00:00", bo)
    b.follow_up(c2, bo, "2025-03-25 09:00:00", "email")
    k3 = b.contract(c2, "2025-03-12", 30_000)
    b.instalment(k3, "2025-03-15", 30_000)
    b.payment(k3, "2025-04-02", 30_000)
    b.opportunity(c2, bo, "2025-03-03 09:00:00", 25_000, "lost", "2025-03-31")
    # c3: Alice's, created in March, never signed; two follow-ups at the edges of March, one in April
    c3 = b.client("2025-03-15 14:00:00", a)
    b.follow_up(c3, a, "2025-03-16 10:00:00", "call", 20)
    b.follow_up(c3, a, "2025-03-31 23:59:59", "sms")
    b.follow_up(c3, a, "2025-04-01 00:00:00", "meeting")
    b.opportunity(c3, a, "2025-03-16 12:00:00", 40_000)
    b.opportunity(c3, bo, "2025-04-01 08:00:00", 7_000)
    # c4: Bob's, created and first signed in 2024, signs again in March 2025 (a repeat)
    c4 = b.client("2024-11-05 09:00:00", bo)
    b.follow_up(c4, bo, "2024-11-20 09:00:00", "visit")
    k4 = b.contract(c4, "2024-12-01", 20_000)
    b.contract(c4, "2025-03-20", 70_000)
    b.payment(k4, "2025-03-01", 20_000)
    b.opportunity(c4, bo, "2025-03-01 09:00:00", 10_000, deleted="2025-03-02 09:00:00")
    # c5: Alice's, soft-deleted: everything it has counts nowhere
    c5 = b.client("2025-03-08 09:00:00", a, deleted="2025-04-01 09:00:00")
    b.follow_up(c5, a, "2025-03-08 10:00:00", "call", 60)
    k5 = b.contract(c5, "2025-03-09", 999)
    b.instalment(k5, "2025-03-10", 999)
    b.payment(k5, "2025-03-10", 999)
    b.opportunity(c5, a, "2025-03-09 09:00:00", 5_000, "won", "2025-03-20")
    # c6: Alice's, March 2024 (the year-ago base)
    c6 = b.client("2024-03-05 09:00:00", a)
    b.follow_up(c6, a, "2024-03-06 09:00:00", "call", 3)
    b.follow_up(c6, a, "2024-03-07 09:00:00", "call", 7)
    # weekly forms: W09 (Thu 27 Feb) is February's, W10 (Thu 6 Mar) and W13 (Thu 27 Mar) March's,
    # W14 (Mon 31 Mar, Thu 3 Apr) April's; Bob's W11 form is not scored
    b.weekly_form(a, 2025, 9, 50)
    b.weekly_form(a, 2025, 10, 80)
    b.weekly_form(a, 2025, 14, 40)
    b.weekly_form(bo, 2025, 13, 70)
    b.weekly_form(bo, 2025, 11)
    s.ids.update(c1=c1, c2=c2, c3=c3, c4=c4, c5=c5, c6=c6, k1=k1, k2=k2, k3=k3, k4=k4)
    return s
