"""Encryption at rest in the window (issue 17): File → Encrypt database…, Change passphrase…, Remove
encryption…, New encrypted database…, opening an encrypted file (the passphrase dialog, the keychain, the
command line's passphrase file), the key derivation off the GUI thread, the note on exports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop_crm import encryption, encryption_convert, keychain
from desktop_crm.db import close_database, open_database
from desktop_crm.driver import forget_key
from ui import encryption_ui, prompts
from ui.encryption_ui import PassphraseDialog
from ui.main_window import MainWindow

pytestmark = [
    pytest.mark.sqlite_only,
    pytest.mark.skipif(not encryption.available(), reason="SQLCipher is not installed"),
]

PASS = "correct horse battery"
NEW_PASS = "another long passphrase"


class PassphraseAnswers:
    """Stands in for ``prompts.run_modal``: a PassphraseDialog gets the queued entries typed in, one per
    OK click (None: Cancel), waiting for each check to end; every other dialog goes to ``modal``."""

    def __init__(self, qtbot: QtBot, modal: Any) -> None:
        self.qtbot = qtbot
        self.modal = modal
        self.entries: list[dict[str, str] | None] = []
        self.dialogs: list[str] = []  # the modes asked
        self.errors: list[str] = []  # what the dialog said after an OK that did not close it
        self.busy_seen: list[bool] = []  # the busy bar was shown while the check ran

    def __call__(self, dialog: QDialog) -> int:
        if not isinstance(dialog, PassphraseDialog):
            return int(self.modal(dialog))
        self.dialogs.append(dialog.mode)
        try:
            while self.entries:
                entry = self.entries.pop(0)
                if entry is None:
                    dialog.reject()
                    return QDialog.DialogCode.Rejected.value
                dialog.current_edit.setText(entry.get("current", ""))
                dialog.passphrase_edit.setText(entry.get("passphrase", ""))
                dialog.repeat_edit.setText(entry.get("repeat", entry.get("passphrase", "")))
                dialog.remember_check.setChecked(bool(entry.get("remember")))
                dialog.ok_button.click()
                if dialog.busy:
                    self.busy_seen.append(not dialog.busy_bar.isHidden())
                self.qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)
                if dialog.result() == QDialog.DialogCode.Accepted.value:
                    return QDialog.DialogCode.Accepted.value
                self.errors.append(dialog.error_label.text())
            return QDialog.DialogCode.Rejected.value
        finally:
            dialog.deleteLater()


@pytest.fixture
def answers(qtbot: QtBot, modal: Any, monkeypatch: pytest.MonkeyPatch) -> PassphraseAnswers:
    fake = PassphraseAnswers(qtbot, modal)
    monkeypatch.setattr(prompts, "run_modal", fake)
    monkeypatch.setattr(keychain, "available", lambda: False)
    monkeypatch.setattr(keychain, "load_passphrase", lambda _path: None)
    return fake


@pytest.fixture(autouse=True)
def _release_lock() -> Any:
    yield
    from ui.file_status import release_lock

    release_lock()


def make_window(qtbot: QtBot, db_path: Path | str) -> MainWindow:
    window = MainWindow(db_path, "en")
    qtbot.addWidget(window)
    window.update_status()
    window.show()
    qtbot.waitExposed(window)
    return window


def encrypted_copy(db_path: Path, tmp_path: Path) -> Path:
    """``db_path`` (open, populated) encrypted under PASS, its key forgotten; a plain empty database
    ``other.sqlite3`` is open instead. Returns the other database's path."""
    close_database()
    encryption_convert.encrypt_file(db_path, PASS)
    forget_key(db_path)
    other = tmp_path / "other.sqlite3"
    open_database(other)
    return other


def wait_converted(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.encryption.job is None, timeout=20_000)


def test_encrypt_from_the_file_menu(
    qtbot: QtBot, populated_db: object, db_path: Path, answers: PassphraseAnswers
) -> None:
    window = make_window(qtbot, db_path)
    assert window.encryption.encrypt_action.isVisible() and window.encryption.encrypt_action.isEnabled()
    assert not window.encryption.change_action.isVisible()
    assert window.encryption_label.isHidden()
    answers.entries[:] = [
        {"passphrase": "short", "repeat": "short"},
        {"passphrase": PASS, "repeat": PASS + "x"},
        {"passphrase": PASS},
    ]
    window.encryption.encrypt_action.trigger()
    wait_converted(qtbot, window)
    assert answers.dialogs == ["encrypt"]
    assert answers.errors == [
        "The passphrase must have at least 8 characters.",
        "The two passphrases differ.",
    ]
    assert encryption.is_encrypted(db_path)
    assert window.count_label.text() == "3 clients"  # reopened, still showing the data
    assert not window.encryption_label.isHidden()
    assert window.encryption.change_action.isVisible() and window.encryption.decrypt_action.isVisible()
    assert not window.encryption.encrypt_action.isVisible()
    assert "now encrypted" in window.statusBar().currentMessage()
    forget_key(db_path)
    with pytest.raises(Exception) as wrong:
        encryption.unlock(db_path, "not the passphrase")
    assert getattr(wrong.value, "code", "") == "db.wrong_passphrase"
    encryption.unlock(db_path, PASS)


