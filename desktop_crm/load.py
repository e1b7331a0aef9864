"""Restore a ``dump`` (``desktop_crm.dump``) into an empty database: ``load_file`` / ``load_dump``.

The result is the source again: the same rows with the same ids, uuids, timestamps, soft deletions,
settings and PIN hashes, so that dumping it gives the same bytes. The derived data the dump leaves out
(the client search index, the KPI summaries of ``kpi_summary``) and ``client.last_contact_at`` are
recomputed from the loaded rows, exactly what the triggers would have kept.

How:

- The dump is read as a stream (``DumpReader``): one JSON value at a time through
  ``json.JSONDecoder.raw_decode`` over a growing buffer, so a million follow-ups never sit in memory at
  once, and any valid JSON of the format is accepted whatever its layout (line breaks are not relied
  on). The header (``format``, ``format_version``, ``schema_version``) must come before ``tables``.
- Everything is written in ONE transaction (``BEGIN IMMEDIATE``): the triggers and secondary indexes of
  the tables being filled are dropped inside it and re-created from their own SQL at the end (the
  schema is identical afterwards; a failure rolls them back with the rows). Foreign keys are checked
  at the commit (``defer_foreign_keys``): rows may come in any table order and point forward.
- A dump of an older schema version is loaded into a NEW file created at that version and then brought
  up to date by the ordinary migrations, inside the same transaction. An existing database of a newer
  schema than the dump's is refused (it cannot go back).
- Any problem (not JSON, truncated, wrong types, unknown table or column, duplicate ids, broken
  references, a row too large) is one ``CrmError`` sentence and the database stays as it was; a file
  that ``load_file`` created for the load is removed again.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from peewee import SqliteDatabase

from .driver import sqlite3
from .dump import FORMAT_VERSION
from .errors import CrmError
from .migrations import LATEST_VERSION, MIGRATIONS
from .models import ALL_MODELS

FORMAT = "desktop-crm-dump"
CHUNK = 1 << 20  # characters read at a time
MAX_VALUE = 256 << 20  # one row (or header value) above 256 M characters: refused, not buffered forever
BATCH = 2000  # rows per executemany
NAME_LIMIT = 60  # characters of a table or column name repeated in a message

Progress = Callable[[int, int], None]  # (bytes read, bytes in the file)


@dataclass(frozen=True)
class DumpHeader:
    format_version: int
    schema_version: int


@dataclass
class LoadSummary:
    """What was loaded: rows per table (in the order the dump gave them) and the final schema version."""

    counts: dict[str, int] = field(default_factory=dict)
    schema_version: int = LATEST_VERSION
    migrated_from: int | None = None  # the dump's schema version when it was older
    problems: list[str] = field(default_factory=list)  # the domain checks' findings (``integrity``)

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())


def _short(text: object) -> str:
    value = str(text)
    return value if len(value) <= NAME_LIMIT else value[: NAME_LIMIT - 1] + "…"


# --- the streaming reader --------------------------------------------------------------------------------

_WS = re.compile(r"[ \t\n\r]*")


class DumpReader:
    """Reads a dump document value by value. ``header()`` first, then ``tables()``."""

    def __init__(self, stream: TextIO, size: int = 0, progress: Progress | None = None) -> None:
        self._stream = stream
        self._buf = ""
        self._pos = 0
        self._eof = False
        self._line = 1  # line number of the buffer's start
        self._size = size
        self._progress = progress
        self._decoder = json.JSONDecoder(parse_constant=self._no_constant)
        self.header_seen = False

    # low level

    def _no_constant(self, name: str) -> Any:  # NaN and Infinity are not JSON
        raise CrmError("load.not_json", line=self.line())

    def _fill(self, want: int = CHUNK) -> bool:
        if self._eof:
            return False
        try:
            chunk = self._stream.read(want)
        except UnicodeDecodeError:
            raise CrmError("load.not_utf8") from None
        if self._pos:
            self._line += self._buf.count("\n", 0, self._pos)
            self._buf = self._buf[self._pos :]
            self._pos = 0
        if not chunk:
            self._eof = True
            return False
        self._buf += chunk
        if self._progress is not None:
            self._progress(self._bytes_read(), self._size)
        return True

    def _bytes_read(self) -> int:
        buffer = getattr(self._stream, "buffer", None)
        try:
            return int(buffer.tell()) if buffer is not None else 0
        except (OSError, ValueError):
            return 0

    def line(self) -> int:
        return self._line + self._buf.count("\n", 0, self._pos)

    def _skip_ws(self) -> None:
        while True:
            match = _WS.match(self._buf, self._pos)
            self._pos = match.end() if match else self._pos
            if self._pos < len(self._buf) or not self._fill():
                return

    def _peek(self) -> str:
        self._skip_ws()
        return self._buf[self._pos] if self._pos < len(self._buf) else ""

    def _expect(self, char: str) -> None:
        found = self._peek()
        if found != char:
            self._bad(found)
        self._pos += 1

    def _bad(self, found: str) -> None:
        if not found:
            raise CrmError("load.truncated")
        raise CrmError("load.not_json", line=self.line())

    def _value(self) -> Any:
        self._skip_ws()
        want = CHUNK
        while True:
            error: json.JSONDecodeError | None = None
            try:
                value, end = self._decoder.raw_decode(self._buf, self._pos)
            except json.JSONDecodeError as exc:
                value, end, error = None, -1, exc
            except RecursionError:
                raise CrmError("load.not_json", line=self.line()) from None
            # A value that ends with the buffer (a number cut in two) may go on in the next chunk.
            if end != -1 and (end < len(self._buf) or self._eof):
                self._pos = end
                return value
            if len(self._buf) - self._pos > MAX_VALUE:
                raise CrmError("load.value_too_large", line=self.line())
            if not self._fill(want):
                if end != -1:
                    self._pos = end
                    return value
                if error is not None and (
                    error.pos >= len(self._buf) - 1 or error.msg.startswith("Unterminated")
                ):
                    raise CrmError("load.truncated")
                self._bad(self._buf[self._pos : self._pos + 1])
            want = max(want, len(self._buf) - self._pos)  # grow geometrically for a huge row

    def _string(self) -> str:
        if self._peek() != '"':
            self._bad(self._peek())
        value = self._value()
        assert isinstance(value, str)
        return value

    def _comma_or(self, closing: str) -> bool:
        """After a member: True if another follows (a comma), False at ``closing``."""
        found = self._peek()
        if found == ",":
            self._pos += 1
            return True
        if found == closing:
            self._pos += 1
            return False
        self._bad(found)
        return False

    # the document

    def header(self) -> DumpHeader:
        """Read up to the ``"tables"`` key; the format and both versions checked."""
        if self._peek() != "{":
            if not self._peek():
                raise CrmError("load.empty_file")
            raise CrmError("load.not_a_dump")
        self._pos += 1
        values: dict[str, Any] = {}
        if self._peek() == "}":
            raise CrmError("load.not_a_dump")
        while True:
            key = self._string()
            self._expect(":")
            if key == "tables":
                if "format" not in values:  # a header written after the tables cannot be streamed
                    raise CrmError("load.bad_header")
                break
            values[key] = self._value()
            if not self._comma_or("}"):
                raise CrmError("load.not_a_dump" if values.get("format") != FORMAT else "load.no_tables")
        header = _check_header(values)
        self.header_seen = True
        return header

    def tables(self) -> Iterator[tuple[str, Iterator[Any]]]:
        """(table name, its rows) in the dump's order; each row iterator must be consumed in turn."""
        self._expect("{")
        if self._peek() == "}":
            self._pos += 1
        else:
            while True:
                name = self._string()
                self._expect(":")
                self._expect("[")
                yield name, self._rows()
                if not self._comma_or("}"):
                    break
        if self._comma_or("}"):  # keys after "tables" at the top level
            while True:
                key = self._string()
                self._expect(":")
                self._value()
                if key == "tables":
                    raise CrmError("load.duplicate_table", table="tables")
                if not self._comma_or("}"):
                    break
        if self._peek():
            raise CrmError("load.trailing_data", line=self.line())

    def _rows(self) -> Iterator[Any]:
        if self._peek() == "]":
            self._pos += 1
            return
        while True:
            yield self._value()
            if not self._comma_or("]"):
                return


