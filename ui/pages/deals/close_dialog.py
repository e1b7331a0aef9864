"""Close an opportunity as won or lost, with the date, the reason and the competitor."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from desktop_crm.read import deals as deal_data
from desktop_crm.services.deals import close_opportunity

from ... import fmt
from ...a11y import text_height
from ...inputs import DateEdit
from .form import DealFormDialog


class CloseOpportunityDialog(DealFormDialog):
    """``CloseOpportunityDialog(parent, opportunity_id, won=True)``; ``won`` preselects the outcome."""

    def __init__(self, parent: QWidget | None, opportunity_id: int, won: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("closeOpportunityDialog")
        self.opportunity_id = opportunity_id
        opp = deal_data.opportunity(opportunity_id)
        self.setWindowTitle(self.tr("Close opportunity"))
        heading = QLabel(
            self.tr("{name} · {amount}").format(name=opp.name, amount=fmt.money(opp.expected_amount_cents)),
            self,
        )
        heading.setObjectName("dialogHeading")
        heading.setStyleSheet("font-weight: 600;")
        self.form.addRow(heading)
        self.won_radio = QRadioButton(self.tr("Won"), self)
        self.lost_radio = QRadioButton(self.tr("Lost"), self)
        group = QButtonGroup(self)
        group.addButton(self.won_radio)
        group.addButton(self.lost_radio)
        (self.won_radio if won else self.lost_radio).setChecked(True)
        outcome = QWidget(self)
        row = QHBoxLayout(outcome)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.won_radio)
        row.addWidget(self.lost_radio)
        row.addStretch(1)
        self.add_row(self.tr("Outcome"), "stage", outcome)
        self.date_edit = DateEdit(self)
        self.add_row(self.tr("Closed on"), "closed_on", self.date_edit)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setFixedHeight(max(70, text_height(self.reason_edit, 3)))
        self.reason_edit.setPlaceholderText(
            self.tr("Why did we win or lose? (price, relationship, product…)")
        )
        self.add_row(self.tr("Reason"), "reason", self.reason_edit)
        self.competitor_edit = QLineEdit(opp.competitor, self)
        self.competitor_edit.setObjectName("competitorEdit")
        self.add_row(self.tr("Competitor"), "competitor", self.competitor_edit)
        self.finish_layout()

    def save(self) -> None:
        close_opportunity(
            self.opportunity_id,
            self.won_radio.isChecked(),
            closed_on=self.date_edit.day(),
            reason=self.reason_edit.toPlainText(),
            competitor=self.competitor_edit.text(),
        )
