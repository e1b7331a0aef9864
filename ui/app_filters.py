"""The application-wide event filters, installed once, after the main window's first paint.

``ui.input_guard`` (the wheel never changes an unfocused field) and ``ui.combo_popup`` (combo lists drawn
under the style sheet, cut cells' tooltips) watch every event of the application from Python. For each
object an event reaches, PySide makes the Python type of its class, with every enum of that class, the
first time: for the classes of a whole window about 0.1 s, which before the first paint delayed the
window. So the window shows first and :func:`install_application_filters` runs right after its first
paint (``ui.shell``), or before a dialog that comes earlier (``ui.prompts.run_modal``); it catches up on
the widgets polished before it: what the filters would have done to them at their polish, it does now.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtWidgets import QAbstractItemView, QAbstractSpinBox, QApplication, QComboBox, QWidget

_installed = False


def install_application_filters(app: QApplication | None = None) -> None:
    """Install the wheel guard and the combo/cell-tips styler on ``app`` (the running application by
    default) and apply them to the widgets that exist already; once (later calls do nothing)."""
    global _installed
    app = app or QApplication.instance()  # type: ignore[assignment]
    if _installed or not isinstance(app, QApplication):
        return
    from .combo_popup import install_combo_popup_styler
    from .input_guard import install_wheel_guard

    styler = install_combo_popup_styler(app)
    guard = install_wheel_guard(app)
    _installed = True
    for top in app.topLevelWidgets():
        for widget in _polished_kinds(top):
            styler.polish(widget)
            guard.polish(widget)


@contextmanager
def suspended(root_of: list[QWidget]) -> Iterator[None]:
    """Build widgets with the application filters off, then do to them what the filters would have done
    at their polish (to the widget in ``root_of`` when the block ends, and everything in it). Building a
    page sends thousands of events (children added, parents changed, layouts asked for) and each went
    through both filters' Python: 20-30 ms of a page's 50 ms build, for nothing, as widgets are polished
    when shown, not while built."""
    app = QApplication.instance()
    if not _installed or not isinstance(app, QApplication):
        yield
        return
    from .combo_popup import install_combo_popup_styler
    from .input_guard import install_wheel_guard

    styler, guard = install_combo_popup_styler(app), install_wheel_guard(app)
    app.removeEventFilter(guard)
    app.removeEventFilter(styler)
    try:
        yield
    finally:
        app.installEventFilter(styler)  # in the order of install_application_filters
        app.installEventFilter(guard)
        for root in root_of:
            for widget in _polished_kinds(root):
                styler.polish(widget)
                guard.polish(widget)


W = TypeVar("W", bound=QWidget)


def built_suspended(make: Callable[[], W]) -> W:
    """``make()`` (a page, a client's hub, one of its tabs) built with the filters :func:`suspended`."""
    built: list[QWidget] = []
    with suspended(built):
        widget = make()
        built.append(widget)
    return widget


def _polished_kinds(top: QWidget) -> list[QWidget]:
    """``top`` and its descendants that a filter acts on at their polish (done again at theirs if they
    are not polished yet: both filters' actions are idempotent); searched by class in Qt, so the other
    widgets get no Python object (nor their classes a type) now."""
    kinds = (QComboBox, QAbstractSpinBox, QAbstractItemView)
    found: list[QWidget] = [top] if isinstance(top, kinds) else []
    for kind in kinds:
        found.extend(top.findChildren(kind))
    return found


def installed() -> bool:
    return _installed
