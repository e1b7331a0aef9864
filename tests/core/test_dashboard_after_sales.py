"""The dashboard's after-sales cards (complaints opened/resolved, mean resolution days, referrals,
referral conversion) show exactly what ``desktop-crm kpi --json`` prints, with MoM/YoY and the right
direction of "better"."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from desktop_crm import clock as app_clock
from desktop_crm import dashboard
from desktop_crm.cli import main
from desktop_crm.db import close_database, open_database
from desktop_crm.kpi import period_containing

AFTER_SALES = (
    "complaints_opened",
    "complaints_resolved",
    "resolution_days_mean",
    "referrals",
    "referral_conversion",
)


def test_after_sales_cards_equal_kpi_json(
    tmp_path: Path, clock: app_clock.FrozenClock, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop_crm.demo import generate_demo

    path = tmp_path / "demo.sqlite3"
    generate_demo(path, size="small", seed=3, today=clock.today())
    assert set(AFTER_SALES) <= set(dashboard.CARD_KEYS)
    assert main(["--db", str(path), "kpi", "--by", "quarter", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)["periods"]
    open_database(path)
    try:
        seen = set()
        for row in printed[-4:]:
            period = period_containing("quarter", date.fromisoformat(row["start"]))
            cards = {c.key: c for c in dashboard.cards(period, None, AFTER_SALES)}
            for key in AFTER_SALES:
                assert cards[key].value == row["values"][key], (row["period"], key)
                assert cards[key].mom == row["mom"][key] and cards[key].yoy == row["yoy"][key]
                if row["values"][key] is not None:
                    seen.add(key)
        assert seen == set(AFTER_SALES)  # every card has a value in the demo's last year
    finally:
        close_database()
    assert dashboard._good("complaints_opened", "up") is False
    assert dashboard._good("resolution_days_mean", "down") is True
    assert dashboard._good("complaints_resolved", "up") is True


def test_after_sales_values_from_the_summary_reader_equal_the_kpi_module(
    tmp_path: Path, clock: app_clock.FrozenClock
) -> None:
    """``kpi_summary.values`` reads the after-sales KPIs with the KPI module's own queries (no full
    computation) and ``values_by_person`` per person: both equal ``compute_many`` for the team and each
    salesperson, months and quarters."""
    from desktop_crm import kpi_summary
    from desktop_crm.demo import generate_demo
    from desktop_crm.kpi import compute_many
    from desktop_crm.models import User

    path = tmp_path / "demo.sqlite3"
    generate_demo(path, size="small", seed=5, today=clock.today())
    open_database(path)
    try:
        today = clock.today()
        periods = [period_containing("month", today), period_containing("quarter", today)]
        periods += [p.previous() for p in periods]
        people = [u.id for u in User.select()]
        by_person = kpi_summary.values_by_person(periods, people, AFTER_SALES)
        team = compute_many(periods, None)
        assert any(team[p]["complaints_opened"] for p in periods)  # the check has something to compare
        assert any(team[p]["referrals"] for p in periods)
        for user_id in [None, *people]:
            expected = compute_many(periods, user_id)
            got = kpi_summary.values(periods, user_id, AFTER_SALES)
            for period in periods:
                want = {k: expected[period][k] for k in AFTER_SALES}
                assert got[period] == want, (user_id, period)
                if user_id is not None:
                    assert by_person[user_id][period] == want, (user_id, period)
    finally:
        close_database()
