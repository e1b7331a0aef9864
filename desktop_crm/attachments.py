"""The attachment store: the files' bytes, named by their SHA-256, beside the database.

Layout: for a database ``/some/where/crm.sqlite3`` the store is ``/some/where/crm.sqlite3.files/``
and a file with hash ``abcdef…`` is ``crm.sqlite3.files/ab/cdef…`` (so ``--db`` elsewhere and
``DESKTOP_CRM_HOME`` both keep the files with their database; an in-memory database uses
``<data folder>/in-memory.files``). The same bytes added twice are stored once.

A file is copied in chunks into a hidden temporary file in the store while its hash is computed,
flushed to disk, then renamed to its final name (``os.replace``): the store never holds half a file
under a real name. Files are removed only by :func:`remove_if_unreferenced` (a purge).

Backups carry the files: a backup in the database's ``backups`` folder shares that folder's store
``backups/files/`` (every backup of the rotation refers to the same bytes); a backup written to a file
of the user's choice gets its own store ``<that file name>.files/`` beside it. A restore copies the
files the restored database refers to back into the live store (:func:`restore_files`).

On a team database (PostgreSQL) the bytes are shared through the database itself
(``desktop_crm.postgres.blobs``): adding an attachment puts them into the database in the transaction
that writes its row (:func:`keep_bytes`), and every machine reads them from there into a local cache,
``<data folder>/team-files/<host>-<port>-<database>/`` laid out like a store, checked against their hash
when written (:func:`local_file`). Removing the last row that refers to them deletes them from the
database (:func:`remove_if_unreferenced`). A team database whose owner has not yet opened it with this
version lacks those tables: the bytes then stay in the local folder, as before, and are shared the next
time this machine opens the database once the tables exist (:func:`share_local_files`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .driver import connect as sqlite_connect
from .driver import sqlite3
from .errors import ValidationError
from .storage_errors import storage_error

MAX_BYTES = 100 * 1024 * 1024  # the size limit of one attachment (100 MB)
CHUNK = 1024 * 1024
BACKUP_STORE = "files"  # the shared store inside a backups folder

# Kinds by file extension: call recordings, e-mails, PDFs, images, text/chat exports, office documents.
KIND_EXTENSIONS: dict[str, frozenset[str]] = {
    "recording": frozenset(
        {".mp3", ".m4a", ".wav", ".amr", ".aac", ".ogg", ".oga", ".opus", ".flac", ".wma", ".3gp", ".silk"}
    ),
    "email": frozenset({".eml", ".msg", ".mbox"}),
    "pdf": frozenset({".pdf"}),
    "image": frozenset({".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".tif", ".tiff", ".heic", ".svg"}),
    "text": frozenset({".txt", ".html", ".htm", ".csv", ".json", ".md", ".log", ".xml"}),
    "document": frozenset(
        {".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".rtf", ".wps", ".et"}
    ),
}
KINDS = (*KIND_EXTENSIONS, "other")


def kind_of(file_name: str) -> str:
    suffix = Path(file_name).suffix.lower()
    return next((kind for kind, exts in KIND_EXTENSIONS.items() if suffix in exts), "other")


def store_for_database(db_path: str | os.PathLike[str]) -> Path:
    """The store of the database file ``db_path``."""
    text = os.fspath(db_path)
    from .team_url import is_team_url

    if is_team_url(text):  # a team database: this machine's store for it, in the data folder
        from urllib.parse import urlsplit

        from .paths import data_dir

        parts = urlsplit(text)
        name = f"{parts.hostname or 'localhost'}-{parts.port or 5432}-{parts.path.strip('/') or 'postgres'}"
        return data_dir() / "team-files" / name
    if text == ":memory:" or text.startswith("file:"):
        from .paths import data_dir

        return data_dir() / "in-memory.files"
    path = Path(text).resolve()
    return path.parent / f"{path.name}.files"


def current_store() -> Path:
    """The store of the open database."""
    from .models import database

    db = database.obj
    if db is None:
        raise RuntimeError("no database is open")
    return store_for_database(getattr(db, "crm_path", None) or db.database)


def blob_path(store: Path, sha256: str) -> Path:
    return store / sha256[:2] / sha256[2:]


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size_bytes: int
    created: bool  # False when the store already held these bytes


def _megabytes(size: int) -> float:
    return round(size / (1024 * 1024), 1)


def check_source(source: Path) -> int:
    """The size of the file to attach; refuses a missing, unreadable or too large file (coded errors)."""
    try:
        info = source.stat()
        is_file = source.is_file()
    except (OSError, ValueError) as exc:  # ValueError: a NUL or a lone surrogate in the name
        reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
        raise ValidationError("attachment.unreadable", "file", name=source.name, reason=reason) from exc
    if not is_file:
        raise ValidationError("attachment.not_a_file", "file", name=source.name)
    if info.st_size > MAX_BYTES:
        raise ValidationError(
            "attachment.too_large",
            "file",
            name=source.name,
            size_mb=_megabytes(info.st_size),
            limit_mb=_megabytes(MAX_BYTES),
        )
    return info.st_size


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _copy_hashing(read: Iterable[bytes], store: Path, name: str) -> tuple[Path, str, int]:
    """Write the chunks to a temporary file in ``store``; returns (temporary, sha256, size)."""
    store.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".incoming.", suffix=".tmp", dir=store)
    digest = hashlib.sha256()
    size = 0
    try:
        with os.fdopen(handle, "wb") as out:
            for chunk in read:
                size += len(chunk)
                if size > MAX_BYTES:  # the file grew while it was read
                    raise ValidationError(
                        "attachment.too_large",
                        "file",
                        name=name,
                        size_mb=_megabytes(size),
                        limit_mb=_megabytes(MAX_BYTES),
                    )
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Path(temporary), digest.hexdigest(), size


def _chunks(source: Path) -> Iterable[bytes]:
    with open(source, "rb") as handle:
        while chunk := handle.read(CHUNK):
            yield chunk


def put_file(source: str | os.PathLike[str], store: Path | None = None) -> StoredFile:
    """Copy ``source`` into the store (once per content); raises coded errors for a missing, unreadable
    or too large file and for a full disk. The store holds the whole file or nothing new."""
    path = Path(source)
    check_source(path)
    store = store or current_store()
    try:
        temporary, sha256, size = _copy_hashing(_chunks(path), store, path.name)
    except ValidationError:
        raise
    except OSError as exc:
        mapped = storage_error(exc, store)
        if mapped is not None:
            raise mapped from exc
        raise ValidationError(
            "attachment.unreadable", "file", name=path.name, reason=exc.strerror or str(exc)
        ) from exc
    final = blob_path(store, sha256)
    try:
        if final.is_file() and final.stat().st_size == size:
            return StoredFile(sha256, size, False)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(temporary, final)
        _fsync_folder(final.parent)
    except OSError as exc:
        mapped = storage_error(exc, store)
        if mapped is not None:
            raise mapped from exc
        raise
    finally:
        temporary.unlink(missing_ok=True)
    return StoredFile(sha256, size, True)


def put_bytes(data: bytes, name: str, store: Path) -> StoredFile:
    """Store ``data`` (demo data, tests) like :func:`put_file` stores a file's content."""
    temporary, sha256, size = _copy_hashing([data], store, name)
    final = blob_path(store, sha256)
    try:
        if not final.is_file():
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(temporary, final)
            return StoredFile(sha256, size, True)
        return StoredFile(sha256, size, False)
    finally:
        temporary.unlink(missing_ok=True)


