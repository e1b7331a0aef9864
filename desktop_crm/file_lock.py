"""One window per database file: an exclusive OS lock on a side file ``<database>.lock``.

The application window holds the lock for as long as it has the file open; a second window on the same
file finds it taken and is told who holds it (process id, host, since when: written in the lock file).
The lock is the operating system's (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows), so a
crashed or killed program releases it by itself: a lock file left behind by a process that is gone is
stale and simply taken over. Two programs writing the same file stay safe without the lock (SQLite
serialises writers; see ``write_guard``); the lock only tells the user.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from . import clock

LOCK_SUFFIX = ".lock"
_REGION = 1  # bytes locked at offset 0 of the lock file (the holder's details follow, unlocked)


@dataclass(frozen=True)
class LockOwner:
    """Who holds the lock, as its holder wrote it (empty when unreadable)."""

    pid: int = 0
    host: str = ""
    since: str = ""

    def describe(self) -> str:
        parts = [f"process {self.pid}" if self.pid else "", f"on {self.host}" if self.host else ""]
        text = " ".join(p for p in parts if p)
        return f"{text}, since {self.since}" if self.since and text else text or "another program"


def lock_path(db_path: str | os.PathLike[str]) -> Path:
    path = Path(db_path)
    return path.with_name(path.name + LOCK_SUFFIX)


def _try_lock(handle: IO[Any]) -> bool:
    handle.seek(0)
    if sys.platform.startswith("win"):  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, _REGION)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: IO[Any]) -> None:
    handle.seek(0)
    if sys.platform.startswith("win"):  # pragma: no cover
        import msvcrt

        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, _REGION)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def read_owner(db_path: str | os.PathLike[str]) -> LockOwner:
    try:
        raw = lock_path(db_path).read_bytes()[_REGION:]
        data = json.loads(raw.decode("utf-8") or "{}")
        return LockOwner(int(data.get("pid", 0)), str(data.get("host", "")), str(data.get("since", "")))
    except (OSError, ValueError, TypeError, AttributeError):
        return LockOwner()


class InstanceLock:
    """The held lock of one database file; :meth:`release` (or closing the program) lets it go."""

    def __init__(self, db_path: Path, handle: IO[Any]) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self._handle: IO[Any] | None = handle

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)  # while still locked: nobody can be waiting on this inode
        with contextlib.suppress(OSError):
            _unlock(handle)
        handle.close()


class LockedElsewhere(Exception):  # noqa: N818 - an outcome, not a failure of this program
    def __init__(self, owner: LockOwner) -> None:
        super().__init__(owner.describe())
        self.owner = owner


def acquire(db_path: str | os.PathLike[str]) -> InstanceLock | None:
    """Take the lock of ``db_path``; raise :class:`LockedElsewhere` when another program holds it.

    Returns None when no lock can be kept here at all (a read-only folder, ``:memory:``): the file is
    then opened without one.
    """
    if os.fspath(db_path) == ":memory:":
        return None
    path = Path(db_path).resolve()
    target = lock_path(path)
    for _attempt in range(5):
        try:
            handle = open(target, "a+b")  # noqa: SIM115 - held open for the program's life
        except OSError:
            return None
        if not _try_lock(handle):
            handle.close()
            raise LockedElsewhere(read_owner(path))
        try:  # the holder we replaced may have removed the file in between: lock the file on disk
            same = os.path.samestat(os.fstat(handle.fileno()), os.stat(target))
        except OSError:
            same = False
        if not same:
            _unlock(handle)
            handle.close()
            continue
        details = {"pid": os.getpid(), "host": socket.gethostname(), "since": clock.now().isoformat(sep=" ")}
        handle.seek(0)
        handle.truncate()
        handle.write(b"\0" + json.dumps(details).encode("utf-8"))
        handle.flush()
        return InstanceLock(path, handle)
    return None
