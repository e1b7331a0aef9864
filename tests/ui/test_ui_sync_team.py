"""Sync with the team database in the window: File → Sync with team database… (the address asked, then the
result box), a password asked once and the sync tried again (kept in memory only), Sync now choosing the
team database when it was the file's last partner, and the automatic sync (silent when the server cannot be
reached, a status note when it worked, the conflict notice only when conflicts came, never two syncs at once).

``sync_team`` is replaced here (the interface suite runs without PostgreSQL); with ``DESKTOP_CRM_TEST_PG``
set, one test syncs the laptop file with a fresh team database on that server.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_crm.errors import CrmError
from desktop_crm.sync.exchange import ExportSummary, ImportSummary
from desktop_crm.sync.hub import TeamSync
from ui import i18n, prompts, sync_ui, team_database
from ui.main_window import MainWindow
from ui.sync_dialogs import TeamSyncDialog

TEAM = "postgresql://alice@team.local:5432/sales"
ACCEPTED = QDialog.DialogCode.Accepted.value
OPEN = QMessageBox.StandardButton.Open.value


def make_window(qtbot: QtBot, db_path: Path, lang: str = "en") -> MainWindow:
    window = MainWindow(db_path, lang)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def team_result(received: int = 3, applied: int = 2, conflicts: int = 0, sent: int = 5) -> TeamSync:
    return TeamSync(
        TEAM,
        imported=[
            ImportSummary(TEAM, "hub", received, applied, received - applied - conflicts, conflicts, 0)
        ],
        exported=ExportSummary("push.crmchanges", "laptop", sent, False),
        pushed=ImportSummary("push.crmchanges", "laptop", sent, sent, 0, 0, 0),
    )


@pytest.fixture(autouse=True)
def _passwords(monkeypatch: pytest.MonkeyPatch) -> None:
    """The passwords typed in a test stay in that test."""
    monkeypatch.setattr(team_database, "_passwords", {})


class FakeHub:
    """Stands in for ``sync_team``: records the calls; ``answer(url, password)`` is the result or raises."""

    def __init__(self, answer: Callable[[str, str | None], TeamSync]) -> None:
        self.answer = answer
        self.calls: list[tuple[str, str | None]] = []

    def __call__(self, url: str, *, password: str | None = None) -> TeamSync:
        self.calls.append((url, password))
        return self.answer(url, password)


def hub(monkeypatch: pytest.MonkeyPatch, answer: Callable[[str, str | None], TeamSync]) -> FakeHub:
    fake = FakeHub(answer)
    monkeypatch.setattr(sync_ui, "sync_team", fake)
    return fake


class Dialogs:
    """Stands in for ``prompts.run_modal``: fills the team database's address, types a password when
    asked, accepts; message boxes are recorded (class, title, text) and answered from ``answers``."""

    def __init__(self, password: str | None = None) -> None:
        self.password = password
        self.answers: list[int] = []
        self.seen: list[tuple[str, str, str]] = []

    def __call__(self, dialog: QDialog) -> int:
        text = dialog.text() if isinstance(dialog, QMessageBox) else ""
        if isinstance(dialog, QInputDialog):
            text = dialog.labelText()
        self.seen.append((type(dialog).__name__, dialog.windowTitle(), text))
        dialog.deleteLater()
        if isinstance(dialog, TeamSyncDialog):
            dialog.host_edit.setText("team.local")
            dialog.port_spin.setValue(5432)
            dialog.database_edit.setText("sales")
            dialog.user_edit.setText("alice")
            return ACCEPTED
        if isinstance(dialog, QInputDialog):
            if self.password is None:
                return 0
            dialog.setTextValue(self.password)
            return ACCEPTED
        return self.answers.pop(0) if self.answers else QMessageBox.StandardButton.Ok.value


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    recorder = Dialogs()
    monkeypatch.setattr(prompts, "run_modal", recorder)
    return recorder


def idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.sync.job is None, timeout=15_000)


def test_the_menu_asks_the_address_then_shows_what_went_and_came(
    qtbot: QtBot, populated_db: object, db_path: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = hub(monkeypatch, lambda url, password: team_result())
    window = make_window(qtbot, db_path)
    action = window.sync.team_action
    assert action in window.menuBar().actions()[0].menu().actions()
    assert action.isEnabled() and "team database" in action.toolTip()
    action.trigger()
    idle(qtbot, window)
    assert fake.calls == [(TEAM, None)]
    (kind, title, _), (box, result_title, text) = dialogs.seen
    assert (kind, title) == ("TeamSyncDialog", "Sync with team database")
    assert (box, result_title) == ("QMessageBox", "Sync with team database")
    assert text.splitlines() == [
        f"Synced with the team database {TEAM}.",
        "Records received: 3 (2 updated here, 1 already up to date).",
        "No conflicts: every change merged cleanly.",
        "Records sent: 5.",
    ]
    assert window.sync.team == TEAM
    assert re.fullmatch(
        rf"Synced with the team database {re.escape(TEAM)} at \d+:\d\d.*", window.statusBar().currentMessage()
    )
    assert window.sync.job is None and action.isEnabled()


def test_conflicts_that_came_open_the_list_from_the_result_box(
    qtbot: QtBot, populated_db: object, db_path: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = team_result(conflicts=3)  # two of them met on the team database, listed here too
    result.pushed = ImportSummary("push", "laptop", 5, 3, 0, 2, 0)
    hub(monkeypatch, lambda url, password: result)
    window = make_window(qtbot, db_path)
    dialogs.answers[:] = [OPEN]  # "Show conflicts…"
    window.sync.sync_with_team()
    idle(qtbot, window)
    text = dialogs.seen[-1][2]
    assert "Conflicts: 3 (the same field changed on two computers)." in text
    assert "Of the conflicts, 2 were met on the team database" in text
    assert window.sync.conflicts_dialog is not None and window.sync.conflicts_dialog.isVisible()
    window.sync.conflicts_dialog.close()


def test_a_password_is_asked_once_and_the_sync_tried_again_kept_in_memory_only(
    qtbot: QtBot,
    populated_db: object,
    db_path: Path,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    def answer(url: str, password: str | None) -> TeamSync:
        if password is None:
            raise CrmError("team.password_required", url=url)
        if password != "s3cret-pw":
            raise CrmError("team.auth_failed", url=url)
        return team_result()

    fake = hub(monkeypatch, answer)
    dialogs.password = "s3cret-pw"
    window = make_window(qtbot, db_path)
    window.sync.sync_with_team()
    qtbot.waitUntil(lambda: len(fake.calls) == 2 and window.sync.job is None, timeout=15_000)
    assert fake.calls == [(TEAM, None), (TEAM, "s3cret-pw")]
    kinds = [kind for kind, _title, _text in dialogs.seen]
    assert kinds == ["TeamSyncDialog", "QInputDialog", "QMessageBox"]
    assert f"The team database {TEAM} asks for a password." in dialogs.seen[1][2]
    assert team_database.known_password(TEAM) == "s3cret-pw"
    # the next sync uses it without asking
    monkeypatch.setattr(sync_ui, "remembered_team", lambda: TEAM)
    window.sync.sync_now()
    qtbot.waitUntil(lambda: len(fake.calls) == 3 and window.sync.job is None, timeout=15_000)
    assert fake.calls[-1] == (TEAM, "s3cret-pw")
    assert [kind for kind, _title, _text in dialogs.seen].count("QInputDialog") == 1
    window.settings.sync()
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"s3cret-pw" not in path.read_bytes(), path


def test_a_wrong_password_is_asked_once_then_told(
    qtbot: QtBot, populated_db: object, db_path: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    def answer(url: str, password: str | None) -> TeamSync:
        raise CrmError("team.auth_failed", url=url)

    fake = hub(monkeypatch, answer)
    dialogs.password = "wrong"
    window = make_window(qtbot, db_path)
    window.sync.sync_with_team()
    qtbot.waitUntil(lambda: len(dialogs.seen) == 3, timeout=15_000)
    idle(qtbot, window)
    assert fake.calls == [(TEAM, None), (TEAM, "wrong")]
    kind, title, text = dialogs.seen[-1]
    assert (kind, title) == ("QMessageBox", "Sync with team database")
    assert text == f"The team database {TEAM} refused the user name or password."
    assert team_database.known_password(TEAM) is None


def test_a_cancelled_password_stops_quietly(
    qtbot: QtBot, populated_db: object, db_path: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    def answer(url: str, password: str | None) -> TeamSync:
        raise CrmError("team.password_required", url=url)

    fake = hub(monkeypatch, answer)
    window = make_window(qtbot, db_path)
    window.sync.sync_with_team()
    qtbot.waitUntil(lambda: len(dialogs.seen) == 2, timeout=15_000)
    idle(qtbot, window)
    assert fake.calls == [(TEAM, None)]
    assert [kind for kind, _title, _text in dialogs.seen] == ["TeamSyncDialog", "QInputDialog"]
    assert window.statusBar().currentMessage() == ""


def test_sync_now_syncs_with_the_team_database_when_it_was_the_last_partner(
    qtbot: QtBot, populated_db: object, db_path: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = hub(monkeypatch, lambda url, password: team_result(received=0, applied=0, sent=0))
    monkeypatch.setattr(sync_ui, "remembered_team", lambda: TEAM)
    monkeypatch.setattr(sync_ui, "sync_folder", lambda folder: pytest.fail("the folder was synced"))
    window = make_window(qtbot, db_path)
    assert window.sync.sync_action.shortcut().toString() == "Ctrl+Shift+Y"
    window.sync.sync_action.trigger()
    idle(qtbot, window)
    assert fake.calls == [(TEAM, None)]
    _kind, title, text = dialogs.seen[-1]
    assert title == "Sync with team database"
    assert "Nothing new to send from this computer." in text
    assert "Records received: 0" in text


def test_sync_now_syncs_with_the_folder_when_no_team_database_was_the_last_partner(
    qtbot: QtBot, populated_db: object, db_path: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = hub(monkeypatch, lambda url, password: team_result())
    monkeypatch.setattr(sync_ui, "remembered_team", lambda: None)
    window = make_window(qtbot, db_path)
    window.sync.sync_now()
    idle(qtbot, window)
    assert fake.calls == []
    assert "every computer syncs with the same folder" in dialogs.seen[-1][2]  # the folder asked


def test_the_first_sync_now_offers_the_team_database_besides_the_folder(
    qtbot: QtBot, populated_db: object, db_path: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = hub(monkeypatch, lambda url, password: team_result())
    monkeypatch.setattr(sync_ui, "remembered_team", lambda: None)
    window = make_window(qtbot, db_path)
    dialogs.answers[:] = [QMessageBox.StandardButton.Yes.value]  # "Sync with team database…"
    window.sync.sync_now()
    qtbot.waitUntil(lambda: len(fake.calls) == 1 and window.sync.job is None, timeout=15_000)
    titles = [title for _kind, title, _text in dialogs.seen]
    assert titles == ["Sync", "Sync with team database", "Sync with team database"]  # asked, address, result
    assert fake.calls == [(TEAM, None)]


@pytest.fixture
def auto(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sync_ui, "remembered_team", lambda: TEAM)
    monkeypatch.setattr(sync_ui, "reachable", lambda team: True)


def test_a_server_that_does_not_answer_never_holds_the_database_worker(
    qtbot: QtBot,
    populated_db: object,
    db_path: Path,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
    auto: None,
) -> None:
    fake = hub(monkeypatch, lambda url, password: team_result())
    knocked: list[str] = []

    def silent(team: str) -> bool:
        knocked.append(team)
        return False

    monkeypatch.setattr(sync_ui, "reachable", silent)
    window = make_window(qtbot, db_path)
    window.sync.team = TEAM  # known from an earlier attempt
    assert window.sync.sync_team_automatically() is None  # a knock at the port, on a thread of its own
    qtbot.waitUntil(lambda: not window.sync._probing, timeout=15_000)
    assert knocked == [TEAM] and fake.calls == [] and window.sync.job is None
    assert window.statusBar().currentMessage() == "Team database not reachable — working offline"
    assert dialogs.seen == []
    # the server answers again: the sync runs
    monkeypatch.setattr(sync_ui, "reachable", lambda team: True)
    window.sync.sync_team_automatically()
    qtbot.waitUntil(lambda: len(fake.calls) == 1 and window.sync.job is None, timeout=15_000)
    assert window.statusBar().currentMessage().startswith(f"Synced with the team database {TEAM} at ")


def test_the_knock_answers_for_a_listening_port_only() -> None:
    import socket

    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        port = listening.getsockname()[1]
        assert sync_ui.reachable(f"postgresql://alice@127.0.0.1:{port}/sales")
    assert not sync_ui.reachable(f"postgresql://alice@127.0.0.1:{port}/sales")


def test_the_automatic_sync_is_silent_when_the_server_cannot_be_reached(
    qtbot: QtBot,
    populated_db: object,
    db_path: Path,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
    auto: None,
) -> None:
    def answer(url: str, password: str | None) -> TeamSync:
        raise CrmError("team.unreachable", url=url, reason="could not connect to server")

    fake = hub(monkeypatch, answer)
    window = make_window(qtbot, db_path)
    assert window.sync.sync_team_automatically() is not None
    idle(qtbot, window)
    assert fake.calls == [(TEAM, None)]
    assert dialogs.seen == []
    assert window.sync.notice is None
    assert window.statusBar().currentMessage() == "Team database not reachable — working offline"
    # a server asking for a password nobody is there to type: the same quiet note
    fake.answer = lambda url, password: (_ for _ in ()).throw(CrmError("team.password_required", url=url))
    window.sync.sync_team_automatically()
    qtbot.waitUntil(lambda: len(fake.calls) == 2 and window.sync.job is None, timeout=15_000)
    assert dialogs.seen == [] and window.sync.notice is None
    assert window.statusBar().currentMessage() == "Team database not reachable — working offline"


def test_the_automatic_sync_notes_the_time_and_shows_only_new_conflicts(
    qtbot: QtBot,
    populated_db: object,
    db_path: Path,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
    auto: None,
) -> None:
    results = iter([team_result(), team_result(conflicts=2)])
    fake = hub(monkeypatch, lambda url, password: next(results))
    window = make_window(qtbot, db_path)
    window.sync.sync_team_automatically()
    idle(qtbot, window)
    assert window.statusBar().currentMessage().startswith(f"Synced with the team database {TEAM} at ")
    assert window.sync.notice is None and dialogs.seen == []
    window.sync.sync_team_automatically()  # (the port knocked at first, now that the address is known)
    qtbot.waitUntil(lambda: len(fake.calls) == 2 and window.sync.job is None, timeout=15_000)
    notice = window.sync.notice
    assert notice is not None and notice.isVisible()
    assert "Conflicts: 2" in notice.text()
    assert dialogs.seen == []  # a notice, not a modal box
    notice.close()


def test_the_automatic_sync_never_overlaps_a_running_sync_and_follows_the_timer(
    qtbot: QtBot,
    populated_db: object,
    db_path: Path,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
    auto: None,
) -> None:
    fake = hub(monkeypatch, lambda url, password: team_result())
    monkeypatch.setattr(sync_ui, "TEAM_FIRST_MS", 50)
    monkeypatch.setattr(sync_ui, "TEAM_RETRY_MS", 50)
    window = make_window(qtbot, db_path)
    window.sync.start_watching()  # the folder's first look and, shortly after, the team database
    qtbot.waitUntil(lambda: len(fake.calls) == 1 and window.sync.job is None, timeout=15_000)
    assert window.sync.team_timer.isActive()
    assert window.sync.team_timer.interval() == sync_ui.TEAM_EVERY_MS
    # due while another sync runs: put off, then run once it ended
    window.sync.job = object()  # type: ignore[assignment]
    assert window.sync.sync_team_automatically() is None
    assert len(fake.calls) == 1
    window.sync._done()
    qtbot.waitUntil(lambda: len(fake.calls) == 2 and window.sync.job is None, timeout=15_000)
    assert dialogs.seen == []
    window.sync.watching = False
    window.sync.team_timer.stop()


def test_the_entry_is_disabled_on_a_team_database(
    qtbot: QtBot, populated_db: object, db_path: Path, dialogs: Dialogs
) -> None:
    window = make_window(qtbot, db_path)
    window.db_path = TEAM
    window.sync.update_actions()
    assert not window.sync.team_action.isEnabled()
    assert "Sync is for a database file" in window.sync.team_action.toolTip()
    assert window.sync.sync_with_team() is None and window.sync.sync_team_automatically() is None
    assert dialogs.seen == []


def test_the_dialog_and_the_result_read_in_chinese(
    qtbot: QtBot,
    qapp: QApplication,
    populated_db: object,
    db_path: Path,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    i18n.install_translators(qapp, "zh_CN")
    hub(monkeypatch, lambda url, password: team_result(conflicts=1))
    buttons: list[str] = []

    def look(dialog: QDialog) -> int:
        if isinstance(dialog, QMessageBox):
            buttons.extend(button.text() for button in dialog.buttons())
        return dialogs(dialog)

    monkeypatch.setattr(prompts, "run_modal", look)
    window = make_window(qtbot, db_path, "zh_CN")
    assert window.sync.team_action.text() == "与团队数据库同步(&W)…"
    window.sync.sync_with_team()
    idle(qtbot, window)
    (_, dialog_title, _), (_, box_title, text) = dialogs.seen
    assert dialog_title == box_title == "与团队数据库同步"
    assert f"已与团队数据库 {TEAM} 同步。" in text
    assert "查看冲突…" in buttons


# --- a real team database -----------------------------------------------------------------------------
@pytest.fixture
def team_server() -> Iterator[str]:
    """An empty database on the PostgreSQL server of ``DESKTOP_CRM_TEST_PG`` (the sync creates the
    schema), dropped afterwards."""
    server = os.environ.get("DESKTOP_CRM_TEST_PG")
    if not server:
        pytest.skip("a real team database needs DESKTOP_CRM_TEST_PG=postgresql://user@host:port")
    import psycopg2

    name = f"crm_ui_sync_{uuid.uuid4().hex[:10]}"
    admin = psycopg2.connect(server.rstrip("/") + "/postgres")
    admin.autocommit = True
    try:
        admin.cursor().execute(f'CREATE DATABASE "{name}"')
        yield f"{server.rstrip('/')}/{name}"
    finally:
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_a_laptop_syncs_with_a_real_team_database(
    qtbot: QtBot, populated_db: object, db_path: Path, team_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from urllib.parse import urlsplit

    parts = urlsplit(team_server)
    seen: list[tuple[str, str]] = []

    def run(dialog: QDialog) -> int:
        seen.append((dialog.windowTitle(), dialog.text() if isinstance(dialog, QMessageBox) else ""))
        dialog.deleteLater()
        if isinstance(dialog, TeamSyncDialog):
            dialog.host_edit.setText(parts.hostname or "localhost")
            dialog.port_spin.setValue(parts.port or 5432)
            dialog.database_edit.setText(parts.path.lstrip("/"))
            dialog.user_edit.setText(parts.username or "")
            return ACCEPTED
        return QMessageBox.StandardButton.Ok.value

    monkeypatch.setattr(prompts, "run_modal", run)
    window = make_window(qtbot, db_path)
    window.sync.sync_with_team()
    qtbot.waitUntil(lambda: len(seen) == 2 and window.sync.job is None, timeout=60_000)
    title, text = seen[-1]
    assert title == "Sync with team database", text
    assert f"Synced with the team database {team_server}." in text
    sent = re.search(r"Records sent: (\d+)\.", text)
    assert sent is not None and int(sent.group(1)) > 10, text
    # Sync now: with the team database again, nothing new either way
    window.sync.sync_now()
    qtbot.waitUntil(lambda: len(seen) == 3 and window.sync.job is None, timeout=60_000)
    title, text = seen[-1]
    assert title == "Sync with team database", text
    assert "Nothing new to send from this computer." in text
    assert window.sync.team == team_server
