"""The records behind each KPI value (``dashboard.drill_down``): the KPI module's queries
(``kpi.queries``) turned into row lists, same scope rules (soft-deleted clients count nowhere, the
attribution of DOMAIN.md), so that counting or summing the rows gives the KPI value (``value``)."""

from __future__ import annotations

import statistics
from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from .engine import raw_connection
from .kpi import Period
from .kpi.compute import Value
from .kpi.periods import week_of_thursday
from .kpi.queries import CHANNELS
from .models import database

if TYPE_CHECKING:
    from .dashboard import DrillRow

FIRST_SIGNING_KEYS = (
    "first_signings",
    "first_order_avg_cents",
    "follow_up_cycle_days_mean",
    "follow_up_cycle_days_median",
    "follow_ups_per_signed_client",
)


def _day(text: str) -> date:
    return date.fromisoformat(str(text)[:10])


def _owner(column: str, user_id: int | None) -> tuple[str, list[object]]:
    return ("", []) if user_id is None else (f" AND {column} = ?", [user_id])


def _fetch(sql: str, params: Sequence[object]) -> list[tuple]:
    return raw_connection().execute(sql, list(params)).fetchall()


def _row(**kwargs: object) -> DrillRow:
    from .dashboard import DrillRow

    return DrillRow(**kwargs)  # type: ignore[arg-type]


def _new_clients(period: Period, user_id: int | None) -> list[DrillRow]:
    owner, params = _owner("cl.owner_id", user_id)
    rows = _fetch(
        f"""SELECT cl.id, cl.name, cl.created_at, cl.owner_id,
            (SELECT MIN(k.signed_on) FROM contract AS k WHERE k.client_id = cl.id)
        FROM client AS cl
        WHERE cl.created_at >= ? AND cl.created_at < ? AND cl.deleted_at IS NULL{owner}
        ORDER BY cl.created_at, cl.id""",
        [period.start.isoformat(), period.end.isoformat(), *params],
    )
    hi = period.end.isoformat()
    return [
        _row(
            kind="client",
            record_id=cid,
            client_id=cid,
            client_name=name,
            day=_day(created),
            amount_cents=None,
            detail=f"first signed {first}" if first else "",
            counted=first is not None and first < hi,
            user_id=owner_id,
        )
        for cid, name, created, owner_id, first in rows
    ]


def _first_signings(key: str, period: Period, user_id: int | None) -> list[DrillRow]:
    owner, params = _owner("cl.owner_id", user_id)
    until_signing = "f.client_id = k.client_id AND f.happened_at < date(k.signed_on, '+1 day')"
    rows = _fetch(
        f"""SELECT k.id, cl.id, cl.name, k.signed_on, k.amount_cents, substr(cl.created_at, 1, 10),
            (SELECT substr(MIN(f.happened_at), 1, 10) FROM follow_up AS f WHERE {until_signing}),
            (SELECT COUNT(*) FROM follow_up AS f WHERE {until_signing}), cl.owner_id, k.title, k.number
        FROM contract AS k CROSS JOIN client AS cl ON cl.id = k.client_id
        WHERE k.signed_on >= ? AND k.signed_on < ? AND cl.deleted_at IS NULL{owner}
          AND NOT EXISTS (SELECT 1 FROM contract AS e
                          WHERE e.client_id = k.client_id
                            AND (e.signed_on < k.signed_on OR (e.signed_on = k.signed_on AND e.id < k.id)))
        ORDER BY k.signed_on, k.id""",
        [period.start.isoformat(), period.end.isoformat(), *params],
    )
    result = []
    for _kid, cid, name, signed, amount, created, first_fu, count, owner_id, title, number in rows:
        cycle = max(0, (_day(signed) - _day(first_fu or created)).days)
        result.append(
            _row(
                kind="client",
                record_id=cid,
                client_id=cid,
                client_name=name,
                day=_day(signed),
                amount_cents=int(amount),
                detail=" ".join(p for p in (number, title) if p),
                quantity=float(count if key == "follow_ups_per_signed_client" else cycle),
                user_id=owner_id,
            )
        )
    return result


