"""The next-step block of the follow-up dialog (下步事务): a fuzzy time or an exact one, a plan type, a title.

The bucket buttons (Alt+1 … Alt+7) show the due time they resolve to right away, by the rules set in
Settings (``desktop_crm.services.schedule_rules``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_crm.schedule import BUCKET_ORDER, BucketRules, resolve_bucket

from ...inputs import DateTimeEdit
from ...labels import choices, label
from ...widgets import error_label

BUCKETS = (*BUCKET_ORDER, "exact")
DEFAULT_BUCKET = "tomorrow"


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


def from_qdatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class QuickDateTimeEdit(DateTimeEdit):
    """The shared date-time input (ISO, 4-digit year) that Tab leaves at once (Left/Right still move
    between its sections)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, iso=True)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        return QWidget.focusNextPrevChild(self, next)


class NextStepBox(QWidget):
    """``due_at()``, ``bucket()``, ``plan_type()``, ``title()``; ``errors`` maps service fields to labels."""

    sig_due_changed = Signal()

    def __init__(
        self, rules: BucketRules, clock: Callable[[], datetime], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.rules = rules
        self.clock = clock
        self._plan_touched = False
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.setSpacing(4)
        for number, (key, text) in enumerate(((k, label("bucket", k)) for k in BUCKETS), start=1):
            button = QPushButton(text, self)
            button.setObjectName(f"bucket_{key}")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setProperty("bucket", key)
            button.setToolTip(self.tr("Alt+{number}").format(number=number))
            self.group.addButton(button)
            self.buttons[key] = button
            row.addWidget(button)
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.activated.connect(lambda k=key: self.set_bucket(k))
        row.addStretch(1)
        self.setStyleSheet(
            "QPushButton[bucket] { background: #ffffff; border: 1px solid #c9d1dc; border-radius: 4px;"
            " padding: 4px 10px; }"
            "QPushButton[bucket]:hover { border-color: #2d5bb9; }"
            "QPushButton[bucket]:checked { background: #2d5bb9; color: #ffffff; border-color: #2d5bb9; }"
        )
        self.group.buttonToggled.connect(self._on_group_button_toggled)
        self.due_label = QLabel(self)
        self.due_label.setObjectName("dueLabel")
        self.due_label.setStyleSheet("font-weight: 600; color: #2d5bb9; background: transparent;")
        self.exact_edit = QuickDateTimeEdit(self)
        self.exact_edit.setObjectName("exactDue")
        self.exact_edit.dateTimeChanged.connect(self._on_exact_edit_changed)
        self.plan_combo = QComboBox(self)
        self.plan_combo.setObjectName("nextPlanType")
        for key, text in choices("plan_type"):
            self.plan_combo.addItem(text, key)
        self.plan_combo.activated.connect(self._on_plan_combo_activated)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("nextTitle")
        self.title_edit.setPlaceholderText(self.tr("What to do, e.g. send the quote"))
        self.title_edit.setMaxLength(300)
        self.errors: dict[str, QLabel] = {}

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.addLayout(row, 0, 0, 1, 4)
        due_row = QHBoxLayout()
        due_row.addWidget(self.due_label, 1)
        due_row.addWidget(QLabel(self.tr("Exact:"), self))
        due_row.addWidget(self.exact_edit)
        grid.addLayout(due_row, 1, 0, 1, 4)
        grid.addWidget(self._error("due_at"), 2, 0, 1, 4)
        grid.addWidget(QLabel(self.tr("Plan"), self), 3, 0)
        grid.addWidget(self.plan_combo, 3, 1)
        grid.addWidget(QLabel(self.tr("Title"), self), 3, 2)
        grid.addWidget(self.title_edit, 3, 3)
        grid.addWidget(self._error("plan_type"), 4, 1)
        grid.addWidget(self._error("title"), 4, 3)
        grid.setColumnStretch(3, 1)
        self.set_bucket(DEFAULT_BUCKET)

    def _error(self, key: str) -> QLabel:
        return error_label(self, key, self.errors)

    # --- public --------------------------------------------------------------------------------
    def bucket(self) -> str:
        checked = self.group.checkedButton()
        return str(checked.property("bucket")) if checked is not None else DEFAULT_BUCKET

    def set_bucket(self, key: str) -> None:
        self.buttons[key].setChecked(True)
        self._update_due()
        if key == "exact":
            self.exact_edit.setFocus()

    def due_at(self) -> datetime:
        bucket = self.bucket()
        if bucket == "exact":
            return from_qdatetime(self.exact_edit.dateTime())
        return resolve_bucket(bucket, self.clock(), self.rules)

    def plan_type(self) -> str:
        return str(self.plan_combo.currentData())

    def set_plan_type(self, key: str, *, by_user: bool = False) -> None:
        """Set the plan type; without ``by_user`` it only follows along until the user picked one."""
        if self._plan_touched and not by_user:
            return
        self.plan_combo.setCurrentIndex(max(self.plan_combo.findData(key), 0))
        self._plan_touched = self._plan_touched or by_user

    def title(self) -> str:
        return self.title_edit.text()

    def set_rules(self, rules: BucketRules) -> None:
        self.rules = rules
        self._update_due()

    def format_due(self, due: datetime) -> str:
        return QLocale().toString(
            to_qdatetime(due), self.tr("ddd d MMM, HH:mm", "QDateTime format of a next step's due time")
        )

    def due_text(self, bucket: str, due: datetime) -> str:
        return f"{label('bucket', bucket)} → {self.format_due(due)}"

    # --- slots ---------------------------------------------------------------------------------
    def _update_due(self) -> None:
        bucket = self.bucket()
        exact = bucket == "exact"
        if not exact:
            self.exact_edit.blockSignals(True)
            self.exact_edit.setDateTime(to_qdatetime(self.due_at()))
            self.exact_edit.blockSignals(False)
        self.exact_edit.setEnabled(exact)
        self.due_label.setText(self.due_text(bucket, self.due_at()))
        self.errors["due_at"].hide()
        self.sig_due_changed.emit()

    def _on_group_button_toggled(self, _button: QPushButton, checked: bool) -> None:
        if checked:
            self._update_due()

    def _on_exact_edit_changed(self) -> None:
        if self.bucket() == "exact":
            self._update_due()

    def _on_plan_combo_activated(self) -> None:
        self._plan_touched = True