def remove_if_unreferenced(sha256: str, store: Path | None = None) -> bool:
    """Delete the stored bytes of ``sha256`` when no attachment row (deleted or not) refers to them (on a
    team database: from the database, in a transaction of its own, and from this machine's cache).
    Returns whether the bytes were deleted."""
    from .models.attachments import Attachment

    team = _shared_team_database()
    removed = False
    if team is not None:
        from .postgres import blobs
        from .write_guard import write_transaction

        with write_transaction():
            removed = blobs.remove_if_unreferenced(team, sha256)
    if Attachment.select().where(Attachment.sha256 == sha256).exists():
        return removed
    path = blob_path(store or current_store(), sha256)
    try:
        path.unlink()
    except FileNotFoundError:
        return removed
    with contextlib.suppress(OSError):
        path.parent.rmdir()  # only when empty
    return True


# --- a team database: the bytes shared through the database -----------------------------------------
def _shared_team_database(db: Any = None) -> Any:
    """``db`` (default: the bound database) when it is a team database holding the attachments' bytes;
    None for a file, and for a team database without the tables (its owner has not opened it with this
    version yet: the bytes stay in this machine's folder meanwhile)."""
    from .engine import has_tables, is_postgres

    if db is None:
        from .models import database

        db = database.obj
    if db is None or not is_postgres(db):
        return None
    shared = getattr(db, "crm_shared_files", None)
    if shared is None:
        shared = has_tables(["attachment_blob", "attachment_blob_part"], db)
        if shared:  # once there, the tables stay; until then, ask again at the next use
            db.crm_shared_files = True
    return db if shared else None


