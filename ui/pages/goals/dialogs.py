"""The goal dialogs: each collects input and calls one service of ``desktop_crm.services.goals``.

A save that succeeds with SMART (or target) warnings keeps the dialog open, shows the warnings under a
"Saved with warnings" line and turns OK into Close: warnings inform, they never block.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.goal_metrics import METRIC_UNITS
from desktop_crm.goal_progress import GoalView, SmartWarning, TargetProgress
from desktop_crm.kpi import KPI_KEYS
from desktop_crm.models.enums import GOAL_KINDS
from desktop_crm.services import goals as goal_service

from ...a11y import text_height
from ...errors import error_text
from ...inputs import DateEdit, InputProblem, MoneyEdit
from ...labels import label
from ..deals.form import DealFormDialog
from ..followups.client_picker import ClientPicker
from . import texts

MAX_VALUE = 1e13
MANUAL_UNITS = ("count", "cents", "minutes", "rate", "days", "ratio", "score")


def kind_period(kind: str, day: date) -> tuple[date, date]:
    """The calendar period of ``kind`` holding ``day`` (weeks Monday to Sunday), end exclusive."""
    if kind == "year":
        return date(day.year, 1, 1), date(day.year + 1, 1, 1)
    if kind == "quarter":
        first = (day.month - 1) // 3 * 3 + 1
        index = day.year * 12 + first - 1 + 3
        return date(day.year, first, 1), date(index // 12, index % 12 + 1, 1)
    if kind == "month":
        index = day.year * 12 + day.month
        return date(day.year, day.month, 1), date(index // 12, index % 12 + 1, 1)
    if kind == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=7)
    return day, day + timedelta(days=1)


class ValueEdit(QWidget):
    """A target value in its unit: money in the shared money input (exact cents), rates in percent and
    other units in a spin box (counts whole)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = QStackedLayout(self)
        self.stack.setContentsMargins(0, 0, 0, 0)
        self.spin = QDoubleSpinBox(self)
        self.spin.setRange(0, MAX_VALUE)
        self.spin.setGroupSeparatorShown(True)
        self.spin.setMinimumWidth(160)
        self.spin.setButtonSymbols(QDoubleSpinBox.ButtonSymbols.NoButtons)
        self.money = MoneyEdit(self)
        self.stack.addWidget(self.spin)
        self.stack.addWidget(self.money)
        self.unit = "count"
        self.set_unit("count")

    def set_unit(self, unit: str) -> None:
        try:
            natural = self.natural()
        except InputProblem:
            natural = 0
        self.unit = unit
        shown: QWidget = self.money if unit == "cents" else self.spin
        self.stack.setCurrentWidget(shown)
        self.setFocusProxy(shown)
        self.spin.setDecimals(2 if unit in ("days", "ratio", "score") else 1 if unit == "rate" else 0)
        self.spin.setSuffix(" %" if unit == "rate" else "")
        self.set_natural(natural)

    def natural(self) -> float | int:
        """The value as the services take it: cents, counts, a rate as 0.25 (raises ``InputProblem`` for
        a refused amount)."""
        if self.unit == "cents":
            return self.money.cents() or 0
        shown = self.spin.value()
        if self.unit == "rate":
            return shown / 100
        if self.unit in ("count", "minutes"):
            return int(round(shown))
        return shown

    def set_natural(self, value: float | int | None) -> None:
        if self.unit == "cents":
            self.money.set_cents(int(round(value or 0)))
        elif value is None:
            self.spin.setValue(0)
        elif self.unit == "rate":
            self.spin.setValue(value * 100)
        else:
            self.spin.setValue(value)


