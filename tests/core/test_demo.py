"""The demo data: deterministic, consistent, and telling the story it promises."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop_crm.db import close_database, open_database
from desktop_crm.demo import DemoSummary, generate_demo
from desktop_crm.demo.context import COLUMNS
from desktop_crm.driver import sqlite3
from desktop_crm.errors import CrmError

TODAY = date(2025, 6, 18)  # a Wednesday


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (the model tables and the derived search table), in id order."""
    conn = sqlite3.connect(path)
    try:
        tables = [*COLUMNS, "client_search"]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary]:
    path = tmp_path_factory.mktemp("demo") / "small.sqlite3"
    summary = generate_demo(path, "small", seed=0, today=TODAY)
    return path, summary


@pytest.fixture
def conn(small: tuple[Path, DemoSummary]) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(small[0])
    yield connection
    connection.close()


def _one(conn: sqlite3.Connection, sql: str, *args: object) -> object:
    return conn.execute(sql, args).fetchone()[0]


def test_same_seed_and_today_give_identical_tables(small: tuple[Path, DemoSummary], tmp_path: Path) -> None:
    again = tmp_path / "again.sqlite3"
    generate_demo(again, "small", seed=0, today=TODAY)
    assert _dump(again) == _dump(small[0])
    other = tmp_path / "other.sqlite3"
    generate_demo(other, "small", seed=1, today=TODAY)
    first, second = _dump(small[0]), _dump(other)
    assert first["client"] != second["client"]
    assert {r[1] for r in first["follow_up"]}.isdisjoint({r[1] for r in second["follow_up"]})  # UUIDs


def test_timestamps_follow_today_not_the_clock(tmp_path: Path) -> None:
    path = tmp_path / "past.sqlite3"
    generate_demo(path, "small", seed=0, today=date(2020, 3, 4))
    conn = sqlite3.connect(path)
    try:
        for table in ("client", "follow_up", "next_step", "weekly_form", "goal", "payment"):
            latest = _one(conn, f'SELECT max(created_at) FROM "{table}"')
            assert str(latest) <= "2020-03-04 23:59:59", table
        assert _one(conn, "SELECT min(happened_at) FROM follow_up") >= "2018-09"  # 18 months of history
    finally:
        conn.close()


def test_row_counts(small: tuple[Path, DemoSummary], conn: sqlite3.Connection) -> None:
    counts = small[1].counts
    for table, count in counts.items():
        assert _one(conn, f'SELECT count(*) FROM "{table}"') == count, table
    assert counts["user"] == 3
    assert counts["client"] == 200
    assert 500 <= counts["contact"] <= 800
    assert 2500 <= counts["follow_up"] <= 3600
    assert counts["opportunity"] >= 60 and counts["contract"] >= 20
    assert counts["payment"] > 0 and counts["payment_instalment"] >= counts["contract"]
    for table in ("next_step", "goal", "goal_target", "goal_action", "weekly_form", "weekly_plan_item",
                  "weekly_score", "annotation", "stance_change", "custom_field_value", "client_milestone",
                  "handbook_entry", "client_tag", "follow_up_contact", "opportunity_contact"):  # fmt: skip
        assert counts[table] > 0, table
    assert _one(conn, "SELECT count(*) FROM client_search") == 200  # derived data rebuilt


def test_integrity(small: tuple[Path, DemoSummary], conn: sqlite3.Connection) -> None:
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    from desktop_crm.integrity import check_database

    db = open_database(small[0])
    try:
        assert check_database(db).problems == []
    finally:
        close_database()
    # The triggers that keep derived data current are back after the bulk load.
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"client_search_client_ai", "client_last_contact_ai"} <= triggers
    assert _one(conn, "SELECT count(*) FROM client WHERE last_contact_at IS NULL") == 0


def test_busy_salesperson_works_more_and_signs_less(conn: sqlite3.Connection) -> None:
    def stats(name: str) -> tuple[int, int, float]:
        user_id = _one(conn, 'SELECT id FROM "user" WHERE name = ?', name)
        follow_ups = _one(conn, "SELECT count(*) FROM follow_up WHERE user_id = ?", user_id)
        signed = _one(
            conn,
            "SELECT count(DISTINCT k.client_id) FROM contract k JOIN client c ON c.id = k.client_id "
            "WHERE c.owner_id = ?",
            user_id,
        )
        score = _one(
            conn,
            "SELECT avg(s.score) FROM weekly_score s JOIN weekly_form f ON f.id = s.form_id WHERE f.user_id = ?",
            user_id,
        )
        return int(follow_ups), int(signed), float(score)

    closer, busy = stats("王磊"), stats("陈静")
    assert busy[0] > closer[0] * 1.3
    assert busy[1] < closer[1]
    assert busy[2] < closer[2]
    roles = dict(conn.execute('SELECT name, role FROM "user"').fetchall())
    assert sorted(roles.values()) == ["salesperson", "salesperson", "supervisor"]
    supervisor = _one(conn, "SELECT id FROM \"user\" WHERE role = 'supervisor'")
    assert _one(conn, 'SELECT count(*) FROM "user" WHERE supervisor_id = ?', supervisor) == 2


