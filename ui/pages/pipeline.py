"""Pipeline: opportunities and amounts per stage."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_crm.models.enums import OPEN_STAGES

from .. import fmt
from ..labels import label
from ..models import Column, TupleTableModel
from ..widgets import StatCard, card_row, make_table_view, set_column_widths
from . import data
from .base import Page


class PipelinePage(Page):
    key = "pipeline"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.open_card = StatCard(self.tr("Open opportunities"), self, accent="primary")
        self.amount_card = StatCard(self.tr("Open amount"), self)
        self.weighted_card = StatCard(self.tr("Weighted amount"), self)
        self.won_card = StatCard(self.tr("Won amount"), self, accent="success")
        self.page_layout.addLayout(
            card_row(self.open_card, self.amount_card, self.weighted_card, self.won_card)
        )
        columns = [
            Column(self.tr("Stage"), lambda key: label("stage", key)),
            Column(self.tr("Opportunities"), fmt.number, align_right=True),
            Column(self.tr("Amount"), fmt.money, align_right=True),
            Column(self.tr("Weighted amount"), fmt.money, align_right=True),
        ]
        self.model = TupleTableModel(columns, parent=self)
        self.table = make_table_view(self.model, self)
        self.table.setObjectName("pipelineTable")
        set_column_widths(self.table, [220, 140, 200])
        self.page_layout.addWidget(self.table, 1)

    def title(self) -> str:
        return self.tr("Pipeline")

    def refresh(self) -> None:
        rows = data.pipeline_by_stage()
        open_rows = [r for r in rows if r.stage in OPEN_STAGES]
        self.open_card.set_value(fmt.number(sum(r.count for r in open_rows)))
        self.amount_card.set_value(fmt.money(sum(r.amount_cents for r in open_rows), 0))
        self.weighted_card.set_value(fmt.money(sum(r.weighted_cents for r in open_rows), 0))
        self.won_card.set_value(fmt.money(sum(r.amount_cents for r in rows if r.stage == "won"), 0))
        self.model.set_rows([(r.stage, r.count, r.amount_cents, r.weighted_cents) for r in rows])
        self.subtitle_label.setText(
            self.tr("Expected amounts per stage; weighted by each opportunity's probability")
        )
