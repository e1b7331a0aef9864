"""Settings → Client care: when a signed client is listed on Today as a re-development candidate (signed
more than N months ago, no new opportunity for M months) and the web search address of the dossier."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop_crm.care_read import MONTHS_RANGE, care_settings
from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.services.care_settings import set_care_settings

from ..errors import error_text
from ..reminders import agenda_notifier
from ..widgets import section_card


class CareSettingsSection(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("careSettings")
        layout, heading = section_card(self, self.tr("Client care"), spacing=10)
        layout.addWidget(heading)
        hint = QLabel(
            self.tr(
                "Today lists the clients to re-develop (二次开发): signed long ago and without a new "
                "opportunity lately. The dossier's web search opens this address with the company name in "
                "place of {query}."
            ),
            self,
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        low, high = MONTHS_RANGE
        self.signed_spin = QSpinBox(self)
        self.signed_spin.setObjectName("signedMonthsSpin")
        self.quiet_spin = QSpinBox(self)
        self.quiet_spin.setObjectName("quietMonthsSpin")
        for spin in (self.signed_spin, self.quiet_spin):
            spin.setRange(low, high)
            spin.setSuffix(self.tr(" months"))
            spin.setMinimumWidth(120)
            spin.setMaximumWidth(180)
        self.url_edit = QLineEdit(self)
        self.url_edit.setObjectName("searchUrlEdit")
        form.addRow(self.tr("First contract signed more than"), self.signed_spin)
        form.addRow(self.tr("No new opportunity for"), self.quiet_spin)
        form.addRow(self.tr("Web search address"), self.url_edit)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveCareSettings")
        self.save_button.clicked.connect(self._on_save_clicked)
        row.addWidget(self.status_label, 1)
        row.addWidget(self.save_button)
        layout.addLayout(row)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        settings = care_settings()
        self.signed_spin.setValue(settings.signed_months)
        self.quiet_spin.setValue(settings.quiet_months)
        self.url_edit.setText(settings.search_url)
        self.status_label.clear()

    def _on_save_clicked(self) -> None:
        try:
            set_care_settings(self.signed_spin.value(), self.quiet_spin.value(), self.url_edit.text())
        except (ValidationError, CrmError) as exc:
            self.status_label.setStyleSheet("color: #b91c1c;")
            self.status_label.setText(error_text(exc))
            return
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("Saved."))
        agenda_notifier().sig_settings_changed.emit()  # Today reloads its lists