def test_names_are_bilingual(conn: sqlite3.Connection) -> None:
    names = [r[0] for r in conn.execute("SELECT name FROM client")]
    assert any(n.endswith("有限公司") for n in names)
    assert any(n.isascii() for n in names)
    contacts = [r[0] for r in conn.execute("SELECT name FROM contact")]
    chinese = [n for n in contacts if not n.isascii()]
    assert any(len(n) == 2 for n in chinese) and any(len(n) == 3 for n in chinese)
    assert any(n.isascii() and " " in n for n in contacts)


def test_agenda_has_overdue_today_and_upcoming_steps(conn: sqlite3.Connection) -> None:
    today = TODAY.isoformat()

    def open_steps(condition: str) -> int:
        return int(_one(conn, f"SELECT count(*) FROM next_step WHERE done = 0 AND {condition}", today))

    assert open_steps("date(due_at) < ?") > 0
    assert open_steps("date(due_at) = ?") > 0
    assert open_steps("date(due_at) > ?") > 0
    # Chained: done steps are completed by a later follow-up of the same client.
    broken = _one(
        conn,
        "SELECT count(*) FROM next_step s JOIN follow_up a ON a.id = s.source_follow_up_id "
        "JOIN follow_up b ON b.id = s.completed_by_id "
        "WHERE s.done = 1 AND (b.happened_at < a.happened_at OR a.client_id != s.client_id "
        "OR b.client_id != s.client_id)",
    )
    assert broken == 0
    assert _one(conn, "SELECT max(happened_at) FROM follow_up") < today


def test_key_client_stakeholder_story(conn: sqlite3.Connection) -> None:
    rows = conn.execute(
        "SELECT c.client_id, c.role, c.stance, c.influence, c.reports_to_id, "
        "(SELECT max(f.happened_at) FROM follow_up_contact fc JOIN follow_up f ON f.id = fc.follow_up_id "
        " WHERE fc.contact_id = c.id) FROM contact c JOIN client k ON k.id = c.client_id "
        "WHERE k.grade = 'A' AND k.status = 'prospect'"
    ).fetchall()
    by_client: dict[int, list[tuple[object, ...]]] = {}
    for row in rows:
        by_client.setdefault(int(row[0]), []).append(row)
    stories = 0
    for people in by_client.values():
        coach = [p for p in people if p[1] == "coach" and p[2] == "ally"]
        opposed = [p for p in people if p[1] == "evaluator" and p[2] == "opponent"]
        neglected = [
            p for p in people
            if p[1] == "decision_maker" and p[2] == "neutral" and p[3] == "high" and p[5] and p[5] < "2025-03-20"
        ]  # fmt: skip
        if coach and opposed and neglected and all(p[4] for p in people[1:]):
            stories += 1
    assert stories >= 3
    assert _one(conn, "SELECT count(*) FROM stance_change WHERE new_stance = 'opponent'") > 0


def test_goal_tree_and_weekly_forms(conn: sqlite3.Connection) -> None:
    kinds = dict(conn.execute("SELECT kind, count(*) FROM goal GROUP BY kind").fetchall())
    assert {"year", "quarter", "month", "week", "event"} <= set(kinds)
    orphan_weeks = _one(
        conn,
        "SELECT count(*) FROM goal g JOIN goal p ON p.id = g.parent_id WHERE g.kind = 'week' AND p.kind != 'month'",
    )
    assert orphan_weeks == 0
    assert _one(conn, "SELECT count(*) FROM goal_target WHERE unit = 'cents' AND target_value > 0") > 0
    year, week, _ = TODAY.isocalendar()
    statuses = conn.execute(
        "SELECT status, count(*) FROM weekly_form WHERE iso_year = ? AND iso_week = ? GROUP BY status",
        (year, week),
    ).fetchall()
    assert statuses == [("draft", 2)]
    assert _one(conn, "SELECT count(*) FROM weekly_form WHERE status = 'scored'") > 100


def test_refuses_a_database_with_clients(small: tuple[Path, DemoSummary]) -> None:
    with pytest.raises(CrmError, match="already holds clients"):
        generate_demo(small[0], "small", today=TODAY)


