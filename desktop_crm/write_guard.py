"""Every write transaction goes through here: ``BEGIN IMMEDIATE``, the read-only / checking gate, the
busy-retry hook and the mapping of storage failures to coded errors.

- ``BEGIN IMMEDIATE`` takes the write lock when the transaction starts, so SQLite's busy timeout is
  honoured (a deferred transaction that later upgrades to a writer fails at once with "database is
  locked" when another program holds the lock). Nested calls are savepoints of the outer transaction.
- When the database is open read-only, or its integrity check has not finished (or failed), writes are
  refused before anything starts: :func:`set_write_refusal`.
- When the lock outlasts the busy timeout, a handler installed by the interface
  (:func:`set_busy_handler`) may ask the user whether to retry; the transaction had not begun, so
  retrying runs the whole action again. Without a handler (the command line, worker threads) the
  caller gets :class:`DatabaseBusyError`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from .errors import CrmError
from .storage_errors import (
    DatabaseBusyError,
    DatabaseCheckingError,
    DatabaseDamagedError,
    DatabaseReadOnlyError,
    storage_error,
)

BusyHandler = Callable[[DatabaseBusyError], bool]

_refusal: str | None = None  # None, "read_only", "checking" or "damaged"
_busy_handler: BusyHandler | None = None
_handler_thread: int | None = None


def set_write_refusal(reason: str | None) -> None:
    """Refuse every write from now on (``"read_only"``, ``"checking"``, ``"damaged"``) or allow them."""
    global _refusal
    if reason not in (None, "read_only", "checking", "damaged"):
        raise ValueError(f"unknown reason: {reason!r}")
    _refusal = reason


def write_refusal() -> str | None:
    return _refusal


def set_busy_handler(handler: BusyHandler | None) -> None:
    """``handler(error) -> retry?`` is asked on the thread that installs it (the GUI thread) only."""
    global _busy_handler, _handler_thread
    _busy_handler = handler
    _handler_thread = threading.get_ident() if handler is not None else None


def check_writable() -> None:
    """Raise the coded error when writes are refused at the moment."""
    from .models import database

    path = str(getattr(database.obj, "crm_path", "") or "")
    if _refusal == "read_only":
        raise DatabaseReadOnlyError("db.read_only", path=path)
    if _refusal == "checking":
        raise DatabaseCheckingError("db.checking", path=path)
    if _refusal == "damaged":
        raise DatabaseDamagedError("db.damaged_in_use", path=path)


@contextmanager
def _one_attempt() -> Iterator[None]:
    from .models import database

    try:
        with database.atomic("IMMEDIATE"):
            yield
    except CrmError:
        raise
    except Exception as exc:
        error = storage_error(exc)
        if error is None:
            raise
        raise error from exc


def run_in_write_transaction(fn: Callable[[], Any]) -> Any:
    """Run ``fn`` in one write transaction (a savepoint when one is already open), with the gate,
    ``BEGIN IMMEDIATE``, busy retries through the installed handler and coded storage errors."""
    from .models import database

    if database.obj is not None and database.transaction_depth() > 0:
        with database.atomic():  # nested: a savepoint of the outer write transaction
            return fn()
    while True:
        check_writable()
        try:
            with _one_attempt():
                return fn()
        except DatabaseBusyError as busy:
            handler = _busy_handler
            if handler is None or _handler_thread != threading.get_ident() or not handler(busy):
                raise


@contextmanager
def write_transaction() -> Iterator[None]:
    """A ``with`` block in one write transaction (no busy retry: a block cannot be re-run; use
    :func:`run_in_write_transaction` for that)."""
    from .models import database

    if database.obj is not None and database.transaction_depth() > 0:
        with database.atomic():
            yield
        return
    check_writable()
    with _one_attempt():
        yield
