"""The demo team's performance handbook (绩效手册): the Chinese first edition of ``handbook_seed``,
written early in the history, with some entries revised since (the handbook is revised over time)."""

from __future__ import annotations

from ..handbook_seed import seed_entries
from .context import Ctx
from .plan import SizeSpec


def write_handbook(ctx: Ctx, spec: SizeSpec) -> None:
    first_day = -spec.days + 20
    ts = ctx.ts(first_day, 600)
    for position, (key, question, answer) in enumerate(seed_entries("zh_CN")):
        revised = (
            first_day + (90 + position * 23) % max(spec.days - 21, 1) if position % 4 == 1 else first_day
        )
        row = (
            ctx.new_id("handbook_entry"),
            ctx.uuid(),
            ts,
            ctx.ts(revised, 600),
            question,
            answer,
            key,
            ctx.day(revised),
            position,
        )
        ctx.add("handbook_entry", row)
