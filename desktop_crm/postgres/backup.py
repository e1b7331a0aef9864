"""Backups of a team database (``desktop-crm backup --db postgresql://...``).

With PostgreSQL's own ``pg_dump`` on the machine (the server's tools, or the client package), the backup is
its custom-format archive (``.dump``, restored with ``pg_restore``), checked by listing it with
``pg_restore --list`` when that is there too. Without ``pg_dump`` it is the application's JSON dump
(``.json``: ``desktop-crm load`` makes a file of it, ``desktop-crm copy`` puts that into an empty team
database). Either way the backup is written to a temporary name and renamed only once complete, and the
command says which kind it wrote.

The attachments' bytes live in the team database (``desktop_crm.postgres.blobs``): ``pg_dump``'s archive
holds them with every other table. The JSON dump lists the attachments only, so their bytes are written
beside it, in ``<backup>.files/`` laid out like the store beside a database file (the folder ``desktop-crm
load`` takes them from); the command names that folder. A password given to the application reaches ``pg_dump`` through its
environment, never a file or the command line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .. import clock
from ..errors import CrmError
from ..paths import data_dir
from ..team_url import display_url


@dataclass(frozen=True)
class TeamBackup:
    path: Path
    size_bytes: int
    method: str  # "pg_dump" or "dump"
    tool: str  # "pg_dump (PostgreSQL) 15.x" or the application's dump
    files_folder: Path | None = None  # the JSON dump's attachment bytes (pg_dump's archive holds them)
    files: int = 0  # attachment contents written there
    missing_files: tuple[str, ...] = ()  # hashes whose bytes neither the database nor this machine has


def team_backup_folder(url: str) -> Path:
    parts = urlsplit(url)
    name = parts.path.strip("/") or "postgres"
    host = parts.hostname or "localhost"
    return data_dir() / "team-backups" / f"{host}-{parts.port or 5432}-{name}"


def _pg_dump_version(pg_dump: str) -> str:
    try:
        out = subprocess.run([pg_dump, "--version"], capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return "pg_dump"
    return out.stdout.strip() or "pg_dump"


def backup_team_database(
    url: str, target: str | os.PathLike[str] | None = None, *, password: str | None = None
) -> TeamBackup:
    """Back up the team database at ``url`` to ``target`` (default: a new file in
    :func:`team_backup_folder`)."""
    pg_dump = shutil.which("pg_dump")
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    suffix = ".dump" if pg_dump else ".json"
    final = Path(target) if target is not None else team_backup_folder(url) / f"team-{stamp}{suffix}"
    final.parent.mkdir(parents=True, exist_ok=True)
    temporary = final.with_name(final.name + ".part")
    files: tuple[Path | None, int, tuple[str, ...]] = (None, 0, ())  # the JSON dump's attachment bytes
    try:
        if pg_dump:
            env = dict(os.environ)
            if password is not None:
                env["PGPASSWORD"] = password
            done = subprocess.run(
                [pg_dump, "--format=custom", "--no-owner", "--file", str(temporary), "--dbname", url],
                capture_output=True,
                text=True,
                env=env,
                check=False,
            )
            if done.returncode != 0:
                reason = (done.stderr.strip().splitlines() or ["exit " + str(done.returncode)])[-1]
                raise CrmError("team.backup_failed", url=display_url(url), reason=reason)
            pg_restore = shutil.which("pg_restore")
            if pg_restore:
                listed = subprocess.run(
                    [pg_restore, "--list", str(temporary)], capture_output=True, text=True, check=False
                )
                if listed.returncode != 0 or "TABLE DATA" not in listed.stdout:
                    raise CrmError("team.backup_failed", url=display_url(url), reason="pg_restore --list")
            tool = _pg_dump_version(pg_dump)
            method = "pg_dump"
        else:
            from ..attachments import carry_files, store_for_database
            from ..db import close_database, open_database
            from ..dump import dump_to_file

            db = open_database(url)
            try:
                dump_to_file(db, temporary)
                carried = carry_files(db, url, None, final)  # into <backup>.files/, before the dump appears
            finally:
                close_database()
            folder = store_for_database(final)
            files = (folder if folder.is_dir() else None, carried.copied, tuple(carried.missing))
            tool = "desktop-crm dump"
            method = "dump"
        os.replace(temporary, final)
    finally:
        temporary.unlink(missing_ok=True)
    return TeamBackup(final, final.stat().st_size, method, tool, *files)
