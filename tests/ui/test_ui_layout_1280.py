"""Readable at 1280×720 in English and Chinese (issue 13 item 6): on every page no button's text is
clipped (Snooze read "Snooz_"), no column header is cut, the status bar's texts are whole; the client
page never scrolls sideways (1280 and 1440 px), its contacts table shows six rows, and the "Log
follow-up with …" button leaves the hint beside it whole. The demo data, the app's style sheet and its
Chinese font, as the application runs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_crm.db import close_database, open_database
from desktop_crm.demo import generate_demo
from desktop_crm.read.client_page import key_client_id
from desktop_crm.service_read import showcase_client_id
from ui import fonts, i18n
from ui.main_window import MainWindow
from ui.pages import PAGE_KEYS
from ui.theme import apply_theme

TODAY = date(2026, 6, 17)
LANGUAGES = ["en", "zh_CN"]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("layout") / "demo.sqlite3"
    generate_demo(path, "small", seed=0, today=TODAY)
    close_database()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "demo.sqlite3"
    copy.write_bytes(demo_file.read_bytes())
    open_database(copy)
    return copy


@pytest.fixture(scope="module")
def as_the_app_looks(qapp: QApplication) -> Iterator[None]:
    """The light theme's style sheet and the bundled Chinese font, as ``ui.app`` sets them up (once for
    the module: restyling every widget alive is slow)."""
    font, sheet, palette = QFont(qapp.font()), qapp.styleSheet(), qapp.palette()
    style, theme = qapp.style().name(), qapp.property("crmTheme")
    assert fonts.register_qt_font(qapp)
    apply_theme(qapp, "light")
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the windows closed: not restyled
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setProperty("crmTheme", theme)
    qapp.setFont(font)


def window_in(qtbot: QtBot, qapp: QApplication, demo: Path, lang: str, size: tuple[int, int]) -> MainWindow:
    if lang != "en":
        assert i18n.install_translators(qapp, lang)
    window = MainWindow(demo, lang)
    window.remember_state = False
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.update_status()
    return window


def wait_loaded(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.waitUntil(lambda: not getattr(widget, "loading", False), timeout=10_000)
    QApplication.processEvents()


def _text(button: QAbstractButton) -> str:
    return button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


def clipped_buttons(root: QWidget) -> list[str]:
    """Visible push and tool buttons whose text (with their icon and menu arrow) does not fit."""
    found = []
    for button in root.findChildren(QAbstractButton):
        if not isinstance(button, QPushButton | QToolButton) or not button.isVisible() or not button.text():
            continue
        need = button.fontMetrics().horizontalAdvance(_text(button)) + 8
        if not button.icon().isNull():
            need += button.iconSize().width() + 4
        if button.menu() is not None:
            option = QStyleOptionButton()
            option.initFrom(button)
            need += button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, button)
        if button.width() < need:
            found.append(
                f"{button.objectName() or type(button).__name__} {_text(button)!r}: {button.width()} < {need}"
            )
    return found


def clipped_headers(root: QWidget) -> list[str]:
    """Visible column headers narrower than Qt says their text needs."""
    found = []
    for header in root.findChildren(QHeaderView):
        model = header.model()
        if header.orientation() != Qt.Orientation.Horizontal or not header.isVisible() or model is None:
            continue
        for section in range(header.count()):
            text = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            if header.isSectionHidden(section) or not text:
                continue
            need = header.sectionSizeFromContents(section).width()
            if header.sectionSize(section) < need:
                view = header.parentWidget()
                name = view.objectName() if view is not None else ""
                found.append(f"{name} {text!r}: {header.sectionSize(section)} < {need}")
    return found


def clipped_status(window: MainWindow) -> list[str]:
    labels = [window.count_label, window.schema_label, *window.statusBar().findChildren(QAbstractButton)]
    return [
        f"{widget.text()!r}: {widget.width()} < {widget.sizeHint().width()}"
        for widget in labels
        if widget.isVisible() and widget.text() and widget.width() < widget.sizeHint().width()
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_clips_a_button_a_header_or_the_status_bar(
    qtbot: QtBot, qapp: QApplication, as_the_app_looks: None, demo: Path, lang: str
) -> None:
    window = window_in(qtbot, qapp, demo, lang, (1280, 720))
    problems: dict[str, list[str]] = {}
    for index, key in enumerate(PAGE_KEYS):
        window.show_page(index)
        page = window.page(key)
        wait_loaded(qtbot, page)
        found = clipped_buttons(page) + clipped_headers(page)
        if found:
            problems[key] = found
    assert problems == {}
    assert clipped_status(window) == []
    window.reminders.stop()


def _in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("size", [(1280, 720), (1440, 900)])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_client_page_fits_its_width_and_shows_six_contacts(
    qtbot: QtBot, qapp: QApplication, as_the_app_looks: None, demo: Path, lang: str, size: tuple[int, int]
) -> None:
    window = window_in(qtbot, qapp, demo, lang, size)
    clients = window.page("clients")
    window.show_page(PAGE_KEYS.index("clients"))
    client_id = key_client_id()
    assert client_id is not None
    clients.open_client(client_id)
    hub = clients.hub
    wait_loaded(qtbot, hub)
    for tab in range(hub.tabs.count()):  # every tab visited: the widest one sets the page's width
        hub.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        assert not clients.hub_scroll.horizontalScrollBar().isVisible(), hub.tabs.tabText(tab)
        assert clipped_buttons(hub) == [] and clipped_headers(hub) == [], hub.tabs.tabText(tab)
    hub.tabs.setCurrentIndex(0)
    section = hub.stakeholders
    table = section.contacts.table
    assert section.contacts.model.rowCount() >= 6
    QApplication.processEvents()
    assert table.viewport().height() >= 6 * table.verticalHeader().defaultSectionSize()
    # ... and in view without scrolling the page (the list's heading gives the client page its room).
    page_view = clients.hub_scroll.viewport()
    six_rows = table.viewport().mapTo(page_view, QPoint(0, 6 * table.verticalHeader().defaultSectionSize()))
    assert clients.hub_scroll.verticalScrollBar().value() == 0 and six_rows.y() <= page_view.height()
    assert not clients.title_label.isVisible()

    # The contact with the longest name selected: the button beside the hint, neither covering the other.
    longest = max(
        range(section.contacts.model.rowCount()), key=lambda r: len(section.contacts.model.row(r)[0])
    )
    table.selectRow(longest)
    QApplication.processEvents()
    button, hint = section.log_button, section.hint_label
    assert button.isVisible() and hint.isVisible()
    assert not _in(button, section).intersects(_in(hint, section))
    assert clipped_buttons(section) == []
    if hint.wordWrap():
        assert hint.height() >= hint.heightForWidth(hint.width())
    else:
        assert hint.width() >= hint.fontMetrics().horizontalAdvance(hint.text())
    window.reminders.stop()


def test_a_long_database_path_is_elided_in_the_middle(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    folder = tmp_path / ("a-very-long-folder-name-" * 10)
    folder.mkdir()
    path = folder / "crm-of-the-team.sqlite3"
    open_database(path)
    window = window_in(qtbot, qapp, path, "en", (1280, 720))
    label = window.path_label
    qtbot.waitUntil(lambda: "…" in label.shown_text())
    shown = label.shown_text()
    assert shown.startswith("Database: ") and shown.endswith("crm-of-the-team.sqlite3")
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    assert str(path) in label.toolTip() and window.width() == 1280
    qtbot.waitUntil(lambda: clipped_status(window) == [])  # once laid out: the counts are whole
    window.reminders.stop()


def test_a_long_client_name_is_elided_not_scrolled_sideways(
    qtbot: QtBot, qapp: QApplication, as_the_app_looks: None, demo: Path
) -> None:
    from desktop_crm.models import Client

    client_id = key_client_id()
    name = "上海华东精密机械设备进出口贸易集团股份有限公司第二分公司" * 2
    Client.update(name=name).where(Client.id == client_id).execute()
    window = window_in(qtbot, qapp, demo, "zh_CN", (1280, 720))
    clients = window.page("clients")
    window.show_page(PAGE_KEYS.index("clients"))
    clients.open_client(client_id)
    hub = clients.hub
    wait_loaded(qtbot, hub)
    qtbot.waitUntil(lambda: hub.name_label.shown_text().endswith("…"))
    assert hub.name_label.text() == name and hub.name_label.toolTip() == name
    assert not clients.hub_scroll.horizontalScrollBar().isVisible()
    assert clipped_buttons(hub) == []  # Log follow-up…, Edit client, Delete client stay whole
    window.reminders.stop()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_status_reminder_is_whole_beside_the_path(
    qtbot: QtBot, qapp: QApplication, as_the_app_looks: None, demo: Path, lang: str
) -> None:
    """The reminder's bold text (the style sheet's) fits the room it asks for: not elided needlessly."""
    from datetime import timedelta

    from desktop_crm import clock
    from desktop_crm.models import Client, NextStep
    from desktop_crm.read.users import current_user_id

    user = current_user_id()
    client = Client.select().where(Client.owner == user).order_by(Client.id).first()
    due = clock.now().replace(second=0, microsecond=0) + timedelta(minutes=5)
    NextStep.create(client=client, user=user, due_at=due, title="Call back about the quote")
    window = window_in(qtbot, qapp, demo, lang, (1280, 720))
    button = window.reminder_label
    qtbot.waitUntil(lambda: button.isVisible() and button.width() >= button.sizeHint().width())
    assert client.name in button.full_text and "Call back about the quote" in button.full_text
    qtbot.waitUntil(lambda: clipped_status(window) == [])  # once laid out: the counts are whole
    assert button.shown_text() == button.full_text
    window.reminders.stop()


def test_open_service_records_leave_their_title_room(
    qtbot: QtBot, qapp: QApplication, as_the_app_looks: None, demo: Path
) -> None:
    """Open records have no resolution date nor satisfaction: those columns go, the title is readable."""
    from desktop_crm.models import ServiceRecord

    record = ServiceRecord.select().where(ServiceRecord.status == "open").order_by(ServiceRecord.id).first()
    assert record is not None
    window = window_in(qtbot, qapp, demo, "en", (1280, 720))
    clients = window.page("clients")
    window.show_page(PAGE_KEYS.index("clients"))
    clients.open_client(record.client_id)
    hub = clients.hub
    wait_loaded(qtbot, hub)
    hub.tabs.setCurrentWidget(hub.service)
    tab = hub.service
    tab.filter_combo.setCurrentIndex(tab.filter_combo.findData("open"))
    QApplication.processEvents()
    assert tab.table.isColumnHidden(7) and tab.table.isColumnHidden(8)
    assert tab.table.columnWidth(3) >= 150  # the title
    assert not tab.table.horizontalScrollBar().isVisible()
    tab.filter_combo.setCurrentIndex(tab.filter_combo.findData("all"))
    QApplication.processEvents()
    assert not tab.table.isColumnHidden(7) and not tab.table.isColumnHidden(8)
    window.reminders.stop()


def clipped_cells(view: QAbstractItemView, columns: Iterable[int]) -> list[str]:
    """Cells of ``columns`` narrower than Qt's size hint for their text (elided: "Decision …")."""
    model = view.model()
    found = []
    for column in columns:
        for row in range(model.rowCount()):
            index = model.index(row, column)
            need = view.sizeHintForIndex(index).width()
            if view.columnWidth(column) < need:
                found.append(f"{view.objectName()} {index.data()!r}: {view.columnWidth(column)} < {need}")
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_labels_dates_and_statuses_in_tables_are_whole(
    qtbot: QtBot, qapp: QApplication, as_the_app_looks: None, demo: Path, lang: str
) -> None:
    """Columns whose texts are known in advance (a vocabulary's labels, dates, "3 days ago") are never
    elided at 1280×720: Today's sections, the client's contacts ("Decision …", "Supp…") and payment plan
    (its status was out of sight), the Service tab's times and statuses ("11/12/2026 10:00 …",
    "Confirmed by the cl…"), the weekly form's collection sources ("Instalment due 12/…")."""
    from desktop_crm.models import Client, Contract, PaymentInstalment

    window = window_in(qtbot, qapp, demo, lang, (1280, 720))
    found: list[str] = []
    window.show_page(PAGE_KEYS.index("today"))
    today = window.page("today")
    wait_loaded(qtbot, today)
    for view, columns in (
        (today.neglected_section.table, (1, 2, 3)),
        (today.instalment_section.table, (1, 2, 3)),
        (today.care.candidates.table, (1, 2)),
        (today.care.dates.table, (0, 1)),
        (today.service_section.table, (0,)),
    ):
        assert view.model().rowCount() > 0 or view is today.care.dates.table, view.objectName()
        found += clipped_cells(view, columns)

    clients = window.page("clients")
    window.show_page(PAGE_KEYS.index("clients"))
    client_id = key_client_id()
    assert client_id is not None
    clients.open_client(client_id)
    hub = clients.hub
    wait_loaded(qtbot, hub)
    contacts = hub.stakeholders.contacts.table
    assert contacts.model().rowCount() >= 6
    found += clipped_cells(contacts, (2, 3, 4, 5))
    assert not contacts.horizontalScrollBar().isVisible()

    planned = (
        Contract.select()
        .join(PaymentInstalment, on=PaymentInstalment.contract == Contract.id)
        .switch(Contract)
        .join(Client)
        .where(Client.deleted_at.is_null())
        .order_by(Contract.id)
        .first()
    )
    clients.open_client(planned.client_id)
    wait_loaded(qtbot, hub)
    hub.tabs.setCurrentWidget(hub.contracts)
    hub.contracts.select(planned.id)
    QApplication.processEvents()
    plan = hub.contracts.instalments
    qtbot.waitUntil(lambda: plan.model().rowCount() > 0)
    found += clipped_cells(plan, range(plan.model().columnCount()))
    assert not plan.horizontalScrollBar().isVisible()
    assert not hub.contracts.payments.horizontalScrollBar().isVisible()

    clients.open_client(showcase_client_id())  # the Service tab, every record: times, statuses, stars
    wait_loaded(qtbot, hub)
    hub.tabs.setCurrentWidget(hub.service)
    service = hub.service
    service.filter_combo.setCurrentIndex(service.filter_combo.findData("all"))
    QApplication.processEvents()
    shown = {service.model.item(row).status for row in range(service.model.rowCount())}
    assert {"open", "resolved", "confirmed"} <= shown
    found += clipped_cells(service.table, (0, 1, 2, 5, 6, 7, 8))
    assert service.table.columnWidth(3) >= 150  # the title keeps its room
    assert not service.table.horizontalScrollBar().isVisible()

    window.show_page(PAGE_KEYS.index("weekly"))
    weekly = window.page("weekly")
    wait_loaded(qtbot, weekly)
    found += clipped_cells(weekly.editor.collections_table, (2, 3))
    assert found == []
    window.reminders.stop()


