"""Attachment bytes inside the team database, shared by every machine.

A file's bytes are kept once per content, named by their SHA-256 like the store beside a database file
(``desktop_crm.attachments``), in two tables that only a team database has (a file keeps its bytes in
its ``.files`` folder):

- ``attachment_blob (sha256, size)``: one row per content; the row the writers lock;
- ``attachment_blob_part (sha256, part, data)``: the bytes in parts of :data:`PART` bytes, so that
  neither end ever holds a whole 100 MB recording in memory (nor its text form on the wire).

Concurrency (READ COMMITTED, the default): whoever adds an attachment *claims* its content in the
transaction that writes the attachment row (``SELECT ... FOR SHARE`` on the blob row, or inserting it),
and whoever deletes the content locks the same row ``FOR UPDATE`` first and only then looks for rows
that still refer to it. So a purge on one machine and the same bytes attached on another never leave an
attachment without its bytes: the purge waits for the adder's commit and then sees its row, or the adder
waits for the purge's commit and then inserts the content again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

PART = 4 * 1024 * 1024  # bytes per part row

TABLES = (
    'CREATE TABLE IF NOT EXISTS "attachment_blob" ("sha256" TEXT NOT NULL PRIMARY KEY, "size" BIGINT NOT NULL)',
    'CREATE TABLE IF NOT EXISTS "attachment_blob_part" ("sha256" TEXT NOT NULL REFERENCES "attachment_blob" '
    '("sha256") ON DELETE CASCADE, "part" INTEGER NOT NULL, "data" BYTEA NOT NULL, PRIMARY KEY ("sha256", "part"))',
)


def create_tables(cursor: Any) -> None:
    """The team-database-only step that adds the tables (new databases and existing ones alike)."""
    for statement in TABLES:
        cursor.execute(statement)


def _in_transaction(db: Any) -> None:
    if not db.in_transaction():
        raise RuntimeError("attachment bytes are claimed and removed inside a transaction")


def claim(db: Any, sha256: str) -> bool:
    """Whether the database holds the bytes of ``sha256``; when it does, they stay until this
    transaction ends (a share lock on the blob row)."""
    _in_transaction(db)
    cursor = db.cursor()
    cursor.execute('SELECT 1 FROM "attachment_blob" WHERE "sha256" = %s FOR SHARE', (sha256,))
    return cursor.fetchone() is not None


def store(db: Any, sha256: str, size: int, chunks: Iterable[bytes]) -> bool:
    """Make the database hold the bytes of ``sha256`` (``chunks``, ``size`` bytes in all, read only when
    the database lacks them) for as long as this transaction's rows need them. Returns whether this
    call wrote them (False: already there, now claimed)."""
    _in_transaction(db)
    cursor = db.cursor()
    for _attempt in range(5):
        if claim(db, sha256):
            return False
        # waits for a concurrent writer of the same content; nothing inserted when that one commits
        cursor.execute(
            'INSERT INTO "attachment_blob" ("sha256", "size") VALUES (%s, %s) '
            'ON CONFLICT ("sha256") DO NOTHING RETURNING "sha256"',
            (sha256, int(size)),
        )
        if cursor.fetchone() is not None:
            _write_parts(cursor, sha256, chunks)
            return True
    raise RuntimeError(f"the bytes of {sha256} could not be claimed")  # purged and re-added five times over


def _write_parts(cursor: Any, sha256: str, chunks: Iterable[bytes]) -> None:
    import psycopg2

    part = 0
    buffer = bytearray()
    for chunk in chunks:
        buffer += chunk
        while len(buffer) >= PART:
            cursor.execute(
                'INSERT INTO "attachment_blob_part" ("sha256", "part", "data") VALUES (%s, %s, %s)',
                (sha256, part, psycopg2.Binary(bytes(buffer[:PART]))),
            )
            del buffer[:PART]
            part += 1
    if buffer or part == 0:  # an empty file has one empty part
        cursor.execute(
            'INSERT INTO "attachment_blob_part" ("sha256", "part", "data") VALUES (%s, %s, %s)',
            (sha256, part, psycopg2.Binary(bytes(buffer))),
        )


def remove_if_unreferenced(db: Any, sha256: str) -> bool:
    """Delete the bytes of ``sha256`` when no attachment row (removed or not) refers to them; inside the
    caller's transaction. Returns whether they were deleted."""
    _in_transaction(db)
    cursor = db.cursor()
    # first the lock: a machine attaching the same bytes holds a share lock until its commit...
    cursor.execute('SELECT 1 FROM "attachment_blob" WHERE "sha256" = %s FOR UPDATE', (sha256,))
    if cursor.fetchone() is None:
        return False
    # ...and this statement's snapshot, taken after the lock, sees its attachment row
    cursor.execute('SELECT EXISTS (SELECT 1 FROM "attachment" WHERE "sha256" = %s)', (sha256,))
    if cursor.fetchone()[0]:
        return False
    cursor.execute('DELETE FROM "attachment_blob" WHERE "sha256" = %s', (sha256,))
    return True


def present(db: Any, hashes: Iterable[str]) -> set[str]:
    """Which of ``hashes`` the database holds."""
    wanted = sorted(set(hashes))
    if not wanted:
        return set()
    cursor = db.cursor()
    cursor.execute('SELECT "sha256" FROM "attachment_blob" WHERE "sha256" = ANY(%s)', (wanted,))
    return {str(row[0]) for row in cursor.fetchall()}


def size_of(db: Any, sha256: str) -> int | None:
    cursor = db.cursor()
    cursor.execute('SELECT "size" FROM "attachment_blob" WHERE "sha256" = %s', (sha256,))
    row = cursor.fetchone()
    return None if row is None else int(row[0])


def read(db: Any, sha256: str) -> Iterator[bytes]:
    """The bytes of ``sha256``, one part at a time (nothing when the database does not hold them)."""
    cursor = db.cursor()
    part = 0
    while True:
        cursor.execute(
            'SELECT "data" FROM "attachment_blob_part" WHERE "sha256" = %s AND "part" = %s', (sha256, part)
        )
        row = cursor.fetchone()
        if row is None:
            return
        yield bytes(row[0])
        part += 1


def referenced_but_missing(db: Any) -> list[str]:
    """The hashes attachment rows refer to whose bytes the database does not hold (attached before the
    team database kept the bytes, by a machine that kept them in its own folder)."""
    cursor = db.cursor()
    cursor.execute(
        'SELECT DISTINCT a."sha256" FROM "attachment" a WHERE NOT EXISTS '
        '(SELECT 1 FROM "attachment_blob" b WHERE b."sha256" = a."sha256") ORDER BY 1'
    )
    return [str(row[0]) for row in cursor.fetchall()]


def referenced(db: Any) -> list[str]:
    """Every hash an attachment row (removed or not) refers to."""
    cursor = db.cursor()
    cursor.execute('SELECT DISTINCT "sha256" FROM "attachment" ORDER BY 1')
    return [str(row[0]) for row in cursor.fetchall()]


def hashed(chunks: Iterable[bytes], sha256: str, seen: list[int]) -> Iterator[bytes]:
    """``chunks`` passed through, counting their bytes into ``seen[0]``; raises ``ValueError`` at the end
    when they are not the bytes of ``sha256`` (the caller's transaction then keeps nothing of them)."""
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
        seen[0] += len(chunk)
        yield chunk
    if digest.hexdigest() != sha256:
        raise ValueError(f"the bytes read are not those of {sha256}")
