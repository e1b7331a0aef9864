"""Change files: the replica's records written to a file that another replica imports.

A change file is a zip archive (``*.crmchanges``): ``manifest.json`` (format and schema versions, the
replica that wrote it, a file id, the time, whether it holds every record) and ``changes.jsonl`` (one
record per line, ``desktop_crm.sync.merge.Record``, parents before children; then ``aliases.jsonl``, the
records merged into another under the same key; ``files/<sha256>``, the bytes of the attachments it
carries, checked against their hash when taken). A file holds every record changed since the replica
began to sync, and every record on its first export (or with ``full``): importing it twice, or importing
an older file after a newer one, changes nothing, because the merge keeps the newer stamp of each field.
Each manifest also lists the replicas whose every record it has received (``has_full_from``): in a shared
folder a replica writes all its records again while another replica there has not received them.

The writer reads inside the transaction that stamps the pending changes: the file either holds them and
the stamps are committed, or neither happens.
"""

from __future__ import annotations

import io
import itertools
import json
import logging
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from .. import clock
from ..driver import sqlite3
from ..errors import CrmError
from ..migrations import LATEST_VERSION
from ..models import new_uuid
from .log import enable, is_enabled, next_generation, on_team, put_meta, replica_id, stamp_pending
from .merge import Merger, Record, Waiting, select_rows
from .tables import is_local_row, synced_tables, table_named

log = logging.getLogger(__name__)
_SHA256 = re.compile(r"[0-9a-f]{64}")
FORMAT = "desktop-crm-changes"
FORMAT_VERSION = 1
SUFFIX = ".crmchanges"
MAX_MANIFEST = 1 << 20


# which records a replica may receive (the team database's pulls: who sees what)
Visible = Callable[[Record], bool]


@dataclass
class ExportSummary:
    path: str
    replica: str
    records: int
    full: bool

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ImportSummary:
    path: str
    replica: str  # the replica that wrote the file
    records: int
    applied: int
    unchanged: int
    conflicts: int
    waiting: int

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def file_connection() -> sqlite3.Connection:
    """The open file's connection; a team database is refused (it is the hub, not a replica)."""
    from ..engine import is_postgres, raw_connection

    if is_postgres():
        raise CrmError("sync.not_a_file")
    return raw_connection()


def backup_before_first_sync(conn: sqlite3.Connection) -> None:
    """The existing backup, taken once: before the file's first exchange."""
    if on_team(conn) or is_enabled(conn):
        return
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    if path:
        from ..backup import create_backup

        create_backup(path, tag="pre-sync")


def start_syncing(conn: sqlite3.Connection) -> str:
    """The replica's id; at the file's first exchange, a backup and then the bookkeeping."""
    from ..write_guard import write_transaction

    if is_enabled(conn):
        return replica_id(conn)
    backup_before_first_sync(conn)
    with write_transaction():
        return enable(conn)


# --- export ---------------------------------------------------------------------------------------
@dataclass
class Selection:
    """Which records a change file carries: every record (``everything``), those with a version since
    sync began (a change file), or (``since``, the team database) those with a version written after
    exchange number ``since``, leaving out those whose new versions are all the ones replica ``skip[0]``
    sent in exchange ``skip[1]`` (it has them); and, whatever their age, the records in ``fresh`` (a
    laptop may see them now: their top record's owner changed); never those in ``exclude`` (the receiver
    has them as they are) nor those ``visible`` refuses."""

    everything: bool = False
    since: int | None = None
    skip: tuple[str, int] | None = None
    visible: Visible | None = None
    fresh: dict[str, set[str]] | None = None
    exclude: set[tuple[str, str]] | None = None


