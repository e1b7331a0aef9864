"""How payments pay a payment plan, as one pure function used by the services and the agenda.

A payment recorded against an instalment pays that instalment first; unlinked payments and any
excess then pay the instalments in due-date order (ties by id).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date


def allocate(
    instalments: Iterable[tuple[int, date | str, int]],
    payments: Iterable[tuple[int | None, int]],
) -> dict[int, int]:
    """Paid amount per instalment id, from (id, due_date, amount) and (instalment_id | None, amount)."""
    plan = sorted(instalments, key=lambda i: (str(i[1]), i[0]))
    amount_of = {i[0]: i[2] for i in plan}
    linked: dict[int, int] = {}
    pool = 0
    for instalment_id, amount in payments:
        if instalment_id is None or instalment_id not in amount_of:
            pool += amount
        else:
            linked[instalment_id] = linked.get(instalment_id, 0) + amount
    paid: dict[int, int] = {}
    for inst_id, _, amount in plan:
        direct = linked.get(inst_id, 0)
        paid[inst_id] = min(direct, amount)
        pool += direct - paid[inst_id]
    for inst_id, _, amount in plan:
        extra = min(pool, amount - paid[inst_id])
        pool -= extra
        paid[inst_id] += extra
    return paid
