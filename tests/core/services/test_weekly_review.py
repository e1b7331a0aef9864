"""The supervisor's review: the lock and its reason, line annotations, criteria scores, who may review,
the team overview and the monthly behaviour score."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop_crm import clock
from desktop_crm.errors import ValidationError
from desktop_crm.kpi import Period, compute
from desktop_crm.models import Annotation, Client, User, WeeklyCriterionScore, WeeklyForm, WeeklyScore
from desktop_crm.services.weekly import (
    add_collection_item,
    add_plan_item,
    annotate,
    open_weekly_form,
    return_weekly_form,
    score_week,
    submit_weekly_form,
    update_weekly_form,
)
from desktop_crm.services.weekly_criteria import DEFAULT_CRITERIA, load_criteria, save_criteria
from desktop_crm.weekly_overview import behaviour_scores, last_months, team_week_overview


@pytest.fixture
def team(db: object) -> dict[str, User]:
    boss = User.create(name="Boss Zhang", role="supervisor")
    other_boss = User.create(name="Boss Wu", role="supervisor")
    return {
        "boss": boss,
        "other_boss": other_boss,
        "li": User.create(name="Li Lei", supervisor=boss),
        "han": User.create(name="Han Meimei", supervisor=boss),
        "wu_team": User.create(name="Zhao Liu", supervisor=other_boss),
    }


def test_submitted_form_tells_why_it_is_locked(team: dict[str, User], clock: clock.FrozenClock) -> None:
    clock.set(datetime(2026, 3, 6, 17, 30))
    form = open_weekly_form(team["li"], 2026, 10)
    submit_weekly_form(form)
    with pytest.raises(ValidationError) as err:
        update_weekly_form(form, summary="late edit")
    assert err.value.field == "status"
    assert str(err.value) == (
        "This weekly form was submitted on 2026-03-06; ask Boss Zhang to return it for revision before changing it."
    )


def test_only_a_supervisor_who_sees_the_author_reviews(team: dict[str, User]) -> None:
    form = open_weekly_form(team["li"], 2026, 10)
    submit_weekly_form(form)
    for attempt in (
        lambda: annotate(form, team["other_boss"], "Hi"),
        lambda: score_week(form, team["other_boss"], 80),
        lambda: return_weekly_form(form, team["other_boss"], "No"),
    ):
        with pytest.raises(ValidationError, match="does not supervise"):
            attempt()
    with pytest.raises(ValidationError, match="not a supervisor"):
        annotate(form, team["han"], "Peer note")
    assert Annotation.select().count() == 0 and WeeklyScore.select().count() == 0
    assert WeeklyForm.get_by_id(form.id).status == "submitted"


def test_annotation_on_a_line(team: dict[str, User]) -> None:
    form = open_weekly_form(team["li"], 2026, 10)
    plan = add_plan_item(form, 0, "Visit Acme")
    line = add_collection_item(form, 100_00, client_id=Client.create(name="Acme"))
    other = open_weekly_form(team["han"], 2026, 10)
    hers = add_plan_item(other, 0, "Hers")
    assert annotate(form, team["boss"], "Who?", line=f"plan:{plan.id}").section == "plan"
    assert annotate(form, team["boss"], "Sure?", line=f"collection:{line.id}").line == f"collection:{line.id}"
    assert annotate(form, team["boss"], "More calls", line="fact:activity_call").section == "fact"
    assert annotate(form, team["boss"], "Summary thin", line="summary").line == "summary"
    for bad in (f"plan:{hers.id}", "plan:x", "fact:nonsense", "weather:1", "collection:999"):
        with pytest.raises(ValidationError) as err:
            annotate(form, team["boss"], "x", line=bad)
        assert err.value.field == "line"
    assert Annotation.select().count() == 4
    times = [a.created_at for a in Annotation.select()]
    assert all(t is not None for t in times)


def test_return_with_reason_then_resubmit(team: dict[str, User]) -> None:
    form = open_weekly_form(team["li"], 2026, 10)
    submit_weekly_form(form)
    return_weekly_form(form, team["boss"], "Plan Friday")
    assert WeeklyForm.get_by_id(form.id).status == "returned"
    update_weekly_form(form, summary="Friday: visit Acme")
    assert submit_weekly_form(form).status == "submitted"


def test_criteria_settings(db: object) -> None:
    assert load_criteria() == list(DEFAULT_CRITERIA)
    saved = save_criteria([{"label": "Plan", "weight": 1}, {"label": "Results", "weight": 3, "key": "res"}])
    assert [(c.key, c.label, c.weight) for c in saved] == [("plan", "Plan", 1.0), ("res", "Results", 3.0)]
    assert load_criteria() == saved
    for bad, field in (
        ([{"label": "", "weight": 1}], "label"),
        ([{"label": "A", "weight": 0}], "weight"),
        ([{"label": "A", "weight": "x"}], "weight"),
        ([{"label": "A", "weight": 1}, {"label": "a", "weight": 1}], "label"),
    ):
        with pytest.raises(ValidationError) as err:
            save_criteria(bad)
        assert err.value.field == field
    assert load_criteria() == saved
    assert save_criteria([]) == [] and load_criteria() == []


def test_score_per_criterion_is_the_weighted_mean(team: dict[str, User]) -> None:
    save_criteria(
        [{"label": "Plan", "weight": 1, "key": "plan"}, {"label": "Results", "weight": 3, "key": "res"}]
    )
    form = open_weekly_form(team["li"], 2026, 10)
    submit_weekly_form(form)
    score = score_week(form, team["boss"], criteria_scores={"plan": 60, "res": 100})
    assert score.score == 90.0
    parts = {c.key: (c.label, c.weight, c.score) for c in WeeklyCriterionScore.select()}
    assert parts == {"plan": ("Plan", 1.0, 60.0), "res": ("Results", 3.0, 100.0)}
    for bad in ({"plan": 101}, {"plan": -1}, {"nope": 50}):
        with pytest.raises(ValidationError):
            score_week(form, team["boss"], criteria_scores=bad)
    with pytest.raises(ValidationError, match="not both"):
        score_week(form, team["boss"], 50, criteria_scores={"plan": 50})
    assert WeeklyScore.get().score == 90.0 and WeeklyCriterionScore.select().count() == 2
    score_week(form, team["boss"], 70)  # a total alone replaces the criteria
    assert WeeklyCriterionScore.select().count() == 0


def test_team_overview_statuses(team: dict[str, User]) -> None:
    draft = open_weekly_form(team["han"], 2026, 10)
    mine = open_weekly_form(team["li"], 2026, 10)
    submit_weekly_form(mine)
    score_week(mine, team["boss"], 75)
    open_weekly_form(team["wu_team"], 2026, 10)
    rows = team_week_overview(team["boss"].id, 2026, 10)
    assert [(r.name, r.status, r.score) for r in rows] == [
        ("Han Meimei", "draft", None),
        ("Li Lei", "scored", 75.0),
    ]
    assert rows[0].form_id == draft.id
    rows = team_week_overview(team["boss"].id, 2026, 11)
    assert [r.status for r in rows] == ["missing", "missing"]
    assert [r.name for r in team_week_overview(team["li"].id, 2026, 10)] == ["Li Lei"]


def test_monthly_behaviour_score(team: dict[str, User]) -> None:
    # ISO 2026-W05 has its Thursday on 29 January, W06 on 5 February.
    for week, value in ((4, 70), (5, 90), (6, 60)):
        form = open_weekly_form(team["li"], 2026, week)
        submit_weekly_form(form)
        score_week(form, team["boss"], value)
    months = [
        Period(date(2026, 1, 1), date(2026, 2, 1), "month"),
        Period(date(2026, 2, 1), date(2026, 3, 1), "month"),
    ]
    result = behaviour_scores(team["boss"].id, months)
    scores = {name: values for _id, name, values in result.rows}
    assert scores == {"Han Meimei": [None, None], "Li Lei": [80.0, 60.0]}
    assert scores["Li Lei"][0] == compute(months[0], team["li"].id)["behaviour_score"]
    for user_id, _name, values in result.rows:  # every cell is the KPI module's value
        assert values == [compute(month, user_id)["behaviour_score"] for month in months]


def test_last_months() -> None:
    months = last_months(date(2026, 2, 10), 3)
    assert [m.label for m in months] == ["2025-12", "2026-01", "2026-02"]
    assert months[-1].end - timedelta(days=1) == date(2026, 2, 28)
