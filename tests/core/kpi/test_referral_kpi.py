"""The referral KPIs (DOMAIN.md): ``referrals`` = clients created in P that record a referrer;
``referral_conversion`` = of those, the share whose first contract is signed before P ends. Hand-computed."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from kpi_builders import Builder

from desktop_crm.kpi import Period, compute
from desktop_crm.models import Client, Contact, database
from desktop_crm.models.care import Referral

MARCH = Period(date(2025, 3, 1), date(2025, 4, 1), "month")
Q1 = Period(date(2025, 1, 1), date(2025, 4, 1), "quarter")


def _referred(b: Builder, created: str, owner: int, referrer: int, deleted: str | None = None) -> int:
    client = b.client(created, owner, deleted)
    Referral.create(client=client, referrer_client=referrer)
    return client


def test_referrals_and_their_conversion_by_hand(build: Builder) -> None:
    b = build
    alice, bob = b.user("alice"), b.user("bob")
    old = b.client("2024-05-01 09:00:00", alice)  # the referrer, an old client
    # r1: March, Alice's, signed 2025-03-20 (before March ends): converted
    r1 = _referred(b, "2025-03-02 10:00:00", alice, old)
    b.contract(r1, "2025-03-20", 100_000)
    # r2: March, Alice's, first signed 2025-04-01 (the day March ends, exclusive): not converted in March
    r2 = _referred(b, "2025-03-31 23:59:00", alice, old)
    b.contract(r2, "2025-04-01", 50_000)
    # r3: March, Bob's, referred by a contact of the old client, never signed
    r3 = b.client("2025-03-15 08:00:00", bob)
    contact = Contact.create(client=old, name="李娜")
    Referral.create(client=r3, referrer_contact=contact)
    # r4: March but soft-deleted: counts nowhere
    r4 = _referred(b, "2025-03-10 08:00:00", alice, old, deleted="2025-03-11 08:00:00")
    b.contract(r4, "2025-03-12", 10_000)
    # r5: February, Alice's, signed in February
    r5 = _referred(b, "2025-02-10 08:00:00", alice, old)
    b.contract(r5, "2025-02-11", 10_000)
    # a March client without a referrer (not a referral)
    plain = b.client("2025-03-05 08:00:00", alice)
    b.contract(plain, "2025-03-06", 10_000)

    team = compute(MARCH)
    assert team["referrals"] == 3  # r1, r2, r3
    assert team["referral_conversion"] == 1 / 3  # r1 only
    assert team["new_clients"] == 4  # r1, r2, r3, plain

    mine = compute(MARCH, alice)
    assert (mine["referrals"], mine["referral_conversion"]) == (2, 0.5)
    bobs = compute(MARCH, bob)
    assert (bobs["referrals"], bobs["referral_conversion"]) == (1, 0.0)

    quarter = compute(Q1)
    assert quarter["referrals"] == 4  # r1, r2, r3, r5
    assert quarter["referral_conversion"] == 2 / 4  # r1 and r5 (r2 signs on 04-01, after Q1)

    # a referred client moved to Bob counts for Bob (attribution: the current owner)
    Client.update(owner=bob).where(Client.id == r1).execute()
    assert compute(MARCH, bob)["referrals"] == 2
    assert compute(MARCH, bob)["referral_conversion"] == 0.5


def test_no_referral_gives_zero_and_no_conversion(build: Builder) -> None:
    b = build
    b.client("2025-03-02 10:00:00", b.user("alice"))
    values = compute(MARCH)
    assert values["referrals"] == 0 and values["referral_conversion"] is None


def test_kpi_json_includes_the_referral_kpis(build: Builder, db_path: Path) -> None:
    b = build
    alice = b.user("alice")
    old = b.client("2024-05-01 09:00:00", alice)
    _referred(b, "2025-03-02 10:00:00", alice, old)
    out = subprocess.run(
        [sys.executable, "-m", "desktop_crm.cli", "--db", getattr(database.obj, "crm_url", None) or str(db_path), "kpi", "--json",
         "--from", "2025-03-01", "--to", "2025-03-31", "--by", "month"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    text = json.dumps(data)
    assert '"referrals": 1' in text and '"referral_conversion": 0.0' in text
