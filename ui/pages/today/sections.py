"""A section of the Today page: a titled card with its count, its action buttons and a table
(or a quiet "nothing here" line when the table is empty).

A list shows at least ``min_rows`` whole rows (measured from the view's row and header heights, so a
larger font keeps them whole); an empty section shrinks to its heading and its message, and tells the
page (``sig_room_changed``), which gives the room to the sections that have rows. A client's name never
gets less than ``client_min_width`` (``CLIENT_MIN_CHARS`` characters of the view's font) where the page
can give it."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...exporter.widget_tables import install_table_export
from ...table_fit import cell_width
from ...widgets import make_table_view, set_column_widths

CLIENT_MIN_CHARS = 7  # a client's city and name: "杭州华美新能源", "Silverline Medi"
NO_LIMIT = 16_777_215  # QWIDGETSIZE_MAX


class AgendaSection(QFrame):
    """Emits ``sig_current_changed(row)`` (-1 when nothing is selected) and ``sig_activated(row)``."""

    sig_current_changed = Signal(int)
    sig_activated = Signal(int)
    sig_room_changed = Signal()  # became empty or got rows: the page shares the room again

    def __init__(
        self,
        title: str,
        model: QAbstractItemModel,
        empty_text: str,
        parent: QWidget | None = None,
        buttons_below: bool = False,
        stretch_column: int | None = None,
        min_rows: int = 3,
    ) -> None:
        super().__init__(parent)
        self.min_rows = min_rows
        self._room: tuple[bool, int, int] | None = None  # what the page last shared the room by
        self.setObjectName("agendaSection")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 10)
        layout.setSpacing(8)
        self._layout = layout
        header = QHBoxLayout()
        header.setSpacing(8)
        self._header = header
        self.title_label = QLabel(title, self)
        self.title_label.setObjectName("sectionTitle")
        self.count_label = QLabel("0", self)
        self.count_label.setObjectName("sectionCount")
        header.addWidget(self.title_label)
        header.addWidget(self.count_label)
        header.addStretch(1)
        self.button_row = QHBoxLayout()
        self.button_row.setSpacing(6)
        layout.addLayout(header)
        self.stack = QStackedWidget(self)
        self.table: QTableView = make_table_view(model, self.stack, stretch_column)
        # Right-click → Export this table… (the rows as shown, to CSV or Excel)
        self.export_action = install_table_export(self.table, title, "today")
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty_label = QLabel(empty_text, self.stack)
        self.empty_label.setObjectName("sectionEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.loading_label = QLabel(self.stack)  # shown while the rows are read: never the empty text
        self.loading_label.setObjectName("sectionLoading")
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.loading_label)
        layout.addWidget(self.stack, 1)
        self.buttons_below = buttons_below
        if buttons_below:  # narrow sections: the buttons under the table, keeping the header short
            self.button_row.addStretch(1)
            layout.addLayout(self.button_row)
        else:
            header.addLayout(self.button_row)
        layout.addStretch(0)  # height beyond a short list's or a message's: below them, not in the heading
        self.model = model
        self.buttons: list[QAbstractButton] = []
        self.table.selectionModel().currentRowChanged.connect(self._on_selection_current_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        model.modelReset.connect(self._on_model_reset)
        self._on_model_reset()

    def add_button(self, button: QAbstractButton) -> None:
        button.setEnabled(False)
        button.setVisible(not (self.buttons_below and self.is_empty()))
        self.buttons.append(button)
        self.button_row.addWidget(button)

    def set_column_widths(self, widths: list[int]) -> None:
        set_column_widths(self.table, widths)

    def client_min_width(self) -> int:
        """The least width of a client's name: ``CLIENT_MIN_CHARS`` wide characters of the view's font."""
        return cell_width(self.table, "国" * CLIENT_MIN_CHARS)

    def needed_width(self, free_columns: int = 1) -> int:
        """The width this section needs for its fixed columns whole and ``free_columns`` stretched ones
        (client names, titles) at ``client_min_width``: its margins, the table's frame and scroll bar."""
        header = self.table.horizontalHeader()
        fixed = sum(
            self.table.columnWidth(column)
            for column in range(header.count())
            if not self.table.isColumnHidden(column)
            and header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch
        )
        margins = self._layout.contentsMargins()
        scroll_bar = self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.table)
        chrome = margins.left() + margins.right() + 2 * self.table.frameWidth() + scroll_bar
        return fixed + free_columns * self.client_min_width() + chrome

    def heading_width(self) -> int:
        """The width of the section's heading row (title, count, buttons beside) with its margins, and at
        least two client names' (its message on a line or two): what an empty section keeps beside
        sections with rows."""
        margins = self._layout.contentsMargins()
        heading = self._header.sizeHint().width()
        return max(heading, 2 * self.client_min_width()) + margins.left() + margins.right()

    def is_empty(self) -> bool:
        """Read and without rows: the section shows only its heading and its message."""
        return self.stack.currentWidget() is self.empty_label

    def is_short(self) -> bool:
        """Read, with fewer rows than ``min_rows`` (or none): the section needs no more than its rows."""
        if self.stack.currentWidget() is self.loading_label:
            return False
        return self.is_empty() or self.model.rowCount() < self.min_rows

    def fitted_height(self) -> int:
        """The height of the section as it is laid out for what it shows (its heading, its rows or its
        message, its buttons below), measured from its parts: visible or not, just moved or not."""
        layout = self._layout
        margins = layout.contentsMargins()
        height = margins.top() + margins.bottom() + self._header.sizeHint().height() + layout.spacing()
        height += self.stack.maximumHeight() if self.is_short() else self.stack.minimumHeight()
        if self.buttons_below and self.buttons and not self.is_empty():
            height += layout.spacing() + max(button.sizeHint().height() for button in self.buttons)
        return height

    def rows_height(self, rows: int) -> int:
        """The table's height showing its header and ``rows`` whole rows."""
        table = self.table
        header = table.horizontalHeader().sizeHint().height()
        return 2 * table.frameWidth() + header + rows * table.verticalHeader().defaultSectionSize()

    def _fit_height(self) -> None:
        """At least ``min_rows`` whole rows, no more room than its rows when it has fewer; empty, only the
        message's height (the buttons below hidden: nothing to act on)."""
        empty = self.is_empty()
        if empty:
            label = self.empty_label
            width = max(self.stack.width(), label.minimumSizeHint().width())
            height = label.heightForWidth(width) if label.hasHeightForWidth() else -1
            self.stack.setMinimumHeight(0)
            self.stack.setMaximumHeight(height if height > 0 else label.sizeHint().height())
        elif self.is_short():
            height = self.rows_height(self.model.rowCount())
            self.stack.setMinimumHeight(height)
            self.stack.setMaximumHeight(height)
        else:
            self.stack.setMaximumHeight(NO_LIMIT)
            self.stack.setMinimumHeight(self.rows_height(self.min_rows))
        if self.buttons_below:
            for button in self.buttons:
                button.setVisible(not empty)
        room = (empty, self.stack.minimumHeight(), self.stack.maximumHeight())
        if room != self._room:
            self._room = room
            self.sig_room_changed.emit()

    def set_count(self, text: str, danger: bool = False) -> None:
        self.count_label.setText(text)
        self.count_label.setProperty("accent", "danger" if danger else "")
        self.count_label.style().unpolish(self.count_label)
        self.count_label.style().polish(self.count_label)

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() and self.table.selectionModel().hasSelection() else -1

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )

    def show_loading(self, text: str) -> None:
        """Say the rows are being read; the next reset of the model shows the table or the empty text."""
        self.loading_label.setText(text)
        self.stack.setCurrentWidget(self.loading_label)
        self.count_label.setText("…")
        self._set_buttons_enabled(False)
        self._fit_height()

    def is_loading(self) -> bool:
        return self.stack.currentWidget() is self.loading_label

    def _on_model_reset(self) -> None:
        self.stack.setCurrentWidget(self.table if self.model.rowCount() else self.empty_label)
        self._set_buttons_enabled(False)
        self._fit_height()
        self.sig_current_changed.emit(-1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.is_empty():  # the message wraps to the new width
            self._fit_height()

    def _set_buttons_enabled(self, enabled: bool) -> None:
        for button in self.buttons:
            button.setEnabled(enabled)

    def _on_selection_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._set_buttons_enabled(current.isValid())
        self.sig_current_changed.emit(current.row() if current.isValid() else -1)

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.sig_activated.emit(index.row())
