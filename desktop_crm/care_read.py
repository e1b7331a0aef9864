"""Read models of old-client care (plain data, no Qt): re-development candidates (二次开发), the coming
week's first-contract anniversaries and contacts' birthdays, a client's referrer and the clients a client
or contact brought, the dossier of a client, and the care settings.

Re-development candidates: alive clients (not lost) whose first contract was signed more than N months
ago and that have no alive opportunity created in the last M months (N and M in Settings, 6 and 3 by
default). Anniversaries and birthdays fall within the next 7 days, today included; a 29 February
anniversary or birthday is kept on 28 February in other years.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from .models import database
from .services.settings import get_setting

SIGNED_MONTHS_SETTING = "care.redevelop_signed_months"
QUIET_MONTHS_SETTING = "care.redevelop_quiet_months"
SEARCH_URL_SETTING = "care.web_search_url"
DEFAULT_SIGNED_MONTHS = 6
DEFAULT_QUIET_MONTHS = 3
DEFAULT_SEARCH_URL = "https://www.baidu.com/s?wd={query}"
REGISTRY_URL = "https://www.gsxt.gov.cn/index.html"  # 国家企业信用信息公示系统
MONTHS_RANGE = (1, 120)
UPCOMING_DAYS = 7


@dataclass(frozen=True)
class CareSettings:
    signed_months: int
    quiet_months: int
    search_url: str


@dataclass(frozen=True)
class Candidate:
    """A re-development candidate: signed long ago, no new opportunity lately."""

    client_id: int
    name: str
    grade: str
    owner_id: int | None
    first_signed_on: date
    last_signed_on: date
    last_contact_at: datetime | None
    last_opportunity_on: date | None


@dataclass(frozen=True)
class CareDate:
    """A first-contract anniversary (``kind`` "anniversary") or a contact's birthday ("birthday")."""

    kind: str
    on: date  # this year's occurrence, within the coming week
    client_id: int
    client_name: str
    contact_id: int | None
    contact_name: str
    years: int  # years since the first contract, or the age reached (0 when unknown)
    since: date  # the first contract's date, or the birthday


@dataclass(frozen=True)
class ReferralView:
    client_id: int
    referrer_client_id: int | None
    referrer_contact_id: int | None
    referrer_name: str  # the client's name, or "contact · client" for a contact
    referrer_owner_client_id: int  # the client to open for the referrer (the contact's client)
    reward_promised: str
    reward_promised_cents: int | None
    reward_given: str
    reward_given_cents: int | None
    reward_given_on: date | None
    notes: str


@dataclass(frozen=True)
class ReferredClient:
    """A client brought by a referrer, with how far it went."""

    client_id: int
    name: str
    via_contact: str  # the contact of the referrer who referred it, '' when the client itself did
    created_on: date
    first_signed_on: date | None
    reward_promised: str
    reward_promised_cents: int | None
    reward_given: str
    reward_given_cents: int | None
    reward_given_on: date | None


@dataclass(frozen=True)
class ReferrerChoice:
    client_id: int | None
    contact_id: int | None
    text: str


@dataclass(frozen=True)
class DossierNoteRow:
    id: int
    noted_on: date
    source: str
    text: str


@dataclass(frozen=True)
class Dossier:
    client_id: int
    client_name: str
    deleted: bool
    credit_code: str
    legal_representative: str
    registered_capital_cents: int | None
    founded_on: date | None
    business_scope: str
    headcount_band: str | None
    revenue_band: str | None
    phones: list[tuple[str, str]]  # (who, number): the client's, then its contacts'
    emails: list[tuple[str, str]]  # (who, address) of its contacts
    website: str
    notes: list[DossierNoteRow]


def _int_setting(key: str, default: int) -> int:
    value = get_setting(key, default)
    low, high = MONTHS_RANGE
    return (
        value if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high else default
    )


