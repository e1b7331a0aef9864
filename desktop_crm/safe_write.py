"""Write a file so that it is either the old one or the complete new one, never half of each.

The content goes to a temporary file in the same folder (same file system, so the final rename is
atomic), is flushed to disk, then replaces the target with ``os.replace``. If anything fails (a full
disk, a Ctrl+C, an error in the writer) the temporary file is removed and the target is left exactly as
it was; a full disk is reported as the coded ``db.disk_full`` error.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, TextIO

from .storage_errors import storage_error


@contextmanager
def replaced_text_file(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """``with replaced_text_file(p) as out: out.write(...)``: ``p`` changes only if the block succeeds."""
    with _replaced(path, "w", encoding="utf-8", newline="") as out:
        yield out


@contextmanager
def replaced_binary_file(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """The same for bytes (a zip archive)."""
    with _replaced(path, "wb") as out:
        yield out


@contextmanager
def _replaced(path: str | os.PathLike[str], mode: str, **options: Any) -> Iterator[Any]:
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(handle, mode, **options) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError) and (mapped := storage_error(exc, target)) is not None:
            raise mapped from exc
        raise
