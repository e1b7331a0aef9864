"""Every write transaction goes through here: ``BEGIN IMMEDIATE``, the read-only / checking gate, the
busy-retry hook and the mapping of storage failures to coded errors.

- ``BEGIN IMMEDIATE`` takes the write lock when the transaction starts, so SQLite's busy timeout is
  honoured (a deferred transaction that later upgrades to a writer fails at once with "database is
  locked" when another program holds the lock). Nested calls are savepoints of the outer transaction.
- When the database is open read-only, or its integrity check has not finished (or failed), writes are
  refused before anything starts: :func:`set_write_refusal`.
- When the lock outlasts the busy timeout, a handler installed by the interface
  (:func:`set_busy_handler`) may ask the user whether to retry; the transaction had not begun (the
  lock is taken by ``BEGIN IMMEDIATE``, before the action runs), so retrying simply begins again.
  Without a handler (the command line, worker threads) the caller gets :class:`DatabaseBusyError`.
- What the transaction changed is logged on its connection and published after the outermost commit
  (:mod:`desktop_crm.changes`); a rollback publishes nothing. On a team database the session's backend
  pid is noted, so the change notifications of its commits are not taken for another machine's
  (:mod:`desktop_crm.postgres.listen`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from . import changes
from .engine import is_postgres, raw_connection
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


def _ask_retry(error: DatabaseBusyError) -> bool:
    handler = _busy_handler
    return handler is not None and _handler_thread == threading.get_ident() and handler(error)


def _mapped(exc: BaseException) -> BaseException:
    if isinstance(exc, CrmError) or not isinstance(exc, Exception):
        return exc
    return storage_error(exc) or exc


def _begin() -> Any:
    """Enter the outermost write transaction (``BEGIN IMMEDIATE``), waiting for the lock up to the busy
    timeout and then asking the busy handler; returns the entered peewee context."""
    from .models import database

    while True:
        check_writable()
        context = database.atomic("IMMEDIATE")
        try:
            context.__enter__()
        except Exception as exc:
            error = _mapped(exc)
            if isinstance(error, DatabaseBusyError) and _ask_retry(error):
                continue  # nothing had begun: begin again
            if error is exc:
                raise
            raise error from exc
        return context


@contextmanager
def write_transaction() -> Iterator[None]:
    """A ``with`` block in one write transaction: ``BEGIN IMMEDIATE`` (a savepoint when a transaction
    is already open), the read-only/checking gate, Retry through the busy handler before the block runs,
    and storage failures raised as their coded error (the real cause, not "cannot rollback")."""
    from .models import database

    if database.obj is not None and database.transaction_depth() > 0:
        with database.atomic():  # nested: a savepoint of the outer write transaction
            yield
        return
    context = _begin()
    conn = raw_connection()
    if is_postgres():  # its commits are announced here, not again by the team database's watch
        from .postgres.listen import note_own_session

        note_own_session(database.connection())
    try:
        changes.prepare(conn)  # the connection's change log, empty (desktop_crm.changes)
        yield
        batch = changes.collect(conn)
    except BaseException as exc:
        try:
            context.__exit__(type(exc), exc, exc.__traceback__)
        except Exception as failed_rollback:  # SQLite had rolled back already (a full disk...)
            error = _mapped(failed_rollback)
            if error is failed_rollback:
                error = _mapped(exc)
            raise error from exc
        error = _mapped(exc)
        if error is exc:
            raise
        raise error from exc
    else:
        watch = changes.watching()  # commits by other programs told apart from this one (changes.py)
        if watch is not None:
            watch.before_commit()
        try:
            context.__exit__(None, None, None)
        except Exception as exc:
            error = _mapped(exc)
            if error is exc:
                raise
            raise error from exc
        finally:
            if watch is not None:
                watch.after_commit()
        changes.publish(batch)  # committed: tell the subscribers what changed


def run_in_write_transaction(fn: Callable[[], Any]) -> Any:
    """Run ``fn`` in one write transaction (see :func:`write_transaction`)."""
    with write_transaction():
        return fn()
