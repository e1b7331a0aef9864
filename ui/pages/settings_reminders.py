"""Settings → Today and reminders: neglect days per client grade, reminders on/off and lead time.

Saved through ``desktop_crm.services.agenda_settings``; the Today page and the reminders hear of
the change through ``ui.reminders.agenda_notifier()``.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop_crm.errors import CrmError
from desktop_crm.services import agenda_settings

from ..errors import error_text
from ..labels import label
from ..reminders import agenda_notifier
from ..widgets import section_card


class ReminderSettingsSection(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout, heading = section_card(self, self.tr("Today and reminders"))
        layout.addWidget(heading)
        form = QFormLayout()
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(10)
        self.days_spins: dict[str, QSpinBox] = {}
        for grade in ("A", "B", "C"):
            spin = QSpinBox(self)
            spin.setObjectName(f"neglectDays{grade}")
            spin.setRange(agenda_settings.MIN_DAYS, agenda_settings.MAX_DAYS)
            spin.setSuffix(self.tr(" days"))
            spin.setMinimumWidth(120)
            self.days_spins[grade] = spin
            form.addRow(self.tr("Neglected after (grade {grade})").format(grade=label("grade", grade)), spin)
        self.enabled_check = QCheckBox(self.tr("Remind me of next steps coming due"), self)
        self.enabled_check.setObjectName("remindersEnabled")
        form.addRow("", self.enabled_check)
        self.lead_spin = QSpinBox(self)
        self.lead_spin.setObjectName("reminderLead")
        self.lead_spin.setRange(agenda_settings.MIN_LEAD, agenda_settings.MAX_LEAD)
        self.lead_spin.setSuffix(self.tr(" min before"))
        self.lead_spin.setMinimumWidth(120)
        form.addRow(self.tr("Remind"), self.lead_spin)
        self.enabled_check.toggled.connect(self.lead_spin.setEnabled)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("hint")
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveRemindersButton")
        self.save_button.clicked.connect(self._on_save_clicked)
        row.addWidget(self.status_label, 1)
        row.addWidget(self.save_button)
        layout.addLayout(row)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        days = agenda_settings.load_neglect_days()
        for grade, spin in self.days_spins.items():
            spin.setValue(days[grade])
        reminders = agenda_settings.load_reminder_settings()
        self.enabled_check.setChecked(reminders.enabled)
        self.lead_spin.setValue(reminders.lead_minutes)
        self.lead_spin.setEnabled(reminders.enabled)
        self.status_label.clear()

    def save(self) -> bool:
        try:
            agenda_settings.save_neglect_days({g: spin.value() for g, spin in self.days_spins.items()})
            agenda_settings.save_reminder_settings(self.enabled_check.isChecked(), self.lead_spin.value())
        except CrmError as exc:
            self.status_label.setText(error_text(exc))
            return False
        self.status_label.setText(self.tr("Saved. The Today page uses the new limits."))
        agenda_notifier().sig_settings_changed.emit()
        return True

    def _on_save_clicked(self) -> None:
        self.save()
