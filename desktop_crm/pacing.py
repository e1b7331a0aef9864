"""Long Python work on a background thread that leaves the window's thread its turn at the interpreter lock.

A thread running Python keeps the interpreter lock for up to the switch interval (5 ms) each time another
thread asks for it. The window's thread asks for it at every call from Qt into Python (each cell a table
model gives, each event filter, each slot): with a busy background thread, each such call waits, and a
repaint that makes a few hundred of them freezes the window for a quarter of a second (traced on the
large demo while the Clients page opened and its search texts were read).

A thread that called :func:`enable` (the interface's database worker) sleeps for ``PAUSE_S`` whenever
:func:`pace` finds it has run for ``SLICE_S`` since its last pause: the window's thread, if waiting, runs
meanwhile. Long loops of the core call :func:`pace` every few thousand items; on any other thread it
does nothing. The work takes a few per cent longer.

While the window paints (:func:`hold`, set by the interface around a repaint), :func:`pace` waits until the
paint is over (``HOLD_MAX_S`` at most): a repaint calls into Python once per table cell, and each call
waited for the lock while the worker ran Python (the Clients table's first paints, 5 ms alone, took 30-40
ms while the worker read the search texts).
"""

from __future__ import annotations

import threading
import time

SLICE_S = 0.008
PAUSE_S = 0.001
HOLD_MAX_S = 0.05

_local = threading.local()
_free = threading.Event()  # clear while the window paints (hold)
_free.set()


def hold(on: bool) -> None:
    """The window starts (True) or ends (False) a repaint: pacing threads wait meanwhile in :func:`pace`."""
    if on:
        _free.clear()
    else:
        _free.set()


def enable(on: bool = True) -> float | None:
    """Make :func:`pace` pause this thread now and then (``on=False``: never); the previous state, for
    :func:`restore`."""
    previous: float | None = getattr(_local, "since", None)
    _local.since = time.perf_counter() if on else None
    return previous


def restore(previous: float | None) -> None:
    _local.since = previous


def pace() -> None:
    """Pause this thread briefly if it paces (:func:`enable`) and has run for ``SLICE_S`` since its last pause."""
    since = getattr(_local, "since", None)
    if since is None:
        return
    if not _free.is_set():  # the window paints: let it have the interpreter lock
        _free.wait(HOLD_MAX_S)
        _local.since = time.perf_counter()
    elif time.perf_counter() - since > SLICE_S:
        time.sleep(PAUSE_S)
        _local.since = time.perf_counter()
