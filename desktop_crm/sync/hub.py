"""Sync with the team database (PostgreSQL, the hub): a laptop pushes its changes since the last sync and
pulls everyone else's that it may see (:mod:`desktop_crm.sync.visibility`).

The team database is one more replica with the same bookkeeping as a file (its own triggers record the
edits made on it directly, by the owner or anyone connected to it), so the same merge serves both
directions. One sync is three transactions, each complete or absent:

1. on the laptop: its pending edits stamped, and the records with a version written after the last push
   this laptop knows the hub took (every record at the first sync with this hub) written to a change
   file in a temporary folder;
2. on the hub (one sync at a time: an advisory lock; the people working on it directly are not held up):
   the file merged, then the records with a version after the last pull this laptop acknowledged,
   leaving out the versions this laptop has just sent, written to a second file;
3. on the laptop: that file merged, and both marks (pushed, pulled) moved.

A sync killed between two steps loses nothing: a mark moves only in the step that makes its side hold the
records, so the next sync sends again what was not acknowledged (a merge of what a side already holds
changes nothing). Attachment bytes travel with the files, into and out of the team database's shared
attachment tables.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import CrmError
from .exchange import (
    ExportSummary,
    FolderFiles,
    ImportSummary,
    Selection,
    TeamFiles,
    file_connection,
    merge_changes,
    open_changes,
    start_syncing,
    take_new_id,
    write_changes,
    written_files,
)
from .log import enable, next_generation, put_meta, replica_id, stamp_pending
from .visibility import dumps_forget, forget, held_roots, loads_forget, scope_for

MAX_MEMBER = 256 << 20

SCOPE = "scope.json"  # in a push: the user working on the laptop, and the top records it holds
FORGET = "forget.jsonl"  # in a pull: the top records the laptop may no longer see
CONFLICTS = "conflicts.jsonl"  # in a pull: the clashes the hub found in this laptop's push

# one sync at a time on a team database (pg_advisory_xact_lock's key: "crm sync" in ASCII)
SYNC_LOCK = 0x63726D2073796E63


@dataclass
class TeamSync:
    """The result of ``desktop-crm sync --with postgresql://…``: the same keys as a folder's sync, with
    ``team`` (the database, without its password) instead of ``folder``."""

    team: str
    imported: list[ImportSummary] = field(default_factory=list)  # the hub's records merged here
    skipped: list[str] = field(default_factory=list)  # (files: none here)
    exported: ExportSummary | None = None  # this laptop's records sent
    pushed: ImportSummary | None = None  # how the hub merged them
    problems: list[tuple[str, CrmError]] = field(default_factory=list)
    forgotten: int = 0  # records removed here: this laptop's user may no longer see them

    def as_json(self) -> dict[str, Any]:
        return {
            "folder": None,
            "team": self.team,
            "imported": [s.as_json() for s in self.imported],
            "skipped": self.skipped,
            "exported": self.exported.as_json() if self.exported else None,
            "pushed": self.pushed.as_json() if self.pushed else None,
            "forgotten": self.forgotten,
            "problems": [{"file": name, "code": e.code, "message": e.message} for name, e in self.problems],
        }


@contextmanager
def _hub_transaction(hub: Any) -> Iterator[Any]:
    """One transaction on the hub, the only sync there while it lasts (the people working on the hub
    directly go on: their edits wait only for the rows the sync writes)."""
    from ..postgres.connect import RawTeamConnection

    conn = RawTeamConnection(hub)
    with hub.atomic():
        conn.execute("SELECT pg_advisory_xact_lock(?)", (SYNC_LOCK,))
        yield conn


def _working_user() -> str | None:
    """The UUID of the user chosen on this laptop (None: nobody chosen, a single-person file)."""
    from ..models import User
    from ..team import chosen_user_id

    chosen = chosen_user_id()
    return None if chosen is None else str(User.get_by_id(chosen).uuid)


def _member(archive: zipfile.ZipFile, name: str) -> str:
    try:
        info = archive.getinfo(name)
        if info.file_size > MAX_MEMBER:
            raise CrmError("sync.bad_file", reason=f"{name} is too large")
        return archive.read(info).decode("utf-8")
    except KeyError:
        return ""
    except (UnicodeDecodeError, zipfile.BadZipFile):
        raise CrmError("sync.bad_file", reason=name) from None


def _read_scope(archive: zipfile.ZipFile) -> dict[str, Any]:
    try:
        asked = json.loads(_member(archive, SCOPE) or "{}")
    except ValueError:
        raise CrmError("sync.bad_file", reason=SCOPE) from None
    if not isinstance(asked, dict):
        return {}
    user, held = asked.get("user"), asked.get("held")
    return {
        "user": user if isinstance(user, str) else None,
        "held": {str(t): [str(u) for u in us] for t, us in held.items() if isinstance(us, list)}
        if isinstance(held, dict)
        else None,
    }


def _read_forget(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    return loads_forget(_member(archive, FORGET))


def _last_conflict(conn: Any) -> int:
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM sync_conflict").fetchone()[0])


_CONFLICT_COLUMNS = ("at", "tbl", "uuid", "col", "original", "mine", "theirs", "chosen", "rule")


def _conflicts_since(conn: Any, first: int, peer: str) -> str:
    """The conflicts the hub listed while merging ``peer``'s push (from id ``first``), as lines."""
    rows = conn.execute(
        f"SELECT {', '.join(_CONFLICT_COLUMNS)} FROM sync_conflict WHERE id >= ? AND peer = ? ORDER BY id",
        (first, peer),
    ).fetchall()
    return "".join(
        json.dumps(dict(zip(_CONFLICT_COLUMNS, row, strict=True)), ensure_ascii=False) + "\n" for row in rows
    )