def test_open_an_encrypted_file_asks_again_after_a_wrong_passphrase(
    qtbot: QtBot, populated_db: object, db_path: Path, tmp_path: Path, answers: PassphraseAnswers
) -> None:
    other = encrypted_copy(db_path, tmp_path)
    window = make_window(qtbot, other)
    assert window.count_label.text() == "0 clients"
    answers.entries[:] = [{"passphrase": "wrong passphrase"}, {"passphrase": PASS}]
    assert window.switch_database(db_path)
    assert answers.dialogs == ["open"]
    assert len(answers.errors) == 1 and "does not open" in answers.errors[0]
    assert answers.busy_seen == [True, True]  # the busy bar showed during each check
    assert window.count_label.text() == "3 clients"
    assert not window.encryption_label.isHidden()


def test_cancelling_the_passphrase_keeps_the_open_database(
    qtbot: QtBot, populated_db: object, db_path: Path, tmp_path: Path, answers: PassphraseAnswers, modal: Any
) -> None:
    other = encrypted_copy(db_path, tmp_path)
    window = make_window(qtbot, other)
    answers.entries[:] = [None]
    assert not window.switch_database(db_path)
    assert answers.dialogs == ["open"]
    assert modal.seen == []  # no error box: a cancel, as a cancelled file dialog
    assert Path(window.db_path) == other
    assert window.count_label.text() == "0 clients"


def test_the_key_derivation_does_not_block_the_gui_thread(
    qtbot: QtBot, populated_db: object, db_path: Path, tmp_path: Path
) -> None:
    encrypted_copy(db_path, tmp_path)
    dialog = PassphraseDialog(None, "open", db_path)
    qtbot.addWidget(dialog)
    ticks: list[bool] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(dialog.busy))
    timer.start()
    dialog.passphrase_edit.setText(PASS)
    dialog.ok_button.click()
    assert dialog.busy and not dialog.busy_bar.isHidden() and not dialog.ok_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15_000)
    timer.stop()
    assert dialog.result() == QDialog.DialogCode.Accepted.value
    assert sum(ticks) >= 3  # the event loop kept running while the key was derived
    assert not encryption.needs_passphrase(db_path)


def test_change_the_passphrase(
    qtbot: QtBot, populated_db: object, db_path: Path, tmp_path: Path, answers: PassphraseAnswers
) -> None:
    other = encrypted_copy(db_path, tmp_path)
    encryption.unlock(db_path, PASS)
    window = make_window(qtbot, other)
    assert window.switch_database(db_path)
    answers.entries[:] = [
        {"current": "not the current one", "passphrase": NEW_PASS},
        {"current": PASS, "passphrase": NEW_PASS},
    ]
    window.encryption.change_action.trigger()
    wait_converted(qtbot, window)
    assert answers.dialogs == ["change"]
    assert len(answers.errors) == 1 and "does not open" in answers.errors[0]
    assert window.count_label.text() == "3 clients"
    assert "passphrase was changed" in window.statusBar().currentMessage(), answers.modal.seen
    forget_key(db_path)
    encryption.unlock(db_path, NEW_PASS)


def test_remove_the_encryption(
    qtbot: QtBot, populated_db: object, db_path: Path, tmp_path: Path, answers: PassphraseAnswers, modal: Any
) -> None:
    other = encrypted_copy(db_path, tmp_path)
    encryption.unlock(db_path, PASS)
    window = make_window(qtbot, other)
    assert window.switch_database(db_path)
    modal.answer_yes()
    window.encryption.decrypt_action.trigger()
    wait_converted(qtbot, window)
    assert modal.titles == ["Remove encryption"]
    assert not encryption.is_encrypted(db_path)
    assert window.count_label.text() == "3 clients"
    assert window.encryption_label.isHidden()
    assert window.encryption.encrypt_action.isVisible()


