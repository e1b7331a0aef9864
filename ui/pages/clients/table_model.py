"""``ClientTableModel``: a virtual table over ``ClientQuery.ids()``; visible rows fetched in pages.

The model holds only the ordered id list (rowCount = len(ids)); while only the search text changes,
the ids come from the filter's id list narrowed in memory (``SearchMemo``), not from a new scan; ``data()`` fetches the page of
``PAGE_SIZE`` rows that holds the asked row through ``fetch_rows`` and keeps the last few pages in
a small LRU cache. Sorting re-queries the ids with another ORDER BY.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop_crm.client_list import CUSTOM_PREFIX, ClientFilter, ClientQuery, fetch_rows
from desktop_crm.models import database
from desktop_crm.search import SearchMemo

from ... import fmt
from ...labels import label

Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 100
CACHED_PAGES = 12
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ENUM_KINDS = {"status": "client_status", "grade": "grade", "value_verdict": "value_verdict"}
DATE_KEYS = ("expected_sign_date",)
DATETIME_KEYS = ("last_contact_at", "created_at", "deleted_at")
NUMBER_KEYS = ("expected_amount_cents", "contacts")
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return datetime.fromisoformat(str(value)).date()
    except ValueError:
        return None


def format_value(key: str, value: Any, custom_kinds: dict[int, str]) -> str:
    """The display text of a raw column value."""
    if value is None:
        return ""
    if key in ENUM_KINDS:
        return label(ENUM_KINDS[key], value)
    if key == "expected_amount_cents":
        return fmt.money(int(value)) if value else ""
    if key == "contacts":
        return fmt.number(value) if value else ""
    if key in DATE_KEYS or key in DATETIME_KEYS:
        return fmt.short_date(_as_date(value))
    if key.startswith(CUSTOM_PREFIX):
        kind = custom_kinds.get(int(key[len(CUSTOM_PREFIX) :]), "text")
        if kind == "number" and isinstance(value, (int, float)):
            return fmt.number(value, 0 if float(value).is_integer() else 2)
        if kind == "date":
            return fmt.short_date(_as_date(value))
        if kind == "multi_choice":
            try:
                items = json.loads(value)
            except (TypeError, ValueError):
                return str(value)
            return ", ".join(str(i) for i in items) if isinstance(items, list) else str(value)
    return str(value)


def is_numeric(key: str, custom_kinds: dict[int, str]) -> bool:
    if key in NUMBER_KEYS:
        return True
    return key.startswith(CUSTOM_PREFIX) and custom_kinds.get(int(key[len(CUSTOM_PREFIX) :])) == "number"


class ClientTableModel(QAbstractTableModel):
    """Clients matching a filter, in the chosen order; columns are ``client_list`` column keys."""

    def __init__(
        self, columns: Sequence[str], headers: dict[str, str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._columns: list[str] = list(columns)
        self._headers = dict(headers)
        self._custom_kinds: dict[int, str] = {}
        self._query = ClientQuery()
        self._ids: list[int] = []
        self._pages: OrderedDict[int, list[tuple[Any, ...] | None]] = OrderedDict()
        self._memo: SearchMemo | None = None
        self._base: tuple[tuple[ClientFilter, str, bool], list[int]] | None = None

    # --- loading -------------------------------------------------------------------------------
    @property
    def columns(self) -> list[str]:
        return list(self._columns)

    @property
    def query(self) -> ClientQuery:
        return self._query

    @property
    def ids(self) -> list[int]:
        return list(self._ids)

    def set_headers(self, headers: dict[str, str], custom_kinds: dict[int, str]) -> None:
        self._headers = dict(headers)
        self._custom_kinds = dict(custom_kinds)
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def set_columns(self, columns: Sequence[str]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self._pages.clear()
        self.endResetModel()

    def set_filter(self, flt: ClientFilter) -> None:
        """Show the clients matching ``flt``; a search-only change is answered from memory."""
        self._query.filter = flt
        self._show(self._matching_ids())

    def set_sort(self, key: str, descending: bool) -> None:
        self._query.sort_key = key
        self._query.descending = descending
        self._show(self._matching_ids())

    def reload(self) -> None:
        """Query the ids again (after the data changed)."""
        self._memo = None
        self._base = None
        self._show(self._matching_ids())

    def _matching_ids(self) -> list[int]:
        """The ids in order. Searching as you type: the ids without the search (in the current
        order, kept while only the search changes) narrowed by the in-memory ``SearchMemo``."""
        query = self._query
        flt = query.filter
        if flt.trash:
            return query.ids()
        key = (replace(flt, search=""), query.sort_key, query.descending)
        if self._base is None or self._base[0] != key:
            self._base = (key, ClientQuery(key[0], query.sort_key, query.descending, query.today).ids())
        base_ids = self._base[1]
        if not flt.search.strip():
            return list(base_ids)
        if self._memo is None:
            self._memo = SearchMemo(database.connection())
        matched = self._memo.matching_ids(flt.search)
        return [cid for cid in base_ids if cid in matched]

    def _show(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self.endResetModel()

    def client_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, client_id: int) -> int:
        try:
            return self._ids.index(client_id)
        except ValueError:
            return -1

    def row(self, row: int) -> tuple[Any, ...]:
        """The raw column values of ``row`` (in column order)."""
        values = self._row_values(row)
        return values if values is not None else tuple(None for _ in self._columns)

    def _row_values(self, row: int) -> tuple[Any, ...] | None:
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            page_ids = self._ids[page_no * PAGE_SIZE : (page_no + 1) * PAGE_SIZE]
            fetched = fetch_rows(page_ids, self._columns) if self._columns else {}
            page = [fetched.get(cid) for cid in page_ids]
            self._pages[page_no] = page
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[row - page_no * PAGE_SIZE]

    # --- model ---------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        key = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            values = self._row_values(index.row())
            if values is None:  # deleted meanwhile: shown empty until the next reload
                return ""
            text = format_value(key, values[index.column()], self._custom_kinds)
            if role == Qt.ItemDataRole.ToolTipRole:
                return text[:500] if len(text) > 40 else None
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if is_numeric(key, self._custom_kinds) else LEFT
        if role == ID_ROLE:
            return self._ids[index.row()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(self._columns)):
            return None
        key = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers.get(key, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if is_numeric(key, self._custom_kinds) else LEFT
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self._columns)):
            return
        self.set_sort(self._columns[column], order == Qt.SortOrder.DescendingOrder)
