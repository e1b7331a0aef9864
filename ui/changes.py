"""The core's change announcements as one Qt signal on the GUI thread, coalesced per event-loop turn.

``desktop_crm.changes`` calls its subscribers on the thread that committed (the GUI thread or the
database worker). :class:`ChangeBus` collects those batches and, on the next turn of the GUI event loop,
emits ``sig_changed(ChangeSet)`` once with everything committed since: a hundred writes in one turn (or
one import of a hundred rows) make one refresh per page, not a hundred. Commits by other programs (the
command line's import while the window is open, a second window on the same file) are noticed by a check
every second (``desktop_crm.changes.announce_outside_writes``) and announced coarsely: on a file every page
reloads; on a team database the tables the other machines wrote are named (their notifications), so only
the pages showing them reload.

Widgets follow data with :class:`Freshness`: it names the entities a widget shows, reloads the widget
when one of them changed while it is visible, and marks it stale while it is hidden (reloaded when it is
shown again). ``ui.pages.base.Page`` sets one up from the page's ``watches``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import cast

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from desktop_crm import changes
from desktop_crm.changes import EVERYTHING, Change, Kind

log = logging.getLogger(__name__)
# How often the open file is checked for commits by other programs (one PRAGMA, microseconds).
OUTSIDE_POLL_MS = 1000

# Groups of tables (``desktop_crm.changes`` entities) that pages show, for their ``watches``.
# What the KPI figures, goal actuals and the weekly form's numbers are computed from:
KPI_SOURCES = frozenset(
    {
        "client",
        "contact",
        "follow_up",
        "follow_up_contact",
        "next_step",
        "opportunity",
        "opportunity_contact",
        "contract",
        "payment",
        "payment_instalment",
        "service_record",
        "referral",
        "stance_change",
        "user",
        "setting",
    }
)
# What the client page shows of one client (its sections) beyond the KPI sources:
CLIENT_RECORD = KPI_SOURCES | {
    "attachment",
    "client_dossier",
    "dossier_note",
    "client_milestone",
    "client_tag",
    "tag",
    "custom_field_def",
    "custom_field_value",
}
GOALS = frozenset({"goal", "goal_target", "goal_action", "goal_action_client", "goal_client"})
WEEKLY = frozenset(
    {
        "weekly_form",
        "weekly_collection_item",
        "weekly_plan_item",
        "weekly_score",
        "weekly_criterion_score",
        "annotation",
    }
)


@dataclass(frozen=True)
class ChangeSet:
    """Everything committed since the previous ``sig_changed``; ``seq``: the bus's count of committed
    batches when it was emitted (see :meth:`Freshness.mark_fresh`)."""

    changes: tuple[Change, ...]
    seq: int

    @property
    def entities(self) -> frozenset[str]:
        return frozenset(c.entity for c in self.changes)

    def touches(self, entities: Iterable[str]) -> bool:
        """Whether any of ``entities`` (table names) may have changed."""
        mine = self.entities
        return EVERYTHING in mine or not mine.isdisjoint(entities)

    def ids(self, entity: str) -> frozenset[int] | None:
        """The changed ids of ``entity``; None when not known (a coarse change: any rows)."""
        found: set[int] = set()
        for c in self.changes:
            if c.entity == EVERYTHING or (c.entity == entity and c.coarse):
                return None
            if c.entity == entity:
                found |= c.ids
        return frozenset(found)


class ChangeBus(QObject):
    """Emits ``sig_changed(ChangeSet)`` on the GUI thread after writes committed on any thread."""

    sig_changed = Signal(object)
    _sig_arrived = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._pending: list[Change] = []
        self._scheduled = False
        self._seq = 0
        # Queued even from the GUI thread: the flush runs on the next event-loop turn, after the caller
        # has finished what it was doing (and after any other write of the same turn).
        self._sig_arrived.connect(self._flush, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = changes.subscribe(self._on_committed)
        # Commits by other programs (the command line's import, a second window) are announced too.
        self._outside_timer = QTimer(self)
        self._outside_timer.setInterval(OUTSIDE_POLL_MS)
        self._outside_timer.timeout.connect(self._poll_outside)
        self._outside_timer.start()

    @property
    def seq(self) -> int:
        """How many batches have been committed so far (any thread)."""
        return self._seq

    def close(self) -> None:
        self._outside_timer.stop()
        self._unsubscribe()
        changes.stop_watching_outside_writes()

    def pause_outside_watch(self, paused: bool) -> None:
        """Stop watching the file for other programs' commits (its connection closed) while the window
        converts it (``ui.encryption_ui``: the file must be closed everywhere), or start again."""
        if paused:
            self._outside_timer.stop()
            changes.stop_watching_outside_writes()
        else:
            self._outside_timer.start()

    def _poll_outside(self) -> None:
        try:
            changes.announce_outside_writes()  # publishes to _on_committed when another program wrote
        except Exception:  # a closed or vanished file: asked again at the next tick
            log.debug("outside-write check failed", exc_info=True)

    def _on_committed(self, batch: tuple[Change, ...]) -> None:  # any thread
        with self._lock:
            self._pending.extend(batch)
            self._seq += 1
            if self._scheduled:
                return
            self._scheduled = True
        self._sig_arrived.emit()

    def _flush(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, []
            self._scheduled = False
            seq = self._seq
        if pending:
            self.sig_changed.emit(ChangeSet(_merged(pending), seq))


def _merged(pending: list[Change]) -> tuple[Change, ...]:
    """One change per (entity, kind): ids united, coarse when any of them was."""
    merged: dict[tuple[str, str], frozenset[int] | None] = {}
    for c in pending:
        key = (c.entity, c.kind)
        before = merged.get(key, frozenset())
        merged[key] = None if before is None or c.coarse else before | c.ids
    return tuple(
        Change(entity, frozenset() if ids is None else ids, cast(Kind, kind))
        for (entity, kind), ids in merged.items()
    )


_bus: ChangeBus | None = None


def bus() -> ChangeBus:
    """The application's one bus (created on first use, on the GUI thread)."""
    global _bus
    if _bus is None:
        _bus = ChangeBus()
    return _bus


