"""Translate the product's SQLite-dialect SQL text for PostgreSQL (see :mod:`desktop_crm.engine`).

Only what can be rewritten safely by looking at the text outside string literals and quoted names:
``?`` placeholders become ``%s`` (and a literal ``%`` becomes ``%%``, psycopg's escape), ``LIKE`` becomes
``ILIKE`` (SQLite's ``LIKE`` ignores ASCII case), ``a IS NOT b`` / ``a IS b`` between values become
``IS DISTINCT FROM`` / ``IS NOT DISTINCT FROM`` (SQLite's null-safe comparisons), ``x COLLATE NOCASE``
becomes ``lower(x)`` for a column name. SQL that already uses ``%s`` placeholders (peewee's own) passes
unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache

_LIKE = re.compile(r"(?<![\w.])(NOT\s+)?LIKE\b", re.IGNORECASE)
_IS_NOT = re.compile(r"\bIS\s+NOT\s+(?!NULL\b|TRUE\b|FALSE\b|DISTINCT\b|UNKNOWN\b)", re.IGNORECASE)
_IS = re.compile(r"\bIS\s+(?!NOT\b|NULL\b|TRUE\b|FALSE\b|DISTINCT\b|UNKNOWN\b)", re.IGNORECASE)
_NOCASE = re.compile(r'((?:"?\w+"?\.)?"?\w+"?)\s+COLLATE\s+"?NOCASE"?', re.IGNORECASE)


def _segments(sql: str) -> list[tuple[bool, str]]:
    """Split ``sql`` into (is_code, text) parts: code outside quotes, and quoted literals/names."""
    parts: list[tuple[bool, str]] = []
    i = 0
    start = 0
    n = len(sql)
    while i < n:
        ch = sql[i]
        if ch in ("'", '"'):
            if start < i:
                parts.append((True, sql[start:i]))
            j = i + 1
            while j < n:
                if sql[j] == ch:
                    if j + 1 < n and sql[j + 1] == ch:  # doubled quote inside
                        j += 2
                        continue
                    break
                j += 1
            parts.append((False, sql[i : j + 1]))
            i = j + 1
            start = i
            continue
        if ch == "-" and sql.startswith("--", i):
            end = sql.find("\n", i)
            end = n if end < 0 else end
            if start < i:
                parts.append((True, sql[start:i]))
            parts.append((False, " "))
            i = end
            start = i
            continue
        i += 1
    if start < n:
        parts.append((True, sql[start:]))
    return parts


def _has_native_placeholders(parts: list[tuple[bool, str]]) -> bool:
    return any(code and "%s" in text for code, text in parts)


_USER_TABLE = re.compile(r"\b(FROM|JOIN|INTO|UPDATE|TABLE)\s+user\b", re.IGNORECASE)
_TEMP_SCHEMA = re.compile(r"\btemp\.(?=\w)", re.IGNORECASE)
_REAL = re.compile(r"\bAS\s+REAL\b", re.IGNORECASE)
# SQLite's unary plus on a column (``AND +cl.deleted_at IS NULL``: keeps its planner off an index) is no
# operator on PostgreSQL's text: dropped where it follows a keyword or "(" and precedes a name.
_UNARY_PLUS = re.compile(r"(\(|\b(?:AND|OR|WHERE|ON|NOT|WHEN)\b)(\s*)\+(?=[A-Za-z_])", re.IGNORECASE)


@lru_cache(maxsize=4096)
def translate(sql: str, escape_percent: bool = True) -> str:
    """The PostgreSQL form of one SQLite-dialect statement (``escape_percent=False`` for SQL run without
    parameters, such as the schema's)."""
    parts = _segments(sql)
    if _has_native_placeholders(parts):
        return sql  # already PostgreSQL's (peewee's own SQL)
    percent = "%%" if escape_percent else "%"
    out: list[str] = []
    for code, text in parts:
        if not code:
            out.append(text.replace("%", percent))
            continue
        text = text.replace("%", percent).replace("?", "%s")
        text = _REAL.sub("AS DOUBLE PRECISION", text)
        text = _USER_TABLE.sub(r'\1 "user"', text)  # a reserved word in PostgreSQL
        text = _TEMP_SCHEMA.sub("pg_temp.", text)
        text = _LIKE.sub(lambda m: (m.group(1) or "") + "ILIKE", text)
        text = _IS_NOT.sub("IS DISTINCT FROM ", text)
        text = _IS.sub("IS NOT DISTINCT FROM ", text)
        text = _UNARY_PLUS.sub(r"\1\2", text)
        out.append(text)
    result = "".join(out)
    if "NOCASE" in result.upper():
        result = _NOCASE.sub(r"lower(\1)", result)
    return result
