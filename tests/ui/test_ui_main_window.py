"""The main window: opens, navigates by click and shortcut, remembers geometry and page, speaks Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui import i18n
from ui.main_window import MainWindow
from ui.pages import PAGE_KEYS
from ui.settings import AppSettings


def make_window(qtbot: QtBot, db_path: Path, lang: str = "en") -> MainWindow:
    window = MainWindow(db_path, lang)
    qtbot.addWidget(window)
    window.update_status()
    window.show()
    qtbot.waitExposed(window)
    return window


def test_opens_on_a_fresh_database(qtbot: QtBot, db: object, db_path: Path) -> None:
    window = make_window(qtbot, db_path)
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Today",
        "Clients",
        "Pipeline",
        "Goals",
        "Weekly form",
        "Dashboard",
        "Handbook",
        "Settings",
    ]
    assert window.current_page.key == "today"
    assert window.count_label.text() == "0 clients"
    assert str(db_path) in window.path_label.text()
    assert window.schema_label.text().startswith("Schema v")
    assert window.page("today").model.rowCount() == 0
    assert window.backup_action.isEnabled() and window.restore_action.isEnabled()


def test_shows_rows_of_a_populated_database(qtbot: QtBot, populated_db: object, db_path: Path) -> None:
    window = make_window(qtbot, db_path)
    today = window.page("today")
    assert today.model.rowCount() == 2  # one overdue, one due tonight
    assert today.overdue_card.value_label.text() == "1"
    assert today.due_card.value_label.text() == "1"
    assert window.count_label.text() == "3 clients"
    window.show_page(PAGE_KEYS.index("clients"))
    clients = window.page("clients")
    assert clients.model.rowCount() == 3
    assert clients.subtitle_label.text().startswith("3 clients")
    names = {clients.model.row(i)[0] for i in range(3)}
    assert names == {"上海华东精密机械", "北京中科信息", "Acme GmbH"}
    window.show_page(PAGE_KEYS.index("pipeline"))
    assert window.page("pipeline").open_card.value_label.text() == "1"
    window.show_page(PAGE_KEYS.index("goals"))
    assert window.page("goals").tree.topLevelItem(0).text(0) == "Year · 年度目标"
    window.show_page(PAGE_KEYS.index("weekly"))
    weekly = window.page("weekly")
    assert weekly.status_label.text() == "Scored"
    assert weekly.view is not None and weekly.view.score is not None and weekly.view.score.total == 88


def test_client_table_is_virtual(qtbot: QtBot, db: object, db_path: Path) -> None:
    """The Clients model knows every matching id but fetches only the rows that are asked for."""
    from desktop_crm.models import Client
    from ui.pages.clients.table_model import PAGE_SIZE

    Client.insert_many([{"name": f"Client {i:04d}"} for i in range(450)]).execute()
    window = make_window(qtbot, db_path)
    window.show_page(PAGE_KEYS.index("clients"))
    model = window.page("clients").model
    assert model.rowCount() == 450
    assert len(model._pages) <= 2  # only what the view painted
    assert model.row(449)[0] == "Client 0449"
    assert PAGE_SIZE < 450


def test_navigation_by_click(qtbot: QtBot, db: object, db_path: Path) -> None:
    window = make_window(qtbot, db_path)
    item = window.nav.item(PAGE_KEYS.index("clients"))
    rect = window.nav.visualItemRect(item)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.page("clients")
    assert window.page("clients").isVisible()


def test_navigation_by_ctrl_number(qtbot: QtBot, db: object, db_path: Path) -> None:
    window = make_window(qtbot, db_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for number, key in ((3, "pipeline"), (8, "settings"), (1, "today"), (6, "dashboard"), (7, "handbook")):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page.key == key
        assert window.nav.currentRow() == number - 1


def test_geometry_and_last_page_are_remembered(qtbot: QtBot, db: object, db_path: Path) -> None:
    first = make_window(qtbot, db_path)
    # The offscreen screen is 800 px wide, below the window's minimum width: vary the height.
    first.resize(QSize(first.minimumSizeHint().width(), 520))
    first.move(30, 40)
    first.show_page(PAGE_KEYS.index("goals"))
    expected = first.geometry()
    first.close()
    second = make_window(qtbot, db_path)
    assert second.current_page.key == "goals"
    # The offscreen screen is narrower than the window's minimum width, so x and the width are pulled
    # back to fit (and the minimum depends on what the pages hold); y and the height are restored.
    assert second.geometry().y() == expected.y()
    assert second.height() == 520
    assert AppSettings().last_page == "goals"


def test_chinese_interface(qtbot: QtBot, populated_db: object, db_path: Path) -> None:
    assert i18n.install_translators(QApplication.instance(), "zh_CN")
    window = make_window(qtbot, db_path, "zh_CN")
    assert window.nav.item(PAGE_KEYS.index("clients")).text() == "客户"
    assert window.nav.item(PAGE_KEYS.index("dashboard")).text() == "仪表盘"
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert window.count_label.text() == "3 个客户"
    window.show_page(PAGE_KEYS.index("weekly"))
    weekly = window.page("weekly")
    assert weekly.status_label.text() == "已评分"
    assert weekly.editor.plan_table.horizontalHeaderItem(1).text() == "工作"


def test_menus_go_through_the_modal_seam(qtbot: QtBot, modal: object, db: object, db_path: Path) -> None:
    window = make_window(qtbot, db_path)
    window._on_about_action_triggered()
    window._on_handbook_action_triggered()  # a page now, not a message box
    assert window.current_page.key == "handbook"
    window._on_open_action_triggered()  # the fake answers "cancel"
    assert modal.titles == ["About Desktop CRM", "Open database"]
    assert window.db_path == db_path


def test_open_database_error_is_reported(
    qtbot: QtBot, modal: object, db: object, db_path: Path, tmp_path: Path
) -> None:
    window = make_window(qtbot, db_path)
    bad = tmp_path / "not-a-db.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    assert window.switch_database(bad) is False
    assert modal.titles == ["Cannot open the database"]
    assert window.db_path == db_path
    assert window.count_label.text() == "0 clients"


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_page_fits_a_1280_pixel_screen(
    qtbot: QtBot, qapp: QApplication, populated_db: object, db_path: Path, lang: str
) -> None:
    """As the supervisor (the most buttons), no page makes the window wider than 1280 pixels."""
    from desktop_crm import team
    from desktop_crm.models import User

    team.switch_user(User.get(User.role == "supervisor").id)
    if lang != "en":
        i18n.install_translators(qapp, lang)
    window = MainWindow(db_path, lang, AppSettings())
    qtbot.addWidget(window)
    window.remember_state = False
    window.resize(1280, 720)
    window.show()
    for index, page in enumerate(window.pages):
        window.show_page(index)
        qapp.processEvents()
        assert window.minimumSizeHint().width() <= 1280, page.key
        assert window.width() == 1280, page.key
