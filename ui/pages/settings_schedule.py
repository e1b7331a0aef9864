"""Settings → Next-step times: the rules that turn "tonight", "tomorrow", "this week"… into a due time.

Each rule is edited here with a live preview of every bucket resolved from now; saving goes through
``desktop_crm.services.schedule_rules`` (validated; a refusal is shown under the form).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLocale, QTime
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.errors import CrmError
from desktop_crm.models import now as clock_now
from desktop_crm.schedule import BUCKET_ORDER, BucketRules, resolve_bucket
from desktop_crm.services import schedule_rules

from ..a11y import scaled_css
from ..errors import error_text
from ..labels import label
from .followups.next_step import to_qdatetime

TIME_FIELDS = ("day_end", "tonight", "morning", "this_week_time")


class ScheduleRulesSection(QFrame):
    """Edits ``BucketRules``; ``now`` can be fixed (tests, screenshots)."""

    def __init__(self, parent: QWidget | None = None, now: datetime | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formCard")
        self.setMaximumWidth(860)
        self._fixed_now = now
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(12)
        heading = QLabel(self.tr("Next-step times"), self)
        heading.setStyleSheet(scaled_css("font-size: 1.15em; font-weight: 600;"))
        head = QVBoxLayout()
        head.setSpacing(2)
        head.addWidget(heading)
        layout.addLayout(head)
        intro = QLabel(
            self.tr("When a fuzzy next-step time falls due. The preview shows each one from now."), self
        )
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        head.addWidget(intro)

        form = QFormLayout()
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(8)
        self.hours_spin = QSpinBox(self)
        self.hours_spin.setObjectName("laterTodayHours")
        self.hours_spin.setRange(1, 12)
        self.hours_spin.setSuffix(self.tr(" h from now"))
        form.addRow(label("bucket", "later_today"), self.hours_spin)
        self.time_edits: dict[str, QTimeEdit] = {}
        captions = {
            "day_end": self.tr("Day ends at"),
            "tonight": label("bucket", "tonight"),
            "morning": self.tr("Mornings start at"),
            "this_week_time": self.tr("“This week” time"),
        }
        for key in TIME_FIELDS:
            edit = QTimeEdit(self)
            edit.setObjectName(f"time_{key}")
            edit.setDisplayFormat("HH:mm")
            self.time_edits[key] = edit
        form.addRow(captions["day_end"], self.time_edits["day_end"])
        form.addRow(captions["tonight"], self.time_edits["tonight"])
        form.addRow(captions["morning"], self.time_edits["morning"])
        self.week_day_combo = self._day_combo("thisWeekDay")
        week_row = QHBoxLayout()
        week_row.addWidget(self.week_day_combo)
        week_row.addWidget(self.time_edits["this_week_time"])
        week_row.addStretch(1)
        form.addRow(label("bucket", "this_week"), week_row)
        self.next_week_combo = self._day_combo("nextWeekDay")
        form.addRow(label("bucket", "next_week"), self.next_week_combo)
        for widget in (self.hours_spin, *self.time_edits.values(), self.next_week_combo):
            widget.setFixedWidth(150)
        self.week_day_combo.setFixedWidth(150)
        self.time_edits["this_week_time"].setFixedWidth(90)
        self.time_edits["this_week_time"].setAccessibleName(captions["this_week_time"])
        self.skip_check = QCheckBox(self.tr("Skip weekends (Saturday and Sunday move to Monday)"), self)
        self.skip_check.setObjectName("skipWeekends")
        form.addRow("", self.skip_check)

        self.preview_labels: dict[str, QLabel] = {}
        preview = QGridLayout()
        preview.setHorizontalSpacing(16)
        preview.setVerticalSpacing(4)
        caption = self.tr("Preview from now")
        preview.addWidget(QLabel(f"<b>{caption}</b>", self), 0, 0, 1, 2)
        for row, bucket in enumerate(BUCKET_ORDER, start=1):
            preview.addWidget(QLabel(label("bucket", bucket), self), row, 0)
            value = QLabel(self)
            value.setObjectName(f"preview_{bucket}")
            value.setStyleSheet("color: #2d5bb9; font-weight: 600;")
            self.preview_labels[bucket] = value
            preview.addWidget(value, row, 1)
        preview.setColumnStretch(1, 1)
        body = QHBoxLayout()
        body.setSpacing(40)
        body.addLayout(form)
        body.addLayout(preview, 1)
        layout.addLayout(body)

        row = QHBoxLayout()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)
        self.defaults_button = QPushButton(self.tr("Restore defaults"), self)
        self.defaults_button.clicked.connect(self._on_defaults_clicked)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveScheduleButton")
        self.save_button.clicked.connect(self._on_save_clicked)
        row.addWidget(self.status_label, 1)
        row.addWidget(self.defaults_button)
        row.addWidget(self.save_button)
        layout.addLayout(row)

        self.hours_spin.valueChanged.connect(self._on_input_changed)
        for edit in self.time_edits.values():
            edit.timeChanged.connect(self._on_input_changed)
        self.week_day_combo.currentIndexChanged.connect(self._on_input_changed)
        self.next_week_combo.currentIndexChanged.connect(self._on_input_changed)
        self.skip_check.toggled.connect(self._on_input_changed)

    def _day_combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for day in range(7):  # 0 = Monday, as in BucketRules; Qt counts Monday as 1
            combo.addItem(QLocale().dayName(day + 1, QLocale.FormatType.LongFormat), day)
        return combo

    # --- public --------------------------------------------------------------------------------
    def now(self) -> datetime:
        return self._fixed_now or clock_now()

    def refresh(self) -> None:
        self.show_rules(schedule_rules.load_bucket_rules())
        self.status_label.clear()

    def show_rules(self, rules: BucketRules) -> None:
        self._loading = True
        try:
            self.hours_spin.setValue(rules.later_today_hours)
            for key, edit in self.time_edits.items():
                edit.setTime(QTime.fromString(getattr(rules, key), "HH:mm"))
            self.week_day_combo.setCurrentIndex(rules.this_week_day)
            self.next_week_combo.setCurrentIndex(rules.next_week_day)
            self.skip_check.setChecked(rules.skip_weekends)
        finally:
            self._loading = False
        self._update_preview()

    def rules(self) -> BucketRules:
        """The rules as edited (not yet saved)."""
        values = {key: edit.time().toString("HH:mm") for key, edit in self.time_edits.items()}
        return BucketRules(
            later_today_hours=self.hours_spin.value(),
            this_week_day=int(self.week_day_combo.currentData()),
            next_week_day=int(self.next_week_combo.currentData()),
            skip_weekends=self.skip_check.isChecked(),
            **values,
        )

    # --- behaviour -----------------------------------------------------------------------------
    def _update_preview(self) -> None:
        rules, now = self.rules(), self.now()
        pattern = self.tr("ddd d MMM, HH:mm", "QDateTime format of a next step's due time")
        for bucket, value in self.preview_labels.items():
            due = resolve_bucket(bucket, now, rules)
            value.setText(QLocale().toString(to_qdatetime(due), pattern))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    # --- slots ---------------------------------------------------------------------------------
    def _on_input_changed(self) -> None:
        if not self._loading:
            self._update_preview()
            self.status_label.setText(self.tr("Not saved yet."))

    def _on_save_clicked(self) -> None:
        try:
            saved = schedule_rules.save_bucket_rules(self.rules())
        except CrmError as exc:
            self.status_label.setText(error_text(exc))
            return
        self.show_rules(saved)
        self.status_label.setText(self.tr("Saved: new next steps use these times."))

    def _on_defaults_clicked(self) -> None:
        self.show_rules(BucketRules())
        self.status_label.setText(self.tr("Defaults shown: press Save to keep them."))
