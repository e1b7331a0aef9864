"""Backups of the one SQLite file: made with SQLite's online backup, verified, then put in place.

Where: a ``backups`` folder next to the database file (for the default database that is
``desktop_crm.paths.backup_dir()``), so a backup never crosses a file system and each database
has its own. Names: ``<database stem>-YYYYMMDD-HHMMSS-<tag>.sqlite3`` (time from
``desktop_crm.clock``); tags:

- ``auto``: the rotation (on close, once a day while open, ``desktop-crm backup`` without a file).
  The newest per day of the last N days, per ISO week of the last N weeks and per month of the last
  N months are kept (listed as daily, weekly, monthly), and today's backups (up to the daily number)
  until the day is over; the rest are deleted, and only after the new backup is verified and in place.
- ``manual``: Settings → Backups → Back up now (the newest N kept).
- ``pre-migration``: taken before a schema upgrade; ``pre-restore``: the file a restore replaced;
  ``pre-sync``: taken before the file's first exchange of changes with another (``desktop_crm.sync``);
  ``damaged``: a damaged file a restore replaced, kept byte for byte with its ``-wal`` (it cannot be
  restored; it is kept for rescue tools). The newest 10 of each are kept.

Every copy is written to a hidden temporary file in the same folder, checked (``PRAGMA quick_check``,
same ``application_id`` and ``user_version`` as the source), fsynced, renamed into place with
``os.replace`` and the folder fsynced: a backup killed midway leaves no half-written file under a
backup's name and never touches an older backup. Restoring lives in ``desktop_crm.restore``.

Attachments: the files a backup's attachment rows refer to are copied into the backup's file store
before the backup appears (``desktop_crm.attachments``: ``backups/files/`` shared by the backups of
the folder, ``<file>.files/`` beside a backup written elsewhere); the rotation deletes the files no
remaining backup refers to.
"""

from __future__ import annotations

import contextlib
import os
import re
import struct
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from . import clock
from .attachments import carry_into_backup, prune_backup_store
from .driver import Key, forget_key, key_for, remember_key, sqlite3
from .driver import connect as sqlite_connect
from .errors import CrmError, ValidationError
from .storage_errors import sqlite_primary_code

Progress = Callable[[int, int], bool]  # (done, total) -> False to cancel

SUFFIX = ".sqlite3"
TAGS = ("auto", "manual", "pre-migration", "pre-restore", "pre-sync", "damaged")
SETTING_KEY = "backup.retention"
DEFAULT_RETENTION = {"daily": 7, "weekly": 4, "monthly": 12, "manual": 10}
RETENTION_LIMITS = {"daily": (1, 366), "weekly": (0, 260), "monthly": (0, 240), "manual": (1, 1000)}
KEEP_SAFETY = 10  # pre-migration, pre-restore and pre-sync backups kept
PAGES_PER_STEP = 2048  # pages copied between two progress reports (8 MB at 4 KB pages)
STALE_TEMP_SECONDS = 600  # a temporary file untouched this long belongs to a killed backup
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<tag>[a-z-]+)\.sqlite3$")
SQLITE_HEADER = b"SQLite format 3\x00"


class BackupCancelled(CrmError):
    """The user stopped a backup or restore; nothing was replaced."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    size_bytes: int
    kind: str  # daily, weekly, monthly, manual, pre-migration, pre-restore, damaged
    schema_version: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "created": self.created.isoformat(sep=" "),
            "size_bytes": self.size_bytes,
            "kind": self.kind,
            "schema_version": self.schema_version,
        }


# --- where ---------------------------------------------------------------------------------------
def backup_folder(db_path: str | os.PathLike[str]) -> Path:
    """The folder holding the backups of ``db_path``: ``backups`` next to the file."""
    return Path(db_path).resolve().parent / "backups"


def _backup_name(db_path: Path, tag: str, at: datetime, n: int = 0) -> str:
    extra = f"-{n}" if n else ""
    return f"{db_path.stem}-{at:%Y%m%d-%H%M%S}{extra}-{tag}{SUFFIX}"


def _new_backup_path(db_path: Path, tag: str) -> Path:
    at = clock.now()
    same_second = [n for _p, created, _t, n in _parsed(db_path) if created == at]
    n = max(same_second) + 1 if same_second else 0  # later in the same second sorts as newer
    return backup_folder(db_path) / _backup_name(db_path, tag, at, n)


# --- header facts (read without SQLite) ---------------------------------------------------------
def read_header(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """``(user_version, application_id)`` from a SQLite file's header; None if it is not one."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError:
        return None
    if len(header) < 100:
        return None
    if not header.startswith(SQLITE_HEADER):  # encrypted: readable once its key is known
        if key_for(path) is None:
            return None
        try:
            return _source_facts(Path(path))
        except sqlite3.DatabaseError:
            return None
    user_version, application_id = struct.unpack(">i4xi", header[60:72])
    return user_version, application_id