def _check_header(values: dict[str, Any]) -> DumpHeader:
    if values.get("format") != FORMAT:
        raise CrmError("load.not_a_dump")
    fmt, schema = values.get("format_version"), values.get("schema_version")
    for value in (fmt, schema):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise CrmError("load.bad_header")
    assert isinstance(fmt, int) and isinstance(schema, int)
    if fmt > FORMAT_VERSION:
        raise CrmError("load.newer_format", version=fmt, latest=FORMAT_VERSION)
    if schema > LATEST_VERSION:
        raise CrmError("load.newer_schema", version=schema, latest=LATEST_VERSION)
    return DumpHeader(fmt, schema)


# --- writing the rows --------------------------------------------------------------------------------------

_DATE = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
_TIME = "[0-9][0-9]:[0-9][0-9]:[0-9][0-9]"


def _type_check(column: str, declared: str) -> str | None:
    """A SQL condition true for a stored value of the wrong kind (None: anything goes)."""
    kind = declared.upper()
    c = f'"{column}"'
    if kind == "INTEGER":
        return f"typeof({c}) NOT IN ('integer', 'null')"
    if kind == "REAL":
        return f"typeof({c}) NOT IN ('integer', 'real', 'null')"
    if kind == "DATE":
        return f"NOT ({c} IS NULL OR (typeof({c}) = 'text' AND {c} GLOB '{_DATE}' AND length({c}) = 10))"
    if kind == "DATETIME":
        return f"NOT ({c} IS NULL OR (typeof({c}) = 'text' AND {c} GLOB '{_DATE} {_TIME}*'))"
    if kind == "TEXT" or kind.startswith("VARCHAR"):
        return f"typeof({c}) NOT IN ('text', 'null')"
    return None


