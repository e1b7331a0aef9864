"""``desktop-crm backup [FILE]``, ``backups [--json]`` and ``restore FILE [--yes]``.

- ``backup``: into the rotation of the database's ``backups`` folder (what a daily scheduled task
  wants); ``backup FILE``: a verified copy at FILE (replaced whole, only once the copy checks out).
- ``backups``: the backups in the folder, newest first; JSON keys: ``path``, ``created``,
  ``size_bytes``, ``kind`` (daily, weekly, monthly, manual, pre-migration, pre-restore, pre-sync, damaged),
  ``schema_version`` (``desktop_crm.backup.BackupInfo``).
- ``restore FILE``: validates FILE, keeps the current database as a ``pre-restore`` backup, then
  replaces it. Asks for confirmation on a terminal unless ``--yes``; without a terminal (a script) it
  restores without asking, which can be undone by restoring the ``pre-restore`` backup.

Progress goes to stderr when it is a terminal.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import CrmError


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    backup = sub.add_parser("backup", parents=[common], help="back up the database (verified copy)")
    backup.add_argument(
        "file", nargs="?", type=Path, metavar="FILE", help="write here (default: the rotation)"
    )
    backups = sub.add_parser("backups", parents=[common], help="list the backups with dates and sizes")
    backups.add_argument("--json", action="store_true", help="print JSON instead of a table")
    restore = sub.add_parser("restore", parents=[common], help="replace the database with a backup")
    restore.add_argument("file", type=Path, metavar="FILE", help="the backup to restore")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation on a terminal")


def _progress(label: str) -> Callable[[int, int], bool] | None:
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int) -> bool:
        percent = 100 * done // total if total else 100
        sys.stderr.write(f"\r{label} {percent:3d}%")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()
        return True

    return report


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:,.0f} {unit}" if unit == "B" else f"{value:,.1f} {unit}"
        value /= 1024
    return f"{size} B"


def run_backup(args: argparse.Namespace, db_path: Path) -> int:
    from .backup import create_backup
    from .migrations import LATEST_VERSION
    from .open_check import inspect_file

    if isinstance(db_path, str):  # a team database: pg_dump when available (desktop_crm.postgres.backup)
        from .postgres.backup import backup_team_database
        from .team_url import display_url

        team = backup_team_database(db_path, args.file)
        how = (
            "with " + team.tool
            if team.method == "pg_dump"
            else "as the application's JSON dump (pg_dump not found)"
        )
        print(f"backed up {display_url(db_path)} to {team.path} ({human_size(team.size_bytes)}) {how}")
        if team.method == "pg_dump":
            print("the attachments' files are in the archive with the rest of the database")
        elif team.files_folder is not None:
            print(
                f"the attachments' files ({team.files}) are in {team.files_folder}: keep that folder beside "
                "the backup ('desktop-crm load' takes them from there)"
            )
        if team.missing_files:
            print(
                f"desktop-crm: {len(team.missing_files)} attachment file(s) are neither in the team "
                "database nor on this computer: not in the backup",
                file=sys.stderr,
            )
        return 0
    if not db_path.is_file():
        raise CrmError("cli.no_database", path=str(db_path))
    inspect_file(db_path, LATEST_VERSION)  # another application's, newer or damaged: one sentence, untouched
    info = create_backup(db_path, args.file, progress=_progress("backing up"))
    print(f"backed up {db_path} to {info.path} ({human_size(info.size_bytes)}, checked)")
    return 0


def run_backups(args: argparse.Namespace, db_path: Path) -> int:
    from .backup import backup_folder, list_backups

    if isinstance(db_path, str):
        raise CrmError("team.backups_elsewhere")

    infos = list_backups(db_path)
    if args.json:
        print(json.dumps([info.to_json() for info in infos], ensure_ascii=False, indent=2))
        return 0
    if not infos:
        print(f"no backups in {backup_folder(db_path)}")
        return 0
    for info in infos:
        version = "-" if info.schema_version is None else str(info.schema_version)
        created = info.created.isoformat(sep=" ")
        print(f"{created}  {info.kind:<13} {human_size(info.size_bytes):>10}  v{version:<3} {info.path}")
    return 0


def run_restore(args: argparse.Namespace, db_path: Path) -> int:
    from .restore import restore_backup

    if isinstance(db_path, str):
        raise CrmError("team.backups_elsewhere")

    if not args.yes and sys.stdin.isatty():  # scripts restore without asking: the old file is kept
        answer = input(f"Replace {db_path} with {args.file}? The current file is kept as a backup. [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("not restored; nothing was changed")
            return 1
    from . import file_lock

    try:  # a window with the file open holds its lock: never replace the file under it
        lock = file_lock.acquire(db_path)
    except file_lock.LockedElsewhere as exc:
        raise CrmError("restore.open_elsewhere", path=str(db_path), owner=exc.owner.describe()) from exc
    try:
        prepared = restore_backup(db_path, args.file, progress=_progress("restoring"))
    finally:
        if lock is not None:
            lock.release()
    kept = f"; the previous file was kept as {prepared.kept.path}" if prepared.kept else ""
    print(f"restored {db_path} from {args.file} (schema {prepared.schema_version}){kept}")
    return 0
