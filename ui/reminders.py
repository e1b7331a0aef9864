"""Reminders while the application runs: the Today badge (always) and a desktop notification
through the system tray (where there is one), and the status bar's reminder button (always, tray or
not): it names the step and its client, stays until clicked or until no reminded step is still due,
and a click opens the step on Today.

``ReminderService`` checks once a minute (and whenever the agenda changes) which open next steps
of the current user come due within the lead time, and how many items need attention now. It
never notifies the same step at the same due time twice in a session (a step snoozed to a new
time is reminded again at that time). The clock is injected, so tests drive it with a fake one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QSizePolicy, QStyle, QSystemTrayIcon, QToolButton, QWidget

from desktop_crm import clock
from desktop_crm.agenda import AgendaStep
from desktop_crm.reminders import ReminderSnapshot, reminder_snapshot
from desktop_crm.services.agenda_settings import ReminderSettings, load_reminder_settings

from . import fmt
from .changes import ChangeSet, bus
from .elided import ElidesOnResize
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
    ``sig_open_requested`` when the user clicks a tray message; ``sig_pending_changed(steps)`` when the
    reminded steps still waiting for the user change (a new reminder; a step done, snoozed or dismissed:
    ``pending`` keeps them, earliest reminded first)."""

    sig_badge_changed = Signal(int)
    sig_reminded = Signal(list)
    sig_open_requested = Signal()
    sig_pending_changed = Signal(list)

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
        self.pending: list[AgendaStep] = []  # reminded, not yet done, snoozed or dismissed
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
        self.dismiss()
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
        watched = [(s.id, s.due_at) for s in self.pending]  # still due? read with the rest
        background = self.background
        if background is None:
            from desktop_crm.read.size import is_large

            background = is_large()
        if not background:
            try:
                snapshot = reminder_snapshot(now, user_id, lead, since, watched=watched)
            except Exception:  # a reminder must never break the window
                log.exception("reminder check failed")
                return
            self.apply(snapshot)
            return
        if self._pending:
            return
        self._pending = True
        job = default_worker().submit(
            lambda _p: reminder_snapshot(now, user_id, lead, since, watched=watched)
        )
        job.sig_finished.connect(self.apply)
        for signal in (job.sig_finished, job.sig_failed, job.sig_cancelled):
            signal.connect(self._on_job_done)

    def apply(self, snapshot: ReminderSnapshot) -> None:
        """Update the badge and notify the steps coming due that were not notified yet."""
        self._last_check = snapshot.now
        if snapshot.badge_count != self.badge:
            self.badge = snapshot.badge_count
            self.sig_badge_changed.emit(self.badge)
        # The reminded steps still open at the same due time stay; done, deleted or snoozed ones go.
        still = [s for s in self.pending if (s.id, s.due_at) in snapshot.still_due]
        changed = len(still) != len(self.pending)
        self.pending = still
        fresh = [s for s in snapshot.coming_due if (s.id, s.due_at) not in self.notified]
        if self.settings.enabled and fresh:
            self.notified.update((s.id, s.due_at) for s in fresh)
            self.pending.extend(fresh)
            changed = False  # notify() tells
            self.notify(fresh)
        if changed:
            self.sig_pending_changed.emit(list(self.pending))

    def dismiss(self) -> None:
        """The user answered the reminder (or another file was opened): nothing is waiting any more."""
        if self.pending:
            self.pending = []
            self.sig_pending_changed.emit([])

    def notify(self, steps: list[AgendaStep]) -> None:
        title, text = self.message(steps)
        if self.tray_available:
            tray = self._tray()
            tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)
        self.sig_reminded.emit(steps)
        self.sig_pending_changed.emit(list(self.pending))

    def message(self, steps: list[AgendaStep]) -> tuple[str, str]:
        first = steps[0]
        lines = [
            self.tr("{time} · {client}: {title}").format(
                time=fmt.short_datetime(s.due_at), client=s.client_name, title=_step_text(s)
            )
            for s in steps[:5]
        ]
        if len(steps) > 5:
            lines.append(self.tr("… and {count} more").format(count=len(steps) - 5))
        if len(steps) == 1:
            return self.tr("Next step due at {time}").format(time=fmt.short_datetime(first.due_at)), lines[0]
        return self.tr("{count} next steps coming due").format(count=len(steps)), "\n".join(lines)

    def status_text(self, steps: list[AgendaStep]) -> str:
        """The status bar's reminder: the first step and its client, how many more."""
        first = steps[0]
        text = self.tr("Due {time}: {step} — {client}").format(
            time=fmt.short_datetime(first.due_at), step=_step_text(first), client=first.client_name
        )
        if len(steps) > 1:
            text = self.tr("{reminder} (+{count} more)").format(reminder=text, count=len(steps) - 1)
        return text

    def status_tooltip(self, steps: list[AgendaStep]) -> str:
        title, text = self.message(steps)
        return "\n".join((title, text, self.tr("Click to open the step on Today.")))

    def _tray(self) -> QSystemTrayIcon:
        if self.tray is None:
            app = QApplication.instance()
            icon = app.windowIcon() if isinstance(app, QApplication) else None
            if icon is None or icon.isNull():
                icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip(self.tr("Desktop CRM"))
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


def _step_text(step: AgendaStep) -> str:
    from .labels import label

    return step.title or label("plan_type", step.plan_type)


REMINDER_STYLE = """
QToolButton#reminderButton { color: #b4471f; font-weight: 600; border: 1px solid transparent;
                             border-radius: 4px; padding: 1px 6px; background: transparent; }
QToolButton#reminderButton:hover { text-decoration: underline; }
QToolButton#reminderButton:focus { border-color: #b4471f; }
"""


class ReminderButton(ElidesOnResize, QToolButton):
    """The status bar's reminder: a flat button with a pointing hand, its text elided to the width it
    gets (never widening the window), the whole text in its tooltip; ``full_text`` is what it says."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderButton")
        self.full_text = ""
        self.setAutoRaise(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setStyleSheet(REMINDER_STYLE)

    def set_reminder(self, text: str, tooltip: str) -> None:
        self.full_text = text
        self.setToolTip(tooltip)
        self.setAccessibleDescription(tooltip)
        self._elide()
        self.updateGeometry()

    def shown_text(self) -> str:
        """The text as drawn (elided when the bar is narrow; ``&`` not a mnemonic)."""
        return self.text().replace("&&", "&")

    def _padding(self) -> int:
        return super().sizeHint().width() - self.fontMetrics().horizontalAdvance(self.shown_text())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().sizeHint()
        width = self.fontMetrics().horizontalAdvance(self.full_text) + self._padding() + 2  # rounding
        return QSize(width, hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = self.sizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance("M") * 10), hint.height())

    def _elide(self) -> None:
        room = max(self.width() - self._padding(), 0) if self.isVisible() else 1 << 20
        shown = self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, room)
        if shown != self.shown_text():
            self.setText(shown.replace("&", "&&"))