def test_cancel_leaves_the_database_empty(db_path: Path) -> None:
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return len(calls) < 3

    with pytest.raises(CrmError, match="cancelled"):
        generate_demo(db_path, "small", today=TODAY, progress=progress)
    assert len(calls) == 3
    conn = sqlite3.connect(db_path)
    try:
        for table in COLUMNS:
            assert _one(conn, f'SELECT count(*) FROM "{table}"') == 0, table
        indexes = _one(conn, "SELECT count(*) FROM sqlite_master WHERE name = 'follow_up_uuid'")
        triggers = _one(conn, "SELECT count(*) FROM sqlite_master WHERE name = 'client_last_contact_ai'")
        assert (indexes, triggers) == (1, 1)
    finally:
        conn.close()
    summary = generate_demo(db_path, "small", today=TODAY)  # and it can still be filled afterwards
    assert summary.counts["client"] == 200


@pytest.mark.sqlite_only  # the demo writes through the SQLite bulk loader; a team database gets data by copy
def test_takes_an_open_database_and_leaves_it_open(db: object, db_path: Path) -> None:
    from desktop_crm.models import Client, database

    progress: list[tuple[int, int]] = []
    summary = generate_demo(db, "small", today=TODAY, progress=lambda d, t: progress.append((d, t)) or True)  # type: ignore[arg-type]
    assert summary.seconds < 3.0  # the first launch must not make anyone wait
    assert progress[-1][0] == progress[-1][1]
    assert database.obj is db and not database.is_closed()
    assert Client.select().count() == 200


def test_unknown_size_is_refused(db_path: Path) -> None:
    with pytest.raises(CrmError, match="Unknown demo size"):
        generate_demo(db_path, "huge")


def _schema(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        # The planner's statistics (sqlite_stat1, written when the data is complete) are not schema.
        return conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name"
        ).fetchall()
    finally:
        conn.close()


def test_bulk_mode_with_rebuilt_indexes_gives_the_same_file(
    small: tuple[Path, DemoSummary], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_crm.demo import generate

    monkeypatch.setattr(generate, "_REBUILD_INDEXES_FROM", 0)  # the large size's path, on small data
    cancelled = tmp_path / "cancelled.sqlite3"
    with pytest.raises(CrmError, match="cancelled"):
        generate_demo(cancelled, "small", today=TODAY, progress=lambda done, total: done == 0)
    assert _schema(cancelled) == _schema(small[0])  # every dropped index and trigger is back
    rebuilt = tmp_path / "rebuilt.sqlite3"
    generate_demo(rebuilt, "small", today=TODAY)
    assert _schema(rebuilt) == _schema(small[0])
    assert _dump(rebuilt) == _dump(small[0])


def _dumped(target: object) -> str:
    import io

    from desktop_crm.dump import dump_database

    db = open_database(target)  # type: ignore[arg-type]
    try:
        out = io.StringIO()
        dump_database(db, out)
        return out.getvalue()
    finally:
        close_database()


def test_the_demo_command_fills_an_empty_database_of_either_engine(
    db: object,
    db_path: Path,
    small: tuple[Path, DemoSummary],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``desktop-crm --db postgresql://... demo`` as ``--db FILE demo``: the same records (a team database
    gets them generated in a temporary file and copied), attachments included; a second run is refused
    with one sentence and exit 2."""
    from desktop_crm import cli
    from desktop_crm.models.attachments import Attachment
    from desktop_crm.services.attachments import attachment_file

    target = getattr(db, "crm_url", None) or db_path
    close_database()
    assert cli.main(["--db", str(target), "demo", "--today", TODAY.isoformat()]) == 0
    said = capsys.readouterr().out
    assert f"written to {target}" in said and "client" in said
    assert _dumped(target) == _dumped(small[0])
    monkeypatch.setenv("DESKTOP_CRM_HOME", str(tmp_path / "another computer"))  # no cached copies
    open_database(target)  # type: ignore[arg-type]
    try:
        first = Attachment.select().order_by(Attachment.id).first()
        assert attachment_file(first.id).stat().st_size == first.size_bytes
    finally:
        close_database()
    assert cli.main(["--db", str(target), "demo", "--today", TODAY.isoformat()]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if isinstance(target, str):
        assert "already holds records (table user): demo data goes only into an empty team database" in err
    else:
        assert "already holds clients" in err


def test_an_open_team_database_is_refused_with_a_coded_error(db: object) -> None:
    from desktop_crm.engine import is_postgres

    if not is_postgres(db):
        pytest.skip("a team database's open connection")
    with pytest.raises(CrmError) as caught:
        generate_demo(db, "small", today=TODAY)  # type: ignore[arg-type]
    assert caught.value.code == "demo.team_database_open"
    assert "desktop-crm copy demo.sqlite3" in caught.value.message
