"""Settings → Team, the "Working as" switch (menu and status bar, PIN) and the first user's name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_crm import team
from desktop_crm.models import User
from desktop_crm.services.users import set_pin, verify_pin
from ui import prompts
from ui.main_window import MainWindow
from ui.pages import PAGE_KEYS
from ui.pages.settings_team import SetPinDialog, TeamSection, UserDialog
from ui.settings import AppSettings
from ui.shell import Shell
from ui.working_as import FirstUserDialog, PinDialog


@dataclass
class DialogDriver:
    """Stands in for ``prompts.run_modal``: each dialog is filled by the next filler, then OK is pressed;
    records the field errors it left; message boxes are answered from ``answers`` (default No)."""

    fillers: list[Callable[[QDialog], None]] = field(default_factory=list)
    answers: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)

    def __call__(self, dialog: QDialog) -> int:
        self.kinds.append(type(dialog).__name__)
        if isinstance(dialog, QMessageBox):
            return self.answers.pop(0) if self.answers else QMessageBox.StandardButton.No.value
        self.fillers.pop(0)(dialog)
        dialog.accept()
        from ui.pages.clients.editor_inputs import FieldBox

        self.errors.extend(box.error for box in dialog.findChildren(FieldBox) if box.error)
        return int(dialog.result())


@pytest.fixture
def driver(monkeypatch: pytest.MonkeyPatch) -> DialogDriver:
    fake = DialogDriver()
    monkeypatch.setattr(prompts, "run_modal", fake)
    return fake


def type_pin(pin: str) -> Callable[[QDialog], None]:
    def filler(dialog: QDialog) -> None:
        assert isinstance(dialog, PinDialog)
        assert dialog.pin_edit.echoMode() == QLineEdit.EchoMode.Password
        dialog.pin_edit.setText(pin)

    return filler


def make_window(qtbot: QtBot, db_path: Path) -> MainWindow:
    window = MainWindow(db_path, "en", AppSettings())
    qtbot.addWidget(window)
    window.update_status()
    window.show()
    qtbot.waitExposed(window)
    return window


def team_section(window: MainWindow) -> TeamSection:
    window.show_page(PAGE_KEYS.index("settings"))
    section = window.page("settings").findChild(TeamSection)
    assert section is not None
    section.refresh()
    return section


def rows(section: TeamSection) -> list[tuple[str, ...]]:
    table = section.table
    return [
        tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())
    ]


def test_add_a_user_edit_and_set_a_pin_in_settings(
    qtbot: QtBot, populated_db: object, db_path: Path, driver: DialogDriver
) -> None:
    window = make_window(qtbot, db_path)
    section = team_section(window)
    assert rows(section) == [
        ("王晓明 (working now)", "Salesperson", "陈主管", "Yes", "No"),
        ("陈主管", "Supervisor", "", "Yes", "No"),
    ]

    def add_bad_then(dialog: QDialog) -> None:
        assert isinstance(dialog, UserDialog)
        dialog.name_edit.setText("  ")
        dialog.accept()  # refused at the field; the dialog stays open
        assert dialog.boxes["name"].error == "Full name is required."
        assert dialog.result() == 0
        dialog.name_edit.setText("李娜")
        dialog.supervisor_combo.setCurrentIndex(dialog.supervisor_combo.findText("陈主管"))
        dialog.email_edit.setText("li@example.com")

    driver.fillers.append(add_bad_then)
    section.add_button.click()
    assert ("李娜", "Salesperson", "陈主管", "Yes", "No") in rows(section)
    assert section.status_label.text() == "李娜 was added."
    li = User.get(User.name == "李娜")
    assert (li.email, li.supervisor.name) == ("li@example.com", "陈主管")
    assert "李娜 (Salesperson)" in [a.text() for a in window.working_as.menu.actions()]

    section.select("李娜")

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, UserDialog)
        dialog.name_edit.setText("李娜娜")
        dialog.phone_edit.setText("139 1234 5678")

    driver.fillers.append(edit)
    section.edit_button.click()
    assert User.get_by_id(li.id).name == "李娜娜" and User.get_by_id(li.id).phone == "139 1234 5678"

    # Only 王晓明 (working) or a supervisor may set 陈主管's PIN: switch to the supervisor first.
    boss = User.get(User.name == "陈主管")
    assert window.working_as.switch_to(boss.id)
    section.select("陈主管")

    def pins(new: str, repeat: str) -> Callable[[QDialog], None]:
        def filler(dialog: QDialog) -> None:
            assert isinstance(dialog, SetPinDialog)
            assert not dialog.boxes["current_pin"].isVisibleTo(dialog)  # the supervisor is working
            dialog.pin_edit.setText(new)
            dialog.repeat_edit.setText(repeat)

        return filler

    driver.fillers += [pins("1357", "1358")]
    section.pin_button.click()
    assert driver.errors[-1] == "The two PINs differ; type the same PIN twice."
    driver.fillers += [pins("12", "12")]
    section.pin_button.click()
    assert driver.errors[-1] == "The PIN must be 4 to 12 digits."
    assert not verify_pin(boss.id, "1357")
    driver.fillers += [pins("1357", "1357")]
    section.pin_button.click()
    assert verify_pin(boss.id, "1357")
    assert ("陈主管 (working now)", "Supervisor", "", "Yes", "Yes") in rows(section)
    assert "1357" not in User.get_by_id(boss.id).pin_hash


def test_deactivating_the_last_supervisor_is_refused_under_the_table(
    qtbot: QtBot, populated_db: object, db_path: Path, driver: DialogDriver
) -> None:
    team.switch_user(User.get(User.name == "王晓明").id)
    window = make_window(qtbot, db_path)
    section = team_section(window)
    section.select("陈主管")
    section.active_button.click()
    assert "last active supervisor" in section.status_label.text()
    assert User.get(User.name == "陈主管").active is True
    section.select("王晓明")
    section.active_button.click()
    assert "working now" in section.status_label.text()


def test_switch_via_the_menu_asks_for_the_pin(
    qtbot: QtBot, populated_db: object, db_path: Path, driver: DialogDriver
) -> None:
    boss = User.get(User.name == "陈主管")
    me = User.get(User.name == "王晓明")
    team.switch_user(boss.id)
    set_pin(boss.id, "2468")
    team.switch_user(me.id)
    window = make_window(qtbot, db_path)
    window.show_page(PAGE_KEYS.index("settings"))
    settings_page = window.page("settings")
    assert window.working_as.button.text() == "Working as: 王晓明 (Salesperson)"
    assert settings_page.user_label.text() == "王晓明 (Salesperson)"
    window.working_as.menu.aboutToShow.emit()
    actions = window.working_as.user_actions
    assert actions[me.id].isChecked() and not actions[boss.id].isChecked()
    assert actions[boss.id].text() == "陈主管 (Supervisor) · PIN"

    driver.fillers.append(type_pin("1111"))  # wrong: the message is at the field, nothing switches
    actions[boss.id].trigger()
    assert driver.kinds == ["PinDialog"]
    assert driver.errors == ["Wrong PIN."]
    assert team.current_user_id() == me.id
    assert window.working_as.button.text() == "Working as: 王晓明 (Salesperson)"
    assert window.working_as.user_actions[me.id].isChecked()

    driver.fillers.append(type_pin("2468"))
    window.working_as.user_actions[boss.id].trigger()
    assert team.current_user_id() == boss.id
    assert window.working_as.button.text() == "Working as: 陈主管 (Supervisor)"
    assert settings_page.user_label.text() == "陈主管 (Supervisor)"
    assert window.working_as.user_actions[boss.id].isChecked()

    # back to the salesperson: no PIN asked; the choice survives a new window (it is in the database)
    window.working_as.user_actions[me.id].trigger()
    assert driver.kinds == ["PinDialog", "PinDialog"]
    second = make_window(qtbot, db_path)
    assert second.working_as.button.text() == "Working as: 王晓明 (Salesperson)"


def test_status_bar_button_opens_the_same_menu(qtbot: QtBot, populated_db: object, db_path: Path) -> None:
    window = make_window(qtbot, db_path)
    button = window.working_as.button
    assert button.isVisible() and button.menu() is window.working_as.menu
    assert window.working_as.menu.menuAction() in window.menuBar().actions()
    window.working_as.menu.aboutToShow.emit()
    manage = [a for a in window.working_as.menu.actions() if a.text() == "Manage the team…"]
    manage[0].trigger()
    assert window.current_page.key == "settings"
    assert window.current_page.findChild(TeamSection).isVisible()


def test_first_launch_without_demo_data_asks_for_your_name(
    qtbot: QtBot, db: object, db_path: Path, driver: DialogDriver
) -> None:
    def first_user(name: str, role: str) -> Callable[[QDialog], None]:
        def filler(dialog: QDialog) -> None:
            assert isinstance(dialog, FirstUserDialog)
            dialog.name_edit.setText(name)
            dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(role))

        return filler

    driver.answers.append(QMessageBox.StandardButton.No.value)  # no demo data
    driver.fillers += [first_user("", "supervisor")]
    shell = Shell(QApplication.instance(), db_path, "en", AppSettings())
    window = shell.start(first_launch=True)
    qtbot.addWidget(window)
    assert driver.kinds == ["QMessageBox", "FirstUserDialog"]
    assert driver.errors == ["Full name is required."]
    assert window.working_as.button.text() == "Working as: (no user yet)"
    assert [a.text() for a in window.working_as.menu.actions()][0] == "Enter your name…"

    driver.fillers += [first_user("周海燕", "supervisor")]
    window.working_as.menu.actions()[0].trigger()
    user = User.get(User.name == "周海燕")
    assert user.role == "supervisor" and team.current_user_id() == user.id
    assert window.working_as.button.text() == "Working as: 周海燕 (Supervisor)"


def test_opening_a_database_without_users_asks_who_is_working(
    qtbot: QtBot, populated_db: object, db_path: Path, tmp_path: Path, driver: DialogDriver
) -> None:
    from desktop_crm.db import open_database

    empty = tmp_path / "empty.sqlite3"
    open_database(empty)
    open_database(db_path)
    shell = Shell(QApplication.instance(), db_path, "en", AppSettings())
    window = shell.start()
    qtbot.addWidget(window)
    assert driver.kinds == []  # this one has a team

    def filler(dialog: QDialog) -> None:
        assert isinstance(dialog, FirstUserDialog)
        dialog.name_edit.setText("Anna")

    driver.fillers.append(filler)
    assert window.switch_database(empty)
    qtbot.waitUntil(lambda: driver.kinds == ["FirstUserDialog"], timeout=20_000)
    assert window.working_as.button.text() == "Working as: Anna (Salesperson)"


def test_the_first_user_question_waits_for_the_damage_check(
    qtbot: QtBot, db: object, db_path: Path, driver: DialogDriver
) -> None:
    """Writes wait while the file is checked: the name is asked after the check, so saving it works."""
    from desktop_crm import write_guard
    from ui import file_status
    from ui.working_as import ask_first_user

    current = file_status.state()
    current.path = str(db_path)
    current.checking = True
    write_guard.set_write_refusal("checking")
    try:
        driver.fillers.append(lambda dialog: dialog.name_edit.setText("Anna"))  # type: ignore[attr-defined]
        assert ask_first_user(None) is False
        assert driver.kinds == []  # not asked while the check runs
        file_status._on_check_finished(str(db_path), "")  # what the check's thread signals when sound
        qtbot.waitUntil(lambda: driver.kinds == ["FirstUserDialog"], timeout=10_000)
        assert driver.errors == []
        assert [m.name for m in team.team_members()] == ["Anna"]
    finally:
        current.checking = False
        write_guard.set_write_refusal(None)