def keep_bytes(stored: StoredFile, name: str, store: Path | None = None) -> None:
    """Inside the transaction that writes an attachment row: on a team database, put the bytes into the
    database (read from this machine's store, where :func:`put_file` left them, and checked against their
    hash on the way) or, when the database has them already, hold them there until the row is committed.
    A file's store needs nothing more."""
    team = _shared_team_database()
    if team is None:
        return
    from .postgres import blobs

    path = blob_path(store or current_store(), stored.sha256)
    try:
        blobs.store(team, stored.sha256, stored.size_bytes, blobs.hashed(_chunks(path), stored.sha256, [0]))
    except ValueError:  # the cached bytes are not those of their name: never shared
        path.unlink(missing_ok=True)
        raise ValidationError(
            "attachment.unreadable", "file", name=name, reason="changed while attached"
        ) from None
    except OSError as exc:
        raise ValidationError(
            "attachment.unreadable", "file", name=name, reason=exc.strerror or str(exc)
        ) from exc


def shared_hashes(hashes: Iterable[str]) -> set[str]:
    """Which of ``hashes`` a team database holds (none for a file: its store is all there is)."""
    team = _shared_team_database()
    if team is None:
        return set()
    from .postgres import blobs

    return blobs.present(team, hashes)


def local_file(sha256: str, name: str, store: Path | None = None) -> Path:
    """The file of the bytes of ``sha256`` on this machine: in the store; on a team database fetched into
    this machine's cache first when missing (written atomically, checked against the hash, the size limit
    applied). Raises ``attachment.file_missing`` (``attachment.file_not_shared`` on a team database) when
    the bytes are nowhere."""
    store = store or current_store()
    path = blob_path(store, sha256)
    if path.is_file():
        return path
    team = _shared_team_database()
    if team is None:
        raise ValidationError("attachment.file_missing", None, name=name)
    from .postgres import blobs

    try:
        temporary, digest, _size = _copy_hashing(blobs.read(team, sha256), store, name)
    except OSError as exc:
        mapped = storage_error(exc, store)
        if mapped is not None:
            raise mapped from exc
        raise
    try:
        if digest != sha256:  # not in the database (nothing read), or not the bytes of their name
            raise ValidationError("attachment.file_not_shared", None, name=name)
        path.parent.mkdir(parents=True, exist_ok=True)
        os.replace(temporary, path)
        _fsync_folder(path.parent)
    finally:
        temporary.unlink(missing_ok=True)
    return path


