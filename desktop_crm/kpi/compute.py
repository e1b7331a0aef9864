"""KPI values of periods, series with month-on-month / year-on-year changes, and their JSON form."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..engine import raw_connection
from ..models import database
from .periods import Period, periods_between
from .queries import CHANNELS, Facts, collect_facts

Value = int | float | None

KPI_KEYS: tuple[str, ...] = (
    "new_clients",
    "first_signings",
    "conversion_rate",
    "repeat_rate",
    "first_order_avg_cents",
    "follow_up_cycle_days_mean",
    "follow_up_cycle_days_median",
    "follow_ups_per_signed_client",
    "signed_amount_cents",
    "collected_amount_cents",
    "planned_collection_cents",
    *(f"activity_{channel}" for channel in CHANNELS),
    "activity_total",
    "call_minutes",
    "new_opportunity_value_cents",
    "won_count",
    "won_amount_cents",
    "lost_count",
    "lost_amount_cents",
    "behaviour_score",
    # after-sales: complaints (service records of type complaint)
    "complaints_opened",
    "complaints_resolved",
    "resolution_days_mean",
    # referrals (slice care)
    "referrals",
    "referral_conversion",
)


@dataclass(frozen=True)
class PeriodResult:
    """One period of a series: its KPI values and their changes against the previous period (``mom``)
    and the same period a year earlier (``yoy``)."""

    period: Period
    values: dict[str, Value]
    mom: dict[str, float | None]
    yoy: dict[str, float | None]


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _mean(numbers: Sequence[int | float]) -> float | None:
    return sum(numbers) / len(numbers) if numbers else None


def _values(facts: Facts) -> dict[str, Value]:
    sums = facts.sums
    firsts = facts.first_signings
    cycles = [f.cycle_days for f in firsts]
    first_total = sum(f.amount_cents for f in firsts)
    values: dict[str, Value] = {
        "new_clients": sums["new_clients"],
        "first_signings": len(firsts),
        "conversion_rate": _ratio(sums["converted_clients"], sums["new_clients"]),
        "repeat_rate": _ratio(sums["repeat_clients"], sums["signing_clients"]),
        # the mean in whole cents, halves rounded up
        "first_order_avg_cents": (2 * first_total + len(firsts)) // (2 * len(firsts)) if firsts else None,
        "follow_up_cycle_days_mean": _mean(cycles),
        "follow_up_cycle_days_median": float(statistics.median(cycles)) if cycles else None,
        "follow_ups_per_signed_client": _mean([f.follow_ups for f in firsts]),
        "behaviour_score": _mean(facts.behaviour_scores),
        "referral_conversion": _ratio(sums["referrals_converted"], sums["referrals"]),
        "resolution_days_mean": _ratio(sums["resolution_days_sum"], sums["complaints_resolved"]),
    }
    for key in KPI_KEYS:
        if key not in values:
            values[key] = sums[key]
    return {key: values[key] for key in KPI_KEYS}


def compute_many(periods: Sequence[Period], user_id: int | None = None) -> dict[Period, dict[str, Value]]:
    """KPI values of every distinct period, from one batch of aggregate queries."""
    distinct = sorted(set(periods))
    with database.atomic():  # one read snapshot for every query
        facts = collect_facts(raw_connection(), distinct, user_id)
    return {period: _values(f) for period, f in zip(distinct, facts, strict=True)}


def compute(period: Period, user_id: int | None = None) -> dict[str, Value]:
    """Every KPI of ``KPI_KEYS`` for ``period``: the team's, or one salesperson's when ``user_id`` is given."""
    return compute_many([period], user_id)[period]


def change(value: Value, base: Value) -> float | None:
    """``value / base − 1``; None when either is None or the base is zero (a change from nothing)."""
    if value is None or base is None or base == 0:
        return None
    return value / base - 1


def _changes(values: dict[str, Value], base: dict[str, Value]) -> dict[str, float | None]:
    return {key: change(values[key], base[key]) for key in KPI_KEYS}


def series(kind: str, start: date, end: date, user_id: int | None = None) -> list[PeriodResult]:
    """The periods of ``kind`` covering ``[start, end)`` (see ``periods_between``) with their KPI values,
    MoM and YoY. The previous and year-ago periods are computed in the same batch of queries, so even the
    first period of the series has its changes."""
    periods = periods_between(kind, start, end)
    needed = [*periods, *(p.previous() for p in periods), *(p.year_ago() for p in periods)]
    values = compute_many(needed, user_id)
    return [
        PeriodResult(
            period=p,
            values=values[p],
            mom=_changes(values[p], values[p.previous()]),
            yoy=_changes(values[p], values[p.year_ago()]),
        )
        for p in periods
    ]


def series_to_json(results: Sequence[PeriodResult]) -> list[dict[str, Any]]:
    """Plain JSON-able dictionaries: period label, ISO start and (exclusive) end, values, mom, yoy."""
    return [
        {
            "period": r.period.label,
            "start": r.period.start.isoformat(),
            "end": r.period.end.isoformat(),
            "values": dict(r.values),
            "mom": dict(r.mom),
            "yoy": dict(r.yoy),
        }
        for r in results
    ]
