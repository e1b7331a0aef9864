"""The base of every page: a header (title, subtitle) over the page's content, and ``refresh()``.

A page names the entities (table names) it shows in ``watches``; when one of them changes (any page,
the worker, an import...), a visible page refreshes itself and a hidden one is refreshed when it is next
shown (``ui.changes.Freshness``). No F5 needed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..a11y import prepare_if_changed
from ..changes import ChangeSet, Freshness, bus


class Page(QWidget):
    """A page of the main window. Subclasses set ``key`` and ``watches`` and implement ``title()`` and
    ``refresh()``; ``on_data_changed`` may refresh less than the whole page."""

    key = ""
    watches: ClassVar[frozenset[str]] = frozenset()  # the tables whose changes this page shows
    # Methods that reload everything the page shows besides ``refresh`` (a page's own writes call them):
    # a change committed before one of them runs needs no second reload.
    reloads: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in ("refresh", *cls.reloads):  # F5, the window, the page itself: fresh from here on
            if name in cls.__dict__:
                setattr(cls, name, _marking_fresh(cls.__dict__[name]))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{self.key}")
        self.freshness = Freshness(self, self.watches, self.on_data_changed) if self.watches else None
        if self.freshness is not None:
            bus().sig_changed.connect(self._on_bus_changed)  # ends with this page
        self._a11y_pending = False  # shown, its accessibility walk still to run (after its paint)
        self._a11y_scheduled = False  # … and asked for on the next turn
        self.page_layout = QVBoxLayout(self)
        self.page_layout.setContentsMargins(28, 22, 28, 22)
        self.page_layout.setSpacing(16)
        self.title_label = QLabel(self.title(), self)
        self.title_label.setObjectName("pageTitle")
        self.subtitle_label = QLabel(self)
        self.subtitle_label.setObjectName("pageSubtitle")
        self.subtitle_label.setWordWrap(True)
        header = QVBoxLayout()
        header.setSpacing(2)
        header.addWidget(self.title_label)
        header.addWidget(self.subtitle_label)
        self.page_layout.addLayout(header)

    def _on_bus_changed(self, change_set: ChangeSet) -> None:
        if self.freshness is not None:
            self.freshness.on_changed(change_set)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.freshness is not None:
            self.freshness.shown()  # a change that arrived while hidden reloads it now
        # Accessible names and Tab in reading order (ui.a11y), again only when widgets were added or
        # removed since (a walk of a whole page, 7 ms for the dashboard's, is not repeated at each visit;
        # a page may prepare itself ahead while hidden and idle): once the page is painted, on the next
        # turn of the event loop. Walked before the paint, it lengthened the turn that builds, shows and
        # paints a page on its first visit (the dashboard's: 55 -> 47 ms); a Tab pressed sooner prepares it
        # at once (``focusNextPrevChild``).
        self._a11y_pending = True

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if self._a11y_pending and not self._a11y_scheduled:
            self._a11y_scheduled = True
            QTimer.singleShot(0, self, self._prepare_after_paint)

    def _prepare_after_paint(self) -> None:
        self._a11y_pending = self._a11y_scheduled = False
        prepare_if_changed(self)

    def accessibility_prepared(self) -> bool:
        """Whether the page's accessible names and Tab order were prepared since it was last shown (a turn
        after its paint)."""
        return not self._a11y_pending

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt's names)
        prepare_if_changed(self)  # controls added since the page was shown: Tab still follows reading order
        return super().focusNextPrevChild(next)

    def title(self) -> str:
        raise NotImplementedError

    def busy(self) -> bool:
        """Whether the page is still reading or drawing what it shows: the window's idle-time imports
        wait meanwhile (they would take turns at the interpreter lock with it)."""
        return False

    def refresh(self) -> None:
        """Reload what the page shows from the database."""
        raise NotImplementedError

    def on_data_changed(self, changes: ChangeSet) -> None:
        """Something this page ``watches`` changed (the page is visible): reload it."""
        self.refresh()


def _marking_fresh(refresh: Callable[..., Any]) -> Callable[..., Any]:
    if getattr(refresh, "_marks_fresh", False):
        return refresh

    @functools.wraps(refresh)
    def wrapper(self: Page, *args: Any, **kwargs: Any) -> Any:
        freshness = getattr(self, "freshness", None)
        if freshness is not None:
            freshness.mark_fresh()
        return refresh(self, *args, **kwargs)

    wrapper._marks_fresh = True  # type: ignore[attr-defined]
    return wrapper
