"""open_database: pragmas, migrations, version refusal, schema matching the models."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_crm.db import close_database, migrate, open_database, schema_version
from desktop_crm.driver import sqlite3
from desktop_crm.errors import CrmError, DatabaseVersionError
from desktop_crm.migrations import LATEST_VERSION, MIGRATIONS
from desktop_crm.models import ALL_MODELS, Client, User
from desktop_crm.open_check import APPLICATION_ID


def test_fresh_database_has_latest_schema_and_pragmas(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 1
        assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 1000
    finally:
        close_database()


@pytest.mark.sqlite_only  # the migrations' SQLite schema; the team schema is translated from it
def test_schema_matches_the_models(db: object) -> None:
    """Every model column exists in the migrated schema with the same nullability, and vice versa."""
    conn = Client._meta.database.connection()
    for model in ALL_MODELS:
        table = model._meta.table_name
        rows = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
        in_db = {r[1]: bool(r[3]) for r in rows}  # name -> notnull
        in_model = {f.column_name: not f.null for f in model._meta.sorted_fields}
        assert in_db == in_model, table
        declared = {idx for idx in model._meta.fields_to_index()}
        index_names = {r[1] for r in conn.execute(f'PRAGMA index_list("{table}")')}
        assert len(index_names) >= len(declared), table


def _build_version_1(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=1)
    assert schema_version(conn) == 1
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
    conn.close()


def test_upgrades_a_version_1_file_and_keeps_its_data(db_path: Path) -> None:
    _build_version_1(db_path)
    db = open_database(db_path)
    try:
        assert schema_version(db.connection()) == LATEST_VERSION
        client = Client.get(Client.uuid == "c-1")
        assert client.name == "杭州云帆科技有限公司"
        assert client.expected_amount_cents == 12345600
        assert client.owner.name == "王磊"
        indexes = {r[1] for r in db.execute_sql('PRAGMA index_list("follow_up")')}
        assert "follow_up_kpi_cover" in indexes
    finally:
        close_database()


def test_failed_migration_rolls_back_everything(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _build_version_1(db_path)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("boom")

    monkeypatch.setattr("desktop_crm.db.MIGRATIONS", [MIGRATIONS[0], broken])
    monkeypatch.setattr("desktop_crm.db.LATEST_VERSION", 2)
    with pytest.raises(CrmError):
        open_database(db_path)
    conn = sqlite3.connect(db_path)
    assert schema_version(conn) == 1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name='half_done'").fetchone() is None
    conn.close()


def test_newer_file_is_refused_and_not_modified(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # every version since 9 stamps it
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseVersionError, match="newer version"):
        open_database(db_path)
    assert db_path.read_bytes() == before
    assert not Path(str(db_path) + "-wal").exists()


def test_a_file_that_is_not_a_database_gets_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("this is a text file, not a database\n" * 100)
    with pytest.raises(CrmError, match="not a database"):
        open_database(bogus)


def test_models_are_bound_and_timestamps_set(db: object) -> None:
    user = User.create(name="陈静")
    assert len(user.uuid) == 36
    assert user.created_at == user.updated_at
    first = user.updated_at
    user.email = "chen@example.com"
    user.save()
    assert user.updated_at >= first
    assert User.get_by_id(user.id).uuid == user.uuid
