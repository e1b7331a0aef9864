"""Re-development candidates and the coming week's anniversaries and birthdays (hand-built cases)."""

from __future__ import annotations

from datetime import date, datetime

from desktop_crm.care_read import care_agenda, months_before, redevelopment_candidates, upcoming_dates
from desktop_crm.models import Client, Contact, Contract, Opportunity, User
from desktop_crm.services.care_settings import set_care_settings


def _client(
    name: str, owner: User | None = None, created: str = "2020-01-01 09:00:00", **kw: object
) -> Client:
    return Client.create(name=name, owner=owner, created_at=created, **kw)


def test_months_before_keeps_the_day_or_the_months_end() -> None:
    assert months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert months_before(date(2028, 8, 31), 6) == date(2028, 2, 29)
    assert months_before(date(2027, 1, 15), 3) == date(2026, 10, 15)


def test_candidates_signed_long_ago_without_a_new_opportunity(db: object, clock: object) -> None:
    clock.set(datetime(2026, 6, 15, 9, 0))  # type: ignore[attr-defined]
    alice, bob = User.create(name="alice"), User.create(name="bob")
    old = _client("老客户", alice)
    Contract.create(client=old, signed_on="2025-12-14", amount_cents=100)  # 6 months and a day ago
    fresh = _client("新签客户", alice)
    Contract.create(client=fresh, signed_on="2025-12-15", amount_cents=100)  # exactly 6 months: not yet
    busy = _client("有新商机", alice)
    Contract.create(client=busy, signed_on="2024-01-10", amount_cents=100)
    Opportunity.create(client=busy, owner=alice, name="二期", created_at="2026-03-15 10:00:00")  # 3 months
    quiet = _client("商机已久", bob)
    Contract.create(client=quiet, signed_on="2024-01-10", amount_cents=100)
    Contract.create(client=quiet, signed_on="2025-01-10", amount_cents=100)
    Opportunity.create(client=quiet, owner=bob, name="旧商机", created_at="2026-03-14 23:00:00")
    gone = _client("已删除", alice, deleted_at="2026-01-01 00:00:00")
    Contract.create(client=gone, signed_on="2020-01-10", amount_cents=100)
    lost = _client("已流失", alice, status="lost")
    Contract.create(client=lost, signed_on="2020-01-10", amount_cents=100)
    _client("从未签约", alice)

    rows, total = redevelopment_candidates(date(2026, 6, 15))
    assert total == 2
    assert [r.name for r in rows] == ["商机已久", "老客户"]  # longest without a contract first
    assert rows[0].last_signed_on == date(2025, 1, 10) and rows[0].first_signed_on == date(2024, 1, 10)
    assert rows[0].last_opportunity_on == date(2026, 3, 14)
    assert [r.name for r in redevelopment_candidates(date(2026, 6, 15), alice.id)[0]] == ["老客户"]
    set_care_settings(3, 1, "https://www.baidu.com/s?wd={query}")
    names = {r.name for r in redevelopment_candidates(date(2026, 6, 15))[0]}
    assert names == {"老客户", "新签客户", "有新商机", "商机已久"}
    # Today's care section reads the thresholds with its agenda (on the worker, never on the GUI thread).
    agenda = care_agenda(date(2026, 6, 15))
    assert (agenda.settings.signed_months, agenda.settings.quiet_months) == (3, 1)
    assert {r.name for r in agenda.candidates} == names and agenda.candidates_total == len(names)


def test_anniversaries_and_birthdays_of_the_coming_week(db: object) -> None:
    today = date(2027, 2, 24)  # a Wednesday; the window is 24 Feb .. 2 Mar (2027 has no 29 Feb)
    alice, bob = User.create(name="alice"), User.create(name="bob")
    a = _client("一周年", alice)
    Contract.create(client=a, signed_on="2026-02-24", amount_cents=1)
    Contract.create(client=a, signed_on="2026-06-01", amount_cents=1)  # not the first contract
    b = _client("闰日签约", bob)
    Contract.create(client=b, signed_on="2024-02-29", amount_cents=1)  # kept on 28 Feb in 2027
    c = _client("刚签约", alice)
    Contract.create(client=c, signed_on="2027-02-25", amount_cents=1)  # not a year yet (and in the future)
    d = _client("窗口外", alice)
    Contract.create(client=d, signed_on="2020-03-03", amount_cents=1)  # 7 days ahead: outside
    e = _client("已删除", alice, deleted_at="2027-01-01 00:00:00")
    Contract.create(client=e, signed_on="2020-02-25", amount_cents=1)
    Contact.create(client=a, name="李娜", birthday="1990-03-02")
    Contact.create(client=b, name="王磊", birthday="1980-02-29")
    Contact.create(client=a, name="已删", birthday="1980-02-25", deleted_at="2027-01-01 00:00:00")
    Contact.create(client=a, name="没生日")

    found = upcoming_dates(today)
    assert [(x.kind, x.on, x.client_name, x.contact_name, x.years) for x in found] == [
        ("anniversary", date(2027, 2, 24), "一周年", "", 1),
        ("anniversary", date(2027, 2, 28), "闰日签约", "", 3),
        ("birthday", date(2027, 2, 28), "闰日签约", "王磊", 47),
        ("birthday", date(2027, 3, 2), "一周年", "李娜", 37),
    ]
    assert [x.client_name for x in upcoming_dates(today, bob.id)] == ["闰日签约", "闰日签约"]
    # in a leap year the 29th is its own day
    assert [x.on for x in upcoming_dates(date(2028, 2, 27)) if x.client_name == "闰日签约"] == [
        date(2028, 2, 29),
        date(2028, 2, 29),
    ]
