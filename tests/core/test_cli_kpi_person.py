"""The command line's dashboard parity: ``kpi --by-person`` is the per-person summary with its flag in one
call, the cards equal ``kpi --json`` for the same period and person, and ``kpi --user ""`` is an error."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from desktop_crm import dashboard
from desktop_crm.cli import main
from desktop_crm.db import close_database, open_database
from desktop_crm.kpi import Period
from desktop_crm.models import Client, Contract, FollowUp, User

JSON_KEYS = [
    "user",
    "user_id",
    "rank",
    "signed_amount_cents",
    "collected_amount_cents",
    "activity_call",
    "call_minutes",
    "activity_visit",
    "activity_total",
    "new_opportunity_value_cents",
    "new_clients",
    "won_count",
    "won_amount_cents",
    "lost_count",
    "lost_amount_cents",
    "conversion_rate",
    "behaviour_score",
    "busy_not_converting",
]
MARCH = Period(date(2025, 3, 1), date(2025, 4, 1), "month")


def _team(path: Path) -> None:
    """王磊 calls a lot and signs nothing; 陈静 signs a large contract; 李娜 does little and signs a small one."""
    open_database(path)
    busy, closer, quiet = (User.create(name=n).id for n in ("王磊", "陈静", "李娜"))
    for i in range(3):
        c = Client.create(name=f"busy {i}", owner=busy, created_at=f"2025-03-0{i + 1} 09:00:00")
        for d in range(4):
            FollowUp.create(
                client=c, user=busy, channel="call", happened_at=f"2025-03-1{d} 10:00:00", duration_minutes=5
            )
    c = Client.create(name="signed", owner=closer, created_at="2025-03-02 09:00:00")
    FollowUp.create(client=c, user=closer, channel="visit", happened_at="2025-03-04 10:00:00")
    Contract.create(client=c, signed_on="2025-03-20", amount_cents=880_00)
    q = Client.create(name="quiet", owner=quiet, created_at="2025-03-03 09:00:00")
    FollowUp.create(client=q, user=quiet, channel="sms", happened_at="2025-03-05 10:00:00")
    Contract.create(client=q, signed_on="2025-03-06", amount_cents=100)
    close_database()


def test_by_person_json_is_the_summary_with_the_flag(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _team(db_path)
    args = [
        "--db",
        str(db_path),
        "kpi",
        "--by-person",
        "--from",
        "2025-03-01",
        "--to",
        "2025-03-31",
        "--json",
    ]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["from"], data["to"]) == ("2025-03-01", "2025-03-31")
    people = data["people"]
    assert [p["user"] for p in people] == ["陈静", "李娜", "王磊"]
    assert all(list(p) == JSON_KEYS for p in people)
    by_name = {p["user"]: p for p in people}
    assert by_name["王磊"]["busy_not_converting"] is True
    assert (by_name["王磊"]["activity_call"], by_name["王磊"]["call_minutes"]) == (12, 60)
    assert (
        by_name["陈静"] | {"rank": 1} == by_name["陈静"] and by_name["陈静"]["signed_amount_cents"] == 88000
    )
    open_database(db_path)
    try:
        assert people == [r.to_json() for r in dashboard.person_summary(MARCH)]
    finally:
        close_database()
    # the month of --to by default; --user keeps that person's row
    assert (
        main(["--db", str(db_path), "kpi", "--by-person", "--by", "month", "--to", "2025-03-15", "--json"])
        == 0
    )
    assert json.loads(capsys.readouterr().out)["people"] == people
    assert (
        main(["--db", str(db_path), "kpi", "--by-person", "--to", "2025-03-15", "--user", "王磊", "--json"])
        == 0
    )
    assert json.loads(capsys.readouterr().out)["people"] == [by_name["王磊"]]


def test_by_person_table(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _team(db_path)
    assert main(["--db", str(db_path), "kpi", "--by-person", "--by", "month", "--to", "2025-03-31"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "2025-03-01 .. 2025-03-31"
    assert "busy, not converting" in lines[1]
    assert "陈静" in lines[2] and "880.00" in lines[2]
    assert "王磊" in lines[4] and lines[4].rstrip().endswith("yes")


def test_cards_equal_kpi_json_for_the_same_period_and_person(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _team(db_path)
    for user in (None, "陈静"):
        extra = ["--user", user] if user else []
        args = ["--db", str(db_path), "kpi", "--from", "2025-03-01", "--to", "2025-03-31", "--json", *extra]
        assert main(args) == 0
        period = json.loads(capsys.readouterr().out)["periods"][0]
        open_database(db_path)
        try:
            user_id = User.get(User.name == user).id if user else None
            for card in dashboard.cards(MARCH, user_id):
                assert card.value == period["values"][card.key]
                assert card.mom == period["mom"][card.key]
                assert card.yoy == period["yoy"][card.key]
        finally:
            close_database()


def test_empty_user_is_an_error_not_the_team(db_path: Path) -> None:
    _team(db_path)
    for extra in ([], ["--by-person"]):
        result = subprocess.run(
            [sys.executable, "-m", "desktop_crm.cli", "--db", str(db_path), "kpi", "--user", "", *extra],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 2
        assert (
            result.stderr.strip()
            == "desktop-crm: --user needs a salesperson's name; leave it out for the whole team."
        )
        assert result.stdout == ""
