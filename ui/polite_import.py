"""Background imports that leave the window's thread its turn at the interpreter lock.

The window imports what it does not need for its first paint on background threads (the other pages'
modules, matplotlib for the charts). An import is mostly short steps that let go of the interpreter
lock (finding, reading and checking each module's files), and the importing thread, running, takes the
lock back each time before the window's thread, woken up, can: measured on the large demo, the window's
thread then waited 40-100 ms at a time for its turn, a visible stall with nothing else to do.

Inside :func:`polite_imports`, the importing thread paces (:mod:`desktop_crm.pacing`): it sleeps for a
millisecond at the start of a module's import whenever it has run for ``SLICE_S`` since its last pause:
the window's thread, if it is waiting, gets the lock then. The imports take a few per cent longer.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.machinery import ModuleSpec
from typing import Any

from desktop_crm import pacing


class _Pauser:
    """A finder that finds nothing: asked first for every module not imported yet, it only pauses the
    importing thread when that thread's slice is used up (threads outside :func:`polite_imports` pass)."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
        pacing.pace()
        return None

    def invalidate_caches(self) -> None:
        pass


_pauser = _Pauser()
_install_lock = threading.Lock()


@contextmanager
def polite_imports() -> Iterator[None]:
    """Imports made by this thread meanwhile pause now and then (on the main thread: nothing changes)."""
    if threading.current_thread() is threading.main_thread():
        yield
        return
    with _install_lock:
        if _pauser not in sys.meta_path:
            sys.meta_path.insert(0, _pauser)
    outer = pacing.enable()
    try:
        yield
    finally:
        pacing.restore(outer)
