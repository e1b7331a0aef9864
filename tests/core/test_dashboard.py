"""The dashboard's read model: cards equal the KPI module (values, MoM, YoY), drill-down lists exactly the
records a KPI counts, the per-person summary ranks and flags, and the KPI summaries stay exact after
writes (inserts, edits, deletes, soft deletes and restores, owner changes, moved contracts, bulk demo)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from desktop_crm import clock as app_clock
from desktop_crm import dashboard, engine, kpi, kpi_summary
from desktop_crm.db import close_database, migrate, open_database
from desktop_crm.driver import sqlite3
from desktop_crm.kpi import (
    KPI_KEYS,
    Period,
    compute,
    compute_many,
    period_containing,
    periods_between,
    series,
)
from desktop_crm.models import (
    Client,
    Contract,
    FollowUp,
    Opportunity,
    Payment,
    PaymentInstalment,
    User,
    WeeklyForm,
    WeeklyScore,
)
from desktop_crm.services import clients as client_service

CHECKED_KEYS = sorted(kpi_summary.SUMMARY_KEYS)


@pytest.fixture
def demo(tmp_path: Path, clock: app_clock.FrozenClock) -> Iterator[date]:
    """The small demo data ending at the clock's today (bulk-loaded, summaries rebuilt afterwards)."""
    from desktop_crm.demo import generate_demo

    path = tmp_path / "demo.sqlite3"
    generate_demo(path, size="small", seed=3, today=clock.today())
    open_database(path)
    yield clock.today()
    close_database()


def _periods(today: date) -> list[Period]:
    found = []
    for kind in ("week", "month", "quarter", "year"):
        current = period_containing(kind, today)
        found += [current, current.previous(), current.previous().previous()]
    found.append(Period(today - timedelta(days=44), today + timedelta(days=1), "custom"))
    return found


def _people() -> list[int | None]:
    return [None, *(u.id for u in User.select().order_by(User.id))]


def _assert_exact() -> None:
    conn = engine.raw_connection()
    assert kpi_summary.check(conn) == []


# --- cards and trends --------------------------------------------------------------------------------


def test_cards_equal_kpi_compute_with_series_changes(demo: date) -> None:
    for user_id in _people():
        for period in _periods(demo):
            shown = dashboard.cards(period, user_id)
            assert [c.key for c in shown] == list(dashboard.CARD_KEYS)
            expected = series(period.kind, period.start, period.end, user_id)[0]
            assert expected.period == period
            values = compute(period, user_id)
            for card in shown:
                assert card.value == values[card.key] == expected.values[card.key]
                assert card.mom == expected.mom[card.key]
                assert card.yoy == expected.yoy[card.key]
                assert card.previous == compute(period.previous(), user_id)[card.key]
                assert card.year_ago == compute(period.year_ago(), user_id)[card.key]


def test_card_direction_and_good() -> None:
    def card(key: str, value: int | None, previous: int | None) -> dashboard.Card:
        mom = kpi.change(value, previous)
        direction = dashboard._direction(mom)
        return dashboard.Card(
            key, value, previous, None, mom, None, direction, dashboard._good(key, direction)
        )

    assert (card("signed_amount_cents", 200, 100).direction, card("signed_amount_cents", 200, 100).good) == (
        "up",
        True,
    )
    assert card("signed_amount_cents", 50, 100).good is False
    assert (card("lost_count", 1, 3).direction, card("lost_count", 1, 3).good) == ("down", True)
    assert card("follow_up_cycle_days_mean", 30, 20).good is False
    assert (card("won_count", 2, 2).direction, card("won_count", 2, 2).good) == ("flat", None)
    assert (card("won_count", 2, 0).direction, card("won_count", 2, 0).good) == (None, None)


def test_trends_equal_kpi_series_for_every_chart(demo: date) -> None:
    for kind in ("week", "month", "quarter", "year"):
        start, end = dashboard.default_range(kind, demo, 6)
        for user_id in (None, _people()[2]):
            expected = {r.period: r.values for r in series(kind, start, end, user_id)}
            for keys in dashboard.CHART_KEYS.values():
                points = dashboard.trend(kind, start, end, user_id, keys)
                assert [p.period for p in points] == list(expected)
                for point in points:
                    assert point.values == {k: expected[point.period][k] for k in keys}


