"""Contacts as stakeholders: titles, roles, stances, influence, reporting lines and stance history.

Key clients get a deliberate cast (DOMAIN.md, 组织销售中的客户关系): a supportive general manager
(approver), a neutral, high-influence deputy GM (decision maker) nobody has talked to for months,
an opposed technical director (evaluator) who prefers the competitor, and a purchasing manager who
became our coach (保荐者) and close ally.
"""

from __future__ import annotations

from typing import Any

from .context import Ctx
from .names import (
    ENGLISH_FIRST,
    ENGLISH_LAST,
    ENGLISH_TITLES,
    GIVEN_1,
    GIVEN_2,
    INTERESTS,
    SURNAMES,
    TENURES,
    TITLES,
)
from .plan import ClientPlan, ContactRef

_COUNTS = (1, 2, 2, 3, 3, 3, 3, 4, 4, 5)  # contacts per client (mean 3.0)
_WEIGHT = {"coach": 3.0, "user": 2.0, "evaluator": 1.5, "decision_maker": 1.0, "approver": 0.6, None: 1.0}
_REASONS = {
    "supporter": ("方案演示后认可我们的技术", "参观样板客户后态度转变", "解决了他们的售后问题"),
    "ally": ("多次深入沟通，愿意在内部帮我们说话", "项目成功后成为我们的坚定支持者"),
    "opponent": ("参加了{k}的技术交流后倾向对方方案", "对上次交货延误很不满意", "与采购部有内部矛盾"),
    "neutral": ("换了新岗位，态度需要重新评估",),
}

# The key-client cast: (level title index, role, stance, influence, reports-to index, cutoff days).
_CAST: tuple[tuple[str, str, str, str, str, int | None], ...] = (
    ("总经理", "总经办", "approver", "supporter", "high", None),
    ("副总经理", "总经办", "decision_maker", "neutral", "high", 0),
    ("技术总监", "技术部", "evaluator", "opponent", "high", 1),
    ("采购经理", "采购部", "coach", "ally", "medium", 1),
    ("IT主管", "信息部", "user", "supporter", "low", 2),
    ("采购专员", "采购部", "user", "neutral", "low", 3),
)


def chinese_name(ctx: Ctx) -> tuple[str, str]:
    """A Chinese full name (two or three characters, sometimes a compound surname) and its pinyin stem."""
    surname, pinyin = SURNAMES[int(ctx.rng.random() ** 1.6 * len(SURNAMES))]
    given = ctx.pick(GIVEN_1) if ctx.chance(0.4) else ctx.pick(GIVEN_2)
    return surname + given, pinyin


def _person(ctx: Ctx, plan: ClientPlan, taken: set[str]) -> tuple[str, str, str]:
    """(name, e-mail, wechat) unique within the client."""
    for _attempt in range(20):
        if plan.english and ctx.chance(0.6):
            first, last = ctx.pick(ENGLISH_FIRST), ctx.pick(ENGLISH_LAST)
            name = f"{first} {last}"
            email = f"{first.lower()}.{last.lower()}@{plan.short.lower().replace(' ', '')}.com"
            wechat = ""
        else:
            name, pinyin = chinese_name(ctx)
            email = f"{pinyin}{ctx.rng.randrange(1, 99)}@{ctx.pick(('163.com', 'qq.com', 'corp.example.cn'))}"
            wechat = f"wx_{pinyin}{ctx.rng.randrange(100, 9999)}" if ctx.chance(0.7) else ""
        if name not in taken:
            taken.add(name)
            return name, email, wechat
    return name, email, wechat


def _mobile(ctx: Ctx) -> str:
    return f"1{ctx.pick('3456789')}{ctx.rng.randrange(100_000_000, 999_999_999)}"


