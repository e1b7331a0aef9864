"""The weekly form read model: every automatic line equals the database; facts equal the KPI module."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest

from desktop_crm import clock
from desktop_crm.kpi import Period, compute
from desktop_crm.models import (
    Client,
    Contract,
    FollowUp,
    Goal,
    GoalTarget,
    Payment,
    PaymentInstalment,
    User,
    WeeklyForm,
    now,
)
from desktop_crm.services.weekly import (
    add_collection_item,
    add_plan_item,
    annotate,
    open_weekly_form,
    score_week,
    set_plan_item_done,
    submit_weekly_form,
)
from desktop_crm.weekly_form import (
    form_to_json,
    parse_week,
    shift_week,
    week_label,
    week_of,
    weekly_form_view,
)


@dataclass
class World:
    boss: User
    me: User
    other: User
    monday: date
    year: int
    week: int
    mine: Client
    theirs: Client


def _at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour)


@pytest.fixture
def world(db: object) -> World:
    """A salesperson with clients, instalments and payments last week and this week."""
    today = clock.today()
    monday = today - timedelta(days=today.weekday())
    last = monday - timedelta(days=7)
    boss = User.create(name="Boss", role="supervisor")
    me = User.create(name="Li Lei", supervisor=boss)
    other = User.create(name="Han Meimei", supervisor=boss)
    mine = Client.create(name="Acme", owner=me, created_at=_at(monday))
    second = Client.create(name="Beta Ltd", owner=me, created_at=_at(last))
    theirs = Client.create(name="Gamma", owner=other, created_at=_at(monday))
    gone = Client.create(name="Gone", owner=me, deleted_at=now())
    for client in (mine, second, theirs, gone):
        contract = Contract.create(
            client=client, title=f"{client.name} deal", amount_cents=9_000_00, signed_on=last
        )
        due_last = PaymentInstalment.create(
            contract=contract, seq=1, due_date=last + timedelta(days=2), amount_cents=3_000_00
        )
        PaymentInstalment.create(
            contract=contract, seq=2, due_date=monday + timedelta(days=3), amount_cents=4_000_00
        )
        PaymentInstalment.create(
            contract=contract, seq=3, due_date=monday + timedelta(days=9), amount_cents=2_000_00
        )
        Payment.create(
            contract=contract, instalment=due_last, paid_on=last + timedelta(days=4), amount_cents=2_500_00
        )
    # Paid early, this week's instalment of Acme is partly covered already.
    acme_contract = Contract.get(Contract.client == mine)
    second_inst = PaymentInstalment.get(
        (PaymentInstalment.contract == acme_contract) & (PaymentInstalment.seq == 2)
    )
    Payment.create(
        contract=acme_contract,
        instalment=second_inst,
        paid_on=last + timedelta(days=5),
        amount_cents=1_000_00,
    )
    for channel, day in (("call", 0), ("visit", 1), ("call", 6), ("wechat", 8)):
        FollowUp.create(client=mine, user=me, channel=channel, happened_at=_at(last + timedelta(days=day)))
    FollowUp.create(client=theirs, user=other, channel="visit", happened_at=_at(last))
    year, week = week_of(monday)
    return World(boss, me, other, monday, year, week, mine, theirs)


def test_week_text() -> None:
    assert parse_week("2026-W48") == (2026, 48)
    assert parse_week(" 2026-w05 ") == (2026, 5)
    assert week_label(2026, 5) == "2026-W05"
    assert shift_week(2026, 1, -1) == (2025, 52)
    assert shift_week(2026, 53, 1) == (2027, 1)
    for bad in ("2026-48", "2025-W53", "W48", "2026-W123", ""):
        with pytest.raises(ValueError):
            parse_week(bad)


def test_missing_form_is_filled_without_creating_a_row(world: World) -> None:
    view = weekly_form_view(world.me.id, world.year, world.week)
    assert view.status == "missing" and view.form_id is None and view.editable
    assert WeeklyForm.select().count() == 0
    assert view.facts == compute(Period(world.monday, world.monday + timedelta(days=7), "week"), world.me.id)
    assert view.last_week is not None and view.last_week.last_week is None
    last = Period(world.monday - timedelta(days=7), world.monday, "week")
    assert view.last_week.facts == compute(last, world.me.id)
    assert view.last_week.facts["activity_total"] == 3  # the other person's visit is not mine


def test_collections_equal_the_database(world: World) -> None:
    prev_year, prev_week = shift_week(world.year, world.week, -1)
    last_form = open_weekly_form(world.me, prev_year, prev_week)
    add_collection_item(last_form, 500_00, client_id=world.mine, note="deposit")
    view = weekly_form_view(world.me.id, world.year, world.week)
    # Last week: manual 500 + instalment 3,000 for Acme; 3,000 for Beta; received 2,500 + 1,000 and 2,500.
    by_client = {c.client_name: (c.planned_cents, c.actual_cents) for c in view.last_week_collections}
    assert by_client == {"Acme": (3_500_00, 3_500_00), "Beta Ltd": (3_000_00, 2_500_00)}
    last = Period(world.monday - timedelta(days=7), world.monday, "week")
    assert (
        sum(c.actual_cents for c in view.last_week_collections)
        == compute(last, world.me.id)["collected_amount_cents"]
    )
    # This week: the instalments due (Acme's partly paid) and no manual line yet.
    lines = [(c.kind, c.client_name, c.amount_cents, c.remaining_cents) for c in view.collections]
    assert lines == [
        ("instalment", "Acme", 4_000_00, 3_000_00),
        ("instalment", "Beta Ltd", 4_000_00, 4_000_00),
    ]
    this_form = open_weekly_form(world.me, world.year, world.week)
    add_collection_item(this_form, 700_00, note="Beta extra")
    view = weekly_form_view(world.me.id, world.year, world.week)
    assert [c.kind for c in view.collections] == ["instalment", "instalment", "manual"]
    assert view.planned_collection_cents == 3_000_00 + 4_000_00 + 700_00
    assert (
        sum(c.amount_cents for c in view.collections if c.kind == "instalment")
        == view.facts["planned_collection_cents"]
    )


def test_plan_and_last_week_done(world: World) -> None:
    prev_year, prev_week = shift_week(world.year, world.week, -1)
    last_form = open_weekly_form(world.me, prev_year, prev_week)
    done = add_plan_item(last_form, 0, "Visit Acme", client_id=world.mine)
    add_plan_item(last_form, 4, "Call Beta")
    set_plan_item_done(done, True)
    event = Goal.create(
        user=world.me,
        kind="event",
        title="Sign Acme",
        period_start=world.monday,
        period_end=world.monday + timedelta(days=1),
    )
    form = open_weekly_form(world.me, world.year, world.week)
    add_plan_item(form, 5, "Saturday demo", goal_id=event)
    add_plan_item(form, 1, "Quote for Acme", client_id=world.mine)
    view = weekly_form_view(world.me.id, world.year, world.week)
    assert [(p.weekday, p.text, p.client_name, p.goal_title) for p in view.plan] == [
        (1, "Quote for Acme", "Acme", ""),
        (5, "Saturday demo", "", "Sign Acme"),
    ]
    assert view.last_week is not None
    assert [(p.text, p.done) for p in view.last_week.plan] == [("Visit Acme", True), ("Call Beta", False)]


def test_assessment_follows_the_thursday_and_the_kpi(world: World) -> None:
    thursday = world.monday + timedelta(days=3)
    month_start = thursday.replace(day=1)
    month_end = (month_start + timedelta(days=32)).replace(day=1)
    month = Goal.create(
        user=world.me, kind="month", title="This month", period_start=month_start, period_end=month_end
    )
    GoalTarget.create(
        goal=month, metric="collected_amount_cents", label="Collected", unit="cents", target_value=10_000_00
    )
    GoalTarget.create(
        goal=month, metric="manual", label="Trade fair", unit="count", target_value=2, actual_value=1
    )
    elsewhere = Goal.create(
        user=world.other, kind="month", title="Hers", period_start=month_start, period_end=month_end
    )
    GoalTarget.create(goal=elsewhere, metric="new_clients", target_value=5)
    before = month_start - timedelta(days=40)
    Goal.create(
        user=world.me, kind="month", title="Old", period_start=before, period_end=before + timedelta(days=28)
    )
    view = weekly_form_view(world.me.id, world.year, world.week)
    assert [(t.goal_title, t.label) for t in view.assessment] == [
        ("This month", "Collected"),
        ("This month", "Trade fair"),
    ]
    collected, manual = view.assessment
    end = min(world.monday + timedelta(days=7), month_end)
    expected = compute(Period(month_start, end, "custom"), world.me.id)["collected_amount_cents"]
    assert collected.actual == expected
    assert collected.gap == 10_000_00 - expected
    assert collected.completion == pytest.approx(expected / 10_000_00)
    assert (manual.metric, manual.actual, manual.gap, manual.completion) == ("manual", 1, 1, 0.5)


def test_review_shows_in_the_view_and_json(world: World) -> None:
    form = open_weekly_form(world.me, world.year, world.week)
    item = add_plan_item(form, 2, "Visit Acme", client_id=world.mine)
    submit_weekly_form(form)
    annotate(form, world.boss, "Which decision maker?", line=f"plan:{item.id}")
    annotate(form, world.boss, "Good week overall")
    annotate(form, world.boss, "Where are the visits?", line="fact:activity_visit")
    score_week(form, world.boss, 86, comment="Keep going")
    view = weekly_form_view(world.me.id, world.year, world.week)
    assert view.status == "scored" and not view.editable and "scored" in view.lock_reason
    assert [(a.line, a.line_text, a.author_name) for a in view.annotations] == [
        (f"plan:{item.id}", "Visit Acme", "Boss"),
        ("", "", "Boss"),
        ("fact:activity_visit", "activity_visit", "Boss"),
    ]
    assert view.score is not None and view.score.total == 86 and view.score.scorer_name == "Boss"
    data = form_to_json(view)
    for key in (
        "status",
        "facts",
        "collections",
        "plan",
        "annotations",
        "score",
        "last_week",
        "user",
        "week",
    ):
        assert key in data
    assert data["facts"] == view.facts and data["score"]["total"] == 86
    assert data["last_week"]["status"] == "missing" and data["last_week"]["last_week"] is None
    assert data["annotations"][0]["line"] == f"plan:{item.id}"
