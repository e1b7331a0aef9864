"""The action buttons of the Today sections, wired to the page: complete, snooze (menu),
reschedule and open for next steps; log a follow-up or open for neglected clients; record a
payment or open for instalments. Double-click opens the row's client."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton

if TYPE_CHECKING:
    from .page import TodayPage


class ActionsBar(QObject):
    def __init__(self, page: TodayPage) -> None:
        super().__init__(page)
        self.page = page
        steps, neglected, instalments = page.steps_section, page.neglected_section, page.instalment_section

        self.complete_button = self._button(self.tr("Complete…"), "completeButton", primary=True)
        self.complete_button.setToolTip(
            self.tr("Log the follow-up that answers this step and set the next one")
        )
        self.complete_button.clicked.connect(self._on_complete_clicked)
        steps.add_button(self.complete_button)

        # A push button with a menu: its width makes room for the menu arrow (a tool button's arrow is
        # drawn over its text, which read "Snooz_" at 1280 px).
        self.snooze_button = self._button(self.tr("Snooze"), "snoozeButton")
        self.snooze_menu = QMenu(self.snooze_button)
        self.snooze_actions: dict[str, QAction] = {}
        for key, text in (
            ("hour", self.tr("In 1 hour")),
            ("tonight", self.tr("Tonight")),
            ("tomorrow", self.tr("Tomorrow morning")),
            ("next_week", self.tr("Next week")),
        ):
            action = self.snooze_menu.addAction(text)
            action.triggered.connect(lambda _checked=False, k=key: self._on_snooze_triggered(k))
            self.snooze_actions[key] = action
        self.snooze_button.setMenu(self.snooze_menu)
        steps.add_button(self.snooze_button)

        self.reschedule_button = self._button(self.tr("Reschedule…"), "rescheduleButton")
        self.reschedule_button.clicked.connect(self._on_reschedule_clicked)
        steps.add_button(self.reschedule_button)
        self.step_open_button = self._button(self.tr("Open client"), "stepOpenButton")
        self.step_open_button.clicked.connect(self._on_step_open_clicked)
        steps.add_button(self.step_open_button)
        steps.sig_activated.connect(lambda _row: self._on_step_open_clicked())

        self.follow_up_button = self._button(self.tr("Log follow-up…"), "followUpButton", primary=True)
        self.follow_up_button.clicked.connect(self._on_follow_up_clicked)
        neglected.add_button(self.follow_up_button)
        self.neglected_open_button = self._button(self.tr("Open client"), "neglectedOpenButton")
        self.neglected_open_button.clicked.connect(self._on_neglected_open_clicked)
        neglected.add_button(self.neglected_open_button)
        neglected.sig_activated.connect(lambda _row: self._on_neglected_open_clicked())

        self.payment_button = self._button(self.tr("Record payment…"), "paymentButton", primary=True)
        self.payment_button.clicked.connect(self._on_payment_clicked)
        instalments.add_button(self.payment_button)
        self.instalment_open_button = self._button(self.tr("Open client"), "instalmentOpenButton")
        self.instalment_open_button.clicked.connect(self._on_instalment_open_clicked)
        instalments.add_button(self.instalment_open_button)
        instalments.sig_activated.connect(lambda _row: self._on_instalment_open_clicked())

    def _button(self, text: str, name: str, primary: bool = False) -> QPushButton:
        button = QPushButton(text, self.page)
        button.setObjectName(name)
        if primary:
            button.setDefault(False)
            button.setProperty("primary", True)
        return button

    def _on_complete_clicked(self) -> None:
        step = self.page.selected_step()
        if step is not None:
            self.page.complete_step(step)

    def _on_snooze_triggered(self, key: str) -> None:
        step = self.page.selected_step()
        if step is None:
            return
        if key == "hour":
            self.page.snooze_step(step, minutes=60)
        else:
            self.page.snooze_step(step, bucket=key)

    def _on_reschedule_clicked(self) -> None:
        step = self.page.selected_step()
        if step is not None:
            self.page.reschedule_step(step)

    def _on_step_open_clicked(self) -> None:
        step = self.page.selected_step()
        if step is not None:
            self.page.open_client(step.client_id)

    def _on_follow_up_clicked(self) -> None:
        client = self.page.selected_neglected()
        if client is not None:
            self.page.log_follow_up(client.id)

    def _on_neglected_open_clicked(self) -> None:
        client = self.page.selected_neglected()
        if client is not None:
            self.page.open_client(client.id)

    def _on_payment_clicked(self) -> None:
        instalment = self.page.selected_instalment()
        if instalment is not None:
            self.page.record_payment(instalment)

    def _on_instalment_open_clicked(self) -> None:
        instalment = self.page.selected_instalment()
        if instalment is not None:
            self.page.open_client(instalment.client_id)
