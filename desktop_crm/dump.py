"""Dump every record as JSON, in a stable order.

Format (one JSON document)::

    {"format": "desktop-crm-dump", "format_version": 1, "schema_version": 2,
     "tables": {"user": [{"id": 1, "uuid": "...", ...}, ...], "setting": [...], ...}}

Tables appear in dependency order (``desktop_crm.models.ALL_MODELS``), rows by ``id``, columns in
schema order. Values are as stored: dates 'YYYY-MM-DD', timestamps 'YYYY-MM-DD HH:MM:SS' (local time),
money as integer cents (columns ending in ``_cents``), booleans 0/1, soft-deleted rows included with
their ``deleted_at``. The writer streams, so a million follow-ups never sit in memory at once.

``by_uuid`` (``dump --by-uuid``) writes what two replicas of offline sync must agree on: no ``id``, each
foreign key as the UUID of the record it points at, rows ordered by ``uuid`` (the header says
``"keyed_by": "uuid"``). Two files that synced have the same such dump whatever ids each gave its rows.
"""

from __future__ import annotations

import json
import os
from typing import TextIO

from peewee import Database, ForeignKeyField

from .engine import stored_schema_version, stream_rows, table_names
from .models import ALL_MODELS

FORMAT_VERSION = 1


def uuid_keyed_select(table: str, columns: list[str], foreign_keys: dict[str, str], tail: str = "") -> str:
    """``SELECT`` of ``table``'s ``columns`` with each foreign key read as the UUID of the row it points at
    (``dump --by-uuid`` and offline sync's records); ``tail``: a WHERE / ORDER BY clause on ``t``."""
    parts = [
        f'(SELECT "uuid" FROM "{foreign_keys[c]}" WHERE id = t."{c}") AS "{c}"'
        if c in foreign_keys
        else f't."{c}"'
        for c in columns
    ]
    return f'SELECT {", ".join(parts)} FROM "{table}" AS t {tail}'.rstrip()


def _by_uuid_select(model: type) -> str:
    fields = [f for f in model._meta.sorted_fields if f.column_name != "id"]  # type: ignore[attr-defined]
    fks = {f.column_name: f.rel_model._meta.table_name for f in fields if isinstance(f, ForeignKeyField)}
    table = model._meta.table_name  # type: ignore[attr-defined]
    return uuid_keyed_select(table, [f.column_name for f in fields], fks, 'ORDER BY t."uuid"')


def dump_database(db: Database, out: TextIO, *, by_uuid: bool = False) -> dict[str, int]:
    """Write the whole database to ``out`` as JSON; return the row count per table."""
    counts: dict[str, int] = {}
    header: dict[str, object] = {
        "format": "desktop-crm-dump",
        "format_version": FORMAT_VERSION,
        "schema_version": stored_schema_version(db),
    }
    if by_uuid:
        header["keyed_by"] = "uuid"
    out.write(json.dumps(header, ensure_ascii=False)[:-1])
    out.write(', "tables": {')
    # A file of an older schema lacks the tables added since: it is dumped as it is.
    present = table_names(db)
    models = [m for m in ALL_MODELS if m._meta.table_name in present]  # type: ignore[attr-defined]
    for t_index, model in enumerate(models):
        table = model._meta.table_name  # type: ignore[attr-defined]
        # the model's columns in schema order (a team database's columns are in the same order)
        sql = _by_uuid_select(model) if by_uuid else f'SELECT * FROM "{table}" ORDER BY id'
        columns, cursor = stream_rows(sql, db=db)
        out.write(("," if t_index else "") + "\n" + json.dumps(table) + ": [")
        n = 0
        for row in cursor:
            out.write(
                ("," if n else "")
                + "\n  "
                + json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False)
            )
            n += 1
        out.write("\n]" if n else "]")
        counts[table] = n
    out.write("\n}}\n")
    return counts


def dump_to_file(db: Database, path: str | os.PathLike[str], *, by_uuid: bool = False) -> dict[str, int]:
    """Dump to ``path`` through a temporary file renamed over it at the end (``safe_write``): an
    interrupted or failed dump (a full disk) leaves any earlier file at ``path`` as it was."""
    from .safe_write import replaced_text_file

    with replaced_text_file(path) as out:
        return dump_database(db, out, by_uuid=by_uuid)
