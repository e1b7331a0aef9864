"""``desktop-crm weekly``: the form as JSON (facts = ``kpi --json`` for that user and week), read-only,
one-sentence errors, and ``--pdf`` (an A4 PDF with the embedded Chinese font)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop_crm import clock
from desktop_crm.cli import main
from desktop_crm.db import close_database, open_database
from desktop_crm.kpi import KPI_KEYS
from desktop_crm.services.weekly import (
    add_plan_item,
    annotate,
    open_weekly_form,
    score_week,
    submit_weekly_form,
)

FORM_KEYS = {"status", "facts", "collections", "plan", "annotations", "score", "last_week", "user", "week"}


def _week_text(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _demo(db_path: Path) -> None:
    assert main(["--db", str(db_path), "demo"]) == 0


def test_weekly_json_matches_kpi_json(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _demo(db_path)
    last_monday = clock.today() - timedelta(days=clock.today().weekday() + 7)
    week = _week_text(last_monday)
    capsys.readouterr()
    assert main(["--db", str(db_path), "weekly", "--user", "王磊", "--week", week, "--json"]) == 0
    form = json.loads(capsys.readouterr().out)
    assert set(form) >= FORM_KEYS and set(form["last_week"]) >= FORM_KEYS
    assert form["week"] == week and form["user"] == "王磊"
    assert list(form["facts"]) == list(KPI_KEYS)
    day = last_monday.isoformat()
    args = [
        "--db",
        str(db_path),
        "kpi",
        "--by",
        "week",
        "--from",
        day,
        "--to",
        day,
        "--user",
        "王磊",
        "--json",
    ]
    assert main(args) == 0
    kpi = json.loads(capsys.readouterr().out)
    assert form["facts"] == kpi["periods"][0]["values"]
    received = sum(c["actual_cents"] for c in form["collections"]["last_week"])
    previous = (last_monday - timedelta(days=7)).isoformat()
    assert main([*args[:6], previous, "--to", previous, "--user", "王磊", "--json"]) == 0
    assert received == json.loads(capsys.readouterr().out)["periods"][0]["values"]["collected_amount_cents"]


def test_a_week_without_form_is_read_only(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _demo(db_path)
    future = _week_text(clock.today() + timedelta(days=21))
    db = open_database(db_path)
    before = db.execute_sql("SELECT COUNT(*) FROM weekly_form").fetchone()[0]
    close_database()
    capsys.readouterr()
    assert main(["--db", str(db_path), "weekly", "--user", "陈静", "--week", future, "--json"]) == 0
    form = json.loads(capsys.readouterr().out)
    assert form["status"] == "missing" and form["plan"] == [] and form["score"] is None
    db = open_database(db_path)
    assert db.execute_sql("SELECT COUNT(*) FROM weekly_form").fetchone()[0] == before
    close_database()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--user", "王磊", "--week", "2026-48"], "--week: not an ISO week"),
        (["--user", "王磊", "--week", "2025-W53"], "2025 has no ISO week 53"),
        (["--user", "Nobody", "--week", "2026-W10"], "no user named 'Nobody'"),
    ],
)
def test_bad_input_is_one_sentence(
    db_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    _demo(db_path)
    capsys.readouterr()
    assert main(["--db", str(db_path), "weekly", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_text_output_shows_the_review(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop_crm.models import User

    open_database(db_path)
    boss = User.create(name="Boss", role="supervisor")
    me = User.create(name="Li", supervisor=boss)
    form = open_weekly_form(me, 2026, 10)
    item = add_plan_item(form, 1, "Visit Acme")
    submit_weekly_form(form)
    annotate(form, boss, "Bring the quote", line=f"plan:{item.id}")
    score_week(form, boss, 88)
    close_database()
    assert main(["--db", str(db_path), "weekly", "--user", "Li", "--week", "2026-W10"]) == 0
    out = capsys.readouterr().out
    assert "status: scored" in out and "Bring the quote" in out and "score: 88" in out


def test_pdf(db_path: Path, tmp_path: Path) -> None:
    """In a fresh process (as a script would run it): the PDF exists, is a PDF and embeds the font."""
    _demo(db_path)
    out = tmp_path / "form.pdf"
    week = _week_text(clock.today() - timedelta(days=7))
    run = subprocess.run(
        [sys.executable, "-m", "desktop_crm.cli", "--db", str(db_path), "weekly", "--user", "王磊", "--week", week,
         "--pdf", str(out), "--language", "zh_CN"],
        capture_output=True, text=True, timeout=120, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"WenQuanYi" in data.replace(b"#20", b" ")
    assert not list(tmp_path.glob("*.tmp"))
