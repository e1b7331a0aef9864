"""The window's memory on Linux (glibc's malloc): one malloc arena, and free memory given back after a read.

glibc gives each thread that allocates an arena of its own (up to eight per core): the window's thread,
the database worker and the idle-time importer each kept the memory they freed for themselves, about
20 MB more resident on the large demo (100,000 clients) for nothing. :func:`limit_malloc_arenas`, called by
the entry point before any thread starts, keeps one arena for all (the interpreter lock lets one thread
run Python at a time anyway: they seldom allocate at the same moment).

A read on the worker (the Clients list's search memo, Today's agenda, the pipeline) fills its connection's
page cache and makes many short-lived rows; when it ends, glibc keeps the freed chunks resident among the
live ones (15-30 MB after the Clients list's first read). :func:`release_free_memory` (``malloc_trim``,
about 1 ms) gives their pages back; the worker calls it when it has no job left.

Elsewhere (Windows, macOS, musl) both do nothing and say so (False): those allocators return memory in
their own way.
"""

from __future__ import annotations

import os
import sys
from typing import Any

M_ARENA_MAX = -8  # glibc's mallopt parameter (malloc.h)

_libc: Any = False  # False: not looked up yet; None: not glibc


def _glibc() -> Any:
    """glibc's ``libc.so.6`` through ctypes, or None elsewhere. Asked of ``confstr`` (instant), not of
    ``platform.libc_ver``, which reads the interpreter's binary (2 ms of the start)."""
    global _libc
    if _libc is False:
        _libc = None
        try:
            version = os.confstr("CS_GNU_LIBC_VERSION") if sys.platform.startswith("linux") else None
        except (ValueError, OSError):
            version = None
        if version and version.startswith("glibc"):
            import ctypes

            try:
                libc = ctypes.CDLL("libc.so.6")
                libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
                libc.malloc_trim.argtypes = [ctypes.c_size_t]
                _libc = libc
            except (OSError, AttributeError):
                _libc = None
    return _libc


def limit_malloc_arenas() -> bool:
    """One malloc arena for every thread (before any thread is started: arenas made earlier stay).
    True when done (glibc), False where it does not apply."""
    libc = _glibc()
    return bool(libc is not None and libc.mallopt(M_ARENA_MAX, 1) == 1)


def release_free_memory() -> bool:
    """Give the pages of freed memory back to the system (glibc's ``malloc_trim``). True when it ran."""
    libc = _glibc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True
