"""Rewriting a closed database file under another key: encrypt, decrypt, change the passphrase
(``desktop_crm.encryption`` holds the keys).

Conversions (:func:`encrypt_file`, :func:`decrypt_file`) go through a verified copy: the file is
exported into a hidden temporary file in the same folder (``sqlcipher_export``), the copy is checked
(``quick_check``, schema version, application id, the row count of every table), fsynced and renamed
over the original (``os.replace``, atomic): killed at any point, the original is intact or the
converted copy is in place, whole. The old file's bytes are then overwritten with zeros before they
are released (best effort: an SSD or a copy-on-write file system may keep old blocks elsewhere, which
is why the README advises encrypting a new database from the start). :func:`change_passphrase`
re-keys in place (``PRAGMA rekey``: one transaction). The backups in the database's backup folder
follow every change, so no backup stays readable without the current passphrase.

Every function here works on a closed file: the caller closes the database first (the window does,
then reopens it; the command line opens nothing else).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .backup import _fsync_file, _fsync_folder, leave_wal
from .driver import Key, forget_key, key_for, remember_key, sqlite3
from .driver import connect as sqlite_connect
from .encryption import (
    adopt_key,
    check_new_passphrase,
    derive_key,
    file_salt,
    is_encrypted,
    key_opens,
    new_key,
    require_available,
    require_key,
)
from .errors import CrmError
from .wipe import wipe_file, wipe_name

Progress = Callable[[int, int], bool]  # (done, total) -> False to cancel


@dataclass
class Conversion:
    """What a conversion did: the database, the backups converted with it, and those it could not
    convert (a damaged backup, one under another passphrase)."""

    path: str
    encrypted: bool
    backups: list[str] = field(default_factory=list)
    backups_skipped: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "encrypted": self.encrypted,
            "backups": self.backups,
            "backups_skipped": self.backups_skipped,
        }


def _counts(conn: sqlite3.Connection, schema: str) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    return {n: int(conn.execute(f'SELECT count(*) FROM {schema}."{n}"').fetchone()[0]) for n in names}


def _temp_for(path: Path, what: str) -> Path:
    return path.parent / f".{path.name}.{what}.{os.getpid()}.tmp"


def export_copy(source: Path, temp: Path, new: Key | None, meter: _Meter | None = None) -> None:
    """Write ``source`` (under its remembered key, if any) into the new file ``temp`` under ``new``
    (None: plain) and check the copy: ``quick_check``, versions and every table's row count."""
    conn = sqlite_connect(source, isolation_level=None)
    if meter is not None:
        meter.watching(conn, temp, _size(source))
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        expected = _counts(conn, "main")
        target_key = new.literal() if new is not None else "''"
        conn.execute(f"ATTACH DATABASE ? AS converted KEY {target_key}", (str(temp),))
        try:
            try:
                conn.execute("SELECT sqlcipher_export('converted')")
            except sqlite3.OperationalError as exc:
                if meter is not None and "interrupt" in str(exc).lower():
                    raise CrmError("encryption.cancelled") from exc
                raise
            conn.execute(f"PRAGMA converted.user_version = {version}")
            conn.execute(f"PRAGMA converted.application_id = {app_id}")
        finally:
            conn.execute("DETACH DATABASE converted")
    finally:
        conn.close()
    check = sqlite_connect(temp, key=new, isolation_level=None)
    try:
        rows = [r[0] for r in check.execute("PRAGMA quick_check")]
        if rows != ["ok"]:
            raise CrmError("encryption.check_failed", reason=rows[0])
        got = (
            int(check.execute("PRAGMA user_version").fetchone()[0]),
            int(check.execute("PRAGMA application_id").fetchone()[0]),
        )
        if got != (version, app_id) or _counts(check, "main") != expected:
            raise CrmError("encryption.check_failed", reason="the copy differs from the original")
        with contextlib.suppress(sqlite3.DatabaseError):  # the planner's statistics, cheaply
            check.execute("PRAGMA analysis_limit = 400")
            check.execute("ANALYZE")
    finally:
        check.close()


def _leave_wal(path: Path) -> None:
    """A program still using the file stops the conversion here (``encryption.in_use``) instead of
    writing into a file about to be replaced (``desktop_crm.backup.leave_wal``)."""
    leave_wal(path, CrmError("encryption.in_use"))


def _convert(path: Path, new: Key | None, meter: _Meter | None = None) -> None:
    """Rewrite the closed file ``path`` under ``new`` (None: plain) through a verified copy."""
    temp = _temp_for(path, "convert")
    wipe = wipe_name(path)
    for leftover in (temp, wipe):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    try:
        _leave_wal(path)
        export_copy(path, temp, new, meter)
        _fsync_file(temp)
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size:
            raise CrmError("encryption.in_use")  # another program still has the file open
        linked = True
        try:
            os.link(path, wipe)  # the old bytes keep a name until they are overwritten
        except OSError:
            linked = False  # a file system without hard links (FAT): the old blocks are only freed
        try:
            os.replace(temp, path)
        except BaseException:
            if linked:
                wipe.unlink()  # still the live file: only the extra name goes
            raise
        _fsync_folder(path.parent)
        if new is None:
            forget_key(path)
        else:
            remember_key(path, new)
        for extra in (wal, Path(f"{path}-shm"), Path(f"{path}-journal")):
            with contextlib.suppress(OSError):
                wipe_file(extra)
        if linked:
            wipe_file(wipe)
    except sqlite3.DatabaseError as exc:
        raise CrmError("encryption.failed", path=str(path), reason=str(exc)) from exc
    except OSError as exc:
        raise CrmError("encryption.cannot_write", path=str(path), reason=str(exc.strerror or exc)) from exc
    finally:
        for leftover in (temp, Path(f"{temp}-journal")):
            with contextlib.suppress(OSError):
                wipe_file(leftover)