def share_local_files(db: Any, url: str) -> int:
    """Put into the team database ``db`` the bytes its attachment rows refer to that it lacks and this
    machine's folder for it holds (attached before the database kept them, or while it could not); each
    in a transaction of its own, checked against its hash. Returns how many were shared."""
    from .engine import has_tables

    team = _shared_team_database(db)
    if team is None or not has_tables(["attachment"], team):
        return 0
    from .postgres import blobs

    store = store_for_database(url)
    if not store.is_dir():  # this machine never kept files for it
        return 0
    shared = 0
    for sha256 in blobs.referenced_but_missing(team):
        path = blob_path(store, sha256)
        if not path.is_file():
            continue
        try:
            with team.atomic():
                blobs.store(team, sha256, path.stat().st_size, blobs.hashed(_chunks(path), sha256, [0]))
        except (OSError, ValueError):
            continue  # unreadable or not the bytes of its name: left for a machine that has them
        shared += 1
    return shared


# --- copying a database: the bytes go along ----------------------------------------------------------
@dataclass
class CarriedFiles:
    """What :func:`carry_files` did: contents copied, and the hashes found nowhere (their rows were
    copied; opening them says the file is missing, as it did in the source)."""

    copied: int = 0
    missing: list[str] = field(default_factory=list)


def _referenced(db: Any) -> list[str]:
    from .engine import table_names

    if "attachment" not in table_names(db):
        return []
    return [str(r[0]) for r in db.execute_sql('SELECT DISTINCT "sha256" FROM "attachment" ORDER BY 1')]


def _source_bytes(db: Any, target: Any, sha256: str) -> tuple[int, Iterable[bytes]] | None:
    """(size, chunks) of the bytes of ``sha256`` in the database ``db`` opened from ``target``: a team
    database's own copy, else the store beside the file (for a team database: this machine's cache)."""
    team = _shared_team_database(db)
    if team is not None:
        from .postgres import blobs

        size = blobs.size_of(team, sha256)
        if size is not None:
            return size, blobs.read(team, sha256)
    path = blob_path(store_for_database(target), sha256)
    if not path.is_file():
        return None
    return path.stat().st_size, _chunks(path)


def carry_files(source_db: Any, source: Any, dest_db: Any, destination: Any) -> CarriedFiles:
    """Copy the bytes every attachment row of ``source_db`` refers to into ``dest_db``'s keeping: a team
    database's tables (inside its open transaction, each content in a savepoint) or the store beside the
    destination file; each checked against its hash. ``source``/``destination``: the file paths or URLs
    the databases were opened from (``dest_db`` None: the store beside the file ``destination``)."""
    result = CarriedFiles()
    hashes = _referenced(source_db)
    team = _shared_team_database(dest_db) if dest_db is not None else None
    store = None if team is not None else store_for_database(destination)
    for sha256 in hashes:
        found = _source_bytes(source_db, source, sha256)
        if found is None:
            result.missing.append(sha256)
            continue
        size, chunks = found
        try:
            if team is not None:
                from .postgres import blobs

                with team.atomic():  # a savepoint: bytes that prove wrong leave nothing behind
                    blobs.store(team, sha256, size, blobs.hashed(chunks, sha256, [0]))
            else:
                assert store is not None
                write_checked(chunks, store, sha256)
        except (OSError, ValueError, ValidationError):
            result.missing.append(sha256)
            continue
        result.copied += 1
    return result


def write_checked(chunks: Iterable[bytes], store: Path, sha256: str) -> None:
    final = blob_path(store, sha256)
    if final.is_file() and _file_ok(final, sha256):
        return
    temporary, digest, _size = _copy_hashing(chunks, store, sha256)
    try:
        if digest != sha256:
            raise ValueError(f"the bytes read are not those of {sha256}")
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(temporary, final)
        _fsync_folder(final.parent)
    finally:
        temporary.unlink(missing_ok=True)