def care_settings() -> CareSettings:
    url = get_setting(SEARCH_URL_SETTING, DEFAULT_SEARCH_URL)
    return CareSettings(
        _int_setting(SIGNED_MONTHS_SETTING, DEFAULT_SIGNED_MONTHS),
        _int_setting(QUIET_MONTHS_SETTING, DEFAULT_QUIET_MONTHS),
        url if isinstance(url, str) and "{query}" in url else DEFAULT_SEARCH_URL,
    )


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _ts(value: Any) -> datetime | None:
    if value is None:
        return None
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def redevelopment_candidates(
    today: date, user_id: int | None = None, limit: int = 500, settings: CareSettings | None = None
) -> tuple[list[Candidate], int]:
    """The candidates owned by ``user_id`` (None = everyone), longest without a contract first, and
    their total number."""
    settings = settings or care_settings()
    signed_before = months_before(today, settings.signed_months).isoformat()
    quiet_since = months_before(today, settings.quiet_months).isoformat()
    where = """fc.first_on < ? AND c.deleted_at IS NULL AND c.status <> 'lost'
        AND NOT EXISTS (SELECT 1 FROM opportunity AS o WHERE o.client_id = c.id
                        AND o.deleted_at IS NULL AND o.created_at >= ?)"""
    params: list[object] = [signed_before, quiet_since]
    if user_id is not None:
        where += " AND c.owner_id = ?"
        params.append(user_id)
    source = f"""FROM (SELECT client_id, MIN(signed_on) AS first_on, MAX(signed_on) AS last_on
                       FROM contract GROUP BY client_id) AS fc
                 JOIN client AS c ON c.id = fc.client_id WHERE {where}"""
    total = database.execute_sql(f"SELECT count(*) {source}", params).fetchone()[0]
    rows = database.execute_sql(
        f"""SELECT c.id, c.name, c.grade, c.owner_id, fc.first_on, fc.last_on, c.last_contact_at,
                   (SELECT max(o.created_at) FROM opportunity AS o
                    WHERE o.client_id = c.id AND o.deleted_at IS NULL)
            {source} ORDER BY fc.last_on, c.id LIMIT ?""",
        [*params, limit],
    ).fetchall()
    result = [
        Candidate(r[0], r[1], r[2], r[3], _day(r[4]), _day(r[5]), _ts(r[6]), _day(r[7]) if r[7] else None)
        for r in rows
    ]
    return result, int(total)


def _window(today: date, days: int) -> dict[str, date]:
    """Month-day text ('MM-DD') → the date it falls on in the coming ``days`` days (29 February on
    28 February in a year without it)."""
    window: dict[str, date] = {}
    for offset in range(days):
        day = today + timedelta(days=offset)
        window[day.strftime("%m-%d")] = day
        if day.month == 2 and day.day == 28 and not calendar.isleap(day.year):
            window["02-29"] = day
    return window


def upcoming_dates(today: date, user_id: int | None = None, days: int = UPCOMING_DAYS) -> list[CareDate]:
    """First-contract anniversaries (a year or more) and contacts' birthdays in ``[today, today+days)``,
    of the alive clients owned by ``user_id`` (None = everyone), soonest first."""
    window = _window(today, days)
    marks = ",".join("?" for _ in window)
    owner = " AND c.owner_id = ?" if user_id is not None else ""
    extra: list[object] = [user_id] if user_id is not None else []
    result: list[CareDate] = []
    for cid, name, first_on in database.execute_sql(
        f"""SELECT c.id, c.name, fc.first_on
            FROM (SELECT client_id, MIN(signed_on) AS first_on FROM contract GROUP BY client_id) AS fc
            JOIN client AS c ON c.id = fc.client_id
            WHERE substr(fc.first_on, 6, 5) IN ({marks}) AND c.deleted_at IS NULL{owner}""",
        [*window, *extra],
    ):
        since = _day(first_on)
        on = window[since.strftime("%m-%d")]
        if on.year > since.year:
            result.append(CareDate("anniversary", on, cid, name, None, "", on.year - since.year, since))
    for kid, kname, cid, name, birthday in database.execute_sql(
        f"""SELECT k.id, k.name, c.id, c.name, k.birthday FROM contact AS k JOIN client AS c ON c.id = k.client_id
            WHERE k.birthday IS NOT NULL AND substr(k.birthday, 6, 5) IN ({marks})
              AND +k.deleted_at IS NULL AND c.deleted_at IS NULL{owner}""",
        [*window, *extra],
    ):
        since = _day(birthday)
        on = window[since.strftime("%m-%d")]
        result.append(CareDate("birthday", on, cid, name, kid, kname, max(0, on.year - since.year), since))
    result.sort(key=lambda d: (d.on, d.kind, d.client_name, d.contact_name))
    return result


