"""The client page as a hub: a header (name, chips, owner, expected deal, last contact, Edit/Delete)
over tabs: Stakeholders, Follow-ups, Opportunities, Contracts & payments.

The Clients page embeds ``ClientHubView`` and wires its signals (back, edit, delete, changed).
Every tab is filled from one read, ``desktop_crm.read.client_page.load_client_page``: inline on small
files, on the database worker on large ones, with "Loading…" in place of the tabs until it arrives (a
result for a client the user has left meanwhile is dropped).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Generic, TypeVar, cast

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.read import client_page as hub_data
from desktop_crm.read.client_page import ClientPage, load_client_page
from desktop_crm.read.size import is_large

from ... import app_filters, fmt
from ...a11y import scaled_css
from ...attachments.panel import AttachmentsPanel
from ...elided import ElidedLabel
from ...labels import label
from ...tasks import default_worker, deliver
from .deals_section import ContractsSection, OpportunitiesSection
from .dossier_tab import DossierTab
from .followups_section import FollowUpsSection
from .referrals_section import ReferralsSection
from .service_tab import ServiceTab
from .stakeholders_section import StakeholdersSection

CHIP_COLORS = {
    "status": ("#e7eefc", "#2d5bb9"),
    "grade": ("#fdf1d8", "#8a5a00"),
    "verdict": ("#e4f6ea", "#1e7b4c"),
    "deleted": ("#f9dcd9", "#a02a22"),
}


# The hub's tabs after Stakeholders, in their order (see ``ClientHubView._build``).
_LATER_TABS = ("follow_ups", "opportunities", "contracts", "service", "attachments", "referrals", "dossier")
_Tab = TypeVar("_Tab", bound=QWidget)


class _LaterTab(Generic[_Tab]):
    """A hub attribute holding one of the tabs after the first: built when first read (with the tabs
    before it), if the event loop has not built it yet."""

    def __init__(self, kind: type[_Tab]) -> None:
        self.kind = kind

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, hub: ClientHubView, owner: type | None = None) -> _Tab:
        built = hub._built.get(self.name)
        return cast(_Tab, built if built is not None else hub._build(self.name))


def _chip(text: str, kind: str, parent: QWidget) -> QLabel:
    background, color = CHIP_COLORS[kind]
    chip = QLabel(text, parent)
    chip.setStyleSheet(
        f"background: {background}; color: {color}; border-radius: 10px; padding: 2px 10px; font-weight: 600;"
    )
    return chip


class ClientHubView(QWidget):
    sig_back = Signal()
    sig_edit_requested = Signal(int)
    sig_delete_requested = Signal(int)
    sig_client_changed = Signal(int)
    sig_loaded = Signal(int)  # the client whose page now shows the latest read

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientHub")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#clientHub { background: #f5f7fa; }")
        self.client_id: int | None = None
        self.shown_id: int | None = None  # the client whose data the tabs show
        self._generation = 0  # the latest read; an older one arriving late is dropped
        self.loading = False  # a read is on its way from the worker (screenshots and benchmarks wait)
        self.back_button = QPushButton(self.tr("← Clients"), self)
        self.back_button.setObjectName("backButton")
        self.back_button.setFlat(True)
        self.back_button.clicked.connect(self.sig_back)
        # A long name is elided (whole in its tooltip) rather than widening the page (issue 13).
        self.name_label = ElidedLabel(self, natural=True, mode=Qt.TextElideMode.ElideRight)
        self.name_label.setObjectName("pageTitle")
        self.short_label = QLabel(self)
        self.short_label.setObjectName("pageSubtitle")
        self.chips = QHBoxLayout()
        self.chips.setSpacing(6)
        self.facts_label = QLabel(self)
        self.facts_label.setObjectName("pageSubtitle")
        self.facts_label.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Edit client"), self)
        self.delete_button = QPushButton(self.tr("Delete client"), self)
        self.log_button = QPushButton(self.tr("Log follow-up…"), self)
        self.log_button.setObjectName("primaryButton")
        self.log_button.clicked.connect(self._on_log_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)

        title_row = QHBoxLayout()
        title_row.setSpacing(10)
        title_row.addWidget(self.name_label)
        title_row.addWidget(self.short_label)
        title_row.addLayout(self.chips)
        title_row.addStretch(1)
        title_row.addWidget(self.log_button)
        title_row.addWidget(self.edit_button)
        title_row.addWidget(self.delete_button)

        # The body and its tab widget first, the tabs then built inside them: adding a finished tree of
        # widgets to a new parent re-parents every one of its widgets again (a third of the hub's build).
        self.body = QStackedWidget(self)
        self.tabs = QTabWidget(self.body)
        self.tabs.setObjectName("hubTabs")
        self.tabs.setDocumentMode(True)
        self.body.addWidget(self.tabs)
        self.stakeholders = StakeholdersSection(self)
        self.tabs.addTab(self.stakeholders, self.tr("Stakeholders"))
        # The other tabs are built one per turn of the event loop after this one (opening the first
        # client built all eight at once: a 300 ms freeze on the large data), while the client is read
        # on the worker; whatever asks for one of them first builds it (and the tabs before it) at once.
        self._built: dict[str, QWidget] = {}
        self._pending: list[str] = list(_LATER_TABS)
        QTimer.singleShot(0, self, self._build_next)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 6, 20, 8)  # tight at 720 px: six contacts in view (issue 13)
        layout.setSpacing(4)
        back_row = QHBoxLayout()
        back_row.addWidget(self.back_button)
        back_row.addStretch(1)
        layout.addLayout(back_row)
        layout.addLayout(title_row)
        layout.addWidget(self.facts_label)
        layout.addSpacing(2)
        self.loading_label = QLabel(self.tr("Loading the client…"), self)
        self.loading_label.setObjectName("hubLoading")
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading_label.setStyleSheet(scaled_css("color: #6b7280; font-size: 1.15em;"))
        self.body.addWidget(self.loading_label)
        layout.addWidget(self.body, 1)

        self.stakeholders.sig_contacts_changed.connect(self._on_stakeholders_changed)
        self.stakeholders.sig_log_follow_up_requested.connect(self._on_stakeholders_log_follow_up_requested)

    # --- the tabs after the first, built on demand or one per turn -------------------------------
    def _build_next(self) -> None:
        if self._pending:
            self._build(self._pending[0])
        if self._pending:
            QTimer.singleShot(0, self, self._build_next)

    def _build(self, name: str) -> QWidget:
        """Build the pending tabs up to ``name`` (in their order: each is added after the previous)."""
        while name not in self._built:
            current = self._pending.pop(0)
            self._built[current] = self._make(current)
        return self._built[name]

    def _make(self, name: str) -> QWidget:
        """Build the tab ``name``, add it after the tabs built so far and connect its signals."""
        kind, title = {
            "follow_ups": (FollowUpsSection, self.tr("Follow-ups")),
            "opportunities": (OpportunitiesSection, self.tr("Opportunities")),
            "contracts": (ContractsSection, self.tr("Contracts & payments").replace("&", "&&")),
            "service": (ServiceTab, self.tr("Service")),  # slice service: service records and complaints
            "attachments": (AttachmentsPanel, self.tr("Attachments")),  # slice attach: every file
            "referrals": (ReferralsSection, self.tr("Referrals")),  # slice care: referred by, brought
            "dossier": (DossierTab, self.tr("Dossier")),  # slice care: the client dossier (客户雷达)
        }[name]
        section = app_filters.built_suspended(lambda: kind(self))  # (a turn of its own: no filters needed)
        self.tabs.addTab(section, title)
        if isinstance(section, FollowUpsSection):
            section.sig_follow_ups_changed.connect(self._on_follow_ups_changed)
        elif isinstance(section, OpportunitiesSection):
            section.sig_show_stakeholders.connect(self._on_opportunities_show_stakeholders)
            section.sig_deals_changed.connect(self._on_deals_changed)
        elif isinstance(section, ContractsSection):
            section.sig_deals_changed.connect(self._on_deals_changed)
        elif isinstance(section, ServiceTab):
            section.sig_service_changed.connect(self._on_service_changed)
        elif isinstance(section, AttachmentsPanel):
            section.sig_attachments_changed.connect(self._on_attachments_changed)
        elif isinstance(section, ReferralsSection):
            section.sig_referrals_changed.connect(self._on_referrals_changed)
            section.sig_open_client_requested.connect(self.show_client)
        return section

    follow_ups = _LaterTab(FollowUpsSection)
    opportunities = _LaterTab(OpportunitiesSection)
    contracts = _LaterTab(ContractsSection)
    service = _LaterTab(ServiceTab)
    attachments = _LaterTab(AttachmentsPanel)
    referrals = _LaterTab(ReferralsSection)
    dossier = _LaterTab(DossierTab)

    # --- public --------------------------------------------------------------------------------
    def show_client(self, client_id: int) -> None:
        """Open ``client_id`` (its Stakeholders tab shows every contact, not one deal's). Read on the
        worker, it shows "Loading the client…" until its tabs are filled, even when they show this client
        already: a hub brought back into view with a busy client's tabs was laid out and painted whole in
        one turn (43-60 ms on the large demo), where filled while hidden it takes a few short ones."""
        self.client_id = client_id
        self._load(None, fresh=True)

    def show_service_record(self, record_id: int) -> None:
        """Bring the Service tab forward with ``record_id`` selected (Today's "Open")."""
        self.tabs.setCurrentWidget(self.service)
        self.service.select_record(record_id)

    def refresh(self, after: Callable[[], None] | None = None) -> None:
        """Read the client again (keeping the deal the Stakeholders tab is narrowed to); ``after`` runs
        once the tabs show the new data."""
        if self.client_id is None:
            return
        same = self.stakeholders.client_id == self.client_id
        self._load(self.stakeholders.opportunity_id() if same else None, after)

    def busy(self) -> bool:
        """Reading the client, filling its tabs (a group per turn) or building the tabs not built yet."""
        return self.loading or bool(self._pending)

    def is_loading(self) -> bool:
        return self.body.currentWidget() is self.loading_label

    # --- loading -------------------------------------------------------------------------------
    def _load(
        self, opportunity_filter: int | None, after: Callable[[], None] | None = None, fresh: bool = False
    ) -> None:
        assert self.client_id is not None
        client_id = self.client_id
        built = self._built.get("attachments")  # not built yet: it shows no removed files
        removed = isinstance(built, AttachmentsPanel) and built.show_removed
        self._generation += 1
        generation = self._generation
        if not is_large():
            self._show_page(load_client_page(client_id, opportunity_filter, removed), generation, after)
            return
        if fresh or self.shown_id != client_id:  # never the previous client's tabs, nor an empty "no …" tab
            self._show_loading()
        self.loading = True
        job = default_worker().submit(
            lambda _progress: load_client_page(client_id, opportunity_filter, removed)
        )
        deliver(job, self, lambda page: self._show_page(page, generation, after, True), self._on_job_failed)

    def _show_loading(self) -> None:
        self.shown_id = None
        self.name_label.setText(self.tr("Loading the client…"))
        self.short_label.clear()
        self._clear_chips()
        self.facts_label.clear()
        for button in (self.edit_button, self.log_button, self.delete_button):
            button.setEnabled(False)
        self.loading_label.setText(self.tr("Loading the client…"))
        self.body.setCurrentWidget(self.loading_label)

    def _on_job_failed(self, message: str) -> None:
        self.loading = False
        self.loading_label.setText(self.tr("The client could not be loaded: {error}").format(error=message))

    def _show_page(
        self, page: ClientPage, generation: int, after: Callable[[], None] | None, staged: bool = False
    ) -> None:
        """Fill every tab from ``page``; ``staged``: one group of tabs per turn of the event loop (each turn
        stays short), the header and the tabs shown in the last one."""
        if generation != self._generation or page.client_id != self.client_id:
            return  # the user opened another client meanwhile, or a newer read is on its way
        header = page.header
        if header is None:
            self.loading = False
            self.shown_id = None
            self.name_label.setText(self.tr("This client no longer exists."))
            self.short_label.clear()
            self._clear_chips()
            self.facts_label.clear()
            self.loading_label.setText(self.tr("This client no longer exists."))
            self.body.setCurrentWidget(self.loading_label)
            return
        client_id, deleted = page.client_id, header.deleted
        steps: list[Callable[[], object]] = [
            lambda: self.stakeholders.show_page(page),
            lambda: self.follow_ups.show_timeline(client_id, page.timeline),
            lambda: (
                self.opportunities.show_rows(client_id, page.opportunities, deleted),
                self.contracts.show_rows(client_id, page.contracts, deleted),
                self.service.show_records(client_id, deleted, page.service_rows, page.service_types),
            ),
            lambda: (
                self.attachments.show_client_rows(client_id, page.attachments, read_only=deleted),
                self.referrals.show_referrals(client_id, header.name, deleted, page.referral, page.referred),
                self.dossier.show_dossier(client_id, page.dossier),
            ),
            lambda: self._finish_page(header, after),  # last: the buttons act on the new client only now
        ]
        if staged:
            self._run_steps(steps, generation)
        else:
            for step in steps:
                step()

    def _run_steps(self, steps: list[Callable[[], object]], generation: int) -> None:
        if generation != self._generation:
            return  # another client was opened meanwhile: its own read fills the tabs
        steps[0]()
        if len(steps) > 1:
            QTimer.singleShot(0, self, lambda: self._run_steps(steps[1:], generation))

    def _finish_page(self, header: hub_data.ClientHeader, after: Callable[[], None] | None) -> None:
        self._show_header(header)
        self._update_tab_titles()
        self.shown_id = header.id
        self.loading = False
        self.body.setCurrentWidget(self.tabs)
        if after is not None:
            after()
        self.sig_loaded.emit(header.id)

    # --- header --------------------------------------------------------------------------------
    def _clear_chips(self) -> None:
        while self.chips.count():
            item = self.chips.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # out of sight now: deleted only when the event loop next runs
                item.widget().deleteLater()

    def _show_header(self, h: hub_data.ClientHeader) -> None:
        self.name_label.setText(h.name)
        self.short_label.setText(h.short_name if h.short_name and h.short_name != h.name else "")
        self._clear_chips()
        if h.deleted:
            self.chips.addWidget(_chip(self.tr("Deleted"), "deleted", self))
        self.chips.addWidget(_chip(label("client_status", h.status), "status", self))
        self.chips.addWidget(_chip(label("grade", h.grade), "grade", self))
        self.chips.addWidget(_chip(label("value_verdict", h.verdict), "verdict", self))
        facts = [
            self.tr("Owner: {name}").format(name=h.owner or self.tr("unassigned")),
            self.tr("Expected: {amount}").format(amount=fmt.money(h.expected_amount_cents, 0))
            + (f" · {fmt.short_date(h.expected_sign_date)}" if h.expected_sign_date else ""),
            self.tr("Last contact: {when}").format(
                when=fmt.short_date(h.last_contact_at) if h.last_contact_at else self.tr("never")
            ),
        ]
        extra = " · ".join(x for x in (h.industry, h.region) if x)
        if extra:
            facts.append(extra)
        self.facts_label.setText(html.escape("   |   ".join(facts)))
        self.edit_button.setEnabled(not h.deleted)
        self.log_button.setEnabled(not h.deleted)
        self.delete_button.setEnabled(not h.deleted)

    def _update_tab_titles(self) -> None:
        counts = (
            self.stakeholders.contacts.model.rowCount(),
            self.follow_ups.model.rowCount(),
            self.opportunities.model.rowCount(),
            self.contracts.model.rowCount(),
        )
        titles = (
            self.tr("Stakeholders ({count})"),
            self.tr("Follow-ups ({count})"),
            self.tr("Opportunities ({count})"),
            self.tr("Contracts & payments ({count})"),
        )
        for index, (title, count) in enumerate(zip(titles, counts, strict=True)):
            self.tabs.setTabText(index, title.format(count=count).replace("&", "&&"))
        self.tabs.setTabText(
            self.tabs.indexOf(self.service),
            self.tr("Service ({count})").format(count=self.service.open_count),
        )
        self.tabs.setTabText(
            self.tabs.indexOf(self.attachments),
            self.tr("Attachments ({count})").format(count=self.attachments.model.rowCount()),
        )
        self.tabs.setTabText(
            self.tabs.indexOf(self.referrals),
            self.tr("Referrals ({count})").format(count=self.referrals.count()),
        )

    # --- slots ---------------------------------------------------------------------------------
    def _on_edit_clicked(self) -> None:
        if self.client_id is not None:
            self.sig_edit_requested.emit(self.client_id)

    def _on_log_clicked(self) -> None:
        self.follow_ups.log_follow_up()

    def _on_stakeholders_log_follow_up_requested(self, contact_id: int) -> None:
        self.follow_ups.log_follow_up((contact_id,) if contact_id else ())

    def _on_follow_ups_changed(self) -> None:
        self.refresh()
        if self.client_id is not None:
            self.sig_client_changed.emit(self.client_id)

    def _on_attachments_changed(self) -> None:
        self._update_tab_titles()
        if self.client_id is not None:
            self.follow_ups.load(self.client_id)  # the timeline shows each follow-up's file count

    def _on_referrals_changed(self) -> None:
        self._update_tab_titles()
        if self.client_id is not None:
            self.sig_client_changed.emit(self.client_id)

    def _on_service_changed(self) -> None:
        self._update_tab_titles()
        if self.client_id is not None:
            self.sig_client_changed.emit(self.client_id)

    def _on_delete_clicked(self) -> None:
        if self.client_id is not None:
            self.sig_delete_requested.emit(self.client_id)

    def _on_stakeholders_changed(self) -> None:
        self._update_tab_titles()
        if self.client_id is not None:
            self.sig_client_changed.emit(self.client_id)

    def _on_opportunities_show_stakeholders(self, opportunity_id: int) -> None:
        self.stakeholders.set_opportunity(opportunity_id)
        self.tabs.setCurrentWidget(self.stakeholders)

    def _on_deals_changed(self) -> None:
        opportunity_id = self.opportunities.selected_id()
        if opportunity_id is not None:
            self.refresh(lambda: self.opportunities.select(opportunity_id))
        else:
            self.refresh()
        if self.client_id is not None:
            self.sig_client_changed.emit(self.client_id)
