"""The filter panel of the Clients list: statuses, grades, verdicts, categories, owners, contact age,
and one custom-field condition. Emits ``sig_filter_changed`` whenever the user changes something."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.client_list import ClientFilter, CustomCondition
from desktop_crm.read import choices
from desktop_crm.read.choices import FieldInfo

from ...inputs import DateEdit
from ...labels import choices as label_choices

NO_OWNER = 0
_CHEVRON = (Path(__file__).resolve().parents[3] / "resources" / "styles" / "chevron-down.svg").as_posix()
# Drop-down buttons drawn like the application's combo boxes (white, rounded, a chevron on the right).
BUTTON_STYLE = f"""
QToolButton {{ background: #ffffff; border: 1px solid #cfd6e0; border-radius: 6px; padding: 5px 26px 5px 8px; }}
QToolButton:hover {{ border-color: #3b6fd8; }}
QToolButton:focus {{ border: 2px solid #3b6fd8; padding: 4px 25px 4px 7px; }}
QToolButton[active="true"] {{ background: #eaf1fd; border-color: #3b6fd8; color: #1f4fb0; }}
QToolButton::menu-indicator {{ image: url("{_CHEVRON}"); width: 12px; height: 12px;
    subcontrol-origin: padding; subcontrol-position: right center; right: 8px; }}
"""
OPS_BY_KIND = {
    "text": ("contains", "equals", "empty", "not_empty"),
    "number": ("at_least", "at_most", "equals", "empty", "not_empty"),
    "date": ("at_least", "at_most", "empty", "not_empty"),
    "choice": ("equals", "empty", "not_empty"),
    "multi_choice": ("has", "empty", "not_empty"),
}


class MultiSelectButton(QToolButton):
    """A drop-down button with a checkable list; its text shows how many items are picked."""

    sig_changed = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setStyleSheet(BUTTON_STYLE)
        self.setMenu(QMenu(self))
        self._update_text()

    def set_items(self, items: list[tuple[object, str]]) -> None:
        picked = set(self.selected())
        menu = self.menu()
        menu.clear()
        for key, text in items:
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setData(key)
            action.setChecked(key in picked)
            action.toggled.connect(self._on_action_toggled)
        self._update_text()

    def selected(self) -> list[object]:
        return [a.data() for a in self.menu().actions() if a.isChecked()]

    def set_selected(self, keys: list[object] | tuple[object, ...]) -> None:
        wanted = set(keys)
        for action in self.menu().actions():
            action.blockSignals(True)
            action.setChecked(action.data() in wanted)
            action.blockSignals(False)
        self._update_text()

    def _update_text(self) -> None:
        count = len(self.selected())
        if count:
            self.setText(self.tr("{title}: {count}").format(title=self._title, count=count))
        else:
            self.setText(self.tr("{title}: any").format(title=self._title))
        self.setProperty("active", "true" if count else "false")
        self.style().unpolish(self)
        self.style().polish(self)

    def _on_action_toggled(self, _checked: bool) -> None:
        self._update_text()
        self.sig_changed.emit()


class ClientFilterPanel(QFrame):
    sig_filter_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientFilterPanel")
        self._fields: list[FieldInfo] = []
        self._extra_custom: tuple[CustomCondition, ...] = ()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        layout = QHBoxLayout()
        layout.setSpacing(8)
        custom_row = QHBoxLayout()
        custom_row.setSpacing(8)
        outer.addLayout(layout)
        outer.addLayout(custom_row)
        self.status_button = MultiSelectButton(self.tr("Status"), self)
        self.grade_button = MultiSelectButton(self.tr("Grade"), self)
        self.verdict_button = MultiSelectButton(self.tr("Value"), self)
        self.tag_button = MultiSelectButton(self.tr("Category"), self)
        self.owner_button = MultiSelectButton(self.tr("Owner"), self)
        self.status_button.set_items(list(label_choices("client_status")))
        self.grade_button.set_items(list(label_choices("grade")))
        self.verdict_button.set_items(list(label_choices("value_verdict")))
        for button in self._buttons():
            button.sig_changed.connect(self._on_any_changed)
            layout.addWidget(button)
        self.stale_check = QCheckBox(self.tr("Not contacted for"), self)
        self.stale_days = QSpinBox(self)
        self.stale_days.setRange(1, 3650)
        self.stale_days.setValue(30)
        self.stale_days.setSuffix(self.tr(" days"))
        self.stale_check.toggled.connect(self._on_any_changed)
        self.stale_days.valueChanged.connect(self._on_stale_days_changed)
        layout.addSpacing(12)
        layout.addWidget(self.stale_check)
        layout.addWidget(self.stale_days)
        layout.addStretch(1)
        self.field_combo = QComboBox(self)
        self.field_combo.setObjectName("customFieldCombo")
        self.field_combo.setAccessibleName(self.tr("Custom field"))
        self.op_combo = QComboBox(self)
        self.op_combo.setAccessibleName(self.tr("Condition"))
        self.value_edit = QLineEdit(self)
        self.value_edit.setPlaceholderText(self.tr("Value"))
        self.value_edit.setMaximumWidth(140)
        self.value_choice = QComboBox(self)
        self.value_date = DateEdit(self)
        for value_widget in (self.value_choice, self.value_date):
            value_widget.setAccessibleName(self.tr("Value"))
        for widget in (self.field_combo, self.op_combo, self.value_edit, self.value_choice, self.value_date):
            custom_row.addWidget(widget)
        self.field_combo.currentIndexChanged.connect(self._on_field_combo_changed)
        self.op_combo.currentIndexChanged.connect(self._on_op_combo_changed)
        self.value_edit.editingFinished.connect(self._on_any_changed)
        self.value_choice.currentIndexChanged.connect(self._on_any_changed)
        self.value_date.dateChanged.connect(self._on_any_changed)
        custom_row.addStretch(1)
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        custom_row.addWidget(self.clear_button)
        self._update_value_widgets()

    def _buttons(self) -> list[MultiSelectButton]:
        return [
            self.status_button,
            self.grade_button,
            self.verdict_button,
            self.tag_button,
            self.owner_button,
        ]

    def _op_labels(self) -> dict[str, str]:
        return {
            "contains": self.tr("contains"),
            "equals": self.tr("is"),
            "at_least": self.tr("at least"),
            "at_most": self.tr("at most"),
            "has": self.tr("includes"),
            "empty": self.tr("is empty"),
            "not_empty": self.tr("is not empty"),
        }

    # --- public --------------------------------------------------------------------------------
    def reload_choices(self) -> None:
        """Refresh owners, categories and custom fields from the database (selection kept)."""
        self.tag_button.set_items([(tid, name) for tid, name in choices.tags()])
        self.owner_button.set_items([(NO_OWNER, self.tr("No owner")), *choices.owners()])
        current = self.field_combo.currentData()
        self._fields = [f for f in choices.custom_fields() if not f.hidden]
        self.field_combo.blockSignals(True)
        self.field_combo.clear()
        self.field_combo.addItem(self.tr("Custom field…"), None)
        for info in self._fields:
            self.field_combo.addItem(info.name, info.id)
        index = self.field_combo.findData(current)
        self.field_combo.setCurrentIndex(max(index, 0))
        self.field_combo.blockSignals(False)
        self.field_combo.setVisible(bool(self._fields))
        self._fill_ops()

    def client_filter(self, base: ClientFilter | None = None) -> ClientFilter:
        """``base`` (search, trash) with this panel's conditions."""
        custom = self._condition()
        return replace(
            base or ClientFilter(),
            statuses=tuple(str(k) for k in self.status_button.selected()),
            grades=tuple(str(k) for k in self.grade_button.selected()),
            verdicts=tuple(str(k) for k in self.verdict_button.selected()),
            tag_ids=tuple(int(str(k)) for k in self.tag_button.selected()),
            owner_ids=tuple(int(str(k)) for k in self.owner_button.selected()),
            not_contacted_days=self.stale_days.value() if self.stale_check.isChecked() else None,
            custom=((custom,) if custom else ()) + self._extra_custom,
        )

    def set_client_filter(self, flt: ClientFilter) -> None:
        self.blockSignals(True)
        self.status_button.set_selected(flt.statuses)
        self.grade_button.set_selected(flt.grades)
        self.verdict_button.set_selected(flt.verdicts)
        self.tag_button.set_selected(flt.tag_ids)
        self.owner_button.set_selected(flt.owner_ids)
        self.stale_check.setChecked(flt.not_contacted_days is not None)
        if flt.not_contacted_days is not None:
            self.stale_days.setValue(int(flt.not_contacted_days))
        first = flt.custom[0] if flt.custom else None
        self._extra_custom = tuple(flt.custom[1:])
        self.field_combo.setCurrentIndex(max(self.field_combo.findData(first.field_id if first else None), 0))
        self._fill_ops()
        if first is not None:
            self.op_combo.setCurrentIndex(max(self.op_combo.findData(first.op), 0))
            self._set_value(first.value)
        self._update_value_widgets()
        self.blockSignals(False)

    # --- custom condition ----------------------------------------------------------------------
    def _field(self) -> FieldInfo | None:
        field_id = self.field_combo.currentData()
        return next((f for f in self._fields if f.id == field_id), None)

    def _fill_ops(self) -> None:
        info = self._field()
        labels = self._op_labels()
        self.op_combo.blockSignals(True)
        self.op_combo.clear()
        if info is not None:
            for op in OPS_BY_KIND.get(info.kind, OPS_BY_KIND["text"]):
                self.op_combo.addItem(labels[op], op)
            self.value_choice.blockSignals(True)
            self.value_choice.clear()
            self.value_choice.addItems(list(info.choices))
            self.value_choice.blockSignals(False)
            self.value_edit.setValidator(QDoubleValidator(self) if info.kind == "number" else None)
        self.op_combo.blockSignals(False)
        self._update_value_widgets()

    def _update_value_widgets(self) -> None:
        info = self._field()
        op = self.op_combo.currentData()
        needs_value = info is not None and op not in ("empty", "not_empty")
        kind = info.kind if info is not None else ""
        self.op_combo.setVisible(info is not None)
        self.value_date.setVisible(needs_value and kind == "date")
        self.value_choice.setVisible(needs_value and kind in ("choice", "multi_choice"))
        self.value_edit.setVisible(needs_value and kind in ("text", "number"))

    def _set_value(self, value: object) -> None:
        info = self._field()
        if info is None or value is None:
            return
        if info.kind == "date":
            self.value_date.setDate(QDate.fromString(str(value), "yyyy-MM-dd"))
        elif info.kind in ("choice", "multi_choice"):
            self.value_choice.setCurrentText(str(value))
        else:
            self.value_edit.setText(str(value))

    def _condition(self) -> CustomCondition | None:
        info = self._field()
        op = self.op_combo.currentData()
        if info is None or not op:
            return None
        if op in ("empty", "not_empty"):
            return CustomCondition(info.id, op)
        if info.kind == "date":
            return CustomCondition(info.id, op, self.value_date.date().toString("yyyy-MM-dd"))
        if info.kind in ("choice", "multi_choice"):
            text = self.value_choice.currentText()
            return CustomCondition(info.id, op, text) if text else None
        text = self.value_edit.text().strip()
        if not text:
            return None
        if info.kind == "number":
            try:
                return CustomCondition(info.id, op, float(text.replace(",", "")))
            except ValueError:
                return None
        return CustomCondition(info.id, op, text)

    # --- slots ---------------------------------------------------------------------------------
    def _on_any_changed(self, *_args: object) -> None:
        self.sig_filter_changed.emit()

    def _on_stale_days_changed(self, _value: int) -> None:
        if self.stale_check.isChecked():
            self.sig_filter_changed.emit()

    def _on_field_combo_changed(self, _index: int) -> None:
        self._fill_ops()
        self.sig_filter_changed.emit()

    def _on_op_combo_changed(self, _index: int) -> None:
        self._update_value_widgets()
        self.sig_filter_changed.emit()

    def _on_clear_button_clicked(self) -> None:
        self.set_client_filter(ClientFilter())
        self.sig_filter_changed.emit()
