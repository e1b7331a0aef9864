"""Encryption at rest: the keys of database files encrypted with SQLCipher.

Optional per database. An encrypted file starts with a 16-byte random salt and is unreadable without
the passphrase: every page (the header included) is AES-256 encrypted and authenticated, and so is
every frame of its ``-wal``. The key is derived from the passphrase exactly as SQLCipher 4 derives it
(PBKDF2-HMAC-SHA512, 256,000 rounds, the file's salt), so any SQLCipher 4 tool opens the file with the
same passphrase; the application derives it once per file and hands SQLCipher the raw key
(``desktop_crm.driver``), which keeps every later connection instant. The passphrase is never written
anywhere; the derived key lives in this process's memory only.

Here: passphrase rules, deriving and checking keys, telling an encrypted file, unlocking it, a new
database that starts encrypted. Rewriting a file under another key (encrypt, decrypt, change the
passphrase) is ``desktop_crm.encryption_convert``.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
import zlib
from pathlib import Path

from .driver import ENCRYPTION_AVAILABLE, Key, key_for, remember_key, sqlite3
from .driver import connect as sqlite_connect
from .errors import CrmError, ValidationError
from .storage_errors import StorageError

KDF_ROUNDS = 256_000  # SQLCipher 4's default: its own tools open our files with the passphrase
SALT_BYTES = 16
KEY_BYTES = 32
MIN_PASSPHRASE_CHARS = 8
SQLITE_MAGIC = b"SQLite format 3\x00"


def available() -> bool:
    """Whether this installation can encrypt (``sqlcipher3`` has a wheel for this platform)."""
    return ENCRYPTION_AVAILABLE


def require_available() -> None:
    if not ENCRYPTION_AVAILABLE:
        raise CrmError("encryption.unavailable")


# --- passphrases and keys -----------------------------------------------------------------------
def _passphrase_bytes(passphrase: str) -> bytes:
    # NFC: the same passphrase typed on two keyboards (composed or decomposed accents) gives one key
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def check_new_passphrase(passphrase: str, repeated: str | None = None) -> None:
    """Refuse a passphrase too weak to protect the file (or two entries that differ)."""
    if not passphrase:
        raise ValidationError("encryption.passphrase_empty", "passphrase")
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise ValidationError("encryption.passphrase_short", "passphrase", minimum=MIN_PASSPHRASE_CHARS)
    if passphrase != passphrase.strip():
        raise ValidationError("encryption.passphrase_spaces", "passphrase")
    if repeated is not None and repeated != passphrase:
        raise ValidationError("encryption.passphrase_mismatch", "repeated")


def derive_key(passphrase: str, salt: bytes) -> Key:
    """The file key SQLCipher 4 derives from ``passphrase`` and ``salt`` (about 0.2–0.7 s)."""
    raw = hashlib.pbkdf2_hmac("sha512", _passphrase_bytes(passphrase), salt, KDF_ROUNDS, KEY_BYTES)
    return Key(raw, salt)


def new_key(passphrase: str) -> Key:
    """A key for a file about to be encrypted: a fresh random salt."""
    return derive_key(passphrase, os.urandom(SALT_BYTES))


def is_encrypted(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` looks like an encrypted database: whole pages, no SQLite header, and a first
    page that does not compress (ciphertext; a text file, zeros or a pattern compress). Only the
    passphrase can tell it from random bytes of the same size."""
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as handle:
            page = handle.read(4096)
    except OSError:
        return False
    if size < 512 or size % 512 or page.startswith(SQLITE_MAGIC):
        return False
    return len(zlib.compress(page, 1)) >= len(page)


def file_salt(path: str | os.PathLike[str]) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(SALT_BYTES)


def key_opens(path: str | os.PathLike[str], key: Key) -> bool:
    """Whether ``key`` opens the encrypted file ``path`` (a read of its schema).

    Read-only, except beside a rollback journal: a re-key killed midway leaves a hot journal, which only
    a read-write connection rolls back (a read-only one cannot read the file). A read-write check of a
    file in WAL mode that the window still has open could wait on its locks (seconds per wrong guess)."""
    name = os.fspath(path)
    writable = (
        os.path.exists(f"{name}-journal")
        and os.access(name, os.W_OK)
        and os.access(os.path.dirname(os.path.abspath(name)), os.W_OK)
    )
    target = name if writable else Path(name).resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite_connect(target, uri=not writable, key=key, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def adopt_key(path: str | os.PathLike[str], key: Key | None) -> bool:
    """Whether the encrypted file ``path`` opens with ``key`` (a backup or copy of that database: the
    same raw key, the file's own salt); remembered for it when it does."""
    if key is None:
        return False
    try:
        candidate = Key(key.raw, file_salt(path))
    except OSError:
        return False
    if not key_opens(path, candidate):
        return False
    remember_key(path, candidate)
    return True


def unlock(path: str | os.PathLike[str], passphrase: str) -> Key:
    """Derive the key of the encrypted file ``path`` from ``passphrase``, check that it opens the file
    and remember it for this process (``db.wrong_passphrase`` otherwise)."""
    require_available()
    name = os.fspath(path)
    try:
        salt = file_salt(name)
    except OSError as exc:
        raise StorageError("db.cannot_open", path=name, reason=str(exc.strerror or exc)) from exc
    key = derive_key(passphrase, salt)
    if not key_opens(name, key):
        raise StorageError("db.wrong_passphrase", path=name)
    remember_key(name, key)
    return key


def needs_passphrase(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is encrypted and this process does not hold its key yet."""
    return key_for(path) is None and is_encrypted(path)


def require_key(path: str | os.PathLike[str]) -> None:
    """Refuse to go on with an encrypted file whose passphrase was not given (``db.passphrase_needed``)."""
    if needs_passphrase(path):
        if not ENCRYPTION_AVAILABLE:
            raise StorageError("db.encrypted_unsupported", path=os.fspath(path))
        raise StorageError("db.passphrase_needed", path=os.fspath(path))


def prepare_new(path: str | os.PathLike[str], passphrase: str, repeated: str | None = None) -> Key:
    """Make the database about to be created at ``path`` (missing or empty) start encrypted: the next
    ``open_database(path)`` creates it under this passphrase."""
    require_available()
    check_new_passphrase(passphrase, repeated)
    name = os.fspath(path)
    if os.path.exists(name) and os.path.getsize(name) > 0:
        raise CrmError("encryption.not_new", path=name)
    key = new_key(passphrase)
    remember_key(name, key)
    return key