def test_refresh_brings_cards_charts_and_pipeline(demo: date) -> None:
    month = period_containing("month", demo)
    start, end = dashboard.default_range("month", demo)
    shown = dashboard.refresh(month, None, "month", start, end)
    assert [c.value for c in shown.cards] == [compute(month)[k] for k in dashboard.CARD_KEYS]
    assert set(shown.trends) == set(dashboard.CHART_KEYS)
    assert len(shown.trends["signed_collected"]) == 12
    assert shown.pipeline == dashboard.pipeline_by_stage(None)
    with pytest.raises(ValueError, match="unknown KPI keys"):
        dashboard.trend("month", start, end, None, ["nonsense"])


def test_pipeline_by_stage_is_the_open_pipeline(demo: date) -> None:
    from desktop_crm.pipeline import PipelineFilter, stage_totals

    for user_id in _people()[:3]:
        bars = dashboard.pipeline_by_stage(user_id)
        totals = stage_totals(PipelineFilter(owner_id=user_id))
        assert [(b.stage, b.count, b.amount_cents) for b in bars] == [
            (t.stage, t.count, t.amount_cents) for t in totals
        ]
    assert sum(b.count for b in dashboard.pipeline_by_stage(None)) > 0


def test_behaviour_scores_are_the_kpi_per_month(demo: date) -> None:
    start, end = dashboard.default_range("month", demo, 6)
    people = [u for u in _people() if u is not None]
    rows = dashboard.behaviour_scores(start, end, people)
    months = periods_between("month", start, end)
    assert len(rows) == len(people) * len(months)
    by_user = {u: compute_many(months, u) for u in people}
    for row in rows:
        assert (
            row.score == by_user[row.user_id][period_containing("month", row.month_start)]["behaviour_score"]
        )
    assert any(r.score is not None for r in rows)


def test_goal_attainment_uses_the_goal_of_the_period(demo: date) -> None:
    from desktop_crm.goal_progress import PACE_ORDER, progress_for_goals
    from desktop_crm.models import Goal

    month = period_containing("month", demo).previous()
    rows = dashboard.goal_attainment(month, None)
    assert rows and any(r.completion is not None for r in rows)
    for row in rows:
        if not row.goal_ids:
            assert (row.completion, row.pace) == (None, "unknown")
            continue
        progress = progress_for_goals(row.goal_ids)
        goals = [Goal.get_by_id(g) for g in row.goal_ids]
        assert all(g.user_id == row.user_id for g in goals)
        assert all(g.period_start <= month.start and g.period_end >= month.end for g in goals)
        completions = [progress[g].completion for g in row.goal_ids]
        assert row.completion == pytest.approx(sum(completions) / len(completions))  # type: ignore[arg-type]
        assert row.pace == min((progress[g].pace for g in row.goal_ids), key=PACE_ORDER.index)


# --- drill-down --------------------------------------------------------------------------------------


KIND_OF = {
    "signed_amount_cents": "contract",
    "collected_amount_cents": "payment",
    "planned_collection_cents": "instalment",
    "new_clients": "client",
    "first_signings": "client",
    "activity_call": "follow_up",
    "call_minutes": "follow_up",
    "won_count": "opportunity",
    "lost_amount_cents": "opportunity",
    "new_opportunity_value_cents": "opportunity",
    "behaviour_score": "weekly_form",
}


def test_drill_down_lists_exactly_the_counted_records(demo: date) -> None:
    nonempty: set[str] = set()
    for user_id in _people():
        for period in _periods(demo):
            values = compute(period, user_id)
            for key in KPI_KEYS:
                rows = dashboard.drill_down(key, period, user_id)
                expected = values[key]
                if key == "behaviour_score" and expected is not None:  # a float mean: summed in another order
                    expected = pytest.approx(expected, rel=1e-12)
                assert dashboard.drill_value(key, rows) == expected, (key, period, user_id)
                if (
                    key.endswith("_count")
                    or key in ("new_clients", "first_signings")
                    or key.startswith("activity_")
                ):
                    assert len(rows) == values[key]
                if key in KIND_OF:
                    assert {r.kind for r in rows} <= {KIND_OF[key]}
                assert all(period.contains(r.day) for r in rows if r.kind != "weekly_form")
                if rows:
                    nonempty.add(key)
    assert nonempty >= set(dashboard.CARD_KEYS)