@dataclass
class _Table:
    name: str
    columns: tuple[str, ...]
    declared: tuple[str, ...]
    sql: str = ""

    def __post_init__(self) -> None:
        names = ", ".join(f'"{c}"' for c in self.columns)
        marks = ", ".join("?" for _ in self.columns)
        self.sql = f'INSERT INTO "{self.name}" ({names}) VALUES ({marks})'


def _tables(conn: sqlite3.Connection) -> dict[str, _Table]:
    """The base tables of this database (those a dump holds), by name."""
    existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    tables: dict[str, _Table] = {}
    for model in ALL_MODELS:
        name = model._meta.table_name  # type: ignore[attr-defined]
        if name in existing:
            info = conn.execute(f'PRAGMA table_info("{name}")').fetchall()
            tables[name] = _Table(name, tuple(r[1] for r in info), tuple(r[2] for r in info))
    return tables


def _refuse_non_empty(conn: sqlite3.Connection, tables: dict[str, _Table]) -> None:
    for name in tables:
        if conn.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone():
            raise CrmError("load.not_empty", table=name)


def _integrity_error(exc: sqlite3.IntegrityError, table: str) -> CrmError:
    text = str(exc)
    if text.startswith("UNIQUE constraint failed") or text.startswith("PRIMARY KEY"):
        return CrmError("load.duplicate", table=table, detail=_short(text.split(":", 1)[-1].strip()))
    if text == "datatype mismatch":  # a rowid that is not a whole number
        return CrmError("load.wrong_type", table=table, detail="id")
    if text.startswith("NOT NULL constraint failed"):
        return CrmError("load.missing_value", table=table, detail=_short(text.split(":", 1)[-1].strip()))
    return CrmError("load.constraint", table=table, detail=_short(text))


