"""Today at 1280×720 (issue 13): every list shows at least three whole rows (about two, or one and a half,
before) and a client's name at least seven wide characters ("杭州华…" before); Service & complaints takes a
row of its own when three sections side by side cannot give that, and sits beside the care sections in a
wider window; sections without rows shrink to their heading and message, giving their room to the others."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from desktop_crm.db import close_database, open_database
from desktop_crm.demo import generate_demo
from ui import fonts, i18n
from ui.main_window import MainWindow
from ui.pages import PAGE_KEYS
from ui.pages.today.page import TodayPage
from ui.pages.today.sections import AgendaSection
from ui.table_fit import cell_width
from ui.theme import apply_theme

TODAY = date(2026, 6, 17)
LANGUAGES = ["en", "zh_CN"]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("today-room") / "demo.sqlite3"
    generate_demo(path, "small", seed=0, today=TODAY)
    close_database()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path, clock: object) -> Iterator[Path]:
    clock.set(datetime(TODAY.year, TODAY.month, TODAY.day, 9, 0))  # type: ignore[attr-defined]
    copy = tmp_path / "demo.sqlite3"
    copy.write_bytes(demo_file.read_bytes())
    open_database(copy)
    yield copy
    close_database()


@pytest.fixture(scope="module")
def as_the_app_looks(qapp: QApplication) -> Iterator[None]:
    """The light theme's style sheet and the bundled Chinese font, as ``ui.app`` sets them up."""
    font, sheet, palette = QFont(qapp.font()), qapp.styleSheet(), qapp.palette()
    style, theme = qapp.style().name(), qapp.property("crmTheme")
    assert fonts.register_qt_font(qapp)
    apply_theme(qapp, "light")
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setProperty("crmTheme", theme)
    qapp.setFont(font)


def shown_today(qtbot: QtBot, qapp: QApplication, path: Path, lang: str, size: tuple[int, int]) -> TodayPage:
    if lang != "en":
        assert i18n.install_translators(qapp, lang)
    window = MainWindow(path, lang)
    window.remember_state = False
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.show_page(PAGE_KEYS.index("today"))
    page = window.page("today")
    assert isinstance(page, TodayPage)
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    QApplication.processEvents()
    return page


def client_columns(page: TodayPage) -> list[tuple[AgendaSection, int]]:
    return [
        (page.steps_section, 1),
        (page.neglected_section, 0),
        (page.instalment_section, 0),
        (page.care.candidates, 0),
        (page.care.dates, 2),
        (page.service_section, 2),
    ]


def least_name_width(table: QTableView) -> int:
    return cell_width(table, "国" * 7)  # "杭州华美新能源": a city and a name


def whole_rows(table: QTableView) -> float:
    return table.viewport().height() / table.verticalHeader().defaultSectionSize()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lists_show_whole_rows_and_readable_client_names(
    qtbot: QtBot, qapp: QApplication, as_the_app_looks: None, demo: Path, lang: str
) -> None:
    page = shown_today(qtbot, qapp, demo, lang, (1280, 720))
    for section, column in client_columns(page):
        table = section.table
        rows = table.model().rowCount()
        assert rows > 0, section.title_label.text()
        assert whole_rows(table) >= min(rows, 3), section.title_label.text()
        assert whole_rows(table) == int(whole_rows(table)) or rows > 3, section.title_label.text()
        assert table.columnWidth(column) >= least_name_width(table), section.title_label.text()
        assert not table.horizontalScrollBar().isVisible()
    # at 1280 px three sections side by side cannot: Service & complaints has a row of its own
    assert page.service_section.parent() is not page.care
    assert page.service_section.isVisible()


def test_service_and_complaints_beside_the_care_sections_in_a_wide_window(
    qtbot: QtBot, qapp: QApplication, as_the_app_looks: None, demo: Path
) -> None:
    page = shown_today(qtbot, qapp, demo, "en", (1700, 900))
    assert page.service_section.parent() is page.care
    for section, column in client_columns(page):
        assert section.table.columnWidth(column) >= least_name_width(section.table)
    page.window().resize(1280, 720)
    QApplication.processEvents()
    assert page.service_section.parent() is not page.care and page.service_section.isVisible()
    page.window().resize(1700, 900)
    QApplication.processEvents()
    assert page.service_section.parent() is page.care


def test_sections_without_rows_give_their_room(
    qtbot: QtBot, qapp: QApplication, as_the_app_looks: None, db: object, db_path: Path, clock: object
) -> None:
    from desktop_crm import team
    from desktop_crm.models import Client, Contract, PaymentInstalment, User

    clock.set(datetime(2026, 6, 17, 9, 0))  # type: ignore[attr-defined]
    user = User.create(name="Anna", role="salesperson")
    team.switch_user(user.id)
    Client.create(name="杭州华美新能源有限公司", owner=user, status="customer")
    page = shown_today(qtbot, qapp, db_path, "en", (1280, 720))
    sections = [section for section, _column in client_columns(page)]
    assert all(section.is_empty() for section in sections)
    # nothing to show: every section is its heading and its message, and the page needs no scrolling
    assert page.splitter.height() <= page.sections_scroll.viewport().height()
    assert not page.sections_scroll.verticalScrollBar().isVisible()
    for section in sections:
        assert section.height() < section.rows_height(1) + 60, section.title_label.text()
    assert page.service_section.parent() is page.care  # the empty care sections leave it room beside

    for n in range(4):  # payments to collect beside no neglected client
        client = Client.create(name=f"上海瑞祥贸易科技股份有限公司 {n}", owner=user, status="customer")
        contract = Contract.create(client=client, amount_cents=1_000_000, signed_on=date(2025, 1, 10))
        PaymentInstalment.create(contract=contract, due_date=date(2026, 6, 10 + n), amount_cents=400_000)
    page.refresh()
    QApplication.processEvents()
    payments, neglected = page.instalment_section, page.neglected_section
    assert not payments.is_empty() and neglected.is_empty()
    assert neglected.width() <= neglected.heading_width() < payments.width()  # the empty one: its heading
    assert whole_rows(payments.table) >= 3
    assert payments.table.columnWidth(0) >= least_name_width(payments.table)