def test_a_fitted_column_holds_its_texts_as_the_delegate_draws_them(
    qtbot: QtBot, qapp: QApplication, as_the_app_looks: None
) -> None:
    """``table_fit.fit_to_samples`` measures as the view draws (style sheet padding, bold cells, a
    decoration), before the view is shown, and no wider than needed."""
    from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

    from ui.table_fit import fit_to_samples
    from ui.widgets import make_table_view

    texts = ["Decision maker", "Confirmed by the client", "12/28/2088 10:58 PM"]
    for bold, icon in ((False, False), (True, False), (False, True)):
        model = QStandardItemModel(0, 2)
        for text in texts:
            item = QStandardItem(text)
            font = item.font()
            font.setBold(bold)
            item.setFont(font)
            if icon:
                item.setData(QColor("#1e7b4c"), Qt.ItemDataRole.DecorationRole)
            model.appendRow([item, QStandardItem("x")])
        view = make_table_view(model, stretch_column=1)
        qtbot.addWidget(view)
        width = fit_to_samples(view, 0, texts, bold=bold, icon=icon)
        view.resize(700, 300)
        view.show()
        QApplication.processEvents()
        assert clipped_cells(view, [0]) == [], (bold, icon)
        widest = max(view.sizeHintForIndex(model.index(row, 0)).width() for row in range(len(texts)))
        assert width <= widest + 4, (bold, icon)


def test_a_fitted_column_grows_with_the_font(
    qtbot: QtBot, qapp: QApplication, as_the_app_looks: None
) -> None:
    """Text scales with the system font (issue 13 item 10): a fitted column is fitted again when the view's
    font grows, so its labels stay whole."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    from ui.table_fit import fit_to_samples
    from ui.widgets import make_table_view

    texts = ["Decision maker", "Close ally"]
    model = QStandardItemModel(0, 2)
    for text in texts:
        model.appendRow([QStandardItem(text), QStandardItem("x")])
    view = make_table_view(model, stretch_column=1)
    qtbot.addWidget(view)
    view.resize(800, 300)
    view.show()
    before = fit_to_samples(view, 0, texts)
    font = QFont(view.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    view.setFont(font)
    QApplication.processEvents()
    assert view.columnWidth(0) > before * 1.4
    assert clipped_cells(view, [0]) == []
