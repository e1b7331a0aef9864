"""Goal progress from real data, roll-ups, the SMART check, splits, proposals and permissions."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop_crm import goal_progress, kpi
from desktop_crm.cli import main
from desktop_crm.clock import FrozenClock
from desktop_crm.errors import ValidationError
from desktop_crm.models import Client, Contract, FollowUp, Goal, GoalTarget, Payment, Setting, User
from desktop_crm.services import goals as svc


def _month(day: date) -> tuple[date, date]:
    index = day.year * 12 + day.month
    return date(day.year, day.month, 1), date(index // 12, index % 12 + 1, 1)


@pytest.fixture
def team(db: object) -> dict[str, User]:
    boss = User.create(name="Chen", role="supervisor")
    li = User.create(name="Li", role="salesperson", supervisor=boss)
    wang = User.create(name="Wang", role="salesperson", supervisor=boss)
    Setting.create(key="current_user_id", value=str(li.id))
    return {"boss": boss, "li": li, "wang": wang}


def _sign(owner: User, amount: int, day: date, name: str = "Acme") -> Contract:
    client = Client.create(name=name, owner=owner, status="customer")
    return Contract.create(client=client, amount_cents=amount, signed_on=day)


def test_actual_is_the_kpi_value_for_owner_and_period(team: dict[str, User], clock: FrozenClock) -> None:
    clock.set(datetime(2026, 5, 16, 10, 0))
    li = team["li"]
    year = svc.create_goal("year", "2026", "2026-01-01", "2027-01-01", user_id=li)
    target = svc.add_target(year, "", 1_000_000, metric="signed_amount_cents")
    svc.add_target(year, "", 10, metric="activity_total")
    _sign(li, 300_000, date(2026, 3, 3))
    _sign(team["wang"], 999_999, date(2026, 3, 3), "Other")  # someone else's: not in Li's actual
    client = Client.get(Client.name == "Acme")
    for day in (1, 2):
        FollowUp.create(client=client, user=li, channel="call", happened_at=datetime(2026, 4, day, 9))
    progress = goal_progress.progress_for_goals([year.id])[year.id]
    values = kpi.compute(kpi.Period(date(2026, 1, 1), date(2027, 1, 1), "custom"), li.id)
    by_metric = {t.metric: t for t in progress.targets}
    assert by_metric["signed_amount_cents"].actual == values["signed_amount_cents"] == 300_000
    assert by_metric["activity_total"].actual == values["activity_total"] == 2
    signed = by_metric["signed_amount_cents"]
    assert signed.target_id == target.id
    assert signed.completion == pytest.approx(0.3)
    assert signed.gap == 700_000
    share = (date(2026, 5, 16) - date(2026, 1, 1)).days + 1
    assert signed.expected_share == pytest.approx(share / 365)
    assert signed.on_pace is False and signed.pace == "behind"  # 0.30 of 0.37 elapsed: within 75 %
    assert by_metric["activity_total"].pace == "far_behind"  # 0.2 of 0.37
    assert progress.completion == pytest.approx((0.3 + 0.2) / 2)


def test_team_goal_actual_is_the_team_kpi(team: dict[str, User], clock: FrozenClock) -> None:
    clock.set(datetime(2026, 5, 16, 10, 0))
    goal = svc.create_goal("month", "March", "2026-03-01", "2026-04-01", by=None)
    svc.add_target(goal, "", 1_000_000, metric="signed_amount_cents", by=None)
    _sign(team["li"], 300_000, date(2026, 3, 3))
    _sign(team["wang"], 200_000, date(2026, 3, 30), "B")
    (target,) = goal_progress.progress_for_goals([goal.id])[goal.id].targets
    assert target.actual == 500_000
    assert target.pace == "missed" and target.on_pace is False and target.expected_share == 1.0


def test_pace_before_start_after_end_and_manual(team: dict[str, User], clock: FrozenClock) -> None:
    clock.set(datetime(2026, 5, 16, 10, 0))
    later = svc.create_goal("year", "2027", "2027-01-01", "2028-01-01", user_id=team["li"])
    svc.add_target(later, "", 5, metric="new_clients")
    (t,) = goal_progress.progress_for_goals([later.id])[later.id].targets
    assert (t.on_pace, t.pace, t.expected_share) == (None, "not_started", None)
    manual = svc.create_goal("year", "2026", "2026-01-01", "2027-01-01", user_id=team["li"])
    target = svc.add_target(manual, "Referrals", 10)
    (t,) = goal_progress.progress_for_goals([manual.id])[manual.id].targets
    assert (t.metric, t.actual, t.completion, t.gap, t.pace) == ("manual", None, None, None, "unknown")
    svc.update_target(target, actual_value=8)
    (t,) = goal_progress.progress_for_goals([manual.id])[manual.id].targets
    assert (t.actual, t.completion, t.gap, t.on_pace, t.pace) == (8, 0.8, 2, True, "on_pace")
    zero = svc.add_target(manual, "Nothing", 0)
    progress = goal_progress.progress_for_goals([manual.id])[manual.id]
    assert next(x for x in progress.targets if x.target_id == zero.id).completion is None


def test_lower_is_better_and_rates(team: dict[str, User], clock: FrozenClock) -> None:
    clock.set(datetime(2026, 5, 16, 10, 0))
    goal = svc.create_goal("year", "2026", "2026-01-01", "2027-01-01", user_id=team["li"])
    rate = svc.add_target(goal, "", 0.25, metric="conversion_rate")
    assert rate.target_value == 2500 and rate.unit == "rate"
    svc.add_target(goal, "", 30, metric="follow_up_cycle_days_mean")
    client = Client.create(name="A", owner=team["li"], created_at=datetime(2026, 1, 5, 9))
    Client.create(name="B", owner=team["li"], created_at=datetime(2026, 1, 6, 9))
    Contract.create(client=client, amount_cents=100, signed_on=date(2026, 1, 25))  # 20 days from creation
    progress = goal_progress.progress_for_goals([goal.id])[goal.id]
    by_metric = {t.metric: t for t in progress.targets}
    assert by_metric["conversion_rate"].target == 0.25
    assert by_metric["conversion_rate"].actual == 0.5
    assert by_metric["conversion_rate"].completion == pytest.approx(2.0)
    cycle = by_metric["follow_up_cycle_days_mean"]
    assert cycle.actual == 20 and cycle.completion == pytest.approx(1.5)  # 30 / 20: below target is good
    assert cycle.gap == 10


def test_roll_up_uses_children_when_a_goal_has_no_targets(team: dict[str, User], clock: FrozenClock) -> None:
    clock.set(datetime(2026, 5, 16, 10, 0))
    year = svc.create_goal("year", "2026", "2026-01-01", "2027-01-01", user_id=team["li"])
    q1 = svc.create_goal("quarter", "Q1", "2026-01-01", "2026-04-01", parent_id=year)
    q2 = svc.create_goal("quarter", "Q2", "2026-04-01", "2026-07-01", parent_id=year)
    svc.update_target(svc.add_target(q1, "Visits", 10), actual_value=10)
    svc.update_target(svc.add_target(q2, "Visits", 10), actual_value=5)
    progress = goal_progress.progress_for_goals([year.id, q1.id])
    assert progress[q1.id].completion == 1.0
    assert progress[year.id].completion == pytest.approx(0.75)
    assert progress[year.id].targets == []


def test_smart_rules(team: dict[str, User], clock: FrozenClock) -> None:
    clock.set(datetime(2026, 5, 16, 10, 0))
    li = team["li"]
    bare = svc.create_goal("month", "Loose", "2026-05-01", "2026-06-01", user_id=li)
    codes = [w.code for w in svc.goal_warnings(bare)]
    assert codes == ["specific", "measurable", "relevant"]
    qualitative = svc.create_goal(
        "year", "Be known", "2026-01-01", "2027-01-01", user_id=li, qualitative=True
    )
    assert [w.code for w in goal_progress.smart_warnings(qualitative)] == ["specific"]
    svc.add_action(qualitative, "Speak at the fair")
    assert goal_progress.smart_warnings(qualitative) == []
    long_week = Goal.create(
        user=li, kind="week", title="W", period_start=date(2026, 5, 4), period_end=date(2026, 6, 4)
    )
    assert "time_bound" in [w.code for w in goal_progress.smart_warnings(long_week)]
    # Attainable: the last four months signed 100k at best; 300k is more than twice that.
    for month, amount in ((1, 50_000), (2, 100_000), (3, 80_000), (4, 90_000)):
        _sign(li, amount, date(2026, month, 10), f"C{month}")
    may = svc.create_goal("month", "May", "2026-05-01", "2026-06-01", user_id=li)
    high = svc.add_target(may, "", 300_000, metric="signed_amount_cents")
    warnings = goal_progress.smart_warnings(may)
    assert [(w.code, w.reason) for w in warnings] == [
        ("attainable", "above_twice_best"),
        ("relevant", "no_parent"),
    ]
    assert warnings[0].params["best"] == 100_000
    svc.update_target(high, target_value=200_000)  # exactly twice: fine
    assert [w.reason for w in goal_progress.smart_warnings(may)] == ["no_parent"]
    svc.update_target(high, target_value=80_000)  # below April's 90k: not a growth goal
    assert [w.reason for w in goal_progress.smart_warnings(may)] == ["below_last", "no_parent"]


def test_previous_periods() -> None:
    assert goal_progress.previous_periods(date(2026, 4, 1), date(2026, 7, 1), 2) == [
        (date(2026, 1, 1), date(2026, 4, 1)),
        (date(2025, 10, 1), date(2026, 1, 1)),
    ]
    assert goal_progress.previous_periods(date(2026, 5, 4), date(2026, 5, 11), 1) == [
        (date(2026, 4, 27), date(2026, 5, 4))
    ]


def test_split_year_into_months_sums_exactly(team: dict[str, User]) -> None:
    year = svc.create_goal("year", "2026", "2026-01-01", "2027-01-01", user_id=team["li"])
    target = svc.add_target(year, "", 1_000_000_07, metric="signed_amount_cents")
    saved = svc.split_target(target, "month")
    values = [t.target_value for t in saved.record]
    assert len(values) == 12 and sum(values) == 1_000_000_07
    assert max(values) - min(values) <= 1
    months = Goal.select().where(Goal.parent == year).order_by(Goal.period_start)
    assert [(g.kind, g.title) for g in months][:2] == [("month", "2026-01"), ("month", "2026-02")]
    assert all(g.user_id == team["li"].id for g in months)
    # Splitting again reuses the months and rewrites their targets: no duplicates.
    svc.split_target(target, "month", [1] * 6 + [3] * 6)
    assert Goal.select().where(Goal.parent == year).count() == 12
    values = [t.target_value for t in GoalTarget.select().join(Goal).where(Goal.parent == year)]
    assert sum(values) == 1_000_000_07 and len(values) == 12


def test_split_month_into_clipped_weeks_and_week_into_days(team: dict[str, User]) -> None:
    month = svc.create_goal("month", "March", "2026-03-01", "2026-04-01", user_id=team["li"])
    target = svc.add_target(month, "", 31, metric="activity_total")
    saved = svc.split_target(target, "week", "days")
    weeks = sorted((t.goal for t in saved.record), key=lambda g: g.period_start)
    assert weeks[0].period_start == date(2026, 3, 1) and weeks[0].period_end == date(2026, 3, 2)  # Sunday
    assert weeks[-1].period_end == date(2026, 4, 1)
    assert sum((w.period_end - w.period_start).days for w in weeks) == 31
    assert [t.target_value for t in sorted(saved.record, key=lambda t: t.goal.period_start)][:2] == [1, 7]
    week = weeks[1]
    week_target = GoalTarget.get(GoalTarget.goal == week)
    days = svc.split_target(week_target, "day").record
    assert [t.goal.period_start.weekday() for t in days] == [0, 1, 2, 3, 4, 5]  # Monday to Saturday
    assert sum(t.target_value for t in days) == 7


def test_split_rate_copies_and_refusals(team: dict[str, User]) -> None:
    quarter = svc.create_goal("quarter", "Q1", "2026-01-01", "2026-04-01", user_id=team["li"])
    rate = svc.add_target(quarter, "", 0.3, metric="conversion_rate")
    assert [t.target_value for t in svc.split_target(rate, "month").record] == [3000, 3000, 3000]
    with pytest.raises(ValidationError) as err:
        svc.split_target(rate, "week")
    assert err.value.field == "child_kind"
    visits = svc.add_target(quarter, "", 30, metric="activity_visit")
    with pytest.raises(ValidationError) as err:
        svc.split_target(visits, "month", [1, 2])
    assert err.value.field == "weights"


def test_children_exceeding_the_parent_warn(team: dict[str, User]) -> None:
    quarter = svc.create_goal("quarter", "Q1", "2026-01-01", "2026-04-01", user_id=team["li"])
    svc.add_target(quarter, "", 100, metric="new_clients")
    jan = svc.create_goal("month", "Jan", "2026-01-01", "2026-02-01", parent_id=quarter)
    feb = svc.create_goal("month", "Feb", "2026-02-01", "2026-03-01", parent_id=quarter)
    svc.save_target(jan, None, metric="new_clients", label="", target_value=60)
    saved = svc.save_target(feb, None, metric="new_clients", label="", target_value=50)
    assert "children_exceed" in [w.reason for w in saved.warnings]
    assert GoalTarget.select().count() == 3  # a warning, not a refusal


def test_proposals(team: dict[str, User]) -> None:
    boss, li = team["boss"], team["li"]
    year = svc.create_goal("year", "2026", "2026-01-01", "2027-01-01", user_id=li, by=boss.id)
    target = svc.add_target(year, "", 1_000_000, metric="signed_amount_cents", by=boss.id)
    progress = goal_progress.progress_for_goals([year.id])[year.id].targets[0]
    assert progress.agreement == "assigned"
    with pytest.raises(ValidationError, match="propose a different value"):
        svc.update_target(target, target_value=10, by=li.id)
    with pytest.raises(ValidationError, match="owner"):
        svc.propose_target(target, 800_000, "Market is slow", boss.id)
    with pytest.raises(ValidationError) as err:
        svc.propose_target(target, 800_000, " ", li.id)
    assert err.value.field == "proposal_reason"
    svc.propose_target(target, 800_000, "Market is slow", li.id)
    progress = goal_progress.progress_for_goals([year.id])[year.id].targets[0]
    assert (progress.agreement, progress.proposed, progress.proposal_reason) == (
        "proposed",
        800_000,
        "Market is slow",
    )
    with pytest.raises(ValidationError, match="supervisor"):
        svc.accept_proposal(target, li.id)
    svc.accept_proposal(target, boss.id)
    fresh = GoalTarget.get_by_id(target.id)
    assert (fresh.target_value, fresh.proposal_state) == (800_000, "accepted")
    assert goal_progress.progress_for_goals([year.id])[year.id].targets[0].agreement == "agreed"
    svc.update_target(target, target_value=900_000, by=boss.id)  # reassigned
    svc.propose_target(target, 700_000, "Still slow", li.id)
    svc.keep_target(target, boss.id)
    fresh = GoalTarget.get_by_id(target.id)
    assert (fresh.target_value, fresh.proposal_state, fresh.proposed_value) == (900_000, "declined", 700_000)
    with pytest.raises(ValidationError, match="no proposal"):
        svc.keep_target(target, boss.id)


def test_permissions(team: dict[str, User]) -> None:
    boss, li, wang = team["boss"], team["li"], team["wang"]
    mine = svc.create_goal("year", "Mine", "2026-01-01", "2027-01-01", user_id=li)  # working user: Li
    with pytest.raises(ValidationError, match="only edit your own"):
        svc.create_goal("year", "His", "2026-01-01", "2027-01-01", user_id=wang)
    with pytest.raises(ValidationError, match="supervisor"):
        svc.create_goal("year", "Team", "2026-01-01", "2027-01-01")
    his = svc.create_goal("year", "His", "2026-01-01", "2027-01-01", user_id=wang, by=boss.id)
    for call in (
        lambda: svc.update_goal(his, title="x"),
        lambda: svc.delete_goal(his),
        lambda: svc.add_target(his, "Visits", 1),
        lambda: svc.add_action(his, "Visit"),
    ):
        with pytest.raises(ValidationError, match="only edit your own"):
            call()
    svc.update_goal(mine, title="Mine 2026", by=boss.id)  # the supervisor sees Li
    assert svc.create_goal("year", "Team", "2026-01-01", "2027-01-01", by=boss.id).user is None
    assert Goal.select().count() == 3


def test_nesting_and_move_refusals(team: dict[str, User]) -> None:
    li = team["li"]
    year = svc.create_goal("year", "2026", "2026-01-01", "2027-01-01", user_id=li)
    with pytest.raises(ValidationError, match="within the parent") as err:
        svc.create_goal("month", "Jan 2027", "2027-01-01", "2027-02-01", parent_id=year)
    assert err.value.field == "period_start"
    q1 = svc.create_goal("quarter", "Q1", "2026-01-01", "2026-04-01", parent_id=year)
    loose = svc.create_goal("month", "May", "2026-05-01", "2026-06-01", user_id=li)
    with pytest.raises(ValidationError) as err:
        svc.move_goal(loose, q1)  # May is not in Q1
    assert err.value.field == "parent_id"
    with pytest.raises(ValidationError, match="under itself"):
        svc.move_goal(year, q1)
    svc.move_goal(loose, year)
    assert Goal.get_by_id(loose.id).parent_id == year.id
    svc.move_goal(loose, None)
    assert Goal.get_by_id(loose.id).parent_id is None


def test_action_categories_and_clients(team: dict[str, User]) -> None:
    year = svc.create_goal("year", "2026", "2026-01-01", "2027-01-01", user_id=team["li"])
    a = Client.create(name="A", owner=team["li"])
    b = Client.create(name="B", owner=team["li"])
    action = svc.add_action(year, "Train the agents", "training", client_ids=[a.id, b.id, a.id])
    assert action.category == "training"
    with pytest.raises(ValidationError) as err:
        svc.add_action(year, "Custom", "custom")
    assert err.value.field == "label"
    assert svc.add_action(year, "Old kind", "keep_in_touch").category == "routine"
    assert (svc.add_action(year, "Fair", "trade_fair").category, GoalTarget.select().count()) == ("custom", 0)
    saved = svc.save_action(
        year, action.id, title="Train", category="custom", label="Workshop", client_ids=[b.id]
    )
    assert (saved.record.category, saved.record.label) == ("custom", "Workshop")
    (view,) = goal_progress.goal_forest(team["li"].id)
    first = next(x for x in view.actions if x.action_id == action.id)
    assert first.clients == [(b.id, "B")]


def test_cli_goals_json_keys(db_path: Path, capsys: pytest.CaptureFixture[str], clock: FrozenClock) -> None:
    from desktop_crm.db import close_database, open_database

    open_database(db_path)
    today = clock.today()
    li = User.create(name="Li")
    start, end = _month(today)
    year = svc.create_goal(
        "year", "Y", date(today.year, 1, 1), date(today.year + 1, 1, 1), user_id=li, by=None
    )
    month = svc.create_goal("month", "M", start, end, parent_id=year, by=None)
    svc.add_target(month, "", 500_000, metric="collected_amount_cents", by=None)
    svc.add_action(month, "Call", "routine", by=None)
    contract = _sign(li, 900_000, start)
    Payment.create(contract=contract, amount_cents=120_000, paid_on=start)
    close_database()
    assert main(["--db", str(db_path), "goals", "--json"]) == 0
    (root,) = json.loads(capsys.readouterr().out)
    keys = {
        "kind",
        "title",
        "start",
        "end",
        "user",
        "qualitative",
        "targets",
        "actions",
        "smart_warnings",
        "children",
    }
    assert keys <= set(root)
    assert (root["user"], root["start"], root["end"]) == (
        "Li",
        f"{today.year}-01-01",
        f"{today.year + 1}-01-01",
    )
    (child,) = root["children"]
    (target,) = child["targets"]
    assert {"metric", "target", "actual", "completion", "gap", "on_pace"} <= set(target)
    assert (target["metric"], target["target"], target["actual"], target["gap"]) == (
        "collected_amount_cents",
        500_000,
        120_000,
        380_000,
    )
    assert child["actions"][0] == {
        "title": "Call",
        "category": "routine",
        "label": "",
        "done": False,
        "due": None,
        "clients": [],
    }
    assert all({"code", "message"} == set(w) for w in root["smart_warnings"])
    assert main(["--db", str(db_path), "goals", "--user", "Nobody"]) == 2
    assert "no user named" in capsys.readouterr().err
    assert main(["--db", str(db_path), "goals", "--user", "Li"]) == 0
    assert "collected_amount_cents" in capsys.readouterr().out


def test_schema_7_migrates_old_targets_and_actions(tmp_path: Path) -> None:
    from desktop_crm.db import migrate
    from desktop_crm.driver import sqlite3

    conn = sqlite3.connect(tmp_path / "old.sqlite3", isolation_level=None)
    migrate(conn, target=6)
    ts = "'2026-01-01 09:00:00'"
    conn.execute(
        f"INSERT INTO goal VALUES (1, 'g', {ts}, {ts}, NULL, NULL, 'year', 'Y', '2026-01-01', '2027-01-01', 0, '')"
    )
    rows = [
        ("", "Referrals", "count", 5),
        ("signed_amount", "签约额", "cents", 900),
        ("odd_metric", "", "count", 3),
    ]
    for i, (metric, label, unit, value) in enumerate(rows, 1):
        conn.execute(
            "INSERT INTO goal_target (id, uuid, created_at, updated_at, goal_id, metric, label, unit, target_value) "
            f"VALUES (?, ?, {ts}, {ts}, 1, ?, ?, ?, ?)",
            (i, f"t{i}", metric, label, unit, value),
        )
    for i, category in enumerate(("keep_in_touch", "sign_and_collect", "trade fair"), 1):
        conn.execute(
            "INSERT INTO goal_action (id, uuid, created_at, updated_at, goal_id, category, title, done) "
            f"VALUES (?, ?, {ts}, {ts}, 1, ?, 'A', 0)",
            (i, f"a{i}", category),
        )
    migrate(conn, target=7)
    targets = conn.execute(
        "SELECT metric, label, unit, target_value, proposal_state FROM goal_target ORDER BY id"
    )
    assert targets.fetchall() == [
        ("manual", "Referrals", "count", 5, ""),
        ("signed_amount_cents", "签约额", "cents", 900, ""),
        ("manual", "odd_metric", "count", 3, ""),
    ]
    actions = conn.execute("SELECT category, label FROM goal_action ORDER BY id").fetchall()
    assert actions == [("routine", ""), ("special_communication", ""), ("custom", "trade fair")]
    conn.close()


def test_actuals_of_chosen_metrics_equal_the_kpi_module(tmp_path: Path, clock: FrozenClock) -> None:
    """Asked for some metrics, the actuals come from the KPI summaries (fast on a large file): the same
    values as the KPI module's full computation, for the team and each person, over spans that start and
    end mid-week, for every metric a target can follow (repeat_rate, not summarised, included)."""
    from desktop_crm.db import close_database, open_database
    from desktop_crm.demo import generate_demo
    from desktop_crm.goal_metrics import METRIC_UNITS, actuals

    path = tmp_path / "demo.sqlite3"
    generate_demo(path, size="small", seed=5, today=clock.today())
    open_database(path)
    try:
        today = clock.today()
        spans = [
            (date(today.year, 1, 1), date(today.year + 1, 1, 1)),
            (date(today.year, today.month, 1), today),
            (date(today.year - 1, 11, 13), date(today.year - 1, 12, 3)),
        ]
        spans = [(start, end) for start, end in spans if end > start]
        people = [None, *(u.id for u in User.select())]
        requests = [(user, start, end) for user in people for start, end in spans]
        metrics = sorted(METRIC_UNITS)
        ours = actuals(requests, metrics)
        full = actuals(requests)
        assert set(ours) == set(full) == set(requests)
        assert any(full[r]["signed_amount_cents"] for r in requests)  # data in these spans
        for request in requests:
            assert ours[request] == {m: full[request][m] for m in metrics}, request
        one = actuals(requests[:1], ["activity_total", "not_a_metric"])[requests[0]]
        assert one == {"activity_total": full[requests[0]]["activity_total"]}
        assert actuals(requests[:1], [])[requests[0]] == {}
    finally:
        close_database()
