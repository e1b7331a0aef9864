"""The team database's schema: the SQLite schema at the same version, translated.

One source of truth: the SQLite migrations (``desktop_crm/migrations``). A new team database gets the
schema a fresh SQLite file has at the latest version — tables, indexes and the triggers that keep the
derived data (search text, last contact, KPI summaries) — translated for PostgreSQL:

- integers are ``BIGINT`` (SQLite's are 64-bit), ``id`` an identity column; text of any declared length is
  ``TEXT`` (SQLite never enforced the lengths, so a copied file always fits); dates and times stay ISO text
  (``desktop_crm.engine``); ``REAL`` is ``DOUBLE PRECISION``;
- ``COLLATE NOCASE`` index keys become ``lower(...)``;
- each SQLite trigger becomes a PL/pgSQL function and a row trigger with the same timing, event,
  columns and condition;
- the FTS5 trigram index becomes a ``pg_trgm`` GIN index on ``client_search``'s lowered text (Chinese and
  phone fragments are matched by substring, as on SQLite).

Some parts only the team database has (:data:`TEAM_REVISIONS`): the two-character search index, the
tables holding the attachments' bytes (``desktop_crm.postgres.blobs``; a file keeps them in its
``.files`` folder), and the search rows' lowered text and name.

The version lives in ``crm_meta`` (``schema_version``, ``application``). Migrations above
:data:`BASELINE_VERSION` must come with their PostgreSQL step in :data:`PG_MIGRATIONS`
(``tests/core/postgres/test_schema.py`` checks it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import resources
from typing import Any

from ..changes import DERIVED_TABLES
from ..driver import connect as sqlite_connect
from ..migrations import LATEST_VERSION
from .blobs import TABLES as BLOB_TABLES
from .blobs import create_tables as create_blob_tables
from .sql import translate

APPLICATION = "desktop-crm"
BASELINE_VERSION = 14


def _client_tally(cursor: Any) -> None:
    """Version 15: the number of clients alive and in the trash, kept by triggers (``derived.TALLY``)."""
    from .. import derived

    cursor.execute(translate_table(derived.TALLY_TABLE))
    for name, body in derived.TALLY_TRIGGERS.items():
        for statement in replacing_trigger(f'CREATE TRIGGER "{name}" {body}'):
            cursor.execute(statement)
    for statement in derived.TALLY_REBUILD:
        cursor.execute(statement)


# version -> step run on the team database (in the upgrade's transaction) to reach that version
PG_MIGRATIONS: dict[int, Callable[[Any], None]] = {15: _client_tally}

_SKIPPED_TABLES = re.compile(r"^(sqlite_|client_fts)")

_BIGRAM_INDEX = 'CREATE INDEX IF NOT EXISTS "client_search_body_bigrams" ON "client_search" USING gin (crm_bigrams("body"))'


def _search_bigrams(cursor: Any) -> None:
    """Revision 1: the two-character search index (``crm_bigrams`` in compat.sql)."""
    cursor.execute(compat_sql())
    cursor.execute(_BIGRAM_INDEX)


# Changes only the team database has (its own indexes, functions and tables), independent of the SQLite
# schema version: revision -> step, run in order at open on a database at a lower ``team_revision``
# (``crm_meta``; none stored means 0). A new database is created with every one of them.
def _attachment_bytes(cursor: Any) -> None:
    """Revision 2: the attachments' bytes shared in the database (``desktop_crm.postgres.blobs``)."""
    create_blob_tables(cursor)


# Revision 3: what the search reads besides the text, so that a search reads ``client_search`` alone:
# ``folded``, the text lowered once when written (``LIKE`` on it is ``ILIKE`` on the text: PostgreSQL's
# ILIKE lowers both sides per row, which was most of a search's time), with the trigram index on it; and
# ``sort_name``, the client's name, kept by a trigger of its own (every write of a search row is a
# refresh after a write of the client, its contacts or fields), so that the matches are put in name order
# without looking up each client (at 3,800 matches, 10 ms of a 20 ms search).
_SORT_NAME = [
    'ALTER TABLE "client_search" ADD COLUMN IF NOT EXISTS "sort_name" TEXT',
    'CREATE OR REPLACE FUNCTION "crm_client_search_sort_name"() RETURNS trigger LANGUAGE plpgsql AS $body$\n'
    "BEGIN\n  NEW.sort_name := (SELECT c.name FROM client AS c WHERE c.id = NEW.client_id);\n  RETURN NEW;\nEND\n$body$",
    'DROP TRIGGER IF EXISTS "client_search_sort_name" ON "client_search"',
    'CREATE TRIGGER "client_search_sort_name" BEFORE INSERT OR UPDATE ON "client_search" '
    'FOR EACH ROW EXECUTE FUNCTION "crm_client_search_sort_name"()',
]
_FOLDED = [
    'ALTER TABLE "client_search" ADD COLUMN IF NOT EXISTS "folded" TEXT GENERATED ALWAYS AS (lower("body")) STORED',
    'DROP INDEX IF EXISTS "client_search_body_trgm"',
    'CREATE INDEX IF NOT EXISTS "client_search_folded_trgm" ON "client_search" USING gin ("folded" gin_trgm_ops)',
]
_SEARCH_COLUMNS = _SORT_NAME + _FOLDED
# How a bulk copy into a team database reads a table whose team rows hold more than the file's (the copy
# runs with the triggers off): the search rows with their client's name beside them (``sort_name``).
COPY_SELECTS = {
    "client_search": (
        'SELECT s.client_id, s.body, c.name AS sort_name FROM "client_search" AS s '
        'JOIN "client" AS c ON c.id = s.client_id ORDER BY s.client_id'
    ),
}


