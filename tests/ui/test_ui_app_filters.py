"""ui.app_filters: the application-wide filters, installed after the window's first paint, catch up on the
widgets built before them (what they would have done at those widgets' polish)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QItemDelegate,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui import app_filters
from ui.cell_tips import ElidedTextTips


def test_widgets_built_before_the_filters_get_what_their_polish_would_have_given(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_filters, "_installed", False)  # as at start, before the first paint
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    combo, spin, table = QComboBox(root), QSpinBox(root), QTableView(root)
    for widget in (combo, spin, table):
        layout.addWidget(widget)
    root.show()
    qtbot.waitExposed(root)  # polished
    # As polished without the filters (an earlier test may have installed them on this application):
    combo.setItemDelegate(QItemDelegate(combo))  # Qt's own is not a QStyledItemDelegate either
    table.setItemDelegate(QStyledItemDelegate(table))
    combo.setFocusPolicy(Qt.FocusPolicy.WheelFocus)
    spin.setFocusPolicy(Qt.FocusPolicy.WheelFocus)

    app_filters.install_application_filters()

    assert app_filters.installed()
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel passes an unfocused field by
    assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert isinstance(combo.itemDelegate(), QStyledItemDelegate)  # drawn under the style sheet
    assert isinstance(table.itemDelegate(), ElidedTextTips)  # a cut cell shows its whole text


def test_the_window_start_installs_them_right_after_its_first_paint(
    qtbot: QtBot, db: object, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.shell import Shell

    monkeypatch.setattr(app_filters, "_installed", False)
    monkeypatch.setattr("ui.shell.ask_first_user", lambda window: None)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    shell = Shell(app, db_path, "en")
    window = shell.start()
    qtbot.addWidget(window)
    assert not app_filters.installed()  # built and shown, not painted yet
    qtbot.waitUntil(app_filters.installed, timeout=5000)
    combos = window.findChildren(QComboBox)
    assert combos and all(isinstance(combo.itemDelegate(), QStyledItemDelegate) for combo in combos)


def test_widgets_built_with_the_filters_suspended_get_them_after(qtbot: QtBot) -> None:
    app_filters.install_application_filters()
    built: list[QWidget] = []
    with app_filters.suspended(built):
        root = QWidget()
        qtbot.addWidget(root)
        layout = QVBoxLayout(root)
        combo, spin, table = QComboBox(root), QSpinBox(root), QTableView(root)
        for widget in (combo, spin, table):
            layout.addWidget(widget)
        combo.setItemDelegate(QItemDelegate(combo))
        combo.setFocusPolicy(Qt.FocusPolicy.WheelFocus)
        built.append(root)
        root.show()  # polished meanwhile: with the filters off, nothing changed the combo box
        qtbot.waitExposed(root)
        assert combo.focusPolicy() == Qt.FocusPolicy.WheelFocus
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert isinstance(combo.itemDelegate(), QStyledItemDelegate)
    assert isinstance(table.itemDelegate(), ElidedTextTips)
    # ... and on again after it: an unfocused spin box ignores the wheel.
    from ui import input_guard

    assert input_guard._guard is not None
    later = QSpinBox()
    qtbot.addWidget(later)
    later.setFocusPolicy(Qt.FocusPolicy.WheelFocus)
    later.show()
    qtbot.waitExposed(later)
    assert later.focusPolicy() == Qt.FocusPolicy.StrongFocus  # polished through the filter again


def test_a_clients_hub_and_its_tabs_are_built_with_the_filters_suspended(
    qtbot: QtBot, db: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening the first client builds the hub, then its tabs a turn each: without the filters' Python on
    every event of the build, and with what they do at polish done after (no spin box nor combo box in
    the hub takes the wheel unfocused)."""
    from PySide6.QtWidgets import QAbstractSpinBox

    from desktop_crm.models import Client
    from ui.pages.clients.page import ClientsPage

    app_filters.install_application_filters()
    client = Client.create(name="华夏机械")
    built: list[str] = []
    real = app_filters.built_suspended
    monkeypatch.setattr(app_filters, "built_suspended", lambda make: (built.append("x"), real(make))[1])
    page = ClientsPage()
    qtbot.addWidget(page)
    page.show()
    page.open_client(client.id)
    hub = page.hub
    qtbot.waitUntil(lambda: not hub._pending and not hub.loading_label.isVisible(), timeout=10_000)
    assert len(built) == 1 + len(hub._built)  # the hub, then each later tab
    for tab in range(hub.tabs.count()):
        hub.tabs.setCurrentIndex(tab)
    boxes = [*hub.findChildren(QAbstractSpinBox), *hub.findChildren(QComboBox)]
    assert boxes and all(b.focusPolicy() != Qt.FocusPolicy.WheelFocus for b in boxes)


def test_a_pages_first_showing_runs_without_the_filters_and_gets_them_after(
    qtbot: QtBot, db: object, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Showing a page the first time polishes each of its widgets (an event each): done with the filters
    suspended, what they do at polish applied after; later showings go through them as usual."""
    from PySide6.QtWidgets import QAbstractSpinBox

    from ui.main_window import MainWindow
    from ui.pages import PAGE_KEYS

    app_filters.install_application_filters()
    window = MainWindow(db_path, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    roots: list[list[QWidget]] = []
    real = app_filters.suspended
    monkeypatch.setattr(app_filters, "suspended", lambda built: (roots.append(built), real(built))[1])
    settings = PAGE_KEYS.index("settings")
    window.show_page(settings)
    page = window.page("settings")
    assert [page] in roots  # built, then shown the first time, each with the filters off
    shown_first = len(roots)
    boxes = [*page.findChildren(QAbstractSpinBox), *page.findChildren(QComboBox)]
    assert boxes and all(b.focusPolicy() == Qt.FocusPolicy.StrongFocus for b in boxes if b.isVisible())
    window.show_page(PAGE_KEYS.index("today"))
    window.show_page(settings)
    assert len(roots) == shown_first  # a later showing: as usual
