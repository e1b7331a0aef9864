"""Accessibility basics (issue 13, item 10), checked on EVERY page and the main dialogs, on a small database:

(a) no visible button without readable text (an icon, "✕", "◀") lacks an accessible name (and a tooltip),
    and every visible input has a name: a QLabel buddy or an accessible name;
(b) Tab visits every visible, enabled control that takes the focus by Tab exactly once, in reading order
    (each next control is below, or on the same row to the right, or starts a column to the right, or
    lies inside the previous one, as a scroll area's first field), and comes back: no focus trap;
(c) text follows the application font: at 1.5× its size the page titles, labels and table rows grow,
    and no widget or style sheet has a pixel font size.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QScrollArea,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_crm import clock
from ui import a11y, prompts
from ui.main_window import MainWindow
from ui.pages import PAGE_KEYS

REAL_RUN_MODAL = prompts.run_modal  # conftest replaces it in every test
ROOT = Path(__file__).resolve().parents[2]


# --- the checks -------------------------------------------------------------------------------------
def _describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QAbstractButton, QLabel)) else ""
    return f"{type(widget).__name__}#{widget.objectName()}{' ' + repr(text) if text else ''}"


def _inner(widget: QWidget) -> bool:
    """The line edit inside a spin box or combo box (the box itself is the control)."""
    return isinstance(widget.parent(), (QAbstractSpinBox, QComboBox))


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled()


def _stop_key(widget: QWidget) -> int:
    """A Tab stop's identity: the buttons of an exclusive group are one stop (Tab enters the group once,
    the arrow keys move inside it: Qt's and every platform's convention for option buttons)."""
    if isinstance(widget, QAbstractButton):
        group = widget.group()
        if group is not None and group.exclusive():
            return id(group)
        if widget.autoExclusive() and widget.isCheckable() and widget.parentWidget() is not None:
            return id(widget.parentWidget())
    return id(widget)


def _chain(root: QWidget) -> list[QWidget]:
    """The focus chain's Tab stops under ``root``; a window's ring starts at its top-left control."""
    chain = [widget for widget in a11y.focus_chain(root) if _shown(widget)]
    if root.isWindow() and chain:
        first = min(chain, key=lambda widget: (_rect(widget, root).top(), _rect(widget, root).left()))
        start = chain.index(first)
        chain = chain[start:] + chain[:start]
    return chain


def tab_stops(root: QWidget) -> list[QWidget]:
    """Every control under ``root`` a user can reach with Tab now (shown, enabled, Tab focus)."""
    return [
        widget
        for widget in root.findChildren(QWidget)
        if _shown(widget)
        and not widget.isWindow()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not _inner(widget)
        and not isinstance(widget, QTabWidget)  # its tab bar takes the focus
    ]


def unnamed_controls(root: QWidget) -> list[str]:
    problems = []
    for button in root.findChildren(QAbstractButton):
        if not button.isVisible() or a11y.readable(button.text()):
            continue
        if not button.accessibleName():
            problems.append(f"{_describe(button)} has no accessible name")
        elif not button.icon().isNull() and not button.toolTip():
            problems.append(f"{_describe(button)} has no tooltip")
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}
    for widget in root.findChildren(QWidget):
        needs = isinstance(widget, a11y.INPUTS) and widget.isVisible() and not _inner(widget)
        if needs and not widget.accessibleName() and id(widget) not in buddies:
            problems.append(f"{_describe(widget)} has neither a label buddy nor an accessible name")
    return problems


def _rect(widget: QWidget, root: QWidget) -> QRect:
    """``widget``'s place in ``root`` as laid out: a scroll area's content counts from its top, however
    far it is scrolled (Tab scrolls it)."""
    x = y = 0
    current: QWidget | None = widget
    while current is not None and current is not root:
        parent = current.parentWidget()
        area = parent.parentWidget() if parent is not None else None
        if not (isinstance(area, QScrollArea) and parent is area.viewport()):
            x, y = x + current.x(), y + current.y()
        current = parent
    return QRect(x, y, widget.width(), widget.height())


def reads_after(previous: QRect, current: QRect) -> bool:
    """Whether ``current`` may follow ``previous`` when reading (see the module's docstring)."""
    below = current.top() >= previous.center().y()
    same_row = (
        abs(current.center().y() - previous.center().y()) <= max(previous.height(), current.height()) / 2
    )
    right = current.left() >= previous.right() - 2
    inside = previous.contains(current)
    return below or (same_row and right) or right or inside


def order_problems(root: QWidget, stops: list[QWidget]) -> list[str]:
    problems = []
    for previous, current in zip(stops, stops[1:], strict=False):
        if not reads_after(_rect(previous, root), _rect(current, root)):
            problems.append(
                f"{_describe(current)} at {_rect(current, root).getRect()} follows "
                f"{_describe(previous)} at {_rect(previous, root).getRect()}"
            )
    return problems


def chain_problems(root: QWidget) -> list[str]:
    """The focus chain holds every Tab stop once, in reading order."""
    chain = _chain(root)
    counts = Counter(id(widget) for widget in chain)
    problems = [
        f"{_describe(w)} is in the focus chain {counts[id(w)]} times" for w in chain if counts[id(w)] > 1
    ]
    problems += [f"{_describe(w)} is not in the focus chain" for w in tab_stops(root) if id(w) not in counts]
    return problems + order_problems(root, chain)


def press_tab_through(qtbot: QtBot, root: QWidget) -> list[str]:
    """Press Tab from the first control: each control once, in reading order, then out and back."""
    stops = _chain(root)
    if not stops:
        return []
    stops[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    visited: list[QWidget] = [stops[0]]
    for _ in range(6 * len(stops) + 40):  # a date field's sections and a browser's links take a Tab each
        focus = QApplication.focusWidget()
        assert focus is not None, "the focus was lost"
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is None:
            break
        now = now.parentWidget() if _inner(now) and now.parentWidget() is not None else now
        if now is visited[-1]:
            continue  # Tab moved inside the control (a date's next section, a link)
        if now is stops[0]:
            break
        visited.append(now)
    else:
        if os.environ.get("A11Y_DEBUG"):
            print([_describe(w) for w in visited[:80]])
        return [f"Tab never came back to {_describe(stops[0])}: stuck at {_describe(visited[-1])}"]
    if os.environ.get("A11Y_DEBUG"):
        print([_describe(w) for w in visited[:80]])
    inside = [widget for widget in visited if root.isAncestorOf(widget)]
    counts = Counter(_stop_key(widget) for widget in inside)
    problems = [
        f"Tab visits {_describe(w)} {counts[_stop_key(w)]} times" for w in inside if counts[_stop_key(w)] > 1
    ]
    problems += [f"Tab never reaches {_describe(w)}" for w in stops if _stop_key(w) not in counts]
    return problems + order_problems(root, inside)


# --- pages ------------------------------------------------------------------------------------------
@pytest.fixture
def window(qtbot: QtBot, populated_db: object, db_path: Path) -> Iterator[MainWindow]:
    window = MainWindow(db_path, "en")
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield window


def show_page(qtbot: QtBot, window: MainWindow, key: str) -> QWidget:
    window.show_page(PAGE_KEYS.index(key))
    page = window.page(key)
    qtbot.waitUntil(lambda: not getattr(page, "loading", False), timeout=10_000)
    QApplication.processEvents()
    qtbot.waitUntil(page.accessibility_prepared)  # a turn after the page's paint (ui.pages.base)
    return page


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_every_page_names_its_controls_and_tabs_in_reading_order(
    qtbot: QtBot, window: MainWindow, key: str
) -> None:
    page = show_page(qtbot, window, key)
    assert unnamed_controls(page) == []
    assert chain_problems(page) == []
    assert press_tab_through(qtbot, page) == []


def test_views_let_tab_leave_and_the_pages_are_on_ctrl_digits(qtbot: QtBot, window: MainWindow) -> None:
    page = show_page(qtbot, window, "clients")
    table = page.findChild(QTableView, "clientsTable")
    assert table is not None and not table.tabKeyNavigation()  # arrow keys move inside, Tab leaves
    for number, key in enumerate(PAGE_KEYS, start=1):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page.key == key


# --- dialogs ----------------------------------------------------------------------------------------
def _dialogs(db: object) -> dict[str, object]:
    """How each dialog is built (on ``populated_db``): name → factory."""
    from desktop_crm.models import Client, Contract, Opportunity, User
    from ui.pages.clients.contact_dialog import ContactDialog
    from ui.pages.clients.editor import ClientEditorDialog
    from ui.pages.deals import ContractDialog, OpportunityDialog, PaymentDialog
    from ui.pages.followups.dialog import FollowUpDialog
    from ui.pages.goals.dialogs import GoalDialog

    client = Client.get(Client.name == "上海华东精密机械")
    contract = Contract.get(Contract.client == client)
    opportunity = Opportunity.get(Opportunity.name == "Phase 2")
    me = User.get(User.name == "王晓明")
    return {
        "client editor": lambda: ClientEditorDialog(None, client.id),
        "new client": lambda: ClientEditorDialog(None, None),
        "contact": lambda: ContactDialog(client.id),
        "opportunity": lambda: OpportunityDialog(None, client_id=client.id),
        "contract": lambda: ContractDialog(None, opportunity.id),
        "payment": lambda: PaymentDialog(None, contract.id),
        "follow-up": lambda: FollowUpDialog(None, client_id=client.id),
        "goal": lambda: GoalDialog(None, owner_id=me.id, year=clock.today().year, today=clock.today()),
    }


DIALOGS = (
    "client editor",
    "new client",
    "contact",
    "opportunity",
    "contract",
    "payment",
    "follow-up",
    "goal",
)


@pytest.mark.parametrize("name", DIALOGS)
def test_main_dialogs_name_their_controls_and_tab_in_reading_order(
    qtbot: QtBot, populated_db: object, name: str
) -> None:
    dialog = _dialogs(populated_db)[name]()
    assert isinstance(dialog, QDialog)
    qtbot.addWidget(dialog)
    problems: list[str] = []

    def run_instead_of_exec() -> int:  # the dialog as prompts.run_modal shows it, checked while open
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        problems.extend(unnamed_controls(dialog) + chain_problems(dialog) + press_tab_through(qtbot, dialog))
        return 0

    dialog.exec = run_instead_of_exec  # type: ignore[method-assign]
    REAL_RUN_MODAL(dialog)
    assert problems == []


def test_run_modal_prepares_the_dialog(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    prepared: list[QWidget] = []
    monkeypatch.setattr(a11y, "prepare", prepared.append)
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.exec = lambda: 0  # type: ignore[method-assign]
    assert REAL_RUN_MODAL(dialog) == 0
    assert prepared == [dialog]


# --- text size --------------------------------------------------------------------------------------
@pytest.fixture
def large_font(qtbot: QtBot) -> Iterator[float]:
    """The application font at 1.5× (as a larger system font would set it) with the light theme."""
    from ui.theme import apply_theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before, sheet, theme = app.font(), app.styleSheet(), app.property("crmTheme")
    normal = a11y.base_point_size()
    font = app.font()
    font.setPointSizeF(normal * 1.5)
    app.setFont(font)
    apply_theme(app, "light")
    yield normal
    app.setFont(before)
    app.setProperty("crmTheme", theme)
    app.setStyleSheet(sheet)


def test_text_follows_the_application_font(
    qtbot: QtBot, large_font: float, populated_db: object, db_path: Path
) -> None:
    window = MainWindow(db_path, "en")
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    today = show_page(qtbot, window, "today")
    title = today.title_label.font().pointSizeF()  # type: ignore[attr-defined]
    assert title >= 1.5 * 1.65 * large_font * 0.95  # the style sheet's 1.65em of the larger font
    assert today.subtitle_label.font().pointSizeF() >= 1.5 * large_font * 0.95  # type: ignore[attr-defined]
    clients = show_page(qtbot, window, "clients")
    table = clients.findChild(QTableView, "clientsTable")
    assert table is not None
    assert table.verticalHeader().defaultSectionSize() >= table.fontMetrics().height() + 4
    for key in PAGE_KEYS:
        page = show_page(qtbot, window, key)
        for widget in [page, *page.findChildren(QWidget)]:
            assert widget.font().pixelSize() == -1, f"{_describe(widget)} on {key} has a pixel font size"
            assert not re.search(r"font-size:\s*\d+(\.\d+)?px", widget.styleSheet()), _describe(widget)
            if isinstance(widget, QLabel) and widget.text() and widget.isVisible():
                assert widget.font().pointSizeF() >= 1.5 * large_font * 0.8, f"{_describe(widget)} on {key}"


def test_no_pixel_font_sizes_in_the_sources() -> None:
    """Style sheets and widget code give font sizes in em (times the application font), never in px."""
    pattern = re.compile(r"font-size:\s*\d+(\.\d+)?px|setPixelSize\(")
    allowed = {"ui/attachments/preview.py"}  # draws a file-type badge into an image of a fixed pixel size
    offenders = []
    for path in [*ROOT.glob("ui/**/*.py"), *ROOT.glob("resources/styles/*.qss")]:
        relative = path.relative_to(ROOT).as_posix()
        if relative not in allowed and pattern.search(path.read_text(encoding="utf-8")):
            offenders.append(relative)
    assert offenders == []


def test_qt_icon_buttons_are_named(qtbot: QtBot) -> None:
    """The buttons Qt draws itself: a search field's clear button and a date popup's month arrows."""
    from PySide6.QtWidgets import QDateEdit, QLineEdit, QToolButton, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    search = QLineEdit(root)
    search.setClearButtonEnabled(True)
    search.setText("华东")
    search.setPlaceholderText("Search")  # becomes its name
    date_edit = QDateEdit(root)
    date_edit.setAccessibleName("Due")
    date_edit.setCalendarPopup(True)
    layout.addWidget(search)
    layout.addWidget(date_edit)
    root.show()
    qtbot.waitExposed(root)
    a11y.prepare(root)
    clear = [button for button in search.findChildren(QToolButton) if button.isVisible()]
    assert clear and all(button.accessibleName() == "Clear the text" for button in clear)
    calendar = date_edit.calendarWidget()
    names = {button.objectName(): button.accessibleName() for button in calendar.findChildren(QToolButton)}
    assert names["qt_calendar_prevmonth"] == "Previous month"
    assert names["qt_calendar_nextmonth"] == "Next month"
    assert unnamed_controls(root) == []


def test_our_date_edits_make_and_name_their_calendar_when_first_pressed(qtbot: QtBot) -> None:
    """A page's date fields do not make their pop-up calendars when the page is prepared (a month of
    widgets each): the calendar is made, its month arrows named, at the first key or mouse press."""
    from PySide6.QtWidgets import QCalendarWidget, QToolButton, QVBoxLayout

    from ui.inputs import DateEdit, DateTimeEdit

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    edits = [DateEdit(root), DateTimeEdit(root)]
    for edit in edits:
        edit.setAccessibleName("Due")
        layout.addWidget(edit)
    root.show()
    qtbot.waitExposed(root)
    a11y.prepare(root)
    assert [edit.findChild(QCalendarWidget) for edit in edits] == [None, None]
    assert unnamed_controls(root) == []
    qtbot.keyClick(edits[0], Qt.Key.Key_Right)
    qtbot.mouseClick(edits[1], Qt.MouseButton.LeftButton)
    for edit in edits:
        calendar = edit.findChild(QCalendarWidget)
        assert calendar is not None
        names = {b.objectName(): b.accessibleName() for b in calendar.findChildren(QToolButton)}
        assert names["qt_calendar_prevmonth"] == "Previous month", type(edit).__name__
        assert names["qt_calendar_nextmonth"] == "Next month", type(edit).__name__
        calendar.window().hide()


def test_the_style_sheet_follows_a_font_change(qtbot: QtBot) -> None:
    """The system font changing while the window is open (QApplication.fontChanged): the style sheet's
    sizes are recomputed from the new font."""
    from ui.theme import apply_theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before, sheet, theme = app.font(), app.styleSheet(), app.property("crmTheme")
    try:
        apply_theme(app, "light")
        title = re.compile(r"QLabel#pageTitle \{\s*font-size: ([0-9.]+)pt")
        match = title.search(app.styleSheet())
        assert match is not None
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        app.setFont(font)
        grown = title.search(app.styleSheet())
        assert grown is not None and float(grown.group(1)) >= 1.9 * float(match.group(1))
    finally:
        app.setFont(before)
        app.setProperty("crmTheme", theme)
        app.setStyleSheet(sheet)
