"""The one SQLite library of the process, and the one place that opens a connection to a file.

Every module of the core imports ``sqlite3`` from here, never the standard library's directly: when
``sqlcipher3`` is installed (the default, a self-contained wheel with SQLCipher and OpenSSL built in)
it is the only SQLite the process uses, for plain and encrypted files alike. Two SQLite libraries must
never open the same file in one process: each keeps its own POSIX locks, and a connection closed in one
drops the locks the other holds (the file can then be corrupted by a second writer). One library also
means one family of exception classes (``sqlite3.DatabaseError`` is SQLCipher's).

Where ``sqlcipher3`` has no wheel, the standard library's ``sqlite3`` takes its place: everything works
on plain files and :data:`ENCRYPTION_AVAILABLE` is False (encrypting is refused with a clear message).

The keys of the encrypted files the process has unlocked live in memory only (:func:`remember_key`),
indexed by the file's real path, so every connection to that file — the models', the worker threads',
a backup's, the outside-write watcher's — is opened with its key by :func:`connect`. A key is the 32
bytes derived from the passphrase (PBKDF2-HMAC-SHA512 with the file's salt, as SQLCipher 4 derives it;
``desktop_crm.encryption``) and is handed to SQLCipher raw, so only the first open of a file pays for
the derivation. The passphrase itself is never kept.
"""

from __future__ import annotations

import os
import threading
import urllib.parse
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite3
else:
    try:
        from sqlcipher3 import dbapi2 as sqlite3
    except ImportError:  # no wheel for this platform: plain files only
        import sqlite3

ENCRYPTION_AVAILABLE = hasattr(sqlite3, "sqlite_version") and sqlite3.__name__.startswith("sqlcipher3")

__all__ = ["ENCRYPTION_AVAILABLE", "Key", "connect", "forget_key", "key_for", "remember_key", "sqlite3"]


@dataclass(frozen=True)
class Key:
    """A file's SQLCipher key: the derived 32 bytes and the 16-byte salt at the start of the file."""

    raw: bytes
    salt: bytes

    def __repr__(self) -> str:  # never printed, logged or shown in a traceback's locals
        return "Key(…)"

    def literal(self, *, salt: bool = True) -> str:
        """The key as SQLCipher takes it raw (no derivation): ``"x'<key><salt>'"``. With the salt, a new
        file (a backup, an encrypted copy) gets this salt, so the same passphrase opens it; without it
        (a re-key) the file keeps its own."""
        return f"\"x'{self.raw.hex()}{self.salt.hex() if salt else ''}'\""

    def pragma(self) -> str:
        return f"PRAGMA key = {self.literal()}"


_keys: dict[str, Key] = {}
_lock = threading.Lock()


def file_identity(path: str | os.PathLike[str]) -> str:
    """The name a key is filed under: the file's real, absolute path."""
    return os.path.normcase(os.path.realpath(os.fspath(path)))


def remember_key(path: str | os.PathLike[str], key: Key) -> None:
    with _lock:
        _keys[file_identity(path)] = key


def forget_key(path: str | os.PathLike[str]) -> None:
    with _lock:
        _keys.pop(file_identity(path), None)


def key_for(path: str | os.PathLike[str]) -> Key | None:
    if os.fspath(path) in ("", ":memory:"):
        return None
    with _lock:
        return _keys.get(file_identity(path))


def _path_of(target: str, uri: bool) -> str:
    """The file a ``connect`` target names (a ``file:`` URI's path without its query)."""
    if uri and target.startswith("file:"):
        parsed = urllib.parse.urlparse(target)
        path = urllib.parse.unquote(parsed.path)
        if len(path) > 2 and path[0] == "/" and path[2] == ":":  # file:///C:/... on Windows
            path = path[1:]
        return path
    return target


def apply_key(conn: sqlite3.Connection, key: Key | None) -> None:
    """Key a fresh connection before its first read (nothing when ``key`` is None)."""
    if key is None:
        return
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our coded error, not stderr noise
    conn.execute(key.pragma())


def connect(
    target: str | os.PathLike[str], *, key: Key | None = None, uri: bool = False, **options: Any
) -> sqlite3.Connection:
    """``sqlite3.connect`` through the process's one library, keyed with the file's remembered key
    (or ``key``, for a new encrypted file)."""
    text = os.fspath(target)
    key = key if key is not None else key_for(_path_of(text, uri))
    conn = sqlite3.connect(text, uri=uri, **options)
    try:
        apply_key(conn, key)
    except BaseException:
        conn.close()
        raise
    return conn