class GoalFormDialog(DealFormDialog):
    """A form whose save returns warnings: shown after saving, without blocking."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.saved = False
        self.warnings: list[SmartWarning] = []
        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("goalWarnings")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(
            "color: #8a5a00; background: #fff6e0; border: 1px solid #f0d9a0; border-radius: 4px; padding: 6px;"
        )
        self.warning_label.hide()

    def finish_layout(self) -> None:
        self.dialog_layout.addWidget(self.warning_label)
        super().finish_layout()

    def save_with_warnings(self) -> list[SmartWarning]:
        raise NotImplementedError

    def save(self) -> None:
        self.warnings = self.save_with_warnings()

    def accept(self) -> None:
        """Save; on warnings stay open to show them (OK becomes Close), else close."""
        if self.saved:
            QDialog.accept(self)
            return
        for error in self.errors.values():
            error.hide()
        try:
            self.save()
        except ValidationError as exc:
            self.show_error(exc.field, self.message(exc))
            return
        except CrmError as exc:
            self.show_error(None, error_text(exc))
            return
        self.saved = True
        if not self.warnings:
            QDialog.accept(self)
            return
        lines = "".join(f"<li>{_escape(texts.warning(w))}</li>" for w in self.warnings)
        heading = _escape(self.tr("Saved with warnings:"))
        self.warning_label.setText(f"<b>{heading}</b><ul>{lines}</ul>")
        self.warning_label.show()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Close"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()

    def reject(self) -> None:
        if self.saved:
            QDialog.accept(self)  # saved already: closing is not cancelling
        else:
            super().reject()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class GoalDialog(GoalFormDialog):
    """New goal, new sub-goal or edit a goal (kind, title, period, qualitative, notes)."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        owner_id: int | None,
        parent_goal: GoalView | None = None,
        goal: GoalView | None = None,
        year: int,
        today: date,
    ) -> None:
        super().__init__(parent)
        self.owner_id = owner_id
        self.parent_goal = parent_goal
        self.goal = goal
        self.setWindowTitle(
            self.tr("Edit goal") if goal else self.tr("New sub-goal") if parent_goal else self.tr("New goal")
        )
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("goalKind")
        finer_than = GOAL_KINDS.index(parent_goal.kind) if parent_goal else -1
        for kind in GOAL_KINDS[finer_than + 1 :]:
            self.kind_combo.addItem(label("goal_kind", kind), kind)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("goalTitle")
        self.start_edit = DateEdit(self)
        self.last_edit = DateEdit(self)
        self.qualitative_check = QCheckBox(self.tr("Qualitative (judged, not measured)"), self)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setFixedHeight(max(70, text_height(self.notes_edit, 3)))
        self.add_row(self.tr("Kind"), "kind", self.kind_combo)
        self.add_row(self.tr("Title"), "title", self.title_edit)
        self.add_row(self.tr("Start"), "period_start", self.start_edit)
        self.add_row(self.tr("Last day"), "period_end", self.last_edit)
        self.add_row("", "qualitative", self.qualitative_check)
        self.add_row(self.tr("Notes"), "notes", self.notes_edit)
        self.finish_layout()
        if goal is not None:
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(goal.kind)))
            self.title_edit.setText(goal.title)
            self.start_edit.set_date(goal.start)
            self.last_edit.set_date(goal.end - timedelta(days=1))
            self.qualitative_check.setChecked(goal.qualitative)
            self.notes_edit.setPlainText(goal.notes)
        else:
            if parent_goal is not None:
                anchor = today if parent_goal.start <= today < parent_goal.end else parent_goal.start
            else:
                anchor = today if today.year == year else date(year, 1, 1)
            self._anchor = anchor
            self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
            self._on_kind_changed()

    def _on_kind_changed(self, *_args: Any) -> None:
        kind = self.kind_combo.currentData()
        start, end = kind_period(kind, self._anchor)
        if self.parent_goal is not None:
            start, end = max(start, self.parent_goal.start), min(end, self.parent_goal.end)
        self.start_edit.set_date(start)
        self.last_edit.set_date(end - timedelta(days=1))

    def save_with_warnings(self) -> list[SmartWarning]:
        saved = goal_service.save_goal(
            self.goal.goal_id if self.goal else None,
            kind=self.kind_combo.currentData(),
            title=self.title_edit.text(),
            period_start=self.start_edit.day(),
            period_end=self.last_edit.day() + timedelta(days=1),
            user_id=self.owner_id,
            parent_id=self.parent_goal.goal_id if self.parent_goal else None,
            qualitative=self.qualitative_check.isChecked(),
            notes=self.notes_edit.toPlainText(),
        )
        self.goal_id = saved.record.id
        return saved.warnings


