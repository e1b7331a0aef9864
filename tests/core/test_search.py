"""Client search: trigram for >= 3 characters, LIKE fallback for 1-2 characters, kept current by triggers."""

from __future__ import annotations

import pytest

from desktop_crm.derived import bulk_mode
from desktop_crm.driver import sqlite3
from desktop_crm.engine import raw_connection
from desktop_crm.models import Client, Contact, CustomFieldDef, CustomFieldValue, database, now
from desktop_crm.search import search_client_ids


def ids(query: str) -> set[int]:
    return set(search_client_ids(raw_connection(), query))


@pytest.fixture
def clients(db: object) -> dict[str, Client]:
    a = Client.create(name="杭州云帆科技有限公司", short_name="云帆", phone="0571-8888 1234")
    b = Client.create(name="Northwind Logistics Ltd.", short_name="Northwind", phone="+1 555 0100")
    c = Client.create(name="苏州恒达机械有限公司", short_name="恒达")
    Contact.create(client=a, name="王五", phone="138-0013-8000")
    Contact.create(client=c, name="欧阳明远", phone="13912345678")
    return {"a": a, "b": b, "c": c}


def test_two_character_chinese_query_finds_a_contact_inside_the_client(clients: dict[str, Client]) -> None:
    assert ids("王五") == {clients["a"].id}
    assert ids("明远") == {clients["c"].id}
    assert ids("有限") == {clients["a"].id, clients["c"].id}


def test_one_character_and_three_character_queries(clients: dict[str, Client]) -> None:
    assert ids("帆") == {clients["a"].id}
    assert ids("恒达机") == {clients["c"].id}
    assert ids("欧阳明远") == {clients["c"].id}


def test_english_is_case_insensitive_and_terms_combine(clients: dict[str, Client]) -> None:
    assert ids("northwind") == {clients["b"].id}
    assert ids("LOGISTICS ltd") == {clients["b"].id}
    assert ids("云帆 Northwind") == set()


def test_phone_matches_with_or_without_separators(clients: dict[str, Client]) -> None:
    assert ids("13800138000") == {clients["a"].id}
    assert ids("0013-8000") == {clients["a"].id}
    assert ids("88881234") == {clients["a"].id}


def test_special_characters_are_literal(clients: dict[str, Client]) -> None:
    assert ids('"') == set()
    assert ids("%") == set()
    assert ids("_") == set()
    assert ids("Ltd.") == {clients["b"].id}


def test_index_follows_edits_deletes_and_custom_text(clients: dict[str, Client]) -> None:
    a = clients["a"]
    a.name = "宁波海曙贸易有限公司"
    a.save()
    assert ids("海曙") == {a.id}
    assert ids("杭州") == set()
    contact = Contact.get(Contact.name == "王五")
    contact.deleted_at = now()
    contact.save()
    assert ids("王五") == set()
    field = CustomFieldDef.create(name="主营产品", kind="text")
    CustomFieldValue.create(field=field, client=clients["b"], value_text="冷链运输")
    assert ids("冷链") == {clients["b"].id}
    clients["b"].deleted_at = now()
    clients["b"].save()
    assert ids("冷链") == set()
    clients["b"].deleted_at = None
    clients["b"].save()
    assert ids("冷链") == {clients["b"].id}


@pytest.mark.sqlite_only  # bulk_mode drops SQLite's triggers for the file loaders; a team database is filled by copy
def test_bulk_mode_rebuilds_once_and_restores_triggers(db: object) -> None:
    conn: sqlite3.Connection = raw_connection()
    with database.atomic(), bulk_mode(conn):
        conn.executemany(
            "INSERT INTO client (uuid, created_at, updated_at, name, short_name, status, value_verdict, grade,"
            " expected_amount_cents, source, industry, region, phone, address, website, notes)"
            " VALUES (?, '2025-01-01', '2025-01-01', ?, '', 'lead', 'uncertain', 'B', 0, '', '', '', '', '', '', '')",
            [(f"u{i}", f"客户{i}号") for i in range(50)],
        )
        assert conn.execute("SELECT count(*) FROM client_search").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM client_search").fetchone()[0] == 50
    assert len(ids("客户")) == 50
    assert len(ids("49号")) == 1
    Client.create(name="后来的客户")
    assert len(ids("后来")) == 1


