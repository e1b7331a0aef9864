"""Pause Python's cyclic garbage collector during a bulk job (an import of 100,000 rows).

A full collection walks every live object while holding the interpreter lock; during a bulk job that
creates millions of short-lived objects it runs several times, and each run stops the window's thread
for a tenth of a second or more. Reference counting still frees almost everything at once; the
collector only finds cycles, which can wait until the job ends. Nested and concurrent pauses are
counted: the collector comes back when the last one ends (if it was on before the first).
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_lock = threading.Lock()
_depth = 0
_was_enabled = True


@contextmanager
def gc_paused() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


def without_gc(func: Callable[P, R]) -> Callable[P, R]:
    """Decorator: run ``func`` with the collector paused (see :func:`gc_paused`)."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with gc_paused():
            return func(*args, **kwargs)

    return wrapper


def paused() -> bool:
    """Whether a bulk job has the collector paused now (a scheduled collection should wait)."""
    with _lock:
        return _depth > 0
