"""Opportunities (with their stakeholders), contracts, payment plans and payments of one client."""

from __future__ import annotations

from .context import Ctx
from .plan import ClientPlan
from .texts import LOST_REASONS, OPPORTUNITY_NAMES, PAYMENT_METHODS, PRODUCTS, WON_REASONS

# Instalment splits (percent) by number of instalments, and their notes.
_SPLITS = {1: (100,), 2: (50, 50), 3: (30, 60, 10), 4: (30, 30, 30, 10)}
_SPLIT_NOTES = {
    1: ("全款",),
    2: ("预付款", "验收款"),
    3: ("预付款", "到货款", "质保金"),
    4: ("预付款", "到货款", "验收款", "质保金"),
}
_INSTALMENT_COUNTS = (1, 2, 2, 3, 3, 3, 3, 4, 4, 4)


def write_deals(ctx: Ctx, plan: ClientPlan) -> None:
    rng = ctx.rng
    opp_names: dict[int, str] = {}
    for opp in plan.opps:
        product = ctx.pick(PRODUCTS)
        name = ctx.pick(OPPORTUNITY_NAMES).format(s=plan.short, p=product)
        opp_names[opp.id] = name
        closed = opp.stage in ("won", "lost")
        created = ctx.ts(opp.start, ctx.work_minute())
        updated = ctx.ts(min(opp.end, -1) if closed else -1 - int(rng.random() * 10), ctx.work_minute())
        reason = ""
        if opp.stage == "lost":
            reason = ctx.pick(LOST_REASONS).format(k=opp.competitor or ctx.pick(("华拓科技", "凯思达")))
        elif opp.stage == "won":
            reason = ctx.pick(WON_REASONS)
        notes = f"竞品：{opp.competitor}" if opp.competitor and ctx.chance(0.3) else ""
        ctx.add(
            "opportunity",
            (
                opp.id, ctx.uuid(), created, updated, None, plan.id, plan.owner.id, name, opp.stage,
                opp.probability, opp.amount, ctx.day(opp.end), opp.competitor,
                ctx.day(opp.end) if closed else None, reason, notes,
            ),
        )  # fmt: skip
        _opportunity_contacts(ctx, plan, opp.id, created)
    for number, (contract_id, opp_id, day, amount) in enumerate(plan.contracts, start=1):
        title = f"{opp_names[opp_id]}合同" if opp_id is not None else f"{plan.short}复购订单"
        ts = ctx.ts(day, ctx.work_minute())
        year = ctx.to_date(day).year
        ctx.add(
            "contract",
            (
                contract_id, ctx.uuid(), ts, ts, plan.id, opp_id, title, f"HT{year}-{contract_id:06d}",
                amount, ctx.day(day), "" if number == 1 else "老客户复购",
            ),
        )  # fmt: skip
        _payment_plan(ctx, contract_id, day, amount, ts)


def _opportunity_contacts(ctx: Ctx, plan: ClientPlan, opp_id: int, ts: str) -> None:
    for ref in plan.contacts:
        if ref.role is not None and (plan.key or ctx.chance(0.5)):
            row = (ctx.new_id("opportunity_contact"), ctx.uuid(), ts, ts, opp_id, ref.id, ref.role)
            ctx.add("opportunity_contact", row)


def _payment_plan(ctx: Ctx, contract_id: int, signed: int, amount: int, ts: str) -> None:
    rng = ctx.rng
    count = ctx.pick(_INSTALMENT_COUNTS)
    due = signed
    remaining = amount
    for seq, (share, note) in enumerate(zip(_SPLITS[count], _SPLIT_NOTES[count], strict=True), start=1):
        due += (7 + int(rng.random() * 23)) if seq == 1 else (30 + int(rng.random() * 90))
        part = remaining if seq == count else amount * share // 100
        remaining -= part
        instalment_id = ctx.new_id("payment_instalment")
        ctx.add(
            "payment_instalment",
            (instalment_id, ctx.uuid(), ts, ts, contract_id, seq, ctx.day(due), part, note),
        )
        _payments(ctx, contract_id, instalment_id, due, part, note)


def _payments(ctx: Ctx, contract_id: int, instalment_id: int, due: int, amount: int, note: str) -> None:
    """Pay an instalment: usually in full around the due day, sometimes in two parts, sometimes late."""
    rng = ctx.rng
    roll = rng.random()
    if due > -3 and roll > 0.05:  # not due yet (a few pay early)
        return
    if roll < 0.72:
        parts = [(due - 3 + int(rng.random() * 12), amount, "")]
    elif roll < 0.87:
        first = amount * (4 + int(rng.random() * 3)) // 10
        day = due + int(rng.random() * 10)
        parts = [(day, first, "部分回款"), (day + 20 + int(rng.random() * 40), amount - first, "尾款")]
    elif roll < 0.94:  # partially paid, the rest overdue
        first = amount // 2
        parts = [(due + int(rng.random() * 15), first, "部分回款，余款客户承诺下月付")]
    else:
        return  # overdue, nothing received
    for day, part, remark in parts:
        if day > -1:
            continue
        ts = ctx.ts(day, ctx.work_minute())
        method = ctx.pick(PAYMENT_METHODS)
        row = (
            ctx.new_id("payment"),
            ctx.uuid(),
            ts,
            ts,
            contract_id,
            instalment_id,
            ctx.day(day),
            part,
            method,
            remark or note,
        )
        ctx.add("payment", row)