def test_search_memo_gives_the_same_ids_as_the_sql_search(clients: dict[str, Client]) -> None:
    from desktop_crm.search import SearchMemo

    Contact.create(client=clients["b"], name="Anna WALKER", phone="+49 30 1234567")
    memo = SearchMemo(raw_connection())
    # Typed one character at a time (narrowing), then unrelated queries, then terms and deletions.
    queries = [
        "w",
        "wa",
        "wal",
        "walker",
        "王",
        "王五",
        "明远",
        "north",
        "NORTH log",
        "5551",
        "138",
        "恒",
        "%",
        "x y",
    ]
    queries += ["walke", "云帆 王五", "云帆", "", "ltd"]
    for query in queries:
        expected = ids(query) if query.strip() else {c.id for c in clients.values()}
        assert memo.matching_ids(query) == expected, query


def test_ordered_search_keeps_the_list_order_and_narrows(clients: dict[str, Client]) -> None:
    from desktop_crm.search import SearchMemo

    memo = SearchMemo(raw_connection())
    order = [clients["c"].id, clients["b"].id, clients["a"].id]
    search = memo.ordered(order)
    assert search.matching("") == order
    assert search.matching("有") == [clients["c"].id, clients["a"].id]
    assert search.matching("有限") == [clients["c"].id, clients["a"].id]  # narrowed from the previous
    assert search.matching("有限 王五") == [clients["a"].id]
    assert search.matching("138-0013") == [clients["a"].id]
    assert search.matching("13800138") == [clients["a"].id]
    assert search.matching("NORTH") == [clients["b"].id]
    assert memo.ordered([clients["b"].id, 999_999]).matching("") == [clients["b"].id]


def test_search_hits_name_the_contact_or_field_that_matched(clients: dict[str, Client]) -> None:
    from desktop_crm.search import SearchHit, search_hits

    field = CustomFieldDef.create(name="主营产品", kind="text")
    CustomFieldValue.create(field=field, client=clients["b"], value_text="冷链运输")
    conn = raw_connection()
    every = [c.id for c in clients.values()]
    assert search_hits(conn, every, "杭州") == {}  # the name holds it: nothing to point at
    assert search_hits(conn, every, "王五") == {
        clients["a"].id: [SearchHit("contact", "王五 · 138-0013-8000")]
    }
    assert search_hits(conn, every, "13800138") == {
        clients["a"].id: [SearchHit("contact", "王五 · 138-0013-8000")]
    }
    assert search_hits(conn, every, "0571-8888") == {clients["a"].id: [SearchHit("phone", "0571-8888 1234")]}
    assert search_hits(conn, every, "冷链") == {
        clients["b"].id: [SearchHit("custom", "冷链运输", "主营产品")]
    }
    assert search_hits(conn, every, "恒达 明远") == {
        clients["c"].id: [SearchHit("contact", "欧阳明远 · 13912345678")]
    }
    assert search_hits(conn, [], "王五") == {} and search_hits(conn, every, "  ") == {}


def test_memo_split_into_words_and_phones_finds_what_sql_finds(clients: dict[str, Client]) -> None:
    from desktop_crm.search import SearchMemo

    Contact.create(client=clients["b"], name="Anna WALKER 2nd", phone="+49 (30) 1234567 ext.9")
    field = CustomFieldDef.create(name="规模", kind="text")
    CustomFieldValue.create(field=field, client=clients["c"], value_text="1000人以上 A-1")
    memo = SearchMemo(raw_connection())
    for query in [
        "+49",
        "(30)",
        "1234567",
        "0571-8888",
        "8888",
        "-",
        ".",
        "ltd.",
        "2nd",
        "ext.9",
        "1000",
        "1000人",
        "a-1",
        "人以上",
        "0",
        "1",
        "13800138000",
        "138-0013",
        "(",
        "9 walker",
    ]:
        assert memo.matching_ids(query) == ids(query), query