class _Writer:
    """Inserts the rows of one load inside the caller's transaction, table by table, in batches."""

    def __init__(self, conn: sqlite3.Connection, tables: dict[str, _Table]) -> None:
        self.conn = conn
        self.tables = tables
        self.counts: dict[str, int] = {}

    def table(self, name: str, rows: Iterator[Any]) -> None:
        table = self.tables.get(name)
        if table is None:
            raise CrmError("load.unknown_table", table=_short(name))
        if name in self.counts:
            raise CrmError("load.duplicate_table", table=name)
        expected = set(table.columns)
        width = len(table.columns)
        pick = itemgetter(*table.columns)
        batch: list[Any] = []
        n = 0
        for row in rows:
            n += 1
            if type(row) is not dict:
                raise CrmError("load.row_not_object", table=name, row=n)
            if len(row) != width or row.keys() != expected:
                self._column_error(table, row, n)
            batch.append(pick(row))
            if len(batch) >= BATCH:
                self._insert(table, batch)
                batch = []
        if batch:
            self._insert(table, batch)
        self.counts[name] = n

    def _column_error(self, table: _Table, row: dict[str, Any], n: int) -> None:
        unknown = [c for c in row if c not in table.columns]
        if unknown:
            raise CrmError("load.unknown_column", table=table.name, column=_short(unknown[0]), row=n)
        missing = next(c for c in table.columns if c not in row)
        raise CrmError("load.missing_column", table=table.name, column=missing, row=n)

    def _insert(self, table: _Table, batch: list[Any]) -> None:
        if len(table.columns) == 1:
            batch = [(value,) for value in batch]
        try:
            self.conn.executemany(table.sql, batch)
        except sqlite3.IntegrityError as exc:
            raise _integrity_error(exc, table.name) from None
        except UnicodeEncodeError:
            raise CrmError("load.bad_text", table=table.name) from None
        except (sqlite3.InterfaceError, sqlite3.ProgrammingError, OverflowError, TypeError) as exc:
            raise CrmError("load.wrong_type", table=table.name, detail=_short(exc)) from None

    def check_types(self) -> None:
        for table in self.tables.values():
            if not self.counts.get(table.name):
                continue
            for column, declared in zip(table.columns, table.declared, strict=True):
                condition = _type_check(column, declared)
                if condition is None:
                    continue
                bad = self.conn.execute(
                    f'SELECT id FROM "{table.name}" WHERE {condition} LIMIT 1'
                    if "id" in table.columns
                    else f'SELECT rowid FROM "{table.name}" WHERE {condition} LIMIT 1'
                ).fetchone()
                if bad:
                    raise CrmError(
                        "load.bad_value", table=table.name, column=column, id=bad[0], kind=declared.lower()
                    )


def _suspend(conn: sqlite3.Connection, tables: dict[str, _Table]) -> list[str]:
    """Drop the triggers and secondary indexes of ``tables``; return the SQL that re-creates them."""
    marks = ", ".join("?" for _ in tables)
    found = conn.execute(
        f"SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY type, name",
        tuple(tables),
    ).fetchall()
    for kind, name, _sql in found:
        conn.execute(f'DROP {"TRIGGER" if kind == "trigger" else "INDEX"} "{name}"')
    # indexes first (the derived data is recomputed with them), the triggers after it
    return [sql for kind, _n, sql in found if kind == "index"] + [
        sql for kind, _n, sql in found if kind == "trigger"
    ]


def _recompute_derived(conn: sqlite3.Connection) -> None:
    from . import derived, kpi_summary

    existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "client_search" in existing:
        derived.rebuild_search(conn)
    columns = {r[1] for r in conn.execute('PRAGMA table_info("client")')}
    if "last_contact_at" in columns:
        derived.rebuild_last_contact(conn)
    if derived.TALLY in existing:
        derived.rebuild_tally(conn)
    if kpi_summary.has_summaries(conn):
        kpi_summary.recompute(conn)


def _broken_reference(conn: sqlite3.Connection) -> CrmError:
    row = conn.execute("PRAGMA foreign_key_check").fetchone()
    if row is None:
        return CrmError("load.constraint", table="-", detail="FOREIGN KEY constraint failed")
    table, rowid, parent, fk_index = row
    column = "?"
    for fk in conn.execute(f'PRAGMA foreign_key_list("{table}")'):
        if fk[0] == fk_index:
            column = fk[3]
    value = conn.execute(f'SELECT "{column}" FROM "{table}" WHERE rowid = ?', (rowid,)).fetchone()
    return CrmError(
        "load.broken_reference",
        table=table,
        id=rowid,
        column=column,
        parent=parent,
        value=value[0] if value else None,
    )