def _take_conflicts(conn: Any, text: str, hub: str) -> int:
    """List here the clashes the hub found with this laptop's changes, seen from this side: "mine" is this
    laptop's value (the hub's "theirs"). Choosing the other value then works as for any conflict."""
    flipped = {"mine": "theirs", "theirs": "mine"}
    taken = 0
    for line in text.splitlines():
        try:
            found = json.loads(line)
            values = {c: found[c] for c in _CONFLICT_COLUMNS}
        except (ValueError, TypeError, KeyError):
            raise CrmError("sync.bad_file", reason=CONFLICTS) from None
        mine, theirs = values["theirs"], values["mine"]
        seen = conn.execute(
            "SELECT 1 FROM sync_conflict WHERE tbl = ? AND uuid = ? AND col = ? AND "
            "((mine = ? AND theirs = ?) OR (mine = ? AND theirs = ?))",
            (values["tbl"], values["uuid"], values["col"], mine, theirs, theirs, mine),
        ).fetchone()
        if seen is not None:
            continue
        conn.execute(
            "INSERT INTO sync_conflict (at, tbl, uuid, col, original, mine, theirs, chosen, rule, peer) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                values["at"],
                values["tbl"],
                values["uuid"],
                values["col"],
                values["original"],
                mine,
                theirs,
                flipped.get(str(values["chosen"]), str(values["chosen"])),
                values["rule"],
                hub,
            ),
        )
        taken += 1
    return taken


def _mark(conn: Any, hub: str) -> tuple[int, int]:
    """(the hub's exchange number this laptop last pulled up to, its own number last acknowledged by it)."""
    row = conn.execute("SELECT their_gen FROM sync_peer WHERE replica = ?", (hub,)).fetchone()
    pushed = conn.execute("SELECT value FROM sync_meta WHERE key = ?", (f"pushed:{hub}",)).fetchone()
    return (int(row[0]) if row else 0), (int(pushed[0]) if pushed else 0)