# --- backups and restores --------------------------------------------------------------------------
def hashes_in(db_file: Path) -> set[str]:
    """Every hash the attachment table of the SQLite file ``db_file`` refers to (none before version 11)."""
    conn = sqlite_connect(db_file.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attachment'"
        ).fetchone()
        if not has_table:
            return set()
        return {row[0] for row in conn.execute("SELECT DISTINCT sha256 FROM attachment")}
    finally:
        conn.close()


def backup_store(db_path: Path, backup_file: Path) -> Path:
    """Where the files of the backup ``backup_file`` of ``db_path`` are kept."""
    from .backup import backup_folder

    if backup_file.resolve().parent == backup_folder(db_path):
        return backup_folder(db_path) / BACKUP_STORE
    return backup_file.resolve().parent / f"{backup_file.name}.files"


def _file_ok(path: Path, sha256: str) -> bool:
    try:
        digest = hashlib.sha256()
        for chunk in _chunks(path):
            digest.update(chunk)
    except OSError:
        return False
    return digest.hexdigest() == sha256


def copy_blobs(hashes: Iterable[str], sources: list[Path], target: Path) -> list[str]:
    """Copy the files of ``hashes`` found in any of ``sources`` into the store ``target`` (atomically,
    checked against their hash); returns the hashes found nowhere."""
    missing = []
    for sha256 in sorted(hashes):
        final = blob_path(target, sha256)
        if final.is_file():
            continue
        found = next((blob_path(s, sha256) for s in sources if blob_path(s, sha256).is_file()), None)
        if found is None or not _file_ok(found, sha256):
            missing.append(sha256)
            continue
        temporary, copied, _size = _copy_hashing(_chunks(found), target, found.name)
        try:
            if copied != sha256:  # changed while copied
                missing.append(sha256)
                continue
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(temporary, final)
            _fsync_folder(final.parent)
        finally:
            temporary.unlink(missing_ok=True)
    return missing


def carry_into_backup(db_path: Path, copy: Path, backup_file: Path) -> list[str]:
    """Before the checked ``copy`` becomes ``backup_file``: put the files it refers to in the backup's
    store. Returns the hashes whose bytes the live store does not have (they cannot be carried)."""
    hashes = hashes_in(copy)
    if not hashes:
        return []
    return copy_blobs(hashes, [store_for_database(db_path)], backup_store(db_path, backup_file))


def restore_files(db_path: Path, copy: Path, origin: Path) -> list[str]:
    """Before the checked ``copy`` of the backup ``origin`` replaces ``db_path``: copy the files it refers
    to into the live store (files already there are kept). Returns the hashes found nowhere."""
    from .backup import backup_folder

    hashes = hashes_in(copy)
    if not hashes:
        return []
    resolved = origin.resolve()
    sources = [
        resolved.parent / f"{resolved.name}.files",
        resolved.parent / BACKUP_STORE,
        backup_folder(db_path) / BACKUP_STORE,
    ]
    return copy_blobs(hashes, sources, store_for_database(db_path))


def prune_backup_store(db_path: Path) -> int:
    """Delete the files of the backups folder's store that no remaining backup refers to. Nothing is
    deleted when a backup cannot be read (its references are unknown). Returns the number deleted."""
    from .backup import backup_folder

    folder = backup_folder(db_path)
    store = folder / BACKUP_STORE
    if not store.is_dir():
        return 0
    wanted: set[str] = set()
    for entry in folder.glob("*.sqlite3"):
        if entry.name.endswith("-damaged.sqlite3"):
            continue
        try:
            wanted |= hashes_in(entry)
        except sqlite3.Error:
            return 0
    deleted = 0
    for sub in store.iterdir():
        if not sub.is_dir() or len(sub.name) != 2:
            continue
        for blob in sub.iterdir():
            if blob.name.startswith("."):
                continue
            if sub.name + blob.name not in wanted:
                with contextlib.suppress(OSError):
                    blob.unlink()
                    deleted += 1
        with contextlib.suppress(OSError):
            sub.rmdir()
    return deleted
