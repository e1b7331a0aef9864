"""Client search over name, short name, phone, contacts (names, phones) and custom text fields.

Each alive client has one row in ``client_search`` (a plain table) whose ``body`` joins its searchable
text; ``client_fts`` is an FTS5 trigram index over it. FTS5 trigram cannot match fewer than three
characters (and on SQLite 3.40 a trigram LIKE under three characters silently returns nothing), so a
query term of one or two characters — a two-character Chinese given name, say — is matched with
``LIKE`` on the plain table instead, and longer terms through the trigram index. Every term must
match (AND). A team database (PostgreSQL) has no FTS5 table: there ``client_search.body`` carries a
``pg_trgm`` GIN index, which serves ``ILIKE '%term%'`` for every term (:func:`_term_clauses`).

The search rows are kept current by triggers (``desktop_crm.derived``); bulk writers wrap their
inserts in ``derived.bulk_mode``, which rebuilds the index once at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from typing import Any

from . import changes, engine, pacing
from .driver import sqlite3

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


_LIKE_CLAUSE = "client.id IN (SELECT client_id FROM client_search WHERE body LIKE ? ESCAPE '\\')"


def _term_clauses(terms: list[str]) -> tuple[list[str], list[str]]:
    """Conditions on ``client.id`` (and their parameters) that every term is in the client's text.

    The one place where the engines differ: on SQLite the terms of three or more characters go through
    the FTS5 trigram table (one ``MATCH`` for all), shorter ones through ``LIKE`` on the plain table; a
    team database has no FTS5 table and matches every term with ``LIKE`` on the plain table (``ILIKE``
    once translated), which the ``pg_trgm`` index on ``client_search.body`` serves.
    """
    if engine.is_postgres():
        return _team_term_clauses(terms)
    long_terms = [t for t in terms if len(t) >= 3]
    short_terms = [t for t in terms if len(t) < 3]
    clauses: list[str] = []
    params: list[str] = []
    if long_terms:
        match = " ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
        clauses.append("client.id IN (SELECT rowid FROM client_fts WHERE client_fts MATCH ?)")
        params.append(match)
    for term in short_terms:
        clauses.append(_LIKE_CLAUSE)
        params.append(_like_pattern(term))
    return clauses, params


# The team database's revision that added ``client_search.folded`` and ``sort_name``
# (``desktop_crm.postgres.schema``); one opened by a user who may not add them has neither.
_SEARCH_COLUMNS_REVISION = 3


def _team_search_columns() -> bool:
    from .models import database

    return int(getattr(database.obj, "crm_team_revision", 0)) >= _SEARCH_COLUMNS_REVISION


def _team_sort_expression() -> str:
    """How the team database orders matches: by ``sort_name``, or, while some search row has none (a
    copy made before the copy brought the names left them empty), by the name looked up for those rows.
    Asked once per open: rows without a name are never written again (the trigger names every row)."""
    from .models import database

    complete = getattr(database.obj, "crm_search_names_complete", None)
    if complete is None:
        row = database.execute_sql(
            "SELECT NOT EXISTS (SELECT 1 FROM client_search WHERE sort_name IS NULL)"
        ).fetchone()
        complete = bool(row[0])
        database.obj.crm_search_names_complete = complete
    # by the name's code points, as SQLite orders it (whatever the server's locale; and faster to sort)
    if complete:
        return 'sort_name COLLATE "C"'
    return 'COALESCE(sort_name, (SELECT c.name FROM client AS c WHERE c.id = client_search.client_id)) COLLATE "C"'


def _team_conditions(terms: list[str]) -> tuple[str, list[str]]:
    """The team database's condition on a ``client_search`` row that every term is in its text: each term
    matched with ``LIKE`` against the text lowered when written (``folded ~~ lower(term)``, exactly
    PostgreSQL's ``ILIKE``, which lowers the whole text of every candidate row each time), served by the
    ``pg_trgm`` index on ``folded`` for three characters or more; a two-character term is looked up first
    among the text's two-character pieces (``crm_bigrams``, its own GIN index: pg_trgm cannot find those,
    and a scan of every text took 80-200 ms at 100,000 clients). ``~~`` is LIKE with the backslash as its
    escape, as :func:`_like_pattern` writes. A database without those columns (see
    :func:`_team_search_columns`) is searched with ``ILIKE`` on the text."""
    match = "folded ~~ lower(?)" if _team_search_columns() else "body LIKE ? ESCAPE '\\'"
    conditions: list[str] = []
    params: list[str] = []
    for term in terms:
        if len(term) == 2:
            conditions.append("crm_bigrams(body) @> ARRAY[lower(?)]")
            params.append(term)
        conditions.append(match)
        params.append(_like_pattern(term))
    return " AND ".join(conditions), params


def _team_term_clauses(terms: list[str]) -> tuple[list[str], list[str]]:
    """:func:`_team_conditions` as a condition on ``client.id``. The ids come as an array
    (``= ANY(ARRAY(...))``): the planner then reads the few matching clients by id instead of walking
    every client in name order until enough of them match."""
    condition, params = _team_conditions(terms)
    return [f"client.id = ANY(ARRAY(SELECT client_id FROM client_search WHERE {condition}))"], params


def search_condition(query: str) -> tuple[str, list[str]] | None:
    """An SQL condition on ``client.id`` (e.g. to AND into a list query) and its parameters.

    Returns None for an empty query (no restriction).
    """
    terms = _terms(query)
    if not terms:
        return None
    clauses, params = _term_clauses(terms)
    return " AND ".join(clauses), params


def search_client_ids(conn: sqlite3.Connection, query: str, limit: int | None = None) -> list[int]:
    """Ids of alive clients matching every term of ``query``, by name."""
    terms = _terms(query)
    if terms and engine.is_postgres() and _team_search_columns():
        # the search rows are the alive clients and hold their names (``sort_name``): no client is looked up
        matched, terms_params = _team_conditions(terms)
        sql = f"SELECT client_id FROM client_search WHERE {matched} ORDER BY {_team_sort_expression()}"
        team_params: list[object] = list(terms_params)
        if limit is not None:
            sql += " LIMIT ?"
            team_params.append(limit)
        return [int(row[0]) for row in conn.execute(sql, team_params)]
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


# Tables whose writes can change a client's searchable text (``body_select``).
_SEARCHED_TABLES = frozenset({"client", "contact", "custom_field_value", "custom_field_def"})
_texts_version = 0
_texts_subscribed = False


def _on_changes(batch: tuple[changes.Change, ...]) -> None:
    global _texts_version
    if any(c.entity in _SEARCHED_TABLES or c.entity == changes.EVERYTHING for c in batch):
        _texts_version += 1


def texts_version() -> int:
    """A number that changes after every committed write that may change some client's searchable
    text (from the core's change announcements): a :class:`SearchMemo` built at the same number is
    still current."""
    global _texts_subscribed
    if not _texts_subscribed:
        _texts_subscribed = True
        changes.subscribe(_on_changes)
    return _texts_version


# A token made only of phone characters (with a digit): it lives in a client's "phones" text. A term can
# only match inside one token (terms and texts are split at whitespace), so a term holding any other
# character never needs to look at the phones. A phone-like term (phone characters only) looks at both
# texts: in the words it can only match inside a run of phone characters ("50-200" of "50-200人", "." of
# "ltd."), so the phone index holds those runs beside the phones.
_PHONE_CHARS = frozenset("0123456789+-.()")


_PHONE_STRIP = "0123456789+-.()"
_PHONE_PUNCT = "+-.()"


def _split_text(body: str) -> tuple[str, str]:
    """(words, phones) of a searchable text: its tokens without repeats (the text holds each phone
    twice, with and without separators), the phone-like ones apart."""
    words: list[str] = []
    phones: list[str] = []
    for token in dict.fromkeys(body.split()):
        if not token.strip(_PHONE_STRIP) and token.strip(_PHONE_PUNCT):  # phone characters with a digit
            phones.append(token)
        else:
            words.append(token)
    return " ".join(words), " ".join(phones)


SIGNATURE_BITS = 256  # per client: which characters (hashed) its words hold; 32 bytes a client
_HASH = 2654435761


def _signatures(words: list[str]) -> Any:
    """A ``(len(words), 4)`` uint64 array: bit ``(code point * K mod 2**32) >> 24`` set for every character of
    each text (vectorised: about 0.1 s for 100,000 clients)."""
    return _signatures_and_runs(words)[0]


_SIGNATURE_SLICE = 4096  # texts made at a time: a few MB and a few ms per numpy call
_MEMO_BATCH = 256  # the memo reads its rows this many at a time: short steps between paces (a few ms each)


def _signatures_and_runs(words: list[str]) -> tuple[Any, Any]:
    """The ``_signatures`` of ``words``, and the runs of phone characters inside them (for
    ``_PhoneIndex``): an ASCII uint8 array of the texts' runs, each followed by a space, and an array as
    long giving a text's position in ``words`` where its first run begins (``-1`` elsewhere).

    Made a slice of texts at a time (a run never spans two texts, so the slices' results joined are the
    whole's): at 100,000 clients the whole at once held about 250 MB of temporary arrays, and single numpy
    calls that keep the interpreter lock for a quarter of a second, freezing the window meanwhile."""
    parts = []
    for first in range(0, len(words), _SIGNATURE_SLICE):
        parts.append(_slice_signatures_and_runs(words[first : first + _SIGNATURE_SLICE], first))
        pacing.pace()
    return _joined_signatures_and_runs(parts)


def _joined_signatures_and_runs(parts: list[tuple[Any, Any]]) -> tuple[Any, Any]:
    """The slices' ``_slice_signatures_and_runs`` joined (in order) into the whole's."""
    import numpy as np

    if len(parts) == 1:
        return parts[0]
    if not parts:
        return _slice_signatures_and_runs([], 0)
    signatures = np.concatenate([p[0] for p in parts])
    runs = np.concatenate([p[1][0] for p in parts])
    run_rows = np.concatenate([p[1][1] for p in parts])
    return signatures, (runs, run_rows)


def _slice_signatures_and_runs(words: list[str], first: int) -> tuple[Any, Any]:
    """``_signatures_and_runs`` of ``words``, the texts from position ``first`` on."""
    import numpy as np

    lengths = np.fromiter((len(w) for w in words), dtype=np.int64, count=len(words))
    points = np.frombuffer("".join(words).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    rows = np.repeat(np.arange(len(words), dtype=np.int64), lengths)
    bits = (points * np.uint32(_HASH)) >> np.uint32(24)  # a multiplicative hash to 0..255 (wraps at 2**32)
    present = np.zeros((len(words), SIGNATURE_BITS), dtype=bool)
    present[rows, bits] = True
    packed = np.packbits(present, axis=1, bitorder="little")  # bit b: byte b // 8, bit b % 8
    signatures = np.ascontiguousarray(packed).view("<u8").reshape(len(words), SIGNATURE_BITS // 64)
    del present, bits
    # The phone characters (their places in the joined words), and where a run of them begins: after a
    # place that is not the one just before, or in another text.
    at = np.flatnonzero(_phone_codes()[np.minimum(points, 255)] < len(_PHONE_ALPHABET))
    owner = rows[at]
    new_text = np.ones(len(at), dtype=bool)
    new_text[1:] = np.diff(owner) != 0
    begins = new_text.copy()
    begins[1:] |= np.diff(at) != 1
    spaced = np.arange(len(at)) + np.cumsum(begins) - 1  # moved on by the spaces after the runs before
    runs = np.full(len(at) + int(begins.sum()), ord(" "), dtype=np.uint8)
    runs[spaced] = points[at]
    run_rows = np.full(len(runs), -1, dtype=np.int64)
    run_rows[spaced[new_text]] = owner[new_text] + first
    return signatures, (runs, run_rows)


# The characters of phone texts, each with a 4-bit code (15: any other, a space). A pair of adjacent
# characters is ``first code * 16 + second code``: a bit of ``_PhoneIndex.pairs``.
_PHONE_ALPHABET = _PHONE_STRIP
_PHONE_ROWS_SCANNED = 4096  # up to this many rows left by the pair bits are looked at row by row (faster)
_SCAN_SLICE = 1 << 20  # characters of the phone index's text compared at a time


@cache
def _phone_codes() -> Any:
    """A byte's (or a code point under 256's) code: its position in ``_PHONE_ALPHABET``, else 15."""
    import numpy as np

    table = np.full(256, len(_PHONE_ALPHABET), dtype=np.uint8)
    for code, ch in enumerate(_PHONE_ALPHABET):
        table[ord(ch)] = code
    return table


class JoinedTexts:
    """Many rows' texts joined by spaces a batch at a time (``add``), with each row's length: the texts
    of a batch of rows live only until the batch is joined (no string per row kept meanwhile)."""

    __slots__ = ("_parts", "lengths")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self.lengths: list[int] = []

    @classmethod
    def of(cls, texts: list[str]) -> JoinedTexts:
        joined = cls()
        joined.add(texts)
        return joined

    def add(self, texts: list[str]) -> None:
        if texts:
            self._parts.append(" ".join(texts))
            self.lengths.extend(map(len, texts))

    def text(self) -> str:
        return " ".join(self._parts)


class JoinedWords:
    """Many rows' word texts kept as one string (:class:`JoinedTexts`: a space between two rows, and no
    term holds a space), with where each row's text begins: about half the memory of a string per row
    (100,000 clients: 6.9 instead of 13.7 MiB), and a row is searched in place (``str.find`` within its
    bounds, nothing sliced)."""

    __slots__ = ("starts", "text")

    def __init__(self, joined: JoinedTexts) -> None:
        import numpy as np

        self.text = joined.text()
        self.starts = np.zeros(len(joined.lengths) + 1, dtype=np.int64)
        np.cumsum(np.array(joined.lengths, dtype=np.int64) + 1, out=self.starts[1:])

    @classmethod
    def of(cls, texts: list[str]) -> JoinedWords:
        return cls(JoinedTexts.of(texts))

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, row: int) -> str:
        return self.text[int(self.starts[row]) : int(self.starts[row + 1]) - 1]

    def holding(self, rows: Any, term: str) -> list[bool]:
        """For each of ``rows`` (an int array), whether its text holds ``term`` (a term holds no space)."""
        find, starts = self.text.find, self.starts
        found = map(find, repeat(term), starts[rows].tolist(), (starts[rows + 1] - 1).tolist())
        return [at >= 0 for at in found]


class _PhoneIndex:
    """The phone texts of many rows as one byte array: a phone-like term is found in all of them with a
    few vectorised operations instead of a substring test per row.

    ``text`` joins the rows' phones (ASCII phone characters and spaces), each followed by a space, then
    the runs of phone characters in the rows' words (``_signatures_and_runs``). A phone-like term holds
    no space, so each place it occurs in ``text`` lies inside one stretch: ``starts`` is where each
    stretch begins (found by bisection) and ``owners`` the row of each stretch. A term of one or two
    characters needs no scan: ``pairs`` holds per row a bit for each pair of adjacent characters in its
    stretches (bit ``first code * 16 + second code``, a space coded 15; byte ``b`` of every row in
    ``pairs[b]``), so a pair is one bit and a character is any pair it begins. About 10 MB and 40 ms for
    100,000 clients with four phones each (6.4 million characters).
    """

    __slots__ = ("count", "owners", "pairs", "raw", "starts", "text")

    def __init__(self, phones: list[str] | JoinedTexts, runs: Any = None) -> None:
        """``runs`` (from ``_signatures_and_runs``) adds the runs of phone characters in the words.
        ``phones``: each row's phone text, or those texts already joined (:class:`JoinedTexts`)."""
        import numpy as np

        joined = phones if isinstance(phones, JoinedTexts) else JoinedTexts.of(phones)
        count = len(joined.lengths)
        lengths = np.array(joined.lengths, dtype=np.int64)
        starts = np.zeros(count, dtype=np.int32)  # under 2**31 characters: 300 times the large data's
        np.cumsum(lengths[:-1] + 1, out=starts[1:])
        text = np.frombuffer((joined.text() + " ").encode("ascii"), dtype=np.uint8)
        owners = np.arange(count, dtype=np.int32)
        if runs is not None and len(runs[0]):
            run_text, run_rows = runs
            begins = np.flatnonzero(run_rows >= 0)
            starts = np.concatenate([starts, (len(text) + begins).astype(np.int32)])
            owners = np.concatenate([owners, run_rows[begins].astype(np.int32)])
            text = np.concatenate([text, run_text])
        # The text kept once, as bytes (a row's phones are looked up in it: no strings kept per row) and
        # read by numpy through a view of those bytes.
        self.raw = text.tobytes()
        text = np.frombuffer(self.raw, dtype=np.uint8)
        self.count, self.text, self.starts, self.owners = count, text, starts, owners
        self.pairs = np.zeros((32, count), dtype=np.uint8)
        codes = _phone_codes()
        ends = self._ends()
        step = 4096  # stretches a time (a row's phones and its runs never in one): little made per character
        for first in [*range(0, count, step), *range(count, len(starts), step)]:
            last = min(first + step, count if first < count else len(starts))
            low, high = int(starts[first]), int(ends[last - 1])
            code = codes[text[low:high]]
            pair = (code[:-1] << 4) | code[1:]  # a pair (with a space or not) at each place
            stretch = np.repeat(
                np.arange(last - first, dtype=np.int32) << 8, ends[first:last] - starts[first:last]
            )
            present = np.zeros((last - first) * 256, dtype=bool)
            present[stretch[:-1] + pair] = True  # the chunk's last place is a space: no pair needed
            packed = np.packbits(present.reshape(last - first, 256), axis=1, bitorder="little").T
            self.pairs[:, owners[first:last]] |= packed  # a row's phones and its runs
            pacing.pace()

    def _ends(self) -> Any:
        """Where each stretch ends: where the next begins (every stretch ends with a space)."""
        import numpy as np

        return np.append(self.starts[1:], len(self.text))

    def phones_hold(self, rows: Any, term: str) -> Any:
        """For each of ``rows`` (rows of the index, an int array), whether its phones hold the phone-like
        ``term``: a bool array."""
        import numpy as np

        ends = self._ends()
        find, wanted = self.raw.find, term.encode("ascii")
        return (
            np.fromiter(
                map(find, repeat(wanted), self.starts[rows].tolist(), ends[rows].tolist()), dtype=np.int64
            )
            >= 0
        )

    def pairs_holding(self, term: str) -> Any:
        """A bool per row: whether its bits hold every adjacent pair of ``term`` (phone characters, at
        least one; for one character: any pair it begins). Exactly ``rows_holding`` for a term of one
        or two characters, and a few rows more for a longer one (the pairs apart)."""
        import numpy as np

        codes = _phone_codes()
        first = int(codes[ord(term[0])])
        if len(term) == 1:  # bits first * 16 to first * 16 + 15: two bytes
            return (self.pairs[2 * first] | self.pairs[2 * first + 1]) != 0
        held = None
        for a, b in dict.fromkeys(zip(term, term[1:], strict=False)):
            bit = int(codes[ord(a)]) * 16 + int(codes[ord(b)])
            has = (self.pairs[bit >> 3] & np.uint8(1 << (bit & 7))) != 0
            held = has if held is None else np.logical_and(held, has, out=held)
        return held

    def rows_holding(self, term: str) -> Any:
        """A bool per row: whether its phones or runs hold ``term`` (phone characters, at least one)."""
        import numpy as np

        if len(term) <= 2:
            return self.pairs_holding(term)
        want = term.encode("ascii")
        text = self.text
        places = len(text) - len(want) + 1
        found = np.zeros(self.count, dtype=bool)
        # Where the first two characters occur (two comparisons, a slice of the text at a time: little
        # made per character), then each further character tested at those places only (the text ends
        # with a space, so never past its end).
        hits = []
        both = np.empty(min(_SCAN_SLICE, max(places, 0)), dtype=bool)
        second = np.empty_like(both)
        for low in range(0, places, _SCAN_SLICE):
            size = min(_SCAN_SLICE, places - low)
            np.equal(text[low : low + size], want[0], out=both[:size])
            np.equal(text[low + 1 : low + 1 + size], want[1], out=second[:size])
            both[:size] &= second[:size]
            at = np.flatnonzero(both[:size]) + low
            for k in range(2, len(want)):
                at = at[text[at + k] == want[k]]
            hits.append(at)
        if hits:
            at = np.concatenate(hits)
            found[self.owners[np.searchsorted(self.starts, at, side="right") - 1]] = True
        return found


