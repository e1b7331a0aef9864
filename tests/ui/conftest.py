"""UI test fixtures: settings in a temporary folder, every modal dialog answered by a fake, no leaks.

No test may open a real modal dialog: ``ui.prompts.run_modal`` is replaced for every test by
``modal``, which records each dialog and returns the queued answer (default: rejected / "No").
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSettings
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop_crm import clock
from ui import i18n, prompts
from ui.settings import APPLICATION_NAME, ORGANIZATION_NAME


@dataclass
class ModalRecorder:
    """Stands in for ``prompts.run_modal``: records dialogs, answers from a queue."""

    answers: list[int] = field(default_factory=list)
    seen: list[tuple[str, str, str]] = field(default_factory=list)  # (class, title, text)

    def __call__(self, dialog: QDialog) -> int:
        text = dialog.text() if isinstance(dialog, QMessageBox) else ""
        self.seen.append((type(dialog).__name__, dialog.windowTitle(), text))
        dialog.deleteLater()
        if self.answers:
            return self.answers.pop(0)
        return QMessageBox.StandardButton.No.value if isinstance(dialog, QMessageBox) else 0

    def answer_yes(self) -> None:
        self.answers.append(QMessageBox.StandardButton.Yes.value)

    @property
    def titles(self) -> list[str]:
        return [title for _cls, title, _text in self.seen]


@pytest.fixture(autouse=True)
def modal(monkeypatch: pytest.MonkeyPatch) -> ModalRecorder:
    recorder = ModalRecorder()
    monkeypatch.setattr(prompts, "run_modal", recorder)
    return recorder


@pytest.fixture(autouse=True)
def _qt_isolation(qapp: QCoreApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Settings in a temporary folder, English by default; translators, locale and hooks restored."""
    from ui.gui_gc import install_gui_thread_collector

    install_gui_thread_collector(qapp)  # as the application does: no collection on a worker thread
    QCoreApplication.setOrganizationName(ORGANIZATION_NAME)
    QCoreApplication.setApplicationName(APPLICATION_NAME)
    settings_dir = tmp_path / "qsettings"
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(settings_dir))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    from ui.undo import undo_stack

    undo_stack().clear()  # the application's stack outlives every window: each test starts without commands
    yield
    undo_stack().clear()
    from ui.tasks import stop_default_worker

    stop_default_worker()
    _join_idle_importers()
    # The windows the test closed are deleted now (their deleteLater), not during the next test's first
    # turns of the event loop, where their timers and the change bus still reached them.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    i18n.remove_translators(qapp)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    from desktop_crm.db import close_database

    close_database()


IDLE_IMPORTERS = ("page-preload", "matplotlib-preload")  # ui.main_window, ui.charts.canvas


def _join_idle_importers(timeout_s: float = 60.0) -> None:
    """Let a window's idle-time import (started by the test, on a thread of its own) end before the next
    test: left running, it imported matplotlib beside a later test that patches that import
    (test_ui_idle_import_quiet's steps then ran on the leftover thread)."""
    import threading

    for thread in threading.enumerate():
        if thread.name in IDLE_IMPORTERS and thread.is_alive():
            thread.join(timeout_s)


@pytest.fixture
def populated_db(db: object) -> object:
    """A database with a few rows on every page: 3 clients, next steps, deals, goals, weekly forms."""
    from desktop_crm.models import (
        Client,
        Contract,
        Goal,
        GoalAction,
        GoalTarget,
        NextStep,
        Opportunity,
        Payment,
        User,
        WeeklyForm,
        WeeklyScore,
    )

    today = clock.today()
    now = clock.now()
    boss = User.create(name="陈主管", role="supervisor")
    me = User.create(name="王晓明", role="salesperson", supervisor=boss)
    clients = [
        Client.create(name=name, status="customer", owner=me, expected_amount_cents=1_000_000)
        for name in ("上海华东精密机械", "北京中科信息", "Acme GmbH")
    ]
    NextStep.create(client=clients[0], user=me, due_at=now - timedelta(days=2), title="电话确认报价单")
    NextStep.create(
        client=clients[1], user=me, due_at=now.replace(hour=23, minute=0), title="Send the proposal"
    )
    contract = Contract.create(client=clients[0], amount_cents=12_345_600, signed_on=today.replace(day=1))
    Payment.create(contract=contract, amount_cents=5_000_000, paid_on=today.replace(day=1))
    Opportunity.create(
        client=clients[2], owner=me, name="Phase 2", stage="proposal", expected_amount_cents=800_000
    )
    year = Goal.create(
        user=me,
        kind="year",
        title="年度目标",
        period_start=date(today.year, 1, 1),
        period_end=date(today.year + 1, 1, 1),
    )
    GoalTarget.create(
        goal=year, metric="signed_amount_cents", label="签约额", unit="cents", target_value=500_000_000
    )
    GoalAction.create(goal=year, title="每周拜访三家重点客户")
    iso_year, iso_week, _ = today.isocalendar()
    form = WeeklyForm.create(user=me, iso_year=iso_year, iso_week=iso_week, status="scored")
    WeeklyScore.create(form=form, scorer=boss, score=88)
    return db
