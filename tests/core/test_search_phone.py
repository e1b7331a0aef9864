"""Phone-fragment search over the joined phone bytes (``_PhoneIndex``) finds exactly what a plain
``term in phones or term in words`` per row finds: for every fragment length, over all rows and over a
narrowed list."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import desktop_crm.search as search
from desktop_crm.search import OrderedSearch, _PhoneIndex, _signatures, _signatures_and_runs, _split_text

DIGITS = "0123456789"
PHONE_CHARS = "0123456789+-.()"

# A phone token as ``_split_text`` keeps it: phone characters with at least one digit.
tokens = st.builds(
    lambda head, digit, tail: head + digit + tail,
    st.text(alphabet=PHONE_CHARS, max_size=4),
    st.sampled_from(DIGITS),
    st.text(alphabet=PHONE_CHARS, max_size=12),
)
phone_texts = st.lists(tokens, max_size=5).map(" ".join)  # a row: no phone, one or several
fragments = st.text(alphabet=PHONE_CHARS, min_size=1, max_size=14)


@settings(max_examples=300, deadline=None)
@given(st.lists(phone_texts, max_size=30), st.lists(fragments, min_size=1, max_size=8))
def test_phone_index_finds_what_a_substring_test_finds(phones: list[str], terms: list[str]) -> None:
    index = _PhoneIndex(phones)
    # Fragments cut out of the rows' own phones hit; the random ones mostly miss.
    rng = random.Random(len(phones))
    for text in phones:
        if text:
            start = rng.randrange(len(text))
            cut = text[start : start + rng.randrange(1, 13)].split(" ")[0]
            if cut:
                terms.append(cut)
    for term in terms:
        expected = [term in text for text in phones]
        assert index.rows_holding(term).tolist() == expected, (term, phones)


# Words as ``_split_text`` keeps them: tokens of letters, Chinese, other digits, digits and phone
# punctuation mixed ("50-200人", "ltd.", "a-1", "(北京)"); some texts hold no phone character at all.
words_texts = st.lists(
    st.text(alphabet=PHONE_CHARS + "abc人以上北京·é\u0660\uff11", min_size=1, max_size=10), max_size=6
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(words_texts, phone_texts), max_size=30),
    st.lists(fragments, min_size=1, max_size=8),
)
def test_phone_index_with_the_words_runs_finds_a_term_in_the_phones_or_the_words(
    rows: list[tuple[str, str]], terms: list[str]
) -> None:
    words = [w for w, _ in rows]
    phones = [p for _, p in rows]
    signatures, runs = _signatures_and_runs(words)
    assert (signatures == _signatures(words)).all()
    assert set(runs[0].tobytes()) <= set((PHONE_CHARS + " ").encode())
    index = _PhoneIndex(phones, runs)
    for token in " ".join(words).split():  # pieces of the words' own runs
        for piece in (token[:1], token[:3], token[1:4], token[-2:]):
            if piece and set(piece) <= set(PHONE_CHARS):
                terms.append(piece)
    for term in terms:
        expected = [term in w or term in p for w, p in rows]
        assert index.rows_holding(term).tolist() == expected, (term, rows)


def test_phone_index_over_many_chunks_of_rows_and_runs() -> None:
    """More rows than one build step (4096), the last thousand with runs in their words: a row's phones
    and its runs are never built in one step (a step writes each row's bits once), and every row's
    bits hold both."""
    rng = random.Random(3)
    count = 6000
    phones = [" ".join(f"{rng.randrange(10**6)}" for _ in range(rng.randrange(3))) for _ in range(count)]
    words = [
        f"客户{rng.choice(['', '50-200人', 'ltd.', '(7)'])}{i % 97}" if i >= 5000 else "客户"
        for i in range(count)
    ]
    index = _PhoneIndex(phones, _signatures_and_runs(words)[1])
    for term in [*PHONE_CHARS, "50", "0-", "-2", ".1", "(7", "7)", "96", "123", "50-200", "(7)9"]:
        expected = [term in w or term in p for w, p in zip(words, phones, strict=True)]
        assert index.rows_holding(term).tolist() == expected, term


def _realistic_phones(rng: random.Random) -> str:
    """A client's phone text as the index builds it: the client's and its contacts' phones, each with and
    without separators (``+86 138 0013 8000`` splits into tokens at the spaces)."""
    shapes = [
        lambda: f"1{rng.randrange(30, 99)}{rng.randrange(10**8):08d}",
        lambda: f"0{rng.randrange(10, 999)}-{rng.randrange(10**7, 10**8)}",
        lambda: f"+86 1{rng.randrange(30, 99)} {rng.randrange(10**4):04d} {rng.randrange(10**4):04d}",
        lambda: f"({rng.randrange(10, 99)}) {rng.randrange(10**6, 10**7)}",
        lambda: f"1{rng.randrange(30, 99)}-{rng.randrange(10**4):04d}-{rng.randrange(10**4):04d}",
        lambda: f"+1.555.{rng.randrange(10**3):03d}.{rng.randrange(10**4):04d}",
    ]
    parts = []
    for _ in range(rng.choice([0, 1, 1, 2, 3, 4])):
        phone = rng.choice(shapes)()
        digits = phone.replace("-", "").replace(" ", "").replace("+", "").replace(".", "")
        parts.append(f"{phone} {digits}")
    name = rng.choice(["王五", "Anna Walker", "李明 2nd", "客户 A-1", "北京1号楼"])
    return _split_text(f"{name} {' '.join(parts)}".casefold())[1]


@pytest.mark.parametrize(("scan_slice", "count"), [(1 << 20, 3000), (1000, 3000), (7, 200)])
def test_phone_index_on_realistic_phones_every_fragment_length(
    monkeypatch: pytest.MonkeyPatch, scan_slice: int, count: int
) -> None:
    """Terms of three characters or more are scanned a slice of the text at a time: a match across two
    slices is still found."""
    monkeypatch.setattr(search, "_SCAN_SLICE", scan_slice)
    rng = random.Random(12)
    phones = [_realistic_phones(rng) for _ in range(count)]
    index = _PhoneIndex(phones)
    assert index.text.nbytes == sum(map(len, phones)) + len(phones)
    terms = list(PHONE_CHARS) + ["13", "00", "86", "+8", "-0", "((", "55", ".5", "0)", "+86", "8000"]
    for length in range(2, 15):
        for _ in range(6):
            text = rng.choice([p for p in phones if p])
            token = rng.choice(text.split(" "))
            start = rng.randrange(len(token))
            terms.append(token[start : start + length])
            terms.append("".join(rng.choice(DIGITS) for _ in range(length)))
    for term in terms:
        assert index.rows_holding(term).tolist() == [term in p for p in phones], term


def _reference(words: list[str], phones: list[str], rows: list[int], terms: list[str]) -> list[int]:
    """The rule before the index: a term in the words, or (phone characters only) in the phones."""
    kept = []
    for row in rows:
        if all(t in words[row] or (set(t) <= set(PHONE_CHARS) and t in phones[row]) for t in terms):
            kept.append(row)
    return kept


@pytest.mark.parametrize("scanned", [0, 4096, 8192])
def test_ordered_search_with_a_shared_index_matches_the_plain_rule(
    monkeypatch: pytest.MonkeyPatch, scanned: int
) -> None:
    """A list in its own order over the memo's index (``phone_rows``), typed one key at a time (each
    keystroke narrows the previous rows): the narrowed rows are searched per row (up to
    ``_PHONE_ROWS_SCANNED``) or through the index; both give the plain rule's rows (a term in the words,
    or a phone-like term in the phones)."""
    monkeypatch.setattr(search, "_PHONE_ROWS_SCANNED", scanned)
    rng = random.Random(scanned + 5)
    extras = ["", "", "50-200人", "ltd.", "(北京) a-1", "1000人以上", "2nd"]
    texts = [
        _split_text(f"客户{i} {rng.choice(extras)} {_realistic_phones(rng)}".casefold()) for i in range(6000)
    ]
    memo_words = [w for w, _ in texts]
    memo_phones = [p for _, p in texts]
    index = _PhoneIndex(memo_phones, _signatures_and_runs(memo_words)[1])
    order = np.array(rng.sample(range(len(texts)), 5000), dtype=np.int64)  # a filtered, sorted list
    words = [memo_words[i] for i in order]
    phones = [memo_phones[i] for i in order]
    ids = [1000 + int(i) for i in order]
    shared = OrderedSearch(ids, words, phones, None, index, order)
    alone = OrderedSearch(ids, words, phones)
    queries = [
        "1",
        "13",
        "138",
        "1380",
        "13800",
        "0",
        "0-",
        "+",
        "+8",
        "+86",
        "8",
        "86 1",
        "86 13",
        "客户1 5",
    ]
    queries += [
        "(",
        "(1",
        ")",
        ".",
        "-",
        "2-",
        "9999",
        "1.555",
        "5.0",
        "50-2",
        "0-1",
        "ltd.",
        "d.",
        "a-1 (",
        "2n",
    ]
    for _ in range(30):
        token = rng.choice(rng.choice([p for p in memo_phones if p]).split(" "))
        start = rng.randrange(len(token))
        queries.append(token[start : start + rng.randrange(2, 12)])
    for query in queries:
        for n in range(1, len(query) + 1):
            prefix = query[:n]
            terms = prefix.casefold().split()
            want = [ids[r] for r in _reference(words, phones, list(range(len(ids))), terms)]
            assert shared.matching(prefix) == want, prefix
            assert alone.matching(prefix) == want, prefix


@pytest.mark.parametrize("kept", [1.0, 0.8, 0.1])
def test_lists_made_by_the_memo_read_its_signatures_and_give_the_plain_rule(kept: float) -> None:
    """``SearchMemo.ordered`` over a list in its own order (every client, most of them, a few): the memo's
    signatures are read through the list's positions (a long list) or copied in its order (a short one);
    both give the plain rule's rows, and a list whose ids all have texts is kept as given (no copy)."""
    import sqlite3

    from desktop_crm.search import SearchMemo

    rng = random.Random(int(kept * 100))
    extras = ["", "Walker ltd.", "50-200人", "(北京) a-1", "Silver & Co", "恒达"]
    bodies = {
        10 + 3 * i: f"客户{i} {rng.choice(extras)} {rng.choice(extras)} {_realistic_phones(rng)}"
        for i in range(3000)
    }
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE client_search (client_id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
    conn.executemany("INSERT INTO client_search VALUES (?, ?)", list(bodies.items()))
    memo = SearchMemo(conn)
    listed = rng.sample(sorted(bodies), int(len(bodies) * kept))  # a filtered list, in its own order
    ordered = memo.ordered(listed)
    assert ordered.matching("") == listed
    assert ordered._ids is listed
    texts = [_split_text(bodies[cid].casefold()) for cid in listed]
    words, phones = [w for w, _ in texts], [p for _, p in texts]
    for query in [
        "w",
        "wa",
        "walker",
        "walker l",
        "s",
        "silver &",
        "客",
        "客户1",
        "恒达",
        "人",
        "13",
        "-2",
        "0",
    ]:
        terms = query.casefold().split()
        want = [listed[r] for r in _reference(words, phones, list(range(len(listed))), terms)]
        assert ordered.matching(query) == want, query
    assert memo.ordered([*listed[:3], 999_999]).matching("") == listed[:3]