def load_dump(db: SqliteDatabase, reader: DumpReader, header: DumpHeader) -> LoadSummary:
    """Load the rows of ``reader`` (its header already read) into the EMPTY database ``db``, whose schema
    version must be the dump's; migrate it to the latest version afterwards, all in one transaction."""
    from .db import schema_version
    from .integrity import DOMAIN_CHECKS

    conn: sqlite3.Connection = db.connection()
    version = schema_version(conn)
    if version != header.schema_version:
        raise CrmError("load.schema_mismatch", version=header.schema_version, target=version)
    if conn.in_transaction:
        raise CrmError("load.busy")
    tables = _tables(conn)
    conn.execute("BEGIN IMMEDIATE")
    try:
        _refuse_non_empty(conn, tables)
        conn.execute("PRAGMA defer_foreign_keys = ON")
        restore_sql = _suspend(conn, tables)
        writer = _Writer(conn, tables)
        for name, rows in reader.tables():
            writer.table(name, rows)
        writer.check_types()
        for sql in restore_sql:
            if sql.lstrip().upper().startswith("CREATE TRIGGER"):
                break
            try:
                conn.execute(sql)
            except sqlite3.IntegrityError as exc:  # a UNIQUE index over duplicate values
                raise _integrity_error(exc, str(exc).split(":", 1)[-1].strip().split(".")[0]) from None
        _recompute_derived(conn)
        for sql in restore_sql:
            if sql.lstrip().upper().startswith("CREATE TRIGGER"):
                conn.execute(sql)
        for number in range(version + 1, LATEST_VERSION + 1):  # an older dump: the ordinary upgrade
            MIGRATIONS[number - 1](conn)
        if version < LATEST_VERSION:
            conn.execute(f"PRAGMA user_version = {int(LATEST_VERSION)}")
        problems = []
        for description, sql in DOMAIN_CHECKS:
            found = conn.execute(sql).fetchall()
            if found:
                ids = ", ".join(f"{t}#{i}" for t, i in found[:5])
                problems.append(f"{len(found)} {description}: {ids}")
        try:
            conn.execute("COMMIT")
        except sqlite3.IntegrityError:  # deferred foreign keys: the transaction is still open
            raise _broken_reference(conn) from None
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return LoadSummary(
        counts=writer.counts,
        schema_version=LATEST_VERSION,
        migrated_from=version if version < LATEST_VERSION else None,
        problems=problems,
    )


def open_dump(path: str | os.PathLike[str]) -> tuple[TextIO, int]:
    """Open a dump file for ``DumpReader`` (UTF-8, a byte order mark tolerated); its size in bytes."""
    try:
        binary: BinaryIO = open(path, "rb")  # noqa: SIM115 - closed by the caller through the wrapper
    except FileNotFoundError:
        raise CrmError("load.no_file", path=str(path)) from None
    except IsADirectoryError:
        raise CrmError("load.is_a_folder", path=str(path)) from None
    size = os.fstat(binary.fileno()).st_size
    return io.TextIOWrapper(binary, encoding="utf-8-sig", errors="strict", newline=""), size


def _remove_database_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")


def load_file(
    db_path: str | os.PathLike[str],
    dump_path: str | os.PathLike[str],
    progress: Progress | None = None,
) -> LoadSummary:
    """Load the dump at ``dump_path`` into the database at ``db_path``: a new file (created, and removed
    again if the load fails) or an existing database without records. Closes the database afterwards."""
    from .db import close_database, open_database

    target = Path(db_path)
    stream, size = open_dump(dump_path)
    with stream:
        reader = DumpReader(stream, size, progress)
        header = reader.header()
        created = not target.exists() or (target.is_file() and target.stat().st_size == 0)
        if created:
            db = open_database(target, migrate_to=header.schema_version, allow_empty=True)
        else:
            db = open_database(target)
        try:
            from .db import schema_version

            version = schema_version(db.connection())
            if not created and version != header.schema_version:
                raise CrmError(
                    "load.older_dump_needs_new_file", version=header.schema_version, target=version
                )
            return load_dump(db, reader, header)
        except BaseException:
            close_database()
            if created:
                _remove_database_file(target)
            raise
        finally:
            close_database()
