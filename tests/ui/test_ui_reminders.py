"""Reminders: a fake clock drives the checks; each step is notified once; the badge follows the
agenda; without a tray only the badge (and the status bar) tell; the main window shows the badge."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_crm.clock import FrozenClock
from desktop_crm.models import Client, NextStep, User
from desktop_crm.services.agenda_settings import save_reminder_settings
from ui.reminders import ReminderService, agenda_notifier


class FakeTray:
    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []

    def showMessage(self, title: str, text: str, *_args: object) -> None:  # noqa: N802 (Qt's name)
        self.messages.append((title, text))


@pytest.fixture
def steps(db: object) -> dict[str, object]:
    me = User.create(name="王晓明")
    client = Client.create(name="华夏机械", owner=me)
    return {
        "me": me,
        "late": NextStep.create(client=client, user=me, due_at=datetime(2026, 11, 17, 9), title="回访"),
        "soon": NextStep.create(
            client=client, user=me, due_at=datetime(2026, 11, 18, 10, 5), title="电话确认报价单"
        ),
        "later": NextStep.create(client=client, user=me, due_at=datetime(2026, 11, 18, 16), title="发合同"),
    }


def service(qtbot: QtBot, clock: FrozenClock, user_id: int, tray: bool) -> tuple[ReminderService, FakeTray]:
    reminders = ReminderService(clock=clock, user=lambda: user_id, tray_available=tray, background=False)
    fake = FakeTray()
    reminders._tray = lambda: fake  # type: ignore[method-assign]
    return reminders, fake


def test_each_step_is_reminded_once(qtbot: QtBot, steps: dict, clock: FrozenClock) -> None:
    clock.set(datetime(2026, 11, 18, 9, 50))
    reminders, tray = service(qtbot, clock, steps["me"].id, tray=True)
    badges: list[int] = []
    reminded: list[list] = []
    reminders.sig_badge_changed.connect(badges.append)
    reminders.sig_reminded.connect(reminded.append)
    reminders.start()
    assert badges == [3] and tray.messages == []  # overdue + 2 due today; nothing within 10 min
    clock.set(datetime(2026, 11, 18, 9, 56))
    reminders._on_timer_timeout()
    assert tray.messages == [
        ("Next step due at 11/18/2026 10:05\u202fAM", "11/18/2026 10:05\u202fAM · 华夏机械: 电话确认报价单")
    ]
    for minute in range(57, 60):
        clock.set(datetime(2026, 11, 18, 9, minute))
        reminders._on_timer_timeout()
    assert len(tray.messages) == 1 and [s.title for s in reminded[0]] == ["电话确认报价单"]
    clock.set(datetime(2026, 11, 18, 15, 52))
    reminders._on_timer_timeout()
    assert [t for t, _ in tray.messages][1:] == ["Next step due at 11/18/2026 4:00\u202fPM"]
    NextStep.update(done=True).where(NextStep.id == steps["late"].id).execute()
    agenda_notifier().sig_agenda_changed.emit()
    assert badges == [3, 2]
    reminders.stop()


def test_a_snoozed_step_is_reminded_again_and_off_means_off(
    qtbot: QtBot, steps: dict, clock: FrozenClock
) -> None:
    clock.set(datetime(2026, 11, 18, 10, 0))
    reminders, tray = service(qtbot, clock, steps["me"].id, tray=True)
    reminders.start()
    assert len(tray.messages) == 1
    NextStep.update(due_at=datetime(2026, 11, 18, 11, 0)).where(NextStep.id == steps["soon"].id).execute()
    clock.set(datetime(2026, 11, 18, 10, 55))
    reminders.check()
    assert len(tray.messages) == 2
    save_reminder_settings(False, 10)
    agenda_notifier().sig_settings_changed.emit()
    clock.set(datetime(2026, 11, 18, 15, 55))
    reminders.check()
    assert len(tray.messages) == 2
    reminders.stop()


def test_without_a_tray_only_the_badge(qtbot: QtBot, steps: dict, clock: FrozenClock) -> None:
    clock.set(datetime(2026, 11, 18, 10, 0))
    reminders, tray = service(qtbot, clock, steps["me"].id, tray=False)
    reminded: list[list] = []
    reminders.sig_reminded.connect(reminded.append)
    reminders.start()
    assert tray.messages == [] and reminders.tray is None
    assert len(reminded) == 1 and reminders.badge == 3


def test_main_window_shows_the_badge(qtbot: QtBot, steps: dict, db_path: Path, clock: FrozenClock) -> None:
    from ui.main_window import MainWindow

    clock.set(datetime(2026, 11, 18, 10, 0))
    window = MainWindow(db_path, "en")
    qtbot.addWidget(window)
    assert window.nav.item(0).text() == "Today (3)"
    assert window.reminder_label.full_text == "Due 11/18/2026 10:05\u202fAM: 电话确认报价单 — 华夏机械"
    assert not window.reminder_label.isHidden()
    NextStep.update(done=True).execute()
    window.refresh_all()
    assert window.nav.item(0).text() == "Today"
    assert window.reminder_label.isHidden()  # no reminded step is due any more
    window.reminders.stop()
