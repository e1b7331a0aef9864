"""``ClientTableModel``: a virtual table over ``ClientQuery.ids()``; visible rows fetched in pages.

The model holds only the ordered id list (rowCount = len(ids)). The ids without the search (the
"base": filters and order) come from ``ClientQuery.ids()`` — on the database worker when the list is
large (``ASYNC_FROM`` clients), with a loading state that keeps the rows shown until the new ones
arrive. While only the search text changes, the ids come from the base narrowed in memory (an
``OrderedSearch`` over the searchable texts, built on the worker after a load); until those texts
are in memory a search runs as SQL on the worker. A narrowing keystroke removes rows
(``rowsRemoved``) instead of resetting the model when the removed rows form few runs. While a search
is active a last column "Matched" names the contact or field that matched when the name did not.
``data()`` fetches the page of ``PAGE_SIZE`` rows that holds the asked row through ``fetch_rows`` and
keeps the last few pages in a small LRU cache.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from desktop_crm.client_list import CUSTOM_PREFIX, ClientFilter, ClientQuery, fetch_rows
from desktop_crm.engine import raw_connection
from desktop_crm.errors import CrmError
from desktop_crm.models import database
from desktop_crm.search import OrderedSearch, SearchHit, SearchMemo, search_hits, texts_version

from ... import fmt
from ...labels import label
from ...models import CellAtOnce

if TYPE_CHECKING:
    from ...tasks import Job

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
# From this many clients (in the list's mode: alive or trash) the ids are read on the worker.
ASYNC_FROM = 5_000
# A narrowing keystroke removes rows in place when they form at most this many runs (else a reset).
MAX_REMOVED_RUNS = 64
MATCHED = "matched"  # the key of the last column while a search is active

BaseKey = tuple[ClientFilter, str, bool]
HIT_PAGE = 25  # rows whose "Matched" text is looked up together (about one screen)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGN, ID_ROLE, int(_DISPLAY), int(_TOOLTIP), int(_ALIGN)})
Row = tuple[tuple[Any, ...], tuple[str, ...]]  # raw values, display texts


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


class ClientTableModel(CellAtOnce, QAbstractTableModel):
    """Clients matching a filter, in the chosen order; columns are ``client_list`` column keys."""

    sig_loading_changed = Signal(bool)  # True while the ids are read on the worker
    sig_ids_changed = Signal()  # the rows shown changed (loaded, searched, sorted)
    sig_failed = Signal(str)  # a worker read failed (the message to show)

    def __init__(
        self, columns: Sequence[str], headers: dict[str, str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._columns: list[str] = list(columns)
        self._headers = dict(headers)
        self._custom_kinds: dict[int, str] = {}
        self._query = ClientQuery()
        self._ids: list[int] = []
        self._pages: OrderedDict[int, list[Row | None]] = OrderedDict()
        self._hits: OrderedDict[int, list[str]] = OrderedDict()
        self._memo: SearchMemo | None = None
        self._memo_building = False
        self._read_job: Job | None = None
        self._memo_job: Job | None = None
        self._memo_stamp: tuple[int, int] | None = None
        self._base: tuple[BaseKey, list[int]] | None = None
        self._search: OrderedSearch | None = None  # the memo aligned to the base's order
        self._searching = False  # the Matched column is shown
        self._hit_labels: dict[str, str] = {}
        self.large = False  # set by the view from the client count: read the ids on the worker
        self._request = 0  # the newest read asked for; older results are dropped
        self._data_version = 0  # bumped by reload(): a memo of older data is dropped
        self._loading = False
        self.loaded_once = False

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

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def busy(self) -> bool:
        """Reading the ids or the search texts on the worker."""
        return self._loading or self._memo_building

    @property
    def searching(self) -> bool:
        """A search is active: the last column names what matched."""
        return self._searching

    def _clear_pages(self) -> None:
        self._pages.clear()
        self._hits.clear()

    def set_headers(self, headers: dict[str, str], custom_kinds: dict[int, str]) -> None:
        self._headers = dict(headers)
        self._custom_kinds = dict(custom_kinds)
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def set_hit_labels(self, labels: dict[str, str]) -> None:
        """Translated labels: the Matched column's title (key ``matched``) and the match kinds
        (``short_name``, ``phone``, ``contact``)."""
        self._hit_labels = dict(labels)

    def set_columns(self, columns: Sequence[str]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self._clear_pages()
        self.endResetModel()

    def set_filter(self, flt: ClientFilter) -> None:
        """Show the clients matching ``flt``; a search-only change is answered from memory."""
        self._query.filter = flt
        self._refresh_ids()

    def set_sort(self, key: str, descending: bool) -> None:
        self._query.sort_key = key
        self._query.descending = descending
        self._refresh_ids()

    def reload(self) -> None:
        """Query the ids again (after the data changed). A large list keeps its search texts when no
        write changed any searchable text since they were read (the core's change announcements)."""
        self._search = None
        self._base = None
        if not (self.large and self._memo is not None and self._memo_stamp == self._texts_stamp()):
            self._memo = None
            self._data_version += 1
        self._refresh_ids()

    @staticmethod
    def _texts_stamp() -> tuple[int, int]:
        return id(database.obj), texts_version()

    def _base_key(self) -> BaseKey:
        query = self._query
        return (replace(query.filter, search=""), query.sort_key, query.descending)

    def _refresh_ids(self) -> None:
        """Show the ids of the current query: from memory when possible, else read (on the worker
        when the list is large)."""
        self._request += 1
        query = self._query
        flt = query.filter
        search = flt.search.strip()
        key = self._base_key()
        if self._base is not None and self._base[0] == key and not flt.trash:
            if not search:
                self._finish(list(self._base[1]))
                return
            if self._search is None and not self.large:
                self._search = self._ensure_memo_now().ordered(self._base[1])
            if self._search is not None:
                self._finish(self._search.matching(search))
                return
        if not self.large:
            self._finish(self._read_now(key))
            return
        self._read_on_worker(key)

    def _ensure_memo_now(self) -> SearchMemo:
        if self._memo is None:
            self._memo = SearchMemo(raw_connection())
        return self._memo

    def _read_now(self, key: BaseKey) -> list[int]:
        """Small lists: read in the GUI thread (a few milliseconds)."""
        query = self._query
        if query.filter.trash:
            return query.ids()
        base = ClientQuery(key[0], key[1], key[2], query.today).ids()
        self._base = (key, base)
        self._search = None
        if not query.filter.search.strip():
            return list(base)
        self._search = self._ensure_memo_now().ordered(base)
        return self._search.matching(query.filter.search)

    def _read_on_worker(self, key: BaseKey) -> None:
        from ...tasks import default_worker, deliver

        request = self._request
        query = self._query
        flt, today = query.filter, query.today
        memo = self._memo
        base = self._base[1] if self._base is not None and self._base[0] == key else None

        def job(_progress: object) -> tuple[int, BaseKey, list[int] | None, OrderedSearch | None, list[int]]:
            if flt.trash:
                return request, key, None, None, ClientQuery(flt, key[1], key[2], today).ids()
            ids = base if base is not None else ClientQuery(key[0], key[1], key[2], today).ids()
            ordered = memo.ordered(ids) if memo is not None else None
            if not flt.search.strip():
                return request, key, ids, ordered, list(ids)
            if ordered is not None:
                return request, key, ids, ordered, ordered.matching(flt.search)
            return request, key, ids, None, ClientQuery(flt, key[1], key[2], today).ids()

        self._set_loading(True)
        # Held until it ends: a job nothing refers to may be deleted before its outcome is delivered.
        self._read_job = deliver(
            default_worker().submit(job), self, self._on_read_finished, self._on_read_failed
        )

    def _on_read_finished(self, result: object) -> None:
        request, key, base, ordered, ids = result  # type: ignore[misc]
        if request != self._request:
            return  # a newer read is on its way
        if base is not None:
            self._base = (key, base)
            self._search = ordered
        self._finish(ids)
        if self._memo is None and not self._query.filter.trash:
            self._build_memo()

    def _on_read_failed(self, message: str) -> None:
        self._set_loading(False)
        self.sig_failed.emit(message)

    def _build_memo(self) -> None:
        """Load the searchable texts on the worker (after a load), aligned to the current order."""
        from ...tasks import default_worker, deliver

        if self._memo_building:
            return
        self._memo_building = True
        version = self._data_version
        stamp = self._texts_stamp()  # taken before the read: a write meanwhile makes the memo stale
        base = self._base

        def job(_progress: object) -> tuple[int, SearchMemo, BaseKey | None, OrderedSearch | None]:
            memo = SearchMemo(raw_connection())
            return version, memo, base[0] if base else None, memo.ordered(base[1]) if base else None

        def done(result: object) -> None:
            self._memo_building = False
            got_version, memo, key, ordered = result  # type: ignore[misc]
            if got_version != self._data_version:
                self._build_memo()  # the data changed meanwhile: read the texts again
                return
            self._memo = memo
            self._memo_stamp = stamp
            if self._base is not None and key == self._base[0]:
                self._search = ordered

        def failed(_message: str) -> None:
            self._memo_building = False  # searches keep running as SQL on the worker

        self._memo_job = deliver(default_worker().submit(job), self, done, failed)

    def _set_loading(self, on: bool) -> None:
        if on != self._loading:
            self._loading = on
            self.sig_loading_changed.emit(on)

    def _finish(self, ids: list[int]) -> None:
        self._set_loading(False)
        self.loaded_once = True
        self._show(ids)
        self.sig_ids_changed.emit()

    def _show(self, ids: list[int]) -> None:
        searching = bool(self._query.filter.search.strip())
        if searching == self._searching and self._remove_in_place(ids):
            return
        self.beginResetModel()
        self._ids = ids
        self._searching = searching
        self._clear_pages()
        self.endResetModel()

    def _remove_in_place(self, ids: list[int]) -> bool:
        """When ``ids`` is ``self._ids`` with a few runs of rows left out (a narrowing keystroke),
        remove those runs; False (nothing done) otherwise."""
        old = self._ids
        if not old or len(ids) >= len(old):
            return len(ids) == len(old) and ids == old and bool(old)
        runs: list[tuple[int, int]] = []
        j = 0
        start = -1
        for row, cid in enumerate(old):
            if j < len(ids) and ids[j] == cid:
                j += 1
                if start >= 0:
                    runs.append((start, row - 1))
                    start = -1
                    if len(runs) > MAX_REMOVED_RUNS:
                        return False
            elif start < 0:
                start = row
        if j != len(ids):
            return False
        if start >= 0:
            runs.append((start, len(old) - 1))
        if len(runs) > MAX_REMOVED_RUNS:
            return False
        self._clear_pages()
        for first, last in reversed(runs):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._ids[first : last + 1]
            self._clear_pages()
            self.endRemoveRows()
        return True

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
        return values[0] if values is not None else tuple(None for _ in self._columns)

    def matched_text(self, row: int) -> str:
        """What the search matched on ``row`` when not the name ("Contact: 王芳 · 138…"), else ""."""
        if not self._searching or not (0 <= row < len(self._ids)):
            return ""
        page_no = row // HIT_PAGE
        page = self._hits.get(page_no)
        if page is None:
            page_ids = self._ids[page_no * HIT_PAGE : (page_no + 1) * HIT_PAGE]
            try:
                hits = search_hits(raw_connection(), page_ids, self._query.filter.search)
            except CrmError:
                hits = {}
            page = [self._hit_text(hits.get(cid, [])) for cid in page_ids]
            self._hits[page_no] = page
            while len(self._hits) > CACHED_PAGES:
                self._hits.popitem(last=False)
        return page[row - page_no * HIT_PAGE]

    def _hit_text(self, hits: list[SearchHit]) -> str:
        parts = []
        for hit in hits:
            title = hit.field if hit.kind == "custom" else self._hit_labels.get(hit.kind, hit.kind)
            parts.append(f"{title}: {hit.text}")
        return "; ".join(parts)

    def _row_values(self, row: int) -> Row | None:
        """The row's raw column values and their display texts (formatted once per page)."""
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            page_ids = self._ids[page_no * PAGE_SIZE : (page_no + 1) * PAGE_SIZE]
            try:
                fetched = fetch_rows(page_ids, self._columns) if self._columns else {}
            except CrmError:
                fetched = {}
            kinds, columns = self._custom_kinds, self._columns
            page = []
            for cid in page_ids:
                values = fetched.get(cid)
                if values is None:
                    page.append(None)
                else:
                    texts = tuple(format_value(k, v, kinds) for k, v in zip(columns, values, strict=True))
                    page.append((values, texts))
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
        return 0 if parent.isValid() else len(self._columns) + (1 if self._searching else 0)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._ids)):
            return None
        if role == ID_ROLE:
            return self._ids[row]
        if column >= len(self._columns):  # the Matched column
            if role == _ALIGN:
                return LEFT
            text = self.matched_text(row)
            return text if role == _DISPLAY or len(text) > 40 else None
        if role == _ALIGN:
            return RIGHT if is_numeric(self._columns[column], self._custom_kinds) else LEFT
        values = self._row_values(row)
        text = values[1][column] if values is not None else ""  # deleted meanwhile: empty until a reload
        if role == _TOOLTIP:
            return text[:500] if len(text) > 40 else None
        return text

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if self._searching and section == len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._hit_labels.get(MATCHED, "Matched")
            return None
        if not (0 <= section < len(self._columns)):
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
