"""The goal tree: kind and period nesting, numeric and action targets, linked clients."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_crm.errors import NotFoundError, ValidationError
from desktop_crm.models import Client, Goal, GoalAction, GoalClient, GoalTarget, User, now
from desktop_crm.services.goals import (
    add_action,
    add_target,
    create_goal,
    delete_action,
    delete_goal,
    delete_target,
    goal_tree,
    link_client,
    set_action_done,
    unlink_client,
    update_goal,
    update_target,
)


@pytest.fixture
def user(db: object) -> User:
    return User.create(name="Li Lei")


@pytest.fixture
def year(user: User) -> Goal:
    return create_goal("year", "2026 sales", "2026-01-01", "2027-01-01", user_id=user)


def test_create_year_goal(year: Goal, user: User) -> None:
    fresh = Goal.get_by_id(year.id)
    assert (fresh.kind, fresh.period_start, fresh.period_end) == ("year", date(2026, 1, 1), date(2027, 1, 1))
    assert fresh.user.id == user.id and fresh.parent is None and not fresh.qualitative


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("decade", "T", "2026-01-01", "2027-01-01"), "kind"),
        (("year", " ", "2026-01-01", "2027-01-01"), "title"),
        (("year", "T", "2026-01-01", "2026-01-01"), "period_end"),  # end is exclusive: must be after start
        (("year", "T", "2026-02-01", "2026-01-01"), "period_end"),
        (("year", "T", "2026-13-01", "2027-01-01"), "period_start"),
    ],
)
def test_create_goal_validation(db: object, args: tuple[str, str, str, str], field: str) -> None:
    with pytest.raises(ValidationError) as err:
        create_goal(*args)
    assert err.value.field == field
    assert Goal.select().count() == 0


def test_the_whole_chain_of_kinds(year: Goal) -> None:
    quarter = create_goal("quarter", "Q1", "2026-01-01", "2026-04-01", parent_id=year)
    month = create_goal("month", "March", "2026-03-01", "2026-04-01", parent_id=quarter)  # quarter → month
    week = create_goal("week", "W10", "2026-03-02", "2026-03-09", parent_id=month)
    day = create_goal("day", "Monday", "2026-03-02", "2026-03-03", parent_id=week)
    event = create_goal("event", "Sign Acme", "2026-03-02", "2026-03-03", parent_id=day)
    assert create_goal("month", "Jan", "2026-01-01", "2026-02-01", parent_id=year).parent.id == year.id
    assert event.user.id == year.user.id  # inherited from the parent


@pytest.mark.parametrize(
    ("parent_kind", "child_kind"),
    [("year", "year"), ("month", "quarter"), ("month", "month"), ("week", "month"), ("event", "day")],
)
def test_child_kind_must_be_finer(year: Goal, parent_kind: str, child_kind: str) -> None:
    parent = (
        year
        if parent_kind == "year"
        else create_goal(parent_kind, "P", "2026-03-02", "2026-03-03", parent_id=year)
    )
    with pytest.raises(ValidationError, match="finer kind") as err:
        create_goal(child_kind, "C", "2026-03-02", "2026-03-03", parent_id=parent)
    assert err.value.field == "kind"


@pytest.mark.parametrize(
    ("start", "end"),
    [("2025-12-31", "2026-02-01"), ("2026-12-01", "2027-01-02"), ("2027-01-01", "2027-02-01")],
)
def test_child_period_within_parent(year: Goal, start: str, end: str) -> None:
    with pytest.raises(ValidationError, match="within the parent"):
        create_goal("month", "M", start, end, parent_id=year)
    assert Goal.select().count() == 1


def test_child_of_someone_elses_goal_refused(year: Goal) -> None:
    other = User.create(name="Han Meimei")
    with pytest.raises(ValidationError, match="same person") as err:
        create_goal("month", "M", "2026-01-01", "2026-02-01", user_id=other, parent_id=year)
    assert err.value.field == "user_id"


def test_team_goal_may_hold_personal_goals(user: User) -> None:
    team = create_goal("year", "Team 2026", "2026-01-01", "2027-01-01", by=None)
    mine = create_goal("month", "My January", "2026-01-01", "2026-02-01", user_id=user, parent_id=team)
    assert team.user is None and mine.user.id == user.id


def test_update_goal_keeps_nesting(year: Goal) -> None:
    month = create_goal("month", "March", "2026-03-01", "2026-04-01", parent_id=year)
    with pytest.raises(ValidationError, match="within the parent"):
        update_goal(month, period_end="2027-01-02")
    with pytest.raises(ValidationError, match="still contain"):
        update_goal(year, period_start="2026-03-15")
    with pytest.raises(ValidationError, match="cannot contain"):
        update_goal(year, kind="month")
    with pytest.raises(ValidationError, match="finer kind"):
        update_goal(month, kind="year")
    updated = update_goal(month, title="March push", period_start="2026-03-02")
    fresh = Goal.get_by_id(updated.id)
    assert (fresh.title, fresh.period_start, fresh.kind) == ("March push", date(2026, 3, 2), "month")
    assert Goal.get_by_id(year.id).period_start == date(2026, 1, 1)


def test_delete_goal_cascades(year: Goal) -> None:
    client = Client.create(name="Acme")
    month = create_goal("month", "March", "2026-03-01", "2026-04-01", parent_id=year)
    week = create_goal("week", "W10", "2026-03-02", "2026-03-09", parent_id=month)
    add_target(week, "Visits", 5)
    add_action(week, "Visit Acme")
    link_client(week, client)
    delete_goal(year.id)
    assert Goal.select().count() == 0
    assert GoalTarget.select().count() == GoalAction.select().count() == GoalClient.select().count() == 0
    assert Client.select().count() == 1
    with pytest.raises(NotFoundError):
        delete_goal(year.id)


def test_targets(year: Goal) -> None:
    target = add_target(year, "Signed amount", 50_000_000, unit="cents", metric="signed_amount_cents")
    assert (target.unit, target.target_value, target.metric) == ("cents", 50_000_000, "signed_amount_cents")
    assert add_target(year, "", 12, metric="new_clients").label == ""
    with pytest.raises(ValidationError, match="Label is required"):
        add_target(year, "  ", 12)
    with pytest.raises(ValidationError) as err:
        add_target(year, "Calls", 10, unit="hours")
    assert err.value.field == "unit"
    with pytest.raises(ValidationError) as err:
        add_target(year, "Calls", -1)
    assert err.value.field == "target_value"
    with pytest.raises(ValidationError) as err:
        update_target(target, actual_value=1_000)  # a KPI target's actual comes from the data
    assert err.value.field == "actual_value"
    manual = add_target(year, "Referrals", 5)
    assert manual.metric == "manual"
    updated = update_target(manual, target_value=6, actual_value=2)
    assert GoalTarget.get_by_id(updated.id).actual_value == 2
    assert update_target(manual, actual_value=None).actual_value is None
    delete_target(manual.id)
    with pytest.raises(ValidationError, match="Label is required"):
        update_target(target, label="", metric="")
    delete_target(target.id)
    assert GoalTarget.select().count() == 1


def test_qualitative_goal_has_no_numeric_targets(year: Goal, user: User) -> None:
    soft = create_goal("month", "Be trusted", "2026-01-01", "2026-02-01", parent_id=year, qualitative=True)
    with pytest.raises(ValidationError, match="qualitative"):
        add_target(soft, "Visits", 3)
    add_target(year, "Visits", 3)
    with pytest.raises(ValidationError, match="numeric targets") as err:
        update_goal(year, qualitative=True)
    assert err.value.field == "qualitative"


def test_actions(year: Goal) -> None:
    action = add_action(year, "Call every A client", category="improve_relationship", due_date="2026-06-30")
    assert (action.category, action.due_date, action.done) == (
        "special_communication",
        date(2026, 6, 30),
        False,
    )
    with pytest.raises(ValidationError, match="within the goal's period") as err:
        add_action(year, "Late", due_date="2027-01-01")
    assert err.value.field == "due_date"
    with pytest.raises(ValidationError, match="Title is required"):
        add_action(year, "")
    done = set_action_done(action.id, True)
    assert done.done and done.done_at is not None
    undone = set_action_done(action, False)
    assert GoalAction.get_by_id(undone.id).done_at is None
    delete_action(action)
    assert GoalAction.select().count() == 0


def test_link_and_unlink_clients(year: Goal) -> None:
    acme = Client.create(name="Acme")
    first = link_client(year, acme.id)
    assert link_client(year, acme).id == first.id  # linking twice keeps one link
    gone = Client.create(name="Gone", deleted_at=now())
    with pytest.raises(ValidationError, match='Client "Gone" has been deleted'):
        link_client(year, gone)
    assert unlink_client(year, acme) is True
    assert unlink_client(year, acme) is False
    assert GoalClient.select().count() == 0


def test_goal_tree(year: Goal, user: User) -> None:
    acme = Client.create(name="Acme")
    gone = Client.create(name="Gone")
    q2 = create_goal("quarter", "Q2", "2026-04-01", "2026-07-01", parent_id=year)
    q1 = create_goal("quarter", "Q1", "2026-01-01", "2026-04-01", parent_id=year)
    march = create_goal("month", "March", "2026-03-01", "2026-04-01", parent_id=q1)
    add_target(march, "Visits", 20)
    add_action(march, "Visit Acme")
    link_client(march, acme)
    link_client(march, gone)
    gone.deleted_at = now()
    gone.save()
    create_goal("year", "Team", "2026-01-01", "2027-01-01", by=None)
    other = User.create(name="Han Meimei")
    create_goal("year", "Hers", "2026-01-01", "2027-01-01", user_id=other, by=None)

    tree = goal_tree(user.id)
    assert [n.goal.id for n in tree] == [year.id]
    assert [n.goal.id for n in tree[0].children] == [q1.id, q2.id]  # ordered by period
    march_node = tree[0].children[0].children[0]
    assert march_node.goal.id == march.id
    assert [t.label for t in march_node.targets] == ["Visits"]
    assert [a.title for a in march_node.actions] == ["Visit Acme"]
    assert [c.name for c in march_node.clients] == ["Acme"]  # deleted clients left out
    assert [n.goal.title for n in goal_tree()] == ["Team"]
    assert [n.goal.id for n in goal_tree(user, root_kind="quarter")] == [q1.id, q2.id]
    with pytest.raises(ValidationError):
        goal_tree(user, root_kind="decade")
