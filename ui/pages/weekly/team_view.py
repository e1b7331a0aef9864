"""The supervisor's team view: this week's form status per person (coloured; double-click opens the
form) and the monthly behaviour score per person for the last six months."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from desktop_crm.weekly_overview import BehaviourScores, TeamWeekRow

from ... import fmt
from ...a11y import scaled_css
from ...exporter.widget_tables import EXPORT_ROLE, install_table_export
from ...handbook_link import kpi_anchor, open_link
from .form_editor import _table
from .texts import STATUS_COLOURS, WeeklyTexts


class TeamOverviewView(QWidget):
    sig_open_form = Signal(int)  # user id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = WeeklyTexts(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.week_heading = QLabel(self)
        self.week_heading.setStyleSheet(scaled_css("font-size: 1.15em; font-weight: 600;"))
        layout.addWidget(self.week_heading)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("hint")
        layout.addWidget(self.summary_label)
        self.status_table = _table(
            self,
            "teamStatusTable",
            [self.tr("Salesperson"), self.tr("Status"), self.tr("Score"), self.tr("Submitted")],
        )
        self.status_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.status_table.itemDoubleClicked.connect(self._on_status_table_double_clicked)
        layout.addWidget(self.status_table)
        hint = QLabel(self.tr("Double-click a person to open their form."), self)
        hint.setObjectName("hint")
        layout.addWidget(hint)
        self.behaviour_heading = QLabel(self)
        self.behaviour_heading.setStyleSheet(
            scaled_css("font-size: 1.15em; font-weight: 600; margin-top: 10px;")
        )
        self.behaviour_heading.setTextFormat(Qt.TextFormat.RichText)
        self.behaviour_heading.linkActivated.connect(open_link)
        layout.addWidget(self.behaviour_heading)
        self.behaviour_table = _table(self, "behaviourTable", [self.tr("Salesperson")])
        layout.addWidget(self.behaviour_table)
        install_table_export(self.status_table, self.tr("Export the weekly forms' status"), "weekly-status")
        install_table_export(
            self.behaviour_table, self.tr("Export the monthly behaviour scores"), "behaviour-scores"
        )
        layout.addStretch(1)

    def set_week(self, label: str, rows: list[TeamWeekRow]) -> None:
        self.week_heading.setText(self.tr("Weekly forms of {week}").format(week=label))
        counts = {s: sum(1 for r in rows if r.status == s) for s in STATUS_COLOURS}
        self.summary_label.setText(
            " · ".join(f"{self.texts.status(s)} {n}" for s, n in counts.items() if n)
            or self.tr("Nobody to review.")
        )
        table = self.status_table
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = [
                row.name,
                self.texts.status(row.status),
                "" if row.score is None else fmt.number(row.score, 1),
                fmt.short_datetime(row.submitted_at),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, row.user_id)
                if c == 1:
                    item.setForeground(QColor(STATUS_COLOURS.get(row.status, "#1f2933")))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if c == 2 and row.score is not None:
                    item.setData(EXPORT_ROLE, row.score)
                if c == 3 and row.submitted_at is not None:
                    item.setData(EXPORT_ROLE, row.submitted_at)
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        row_height = table.verticalHeader().defaultSectionSize()
        table.setFixedHeight(
            (table.horizontalHeader().height() or row_height) + row_height * max(1, len(rows)) + 4
        )

    def set_behaviour(self, scores: BehaviourScores) -> None:
        self.behaviour_heading.setText(kpi_anchor(self.tr("Monthly behaviour score"), "behaviour_score"))
        table = self.behaviour_table
        table.setColumnCount(1 + len(scores.months))
        table.setHorizontalHeaderLabels(
            [self.tr("Salesperson"), *(fmt.month_label(m.start) for m in scores.months)]
        )
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setRowCount(len(scores.rows))
        for r, (_user_id, name, values) in enumerate(scores.rows):
            table.setItem(r, 0, QTableWidgetItem(name))
            for c, value in enumerate(values, start=1):
                item = QTableWidgetItem("–" if value is None else fmt.number(value, 1))
                item.setData(EXPORT_ROLE, value if value is not None else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
        row_height = table.verticalHeader().defaultSectionSize()
        table.setFixedHeight(
            (table.horizontalHeader().height() or row_height) + row_height * max(1, len(scores.rows)) + 4
        )

    def _on_status_table_double_clicked(self, item: QTableWidgetItem) -> None:
        first = self.status_table.item(item.row(), 0)
        if first is not None:
            self.sig_open_form.emit(int(first.data(Qt.ItemDataRole.UserRole)))
