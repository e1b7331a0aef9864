"""Clients: a read-only table of the clients, fetched in batches as the view scrolls."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from .. import fmt
from ..labels import label
from ..models import Column, TupleTableModel
from ..widgets import make_table_view, set_column_widths
from . import data
from .base import Page


class ClientsPage(Page):
    key = "clients"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        columns = [
            Column(self.tr("Name")),
            Column(self.tr("Status"), lambda key: label("client_status", key)),
            Column(self.tr("Grade"), lambda key: label("grade", key)),
            Column(self.tr("Industry")),
            Column(self.tr("Region")),
            Column(self.tr("Owner")),
            Column(self.tr("Expected amount"), fmt.money, align_right=True),
            Column(self.tr("Created"), fmt.short_date),
        ]
        self.model = TupleTableModel(columns, fetcher=data.client_rows, batch_size=200, parent=self)
        self.table = make_table_view(self.model, self, stretch_column=0)
        self.table.setObjectName("clientsTable")
        set_column_widths(self.table, [0, 90, 120, 90, 80, 90, 130, 100])
        self.page_layout.addWidget(self.table, 1)

    def title(self) -> str:
        return self.tr("Clients")

    def refresh(self) -> None:
        count = data.client_count()
        self.subtitle_label.setText(self.tr("{count} clients, newest first").format(count=fmt.number(count)))
        self.model.reload()