def _repeat(period: Period, user_id: int | None) -> list[DrillRow]:
    owner, params = _owner("cl.owner_id", user_id)
    rows = _fetch(
        f"""SELECT cl.id, cl.name, MIN(k.signed_on), SUM(k.amount_cents), cl.owner_id,
            EXISTS (SELECT 1 FROM contract AS e WHERE e.client_id = cl.id AND e.signed_on < ?)
        FROM contract AS k CROSS JOIN client AS cl ON cl.id = k.client_id
        WHERE k.signed_on >= ? AND k.signed_on < ? AND cl.deleted_at IS NULL{owner}
        GROUP BY cl.id ORDER BY MIN(k.signed_on), cl.id""",
        [period.start.isoformat(), period.start.isoformat(), period.end.isoformat(), *params],
    )
    return [
        _row(
            kind="client",
            record_id=cid,
            client_id=cid,
            client_name=name,
            day=_day(first),
            amount_cents=int(total),
            detail="",
            counted=bool(before),
            user_id=owner_id,
        )
        for cid, name, first, total, owner_id, before in rows
    ]


def _contracts(period: Period, user_id: int | None) -> list[DrillRow]:
    owner, params = _owner("cl.owner_id", user_id)
    rows = _fetch(
        f"""SELECT k.id, cl.id, cl.name, k.signed_on, k.amount_cents, cl.owner_id, k.number, k.title
        FROM contract AS k CROSS JOIN client AS cl ON cl.id = k.client_id
        WHERE k.signed_on >= ? AND k.signed_on < ? AND cl.deleted_at IS NULL{owner}
        ORDER BY k.signed_on, k.id""",
        [period.start.isoformat(), period.end.isoformat(), *params],
    )
    return [
        _row(
            kind="contract",
            record_id=kid,
            client_id=cid,
            client_name=name,
            day=_day(signed),
            amount_cents=int(amount),
            detail=" ".join(p for p in (number, title) if p),
            user_id=owner_id,
        )
        for kid, cid, name, signed, amount, owner_id, number, title in rows
    ]


def _money(kind: str, period: Period, user_id: int | None) -> list[DrillRow]:
    table, day, note = (
        ("payment", "paid_on", "x.method || ' ' || x.note")
        if kind == "payment"
        else ("payment_instalment", "due_date", "'#' || x.seq || ' ' || x.note")
    )
    owner, params = _owner("cl.owner_id", user_id)
    rows = _fetch(
        f"""SELECT x.id, cl.id, cl.name, x.{day}, x.amount_cents, cl.owner_id,
            trim(k.number || ' ' || {note})
        FROM {table} AS x CROSS JOIN contract AS k ON k.id = x.contract_id CROSS JOIN client AS cl ON cl.id = k.client_id
        WHERE x.{day} >= ? AND x.{day} < ? AND cl.deleted_at IS NULL{owner}
        ORDER BY x.{day}, x.id""",
        [period.start.isoformat(), period.end.isoformat(), *params],
    )
    return [
        _row(
            kind=kind,
            record_id=xid,
            client_id=cid,
            client_name=name,
            day=_day(on),
            amount_cents=int(amount),
            detail=detail or "",
            user_id=owner_id,
        )
        for xid, cid, name, on, amount, owner_id, detail in rows
    ]


def _follow_ups(key: str, period: Period, user_id: int | None) -> list[DrillRow]:
    owner, params = _owner("f.user_id", user_id)
    channel = ""
    if key == "call_minutes":
        channel = " AND f.channel = 'call'"
    elif key != "activity_total":
        name = key.removeprefix("activity_")
        assert name in CHANNELS
        channel = f" AND f.channel = '{name}'"
    rows = _fetch(
        f"""SELECT f.id, cl.id, cl.name, f.happened_at, f.channel, f.duration_minutes, f.user_id,
            substr(f.summary, 1, 80)
        FROM follow_up AS f CROSS JOIN client AS cl ON cl.id = f.client_id
        WHERE f.happened_at >= ? AND f.happened_at < ? AND cl.deleted_at IS NULL{channel}{owner}
        ORDER BY f.happened_at, f.id""",
        [period.start.isoformat(), period.end.isoformat(), *params],
    )
    return [
        _follow_up_row(key, fid, cid, name, happened, ch, minutes, uid, summary)
        for fid, cid, name, happened, ch, minutes, uid, summary in rows
    ]


def _follow_up_row(
    key: str,
    fid: int,
    cid: int,
    name: str,
    happened: str,
    ch: str,
    minutes: int | None,
    uid: int | None,
    summary: str | None,
) -> DrillRow:
    return _row(
        kind="follow_up",
        record_id=fid,
        client_id=cid,
        client_name=name,
        day=_day(happened),
        amount_cents=None,
        detail=f"{ch}: {summary}" if summary else ch,
        quantity=float(minutes or 0) if key == "call_minutes" else None,
        user_id=uid,
    )


