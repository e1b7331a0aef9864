"""``desktop-crm load FILE.json``: restore a dump into an empty (or new) database (``desktop_crm.load``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .errors import CrmError


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    load = sub.add_parser(
        "load",
        parents=[common],
        help="restore a dump into an empty or new database",
        description="Restore a file written by 'desktop-crm dump' into an empty or new database, identically. "
        "Exit 0 when loaded, 1 when loaded but the domain checks report problems, 2 when refused "
        "(nothing written).",
    )
    load.add_argument("file", type=Path, help="the dump (JSON) to load")


def _progress() -> Any:
    if not sys.stderr.isatty():
        return None
    last = [-1]

    def report(done: int, total: int) -> None:
        percent = int(done * 100 / total) if total else 0
        if percent != last[0]:
            last[0] = percent
            print(f"\rloading {percent:3d}%", end="", file=sys.stderr, flush=True)

    return report


def run(args: argparse.Namespace, db_path: Path) -> int:
    from . import file_lock
    from .load import load_file

    try:  # a window with the file open holds its lock: never load under it
        lock = file_lock.acquire(db_path)
    except file_lock.LockedElsewhere as exc:
        raise CrmError("restore.open_elsewhere", path=str(db_path), owner=exc.owner.describe()) from exc
    progress = _progress()
    try:
        summary = load_file(db_path, args.file, progress=progress)
    finally:
        if progress is not None:
            print("\r", end="", file=sys.stderr)
        if lock is not None:
            lock.release()
    upgraded = f", upgraded from schema {summary.migrated_from}" if summary.migrated_from else ""
    print(
        f"loaded {summary.total_rows:,} records from {args.file} into {db_path} "
        f"(schema {summary.schema_version}{upgraded})"
    )
    _files_beside(args.file, db_path)
    for problem in summary.problems:
        print(problem)
    return 1 if summary.problems else 0


def _files_beside(dump: Path, db_path: Path) -> None:
    """The attachments' bytes a backup keeps beside its dump (``<dump>.files/``: a team database's JSON
    backup) go into the store beside the loaded file."""
    from .attachments import copy_blobs, hashes_in, store_for_database

    folder = store_for_database(dump)
    if isinstance(db_path, str) or not folder.is_dir():
        return
    hashes = hashes_in(Path(db_path))
    missing = copy_blobs(hashes, [folder], store_for_database(db_path))
    print(f"attachment files: {len(hashes) - len(missing)} of {len(hashes)} taken from {folder}")
