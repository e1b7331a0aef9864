"""Every KPI on the hand-built scenario of conftest.py, with the arithmetic written out."""

from __future__ import annotations

from datetime import date

import pytest
from kpi_builders import Builder, Scenario

from desktop_crm.kpi import KPI_KEYS, Period, compute, period_containing
from desktop_crm.models import Client

MARCH = period_containing("month", date(2025, 3, 1))
APRIL = period_containing("month", date(2025, 4, 1))
MAY = period_containing("month", date(2025, 5, 1))


def test_no_data_at_all_gives_zero_counts_and_no_rates(db: object) -> None:
    values = compute(MARCH)
    assert list(values) == list(KPI_KEYS)
    undefined = {
        "conversion_rate",
        "repeat_rate",
        "first_order_avg_cents",
        "follow_up_cycle_days_mean",
        "follow_up_cycle_days_median",
        "follow_ups_per_signed_client",
        "behaviour_score",
        "resolution_days_mean",
        "referral_conversion",
    }
    for key in KPI_KEYS:
        if key in undefined:
            assert values[key] is None, key
        else:
            assert values[key] == 0 and isinstance(values[key], int), key


def test_march_for_the_team(scenario: Scenario) -> None:
    v = compute(MARCH)
    # created in March and alive: c2 (03-02), c3 (03-15); c5 is soft-deleted
    assert v["new_clients"] == 2
    # first contracts dated in March: c1 (k1, 03-05), c2 (k3, 03-12); c4's first was 2024-12-01
    assert v["first_signings"] == 2
    # of c2 and c3, only c2 has its first contract before April: 1 / 2
    assert v["conversion_rate"] == 0.5
    # signed in March: c1 (k1), c2 (k3), c4 (k5); only c4 had a contract before March: 1 / 3
    assert v["repeat_rate"] == pytest.approx(1 / 3)
    # first contracts in March: (100_000 + 30_000) / 2
    assert v["first_order_avg_cents"] == 65_000
    # c1: first follow-up 01-15 → signed 03-05 = 16 (Jan) + 28 (Feb) + 5 = 49 days
    # c2: no follow-up before signing, created 03-02 → signed 03-12 = 10 days
    assert v["follow_up_cycle_days_mean"] == (49 + 10) / 2
    assert v["follow_up_cycle_days_median"] == 29.5
    # c1: 01-15, 02-20, 03-05 18:30 (same date as the signing) = 3; c2: 0 → (3 + 0) / 2
    assert v["follow_ups_per_signed_client"] == 1.5
    # k1 100_000 + k3 30_000 + c4's second 70_000 (c5's 999 is excluded)
    assert v["signed_amount_cents"] == 200_000
    # k1 paid 03-28 50_000 + k4 paid 03-01 20_000 (k3's payment is on 04-02)
    assert v["collected_amount_cents"] == 70_000
    # k1 due 03-31 50_000 + k3 due 03-15 30_000 (c5's 999 excluded)
    assert v["planned_collection_cents"] == 80_000
    # c1 wechat 03-05 + call 03-20 (5 min), c2 email 03-25, c3 call 03-16 (20 min) + sms 03-31 23:59:59
    assert (v["activity_call"], v["activity_sms"], v["activity_visit"]) == (2, 1, 0)
    assert (v["activity_wechat"], v["activity_email"], v["activity_meeting"]) == (1, 1, 0)
    assert v["activity_total"] == 5
    assert v["call_minutes"] == 5 + 20
    # created in March: c3's 40_000 + c2's 25_000 (c4's is soft-deleted, c5's client is)
    assert v["new_opportunity_value_cents"] == 65_000
    # c1's deal won 03-05 (120_000), c2's lost 03-31 (25_000)
    assert (v["won_count"], v["won_amount_cents"]) == (1, 120_000)
    assert (v["lost_count"], v["lost_amount_cents"]) == (1, 25_000)
    # scored weeks whose Thursday is in March: Alice W10 = 80, Bob W13 = 70 (W09's Thursday is 27 Feb)
    assert v["behaviour_score"] == 75.0


