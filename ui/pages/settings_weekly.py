"""Settings → Weekly review: the criteria a supervisor scores weekly forms by (name and weight).

Saved through ``desktop_crm.services.weekly_criteria`` (the setting ``weekly_score_criteria``). A form
scored per criterion keeps the criteria it was scored with; edits apply to the next scores.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop_crm.errors import CrmError
from desktop_crm.services.weekly_criteria import load_criteria, save_criteria

from ..errors import error_text
from ..widgets import section_card
from .weekly.texts import WeeklyTexts


class WeeklyReviewSettingsSection(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = WeeklyTexts(self)
        layout, heading = section_card(self, self.tr("Weekly review"), spacing=10)
        layout.addWidget(heading)
        hint = QLabel(
            self.tr(
                "The criteria a supervisor can score a weekly form by. The total is the weighted mean of the "
                "criteria scores; without criteria a form gets one total score."
            ),
            self,
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("criteriaTable")
        self.table.setHorizontalHeaderLabels([self.tr("Criterion"), self.tr("Weight")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(1, 110)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(150)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add criterion"), self)
        self.add_button.setObjectName("addCriterionButton")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("removeCriterionButton")
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveCriteriaButton")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addWidget(self.status_label, 1)
        row.addWidget(self.save_button)
        layout.addLayout(row)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        criteria = load_criteria()
        self.table.setRowCount(0)
        for c in criteria:
            self._add_row(c.key, self.texts.criterion_label(c.key, c.label), c.weight)
        self.status_label.clear()

    def _add_row(self, key: str, label: str, weight: float) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(label)
        name.setData(Qt.ItemDataRole.UserRole, key)
        self.table.setItem(row, 0, name)
        value = QTableWidgetItem(f"{weight:g}")
        value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, 1, value)

    def _on_add_clicked(self) -> None:
        self._add_row("", self.tr("New criterion"), 10)
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def _on_remove_clicked(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def rows(self) -> list[dict[str, object]]:
        result: list[dict[str, object]] = []
        for row in range(self.table.rowCount()):
            name, weight = self.table.item(row, 0), self.table.item(row, 1)
            text = weight.text().strip().replace(",", ".") if weight else ""
            try:
                value: object = float(text)
            except ValueError:
                value = text
            result.append(
                {
                    "key": name.data(Qt.ItemDataRole.UserRole) if name else "",
                    "label": name.text() if name else "",
                    "weight": value,
                }
            )
        return result

    def save(self) -> bool:
        try:
            save_criteria(self.rows())
        except CrmError as exc:
            self.status_label.setText(error_text(exc))
            self.status_label.setStyleSheet("color: #b91c1c;")
            return False
        self.refresh()
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("Saved. New scores use these criteria."))
        return True
