"""ui.models: a view gets all the roles of a cell in one call into Python (CellAtOnce), and sees exactly
what the model's ``data`` gives for each role."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from ui.models import CellAtOnce, Column, TupleTableModel


class _Counting(TupleTableModel):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cells: list[tuple[int, int]] = []
        self.roles = 0

    def multiData(self, index: Any, span: Any) -> None:  # noqa: N802
        self.cells.append((index.row(), index.column()))
        super().multiData(index, span)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        self.roles += 1
        return super().data(index, role)


def _rows() -> list[tuple]:
    return [(f"客户 {i}", i * 1000) for i in range(20)]


def test_a_view_asks_each_cell_once_and_sees_every_role(qtbot: QtBot) -> None:
    columns = [Column("Name"), Column("Amount", str, align_right=True)]
    model = _Counting(columns, _rows())
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    image = view.grab().toImage()
    assert model.cells and model.roles >= 2 * len(model.cells)  # several roles per call into Python
    # Qt's own path (one call per role) paints the same pixels
    plain = TupleTableModel(columns, _rows())
    plain_view = QTableView()
    qtbot.addWidget(plain_view)
    plain.multiData = lambda index, span: super(CellAtOnce, plain).multiData(index, span)  # type: ignore[method-assign]
    plain_view.setModel(plain)
    plain_view.resize(400, 300)
    plain_view.show()
    qtbot.waitExposed(plain_view)
    assert plain_view.grab().toImage() == image


def test_multi_data_fills_each_role_as_data_gives_it(qtbot: QtBot) -> None:
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan

    model = TupleTableModel([Column("Name"), Column("Amount", str, align_right=True)], _rows())
    index = model.index(3, 1)
    roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole]
    for role in roles:  # (a span of several is made by Qt's views only)
        role_data = QModelRoleData(int(role))
        model.multiData(index, QModelRoleDataSpan(role_data))
        assert role_data.data() == model.data(index, role), role
    shown = QModelRoleData(int(Qt.ItemDataRole.DisplayRole))
    model.multiData(index, QModelRoleDataSpan(shown))
    assert shown.data() == "3000"
    model.multiData(QModelIndex(), QModelRoleDataSpan(shown))  # no cell: nothing
    assert shown.data() is None
