"""Weekly form page: a person and an ISO week; this week's form (editable) beside last week's (read-only);
submit; the supervisor's Annotate…, Score…, Return…; the team view; Print/Export PDF…."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QWidget,
)

from desktop_crm import clock, team
from desktop_crm.errors import CrmError
from desktop_crm.services import weekly as weekly_service
from desktop_crm.services.weekly_criteria import load_criteria
from desktop_crm.weekly_form import (
    WeeklyFormView,
    client_choices,
    event_goal_choices,
    shift_week,
    week_of,
    weekly_form_view,
)
from desktop_crm.weekly_overview import (
    BehaviourScores,
    TeamWeekRow,
    behaviour_scores,
    form_people,
    is_large_database,
    last_months,
    team_week_overview,
)

from ... import fmt, prompts
from ...changes import GOALS, KPI_SOURCES, WEEKLY
from ...errors import error_text
from ...handbook_link import open_link
from ...tasks import default_worker, deliver
from ..base import Page
from .dialogs import AnnotateDialog, CollectionLineDialog, PlanItemDialog, ReturnDialog, ScoreDialog
from .form_editor import WeeklyFormEditor
from .form_html import FormHtml
from .kpi_names import WEEK_FACTS, kpi_name
from .texts import STATUS_COLOURS, WeeklyTexts


@dataclass(frozen=True)
class TeamData:
    rows: list[TeamWeekRow]
    behaviour: BehaviourScores


class WeeklyPage(Page):
    key = "weekly"
    watches = WEEKLY | GOALS | KPI_SOURCES  # the forms and the numbers of the week
    reloads = ("load",)

    sig_loaded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = WeeklyTexts(self)
        self.view: WeeklyFormView | None = None
        self.viewer_id: int | None = None
        self.viewer_override: int | None = None  # screenshots look as someone else without switching
        self.iso_year, self.iso_week = week_of(clock.today())
        self._generation = 0

        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.person_combo = QComboBox(self)
        self.person_combo.setObjectName("personCombo")
        self.person_combo.setAccessibleName(self.tr("Person"))
        self.person_combo.setMinimumWidth(150)
        self.person_combo.currentIndexChanged.connect(self._on_person_combo_changed)
        self.prev_button = QPushButton("◀", self)
        self.prev_button.setObjectName("prevWeekButton")
        self.prev_button.setToolTip(self.tr("Previous week"))
        self.prev_button.setFixedWidth(34)
        self.prev_button.clicked.connect(lambda: self.go_week(-1))
        self.week_label = QLabel(self)
        self.week_label.setObjectName("weekLabel")
        self.week_label.setMinimumWidth(150)
        self.week_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.week_label.setStyleSheet("font-weight: 600;")
        self.next_button = QPushButton("▶", self)
        self.next_button.setObjectName("nextWeekButton")
        self.next_button.setToolTip(self.tr("Next week"))
        self.next_button.setFixedWidth(34)
        self.next_button.clicked.connect(lambda: self.go_week(1))
        self.today_button = QPushButton(self.tr("This week"), self)
        self.today_button.clicked.connect(self._on_today_button_clicked)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusChip")
        for widget in (
            self.person_combo,
            self.prev_button,
            self.week_label,
            self.next_button,
            self.today_button,
        ):
            bar.addWidget(widget)
        bar.addWidget(self.status_label)
        bar.addStretch(1)
        self.submit_button = self._button(bar, "submitButton", self.tr("Submit…"), self._on_submit_clicked)
        self.annotate_button = self._button(
            bar, "annotateButton", self.tr("Annotate…"), self._on_annotate_clicked
        )
        self.score_button = self._button(bar, "scoreButton", self.tr("Score…"), self._on_score_clicked)
        self.return_button = self._button(bar, "returnButton", self.tr("Return…"), self._on_return_clicked)
        self.pdf_button = self._button(bar, "pdfButton", self.tr("Export PDF…"), self._on_pdf_clicked)
        self.team_button = self._button(bar, "teamButton", self.tr("Team"), self._on_team_button_toggled)
        self.team_button.setCheckable(True)
        # Shown by role once the page knows who is looking: all six at once would make the page (and
        # so the window) wider than a 1280-pixel screen.
        for button in (self.annotate_button, self.score_button, self.return_button, self.team_button):
            button.setVisible(False)
        self.page_layout.addLayout(bar)

        # Each part made inside its final parent: moving a finished tree of widgets re-parents them all.
        self.stack = QStackedWidget(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self.stack)
        self.splitter.setObjectName("weeklySplitter")
        self.stack.addWidget(self.splitter)
        self.editor = WeeklyFormEditor(self.splitter)
        self.last_week_browser = QTextBrowser(self.splitter)
        self.last_week_browser.setObjectName("lastWeekBrowser")
        self.last_week_browser.setAccessibleName(self.tr("Last week"))
        self.last_week_browser.setOpenLinks(False)
        self.last_week_browser.anchorClicked.connect(lambda url: open_link(url.toString()))
        self.last_week_browser.setStyleSheet(
            "QTextBrowser { background: #f8fafc; border: 1px solid #e2e8f0; }"
        )
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(self.last_week_browser)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        from .team_view import TeamOverviewView

        team_scroll = QScrollArea(self.stack)
        team_scroll.setWidgetResizable(True)
        team_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.stack.addWidget(team_scroll)
        self.team_view = TeamOverviewView(team_scroll.viewport())
        self.team_view.sig_open_form.connect(self.open_form_of)
        team_scroll.setWidget(self.team_view)
        self.page_layout.addWidget(self.stack, 1)

        self.editor.sig_add_collection.connect(self._on_add_collection)
        self.editor.sig_remove_collection.connect(
            lambda item_id: self._write(weekly_service.delete_collection_item, item_id)
        )
        self.editor.sig_add_plan.connect(self._on_add_plan)
        self.editor.sig_remove_plan.connect(
            lambda item_id: self._write(weekly_service.delete_plan_item, item_id)
        )
        self.editor.sig_toggle_plan.connect(
            lambda item_id, done: self._write(weekly_service.set_plan_item_done, item_id, done)
        )
        self.editor.sig_save_summary.connect(self._on_save_summary)

    def _button(self, bar: QHBoxLayout, name: str, text: str, slot: Callable[..., Any]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        bar.addWidget(button)
        return button

    def title(self) -> str:
        return self.tr("Weekly form")

    # --- loading ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.viewer_id = self.viewer_override or team.current_user_id()
        people = form_people(self.viewer_id)
        chosen = self.person_id()
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        for user_id, name in people:
            self.person_combo.addItem(name, user_id)
        index = self.person_combo.findData(chosen)
        self.person_combo.setCurrentIndex(index if index >= 0 else 0)
        self.person_combo.blockSignals(False)
        supervisor = team.is_supervisor(self.viewer_id)
        self.team_button.setVisible(supervisor)
        if not supervisor and self.team_button.isChecked():
            self.team_button.setChecked(False)
            self.stack.setCurrentIndex(0)
        self.load()

    def person_id(self) -> int | None:
        data = self.person_combo.currentData()
        return int(data) if data is not None else None

    def load(self) -> None:
        """Load the chosen form (and the team view when shown): inline on small files, else on the worker."""
        self._generation += 1
        generation = self._generation
        self._show_week_label()
        user_id, year, week = self.person_id(), self.iso_year, self.iso_week
        showing_team = self.stack.currentIndex() == 1
        viewer = self.viewer_id

        def job(_progress: object = None) -> tuple[WeeklyFormView | None, TeamData | None]:
            view = weekly_form_view(user_id, year, week) if user_id is not None else None
            team_data = None
            if showing_team:
                months = last_months(clock.today(), 6)
                team_data = TeamData(team_week_overview(viewer, year, week), behaviour_scores(viewer, months))
            return view, team_data

        if not is_large_database():
            self._show(job(), generation)
            return
        self.subtitle_label.setText(self.tr("Loading the weekly form…"))
        self.setCursor(Qt.CursorShape.BusyCursor)
        task = default_worker().submit(job)
        deliver(task, self, lambda result: self._show(result, generation), self._on_job_failed)

    def _on_job_failed(self, message: str) -> None:
        self.unsetCursor()
        self.subtitle_label.setText(message)

    def _show(self, result: tuple[WeeklyFormView | None, TeamData | None], generation: int) -> None:
        if generation != self._generation:
            return
        self.unsetCursor()
        view, team_data = result
        self.view = view
        if team_data is not None:
            self.team_view.set_week(self._week_text(), team_data.rows)
            self.team_view.set_behaviour(team_data.behaviour)
        if view is None:
            self.subtitle_label.setText(self.tr("Nobody to show yet: add a user in Settings → Team."))
            self._update_actions()
            self.sig_loaded.emit()
            return
        self.editor.set_view(view)
        if view.last_week is not None:
            self.last_week_browser.setHtml(FormHtml().document(view.last_week, links=True, compact=True))
        status = view.status
        self.status_label.setText(self.texts.status(status))
        colour = STATUS_COLOURS.get(status, "#64748b")
        self.status_label.setStyleSheet(
            f"color: white; background: {colour}; border-radius: 9px; padding: 2px 10px; font-weight: 600;"
        )
        self.subtitle_label.setText(
            self.tr("{name}'s weekly goal form, filled from the data; last week's form on the right").format(
                name=view.user_name
            )
        )
        self._update_actions()
        self.sig_loaded.emit()

    def _week_text(self) -> str:
        from datetime import date, timedelta

        monday = date.fromisocalendar(self.iso_year, self.iso_week, 1)
        return self.tr("{week} ({start} – {end})").format(
            week=f"{self.iso_year}-W{self.iso_week:02d}",
            start=fmt.short_date(monday),
            end=fmt.short_date(monday + timedelta(days=6)),
        )

    def _show_week_label(self) -> None:
        self.week_label.setText(self._week_text())

    def _update_actions(self) -> None:
        view = self.view
        own = view is not None and view.user_id == self.viewer_id
        reviewer = (
            view is not None
            and not own
            and team.is_supervisor(self.viewer_id)
            and team.can_see(self.viewer_id, view.user_id)
        )
        self.submit_button.setVisible(view is not None and not reviewer)
        self.submit_button.setEnabled(view is not None and view.editable)
        for button in (self.annotate_button, self.score_button, self.return_button):
            button.setVisible(reviewer)
        self.annotate_button.setEnabled(reviewer and view is not None and view.form_id is not None)
        self.score_button.setEnabled(reviewer and view is not None and view.status in ("submitted", "scored"))
        self.return_button.setEnabled(reviewer and view is not None and view.status == "submitted")
        self.pdf_button.setEnabled(view is not None)
        if self.stack.currentIndex() == 1:  # the team view: no single form's actions
            for button in (self.submit_button, self.annotate_button, self.score_button, self.return_button):
                button.setVisible(False)
            self.pdf_button.setVisible(False)
        else:
            self.pdf_button.setVisible(True)

    # --- navigation ------------------------------------------------------------------------------

    def go_week(self, step: int) -> None:
        self.iso_year, self.iso_week = shift_week(self.iso_year, self.iso_week, step)
        self.load()

    def set_week(self, iso_year: int, iso_week: int) -> None:
        self.iso_year, self.iso_week = iso_year, iso_week
        self.load()

    def open_form_of(self, user_id: int) -> None:
        index = self.person_combo.findData(user_id)
        if index >= 0:
            self.team_button.setChecked(False)
            self.stack.setCurrentIndex(0)
            self.person_combo.setCurrentIndex(index)
            self.load()

    def _on_today_button_clicked(self) -> None:
        self.set_week(*week_of(clock.today()))

    def _on_person_combo_changed(self, _index: int) -> None:
        self.load()

    def _on_team_button_toggled(self) -> None:
        self.stack.setCurrentIndex(1 if self.team_button.isChecked() else 0)
        self.load()

    # --- writing ---------------------------------------------------------------------------------

    def _form_id(self) -> int:
        """This week's form, started as a draft on the first change."""
        assert self.view is not None
        if self.view.form_id is not None:
            return self.view.form_id
        return int(
            weekly_service.open_weekly_form(self.view.user_id, self.view.iso_year, self.view.iso_week).id
        )

    def _write(self, service: Callable[..., Any], *args: Any) -> bool:
        try:
            service(*args)
        except CrmError as exc:
            prompts.show_error(self, self.tr("Weekly form"), error_text(exc))
            self.load()
            return False
        self.load()
        return True

    def _on_add_collection(self) -> None:
        if self.view is None:
            return
        view = self.view
        dialog = CollectionLineDialog(
            client_choices(view.user_id),
            lambda **values: weekly_service.add_collection_item(self._form_id(), **values),
            self,
        )
        if prompts.run_modal(dialog):
            self.load()

    def _on_add_plan(self) -> None:
        if self.view is None:
            return
        view = self.view
        weekdays = [self.texts.weekday(d) for d in range(7)]
        today = clock.today()
        day = (today - view.start).days if view.start <= today < view.end else 0
        dialog = PlanItemDialog(
            weekdays,
            client_choices(view.user_id),
            event_goal_choices(view.user_id, view.start, view.end),
            lambda **values: weekly_service.add_plan_item(self._form_id(), **values),
            self,
            day=min(day, 5),
        )
        if prompts.run_modal(dialog):
            self.load()

    def _on_save_summary(self, text: str) -> None:
        if self.view is None:
            return
        try:
            weekly_service.update_weekly_form(self._form_id(), summary=text)
        except CrmError as exc:
            self.editor.show_summary_error(error_text(exc))
            return
        self.load()

    def _on_submit_clicked(self) -> None:
        if self.view is None:
            return
        question = self.tr(
            "Submit the form of {week}? It is locked afterwards; {name} can return it for revision."
        ).format(week=self.view.label, name=self.view.supervisor_name or self.tr("your supervisor"))
        if prompts.ask_yes_no(self, self.tr("Submit the weekly form"), question):
            self._write(weekly_service.submit_weekly_form, self._form_id())

    def annotation_lines(self) -> list[tuple[str, str]]:
        """The lines an annotation can point at: the whole form, then every line shown."""
        view = self.view
        lines = [("", self.tr("Whole form")), ("summary", self.tr("Summary"))]
        if view is None:
            return lines
        for t in view.assessment:
            lines.append(
                (
                    f"assessment:{t.target_id}",
                    self.texts.line_label("assessment", f"{t.goal_title} · {t.label}"),
                )
            )
        for c in view.collections:
            text = " · ".join(
                p for p in (c.client_name, c.contract_title or c.note, fmt.money(c.remaining_cents)) if p
            )
            lines.append((c.line_ref, self.texts.line_label(c.line_ref.partition(":")[0], text)))
        for p in view.plan:
            lines.append(
                (p.line_ref, self.texts.line_label("plan", f"{self.texts.weekday(p.weekday)} · {p.text}"))
            )
        for key in WEEK_FACTS:
            lines.append((f"fact:{key}", self.tr("Fact: {name}").format(name=kpi_name(key))))
        return lines

    def _on_annotate_clicked(self) -> None:
        if self.view is None or self.view.form_id is None:
            return
        form_id, viewer = self.view.form_id, self.viewer_id
        dialog = AnnotateDialog(
            self.annotation_lines(),
            lambda line, body: weekly_service.annotate(form_id, viewer, body, line=line),
            self,
        )
        if prompts.run_modal(dialog):
            self.load()

    def _on_score_clicked(self) -> None:
        if self.view is None or self.view.form_id is None:
            return
        form_id, viewer = self.view.form_id, self.viewer_id
        criteria = [(c.key, self.texts.criterion_label(c.key, c.label), c.weight) for c in load_criteria()]
        dialog = ScoreDialog(
            criteria,
            lambda score, criteria_scores, comment: weekly_service.score_week(
                form_id, viewer, score, comment=comment, criteria_scores=criteria_scores
            ),
            self,
        )
        if prompts.run_modal(dialog):
            self.load()

    def _on_return_clicked(self) -> None:
        if self.view is None or self.view.form_id is None:
            return
        form_id, viewer = self.view.form_id, self.viewer_id
        dialog = ReturnDialog(lambda reason: weekly_service.return_weekly_form(form_id, viewer, reason), self)
        if prompts.run_modal(dialog):
            self.load()

    def _on_pdf_clicked(self) -> None:
        if self.view is None:
            return
        name = f"{self.view.user_name}-{self.view.label}.pdf"
        from ...encryption_ui import confirm_plain_export

        if not confirm_plain_export(self):
            return
        path = prompts.ask_save_path(
            self, self.tr("Export the weekly form as PDF"), name, self.tr("PDF (*.pdf)")
        )
        if not path:
            return
        from .pdf import write_pdf

        try:
            write_pdf(self.view, path)
        except (CrmError, OSError) as exc:
            prompts.show_error(
                self, self.tr("Export PDF"), error_text(exc) if isinstance(exc, CrmError) else str(exc)
            )
            return
        self.subtitle_label.setText(self.tr("Saved {path}").format(path=path))
