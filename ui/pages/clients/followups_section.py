"""The client hub's Follow-ups tab: the follow-up chain as a timeline (or a compact table), a Log
follow-up button, and Complete on each open next step (the follow-up dialog opens prefilled)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from desktop_crm.models import now as clock_now
from desktop_crm.read import followups as data
from desktop_crm.read.followups import Timeline

from ... import actions, fmt
from ...exporter.widget_tables import install_table_export
from ...labels import label
from ...models import Column, TupleTableModel
from ...widgets import make_table_view, set_column_widths
from ..followups.timeline import FollowUpTimeline


def _rows(timeline: Timeline) -> list[tuple]:
    """(when, channel, purpose, contacts, summary, next step, next due, id), newest first."""
    rows = []
    for card in timeline.follow_ups:
        step = card.next_steps[0] if card.next_steps else None
        what = (step.title or label("plan_type", step.plan_type)) if step else ""
        summary = " ".join(card.summary.split())
        rows.append(
            (
                card.happened_at,
                card.channel,
                card.purpose,
                ", ".join(card.contacts),
                summary,
                what,
                step.due_at if step else None,
                card.id,
            )
        )
    return rows


class FollowUpsSection(QWidget):
    """``load(client_id)``; emits ``sig_follow_ups_changed()`` after a follow-up was logged here."""

    sig_follow_ups_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client_id: int | None = None
        self.timeline_data: Timeline | None = None
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("hint")
        self.log_button = QPushButton(self.tr("Log follow-up…"), self)
        self.log_button.setObjectName("primaryButton")
        self.log_button.setToolTip(
            self.tr("Log a follow-up with this client ({shortcut})").format(
                shortcut=actions.LOG_FOLLOW_UP_SHORTCUT
            )
        )
        self.log_button.clicked.connect(self._on_log_clicked)
        self.view_button = QPushButton(self.tr("Table"), self)
        self.view_button.setCheckable(True)
        self.view_button.toggled.connect(self._on_view_button_toggled)
        self.timeline = FollowUpTimeline(self)
        self.timeline.sig_complete_requested.connect(self.complete_step)
        self.timeline.sig_attachments_requested.connect(self.show_attachments)
        self.timeline.sig_files_dropped.connect(self.show_attachments)
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
        install_table_export(
            self.table,
            self.tr("Export follow-ups"),
            "client-follow-ups",
            {0: "datetime", 6: "datetime"},
            also_on=(self.timeline,),
        )
        set_column_widths(self.table, [130, 80, 130, 130, 0, 180, 130])
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.timeline)
        self.stack.addWidget(self.table)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(self.log_button)
        bar.addWidget(self.summary_label, 1)
        bar.addWidget(self.view_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

    def load(self, client_id: int) -> None:
        self.show_timeline(client_id, data.timeline(client_id))

    def show_timeline(self, client_id: int, timeline: data.Timeline) -> None:
        """Show the client's ``timeline`` (as ``desktop_crm.read.followups.timeline`` reads it)."""
        self.client_id = client_id
        self.timeline_data = timeline
        self.timeline.set_timeline(timeline, clock_now())
        self.model.set_rows(_rows(timeline))
        count = len(timeline.follow_ups)
        open_steps = sum(1 for c in timeline.follow_ups for s in c.next_steps if not s.done)
        open_steps += len(timeline.loose_steps)
        self.summary_label.setText(
            self.tr("{count} follow-ups, newest first · open next steps: {open}").format(
                count=count, open=open_steps
            )
            if count or open_steps
            else self.tr("No follow-ups logged yet: log the first one and set the next step.")
        )

    # --- actions -------------------------------------------------------------------------------
    def log_follow_up(self, contact_ids: tuple[int, ...] = ()) -> int | None:
        if self.client_id is None:
            return None
        new_id = actions.log_follow_up(self, self.client_id, contact_ids)
        if new_id is not None:
            self._after_change()
        return new_id

    def complete_step(self, step_id: int) -> int | None:
        new_id = actions.log_follow_up(self, completes_step_id=step_id)
        if new_id is not None:
            self._after_change()
        return new_id

    def show_attachments(self, follow_up_id: int, dropped: list | None = None) -> None:
        """The follow-up's attachments in a dialog (add, drop, open, remove); files ``dropped`` on its card
        are attached in that dialog as it opens."""
        from ... import prompts
        from ...attachments.panel import AttachmentsDialog

        cards = self.timeline_data.follow_ups if self.timeline_data is not None else []
        card = next((c for c in cards if c.id == follow_up_id), None)
        when = fmt.short_datetime(card.happened_at) if card is not None else ""
        dialog = AttachmentsDialog(
            self, "follow_up", follow_up_id, self.tr("Follow-up {when}").format(when=when)
        )
        if dropped:
            dialog.panel.add_files(dropped)
        prompts.run_modal(dialog)
        if self.client_id is not None:
            self.load(self.client_id)

    def _after_change(self) -> None:
        if self.client_id is not None:
            self.load(self.client_id)
        self.sig_follow_ups_changed.emit()

    # --- slots ---------------------------------------------------------------------------------
    def _on_log_clicked(self) -> None:
        self.log_follow_up()

    def _on_view_button_toggled(self, table: bool) -> None:
        self.stack.setCurrentWidget(self.table if table else self.timeline)
