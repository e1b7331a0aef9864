"""Reminders while the application runs: the Today badge (always) and a desktop notification
through the system tray (where there is one).

``ReminderService`` checks once a minute (and whenever the agenda changes) which open next steps
of the current user come due within the lead time, and how many items need attention now. It
never notifies the same step at the same due time twice in a session (a step snoozed to a new
time is reminded again at that time). The clock is injected, so tests drive it with a fake one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon

from desktop_crm import clock
from desktop_crm.agenda import AgendaStep
from desktop_crm.reminders import ReminderSnapshot, reminder_snapshot
from desktop_crm.services.agenda_settings import ReminderSettings, load_reminder_settings

from . import fmt
from .changes import ChangeSet, bus
from .tasks import default_worker

log = logging.getLogger(__name__)
CHECK_INTERVAL_MS = 60_000


class AgendaNotifier(QObject):
    """Tells the Today page and the reminders that the agenda or its settings changed."""

    sig_agenda_changed = Signal()
    sig_settings_changed = Signal()


_notifier: AgendaNotifier | None = None


def agenda_notifier() -> AgendaNotifier:
    global _notifier
    if _notifier is None:
        _notifier = AgendaNotifier()
    return _notifier


def _default_clock() -> datetime:
    return clock.now()


def _default_user() -> int | None:
    from desktop_crm.read.users import current_user_id

    return current_user_id()


class ReminderService(QObject):
    """Emits ``sig_badge_changed(count)`` and ``sig_reminded(steps)`` (also shown in the tray);
    ``sig_open_requested`` when the user clicks a tray message."""

    sig_badge_changed = Signal(int)
    sig_reminded = Signal(list)
    sig_open_requested = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        clock: Callable[[], datetime] | None = None,
        user: Callable[[], int | None] | None = None,
        tray_available: bool | None = None,
        background: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock or _default_clock
        self.user = user or _default_user
        self.background = background  # on the database worker; None: when the file is large
        self.tray_available = (
            QSystemTrayIcon.isSystemTrayAvailable() if tray_available is None else tray_available
        )
        self.tray: QSystemTrayIcon | None = None
        self.badge = 0
        self.settings = ReminderSettings()
        self.notified: set[tuple[int, datetime]] = set()
        self._last_check: datetime | None = None
        self._pending = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        agenda_notifier().sig_agenda_changed.connect(self.check)
        agenda_notifier().sig_settings_changed.connect(self._on_settings_changed)
        bus().sig_changed.connect(self._on_data_changed)  # a step planned, done or moved anywhere

    def start(self) -> None:
        self._on_settings_changed()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    def reset(self) -> None:
        """Another database: forget what was notified and check again."""
        self.notified.clear()
        self._last_check = None
        self._on_settings_changed()

    # --- checking -----------------------------------------------------------------------------
    def check(self) -> None:
        """Check now: inline, or on the database worker when ``background``."""
        from desktop_crm.models import database

        if database.obj is None:
            return
        now, user_id, since = self.clock(), self.user(), self._last_check
        lead = self.settings.lead_minutes
        background = self.background
        if background is None:
            from desktop_crm.read.size import is_large

            background = is_large()
        if not background:
            try:
                snapshot = reminder_snapshot(now, user_id, lead, since)
            except Exception:  # a reminder must never break the window
                log.exception("reminder check failed")
                return
            self.apply(snapshot)
            return
        if self._pending:
            return
        self._pending = True
        job = default_worker().submit(lambda _p: reminder_snapshot(now, user_id, lead, since))
        job.sig_finished.connect(self.apply)
        for signal in (job.sig_finished, job.sig_failed, job.sig_cancelled):
            signal.connect(self._on_job_done)

    def apply(self, snapshot: ReminderSnapshot) -> None:
        """Update the badge and notify the steps coming due that were not notified yet."""
        self._last_check = snapshot.now
        if snapshot.badge_count != self.badge:
            self.badge = snapshot.badge_count
            self.sig_badge_changed.emit(self.badge)
        if not self.settings.enabled:
            return
        fresh = [s for s in snapshot.coming_due if (s.id, s.due_at) not in self.notified]
        if not fresh:
            return
        self.notified.update((s.id, s.due_at) for s in fresh)
        self.notify(fresh)

    def notify(self, steps: list[AgendaStep]) -> None:
        title, text = self.message(steps)
        if self.tray_available:
            tray = self._tray()
            tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)
        self.sig_reminded.emit(steps)

    def message(self, steps: list[AgendaStep]) -> tuple[str, str]:
        first = steps[0]
        lines = [
            self.tr("{time} · {client}: {title}").format(
                time=fmt.short_datetime(s.due_at), client=s.client_name, title=s.title
            )
            for s in steps[:5]
        ]
        if len(steps) > 5:
            lines.append(self.tr("… and {count} more").format(count=len(steps) - 5))
        if len(steps) == 1:
            return self.tr("Next step due at {time}").format(time=fmt.short_datetime(first.due_at)), lines[0]
        return self.tr("{count} next steps coming due").format(count=len(steps)), "\n".join(lines)

    def _tray(self) -> QSystemTrayIcon:
        if self.tray is None:
            app = QApplication.instance()
            icon = app.windowIcon() if isinstance(app, QApplication) else None
            if icon is None or icon.isNull():
                icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip(self.tr("Sales CRM"))
            self.tray.messageClicked.connect(self.sig_open_requested)
            self.tray.activated.connect(lambda _reason: self.sig_open_requested.emit())
            self.tray.show()
        return self.tray

    # --- slots ---------------------------------------------------------------------------------
    def _on_timer_timeout(self) -> None:
        self.check()

    def _on_job_done(self, *_args: object) -> None:
        self._pending = False

    def _on_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches(("next_step", "user")) and self.timer.isActive():
            self.check()

    def _on_settings_changed(self) -> None:
        from desktop_crm.models import database

        if database.obj is None:
            return
        try:
            self.settings = load_reminder_settings()
        except Exception:
            log.exception("reminder settings unreadable")
            self.settings = ReminderSettings()
        self.check()
