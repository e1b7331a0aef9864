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
