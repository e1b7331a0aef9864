"""Weekly form: the latest weekly goal forms with their status and score."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from .. import fmt
from ..labels import label
from ..models import Column, TupleTableModel
from ..widgets import make_table_view, set_column_widths
from . import data
from .base import Page


class WeeklyPage(Page):
    key = "weekly"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        columns = [
            Column(self.tr("Week")),
            Column(self.tr("Salesperson")),
            Column(self.tr("Status"), lambda key: label("weekly_status", key)),
            Column(self.tr("Score"), lambda v: "" if v is None else fmt.number(v, 1), align_right=True),
            Column(self.tr("Planned collection"), fmt.money, align_right=True),
            Column(self.tr("Submitted"), fmt.short_datetime),
        ]
        self.model = TupleTableModel(columns, parent=self)
        self.table = make_table_view(self.model, self)
        self.table.setObjectName("weeklyTable")
        set_column_widths(self.table, [120, 160, 110, 90, 170])
        self.page_layout.addWidget(self.table, 1)

    def title(self) -> str:
        return self.tr("Weekly form")

    def refresh(self) -> None:
        rows = data.latest_weekly_forms()
        shown = []
        for name, year, week, status, score, planned, submitted in rows:
            week_text = self.tr("{year} week {week}").format(year=year, week=week)
            shown.append((week_text, name, status, score, planned, submitted))
        self.model.set_rows(shown)
        self.subtitle_label.setText(self.tr("The latest weekly goal forms, with their status and score"))