def _key_backup(db_path: Path, backup: Path) -> None:
    """Remember the key of an encrypted backup made from the encrypted ``db_path`` (same key, same
    salt: the database's passphrase opens it), so listing, restoring and re-keying can read it."""
    db_key = key_for(db_path)
    if db_key is None or key_for(backup) is not None:
        return
    try:
        with open(backup, "rb") as handle:
            salt = handle.read(len(db_key.salt))
    except OSError:
        return
    if salt == db_key.salt:
        remember_key(backup, db_key)


# --- listing and rotation ------------------------------------------------------------------------
def _parsed(db_path: Path) -> list[tuple[Path, datetime, str, int]]:
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match is None or match["stem"] != db_path.stem or match["tag"] not in TAGS:
            continue
        if not entry.is_file():
            continue
        created = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        _key_backup(db_path, entry)
        found.append((entry, created, match["tag"], int(match["n"] or 0)))
    found.sort(key=lambda item: (item[1], item[3]), reverse=True)  # newest first
    return found


def _rotation(autos: list[tuple[Path, datetime]], retention: dict[str, int]) -> dict[Path, str]:
    """Which automatic backups the rotation keeps, and as what (``autos`` newest first).

    Today's backups are kept until a later day (up to the number of daily backups), so a backup does not
    delete another made the same day: closing the window twice keeps both copies until tomorrow."""
    today = clock.today()
    todays = [path for path, created in autos if created.date() >= today]
    kept: dict[Path, str] = {path: "daily" for path in todays[: retention["daily"]]}
    rules: tuple[tuple[str, Callable[[datetime], object]], ...] = (
        ("daily", lambda at: at.date()),
        ("weekly", lambda at: at.isocalendar()[:2]),
        ("monthly", lambda at: (at.year, at.month)),
    )
    for kind, bucket in rules:
        seen: set[object] = set()
        for path, created in autos:
            key = bucket(created)
            if key in seen:
                continue
            seen.add(key)
            if len(seen) > retention[kind]:
                break
            kept.setdefault(path, kind)
    return kept


def list_backups(
    db_path: str | os.PathLike[str], retention: dict[str, int] | None = None
) -> list[BackupInfo]:
    """The backups of ``db_path`` in its backup folder, newest first."""
    path = Path(db_path)
    retention = retention or read_retention(path)
    parsed = _parsed(path)
    slots = _rotation([(p, at) for p, at, tag, _n in parsed if tag == "auto"], retention)
    result = []
    for entry, created, tag, _n in parsed:
        try:
            size = entry.stat().st_size
        except OSError:
            continue
        header = read_header(entry)
        kind = slots.get(entry, "daily") if tag == "auto" else tag
        result.append(BackupInfo(entry, created, size, kind, header[0] if header else None))
    return result


def prune_backups(db_path: str | os.PathLike[str], retention: dict[str, int] | None = None) -> list[Path]:
    """Delete what the rotation no longer keeps; returns the deleted files."""
    path = Path(db_path)
    retention = retention or read_retention(path)
    parsed = _parsed(path)
    keep = set(_rotation([(p, at) for p, at, tag, _n in parsed if tag == "auto"], retention))
    counts: dict[str, int] = {}
    deleted = []
    for entry, _created, tag, _n in parsed:
        if tag == "auto":
            if entry in keep:
                continue
        else:
            counts[tag] = counts.get(tag, 0) + 1
            limit = retention["manual"] if tag == "manual" else KEEP_SAFETY
            if counts[tag] <= limit:
                continue
        with contextlib.suppress(FileNotFoundError):
            entry.unlink()
            deleted.append(entry)
        with contextlib.suppress(FileNotFoundError):  # the WAL kept beside a damaged file's copy
            Path(f"{entry}-wal").unlink()
    if deleted:
        _fsync_folder(backup_folder(path))
        prune_backup_store(path)  # the attachments' files no remaining backup refers to
    return deleted


def latest_restorable(db_path: str | os.PathLike[str]) -> BackupInfo | None:
    """The newest backup that can be restored (not a kept damaged file), or None."""
    return next((info for info in list_backups(db_path) if info.kind != "damaged"), None)


