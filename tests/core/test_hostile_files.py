"""Hostile files at open: each gives one coded sentence (``open_database``) and exit 2 with one line on
stderr (the command line), and leaves the file's bytes and modification time exactly as they were."""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_crm.cli import main
from desktop_crm.db import close_database, open_database
from desktop_crm.driver import sqlite3
from desktop_crm.errors import CrmError
from desktop_crm.migrations import LATEST_VERSION
from desktop_crm.models import Client
from desktop_crm.open_check import APPLICATION_ID
from desktop_crm.services.clients import create_client
from desktop_crm.storage_errors import DatabaseReadOnlyError

ROOT = Path(__file__).resolve().parents[2]


def _ours(path: Path, clients: int = 300) -> Path:
    open_database(path)
    for i in range(clients):
        create_client(name=f"客户 {i:04d} 有限公司", notes="x" * 200)
    close_database()
    return path


def random_bytes(path: Path) -> Path:
    path.write_bytes(random.Random(7).randbytes(64 * 1024))
    return path


def text_file(path: Path) -> Path:
    path.write_text("name,phone\n张三,123\n" * 50, encoding="utf-8")
    return path


def truncated(path: Path) -> Path:
    _ours(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])
    return path


def page_overwritten(path: Path) -> Path:
    _ours(path)
    conn = sqlite3.connect(path)
    (client_root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'client'").fetchone()
    conn.close()
    page_size = int.from_bytes(path.read_bytes()[16:18], "big")
    data = bytearray(path.read_bytes())
    pages = len(data) // page_size
    # Interior pages, one of the schema's neighbours, and the clients' table (which every reader reads;
    # pages are numbered from 1): wherever the schema's growth puts the other pages, reading finds damage.
    for page in (pages // 2, pages // 2 + 1, 2, client_root - 1):
        start = page * page_size
        data[start : start + page_size] = random.Random(page).randbytes(page_size)
    path.write_bytes(bytes(data))
    return path


def zero_length(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def folder(path: Path) -> Path:
    path.mkdir()
    return path


def foreign(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO photos (name) VALUES ('beach.jpg')")
    conn.commit()
    conn.close()
    return path


def foreign_with_id(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1196444237")  # a GeoPackage ("GPKG")
    conn.execute("PRAGMA user_version = 3")
    conn.execute("CREATE TABLE client (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    return path


def foreign_using_our_table_names(path: Path) -> Path:
    conn = sqlite3.connect(path)
    for table in ("user", "setting", "client", "follow_up", "contract"):
        conn.execute(f'CREATE TABLE "{table}" (id INTEGER PRIMARY KEY)')
    conn.commit()  # user_version 0: not a file of ours
    conn.close()
    return path


def newer(path: Path) -> Path:
    _ours(path, clients=1)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 3}")
    conn.commit()
    conn.close()
    return path


HOSTILE: dict[str, tuple[Callable[[Path], Path], str]] = {
    "random bytes": (random_bytes, "is not a database file"),
    "a text file": (text_file, "is not a database file"),
    "truncated": (truncated, "is damaged"),
    "a page overwritten": (page_overwritten, "damaged"),
    "zero length": (zero_length, "is empty (0 bytes)"),
    "a folder": (folder, "is a folder"),
    "another application's database": (foreign, "another application"),
    "another application's id": (foreign_with_id, "another application"),
    "our table names, not our file": (foreign_using_our_table_names, "another application"),
    "a newer version": (
        newer,
        f"schema {LATEST_VERSION + 3}, this version understands up to {LATEST_VERSION}",
    ),
}


def _snapshot(path: Path) -> object:
    if path.is_dir():
        return sorted(p.name for p in path.iterdir()), path.stat().st_mtime_ns
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(p.name for p in path.parent.iterdir())


@pytest.mark.parametrize("name", list(HOSTILE))
def test_open_database_refuses_with_a_coded_sentence_and_no_change(tmp_path: Path, name: str) -> None:
    build, phrase = HOSTILE[name]
    path = build(tmp_path / "crm.sqlite3")
    before = _snapshot(path)
    with pytest.raises(CrmError, match=re.escape(phrase)) as err:
        open_database(path)
    assert err.value.code.startswith("db.")
    assert "\n" not in str(err.value) and "Traceback" not in str(err.value)
    assert _snapshot(path) == before


@pytest.mark.parametrize("name", list(HOSTILE))
@pytest.mark.parametrize("command", [["check"], ["kpi", "--json"]])
def test_cli_says_one_sentence_exit_2_and_leaves_the_file(
    tmp_path: Path, name: str, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    build, phrase = HOSTILE[name]
    path = build(tmp_path / "crm.sqlite3")
    before = _snapshot(path)
    assert main(["--db", str(path), *command]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("desktop-crm: "), err
    assert phrase in err
    assert "Traceback" not in err
    assert _snapshot(path) == before


def test_a_page_overwritten_in_a_larger_file_is_caught_by_check_and_by_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Above the quick_check size limit: ``check`` still reports the damage as exit 2, and a query that
    reads a damaged page says "damaged" instead of printing SQLite's internals."""
    monkeypatch.setattr("desktop_crm.open_check.CLI_CHECK_LIMIT", 0)
    monkeypatch.setattr("desktop_crm.db.OPEN_CHECK_LIMIT", 0)
    path = page_overwritten(tmp_path / "crm.sqlite3")
    before = _snapshot(path)
    assert main(["--db", str(path), "check"]) == 2
    assert "damaged" in capsys.readouterr().err
    assert main(["--db", str(path), "dump"]) == 2
    out, err = capsys.readouterr()
    assert "damaged" in err and err.count("\n") == 1
    close_database()  # the command line's process would end here
    assert _snapshot(path)[:2] == before[:2]  # type: ignore[index]


def test_a_zero_length_file_starts_a_new_database_only_when_asked(tmp_path: Path) -> None:
    path = zero_length(tmp_path / "crm.sqlite3")
    db = open_database(path, allow_empty=True)
    try:
        assert db.execute_sql("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    finally:
        close_database()


def test_an_sqlite_file_without_tables_is_started_as_new(tmp_path: Path) -> None:
    path = tmp_path / "crm.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA page_size = 4096")
    conn.execute("VACUUM")
    conn.close()
    open_database(path)
    try:
        assert Client.select().count() == 0
    finally:
        close_database()


def test_new_databases_carry_the_application_id(db_path: Path) -> None:
    db = open_database(db_path)
    close_database()
    assert db is not None
    assert int.from_bytes(db_path.read_bytes()[68:72], "big") == APPLICATION_ID


def test_a_file_of_ours_from_before_the_id_is_recognised_and_stamped(db_path: Path) -> None:
    _ours(db_path, clients=2)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA application_id = 0")
    conn.commit()
    conn.close()
    open_database(db_path)
    try:
        assert Client.select().count() == 2
        assert Client._meta.database.execute_sql("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        close_database()


def test_a_legacy_file_with_a_damaged_page_is_not_stamped(tmp_path: Path) -> None:
    """Opening writes the id into a legacy file: never before SQLite's check passed."""
    path = tmp_path / "crm.sqlite3"
    page_overwritten(path)
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA application_id = 0")
        conn.commit()
    except sqlite3.DatabaseError:
        pytest.skip("SQLite refused to write the damaged file in preparation")
    finally:
        conn.close()
    before = _snapshot(path)
    with pytest.raises(CrmError, match="damaged"):
        open_database(path)
    assert _snapshot(path) == before


# --- read-only files and folders ------------------------------------------------------------------


def _as_reader(monkeypatch: pytest.MonkeyPatch, unwritable: set[str]) -> None:
    """Pretend these paths are not writable (root writes everything; SQLite follows mode=ro anyway)."""
    real = os.access

    def access(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        if mode & os.W_OK and str(Path(str(path)).resolve()) in unwritable:
            return False
        return real(path, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("desktop_crm.open_check.os.access", access)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_file_or_folder_opens_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, what: str
) -> None:
    path = _ours(tmp_path / "crm.sqlite3", clients=3)
    _as_reader(monkeypatch, {str(path.resolve()) if what == "file" else str(tmp_path.resolve())})
    before = _snapshot(path)
    db = open_database(path)
    try:
        assert db.crm_read_only
        assert Client.select().count() == 3
        with pytest.raises(DatabaseReadOnlyError, match="read-only") as err:
            create_client(name="新客户")
        assert err.value.code == "db.read_only"
    finally:
        close_database()
    assert path.read_bytes() == before[0]  # type: ignore[index]


def test_read_only_at_the_sqlite_level_too(db_path: Path) -> None:
    """The connection itself is mode=ro: a write that bypasses the services is refused by SQLite."""
    _ours(db_path, clients=1)
    db = open_database(db_path, read_only=True)
    try:
        with pytest.raises(Exception, match="readonly"):
            db.execute_sql("DELETE FROM client")
        assert Client.select().count() == 1
    finally:
        close_database()


def test_a_read_only_file_needing_an_upgrade_is_refused(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_crm.db import migrate

    conn = sqlite3.connect(db_path, isolation_level=None)
    migrate(conn, target=1)
    conn.close()
    _as_reader(monkeypatch, {str(db_path.resolve())})
    before = db_path.read_bytes()
    with pytest.raises(CrmError, match="read-only and must be upgraded"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def _unprivileged() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("setpriv") is not None


@pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX permissions")
@pytest.mark.parametrize("command", [["check"], ["kpi", "--json"], ["users", "--json"]])
@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_really_read_only_file_through_the_command_line(
    tmp_path_factory: pytest.TempPathFactory, what: str, command: list[str]
) -> None:
    """Real permissions: as an unprivileged user (root drops to nobody with setpriv), ``kpi`` reads a
    read-only file, and the file is not touched."""
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="crm-ro-"))
    try:
        os.chmod(base, 0o755)
        folder_ = base / "data"
        folder_.mkdir()
        path = _ours(folder_ / "crm.sqlite3", clients=2)
        os.chmod(path, 0o444 if what == "file" else 0o644)
        os.chmod(folder_, 0o777 if what == "file" else 0o555)
        before = _snapshot(path)
        prefix: list[str] = []
        if os.geteuid() == 0:
            if not _unprivileged():
                pytest.skip("root without setpriv: permissions cannot be tested")
            prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        env = dict(os.environ, DESKTOP_CRM_HOME=str(base / "home"), PYTHONPATH=str(ROOT))
        code = "import sys; from desktop_crm.cli import main; sys.exit(main(sys.argv[1:]))"
        run = subprocess.run(
            [*prefix, sys.executable, "-c", code, "--db", str(path), *command],
            capture_output=True,
            text=True,
            env=env,
            cwd=base,
            timeout=120,
        )
        if run.returncode != 0 and "No module named" in run.stderr:
            pytest.skip(f"the unprivileged user cannot import the package: {run.stderr.strip()}")
        assert run.returncode == 0, run.stderr
        assert run.stderr == f"desktop-crm: {path} is read-only: opened for reading only.\n"
        assert run.stdout.strip()
        assert "Traceback" not in run.stderr
        assert _snapshot(path)[:2] == before[:2]  # type: ignore[index]
    finally:
        os.chmod(base, 0o755)
        for p in base.rglob("*"):
            if p.is_dir():
                os.chmod(p, 0o755)
        shutil.rmtree(base, ignore_errors=True)
