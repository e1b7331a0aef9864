"""The referral KPIs' SQL (slice care): clients created in each period that record a referrer, and how
many of them had their first contract signed before the period's end. A referred client counts for its
current owner; soft-deleted clients count nowhere.

Each referral (and its client) is read once and matched to the periods it falls in (SQLite keeps the order
of a CROSS JOIN: with the periods outermost, every client was looked up once per period: 47 ms for
2,000 referrals over 25 periods on the large demo)."""

from __future__ import annotations

from .queries import PERIOD_TABLE, Query, _owner


def referral_queries(user_id: int | None) -> list[Query]:
    owner, params = _owner("cl.owner_id", user_id)
    return [
        (
            ("referrals", "referrals_converted"),
            f"""SELECT p.idx, COUNT(*),
                SUM(EXISTS (SELECT 1 FROM contract AS k WHERE k.client_id = cl.id AND k.signed_on < p.hi))
            FROM referral AS r JOIN client AS cl ON cl.id = r.client_id CROSS JOIN {PERIOD_TABLE} AS p
            WHERE cl.created_at >= p.lo AND cl.created_at < p.hi AND +cl.deleted_at IS NULL{owner}
            GROUP BY p.idx""",
            params,
        )
    ]
