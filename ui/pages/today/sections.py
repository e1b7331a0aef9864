"""A section of the Today page: a titled card with its count, its action buttons and a table
(or a quiet "nothing here" line when the table is empty)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...a11y import scaled_css
from ...exporter.widget_tables import install_table_export
from ...widgets import make_table_view, set_column_widths

SECTION_STYLE = """
QFrame#agendaSection { background: #ffffff; border: 1px solid #e3e8ef; border-radius: 10px; }
QFrame#agendaSection QLabel#sectionTitle { font-size: 1.15em; font-weight: 600; color: #1f2a3c; }
QFrame#agendaSection QLabel#sectionCount {
    color: #ffffff; background: #8a96a6; border-radius: 9px; padding: 1px 8px; font-weight: 600;
}
QFrame#agendaSection QLabel#sectionCount[accent="danger"] { background: #d9534f; }
QFrame#agendaSection QLabel#sectionEmpty { color: #6b7785; padding: 18px; }
QFrame#agendaSection QTableView { border: none; }
QFrame#agendaSection QTableView:focus { border: 2px solid #3b6fd8; }
"""


class AgendaSection(QFrame):
    """Emits ``sig_current_changed(row)`` (-1 when nothing is selected) and ``sig_activated(row)``."""

    sig_current_changed = Signal(int)
    sig_activated = Signal(int)

    def __init__(
        self,
        title: str,
        model: QAbstractItemModel,
        empty_text: str,
        parent: QWidget | None = None,
        buttons_below: bool = False,
        stretch_column: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agendaSection")
        self.setStyleSheet(scaled_css(SECTION_STYLE))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 10)
        layout.setSpacing(8)
        header = QHBoxLayout()
        header.setSpacing(8)
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
        if buttons_below:  # narrow sections: the buttons under the table, keeping the header short
            self.button_row.addStretch(1)
            layout.addLayout(self.button_row)
        else:
            header.addLayout(self.button_row)
        self.model = model
        self.buttons: list[QAbstractButton] = []
        self.table.selectionModel().currentRowChanged.connect(self._on_selection_current_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        model.modelReset.connect(self._on_model_reset)
        self._on_model_reset()

    def add_button(self, button: QAbstractButton) -> None:
        button.setEnabled(False)
        self.buttons.append(button)
        self.button_row.addWidget(button)

    def set_column_widths(self, widths: list[int]) -> None:
        set_column_widths(self.table, widths)

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

    def is_loading(self) -> bool:
        return self.stack.currentWidget() is self.loading_label

    def _on_model_reset(self) -> None:
        self.stack.setCurrentWidget(self.table if self.model.rowCount() else self.empty_label)
        self._set_buttons_enabled(False)
        self.sig_current_changed.emit(-1)

    def _set_buttons_enabled(self, enabled: bool) -> None:
        for button in self.buttons:
            button.setEnabled(enabled)

    def _on_selection_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._set_buttons_enabled(current.isValid())
        self.sig_current_changed.emit(current.row() if current.isValid() else -1)

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.sig_activated.emit(index.row())
