"""Pipeline: a board with one column per open stage (count, amount, weighted amount, the largest deals as
cards), the won/lost summary of the period, and filters by owner and by expected-close or created date.

Actions: New opportunity (client picked in the dialog), and on a card (right-click): Edit, Move to another
stage, Close as won/lost, Open the client. Double-click edits. Cards dragged to another column, or stepped
with Ctrl+Shift+Right/Left, move exactly as "Move to" does (the same service; one Edit → Undo step; several
selected cards in one transaction). Totals come from SQL; each column shows at most ``COLUMN_LIMIT``
cards, so 50,000 opportunities cost no more than 200. The board is read by
``desktop_crm.read.pipeline.load_board``: inline on small files, on the database worker on large ones (about
0.3 s at 100k clients), with "Loading…" in the columns meanwhile.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

from desktop_crm.clock import today
from desktop_crm.errors import CrmError
from desktop_crm.models.enums import OPEN_STAGES
from desktop_crm.pipeline import DATE_FIELDS, PipelineCard, PipelineFilter
from desktop_crm.read.pipeline import COLUMN_LIMIT, PipelineBoard, load_board, owner_choices
from desktop_crm.read.size import is_large
from desktop_crm.services.deal_forms import move_opportunities_stage, move_opportunity_stage

from ... import fmt, prompts
from ...errors import error_text
from ...inputs import DateEdit
from ...labels import label
from ...tasks import default_worker, deliver
from ...undo import MoveStageCommand, MoveStagesCommand, push_done
from ...widgets import StatCard, card_row
from ..base import Page
from ..deals import CloseOpportunityDialog, OpportunityDialog
from .board import StageColumn
from .drop_targets import CloseDropCard

PERIODS = ("any", "this_month", "this_quarter", "this_year", "custom")


def period_range(period: str, day: date) -> tuple[date | None, date | None]:
    """[start, end) of a preset period around ``day`` (``any``/``custom``: no preset bounds)."""
    if period == "this_month":
        start = day.replace(day=1)
        return start, (
            start.replace(year=start.year + 1, month=1)
            if start.month == 12
            else start.replace(month=start.month + 1)
        )
    if period == "this_quarter":
        first = (day.month - 1) // 3 * 3 + 1
        start = date(day.year, first, 1)
        return start, (date(day.year + 1, 1, 1) if first == 10 else date(day.year, first + 3, 1))
    if period == "this_year":
        return date(day.year, 1, 1), date(day.year + 1, 1, 1)
    return None, None


class PipelinePage(Page):
    key = "pipeline"
    watches = frozenset({"opportunity", "opportunity_contact", "contract", "client", "user", "setting"})
    reloads = ("reload",)

    sig_open_client = Signal(int)
    sig_loaded = Signal()  # the board shows the data of the latest reload

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._generation = 0  # the latest reload; an older board arriving late is dropped
        self.loading = False  # a read is on its way to the worker (screenshots and benchmarks wait)
        self.board: PipelineBoard | None = None
        self.drag_token = f"{os.getpid()}-{uuid.uuid4().hex}"  # cards dragged within this board only
        self._select_after_load: tuple[tuple[int, ...], str] | None = None  # what a move put where
        self.open_card = StatCard(self.tr("Open opportunities"), self, accent="primary")
        self.amount_card = StatCard(self.tr("Open amount"), self)
        self.weighted_card = StatCard(self.tr("Weighted amount"), self)
        # a card dropped on Won/Lost asks to close it (the dialog, after the drop has returned)
        self.won_card = CloseDropCard(self.tr("Won"), self, "success", won=True, board_token=self.drag_token)
        self.lost_card = CloseDropCard(
            self.tr("Lost"), self, "danger", won=False, board_token=self.drag_token
        )
        for close_card in (self.won_card, self.lost_card):
            close_card.sig_card_dropped.connect(self._on_close_dropped, Qt.ConnectionType.QueuedConnection)
        self.page_layout.addLayout(
            card_row(self.open_card, self.amount_card, self.weighted_card, self.won_card, self.lost_card)
        )
        self._build_filters()
        board = QHBoxLayout()
        board.setSpacing(12)
        self.columns: dict[str, StageColumn] = {}
        for stage in OPEN_STAGES:
            column = StageColumn(stage, self, self.drag_token)
            column.sig_card_menu.connect(self._on_column_card_menu)
            column.sig_card_activated.connect(self._on_column_card_activated)
            # after the drop event has returned (and the drag with it): a refusal may show a message
            column.sig_cards_dropped.connect(self._on_cards_dropped, Qt.ConnectionType.QueuedConnection)
            column.sig_cards_step.connect(self._on_cards_step)
            self.columns[stage] = column
            board.addWidget(column, 1)
        self.page_layout.addLayout(board, 1)

    def _build_filters(self) -> None:
        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.owner_combo = QComboBox(self)
        self.owner_combo.setObjectName("ownerFilter")
        self.owner_combo.setMinimumWidth(150)
        self.date_field_combo = QComboBox(self)
        self.date_field_combo.setObjectName("dateFieldFilter")
        for key, text in zip(DATE_FIELDS, (self.tr("Expected close"), self.tr("Created")), strict=True):
            self.date_field_combo.addItem(text, key)
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("periodFilter")
        self.period_combo.setAccessibleName(self.tr("Period"))
        texts = (
            self.tr("Any time"),
            self.tr("This month"),
            self.tr("This quarter"),
            self.tr("This year"),
            self.tr("Custom range"),
        )
        for key, text in zip(PERIODS, texts, strict=True):
            self.period_combo.addItem(text, key)
        self.from_edit = DateEdit(self, today().replace(day=1))
        self.to_edit = DateEdit(self, today())
        self.new_button = QPushButton(self.tr("New opportunity…"), self)
        self.new_button.setObjectName("newOpportunityButton")
        self.new_button.setProperty("primary", True)
        bar.addWidget(QLabel(self.tr("Owner"), self))
        bar.addWidget(self.owner_combo)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Date"), self))
        bar.addWidget(self.date_field_combo)
        bar.addWidget(self.period_combo)
        self.range_label = QLabel(self.tr("to"), self)
        bar.addWidget(self.from_edit)
        bar.addWidget(self.range_label)
        bar.addWidget(self.to_edit)
        bar.addStretch(1)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setObjectName("exportPipelineButton")
        self.export_button.setToolTip(self.tr("Every open opportunity the board counts, with its filter"))
        self.export_button.clicked.connect(self._on_export_clicked)
        bar.addWidget(self.export_button)
        bar.addWidget(self.new_button)
        self.page_layout.addLayout(bar)
        for combo in (self.owner_combo, self.date_field_combo, self.period_combo):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.from_edit.dateChanged.connect(self._on_filter_changed)
        self.to_edit.dateChanged.connect(self._on_filter_changed)
        self.new_button.clicked.connect(self._on_new_clicked)
        self._loading = False
        self._show_range(False)

    def title(self) -> str:
        return self.tr("Pipeline")

    # --- data ----------------------------------------------------------------------------------
    def current_filter(self) -> PipelineFilter:
        period = self.period_combo.currentData()
        start: date | None
        if period == "custom":
            start, to = self.from_edit.day(), self.to_edit.day()
            end: date | None = date.fromordinal(to.toordinal() + 1)  # the "to" day is included
        else:
            start, end = period_range(period, today())
        return PipelineFilter(self.owner_combo.currentData(), self.date_field_combo.currentData(), start, end)

    def _fill_owners(self) -> None:
        current = self.owner_combo.currentData()
        self._loading = True
        try:
            self.owner_combo.clear()
            self.owner_combo.addItem(self.tr("Everyone"), None)
            choices = owner_choices()
            if choices.me is not None:
                self.owner_combo.addItem(self.tr("Me ({name})").format(name=choices.my_name), choices.me)
            for uid, name in choices.others:
                self.owner_combo.addItem(name, uid)
            self.owner_combo.setCurrentIndex(max(self.owner_combo.findData(current), 0))
        finally:
            self._loading = False

    def refresh(self) -> None:
        self._fill_owners()
        self.reload()

    def reload(self) -> None:
        """Read the board for the current filters: inline on small files, on the worker on large ones."""
        flt = self.current_filter()
        self._generation += 1
        generation = self._generation
        if not is_large():
            self._show_board(load_board(flt, COLUMN_LIMIT), generation)
            return
        self.subtitle_label.setText(self.tr("Loading the pipeline…"))
        for column in self.columns.values():
            column.set_loading(self.tr("Loading…"))
        if self.board is None:  # nothing shown yet: no zeros that are not true
            for card in (self.open_card, self.amount_card, self.weighted_card, self.won_card, self.lost_card):
                card.set_value("…")
        self.loading = True
        job = default_worker().submit(lambda _progress: load_board(flt, COLUMN_LIMIT))
        deliver(job, self, lambda board: self._show_board(board, generation), self._on_job_failed)

    def _on_job_failed(self, message: str) -> None:
        self.loading = False
        self.subtitle_label.setText(
            self.tr("The pipeline could not be loaded: {error}").format(error=message)
        )

    def _show_board(self, board: PipelineBoard, generation: int) -> None:
        if generation != self._generation:
            return  # a newer reload is on its way
        self.loading = False
        self.board = board
        day = today()
        for total in board.totals:
            cards = board.cards[total.stage]
            self.columns[total.stage].set_data(total, board.probabilities[total.stage], cards, day)
        self._select_moved()
        closed = board.closed
        self.open_card.set_value(fmt.number(board.open_count))
        self.amount_card.set_value(fmt.money(board.open_amount_cents, 0))
        self.weighted_card.set_value(fmt.money(board.weighted_cents, 0))
        self.won_card.set_value(fmt.money(closed.won_cents, 0))
        self.won_card.caption_label.setText(
            self.tr("Won ({count})").format(count=fmt.number(closed.won_count))
        )
        self.lost_card.set_value(fmt.money(closed.lost_cents, 0))
        self.lost_card.caption_label.setText(
            self.tr("Lost ({count})").format(count=fmt.number(closed.lost_count))
        )
        self.subtitle_label.setText(
            self.tr(
                "Open opportunities per stage; weighted = amount × probability. Won/lost: closed in the period."
            )
        )
        self.sig_loaded.emit()

    def _show_range(self, visible: bool) -> None:
        for widget in (self.from_edit, self.range_label, self.to_edit):
            widget.setVisible(visible)

    def _select_moved(self) -> None:
        """Select the cards a move (drop, Ctrl+Shift+arrow) has just put in their new column."""
        if self._select_after_load is None:
            return
        ids, stage = self._select_after_load
        self._select_after_load = None
        column = self.columns.get(stage)
        if column is None:
            return
        rows = [row for row in range(column.model.rowCount()) if column.model.card(row).id in ids]
        if not rows:
            return  # not among the cards shown (the column shows the largest ones)
        selection = column.view.selectionModel()
        selection.clearSelection()
        for row in rows:
            selection.select(column.model.index(row), QItemSelectionModel.SelectionFlag.Select)
        selection.setCurrentIndex(column.model.index(rows[0]), QItemSelectionModel.SelectionFlag.NoUpdate)
        if self.isVisible():
            column.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- actions -------------------------------------------------------------------------------
    def move_to(self, card: PipelineCard, stage: str) -> None:
        self.move_cards([card.id], stage)

    def move_cards(self, ids: Sequence[int], stage: str) -> bool:
        """Move the opportunities to ``stage`` through the service (Move to, a drop, Ctrl+Shift+arrow; several
        cards in one transaction): on success one Edit → Undo step moves them back; a refusal is shown and
        changes nothing. The board is read again (on the worker on large files), the moved cards selected."""
        try:
            if len(ids) == 1:
                move = move_opportunity_stage(ids[0], stage)
                moves = [move] if move.from_stage != move.to_stage else []
            else:
                moves = move_opportunities_stage(list(ids), stage)
        except CrmError as exc:
            prompts.show_error(self, self.tr("Cannot move the opportunity"), error_text(exc))
            self.reload()
            return False
        stage_text = label("stage", stage)
        if len(moves) == 1:  # already there (moved elsewhere meanwhile): no undo step
            text = self.tr("Move {name} to {stage}").format(name=moves[0].name, stage=stage_text)
            push_done(MoveStageCommand(moves[0], text))  # Edit → Undo moves it back
        elif moves:
            text = self.tr("Move {count} opportunities to {stage}").format(
                count=fmt.number(len(moves)), stage=stage_text
            )
            push_done(MoveStagesCommand(moves, text))
        self._select_after_load = (tuple(ids), stage)
        self.reload()
        return True

    def edit(self, card: PipelineCard) -> None:
        if prompts.run_modal(OpportunityDialog(self, opportunity_id=card.id)) == 1:
            self.reload()

    def close_deal(self, card: PipelineCard, won: bool) -> None:
        self.close_opportunity(card.id, won)

    def close_opportunity(self, opportunity_id: int, won: bool) -> None:
        """The close dialog (won or lost preselected): right-click → Close as…, or a card dropped on Won/Lost."""
        if prompts.run_modal(CloseOpportunityDialog(self, opportunity_id, won)) == 1:
            self.reload()

    def open_client(self, client_id: int) -> None:
        """Emit ``sig_open_client``; inside the main window, switch to the client's page directly."""
        self.sig_open_client.emit(client_id)
        window = self.window()
        if hasattr(window, "page") and hasattr(window, "show_page") and hasattr(window, "pages"):
            clients = window.page("clients")
            window.show_page(window.pages.index(clients))
            clients.open_client(client_id)

    def card_menu(self, card: PipelineCard) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.tr("Edit…"), lambda: self.edit(card))
        move = menu.addMenu(self.tr("Move to"))
        for stage in OPEN_STAGES:
            action = move.addAction(label("stage", stage), self._mover(card, stage))
            action.setEnabled(stage != card.stage)
        menu.addSeparator()
        menu.addAction(self.tr("Close as won…"), lambda: self.close_deal(card, True))
        menu.addAction(self.tr("Close as lost…"), lambda: self.close_deal(card, False))
        menu.addSeparator()
        menu.addAction(self.tr("Log follow-up…"), lambda: self.log_follow_up(card))
        menu.addAction(self.tr("Open client"), lambda: self.open_client(card.client_id))
        return menu

    def _mover(self, card: PipelineCard, stage: str) -> Callable[[], None]:
        return lambda: self.move_to(card, stage)

    def log_follow_up(self, card: PipelineCard) -> None:
        """A follow-up on this deal (the follow-up dialog, prefilled with the client and opportunity)."""
        from ... import actions

        if actions.log_follow_up(self, card.client_id, opportunity_id=card.id) is not None:
            self.reload()

    # --- slots ---------------------------------------------------------------------------------
    def _on_filter_changed(self) -> None:
        self._show_range(self.period_combo.currentData() == "custom")
        if not self._loading:
            self.reload()

    def _on_new_clicked(self) -> None:
        if prompts.run_modal(OpportunityDialog(self)) == 1:
            self.reload()

    def _on_export_clicked(self) -> None:
        from ...exporter import export_pipeline

        headers = {
            "stage": self.tr("Stage"),
            "client": self.tr("Client"),
            "name": self.tr("Opportunity"),
            "owner": self.tr("Owner"),
            "amount": self.tr("Expected amount"),
            "probability": self.tr("Probability (%)"),
            "weighted": self.tr("Weighted amount"),
            "expected_close": self.tr("Expected close"),
        }
        stages = {stage: label("stage", stage) for stage in OPEN_STAGES}
        export_pipeline(self, self.current_filter(), headers, stages)

    def _on_column_card_menu(self, card: PipelineCard, pos: QPoint) -> None:
        self.card_menu(card).popup(pos)

    def _on_column_card_activated(self, card: PipelineCard) -> None:
        self.edit(card)

    def _on_cards_dropped(self, ids: Sequence[int], from_stage: str, to_stage: str) -> None:
        if from_stage != to_stage and ids:
            self.move_cards(list(ids), to_stage)

    def _on_close_dropped(self, opportunity_id: int, won: bool) -> None:
        self.close_opportunity(opportunity_id, won)

    def _on_cards_step(self, ids: Sequence[int], stage: str, step: int) -> None:
        """Ctrl+Shift+Right/Left: the next/previous open stage (nothing past the first or last)."""
        position = OPEN_STAGES.index(stage) + step if stage in OPEN_STAGES else -1
        if ids and 0 <= position < len(OPEN_STAGES):
            self.move_cards(list(ids), OPEN_STAGES[position])