def _opportunities(key: str, period: Period, user_id: int | None) -> list[DrillRow]:
    owner, params = _owner("o.owner_id", user_id)
    if key == "new_opportunity_value_cents":
        day, extra = "o.created_at", ""
    else:
        day, extra = "o.closed_on", f" AND o.stage = '{key.split('_')[0]}'"
    rows = _fetch(
        f"""SELECT o.id, cl.id, cl.name, {day}, o.expected_amount_cents, o.owner_id, o.name, o.stage
        FROM opportunity AS o CROSS JOIN client AS cl ON cl.id = o.client_id
        WHERE {day} >= ? AND {day} < ? AND o.deleted_at IS NULL AND cl.deleted_at IS NULL{extra}{owner}
        ORDER BY {day}, o.id""",
        [period.start.isoformat(), period.end.isoformat(), *params],
    )
    return [
        _row(
            kind="opportunity",
            record_id=oid,
            client_id=cid,
            client_name=name,
            day=_day(on),
            amount_cents=int(amount),
            detail=f"{title} ({stage})",
            user_id=owner_id,
        )
        for oid, cid, name, on, amount, owner_id, title, stage in rows
    ]


def _weekly_forms(period: Period, user_id: int | None) -> list[DrillRow]:
    owner, params = _owner("wf.user_id", user_id)
    rows = _fetch(
        f"""SELECT wf.id, wf.iso_year, wf.iso_week, ws.score, wf.user_id, u.name
        FROM weekly_form AS wf JOIN weekly_score AS ws ON ws.form_id = wf.id
        LEFT JOIN user AS u ON u.id = wf.user_id
        WHERE wf.iso_year BETWEEN ? AND ?{owner}
        ORDER BY wf.iso_year, wf.iso_week, wf.id""",
        [period.start.year - 1, period.end.year + 1, *params],
    )
    result = []
    for form_id, iso_year, iso_week, score, uid, name in rows:
        try:
            thursday = week_of_thursday(int(iso_year), int(iso_week))
        except ValueError:
            continue
        if period.contains(thursday):
            result.append(
                _row(
                    kind="weekly_form",
                    record_id=form_id,
                    client_id=None,
                    client_name="",
                    day=date.fromisocalendar(int(iso_year), int(iso_week), 1),
                    amount_cents=None,
                    detail=f"{iso_year}-W{int(iso_week):02d} {name or ''}".strip(),
                    quantity=float(score),
                    user_id=uid,
                )
            )
    return result


def _complaints(key: str, period: Period, user_id: int | None) -> list[DrillRow]:
    """Complaints (service records of type complaint) opened, or resolved, in the period; ``quantity`` =
    whole days from opening to resolution (``kpi.queries``' complaint rules)."""
    owner, params = _owner("cl.owner_id", user_id)
    day = "s.created_at" if key == "complaints_opened" else "s.resolved_at"
    days = "CAST(julianday(substr(s.resolved_at, 1, 10)) - julianday(substr(s.created_at, 1, 10)) AS INTEGER)"
    rows = _fetch(
        f"""SELECT s.id, cl.id, cl.name, {day}, cl.owner_id, s.title, {days}
        FROM service_record AS s CROSS JOIN client AS cl ON cl.id = s.client_id
        WHERE s.kind = 'complaint' AND {day} >= ? AND {day} < ? AND s.deleted_at IS NULL
          AND cl.deleted_at IS NULL{owner}
        ORDER BY {day}, s.id""",
        [period.start.isoformat(), period.end.isoformat(), *params],
    )
    return [
        _row(
            kind="complaint",
            record_id=sid,
            client_id=cid,
            client_name=name,
            day=_day(on),
            amount_cents=None,
            detail=title or "",
            quantity=float(days) if key != "complaints_opened" and days is not None else None,
            user_id=owner_id,
        )
        for sid, cid, name, on, owner_id, title, days in rows
    ]