def referral_of(client_id: int) -> ReferralView | None:
    row = database.execute_sql(
        """SELECT r.client_id, r.referrer_client_id, r.referrer_contact_id, rc.name, k.name, kc.id, kc.name,
                  r.reward_promised, r.reward_promised_cents, r.reward_given, r.reward_given_cents,
                  r.reward_given_on, r.notes
           FROM referral AS r LEFT JOIN client AS rc ON rc.id = r.referrer_client_id
           LEFT JOIN contact AS k ON k.id = r.referrer_contact_id LEFT JOIN client AS kc ON kc.id = k.client_id
           WHERE r.client_id = ?""",
        [client_id],
    ).fetchone()
    if row is None:
        return None
    if row[1] is not None:
        name, owner_client = row[3], row[1]
    else:
        name, owner_client = f"{row[4]} · {row[6]}", row[5]
    return ReferralView(
        row[0], row[1], row[2], name, owner_client, row[7], row[8], row[9], row[10],
        _day(row[11]) if row[11] else None, row[12],
    )  # fmt: skip


def _referred(where: str, params: list[object]) -> list[ReferredClient]:
    rows = database.execute_sql(
        f"""SELECT c.id, c.name, coalesce(k.name, ''), c.created_at,
                   (SELECT min(signed_on) FROM contract AS x WHERE x.client_id = c.id),
                   r.reward_promised, r.reward_promised_cents, r.reward_given, r.reward_given_cents,
                   r.reward_given_on
            FROM referral AS r JOIN client AS c ON c.id = r.client_id
            LEFT JOIN contact AS k ON k.id = r.referrer_contact_id
            WHERE c.deleted_at IS NULL AND ({where})
            ORDER BY c.created_at DESC, c.id DESC""",
        params,
    ).fetchall()
    return [
        ReferredClient(
            r[0],
            r[1],
            r[2],
            _day(r[3]),
            _day(r[4]) if r[4] else None,
            r[5],
            r[6],
            r[7],
            r[8],
            _day(r[9]) if r[9] else None,
        )  # fmt: skip
        for r in rows
    ]


def referred_by_client(client_id: int) -> list[ReferredClient]:
    """The clients this client brought, itself or through one of its contacts."""
    return _referred(
        "r.referrer_client_id = ? OR k.client_id = ?",
        [client_id, client_id],
    )


def referred_by_contact(contact_id: int) -> list[ReferredClient]:
    return _referred("r.referrer_contact_id = ?", [contact_id])


def referrer_choices(text: str, exclude_client_id: int, limit: int = 20) -> list[ReferrerChoice]:
    """Clients and contacts (of other alive clients) whose name holds ``text``, for the referrer picker."""
    needle = text.strip()
    if not needle:
        return []
    pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    result = [
        ReferrerChoice(cid, None, name)
        for cid, name in database.execute_sql(
            """SELECT id, name FROM client WHERE deleted_at IS NULL AND id <> ? AND name LIKE ? ESCAPE '\\'
               ORDER BY length(name), name LIMIT ?""",
            [exclude_client_id, pattern, limit],
        )
    ]
    result += [
        ReferrerChoice(None, kid, f"{kname} · {cname}")
        for kid, kname, cname in database.execute_sql(
            """SELECT k.id, k.name, c.name FROM contact AS k JOIN client AS c ON c.id = k.client_id
               WHERE k.deleted_at IS NULL AND c.deleted_at IS NULL AND c.id <> ? AND k.name LIKE ? ESCAPE '\\'
               ORDER BY length(k.name), k.name LIMIT ?""",
            [exclude_client_id, pattern, limit],
        )
    ]
    return result