def _backups_of(path: Path) -> list[Path]:
    from .backup import list_backups

    return [info.path for info in list_backups(path) if info.kind != "damaged"]


class _Meter:
    """A conversion's progress in bytes over every file it rewrites (the database, then its backups),
    read from the size of the file being written while SQLite works (its progress handler).

    ``False`` from ``progress`` cancels while the database itself is converted (the original stays as it
    was); once it is in place, the backups follow whatever the answer."""

    def __init__(self, progress: Progress | None, files: list[Path]) -> None:
        self.progress = progress
        self.sizes = {f: _size(f) for f in files}
        self.total = max(1, sum(self.sizes.values()))
        self.done = 0
        self.cancellable = True

    def report(self, extra: int = 0) -> bool:
        if self.progress is None:
            return True
        going_on = self.progress(min(self.total, self.done + extra), self.total)
        return bool(going_on) or not self.cancellable

    def watching(self, conn: sqlite3.Connection, growing: Path, limit: int) -> None:
        """Report while ``conn`` works, by the size ``growing`` has reached (at most ``limit``)."""

        def tick() -> int:
            return 0 if self.report(min(limit, _size(growing))) else 1  # non-zero: SQLite interrupts

        conn.set_progress_handler(tick, 20_000)

    def finished(self, path: Path) -> None:
        self.done += self.sizes.get(path, 0)
        self.report()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _convert_backups(
    path: Path,
    old: Key | None,
    new: Key | None,
    result: Conversion,
    meter: _Meter,
    backups: list[Path],
    rekey: bool = False,
) -> None:
    meter.cancellable = False  # the database is converted: its backups follow, whatever happens
    for backup in backups:
        try:
            if old is not None:
                if not adopt_key(backup, old):
                    result.backups_skipped.append(str(backup))  # another passphrase: left as it is
                    continue
            elif is_encrypted(backup):
                result.backups_skipped.append(str(backup))
                continue
            if rekey and new is not None:
                if file_salt(backup) != new.salt:  # not one of ours: its passphrase cannot follow
                    result.backups_skipped.append(str(backup))
                    continue
                _rekey(backup, new)
            else:
                _convert(backup, new, meter)
            result.backups.append(str(backup))
        except CrmError:
            result.backups_skipped.append(str(backup))
        finally:
            if new is None:
                forget_key(backup)
            meter.finished(backup)


def encrypt_file(
    path: str | os.PathLike[str],
    passphrase: str,
    progress: Progress | None = None,
    *,
    repeated: str | None = None,
) -> Conversion:
    """Encrypt the closed plain database ``path`` and the backups in its backup folder."""
    require_available()
    check_new_passphrase(passphrase, repeated)
    target = Path(path)
    if not target.is_file():
        raise CrmError("backup.no_database", path=str(target))
    if is_encrypted(target):
        raise CrmError("encryption.already")
    return _with_backups(target, None, new_key(passphrase), progress)


def decrypt_file(path: str | os.PathLike[str], progress: Progress | None = None) -> Conversion:
    """Turn the closed encrypted database ``path`` (unlocked in this process) and its backups plain."""
    target = Path(path)
    return _with_backups(target, _unlocked_key(target), None, progress)


def _rekey(path: Path, new: Key) -> None:
    """Re-key ``path`` in place (its salt stays, so ``new`` must be derived with that salt)."""
    _leave_wal(path)  # nobody else has it open (their key would be stale), and no old frames remain
    conn = sqlite_connect(path, isolation_level=None)
    try:  # one statement SQLCipher runs in C (no progress, no cancel): about 0.2 s per 10 MB
        conn.execute(f"PRAGMA rekey = {new.literal(salt=False)}")
    except sqlite3.DatabaseError as exc:
        raise CrmError("encryption.failed", path=str(path), reason=str(exc)) from exc
    finally:
        conn.close()
    remember_key(path, new)
    if not key_opens(path, new):
        raise CrmError("encryption.check_failed", reason="the new passphrase does not open the file")


def change_passphrase(
    path: str | os.PathLike[str],
    passphrase: str,
    progress: Progress | None = None,
    *,
    repeated: str | None = None,
) -> Conversion:
    """Re-key the closed encrypted database ``path`` (unlocked in this process) and its backups."""
    check_new_passphrase(passphrase, repeated)
    target = Path(path)
    old = _unlocked_key(target)
    return _with_backups(target, old, derive_key(passphrase, file_salt(target)), progress, rekey=True)


def _unlocked_key(target: Path) -> Key:
    """The key of the encrypted file ``target``, whose passphrase was given in this process."""
    require_available()
    if not is_encrypted(target):
        raise CrmError("encryption.not_encrypted")
    require_key(target)
    key = key_for(target)
    assert key is not None
    return key


def _with_backups(
    target: Path, old: Key | None, new: Key | None, progress: Progress | None, *, rekey: bool = False
) -> Conversion:
    """Convert (or re-key) the database ``target``, then the backups in its backup folder."""
    backups = _backups_of(target)
    meter = _Meter(progress, [target, *backups])
    meter.report()
    if rekey and new is not None:
        meter.cancellable = False  # a re-key cannot be interrupted: it is one transaction, quick
        _rekey(target, new)
    else:
        _convert(target, new, meter)
    meter.finished(target)
    result = Conversion(str(target), new is not None)
    _convert_backups(target, old, new, result, meter, backups, rekey=rekey)
    return result
