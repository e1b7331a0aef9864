"""A cut cell shows its whole text as a tooltip when hovered, in every table, tree and list view of the
application (issue 13: elided names, job titles, notes and titles showed no tooltip); a cell shown whole
shows none; a tooltip of the model's own is kept."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, Qt
from PySide6.QtGui import QHelpEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListWidget,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
)
from pytestqt.qtbot import QtBot

from desktop_crm.models import Client
from desktop_crm.services.stakeholders import create_contact
from ui.cell_tips import TIPPED_VIEWS, ElidedTextTips
from ui.combo_popup import install_combo_popup_styler
from ui.main_window import MainWindow
from ui.pages.clients.hub import ClientHubView
from ui.widgets import make_table_view

LONG = "上海华东精密机械设备制造有限公司（浦东新区分公司）"
TITLE = "Head of Procurement and Supplier Quality, Asia Pacific"


@pytest.fixture(autouse=True)
def application_filter(qapp: QApplication) -> Iterator[None]:
    install_combo_popup_styler(qapp)  # as ui.theme.apply_theme does for the application
    yield
    QToolTip.hideText()


def hover(view: QAbstractItemView, index: QModelIndex) -> str:
    """The tooltip shown over ``index`` ("" for none)."""
    QToolTip.hideText()  # hidden after a short delay: wait for it
    deadline = time.monotonic() + 5
    while QToolTip.isVisible() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    assert not QToolTip.isVisible()
    pos = view.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def shown(qtbot: QtBot, view: QAbstractItemView) -> None:
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)


def test_a_cut_cell_of_a_table_widget_shows_its_whole_text(qtbot: QtBot) -> None:
    table = QTableWidget(2, 2)
    for row, (name, city) in enumerate(((LONG, "上海"), ("Acme", "Berlin"))):
        table.setItem(row, 0, QTableWidgetItem(name))
        table.setItem(row, 1, QTableWidgetItem(city))
    shown(qtbot, table)
    table.setColumnWidth(0, 80)  # wrapped into more lines than the row holds
    model = table.model()
    assert hover(table, model.index(0, 0)) == LONG
    assert hover(table, model.index(1, 0)) == ""  # whole: no tooltip
    assert hover(table, model.index(0, 1)) == ""
    table.setColumnWidth(0, 560)
    assert hover(table, model.index(0, 0)) == ""  # wide enough now


def test_the_models_own_tooltip_wins(qtbot: QtBot) -> None:
    table = QTableWidget(1, 1)
    item = QTableWidgetItem(LONG)
    item.setToolTip("Opened 11/25/2026 10:00 AM")
    table.setItem(0, 0, item)
    shown(qtbot, table)
    table.setColumnWidth(0, 80)
    assert hover(table, table.model().index(0, 0)) == "Opened 11/25/2026 10:00 AM"


def test_table_views_trees_and_lists(qtbot: QtBot) -> None:
    model = QStandardItemModel(2, 2)
    model.setItem(0, 0, QStandardItem(TITLE))
    model.setItem(0, 1, QStandardItem("x"))
    bold = QStandardItem(TITLE)
    font = bold.font()
    font.setBold(True)
    bold.setFont(font)
    model.setItem(1, 0, bold)
    view = make_table_view(model, stretch_column=1)
    shown(qtbot, view)
    view.setColumnWidth(0, 200)
    assert hover(view, model.index(0, 0)) == TITLE
    assert hover(view, model.index(1, 0)) == TITLE
    assert hover(view, model.index(0, 1)) == ""

    tree = QTreeWidget()
    tree.setColumnCount(2)
    parent = QTreeWidgetItem(["Goals 2026", TITLE])
    parent.addChild(QTreeWidgetItem([TITLE, "ok"]))
    tree.addTopLevelItem(parent)
    tree.expandAll()
    shown(qtbot, tree)
    tree.header().setStretchLastSection(False)
    tree.setColumnWidth(0, 220)
    tree.setColumnWidth(1, 150)
    tree_model = tree.model()
    assert hover(tree, tree_model.index(0, 1)) == TITLE
    assert hover(tree, tree_model.index(0, 0)) == ""
    assert hover(tree, tree_model.index(0, 0, tree_model.index(0, 0))) == TITLE

    listing = QListWidget()
    listing.addItems([f"Row 3: {TITLE} is not a known stage", "Row 4: fine"])
    shown(qtbot, listing)
    listing.resize(200, 200)
    assert hover(listing, listing.model().index(0, 0)) == listing.item(0).text()
    assert hover(listing, listing.model().index(1, 0)) == ""


def test_a_note_of_several_lines_in_a_row_of_one(qtbot: QtBot) -> None:
    note = "Called the buyer.\nThey want the quote by Friday.\nSend it to the plant manager too."
    model = QStandardItemModel(1, 2)
    model.setItem(0, 0, QStandardItem(note))
    model.setItem(0, 1, QStandardItem(""))
    view = make_table_view(model, stretch_column=1)
    shown(qtbot, view)
    view.setColumnWidth(0, 400)  # each line fits the width, the second one not the row's height
    assert hover(view, model.index(0, 0)) == note


def test_a_text_qt_would_take_for_html_is_shown_as_written(qtbot: QtBot) -> None:
    text = "<b>Urgent</b> call back about the <i>delivery</i> and the invoice number"
    table = QTableWidget(1, 1)
    table.setItem(0, 0, QTableWidgetItem(text))
    shown(qtbot, table)
    table.setColumnWidth(0, 100)
    tip = hover(table, table.model().index(0, 0))
    assert "&lt;b&gt;Urgent&lt;/b&gt;" in tip and "<b>" not in tip


def test_a_delegate_set_by_the_code_is_kept(qtbot: QtBot) -> None:
    class Mine(QStyledItemDelegate):
        pass

    table = QTableWidget(1, 1)
    mine = Mine(table)
    table.setItemDelegate(mine)
    shown(qtbot, table)
    assert table.itemDelegate() is mine


def test_the_client_pages_contacts_show_cut_names_and_job_titles(qtbot: QtBot, db: object) -> None:
    client = Client.create(name="上海华东精密机械", status="prospect")
    name = "Maximilian Alexander von Hohenberg-Schwarzenfeld"
    create_contact(client.id, name, title=TITLE)
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.resize(1280, 720)
    hub.show()
    hub.show_client(client.id)
    qtbot.waitUntil(lambda: hub.stakeholders.contacts.model.rowCount() == 1, timeout=10_000)
    table = hub.stakeholders.contacts.table
    model: QAbstractItemModel = table.model()
    assert hover(table, model.index(0, 0)) == name
    table.setColumnWidth(1, 120)
    assert hover(table, model.index(0, 1)) == TITLE


def test_every_view_of_the_window_shows_cut_texts(qtbot: QtBot, populated_db: object, db_path: Path) -> None:
    window = MainWindow(db_path, "en")
    window.remember_state = False
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    for index in range(len(window.pages)):
        window.show_page(index)
        QApplication.processEvents()
    views = [
        view
        for view in window.findChildren(QAbstractItemView)
        if isinstance(view, TIPPED_VIEWS) and view.window().windowType() != Qt.WindowType.Popup
    ]
    assert len(views) > 10
    plain = [
        view.objectName() or type(view).__name__
        for view in views
        if type(view.itemDelegate()) is QStyledItemDelegate
    ]
    assert plain == []  # each has the tips' delegate or one of its own (the pipeline's cards)
    tipped = [view for view in views if isinstance(view.itemDelegate(), ElidedTextTips)]
    assert len(tipped) > 10
