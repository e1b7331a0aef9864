"""Client search over name, short name, phone, contacts (names, phones) and custom text fields.

Each alive client has one row in ``client_search`` (a plain table) whose ``body`` joins its searchable
text; ``client_fts`` is an FTS5 trigram index over it. FTS5 trigram cannot match fewer than three
characters (and on SQLite 3.40 a trigram LIKE under three characters silently returns nothing), so a
query term of one or two characters — a two-character Chinese given name, say — is matched with
``LIKE`` on the plain table instead, and longer terms through the trigram index. Every term must
match (AND).

The search rows are kept current by triggers (``desktop_crm.derived``); bulk writers wrap their
inserts in ``derived.bulk_mode``, which rebuilds the index once at the end.
"""

from __future__ import annotations

import re
import sqlite3

# The searchable text of client ``{cid}`` (an SQL expression for its id).
_DIGITS = "replace(replace(replace(replace({col}, '-', ''), ' ', ''), '+', ''), '.', '')"


def body_select(where: str) -> str:
    """SELECT (client id, searchable text) for the alive clients matching ``where`` (on alias ``c``)."""
    phone = _DIGITS.format(col="c.phone")
    contact_phone = _DIGITS.format(col="k.phone")
    return f"""
    SELECT c.id, c.name || ' ' || c.short_name || ' ' || c.phone || ' ' || {phone}
        || ' ' || coalesce((SELECT group_concat(k.name || ' ' || k.phone || ' ' || {contact_phone}, ' ')
                            FROM contact k WHERE k.client_id = c.id AND k.deleted_at IS NULL), '')
        || ' ' || coalesce((SELECT group_concat(v.value_text, ' ') FROM custom_field_value v
                            JOIN custom_field_def d ON d.id = v.field_id
                            WHERE v.client_id = c.id AND v.value_text IS NOT NULL
                              AND d.kind IN ('text', 'choice', 'multi_choice')), '')
    FROM client c WHERE {where} AND c.deleted_at IS NULL"""


# Characters no stored text holds and FTS5 cannot take (a NUL ends its query string): control characters
# split terms like spaces; halves of emoji (lone surrogates) are dropped.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _terms(query: str) -> list[str]:
    if not isinstance(query, str):
        return []
    text = query.encode("utf-8", "ignore").decode("utf-8") if not query.isascii() else query
    return [t for t in _CONTROL.sub(" ", text).split() if t]


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_condition(query: str) -> tuple[str, list[str]] | None:
    """An SQL condition on ``client.id`` (e.g. to AND into a list query) and its parameters.

    Returns None for an empty query (no restriction).
    """
    terms = _terms(query)
    if not terms:
        return None
    long_terms = [t for t in terms if len(t) >= 3]
    short_terms = [t for t in terms if len(t) < 3]
    clauses: list[str] = []
    params: list[str] = []
    if long_terms:
        match = " ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
        clauses.append("client.id IN (SELECT rowid FROM client_fts WHERE client_fts MATCH ?)")
        params.append(match)
    for term in short_terms:
        clauses.append("client.id IN (SELECT client_id FROM client_search WHERE body LIKE ? ESCAPE '\\')")
        params.append(_like_pattern(term))
    return " AND ".join(clauses), params


def search_client_ids(conn: sqlite3.Connection, query: str, limit: int | None = None) -> list[int]:
    """Ids of alive clients matching every term of ``query``, by name."""
    condition = search_condition(query)
    sql = "SELECT client.id FROM client WHERE client.deleted_at IS NULL"
    params: list[object] = []
    if condition:
        sql += " AND " + condition[0]
        params.extend(condition[1])
    sql += " ORDER BY client.name"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [row[0] for row in conn.execute(sql, params)]


class SearchMemo:
    """Search as you type without a table scan per keystroke: the searchable texts held in memory.

    Gives the same ids as :func:`search_condition` (every whitespace-separated term is a
    case-insensitive substring of the client's text). A query that extends the previous one only
    looks at the previous matches. Build a new memo after the data changed.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._rows = [
            (cid, body.casefold()) for cid, body in conn.execute("SELECT client_id, body FROM client_search")
        ]
        self._last_terms: list[str] = []
        self._last_rows = self._rows

    def matching_ids(self, query: str) -> set[int]:
        terms = [t.casefold() for t in query.split() if t]
        if not terms:
            return {cid for cid, _body in self._rows}
        rows = self._rows
        previous = self._last_terms
        # Narrow when every previous term is still a substring of a current term at the same place.
        if (
            previous
            and len(previous) <= len(terms)
            and all(p in t for p, t in zip(previous, terms, strict=False))
        ):
            rows = self._last_rows
        matched = rows
        for term in terms:  # one plain comprehension per term: the fastest scan in pure Python
            matched = [(cid, body) for cid, body in matched if term in body]
        self._last_terms, self._last_rows = terms, matched
        return {cid for cid, _body in matched}