class TargetDialog(GoalFormDialog):
    """Add or edit a numeric target: a KPI (linked to its handbook entry) or a manual one."""

    def __init__(self, parent: QWidget | None, goal: GoalView, target: TargetProgress | None = None) -> None:
        super().__init__(parent)
        self.goal = goal
        self.target = target
        self.setWindowTitle(self.tr("Edit target") if target else self.tr("New target"))
        self.metric_combo = QComboBox(self)
        self.metric_combo.setObjectName("targetMetric")
        for key in KPI_KEYS:
            self.metric_combo.addItem(texts.metric(key), key)
        self.metric_combo.addItem(texts.metric("manual"), "manual")
        self.label_edit = QLineEdit(self)
        self.label_edit.setObjectName("targetLabel")
        self.label_edit.setPlaceholderText(self.tr("Optional for a KPI, required for a manual target"))
        self.unit_combo = QComboBox(self)
        for unit in MANUAL_UNITS:
            self.unit_combo.addItem(texts.unit(unit), unit)
        self.value_edit = ValueEdit(self)
        self.value_edit.setObjectName("targetValue")
        self.actual_edit = ValueEdit(self)
        self.actual_check = QCheckBox(self.tr("Actual entered"), self)
        actual_box = QWidget(self)
        row = QHBoxLayout(actual_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.actual_edit, 1)
        row.addWidget(self.actual_check)
        self.add_row(self.tr("Metric"), "metric", self.metric_combo)
        self.add_row(self.tr("Label"), "label", self.label_edit)
        self.add_row(self.tr("Unit"), "unit", self.unit_combo)
        self.add_row(self.tr("Target"), "target_value", self.value_edit)
        self.add_row(self.tr("Actual"), "actual_value", actual_box)
        self.unit_row = self.unit_combo.parentWidget()
        self.actual_row = actual_box.parentWidget()
        self.finish_layout()
        self.metric_combo.currentIndexChanged.connect(self._on_metric_changed)
        self.unit_combo.currentIndexChanged.connect(self._on_metric_changed)
        if target is not None:
            self.metric_combo.setCurrentIndex(max(0, self.metric_combo.findData(target.metric)))
            self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(target.unit)))
            self.label_edit.setText(target.label)
        else:
            self.metric_combo.setCurrentIndex(max(0, self.metric_combo.findData("signed_amount_cents")))
        self._on_metric_changed()
        if target is not None:
            self.value_edit.set_natural(target.target)
            if target.metric == "manual" and target.actual is not None:
                self.actual_check.setChecked(True)
                self.actual_edit.set_natural(target.actual)

    def unit(self) -> str:
        metric = self.metric_combo.currentData()
        return METRIC_UNITS.get(metric, self.unit_combo.currentData())

    def _on_metric_changed(self, *_args: Any) -> None:
        manual = self.metric_combo.currentData() == "manual"
        self.unit_combo.setEnabled(manual)
        self.actual_edit.setEnabled(manual)
        self.actual_check.setEnabled(manual)
        for row in (self.unit_row, self.actual_row):
            self.form.setRowVisible(row, manual) if row is not None else None
        self.value_edit.set_unit(self.unit())
        self.actual_edit.set_unit(self.unit())

    def save_with_warnings(self) -> list[SmartWarning]:
        manual = self.metric_combo.currentData() == "manual"
        actual = self.actual_edit.natural() if manual and self.actual_check.isChecked() else None
        saved = goal_service.save_target(
            self.goal.goal_id,
            self.target.target_id if self.target else None,
            metric=self.metric_combo.currentData(),
            label=self.label_edit.text(),
            target_value=self.value_edit.natural(),
            unit=self.unit(),
            actual_value=actual,
        )
        return saved.warnings


class ClientList(QWidget):
    """Linked clients: a picker to add one, a list with a Remove button."""

    def __init__(self, parent: QWidget | None, clients: list[tuple[int, str]]) -> None:
        super().__init__(parent)
        self.picker = ClientPicker(self)
        self.picker.sig_client_chosen.connect(self._on_picker_client_chosen)
        self.list = QListWidget(self)
        self.list.setObjectName("linkedClients")
        self.list.setFixedHeight(90)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picker)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        for client_id, name in clients:
            self.add(client_id, name)

    def add(self, client_id: int, name: str) -> None:
        if client_id in self.ids():
            return
        item = QListWidgetItem(name)
        item.setData(256, client_id)
        self.list.addItem(item)

    def ids(self) -> list[int]:
        return [int(self.list.item(i).data(256)) for i in range(self.list.count())]

    def _on_picker_client_chosen(self, client_id: int) -> None:
        if client_id:
            self.add(client_id, self.picker.edit.text())
            self.picker.set_client(None, "")

    def _on_remove_button_clicked(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))