def test_the_keychain_passphrase_opens_without_asking(
    qtbot: QtBot,
    populated_db: object,
    db_path: Path,
    tmp_path: Path,
    answers: PassphraseAnswers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = encrypted_copy(db_path, tmp_path)
    window = make_window(qtbot, other)
    monkeypatch.setattr(keychain, "load_passphrase", lambda _path: PASS)
    assert window.switch_database(db_path)
    assert answers.dialogs == []
    assert window.count_label.text() == "3 clients"


def test_a_stale_keychain_passphrase_falls_back_to_the_dialog(
    qtbot: QtBot,
    populated_db: object,
    db_path: Path,
    tmp_path: Path,
    answers: PassphraseAnswers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = encrypted_copy(db_path, tmp_path)
    window = make_window(qtbot, other)
    monkeypatch.setattr(keychain, "load_passphrase", lambda _path: "an old passphrase")
    answers.entries[:] = [{"passphrase": PASS}]
    assert window.switch_database(db_path)
    assert answers.dialogs == ["open"]


def test_the_passphrase_file_of_the_command_line(
    qtbot: QtBot,
    populated_db: object,
    db_path: Path,
    tmp_path: Path,
    answers: PassphraseAnswers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui.app import parse_args
    from ui.entry import starts_window

    other = encrypted_copy(db_path, tmp_path)
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\nignored\n", encoding="utf-8")
    argv = ["--db", str(db_path), "--passphrase-file", str(secret)]
    assert starts_window(argv)
    args, rest = parse_args(argv)
    assert args.passphrase_file == secret and rest == []
    assert encryption_ui.read_passphrase_file(secret) == PASS
    monkeypatch.setattr(encryption_ui, "_given", {})
    encryption_ui.give_passphrase(db_path, PASS)
    window = make_window(qtbot, other)
    assert window.switch_database(db_path)
    assert answers.dialogs == []
    assert window.count_label.text() == "3 clients"


def test_a_new_database_can_start_encrypted(
    qtbot: QtBot,
    db: object,
    db_path: Path,
    tmp_path: Path,
    answers: PassphraseAnswers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(qtbot, db_path)
    target = tmp_path / "secret.sqlite3"
    monkeypatch.setattr(prompts, "ask_database_path", lambda *_a, **_k: str(target))
    answers.entries[:] = [{"passphrase": PASS}]
    window.encryption.new_action.trigger()
    qtbot.waitUntil(lambda: Path(window.db_path) == target, timeout=10_000)
    assert answers.dialogs == ["new"]
    assert encryption.is_encrypted(target)
    assert not window.encryption_label.isHidden()
    close_database()
    forget_key(target)
    assert encryption.needs_passphrase(target)
    encryption.unlock(target, PASS)


def test_exports_from_an_encrypted_database_say_the_file_is_not_encrypted(
    qtbot: QtBot, populated_db: object, db_path: Path, tmp_path: Path, answers: PassphraseAnswers, modal: Any
) -> None:
    from ui.exporter import export_records

    assert encryption_ui.confirm_plain_export(None)  # a plain database: nothing asked
    assert modal.seen == []
    other = encrypted_copy(db_path, tmp_path)
    encryption.unlock(db_path, PASS)
    window = make_window(qtbot, other)
    assert window.switch_database(db_path)
    assert export_records(window, "clients") is None  # "No": nothing exported
    assert modal.titles == ["Export not encrypted"]
    assert "not be" in modal.seen[0][2]
    modal.answer_yes()
    assert encryption_ui.confirm_plain_export(window)
    assert encryption_ui.confirm_plain_export(window)  # once per database and session
    assert modal.titles == ["Export not encrypted", "Export not encrypted"]


def test_team_databases_offer_no_encryption(qtbot: QtBot, db: object, db_path: Path) -> None:
    window = make_window(qtbot, db_path)
    window.db_path = "postgresql://someone@server:5432/crm"
    window.encryption.update_actions()
    action = window.encryption.encrypt_action
    assert action.isVisible() and not action.isEnabled()
    assert "team database" in action.toolTip()


def test_restoring_a_backup_under_another_passphrase_asks_for_it(
    qtbot: QtBot, populated_db: object, db_path: Path, tmp_path: Path, answers: PassphraseAnswers, modal: Any
) -> None:
    import shutil

    from desktop_crm.services.clients import create_client

    backup = tmp_path / "elsewhere" / "old.sqlite3"
    backup.parent.mkdir()
    close_database()
    shutil.copy(db_path, backup)
    encryption_convert.encrypt_file(backup, NEW_PASS)
    forget_key(backup)
    open_database(db_path)
    create_client("新来的客户")
    window = make_window(qtbot, db_path)
    assert window.count_label.text() == "4 clients"
    answers.entries[:] = [{"passphrase": "not it at all"}, {"passphrase": NEW_PASS}]
    window.backups.restore_from(backup)
    qtbot.waitUntil(lambda: "Restore from backup" in modal.titles, timeout=20_000)
    assert answers.dialogs == ["open"]
    assert len(answers.errors) == 1
    assert window.count_label.text() == "3 clients", modal.seen


def test_remember_in_the_keychain_saves_the_passphrase_that_opened_the_file(
    qtbot: QtBot,
    populated_db: object,
    db_path: Path,
    tmp_path: Path,
    answers: PassphraseAnswers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved: list[tuple[str, str]] = []
    other = encrypted_copy(db_path, tmp_path)
    window = make_window(qtbot, other)
    monkeypatch.setattr(keychain, "available", lambda: True)
    monkeypatch.setattr(
        keychain, "save_passphrase", lambda path, text: saved.append((str(path), text)) or True
    )
    answers.entries[:] = [
        {"passphrase": "wrong passphrase", "remember": "yes"},
        {"passphrase": PASS, "remember": "yes"},
    ]
    assert window.switch_database(db_path)
    assert saved == [(str(db_path), PASS)]  # only the passphrase that opened it
