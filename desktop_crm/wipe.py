"""Wiping a database file's old bytes, and what a killed encryption conversion left beside a file
(``desktop_crm.encryption_convert`` converts; every open of a file cleans up first, ``desktop_crm.db``, so
this stays a small module with nothing to import).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

WIPE_CHUNK = 1024 * 1024


def wipe_name(path: Path) -> Path:
    return path.parent / f".{path.name}.old.{os.getpid()}.wipe"


def wipe_file(path: Path) -> None:
    """Overwrite ``path`` with zeros, flush it to disk, then delete it."""
    with contextlib.suppress(FileNotFoundError):
        size = path.stat().st_size
        with open(path, "r+b") as handle:
            zeros = bytes(WIPE_CHUNK)
            left = size
            while left > 0:
                step = min(left, WIPE_CHUNK)
                handle.write(zeros[:step])
                left -= step
            handle.flush()
            os.fsync(handle.fileno())
        path.unlink()


def clean_leftovers(path: str | os.PathLike[str]) -> None:
    """Finish what a killed conversion left beside ``path``: old bytes still to wipe, a half-written
    copy (the original is intact in both cases)."""
    target = Path(path)
    if not target.parent.is_dir():
        return
    for entry in target.parent.glob(f".{target.name}.old.*.wipe"):
        with contextlib.suppress(OSError):
            if target.exists() and os.path.samefile(entry, target):
                entry.unlink()  # killed before the copy took its place: this is the live file
            else:
                wipe_file(entry)
    for entry in target.parent.glob(f".{target.name}.convert.*.tmp*"):
        with contextlib.suppress(OSError):
            wipe_file(entry)
