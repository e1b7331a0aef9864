"""Weekly forms: ISO weeks, editing only while draft/returned, submit/return/score, annotations."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_crm.errors import NotFoundError, ValidationError
from desktop_crm.models import (
    Annotation,
    Client,
    Goal,
    User,
    WeeklyCollectionItem,
    WeeklyForm,
    WeeklyPlanItem,
    WeeklyScore,
    now,
)
from desktop_crm.services.weekly import (
    add_collection_item,
    add_plan_item,
    annotate,
    delete_collection_item,
    delete_plan_item,
    open_weekly_form,
    return_weekly_form,
    score_week,
    set_plan_item_done,
    submit_weekly_form,
    update_weekly_form,
    week_dates,
)


@pytest.fixture
def seller(db: object) -> User:
    return User.create(name="Li Lei")


@pytest.fixture
def boss(db: object) -> User:
    return User.create(name="Boss Zhang", role="supervisor")


@pytest.fixture
def form(seller: User) -> WeeklyForm:
    return open_weekly_form(seller.id, 2026, 10)


def status_of(form: WeeklyForm) -> str:
    return str(WeeklyForm.get_by_id(form.id).status)


def test_week_dates() -> None:
    assert week_dates(2026, 10) == (date(2026, 3, 2), date(2026, 3, 9))
    assert week_dates(2026, 1) == (date(2025, 12, 29), date(2026, 1, 5))  # ISO year starts in December
    assert week_dates(2026, 53) == (date(2026, 12, 28), date(2027, 1, 4))  # 2026 is a long ISO year


@pytest.mark.parametrize(("year", "week"), [(2025, 53), (2026, 54), (2026, 0), (1899, 1)])
def test_week_dates_refuses_missing_weeks(year: int, week: int) -> None:
    with pytest.raises(ValidationError):
        week_dates(year, week)


def test_week_53_of_2025_does_not_exist(seller: User) -> None:
    with pytest.raises(ValidationError, match="2025 has no ISO week 53") as err:
        open_weekly_form(seller, 2025, 53)
    assert err.value.field == "iso_week"
    assert open_weekly_form(seller, 2026, 53).iso_week == 53
    assert WeeklyForm.select().count() == 1


def test_open_is_get_or_create(seller: User, form: WeeklyForm) -> None:
    assert form.status == "draft"
    assert open_weekly_form(seller, 2026, 10).id == form.id
    assert open_weekly_form(seller, 2026, 11).id != form.id
    other = User.create(name="Han Meimei")
    assert open_weekly_form(other, 2026, 10).id != form.id
    with pytest.raises(NotFoundError):
        open_weekly_form(999, 2026, 10)


def test_update_and_items_while_draft(form: WeeklyForm) -> None:
    client = Client.create(name="Acme")
    goal = Goal.create(
        kind="event", title="Sign Acme", period_start=date(2026, 3, 2), period_end=date(2026, 3, 3)
    )
    update_weekly_form(form, summary="Focus on Acme", planned_collection_cents=500_000)
    fresh = WeeklyForm.get_by_id(form.id)
    assert (fresh.summary, fresh.planned_collection_cents) == ("Focus on Acme", 500_000)
    item = add_plan_item(form, 0, "Visit Acme", client_id=client, goal_id=goal)
    assert (item.weekday, item.client.id, item.goal.id, item.done) == (0, client.id, goal.id, False)
    assert set_plan_item_done(item.id, True).done
    collection = add_collection_item(form, 300_000, client_id=client.id, note="Second instalment")
    assert WeeklyCollectionItem.get_by_id(collection.id).amount_cents == 300_000
    delete_plan_item(item)
    delete_collection_item(collection)
    assert WeeklyPlanItem.select().count() == WeeklyCollectionItem.select().count() == 0


@pytest.mark.parametrize(
    ("weekday", "text", "field"), [(7, "x", "weekday"), (-1, "x", "weekday"), (3, "  ", "text")]
)
def test_plan_item_validation(form: WeeklyForm, weekday: int, text: str, field: str) -> None:
    with pytest.raises(ValidationError) as err:
        add_plan_item(form, weekday, text)
    assert err.value.field == field


def test_items_refuse_deleted_client_and_others_goal(form: WeeklyForm) -> None:
    gone = Client.create(name="Gone", deleted_at=now())
    with pytest.raises(ValidationError, match='Client "Gone" has been deleted'):
        add_plan_item(form, 1, "Call", client_id=gone)
    with pytest.raises(ValidationError, match="has been deleted"):
        add_collection_item(form, 100, client_id=gone)
    other = User.create(name="Han Meimei")
    hers = Goal.create(
        kind="event", title="Hers", user=other, period_start=date(2026, 3, 2), period_end=date(2026, 3, 3)
    )
    with pytest.raises(ValidationError, match="another person's goal"):
        add_plan_item(form, 1, "Call", goal_id=hers)
    with pytest.raises(ValidationError, match="more than 0"):
        add_collection_item(form, 0)
    assert WeeklyPlanItem.select().count() == WeeklyCollectionItem.select().count() == 0


def test_submitted_form_is_locked(form: WeeklyForm) -> None:
    item = add_plan_item(form, 0, "Visit Acme")
    submitted = submit_weekly_form(form)
    assert submitted.status == "submitted" and submitted.submitted_at is not None
    for attempt in (
        lambda: update_weekly_form(form, summary="Too late"),
        lambda: add_plan_item(form, 1, "More"),
        lambda: set_plan_item_done(item, True),
        lambda: delete_plan_item(item),
        lambda: add_collection_item(form, 100),
        lambda: submit_weekly_form(form),
    ):
        with pytest.raises(ValidationError, match="submitted") as err:
            attempt()
        assert err.value.field == "status"
    assert WeeklyForm.get_by_id(form.id).summary == ""
    assert not WeeklyPlanItem.get_by_id(item.id).done


def test_return_and_resubmit(form: WeeklyForm, boss: User, seller: User) -> None:
    with pytest.raises(ValidationError, match="Only a submitted form can be returned"):
        return_weekly_form(form, boss, "Not yet")
    submit_weekly_form(form)
    with pytest.raises(ValidationError, match="not a supervisor") as err:
        return_weekly_form(form, seller, "Self-return")
    assert err.value.field == "supervisor_id"
    with pytest.raises(ValidationError, match="Reason is required"):
        return_weekly_form(form, boss, " ")
    assert status_of(form) == "submitted" and Annotation.select().count() == 0
    returned = return_weekly_form(form.id, boss.id, "Add the collection plan for Acme.")
    assert returned.status == "returned"
    note = Annotation.get()
    assert (note.author.id, note.body, note.section) == (
        boss.id,
        "Add the collection plan for Acme.",
        "return",
    )
    update_weekly_form(form, planned_collection_cents=100_000)  # editable again
    assert submit_weekly_form(form).status == "submitted"


def test_score_week(form: WeeklyForm, boss: User, seller: User) -> None:
    with pytest.raises(ValidationError, match="Only a submitted form can be scored"):
        score_week(form, boss, 80)
    submit_weekly_form(form)
    with pytest.raises(ValidationError, match="not a supervisor") as err:
        score_week(form, seller, 80)
    assert err.value.field == "scorer_id"
    assert status_of(form) == "submitted" and WeeklyScore.select().count() == 0
    score = score_week(form, boss, 80, comment="Good week")
    assert (score.score, score.comment, score.scorer.id) == (80.0, "Good week", boss.id)
    assert status_of(form) == "scored"
    rescore = score_week(form.id, boss.id, 92.5)  # a re-score replaces the previous score
    assert WeeklyScore.select().count() == 1
    assert WeeklyScore.get().score == 92.5 and rescore.comment == ""
    with pytest.raises(ValidationError, match="Only a submitted form can be returned"):
        return_weekly_form(form, boss, "Too late")


@pytest.mark.parametrize("value", [-1, 100.5, float("nan"), "90", True])
def test_score_range(form: WeeklyForm, boss: User, value: object) -> None:
    submit_weekly_form(form)
    with pytest.raises(ValidationError) as err:
        score_week(form, boss, value)  # type: ignore[arg-type]
    assert err.value.field == "score"
    assert status_of(form) == "submitted"


def test_score_bounds_accepted(form: WeeklyForm, boss: User) -> None:
    submit_weekly_form(form)
    assert score_week(form, boss, 0).score == 0
    assert score_week(form, boss, 100).score == 100


def test_annotate(form: WeeklyForm, boss: User) -> None:
    note = annotate(form, boss, "Why no visits on Friday?", section="plan")
    assert (note.section, note.body) == ("plan", "Why no visits on Friday?")
    with pytest.raises(ValidationError, match="Annotation is required"):
        annotate(form, boss, "")
    assert Annotation.select().count() == 1
