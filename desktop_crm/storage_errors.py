"""Storage failures as coded errors, in ONE place.

SQLite reports a full disk, an I/O error, a read-only file, a lock held too long or a damaged file
through ``sqlite3`` exceptions, which peewee wraps in its own classes (``peewee.OperationalError``
...). Worse, after a failed write SQLite has often rolled the transaction back already, so peewee's
own ``ROLLBACK`` fails with "cannot rollback - no transaction is active" and *that* is the exception
that reaches the caller, the real cause sitting in its ``__context__``. :func:`storage_error` walks the
whole chain and returns the coded error that names the real cause (or None when the exception is not
a storage failure).
"""

from __future__ import annotations

from typing import Any

from .errors import CrmError


class StorageError(CrmError):
    """The file or the disk under it failed; nothing of the failed change was written."""


class DiskFullError(StorageError):
    """SQLITE_FULL (or ENOSPC on a temporary file): the disk (or the file's size limit) is full."""


class DiskIOError(StorageError):
    """SQLITE_IOERR (or EIO): the disk could not be read or written."""


class DatabaseReadOnlyError(StorageError):
    """A write was attempted on a database open read-only."""


class DatabaseBusyError(StorageError):
    """Another program held the write lock longer than the busy timeout; the action can be retried."""


class DatabaseCheckingError(StorageError):
    """The file's integrity check has not finished yet; writes wait for it."""


class DatabaseDamagedError(StorageError):
    """SQLITE_CORRUPT / a file whose structure is broken."""


class NotADatabaseError(StorageError):
    """A folder, an empty file, or a file that is not an SQLite database."""


class ForeignDatabaseError(StorageError):
    """An SQLite database written by another application: never opened for writing."""


# SQLite primary result codes (the low byte of an extended code) and the error each becomes.
_PRIMARY = {
    13: ("SQLITE_FULL", DiskFullError, "db.disk_full"),
    10: ("SQLITE_IOERR", DiskIOError, "db.io_error"),
    8: ("SQLITE_READONLY", DatabaseReadOnlyError, "db.read_only"),
    5: ("SQLITE_BUSY", DatabaseBusyError, "db.busy"),
    6: ("SQLITE_LOCKED", DatabaseBusyError, "db.busy"),
    11: ("SQLITE_CORRUPT", DatabaseDamagedError, "db.damaged_in_use"),
    26: ("SQLITE_NOTADB", DatabaseDamagedError, "db.damaged_in_use"),
}
# When no error code is attached (peewee re-raised a copy, an old Python): SQLite's messages.
_BY_TEXT = (
    ("database or disk is full", 13),
    ("disk i/o error", 10),
    ("attempt to write a readonly database", 8),
    ("database is locked", 5),
    ("database table is locked", 6),
    ("database disk image is malformed", 11),
    ("file is not a database", 26),
)
# Most telling first: a full disk explains the I/O error and the failed rollback that follow it.
_PRIORITY = (13, 10, 11, 26, 8, 5, 6)


def _sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    for arg in getattr(exc, "args", ()):  # peewee's wrapper keeps the original as its first argument
        if isinstance(arg, BaseException) and arg is not exc:
            inner = _sqlite_code(arg)
            if inner is not None:
                return inner
    text = str(exc).lower()
    return next((code for needle, code in _BY_TEXT if needle in text), None)


def sqlite_primary_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of ``exc`` (5 = SQLITE_BUSY, 13 = SQLITE_FULL ...), or None."""
    return _sqlite_code(exc)


def sqlite_code_name(exc: BaseException) -> str:
    """SQLite's (extended) error name of ``exc`` (``SQLITE_READONLY_DIRECTORY``), or ''."""
    name = getattr(exc, "sqlite_errorname", None)
    if isinstance(name, str):
        return name
    code = _sqlite_code(exc)
    return _PRIMARY[code][0] if code in _PRIMARY else ""


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop(0)
        if item is None or any(item is s for s in seen):
            continue
        seen.append(item)
        todo.extend([item.__cause__, item.__context__])
        todo.extend(a for a in getattr(item, "args", ()) if isinstance(a, BaseException))
    return seen


def _os_error_code(exc: BaseException) -> int | None:
    import errno

    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG):
            return 13
        if exc.errno == errno.EIO:
            return 10
    return None


def storage_error(exc: BaseException, path: Any = "") -> StorageError | None:
    """The coded error naming the real cause of ``exc`` (searched through its whole chain), or None."""
    if isinstance(exc, StorageError):
        return exc
    found: set[int] = set()
    for item in _chain(exc):
        if isinstance(item, StorageError):
            return item
        code = _os_error_code(item)
        if code is None and _is_database_exception(item):
            code = _sqlite_code(item)
        if code is not None:
            found.add(code)
    for code in _PRIORITY:
        if code in found:
            _name, cls, message = _PRIMARY[code]
            error = cls(message, path=str(path or _current_path()))
            error.__cause__ = exc
            return error
    return None


def _is_database_exception(exc: BaseException) -> bool:
    import peewee

    from .driver import sqlite3

    return isinstance(exc, sqlite3.Error | peewee.PeeweeException)


def _current_path() -> str:
    from .models import database

    db = database.obj
    return str(getattr(db, "crm_path", "") or getattr(db, "database", "") or "") if db is not None else ""


def raise_storage_error(exc: BaseException, path: Any = "") -> None:
    """Re-raise ``exc`` as its coded storage error when it is one (else do nothing)."""
    error = storage_error(exc, path)
    if error is not None and error is not exc:
        raise error from exc