class ActionDialog(GoalFormDialog):
    """Add or edit an action target: title, category (custom with a name), due date, linked clients."""

    def __init__(self, parent: QWidget | None, goal: GoalView, action: Any = None) -> None:
        super().__init__(parent)
        self.goal = goal
        self.action = action
        self.setWindowTitle(self.tr("Edit action") if action else self.tr("New action"))
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("actionTitle")
        self.category_combo = QComboBox(self)
        self.category_combo.setObjectName("actionCategory")
        for key in texts.CATEGORIES:
            self.category_combo.addItem(texts.category(key), key)
        self.custom_edit = QLineEdit(self)
        self.custom_edit.setPlaceholderText(self.tr("Name of the custom category"))
        self.due_check = QCheckBox(self.tr("Due by"), self)
        self.due_edit = DateEdit(self, goal.end - timedelta(days=1))
        due_box = QWidget(self)
        row = QHBoxLayout(due_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.due_check)
        row.addWidget(self.due_edit, 1)
        self.clients = ClientList(self, action.clients if action else [])
        self.add_row(self.tr("Action"), "title", self.title_edit)
        self.add_row(self.tr("Category"), "category", self.category_combo)
        self.add_row(self.tr("Custom category"), "label", self.custom_edit)
        self.add_row(self.tr("Due date"), "due_date", due_box)
        self.add_row(self.tr("Clients"), "client_ids", self.clients)
        self.finish_layout()
        self.category_combo.currentIndexChanged.connect(self._on_category_changed)
        if action is not None:
            self.title_edit.setText(action.title)
            self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(action.category)))
            self.custom_edit.setText(action.label)
            if action.due is not None:
                self.due_check.setChecked(True)
                self.due_edit.set_date(action.due)
        else:
            self.category_combo.setCurrentIndex(self.category_combo.findData("routine"))
        self._on_category_changed()

    def _on_category_changed(self, *_args: Any) -> None:
        self.custom_edit.setEnabled(self.category_combo.currentData() == "custom")

    def save_with_warnings(self) -> list[SmartWarning]:
        saved = goal_service.save_action(
            self.goal.goal_id,
            self.action.action_id if self.action else None,
            title=self.title_edit.text(),
            category=self.category_combo.currentData(),
            label=self.custom_edit.text(),
            due_date=self.due_edit.day() if self.due_check.isChecked() else None,
            client_ids=self.clients.ids(),
        )
        return saved.warnings


class LinkClientsDialog(GoalFormDialog):
    """The clients a goal is about."""

    def __init__(self, parent: QWidget | None, goal: GoalView) -> None:
        super().__init__(parent)
        self.goal = goal
        self.setWindowTitle(self.tr("Linked clients"))
        self.clients = ClientList(self, goal.clients)
        self.add_row(self.tr("Clients"), "client_ids", self.clients)
        self.finish_layout()

    def save_with_warnings(self) -> list[SmartWarning]:
        return goal_service.set_goal_clients(self.goal.goal_id, self.clients.ids()).warnings


