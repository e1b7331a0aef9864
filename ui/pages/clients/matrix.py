"""The role × stance matrix: rows are roles (and "no role"), columns stances, cells list the people."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop_crm.models.enums import STAKEHOLDER_ROLES, STANCES
from desktop_crm.power_map import role_stance_matrix
from desktop_crm.stakeholder_analysis import Stakeholder

from ...exporter.widget_tables import install_table_export
from ...labels import label
from .stance_style import stance_tint

Index = QModelIndex | QPersistentModelIndex
ROWS = (*STAKEHOLDER_ROLES, "none")


class RoleStanceMatrixModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cells: dict[str, dict[str, list[Stakeholder]]] = role_stance_matrix([])

    def set_people(self, people: list[Stakeholder]) -> None:
        self.beginResetModel()
        self._cells = role_stance_matrix(people)
        self.endResetModel()

    def names(self, role: str, stance: str) -> list[str]:
        return [p.name for p in self._cells[role][stance]]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ROWS)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(STANCES)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        stance = STANCES[index.column()]
        people = self._cells[ROWS[index.row()]].get(stance, [])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return ", ".join(p.name for p in people)
        if role == Qt.ItemDataRole.BackgroundRole and people:
            return QBrush(stance_tint(stance))
        if role == Qt.ItemDataRole.ForegroundRole and not people:
            return QBrush(QColor("#9aa5b4"))
        if role == Qt.ItemDataRole.UserRole:
            return [p.id for p in people]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return label("stance", STANCES[section]) if 0 <= section < len(STANCES) else None
        if not 0 <= section < len(ROWS):
            return None
        key = ROWS[section]
        return self.tr("No role") if key == "none" else label("stakeholder_role", key)


def make_matrix_view(model: RoleStanceMatrixModel, parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setObjectName("roleStanceMatrix")
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setWordWrap(True)
    view.setShowGrid(True)
    # Narrow side padding: the four stance headers fit whole beside the roles at 1280 px (issue 13).
    view.setStyleSheet("QHeaderView::section { padding: 4px 1px; } QTableView::item { padding: 0px 4px; }")
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(30)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setFixedHeight(30 * len(ROWS) + 40)
    # Right-click → Export this table…: one row per role, the people of each stance, as shown
    install_table_export(
        view,
        QCoreApplication.translate("RoleStanceMatrixModel", "Export the role × stance matrix"),
        "role-stance-matrix",
        row_header=QCoreApplication.translate("RoleStanceMatrixModel", "Role"),
    )
    return view
