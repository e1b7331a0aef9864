"""Follow-ups, next steps, the follow-up chain and the client timeline."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from desktop_crm.clock import FrozenClock
from desktop_crm.errors import NotFoundError, ValidationError
from desktop_crm.models import Client, Contact, FollowUp, FollowUpContact, NextStep, Opportunity, User, now
from desktop_crm.services.followups import (
    add_next_step,
    client_timeline,
    complete_next_step,
    delete_follow_up,
    log_follow_up,
    log_follow_up_with_next_step,
    open_next_steps,
    reopen_next_step,
    update_follow_up,
)

T0 = datetime(2026, 3, 2, 10, 0)
NOW = datetime(2026, 3, 1, 8, 0)  # the services' "now": every step planned below lies ahead of it


@pytest.fixture(autouse=True)
def frozen_now(clock: FrozenClock) -> datetime:
    clock.set(NOW)
    return NOW


@pytest.fixture
def user(db: object) -> User:
    return User.create(name="Li Lei")


@pytest.fixture
def client(user: User) -> Client:
    return Client.create(name="Acme", owner=user)


@pytest.fixture
def other_client(db: object) -> Client:
    return Client.create(name="Globex")


@pytest.fixture
def contact(client: Client) -> Contact:
    return Contact.create(client=client, name="Wang Fang")


def contact_ids_of(follow_up: FollowUp) -> set[int]:
    rows = FollowUpContact.select().where(FollowUpContact.follow_up == follow_up)
    return {row.contact.id for row in rows}


def test_log_follow_up(client: Client, user: User, contact: Contact) -> None:
    opp = Opportunity.create(client=client, name="ERP")
    fu = log_follow_up(
        client.id,
        user.id,
        "visit",
        "2026-03-02T10:00:00",
        purpose="dig_opportunity",
        duration_minutes=90,
        summary="  Met the IT head.  ",
        contact_ids=[contact.id, contact],  # duplicates collapse
        opportunity_id=opp.id,
    )
    fresh = FollowUp.get_by_id(fu.id)
    assert (fresh.channel, fresh.purpose, fresh.happened_at) == ("visit", "dig_opportunity", T0)
    assert (fresh.duration_minutes, fresh.summary, fresh.opportunity.id) == (90, "Met the IT head.", opp.id)
    assert fresh.user.id == user.id
    assert contact_ids_of(fu) == {contact.id}


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"channel": "fax"}, "channel"),
        ({"purpose": "gossip"}, "purpose"),
        ({"duration_minutes": -1}, "duration_minutes"),
        ({"duration_minutes": 1441}, "duration_minutes"),
        ({"summary": "x" * 100_001}, "summary"),
        ({"happened_at": "yesterday"}, "happened_at"),
    ],
)
def test_log_follow_up_validation(client: Client, user: User, kwargs: dict[str, object], field: str) -> None:
    args: dict[str, object] = {"channel": "call", "happened_at": T0, **kwargs}
    with pytest.raises(ValidationError) as err:
        log_follow_up(client, user, **args)  # type: ignore[arg-type]
    assert err.value.field == field
    assert FollowUp.select().count() == 0


def test_bounds_accepted(client: Client, user: User) -> None:
    fu = log_follow_up(client, user, "call", T0, duration_minutes=1440, summary="x" * 100_000)
    assert fu.duration_minutes == 1440


def test_deleted_client_refused(client: Client, user: User) -> None:
    client.deleted_at = now()
    client.save()
    with pytest.raises(ValidationError, match='Client "Acme" has been deleted') as err:
        log_follow_up(client.id, user.id, "call", T0)
    assert err.value.field == "client_id"
    with pytest.raises(ValidationError, match="has been deleted"):
        add_next_step(client.id, user.id, T0)
    assert FollowUp.select().count() == 0 and NextStep.select().count() == 0


def test_missing_client_and_user(client: Client, user: User) -> None:
    with pytest.raises(NotFoundError, match="Client #999"):
        log_follow_up(999, user, "call", T0)
    with pytest.raises(NotFoundError, match="User #999"):
        log_follow_up(client, 999, "call", T0)


def test_contact_of_other_client_refused(client: Client, other_client: Client, user: User) -> None:
    stranger = Contact.create(client=other_client, name="Zhao")
    with pytest.raises(ValidationError, match="works for another client") as err:
        log_follow_up(client, user, "call", T0, contact_ids=[stranger.id])
    assert err.value.field == "contact_ids"
    assert FollowUp.select().count() == 0


def test_deleted_contact_refused(client: Client, user: User, contact: Contact) -> None:
    contact.deleted_at = now()
    contact.save()
    with pytest.raises(ValidationError, match='Contact "Wang Fang" has been deleted'):
        log_follow_up(client, user, "call", T0, contact_ids=[contact])


def test_opportunity_of_other_client_or_deleted_refused(
    client: Client, other_client: Client, user: User
) -> None:
    theirs = Opportunity.create(client=other_client, name="Theirs")
    with pytest.raises(ValidationError, match="another client") as err:
        log_follow_up(client, user, "call", T0, opportunity_id=theirs.id)
    assert err.value.field == "opportunity_id"
    gone = Opportunity.create(client=client, name="Gone", deleted_at=now())
    with pytest.raises(ValidationError, match="has been deleted"):
        log_follow_up(client, user, "call", T0, opportunity_id=gone)


def test_update_follow_up(client: Client, user: User, contact: Contact) -> None:
    other = Contact.create(client=client, name="Chen")
    opp = Opportunity.create(client=client, name="ERP")
    fu = log_follow_up(client, user, "call", T0, contact_ids=[contact], opportunity_id=opp)
    update_follow_up(
        fu, channel="wechat", summary="Sent the quote", contact_ids=[other.id], opportunity_id=None
    )
    fresh = FollowUp.get_by_id(fu.id)
    assert (fresh.channel, fresh.summary, fresh.opportunity) == ("wechat", "Sent the quote", None)
    assert fresh.happened_at == T0  # untouched
    assert contact_ids_of(fu) == {other.id}


def test_update_follow_up_failing_changes_nothing(client: Client, other_client: Client, user: User) -> None:
    fu = log_follow_up(client, user, "call", T0, summary="Before")
    stranger = Contact.create(client=other_client, name="Zhao")
    with pytest.raises(ValidationError):
        update_follow_up(fu, summary="After", contact_ids=[stranger])
    assert FollowUp.get_by_id(fu.id).summary == "Before"


def test_delete_follow_up_keeps_next_steps(client: Client, user: User) -> None:
    fu = log_follow_up(client, user, "call", T0)
    created = add_next_step(client, user, "2026-03-03T09:00", source_follow_up_id=fu)
    answered = add_next_step(client, user, "2026-03-01T09:00")
    complete_next_step(answered, follow_up_id=fu)
    delete_follow_up(fu.id)
    assert FollowUp.select().count() == 0
    assert NextStep.get_by_id(created.id).source_follow_up is None
    still_done = NextStep.get_by_id(answered.id)
    assert still_done.done and still_done.completed_by is None


def test_add_next_step_validation(client: Client, other_client: Client, user: User) -> None:
    step = add_next_step(
        client, user, "2026-03-03", plan_type="beat_competitor", bucket="tomorrow", title="Demo"
    )
    assert (step.bucket, step.plan_type, step.due_at) == ("tomorrow", "beat_competitor", datetime(2026, 3, 3))
    with pytest.raises(ValidationError) as err:
        add_next_step(client, user, T0, bucket="someday")
    assert err.value.field == "bucket"
    with pytest.raises(ValidationError) as err:
        add_next_step(client, user, T0, plan_type="nap")
    assert err.value.field == "plan_type"
    theirs = log_follow_up(other_client, user, "call", T0)
    with pytest.raises(ValidationError, match="another client"):
        add_next_step(client, user, T0, source_follow_up_id=theirs)


def test_complete_and_reopen(client: Client, user: User) -> None:
    step = add_next_step(client, user, T0)
    done = complete_next_step(step.id)
    assert done.done and done.done_at is not None and done.completed_by is None
    with pytest.raises(ValidationError, match="already done"):
        complete_next_step(step)
    reopened = reopen_next_step(step)
    fresh = NextStep.get_by_id(reopened.id)
    assert (fresh.done, fresh.done_at, fresh.completed_by) == (False, None, None)
    with pytest.raises(ValidationError, match="not done"):
        reopen_next_step(step)


def test_complete_by_follow_up_of_other_client_refused(
    client: Client, other_client: Client, user: User
) -> None:
    step = add_next_step(client, user, T0)
    theirs = log_follow_up(other_client, user, "call", T0)
    with pytest.raises(ValidationError, match="another client"):
        complete_next_step(step, theirs)
    assert not NextStep.get_by_id(step.id).done


def test_the_chain_and_the_timeline(client: Client, user: User, contact: Contact) -> None:
    """log → next step → complete it with a new follow-up → new next step; the timeline shows it."""
    first = log_follow_up_with_next_step(
        client,
        user,
        "call",
        T0,
        "2026-03-05T10:00",
        next_plan_type="cultivate_demand",
        next_bucket="this_week",
    )
    assert first.completed_step is None
    step1 = first.next_step
    assert fk(step1, "source_follow_up") == first.follow_up.id and not step1.done

    second = log_follow_up_with_next_step(
        client,
        user,
        "visit",
        "2026-03-05T11:00",
        "2026-03-12T10:00",
        contact_ids=[contact],
        completes_step_id=step1.id,
        next_plan_type="sign_and_collect",
        next_bucket="next_week",
        next_title="Bring the contract",
    )
    step1 = NextStep.get_by_id(step1.id)
    assert step1.done and fk(step1, "completed_by") == second.follow_up.id
    assert step1.done_at == datetime(2026, 3, 5, 11, 0)
    step2 = second.next_step
    assert (step2.plan_type, step2.title, step2.done) == ("sign_and_collect", "Bring the contract", False)

    timeline = client_timeline(client.id)
    assert [e.follow_up.id for e in timeline] == [second.follow_up.id, first.follow_up.id]  # newest first
    newest, oldest = timeline
    assert [c.id for c in newest.contacts] == [contact.id] and oldest.contacts == []
    assert [s.id for s in newest.completed_steps] == [step1.id]
    assert [s.id for s in newest.created_steps] == [step2.id]
    assert [s.id for s in oldest.created_steps] == [step1.id] and oldest.completed_steps == []


def test_chain_is_atomic(client: Client, user: User) -> None:
    """The follow-up is written and the step completed before the bad next step fails: all rolled back."""
    step = add_next_step(client, user, T0)
    with pytest.raises(ValidationError) as err:
        log_follow_up_with_next_step(
            client, user, "call", T0, "2026-03-05", completes_step_id=step, next_bucket="someday"
        )
    assert err.value.field == "bucket"
    assert FollowUp.select().count() == 0
    assert not NextStep.get_by_id(step.id).done
    assert NextStep.select().count() == 1


def test_chain_refuses_answering_a_done_step(client: Client, user: User) -> None:
    step = complete_next_step(add_next_step(client, user, T0))
    with pytest.raises(ValidationError, match="already done"):
        log_follow_up_with_next_step(client, user, "call", T0, "2026-03-05", completes_step_id=step)
    assert FollowUp.select().count() == 0 and NextStep.select().count() == 1


def test_timeline_is_per_client(client: Client, other_client: Client, user: User) -> None:
    log_follow_up(other_client, user, "call", T0)
    assert client_timeline(client) == []
    with pytest.raises(NotFoundError):
        client_timeline(12345)


def fk(record: object, name: str) -> object:
    return getattr(record, f"{name}_id")


def test_next_step_in_the_past_refused(client: Client, user: User) -> None:
    with pytest.raises(ValidationError, match="in the past") as err:
        add_next_step(client, user, NOW - timedelta(minutes=2))
    assert err.value.field == "due_at"
    assert NextStep.select().count() == 0
    # a minute of tolerance (the time it took to type it), and an explicit allowance for imports
    assert add_next_step(client, user, NOW - timedelta(seconds=50)).due_at == NOW - timedelta(seconds=50)
    assert add_next_step(client, user, datetime(2020, 1, 1), allow_past=True).due_at == datetime(2020, 1, 1)


def test_chain_with_a_past_next_step_saves_nothing(client: Client, user: User) -> None:
    step = add_next_step(client, user, T0)
    with pytest.raises(ValidationError) as err:
        log_follow_up_with_next_step(
            client, user, "call", NOW, NOW - timedelta(days=1), completes_step_id=step, summary="x"
        )
    assert err.value.field == "due_at"
    assert FollowUp.select().count() == 0
    assert not NextStep.get_by_id(step.id).done and NextStep.select().count() == 1
    result = log_follow_up_with_next_step(
        client, user, "call", NOW, NOW - timedelta(days=1), completes_step_id=step, allow_past=True
    )
    assert result.next_step.due_at == NOW - timedelta(days=1)


def test_chain_on_a_deleted_client_saves_nothing(client: Client, user: User) -> None:
    step = add_next_step(client, user, T0)
    client.deleted_at = now()
    client.save()
    with pytest.raises(ValidationError, match="has been deleted") as err:
        log_follow_up_with_next_step(client.id, user.id, "call", NOW, T0, completes_step_id=step)
    assert err.value.field == "client_id"
    assert FollowUp.select().count() == 0 and not NextStep.get_by_id(step.id).done


def test_open_next_steps(client: Client, other_client: Client, user: User) -> None:
    late = add_next_step(client, user, T0 + timedelta(days=3))
    soon = add_next_step(client, user, T0)
    done = complete_next_step(add_next_step(client, user, T0 + timedelta(days=1)))
    add_next_step(other_client, user, T0)
    assert [s.id for s in open_next_steps(client)] == [soon.id, late.id]
    assert done.id not in {s.id for s in open_next_steps(client.id)}