def test_matches_come_in_name_order_after_renames_deletes_and_contact_edits(db: object) -> None:
    from desktop_crm.services.clients import delete_client, update_client

    gamma = Client.create(name="Acme Gamma")
    alpha = Client.create(name="Acme Alpha")
    beta = Client.create(name="Acme Beta")
    delta = Client.create(name="Acme Delta")
    assert search_client_ids(raw_connection(), "acme") == [alpha.id, beta.id, delta.id, gamma.id]
    update_client(gamma.id, name="Acme Aardvark")
    Contact.create(client=alpha, name="Zed Acme")  # the search row is written again: its order stays
    delete_client(beta.id)
    assert search_client_ids(raw_connection(), "ACME") == [gamma.id, alpha.id, delta.id]
    assert search_client_ids(raw_connection(), "acme", 2) == [gamma.id, alpha.id]
    assert search_client_ids(raw_connection(), "acme al") == [alpha.id]


def test_matches_come_in_code_point_order_on_either_engine(db: object) -> None:
    """SQLite orders names by their bytes (upper case before lower, punctuation by code): the team
    database orders its matches the same way whatever the server's locale, so both engines agree."""
    names = ["acme b", "Acme c", "ACME a", "acme-x", "acme 张", "Acme_z", "acme 1"]
    made = {Client.create(name=n).id: n for n in names}
    found = search_client_ids(raw_connection(), "acme")
    assert [made[i] for i in found] == sorted(names)


def test_search_rows_without_their_name_still_come_in_name_order(db: object) -> None:
    """A team database filled by an earlier copy holds search rows without ``sort_name`` (the copy ran
    with the triggers off): their matches are still put in name order."""
    from desktop_crm.engine import is_postgres

    if not is_postgres(db):
        pytest.skip("sort_name is the team database's own column")
    made = [Client.create(name=n).id for n in ("Acme Gamma", "Acme Alpha", "Acme Beta")]
    with database.atomic():
        database.execute_sql("ALTER TABLE client_search DISABLE TRIGGER USER")
        database.execute_sql("UPDATE client_search SET sort_name = NULL WHERE client_id <> ?", (made[2],))
        database.execute_sql("ALTER TABLE client_search ENABLE TRIGGER USER")
    assert search_client_ids(raw_connection(), "acme") == [made[1], made[2], made[0]]


