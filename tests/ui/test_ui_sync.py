"""Offline sync in the window: File → Sync now (the folder asked the first time), Sync conflicts… with Keep
mine / Keep theirs, Export changes… and Import changes…, a hostile file told in the interface language, the
entries disabled on a team database, and the folder watched (a sync when another computer's file changes,
nothing when only our own file does)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_crm.clock import FrozenClock
from desktop_crm.db import close_database, open_database
from desktop_crm.errors import CrmError
from desktop_crm.models import Client, User
from desktop_crm.sync.folder import sync_folder
from ui import i18n, labels, prompts, sync_ui
from ui.errors import error_text
from ui.main_window import MainWindow

OPEN = QMessageBox.StandardButton.Open.value
SHOTS = Path(os.environ["SYNC_SHOTS"]) if os.environ.get("SYNC_SHOTS") else None


def _on(path: Path) -> None:
    close_database()
    open_database(path)


def _phone(name: str) -> str | None:
    return Client.get(Client.name == name).phone


def _set_phone(name: str, phone: str) -> None:
    client = Client.get(Client.name == name)
    client.phone = phone
    client.save()


def make_window(qtbot: QtBot, db_path: Path, lang: str = "en") -> MainWindow:
    window = MainWindow(db_path, lang)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "shared"
    folder.mkdir()
    return folder


@pytest.fixture
def other(populated_db: object, db_path: Path, tmp_path: Path) -> Path:
    """A second laptop: a copy of the file made before either synced."""
    _set_phone("北京中科信息", "010-88886666")
    close_database()
    copy = tmp_path / "other.sqlite3"
    shutil.copyfile(db_path, copy)
    open_database(db_path)
    return copy


def _met(db_path: Path, other: Path, shared: Path, clock: FrozenClock) -> None:
    """Both laptops synced once with each other through ``shared``; ``db_path`` open again."""
    _on(other)
    sync_folder(shared)
    _on(db_path)
    sync_folder(shared)
    _on(other)
    sync_folder(shared)
    clock.advance(minutes=1)


def _conflicting_phones(db_path: Path, other: Path, shared: Path, clock: FrozenClock, *names: str) -> None:
    """This laptop changes the phones of ``names``, then the other laptop (later: its value is kept)."""
    _met(db_path, other, shared, clock)
    _on(db_path)
    for i, name in enumerate(names):
        _set_phone(name, f"1390000000{i}")
    clock.advance(minutes=5)
    _on(other)
    for i, name in enumerate(names):
        _set_phone(name, f"1881111111{i}")
    sync_folder(shared)
    clock.advance(minutes=1)
    _on(db_path)


def _conflicting_owner_and_status(db_path: Path, other: Path, shared: Path, clock: FrozenClock) -> None:
    """This laptop gives 北京中科信息 to 陈主管 and makes it a prospect; the other laptop, later, gives it
    to a salesperson it has just created and marks it churned (its values are kept)."""
    _met(db_path, other, shared, clock)
    _on(db_path)
    client = Client.get(Client.name == "北京中科信息")
    client.owner = User.get(User.name == "陈主管")
    client.status = "prospect"
    client.save()
    clock.advance(minutes=5)
    _on(other)
    client = Client.get(Client.name == "北京中科信息")
    client.owner = User.create(name="李新人", role="salesperson")
    client.status = "lost"
    client.save()
    sync_folder(shared)
    clock.advance(minutes=1)
    _on(db_path)


UUID_LIKE = re.compile(r"\b[0-9a-f]{8}(-[0-9a-f]{4}){0,4}\b")


def _rows(dialog: Any) -> list[list[str]]:
    model = dialog.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _wait_done(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.sync.job is None, timeout=15_000)


def test_sync_now_asks_the_folder_the_first_time_and_brings_the_other_laptops_records(
    qtbot: QtBot, other: Path, db_path: Path, shared: Path, modal: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _on(other)
    Client.create(name="深圳新客户")
    sync_folder(shared)
    _on(db_path)
    window = make_window(qtbot, db_path)
    asked: list[str] = []

    def ask(parent: object, title: str, directory: str) -> str:
        asked.append(title)
        return str(shared)

    monkeypatch.setattr(sync_ui, "ask_folder", ask)
    modal.answers[:] = [OPEN]  # "Choose the folder…"
    assert window.sync.sync_action.shortcut().toString() == "Ctrl+Shift+Y"
    window.sync.sync_action.trigger()
    qtbot.waitUntil(lambda: window.sync.last_result is not None, timeout=15_000)
    _wait_done(qtbot, window)
    assert "every computer syncs with the same folder" in modal.seen[0][2]
    assert asked == ["Choose the shared folder"]
    title, text = modal.seen[-1][1], modal.seen[-1][2]
    assert title == "Sync"
    assert f"Synced with {shared.resolve()}." in text
    # the other's first file: every record
    assert "Records received: 16 (1 updated here, 15 already up to date)." in text
    assert "No conflicts: every change merged cleanly." in text
    assert Client.get_or_none(Client.name == "深圳新客户") is not None
    assert window.statusBar().currentMessage().startswith(f"Synced with {shared.resolve()} at ")
    assert (shared / f"{window.sync.last_result.exported.replica}.crmchanges").is_file()  # type: ignore[union-attr]
    # the folder is remembered: the next sync asks nothing
    count = len(modal.seen)
    window.sync.sync_action.trigger()
    qtbot.waitUntil(lambda: len(modal.seen) == count + 1, timeout=15_000)
    assert "No new changes from the other computers." in modal.seen[-1][2]
    if window.sync.last_result.exported is None:  # type: ignore[union-attr]
        assert "Nothing new to send from this computer." in modal.seen[-1][2]


def test_conflicts_are_listed_and_keep_mine_changes_the_value(
    qtbot: QtBot, other: Path, db_path: Path, shared: Path, modal: Any, clock: FrozenClock
) -> None:
    _conflicting_phones(db_path, other, shared, clock, "北京中科信息")
    window = make_window(qtbot, db_path)
    modal.answers[:] = [OPEN]  # the result's "Show conflicts…"
    window.sync.sync_action.trigger()
    qtbot.waitUntil(lambda: window.sync.conflicts_dialog is not None, timeout=15_000)
    assert "Conflicts: 1 (the same field changed on two computers)." in modal.seen[-1][2]
    dialog = window.sync.conflicts_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=15_000)
    assert dialog.stack.currentWidget() is dialog.table
    row = [dialog.model.index(0, c).data() for c in range(dialog.model.columnCount())]
    assert row[1:] == [
        "Client · 北京中科信息",
        "Phone",
        "010-88886666",
        "13900000000",
        "18811111110",
        "Theirs",
    ]
    assert dialog.why_label.text().endswith("the newer change was kept.")
    assert dialog.model.index(0, 6).data(Qt.ItemDataRole.ToolTipRole) == dialog.why_label.text()
    assert _phone("北京中科信息") == "18811111110"
    assert dialog.table.selectionModel().selectedRows()  # the first row is selected
    assert dialog.mine_button.isEnabled() and not dialog.theirs_button.isEnabled()
    dialog.mine_button.click()
    qtbot.waitUntil(
        lambda: dialog.model.conflicts and dialog.model.conflicts[0].chosen == "mine", timeout=15_000
    )
    assert _phone("北京中科信息") == "13900000000"
    assert dialog.model.index(0, 6).data() == "Mine (your choice)"
    assert not dialog.mine_button.isEnabled() and dialog.theirs_button.isEnabled()
    _grab(dialog, "sync_conflicts_test_en.png")


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_conflicts_name_records_users_and_choices_as_the_pages_do_never_by_uuid(
    qtbot: QtBot,
    qapp: QApplication,
    other: Path,
    db_path: Path,
    shared: Path,
    clock: FrozenClock,
    lang: str,
) -> None:
    _conflicting_owner_and_status(db_path, other, shared, clock)
    sync_folder(shared)
    if lang == "zh_CN":
        i18n.install_translators(qapp, lang)
    window = make_window(qtbot, db_path, lang)
    dialog = window.sync.show_conflicts()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=15_000)
    rows = {row[2]: row for row in _rows(dialog)}
    if lang == "en":
        assert rows["Owner"][1:] == ["Client · 北京中科信息", "Owner", "王晓明", "陈主管", "李新人", "Theirs"]
        assert rows["Status"][3:] == ["Customer", "Prospect", "Churned", "Theirs"]
        assert dialog.windowTitle() == "Sync conflicts"
    else:
        assert rows["负责人"][1:] == ["客户 · 北京中科信息", "负责人", "王晓明", "陈主管", "李新人", "对方的"]
        assert rows["状态"][3:6] == [
            labels.label("client_status", s) for s in ("customer", "prospect", "lost")
        ]
        assert all(not re.search("[A-Za-z]", cell) for cell in rows["状态"])  # nothing left in English
        assert dialog.windowTitle() == "同步冲突"
    for row in rows.values():
        assert not any(UUID_LIKE.search(cell) for cell in row), row
    # the widths: every column in sight (no scrolling sideways), these short texts whole
    header = dialog.table.horizontalHeader()
    assert header.length() <= dialog.table.viewport().width() + 2
    for column in range(dialog.model.columnCount()):
        wanted = max(dialog.table.sizeHintForColumn(column), header.sectionSizeHint(column))
        assert header.sectionSize(column) >= wanted, column
    _grab(dialog, f"sync_conflicts_names_{lang}.png")


def test_the_shared_folder_is_asked_in_the_interface_language(
    qtbot: QtBot, qapp: QApplication, populated_db: object, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    i18n.install_translators(qapp, "zh_CN")
    window = make_window(qtbot, db_path, "zh_CN")
    seen: dict[str, Any] = {}

    def look(dialog: QFileDialog) -> int:
        seen["title"] = dialog.windowTitle()
        seen["look_in"] = dialog.labelText(QFileDialog.DialogLabel.LookIn)
        seen["file_type"] = dialog.findChild(QWidget, "fileTypeCombo")
        seen["type_hidden"] = seen["file_type"] is None or seen["file_type"].isHidden()
        seen["sidebar"] = dialog.findChild(QWidget, "sidebar")  # the window's dark sidebar style
        return 0

    monkeypatch.setattr(prompts, "run_modal", look)
    assert window.sync.change_folder() is None  # cancelled: nothing synced
    assert seen["title"] == "选择共享文件夹"
    assert seen["look_in"] == "查找范围："
    assert seen["type_hidden"] and seen["sidebar"] is None


def test_the_conflict_list_shows_loading_then_its_empty_state(
    qtbot: QtBot, populated_db: object, db_path: Path
) -> None:
    window = make_window(qtbot, db_path)
    dialog = window.sync.show_conflicts()
    assert dialog.stack.currentWidget() is dialog.loading_label  # never a false "no conflicts" while it reads
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.empty_label, timeout=15_000)
    assert dialog.empty_label.text() == "No conflicts: every change merged cleanly."
    assert not dialog.mine_button.isEnabled() and not dialog.theirs_button.isEnabled()


def test_export_and_import_changes_from_the_file_menu(
    qtbot: QtBot,
    other: Path,
    db_path: Path,
    tmp_path: Path,
    modal: Any,
    monkeypatch: pytest.MonkeyPatch,
    clock: FrozenClock,
) -> None:
    _on(other)
    Client.create(name="杭州西湖茶业")
    carried = tmp_path / "from-other.crmchanges"
    from desktop_crm.sync.exchange import export_changes

    export_changes(carried)
    _on(db_path)
    window = make_window(qtbot, db_path)
    suggested: list[str] = []

    def ask_save(parent: object, title: str, suggestion: str, file_filter: str) -> str:
        suggested.append(suggestion)
        return str(tmp_path / "mine.crmchanges")

    monkeypatch.setattr(prompts, "ask_save_path", ask_save)
    monkeypatch.setattr(prompts, "ask_open_path", lambda *args: str(carried))
    window.sync.export_action.trigger()
    qtbot.waitUntil(lambda: len(modal.seen) == 1, timeout=15_000)
    _wait_done(qtbot, window)
    assert Path(suggested[0]).name == f"crm-{clock.today().isoformat()}.crmchanges"
    assert modal.seen[0][1] == "Export changes"
    assert "Records sent: 15." in modal.seen[0][2]
    assert (tmp_path / "mine.crmchanges").is_file()
    window.sync.import_action.trigger()
    qtbot.waitUntil(lambda: len(modal.seen) == 2, timeout=15_000)
    _wait_done(qtbot, window)
    assert modal.seen[1][1] == "Import changes"
    assert "Records received: 16 (1 updated here, 15 already up to date)." in modal.seen[1][2]
    assert Client.get_or_none(Client.name == "杭州西湖茶业") is not None


@pytest.fixture
def chinese(qapp: QApplication) -> Any:
    i18n.install_translators(qapp, "zh_CN")
    yield qapp
    i18n.remove_translators(qapp)


def test_a_hostile_file_is_told_in_chinese_not_as_a_traceback(
    qtbot: QtBot,
    populated_db: object,
    db_path: Path,
    tmp_path: Path,
    modal: Any,
    monkeypatch: pytest.MonkeyPatch,
    chinese: Any,
) -> None:
    hostile = tmp_path / "evil.crmchanges"
    hostile.write_bytes(b"PK\x03\x04" + os.urandom(2000))
    window = make_window(qtbot, db_path, "zh_CN")
    monkeypatch.setattr(prompts, "ask_open_path", lambda *args: str(hostile))
    before = db_path.read_bytes()
    window.sync.import_action.trigger()
    qtbot.waitUntil(lambda: len(modal.seen) == 1, timeout=15_000)
    kind, title, text = modal.seen[0]
    assert kind == "QMessageBox" and title == "导入变更"  # named after what failed
    assert text == error_text(CrmError("sync.not_changes", path=str(hostile)))
    assert "变更文件" in text and "Traceback" not in text
    assert db_path.read_bytes() == before
    _wait_done(qtbot, window)
    assert window.sync.import_action.isEnabled()


def test_sync_is_disabled_on_a_team_database_with_the_reason(
    qtbot: QtBot, populated_db: object, db_path: Path, modal: Any
) -> None:
    window = make_window(qtbot, db_path)
    assert all(action.isEnabled() for action in window.sync.actions)
    window.db_path = "postgresql://alice@team.local:5432/sales"
    window.sync.update_actions()
    for action in window.sync.actions:
        assert not action.isEnabled()
        assert "Sync is for a database file" in action.toolTip()
    assert window.sync.sync_now() is None and window.sync.export_to_file() is None
    assert modal.seen == []


def test_the_watched_folder_syncs_when_another_laptops_file_changes(
    qtbot: QtBot, other: Path, db_path: Path, shared: Path, tmp_path: Path, clock: FrozenClock
) -> None:
    _met(db_path, other, shared, clock)
    staging = tmp_path / "staging"
    staging.mkdir()
    _on(other)
    Client.create(name="成都天府软件")
    sync_folder(staging)
    _on(db_path)
    window = make_window(qtbot, db_path)
    window.sync.timer.setInterval(100)
    window.sync.start_watching()
    qtbot.waitUntil(lambda: window.sync.folder is not None and window.sync.job is None, timeout=15_000)
    assert window.sync.last_result is None  # nothing new at the first look: no sync, no rewrite
    assert str(shared.resolve()) in window.sync.watcher.directories()
    for changes in staging.glob("*.crmchanges"):
        shutil.copyfile(changes, shared / (changes.name + ".part"))
        os.replace(shared / (changes.name + ".part"), shared / changes.name)
    qtbot.waitUntil(lambda: window.sync.last_result is not None, timeout=15_000)
    result = window.sync.last_result
    assert Client.get_or_none(Client.name == "成都天府软件") is not None
    assert window.statusBar().currentMessage().startswith(f"Synced with {shared.resolve()} at ")
    assert any(s.applied for s in result.imported)  # type: ignore[union-attr]
    # our own write (the file just exported) wakes the watcher: a look, but no second sync
    qtbot.wait(600)
    _wait_done(qtbot, window)
    assert window.sync.last_result is result


def _grab(widget: Any, name: str) -> None:
    if SHOTS is None:
        return
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def test_every_synced_column_has_a_word_in_both_languages(qapp: QApplication) -> None:
    from desktop_crm.sync.tables import synced_tables
    from ui.sync_text import LABELLED_COLUMNS, OTHER_COLUMNS, TABLE_COLUMNS, field_text

    columns = [(table.name, column) for table in synced_tables() for column in table.columns]
    unnamed = [
        (table, column)
        for table, column in columns
        if column not in LABELLED_COLUMNS
        and column not in OTHER_COLUMNS
        and (table, column) not in TABLE_COLUMNS
    ]
    assert unnamed == []  # a new column: give it a word in ui/sync_text.py
    english = {(table, column): field_text(column, table) for table, column in columns}
    i18n.install_translators(qapp, "zh_CN")
    untranslated = [key for key, word in english.items() if field_text(key[1], key[0]) == word]
    assert untranslated == []


def test_values_read_as_words_never_as_stored(qapp: QApplication) -> None:
    from ui.sync_text import value_text

    assert value_text("done", 1, "next_step") == "Yes"
    assert value_text("hidden", 0, "custom_field_def") == "No"
    assert value_text("pin_hash", "pbkdf2$600000$c2FsdA$aGFzaA", "User") == "(set)"
    assert value_text("stage", "won", "opportunity") == "Won"
    assert value_text("expected_close_date", "2027-03-31", "opportunity") == "3/31/2027"
    assert value_text("amount_cents", 1_234_500, "payment") == "12,345.00"
    assert "[" not in value_text("choices", '["华东", "华南"]', "custom_field_def")
    unknown = "0b7c5a52-8f3e-4a8e-9a57-3f1d2f0c9e11"
    assert value_text("owner_id", unknown, "client", {}) == "(a record not on this computer)"
    assert value_text("owner_id", unknown, "client", {("user", unknown): "王晓明"}) == "王晓明"
    assert (
        value_text("owner_uuid", unknown, "attachment", {("client", unknown): "北京中科信息"})
        == "北京中科信息"
    )
