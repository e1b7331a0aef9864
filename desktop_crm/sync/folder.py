"""Sync through a folder every replica can reach (a network drive, a synced cloud folder, a USB stick):
each replica writes its own change file there (``<replica>.crmchanges``) and imports the others'."""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import CrmError
from .exchange import (
    SUFFIX,
    ExportSummary,
    ImportSummary,
    export_changes,
    file_connection,
    full_replicas,
    import_changes,
    start_syncing,
    unexported,
)
from .log import is_enabled, put_meta, replica_id


@dataclass
class FolderSync:
    folder: str
    imported: list[ImportSummary] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files already imported as they are
    exported: ExportSummary | None = None
    # files that could not be imported (being written right now, damaged, another version): the error
    problems: list[tuple[str, CrmError]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "imported": [s.as_json() for s in self.imported],
            "skipped": self.skipped,
            "exported": self.exported.as_json() if self.exported else None,
            "problems": [{"file": name, "code": e.code, "message": e.message} for name, e in self.problems],
        }


# a file in the folder that cannot be imported now: reported, and the other files still synced
FILE_PROBLEMS = frozenset(
    {"sync.not_changes", "sync.bad_file", "sync.schema_newer", "sync.schema_older", "sync.no_file"}
)


def _manifest_of(path: Path) -> dict[str, Any] | None:
    """The manifest of a change file in the folder, or None when it cannot be read (yet)."""
    from .exchange import read_manifest

    try:
        with zipfile.ZipFile(path) as archive:
            return read_manifest(archive, str(path))
    except (zipfile.BadZipFile, OSError, CrmError):
        return None


def _already_imported(conn: Any, path: Path) -> bool:
    """The file is the one last imported from its replica (same file id): nothing new in it."""
    manifest = _manifest_of(path) if is_enabled(conn) else None
    if manifest is None:
        return False
    row = conn.execute("SELECT file_id FROM sync_peer WHERE replica = ?", (manifest["replica"],)).fetchone()
    return row is not None and row[0] == manifest.get("file_id")


def remembered_folder() -> str | None:
    """The folder the open file last synced with (kept in the file: it is the file's partner, not the
    machine's), or None."""
    conn = file_connection()
    if not is_enabled(conn):
        return None
    row = conn.execute("SELECT value FROM sync_meta WHERE key = 'folder'").fetchone()
    return str(row[0]) if row else None


def _written_by_a_copy(conn: Any, path: Path) -> bool:
    """This database's file in the folder was written by another copy of it (same id, another file id)."""
    from .exchange import written_files

    manifest = _manifest_of(path)
    return manifest is not None and str(manifest.get("file_id")) not in written_files(conn)


def sync_folder(folder: str | os.PathLike[str] | None = None) -> FolderSync:
    """Import every other replica's new change file in ``folder`` (default: the one used last), then write
    this replica's own; the folder is remembered."""
    from ..write_guard import write_transaction

    chosen = folder if folder is not None else remembered_folder()
    if chosen is None:
        raise CrmError("sync.no_folder_chosen")
    where = Path(chosen)
    if not where.is_dir():
        raise CrmError("sync.no_folder", path=str(where))
    conn = file_connection()
    own = f"{start_syncing(conn)}{SUFFIX}"
    result = FolderSync(str(where))
    if _written_by_a_copy(conn, where / own):  # see import_changes: this database takes a new id first
        result.imported.append(import_changes(where / own))
        own = f"{replica_id(conn)}{SUFFIX}"
    for path in sorted(where.glob(f"*{SUFFIX}")):
        if path.name == own:
            continue
        if _already_imported(conn, path):
            result.skipped.append(path.name)
            continue
        try:
            result.imported.append(import_changes(path))
        except FileNotFoundError:  # another replica replacing its file right now
            continue
        except CrmError as exc:
            if exc.code not in FILE_PROBLEMS:
                raise
            result.problems.append((path.name, exc))  # the others are still imported
    full = _someone_lacks(where, own)
    if full or _has_news(conn, where / own):
        result.exported = export_changes(where / own, full=full)
    with write_transaction():
        put_meta(conn, "folder", str(where.resolve()))
        put_meta(conn, "last", "folder")
    return result


def _has_news(conn: Any, own_file: Path) -> bool:
    """This replica's file in the folder would change: local edits or imported changes since it was
    written (:func:`~.exchange.unexported`), or more replicas received whole. Otherwise it is left as it is: rewriting it would
    make every other replica watching the folder import it again, and answer with a rewrite of its own."""
    from .exchange import written_files

    manifest = _manifest_of(own_file)
    if manifest is None or str(manifest.get("file_id")) not in written_files(conn)[-1:]:
        return True
    if unexported(conn):
        return True
    return full_replicas(conn) != list(manifest.get("has_full_from") or [])


def _someone_lacks(folder: Path, own: str) -> bool:
    """Another replica's file in the folder says it has not received all of this replica's records (it
    joined after this replica's first export, or imported only later files)."""
    me = own.removesuffix(SUFFIX)
    for path in folder.glob(f"*{SUFFIX}"):
        manifest = _manifest_of(path) if path.name != own else None
        if manifest is None:
            continue
        if me not in (manifest.get("has_full_from") or []):
            return True
    return False