def _outgoing(conn: sqlite3.Connection, chosen: Selection) -> Iterator[Record]:
    """The records ``chosen`` names, parents first."""
    everything, since, skip = chosen.everything, chosen.since, chosen.skip
    visible, fresh, exclude = chosen.visible, chosen.fresh, chosen.exclude
    for table in synced_tables():
        params: tuple[Any, ...]
        stamped: dict[str, dict[str, tuple[str, Any]]] = {}
        news: dict[str, bool] = {}  # uuid -> a version after ``since`` not from ``skip``
        for uuid, col, stamp, prev, gen in conn.execute(
            "SELECT uuid, col, stamp, prev, gen FROM sync_field WHERE tbl = ?", (table.name,)
        ):
            stamped.setdefault(uuid, {})[col] = (stamp, json.loads(prev) if prev is not None else None)
            if since is not None and gen > since:
                news[uuid] = news.get(uuid, False) or not _sent_by(stamp, gen, skip)
        tombs = {}
        for uuid, stamp, seen, row, gen in conn.execute(
            "SELECT uuid, stamp, seen, row, gen FROM sync_tomb WHERE tbl = ?", (table.name,)
        ):
            tombs[uuid] = ((stamp, seen), json.loads(row))
            if since is not None and gen > since:
                news[uuid] = news.get(uuid, False) or not _sent_by(stamp, gen, skip)

        arriving = (fresh or {}).get(table.name, set())

        held = {u for t, u in exclude or () if t == table.name}

        def wanted(
            uuid: str, news: dict[str, bool] = news, arriving: set[str] = arriving, held: set[str] = held
        ) -> bool:
            """(rows read by ``where`` below, and every tombstone)"""
            if uuid in held and uuid not in arriving:
                return False
            return everything or since is None or news.get(uuid, False) or uuid in arriving

        where, params = "", ()
        if everything:
            pass
        elif since is None:
            where, params = "WHERE t.uuid IN (SELECT uuid FROM sync_field WHERE tbl = ?)", (table.name,)
        elif not arriving:
            where = "WHERE t.uuid IN (SELECT uuid FROM sync_field WHERE tbl = ? AND gen > ?)"
            params = (table.name, since)
        for values in conn.execute(select_rows(table, where), params):
            tomb = tombs.pop(values[0], None)
            if not wanted(values[0]):
                continue
            row = dict(zip(table.columns, values[1:-1], strict=True))
            record = _record(
                table.name, values[0], row, stamped.get(values[0], {}), tomb[0] if tomb else None
            )
            if not is_local_row(table.name, row) and (visible is None or visible(record)):
                yield record
        for uuid, (deleted, row) in tombs.items():
            if wanted(uuid):
                record = _record(table.name, uuid, row, stamped.get(uuid, {}), deleted)
                if not is_local_row(table.name, row) and (visible is None or visible(record)):
                    yield record


def _sent_by(stamp: str, gen: int, skip: tuple[str, int] | None) -> bool:
    return skip is not None and gen == skip[1] and stamp.endswith(f".{skip[0]}")


def _record(
    table: str,
    uuid: str,
    row: dict[str, Any],
    fields: dict[str, tuple[str, Any]],
    deleted: tuple[str, str] | None,
) -> Record:
    stamps = {c: s for c, (s, _) in fields.items()}
    return Record(table, uuid, row, stamps, {c: p for c, (_, p) in fields.items()}, deleted)


def export_changes(path: str | os.PathLike[str], *, full: bool = False) -> ExportSummary:
    """Write this replica's changes (every record on its first export or with ``full``) to ``path``."""
    from ..write_guard import write_transaction

    conn = file_connection()
    backup_before_first_sync(conn)
    with write_transaction():
        enable(conn)
        stamp_pending(conn)
        everything = full or not conn.execute("SELECT exported FROM sync_state").fetchone()[0]
        return write_changes(conn, path, Selection(everything=everything))


def write_changes(
    conn: sqlite3.Connection,
    path: str | os.PathLike[str],
    chosen: Selection,
    *,
    files: FileStore | None = None,
    members: dict[str, str] | None = None,
) -> ExportSummary:
    """Write the change file (inside the caller's transaction, the pending changes stamped): see
    :class:`Selection` for which records; ``files``: where the attachments' bytes are read; ``members``:
    more parts of the file (name -> text)."""
    from ..safe_write import replaced_binary_file

    replica = replica_id(conn)
    count = 0
    with replaced_binary_file(path) as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("changes.jsonl", "w") as member:
            out = io.TextIOWrapper(member, encoding="utf-8", newline="\n")
            hashes: set[str] = set()
            for record in _outgoing(conn, chosen):
                out.write(json.dumps(record.as_json(), ensure_ascii=False) + "\n")
                count += 1
                if record.table == "attachment" and record.deleted is None:
                    hashes.add(str(record.row.get("sha256") or ""))
            out.flush()
            out.detach()
        added = (files or FolderFiles()).add(archive, hashes)
        aliases = conn.execute("SELECT tbl, uuid, target FROM sync_alias").fetchall()
        archive.writestr("aliases.jsonl", "".join(json.dumps(list(a)) + "\n" for a in aliases))
        for member_name, text in (members or {}).items():
            archive.writestr(member_name, text)
        file_id = new_uuid()
        _note_written(conn, file_id)
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "schema_version": LATEST_VERSION,
            "replica": replica,
            "file_id": file_id,
            "made_at": clock.now().isoformat(" "),
            "full": bool(chosen.everything),
            "records": count,
            "files": added,
            # the replicas whose every record this one has received: a folder's writer sees who needs all
            "has_full_from": full_replicas(conn),
            # the exchange number it was written at (the team database's pulls start after it)
            "gen": int(conn.execute("SELECT gen FROM sync_state").fetchone()[0]),
        }
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    conn.execute("UPDATE sync_state SET exported = 1")
    conn.execute("DELETE FROM sync_meta WHERE key = 'unexported'")
    return ExportSummary(os.fspath(path), replica, count, bool(chosen.everything))


