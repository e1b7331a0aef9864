"""The Clients list: search as you type, filter panel, saved views, trash toggle and the virtual table.

It asks the page to act (open, delete, restore, bulk edit, new) through ``sig_*`` signals; the
page runs the undoable commands.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, cast

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.client_list import CUSTOM_PREFIX, ClientFilter, ClientQuery
from desktop_crm.errors import CrmError
from desktop_crm.read import choices

from ... import fmt, prompts
from ...errors import error_text
from ...labels import choices as choices_of
from ...widgets import make_table_view
from .column_state import ColumnState
from .filter_panel import ClientFilterPanel
from .form_layout_ui import list_headers
from .saved_views import SavedViewsBar
from .table_model import ASYNC_FROM, ENUM_KINDS, MATCHED, ClientTableModel

SEARCH_DELAY_MS = 150
MATCHED_WIDTH = 240
DEFAULT_WIDTHS = {"name": 260, "status": 90, "grade": 110, "value_verdict": 100, "owner": 90, "tags": 160}


class ClientListView(QWidget):
    sig_open_requested = Signal(int)
    sig_new_requested = Signal()
    sig_delete_requested = Signal(list)
    sig_restore_requested = Signal(list)
    sig_bulk_edit_requested = Signal(list)
    sig_counts_changed = Signal(int)  # matching clients

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientListView")
        self.state = ColumnState()
        self._trash = False
        self._custom_names: dict[int, str] = {}
        self._total = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(self._build_toolbar())
        self.filter_panel = ClientFilterPanel(self)
        self.filter_panel.sig_filter_changed.connect(self._on_filter_panel_changed)
        layout.addWidget(self.filter_panel)
        self.model = ClientTableModel(self.state.columns, self._base_headers(), self)
        self.model.set_hit_labels(
            {
                MATCHED: self.tr("Matched"),
                "contact": self.tr("Contact"),
                "phone": self.tr("Phone"),
                "short_name": self.tr("Short name"),
            }
        )
        self.model.sig_ids_changed.connect(self._on_model_ids_changed)
        self.model.sig_loading_changed.connect(self._on_model_loading_changed)
        self.model.sig_failed.connect(self._on_model_failed)
        self._pending_position: tuple[set[int], int] | None = None
        self._pending_select: int | None = None
        self.table = make_table_view(self.model, self)
        self.table.setObjectName("clientsTable")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(False)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_context_menu)
        header.sortIndicatorChanged.connect(self._on_header_sort_changed)
        header.sectionResized.connect(self._on_header_section_resized)
        self.table.installEventFilter(self)
        layout.addWidget(self.table, 1)
        # Shown over the empty table while the first rows are read (never "0 clients" meanwhile).
        self.loading_label = QLabel(self.tr("Loading clients…"), self.table.viewport())
        self.loading_label.setObjectName("clientsLoading")
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading_label.setStyleSheet("color: #6b7280; background: transparent;")
        self.loading_label.hide()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self._restoring = False
        self._set_columns(self._wanted_columns())
        self._apply_sort(*self.state.sort)
        self._update_buttons()

    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("clientSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search name, short name, contacts, phone…"))
        self.search_edit.setMinimumWidth(280)
        self.search_edit.textChanged.connect(self._on_search_edit_changed)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("matchCount")
        self.views_bar = SavedViewsBar(self.view_definition, self)
        self.views_bar.sig_view_chosen.connect(self._on_views_bar_chosen)
        self.trash_button = QPushButton(self.tr("Trash"), self)
        self.trash_button.setCheckable(True)
        self.trash_button.toggled.connect(self._on_trash_button_toggled)
        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.bulk_button = QPushButton(self.tr("Bulk edit…"), self)
        self.bulk_button.clicked.connect(self._on_bulk_button_clicked)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setObjectName("exportListButton")
        self.export_button.setToolTip(
            self.tr("Export the clients shown, with these columns, to CSV or Excel")
        )
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.new_button = QPushButton(self.tr("New client"), self)
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(self.sig_new_requested)
        bar.addWidget(self.search_edit, 2)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        for widget in (
            self.views_bar,
            self.trash_button,
            self.restore_button,
            self.bulk_button,
            self.export_button,
            self.new_button,
        ):
            bar.addWidget(widget)
        return bar

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete and Enter on the table (plain keys, so they work without an active-window shortcut)."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            key_event = cast(QKeyEvent, event)
            if key_event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
                if key_event.key() == Qt.Key.Key_Delete:
                    self._on_delete_key()
                    return True
                if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self._on_open_key()
                    return True
        return super().eventFilter(watched, event)

    def _base_headers(self) -> dict[str, str]:
        """Column titles; the business's own labels (Settings → Client form) replace the built-in ones."""
        return list_headers(self._base_headers_built_in())

    def _base_headers_built_in(self) -> dict[str, str]:
        return {
            "name": self.tr("Name"),
            "short_name": self.tr("Short name"),
            "status": self.tr("Status"),
            "grade": self.tr("Grade"),
            "value_verdict": self.tr("Value"),
            "owner": self.tr("Owner"),
            "industry": self.tr("Industry"),
            "region": self.tr("Region"),
            "source": self.tr("Source"),
            "phone": self.tr("Phone"),
            "expected_amount_cents": self.tr("Expected amount"),
            "expected_sign_date": self.tr("Expected signing"),
            "last_contact_at": self.tr("Last contact"),
            "created_at": self.tr("Created"),
            "deleted_at": self.tr("Deleted"),
            "tags": self.tr("Categories"),
            "contacts": self.tr("Contacts"),
        }

    # --- public --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload pick lists, custom-field columns and the rows, keeping selection and scroll."""
        self.filter_panel.reload_choices()
        self.views_bar.reload()
        fields = choices.custom_fields()
        self._custom_names = {f.id: f.name for f in fields}
        headers = self._base_headers()
        headers.update({f"{CUSTOM_PREFIX}{f.id}": f.name for f in fields})
        self.model.set_headers(headers, {f.id: f.kind for f in fields})
        valid = [
            c
            for c in self._wanted_columns()
            if not c.startswith(CUSTOM_PREFIX) or int(c[7:]) in self._custom_names
        ]
        if valid != self.model.columns:
            self._set_columns(valid)
        self.reload(keep_position=True)

    def reload(self, keep_position: bool = False) -> None:
        """Read the rows again (on the worker for a large list; selection and scroll are put back
        when they arrive)."""
        self._count_total()
        if keep_position:
            self._pending_position = (set(self.selected_ids()), self.table.verticalScrollBar().value())
        try:
            self.model.reload()
        except CrmError as exc:
            self._pending_position = None
            prompts.show_error(self, self.tr("Clients"), error_text(exc))

    def _count_total(self) -> None:
        """The clients in this mode (alive or trash): the "of N" figure, and whether the list is large
        enough to be read on the worker (a count over an index: milliseconds)."""
        try:
            self._total = ClientQuery(ClientFilter(trash=self._trash)).count()
        except CrmError:
            self._total = 0
        self.model.large = self._total >= ASYNC_FROM

    def client_filter(self) -> ClientFilter:
        base = ClientFilter(search=self.search_edit.text().strip(), trash=self._trash)
        return self.filter_panel.client_filter(base)

    def apply_filter(self) -> None:
        """Run the current search and filters now (the search box does it after a short pause)."""
        self._search_timer.stop()
        try:
            self.model.set_filter(self.client_filter())
        except CrmError as exc:
            prompts.show_error(self, self.tr("Clients"), error_text(exc))

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.client_id(row) for row in rows if row < self.model.rowCount()]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.client_id(index.row()) if index.isValid() else None

    def select_client(self, client_id: int) -> None:
        """Select and show ``client_id``'s row if it is in the list (once the rows being read arrive)."""
        if self.model.loading:
            self._pending_select = client_id
            return
        row = self.model.row_of(client_id)
        if row >= 0:
            flags = QItemSelectionModel.SelectionFlag
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
            self.table.scrollTo(index)

    def set_trash(self, on: bool) -> None:
        self.trash_button.setChecked(on)

    def view_definition(self) -> dict[str, Any]:
        """What a saved view holds: the filter (with search), the columns and the sort."""
        flt = replace(self.client_filter(), trash=False)
        query = self.model.query
        return {
            "filter": flt.to_json(),
            "columns": self.state.columns,
            "sort": [query.sort_key, query.descending],
        }

    def apply_view(self, definition: dict[str, Any]) -> None:
        flt = ClientFilter.from_json(str(definition.get("filter") or "{}"))
        self.filter_panel.set_client_filter(flt)
        self.search_edit.blockSignals(True)
        self.search_edit.setText(flt.search)
        self.search_edit.blockSignals(False)
        columns = definition.get("columns")
        if isinstance(columns, list) and columns:
            self.state.columns = [str(c) for c in columns]
            self._set_columns(self._wanted_columns())
        sort = definition.get("sort")
        if isinstance(sort, list) and len(sort) == 2:
            self._apply_sort(str(sort[0]), bool(sort[1]))
        self.apply_filter()

    def set_column_visible(self, key: str, visible: bool) -> None:
        columns = [c for c in self.state.columns if c != key]
        if visible:
            columns.append(key)
        if "name" not in columns:
            columns.insert(0, "name")
        self.state.columns = columns
        self._set_columns(self._wanted_columns())
        self.reload(keep_position=True)

    def export_list(self) -> None:
        """Export the clients the list shows (filters, search, sort) with its visible columns."""
        from ...exporter import export_client_list

        self._search_timer.stop()
        self.apply_filter()
        headers = self._base_headers()
        headers.update({f"{CUSTOM_PREFIX}{fid}": name for fid, name in self._custom_names.items()})
        labels = {key: dict(choices_of(kind)) for key, kind in ENUM_KINDS.items()}
        export_client_list(self, self.model.query, list(self.model.columns), headers, labels)

    # --- helpers -------------------------------------------------------------------------------
    def _wanted_columns(self) -> list[str]:
        columns = list(self.state.columns)
        if self._trash and "deleted_at" not in columns:
            columns.insert(1, "deleted_at")
        return columns

    def _set_columns(self, columns: list[str]) -> None:
        self.model.set_columns(columns)
        header = self.table.horizontalHeader()
        widths = self.state.widths
        self._restoring = True
        for section, key in enumerate(columns):
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(section, widths.get(key, DEFAULT_WIDTHS.get(key, 110)))
        self._restoring = False
        self._show_sort_indicator()

    def _apply_sort(self, key: str, descending: bool) -> None:
        self.model.query.sort_key = key
        self.model.query.descending = descending
        self._show_sort_indicator()

    def _show_sort_indicator(self) -> None:
        header = self.table.horizontalHeader()
        query = self.model.query
        columns = self.model.columns
        order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
        header.blockSignals(True)
        header.setSortIndicator(columns.index(query.sort_key) if query.sort_key in columns else -1, order)
        header.blockSignals(False)

    def _select_ids(self, ids: set[int]) -> None:
        if not ids:
            return
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for row, client_id in enumerate(self.model.ids):
            if client_id in ids:
                selection.select(self.model.index(row, 0), self.model.index(row, last))
        self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _update_buttons(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.restore_button.setVisible(self._trash)
        self.restore_button.setEnabled(count > 0)
        self.bulk_button.setVisible(not self._trash)
        self.bulk_button.setEnabled(count > 1)
        self.new_button.setEnabled(not self._trash)

    # --- slots ---------------------------------------------------------------------------------
    def _on_model_ids_changed(self) -> None:
        if self.model.searching:
            self._place_matched_column()
        if self._pending_position is not None:
            selected, scroll = self._pending_position
            self._pending_position = None
            self._select_ids(selected)
            self.table.verticalScrollBar().setValue(scroll)
        if self._pending_select is not None:
            client_id, self._pending_select = self._pending_select, None
            self.select_client(client_id)
        self._show_count()

    def _place_matched_column(self) -> None:
        """While searching, the Matched column (the model's last) is shown second, after the name."""
        header = self.table.horizontalHeader()
        logical = len(self.model.columns)
        if logical >= header.count():
            return
        visual = header.visualIndex(logical)
        if visual != 1:
            header.moveSection(visual, 1)
            self.table.setColumnWidth(logical, MATCHED_WIDTH)

    def _on_model_loading_changed(self, loading: bool) -> None:
        self._show_count()

    def _on_model_failed(self, message: str) -> None:
        self._pending_position = None
        self._show_count()
        prompts.show_error(self, self.tr("Clients"), message)

    def _show_count(self) -> None:
        model = self.model
        waiting = model.loading and model.rowCount() == 0
        self.loading_label.setVisible(waiting)
        if waiting:
            self.loading_label.resize(self.table.viewport().size())
        if model.loading or not model.loaded_once:
            self.count_label.setText(self.tr("Loading…"))
            return
        count = model.rowCount()
        if self.model.query.filter.is_empty:
            text = self.tr("{count} in the trash") if self._trash else self.tr("{count} clients")
        else:
            text = self.tr("{count} of {total} match")
        self.count_label.setText(text.format(count=fmt.number(count), total=fmt.number(self._total)))
        self._update_buttons()
        self.sig_counts_changed.emit(count)

    def _on_search_edit_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_filter_panel_changed(self) -> None:
        self.apply_filter()

    def _on_views_bar_chosen(self, definition: dict[str, Any]) -> None:
        self.apply_view(definition or {"filter": "{}"})

    def _on_trash_button_toggled(self, checked: bool) -> None:
        self._trash = checked
        self._count_total()
        self._set_columns(self._wanted_columns())
        if checked:
            self._apply_sort("deleted_at", True)
        elif self.model.query.sort_key == "deleted_at":
            self._apply_sort(*self.state.sort)
        self.apply_filter()

    def _on_export_button_clicked(self) -> None:
        self.export_list()

    def _on_restore_button_clicked(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.sig_restore_requested.emit(ids)

    def _on_bulk_button_clicked(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.sig_bulk_edit_requested.emit(ids)

    def _on_delete_key(self) -> None:
        ids = self.selected_ids()
        if ids and not self._trash:
            self.sig_delete_requested.emit(ids)

    def _on_open_key(self) -> None:
        client_id = self.current_id()
        if client_id is not None and not self._trash:
            self.sig_open_requested.emit(client_id)

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and not self._trash:
            self.sig_open_requested.emit(self.model.client_id(index.row()))

    def _on_selection_changed(self, *_args: object) -> None:
        self._update_buttons()

    def _on_header_sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        if section >= len(self.model.columns):  # the Matched column: not a sort key
            self._show_sort_indicator()
            return
        key = self.model.columns[section] if section >= 0 else "name"
        descending = order == Qt.SortOrder.DescendingOrder
        if not self._trash:
            self.state.sort = (key, descending)
        self._apply_sort(key, descending)
        self.apply_filter()  # the same filter in the new order (the search texts stay in memory)

    def _on_header_section_resized(self, section: int, _old: int, new: int) -> None:
        if not self._restoring and 0 <= section < len(self.model.columns) and new > 0:
            self.state.set_width(self.model.columns[section], new)

    def _on_header_context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        shown = set(self.state.columns)
        headers = self._base_headers()
        keys = [k for k in headers if k != "deleted_at"]
        keys += [f"{CUSTOM_PREFIX}{fid}" for fid in self._custom_names]
        for key in keys:
            action = menu.addAction(headers.get(key) or self._custom_names.get(int(key[7:]), key))
            action.setCheckable(True)
            action.setChecked(key in shown)
            action.setEnabled(key != "name")
            action.toggled.connect(lambda on, k=key: self.set_column_visible(k, on))
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))
