"""The client hub's read-only follow-ups section (the deal sections are in ``deals_section``).

Each is its own widget with ``load(client_id)``; later issues make them interactive in place.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ... import fmt
from ...labels import label
from ...models import Column, TupleTableModel
from ...widgets import make_table_view, set_column_widths
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
