"""Copy a whole database between engines: a local file into an empty team database and back
(``desktop-crm copy SOURCE DEST``).

Every table of the models is copied row for row with its ids, uuids and timestamps, in dependency order,
in ONE transaction on the destination (complete or nothing). Afterwards ``dump`` of both is identical.

- Into a team database (PostgreSQL): the schema's own triggers are switched off for the copy and the
  derived tables (search text, KPI summaries) are copied as they are (the source kept them exact); the
  rows stream through ``COPY ... FROM STDIN``; foreign keys are checked at commit (they are
  ``DEFERRABLE``: a goal may point at a parent with a higher id); the identity sequences are moved past
  the copied ids (``setval``); the planner's statistics are gathered.
- Into a file (SQLite): the rows are inserted in bulk with the per-row triggers suspended and the derived
  data recomputed once (``derived.bulk_mode``).

The attachments' bytes go along (``attachments.carry_files``, each checked against its hash): from the
store beside a file (``<file>.files``) or a team database's own tables into the destination's keeping,
the team database's tables (in the same transaction as the rows) or the store beside the new file. Bytes
the source does not have are named in the summary; their rows are copied all the same.

The destination must be empty: a new file, or a team database without our tables or with no rows.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .attachments import CarriedFiles, carry_files
from .changes import DERIVED_TABLES
from .engine import is_postgres, stream_rows, table_names
from .errors import CrmError
from .models import ALL_MODELS

DERIVED = tuple(sorted(DERIVED_TABLES))  # copied after the tables they derive from
Progress = Callable[[str, int], None]


@dataclass
class CopySummary:
    source: str
    destination: str
    counts: dict[str, int] = field(default_factory=dict)
    files: int = 0  # attachment contents copied
    missing_files: list[str] = field(default_factory=list)  # hashes whose bytes the source lacks

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "destination": self.destination,
            "tables": dict(self.counts),
            "files": {"copied": self.files, "missing": list(self.missing_files)},
        }


def _tables() -> list[str]:
    return [m._meta.table_name for m in ALL_MODELS]  # type: ignore[attr-defined]


def first_table_with_rows(db: Any) -> str | None:
    """The first table of the models (in dependency order) that holds a row; None when ``db`` is empty."""
    present = table_names(db)
    for table in _tables():
        if table in present and db.execute_sql(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone():
            return table
    return None


def _refuse_non_empty(db: Any, shown: str) -> None:
    table = first_table_with_rows(db)
    if table is not None:
        raise CrmError("copy.not_empty", target=shown, table=table)


def _csv_field(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, bytes | memoryview):
        return '"\\x' + bytes(value).hex() + '"'
    return '"' + str(value).replace('"', '""') + '"'


class _CsvStream(io.TextIOBase):
    """The rows as CSV text for ``COPY ... FROM STDIN (FORMAT csv)``, produced as PostgreSQL reads."""

    def __init__(self, rows: Iterable[tuple[Any, ...]], counter: list[int]) -> None:
        self._rows: Iterator[tuple[Any, ...]] = iter(rows)
        self._buffer = ""
        self._counter = counter

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> str:
        want = 1 << 16 if size is None or size < 0 else size
        parts = [self._buffer]
        length = len(self._buffer)
        while length < want:
            row = next(self._rows, None)
            if row is None:
                break
            line = ",".join(_csv_field(v) for v in row) + "\n"
            parts.append(line)
            length += len(line)
            self._counter[0] += 1
        text = "".join(parts)
        self._buffer = text[want:]
        return text[:want]


def _into_team_database(
    source: Any, dest: Any, progress: Progress | None, carry: Callable[[], CarriedFiles]
) -> tuple[dict[str, int], CarriedFiles]:
    from .postgres.schema import COPY_SELECTS

    counts: dict[str, int] = {}
    present = table_names(source)
    tables = [t for t in _tables() if t in present] + [t for t in DERIVED if t in present]
    with dest.atomic():
        cursor = dest.cursor()
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for table in tables:
            cursor.execute(f'ALTER TABLE "{table}" DISABLE TRIGGER USER')
        for table in tables:
            order = "id" if table not in DERIVED else "1"
            select = COPY_SELECTS.get(table, f'SELECT * FROM "{table}" ORDER BY {order}')
            columns, rows = stream_rows(select, db=source)
            names = ", ".join(f'"{c}"' for c in columns)
            counter = [0]
            cursor.copy_expert(
                f'COPY "{table}" ({names}) FROM STDIN WITH (FORMAT csv)',
                _CsvStream(rows, counter),
                size=1 << 16,
            )
            counts[table] = counter[0]
            if progress is not None:
                progress(table, counter[0])
        cursor.execute(
            "SET CONSTRAINTS ALL IMMEDIATE"
        )  # every reference checked here, before the triggers return
        for table in tables:
            cursor.execute(f'ALTER TABLE "{table}" ENABLE TRIGGER USER')
            if table not in DERIVED:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                    f'coalesce((SELECT max(id) FROM "{table}"), 0) + 1, false)'
                )
        files = carry()  # the attachments' bytes, in the same transaction
    # the planner's statistics, and the visibility map that lets the lists read ids from the indexes alone
    dest.execute_sql("VACUUM ANALYZE")
    return {t: n for t, n in counts.items() if t not in DERIVED}, files


def _into_file(
    source: Any, dest: Any, progress: Progress | None, carry: Callable[[], CarriedFiles]
) -> tuple[dict[str, int], CarriedFiles]:
    from .derived import bulk_mode

    counts: dict[str, int] = {}
    present = table_names(source)
    conn = dest.connection()
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("PRAGMA defer_foreign_keys = ON")
        with bulk_mode(conn):
            for table in [t for t in _tables() if t in present]:
                columns, rows = stream_rows(f'SELECT * FROM "{table}" ORDER BY id', db=source)
                names = ", ".join(f'"{c}"' for c in columns)
                marks = ", ".join("?" * len(columns))
                counter = [0]

                def counted(
                    rows: Iterable[tuple[Any, ...]] = rows, counter: list[int] = counter
                ) -> Iterator[tuple[Any, ...]]:
                    for row in rows:
                        counter[0] += 1
                        yield row

                conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', counted())
                counts[table] = counter[0]
                if progress is not None:
                    progress(table, counter[0])
        files = carry()  # the attachments' bytes into the new file's store, before its rows commit
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return counts, files


def copy_database(
    source: str | os.PathLike[str], destination: str | os.PathLike[str], progress: Progress | None = None
) -> CopySummary:
    """Copy every record of ``source`` into the empty ``destination`` (files or postgresql:// URLs)."""
    from .db import close_database, open_database
    from .models import database
    from .team_url import display_url, is_team_url

    def shown(target: str | os.PathLike[str]) -> str:
        return display_url(str(target)) if is_team_url(target) else os.fspath(target)

    if shown(source) == shown(destination) or (
        not is_team_url(source)
        and not is_team_url(destination)
        and Path(source).resolve() == Path(destination).resolve()
    ):
        raise CrmError("copy.same", target=shown(source))
    if not is_team_url(source) and not Path(source).exists():
        raise CrmError("cli.no_database", path=os.fspath(source))
    if not is_team_url(destination) and Path(destination).exists() and Path(destination).stat().st_size > 0:
        # an existing file must be one of ours and empty (checked below); never someone else's file
        pass
    dest = open_database(destination)
    database.initialize(None)
    try:
        _refuse_non_empty(dest, shown(destination))
        src = open_database(source)
        try:

            def carry() -> CarriedFiles:
                return carry_files(src, source, dest, destination)

            if is_postgres(dest):
                counts, files = _into_team_database(src, dest, progress, carry)
            else:
                counts, files = _into_file(src, dest, progress, carry)
        finally:
            close_database()
    finally:
        if not dest.is_closed():
            dest.close()
    return CopySummary(shown(source), shown(destination), counts, files.copied, files.missing)