def last_backup_time(db_path: str | os.PathLike[str], tag: str = "auto") -> datetime | None:
    return next((created for _p, created, t, _n in _parsed(Path(db_path)) if t == tag), None)


def backup_due(db_path: str | os.PathLike[str]) -> bool:
    """True when today (by the application's clock) has no automatic backup yet."""
    last = last_backup_time(db_path)
    return last is None or last.date() < clock.today()


# --- retention setting ---------------------------------------------------------------------------
def _clean_retention(value: Any) -> dict[str, int]:
    result = dict(DEFAULT_RETENTION)
    if isinstance(value, dict):
        for key, (low, high) in RETENTION_LIMITS.items():
            number = value.get(key)
            if isinstance(number, int) and not isinstance(number, bool) and low <= number <= high:
                result[key] = number
    return result


def read_retention(db_path: str | os.PathLike[str]) -> dict[str, int]:
    """The retention stored in the database (``backup.retention``), else the defaults."""
    import json

    path = Path(db_path)
    if not path.is_file():
        return dict(DEFAULT_RETENTION)
    try:
        conn = sqlite_connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM setting WHERE key = ?", (SETTING_KEY,)).fetchone()
        finally:
            conn.close()
        return _clean_retention(json.loads(row[0]) if row else None)
    except (sqlite3.Error, ValueError):
        return dict(DEFAULT_RETENTION)


def save_retention(retention: dict[str, Any]) -> dict[str, int]:
    """Validate and store how many backups the rotation keeps (in the open database)."""
    from .services.settings import set_setting

    clean: dict[str, int] = {}
    for key, (low, high) in RETENTION_LIMITS.items():
        number = retention.get(key)
        if not isinstance(number, int) or isinstance(number, bool):
            raise ValidationError("backup.keep_whole", key)
        if not low <= number <= high:
            raise ValidationError("backup.keep_range", key, low=low, high=high)
        clean[key] = number
    set_setting(SETTING_KEY, clean)
    return clean


# --- making a backup -----------------------------------------------------------------------------
def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)  # Windows flushes only handles open for writing
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # folders cannot be opened for fsync on Windows; NTFS journals renames
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def leave_wal(path: Path, busy: CrmError) -> None:
    """Fold the WAL into the file and switch it to a rollback journal. SQLite does that only when no
    other connection has the file open: ``busy`` is raised when another program has it (a restore
    or a conversion must not replace a file under it). Other SQLite errors (a damaged file) go up."""
    try:
        conn = sqlite_connect(path, isolation_level=None, timeout=2)
        try:
            mode = str(conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]).lower()
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if sqlite_primary_code(exc) in (5, 6):  # SQLITE_BUSY, SQLITE_LOCKED: another program has it open
            raise busy from exc
        raise
    if mode != "delete":
        raise busy


def open_read_only(path: Path) -> sqlite3.Connection:
    """A stdlib connection that cannot write ``path`` (WAL content included in what it reads)."""
    return sqlite_connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def _pid_alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill(pid, 0) would signal the process on Windows: rely on file ages
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _remove_stale_temps(folder: Path, fresh: Path) -> None:
    """Delete temporary files of killed backups: their process is gone, or they are long untouched
    (ages compare with ``fresh``, a file just written, so the file system's clock is the measure)."""
    reference = fresh.stat().st_mtime
    for entry in folder.glob(".*.tmp*"):  # the temporary files and their -journal
        if entry == fresh:
            continue
        pid = entry.name.rsplit(".tmp", 1)[0].rsplit(".", 1)[-1]
        with contextlib.suppress(OSError):
            dead = pid.isdigit() and int(pid) != os.getpid() and not _pid_alive(int(pid))
            if dead or reference - entry.stat().st_mtime > STALE_TEMP_SECONDS:
                entry.unlink()


def temp_path_for(final: Path) -> Path:
    return final.parent / f".{final.name}.{os.getpid()}.tmp"


_SAME_KEY = Key(b"", b"")  # copy_database's default: the copy is encrypted as its source is


