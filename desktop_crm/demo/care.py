"""Demo data of old-client care (slice care), written after the clients, contacts and deals: referrals
(with one chain: A referred B, who signed), client dossiers with valid unified social credit codes and
public-information notes, contacts' birthdays (some in the coming week). First-contract anniversaries and
re-development candidates come from the deals already written; when no first contract has its
anniversary in the coming week, one old contract is moved onto such a day (its payments untouched).

Deterministic: everything derives from its own ``random.Random`` seeded from the demo seed. Bounded: at
most a few thousand rows of each kind, so the large demo stays fast."""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta

from ..credit_code import ALPHABET, check_character
from ..driver import sqlite3
from .names import GIVEN_1, GIVEN_2, SURNAMES

MAX_REFERRALS = 2_000
MAX_DOSSIERS = 3_000
MAX_BIRTHDAYS = 5_000
_REGIONS = ("110105", "310115", "440300", "330106", "320505", "510107", "420111", "370202", "350203")
_SCOPES = (
    "技术开发、技术咨询、技术服务；计算机软硬件及辅助设备销售；信息系统集成服务。",
    "机械设备、电气设备的研发、生产与销售；货物进出口；技术进出口。",
    "工业自动化控制系统研发与销售；仪器仪表销售；技术服务。",
    "医疗器械经营（凭许可证经营）；医疗设备租赁；技术咨询。",
    "新材料技术研发；化工产品销售（不含危险化学品）；普通货物仓储服务。",
)
_SOURCES = ("公司官网", "国家企业信用信息公示系统", "行业展会", "地方新闻", "招投标公告", "客户介绍")
_NOTES = (
    "中标市政项目，预计下半年扩大采购规模。",
    "新厂区二期开工，设备需求增加。",
    "更换了采购负责人，需重新建立联系。",
    "获评省级专精特新企业。",
    "完成新一轮融资，计划扩张产线。",
    "发布年度报告，营收同比增长。",
)
_REWARDS = (("购物卡", 50_000), ("免费培训一天", None), ("下次采购九五折", None), ("答谢礼品", 20_000))


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def credit_code_for(rng: random.Random) -> str:
    """A valid unified social credit code (9 1 = an enterprise registered with the market regulator)."""
    organisation = "".join(rng.choice("0123456789") for _ in range(8)) + rng.choice(ALPHABET)
    body = "91" + rng.choice(_REGIONS) + ("MA" + organisation[2:] if rng.random() < 0.4 else organisation)
    return body + check_character(body)


def _person(rng: random.Random) -> str:
    surname = rng.choice(SURNAMES)[0]
    return surname + (rng.choice(GIVEN_1) if rng.random() < 0.4 else rng.choice(GIVEN_2))


def write_care(conn: sqlite3.Connection, seed: int, today: date) -> dict[str, int]:
    """Write the care rows; returns the number of rows per table."""
    rng = random.Random(seed * 7919 + 11)
    counts = {
        "referral": _referrals(conn, rng, today),
        "client_dossier": 0,
        "dossier_note": 0,
    }
    counts["client_dossier"], counts["dossier_note"] = _dossiers(conn, rng, today)
    _birthdays(conn, rng, today)
    _anniversary(conn, today)
    return counts


def _first_contracts(conn: sqlite3.Connection) -> list[tuple[int, str, str]]:
    """(client id, first signing date, client created_at) of the alive clients with a contract."""
    return conn.execute(
        """SELECT c.id, min(k.signed_on), c.created_at FROM contract AS k JOIN client AS c ON c.id = k.client_id
           WHERE c.deleted_at IS NULL GROUP BY c.id ORDER BY c.id"""
    ).fetchall()


