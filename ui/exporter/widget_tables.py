"""Export of the tables a page shows: those it fills itself (``QTableWidget``: the weekly form's tables, the
weekly team overview, Settings → Team), list views over a model (``QTableView``: Today's lists) and item
trees (``QTreeWidget``: the goal tree, the handbook's questions; a tree with nested rows starts with a
"Level" column, 1 for the top rows, so the nesting survives in a spreadsheet).

``install_table_export(table, title, file_stem, kinds)`` gives the table a right-click action "Export
this table…" that writes the rows as shown (visible columns and rows, headers, row order) through the
shared export dialog and the worker; a table with its own context menu keeps it (``keep_context_menu``). A cell's value is its ``EXPORT_ROLE`` data when the page set one (cents of a money column, a
name without the "(working now)" decoration), else its text; ``kinds`` says which columns hold money,
numbers or dates (``desktop_crm.exporting.cells.Column.kind``), so numbers stay numbers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QTableView,
    QTableWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop_crm.exporting.cells import Column

from ..tasks import Job

EXPORT_ROLE = Qt.ItemDataRole.UserRole + 40


def widget_table(
    table: QTableWidget, kinds: Mapping[int, str] | None = None
) -> tuple[list[Column], list[tuple[Any, ...]]]:
    """The columns and rows of ``table`` as typed export values."""
    kinds = dict(kinds or {})
    rows = []
    for row in range(table.rowCount()):
        values: list[Any] = []
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is None:
                values.append(None)
                continue
            raw = item.data(EXPORT_ROLE)
            values.append(item.text() if raw is None else raw)
        rows.append(tuple(values))
    columns = []
    for column in range(table.columnCount()):
        header = table.horizontalHeaderItem(column)
        text = header.text() if header is not None else str(column + 1)
        kind = kinds.get(column) or _kind_of([row[column] for row in rows])
        columns.append(Column(f"c{column}", text, kind))
    return columns, rows


def view_table(
    view: QTableView, kinds: Mapping[int, str] | None = None, row_header: str | None = None
) -> tuple[list[Column], list[tuple[Any, ...]]]:
    """The columns and rows of a list view over a model, as shown: the visible columns and rows in the
    view's order; a cell is the model's ``EXPORT_ROLE`` data where it gives one, else its text. ``kinds``
    (column -> ``Column.kind``) names the columns whose typed value (the model's ``UserRole`` data, as
    ``TupleTableModel`` gives it: cents, dates) is written instead of the text, so numbers stay numbers.
    ``row_header``: the title of a first column holding each row's header (a cross table's row labels)."""
    model = view.model()
    kinds = dict(kinds or {})
    shown = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
    lead = 0 if row_header is None else 1
    rows = []
    for row in range(model.rowCount()):
        if view.isRowHidden(row):
            continue
        values: list[Any] = []
        if row_header is not None:
            label = model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole)
            values.append("" if label is None else str(label))
        for column in shown:
            index = model.index(row, column)
            raw = model.data(index, EXPORT_ROLE)
            if raw is None and column in kinds:
                raw = _typed(model.data(index, Qt.ItemDataRole.UserRole), kinds[column])
            if raw is None:
                text = model.data(index, Qt.ItemDataRole.DisplayRole)
                raw = "" if text is None else str(text)
            values.append(raw)
        rows.append(tuple(values))
    columns = [] if row_header is None else [Column("row", row_header, "text")]
    for place, column in enumerate(shown, start=lead):
        header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        text = str(header) if header is not None else str(column + 1)
        kind = kinds.get(column) or _kind_of([row[place] for row in rows])
        columns.append(Column(f"c{column}", text, kind))
    return columns, rows


def tree_table(
    tree: QTreeWidget, kinds: Mapping[int, str] | None = None
) -> tuple[list[Column], list[tuple[Any, ...]]]:
    """The rows of an item tree in its order, each item followed by its children (collapsed ones too,
    hidden ones and theirs left out), the visible columns; a cell is its ``EXPORT_ROLE`` data where the
    page set one, else its text. When some row is nested, a first "Level" column gives each row's depth."""
    kinds = dict(kinds or {})
    shown = [c for c in range(tree.columnCount()) if not tree.isColumnHidden(c)]
    items: list[tuple[int, QTreeWidgetItem]] = []
    pending: list[tuple[int, QTreeWidgetItem | None]]
    pending = [(1, tree.topLevelItem(i)) for i in reversed(range(tree.topLevelItemCount()))]
    while pending:
        depth, item = pending.pop()
        if item is None or item.isHidden():
            continue
        items.append((depth, item))
        pending.extend((depth + 1, item.child(i)) for i in reversed(range(item.childCount())))
    nested = any(depth > 1 for depth, _item in items)
    rows = []
    for depth, item in items:
        values: list[Any] = [depth] if nested else []
        for column in shown:
            raw = item.data(column, EXPORT_ROLE)
            values.append(item.text(column) if raw is None else raw)
        rows.append(tuple(values))
    columns = [Column("level", QCoreApplication.translate("_TableExport", "Level"), "int")] if nested else []
    header = tree.headerItem()
    for column in shown:
        place = len(columns)
        text = header.text(column) if header is not None else str(column + 1)
        kind = kinds.get(column) or _kind_of([row[place] for row in rows])
        columns.append(Column(f"c{column}", text, kind))
    return columns, rows