def _term_signature(term: str) -> Any:
    import numpy as np

    sig = np.zeros(4, dtype=np.uint64)
    for ch in set(term):
        bit = ((ord(ch) * _HASH) & 0xFFFFFFFF) >> 24
        sig[bit >> 6] |= np.uint64(1) << np.uint64(bit & 63)
    return sig


class SearchMemo:
    """Search as you type without a table scan per keystroke: the searchable texts held in memory.

    Gives the same ids as :func:`search_condition` (every term is a case-insensitive substring of the
    client's text). Each client's text is kept as two shorter strings (words; phone numbers) without
    repeated tokens, so a name search scans about a quarter of the characters, and the words carry a
    256-bit character signature: a word term first keeps the clients whose signature holds all its
    characters' bits (one vectorised test), then checks the text of those only. A phone-like term is
    looked for in one :class:`_PhoneIndex` of every client's phones and the runs of phone characters in
    its words. Loading reads the
    whole ``client_search`` table (about 1 s at 100,000 clients): do it off the GUI thread. Build a
    new memo after the data changed. :meth:`ordered` aligns the texts to a list order, so that a
    keystroke yields the matching ids already in that order.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        import numpy as np

        ids: list[int] = []
        all_words = JoinedTexts()  # kept joined, a batch at a time (JoinedWords)
        pending: list[str] = []  # the rows' words until a slice of them has its signatures made
        made: list[tuple[Any, Any]] = []
        phones = JoinedTexts()  # kept joined, a batch at a time (the index holds them as bytes)
        cursor = conn.execute("SELECT client_id, body FROM client_search ORDER BY client_id")
        while batch := cursor.fetchmany(_MEMO_BATCH):
            batch_words, batch_phones = [], []
            for cid, body in batch:
                words, row_phones = _split_text(body.casefold())
                ids.append(cid)
                batch_words.append(words)
                batch_phones.append(row_phones)
            phones.add(batch_phones)
            all_words.add(batch_words)
            pending.extend(batch_words)
            if len(pending) >= _SIGNATURE_SLICE:
                made.append(_slice_signatures_and_runs(pending, len(ids) - len(pending)))
                pending = []
            pacing.pace()  # on the interface's worker: the window's thread gets its turn
        if pending or not made:
            made.append(_slice_signatures_and_runs(pending, len(ids) - len(pending)))
        del pending
        self._ids = np.array(ids, dtype=np.int64)  # ascending: a position is found by bisection
        self._words = JoinedWords(all_words)
        del all_words
        self._signatures, runs = _joined_signatures_and_runs(made)
        self._phone_index = _PhoneIndex(phones, runs)  # the phones are kept there only, as bytes
        del phones, made
        self._all: OrderedSearch | None = None

    def ordered(self, ids: list[int]) -> OrderedSearch:
        """A search over ``ids`` (ids without a search row are left out) that keeps their order."""
        import numpy as np

        wanted = np.array(ids, dtype=np.int64)
        known = self._ids
        at = np.minimum(np.searchsorted(known, wanted), max(len(known) - 1, 0))
        found = known[at] == wanted if len(known) else np.zeros(len(wanted), dtype=bool)
        order = at[found]
        return OrderedSearch(
            # every id found (the usual case): the list itself, not 100,000 new ints beside it
            ids if len(order) == len(ids) else wanted[found].tolist(),
            self._words,  # the memo's own, read through ``order`` (as the signatures)
            None,
            self._signatures,  # the memo's own, read through ``order`` (not a copy per list)
            self._phone_index,
            order,
        )

    def matching_ids(self, query: str) -> set[int]:
        if self._all is None:
            self._all = self.ordered(self._ids.tolist())
        return set(self._all.matching(query))


class OrderedSearch:
    """The searchable texts of a list's ids, in the list's order.

    A query's state is the positions (into the list) of the rows still matching; a query that extends
    the previous one (typing on) starts from the previous rows. A term first keeps the rows whose
    character signature can hold it (one vectorised test), then checks the words of those only. A
    phone-like term is looked for in the rows' phones and words: through the memo's :class:`_PhoneIndex`
    (the rows whose pair bits hold the term's pairs, exact up to two characters; a longer term then
    checked row by row in those when a few thousand at most, else by a scan of the index's text).
    """

    def __init__(
        self,
        ids: list[int],
        words: list[str] | JoinedWords,
        phones: list[str] | None,
        signatures: Any = None,
        phone_index: _PhoneIndex | None = None,
        phone_rows: Any = None,
    ) -> None:
        """``words``: the rows' word texts in the list's order, or the memo's :class:`JoinedWords` (in the
        index's order, read through ``phone_rows``). ``phone_index`` (with ``phone_rows``: each row's
        position in it) is a :class:`_PhoneIndex` of the rows' phones and words, shared with the memo;
        without it one is built here from ``phones`` (the rows' phone texts; not kept: the index holds
        them). ``signatures`` given are the memo's, in the index's order (read through ``phone_rows``);
        without them they are made here, in the list's order."""
        import numpy as np

        self._ids = ids
        self._id_array = np.array(ids, dtype=np.int64)
        shared = isinstance(words, JoinedWords)  # the memo's, with its signatures and phone index
        self._word_rows = phone_rows if shared else None  # None: row i is the words' row i
        self._words = words if isinstance(words, JoinedWords) else JoinedWords.of(words)
        self._signature_rows = phone_rows  # None: row i is the signatures' row i
        if signatures is None or phone_index is None:
            if isinstance(words, JoinedWords):
                raise ValueError("the memo's words come with its signatures and phone index")
            made, runs = _signatures_and_runs(words)
            if signatures is None:
                signatures, self._signature_rows = made, None
            if phone_index is None:
                phone_index, phone_rows = _PhoneIndex(phones or [""] * len(words), runs), None
        elif phone_rows is not None and len(phone_rows) * 2 < len(signatures):
            signatures = signatures[phone_rows]  # a short list: its own copy, in its order
            self._signature_rows = None
        self._signatures = signatures
        self._phone_index = phone_index
        self._phone_rows = phone_rows  # None: row i is the index's row i
        self._everything = np.arange(len(ids), dtype=np.int64)
        self._last_terms: list[str] = []
        self._last_rows = self._everything

    def matching(self, query: str) -> list[int]:
        """The ids (in order) whose text holds every term of ``query``; all ids for an empty query."""
        terms = [t.casefold() for t in _terms(query)]
        if not terms:
            return list(self._ids)
        rows = self._everything
        previous = self._last_terms
        # Narrow when every previous term is still a substring of a current term at the same place.
        if (
            previous
            and len(previous) <= len(terms)
            and all(p in t for p, t in zip(previous, terms, strict=False))
        ):
            rows = self._last_rows
        for term in terms:
            rows = self._rows_holding(rows, term)
        self._last_terms, self._last_rows = terms, rows
        result: list[int] = self._id_array[rows].tolist()
        return result

    def _rows_holding(self, rows: Any, term: str) -> Any:
        """Of ``rows`` (ascending positions), those whose words or (phone-like term) phones hold it."""
        import numpy as np

        whole = rows is self._everything
        if _PHONE_CHARS.issuperset(term):
            return self._phone_rows_holding(rows, term, whole)
        sig = _term_signature(term)
        at = self._signature_rows  # None: in the list's order
        if whole:
            held = ((self._signatures & sig) == sig).all(axis=1)
            candidates = np.flatnonzero(held if at is None else held[at])
        else:
            sigs = self._signatures[rows if at is None else at[rows]]
            candidates = rows[np.flatnonzero(((sigs & sig) == sig).all(axis=1))]
        at = candidates if self._word_rows is None else self._word_rows[candidates]
        return candidates[np.array(self._words.holding(at, term), dtype=bool)]

    def _phone_rows_holding(self, rows: Any, term: str, whole: bool) -> Any:
        """Of ``rows``, those whose phones or words hold the phone-like ``term``: the rows whose pair
        bits hold the term's pairs (exact up to two characters), then for a longer term a check of
        those rows one by one when they are few, else a scan of the index's text."""
        import numpy as np

        index_rows = self._phone_rows
        held = self._phone_index.pairs_holding(term)
        if whole:
            rows = np.flatnonzero(held if index_rows is None else held[index_rows])
        else:
            rows = rows[held[rows if index_rows is None else index_rows[rows]]]
        if len(term) <= 2:
            return rows
        if len(rows) <= _PHONE_ROWS_SCANNED:
            found = self._phone_index.phones_hold(rows if index_rows is None else index_rows[rows], term)
            found |= np.array(
                self._words.holding(rows if self._word_rows is None else self._word_rows[rows], term),
                dtype=bool,
            )
            return rows[found]
        found = self._phone_index.rows_holding(term)  # per row of the index
        return rows[found[rows if index_rows is None else index_rows[rows]]]