def copy_database(
    source: Path, target: Path, progress: Progress | None = None, *, key: Key | None = _SAME_KEY
) -> None:
    """Online backup of ``source`` into the new file ``target`` (rollback journal, not WAL).

    An encrypted source gives a copy under the same key and salt (the same passphrase opens it);
    ``key`` asks for another one (None: plain), which SQLCipher makes by exporting instead."""
    if key is _SAME_KEY:
        key = key_for(source)
    if key is not None:
        remember_key(target, key)
    else:
        forget_key(target)
    source_key = key_for(source)
    if (source_key is None) != (key is None) or (key is not None and key != source_key):
        from .encryption_convert import export_copy

        if progress is not None and not progress(0, 1):
            raise BackupCancelled("backup.cancelled")
        export_copy(source, target, key)
        if progress is not None:
            progress(1, 1)
        return

    def step(_status: int, remaining: int, total: int) -> None:
        if progress is not None and not progress(total - remaining, total):
            raise BackupCancelled("backup.cancelled")

    src = open_read_only(source)
    try:
        dst = sqlite_connect(target, isolation_level=None)
        try:
            src.backup(dst, pages=PAGES_PER_STEP, progress=step)
            dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        finally:
            dst.close()
    finally:
        src.close()


def verify_copy(path: Path, expected: tuple[int, int] | None = None) -> tuple[int, int]:
    """``quick_check`` a copy; with ``expected``, also its ``(user_version, application_id)``."""
    try:
        conn = open_read_only(path)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise CrmError("backup.check_failed", reason=str(exc)) from exc
    if rows != ["ok"]:
        raise CrmError("backup.check_failed", reason=rows[0])
    if expected is not None and (version, app_id) != expected:
        raise CrmError("backup.copy_mismatch")
    return version, app_id


def _source_facts(source: Path) -> tuple[int, int]:
    conn = open_read_only(source)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    finally:
        conn.close()
    return version, app_id


def write_verified(source: Path, final: Path, progress: Progress | None = None) -> Path:
    """Copy ``source`` to ``final`` through a verified temporary file; ``final`` appears whole or not at all."""
    temp = temp_path_for(final)
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(b"")
        _remove_stale_temps(final.parent, temp)
        temp.unlink()
        try:
            expected = _source_facts(source)
        except sqlite3.DatabaseError as exc:
            raise CrmError("backup.cannot_read", path=str(source), reason=str(exc)) from exc
        try:
            copy_database(source, temp, progress)
        except sqlite3.DatabaseError as exc:
            raise CrmError("backup.cannot_read", path=str(source), reason=str(exc)) from exc
        verify_copy(temp, expected)
        carry_into_backup(source, temp, final)  # the attachments' files first, then the database
        _fsync_file(temp)
        os.replace(temp, final)
        _fsync_folder(final.parent)
        if (key := key_for(temp)) is not None:
            remember_key(final, key)
    except OSError as exc:  # a read-only folder, a full disk...: one sentence, nothing replaced
        raise CrmError("backup.cannot_write", path=str(final), reason=str(exc.strerror or exc)) from exc
    finally:
        forget_key(temp)
        for leftover in (temp, Path(f"{temp}-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
    return final


def create_backup(
    db_path: str | os.PathLike[str],
    target: str | os.PathLike[str] | None = None,
    *,
    tag: str = "auto",
    progress: Progress | None = None,
) -> BackupInfo:
    """Back up ``db_path`` to ``target`` (a file of the user's choice) or into its backup folder.

    A backup into the folder is followed by the rotation (``prune_backups``), which deletes older
    backups only now that the new one is verified and in place.
    """
    source = Path(db_path)
    if not source.is_file():
        raise CrmError("backup.no_database", path=str(source))
    if tag not in TAGS:
        raise ValueError(f"unknown backup tag {tag!r}")
    if target is not None:
        final = Path(target)
        if final.resolve() == source.resolve():
            raise CrmError("backup.same_file")
    else:
        final = _new_backup_path(source, tag)
    write_verified(source, final, progress)
    if target is None:
        prune_backups(source)
    header = read_header(final)
    created = clock.now()
    kind = "manual" if target is not None else ("daily" if tag == "auto" else tag)
    return BackupInfo(final, created, final.stat().st_size, kind, header[0] if header else None)


def backup_before_migration(db_path: str | os.PathLike[str], from_version: int) -> BackupInfo:
    """The copy taken before a schema upgrade (``desktop_crm.db.open_database`` calls it)."""
    try:
        return create_backup(db_path, tag="pre-migration")
    except CrmError as exc:
        raise CrmError("backup.before_migration_failed", version=from_version, reason=exc.message) from exc


def backup_if_upgrading(db_path: str | os.PathLike[str], target: int) -> BackupInfo | None:
    """Before ``open_database`` upgrades an existing file from an older schema, back it up."""
    path = Path(db_path)
    if os.fspath(db_path) == ":memory:" or not path.is_file():
        return None
    try:
        version = _source_facts(path)[0]
    except sqlite3.DatabaseError:
        return None  # not a database: opening it reports that
    if not 0 < version < target:
        return None
    return backup_before_migration(path, version)
