"""The follow-up chain of one client as a timeline, newest first (链式跟单).

Each follow-up card shows its time, channel, purpose, contacts, deal and summary, the step it answered,
and under it the next step it set: due time, bucket, plan type and whether it is open, overdue or done.
A done step links to the follow-up that completed it (above it); an open one has a Complete button.
Open steps that no follow-up set (planned by hand, imported) come first.

A card is a handful of widgets (5–10 ms each to build and lay out), so a client with a hundred follow-ups
shows the newest ``PAGE_CARDS`` first and a "Show older follow-ups" button that adds ``MORE_CARDS`` more: opening
the client does not build a hundred cards on the GUI thread (the Table view lists every one at once).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop_crm.read.followups import FollowUpCard, StepCard, Timeline

from ... import fmt
from ...a11y import scaled_css
from ...attachments.drops import FileDropFilter
from ...labels import label

MAX_CARDS = 100
PAGE_CARDS = 5  # cards built when the timeline is shown (the first screen shows about three)
MORE_CARDS = 10  # cards "Show older follow-ups" adds
CHANNEL_COLORS = {
    "call": "#2d6cdf",
    "sms": "#7b61c9",
    "visit": "#1e8a5a",
    "wechat": "#2aa44f",
    "email": "#b26a00",
    "meeting": "#c2453b",
}
STATUS_STYLE = {
    "open": ("#e7eefc", "#2d5bb9"),
    "overdue": ("#f9dcd9", "#a02a22"),
    "done": ("#e4f6ea", "#1e7b4c"),
}


def _pill(text: str, background: str, color: str) -> str:
    return (
        f'<span style="background:{background}; color:{color}; font-weight:600;">'
        f"&nbsp;{html.escape(text)}&nbsp;</span>"
    )


class FollowUpTimeline(QScrollArea):
    """``set_timeline(timeline, now)``; emits ``sig_complete_requested(step id)``."""

    sig_complete_requested = Signal(int)
    sig_attachments_requested = Signal(int)  # follow-up id (slice attach)
    sig_files_dropped = Signal(int, list)  # follow-up id, the files dropped on its card (slice attach)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpTimeline")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QWidget(self)
        self.body.setObjectName("timelineBody")
        self.setStyleSheet(
            "QScrollArea#followUpTimeline, QWidget#timelineBody { background: transparent; }"
            "QFrame#followUpCard { background: #ffffff; border: 1px solid #dde3ec; border-radius: 8px; }"
            "QFrame#stepCard { background: #f6f8fb; border: 1px solid #dde3ec; border-radius: 6px; }"
            "QFrame#stepCard[status='overdue'] { background: #fff5f4; border-color: #f1c4bf; }"
            "QFrame#stepCard[status='done'] { background: #f6fbf7; }"
            "QLabel { background: transparent; }"
            + "".join(
                f"QFrame#followUpCard[channel='{channel}'] {{ border-left: 4px solid {color}; }}"
                for channel, color in CHANNEL_COLORS.items()
            )
            + "QFrame#followUpCard[channel='other'] { border-left: 4px solid #555555; }"
        )
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 8, 8)
        self.body_layout.setSpacing(0)
        self.setWidget(self.body)
        self.cards: dict[int, QFrame] = {}  # follow-up id -> card
        self.complete_buttons: dict[int, QPushButton] = {}  # step id -> button
        self.order: list[tuple[str, int]] = []  # ("follow_up" | "step", id) top to bottom
        self.file_counts: dict[int, int] = {}  # follow-up id -> attachments
        self.file_buttons: dict[int, QPushButton] = {}  # follow-up id -> its attachments button
        # Owned by this attribute, not a child (see deals_section): files dropped on a card are attached to it.
        self.drops = FileDropFilter()
        self.drops.sig_dropped.connect(self._on_drops_dropped)
        self.cards_box: QWidget | None = None  # the follow-up cards, built a page at a time
        self.more_button: QPushButton | None = None
        self._pending: list[FollowUpCard] = []  # cards still to build
        self._now = datetime.min
        self._times: dict[int, datetime] = {}

    # --- public --------------------------------------------------------------------------------
    def set_timeline(self, timeline: Timeline, now: datetime) -> None:
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # out of sight now: deleted only when the event loop next runs
                item.widget().deleteLater()
        self.cards.clear()
        self.complete_buttons.clear()
        self.file_buttons.clear()
        self.order.clear()
        times = {card.id: card.happened_at for card in timeline.follow_ups}
        self._now, self._times = now, times
        self.file_counts = dict(timeline.file_counts)
        if timeline.loose_steps:
            self._add_heading(self.tr("Planned next steps"))
            for step in timeline.loose_steps:
                self.body_layout.addWidget(self._step_card(step, now, times, self.body))
                self.body_layout.addSpacing(6)
            self.body_layout.addSpacing(8)
        self.cards_box = QWidget(self.body)
        self.cards_box.setObjectName("timelineCards")
        cards_layout = QVBoxLayout(self.cards_box)
        cards_layout.setContentsMargins(0, 0, 0, 0)
        cards_layout.setSpacing(10)
        self.body_layout.addWidget(self.cards_box)
        shown = timeline.follow_ups[:MAX_CARDS]
        self._pending = list(shown[PAGE_CARDS:])
        for card in shown[:PAGE_CARDS]:
            cards_layout.addWidget(self._follow_up_card(card, now, times, self.cards_box))
        self.more_button = QPushButton(self.body)
        self.more_button.setObjectName("olderFollowUpsButton")
        self.more_button.clicked.connect(self._on_more_button_clicked)
        self.body_layout.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self._update_more_button()
        hidden = len(timeline.follow_ups) - MAX_CARDS
        if hidden > 0:
            more = QLabel(self.tr("{count} older follow-ups are not shown.").format(count=hidden), self.body)
            more.setObjectName("hint")
            self.body_layout.addWidget(more)
        self.body_layout.addStretch(1)

    def is_complete(self) -> bool:
        """Whether every card is built (the later ones are built a few per turn of the event loop)."""
        return not self._pending

    def finish(self) -> None:
        """Build the cards still pending, now."""
        self._build_more(len(self._pending))

    def _build_more(self, count: int = MORE_CARDS) -> None:
        if self.cards_box is None or not self._pending:
            return
        layout = self.cards_box.layout()
        batch, self._pending = self._pending[:count], self._pending[count:]
        for card in batch:
            layout.addWidget(self._follow_up_card(card, self._now, self._times, self.cards_box))
        self._update_more_button()

    def _update_more_button(self) -> None:
        if self.more_button is None:
            return
        self.more_button.setText(
            self.tr("Show older follow-ups ({count})").format(count=fmt.number(len(self._pending)))
        )
        self.more_button.setVisible(bool(self._pending))

    def _on_more_button_clicked(self) -> None:
        self._build_more()

    def scroll_to(self, follow_up_id: int) -> None:
        if follow_up_id not in self.cards:
            self.finish()
        card = self.cards.get(follow_up_id)
        if card is not None:
            self.ensureWidgetVisible(card, 0, 40)

    def texts(self) -> list[str]:
        """The plain text of every card top to bottom (what a reader sees), for tests."""
        self.finish()
        found = []
        for kind, item_id in self.order:
            frame = self.cards.get(item_id) if kind == "follow_up" else self._step_frames[item_id]
            parts = (
                QTextDocumentFragment.fromHtml(lbl.text()).toPlainText() for lbl in frame.findChildren(QLabel)
            )
            found.append(" | ".join(parts))
        return found

    # --- cards ---------------------------------------------------------------------------------
    def _add_heading(self, text: str) -> None:
        heading = QLabel(f"<b>{html.escape(text)}</b>", self.body)
        self.body_layout.addWidget(heading)
        self.body_layout.addSpacing(4)

    def _follow_up_card(
        self, card: FollowUpCard, now: datetime, times: dict[int, datetime], parent: QWidget
    ) -> QFrame:
        frame = QFrame(parent)
        frame.setObjectName("followUpCard")
        color = CHANNEL_COLORS.get(card.channel, "#555555")
        frame.setProperty("channel", card.channel if card.channel in CHANNEL_COLORS else "other")
        self.cards[card.id] = frame
        self.order.append(("follow_up", card.id))
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(4)
        parts = [
            f"<b>{html.escape(fmt.short_datetime(card.happened_at))}</b>",
            _pill(label("channel", card.channel), color, "#ffffff"),
        ]
        if card.duration_minutes:
            parts.append(html.escape(self.tr("{minutes} min").format(minutes=card.duration_minutes)))
        parts.append(_pill(label("plan_type", card.purpose), "#eef1f6", "#3a4656"))
        head = QLabel("&nbsp;&nbsp;".join(parts), frame)
        head.setObjectName("followUpHead")
        layout.addWidget(head)
        facts = []
        if card.contacts:
            facts.append(self.tr("With {names}").format(names=", ".join(card.contacts)))
        if card.opportunity:
            facts.append(self.tr("Deal: {name}").format(name=card.opportunity))
        for step in card.answers:
            what = step.title or label("plan_type", step.plan_type)
            facts.append(self.tr("✓ Completes “{what}”").format(what=what))
        if facts:
            line = QLabel(html.escape("   ·   ".join(facts)), frame)
            line.setObjectName("hint")
            line.setWordWrap(True)
            layout.addWidget(line)
        if card.summary:
            summary = QLabel(card.summary if len(card.summary) <= 600 else card.summary[:600] + "…", frame)
            summary.setTextFormat(Qt.TextFormat.PlainText)
            summary.setWordWrap(True)
            summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(summary)
        for step in card.next_steps:
            layout.addSpacing(2)
            layout.addWidget(self._step_card(step, now, times, frame))
        layout.addLayout(self._files_row(card.id, frame))
        frame.setProperty("followUpId", card.id)
        self.drops.watch(frame)
        return frame

    def _on_drops_dropped(self, card: QWidget, files: list, _position: object) -> None:
        follow_up_id = card.property("followUpId")
        if follow_up_id is not None:
            self.sig_files_dropped.emit(int(follow_up_id), files)

    def _files_row(self, follow_up_id: int, frame: QFrame) -> QHBoxLayout:
        """The follow-up's attachments button (recordings, e-mails, chat exports...)."""
        count = self.file_counts.get(follow_up_id, 0)
        button = QPushButton(
            self.tr("Attachments ({count})…").format(count=count) if count else self.tr("Attach files…"),
            frame,
        )
        button.setObjectName("followUpFilesButton")
        self.file_buttons[follow_up_id] = button
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(lambda _checked=False: self.sig_attachments_requested.emit(follow_up_id))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        return row

    @property
    def _step_frames(self) -> dict[int, QFrame]:
        return {int(f.property("stepId")): f for f in self.body.findChildren(QFrame, "stepCard")}

    def _step_card(
        self, step: StepCard, now: datetime, times: dict[int, datetime], parent: QWidget
    ) -> QFrame:
        status = "done" if step.done else ("overdue" if step.due_at < now else "open")
        frame = QFrame(parent)
        frame.setObjectName("stepCard")
        frame.setProperty("stepId", step.id)
        frame.setProperty("status", status)
        self.order.append(("step", step.id))
        row = QHBoxLayout(frame)
        row.setContentsMargins(10, 6, 8, 6)
        row.setSpacing(8)
        arrow = QLabel("↳", frame)
        arrow.setStyleSheet(scaled_css("font-size: 1.2em; color: #7a8699;"))
        row.addWidget(arrow)
        statuses = {"open": self.tr("Open"), "overdue": self.tr("Overdue"), "done": self.tr("Done")}
        bucket = "" if step.bucket == "exact" else f" ({label('bucket', step.bucket)})"
        caption = self.tr("Next step")
        parts = [
            f"<b>{html.escape(caption)}</b>",
            html.escape(fmt.short_datetime(step.due_at) + bucket),
            _pill(label("plan_type", step.plan_type), "#eef1f6", "#3a4656"),
        ]
        if step.title:
            parts.append(html.escape(f"“{step.title}”"))
        parts.append(_pill(statuses[status], *STATUS_STYLE[status]))
        text = QLabel("&nbsp;&nbsp;".join(parts), frame)
        text.setObjectName("stepText")
        text.setWordWrap(True)
        row.addWidget(text, 1)
        if step.done and step.completed_by in times:
            link = QLabel(frame)
            link.setObjectName("completedByLink")
            answered = self.tr("↑ answered by the follow-up of {when}").format(
                when=fmt.short_datetime(times[step.completed_by])
            )
            link.setText(f'<a href="#{step.completed_by}">{html.escape(answered)}</a>')
            link.linkActivated.connect(self._on_link_activated)
            row.addWidget(link)
        elif not step.done:
            button = QPushButton(self.tr("Complete…"), frame)
            button.setObjectName("completeStepButton")
            button.clicked.connect(self._complete(step.id))
            self.complete_buttons[step.id] = button
            row.addWidget(button)
        return frame

    def _complete(self, step_id: int) -> Callable[[], None]:
        return lambda: self.sig_complete_requested.emit(step_id)

    # --- slots ---------------------------------------------------------------------------------
    def _on_link_activated(self, href: str) -> None:
        self.scroll_to(int(href.lstrip("#")))
