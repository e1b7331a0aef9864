"""Look at a database file before anything may write to it.

:func:`inspect_file` decides, on a read-only view of the file, what it is: missing (to be created), ours,
ours from before the application id existed, another application's, written by a newer version,
damaged, not a database at all, a folder, or empty. Only after this verdict does ``open_database`` let
peewee open the file with its pragmas (WAL, ...), so a file that is not ours is never modified: the
checks read the 100-byte SQLite header with plain file I/O and then open the file through
``file:...?mode=ro`` (no schema, no journal-mode switch, no pragma that writes).

Decisions (documented in the README, "Where your data lives"):

- **Application id.** New databases get ``PRAGMA application_id = APPLICATION_ID`` (0x6443524D, the
  ASCII letters "dCRM"). A file with application id 0 is ours when its ``user_version`` is 1..N and it
  has our tables (files written before the id existed); it gets the id on its next write-enabled open,
  after the version check. Any other non-zero id is another application's file: refused.
- **Zero-length files** are not databases yet: ``open_database`` refuses them unless the caller says
  the file may be started as a new database (``allow_empty=True``: the window asks the user first; the
  command line refuses it, so ``check`` or ``kpi`` on a 0-byte file never turns it into a database). A
  zero-length file with a non-empty ``-wal`` beside it is damaged (its content sits in the WAL).
- **An SQLite file without a single table** (application id 0, ``user_version`` 0) holds nothing: it is
  started as a new database like a missing file.
- **Read-only.** A file we cannot write, or a folder in which SQLite cannot create its ``-wal``/``-shm``
  files, is opened read-only (``mode=ro``; when even the shared-memory file cannot be created and no
  ``-wal`` exists, ``immutable=1``). A read-only file that would need a schema upgrade is refused.
- **Damage** visible without reading every page (bad header, a file shorter than its header says, a
  page size that does not divide the file, a schema SQLite cannot read) is found here, in
  milliseconds. Damage deeper in the file is found by :func:`quick_check` (about 7 s per GB):
  ``open_database`` runs it on files up to :data:`OPEN_CHECK_LIMIT` and before any write at open (an
  upgrade, the id stamp), the command line on files up to :data:`CLI_CHECK_LIMIT`, and the window on a
  thread of its own right after it shows, for any size.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .driver import connect as sqlite_connect
from .driver import sqlite3
from .storage_errors import (
    DatabaseDamagedError,
    ForeignDatabaseError,
    NotADatabaseError,
    StorageError,
    sqlite_code_name,
)

APPLICATION_ID = 0x6443524D  # "dCRM": PRAGMA application_id of every database this application creates
SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
OUR_TABLES = frozenset({"user", "setting", "client", "follow_up", "contract"})
OPEN_CHECK_LIMIT = 16 * 1024 * 1024  # open_database runs quick_check on files up to this size (~0.1 s)
CLI_CHECK_LIMIT = 64 * 1024 * 1024  # the command line runs quick_check first on files up to this size


@dataclass(frozen=True)
class FileVerdict:
    """What :func:`inspect_file` found. ``kind``: ``new`` (missing, or an SQLite file without tables),
    ``empty`` (zero bytes), ``ours`` (application id set) or ``legacy`` (ours, id not stamped yet)."""

    path: str
    kind: str
    version: int = 0
    read_only: bool = False
    immutable: bool = False  # read-only folder without a -shm file: SQLite's immutable=1 is needed


def read_only_uri(path: str | os.PathLike[str], *, immutable: bool = False) -> str:
    """The ``file:`` URI opening ``path`` read-only (``immutable=1`` when the folder refuses -shm)."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def _writable(path: str) -> bool:
    return os.access(path, os.W_OK)


def _folder_writable(path: str) -> bool:
    return _writable(str(Path(path).resolve().parent))