def _referrals(period: Period, user_id: int | None) -> list[DrillRow]:
    """Referred clients created in the period (``counted`` = first signed before its end)."""
    owner, params = _owner("cl.owner_id", user_id)
    hi = period.end.isoformat()
    rows = _fetch(
        f"""SELECT cl.id, cl.name, cl.created_at, cl.owner_id,
            EXISTS (SELECT 1 FROM contract AS k WHERE k.client_id = cl.id AND k.signed_on < ?)
        FROM referral AS r CROSS JOIN client AS cl ON cl.id = r.client_id
        WHERE cl.created_at >= ? AND cl.created_at < ? AND cl.deleted_at IS NULL{owner}
        ORDER BY cl.created_at, cl.id""",
        [hi, period.start.isoformat(), hi, *params],
    )
    return [
        _row(
            kind="client",
            record_id=cid,
            client_id=cid,
            client_name=name,
            day=_day(created),
            amount_cents=None,
            detail="",
            counted=bool(converted),
            user_id=owner_id,
        )
        for cid, name, created, owner_id, converted in rows
    ]


def rows(key: str, period: Period, user_id: int | None) -> list[DrillRow]:
    if key in ("new_clients", "conversion_rate"):
        return _new_clients(period, user_id)
    if key in FIRST_SIGNING_KEYS:
        return _first_signings(key, period, user_id)
    if key == "repeat_rate":
        return _repeat(period, user_id)
    if key == "signed_amount_cents":
        return _contracts(period, user_id)
    if key == "collected_amount_cents":
        return _money("payment", period, user_id)
    if key == "planned_collection_cents":
        return _money("instalment", period, user_id)
    if key.startswith("activity_") or key == "call_minutes":
        return _follow_ups(key, period, user_id)
    if key in (
        "new_opportunity_value_cents",
        "won_count",
        "won_amount_cents",
        "lost_count",
        "lost_amount_cents",
    ):
        return _opportunities(key, period, user_id)
    if key == "behaviour_score":
        return _weekly_forms(period, user_id)
    if key in ("complaints_opened", "complaints_resolved", "resolution_days_mean"):
        return _complaints(key, period, user_id)
    if key in ("referrals", "referral_conversion"):
        return _referrals(period, user_id)
    raise ValueError(f"unknown KPI key {key!r}")


# --- listings: the records without building them all -------------------------------------------------

PAGE_SIZE = 200
CACHED_PAGES = 16


