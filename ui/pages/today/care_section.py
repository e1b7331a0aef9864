"""Today's care sections (slice care): re-development candidates (二次开发: signed more than N months ago,
no new opportunity in M months) and the coming week's first-contract anniversaries and contacts'
birthdays. One click logs a follow-up (the dialog opens prefilled with the client, and the contact for a
birthday) or opens the client. Loads inline on small files, on the database worker on large ones."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from desktop_crm.errors import CrmError

from ... import actions, fmt, prompts
from ...errors import error_text
from ...labels import label
from ...table_fit import fit_to_samples, widest_dates
from ...tasks import default_worker, deliver
from .models import RED, RowColumn, RowObjectModel, days_text
from .sections import AgendaSection

if TYPE_CHECKING:
    from desktop_crm.care_read import Candidate, CareAgenda, CareDate


def _read(today: date, user_id: int | None) -> CareAgenda:
    # The read module is imported by the first read (13 ms of its types: on the worker at size, and
    # never before the window's first paint on the window's thread).
    from desktop_crm.care_read import care_agenda

    return care_agenda(today, user_id)


class CandidateTableModel(RowObjectModel["Candidate"]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((), parent)
        self.today = date.min
        self._columns = [
            RowColumn(
                self.tr("Client"), lambda c: c.name, tooltip=lambda c: f"{c.name} · {label('grade', c.grade)}"
            ),
            RowColumn(
                self.tr("Last contract"),
                lambda c: fmt.short_date(c.last_signed_on),
                tooltip=lambda c: self.tr("First contract {first}, last contract {last}").format(
                    first=fmt.short_date(c.first_signed_on), last=fmt.short_date(c.last_signed_on)
                ),
            ),
            RowColumn(
                self.tr("Last contact"),
                lambda c: (
                    self.tr("{days} ago").format(days=days_text((self.today - c.last_contact_at.date()).days))
                    if c.last_contact_at
                    else self.tr("Never")
                ),
                color=lambda c: RED if c.last_contact_at is None else None,
            ),
        ]


class CareDateTableModel(RowObjectModel["CareDate"]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((), parent)
        self.today = date.min
        self._columns = [
            RowColumn(self.tr("When"), self._when, bold=lambda d: d.on == self.today),
            RowColumn(self.tr("Occasion"), self._occasion),
            RowColumn(self.tr("Client"), lambda d: d.client_name),
        ]

    def _when(self, item: CareDate) -> str:
        if item.on == self.today:
            return self.tr("Today")
        return self.tr("In {days}").format(days=days_text((item.on - self.today).days))

    def _occasion(self, item: CareDate) -> str:
        if item.kind == "anniversary":
            if item.years == 1:
                return self.tr("Signed 1 year ago")
            return self.tr("Signed {years} years ago").format(years=fmt.number(item.years))
        return self.tr("Birthday of {name}").format(name=item.contact_name)


class CareSections(QWidget):
    """The two sections side by side. ``refresh(today, user_id, large)`` reloads them; emits
    ``sig_open_client_requested(client_id)``, ``sig_follow_up_logged()`` and ``sig_loaded()``."""

    sig_open_client_requested = Signal(int)
    sig_follow_up_logged = Signal()
    sig_loaded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("careSections")
        self._generation = 0
        self.agenda: CareAgenda | None = None
        self.candidate_model = CandidateTableModel(self)
        self.date_model = CareDateTableModel(self)
        self.candidates = AgendaSection(
            self.tr("Re-develop old clients"),
            self.candidate_model,
            self.tr("No signed client has gone quiet."),
            self,
            buttons_below=True,
            stretch_column=0,
        )
        self.candidates.setObjectName("agendaSection")
        self.candidates.set_column_widths([0, 84, 76])
        fit_to_samples(self.candidates.table, 1, widest_dates())
        candidates_tr = self.candidate_model.tr  # the model's own texts (an alias: no second catalog context)
        fit_to_samples(
            self.candidates.table,
            2,
            [candidates_tr("Never"), candidates_tr("{days} ago").format(days=days_text(9999))],
        )
        self.dates = AgendaSection(
            self.tr("Anniversaries and birthdays"),
            self.date_model,
            self.tr("No anniversary or birthday in the coming week."),
            self,
            buttons_below=True,
            stretch_column=2,
        )
        self.dates.set_column_widths([70, 124, 0])
        dates_tr = self.date_model.tr
        when = [dates_tr("Today"), dates_tr("In {days}").format(days=days_text(7))]
        fit_to_samples(self.dates.table, 0, when, bold=True)  # today's is bold
        occasions = [dates_tr("Signed 1 year ago"), dates_tr("Signed {years} years ago").format(years=99)]
        fit_to_samples(self.dates.table, 1, occasions)
        self.candidate_follow_up = QPushButton(self.tr("Log follow-up…"), self)
        self.candidate_follow_up.setObjectName("candidateFollowUpButton")
        self.candidate_open = QPushButton(self.tr("Open client"), self)
        self.date_follow_up = QPushButton(self.tr("Log follow-up…"), self)
        self.date_follow_up.setObjectName("dateFollowUpButton")
        self.date_open = QPushButton(self.tr("Open client"), self)
        self.candidates.add_button(self.candidate_follow_up)
        self.candidates.add_button(self.candidate_open)
        self.dates.add_button(self.date_follow_up)
        self.dates.add_button(self.date_open)
        self.candidate_follow_up.clicked.connect(self._on_candidate_follow_up_clicked)
        self.candidate_open.clicked.connect(self._on_candidate_open_clicked)
        self.candidates.sig_activated.connect(self._on_candidates_activated)
        self.date_follow_up.clicked.connect(self._on_date_follow_up_clicked)
        self.date_open.clicked.connect(self._on_date_open_clicked)
        self.dates.sig_activated.connect(self._on_dates_activated)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(14)
        row.addWidget(self.candidates, 1)
        row.addWidget(self.dates, 1)

    # --- loading ---------------------------------------------------------------------------------
    def refresh(self, today: date, user_id: int | None, large: bool) -> None:
        self._generation += 1
        generation = self._generation
        if not large:
            self._show(_read(today, user_id), today, generation)
            return
        for section in (self.candidates, self.dates):  # on the worker: about half a second on 100k clients
            section.show_loading(self.tr("Loading…"))
        job = default_worker().submit(lambda _progress: _read(today, user_id))
        deliver(job, self, lambda result: self._show(result, today, generation))

    def busy(self) -> bool:
        return self.candidates.is_loading() or self.dates.is_loading()

    def _show(self, agenda: CareAgenda, today: date, generation: int) -> None:
        if generation != self._generation:
            return
        self.agenda = agenda
        self.candidate_model.today = today
        self.date_model.today = today
        self.candidate_model.set_rows(agenda.candidates)
        self.date_model.set_rows(agenda.dates)
        self.candidates.set_count(fmt.number(agenda.candidates_total))
        self.dates.set_count(fmt.number(len(agenda.dates)))
        settings = agenda.settings  # read with the agenda, on the worker
        self.candidates.title_label.setToolTip(
            self.tr(
                "Clients whose first contract is more than {signed} months old and that have had no new "
                "opportunity for {quiet} months (Settings → Client care)."
            ).format(signed=settings.signed_months, quiet=settings.quiet_months)
        )
        self.sig_loaded.emit()

    # --- actions ---------------------------------------------------------------------------------
    def _log(self, client_id: int, contact_ids: tuple[int, ...] = ()) -> None:
        try:
            follow_up_id = actions.log_follow_up(self, client_id, contact_ids=contact_ids)
        except CrmError as exc:
            prompts.show_error(self, self.tr("Log follow-up"), error_text(exc))
            return
        if follow_up_id is not None:
            self.sig_follow_up_logged.emit()

    def _candidate(self) -> Candidate | None:
        row = self.candidates.current_row()
        return self.candidate_model.item(row) if row >= 0 else None

    def _date(self) -> CareDate | None:
        row = self.dates.current_row()
        return self.date_model.item(row) if row >= 0 else None

    def _on_candidate_follow_up_clicked(self) -> None:
        candidate = self._candidate()
        if candidate is not None:
            self._log(candidate.client_id)

    def _on_candidate_open_clicked(self) -> None:
        candidate = self._candidate()
        if candidate is not None:
            self.sig_open_client_requested.emit(candidate.client_id)

    def _on_candidates_activated(self, row: int) -> None:
        self.sig_open_client_requested.emit(self.candidate_model.item(row).client_id)

    def _on_date_follow_up_clicked(self) -> None:
        item = self._date()
        if item is not None:
            self._log(item.client_id, (item.contact_id,) if item.contact_id else ())

    def _on_date_open_clicked(self) -> None:
        item = self._date()
        if item is not None:
            self.sig_open_client_requested.emit(item.client_id)

    def _on_dates_activated(self, row: int) -> None:
        self.sig_open_client_requested.emit(self.date_model.item(row).client_id)
