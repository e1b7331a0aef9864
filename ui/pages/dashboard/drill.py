"""The records behind one bar or point (drill-down); double-clicking one opens its client."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop_crm import dashboard
from desktop_crm.drill import DrillListing

from ... import fmt
from ...models import CellAtOnce
from ...widgets import make_table_view, set_column_widths

ModelIndex = QModelIndex | QPersistentModelIndex


class DrillRowModel(CellAtOnce, QAbstractTableModel):
    """A virtual table over a ``DrillListing``: ``rowCount`` is its exact count; a row is built (a page at
    a time, by the listing) only when the view asks for it."""

    def __init__(self, listing: DrillListing, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listing = listing

    def row(self, row: int) -> dashboard.DrillRow | None:
        return self.listing.row(row)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.listing.count

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def kind_name(self, kind: str) -> str:
        names = {
            "client": self.tr("Client"),
            "contract": self.tr("Contract"),
            "payment": self.tr("Payment"),
            "instalment": self.tr("Instalment"),
            "follow_up": self.tr("Follow-up"),
            "opportunity": self.tr("Opportunity"),
            "weekly_form": self.tr("Weekly form"),
            "complaint": self.tr("Complaint"),
        }
        return names.get(kind, kind)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Date"), self.tr("Client"), self.tr("Record"), self.tr("Amount"), self.tr("Detail"))[
            section
        ]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.listing.row(index.row())
            if row is None:  # deleted since the list was read
                return ""
            if column == 0:
                return fmt.short_date(row.day)
            if column == 1:
                return row.client_name
            if column == 2:
                return self.kind_name(row.kind)
            if column == 3:
                return fmt.money(row.amount_cents) if row.amount_cents is not None else ""
            return row.detail
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class DrillDownDialog(QDialog):
    """Lists the records of ``listing``; ``chosen_client_id`` is set when a row with a client is
    double-clicked (accepts)."""

    def __init__(self, title: str, listing: DrillListing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillDownDialog")
        self.setWindowTitle(title)
        self.resize(820, 480)
        self.chosen_client_id: int | None = None
        layout = QVBoxLayout(self)
        heading = QLabel(title, self)
        heading.setObjectName("pageSubtitle")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        count = QLabel(
            self.tr("{count} records. Double-click one to open its client.").format(count=listing.count)
            if listing.count
            else self.tr("No records behind this value."),
            self,
        )
        count.setObjectName("hint")
        layout.addWidget(count)
        self.model = DrillRowModel(listing, self)
        self.view = make_table_view(self.model, self, stretch_column=4)
        self.view.setObjectName("drillTable")
        set_column_widths(self.view, [110, 200, 110, 120])
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.export_button = buttons.addButton(self.tr("Export…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.export_button.setEnabled(listing.count > 0)
        layout.addWidget(buttons)

    def open_row(self, row: int) -> None:
        record = self.model.row(row)
        client_id = record.client_id if record is not None else None
        if client_id is not None:
            self.chosen_client_id = client_id
            self.accept()

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        self.open_row(index.row())

    def _on_export_button_clicked(self) -> None:
        from ...exporter.tables import export_drill_listing

        export_drill_listing(self, self.windowTitle(), self.model)