@dataclass(frozen=True)
class SearchHit:
    """Where a search found a client when not (only) in its name: ``kind`` is ``short_name``, ``phone``,
    ``contact`` or ``custom`` (then ``field`` is the custom field's name); ``text`` is what matched (a
    contact as "name · phone")."""

    kind: str
    text: str
    field: str = ""


def _digits(text: str) -> str:
    return text.replace("-", "").replace(" ", "").replace("+", "").replace(".", "")


def search_hits(conn: sqlite3.Connection, ids: list[int], query: str) -> dict[int, list[SearchHit]]:
    """For the given client ids (a visible page), the places each term of ``query`` matched, for the
    terms the client's name does not hold; clients whose name holds every term are left out."""
    terms = [t.casefold() for t in _terms(query)]
    if not terms or not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    pieces: dict[int, list[tuple[str, str, str, str]]] = {
        cid: [] for cid in ids
    }  # kind, field, shown, searched
    names: dict[int, str] = {}
    for cid, name, short, phone in conn.execute(
        f"SELECT id, name, short_name, phone FROM client WHERE id IN ({marks})", ids
    ):
        names[cid] = (name or "").casefold()
        if short:
            pieces[cid].append(("short_name", "", short, short.casefold()))
        if phone:
            pieces[cid].append(("phone", "", phone, f"{phone} {_digits(phone)}".casefold()))
    for cid, name, phone in conn.execute(
        f"SELECT client_id, name, phone FROM contact WHERE client_id IN ({marks}) AND deleted_at IS NULL"
        " ORDER BY client_id, id",
        ids,
    ):
        shown = f"{name} · {phone}" if phone else name
        pieces[cid].append(("contact", "", shown, f"{name} {phone} {_digits(phone or '')}".casefold()))
    for cid, field_name, value in conn.execute(
        "SELECT v.client_id, d.name, v.value_text FROM custom_field_value v JOIN custom_field_def d ON d.id ="
        f" v.field_id WHERE v.client_id IN ({marks}) AND v.value_text IS NOT NULL"
        " AND d.kind IN ('text', 'choice', 'multi_choice') ORDER BY v.client_id, d.position, d.id",
        ids,
    ):
        pieces[cid].append(("custom", field_name, value, value.casefold()))
    hits: dict[int, list[SearchHit]] = {}
    for cid in ids:
        name = names.get(cid)
        if name is None:
            continue
        found: list[SearchHit] = []
        for term in terms:
            if term in name:
                continue
            piece = next((p for p in pieces[cid] if term in p[3]), None)
            if piece is not None:
                hit = SearchHit(piece[0], piece[2], piece[1])
                if hit not in found:
                    found.append(hit)
        if found:
            hits[cid] = found
    return hits