def write_contacts(ctx: Ctx, plan: ClientPlan) -> None:
    if plan.key:
        _write_cast(ctx, plan)
        return
    rng = ctx.rng
    count = ctx.pick(_COUNTS)
    titles = ENGLISH_TITLES if plan.english else TITLES
    # Seniority levels, highest first; small companies may start at purchasing manager.
    levels = sorted(min(3, int(rng.random() * 3.2)) for _ in range(count))
    taken: set[str] = set()
    ids: list[tuple[int, int]] = []  # (contact id, level) in insertion order
    allies = 0
    for level in levels:
        title, role, influence, department = ctx.pick(titles[level])
        stance = _stance(ctx, plan.status)
        if stance == "ally":
            if allies >= 2:  # more than two close allies fight each other
                stance = "supporter"
            allies += 1
            if role == "user" and ctx.chance(0.5):
                role = "coach"
        reports_to = None
        if count >= 3:
            above = [cid for cid, lv in ids if lv < level]
            reports_to = above[-1] if above else None
        contact_id = _contact_row(
            ctx, plan, taken, title, department, role, stance, influence, reports_to, ""
        )
        ids.append((contact_id, level))
        if stance != "neutral" and ctx.chance(0.4):
            _history(ctx, plan, contact_id, ("neutral", stance))


def _stance(ctx: Ctx, status: str) -> str:
    roll = ctx.rng.random()
    if status == "customer":
        return (
            "ally"
            if roll < 0.15
            else ("supporter" if roll < 0.6 else ("neutral" if roll < 0.95 else "opponent"))
        )
    if status == "lost":
        return "supporter" if roll < 0.15 else ("neutral" if roll < 0.65 else "opponent")
    return (
        "ally" if roll < 0.05 else ("supporter" if roll < 0.3 else ("neutral" if roll < 0.9 else "opponent"))
    )


def _contact_row(
    ctx: Ctx,
    plan: ClientPlan,
    taken: set[str],
    title: str,
    department: str,
    role: str | None,
    stance: str,
    influence: str,
    reports_to: int | None,
    notes: str,
    cutoff: int = 0,
) -> int:
    name, email, wechat = _person(ctx, plan, taken)
    contact_id = ctx.new_id("contact")
    created = min(plan.created + int(ctx.rng.random() * 60), -1)
    ts = ctx.ts(created, ctx.work_minute())
    interests = "、".join(INTERESTS[role]) if role and ctx.chance(0.5) else ""
    row: tuple[Any, ...] = (
        contact_id, ctx.uuid(), ts, ts, None, plan.id, name, title, department, _mobile(ctx), email, wechat,
        role, stance, influence, ctx.pick(TENURES), interests, reports_to, notes,
    )  # fmt: skip
    ctx.add("contact", row)
    plan.contacts.append(ContactRef(contact_id, name, role, _WEIGHT[role], cutoff))
    return contact_id


def _history(
    ctx: Ctx, plan: ClientPlan, contact_id: int, stances: tuple[str, ...], *, late: bool = False
) -> None:
    """Stance changes along ``stances`` (the first is the starting stance), spread after creation."""
    span = -plan.created
    day = plan.created + (span // 2 if late else 10)
    competitor = plan.opps[0].competitor if plan.opps else "竞品"
    for old, new in zip(stances, stances[1:], strict=False):
        day = min(-1, day + 5 + int(ctx.rng.random() * max(span // 3, 10)))
        reason = ctx.pick(_REASONS[new]).format(k=competitor or "竞品")
        ts = ctx.ts(day, ctx.work_minute())
        row = (
            ctx.new_id("stance_change"),
            ctx.uuid(),
            ts,
            ts,
            contact_id,
            ctx.day(day),
            old,
            new,
            reason,
            plan.owner.id,
        )
        ctx.add("stance_change", row)


def _write_cast(ctx: Ctx, plan: ClientPlan) -> None:
    taken: set[str] = set()
    ids: list[int] = []
    for title, department, role, stance, influence, boss in _CAST:
        reports_to = ids[boss] if boss is not None else None
        notes, cutoff = "", 0
        if role == "decision_maker":
            notes = "分管采购和技术，最终拍板的人。上次见面已是三个多月前，需要尽快安排拜访。"
            cutoff = -100 - int(ctx.rng.random() * 30)
        elif role == "evaluator":
            notes = "倾向竞品方案，对我们的交付能力有疑虑。"
        elif role == "coach":
            notes = "我们的保荐者，愿意提供内部信息。"
        contact_id = _contact_row(
            ctx, plan, taken, title, department, role, stance, influence, reports_to, notes, cutoff
        )
        ids.append(contact_id)
        if stance == "ally":
            _history(ctx, plan, contact_id, ("neutral", "supporter", "ally"))
        elif stance == "opponent":
            _history(ctx, plan, contact_id, ("neutral", "opponent"), late=True)
        elif stance == "supporter" and role == "approver":
            _history(ctx, plan, contact_id, ("neutral", "supporter"))