def test_march_per_salesperson(scenario: Scenario) -> None:
    a = compute(MARCH, user_id=scenario.alice)
    # Alice owns c1, c3 (and the deleted c5)
    assert a["new_clients"] == 1  # c3
    assert a["first_signings"] == 1  # c1
    assert a["conversion_rate"] == 0.0  # c3 unsigned: 0 / 1
    assert a["repeat_rate"] == 0.0  # c1 had no contract before March: 0 / 1
    assert a["first_order_avg_cents"] == 100_000
    assert a["follow_up_cycle_days_mean"] == a["follow_up_cycle_days_median"] == 49.0
    assert a["follow_ups_per_signed_client"] == 3.0  # Bob's wechat on c1 counts: the client's follow-ups
    assert a["signed_amount_cents"] == 100_000
    assert a["collected_amount_cents"] == 50_000
    assert a["planned_collection_cents"] == 50_000
    # follow-ups Alice logged: c1 call 03-20 (5), c3 call 03-16 (20), c3 sms 03-31
    assert (a["activity_call"], a["activity_sms"], a["activity_wechat"], a["activity_total"]) == (2, 1, 0, 3)
    assert a["call_minutes"] == 25
    assert a["new_opportunity_value_cents"] == 40_000
    assert (a["won_count"], a["won_amount_cents"], a["lost_count"]) == (1, 120_000, 0)
    assert a["behaviour_score"] == 80.0

    b = compute(MARCH, user_id=scenario.bob)
    # Bob owns c2 and c4
    assert (b["new_clients"], b["first_signings"], b["conversion_rate"]) == (1, 1, 1.0)
    assert b["repeat_rate"] == 0.5  # c2 new, c4 repeat: 1 / 2
    assert b["first_order_avg_cents"] == 30_000
    assert b["follow_up_cycle_days_mean"] == 10.0
    assert b["follow_ups_per_signed_client"] == 0.0
    assert b["signed_amount_cents"] == 30_000 + 70_000
    assert b["collected_amount_cents"] == 20_000
    assert b["planned_collection_cents"] == 30_000
    assert (b["activity_wechat"], b["activity_email"], b["activity_total"], b["call_minutes"]) == (1, 1, 2, 0)
    assert b["new_opportunity_value_cents"] == 25_000
    assert (b["won_count"], b["lost_count"], b["lost_amount_cents"]) == (0, 1, 25_000)
    assert b["behaviour_score"] == 70.0

    # every count and sum of the team is the sum of the two salespeople's
    team = compute(MARCH)
    additive = [k for k in KPI_KEYS if isinstance(team[k], int) and k != "first_order_avg_cents"]
    assert len(additive) == 18 + 2 + 1  # + complaints opened and resolved, + referrals
    for key in additive:
        assert team[key] == a[key] + b[key], key


def test_client_signed_twice_has_one_first_signing_and_repeats_later(scenario: Scenario) -> None:
    april = compute(APRIL)
    # April: only c1's second contract (k2, 50_000): a repeat, not a first signing
    assert april["first_signings"] == 0
    assert april["first_order_avg_cents"] is None
    assert april["follow_up_cycle_days_mean"] is None
    assert april["repeat_rate"] == 1.0
    assert april["signed_amount_cents"] == 50_000
    # c1's two signings over March + April still make one first signing
    spring = compute(Period(date(2025, 3, 1), date(2025, 5, 1), "custom"))
    assert spring["first_signings"] == 2  # c1 and c2
    # c1 (k1, k2) and c2 (k3), c4 (k5); only c4 had a contract before 1 March: 1 / 3
    assert spring["repeat_rate"] == pytest.approx(1 / 3)


def test_payment_plan_without_payment(scenario: Scenario) -> None:
    may = compute(MAY)
    assert may["planned_collection_cents"] == 20_000  # k2's instalment due 05-15, never paid
    assert may["collected_amount_cents"] == 0
    april = compute(APRIL)
    assert april["planned_collection_cents"] == 50_000  # k1's second instalment, unpaid
    assert april["collected_amount_cents"] == 30_000  # k3's payment on 04-02, planned in March


