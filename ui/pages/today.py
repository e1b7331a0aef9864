"""Today: how many next steps are overdue or due today, and the list of them."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from .. import fmt
from ..labels import label
from ..models import Column, TupleTableModel
from ..widgets import StatCard, card_row, make_table_view, set_column_widths
from . import data
from .base import Page, today


class TodayPage(Page):
    key = "today"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overdue_card = StatCard(self.tr("Overdue"), self, accent="danger")
        self.due_card = StatCard(self.tr("Due today"), self, accent="primary")
        self.week_card = StatCard(self.tr("Next 7 days"), self)
        self.page_layout.addLayout(card_row(self.overdue_card, self.due_card, self.week_card))
        columns = [
            Column(self.tr("Due"), fmt.short_datetime),
            Column(self.tr("Client")),
            Column(self.tr("Plan"), lambda key: label("plan_type", key)),
            Column(self.tr("Next step")),
        ]
        self.model = TupleTableModel(columns, parent=self)
        self.model.highlight = lambda row: bool(row[4])
        self.table = make_table_view(self.model, self)
        self.table.setObjectName("todayTable")
        set_column_widths(self.table, [150, 260, 170])
        self.page_layout.addWidget(self.table, 1)

    def title(self) -> str:
        return self.tr("Today")

    def refresh(self) -> None:
        day = today()
        user_id = data.current_user_id()
        agenda = data.agenda(day, user_id)
        self.overdue_card.set_value(fmt.number(agenda.overdue))
        self.due_card.set_value(fmt.number(agenda.due_today))
        self.week_card.set_value(fmt.number(agenda.upcoming_week))
        self.model.set_rows(agenda.rows)
        name = data.user_name(user_id)
        when = fmt.short_date(day)
        if name:
            text = self.tr("{date} · open next steps of {name}, due today or overdue").format(
                date=when, name=name
            )
        else:
            text = self.tr("{date} · open next steps due today or overdue").format(date=when)
        self.subtitle_label.setText(text)
