"""This week's form, editable: assessment task, collections, work per day, facts, summary, annotations
and score. It shows a ``WeeklyFormView`` and emits what the user asks for; the page runs the services."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.weekly_form import WeeklyFormView

from ... import fmt
from ...a11y import line_height, scaled_css, text_height
from ...errors import error_text
from ...exporter.widget_tables import EXPORT_ROLE, install_table_export
from ...handbook_link import kpi_anchor, open_link
from ...table_fit import fit_to_samples, widest_dates
from .form_html import unit_of, value_text
from .kpi_names import WEEK_FACTS, kpi_name
from .texts import WeeklyTexts

ROW_HEIGHT = 26


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(max(ROW_HEIGHT, line_height(table, 10)))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setWordWrap(False)
    return table


def _fixed_columns(table: QTableWidget, widths: dict[int, int]) -> None:
    header = table.horizontalHeader()
    for column, width in widths.items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        table.setColumnWidth(column, width)


def _fill(
    table: QTableWidget,
    rows: list[list[str]],
    right: set[int],
    data: list[object] | None = None,
    raw: list[dict[int, object]] | None = None,
) -> None:
    """``raw``: per row, column -> the value an export writes (cents of a money column)."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if raw is not None and c in raw[r]:
                item.setData(EXPORT_ROLE, raw[r][c])
            item.setToolTip(text)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if data is not None and c == 0:
                item.setData(Qt.ItemDataRole.UserRole, data[r])
            table.setItem(r, c, item)
    row_height = table.verticalHeader().defaultSectionSize()
    header = table.horizontalHeader().height() or row_height
    table.setFixedHeight(header + row_height * max(1, len(rows)) + 4)


