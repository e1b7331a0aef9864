"""KPI values for the dashboard, computing only the keys asked for.

``values(periods, user_id, keys)`` and ``per_person(period, user_ids, keys)`` return exactly
``kpi.compute_many``'s values for the requested keys.
"""

from __future__ import annotations

from collections.abc import Sequence

from .kpi import Period, compute_many
from .kpi.compute import Value


def values(
    periods: Sequence[Period], user_id: int | None, keys: Sequence[str]
) -> dict[Period, dict[str, Value]]:
    return compute_many(list(periods), user_id)


def per_person(period: Period, user_ids: Sequence[int], keys: Sequence[str]) -> dict[int, dict[str, Value]]:
    return {u: compute_many([period], u)[period] for u in user_ids}
