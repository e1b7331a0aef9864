"""Today (the agenda a salesperson opens first every morning): what is overdue, due today and this
week, which clients are neglected, which payments (回款) are due; one action away from each.

The agenda loads inline on small files and on the database worker on large ones (0.3 s for the
whole team on the large demo). ``desktop_crm.clock`` is the clock (tests freeze it).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QScrollArea,
    QSplitter,
    QStyle,
    QWidget,
)

from desktop_crm import clock
from desktop_crm.agenda import AgendaStep, DueInstalment, NeglectedClient
from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.read.size import is_large
from desktop_crm.read.today import AgendaResult
from desktop_crm.read.today import load as load_agenda
from desktop_crm.read.users import Viewer, viewer

from ... import fmt, prompts
from ...changes import KPI_SOURCES
from ...errors import error_text
from ...reminders import agenda_notifier
from ...table_fit import fit_to_samples
from ...tasks import default_worker, deliver
from ...widgets import StatCard, card_row
from ..base import Page
from .actions_bar import ActionsBar
from .care_section import CareSections
from .models import InstalmentTableModel, NeglectedTableModel, RowObjectModel, StepTableModel
from .sections import NO_LIMIT, AgendaSection
from .service_section import ServiceAgendaSection

LIMIT = 500  # rows per list (load_agenda's limit): counts at the limit show as "500+"


class TodayPage(Page):
    """Emits ``sig_open_client_requested(client_id)`` and ``sig_agenda_changed`` (after a change)."""

    key = "today"
    # steps, care dates, service records, instalments due: all read from these
    watches = KPI_SOURCES | {"client_milestone", "custom_field_value"}

    sig_open_client_requested = Signal(int)
    sig_agenda_changed = Signal()
    sig_loaded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.viewer = Viewer(None, "", False)
        self.result: AgendaResult | None = None
        self._shown_user: int | None = None  # whose agenda the sections show
        self.loading = False  # the agenda is being read on the worker (screenshots and benchmarks wait)
        self._generation = 0
        self._dirty = False
        self._open_after_load: tuple[int, int] | None = None  # (step, client) a reminder asked to open
        self._build_header()
        self._build_cards()
        self._build_sections()
        self.actions = ActionsBar(self)
        agenda_notifier().sig_settings_changed.connect(self.mark_dirty)
        self._show_loading()  # until the first refresh: nothing has been read yet
        for section in (self.care.candidates, self.care.dates):
            section.show_loading(self.tr("Loading…"))
        # Arranged once the sections are in their loading state (not once per section on the way there),
        # then again whenever one's room changes.
        for section in self._sections():
            section.sig_room_changed.connect(self._arrange_care_row)
        self._arrange_care_row()

    # --- construction --------------------------------------------------------------------------
    def _build_header(self) -> None:
        row = QHBoxLayout()
        row.addStretch(1)
        self.scope_combo = QComboBox(self)
        self.scope_combo.setObjectName("scopeCombo")
        self.scope_combo.addItem(self.tr("My agenda"), "me")
        self.scope_combo.addItem(self.tr("Whole team"), "team")
        self.scope_combo.setVisible(False)
        self.scope_combo.currentIndexChanged.connect(self._on_scope_combo_changed)
        row.addWidget(self.scope_combo)
        header = self.page_layout.itemAt(0).layout()
        header_row = QHBoxLayout()
        self.page_layout.removeItem(header)
        header_row.addLayout(header, 1)
        header_row.addLayout(row)
        self.page_layout.insertLayout(0, header_row)

    def _build_cards(self) -> None:
        self.overdue_card = StatCard(self.tr("Overdue"), self, accent="danger")
        self.due_card = StatCard(self.tr("Due today"), self, accent="primary")
        self.week_card = StatCard(self.tr("Later this week"), self)
        self.neglected_card = StatCard(self.tr("Neglected clients"), self, accent="warning")
        self.receivable_card = StatCard(self.tr("Overdue receivables"), self, accent="danger")
        self.cards = (
            self.overdue_card,
            self.due_card,
            self.week_card,
            self.neglected_card,
            self.receivable_card,
        )
        self.page_layout.addLayout(card_row(*self.cards))

    def _build_sections(self) -> None:
        # The scroll area and its splitter first, each list then built inside its final parent: adding a
        # finished tree of widgets to a new parent re-parents (and re-styles) every one of them again.
        self.sections_scroll = QScrollArea(self)
        self.sections_scroll.setObjectName("todaySectionsScroll")
        self.sections_scroll.setWidgetResizable(True)
        self.sections_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.sections_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.splitter = QSplitter()
        self.splitter.setOrientation(self.splitter.orientation().Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(14)
        self.sections_scroll.setWidget(self.splitter)
        self.model = StepTableModel(self)
        self.neglected_model = NeglectedTableModel(self)
        self.instalment_model = InstalmentTableModel(self)
        self.steps_section = AgendaSection(
            self.tr("Next steps"),
            self.model,
            self.tr("No open next steps this week. Well done."),
            self.splitter,
        )
        self.steps_section.set_column_widths([150, 240, 160, 320])
        bottom = QWidget(self.splitter)
        self.neglected_section = AgendaSection(
            self.tr("Neglected clients"),
            self.neglected_model,
            self.tr("Every client has been contacted within its grade's limit."),
            bottom,
            stretch_column=0,
        )
        self.neglected_section.set_column_widths([0, 110, 110, 70])
        self.instalment_section = AgendaSection(
            self.tr("Payments to collect"),
            self.instalment_model,
            self.tr("No payment instalment is due this week or overdue."),
            bottom,
            stretch_column=0,
        )
        self.instalment_section.set_column_widths([0, 96, 100, 130])
        fitted: tuple[tuple[AgendaSection, RowObjectModel[Any], tuple[int, ...]], ...] = (
            (self.neglected_section, self.neglected_model, (2, 3)),
            (self.instalment_section, self.instalment_model, (1, 3)),
        )
        for section, model, columns in fitted:  # texts known in advance: each column fits the widest
            for column in columns:
                fit_to_samples(section.table, column, model.width_samples(column))
        bottom_row = QHBoxLayout(bottom)
        bottom_row.setContentsMargins(0, 0, 0, 0)
        bottom_row.setSpacing(14)
        bottom_row.addWidget(self.neglected_section, 1)
        bottom_row.addWidget(self.instalment_section, 1)
        self.splitter.addWidget(self.steps_section)
        self.splitter.addWidget(bottom)
        self.care = CareSections(
            self.splitter
        )  # slice care: re-development candidates, anniversaries, birthdays
        self.care.sig_open_client_requested.connect(self.open_client)
        self.care.sig_follow_up_logged.connect(self.after_change)
        self.splitter.addWidget(self.care)
        self.splitter.setStretchFactor(self.splitter.indexOf(self.care), 3)
        self.service_section = ServiceAgendaSection(
            self.care
        )  # slice service: beside the client-care sections
        self.service_section.sig_service_changed.connect(self.after_change)
        self.care.layout().addWidget(self.service_section, 1)
        # In a window too narrow for three sections side by side with the clients' names readable, the
        # service section takes a row of its own under the care sections (_arrange_care_row).
        self.service_row = QWidget(self.splitter)
        QHBoxLayout(self.service_row).setContentsMargins(0, 0, 0, 0)
        self.splitter.addWidget(self.service_row)
        self.service_row.hide()
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(self.splitter.indexOf(self.service_row), 3)
        # The rows of lists, each at least a heading and a few whole rows (AgendaSection.min_rows): in a
        # window too low for them the rows scroll as a whole (the window still fits a small screen); when
        # it grows, the splitter shares the room; an empty section gives its room to the others.
        self.rows: tuple[tuple[QWidget, tuple[AgendaSection, ...]], ...] = (
            (self.steps_section, (self.steps_section,)),
            (bottom, (self.neglected_section, self.instalment_section)),
            (self.care, (self.care.candidates, self.care.dates, self.service_section)),
            (self.service_row, (self.service_section,)),
        )
        # The service section's client shares the stretch with what the record is about (96 px before).
        self.service_section.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.splitter.setAutoFillBackground(False)
        self.page_layout.addWidget(self.sections_scroll, 1)

    def _sections(self) -> tuple[AgendaSection, ...]:
        return (
            self.steps_section,
            self.neglected_section,
            self.instalment_section,
            self.care.candidates,
            self.care.dates,
            self.service_section,
        )

    def _arrange_care_row(self) -> None:
        """Service & complaints beside the care sections when the row can give each client column its
        least width with the other columns whole (``AgendaSection.needed_width``; an empty section only
        its heading), else in a row of its own under them; then share the room (``_share_room``)."""
        care = self.care.candidates, self.care.dates, self.service_section
        spacing = self.care.layout().spacing()
        needed = sum(
            section.heading_width()
            if section.is_empty()
            else section.needed_width(2 if section is self.service_section else 1)
            for section in care
        )
        margins = self.page_layout.contentsMargins()
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        room = self.width() - margins.left() - margins.right() - scroll_bar
        beside = needed + 2 * spacing <= room
        care_layout = self.care.layout()
        assert isinstance(care_layout, QBoxLayout)
        if beside != (self.service_section.parent() is self.care):
            if beside:
                care_layout.addWidget(self.service_section, 1)
                self.service_row.hide()
            else:
                row_layout = self.service_row.layout()
                assert isinstance(row_layout, QBoxLayout)
                row_layout.addWidget(self.service_section, 1)
                self.service_row.show()
        self._share_room()

    def _share_room(self) -> None:
        """An empty section yields its room: beside sections with rows it keeps its heading's width; a
        row of sections without more rows than they show (or none) keeps only their height."""
        for row, sections in self.rows:
            layout = row.layout()
            here = [s for s in sections if s.parent() is row or s is row]
            if not here:
                continue
            every_empty = all(s.is_empty() for s in here)
            for section in here:
                yields = section.is_empty() and not every_empty
                if isinstance(layout, QBoxLayout) and section is not row:
                    layout.setStretchFactor(section, 0 if yields else 1)
                section.setMaximumWidth(section.heading_width() if yields else NO_LIMIT)
            short = all(s.is_short() for s in here)
            row.setMaximumHeight(max(s.fitted_height() for s in here) if short else NO_LIMIT)

    # --- Page ----------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Today")

    def refresh(self) -> None:
        """Reload the agenda (inline on small files, on the database worker on large ones)."""
        self._dirty = False
        self.viewer = viewer()
        self.scope_combo.setVisible(self.viewer.supervisor)
        if self.viewer.supervisor and not self.scope_combo.property("chosen"):
            self.scope_combo.blockSignals(True)
            self.scope_combo.setCurrentIndex(1)  # a supervisor starts on the whole team
            self.scope_combo.blockSignals(False)
        now = clock.now()
        user_id = self.user_filter()
        self._generation += 1
        generation = self._generation
        large = is_large()
        self.care.refresh(now.date(), user_id, large)
        if not large:
            self._show(load_agenda(now, user_id), generation)
            return
        self.subtitle_label.setText(self.tr("Loading the agenda…"))
        if self.result is None or self._shown_user != user_id:  # nothing true to show meanwhile
            self._show_loading()
        self.loading = True
        job = default_worker().submit(lambda _progress: load_agenda(now, user_id))
        deliver(job, self, lambda result: self._show(result, generation), self._on_job_failed)

    def user_filter(self) -> int | None:
        """The user whose agenda is shown (None = the whole team)."""
        if self.viewer.supervisor and self.scope_combo.currentData() == "team":
            return None
        return self.viewer.user_id

    def busy(self) -> bool:
        """Reading the agenda or the care lists on the worker (the window's idle-time work waits)."""
        return self.loading or self.care.busy()

    def mark_dirty(self) -> None:
        """The data changed elsewhere: reload now when visible, else when next shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def after_change(self) -> None:
        self.refresh()
        self.sig_agenda_changed.emit()
        agenda_notifier().sig_agenda_changed.emit()

    # --- showing -------------------------------------------------------------------------------
    def _show_loading(self) -> None:
        """Every section says "Loading…" (never its "nothing here" text) until the agenda arrives."""
        text = self.tr("Loading…")
        for section in (
            self.steps_section,
            self.neglected_section,
            self.instalment_section,
            self.service_section,
        ):
            section.show_loading(text)
        for card in (
            self.overdue_card,
            self.due_card,
            self.week_card,
            self.neglected_card,
            self.receivable_card,
        ):
            card.set_value("…")

    def _show(self, result: AgendaResult, generation: int) -> None:
        if generation != self._generation:
            return  # a newer load is on its way
        self.loading = False
        self.result = result
        self._shown_user = self.user_filter()
        agenda = result.agenda
        today = agenda.now.date()
        self.model.today = today
        self.model.user_names = result.user_names
        self.instalment_model.today = today
        self.model.set_rows([*agenda.overdue, *agenda.today, *agenda.this_week])
        self.steps_section.table.setColumnHidden(4, self.user_filter() is not None)
        self.neglected_model.set_rows(agenda.neglected)
        self.instalment_model.set_rows([*agenda.instalments_overdue, *agenda.instalments_due])
        self.overdue_card.set_value(_count(len(agenda.overdue)))
        self.due_card.set_value(_count(len(agenda.today)))
        self.week_card.set_value(_count(len(agenda.this_week)))
        self.neglected_card.set_value(fmt.number(agenda.neglected_total))
        overdue_money = sum(i.remaining for i in agenda.instalments_overdue)
        self.receivable_card.set_value(fmt.money(overdue_money, 0) if overdue_money else "0")
        steps = len(agenda.overdue) + len(agenda.today) + len(agenda.this_week)
        self.steps_section.set_count(_count(steps), danger=bool(agenda.overdue))
        self.neglected_section.set_count(fmt.number(agenda.neglected_total))
        self.instalment_section.set_count(
            _count(len(agenda.instalments_overdue) + len(agenda.instalments_due)),
            danger=bool(agenda.instalments_overdue),
        )
        self.service_section.load(agenda.now, self.user_filter())
        self.subtitle_label.setText(self._subtitle(agenda.now))
        if self._open_after_load is not None:
            step_id, client_id = self._open_after_load
            self._open_after_load = None
            self.open_step(step_id, client_id)
        self.sig_loaded.emit()

    def _subtitle(self, now: datetime) -> str:
        day = fmt.long_date(now) if hasattr(fmt, "long_date") else fmt.short_date(now)
        if self.user_filter() is None:
            return self.tr("{date} · the whole team's agenda").format(date=day)
        if self.viewer.name:
            return self.tr("{date} · agenda of {name}").format(date=day, name=self.viewer.name)
        return day

    def _on_job_failed(self, message: str) -> None:
        self.loading = False
        self.subtitle_label.setText(self.tr("The agenda could not be loaded: {error}").format(error=message))

    # --- selection ----------------------------------------------------------------------------
    def selected_step(self) -> AgendaStep | None:
        row = self.steps_section.current_row()
        return self.model.item(row) if row >= 0 else None

    def selected_neglected(self) -> NeglectedClient | None:
        row = self.neglected_section.current_row()
        return self.neglected_model.item(row) if row >= 0 else None

    def selected_instalment(self) -> DueInstalment | None:
        row = self.instalment_section.current_row()
        return self.instalment_model.item(row) if row >= 0 else None

    def open_step(self, step_id: int, client_id: int) -> None:
        """Select next step ``step_id`` in the list (the status-bar reminder's click), its actions ready;
        a step not listed here (due after this week, another salesperson's) opens its client instead."""
        if self.loading or self.result is None:
            self._open_after_load = (step_id, client_id)
            return
        for row in range(self.model.rowCount()):
            if self.model.item(row).id == step_id:
                self.steps_section.select_row(row)
                self.steps_section.table.scrollTo(self.model.index(row, 0))
                self.steps_section.table.setFocus(Qt.FocusReason.OtherFocusReason)
                self.sections_scroll.ensureWidgetVisible(self.steps_section)
                return
        self.open_client(client_id)

    # --- actions ------------------------------------------------------------------------------
    def complete_step(self, step: AgendaStep) -> None:
        """Log the follow-up that answers ``step`` (prefilled from it); it sets the next step."""
        from ... import actions

        try:
            follow_up_id = actions.log_follow_up(self, step.client_id, completes_step_id=step.id)
        except CrmError as exc:
            prompts.show_error(self, self.tr("Complete next step"), error_text(exc))
            return
        if follow_up_id is not None:
            self.after_change()

    def snooze_step(self, step: AgendaStep, bucket: str | None = None, minutes: int | None = None) -> None:
        # The next steps' service and the dialogs: imported on use, not before the window's first paint.
        from desktop_crm.services import next_steps

        from .dialogs import refusal_text

        try:
            next_steps.snooze_next_step(step.id, bucket=bucket, minutes=minutes, now=clock.now())
        except ValidationError as exc:
            prompts.show_error(self, self.tr("Snooze next step"), refusal_text(exc))
            self.refresh()
            return
        except CrmError as exc:
            prompts.show_error(self, self.tr("Snooze next step"), error_text(exc))
            return
        self.after_change()

    def reschedule_step(self, step: AgendaStep) -> None:
        from desktop_crm.services import next_steps

        from .dialogs import RescheduleDialog

        def submit(when: datetime) -> None:
            next_steps.reschedule_next_step(step.id, when, now=clock.now())

        dialog = RescheduleDialog(self, step.client_name, step.title, step.due_at, clock.now(), submit)
        if prompts.run_modal(dialog) == RescheduleDialog.DialogCode.Accepted.value:
            self.after_change()

    def log_follow_up(self, client_id: int) -> None:
        from ... import actions

        try:
            follow_up_id = actions.log_follow_up(self, client_id)
        except CrmError as exc:
            prompts.show_error(self, self.tr("Log follow-up"), error_text(exc))
            return
        if follow_up_id is not None:
            self.after_change()

    def record_payment(self, instalment: DueInstalment) -> None:
        """Record money received against the instalment (the deals' PaymentDialog)."""
        from ..deals.payment_dialog import PaymentDialog

        try:
            dialog = PaymentDialog(self, instalment.contract_id, instalment.instalment_id)
        except CrmError as exc:
            prompts.show_error(self, self.tr("Record payment"), error_text(exc))
            return
        if prompts.run_modal(dialog) == PaymentDialog.DialogCode.Accepted.value:
            self.after_change()

    def open_client(self, client_id: int) -> None:
        self.sig_open_client_requested.emit(client_id)

    # --- Qt overrides and slots -----------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._arrange_care_row()
        if self._dirty:
            self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._arrange_care_row()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._dirty = True  # other pages may change the data meanwhile

    def _on_scope_combo_changed(self, _index: int) -> None:
        self.scope_combo.setProperty("chosen", True)
        self.refresh()


def _count(value: int) -> str:
    text = fmt.number(value)
    return QCoreApplication.translate("TodayPage", "{count}+").format(count=text) if value >= LIMIT else text