def dossier_of(client_id: int) -> Dossier | None:
    """The client's dossier (empty facts when none was saved yet), or None when the client is unknown."""
    client = database.execute_sql(
        "SELECT id, name, deleted_at, phone, website FROM client WHERE id = ?", [client_id]
    ).fetchone()
    if client is None:
        return None
    facts = database.execute_sql(
        """SELECT credit_code, legal_representative, registered_capital_cents, founded_on, business_scope,
                  headcount_band, revenue_band FROM client_dossier WHERE client_id = ?""",
        [client_id],
    ).fetchone() or ("", "", None, None, "", None, None)
    phones: list[tuple[str, str]] = [(client[1], client[3])] if client[3] else []
    emails: list[tuple[str, str]] = []
    for name, phone, email in database.execute_sql(
        """SELECT name, phone, email FROM contact WHERE client_id = ? AND deleted_at IS NULL ORDER BY id""",
        [client_id],
    ):
        if phone:
            phones.append((name, phone))
        if email:
            emails.append((name, email))
    notes = [
        DossierNoteRow(nid, _day(day), source, text)
        for nid, day, source, text in database.execute_sql(
            "SELECT id, noted_on, source, text FROM dossier_note WHERE client_id = ? ORDER BY noted_on DESC, id DESC",
            [client_id],
        )
    ]
    return Dossier(
        client[0], client[1], client[2] is not None, facts[0], facts[1], facts[2],
        _day(facts[3]) if facts[3] else None, facts[4], facts[5], facts[6], phones, emails, client[4], notes,
    )  # fmt: skip


@dataclass(frozen=True)
class CareAgenda:
    """Today's care section: the re-development candidates and the coming week's dates."""

    candidates: list[Candidate]
    candidates_total: int
    dates: list[CareDate]
    settings: CareSettings  # the thresholds the candidates were chosen by (the section's tooltip)


def care_agenda(today: date, user_id: int | None = None, limit: int = 500) -> CareAgenda:
    settings = care_settings()
    candidates, total = redevelopment_candidates(today, user_id, limit, settings)
    return CareAgenda(candidates, total, upcoming_dates(today, user_id), settings)


def showcase_clients() -> tuple[int | None, int | None]:
    """(a client with a saved dossier and the most notes, the client whose referrals signed most): the
    clients the screenshots show."""
    dossier = database.execute_sql(
        """SELECT d.client_id FROM client_dossier AS d JOIN client AS c ON c.id = d.client_id
           WHERE c.deleted_at IS NULL AND d.credit_code <> ''
           ORDER BY (SELECT count(*) FROM dossier_note AS n WHERE n.client_id = d.client_id) DESC,
                    (SELECT count(*) FROM contact AS k WHERE k.client_id = d.client_id) DESC, d.client_id
           LIMIT 1"""
    ).fetchone()
    referrer = database.execute_sql(
        """SELECT r.referrer_client_id FROM referral AS r JOIN client AS c ON c.id = r.referrer_client_id
           WHERE c.deleted_at IS NULL GROUP BY r.referrer_client_id
           ORDER BY sum(EXISTS (SELECT 1 FROM contract AS k WHERE k.client_id = r.client_id)) DESC, count(*) DESC,
                    r.referrer_client_id
           LIMIT 1"""
    ).fetchone()
    return (dossier[0] if dossier else None, referrer[0] if referrer else None)
