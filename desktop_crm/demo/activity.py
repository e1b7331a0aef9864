"""Follow-ups (跟进记录), their contacts, and the chain of next steps (下步事务) between them.

Each follow-up ends by setting the next step; the next follow-up completes it (链式跟单). The last
follow-up of an active client leaves an open step: some overdue, some due today, some this week.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from ..models.enums import CHANNELS
from .context import Ctx, Seller
from .plan import ClientPlan, SizeSpec
from .texts import (
    COMPETITORS,
    DOCS,
    ENGLISH_SUMMARIES,
    NEXT_STEP_TITLES,
    OPENERS,
    OUTCOMES,
    PRODUCTS,
    TOPICS,
)

_STATUS_FACTOR = {"customer": 1.5, "prospect": 1.3, "lost": 0.9, "lead": 0.55, "dormant": 0.5}
_BEFORE = (
    "keep_in_touch",
    "cultivate_demand",
    "dig_opportunity",
    "improve_relationship",
    "cultivate_demand",
    "greeting",
)
_DURING = (
    "dig_opportunity",
    "cultivate_demand",
    "beat_competitor",
    "sign_and_collect",
    "improve_relationship",
)
_AFTER = (
    "keep_in_touch",
    "sign_and_collect",
    "greeting",
    "improve_relationship",
    "dig_opportunity",
    "keep_in_touch",
)
_OPEN_BUCKETS = (
    "tomorrow",
    "this_week",
    "next_week",
    "next_week",
    "next_month",
    "exact",
    "exact",
    "later_today",
)


def _channel(ctx: Ctx, seller: Seller) -> str:
    cum = seller.channel_cum
    return CHANNELS[bisect_right(cum, ctx.rng.random() * cum[-1])]


def _duration(ctx: Ctx, channel: str) -> int:
    r = ctx.rng.random()
    if channel == "call":
        return 1 + int(r * r * 30)
    if channel == "visit":
        return 30 + int(r * 120)
    if channel == "meeting":
        return 45 + int(r * 135)
    if channel == "wechat":
        return int(r * 10)
    return 0


def _summary(ctx: Ctx, plan: ClientPlan, channel: str, purpose: str, contact: str) -> str:
    rnd = ctx.rng.random
    if plan.english and rnd() < 0.5:
        template = ENGLISH_SUMMARIES[int(rnd() * len(ENGLISH_SUMMARIES))]
        product, competitor = PRODUCTS[int(rnd() * len(PRODUCTS))], COMPETITORS[int(rnd() * len(COMPETITORS))]
        return template.format(c=contact or "the client", d="quotation", p=product, k=competitor)
    openers = OPENERS[channel]
    opener = openers[int(rnd() * len(openers))].format(
        c=contact or "对方", s=plan.short, d=DOCS[int(rnd() * len(DOCS))]
    )
    topics = TOPICS[purpose]
    topic = topics[int(rnd() * len(topics))]
    if "{" in topic:
        amount = max(5, plan.amount // 1_000_000 * (8 + int(rnd() * 4)) // 10)
        product, competitor = PRODUCTS[int(rnd() * len(PRODUCTS))], COMPETITORS[int(rnd() * len(COMPETITORS))]
        topic = topic.format(p=product, k=competitor, a=amount)
    return f"{opener}{topic}，{OUTCOMES[int(rnd() * len(OUTCOMES))]}"


def _pick_contacts(ctx: Ctx, plan: ClientPlan, day: int, cum: list[float], channel: str) -> list[int]:
    """Indexes into plan.contacts of the people involved (none for some follow-ups)."""
    rnd = ctx.rng.random
    if not cum or rnd() < 0.4:  # logged against the company (a switchboard call, a group e-mail)
        return []
    chosen: list[int] = []
    for _attempt in range(3 if channel in ("visit", "meeting") and rnd() < 0.3 else 1):
        index = bisect_right(cum, rnd() * cum[-1])
        cutoff = plan.contacts[index].cutoff
        if (cutoff == 0 or day <= cutoff) and index not in chosen:
            chosen.append(index)
    return chosen


def write_activity(ctx: Ctx, spec: SizeSpec, plan: ClientPlan, supervisor_id: int | None) -> None:
    rng = ctx.rng
    owner = plan.owner
    span = plan.last_active - plan.created + 1
    mean = spec.follow_ups_mean * owner.effort * _STATUS_FACTOR[plan.status] * (2.0 if plan.key else 1.0)
    count = min(1 + int(mean * (0.2 + rng.random() * 1.6)), 1 + span // 2)
    days = [plan.created if ctx.chance(0.5) else plan.created + int(rng.random() * span)]
    days += [plan.created + int(rng.random() * span) for _ in range(count - 2)]
    if count > 1:
        days.append(plan.last_active)
    moments = sorted((day, ctx.work_minute()) for day in days)
    cum: list[float] = []
    total = 0.0
    for ref in plan.contacts:
        total += ref.weight
        cum.append(total)
    first_contract = min((day for _c, _o, day, _a in plan.contracts), default=1)
    chain_start = -spec.chain_days
    fu_ids = [ctx.new_id("follow_up") for _ in moments]
    purposes: list[str] = []
    rnd = rng.random
    uuid, ts = ctx.uuid, ctx.ts
    add_follow_up, add_link = ctx.rows["follow_up"].append, ctx.rows["follow_up_contact"].append
    contacts = plan.contacts
    for index, (day, minute) in enumerate(moments):
        opp_id: int | None = None
        for opp in plan.opps:
            if opp.start <= day <= opp.end:
                opp_id = opp.id
        pool = _DURING if opp_id is not None else (_AFTER if day > first_contract else _BEFORE)
        purpose = pool[int(rnd() * len(pool))]
        channel = _channel(ctx, owner)
        user_id = owner.id
        picked = _pick_contacts(ctx, plan, day, cum, channel)
        if plan.key and index == 1 and day <= contacts[1].cutoff:
            channel, purpose, picked = "visit", "improve_relationship", [0, 1]  # top-down entry, early on
        elif plan.key and channel == "meeting" and rnd() < 0.3:
            user_id = supervisor_id or owner.id  # the supervisor joined this meeting
        happened = ts(day, minute)
        summary = _summary(ctx, plan, channel, purpose, contacts[picked[0]].name if picked else "")
        fu_id = fu_ids[index]
        add_follow_up((fu_id, uuid(), happened, happened, plan.id, user_id, opp_id, channel, purpose, happened,
                       _duration(ctx, channel), summary))  # fmt: skip
        for contact_index in picked:
            link_id = ctx.new_id("follow_up_contact")
            add_link((link_id, uuid(), happened, happened, fu_id, contacts[contact_index].id))
        purposes.append(purpose)
    for index, (day, minute) in enumerate(moments):
        if day < chain_start:
            continue
        if index + 1 < len(moments):
            next_day, next_minute = moments[index + 1]
            _done_step(ctx, plan, fu_ids, index, day, minute, next_day, next_minute, purposes[index + 1])
        elif plan.active:
            _open_step(ctx, plan, fu_ids[index], day, minute)


def _title(ctx: Ctx, plan: ClientPlan, plan_type: str) -> str:
    contact = plan.contacts[0].name if plan.contacts else "对方"
    if len(plan.contacts) > 1 and ctx.chance(0.5):
        contact = plan.contacts[1].name
    return ctx.pick(NEXT_STEP_TITLES[plan_type]).format(c=contact, s=plan.short, p=ctx.pick(PRODUCTS))


def _done_step(
    ctx: Ctx,
    plan: ClientPlan,
    fu_ids: list[int],
    index: int,
    day: int,
    minute: int,
    next_day: int,
    next_minute: int,
    plan_type: str,
) -> None:
    gap = next_day - day
    weekday = ctx.weekday(day)
    if gap == 0:
        bucket, due = (
            ("tonight", (day, 1200))
            if next_minute >= 1140
            else ("later_today", (day, min(minute + 120, 1380)))
        )
    elif gap == 1:
        bucket, due = "tomorrow", (day + 1, 540)
    elif weekday + gap <= 4:
        bucket, due = "this_week", (day + 4 - weekday, 1080)
    elif 7 - weekday <= gap < 14 - weekday:
        bucket, due = "next_week", (day - weekday + 7, 540)
    else:
        bucket, due = "exact", (max(day + 1, next_day - int(ctx.rng.random() * 3)), 570)
    created = ctx.ts(day, minute)
    done_at = ctx.ts(next_day, next_minute)
    row: tuple[Any, ...] = (
        ctx.new_id("next_step"), ctx.uuid(), created, done_at, plan.id, plan.owner.id, fu_ids[index],
        fu_ids[index + 1], bucket, ctx.ts(*due), plan_type, _title(ctx, plan, plan_type), 1, done_at,
    )  # fmt: skip
    ctx.add("next_step", row)


def _open_step(ctx: Ctx, plan: ClientPlan, fu_id: int, day: int, minute: int) -> None:
    rng = ctx.rng
    weekday = ctx.weekday(day)
    bucket = ctx.pick(_OPEN_BUCKETS)
    if bucket == "this_week" and weekday >= 4:
        bucket = "next_week"
    if bucket == "later_today":
        due = (day, min(minute + 120, 1380))
    elif bucket == "tomorrow":
        due = (day + 1, 540)
    elif bucket == "this_week":
        due = (day + 4 - weekday, 1080)
    elif bucket == "next_week":
        due = (day - weekday + 7, 540)
    elif bucket == "next_month":
        current = ctx.to_date(day)
        first = current.replace(year=current.year + current.month // 12, month=current.month % 12 + 1, day=1)
        due = (ctx.offset(first), 540)
    else:
        due = (day + 3 + int(rng.random() * 20), ctx.work_minute())
    if rng.random() < 0.12:  # make sure the agenda has something for today
        bucket, due = "exact", (0, 600 + int(rng.random() * 420))
    plan_type = ctx.pick(
        _DURING if plan.status == "prospect" else _AFTER if plan.status == "customer" else _BEFORE
    )
    created = ctx.ts(day, minute)
    row: tuple[Any, ...] = (
        ctx.new_id("next_step"), ctx.uuid(), created, created, plan.id, plan.owner.id, fu_id, None, bucket,
        ctx.ts(*due), plan_type, _title(ctx, plan, plan_type), 0, None,
    )  # fmt: skip
    ctx.add("next_step", row)
