"""A small table model over tuples, with optional incremental fetching (``canFetchMore``/``fetchMore``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

Index = QModelIndex | QPersistentModelIndex
Formatter = Callable[[Any], str]
Fetcher = Callable[[int, int], Sequence[tuple]]

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class Column:
    """How one tuple position is shown: header, formatter, alignment."""

    def __init__(self, header: str, formatter: Formatter | None = None, align_right: bool = False) -> None:
        self.header = header
        self.formatter = formatter
        self.alignment = RIGHT if align_right else LEFT


class CellAtOnce:
    """A model mix-in: a view asks for all the roles of a cell (text, alignment, font, colours, tool tip, …)
    in one call from Qt into Python (``multiData``) instead of one call per role.

    Each call from Qt into Python takes the interpreter lock; while the database worker or a background
    import runs Python, each such call may wait for its turn (up to the switch interval). A table repaint
    asked about seven roles for each of a few hundred cells: a third to half of a repaint's time, on a
    busy machine, went to waiting (measured: 77 -> 43 ms for a 30 x 8 table beside a busy thread)."""

    def multiData(self, index: Any, span: Any) -> None:  # noqa: N802 (Qt's name)
        try:
            roles = list(span)  # PySide6 makes the span a sequence of QModelRoleData
        except TypeError:  # pragma: no cover - a binding without it: Qt's own, one call per role
            super().multiData(index, span)  # type: ignore[misc]
            return
        data = self.data  # type: ignore[attr-defined]
        for role_data in roles:
            role_data.setData(data(index, role_data.role()))


class TupleTableModel(CellAtOnce, QAbstractTableModel):
    """Rows are tuples. With a ``fetcher(offset, limit)`` rows arrive in batches as the view scrolls."""

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Sequence[tuple] = (),
        fetcher: Fetcher | None = None,
        batch_size: int = 200,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[tuple] = list(rows)
        self._fetcher = fetcher
        self._batch = batch_size
        self._exhausted = fetcher is None
        self.highlight: Callable[[tuple], bool] | None = None  # rows whose highlight_columns stand out
        self.highlight_columns: set[int] = {0}

    # --- loading -----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[tuple]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._exhausted = True
        self.endResetModel()

    def reload(self) -> None:
        """Drop the rows and fetch the first batch again."""
        self.beginResetModel()
        self._rows = []
        self._exhausted = self._fetcher is None
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._fetcher is None or self._exhausted:
            return
        batch = list(self._fetcher(len(self._rows), self._batch))
        if len(batch) < self._batch:
            self._exhausted = True
        if batch:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
            self._rows.extend(batch)
            self.endInsertRows()

    # --- model -------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def row(self, index: int) -> tuple:
        return self._rows[index]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column.formatter is not None:
                return column.formatter(value)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.alignment
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and self.highlight is not None
            and index.column() in self.highlight_columns
            and self.highlight(self._rows[index.row()])
        ):
            return QBrush(QColor("#c0392b"))
        if role == Qt.ItemDataRole.UserRole:
            return value
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return self._columns[section].alignment
        return None