def _typed(value: Any, kind: str) -> Any:
    """``value`` when it is what a column of ``kind`` holds (None, a missing value, stays blank)."""
    if kind in ("money", "int") and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind == "number" and isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if kind == "datetime" and isinstance(value, datetime):
        return value
    if kind == "date" and isinstance(value, date):
        return value
    return "" if value is None else None


def _kind_of(values: list[Any]) -> str:
    """A column's kind from its values: numbers, dates and times when every filled cell is one."""
    filled = [v for v in values if v is not None and v != ""]
    if not filled:
        return "text"
    if all(isinstance(v, datetime) for v in filled):
        return "datetime"
    if all(isinstance(v, date) and not isinstance(v, datetime) for v in filled):
        return "date"
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in filled):
        return "number"
    return "text"


class _TableExport:
    """The "Export this table…" action of one table. A plain object kept alive by the action's
    connection (the action is the table's child): a Python QObject child of the table crashed Qt now
    and then when the table's children were deleted."""

    def __init__(
        self,
        table: QAbstractItemView,
        title: str,
        file_stem: str,
        kinds: Mapping[int, str],
        keep_context_menu: bool,
        row_header: str | None = None,
    ) -> None:
        self.table, self.title, self.file_stem, self.kinds = table, title, file_stem, dict(kinds)
        self.row_header = row_header
        self.action = QAction(QCoreApplication.translate("_TableExport", "Export this table…"), table)
        self.action.setObjectName("exportTableAction")
        # A closure: the connection holds it (a bound method of a plain object would be held weakly).
        self.action.triggered.connect(lambda _checked=False: self._on_action_triggered())
        table.addAction(self.action)
        custom = table.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
        if not keep_context_menu and not custom:  # a table's own context menu is never replaced
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def run(self) -> Job | None:
        if isinstance(self.table, QTableWidget):
            columns, rows = widget_table(self.table, self.kinds)
        elif isinstance(self.table, QTreeWidget):
            columns, rows = tree_table(self.table, self.kinds)
        elif isinstance(self.table, QTableView):
            columns, rows = view_table(self.table, self.kinds, self.row_header)
        else:
            raise TypeError(f"no table export for {type(self.table).__name__}")
        from .actions import export_table  # the dialog and the writers: on first use

        return export_table(self.table.window(), self.title, self.file_stem, columns, rows)

    def _on_action_triggered(self) -> None:
        self.run()


def install_table_export(
    table: QTableView | QTreeWidget,
    title: str,
    file_stem: str,
    kinds: Mapping[int, str] | None = None,
    *,
    keep_context_menu: bool = False,
    also_on: Sequence[QWidget] = (),
    row_header: str | None = None,
) -> QAction:
    """Give ``table`` its right-click "Export this table…"; the action (tests trigger it).

    The action is added to the table's actions and the table shows its actions on a right click
    (``Qt.ActionsContextMenu``, with any actions it already has). A table with its own context menu
    (``Qt.CustomContextMenu``, or ``keep_context_menu=True``) keeps it: that menu adds the returned
    action (or ``table.actions()``) itself. ``also_on``: other widgets showing the same rows (a timeline
    beside its table) whose right click offers the action too (on the same terms). ``row_header``: a list
    view whose rows have labels of their own (a cross table) exports them first, under that title."""
    action = _TableExport(table, title, file_stem, kinds or {}, keep_context_menu, row_header).action
    for widget in also_on:
        widget.addAction(action)
        if not keep_context_menu and widget.contextMenuPolicy() != Qt.ContextMenuPolicy.CustomContextMenu:
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action
