"""Weekly goal forms (周目标/周报) with plan and collection items, the supervisor's annotations and
scores (the performance handbook is written by ``demo.handbook``).

Past weeks are submitted and (mostly) scored; the current week is a draft. The busy salesperson who
does not convert gets lower scores and annotations that coach on client value, not on effort.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..services.weekly_criteria import DEFAULT_CRITERIA, weighted_total
from .context import Ctx
from .goals import SellerBook
from .plan import SizeSpec
from .texts import (
    ANNOTATIONS_BUSY,
    ANNOTATIONS_GOOD,
    ANNOTATIONS_PLAIN,
    PRODUCTS,
    WEEK_PLAN_TEXTS,
    WEEK_SUMMARIES_BUSY,
    WEEK_SUMMARIES_GOOD,
    WEEK_SUMMARIES_PLAIN,
)

_SECTIONS = ("summary", "collection", "plan")


def write_weekly_forms(
    ctx: Ctx, spec: SizeSpec, books: list[SellerBook], week_goals: dict[tuple[int, date], int]
) -> None:
    first = ctx.to_date(-spec.days)
    this_monday = ctx.today - timedelta(days=ctx.today.weekday())
    for book in books:
        monday = first - timedelta(days=first.weekday())
        while monday <= this_monday:
            _form(ctx, book, monday, this_monday, week_goals)
            monday += timedelta(days=7)


def _form(
    ctx: Ctx, book: SellerBook, monday: date, this_monday: date, week_goals: dict[tuple[int, date], int]
) -> None:
    rng = ctx.rng
    seller = book.seller
    current = monday == this_monday
    iso_year, iso_week, _ = monday.isocalendar()
    form_id = ctx.new_id("weekly_form")
    created = ctx.ts(
        ctx.offset(monday - timedelta(days=1 if not current else 0)), 1230 if not current else 500
    )
    # Collection plan: a few clients with money due this week.
    items: list[tuple[int, int, str]] = []
    for _ in range(int(rng.random() * 4)):
        client_id, short = ctx.pick(book.customers) if book.customers else book.client(ctx)
        if client_id:
            amount = (1 + int(rng.random() * rng.random() * 20)) * 1_000_000
            items.append((client_id, amount, f"{short}{ctx.pick(('预付款', '到货款', '验收款', '尾款'))}"))
    planned = sum(amount for _c, amount, _n in items)
    follow_ups = int((12 + rng.random() * 10) * seller.effort)
    _cid, short = book.client(ctx)
    if current:
        status, summary, submitted, updated = "draft", "", None, ctx.ts(0, 480)
    else:
        friday = ctx.offset(monday) + 4 + int(rng.random() * 2)
        submitted = ctx.ts(min(friday, -1), 1020 + int(rng.random() * 200))
        pool = {"closer": WEEK_SUMMARIES_GOOD, "busy": WEEK_SUMMARIES_BUSY}.get(
            seller.profile, WEEK_SUMMARIES_PLAIN
        )
        summary = book.fresh(ctx, "summary", pool).format(n=follow_ups, s=short or "重点客户")
        last_week = (this_monday - monday).days == 7
        status = "submitted" if last_week and ctx.today.weekday() == 0 else "scored"
        if status == "scored" and ctx.chance(0.02):
            status = "returned"
        updated = submitted
    ctx.add(
        "weekly_form",
        (
            form_id,
            ctx.uuid(),
            created,
            updated,
            seller.id,
            iso_year,
            iso_week,
            planned,
            summary,
            status,
            submitted,
        ),
    )
    for client_id, amount, note in items:
        row = (
            ctx.new_id("weekly_collection_item"),
            ctx.uuid(),
            created,
            created,
            form_id,
            client_id,
            amount,
            note,
        )
        ctx.add("weekly_collection_item", row)
    plan_ids = _plan_items(ctx, book, monday, form_id, created, current, week_goals)
    if status in ("scored", "returned") and seller.supervisor_id is not None:
        _review(ctx, book, monday, form_id, status, short, plan_ids)


def _plan_items(
    ctx: Ctx,
    book: SellerBook,
    monday: date,
    form_id: int,
    created: str,
    current: bool,
    week_goals: dict[tuple[int, date], int],
) -> list[int]:
    seller = book.seller
    ids: list[int] = []
    event_goal = week_goals.get((-seller.id, monday))
    done_rate = {"closer": 0.85, "busy": 0.6}.get(seller.profile, 0.75)
    for weekday in range(5):
        for _ in range(1 + int(ctx.rng.random() * 2)):
            client_id, short = book.client(ctx)
            text = ctx.pick(WEEK_PLAN_TEXTS).format(s=short or "新客户", p=ctx.pick(PRODUCTS))
            goal_id = event_goal if event_goal is not None and ctx.chance(0.3) else None
            past = not current or weekday < ctx.today.weekday()
            done = int(past and ctx.chance(done_rate))
            row = (ctx.new_id("weekly_plan_item"), ctx.uuid(), created, created, form_id, weekday, text,
                   client_id or None, goal_id, done)  # fmt: skip
            ctx.add("weekly_plan_item", row)
            ids.append(row[0])
    return ids


def _review(
    ctx: Ctx, book: SellerBook, monday: date, form_id: int, status: str, short: str, plan_ids: list[int]
) -> None:
    seller = book.seller
    reviewed = ctx.offset(monday) + 7 + int(ctx.rng.random() * 2)
    ts = ctx.ts(min(reviewed, 0), 560 + int(ctx.rng.random() * 60))
    pool = {"busy": ANNOTATIONS_BUSY, "closer": ANNOTATIONS_GOOD}.get(seller.profile, ANNOTATIONS_PLAIN)
    if status == "returned" or ctx.chance(0.7 if seller.profile == "busy" else 0.35):
        body = (
            "计划不够具体，请补充每天要见的客户和要达成的结果后重新提交。"
            if status == "returned"
            else book.fresh(ctx, "annotation", pool)
        )
        section = "return" if status == "returned" else ctx.pick(_SECTIONS)
        line = f"plan:{ctx.pick(plan_ids)}" if section == "plan" and plan_ids else ""
        if section == "summary":
            line = "summary"
        note = (ctx.new_id("annotation"), ctx.uuid(), ts, ts, form_id, seller.supervisor_id, section,
                body.format(s=short or "重点客户"), line)  # fmt: skip
        ctx.add("annotation", note)
    if status == "scored":
        score = max(40.0, min(98.0, round(ctx.rng.gauss(seller.score_mean, 5.0) * 2) / 2))
        comment = (
            "行动量足，价值判断要加强"
            if seller.profile == "busy"
            else ("结果导向，保持" if score >= 85 else "")
        )
        if ctx.chance(0.6):  # scored per criterion (the default criteria): the total is their weighted mean
            parts = [(c, max(0.0, min(100.0, round(score + ctx.rng.gauss(0, 6))))) for c in DEFAULT_CRITERIA]
            score = weighted_total([(c.weight, v) for c, v in parts])
            for c, value in parts:
                row = (
                    ctx.new_id("weekly_criterion_score"),
                    ctx.uuid(),
                    ts,
                    ts,
                    form_id,
                    c.key,
                    c.label,
                    c.weight,
                    value,
                )
                ctx.add("weekly_criterion_score", row)
        ctx.add(
            "weekly_score",
            (ctx.new_id("weekly_score"), ctx.uuid(), ts, ts, form_id, seller.supervisor_id, score, comment),
        )
