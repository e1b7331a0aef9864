"""Step 3 of the import wizard: every row checked before anything is written. Counts (create / update /
skip / error), the choice for duplicates, "only rows with problems", the rows with the faulty cells
tinted, and the list of problems naming row and column."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .. import fmt
from .common import problem_text
from .preview_model import ERROR_TEXT, PreviewTableModel

MAX_LISTED = 500  # problems listed below the table (the table shows them all)
DUPLICATE_CHOICES = ("skip", "update", "create")


class PreviewStep(QWidget):
    """Emits ``sig_duplicates_changed(choice)`` (the wizard prepares again)."""

    sig_duplicates_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewStep")
        self.preview: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)

        top = QHBoxLayout()
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("importCountsLabel")
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(self.counts_label, 1)
        top.addWidget(QLabel(self.tr("Duplicates:"), self))
        self.duplicates_combo = QComboBox(self)
        self.duplicates_combo.setObjectName("importDuplicatesCombo")
        self.duplicates_combo.setToolTip(
            self.tr("A row with the same name or phone as an earlier row or a record already in the database")
        )
        for choice, text in (
            ("skip", self.tr("Skip them")),
            ("update", self.tr("Update the existing record")),
            ("create", self.tr("Create them anyway")),
        ):
            self.duplicates_combo.addItem(text, choice)
        self.duplicates_combo.activated.connect(self._on_duplicates_activated)
        top.addWidget(self.duplicates_combo)
        top.addSpacing(12)
        self.only_problems_check = QCheckBox(self.tr("Only rows with problems"), self)
        self.only_problems_check.setObjectName("importOnlyProblems")
        self.only_problems_check.toggled.connect(self._on_only_problems_toggled)
        top.addWidget(self.only_problems_check)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.model = PreviewTableModel(self)
        self.view = QTableView(splitter)
        self.view.setObjectName("importPreviewTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setResizeContentsPrecision(40)  # width from 40 rows, not 1,000
        self.view.horizontalHeader().setDefaultSectionSize(150)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.problem_list = QListWidget(splitter)
        self.problem_list.setObjectName("importProblemList")
        self.problem_list.itemActivated.connect(self._on_problem_list_item_activated)
        self.problem_list.itemClicked.connect(self._on_problem_list_item_activated)
        splitter.addWidget(self.view)
        splitter.addWidget(self.problem_list)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        self.message_label = QLabel(self)
        self.message_label.setObjectName("importPreviewMessage")
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)

    # --- public --------------------------------------------------------------------------------
    @property
    def on_duplicate(self) -> str:
        return str(self.duplicates_combo.currentData())

    def set_on_duplicate(self, choice: str) -> None:
        self.duplicates_combo.setCurrentIndex(max(self.duplicates_combo.findData(choice), 0))

    def clear(self) -> None:
        self.preview = None
        self.counts_label.setText("")
        self.problem_list.clear()
        self.message_label.setText("")

    def set_preview(self, preview: Any, table: Any, mapping: dict[int, str], specs: tuple[Any, ...]) -> None:
        self.preview = preview
        self.model.set_preview(preview, table, mapping, specs)
        self.model.set_only_problems(self.only_problems_check.isChecked())
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.resizeSection(column, max(70, min(header.sectionSize(column) + 12, 260)))
        counts = preview.counts
        parts = [
            self.tr("Create: <b>{count}</b>").format(count=fmt.number(counts.get("create", 0))),
            self.tr("Update: <b>{count}</b>").format(count=fmt.number(counts.get("update", 0))),
            self.tr("Skip: <b>{count}</b>").format(count=fmt.number(counts.get("skip", 0))),
        ]
        errors = counts.get("error", 0)
        error_part = self.tr("Errors: <b>{count}</b>").format(count=fmt.number(errors))
        if errors:
            error_part = f'<span style="color:#c62828">{error_part}</span>'
        parts.append(error_part)
        self.counts_label.setText(" &nbsp;·&nbsp; ".join(parts))
        self._fill_problems(preview)
        if preview.ok:
            self.message_label.setStyleSheet("")
            self.message_label.setText(
                self.tr("Every row is valid. Import writes them all in one go; nothing is written before.")
            )
        else:
            self.message_label.setStyleSheet("color: #b3261e;")
            self.message_label.setText(
                self.tr(
                    "Rows with errors cannot be imported. Correct the file and choose it again, or change "
                    "the columns. Nothing is imported until every row is valid."
                )
            )

    def problem_line(self, problem: Any) -> str:
        """'Row 3, column "客户级别": …' (the sentence in the interface language)."""
        text = problem_text(problem, self.model.all_specs)
        if problem.row is not None and problem.column:
            return self.tr('Row {row}, column "{column}": {message}').format(
                row=problem.row, column=problem.column, message=text
            )
        if problem.row is not None:
            return self.tr("Row {row}: {message}").format(row=problem.row, message=text)
        if problem.column:
            return self.tr('Column "{column}": {message}').format(column=problem.column, message=text)
        return text

    # --- internals -----------------------------------------------------------------------------
    def _all_problems(self, preview: Any) -> list[Any]:
        """The file's problems, then the rows' (errors before notes), at most ``MAX_LISTED`` + 1."""
        found: list[Any] = list(preview.problems)
        notes: list[Any] = []
        for row in preview.rows:
            for problem in row.problems:
                (found if getattr(problem, "severity", "error") == "error" else notes).append(problem)
            if len(found) > MAX_LISTED:
                break
        return (found + notes)[: MAX_LISTED + 1]

    def _fill_problems(self, preview: Any) -> None:
        self.problem_list.clear()
        problems = self._all_problems(preview)
        for problem in problems[:MAX_LISTED]:
            item = QListWidgetItem(self.problem_line(problem))
            item.setData(Qt.ItemDataRole.UserRole, problem.row)
            if getattr(problem, "severity", "error") == "error":
                item.setForeground(ERROR_TEXT)
            self.problem_list.addItem(item)
        if len(problems) > MAX_LISTED:
            more = QListWidgetItem(
                self.tr('More problems are not listed: tick "Only rows with problems" to see every one.')
            )
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.problem_list.addItem(more)
        self.problem_list.setVisible(bool(problems))

    # --- slots ---------------------------------------------------------------------------------
    def _on_duplicates_activated(self, _index: int) -> None:
        self.sig_duplicates_changed.emit(self.on_duplicate)

    def _on_only_problems_toggled(self, checked: bool) -> None:
        self.model.set_only_problems(checked)

    def _on_problem_list_item_activated(self, item: QListWidgetItem) -> None:
        file_row = item.data(Qt.ItemDataRole.UserRole)
        if file_row is None:
            return
        model_row = self.model.row_of(int(file_row))
        if model_row is not None:
            self.view.selectRow(model_row)
            self.view.scrollTo(self.model.index(model_row, 0))
