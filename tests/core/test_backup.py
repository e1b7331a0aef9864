"""Backups: verified copies, the rotation, restore validation, pre-migration and pre-restore copies."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from desktop_crm import backup
from desktop_crm.backup import create_backup, list_backups, prune_backups, save_retention
from desktop_crm.clock import FrozenClock
from desktop_crm.db import close_database, migrate, open_database
from desktop_crm.driver import sqlite3
from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.migrations import LATEST_VERSION
from desktop_crm.restore import restore_backup, validate_backup_file


def _client_names(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM client ORDER BY id")]
    finally:
        conn.close()


def _quick_check(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA quick_check").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def crm(db_path: Path) -> Path:
    """A database file with two clients, closed again."""
    from desktop_crm.models import Client, User

    open_database(db_path)
    owner = User.create(name="王晓明")
    Client.create(name="上海华东精密机械", owner=owner)
    Client.create(name="Acme GmbH", owner=owner)
    close_database()
    return db_path


def _add_client(path: Path, name: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO client (uuid, created_at, updated_at, name, short_name, status, value_verdict, grade, "
        "expected_amount_cents, owner_id, source, industry, region, phone, address, website, notes) "
        "VALUES (?, '2026-01-01', '2026-01-01', ?, '', 'lead', 'uncertain', 'B', 0, 1, '', '', '', '', '', "
        "'', '')",
        (name, name),
    )
    conn.commit()
    conn.close()


def test_a_backup_is_a_checked_self_contained_copy_with_every_commit(crm: Path, clock: FrozenClock) -> None:
    db = open_database(crm)  # open, with the last commit still in the WAL
    from desktop_crm.models import Client, User

    Client.create(name="北京中科信息", owner=User.get())
    info = create_backup(crm)
    close_database()
    assert info.path.parent == crm.parent / "backups"
    assert info.path.name.startswith(f"crm-{clock.now():%Y%m%d-%H%M%S}")
    assert info.kind == "daily" and info.schema_version == LATEST_VERSION
    assert _client_names(info.path) == ["上海华东精密机械", "Acme GmbH", "北京中科信息"]
    assert _quick_check(info.path) == "ok"
    assert not Path(f"{info.path}-wal").exists()
    assert info.path.read_bytes()[18:20] == b"\x01\x01"  # rollback journal, not WAL: one file
    assert [p.name for p in info.path.parent.iterdir()] == [info.path.name]  # no temporary left
    assert db is not None


def test_rotation_keeps_7_daily_4_weekly_12_monthly(
    crm: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup, "_fsync_file", lambda path: None)  # speed only: fsync is not tested here
    clock.set(datetime(2026, 1, 1, 18, 0))
    made: list[date] = []
    for day in range(400):  # a backup every 5th day for 13 months, then every day for 5 weeks
        if day % 5 == 0 or day >= 365:
            create_backup(crm)
            made.append(clock.today())
        clock.advance(days=1)
    last = made[-1]
    daily = {d for d in made if (last - d).days < 7}
    weekly_keys = sorted({d.isocalendar()[:2] for d in made}, reverse=True)[:4]
    weekly = {max(d for d in made if d.isocalendar()[:2] == k) for k in weekly_keys}
    month_keys = sorted({(d.year, d.month) for d in made}, reverse=True)[:12]
    monthly = {max(d for d in made if (d.year, d.month) == k) for k in month_keys}
    infos = list_backups(crm)
    assert {i.created.date() for i in infos} == daily | weekly | monthly
    assert len(infos) == len(daily | weekly | monthly)
    kinds = {i.created.date(): i.kind for i in infos}
    assert {d for d, k in kinds.items() if k == "daily"} == daily
    assert {d for d, k in kinds.items() if k == "weekly"} == weekly - daily
    assert {d for d, k in kinds.items() if k == "monthly"} == monthly - daily - weekly
    assert [i.created for i in infos] == sorted((i.created for i in infos), reverse=True)


def test_several_backups_a_day_keep_the_newest_and_retention_is_a_setting(
    crm: Path, clock: FrozenClock
) -> None:
    clock.set(datetime(2027, 3, 1, 9, 0))
    first = [create_backup(crm) for _ in range(3)]  # same second: distinct names, newest last
    assert [i.path for i in list_backups(crm)] == [b.path for b in reversed(first)]  # today's all kept
    clock.advance(days=1)
    create_backup(crm)  # a later day: only the newest of 1 March stays
    assert [i.path for i in list_backups(crm)][1:] == [first[-1].path]
    for _ in range(4):
        clock.advance(days=1)
        create_backup(crm)
    assert len(list_backups(crm)) == 6
    open_database(crm)
    try:
        with pytest.raises(ValidationError) as refused:
            save_retention({"daily": 0, "weekly": 0, "monthly": 0, "manual": 10})
        assert refused.value.field == "daily"
        with pytest.raises(ValidationError):
            save_retention({"daily": "3", "weekly": 0, "monthly": 0, "manual": 10})
        save_retention({"daily": 2, "weekly": 0, "monthly": 0, "manual": 10})
    finally:
        close_database()
    assert backup.read_retention(crm)["daily"] == 2
    clock.advance(days=1)
    create_backup(crm)
    assert [i.created.date() for i in list_backups(crm)] == [clock.today(), clock.today() - timedelta(days=1)]
    create_backup(crm)
    create_backup(crm)  # three today: the newest two of today (the daily number) stay, and yesterday's
    today, yesterday = clock.today(), clock.today() - timedelta(days=1)
    assert [i.created.date() for i in list_backups(crm)] == [today, today, yesterday]


def test_manual_and_safety_backups_are_kept_apart_from_the_rotation(crm: Path, clock: FrozenClock) -> None:
    for _ in range(12):
        create_backup(crm, tag="manual")
        create_backup(crm, tag="pre-migration")
        clock.advance(hours=1)
    kinds = [i.kind for i in list_backups(crm)]
    assert kinds.count("manual") == 10 and kinds.count("pre-migration") == backup.KEEP_SAFETY
    assert prune_backups(crm) == []


def test_a_corrupt_copy_never_replaces_an_older_backup(
    crm: Path, tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock.set(datetime(2027, 5, 3, 8, 0))
    older = create_backup(crm)
    chosen = tmp_path / "chosen.sqlite3"
    create_backup(crm, chosen)
    before = {p: p.read_bytes() for p in (older.path, chosen)}
    real_copy = backup.copy_database

    def corrupting_copy(source: Path, target: Path, progress: object = None) -> None:
        real_copy(source, target, progress)  # type: ignore[arg-type]
        data = bytearray(target.read_bytes())
        page = 4096
        data[page * 2 : page * 4] = b"\xff" * (page * 2)  # two b-tree pages of garbage
        target.write_bytes(bytes(data))

    monkeypatch.setattr(backup, "copy_database", corrupting_copy)
    _add_client(crm, "新客户")
    with pytest.raises(CrmError) as failed:
        create_backup(crm, chosen)
    assert failed.value.code == "backup.check_failed"
    for _ in range(8):  # a week of failing automatic backups deletes nothing
        clock.advance(days=1)
        with pytest.raises(CrmError):
            create_backup(crm)
    assert {p: p.read_bytes() for p in before} == before
    assert [i.path for i in list_backups(crm)] == [older.path]
    assert sorted(p.name for p in older.path.parent.iterdir()) == [older.path.name]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_cancelled_backup_leaves_nothing(crm: Path) -> None:
    with pytest.raises(backup.BackupCancelled):
        create_backup(crm, progress=lambda done, total: False)
    assert list(backup.backup_folder(crm).iterdir()) == []


def test_a_backup_cannot_overwrite_its_own_database(crm: Path) -> None:
    with pytest.raises(CrmError) as refused:
        create_backup(crm, crm)
    assert refused.value.code == "backup.same_file"
    assert _quick_check(crm) == "ok"


def test_a_backup_that_cannot_be_written_is_one_sentence(crm: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(CrmError) as refused:
        create_backup(crm, blocker / "copy.sqlite3")
    assert refused.value.code == "backup.cannot_write"
    assert str(blocker / "copy.sqlite3") in refused.value.message
    assert _quick_check(crm) == "ok"


def _foreign_db(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('dumplings')")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()


def _newer_db(source: Path, path: Path) -> None:
    create_backup(source, path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.commit()
    conn.close()


def _damaged_db(source: Path, path: Path) -> None:
    create_backup(source, path)
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 4] = b"\x00\x13" * 2048
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda src, p: p.write_bytes(bytes(range(256)) * 64), "restore.not_sqlite"),
        (lambda src, p: p.write_bytes(b""), "restore.not_sqlite"),
        (lambda src, p: _foreign_db(p), "restore.foreign"),
        (_newer_db, "restore.newer"),
        (_damaged_db, "restore.damaged"),
        (lambda src, p: p.mkdir(), "restore.not_a_file"),
        (lambda src, p: None, "restore.missing"),
    ],
    ids=["random-bytes", "empty", "another-application", "newer-version", "damaged", "folder", "missing"],
)
def test_restore_refuses_what_is_not_a_sound_backup_and_changes_nothing(
    crm: Path, tmp_path: Path, make: object, code: str
) -> None:
    bad = tmp_path / "bad.sqlite3"
    make(crm, bad)  # type: ignore[operator]
    before = crm.read_bytes()
    with pytest.raises(CrmError) as refused:
        restore_backup(crm, bad)
    assert refused.value.code == code
    assert crm.read_bytes() == before
    assert not backup.backup_folder(crm).exists() or list_backups(crm) == []
    assert [p.name for p in crm.parent.iterdir() if p.name.startswith(".")] == []


def test_restore_keeps_the_current_file_as_a_backup_first(crm: Path, clock: FrozenClock) -> None:
    saved = create_backup(crm)
    _add_client(crm, "恢复前的客户")
    clock.advance(minutes=5)
    prepared = restore_backup(crm, saved.path)
    assert _client_names(crm) == ["上海华东精密机械", "Acme GmbH"]
    assert prepared.kept is not None and prepared.kept.kind == "pre-restore"
    assert _client_names(prepared.kept.path)[-1] == "恢复前的客户"
    assert [i.kind for i in list_backups(crm)] == ["pre-restore", "daily"]
    assert validate_backup_file(crm) == LATEST_VERSION
    db = open_database(crm)  # opens and works as before
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    close_database()


def test_restore_replaces_a_damaged_database_and_keeps_its_bytes(crm: Path, tmp_path: Path) -> None:
    good = create_backup(crm, tmp_path / "good.sqlite3")
    data = bytearray(crm.read_bytes())
    data[4096 * 3 : 4096 * 4] = b"\x00\x13" * 2048
    crm.write_bytes(bytes(data))
    prepared = restore_backup(crm, good.path)
    assert _quick_check(crm) == "ok" and _client_names(crm) == ["上海华东精密机械", "Acme GmbH"]
    assert prepared.kept is not None and prepared.kept.path.read_bytes() == bytes(data)
    assert [i.kind for i in list_backups(crm)] == ["damaged"]
    assert backup.latest_restorable(crm) is None


def test_restore_refuses_a_database_that_another_program_has_open(crm: Path, tmp_path: Path) -> None:
    good = create_backup(crm, tmp_path / "good.sqlite3")
    other = sqlite3.connect(crm)
    other.execute("PRAGMA journal_mode = wal")
    other.execute("SELECT count(*) FROM client").fetchone()
    try:
        with pytest.raises(CrmError) as refused:
            restore_backup(crm, good.path)
        assert refused.value.code == "restore.in_use"
    finally:
        other.close()
    assert _quick_check(crm) == "ok"
    assert [p.name for p in crm.parent.iterdir() if p.name.startswith(".")] == []


def test_an_upgrade_is_preceded_by_a_backup_of_the_old_file(db_path: Path) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    migrate(conn, target=1)
    conn.close()
    _add_client_v1(db_path)
    open_database(db_path)
    close_database()
    infos = list_backups(db_path)
    assert [(i.kind, i.schema_version) for i in infos] == [("pre-migration", 1)]
    assert _client_names(infos[0].path) == ["杭州云帆科技有限公司"]
    open_database(db_path)  # already current: no second copy
    close_database()
    assert len(list_backups(db_path)) == 1


def _add_client_v1(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO user (uuid, created_at, updated_at, name, role, email, phone, active) "
        "VALUES ('u-1', '2024-01-01 09:00:00', '2024-01-01 09:00:00', '王磊', 'salesperson', '', '', 1)"
    )
    conn.execute(
        "INSERT INTO client (uuid, created_at, updated_at, name, short_name, status, value_verdict, grade, "
        "expected_amount_cents, owner_id, source, industry, region, phone, address, website, notes) "
        "VALUES ('c-1', '2024-02-01 10:00:00', '2024-02-01 10:00:00', '杭州云帆科技有限公司', '云帆', "
        "'lead', 'uncertain', 'A', 12345600, 1, '', '', '', '', '', '', '')"
    )
    conn.commit()
    conn.close()


def test_an_old_file_restored_is_upgraded_with_a_pre_migration_backup(crm: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(old, isolation_level=None)
    migrate(conn, target=1)
    conn.close()
    _add_client_v1(old)
    restore_backup(crm, old)
    open_database(crm)
    close_database()
    assert [i.kind for i in list_backups(crm)][:2] == ["pre-migration", "pre-restore"]
    assert _client_names(crm) == ["杭州云帆科技有限公司"]


def _cli(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_crm.cli", "--db", str(db), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_cli_backup_backups_and_restore(crm: Path, tmp_path: Path) -> None:
    made = _cli("backup", db=crm)
    assert made.returncode == 0, made.stderr
    chosen = tmp_path / "copy.sqlite3"
    assert _cli("backup", str(chosen), db=crm).returncode == 0
    assert _quick_check(chosen) == "ok"
    listed = _cli("backups", "--json", db=crm)
    rows = json.loads(listed.stdout)
    assert [sorted(r) for r in rows] == [["created", "kind", "path", "schema_version", "size_bytes"]]
    assert rows[0]["kind"] == "daily" and rows[0]["size_bytes"] == Path(rows[0]["path"]).stat().st_size
    table = _cli("backups", db=crm)
    assert "daily" in table.stdout and rows[0]["path"] in table.stdout
    _add_client(crm, "later")
    done = _cli("restore", str(chosen), db=crm)  # a script is not asked: the old file is kept
    assert done.returncode == 0, done.stderr
    assert _client_names(crm) == ["上海华东精密机械", "Acme GmbH"]
    kept = [i for i in list_backups(crm) if i.kind == "pre-restore"]
    assert len(kept) == 1 and _client_names(kept[0].path)[-1] == "later"
    assert str(kept[0].path) in done.stdout
    assert _cli("restore", str(chosen), "--yes", db=crm).returncode == 0
    (tmp_path / "other").mkdir()
    foreign = tmp_path / "other" / "recipes.sqlite3"
    _foreign_db(foreign)
    before = foreign.read_bytes()
    refused = _cli("backup", db=foreign)
    assert refused.returncode == 2 and "another application" in refused.stderr
    assert foreign.read_bytes() == before and not (tmp_path / "other" / "backups").exists()
    from desktop_crm import file_lock

    window_lock = file_lock.acquire(crm)  # as a window holding the file
    assert window_lock is not None
    try:
        busy = _cli("restore", str(chosen), db=crm)
    finally:
        window_lock.release()
    assert busy.returncode == 2 and "is open in a window" in busy.stderr
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"\x00" * 5000)
    bad = _cli("restore", str(junk), "--yes", db=crm)
    assert bad.returncode == 2 and "not a SQLite database" in bad.stderr and "Traceback" not in bad.stderr
