"""The metrics a numeric goal target can follow: the KPI keys of ``kpi --json``, with their units, and
their actual values for one owner (or the team) over any period, batched.

A goal target's actual is exactly the KPI module's value for the goal's owner and period: this is the one
place that asks for it (goal progress, the weekly form's assessment task, the command line).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from . import kpi_summary
from .kpi import KPI_KEYS, Period, compute_many
from .kpi.compute import Value

MANUAL = "manual"  # a target whose actual is entered by hand

# Unit of each KPI value: how it is entered, shown and summed.
METRIC_UNITS: dict[str, str] = {
    key: (
        "cents"
        if key.endswith("_cents")
        else "rate"
        if key.endswith("_rate") or key == "referral_conversion"
        else "days"
        if key.startswith("follow_up_cycle_days") or key == "resolution_days_mean"
        else "score"
        if key == "behaviour_score"
        else "minutes"
        if key == "call_minutes"
        else "ratio"
        if key == "follow_ups_per_signed_client"
        else "count"
    )
    for key in KPI_KEYS
}
# Metrics where less is better (a shorter cycle): reaching the target means staying at or below it.
LOWER_IS_BETTER = frozenset(
    {"follow_up_cycle_days_mean", "follow_up_cycle_days_median", "resolution_days_mean"}
)
# Metrics that add up over sub-periods (a parent's target can be split among its children).
ADDITIVE = frozenset(key for key, unit in METRIC_UNITS.items() if unit in ("count", "cents", "minutes"))

Request = tuple[int | None, date, date]  # (user id or None for the team, start, end exclusive)


def is_metric(key: str) -> bool:
    return key in METRIC_UNITS


def actuals(
    requests: Iterable[Request], metrics: Iterable[str] | None = None
) -> dict[Request, dict[str, Value]]:
    """The KPI values of each (user, start, end): one batch of queries per user.

    ``metrics``: the KPI keys wanted (the goals' targets' metrics); each row then holds those only, read
    from the KPI summaries (``kpi_summary.values``: a handful of small queries whatever the data's size,
    the same values as the KPI module, which it falls back to for a metric not summarised). Without it,
    every KPI, computed over the base tables: a year's goals of the team took minutes on the large demo."""
    by_user: dict[int | None, set[tuple[date, date]]] = {}
    for user_id, start, end in requests:
        if end > start:
            by_user.setdefault(user_id, set()).add((start, end))
    keys = None if metrics is None else sorted({m for m in metrics if m in METRIC_UNITS})
    result: dict[Request, dict[str, Value]] = {}
    for user_id, spans in by_user.items():
        periods = {span: Period(span[0], span[1], "custom") for span in spans}
        if keys is None:
            values = compute_many(list(periods.values()), user_id)
        elif keys:
            values = kpi_summary.values(list(periods.values()), user_id, keys)
        else:  # manual targets only: nothing to read
            values = {period: {} for period in periods.values()}
        for span, period in periods.items():
            result[(user_id, span[0], span[1])] = values[period]
    return result


def actual(metric: str, user_id: int | None, start: date, end: date) -> Value:
    """One KPI value for one owner and period (None when the KPI is undefined there, e.g. no signings)."""
    if end <= start:
        return None
    return actuals([(user_id, start, end)], [metric])[(user_id, start, end)][metric]
