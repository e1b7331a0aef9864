"""The same records on SQLite and on a team database give exactly the same ``kpi --json``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from kpi_builders import Builder

from desktop_crm.cli import main
from desktop_crm.db import close_database, open_database

SERVER = os.environ.get("DESKTOP_CRM_TEST_PG")


def _fill() -> None:
    b = Builder()
    a, bo = b.user("alice"), b.user("bob")
    c1 = b.client("2025-01-10 09:00:00", a)
    b.follow_up(c1, a, "2025-01-15 10:00:00", "call", 10)
    b.follow_up(c1, bo, "2025-03-05 18:30:00", "wechat")
    b.follow_up(c1, a, "2025-03-20 11:00:00", "call", 5)
    k1 = b.contract(c1, "2025-03-05", 100_000)
    b.contract(c1, "2025-04-10", 50_000)
    i1 = b.instalment(k1, "2025-03-31", 50_000)
    b.instalment(k1, "2025-04-30", 50_000)
    b.payment(k1, "2025-03-28", 50_000, i1)
    b.opportunity(c1, a, "2025-02-10 09:00:00", 120_000, "won", "2025-03-05")
    c2 = b.client("2025-03-02 10:00:00", bo)
    b.follow_up(c2, bo, "2025-03-25 09:00:00", "email")
    k3 = b.contract(c2, "2025-03-12", 30_000)
    b.instalment(k3, "2025-03-15", 30_000)
    b.payment(k3, "2025-04-02", 30_000)
    b.opportunity(c2, bo, "2025-03-03 09:00:00", 25_000, "lost", "2025-03-31")
    c3 = b.client("2025-03-15 14:00:00", a)
    b.follow_up(c3, a, "2025-03-16 10:00:00", "call", 20)
    b.follow_up(c3, a, "2025-03-31 23:59:59", "sms")
    b.follow_up(c3, a, "2025-04-01 00:00:00", "meeting")
    b.opportunity(c3, a, "2025-03-16 12:00:00", 40_000)
    c5 = b.client("2025-03-08 09:00:00", a, deleted="2025-04-01 09:00:00")
    b.follow_up(c5, a, "2025-03-08 10:00:00", "call", 60)
    b.contract(c5, "2025-03-09", 999)


def _kpi(target: str, capsys: pytest.CaptureFixture[str], *extra: str) -> object:
    open_database(target)
    try:
        _fill()
    finally:
        close_database()
    results = []
    for by in ("month", "week"):
        args = ["--db", target, "kpi", "--json", "--from", "2025-01-01", "--to", "2025-04-30", "--by", by]
        capsys.readouterr()
        assert main([*args, *extra]) == 0
        results.append(json.loads(capsys.readouterr().out))
    return results


@pytest.mark.skipif(SERVER is None, reason="needs a PostgreSQL server: set DESKTOP_CRM_TEST_PG (CI does)")
@pytest.mark.parametrize("extra", [(), ("--user", "alice")])
def test_kpi_json_is_identical_on_both_engines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: tuple[str, ...]
) -> None:
    from team_server import build_template, fresh_database

    assert SERVER is not None
    on_sqlite = _kpi(str(tmp_path / "crm.sqlite3"), capsys, *extra)
    template = build_template(SERVER, f"engines{len(extra)}")
    with fresh_database(SERVER, template) as url:
        on_postgres = _kpi(url, capsys, *extra)
    assert on_sqlite == on_postgres
    text = json.dumps(on_sqlite)
    assert "100000" in text or "1000.0" in text or "1,000" in text  # the March signing is in there
