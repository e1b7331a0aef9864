"""Restore the database from a backup: validated before it replaces anything, the current file kept first.

Two steps, so the interface can run the long one on its worker and the short one with the database
closed:

1. ``prepare_restore(db_path, source)``: refuse what is not one of our databases (not SQLite, damaged,
   another application's, written by a newer version) before copying anything; copy the backup with
   SQLite's online backup into a hidden temporary file next to the database and check that copy again;
   keep the current file as a ``pre-restore`` backup (a verified copy), or, for a damaged file, its raw
   bytes and its ``-wal`` as a ``damaged`` one.
2. ``finish_restore(prepared)``: with every connection to the database closed, fold the current file's
   WAL into it and leave WAL mode (which fails, and stops the restore, while another program has the file
   open), remove its ``-wal``/``-shm``, then ``os.replace`` the checked copy over it.

Attachments: step 1 also copies the files the backup's attachment rows refer to into the live file
store (from the backup's store, ``desktop_crm.attachments``); files already there are never removed.

A restore killed at any point leaves either the old file or the restored one, whole, and every backup
as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from . import backup
from .attachments import restore_files
from .backup import BackupInfo, Progress
from .driver import forget_key, key_for, remember_key, sqlite3
from .errors import CrmError
from .migrations import LATEST_VERSION

OUR_TABLES = frozenset({"user", "setting", "client", "follow_up", "contract", "payment"})


@dataclass(frozen=True)
class PreparedRestore:
    db_path: Path
    source: Path
    temp: Path
    schema_version: int
    kept: BackupInfo | None  # the current file, kept as a backup (None when there was none)


def _our_application_id() -> int | None:
    """The ``application_id`` new databases get (``desktop_crm.open_check``), once it exists."""
    import importlib

    try:
        value = getattr(importlib.import_module(f"{__package__}.open_check"), "APPLICATION_ID", None)
    except ImportError:
        return None
    return int(value) if isinstance(value, int) else None


def check_header(path: Path) -> tuple[int, int]:
    """Cheap checks on the file itself: it exists and is a SQLite file; ``(user_version, application_id)``."""
    if not path.exists():
        raise CrmError("restore.missing", path=str(path))
    if not path.is_file():
        raise CrmError("restore.not_a_file", path=str(path))
    from .encryption import is_encrypted, require_key

    if is_encrypted(path):
        require_key(path)  # its passphrase first (the database's, when it is the same, is tried)
    header = backup.read_header(path)
    if header is None:
        raise CrmError("restore.not_sqlite", path=str(path))
    return header


def validate_backup_file(path: str | os.PathLike[str], shown_as: str | None = None) -> int:
    """Check that ``path`` is a sound database of this application that this version can open.

    Returns its schema version; raises ``CrmError`` with one sentence otherwise. ``shown_as`` is the
    name used in messages (the user's file, when ``path`` is a temporary copy of it).
    """
    file = Path(path)
    name = shown_as or str(file)
    check_header(file)
    try:
        conn = backup.open_read_only(file)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise CrmError("restore.damaged", path=name, reason=str(exc)) from exc
    if problems != ["ok"]:
        raise CrmError("restore.damaged", path=name, reason=problems[0])
    ours = _our_application_id()
    if app_id not in (0, ours) or not OUR_TABLES.issubset(tables) or version < 1:
        raise CrmError("restore.foreign", path=name)
    if version > LATEST_VERSION:
        raise CrmError("restore.newer", path=name, version=version, latest=LATEST_VERSION)
    return version


def _keep_current(db_path: Path, progress: Progress | None) -> BackupInfo | None:
    """Back up the file about to be replaced; a damaged one is kept byte for byte (with its WAL)."""
    if not db_path.is_file():
        return None
    try:
        return backup.create_backup(db_path, tag="pre-restore", progress=progress)
    except backup.BackupCancelled:
        raise
    except CrmError:
        pass
    final = backup._new_backup_path(db_path, "damaged")
    final.parent.mkdir(parents=True, exist_ok=True)
    pairs = [(db_path, final), (Path(f"{db_path}-wal"), Path(f"{final}-wal"))]
    for source, target in reversed(pairs):  # the -wal first: the main file's name appears last
        if not source.is_file():
            continue
        temp = backup.temp_path_for(target)
        try:
            shutil.copyfile(source, temp)
            backup._fsync_file(temp)
            os.replace(temp, target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
    backup._fsync_folder(final.parent)
    return BackupInfo(final, backup.clock.now(), final.stat().st_size, "damaged", None)


def _remove(temp: Path) -> None:
    for leftover in (temp, Path(f"{temp}-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink()


def prepare_restore(
    db_path: str | os.PathLike[str], source: str | os.PathLike[str], progress: Progress | None = None
) -> PreparedRestore:
    """Step 1 (slow, the database may stay open): validate and copy ``source``, keep the current file."""
    target = Path(db_path)
    origin = Path(source)
    if target.exists() and origin.exists() and origin.resolve() == target.resolve():
        raise CrmError("restore.same_file")
    _try_database_key(origin, target)
    check_header(origin)
    # The restored file keeps the current file's encryption (a plain backup restored into an encrypted
    # database is encrypted with its key); with no current file, the backup's own.
    target_key = key_for(target) if target.is_file() else key_for(origin)
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.parent / f".{target.name}.restore.{os.getpid()}.tmp"

    def half(offset: int) -> Progress | None:
        if progress is None:
            return None
        return lambda done, total: progress(offset * total + done, 2 * total)

    try:
        _remove(temp)
        try:
            backup.copy_database(origin, temp, half(0), key=target_key)
        except sqlite3.DatabaseError as exc:
            raise CrmError("restore.damaged", path=str(origin), reason=str(exc)) from exc
        version = validate_backup_file(temp, shown_as=str(origin))
        restore_files(target, temp, origin)  # attachments' files into the live store (kept ones stay)
        kept = _keep_current(target, half(1))
    except OSError as exc:
        _remove(temp)
        raise CrmError("restore.cannot_write", path=str(target), reason=str(exc.strerror or exc)) from exc
    except BaseException:
        _remove(temp)
        raise
    return PreparedRestore(target, origin, temp, version, kept)


def _try_database_key(origin: Path, target: Path) -> None:
    """An encrypted backup made from the encrypted database opens with the database's key."""
    from .encryption import adopt_key, is_encrypted

    if key_for(origin) is None and is_encrypted(origin):
        adopt_key(origin, key_for(target))


def discard(prepared: PreparedRestore) -> None:
    """Forget a prepared restore (the user changed their mind): its temporary copy is removed."""
    _remove(prepared.temp)
    forget_key(prepared.temp)


def _leave_wal(db_path: Path) -> None:
    """Fold the WAL into the file and leave WAL mode (``restore.in_use`` if others have it open)."""
    try:
        backup.leave_wal(db_path, CrmError("restore.in_use"))
    except sqlite3.DatabaseError:
        return  # damaged: its bytes and WAL were kept as the pre-restore backup


def finish_restore(prepared: PreparedRestore) -> None:
    """Step 2 (quick; every connection to the database must be closed): put the checked copy in place."""
    target = prepared.db_path
    try:
        if target.is_file():
            _leave_wal(target)
        for extra in (Path(f"{target}-wal"), Path(f"{target}-shm"), Path(f"{target}-journal")):
            with contextlib.suppress(FileNotFoundError):
                extra.unlink()
        backup._fsync_file(prepared.temp)
        os.replace(prepared.temp, target)
        backup._fsync_folder(target.parent)
        key = key_for(prepared.temp)
        if key is not None:
            remember_key(target, key)
        else:
            forget_key(target)
        forget_key(prepared.temp)
    except OSError as exc:
        discard(prepared)
        raise CrmError("restore.cannot_write", path=str(target), reason=str(exc.strerror or exc)) from exc
    except BaseException:
        discard(prepared)
        raise


def restore_backup(
    db_path: str | os.PathLike[str], source: str | os.PathLike[str], progress: Progress | None = None
) -> PreparedRestore:
    """Both steps, for callers that hold no connection to the database (the command line)."""
    prepared = prepare_restore(db_path, source, progress)
    finish_restore(prepared)
    return prepared