def _search_sort_and_folded(cursor: Any) -> None:
    """Revision 3: ``client_search.sort_name`` and ``folded`` (:data:`_SEARCH_COLUMNS`), filled for the
    rows already there. The names are written first: adding the generated column then rewrites the table
    once, leaving no old row versions behind (a search reads every matching row)."""
    for sql in _SORT_NAME:
        cursor.execute(sql)
    cursor.execute(
        'UPDATE "client_search" AS s SET "sort_name" = c.name FROM "client" AS c '
        "WHERE c.id = s.client_id AND s.sort_name IS DISTINCT FROM c.name"
    )
    for sql in _FOLDED:
        cursor.execute(sql)


# Revision 4: the search indexes take each write at once instead of queueing it in GIN's pending list,
# which every search reads through from start to end until a vacuum empties it (up to 4 MB of entries
# after a day of edits: a few milliseconds more on every keystroke). A write of a client then updates
# the indexes itself (about a millisecond).
_DIRECT_GIN = [
    'ALTER INDEX "client_search_folded_trgm" SET (fastupdate = off)',
    'ALTER INDEX "client_search_body_bigrams" SET (fastupdate = off)',
]


def _direct_gin(cursor: Any) -> None:
    for sql in _DIRECT_GIN:
        cursor.execute(sql)


TEAM_REVISIONS: dict[int, Callable[[Any], None]] = {
    1: _search_bigrams,
    2: _attachment_bytes,
    3: _search_sort_and_folded,
    4: _direct_gin,
}
TEAM_REVISION = max(TEAM_REVISIONS)


def sqlite_schema(version: int = LATEST_VERSION) -> list[tuple[str, str, str, str]]:
    """(type, name, table, sql) of a fresh SQLite database at ``version``, in creation order."""
    from ..db import migrate

    conn = sqlite_connect(":memory:", isolation_level=None)
    try:
        migrate(conn, version)
        rows = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
        ).fetchall()
    finally:
        conn.close()
    return [(str(t), str(n), str(tb), str(s)) for t, n, tb, s in rows]


_TYPES = [
    (
        re.compile(r'("id")\s+INTEGER\s+NOT\s+NULL\s+PRIMARY\s+KEY', re.I),
        r"\1 BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
    ),
    (re.compile(r"\bINTEGER\b", re.I), "BIGINT"),
    (re.compile(r"\bDATETIME\b", re.I), "TEXT"),
    (re.compile(r"\bDATE\b", re.I), "TEXT"),
    (re.compile(r"\bREAL\b", re.I), "DOUBLE PRECISION"),
    (re.compile(r"\bVARCHAR\s*\(\s*\d+\s*\)", re.I), "TEXT"),
    (re.compile(r"\bBLOB\b", re.I), "BYTEA"),
    (re.compile(r"\)\s*WITHOUT\s+ROWID\s*$", re.I), ")"),
]


def _code_only_sub(pattern: re.Pattern[str], replacement: str, sql: str) -> str:
    """Apply ``pattern`` outside quoted names and literals."""
    out: list[str] = []
    for piece in re.split(r"('(?:[^']|'')*'|\"(?:[^\"]|\"\")*\")", sql):
        if piece.startswith(("'", '"')):
            out.append(piece)
        else:
            out.append(pattern.sub(replacement, piece))
    return "".join(out)


_REFERENCES = re.compile(
    r'(REFERENCES\s+"\w+"\s*\("\w+"\)(?:\s+ON\s+(?:DELETE|UPDATE)\s+(?:SET\s+NULL|SET\s+DEFAULT|CASCADE|RESTRICT|NO\s+ACTION))*)',
    re.I,
)