class DrillListing:
    """The records behind a KPI value in ``rows``' order, counted (``count``) but built only a page of
    ``PAGE_SIZE`` at a time when asked (``row(i)``, ``rows(start, stop)``), the last ``CACHED_PAGES``
    pages kept. A month of the team's follow-ups is about 100k records: the listing holds their ids (a
    covering-index read), not 100k row objects. ``row(i)`` is None for a record deleted since the list
    was read."""

    def __init__(self, key: str, count: int) -> None:
        self.key = key
        self.count = count
        self._pages: OrderedDict[int, list[DrillRow | None]] = OrderedDict()

    def __len__(self) -> int:
        return self.count

    def _fetch(self, start: int, stop: int) -> list[DrillRow | None]:
        raise NotImplementedError

    def _page(self, number: int) -> list[DrillRow | None]:
        page = self._pages.get(number)
        if page is None:
            start = number * PAGE_SIZE
            page = self._fetch(start, min(self.count, start + PAGE_SIZE))
            self._pages[number] = page
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page

    def row(self, index: int) -> DrillRow | None:
        if not 0 <= index < self.count:
            raise IndexError(index)
        return self._page(index // PAGE_SIZE)[index % PAGE_SIZE]

    def rows(self, start: int = 0, stop: int | None = None) -> list[DrillRow | None]:
        stop = self.count if stop is None else min(stop, self.count)
        return [self.row(i) for i in range(max(0, start), stop)]

    def prefetch(self, rows: int = PAGE_SIZE) -> None:
        """Build the first ``rows`` records now (on the worker, so that the list paints at once)."""
        for number in range((min(rows, self.count) + PAGE_SIZE - 1) // PAGE_SIZE):
            self._page(number)


class _Built(DrillListing):
    """A listing of rows built at once (every KPI but the follow-ups': a few thousand records at most)."""

    def __init__(self, key: str, built: list[DrillRow]) -> None:
        super().__init__(key, len(built))
        self._built = built

    def _fetch(self, start: int, stop: int) -> list[DrillRow | None]:
        return list(self._built[start:stop])


class _FollowUpListing(DrillListing):
    """Follow-ups by id; a page's rows are read by id when shown (``_follow_ups``' columns)."""

    def __init__(self, key: str, ids: array[int]) -> None:
        super().__init__(key, len(ids))
        self.ids = ids

    def _fetch(self, start: int, stop: int) -> list[DrillRow | None]:
        wanted = list(self.ids[start:stop])
        if not wanted:
            return []
        found = {
            fid: _follow_up_row(self.key, fid, cid, name, happened, ch, minutes, uid, summary)
            for fid, cid, name, happened, ch, minutes, uid, summary in _fetch(
                f"""SELECT f.id, cl.id, cl.name, f.happened_at, f.channel, f.duration_minutes, f.user_id,
                    substr(f.summary, 1, 80)
                FROM follow_up AS f JOIN client AS cl ON cl.id = f.client_id
                WHERE f.id IN ({", ".join("?" for _ in wanted)})""",
                wanted,
            )
        }
        return [found.get(fid) for fid in wanted]


def _follow_up_ids(key: str, period: Period, user_id: int | None) -> array[int]:
    """The ids of ``_follow_ups(key, period, user_id)``'s rows, in its order (by time, then id), from
    covering indexes: every follow-up of the range, minus those of soft-deleted clients (found through
    the small ``client_deleted_at`` index, as the KPI module counts them)."""
    lo, hi = period.start.isoformat(), period.end.isoformat()
    conditions = "f.happened_at >= ? AND f.happened_at < ?"
    params: list[object] = [lo, hi]
    if key == "activity_total":
        index = "follow_up_user_id_happened_at" if user_id is not None else "follow_up_happened_at"
    else:
        index = "follow_up_kpi_cover"
        channel = "call" if key == "call_minutes" else key.removeprefix("activity_")
        if channel not in CHANNELS:
            raise ValueError(f"unknown KPI key {key!r}")
        conditions += " AND f.channel = ?"
        params.append(channel)
    if user_id is not None:
        conditions += " AND f.user_id = ?"
        params.append(user_id)
    deleted = {
        fid
        for (fid,) in _fetch(
            f"""SELECT f.id FROM client AS cl CROSS JOIN follow_up AS f
            WHERE cl.deleted_at IS NOT NULL AND f.client_id = cl.id AND {conditions}""",
            params,
        )
    }
    ids = array("q")
    for (fid,) in raw_connection().execute(
        f"SELECT f.id FROM follow_up AS f INDEXED BY {index} WHERE {conditions} ORDER BY f.happened_at, f.id",
        params,
    ):
        if fid not in deleted:
            ids.append(fid)
    return ids


def listing(key: str, period: Period, user_id: int | None) -> DrillListing:
    """``rows(key, period, user_id)`` as a listing: the same records in the same order, the follow-ups
    read as ids (their rows built a page at a time when shown)."""
    if key.startswith("activity_") or key == "call_minutes":
        with database.atomic():  # one snapshot for the ids and the deleted clients' follow-ups
            return _FollowUpListing(key, _follow_up_ids(key, period, user_id))
    return _Built(key, rows(key, period, user_id))


def _mean(numbers: Sequence[float]) -> float | None:
    return sum(numbers) / len(numbers) if numbers else None


def _quantities(listed: Sequence[DrillRow]) -> list[float]:
    return [r.quantity for r in listed if r.quantity is not None]


def _amounts(listed: Sequence[DrillRow]) -> int:
    return sum(r.amount_cents or 0 for r in listed)


def _rounded_mean(listed: Sequence[DrillRow]) -> int | None:
    n = len(listed)
    return (2 * _amounts(listed) + n) // (2 * n) if n else None


def _share(listed: Sequence[DrillRow]) -> float | None:
    return sum(1 for r in listed if r.counted) / len(listed) if listed else None


def _median(listed: Sequence[DrillRow]) -> float | None:
    numbers = _quantities(listed)
    return float(statistics.median(numbers)) if numbers else None


AGGREGATES: dict[str, Callable[[Sequence[DrillRow]], Value]] = {
    "conversion_rate": _share,
    "repeat_rate": _share,
    "first_order_avg_cents": _rounded_mean,
    "follow_up_cycle_days_mean": lambda r: _mean(_quantities(r)),
    "follow_up_cycle_days_median": _median,
    "follow_ups_per_signed_client": lambda r: _mean(_quantities(r)),
    "call_minutes": lambda r: int(sum(_quantities(r))),
    "behaviour_score": lambda r: _mean(_quantities(r)),
    "resolution_days_mean": lambda r: _mean(_quantities(r)),
    "referral_conversion": _share,
}


def value(key: str, listed: Sequence[DrillRow]) -> Value:
    """The KPI value the rows give: their count, amount sum, share, mean or median."""
    if key in AGGREGATES:
        return AGGREGATES[key](listed)
    if key.endswith("_cents"):
        return _amounts(listed)
    return len(listed)
