"""The window on a team database: ``--db postgresql://...`` is a URL, not a file (no lock, no backups, no
file check), File → Connect to team database…, the password asked once and kept in memory only, the
status bar and title naming the database without password, the last team URL remembered.

The tests that connect need a PostgreSQL server (``DESKTOP_CRM_TEST_PG``, as ``--engine postgresql``);
without one they are skipped."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop_crm.errors import CrmError
from ui import file_status, team_database
from ui.app import choose_database, parse_args
from ui.settings import AppSettings
from ui.team_database import TeamConnectDialog

SERVER = os.environ.get("DESKTOP_CRM_TEST_PG", "")
SHOTS = Path(os.environ.get("DESKTOP_CRM_SHOTS", "")) if os.environ.get("DESKTOP_CRM_SHOTS") else None


@pytest.fixture(autouse=True)
def _no_passwords() -> Iterator[None]:
    team_database.forget_passwords()
    yield
    team_database.forget_passwords()


def test_db_url_stays_a_url_and_its_password_stays_in_memory() -> None:
    args, _rest = parse_args(["--db", "postgresql://alice:s3cret@db.example:6543/crm"])
    assert args.db == "postgresql://alice@db.example:6543/crm"  # not Path("postgresql:/alice...")
    assert team_database.known_password(args.db) == "s3cret"
    args, _rest = parse_args(["--db", "crm.sqlite3"])
    assert args.db == Path("crm.sqlite3")


def test_the_last_team_url_is_remembered_without_password(tmp_path: Path) -> None:
    from ui.shell import remember_database

    settings = AppSettings()
    remember_database(settings, "postgresql://alice:s3cret@db.example:6543/crm")
    again = AppSettings()
    assert again.last_database == "postgresql://alice@db.example:6543/crm"
    assert again.last_team_url == "postgresql://alice@db.example:6543/crm"
    assert choose_database(None, again) == "postgresql://alice@db.example:6543/crm"
    stored = QSettings().allKeys()
    assert all("s3cret" not in str(QSettings().value(key)) for key in stored)
    remember_database(settings, tmp_path / "crm.sqlite3")
    assert AppSettings().last_database == str((tmp_path / "crm.sqlite3").resolve())
    assert AppSettings().last_team_url == "postgresql://alice@db.example:6543/crm"  # kept for the dialog


def test_the_connect_dialog_builds_the_url_and_keeps_the_password_apart(qtbot: QtBot) -> None:
    dialog = TeamConnectDialog(None, "postgresql://bob@team.local:5433/sales")
    qtbot.addWidget(dialog)
    assert (dialog.host_edit.text(), dialog.port_spin.value()) == ("team.local", 5433)
    assert (dialog.database_edit.text(), dialog.user_edit.text()) == ("sales", "bob")
    dialog.password_edit.setText("pw with spaces")
    dialog.database_edit.setText("销售 crm")
    assert dialog.url() == "postgresql://bob@team.local:5433/%E9%94%80%E5%94%AE%20crm"
    assert dialog.password() == "pw with spaces"
    assert "pw" not in dialog.url()
    dialog.database_edit.setText("  ")
    dialog.accept()
    assert dialog.result() == 0 and dialog.error_label.text() == "Enter the name of the database."


def test_password_required_asks_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_crm import postgres
    from desktop_crm.postgres import TeamDatabaseError

    tried: list[str | None] = []

    def fake_open(url: str, *, password: str | None = None, **_kw: Any) -> None:
        tried.append(password)
        if password != "right":
            raise TeamDatabaseError("team.password_required", url=url)

    asked: list[str] = []

    def fake_ask(_parent: object, target: str) -> str:
        asked.append(target)
        return "right" if len(asked) == 1 else "never asked twice"

    monkeypatch.setattr(postgres, "open_team_database", fake_open)
    monkeypatch.setattr(team_database, "ask_password", fake_ask)
    url = "postgresql://alice@db.example:5432/crm"
    assert team_database.open_team_or_error(None, url) == (url, None)
    assert tried == [None, "right"] and asked == [url]
    assert team_database.known_password(url) == "right"  # in memory for this run (a reconnection)

    tried.clear()
    asked.clear()
    team_database.forget_passwords()
    monkeypatch.setattr(team_database, "ask_password", lambda *_a: "wrong")
    opened, error = team_database.open_team_or_error(None, url)
    assert opened is None and isinstance(error, CrmError) and error.code == "team.password_required"
    assert tried == [None, "wrong"]  # asked once, then the refusal is shown
    assert team_database.known_password(url) is None


def _grab(widget: Any, name: str) -> None:
    if SHOTS is None:
        return
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_connect_dialog_in_both_languages(qtbot: QtBot, qapp: Any, lang: str) -> None:
    from ui import i18n

    if lang != "en":
        assert i18n.install_translators(qapp, lang)
    dialog = TeamConnectDialog(None, "postgresql://alice@team.local:5432/sales")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    hint = dialog.password_edit.placeholderText()
    if lang == "zh_CN":
        assert dialog.windowTitle() == "连接团队数据库"
        assert hint == "留空则使用 ~/.pgpass 或 PGPASSWORD"
    else:
        assert dialog.windowTitle() == "Connect to team database"
    assert dialog.sizeHint().width() <= 1280 and dialog.sizeHint().height() <= 720
    _grab(dialog, f"team-dialog-{lang}.png")


@pytest.fixture
def team_url() -> Iterator[str]:
    """A fresh empty database on the test server (dropped afterwards)."""
    if not SERVER:
        pytest.skip("needs a PostgreSQL server: DESKTOP_CRM_TEST_PG=postgresql://user@host:port")
    import psycopg2

    name = f"t_window_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(SERVER.rstrip("/") + "/postgres")
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    yield SERVER.rstrip("/") + "/" + name
    from desktop_crm.db import close_database

    close_database()
    admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def test_connect_from_the_file_menu_names_the_team_database(
    qtbot: QtBot, db: object, db_path: Path, team_url: str, monkeypatch: pytest.MonkeyPatch, modal: Any
) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(db_path, "en")
    qtbot.addWidget(window)
    opened: list[str] = []
    window.sig_database_opened.connect(opened.append)

    def answer(dialog: Any) -> int:
        if isinstance(dialog, TeamConnectDialog):
            host, port, name, user = team_database.url_parts(team_url)
            dialog.host_edit.setText(host)
            dialog.port_spin.setValue(port)
            dialog.database_edit.setText(name)
            dialog.user_edit.setText(user)
            dialog.password_edit.setText("typed-secret")
            return TeamConnectDialog.DialogCode.Accepted.value
        modal.seen.append((type(dialog).__name__, dialog.windowTitle(), ""))
        return 0

    monkeypatch.setattr("ui.prompts.run_modal", answer)
    window.team_action.trigger()
    target = team_database.build_url(*team_database.url_parts(team_url))
    assert opened == [target]
    assert window.db_path == target
    assert file_status.state().path == target and not file_status.state().read_only
    status = window.path_label.text()  # the full text (the label elides what it shows)
    assert status == f"Team database: {target}"
    assert window.windowTitle() == f"Desktop CRM — {target}"
    assert "typed-secret" not in window.windowTitle() + status
    assert team_database.known_password(target) == "typed-secret"  # trust auth ignored it; kept in memory
    assert file_status._lock is None  # no file lock for a team database
    # File → Backup… on a team database says where its backups come from, writes no file
    assert window.backups.backup_to_file() is None
    assert modal.seen[-1][1] == "Team database"
    assert file_status.start_integrity_check() is None