def _header(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(HEADER_SIZE)


def _check_header(path: str, header: bytes, size: int) -> None:
    """Refuse what is visibly not (or no longer) an SQLite file, from the header alone."""
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        raise NotADatabaseError("db.not_a_database_file", path=path)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise DatabaseDamagedError("db.damaged", path=path)
    if size % page_size:
        raise DatabaseDamagedError("db.damaged", path=path)
    change_counter = header[24:28]
    valid_for = header[92:96]
    page_count = int.from_bytes(header[28:32], "big")
    if change_counter == valid_for and page_count and size < page_count * page_size:
        raise DatabaseDamagedError("db.damaged", path=path)  # truncated


def _wal_size(path: str) -> int:
    try:
        return os.path.getsize(path + "-wal")
    except OSError:
        return 0


def _quiescent(path: str) -> bool:
    """No ``-wal`` and no ``-journal`` beside the file: nobody is writing it and all its content is in
    the file itself, so SQLite may read it as immutable (and then creates no ``-wal``/``-shm`` files)."""
    return not any(os.path.exists(path + suffix) for suffix in ("-wal", "-journal"))


def _connect_read_only(path: str, immutable: bool) -> sqlite3.Connection:
    immutable = immutable or _quiescent(path)
    conn = sqlite_connect(read_only_uri(path, immutable=immutable), uri=True, check_same_thread=False)
    conn.execute("PRAGMA query_only = 1")
    return conn


def _read_identity(path: str, immutable: bool) -> tuple[int, int, set[str]]:
    conn = _connect_read_only(path, immutable)
    try:
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()
    return app_id, version, tables


def inspect_file(path: str | os.PathLike[str], latest: int, *, allow_empty: bool = False) -> FileVerdict:
    """Classify ``path`` without writing a byte; raise the coded error for a file we must not open.

    ``latest`` is the newest schema this version understands (a larger ``user_version`` is refused).
    """
    from .errors import DatabaseVersionError

    path = os.fspath(path)
    if path == ":memory:":
        return FileVerdict(path, "new")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        folder = Path(path).resolve().parent
        existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
        if existing is not None and not _writable(str(existing)):
            raise StorageError("db.folder_read_only_new", path=path) from None
        return FileVerdict(path, "new")
    except OSError as exc:
        raise StorageError("db.cannot_read", path=path, reason=exc.strerror or str(exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise NotADatabaseError("db.is_a_folder", path=path)
    if not stat.S_ISREG(info.st_mode):
        raise NotADatabaseError("db.not_a_database_file", path=path)
    read_only = not _writable(path) or not _folder_writable(path)
    if info.st_size == 0:
        if _wal_size(path):
            raise DatabaseDamagedError("db.damaged", path=path)
        if not allow_empty:
            raise NotADatabaseError("db.empty_file", path=path)
        if read_only:
            raise StorageError("db.read_only_needs_upgrade", path=path, latest=latest)
        return FileVerdict(path, "empty")
    try:
        header = _header(path)
    except OSError as exc:
        raise StorageError("db.cannot_read", path=path, reason=exc.strerror or str(exc)) from exc
    from .encryption import is_encrypted, require_key

    if not header.startswith(SQLITE_MAGIC) and is_encrypted(path):
        require_key(path)  # an encrypted file opens only with its passphrase (desktop_crm.encryption)
    else:
        _check_header(path, header, info.st_size)
    # A read-only folder cannot take SQLite's -shm file: read the (quiescent) file as immutable.
    immutable = not _folder_writable(path) and _quiescent(path)
    try:
        app_id, version, tables = _read_identity(path, immutable=immutable)
    except sqlite3.DatabaseError as exc:
        name = sqlite_code_name(exc)
        if (
            read_only
            and name in ("SQLITE_READONLY_DIRECTORY", "SQLITE_CANTOPEN", "SQLITE_READONLY")
            and not (_wal_size(path))
        ):
            immutable = True
            try:
                app_id, version, tables = _read_identity(path, immutable=True)
            except sqlite3.DatabaseError as again:
                raise DatabaseDamagedError("db.damaged", path=path) from again
        elif name in ("SQLITE_NOTADB",):
            raise NotADatabaseError("db.not_a_database_file", path=path) from exc
        else:
            raise DatabaseDamagedError("db.damaged", path=path) from exc
    if app_id not in (0, APPLICATION_ID):
        raise ForeignDatabaseError("db.foreign", path=path)
    if app_id == 0:
        if not tables and version == 0:
            if read_only:
                raise StorageError("db.read_only_needs_upgrade", path=path, latest=latest)
            return FileVerdict(path, "new")
        if version == 0 or not tables >= OUR_TABLES:
            raise ForeignDatabaseError("db.foreign", path=path)
    if version > latest:
        raise DatabaseVersionError("db.newer_version_file", path=path, version=version, latest=latest)
    if read_only and version < latest:
        raise StorageError("db.read_only_needs_upgrade", path=path, latest=latest)
    kind = "ours" if app_id == APPLICATION_ID else "legacy"
    return FileVerdict(path, kind, version=version, read_only=read_only, immutable=immutable)


def quick_check(path: str | os.PathLike[str], *, immutable: bool = False) -> str | None:
    """Run ``PRAGMA quick_check`` on a read-only connection of its own; None when the file is sound,
    else SQLite's first complaint. Safe on any thread (the GUI runs it on its worker)."""
    try:
        conn = _connect_read_only(os.fspath(path), immutable)
        try:
            rows = conn.execute("PRAGMA quick_check(5)").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    problems = [str(r[0]) for r in rows]
    return None if problems == ["ok"] else problems[0]