def test_drill_down_rows_open_their_client_and_follow_attribution(demo: date) -> None:
    year = period_containing("year", demo)
    user_id = _people()[2]
    for row in dashboard.drill_down("signed_amount_cents", year, user_id):
        client = Client.get_by_id(row.client_id)
        assert client.deleted_at is None and client.owner_id == user_id == row.user_id
        assert Contract.get_by_id(row.record_id).amount_cents == row.amount_cents
    for row in dashboard.drill_down("activity_total", year, user_id):
        assert FollowUp.get_by_id(row.record_id).user_id == user_id
    with pytest.raises(ValueError):
        dashboard.drill_down("nonsense", year, None)


def test_drill_listing_holds_exactly_the_drill_down_records_built_a_page_at_a_time(demo: date) -> None:
    from desktop_crm import drill

    month = period_containing("month", demo).previous()
    busy = (
        FollowUp.select(FollowUp.client)
        .where((FollowUp.happened_at >= month.start) & (FollowUp.happened_at < month.end))
        .order_by(FollowUp.id)
        .first()
    )
    assert busy is not None
    client_service.delete_client(busy.client_id)  # its follow-ups now count nowhere
    for user_id in _people():
        for period in [*_periods(demo), month]:
            values = compute(period, user_id)
            for key in KPI_KEYS:
                listing = dashboard.drill_listing(key, period, user_id)
                rows = dashboard.drill_down(key, period, user_id)
                assert listing.count == len(listing) == len(rows), (key, period, user_id)
                assert listing.rows() == rows, (key, period, user_id)
                if key.startswith("activity_"):
                    assert listing.count == values[key]
    listing = dashboard.drill_listing("activity_total", month, None)
    assert listing.count > drill.PAGE_SIZE  # the small demo's month: several pages
    assert busy.client_id not in {r.client_id for r in listing.rows() if r is not None}
    fresh = dashboard.drill_listing("activity_total", month, None)
    assert fresh._pages == {}  # nothing built until asked
    last = fresh.row(fresh.count - 1)
    assert last is not None and list(fresh._pages) == [(fresh.count - 1) // drill.PAGE_SIZE]
    # a record deleted after the list was read leaves its place empty; the count stays what was read
    second = dashboard.drill_listing("activity_total", month, None)
    gone = second.row(0)
    assert gone is not None
    FollowUp.delete_by_id(gone.record_id)
    third = dashboard.drill_listing("activity_total", month, None)
    assert third.count == second.count - 1 and third.row(0) != gone
    second._pages.clear()
    assert second.row(0) is None and second.count == third.count + 1
    with pytest.raises(IndexError):
        second.row(second.count)


# --- per-person summary ------------------------------------------------------------------------------


def _user(name: str, role: str = "salesperson") -> int:
    return User.create(name=name, role=role).id


def _client(owner: int, created: str) -> int:
    return Client.create(name=f"client {owner} {created}", owner=owner, created_at=created).id


def test_person_summary_ranks_and_flags_busy_but_not_converting(db: object) -> None:
    march = Period(date(2025, 3, 1), date(2025, 4, 1), "month")
    busy, closer, steady, quiet = _user("busy"), _user("closer"), _user("steady"), _user("quiet")
    _user("boss", "supervisor")  # no figures: not listed
    # busy: 3 new clients, 12 calls, nothing signed -> conversion 0, signed 0
    for i in range(3):
        c = _client(busy, f"2025-03-0{i + 1} 09:00:00")
        for d in range(4):
            FollowUp.create(client=c, user=busy, channel="call", happened_at=f"2025-03-1{d} 10:00:00")
    # closer: 2 new clients, both signed in March for 500 -> conversion 1; 2 visits
    for i in range(2):
        c = _client(closer, f"2025-03-0{i + 1} 09:00:00")
        FollowUp.create(client=c, user=closer, channel="visit", happened_at="2025-03-05 10:00:00")
        Contract.create(client=c, signed_on="2025-03-20", amount_cents=500)
    # steady: same signed total as closer, less collected; 1 new client signed; 3 calls
    c = _client(steady, "2025-03-02 09:00:00")
    k = Contract.create(client=c, signed_on="2025-03-21", amount_cents=1000)
    Payment.create(contract=k, paid_on="2025-03-25", amount_cents=100)
    k2 = Contract.get(Contract.client.in_(Client.select(Client.id).where(Client.owner == closer)))
    Payment.create(contract=k2, paid_on="2025-03-26", amount_cents=300)
    for d in range(3):
        FollowUp.create(client=c, user=steady, channel="call", happened_at=f"2025-03-2{d} 10:00:00")
    # quiet: one follow-up, one new client not signed (conversion 0), below the activity median
    q = _client(quiet, "2025-03-03 09:00:00")
    FollowUp.create(client=q, user=quiet, channel="sms", happened_at="2025-03-04 10:00:00")
    # scored weeks: two in March for busy (a float mean), one whose Thursday is in April, one in February
    for user, week, score in ((busy, 10, 72.5), (busy, 12, 81.25), (busy, 14, 99.0), (steady, 9, 60.0)):
        form = WeeklyForm.create(user=user, iso_year=2025, iso_week=week)
        WeeklyScore.create(form=form, score=score)

    rows = dashboard.person_summary(march)
    by_name = {r.name: r for r in rows}
    assert set(by_name) == {"busy", "closer", "steady", "quiet"}
    assert [r.name for r in rows] == ["closer", "steady", "busy", "quiet"]
    assert (by_name["closer"].rank, by_name["steady"].rank) == (1, 2)  # equal signed, more collected
    assert by_name["busy"].rank == by_name["quiet"].rank == 3  # both 0 and 0: shared rank
    assert by_name["busy"].busy_not_converting is True
    assert not any(by_name[n].busy_not_converting for n in ("closer", "steady", "quiet"))
    # every figure is the KPI module's for that person
    for row in rows:
        values = compute(march, row.user_id)
        for key in dashboard.PERSON_KEYS:
            assert getattr(row, key) == values[key], (row.name, key)
    assert by_name["busy"].behaviour_score == pytest.approx((72.5 + 81.25) / 2)
    assert by_name["steady"].behaviour_score is None and by_name["closer"].behaviour_score is None
    assert by_name["busy"].to_json()["busy_not_converting"] is True
    assert by_name["busy"].activity_call == 12 and by_name["closer"].activity_visit == 2


def test_person_summary_none_conversion_is_never_flagged(db: object) -> None:
    march = Period(date(2025, 3, 1), date(2025, 4, 1), "month")
    busy, a, b = _user("busy"), _user("a"), _user("b")
    old = _client(busy, "2024-01-01 09:00:00")  # no new client in March: conversion None
    for d in range(9):
        FollowUp.create(client=old, user=busy, channel="call", happened_at=f"2025-03-1{d} 10:00:00")
    for owner, amount in ((a, 100), (b, 200)):
        c = _client(owner, "2025-03-02 09:00:00")
        Contract.create(client=c, signed_on="2025-03-10", amount_cents=amount)
    rows = {r.name: r for r in dashboard.person_summary(march)}
    assert rows["busy"].conversion_rate is None
    assert rows["busy"].busy_not_converting is False


def test_person_summary_follows_what_the_viewer_sees(demo: date) -> None:
    from desktop_crm import team

    month = period_containing("month", demo)
    supervisor = User.get(User.role == "supervisor").id
    visible = set(team.visible_user_ids(supervisor))
    rows = dashboard.person_summary(month, supervisor)
    assert rows and {r.user_id for r in rows} <= visible
    salesperson = next(u for u in visible if u != supervisor)
    assert [r.user_id for r in dashboard.person_summary(month, salesperson)] == [salesperson]


def test_person_summary_is_the_kpi_module_for_everyone_in_every_period(demo: date) -> None:
    """Day sums, first signings (in the period, and of the clients created in it) and the weekly scores
    come from one statement: each figure is still the KPI module's for that person, scores included."""
    periods = _periods(demo)
    scored = 0
    for period in periods:
        for row in dashboard.person_summary(period):
            values = compute(period, row.user_id)
            for key in dashboard.PERSON_KEYS:
                assert getattr(row, key) == values[key], (period, row.name, key)
            scored += row.behaviour_score is not None
    assert scored  # the demo's scored weekly forms were read


def test_per_person_without_daily_sums_or_scores(demo: date) -> None:
    """Only some facts asked for: the statement has only their parts, the figures are still the module's."""
    month = period_containing("month", demo)
    people = [u for u in _people() if u is not None]
    for keys in (
        ("conversion_rate",),
        ("behaviour_score",),
        ("first_order_avg_cents", "signed_amount_cents"),
    ):
        found = kpi_summary.per_person(month, people, keys)
        for user_id in people:
            values = compute(month, user_id)
            assert found[user_id] == {k: values[k] for k in keys}, (keys, user_id)


# --- summaries stay exact ----------------------------------------------------------------------------


def _values_equal_kpi(periods: list[Period], people: list[int | None]) -> None:
    for user_id in people:
        ours = kpi_summary.values(periods, user_id, CHECKED_KEYS)
        theirs = compute_many(periods, user_id)
        for period in periods:
            assert ours[period] == {k: theirs[period][k] for k in CHECKED_KEYS}, (period, user_id)


def test_summaries_stay_exact_after_writes(db: object) -> None:
    march = Period(date(2025, 3, 1), date(2025, 4, 1), "month")
    periods = [march, march.previous(), Period(date(2025, 1, 1), date(2026, 1, 1), "year")]
    a, b = _user("a"), _user("b")
    people: list[int | None] = [None, a, b]
    c1, c2 = _client(a, "2025-02-10 09:00:00"), _client(b, "2025-03-02 10:00:00")
    f1 = FollowUp.create(
        client=c1, user=a, channel="call", happened_at="2025-02-11 10:00:00", duration_minutes=7
    )
    FollowUp.create(client=c1, user=b, channel="visit", happened_at="2025-03-05 18:00:00")
    k1 = Contract.create(client=c1, signed_on="2025-03-05", amount_cents=10_000)
    k2 = Contract.create(client=c2, signed_on="2025-03-12", amount_cents=3_000)
    i1 = PaymentInstalment.create(contract=k1, due_date="2025-03-31", amount_cents=6_000)
    p1 = Payment.create(contract=k1, paid_on="2025-03-28", amount_cents=6_000, instalment=i1)
    PaymentInstalment.create(contract=k2, due_date="2025-04-15", amount_cents=3_000)
    o1 = Opportunity.create(
        client=c1, owner=a, name="o1", created_at="2025-02-12 09:00:00", expected_amount_cents=9
    )
    Opportunity.create(
        client=c2, owner=b, name="o2", created_at="2025-03-03 09:00:00", expected_amount_cents=4
    )
    form = WeeklyForm.create(user=a, iso_year=2025, iso_week=11)
    WeeklyScore.create(form=form, score=80)
    _assert_exact()
    _values_equal_kpi(periods, people)
    steps = [
        # edits of follow-ups: date, channel, minutes, who logged it; a delete
        lambda: (
            FollowUp.update(happened_at="2025-03-01 08:00:00", channel="call")
            .where(FollowUp.id == f1.id)
            .execute()
        ),
        lambda: FollowUp.update(duration_minutes=30, user=b).where(FollowUp.id == f1.id).execute(),
        lambda: FollowUp.create(client=c2, user=a, channel="email", happened_at="2025-03-01 09:00:00"),
        lambda: FollowUp.delete().where(FollowUp.id == f1.id).execute(),
        # contracts, payments, instalments: amounts and dates, a contract moved to another client
        lambda: (
            Contract.update(amount_cents=12_000, signed_on="2025-02-27").where(Contract.id == k1.id).execute()
        ),
        lambda: Payment.update(paid_on="2025-04-01", amount_cents=5_000).where(Payment.id == p1.id).execute(),
        lambda: (
            PaymentInstalment.update(due_date="2025-03-15").where(PaymentInstalment.id == i1.id).execute()
        ),
        lambda: Contract.update(client=c2).where(Contract.id == k1.id).execute(),
        # opportunities: won, lost, reassigned, soft-deleted
        lambda: (
            Opportunity.update(stage="won", closed_on="2025-03-20").where(Opportunity.id == o1.id).execute()
        ),
        lambda: (
            Opportunity.update(owner=b, expected_amount_cents=11).where(Opportunity.id == o1.id).execute()
        ),
        lambda: Opportunity.update(stage="lost").where(Opportunity.id == o1.id).execute(),
        lambda: Opportunity.update(deleted_at=datetime(2025, 4, 2)).where(Opportunity.id == o1.id).execute(),
        # clients: owner change (contracts and payments follow), soft delete and restore, created_at
        lambda: client_service.update_client(c2, owner_id=a),
        lambda: client_service.delete_client(c2),
        lambda: client_service.restore_client(c2),
        lambda: Client.update(created_at="2025-02-28 23:59:59").where(Client.id == c2).execute(),
        lambda: client_service.update_client(c1, name="renamed only"),
        # hard deletes with their cascades
        lambda: Payment.delete().where(Payment.id == p1.id).execute(),
        lambda: Contract.get_by_id(k2.id).delete_instance(),
        lambda: client_service.delete_client(c1),
        lambda: Client.get_by_id(c1).delete_instance(recursive=False),
        lambda: Client.get_by_id(c2).delete_instance(recursive=False),
    ]
    for step in steps:
        step()
        _assert_exact()
        _values_equal_kpi(periods, people)
    assert engine.raw_connection().execute("SELECT COUNT(*) FROM kpi_first_signing").fetchone()[0] == 0


def test_summaries_match_after_bulk_demo_and_service_writes(demo: date) -> None:
    _assert_exact()
    conn = engine.raw_connection()
    assert conn.execute("SELECT COUNT(*) FROM kpi_daily").fetchone()[0] > 0
    assert conn.execute("SELECT COUNT(*) FROM kpi_first_signing").fetchone()[0] > 0
    # the owner of the client with the most contracts changes: its money moves to the new owner
    client_id, owner = conn.execute(
        "SELECT cl.id, cl.owner_id FROM client AS cl JOIN contract AS k ON k.client_id = cl.id "
        "WHERE cl.deleted_at IS NULL GROUP BY cl.id ORDER BY COUNT(*) DESC, cl.id LIMIT 1"
    ).fetchone()
    other = User.get((User.id != owner) & (User.active == True) & (User.role == "salesperson")).id  # noqa: E712
    client_service.update_client(client_id, owner_id=other)
    client_service.delete_client(User.get_by_id(other).clients.first().id)
    _assert_exact()
    _values_equal_kpi(_periods(demo), [None, owner, other])


def test_migration_fills_the_summaries_of_existing_data(db_path: Path) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    migrate(conn, target=9)
    conn.execute(
        "INSERT INTO user (uuid, created_at, updated_at, name, role, email, phone, active) "
        "VALUES ('u', '2025-01-01', '2025-01-01', 'a', 'salesperson', '', '', 1)"
    )
    conn.execute(
        "INSERT INTO client (uuid, created_at, updated_at, name, short_name, status, value_verdict, grade, "
        "expected_amount_cents, owner_id, source, industry, region, phone, address, website, notes) "
        "VALUES ('c', '2025-03-02 10:00:00', '2025-03-02', 'c', '', 'lead', 'uncertain', 'A', 0, 1, '', '', '', "
        "'', '', '', '')"
    )
    conn.execute(
        "INSERT INTO follow_up (uuid, created_at, updated_at, client_id, user_id, channel, purpose, "
        "happened_at, duration_minutes, summary) VALUES ('f', '2025-03-03', '2025-03-03', 1, 1, 'call', "
        "'keep_in_touch', '2025-03-03 10:00:00', 12, '')"
    )
    conn.execute(
        "INSERT INTO contract (uuid, created_at, updated_at, client_id, title, number, amount_cents, "
        "signed_on, notes) VALUES ('k', '2025-03-09', '2025-03-09', 1, '', '', 700, '2025-03-09', '')"
    )
    conn.close()
    open_database(db_path)
    try:
        _assert_exact()
        march = Period(date(2025, 3, 1), date(2025, 4, 1), "month")
        values = kpi_summary.values([march], None, CHECKED_KEYS)[march]
        assert values["call_minutes"] == 12 and values["signed_amount_cents"] == 700
        assert values["follow_up_cycle_days_mean"] == 6.0 and values["conversion_rate"] == 1.0
    finally:
        close_database()


def test_the_check_sees_a_summary_that_drifted(db: object) -> None:
    a = _user("a")
    c = _client(a, "2025-03-02 10:00:00")
    conn = engine.raw_connection()
    kpi_summary.drop_triggers(conn)
    FollowUp.create(client=c, user=a, channel="call", happened_at="2025-03-03 10:00:00")
    Contract.create(client=c, signed_on="2025-03-09", amount_cents=700)
    problems = kpi_summary.check(conn)
    assert any("kpi_daily ('2025-03-03'" in p for p in problems)
    assert any("kpi_first_signing recomputed only" in p for p in problems)
    kpi_summary.rebuild(conn)
    assert kpi_summary.check(conn) == []
    FollowUp.create(client=c, user=a, channel="visit", happened_at="2025-03-04 10:00:00")  # triggers back
    assert kpi_summary.check(conn) == []


def test_check_command_reports_summaries_that_drifted(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop_crm.cli import main

    open_database(db_path)
    a = _user("a")
    c = _client(a, "2025-03-02 10:00:00")
    FollowUp.create(client=c, user=a, channel="call", happened_at="2025-03-03 10:00:00")
    close_database()
    assert main(["--db", str(db_path), "check"]) == 0
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE kpi_daily SET activity_call = activity_call + 1")
    conn.commit()
    conn.close()
    assert main(["--db", str(db_path), "check"]) == 1
    assert "KPI summary rows differ from the records" in capsys.readouterr().out