WRITTEN_KEPT = 50


def full_replicas(conn: sqlite3.Connection) -> list[str]:
    """The replicas whose every record this one has received."""
    return [r for (r,) in conn.execute("SELECT replica FROM sync_peer WHERE full_seen <> 0 ORDER BY replica")]


def take_new_id(conn: sqlite3.Connection) -> None:
    """This database is a copy of another that synced on its own (a restored backup, a file copied to a new
    laptop): it takes a new replica id, and the other's changes merge like any other replica's."""
    conn.execute("UPDATE sync_state SET replica = ?", (new_uuid(),))


def written_files(conn: sqlite3.Connection) -> list[str]:
    """The ids of the last change files this database wrote (newest last)."""
    row = conn.execute("SELECT value FROM sync_meta WHERE key = 'written'").fetchone()
    return list(json.loads(row[0])) if row else []


def _note_written(conn: sqlite3.Connection, file_id: str) -> None:
    kept = (written_files(conn) + [file_id])[-WRITTEN_KEPT:]
    put_meta(conn, "written", json.dumps(kept))


def _note_unexported(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO sync_meta (key, value) VALUES ('unexported', '1') ON CONFLICT (key) DO NOTHING")


def unexported(conn: sqlite3.Connection) -> bool:
    """Records changed here since the last change file was written: local edits (stamped or not yet)
    or changes an import brought."""
    if conn.execute("SELECT 1 FROM sync_pending LIMIT 1").fetchone() is not None:
        return True
    return conn.execute("SELECT 1 FROM sync_meta WHERE key = 'unexported'").fetchone() is not None


# --- import ---------------------------------------------------------------------------------------
def read_manifest(archive: zipfile.ZipFile, path: str) -> dict[str, Any]:
    try:
        info = archive.getinfo("manifest.json")
        if info.file_size > MAX_MANIFEST:
            raise CrmError("sync.bad_file", reason="manifest.json is too large")
        manifest = json.loads(archive.read(info).decode("utf-8"))
    except KeyError:
        raise CrmError("sync.not_changes", path=path) from None
    except (ValueError, UnicodeDecodeError):
        raise CrmError("sync.bad_file", reason="manifest.json is not JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise CrmError("sync.not_changes", path=path)
    if manifest.get("format_version") != FORMAT_VERSION or not isinstance(manifest.get("replica"), str):
        raise CrmError("sync.bad_file", reason=f"format version {manifest.get('format_version')!r}")
    theirs = manifest.get("schema_version")
    if theirs != LATEST_VERSION:
        if isinstance(theirs, int) and theirs > LATEST_VERSION:
            raise CrmError("sync.schema_newer", path=path, theirs=theirs, ours=LATEST_VERSION)
        raise CrmError("sync.schema_older", path=path, theirs=theirs, ours=LATEST_VERSION)
    return manifest


def _records(archive: zipfile.ZipFile) -> Iterator[Record]:
    try:
        with archive.open("changes.jsonl") as member:
            for line in io.TextIOWrapper(member, encoding="utf-8"):
                if line.strip():
                    yield Record.from_json(json.loads(line))
    except KeyError:
        raise CrmError("sync.bad_file", reason="changes.jsonl is missing") from None
    except (ValueError, UnicodeDecodeError, zipfile.BadZipFile, EOFError) as exc:
        raise CrmError("sync.bad_file", reason=str(exc) or type(exc).__name__) from None


def open_changes(path: str | os.PathLike[str]) -> tuple[zipfile.ZipFile, dict[str, Any]]:
    """The change file at ``path`` and its manifest (checked: format, schema version)."""
    name = os.fspath(path)
    if not Path(name).is_file():
        raise CrmError("sync.no_file", path=name)
    try:
        archive = zipfile.ZipFile(name)
    except (zipfile.BadZipFile, OSError):
        raise CrmError("sync.not_changes", path=name) from None
    try:
        return archive, read_manifest(archive, name)
    except BaseException:
        archive.close()
        raise


def import_changes(path: str | os.PathLike[str]) -> ImportSummary:
    """Merge another replica's change file into the open file, in one transaction."""
    from ..write_guard import write_transaction

    name = os.fspath(path)
    archive, manifest = open_changes(name)
    with archive:
        conn = file_connection()
        backup_before_first_sync(conn)
        FolderFiles().take(archive)  # before the records that name them; bytes nobody names are harmless
        with write_transaction():
            enable(conn)
            if manifest["replica"] == replica_id(conn):
                if str(manifest.get("file_id")) in written_files(conn):
                    raise CrmError("sync.own_file", path=name)
                # a file this one never wrote under its own id: a copy of this database (a restored backup,
                # a file copied to a new laptop) that synced on its own. This one takes a new id, and the
                # copy's changes merge like any other laptop's.
                take_new_id(conn)
            return merge_changes(conn, archive, manifest, name)


def merge_changes(
    conn: sqlite3.Connection,
    archive: zipfile.ZipFile,
    manifest: dict[str, Any],
    name: str,
    as_sent: set[tuple[str, str]] | None = None,
) -> ImportSummary:
    """Merge the change file's records (inside the caller's transaction; the bookkeeping enabled);
    ``as_sent`` receives the records now held exactly as they came."""
    next_generation(conn)
    stamped = stamp_pending(conn)  # this file's own changes get their stamps before anything is merged
    conn.execute("UPDATE sync_state SET applying = 1")
    merger = Merger(conn, manifest["replica"], track_sent=as_sent is not None)
    for table, uuid, target in _aliases(archive):
        if uuid != target:
            merger.alias(table, uuid, target)
    count = _apply_all(conn, merger, _records(archive))
    if as_sent is not None:
        as_sent |= merger.as_sent
    conn.execute(
        "INSERT INTO sync_peer (replica, file_id, imported_at, full_seen) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (replica) DO UPDATE SET file_id = excluded.file_id, "
        "imported_at = excluded.imported_at, full_seen = CASE WHEN excluded.full_seen > sync_peer.full_seen "
        "THEN excluded.full_seen ELSE sync_peer.full_seen END",
        (
            manifest["replica"],
            str(manifest.get("file_id", "")),
            clock.now().isoformat(" "),
            1 if manifest.get("full") is True else 0,
        ),
    )
    conn.execute("UPDATE sync_state SET applying = 0")
    if merger.stats.applied or stamped:
        _note_unexported(conn)
    stats = merger.stats
    return ImportSummary(
        name, manifest["replica"], count, stats.applied, stats.unchanged, stats.conflicts, stats.waiting
    )


class FileStore(Protocol):
    """Where a replica keeps the attachments' bytes: a file's folder, or the team database."""

    def add(self, archive: zipfile.ZipFile, hashes: set[str]) -> int: ...

    def take(self, archive: zipfile.ZipFile) -> None: ...


def _members(archive: zipfile.ZipFile) -> Iterator[tuple[zipfile.ZipInfo, str]]:
    """The file's attachment bytes: ``files/<sha256>`` members."""
    for info in archive.infolist():
        name = info.filename
        if name.startswith("files/") and _SHA256.fullmatch(sha256 := name.removeprefix("files/")):
            yield info, sha256


def _chunks_of(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> Iterator[bytes]:
    try:
        with archive.open(member) as source:
            while chunk := source.read(1 << 20):
                yield chunk
    except (zipfile.BadZipFile, EOFError):
        raise CrmError("sync.bad_file", reason=member.filename) from None


class FolderFiles:
    """The open file's attachment folder."""

    def add(self, archive: zipfile.ZipFile, hashes: set[str]) -> int:
        """The bytes of the records written (``files/<sha256>``), those the folder has."""
        from ..attachments import blob_path, current_store

        store, added = current_store(), 0
        for sha256 in sorted(h for h in hashes if _SHA256.fullmatch(h)):
            source = blob_path(store, sha256)
            if source.is_file():
                archive.write(source, f"files/{sha256}")
                added += 1
        return added

    def take(self, archive: zipfile.ZipFile) -> None:
        """Put the file's attachment bytes into the folder, each checked against its hash (bytes that
        are not what their name says are dropped)."""
        from ..attachments import blob_path, current_store, write_checked

        store = current_store()
        for info, sha256 in _members(archive):
            if blob_path(store, sha256).is_file():
                continue
            try:
                write_checked(_chunks_of(archive, info), store, sha256)
            except ValueError:
                log.warning("change file: the bytes named %s are not those; dropped", sha256)


class TeamFiles:
    """The team database's shared attachment bytes (``desktop_crm.postgres.blobs``), inside the
    exchange's transaction."""

    def __init__(self, db: Any) -> None:
        self.db = db

    def add(self, archive: zipfile.ZipFile, hashes: set[str]) -> int:
        from ..postgres import blobs

        added = 0
        for sha256 in sorted(blobs.present(self.db, {h for h in hashes if _SHA256.fullmatch(h)})):
            with archive.open(f"files/{sha256}", "w", force_zip64=True) as member:
                for chunk in blobs.read(self.db, sha256):
                    member.write(chunk)
            added += 1
        return added

    def take(self, archive: zipfile.ZipFile) -> None:
        import hashlib

        from ..postgres import blobs

        for info, sha256 in _members(archive):
            digest = hashlib.sha256()
            for chunk in _chunks_of(archive, info):
                digest.update(chunk)
            if digest.hexdigest() != sha256:
                log.warning("change file: the bytes named %s are not those; dropped", sha256)
                continue
            blobs.store(self.db, sha256, info.file_size, _chunks_of(archive, info))


def _aliases(archive: zipfile.ZipFile) -> list[tuple[str, str, str]]:
    try:
        text = archive.read("aliases.jsonl").decode("utf-8")
    except KeyError:
        return []
    found = []
    for line in text.splitlines():
        try:
            table, uuid, target = json.loads(line)
        except (ValueError, TypeError):
            raise CrmError("sync.bad_file", reason="aliases.jsonl") from None
        if table in table_named():
            found.append((str(table), str(uuid), str(target)))
    return found


def _apply_all(conn: sqlite3.Connection, merger: Merger, incoming: Iterator[Record]) -> int:
    """Every record in dependency order; a record whose parent has not arrived is tried again after the
    others, and kept for the next import if its parent is still missing (``sync_waiting``)."""
    waiting = [
        Record.from_json(json.loads(text)) for (text,) in conn.execute("SELECT record FROM sync_waiting")
    ]
    conn.execute("DELETE FROM sync_waiting")
    conflicts_before = conn.execute("SELECT count(*) FROM sync_conflict").fetchone()[0]
    count = 0

    def tried(records: Iterable[Record]) -> list[Record]:
        nonlocal count
        retry = []
        for record in records:
            count += 1
            conn.execute("SAVEPOINT sync_record")
            try:
                merger.apply(record)
            except Waiting:
                conn.execute("ROLLBACK TO sync_record")
                merger.forget_cache()  # what it remembered may have been undone
                retry.append(record)
            conn.execute("RELEASE sync_record")
        return retry

    retry = tried(itertools.chain(waiting, incoming))  # the file is in dependency order already
    count_in_file = count - len(waiting)
    while retry:  # a parent that came later in the file (a user's supervisor, a goal's parent)
        again = tried(sorted(retry, key=lambda r: _table_order()[r.table]))
        if len(again) == len(retry):
            break
        retry = again
    merger.finishing = True
    left = tried(sorted(merger.deferred, key=lambda r: _table_order()[r.table], reverse=True))
    retry += left
    for record in retry:
        conn.execute(
            "INSERT INTO sync_waiting (tbl, uuid, record) VALUES (?, ?, ?) "
            "ON CONFLICT (tbl, uuid) DO UPDATE SET record = excluded.record",
            (record.table, record.uuid, json.dumps(record.as_json(), ensure_ascii=False)),
        )
    merger.stats.waiting = len(retry)
    merger.stats.conflicts = (
        conn.execute("SELECT count(*) FROM sync_conflict").fetchone()[0] - conflicts_before
    )
    return count_in_file


@cache
def _table_order() -> dict[str, int]:
    return {t.name: i for i, t in enumerate(synced_tables())}