class WeeklyFormEditor(QScrollArea):
    """The form of one week. ``set_view`` shows a view; the buttons emit requests."""

    sig_add_collection = Signal()
    sig_remove_collection = Signal(int)  # WeeklyCollectionItem id
    sig_add_plan = Signal()
    sig_remove_plan = Signal(int)  # WeeklyPlanItem id
    sig_toggle_plan = Signal(int, bool)  # WeeklyPlanItem id, done
    sig_save_summary = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weeklyFormEditor")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.texts = WeeklyTexts(self)
        self.view: WeeklyFormView | None = None
        body = QWidget(self)
        body.setObjectName("weeklyFormBody")
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(0, 0, 12, 0)
        self.body_layout.setSpacing(6)
        self.setWidget(body)

        self.lock_label = QLabel(body)
        self.lock_label.setObjectName("lockReason")
        self.lock_label.setWordWrap(True)
        self.lock_label.setStyleSheet(
            "background: #fff7e6; border: 1px solid #f5c16c; border-radius: 4px; padding: 6px 8px;"
        )
        self.body_layout.addWidget(self.lock_label)

        self._heading(self.tr("1. Assessment task"))
        self.assessment_table = _table(
            body,
            "assessmentTable",
            [self.tr("Goal"), self.tr("Target"), self.tr("To date"), self.tr("Completion"), self.tr("Gap")],
        )
        _fixed_columns(self.assessment_table, {1: 110, 2: 110, 3: 90, 4: 110})
        self.body_layout.addWidget(self.assessment_table)
        self.assessment_empty = self._hint(self.tr("No month or quarter goal holds this week."))

        self._heading(self.tr("2. Collections"))
        self._subheading(self.tr("Last week: planned and received"))
        self.last_collections_table = _table(
            body, "lastCollectionsTable", [self.tr("Client"), self.tr("Planned"), self.tr("Received")]
        )
        _fixed_columns(self.last_collections_table, {1: 130, 2: 130})
        self.body_layout.addWidget(self.last_collections_table)
        row = QHBoxLayout()
        row.addWidget(self._subheading(self.tr("This week: planned collections"), add=False), 1)
        self.add_collection_button = QPushButton(self.tr("Add line…"), body)
        self.add_collection_button.setObjectName("addCollectionButton")
        self.add_collection_button.clicked.connect(self.sig_add_collection)
        self.remove_collection_button = QPushButton(self.tr("Remove line"), body)
        self.remove_collection_button.setObjectName("removeCollectionButton")
        self.remove_collection_button.clicked.connect(self._on_remove_collection_clicked)
        row.addWidget(self.add_collection_button)
        row.addWidget(self.remove_collection_button)
        self.body_layout.addLayout(row)
        self.collections_table = _table(
            body,
            "collectionsTable",
            [self.tr("Client"), self.tr("Contract / note"), self.tr("Source"), self.tr("To collect")],
        )
        _fixed_columns(self.collections_table, {2: 150, 3: 110})
        sources = [self.tr("Added by hand")]
        sources += [self.tr("Instalment due {date}").format(date=day) for day in widest_dates()]
        fit_to_samples(self.collections_table, 2, sources)  # "Instalment due 12/…" read as a whole
        self.collections_table.itemSelectionChanged.connect(self._update_buttons)
        self.body_layout.addWidget(self.collections_table)

        self._heading(self.tr("3. Work"))
        row = QHBoxLayout()
        row.addWidget(self._subheading(self.tr("This week: plan per day"), add=False), 1)
        self.add_plan_button = QPushButton(self.tr("Plan work…"), body)
        self.add_plan_button.setObjectName("addPlanButton")
        self.add_plan_button.clicked.connect(self.sig_add_plan)
        self.done_button = QPushButton(self.tr("Done / not done"), body)
        self.done_button.setObjectName("donePlanButton")
        self.done_button.clicked.connect(self._on_done_clicked)
        self.remove_plan_button = QPushButton(self.tr("Remove"), body)
        self.remove_plan_button.setObjectName("removePlanButton")
        self.remove_plan_button.clicked.connect(self._on_remove_plan_clicked)
        for button in (self.add_plan_button, self.done_button, self.remove_plan_button):
            row.addWidget(button)
        self.body_layout.addLayout(row)
        self.plan_table = _table(
            body, "planTable", [self.tr("Day"), self.tr("Work"), self.tr("Client / goal"), self.tr("Done")]
        )
        header = self.plan_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        self.plan_table.setColumnWidth(0, 104)
        self.plan_table.setColumnWidth(3, 80)
        self.plan_table.itemSelectionChanged.connect(self._update_buttons)
        self.plan_table.itemDoubleClicked.connect(self._on_done_clicked)
        self.body_layout.addWidget(self.plan_table)

        for table, stem in (
            (self.assessment_table, "weekly-assessment"),
            (self.last_collections_table, "weekly-last-collections"),
            (self.collections_table, "weekly-collections"),
            (self.plan_table, "weekly-plan"),
        ):
            kinds = {1: "money", 2: "money"} if table is self.last_collections_table else {}
            if table is self.collections_table:
                kinds = {3: "money"}
            install_table_export(table, self.tr("Export the weekly form's table"), stem, kinds)

        self._heading(self.tr("4. Facts of the week"))
        self.facts_label = QLabel(body)
        self.facts_label.setObjectName("factsLabel")
        self.facts_label.setTextFormat(Qt.TextFormat.RichText)
        self.facts_label.linkActivated.connect(open_link)
        self.body_layout.addWidget(self.facts_label)

        row = QHBoxLayout()
        row.addWidget(self._heading(self.tr("5. Summary"), add=False), 1)
        self.save_summary_button = QPushButton(self.tr("Save summary"), body)
        self.save_summary_button.setObjectName("saveSummaryButton")
        self.save_summary_button.clicked.connect(self._on_save_summary_clicked)
        row.addWidget(self.save_summary_button)
        self.body_layout.addLayout(row)
        self.summary_edit = QPlainTextEdit(body)
        self.summary_edit.setObjectName("summaryEdit")
        self.summary_edit.setPlaceholderText(self.tr("What went well, what did not, what you need"))
        self.summary_edit.setFixedHeight(max(84, text_height(self.summary_edit, 4)))
        self.body_layout.addWidget(self.summary_edit)
        self.summary_error = QLabel(body)
        self.summary_error.setObjectName("summaryError")
        self.summary_error.setStyleSheet("color: #b91c1c;")
        self.summary_error.hide()
        self.body_layout.addWidget(self.summary_error)

        self._heading(self.tr("Annotations and score"))
        self.review_label = QLabel(body)
        self.review_label.setObjectName("reviewLabel")
        self.review_label.setWordWrap(True)
        self.review_label.setTextFormat(Qt.TextFormat.RichText)
        self.body_layout.addWidget(self.review_label)
        self.body_layout.addStretch(1)

    def _heading(self, text: str, add: bool = True) -> QLabel:
        label = QLabel(text, self.widget())
        label.setStyleSheet(
            scaled_css("font-size: 1.05em; font-weight: 600; color: #1d4ed8; margin-top: 8px;")
        )
        if add:
            self.body_layout.addWidget(label)
        return label

    def _subheading(self, text: str, add: bool = True) -> QLabel:
        label = QLabel(text, self.widget())
        label.setStyleSheet("font-weight: 600; color: #475569;")
        if add:
            self.body_layout.addWidget(label)
        return label

    def _hint(self, text: str) -> QLabel:
        label = QLabel(text, self.widget())
        label.setObjectName("hint")
        self.body_layout.addWidget(label)
        return label

    # --- showing ---------------------------------------------------------------------------------

    def set_view(self, view: WeeklyFormView) -> None:
        self.view = view
        self.lock_label.setText(error_text(view.lock_error) if view.lock_error is not None else "")
        self.lock_label.setVisible(bool(view.lock_reason))
        rows = []
        for t in view.assessment:
            completion = "–" if t.completion is None else f"{fmt.number(t.completion * 100, 1)}%"
            rows.append(
                [
                    f"{t.goal_title} · {t.label}",
                    value_text(t.target, t.unit),
                    value_text(t.actual, t.unit),
                    completion,
                    value_text(t.gap, t.unit),
                ]
            )
        _fill(self.assessment_table, rows, {1, 2, 3, 4})
        self.assessment_table.setVisible(bool(rows))
        self.assessment_empty.setVisible(not rows)
        last = [
            [c.client_name or self.tr("(no client)"), fmt.money(c.planned_cents), fmt.money(c.actual_cents)]
            for c in view.last_week_collections
        ]
        last.append(
            [
                self.tr("Total"),
                fmt.money(sum(c.planned_cents for c in view.last_week_collections)),
                fmt.money(sum(c.actual_cents for c in view.last_week_collections)),
            ]
        )
        last_raw: list[dict[int, object]] = [
            {1: c.planned_cents, 2: c.actual_cents} for c in view.last_week_collections
        ]
        last_raw.append(
            {
                1: sum(c.planned_cents for c in view.last_week_collections),
                2: sum(c.actual_cents for c in view.last_week_collections),
            }
        )
        _fill(self.last_collections_table, last, {1, 2}, raw=last_raw)
        lines = []
        for c in view.collections:
            source = (
                self.tr("Instalment due {date}").format(date=fmt.short_date(c.due_date))
                if c.due_date
                else self.tr("Added by hand")
            )
            what = " · ".join(p for p in (c.contract_title, c.note) if p)
            lines.append(
                [c.client_name or self.tr("(no client)"), what, source, fmt.money(c.remaining_cents)]
            )
        money: list[dict[int, object]] = [{3: c.remaining_cents} for c in view.collections]
        _fill(self.collections_table, lines, {3}, [c for c in view.collections], money)
        plan = []
        for p in view.plan:
            links = " · ".join(x for x in (p.client_name, p.goal_title) if x)
            plan.append([self.texts.weekday(p.weekday), p.text, links, "✔" if p.done else ""])
        _fill(self.plan_table, plan, set(), [p for p in view.plan])
        for r in range(len(view.plan)):
            item = self.plan_table.item(r, 3)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setForeground(QColor("#15803d"))
        self.facts_label.setText(self._facts_html(view))
        if not self.summary_edit.hasFocus() or self.summary_edit.toPlainText() == "":
            self.summary_edit.setPlainText(view.summary)
        self.summary_edit.setReadOnly(not view.editable)
        self.summary_error.hide()
        self.review_label.setText(self._review_html(view))
        self._update_buttons()

    def _facts_html(self, view: WeeklyFormView) -> str:
        cells = []
        for key in WEEK_FACTS:
            value = value_text(view.facts.get(key), unit_of(key))
            cells.append(
                f"<td style='padding:2px 10px 2px 0'>{kpi_anchor(kpi_name(key), key)}</td>"
                f"<td align='right' style='padding:2px 22px 2px 0'><b>{value}</b></td>"
            )
        rows = "".join("<tr>" + "".join(cells[i : i + 3]) + "</tr>" for i in range(0, len(cells), 3))
        return f"<table cellspacing='0'>{rows}</table>"

    def _review_html(self, view: WeeklyFormView) -> str:
        import html

        parts = []
        for a in view.annotations:
            where = self.texts.line_label(a.line, a.line_text)
            head = html.escape(f"{a.author_name} · {fmt.short_datetime(a.created_at)} · {where}")
            parts.append(
                "<div style='background:#fff7e6; padding:4px 6px; margin-bottom:4px'>"
                f"<b>{head}</b><br/>{html.escape(a.body)}</div>"
            )
        if not parts:
            parts.append("<span style='color:#64748b'>" + html.escape(self.tr("No annotations.")) + "</span>")
        score = view.score
        if score is None:
            parts.append("<p style='color:#64748b'>" + html.escape(self.tr("Not scored yet.")) + "</p>")
        else:
            detail = ", ".join(
                f"{self.texts.criterion_label(c.key, c.label)} {fmt.number(c.score, 1)}"
                for c in score.criteria
            )
            line = self.tr("Score {score} / 100 by {name}").format(
                score=fmt.number(score.total, 1), name=score.scorer_name
            )
            parts.append(f"<p><b style='font-size:large; color:#15803d'>{html.escape(line)}</b>")
            if detail:
                parts.append(f"<br/>{html.escape(detail)}")
            if score.comment:
                parts.append(f"<br/>{html.escape(score.comment)}")
            parts.append("</p>")
        return "".join(parts)

    # --- requests --------------------------------------------------------------------------------

    def _selected(self, table: QTableWidget) -> object | None:
        rows = table.selectionModel().selectedRows() if table.selectionModel() else []
        if not rows:
            return None
        item = table.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_buttons(self) -> None:
        editable = self.view is not None and self.view.editable
        for button in (self.add_collection_button, self.add_plan_button, self.save_summary_button):
            button.setEnabled(editable)
        line = self._selected(self.collections_table)
        self.remove_collection_button.setEnabled(editable and getattr(line, "kind", "") == "manual")
        plan = self._selected(self.plan_table)
        self.remove_plan_button.setEnabled(editable and plan is not None)
        self.done_button.setEnabled(editable and plan is not None)

    def _on_remove_collection_clicked(self) -> None:
        line = self._selected(self.collections_table)
        if line is not None and getattr(line, "kind", "") == "manual":
            self.sig_remove_collection.emit(int(line.line_id))  # type: ignore[attr-defined]

    def _on_remove_plan_clicked(self) -> None:
        plan = self._selected(self.plan_table)
        if plan is not None:
            self.sig_remove_plan.emit(int(plan.item_id))  # type: ignore[attr-defined]

    def _on_done_clicked(self, *_args: object) -> None:
        plan = self._selected(self.plan_table)
        if plan is not None and self.view is not None and self.view.editable:
            self.sig_toggle_plan.emit(int(plan.item_id), not plan.done)  # type: ignore[attr-defined]

    def _on_save_summary_clicked(self) -> None:
        self.sig_save_summary.emit(self.summary_edit.toPlainText())

    def show_summary_error(self, text: str) -> None:
        self.summary_error.setText(text)
        self.summary_error.show()
