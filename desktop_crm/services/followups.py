"""Follow-ups (跟进记录) and the chain of next steps (链式跟单: 下步事务).

Every follow-up ends by setting the next step; logging the follow-up that answers a step completes it.
The fuzzy bucket of a next step ("tomorrow", "next week") is stored as given; ``due_at`` is always explicit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from ..errors import ValidationError
from ..models import Client, Contact, FollowUp, FollowUpContact, NextStep, Opportunity, User, now
from ..models.enums import BUCKETS, CHANNELS, PLAN_TYPES
from .common import (
    fk_id,
    get_record,
    long_text,
    optional_text,
    require_datetime,
    require_enum,
    require_int,
    require_list,
    transactional,
)
from .deals import UNSET, Unset, alive_client, alive_opportunity

ClientRef = int | Client
UserRef = int | User
FollowUpRef = int | FollowUp
StepRef = int | NextStep
When = datetime | date | str

MAX_DURATION_MINUTES = 24 * 60
# A next step due this long before now still counts as "now" (the time it took to type it).
PAST_TOLERANCE = timedelta(minutes=1)


def _contacts_of(client: Client, contact_ids: Iterable[int | Contact]) -> list[Contact]:
    """The contacts, each alive and of ``client``, without duplicates, in the order given."""
    contacts: dict[int, Contact] = {}
    for ref in require_list(contact_ids, "contact_ids", "Contact"):
        contact = get_record(Contact, ref, "Contact", include_deleted=True)
        if contact.is_deleted:
            raise ValidationError("contact.deleted", "contact_ids", name=contact.name)
        if fk_id(contact, "client") != client.id:
            raise ValidationError(
                "contact.other_client", "contact_ids", name=contact.name, client=client.name
            )
        contacts.setdefault(contact.id, contact)
    return list(contacts.values())


def _follow_up_of(follow_up_id: Any, client: Client, field_name: str) -> FollowUp:
    follow_up = get_record(FollowUp, follow_up_id, "Follow-up")
    if fk_id(follow_up, "client") != client.id:
        raise ValidationError("followup.other_client", field_name, client=client.name)
    return follow_up


def _set_contacts(follow_up: FollowUp, contacts: list[Contact]) -> None:
    FollowUpContact.delete().where(FollowUpContact.follow_up == follow_up).execute()
    for contact in contacts:
        FollowUpContact.create(follow_up=follow_up, contact=contact)


@transactional
def log_follow_up(
    client_id: ClientRef,
    user_id: UserRef,
    channel: str,
    happened_at: When,
    purpose: str = "keep_in_touch",
    duration_minutes: int = 0,
    summary: str = "",
    contact_ids: Iterable[int | Contact] = (),
    opportunity_id: int | Opportunity | None = None,
) -> FollowUp:
    """Record a call, visit, message... with the client, the contacts met and optionally the deal."""
    client = alive_client(client_id)
    user = get_record(User, user_id, "User")
    values = {
        "channel": require_enum(channel, CHANNELS, "channel", "Channel"),
        "purpose": require_enum(purpose, PLAN_TYPES, "purpose", "Purpose"),
        "happened_at": require_datetime(happened_at, "happened_at", "Time"),
        "duration_minutes": require_int(
            duration_minutes, "duration_minutes", "Duration (minutes)", 0, MAX_DURATION_MINUTES
        ),
        "summary": long_text(summary, "summary", "Summary"),
    }
    contacts = _contacts_of(client, contact_ids)
    opportunity = alive_opportunity(opportunity_id, client) if opportunity_id is not None else None
    follow_up = FollowUp.create(client=client, user=user, opportunity=opportunity, **values)
    _set_contacts(follow_up, contacts)
    return follow_up


@transactional
def update_follow_up(
    follow_up_id: FollowUpRef,
    *,
    channel: str | Unset = UNSET,
    purpose: str | Unset = UNSET,
    happened_at: When | Unset = UNSET,
    duration_minutes: int | Unset = UNSET,
    summary: str | Unset = UNSET,
    contact_ids: Iterable[int | Contact] | Unset = UNSET,
    opportunity_id: int | Opportunity | None | Unset = UNSET,
) -> FollowUp:
    """Change the given fields (the client and the author stay)."""
    follow_up = get_record(FollowUp, follow_up_id, "Follow-up")
    client = alive_client(fk_id(follow_up, "client"))
    if not isinstance(channel, Unset):
        follow_up.channel = require_enum(channel, CHANNELS, "channel", "Channel")
    if not isinstance(purpose, Unset):
        follow_up.purpose = require_enum(purpose, PLAN_TYPES, "purpose", "Purpose")
    if not isinstance(happened_at, Unset):
        follow_up.happened_at = require_datetime(happened_at, "happened_at", "Time")
    if not isinstance(duration_minutes, Unset):
        follow_up.duration_minutes = require_int(
            duration_minutes, "duration_minutes", "Duration (minutes)", 0, MAX_DURATION_MINUTES
        )
    if not isinstance(summary, Unset):
        follow_up.summary = long_text(summary, "summary", "Summary")
    contacts = None if isinstance(contact_ids, Unset) else _contacts_of(client, contact_ids)
    if not isinstance(opportunity_id, Unset):
        follow_up.opportunity = None if opportunity_id is None else alive_opportunity(opportunity_id, client)
    follow_up.save()
    if contacts is not None:
        _set_contacts(follow_up, contacts)
    return follow_up


@transactional
def delete_follow_up(follow_up_id: FollowUpRef) -> None:
    """Delete a follow-up for good; next steps it created or completed stay (their link is cleared)."""
    get_record(FollowUp, follow_up_id, "Follow-up").delete_instance()


@transactional
def add_next_step(
    client_id: ClientRef,
    user_id: UserRef,
    due_at: When,
    plan_type: str = "keep_in_touch",
    bucket: str = "exact",
    title: str = "",
    source_follow_up_id: FollowUpRef | None = None,
    *,
    allow_past: bool = False,
) -> NextStep:
    """Plan the next step; a due time in the past is refused unless ``allow_past`` (imports, demo data)."""
    client = alive_client(client_id)
    user = get_record(User, user_id, "User")
    due = require_datetime(due_at, "due_at", "Due time")
    if not allow_past and due < now() - PAST_TOLERANCE:
        raise ValidationError("followup.due_in_past", "due_at", due=due)
    values = {
        "due_at": due,
        "plan_type": require_enum(plan_type, PLAN_TYPES, "plan_type", "Plan type"),
        "bucket": require_enum(bucket, BUCKETS, "bucket", "When"),
        "title": optional_text(title, "title", "Title", 300),
    }
    source = (
        _follow_up_of(source_follow_up_id, client, "source_follow_up_id")
        if source_follow_up_id is not None
        else None
    )
    return NextStep.create(client=client, user=user, source_follow_up=source, **values)


@transactional
def complete_next_step(step_id: StepRef, follow_up_id: FollowUpRef | None = None) -> NextStep:
    """Mark a step done, optionally by the follow-up that answered it (then done at that follow-up's time)."""
    step = get_record(NextStep, step_id, "Next step")
    client = alive_client(fk_id(step, "client"))
    if step.done:
        raise ValidationError("next_step.already_done", "done")
    follow_up = _follow_up_of(follow_up_id, client, "follow_up_id") if follow_up_id is not None else None
    step.done = True
    step.done_at = follow_up.happened_at if follow_up is not None else now()
    step.completed_by = follow_up
    step.save()
    return step


@transactional
def reopen_next_step(step_id: StepRef) -> NextStep:
    step = get_record(NextStep, step_id, "Next step")
    alive_client(fk_id(step, "client"))
    if not step.done:
        raise ValidationError("next_step.not_done", "done")
    step.done = False
    step.done_at = None
    step.completed_by = None
    step.save()
    return step


@dataclass(frozen=True)
class ChainResult:
    follow_up: FollowUp
    completed_step: NextStep | None
    next_step: NextStep


@transactional
def log_follow_up_with_next_step(
    client_id: ClientRef,
    user_id: UserRef,
    channel: str,
    happened_at: When,
    next_due_at: When,
    *,
    purpose: str = "keep_in_touch",
    duration_minutes: int = 0,
    summary: str = "",
    contact_ids: Iterable[int | Contact] = (),
    opportunity_id: int | Opportunity | None = None,
    completes_step_id: StepRef | None = None,
    next_plan_type: str = "keep_in_touch",
    next_bucket: str = "exact",
    next_title: str = "",
    allow_past: bool = False,
) -> ChainResult:
    """Log a follow-up, complete the step it answers (if any) and set the next step, all or nothing."""
    follow_up = log_follow_up(
        client_id,
        user_id,
        channel,
        happened_at,
        purpose=purpose,
        duration_minutes=duration_minutes,
        summary=summary,
        contact_ids=contact_ids,
        opportunity_id=opportunity_id,
    )
    completed = complete_next_step(completes_step_id, follow_up) if completes_step_id is not None else None
    next_step = add_next_step(
        fk_id(follow_up, "client"),
        user_id,
        next_due_at,
        plan_type=next_plan_type,
        bucket=next_bucket,
        title=next_title,
        source_follow_up_id=follow_up,
        allow_past=allow_past,
    )
    return ChainResult(follow_up, completed, next_step)


@dataclass(frozen=True)
class TimelineEntry:
    follow_up: FollowUp
    contacts: list[Contact] = field(default_factory=list)
    created_steps: list[NextStep] = field(default_factory=list)  # next steps set by this follow-up
    completed_steps: list[NextStep] = field(default_factory=list)  # steps this follow-up answered


def client_timeline(client_id: ClientRef) -> list[TimelineEntry]:
    """The client's follow-ups, newest first, each with its contacts and the steps it set and answered."""
    client = get_record(Client, client_id, "Client", include_deleted=True)
    follow_ups = list(
        FollowUp.select()
        .where(FollowUp.client == client)
        .order_by(FollowUp.happened_at.desc(), FollowUp.id.desc())
    )
    ids = [f.id for f in follow_ups]
    contacts: dict[int, list[Contact]] = {i: [] for i in ids}
    links = (
        FollowUpContact.select(FollowUpContact, Contact)
        .join(Contact)
        .where(FollowUpContact.follow_up.in_(ids))
        .order_by(Contact.name, Contact.id)
    )
    for link in links:
        contacts[fk_id(link, "follow_up")].append(link.contact)
    created: dict[int, list[NextStep]] = {i: [] for i in ids}
    completed: dict[int, list[NextStep]] = {i: [] for i in ids}
    steps = (
        NextStep.select()
        .where(NextStep.source_follow_up.in_(ids) | NextStep.completed_by.in_(ids))
        .order_by(NextStep.due_at, NextStep.id)
    )
    for step in steps:
        source_id, answer_id = fk_id(step, "source_follow_up"), fk_id(step, "completed_by")
        if source_id in created:
            created[source_id].append(step)
        if answer_id in completed:
            completed[answer_id].append(step)
    return [TimelineEntry(f, contacts[f.id], created[f.id], completed[f.id]) for f in follow_ups]


def open_next_steps(client_id: ClientRef) -> list[NextStep]:
    """The client's next steps not done yet, soonest first (whichever follow-up, if any, set them)."""
    client = get_record(Client, client_id, "Client", include_deleted=True)
    query = NextStep.select().where((NextStep.client == client) & (NextStep.done == False))  # noqa: E712
    return list(query.order_by(NextStep.due_at, NextStep.id))
