"""The pages of the main window, in navigation order: a lazy registry.

Importing this package imports no page: ``PAGES`` names each page's key, module, class and title, so the
main window can list them (sidebar, View menu) before any is built. ``page_class(key)`` imports one page's
module when it is needed (its first visit, or an idle moment after the first paint). ``PAGE_CLASSES`` is
still available; reading it imports every page.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from desktop_crm.gc_pause import gc_paused

from ..polite_import import polite_imports

if TYPE_CHECKING:
    from .base import Page

log = logging.getLogger(__name__)

# Page modules are imported by one thread at a time (the GUI thread on a visit, or the idle-time preload
# thread): two threads importing parts of the same import cycle could see a half-initialised module.
IMPORT_LOCK = threading.RLock()


@dataclass(frozen=True)
class PageSpec:
    """One page, known without importing it: ``title()`` is translated in the page class's own context
    (the same string its ``title()`` returns through ``self.tr``)."""

    key: str
    module: str
    class_name: str
    source_title: str
    # Built (hidden) once the window has idled a while, so that the first visit only shows it: the
    # dashboard, whose hidden page then also builds its charts' canvases, reads its first view and styles
    # itself, each step in a turn of its own (a first visit doing all that held the window ~100 ms).
    build_when_idle: bool = False

    def title(self) -> str:
        return QCoreApplication.translate(self.class_name, self.source_title)

    @property
    def module_name(self) -> str:
        return importlib.util.resolve_name(self.module, __name__)

    def load(self) -> type[Page]:
        with IMPORT_LOCK:
            module = importlib.import_module(self.module_name)
        cls: type[Page] = getattr(module, self.class_name)
        return cls


PAGES: tuple[PageSpec, ...] = (
    PageSpec("today", ".today.page", "TodayPage", "Today"),
    PageSpec("clients", ".clients.page", "ClientsPage", "Clients"),
    PageSpec("pipeline", ".pipeline.page", "PipelinePage", "Pipeline"),
    PageSpec("goals", ".goals.page", "GoalsPage", "Goals"),
    PageSpec("weekly", ".weekly.page", "WeeklyPage", "Weekly form"),
    PageSpec("dashboard", ".dashboard.page", "DashboardPage", "Dashboard", build_when_idle=True),
    PageSpec("handbook", ".handbook.page", "HandbookPage", "Handbook"),
    PageSpec("settings", ".settings", "SettingsPage", "Settings"),
)
PAGE_KEYS = tuple(spec.key for spec in PAGES)


def page_spec(key: str) -> PageSpec:
    return PAGES[PAGE_KEYS.index(key)]


def page_class(key: str) -> type[Page]:
    """The class of page ``key`` (imports its module on first use)."""
    return page_spec(key).load()


def preload_modules(names: Iterable[str], done: set[str]) -> None:
    """Import ``names`` one after the other (run on a background thread while the window is idle: pure
    Python imports let the GUI thread run every few milliseconds); each name goes into ``done`` once
    imported (or failed: the GUI thread then imports it itself and reports the error).

    The cyclic collector waits meanwhile (``desktop_crm.gc_pause``: the GUI thread's collections would
    walk the heap growing with every module, each a stall of the window), and what the imports made,
    long-lived, is then kept out of later collections (``gc.freeze``)."""
    with gc_paused(), polite_imports():  # the window's thread keeps its turns (ui.polite_import)
        for name in names:
            try:
                with IMPORT_LOCK:
                    importlib.import_module(name)
            except Exception:  # pragma: no cover - reported by the GUI thread's own import
                log.warning("preloading %s failed", name, exc_info=True)
            done.add(name)
        gc.freeze()


def __getattr__(name: str) -> Any:
    if name == "PAGE_CLASSES":  # the old eager tuple: importing every page
        return tuple(spec.load() for spec in PAGES)
    if name == "Page":
        from .base import Page

        return Page
    raise AttributeError(name)


__all__ = ["PAGES", "PAGE_CLASSES", "PAGE_KEYS", "Page", "PageSpec", "page_class", "page_spec"]
