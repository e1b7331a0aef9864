"""The status bar's reminder without a tray (issue 13 item 7): it names the step and its client, a click
(or the keyboard) opens the step on Today, and it stays until clicked or until no reminded step is due."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_crm.clock import FrozenClock
from desktop_crm.models import Client, NextStep, User
from ui.main_window import MainWindow
from ui.pages import PAGE_KEYS
from ui.reminders import agenda_notifier


@pytest.fixture
def steps(db: object) -> dict[str, object]:
    me = User.create(name="王晓明")
    acme = Client.create(name="Acme & Söhne GmbH", owner=me)
    huaxia = Client.create(name="华夏机械", owner=me)
    return {
        "me": me,
        "late": NextStep.create(client=huaxia, user=me, due_at=datetime(2026, 11, 17, 9), title="回访"),
        "soon": NextStep.create(
            client=acme, user=me, due_at=datetime(2026, 11, 18, 10, 5), title="Call back about the quote"
        ),
        "later": NextStep.create(client=huaxia, user=me, due_at=datetime(2026, 11, 18, 16), title="发合同"),
    }


def window_at(qtbot: QtBot, db_path: Path, clock: FrozenClock, when: datetime) -> MainWindow:
    clock.set(when)
    window = MainWindow(db_path, "en")
    window.remember_state = False
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show_page(PAGE_KEYS.index("clients"))
    window.show()
    qtbot.waitExposed(window)
    assert window.reminders.tray is None  # the tests have no system tray: the status bar tells
    return window


def test_the_reminder_names_the_step_and_its_client(
    qtbot: QtBot, steps: dict, db_path: Path, clock: FrozenClock
) -> None:
    window = window_at(qtbot, db_path, clock, datetime(2026, 11, 18, 10, 0))
    button = window.reminder_label
    assert button.isVisible()
    assert "Call back about the quote" in button.full_text and "Acme & Söhne GmbH" in button.full_text
    assert button.shown_text() == button.full_text  # room enough at 1280 px: nothing elided
    assert "Acme & Söhne GmbH" in button.toolTip()
    assert button.accessibleName() and button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert button.cursor().shape() == Qt.CursorShape.PointingHandCursor
    window.reminders.stop()


def test_a_long_reminder_is_elided_never_widening_the_window(
    qtbot: QtBot, steps: dict, db_path: Path, clock: FrozenClock
) -> None:
    title = "Call back about the quote and the second phase, " * 8
    NextStep.update(title=title).where(NextStep.id == steps["soon"].id).execute()
    window = window_at(qtbot, db_path, clock, datetime(2026, 11, 18, 10, 0))
    button = window.reminder_label
    qtbot.waitUntil(lambda: button.shown_text() != button.full_text)
    assert window.width() == 1280 and title.strip() in button.full_text
    assert button.shown_text().endswith("…") and title.strip() in button.toolTip()
    assert button.fontMetrics().horizontalAdvance(button.shown_text()) <= button.width()
    assert button.geometry().right() < window.count_label.geometry().left()  # the counts stay readable
    for label in (window.count_label, window.schema_label):
        assert label.width() >= label.sizeHint().width()
    window.reminders.stop()


def test_a_click_opens_the_step_on_today(
    qtbot: QtBot, steps: dict, db_path: Path, clock: FrozenClock
) -> None:
    window = window_at(qtbot, db_path, clock, datetime(2026, 11, 18, 10, 0))
    assert window.current_page.key == "clients"
    qtbot.mouseClick(window.reminder_label, Qt.MouseButton.LeftButton)
    today = window.page("today")
    assert window.current_page.key == "today"
    assert today.selected_step() is not None and today.selected_step().id == steps["soon"].id
    assert today.actions.complete_button.isEnabled()  # the step is open: Complete…, Snooze ready
    assert window.reminder_label.isHidden()  # answered
    window.reminders.stop()


def test_the_keyboard_opens_it_too_and_several_steps_open_the_first(
    qtbot: QtBot, steps: dict, db_path: Path, clock: FrozenClock
) -> None:
    client = Client.get(Client.name == "华夏机械")
    NextStep.create(client=client, user=steps["me"], due_at=datetime(2026, 11, 18, 10, 8), title="发报价单")
    window = window_at(qtbot, db_path, clock, datetime(2026, 11, 18, 10, 0))
    button = window.reminder_label
    assert button.full_text.endswith("(+1 more)") and "Call back about the quote" in button.full_text
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert window.current_page.key == "today"
    assert window.page("today").selected_step().id == steps["soon"].id
    window.reminders.stop()


def test_it_stays_until_the_step_is_done_or_snoozed(
    qtbot: QtBot, steps: dict, db_path: Path, clock: FrozenClock
) -> None:
    window = window_at(qtbot, db_path, clock, datetime(2026, 11, 18, 10, 0))
    button = window.reminder_label
    assert button.isVisible()
    for minute in (2, 4, 7):  # minutes go by, checks run: not a timer hiding it unseen
        clock.set(datetime(2026, 11, 18, 10, minute))
        window.reminders._on_timer_timeout()
    assert button.isVisible() and "Call back about the quote" in button.full_text
    NextStep.update(done=True).where(NextStep.id == steps["soon"].id).execute()
    agenda_notifier().sig_agenda_changed.emit()
    assert button.isHidden()
    window.reminders.stop()


def test_a_snoozed_step_takes_its_reminder_away(
    qtbot: QtBot, steps: dict, db_path: Path, clock: FrozenClock
) -> None:
    window = window_at(qtbot, db_path, clock, datetime(2026, 11, 18, 10, 0))
    assert window.reminder_label.isVisible()
    today = window.page("today")
    window.show_page(PAGE_KEYS.index("today"))
    row = next(r for r in range(today.model.rowCount()) if today.model.item(r).id == steps["soon"].id)
    today.steps_section.select_row(row)
    today.actions._on_snooze_triggered("hour")
    assert window.reminder_label.isHidden()
    window.reminders.stop()


def test_a_step_not_on_today_opens_its_client(
    qtbot: QtBot, steps: dict, db_path: Path, clock: FrozenClock
) -> None:
    """A reminded step Today does not list (e.g. due after this week's end) opens its client instead."""
    window = window_at(qtbot, db_path, clock, datetime(2026, 11, 18, 10, 0))
    today = window.page("today")
    window.show_page(PAGE_KEYS.index("today"))
    client = Client.get(Client.name == "华夏机械")
    far = NextStep.create(client=client, user=steps["me"], due_at=datetime(2027, 1, 5, 9), title="年后回访")
    today.open_step(far.id, client.id)
    assert window.current_page.key == "clients"
    assert window.page("clients").hub.client_id == client.id
    window.reminders.stop()
