"""Key milestones (关键节点) of the client editor: a small list of rows (title, due date, done date)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.services.client_form import MilestoneInput

from .editor_inputs import FieldBox, OptionalDateEdit


class MilestoneRow:
    """The widgets of one milestone row in the grid."""

    def __init__(self, parent: QWidget, milestone_id: int | None) -> None:
        self.id = milestone_id
        self.title_edit = QLineEdit(parent)
        self.title_edit.setObjectName("milestoneTitle")
        self.title_edit.setMaxLength(200)
        self.title = FieldBox(self.title_edit, parent)
        self.due = FieldBox(OptionalDateEdit(parent), parent)
        self.done = FieldBox(OptionalDateEdit(parent), parent)
        self.remove_button = QToolButton(parent)
        self.remove_button.setText("✕")
        self.remove_button.setObjectName("removeMilestone")

    @property
    def widgets(self) -> tuple[QWidget, ...]:
        return (self.title, self.due, self.done, self.remove_button)

    def box(self, key: str) -> FieldBox:
        return {"title": self.title, "due_date": self.due, "done_date": self.done}.get(key, self.title)

    def value(self) -> MilestoneInput:
        due = self.due.editor
        done = self.done.editor
        assert isinstance(due, OptionalDateEdit) and isinstance(done, OptionalDateEdit)
        return MilestoneInput(self.id, self.title_edit.text(), due.value(), done.value())


class MilestoneList(QWidget):
    """Rows of milestones with an "Add milestone" button; rows are saved in the order shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[MilestoneRow] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(0, 1)
        self.headers = [QLabel(self) for _ in range(3)]
        for column, header in enumerate(self.headers):
            header.setObjectName("columnHeader")
            self.grid.addWidget(header, 0, column)
        self.headers[0].setText(self.tr("Milestone"))
        self.headers[1].setText(self.tr("Due"))
        self.headers[2].setText(self.tr("Done"))
        outer.addLayout(self.grid)
        self.empty_label = QLabel(self.tr("No milestones yet."), self)
        self.empty_label.setObjectName("hint")
        outer.addWidget(self.empty_label)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add milestone"), self)
        self.add_button.setObjectName("addMilestone")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.removed_ids: list[int] = []
        self._update_empty()

    def load(self, milestones: list[MilestoneInput]) -> None:
        for milestone in milestones:
            row = self.add_row(milestone.id)
            row.title_edit.setText(milestone.title)
            for box, value in ((row.due, milestone.due_date), (row.done, milestone.done_date)):
                assert isinstance(box.editor, OptionalDateEdit)
                box.editor.set_value(value)

    def add_row(self, milestone_id: int | None = None) -> MilestoneRow:
        row = MilestoneRow(self, milestone_id)
        index = len(self.rows) + 1
        for column, widget in enumerate(row.widgets):
            self.grid.addWidget(widget, index, column)
        row.remove_button.setToolTip(self.tr("Remove this milestone"))
        row.remove_button.clicked.connect(lambda _checked=False, r=row: self._remove_row(r))
        row.title_edit.setPlaceholderText(self.tr("e.g. Technical evaluation passed"))
        self.rows.append(row)
        self._update_empty()
        self._fix_tab_order()
        return row

    def _fix_tab_order(self) -> None:
        """Row by row (title, due, done, remove), then the Add button."""
        chain: list[QWidget] = []
        for row in self.rows:
            chain.append(row.title_edit)
            for box in (row.due, row.done):
                assert isinstance(box.editor, OptionalDateEdit)
                chain += [box.editor.check, box.editor.date_edit]
            chain.append(row.remove_button)
        chain.append(self.add_button)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def values(self) -> list[MilestoneInput]:
        return [row.value() for row in self.rows]

    def clear_errors(self) -> None:
        for row in self.rows:
            for box in (row.title, row.due, row.done):
                box.clear_error()

    def _remove_row(self, row: MilestoneRow) -> None:
        if row.id is not None:
            self.removed_ids.append(row.id)
        self.rows.remove(row)
        for widget in row.widgets:
            self.grid.removeWidget(widget)
            widget.hide()  # out of sight now: deleted only when the event loop next runs
            widget.deleteLater()
        for index, other in enumerate(self.rows, start=1):  # close the gap
            for column, widget in enumerate(other.widgets):
                self.grid.addWidget(widget, index, column)
        self._update_empty()
        self._fix_tab_order()

    def _update_empty(self) -> None:
        self.empty_label.setVisible(not self.rows)
        for header in self.headers:
            header.setVisible(bool(self.rows))

    def _on_add_button_clicked(self) -> None:
        row = self.add_row()
        row.title_edit.setFocus()