def test_signatures_and_phone_runs_made_a_slice_at_a_time_are_the_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The memo's arrays are made a few thousand texts at a time (short numpy calls, little memory): any
    slicing gives the arrays made in one go, runs of phone characters at a slice's edge included."""
    import random

    import numpy as np

    from desktop_crm import search

    rng = random.Random(5)
    pieces = ["acme", "云帆", "50-200人", "ltd.", "a-1", "(30)", "x", "", "12", "walker", "1000人以上", "+49"]
    words = [" ".join(rng.choice(pieces) for _ in range(rng.randrange(4))) for _ in range(200)]
    monkeypatch.setattr(search, "_SIGNATURE_SLICE", 10_000)
    whole_signatures, (whole_runs, whole_rows) = search._signatures_and_runs(words)
    assert len(whole_runs) and (whole_rows >= 0).sum() > 10  # phone runs in many texts
    for size in (1, 3, 64, 199):
        monkeypatch.setattr(search, "_SIGNATURE_SLICE", size)
        signatures, (runs, run_rows) = search._signatures_and_runs(words)
        assert np.array_equal(signatures, whole_signatures), size
        assert np.array_equal(runs, whole_runs) and np.array_equal(run_rows, whole_rows), size
    monkeypatch.setattr(search, "_SIGNATURE_SLICE", 3)
    empty_signatures, (empty_runs, empty_rows) = search._signatures_and_runs([])
    assert (
        empty_signatures.shape == (0, search.SIGNATURE_BITS // 64)
        and not len(empty_runs)
        and not len(empty_rows)
    )


def test_a_phone_index_of_texts_joined_a_batch_at_a_time_is_the_same() -> None:
    """The memo joins the rows' phone texts a batch at a time (no string per row kept): the index made
    from them equals the one made from the list, empty texts and batches of one included."""
    import numpy as np

    from desktop_crm.search import JoinedTexts, _PhoneIndex, _signatures_and_runs

    phones = ["138-0013-8000 13800138000", "", "+1 555 0100", "", "", "0571-8888 1234", "(30) 1234567"]
    words = ["acme", "50-200人", "", "ltd.", "a-1", "", "x"]
    runs = _signatures_and_runs(words)[1]
    whole = _PhoneIndex(phones, runs)
    for size in (1, 2, 3, 7):
        joined = JoinedTexts()
        for first in range(0, len(phones), size):
            joined.add(phones[first : first + size])
        joined.add([])  # an empty batch adds nothing
        batched = _PhoneIndex(joined, runs)
        assert batched.raw == whole.raw, size
        for name in ("starts", "owners", "pairs"):
            assert np.array_equal(getattr(batched, name), getattr(whole, name)), (size, name)
    rows = np.arange(len(phones))
    assert whole.phones_hold(rows, "0100").tolist() == [False, False, True, False, False, False, False]
    assert whole.phones_hold(rows, "(30)").tolist()[-1] and not whole.phones_hold(rows, "50-200").any()


def test_joined_words_find_a_term_within_one_row_only() -> None:
    """The memo keeps every client's words in one string (less memory than a string each): a term is found
    in a row exactly when that row's own text holds it, never across two rows, at any batch size."""
    import random

    import numpy as np

    from desktop_crm.search import JoinedTexts, JoinedWords

    rng = random.Random(7)
    pieces = ["ab", "cd", "云帆", "王五", "50-200人", "ltd.", "x", "walker", "b", "c"]
    words = [" ".join(rng.choice(pieces) for _ in range(rng.randrange(4))) for _ in range(120)]
    words[:3] = ["ab", "cd", ""]  # "bc" spans the first two rows' texts: found in neither
    rows = np.arange(len(words))
    whole = JoinedWords.of(words)
    for size in (1, 5, 120):
        joined = JoinedTexts()
        for first in range(0, len(words), size):
            joined.add(words[first : first + size])
        batched = JoinedWords(joined)
        assert batched.text == whole.text and np.array_equal(batched.starts, whole.starts), size
    assert [whole[i] for i in range(len(words))] == words and len(whole) == len(words)
    for term in ("bc", "ab", "b", "d", "云", "帆 王", "50-200", "ltd.", "ker", "walker", "b c", "xx", "人"):
        assert whole.holding(rows, term) == [term in w for w in words], term
    picked = np.array([2, 0, 1, 0])
    assert whole.holding(picked, "b") == [False, True, False, True]
    assert whole.holding(np.array([], dtype=np.int64), "b") == []


def test_a_memo_made_a_slice_at_a_time_finds_what_sql_finds(
    clients: dict[str, Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The memo makes its signatures a slice of rows at a time while it reads them (never every row's
    words as strings at once): with slices of one or two rows it still finds exactly what SQL finds."""
    from desktop_crm import search

    Contact.create(client=clients["b"], name="Anna WALKER", phone="+49 30 1234567")
    Client.create(name="Delta 50-200人 Tools", short_name="Delta")  # phone characters inside a word
    Client.create(name="Echo 8-12 Works", short_name="Echo")
    monkeypatch.setattr(search, "_MEMO_BATCH", 1)  # a row at a time: a slice ends after any row
    for size in (1, 2):
        monkeypatch.setattr(search, "_SIGNATURE_SLICE", size)
        memo = search.SearchMemo(raw_connection())
        queries = (
            "w",
            "walker",
            "王五",
            "明远",
            "NORTH log",
            "5551",
            "138",
            "30 1234",
            "ltd",
            "x y",
            "0-2",
            "8-1",
        )
        for query in (*queries, "50-200", "-12", "2"):
            assert memo.matching_ids(query) == ids(query), (size, query)
        listed = [clients["c"].id, clients["b"].id, clients["a"].id]
        assert memo.ordered(listed).matching("有限") == [clients["c"].id, clients["a"].id]