def test_soft_deleted_client_counts_nowhere_until_restored(build: Builder) -> None:
    user = build.user("carol")
    client = build.client("2025-03-08 09:00:00", user, deleted="2025-03-30 09:00:00")
    build.follow_up(client, user, "2025-03-08 10:00:00", "call", 60)
    contract = build.contract(client, "2025-03-09", 999)
    build.instalment(contract, "2025-03-10", 999)
    build.payment(contract, "2025-03-10", 999)
    build.opportunity(client, user, "2025-03-09 09:00:00", 5_000, "won", "2025-03-20")
    for values in (compute(MARCH), compute(MARCH, user_id=user)):
        assert {k: v for k, v in values.items() if v not in (0, None)} == {}

    Client.update(deleted_at=None).where(Client.id == client).execute()
    restored = compute(MARCH, user_id=user)
    assert restored["new_clients"] == restored["first_signings"] == 1
    assert restored["signed_amount_cents"] == 999
    assert restored["collected_amount_cents"] == restored["planned_collection_cents"] == 999
    assert (restored["activity_call"], restored["call_minutes"]) == (1, 60)
    assert (restored["won_count"], restored["new_opportunity_value_cents"]) == (1, 5_000)
    assert restored["follow_up_cycle_days_mean"] == 1.0  # follow-up 03-08 → signed 03-09


def test_contracts_move_with_the_client_owner(scenario: Scenario) -> None:
    before = compute(MARCH, user_id=scenario.alice)
    Client.update(owner=scenario.alice).where(Client.id == scenario.ids["c4"]).execute()
    alice = compute(MARCH, user_id=scenario.alice)
    bob = compute(MARCH, user_id=scenario.bob)
    # c4's March contract (70_000) and its 03-01 payment (20_000) now count for Alice
    assert alice["signed_amount_cents"] == before["signed_amount_cents"] + 70_000 == 170_000
    assert alice["collected_amount_cents"] == 50_000 + 20_000
    assert alice["repeat_rate"] == 0.5  # c1 (new) and c4 (repeat): 1 / 2
    assert bob["signed_amount_cents"] == 30_000
    assert bob["collected_amount_cents"] == 0
    # follow-ups stay with whoever logged them: Bob's wechat on c1 and email on c2
    assert (alice["activity_total"], bob["activity_total"]) == (3, 2)


def test_first_contract_tie_goes_to_the_lowest_id_and_cycle_never_negative(build: Builder) -> None:
    user = build.user("dave")
    # created after its (imported) contracts: the span would be negative, it counts as 0
    client = build.client("2025-03-20 09:00:00", user)
    build.contract(client, "2025-03-10", 100)
    build.contract(client, "2025-03-10", 300)  # same day, higher id: not the first
    # signed on 1 March, the first day of the period: not "before" it
    build.contract(build.client("2025-02-01 09:00:00", user), "2025-03-01", 500)
    v = compute(MARCH)
    assert v["first_signings"] == 2
    assert v["first_order_avg_cents"] == (100 + 500) // 2
    assert v["follow_up_cycle_days_mean"] == (0 + 28) / 2  # 0 (negative span) and 02-01 → 03-01
    assert v["signed_amount_cents"] == 100 + 300 + 500
    assert v["repeat_rate"] == 0.0  # two clients signed in March, neither before: 0 / 2
    assert v["conversion_rate"] == 1.0  # one client created in March, first contract before April


def test_first_order_average_rounds_half_up(build: Builder) -> None:
    user = build.user("erin")
    for amount in (100, 201):
        build.contract(build.client("2025-03-01 09:00:00", user), "2025-03-02", amount)
    assert compute(MARCH)["first_order_avg_cents"] == 151  # (100 + 201) / 2 = 150.5


def test_week_periods_follow_dates_and_thursdays(scenario: Scenario) -> None:
    w14 = period_containing("week", date(2025, 4, 1))  # Mon 31 Mar .. Sun 6 Apr
    v = compute(w14)
    # c3's sms at 03-31 23:59:59 and meeting at 04-01 00:00:00
    assert (v["activity_sms"], v["activity_meeting"], v["activity_total"]) == (1, 1, 2)
    assert v["behaviour_score"] == 40.0
    # W14 belongs to April by its Thursday (3 Apr), W09 to February (27 Feb)
    assert compute(APRIL)["behaviour_score"] == 40.0
    assert compute(period_containing("month", date(2025, 2, 1)))["behaviour_score"] == 50.0
    # Q1: W09 50, W10 80, W13 70 → 200 / 3
    q1 = compute(period_containing("quarter", date(2025, 2, 14)))
    assert q1["behaviour_score"] == pytest.approx(200 / 3)
    assert compute(period_containing("week", date(2025, 3, 12)))["behaviour_score"] is None  # W11 unscored
