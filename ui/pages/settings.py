"""Settings: the interface language, where the data lives, the team, and the clients' custom fields."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.models import database

from .. import app_filters
from ..a11y import prepare_if_changed
from ..settings import AppSettings
from ..working_as import working_as_text
from .base import Page
from .custom_fields import CustomFieldsSection
from .settings_backups import BackupSettingsSection
from .settings_care import CareSettingsSection
from .settings_client_status import ClientStatusSettingsSection
from .settings_form import ClientFormSettingsSection
from .settings_reminders import ReminderSettingsSection
from .settings_schedule import ScheduleRulesSection
from .settings_service import ServiceTypesSection
from .settings_stages import StageProbabilitiesSection
from .settings_team import TeamSection
from .settings_weekly import WeeklyReviewSettingsSection

# Language names are shown in their own language, whatever the interface language.
LANGUAGE_NAMES = (("en", "English"), ("zh_CN", "中文（简体）"))

# The sections below the language, the data location and the team, top to bottom. They are built after
# the page is first shown, one per turn of the event loop: the whole page built and laid out in one turn
# held the window 114-180 ms on the large demo (each section 10-40 ms with its first layout).
LATER_SECTIONS: tuple[type[QWidget], ...] = (
    ScheduleRulesSection,
    ReminderSettingsSection,
    StageProbabilitiesSection,
    ClientStatusSettingsSection,
    CareSettingsSection,  # slice care
    ServiceTypesSection,  # slice service
    WeeklyReviewSettingsSection,
    BackupSettingsSection,
    ClientFormSettingsSection,  # slice attach: hide/relabel/order
    CustomFieldsSection,
)


class SettingsPage(Page):
    key = "settings"
    watches = frozenset({"user", "custom_field_def"})

    sig_language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The content scrolls, so the page never forces a minimum height on the window.
        scroll = QScrollArea(self)
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setStyleSheet(
            "QScrollArea, QScrollArea > QWidget > QWidget#settingsBody { background: transparent; }"
        )
        body = QWidget(scroll)
        body.setObjectName("settingsBody")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(16)
        scroll.setWidget(body)
        frame = QFrame(body)
        frame.setObjectName("formCard")
        frame.setMaximumWidth(860)
        form = QFormLayout(frame)
        form.setContentsMargins(20, 18, 20, 18)
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(14)
        self.language_combo = QComboBox(frame)
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.setMinimumWidth(220)
        self.language_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(name, code)
        self.language_combo.currentIndexChanged.connect(self._on_language_combo_changed)
        form.addRow(self.tr("Language"), self.language_combo)
        hint = QLabel(self.tr("The window switches language at once; your choice is remembered."), frame)
        hint.setObjectName("hint")
        form.addRow("", hint)
        self.database_edit = QLineEdit(frame)
        self.database_edit.setObjectName("databasePath")
        self.database_edit.setReadOnly(True)
        form.addRow(self.tr("Database file"), self.database_edit)
        self.user_label = QLabel(frame)
        form.addRow(self.tr("Working as"), self.user_label)
        self.settings_edit = QLineEdit(frame)
        self.settings_edit.setReadOnly(True)
        form.addRow(self.tr("Settings file"), self.settings_edit)
        body_layout.addWidget(frame)
        self.team = TeamSection(body)
        body_layout.addWidget(self.team)
        self._body, self._body_layout = body, body_layout
        self._later: list[type[QWidget]] = list(LATER_SECTIONS)  # built once shown (build_next_section)
        self.custom_fields: CustomFieldsSection | None = None
        self.page_layout.addWidget(scroll, 1)
        self._updating = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._later:
            QTimer.singleShot(0, self, self.build_next_section)

    def busy(self) -> bool:
        return bool(self._later)  # the idle-time imports wait while the sections are built

    @property
    def sections_pending(self) -> int:
        """How many sections are still to be built (the page builds them one per turn once shown)."""
        return len(self._later)

    def build_next_section(self) -> None:
        """Build the next section (with the application's event filters off, as the page itself was),
        show it, and ask for the one after it on the next turn of the event loop."""
        if not self._later:
            return
        kind = self._later.pop(0)
        built: list[QWidget] = []
        with app_filters.suspended(built):
            section = kind(self._body)
            built.append(section)
            last = not self._later
            self._body_layout.addWidget(section, 1 if last else 0)
            if self.isVisible():
                section.show()  # polished now, with the filters off
        if isinstance(section, CustomFieldsSection):
            self.custom_fields = section
            section.refresh()
        if self._later:
            QTimer.singleShot(0, self, self.build_next_section)
        else:
            prepare_if_changed(self)  # accessible names and Tab order over the whole page

    def title(self) -> str:
        return self.tr("Settings")

    @property
    def loading(self) -> bool:
        """Sections still being built (one per turn once shown), or a section's reading on its way from
        the worker (the team, the backups): screenshots and the self-test wait for it, as for the other
        pages' ``loading``."""
        # looked up, never kept in an attribute: one holding it made PySide crash in the Settings tests
        backups = self.findChild(BackupSettingsSection)
        return bool(self._later) or self.team.reading or (backups is not None and backups.reading)

    def set_current_language(self, lang: str) -> None:
        self._updating = True
        try:
            index = self.language_combo.findData(lang)
            self.language_combo.setCurrentIndex(max(index, 0))
        finally:
            self._updating = False

    def refresh(self) -> None:
        self.subtitle_label.setText(
            self.tr("Language, data location, the team and the clients' custom fields")
        )
        db = database.obj
        self.database_edit.setText(str(getattr(db, "database", "")) if db is not None else "")
        self.user_label.setText(working_as_text())
        self.settings_edit.setText(AppSettings().file_name)
        if self.custom_fields is not None:
            self.custom_fields.refresh()
        if self.team.isVisible():
            self.team.load()  # a user changed elsewhere (another program, the worker): on the worker too

    def _on_language_combo_changed(self, index: int) -> None:
        if not self._updating and index >= 0:
            self.sig_language_chosen.emit(str(self.language_combo.itemData(index)))
