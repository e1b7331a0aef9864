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
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

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
    from .postgres.connect import is_team_url

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
    """Delete the stored bytes of ``sha256`` when no attachment row (deleted or not) refers to them."""
    from .models.attachments import Attachment

    if Attachment.select().where(Attachment.sha256 == sha256).exists():
        return False
    path = blob_path(store or current_store(), sha256)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    with contextlib.suppress(OSError):
        path.parent.rmdir()  # only when empty
    return True


# --- backups and restores --------------------------------------------------------------------------
def hashes_in(db_file: Path) -> set[str]:
    """Every hash the attachment table of the SQLite file ``db_file`` refers to (none before version 11)."""
    conn = sqlite3.connect(db_file.resolve().as_uri() + "?mode=ro", uri=True)
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