class SplitDialog(GoalFormDialog):
    """Split a target among sub-goals of a finer kind: evenly, by days or by weights."""

    def __init__(self, parent: QWidget | None, goal: GoalView, target: TargetProgress) -> None:
        super().__init__(parent)
        self.goal = goal
        self.target = target
        self.setWindowTitle(self.tr("Split target"))
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("splitKind")
        for kind in goal_service.SPLITS.get(goal.kind, ()):
            self.kind_combo.addItem(label("goal_kind", kind), kind)
        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName("splitMode")
        self.mode_combo.addItem(self.tr("Evenly"), "even")
        self.mode_combo.addItem(self.tr("By days"), "days")
        self.mode_combo.addItem(self.tr("By weights"), "weights")
        self.weights_edit = QLineEdit(self)
        self.weights_edit.setObjectName("splitWeights")
        self.weights_edit.setPlaceholderText(self.tr("One number per sub-goal, e.g. 2, 3, 3, 4"))
        self.preview = QLabel(self)
        self.preview.setObjectName("splitPreview")
        self.preview.setWordWrap(True)
        name = target.label or texts.metric(target.metric)
        self.add_row(
            self.tr("Target"), "target_id", QLabel(f"{name}: {texts.value(target.target, target.unit)}")
        )
        self.add_row(self.tr("Into"), "child_kind", self.kind_combo)
        self.add_row(self.tr("Share"), "mode", self.mode_combo)
        self.add_row(self.tr("Weights"), "weights", self.weights_edit)
        self.add_row(self.tr("Sub-goals"), "preview", self.preview)
        self.finish_layout()
        for signal in (self.kind_combo.currentIndexChanged, self.mode_combo.currentIndexChanged):
            signal.connect(self._update_preview)
        self.weights_edit.textChanged.connect(self._update_preview)
        self._update_preview()

    def weights(self) -> list[float] | str:
        mode = self.mode_combo.currentData()
        if mode != "weights":
            return str(mode)
        parts = [p.strip() for p in self.weights_edit.text().replace("，", ",").split(",") if p.strip()]
        try:
            return [float(p) for p in parts]
        except ValueError:
            return "invalid"

    def _update_preview(self, *_args: Any) -> None:
        mode = self.mode_combo.currentData()
        self.weights_edit.setEnabled(mode == "weights")
        kind = self.kind_combo.currentData()
        if kind is None:
            self.preview.setText(self.tr("A goal of this kind cannot be split."))
            return
        spans = goal_service.child_periods(self.goal.kind, self.goal.start, self.goal.end, kind)
        self.preview.setText(
            self.tr("{count} sub-goals of kind {kind}").format(
                count=len(spans), kind=label("goal_kind", kind)
            )
        )

    def save_with_warnings(self) -> list[SmartWarning]:
        return goal_service.split_target(
            self.target.target_id, self.kind_combo.currentData(), self.weights()
        ).warnings


class ProposeDialog(GoalFormDialog):
    """The owner proposes another value for an assigned target, with a reason."""

    def __init__(self, parent: QWidget | None, target: TargetProgress, user_id: int | None) -> None:
        super().__init__(parent)
        self.target = target
        self.user_id = user_id
        self.setWindowTitle(self.tr("Propose a value"))
        self.value_edit = ValueEdit(self)
        self.value_edit.setObjectName("proposedValue")
        self.value_edit.set_unit(target.unit)
        self.value_edit.set_natural(target.target)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("proposalReason")
        self.reason_edit.setFixedHeight(max(80, text_height(self.reason_edit, 4)))
        name = target.label or texts.metric(target.metric)
        self.add_row(
            self.tr("Assigned"), "target_id", QLabel(f"{name}: {texts.value(target.target, target.unit)}")
        )
        self.add_row(self.tr("Your value"), "proposed_value", self.value_edit)
        self.add_row(self.tr("Reason"), "proposal_reason", self.reason_edit)
        self.finish_layout()

    def save_with_warnings(self) -> list[SmartWarning]:
        goal_service.propose_target(
            self.target.target_id, self.value_edit.natural(), self.reason_edit.toPlainText(), self.user_id
        )
        return []


class MoveDialog(GoalFormDialog):
    """Put a goal under another goal of a coarser kind (or make it a top goal)."""

    def __init__(self, parent: QWidget | None, goal: GoalView, candidates: list[GoalView]) -> None:
        super().__init__(parent)
        self.goal = goal
        self.setWindowTitle(self.tr("Move goal"))
        self.parent_combo = QComboBox(self)
        self.parent_combo.setObjectName("moveParent")
        self.parent_combo.addItem(self.tr("(no parent: a top goal)"), None)
        for view in candidates:
            text = f"{label('goal_kind', view.kind)} · {view.title}"
            self.parent_combo.addItem(text, view.goal_id)
        current = self.parent_combo.findData(goal.parent_id) if goal.parent_id is not None else 0
        self.parent_combo.setCurrentIndex(max(0, current))
        self.add_row(self.tr("Goal"), "goal_id", QLabel(goal.title))
        self.add_row(self.tr("New parent"), "parent_id", self.parent_combo)
        self.finish_layout()

    def save_with_warnings(self) -> list[SmartWarning]:
        goal_service.move_goal(self.goal.goal_id, self.parent_combo.currentData())
        return goal_service.goal_warnings(self.goal.goal_id)