def translate_table(sql: str) -> str:
    # the id rule needs the quoted name: apply it to the whole text first
    sql = _TYPES[0][0].sub(_TYPES[0][1], sql)
    for pattern, replacement in _TYPES[1:]:
        sql = _code_only_sub(pattern, replacement, sql)
    # checked at once as on SQLite, but a bulk copy may defer them to its commit (copy_db)
    return _REFERENCES.sub(r"\1 DEFERRABLE INITIALLY IMMEDIATE", sql)


_NOCASE_KEY = re.compile(r'("[^"]+")\s+COLLATE\s+NOCASE', re.I)


_INDEX = re.compile(r'^(CREATE\s+INDEX\s+.*?\bON\s+"?(\w+)"?\s*\()(.*)\)(\s+WHERE\s+.*)?$', re.I | re.S)


def translate_index(sql: str, tables_with_id: frozenset[str] = frozenset()) -> str:
    """``COLLATE NOCASE`` keys as ``lower(...)``; a non-unique index of a table with an ``id`` ends with
    ``id``, as SQLite's indexes implicitly end with the rowid (the lists' "ORDER BY key, id" is then read
    in index order on both engines)."""
    sql = _NOCASE_KEY.sub(r"lower(\1)", sql)
    match = _INDEX.match(sql.strip())
    if match is None or match.group(2) not in tables_with_id:
        return sql
    head, _table, keys, where = match.groups()
    alive = re.match(r'\s*"deleted_at"\s*,\s*(.+)$', keys, re.S)
    if alive and not where:
        # SQLite reads "deleted_at IS NULL ORDER BY key" in the order of (deleted_at, key); PostgreSQL
        # orders only by keys after an "=" condition: the alive rows' index is a partial one.
        keys, where = alive.group(1), ' WHERE "deleted_at" IS NULL'
    if not re.search(r'(^|,)\s*"id"\s*$', keys):
        keys += ', "id"'
    # lower(x) keys carry x too, so the list's ids are read from the index alone (index-only scan)
    folded = re.findall(r'lower\(("\w+")\)', keys)
    include = f" INCLUDE ({', '.join(folded)})" if folded else ""
    return f"{head}{keys}){include}{where or ''}"


_TRIGGER = re.compile(
    r'^CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?"?(?P<name>\w+)"?\s+'
    r"(?P<timing>BEFORE|AFTER)\s+(?P<event>INSERT|DELETE|UPDATE(?:\s+OF\s+[\w\s,\"]+?)?)\s+"
    r'ON\s+"?(?P<table>\w+)"?\s+(?:FOR\s+EACH\s+ROW\s+)?(?:WHEN\s+(?P<when>.+?)\s+)?BEGIN\s+(?P<body>.+)\s+END\s*;?\s*$',
    re.I | re.S,
)


def translate_trigger(sql: str) -> list[str]:
    """The PL/pgSQL function and trigger doing what one SQLite trigger does."""
    match = _TRIGGER.match(sql.strip())
    if match is None:
        raise ValueError(f"cannot translate trigger: {sql[:80]}")
    name = match["name"]
    timing = match["timing"].upper()
    event = re.sub(r"\s+", " ", match["event"].strip())
    body = translate(match["body"].strip(), escape_percent=False).rstrip().rstrip(";") + ";"
    result = "NULL" if timing == "AFTER" else "OLD" if event.upper().startswith("DELETE") else "NEW"
    when = match["when"]
    condition = f" WHEN ({translate(when, escape_percent=False)})" if when else ""
    function = (
        f'CREATE OR REPLACE FUNCTION "crm_trg_{name}"() RETURNS trigger LANGUAGE plpgsql AS $body$\n'
        f"BEGIN\n{body}\nRETURN {result};\nEND\n$body$"
    )
    trigger = (
        f'CREATE TRIGGER "{name}" {timing} {event} ON "{match["table"]}" FOR EACH ROW{condition} '
        f'EXECUTE FUNCTION "crm_trg_{name}"()'
    )
    return [function, trigger]


def replacing_trigger(sql: str) -> list[str]:
    """:func:`translate_trigger`'s statements, replacing a trigger of that name if there is one."""
    function, trigger = translate_trigger(sql)
    return [function, trigger.replace("CREATE TRIGGER", "CREATE OR REPLACE TRIGGER", 1)]


CHANGE_CHANNEL = "desktop_crm_changes"


def _created_tables(statements: list[str]) -> list[str]:
    names = []
    for sql in statements:
        match = re.match(r'CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?["\']?(\w+)', sql, re.I)
        if match:
            names.append(match.group(1))
    return names