def _referrals(conn: sqlite3.Connection, rng: random.Random, today: date) -> int:
    signed = _first_contracts(conn)
    if len(signed) < 2:
        return 0
    clients = conn.execute(
        "SELECT id, created_at FROM client WHERE deleted_at IS NULL ORDER BY id"
    ).fetchall()
    wanted = min(MAX_REFERRALS, max(2, len(clients) // 12))
    rows: list[tuple[object, ...]] = []
    taken: set[int] = set()
    # The chain: A (signed first) referred B, who was created after A signed and signed too.
    by_sign = sorted(signed, key=lambda r: r[1])
    referrer = by_sign[0]
    for candidate in by_sign[1:]:
        if str(candidate[2])[:10] > referrer[1] and candidate[0] != referrer[0]:
            rows.append(_referral_row(rng, candidate[0], referrer[0], None, candidate[2], today, True))
            taken.add(candidate[0])
            break
    contacts = conn.execute(
        "SELECT id, client_id FROM contact WHERE deleted_at IS NULL ORDER BY id LIMIT 20000"
    ).fetchall()
    referrers = [r[0] for r in signed]
    signed_ids = {r[0] for r in signed}
    for client_id, created_at in rng.sample(clients, min(len(clients), wanted * 2)):
        if len(rows) >= wanted:
            break
        if client_id in taken:
            continue
        if rng.random() < 0.35 and contacts:
            contact_id, owner = rng.choice(contacts)
            if owner == client_id:
                continue
            rows.append(
                _referral_row(rng, client_id, None, contact_id, created_at, today, client_id in signed_ids)
            )
        else:
            source = rng.choice(referrers)
            if source == client_id:
                continue
            rows.append(
                _referral_row(rng, client_id, source, None, created_at, today, client_id in signed_ids)
            )
        taken.add(client_id)
    conn.executemany(
        """INSERT INTO referral (uuid, created_at, updated_at, client_id, referrer_client_id, referrer_contact_id,
           reward_promised, reward_promised_cents, reward_given, reward_given_cents, reward_given_on, notes)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        rows,
    )
    return len(rows)


def _referral_row(
    rng: random.Random,
    client_id: int,
    referrer_client: int | None,
    referrer_contact: int | None,
    created_at: object,
    today: date,
    signed: bool,
) -> tuple[object, ...]:
    reward, cents = rng.choice(_REWARDS)
    given, given_cents, given_on = "", None, None
    if signed and rng.random() < 0.6:
        given, given_cents = reward, cents
        created = date.fromisoformat(str(created_at)[:10])
        given_on = min(today, created + timedelta(days=rng.randint(30, 120))).isoformat()
    stamp = str(created_at)
    return (
        _uuid(rng), stamp, stamp, client_id, referrer_client, referrer_contact, reward, cents, given,
        given_cents, given_on, "",
    )  # fmt: skip


def _dossiers(conn: sqlite3.Connection, rng: random.Random, today: date) -> tuple[int, int]:
    clients = conn.execute(
        "SELECT id, created_at FROM client WHERE deleted_at IS NULL ORDER BY id LIMIT ?", [MAX_DOSSIERS]
    ).fetchall()
    dossiers: list[tuple[object, ...]] = []
    notes: list[tuple[object, ...]] = []
    codes: set[str] = set()
    for client_id, created_at in clients:
        if rng.random() < 0.3:
            continue
        code = credit_code_for(rng)
        if code in codes:
            continue
        codes.add(code)
        founded = date(rng.randint(1993, min(2021, today.year - 1)), rng.randint(1, 12), rng.randint(1, 28))
        stamp = str(created_at)
        dossiers.append(
            (
                _uuid(rng), stamp, stamp, client_id, code, _person(rng),
                rng.choice((100, 300, 500, 1000, 2000, 5000, 10000)) * 1_000_000, founded.isoformat(),
                rng.choice(_SCOPES), rng.choice(("lt_20", "20_99", "100_299", "300_999", "1000_plus")),
                rng.choice(("lt_5m", "5m_50m", "50m_200m", "200m_1b", "1b_plus")),
            )
        )  # fmt: skip
        created = date.fromisoformat(stamp[:10])
        for _ in range(rng.choice((0, 1, 1, 2))):
            span = max(0, (today - created).days)
            noted = created + timedelta(days=rng.randint(0, span))
            notes.append(
                (_uuid(rng), f"{noted} 10:00:00", f"{noted} 10:00:00", client_id, noted.isoformat(),
                 rng.choice(_SOURCES), rng.choice(_NOTES))
            )  # fmt: skip
    conn.executemany(
        """INSERT INTO client_dossier (uuid, created_at, updated_at, client_id, credit_code, legal_representative,
           registered_capital_cents, founded_on, business_scope, headcount_band, revenue_band)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        dossiers,
    )
    conn.executemany(
        """INSERT INTO dossier_note (uuid, created_at, updated_at, client_id, noted_on, source, text)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
        notes,
    )
    return len(dossiers), len(notes)


def _birthdays(conn: sqlite3.Connection, rng: random.Random, today: date) -> None:
    contacts = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM contact WHERE deleted_at IS NULL ORDER BY id LIMIT ?", [MAX_BIRTHDAYS * 3]
        )
    ]
    updates: list[tuple[str, int]] = []
    for index, contact_id in enumerate(contacts):
        if index < 3:  # the first contacts' birthdays fall in the coming week (Today shows them)
            day = today + timedelta(days=1 + 2 * index)
        elif rng.random() < 0.3:
            day = date(2001, 1, 1) + timedelta(days=rng.randint(0, 364))
        else:
            continue
        year = rng.randint(1965, 1995)
        birthday = date(year, day.month, 28 if day.month == 2 and day.day == 29 else day.day)
        updates.append((birthday.isoformat(), contact_id))
        if len(updates) >= MAX_BIRTHDAYS:
            break
    conn.executemany("UPDATE contact SET birthday = ? WHERE id = ?", updates)


def _anniversary(conn: sqlite3.Connection, today: date) -> None:
    """Make sure a first contract has its anniversary in the coming week (Today lists it)."""
    window = {(today + timedelta(days=d)).strftime("%m-%d") for d in range(1, 7)}
    firsts = _first_contracts(conn)
    if any(on[5:10] in window and on[:4] < str(today.year) for _cid, on, _c in firsts):
        return
    for client_id, first_on, created_at in firsts:
        signed = date.fromisoformat(first_on)
        target = today + timedelta(days=5)
        try:
            moved = target.replace(
                year=signed.year - (1 if (target.month, target.day) > (signed.month, signed.day) else 0)
            )
        except ValueError:  # 29 February
            continue
        if moved.year >= today.year or str(created_at)[:10] > moved.isoformat():
            continue
        contract = conn.execute(
            "SELECT id FROM contract WHERE client_id = ? AND signed_on = ? ORDER BY id LIMIT 1",
            [client_id, first_on],
        ).fetchone()
        conn.execute("UPDATE contract SET signed_on = ? WHERE id = ?", [moved.isoformat(), contract[0]])
        return
