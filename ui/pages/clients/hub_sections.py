"""The client hub's read-only sections: follow-ups, opportunities, contracts & payments.

Each is its own widget with ``load(client_id)``; later issues make them interactive in place.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ... import fmt
from ...labels import label
from ...models import Column, TupleTableModel
from ...widgets import StatCard, card_row, make_table_view, set_column_widths
from . import hub_data


class _Section(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client_id: int | None = None
        self.section_layout = QVBoxLayout(self)
        self.section_layout.setContentsMargins(0, 8, 0, 0)
        self.section_layout.setSpacing(10)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("hint")
        self.section_layout.addWidget(self.summary_label)


class FollowUpsSection(_Section):
    """The follow-up chain, newest first, each with the next step it set."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        columns = [
            Column(self.tr("When"), fmt.short_datetime),
            Column(self.tr("Channel"), lambda key: label("channel", key)),
            Column(self.tr("Purpose"), lambda key: label("plan_type", key)),
            Column(self.tr("Contacts")),
            Column(self.tr("Summary")),
            Column(self.tr("Next step")),
            Column(self.tr("Next step due"), fmt.short_datetime),
        ]
        self.model = TupleTableModel(columns, parent=self)
        self.table = make_table_view(self.model, self, stretch_column=4)
        self.table.setObjectName("followUpsTable")
        set_column_widths(self.table, [130, 80, 130, 130, 0, 180, 130])
        self.section_layout.addWidget(self.table, 1)

    def load(self, client_id: int) -> None:
        self.client_id = client_id
        rows = hub_data.timeline_rows(client_id)
        self.model.set_rows(rows)
        self.summary_label.setText(
            self.tr("Follow-ups: {count}, newest first, each with the next step it set.").format(
                count=len(rows)
            )
            if rows
            else self.tr("No follow-ups logged yet.")
        )


class OpportunitiesSection(_Section):
    """The client's deals; ``sig_show_stakeholders(opportunity id)`` asks the hub for that deal's power map."""

    sig_show_stakeholders = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        columns = [
            Column(self.tr("Opportunity")),
            Column(self.tr("Stage"), lambda key: label("stage", key)),
            Column(self.tr("Probability"), lambda v: f"{v}%", align_right=True),
            Column(self.tr("Expected amount"), fmt.money, align_right=True),
            Column(self.tr("Expected close"), fmt.short_date),
            Column(self.tr("Stakeholders"), fmt.number, align_right=True),
        ]
        self.model = TupleTableModel(columns, parent=self)
        self.table = make_table_view(self.model, self, stretch_column=0)
        self.table.setObjectName("opportunitiesTable")
        set_column_widths(self.table, [0, 130, 90, 140, 120, 100])
        self.map_button = QPushButton(self.tr("Show this deal's power map"), self)
        self.map_button.setEnabled(False)
        self.map_button.clicked.connect(self._on_map_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.doubleClicked.connect(self._on_map_clicked)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.map_button)
        self.section_layout.addLayout(row)
        self.section_layout.addWidget(self.table, 1)

    def load(self, client_id: int) -> None:
        self.client_id = client_id
        rows = hub_data.opportunity_rows(client_id)
        self.model.set_rows(rows)
        open_value = sum(r[3] for r in rows if r[1] not in ("won", "lost"))
        self.summary_label.setText(
            self.tr("Opportunities: {count} · open pipeline: {amount}").format(
                count=len(rows), amount=fmt.money(open_value)
            )
            if rows
            else self.tr("No opportunities yet.")
        )
        self.map_button.setEnabled(False)

    def _on_table_selection_changed(self) -> None:
        self.map_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _on_map_clicked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.sig_show_stakeholders.emit(int(self.model.row(rows[0].row())[-1]))


class ContractsSection(_Section):
    """Contracts with amount, signed date, planned, paid, outstanding and overdue."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.signed_card = StatCard(self.tr("Signed"), self, "primary")
        self.paid_card = StatCard(self.tr("Collected"), self, "success")
        self.outstanding_card = StatCard(self.tr("Outstanding"), self)
        self.overdue_card = StatCard(self.tr("Overdue"), self, "danger")
        self.section_layout.addLayout(
            card_row(self.signed_card, self.paid_card, self.outstanding_card, self.overdue_card)
        )
        columns = [
            Column(self.tr("Contract")),
            Column(self.tr("Signed on"), fmt.short_date),
            Column(self.tr("Amount"), fmt.money, align_right=True),
            Column(self.tr("Planned"), fmt.money, align_right=True),
            Column(self.tr("Paid"), fmt.money, align_right=True),
            Column(self.tr("Outstanding"), fmt.money, align_right=True),
            Column(self.tr("Overdue"), fmt.money, align_right=True),
        ]
        self.model = TupleTableModel(columns, parent=self)
        self.model.highlight = lambda row: row[6] > 0
        self.model.highlight_columns = {6}
        self.table = make_table_view(self.model, self, stretch_column=0)
        self.table.setObjectName("contractsTable")
        set_column_widths(self.table, [0, 100, 120, 120, 120, 120, 110])
        self.section_layout.addWidget(self.table, 1)

    def load(self, client_id: int) -> None:
        self.client_id = client_id
        rows = hub_data.contract_rows(client_id)
        self.model.set_rows(rows)
        totals = [sum(r[i] for r in rows) for i in (2, 4, 5, 6)]
        for card, value in zip(
            (self.signed_card, self.paid_card, self.outstanding_card, self.overdue_card), totals, strict=True
        ):
            card.set_value(fmt.money(value, 0))
        self.summary_label.setText(
            self.tr("Contracts: {count}").format(count=len(rows)) if rows else self.tr("No contracts yet.")
        )