def change_log_statements(tables: list[str]) -> list[str]:
    """Row triggers that tell what changed (``desktop_crm.changes``): into the session's temporary
    ``crm_change_log`` when the session has one (this application's connections), and a notification
    on :data:`CHANGE_CHANNEL` with the table's name (delivered at commit, once per table and transaction)
    that other machines listen to."""
    function = (
        'CREATE OR REPLACE FUNCTION "crm_log_change"() RETURNS trigger LANGUAGE plpgsql AS $body$\n'
        "DECLARE\n  row_id bigint;\nBEGIN\n"
        "  IF TG_OP = 'DELETE' THEN row_id := OLD.id; ELSE row_id := NEW.id; END IF;\n"
        "  IF to_regclass('pg_temp.crm_change_log') IS NOT NULL THEN\n"
        "    INSERT INTO pg_temp.crm_change_log (entity, row_id, kind) VALUES (TG_TABLE_NAME, row_id, lower(TG_OP));\n"
        "  END IF;\n"
        f"  PERFORM pg_notify('{CHANGE_CHANNEL}', TG_TABLE_NAME);\n"
        "  RETURN NULL;\nEND\n$body$"
    )
    statements = [function]
    for table in tables:
        statements.append(
            f'CREATE TRIGGER "crm_change_{table}" AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
            'FOR EACH ROW EXECUTE FUNCTION "crm_log_change"()'
        )
    return statements


_LIST_INDEX = re.compile(
    r'^CREATE\s+INDEX\s+"(\w+)"\s+ON\s+"(\w+)"\s*\(\s*"deleted_at"\s*,\s*"(\w+)"\s*\)\s*$', re.I
)


def empty_key_index(sql: str) -> list[str]:
    """For a list index ``(deleted_at, key)``: the alive rows whose key is empty, by id — the list's
    second scan ("empty values last, by id"), which SQLite reads from the same index."""
    match = _LIST_INDEX.match(sql.strip())
    if match is None:
        return []
    name, table, key = match.groups()
    return [f'CREATE INDEX "{name}_empty" ON "{table}" ("id") WHERE "deleted_at" IS NULL AND "{key}" IS NULL']


def compat_sql() -> str:
    return resources.files(__package__).joinpath("compat.sql").read_text(encoding="utf-8")


def baseline_statements(version: int = LATEST_VERSION) -> list[str]:
    """Every statement that creates the team database's schema at ``version``."""
    statements: list[str] = ["CREATE EXTENSION IF NOT EXISTS pg_trgm", compat_sql()]
    tables: list[str] = []
    indexes: list[str] = []
    triggers: list[str] = []
    schema = sqlite_schema(version)
    with_id = frozenset(
        table for kind, _name, table, sql in schema if kind == "table" and re.search(r'\("id"\s+INTEGER', sql)
    )
    for kind, name, table, sql in schema:
        if _SKIPPED_TABLES.match(table) or _SKIPPED_TABLES.match(name):
            continue
        if kind == "table":
            tables.append(translate_table(sql))
        elif kind == "index":
            indexes.append(translate_index(sql, with_id))
            indexes.extend(empty_key_index(sql))
        elif kind == "trigger":
            if table == "client_search":  # fed the FTS5 index, which pg_trgm replaces
                continue
            triggers.extend(translate_trigger(sql))
    statements += tables + indexes
    statements += _SEARCH_COLUMNS  # revision 3 (with its trigram index on the lowered text)
    statements.append(_BIGRAM_INDEX)
    statements += _DIRECT_GIN  # revision 4
    statements += BLOB_TABLES  # revision 2: the attachments' bytes (no change-log triggers: no ids)
    statements += triggers
    statements += change_log_statements([t for t in _created_tables(tables) if t not in DERIVED_TABLES])
    statements.append('CREATE TABLE "crm_meta" ("key" TEXT NOT NULL PRIMARY KEY, "value" TEXT NOT NULL)')
    statements.append(
        f'INSERT INTO "crm_meta" ("key", "value") VALUES (\'application\', \'{APPLICATION}\'), '
        f"('schema_version', '{int(version)}'), ('team_revision', '{TEAM_REVISION}')"
    )
    return statements


def read_meta(cursor: Any) -> dict[str, str] | None:
    """``crm_meta`` of the database, or None when the database has no such table (empty or foreign)."""
    cursor.execute("SELECT to_regclass('crm_meta') IS NOT NULL")
    if not cursor.fetchone()[0]:
        return None
    cursor.execute('SELECT "key", "value" FROM "crm_meta"')
    return {str(k): str(v) for k, v in cursor.fetchall()}


def user_tables(cursor: Any) -> list[str]:
    cursor.execute(
        "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    )
    return [str(r[0]) for r in cursor.fetchall()]
