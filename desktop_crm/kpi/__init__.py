"""Every number of the KPI table in DOMAIN.md, as SQL aggregates over periods.

A period P is a half-open range of days ``[start, end)`` (see ``periods``); a record falls in P by the
local date part of its timestamp. ``compute(P, user_id)`` returns every key of ``KPI_KEYS``; ``series``
adds month-on-month (``mom``: against ``P.previous()``) and year-on-year (``yoy``: against
``P.year_ago()``) changes, ``value / base − 1``, None when the value or the base is None or the base is 0.

Scope. Soft-deleted clients, opportunities count nowhere, and neither do the contracts, payment plans,
payments, follow-ups and opportunities of a soft-deleted client. With ``user_id``: a follow-up counts for
whoever logged it; an opportunity for its owner; a client, its contracts, payment plans and payments (and
so every first-signing KPI) for the client's *current* owner; a weekly score for the form's salesperson.

Keys:

- ``new_clients``: clients created in P.
- ``first_signings``: clients whose first contract is signed in P. A client's first contract is its
  earliest by ``signed_on``, ties broken by the lowest id: a client signed twice has one first signing.
- ``conversion_rate``: of the clients created in P, the share whose first contract is signed before P
  ends (a contract dated before the client was created counts too). None when no client was created.
- ``repeat_rate``: of the clients with a contract signed in P, the share that had a contract signed
  before P started. None when no client signed in P.
- ``first_order_avg_cents``: mean amount of the first contracts signed in P, in whole cents (halves
  rounded up). None without first signings.
- ``follow_up_cycle_days_mean`` / ``_median``: for the first signings in P, whole days from the client's
  first follow-up (its earliest ``happened_at`` date among the follow-ups dated on or before the signing
  date) — or its creation date when it had none by then — to the signing date; a negative span (a client
  recorded after its contract, e.g. imported) counts as 0. All follow-ups of the client count, whoever
  logged them. None without first signings.
- ``follow_ups_per_signed_client``: for the first signings in P, mean number of the client's follow-ups
  dated on or before the signing date. None without first signings.
- ``signed_amount_cents``: sum of the amounts of contracts signed in P.
- ``collected_amount_cents``: sum of payments received (``paid_on``) in P.
- ``planned_collection_cents``: sum of payment-plan instalments due in P, paid or not.
- ``activity_call`` … ``activity_meeting``: follow-ups in P on each channel (call, sms, visit, wechat,
  email, meeting); ``activity_total``: all follow-ups in P; ``call_minutes``: total ``duration_minutes``
  of the calls in P.
- ``new_opportunity_value_cents``: sum of the expected amounts of opportunities created in P.
- ``won_count`` / ``won_amount_cents``, ``lost_count`` / ``lost_amount_cents``: opportunities in stage
  won / lost whose ``closed_on`` is in P, and the sum of their expected amounts.
- ``behaviour_score``: mean score of the scored weekly forms (forms with a ``WeeklyScore``) whose ISO
  week belongs to P, a week belonging to the period that holds its Thursday. None when there is none.

- ``complaints_opened``: service records of type complaint created (opened) in P; ``complaints_resolved``:
  complaints whose resolution date is in P; ``resolution_days_mean``: for the complaints resolved in P,
  mean whole days from the creation date to the resolution date (None when none was resolved). A service
  record counts for its client's current owner; deleted records and deleted clients' records count nowhere.

- ``referrals``: clients created in P that record a referrer (a client or a contact);
  ``referral_conversion``: of those, the share whose first contract is signed before P ends (None when
  there is none). A referred client counts for its current owner.

Counts and cents are ints, rates, means and scores floats.
"""

from __future__ import annotations

from .compute import KPI_KEYS, PeriodResult, change, compute, compute_many, series, series_to_json
from .periods import KINDS, Period, period_containing, periods_between

__all__ = [
    "KINDS",
    "KPI_KEYS",
    "Period",
    "PeriodResult",
    "change",
    "compute",
    "compute_many",
    "period_containing",
    "periods_between",
    "series",
    "series_to_json",
]