def url_without_password(url: str) -> str:
    """The URL to remember: the password (if one was written in it) is never stored."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}@{host}" if parts.username else host
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc))


def remembered_team() -> str | None:
    """The team database the open file last synced with, when that was its last sync, or None."""
    from .log import is_enabled

    conn = file_connection()
    if not is_enabled(conn):
        return None
    last = conn.execute("SELECT value FROM sync_meta WHERE key = 'last'").fetchone()
    team = conn.execute("SELECT value FROM sync_meta WHERE key = 'team'").fetchone()
    return str(team[0]) if last is not None and last[0] == "team" and team is not None else None


def sync_team(url: str, *, password: str | None = None, connect_timeout: int = 10) -> TeamSync:
    """Push this file's changes to the team database at ``url`` and pull the others' (see the module)."""
    from ..postgres import open_team_database
    from ..team_url import display_url
    from ..write_guard import write_transaction

    laptop = file_connection()  # refuses when the open database is itself a team database
    me = start_syncing(laptop)
    hub_db = open_team_database(url, password=password, connect_timeout=connect_timeout, bind=False)
    result = TeamSync(display_url(url))
    try:
        with _hub_transaction(hub_db) as hub:
            hub_id = enable(hub)
            row = hub.execute("SELECT file_id FROM sync_peer WHERE replica = ?", (me,)).fetchone()
        with write_transaction():
            if row is not None and row[0] and str(row[0]) not in written_files(laptop):
                # the hub took a push under this id that this file never made: a copy of it synced
                take_new_id(laptop)
                me = replica_id(laptop)
        with tempfile.TemporaryDirectory(prefix="crm-sync-") as work:
            push, pull = Path(work) / "push.crmchanges", Path(work) / "pull.crmchanges"
            # 1. this laptop's changes since the hub last took them
            with write_transaction():
                pulled, pushed = _mark(laptop, hub_id)
                push_gen = next_generation(laptop)
                stamp_pending(laptop)
                result.exported = write_changes(
                    laptop,
                    push,
                    Selection(everything=pushed == 0, since=pushed or None),
                    files=FolderFiles(),
                    members={SCOPE: json.dumps({"user": _working_user(), "held": held_roots(laptop)})},
                )
            # 2. on the hub: merge them, and write what this laptop has not got
            archive, manifest = open_changes(push)
            with archive, _hub_transaction(hub_db) as hub:
                files = TeamFiles(hub_db)
                files.take(archive)
                first_new = _last_conflict(hub) + 1
                as_sent: set[tuple[str, str]] = set()
                result.pushed = merge_changes(hub, archive, manifest, os.fspath(push), as_sent)
                gen = int(hub.execute("SELECT gen FROM sync_state").fetchone()[0])
                asked = _read_scope(archive)
                scope = scope_for(hub, asked.get("user"), asked.get("held"))
                write_changes(
                    hub,
                    pull,
                    Selection(
                        everything=pulled == 0,
                        since=pulled or None,
                        skip=(me, gen),
                        visible=scope.visible if scope is not None else None,
                        fresh=scope.fresh if scope is not None else None,
                        exclude=as_sent,
                    ),
                    files=files,
                    members={
                        FORGET: dumps_forget(scope.forget if scope is not None else []),
                        CONFLICTS: _conflicts_since(hub, first_new, me),
                    },
                )
            # 3. here: merge the hub's, and move both marks
            archive, manifest = open_changes(pull)
            with archive:
                FolderFiles().take(archive)
                with write_transaction():
                    edited = laptop.execute("SELECT 1 FROM sync_pending LIMIT 1").fetchone() is not None
                    summary = merge_changes(laptop, archive, manifest, os.fspath(pull))
                    summary.path = result.team
                    result.imported.append(summary)
                    if not edited:  # (edits made meanwhile: forgotten at the next sync, once sent)
                        laptop.execute("UPDATE sync_state SET applying = 1")
                        result.forgotten = forget(laptop, _read_forget(archive))
                        laptop.execute("UPDATE sync_state SET applying = 0")
                    # listed here too: counted with this computer's conflicts
                    summary.conflicts += _take_conflicts(laptop, _member(archive, CONFLICTS), hub_id)
                    laptop.execute(
                        "UPDATE sync_peer SET their_gen = ? WHERE replica = ?", (int(manifest["gen"]), hub_id)
                    )
                    # versions this merge wrote came from the hub: not sent back (unless edits here
                    # were stamped in it too)
                    done = (
                        push_gen
                        if edited
                        else int(laptop.execute("SELECT gen FROM sync_state").fetchone()[0])
                    )
                    put_meta(laptop, f"pushed:{hub_id}", str(done))
                    put_meta(laptop, "team", url_without_password(url))
                    put_meta(laptop, "last", "team")
    finally:
        hub_db.close()
    return result