class Freshness:
    """Keeps ``widget`` in step with the data: when a change touching ``entities`` arrives, calls
    ``reload(change_set)`` if the widget is visible, else remembers it is stale and reloads it when it
    is shown. A reload started after the change committed (:meth:`mark_fresh`) makes the call needless.

    A plain object, not a QObject child of the widget: a Python QObject child was destroyed with the
    widget's children and crashed Qt now and then (``setParent_helper`` in ``~QObject``). The owner (a
    QObject, so the connection ends with it) relays the bus: ``bus().sig_changed.connect(owner_slot)``
    where the slot calls :meth:`on_changed`; a page calls :meth:`shown` from its ``showEvent``."""

    def __init__(
        self,
        widget: QWidget,
        entities: Iterable[str],
        reload: Callable[[ChangeSet], None],
        *,
        even_hidden: bool = False,
    ) -> None:
        self.widget = widget
        self.even_hidden = even_hidden  # cheap reloads (a status count): run while hidden too
        self.entities = frozenset(entities)
        self._reload = reload
        self.stale: ChangeSet | None = None
        self._fresh_seq = bus().seq

    def mark_fresh(self) -> None:
        """The widget is (re)loading now: what committed so far will be in it."""
        self._fresh_seq = bus().seq
        self.stale = None

    def shown(self) -> None:
        """The widget was just shown: reload it if a change arrived while it was hidden."""
        if self.stale is not None:
            # After the show: whoever showed it may refresh it right away (then it is fresh already).
            QTimer.singleShot(0, self.widget, self._reload_if_stale)

    def _reload_if_stale(self) -> None:
        if self.stale is not None and shiboken6.isValid(self.widget) and self.widget.isVisible():
            self._run(self.stale)

    def on_changed(self, change_set: ChangeSet) -> None:
        """A batch from the bus (relayed by the owner)."""
        if change_set.seq <= self._fresh_seq or not change_set.touches(self.entities):
            return
        if not shiboken6.isValid(self.widget):
            return
        if self.even_hidden or self.widget.isVisible():
            self._run(change_set)
        else:
            self.stale = _united(self.stale, change_set)

    def _run(self, change_set: ChangeSet) -> None:
        self.mark_fresh()
        self._reload(change_set)
        # What the reload itself wrote (a first-time seed) is in what it shows: no second reload.
        self.mark_fresh()


def _united(before: ChangeSet | None, after: ChangeSet) -> ChangeSet:
    if before is None:
        return after
    return ChangeSet(_merged([*before.changes, *after.changes]), after.seq)
