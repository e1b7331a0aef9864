"""The per-salesperson summary (人员汇总) as a sortable table model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop_crm import dashboard

from ...models import CellAtOnce
from ..weekly.kpi_names import kpi_name
from .specs import DashboardTexts

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
USER_ROLE = Qt.ItemDataRole.UserRole + 2
FLAG_COLOUR = "#fde7d9"
FLAG_TEXT = "#b4471f"

# (attribute, KPI key for the header name and unit); "" keys have their own header.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("rank", ""),
    ("name", ""),
    ("signed_amount_cents", "signed_amount_cents"),
    ("collected_amount_cents", "collected_amount_cents"),
    ("activity_call", "activity_call"),
    ("call_minutes", "call_minutes"),
    ("activity_visit", "activity_visit"),
    ("new_opportunity_value_cents", "new_opportunity_value_cents"),
    ("new_clients", "new_clients"),
    ("won_count", "won_count"),
    ("lost_count", "lost_count"),
    ("conversion_rate", "conversion_rate"),
    ("behaviour_score", "behaviour_score"),
    ("busy_not_converting", ""),
)
ModelIndex = QModelIndex | QPersistentModelIndex


class PersonSummaryModel(CellAtOnce, QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dashboard.PersonRow] = []
        self.texts = DashboardTexts(self)

    def set_rows(self, rows: list[dashboard.PersonRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        attribute, key = COLUMNS[section]
        if key:
            names = {
                "activity_call": self.tr("Calls"),
                "activity_visit": self.tr("Visits"),
                "won_count": self.tr("Won"),
                "lost_count": self.tr("Lost"),
                "new_opportunity_value_cents": self.tr("New opp. value"),
                "behaviour_score": self.tr("Behaviour score"),
            }
            return names.get(key, kpi_name(key))
        return {
            "rank": self.tr("Rank"),
            "name": self.tr("Salesperson"),
            "busy_not_converting": self.tr("Flag"),
        }[attribute]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        attribute, key = COLUMNS[index.column()]
        value = getattr(row, attribute)
        if role == Qt.ItemDataRole.DisplayRole:
            if attribute == "busy_not_converting":
                return self.tr("Busy, not converting") if value else ""
            if attribute in ("rank", "name"):
                return str(value)
            return self.texts.value(key, value)
        if role == SORT_ROLE:
            if attribute == "name":
                return str(value).casefold()
            if value is None:
                return -1.0
            return float(value)
        if role == USER_ROLE:
            return row.user_id
        if role == Qt.ItemDataRole.TextAlignmentRole and attribute not in ("name", "busy_not_converting"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if row.busy_not_converting:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(FLAG_COLOUR))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(FLAG_TEXT))
        if role == Qt.ItemDataRole.ToolTipRole and row.busy_not_converting:
            return self.tr(
                "More follow-ups than the team median, but conversion and signed amount below it: coach on value, not on more calls."
            )
        return None
