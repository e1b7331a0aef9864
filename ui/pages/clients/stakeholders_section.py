"""The hub's Stakeholders tab: power map with a deal filter and legend, the contacts table, the analysis
(Table 3, red flags, entry point, next moves) and the role × stance matrix, all recomputed together."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.clock import today
from desktop_crm.power_map import load_stakeholders
from desktop_crm.read import client_page as hub_data
from desktop_crm.read.client_page import ClientPage
from desktop_crm.stakeholder_analysis import Stakeholder, analyse

from ...a11y import scaled_css
from ...labels import label
from .analysis_panel import AnalysisPanel
from .contacts import ContactsPanel
from .matrix import RoleStanceMatrixModel, make_matrix_view
from .power_map import PowerMapView, StanceLegend

CONTACT_ROWS = 6  # rows of the contacts table always in view


class StakeholdersSection(QWidget):
    """``load(client_id)``; ``set_opportunity(id or None)`` switches map, matrix and analysis to one deal."""

    sig_contacts_changed = Signal()
    sig_log_follow_up_requested = Signal(int)  # the selected contact's id, 0 when none

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client_id: int | None = None
        self.people: list[Stakeholder] = []
        # Built top-down, each widget inside its final parent: moving finished trees into the splitters
        # and the scroll area re-parented (and re-styled) every widget again (a third of this build).
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        self.opportunity_combo = QComboBox(left)
        self.opportunity_combo.setObjectName("opportunityFilter")
        self.opportunity_combo.setMinimumWidth(220)
        self.opportunity_combo.currentIndexChanged.connect(self._on_opportunity_combo_changed)
        vertical = QSplitter(Qt.Orientation.Vertical, left)
        map_frame = QFrame(vertical)
        self.power_map = PowerMapView(map_frame)
        self.power_map.setMinimumHeight(180)  # room for six contacts under it at 720 px (issue 13)
        self.contacts = ContactsPanel(vertical)
        scroll = QScrollArea(splitter)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right_body = QWidget(scroll.viewport())
        right_body.setObjectName("analysisBody")
        scroll.setWidget(right_body)
        self.analysis = AnalysisPanel(right_body)
        self.matrix_model = RoleStanceMatrixModel(self)
        self.matrix_view = make_matrix_view(self.matrix_model, right_body)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(QLabel(self.tr("Deal:"), left))
        bar.addWidget(self.opportunity_combo)
        # The hint wraps in the room the button leaves it: neither covers the other (issue 13).
        self.hint_label = hint = QLabel(self.tr("Double-click a person to edit"), left)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        hint.setMinimumWidth(90)
        hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar.addWidget(hint, 1)
        self.log_button = QPushButton(left)
        self.log_button.setObjectName("logWithContactButton")
        self.log_button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.log_button.clicked.connect(self._on_log_clicked)
        self.log_button.hide()
        bar.addWidget(self.log_button)
        map_frame.setObjectName("chartFrame")
        map_layout = QVBoxLayout(map_frame)
        map_layout.setContentsMargins(1, 1, 1, 8)
        map_layout.setSpacing(4)
        map_layout.addWidget(self.power_map, 1)
        legend = StanceLegend(map_frame)
        legend.setContentsMargins(12, 0, 12, 0)
        legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        map_layout.addWidget(legend)
        vertical.addWidget(map_frame)
        vertical.addWidget(self.contacts)
        vertical.setStretchFactor(0, 1)
        vertical.setStretchFactor(1, 1)
        vertical.setChildrenCollapsible(False)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(8)
        left_layout.addLayout(bar)
        left_layout.addWidget(vertical, 1)

        right_layout = QVBoxLayout(right_body)
        right_layout.setContentsMargins(4, 0, 10, 8)
        right_layout.setSpacing(10)
        right_layout.addWidget(self.analysis)
        caption = self.tr("Roles × stances")
        heading = QLabel(f"<b>{caption}</b>", right_body)
        heading.setStyleSheet(scaled_css("font-size: 1.05em; background: transparent;"))
        right_layout.addWidget(heading)
        right_layout.addWidget(self.matrix_view)
        right_layout.addStretch(1)
        scroll.setStyleSheet("QScrollArea, QWidget#analysisBody { background: transparent; }")
        scroll.setMinimumWidth(340)

        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([625, 415])  # at 1280 px: the contacts table's labels and the matrix headers whole
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(splitter)
        self._fit_contact_rows()

        self.power_map.sig_contact_activated.connect(self.contacts.edit_contact)
        self.power_map.sig_contact_selected.connect(self._on_power_map_selected)
        self.contacts.sig_contact_selected.connect(self._on_contacts_selected)
        self.contacts.sig_contacts_changed.connect(self._on_contacts_changed)

    # --- layout --------------------------------------------------------------------------------
    def _fit_contact_rows(self) -> None:
        """The contacts table shows at least ``CONTACT_ROWS`` rows without scrolling (issue 13)."""
        table = self.contacts.table
        height = (
            table.horizontalHeader().sizeHint().height()
            + CONTACT_ROWS * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
            + 2
        )
        table.setMinimumHeight(height)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        self._fit_contact_rows()  # polished now: the header's height is the style sheet's
        super().showEvent(event)

    # --- loading -------------------------------------------------------------------------------
    def load(self, client_id: int) -> None:
        if client_id != self.client_id:
            self.client_id = client_id
            self._fill_opportunities(None)
        else:
            self._fill_opportunities(self.opportunity_id())
        self.contacts.load(client_id)
        self._recompute()

    def show_page(self, page: ClientPage) -> None:
        """Show what ``load_client_page`` read (the deal filter it was read for stays chosen)."""
        self.client_id = page.client_id
        self._fill_opportunities(page.opportunity_filter, page.opportunity_choices)
        self.contacts.show_rows(page.client_id, page.contacts)
        self._show_people(page.people)

    def opportunity_id(self) -> int | None:
        data = self.opportunity_combo.currentData()
        return int(data) if data is not None else None

    def set_opportunity(self, opportunity_id: int | None) -> None:
        index = self.opportunity_combo.findData(opportunity_id) if opportunity_id is not None else 0
        self.opportunity_combo.setCurrentIndex(max(index, 0))

    def _fill_opportunities(
        self, keep: int | None, choices: list[tuple[int, str, str]] | None = None
    ) -> None:
        assert self.client_id is not None
        if choices is None:
            choices = hub_data.opportunity_choices(self.client_id)
        self.opportunity_combo.blockSignals(True)
        self.opportunity_combo.clear()
        self.opportunity_combo.addItem(self.tr("All contacts"), None)
        for opp_id, name, stage in choices:
            self.opportunity_combo.addItem(f"{name} · {label('stage', stage)}", opp_id)
        index = self.opportunity_combo.findData(keep) if keep is not None else 0
        self.opportunity_combo.setCurrentIndex(max(index, 0))
        self.opportunity_combo.blockSignals(False)

    def _recompute(self) -> None:
        if self.client_id is None:
            return
        self._show_people(load_stakeholders(self.client_id, self.opportunity_id()))

    def _show_people(self, people: list[Stakeholder]) -> None:
        self.people = people
        opportunity = self.opportunity_id()
        empty = (
            self.tr("Nobody is attached to this deal yet: edit a contact to give them a role in it.")
            if opportunity is not None
            else self.tr("No contacts yet: add the people who take part in the decision.")
        )
        self.power_map.set_people(self.people, empty)
        self.power_map.select(self.contacts.selected_id())
        self.matrix_model.set_people(self.people)
        self.analysis.show_analysis(self.people, analyse(self.people, today()))

    # --- slots ---------------------------------------------------------------------------------
    def _on_log_clicked(self) -> None:
        self.sig_log_follow_up_requested.emit(self.contacts.selected_id() or 0)

    def _on_opportunity_combo_changed(self) -> None:
        self._recompute()

    def _on_contacts_changed(self) -> None:
        if self.client_id is not None:
            self.contacts.load(self.client_id)
            self._recompute()
        self.sig_contacts_changed.emit()

    def _on_power_map_selected(self, contact_id: int) -> None:
        if contact_id:
            self.contacts.select(contact_id)

    def _on_contacts_selected(self, contact_id: int) -> None:
        row = self.contacts.model.row_of(contact_id) if contact_id else -1
        if row >= 0:
            name = self.contacts.model.row(row)[0]
            self.log_button.setText(self.tr("Log follow-up with {name}…").format(name=name))
        self.log_button.setVisible(row >= 0)
        if contact_id and self.power_map.selected_id() != contact_id:
            self.power_map.select(contact_id)
